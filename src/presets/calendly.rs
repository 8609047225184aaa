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
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::calendly(), "calendly-key")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/calendly")
    ///     .header("Content-Type", "application/json")
    ///     .header("Calendly-Webhook-Signature", "t=1700000000,v1=0878d16cd886a4ccf78c43bb348ed952da634811fab7546c21743f2d378d84bf")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
