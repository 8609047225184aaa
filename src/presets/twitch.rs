use crate::{Algorithm, Field, Scheme, SignedContent, TimestampFormat};
use std::time::Duration;
use super::{Category, Parameter, Preset};
#[cfg(feature = "json")]
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Twitch](https://dev.twitch.tv/docs/eventsub/handling-webhook-events/) EventSub:
    /// `Twitch-Eventsub-Message-Signature: sha256=<hex HMAC-SHA256 of "{Twitch-Eventsub-Message-Id}{Twitch-Eventsub-Message-Timestamp}{body}">`
    /// (no separators), keyed with the subscription's `secret`. The timestamp is RFC 3339 (with
    /// nanoseconds), signed as received; the window is 600 s (Twitch: reject if older than 10
    /// minutes). Deliveries are identified by `Twitch-Eventsub-Message-Id`, which Twitch keeps
    /// when it resends a message. The `webhook_callback_verification` challenge is signed too;
    /// echo its `challenge` as `text/plain` from your handler.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::twitch(), "s3cRe7-tower-webhook")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://dev.twitch.tv/docs/eventsub/handling-webhook-events/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::twitch(), "s3cRe7-tower-webhook")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1767225610));
    /// // The example delivery (407 bytes).
    /// # let body = r#"{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"webhook_callback_verification_pending","type":"channel.follow","version":"2","cost":1,"condition":{"broadcaster_user_id":"12826","moderator_user_id":"12826"},"transport":{"method":"webhook","callback":"https://example.com/webhooks/callback"},"created_at":"2026-01-01T00:00:00.000000000Z"}}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/twitch")
    ///     .header("Content-Type", "application/json")
    ///     .header("Twitch-Eventsub-Message-Id", "e76c6bd4-55c9-4987-8304-da1588d8988b")
    ///     .header("Twitch-Eventsub-Message-Retry", "0")
    ///     .header("Twitch-Eventsub-Message-Type", "webhook_callback_verification")
    ///     .header("Twitch-Eventsub-Message-Signature", "sha256=e1127b2160679c64d9a59f0ac7e4818bc7f501e05060690968dc7c57b4c06bb4")
    ///     .header("Twitch-Eventsub-Message-Timestamp", "2026-01-01T00:00:01.000000001Z")
    ///     .header("Twitch-Eventsub-Subscription-Type", "channel.follow")
    ///     .header("Twitch-Eventsub-Subscription-Version", "2")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn twitch() -> Scheme {
        Scheme::hmac(
            "twitch",
            Algorithm::Sha256,
            "Twitch-Eventsub-Message-Signature",
        )
        .prefix("sha256=")
        .timestamp_header("Twitch-Eventsub-Message-Timestamp")
        .timestamp_format(TimestampFormat::Rfc3339)
        .tolerance(Duration::from_secs(600))
        .signed_content(
            SignedContent::new()
                .header("Twitch-Eventsub-Message-Id")
                .timestamp()
                .body(),
        )
        .delivery_id(Field::header("Twitch-Eventsub-Message-Id"))
        .event_type(Field::header("Twitch-Eventsub-Subscription-Type"))
        .attempt(Field::header("Twitch-Eventsub-Message-Retry"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "twitch",
        provider: "Twitch",
        category: Category::Messaging,
        docs: "https://dev.twitch.tv/docs/eventsub/handling-webhook-events/",
        parameter: Parameter::None,
        build: |_| Scheme::twitch(),
    },
];

/// Twitch EventSub's checks: a signed `webhook_callback_verification` is answered 200 with the
/// challenge as `text/plain`; a signed `revocation` 204.
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct TwitchEventSub;

#[cfg(feature = "json")]
impl Handshake for TwitchEventSub {
    fn after(&self, headers: &http::HeaderMap, body: &[u8], _: &crate::Verifier) -> Option<Answer> {
        match handshake::header_text(headers, "twitch-eventsub-message-type").as_deref() {
            Some("webhook_callback_verification") => {
                let value: serde_json::Value = serde_json::from_slice(body).ok()?;
                Some(handshake::reflect(value["challenge"].as_str().map(str::to_owned)))
            }
            Some("revocation") => Some(handshake::text(http::StatusCode::NO_CONTENT, String::new())),
            _ => None,
        }
    }

    fn is_signed(&self) -> bool {
        true
    }
}
