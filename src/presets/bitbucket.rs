use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Bitbucket Cloud](https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks):
    /// `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. Deliveries are identified by
    /// their signature (Bitbucket does not document `X-Request-UUID` as stable across retries).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::bitbucket(), "bitbucket-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::bitbucket(), "bitbucket-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/bitbucket")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Hub-Signature", "sha256=f7eab275431c4a1bc1218d6408951d37a00a31f650eff853b4a1516503db5e1b")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bitbucket() -> Scheme {
        Scheme::hmac("bitbucket", Algorithm::Sha256, "X-Hub-Signature")
            .prefix("sha256=")
            .event_type(Field::header("X-Event-Key"))
            .attempt(Field::header("X-Attempt-Number"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "bitbucket",
        provider: "Bitbucket Cloud",
        category: Category::DeveloperTools,
        docs: "https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::bitbucket(),
    },
];
