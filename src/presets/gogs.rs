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
