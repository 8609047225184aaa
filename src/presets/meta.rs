use crate::{Algorithm, Field, Scheme};
use super::{Parameter, Preset};

impl Scheme {
    /// [Meta (Facebook, Instagram, WhatsApp Cloud API)](https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads):
    /// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the app secret.
    /// Deliveries are identified by what their signature covers (less its timestamp): Meta sends no delivery id.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::meta(), "meta-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn meta() -> Scheme {
        Scheme::hmac("meta", Algorithm::Sha256, "X-Hub-Signature-256")
            .prefix("sha256=")
            .event_type(Field::json("object"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "meta",
        provider: "Meta (Facebook, Instagram, WhatsApp Cloud API)",
        docs: "https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads",
        parameter: Parameter::None,
        build: |_| Scheme::meta(),
    },
];
