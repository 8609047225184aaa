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
