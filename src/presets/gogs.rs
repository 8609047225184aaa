use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Gogs](https://gogs.io/docs/advancing/webhooks):
    /// `X-Gogs-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the webhook's secret.
    /// Only the `application/json` content type is covered: with
    /// `application/x-www-form-urlencoded` Gogs signs the decoded `payload` JSON, not the body
    /// sent. No timestamp is signed, so there is no replay window. Deliveries are identified by
    /// their signature (`X-Gogs-Delivery` is not documented as stable).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::gogs(), "gogs-webhook-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://gogs.io/docs/advancing/webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::gogs(), "gogs-webhook-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/gogs")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Gogs-Signature", "55b332b939d1c46301e5df91b6136922ed2a8505f760822a518af0a0e10058a8")
    ///     .body(r#"{"ref":"refs/heads/main","before":"28e1879d029cb852e4844d9c718537df08844e03","after":"bffeb74224043ba2feb48d137756c8a9331c449a"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gogs() -> Scheme {
        Scheme::hmac("gogs", Algorithm::Sha256, "X-Gogs-Signature")
            .event_type(Field::header("X-Gogs-Event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "gogs",
        provider: "Gogs",
        category: Category::DeveloperTools,
        docs: "https://gogs.io/docs/advancing/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::gogs(),
    },
];
