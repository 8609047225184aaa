use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Cal.com](https://cal.com/docs/developing/guides/automation/webhooks):
    /// `X-Cal-Signature-256: <hex HMAC-SHA256 of the raw body>` (no `sha256=` prefix), keyed with
    /// the webhook's secret. A webhook without a secret sends the literal `no-secret-provided`,
    /// which never verifies. No timestamp is signed, so there is no replay window; Cal.com sends
    /// no delivery id, so deliveries are identified by what their signature covers (less its timestamp).
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::cal_com(), "cal-webhook-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://cal.com/docs/developing/guides/automation/webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::cal_com(), "cal-webhook-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/cal_com")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Cal-Signature-256", "6e7620414fdaaccc6e8f539191a54b56be9bbef236217928fda64d913bd84ff3")
    ///     .body(r#"{"triggerEvent":"BOOKING_CREATED","createdAt":"2023-05-24T09:30:00.538Z","payload":{"type":"30min","title":"30 Min Meeting between A and B"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cal_com() -> Scheme {
        Scheme::hmac("cal_com", Algorithm::Sha256, "X-Cal-Signature-256")
            .event_type(Field::json("triggerEvent"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "cal_com",
        provider: "Cal.com",
        category: Category::Productivity,
        docs: "https://cal.com/docs/developing/guides/automation/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::cal_com(),
    },
];
