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
