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
    ///
    /// A known answer (computed with Python: python token comparison following
    /// <https://developer.okta.com/docs/concepts/event-hooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::okta(), "0kta-shared-secret-value")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// // The example delivery (304 bytes).
    /// # let body = r#"{"eventType":"com.okta.event_hook","eventTypeVersion":"1.0","cloudEventsVersion":"0.1","source":"https://example.okta.com/api/v1/eventHooks/who8vt36qfNpCGz9H1d6","eventId":"b5a188b9-5ece-4636-b041-482ffda96311","eventTime":"2023-11-14T22:13:20.000Z","contentType":"application/json","data":{"events":[]}}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/okta")
    ///     .header("Content-Type", "application/json")
    ///     .header("Authorization", "0kta-shared-secret-value")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
