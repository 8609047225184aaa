use crate::{Algorithm, Field, Scheme, SignatureFormat, SignedContent};
use std::time::Duration;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Calendly](https://developer.calendly.com/api-docs/4c305798a61d3-webhook-signatures):
    /// `Calendly-Webhook-Signature: t=<timestamp>,v1=<hex>`, hex HMAC-SHA256 of `"{t}.{body}"`,
    /// keyed with the webhook signing key. The timestamp must be within 180 s, the tolerance
    /// of Calendly's verification sample. Deliveries are identified by what their signature covers (less its timestamp): Calendly
    /// sends no delivery id.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::calendly(), "webhook-signing-key")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn calendly() -> Scheme {
        Scheme::hmac("calendly", Algorithm::Sha256, "Calendly-Webhook-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .signed_content(SignedContent::new().timestamp().text(".").body())
            .tolerance(Duration::from_secs(180))
            .event_type(Field::json("event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "calendly",
        provider: "Calendly",
        category: Category::Productivity,
        docs: "https://developer.calendly.com/api-docs/4c305798a61d3-webhook-signatures",
        parameter: Parameter::None,
        build: |_| Scheme::calendly(),
    },
];
