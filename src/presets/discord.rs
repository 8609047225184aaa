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
