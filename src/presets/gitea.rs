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
