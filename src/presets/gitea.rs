use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Gitea and Forgejo](https://docs.gitea.com/usage/webhooks):
    /// `X-Gitea-Signature: <hex HMAC-SHA256 of the raw body>`. Deliveries are identified by
    /// their signature: a redelivery gets a new `X-Gitea-Delivery`.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::gitea(), "gitea-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from <https://docs.gitea.com/usage/webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::gitea(), "gitea-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/gitea")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Gitea-Signature", "1da197e2d1ff9ee4d1c628bd0324c1c1ef37913601193de2f496955f2e082d8e")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gitea() -> Scheme {
        Scheme::hmac("gitea", Algorithm::Sha256, "X-Gitea-Signature")
            .event_type(Field::header("X-Gitea-Event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "gitea",
        provider: "Gitea and Forgejo",
        category: Category::DeveloperTools,
        docs: "https://docs.gitea.com/usage/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::gitea(),
    },
];
