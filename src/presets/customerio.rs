use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Customer.io](https://docs.customer.io/api/webhooks/) reporting webhooks:
    /// `X-CIO-Signature: <hex HMAC-SHA256 of "v0:{X-CIO-Timestamp}:{body}">`, keyed with the
    /// reporting webhook's signing key. The timestamp is `X-CIO-Timestamp` in seconds, within
    /// 300 s: Customer.io documents none. Campaign "webhook actions" are unsigned and not
    /// covered. Deliveries are identified by the body's `event_id`.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::customerio(),
    ///     "3a1f0e0c2b7d4e6f8a9b0c1d2e3f4a5b",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn customerio() -> Scheme {
        Scheme::hmac("customerio", Algorithm::Sha256, "X-CIO-Signature")
            .timestamp_header("X-CIO-Timestamp")
            .signed_content(super::slack::v0_timestamp_body())
            .delivery_id(Field::json("event_id"))
            .event_type(Field::json("metric"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "customerio",
        provider: "Customer.io",
        category: Category::Email,
        docs: "https://docs.customer.io/api/webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::customerio(),
    },
];
