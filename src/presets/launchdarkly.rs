use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [LaunchDarkly](https://launchdarkly.com/docs/home/infrastructure/webhooks#sign-a-webhook):
    /// `X-LD-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the webhook's secret.
    /// A webhook without a secret sends no signature and is rejected. No timestamp is signed, so
    /// there is no replay window; delivery ids are not checked, deduplicate on the body's `_id`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::launchdarkly(), "ld-webhook-secret-7c1f")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://launchdarkly.com/docs/home/infrastructure/webhooks#sign-a-webhook>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::launchdarkly(), "ld-webhook-secret-7c1f")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/launchdarkly")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-LD-Signature", "e1699375ab1ef7eeea719daf6d40a530d2c0d0722029ba50658e0d3c2751864e")
    ///     .body(r#"{"_links":{"canonical":{"href":"/api/v2/flags/default/my-flag"}},"_id":"5f7c1a2b3c4d5e6f7a8b9c0d","kind":"flag","name":"my-flag","description":"turned on","date":1700000000000}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn launchdarkly() -> Scheme {
        Scheme::hmac("launchdarkly", Algorithm::Sha256, "X-LD-Signature")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "launchdarkly",
        provider: "LaunchDarkly",
        category: Category::DeveloperTools,
        docs: "https://launchdarkly.com/docs/home/infrastructure/webhooks#sign-a-webhook",
        parameter: Parameter::None,
        build: |_| Scheme::launchdarkly(),
    },
];
