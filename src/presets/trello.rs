use crate::{Algorithm, Encoding, Field, Scheme, SignedContent};
use std::borrow::Cow;
use super::{Category, Parameter, Preset};
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Trello](https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/):
    /// `X-Trello-Webhook: <base64 HMAC-SHA1 of "{body}{callback URL}">` (no separator), keyed with
    /// the application's OAuth 1.0 secret (not the API key or token). The callback URL is
    /// `base_url` (scheme, host and any port, from configuration) followed by the request's path
    /// and query; it must come out byte-identical to the `callbackURL` given at webhook creation.
    /// The raw UTF-8 body is signed; Trello documents signing its payload as a "binary string"
    /// (each UTF-16 unit cut to 8 bits), so bodies with non-ASCII text may fail to verify. There
    /// is no timestamp, so nothing limits replays. Deliveries are identified by what their signature covers (less its timestamp);
    /// the body's `action.id` identifies the action.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::trello("https://hooks.example.com"),
    ///     "trello-oauth1-application-secret-0123456789abcdef",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::trello("https://example.com"), "trello-oauth1-application-secret-0123456789abcdef")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/trello/webhook?board=1")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Trello-Webhook", "S2a7x5R6MTKt7yVfqqr1zJrxrIo=")
    ///     .body(r#"{"action":{"id":"5f1b2c3d4e5f6a7b8c9d0e1f","type":"updateCard","date":"2026-01-01T00:00:00.000Z"},"model":{"id":"4d5ea62fd76aa1136000000c","name":"Board"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn trello(base_url: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::hmac("trello", Algorithm::Sha1, "X-Trello-Webhook")
            .encoding(Encoding::Base64)
            .signed_content(SignedContent::new().body().public_url(base_url))
            .event_type(Field::json("action.type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "trello",
        provider: "Trello",
        category: Category::Productivity,
        docs: "https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/",
        parameter: Parameter::PublicBaseUrl,
        build: |parameter| Scheme::trello(parameter.to_owned()),
    },
];

/// Trello's check: the `HEAD` request sent when a webhook is created is answered 200.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrelloHead;

impl Handshake for TrelloHead {
    fn before(&self, request: &http::request::Parts, _: &crate::Verifier) -> Option<Answer> {
        (request.method == http::Method::HEAD)
            .then(|| handshake::text(http::StatusCode::OK, String::new()))
    }
}
