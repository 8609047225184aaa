use crate::{Field, Scheme};
use super::{Category, Parameter, Preset};
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Okta](https://developer.okta.com/docs/concepts/event-hooks/) event hooks:
    /// `Authorization: <the value configured in the hook's authScheme>`, compared in constant
    /// time; the secret is that whole value, as configured (`Bearer …` included if you wrote it
    /// so). Nothing is signed: the header proves the sender, not the body, and a captured request
    /// replays as is. The one-time verification `GET` (`X-Okta-Verification-Challenge`, answered
    /// with `{"verification":"<value>"}`) is not verified here: answer it in your router.
    /// Deliveries are identified by the body's `eventId`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::okta(), "0kta-shared-secret-value")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn okta() -> Scheme {
        Scheme::token("okta", "Authorization").delivery_id(Field::json("eventId"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "okta",
        provider: "Okta",
        category: Category::Identity,
        docs: "https://developer.okta.com/docs/concepts/event-hooks/",
        parameter: Parameter::None,
        build: |_| Scheme::okta(),
    },
];

/// Okta event hooks' check: a `GET` with `X-Okta-Verification-Challenge` is answered 200 with
/// `{"verification": <the challenge>}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct OktaVerification;

impl Handshake for OktaVerification {
    fn before(&self, request: &http::request::Parts, _: &crate::Verifier) -> Option<Answer> {
        if request.method != http::Method::GET {
            return None;
        }
        let challenge = handshake::header_text(&request.headers, "x-okta-verification-challenge")?;
        if !handshake::is_reflectable(&challenge) {
            return Some(handshake::invalid_challenge());
        }
        let body = format!(r#"{{"verification":{}}}"#, handshake::json_string(&challenge));
        Some(handshake::json(body))
    }
}
