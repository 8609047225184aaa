use crate::{Algorithm, Encoding, Scheme};
use super::{Parameter, Preset};

impl Scheme {
    /// [X (Twitter)](https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks)
    /// Account Activity webhooks: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the
    /// raw body>`, keyed with the app's consumer secret (API key secret). There is no timestamp,
    /// so nothing limits replays; there is no delivery id either. X signs the CRC answer
    /// (`GET ?crc_token=…`, see [`Handshake::TwitterCrc`](crate::handshake::Handshake::TwitterCrc))
    /// with the same key and the same HMAC, so this scheme accepts only JSON object bodies
    /// ([`Scheme::json_object_body`]), which no CRC token the layer answers can be: no CRC
    /// answer is ever a delivery signature.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::twitter(),
    ///     "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn twitter() -> Scheme {
        Scheme::hmac("twitter", Algorithm::Sha256, "x-twitter-webhooks-signature")
            .prefix("sha256=")
            .encoding(Encoding::Base64)
            .json_object_body()
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "twitter",
        provider: "X (Twitter)",
        docs: "https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::twitter(),
    },
];
