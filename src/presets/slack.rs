use crate::{Algorithm, Field, Scheme, SignedContent};
use super::{Category, Parameter, Preset};
#[cfg(feature = "json")]
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Slack](https://api.slack.com/authentication/verifying-requests-from-slack):
    /// `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{body}">`, with the timestamp
    /// in `X-Slack-Request-Timestamp`, keyed with the app's signing secret. The timestamp must be
    /// within the tolerance (300 s by default). Slash commands arrive form-encoded: extract them
    /// with [`VerifiedForm`](crate::VerifiedForm). Events API deliveries are identified by the
    /// body's `event_id`; `X-Slack-Retry-Num` numbers the retries.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::slack(), "8f742231b10e8888abcd99yyyzzz85a5")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example,
    /// <https://api.slack.com/authentication/verifying-requests-from-slack>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::slack(), "8f742231b10e8888abcd99yyyzzz85a5")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1531420678));
    /// // The example delivery (362 bytes).
    /// # let body = r#"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/slack")
    ///     .header("Content-Type", "application/x-www-form-urlencoded")
    ///     .header("X-Slack-Request-Timestamp", "1531420618")
    ///     .header("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn slack() -> Scheme {
        Scheme::hmac("slack", Algorithm::Sha256, "X-Slack-Signature")
            .prefix("v0=")
            .timestamp_header("X-Slack-Request-Timestamp")
            .signed_content(v0_timestamp_body())
            .delivery_id(Field::json("event_id"))
            .event_type(Field::json("event.type"))
            .attempt(Field::header("X-Slack-Retry-Num"))
    }
}

/// `"v0:{timestamp}:{body}"`: Slack's signed content, which Zoom copied.
pub(super) fn v0_timestamp_body() -> SignedContent {
    SignedContent::new()
        .text("v0:")
        .timestamp()
        .text(":")
        .body()
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "slack",
        provider: "Slack",
        category: Category::Messaging,
        docs: "https://api.slack.com/authentication/verifying-requests-from-slack",
        parameter: Parameter::None,
        build: |_| Scheme::slack(),
    },
];

/// Slack Events API's URL check: a signed `POST` of `{"type": "url_verification", "challenge":
/// …}` is answered 200 with the challenge as `text/plain`, never reaching the handler.
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct SlackUrlVerification;

#[cfg(feature = "json")]
impl Handshake for SlackUrlVerification {
    fn after(&self, _: &http::HeaderMap, body: &[u8], _: &crate::Verifier) -> Option<Answer> {
        let value: serde_json::Value = serde_json::from_slice(body).ok()?;
        if value["type"] != "url_verification" {
            return None;
        }
        Some(handshake::reflect(value["challenge"].as_str().map(str::to_owned)))
    }

    fn is_signed(&self) -> bool {
        true
    }
}
