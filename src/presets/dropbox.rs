use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Dropbox](https://www.dropbox.com/developers/reference/webhooks):
    /// `X-Dropbox-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the app secret. There
    /// is no timestamp, so nothing limits replays, and no delivery id (a notification only says
    /// which accounts changed). The verification `GET ?challenge=…` is unsigned and not handled
    /// here: echo the value as `text/plain` with `X-Content-Type-Options: nosniff` in your router.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::dropbox(), "dbx-app-secret-0123456789")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://www.dropbox.com/developers/reference/webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::dropbox(), "dbx-app-secret-0123456789")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/dropbox")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Dropbox-Signature", "20d3fa0008efe05d32bd5d760ee9a4d43b9c3dd6ca5d799cda8ca8ffdbb5de0d")
    ///     .body(r#"{"list_folder": {"accounts": ["dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc"]}, "delta": {"users": [12345678]}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dropbox() -> Scheme {
        Scheme::hmac("dropbox", Algorithm::Sha256, "X-Dropbox-Signature")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "dropbox",
        provider: "Dropbox",
        category: Category::Productivity,
        docs: "https://www.dropbox.com/developers/reference/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::dropbox(),
    },
];

/// Dropbox's check: a `GET ?challenge=…` is answered 200 with the challenge as `text/plain`.
#[derive(Debug, Clone, Copy, Default)]
pub struct DropboxChallenge;

impl Handshake for DropboxChallenge {
    fn before(&self, request: &http::request::Parts, _: &crate::Verifier) -> Option<Answer> {
        if request.method != http::Method::GET {
            return None;
        }
        let challenge = handshake::query_param(request, "challenge")?;
        Some(handshake::reflect(Some(challenge)))
    }
}
