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
