use super::Preset;
use crate::handshake::{self, Answer, Handshake};

/// [Microsoft Graph](https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks)
/// change notifications' validation: a `POST ?validationToken=…` is answered 200 with the
/// decoded token as `text/plain` (see
/// [reflected challenges](crate::handshake#reflected-challenges)). Graph signs no notification
/// with a shared secret, so there is no preset: check each notification's `clientState` in the
/// handler.
#[derive(Debug, Clone, Copy, Default)]
pub struct MicrosoftGraphValidation;

impl Handshake for MicrosoftGraphValidation {
    fn before(&self, request: &http::request::Parts, _: &crate::Verifier) -> Option<Answer> {
        if request.method != http::Method::POST {
            return None;
        }
        let token = handshake::query_param(request, "validationToken")?;
        Some(handshake::reflect(Some(token)))
    }
}

/// This file's registry entries: none, as above.
pub(super) const PRESETS: &[Preset] = &[];
