use crate::{Scheme, SignedContent};
use super::{Category, Parameter, Preset};
#[cfg(feature = "json")]
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Discord](https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers):
    /// `X-Signature-Ed25519: <hex Ed25519 signature of "{X-Signature-Timestamp}{body}">` (no
    /// separator), checked with the application's public key (64 hex digits, from the Developer
    /// Portal); Interactions and Webhook Events are signed alike. The timestamp is unix seconds;
    /// the window is 300 s: Discord documents none. Discord probes with invalid signatures and
    /// expects 401; the PING (`"type":1` → `{"type":1}`, or `"type":0` → 204) is answered by your
    /// handler after verification. There is no delivery id header; deduplicate on the body's `id`.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::discord(),
    ///     "b2d85e0aff91ce749227a8aa422a399d14db5087f781c3507830f4b56bf342ce",
    /// );
    /// // Needs the `ed25519` feature; without it, `ConfigError::FeatureDisabled` names it.
    /// # #[cfg(feature = "ed25519")]
    /// # let _ = layer?;
    /// # #[cfg(not(feature = "ed25519"))]
    /// # assert!(matches!(layer, Err(tower_webhook::ConfigError::FeatureDisabled { feature: "ed25519" })));
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python: python cryptography Ed25519 following
    /// <https://discord.com/developers/docs/events/webhook-events>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// # #[cfg(feature = "ed25519")] {
    /// let verifier = Verifier::new(Scheme::discord(), "b2d85e0aff91ce749227a8aa422a399d14db5087f781c3507830f4b56bf342ce")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/discord")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Signature-Ed25519", "e3f87de7e479738767143bd2781558fc2c906678589095339c24040b67082a421e303ca7e3e8e794b522449de6b51979e22c76a80265d964788c99f502127d02")
    ///     .header("X-Signature-Timestamp", "1700000000")
    ///     .body(r#"{"version":1,"application_id":"1234567890123456789","type":0}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discord() -> Scheme {
        Scheme::ed25519("discord", "X-Signature-Ed25519")
            .timestamp_header("X-Signature-Timestamp")
            .signed_content(SignedContent::new().timestamp().body())
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "discord",
        provider: "Discord",
        category: Category::Messaging,
        docs: "https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers",
        parameter: Parameter::None,
        build: |_| Scheme::discord(),
    },
];

/// Discord interactions' `PING`: a signed `{"type": 1}` is answered 200 `{"type":1}`.
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct DiscordPing;

#[cfg(feature = "json")]
impl Handshake for DiscordPing {
    fn after(&self, _: &http::HeaderMap, body: &[u8], _: &crate::Verifier) -> Option<Answer> {
        let value: serde_json::Value = serde_json::from_slice(body).ok()?;
        if value["type"] != 1 {
            return None;
        }
        Some(handshake::json(r#"{"type":1}"#.to_owned()))
    }

    fn is_signed(&self) -> bool {
        true
    }
}
