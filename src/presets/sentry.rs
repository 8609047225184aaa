use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Sentry integration platform](https://docs.sentry.io/organization/integrations/integration-platform/webhooks/):
    /// `Sentry-Hook-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the client secret.
    /// Deliveries are identified by what their signature covers (less its timestamp) (`Request-ID` is not documented as stable).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::sentry(), "sentry-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://docs.sentry.io/organization/integrations/integration-platform/webhooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::sentry(), "sentry-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/sentry")
    ///     .header("Content-Type", "application/json")
    ///     .header("Sentry-Hook-Signature", "6f929a24506df665f2f775192082671689794b9a5c36b31f97b2b9ab1d18b5a0")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sentry() -> Scheme {
        Scheme::hmac("sentry", Algorithm::Sha256, "Sentry-Hook-Signature")
            .event_type(Field::header("Sentry-Hook-Resource"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "sentry",
        provider: "Sentry integration platform",
        category: Category::DeveloperTools,
        docs: "https://docs.sentry.io/organization/integrations/integration-platform/webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::sentry(),
    },
];
