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
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://docs.customer.io/api/webhooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::customerio(), "3a1f0e0c2b7d4e6f8a9b0c1d2e3f4a5b")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/customerio")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-CIO-Timestamp", "1700000000")
    ///     .header("X-CIO-Signature", "fa54b35bf4dfcc2516b3a4c1c16decbb67df9345c49d227af8ac67ffae4c68d4")
    ///     .body(r#"{"event_id":"01E4C4C6P79C12J5A6KPE6XNFD","object_type":"email","metric":"delivered","timestamp":1700000000,"data":{"delivery_id":"RPILAgUBcRhIBqSfeiIwdIYJKxTY","identifiers":{"id":"42"}}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
