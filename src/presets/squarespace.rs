use crate::{Algorithm, Field, Scheme, SecretFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Squarespace](https://developers.squarespace.com/webhooks/verifying-notifications):
    /// `Squarespace-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the webhook
    /// subscription's `secret`, a hex string whose decoded bytes are the key (not its text). No
    /// timestamp is signed, so there is no replay window. Deliveries are identified by their
    /// signature (Squarespace does not document its body `id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::squarespace(),
    ///     "8f0e5b1c2d3a4f6e7b8c9d0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn squarespace() -> Scheme {
        Scheme::hmac("squarespace", Algorithm::Sha256, "Squarespace-Signature")
            .secret_format(SecretFormat::Hex)
            .event_type(Field::json("topic"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "squarespace",
        provider: "Squarespace",
        category: Category::Commerce,
        docs: "https://developers.squarespace.com/webhooks/verifying-notifications",
        parameter: Parameter::None,
        build: |_| Scheme::squarespace(),
    },
];
