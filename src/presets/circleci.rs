use crate::{Algorithm, Field, Scheme, SignatureFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [CircleCI](https://circleci.com/docs/webhooks/):
    /// `circleci-signature: v1=<hex>[,v2=...]`, hex HMAC-SHA256 of the raw body, keyed with the
    /// webhook's secret token. Only `v1` entries count (the only version today); others are
    /// ignored. A webhook without a secret sends no signature and is rejected. No timestamp is
    /// signed, so there is no replay window. Deliveries are identified by the body's `id`, the
    /// key CircleCI gives for deduplicating.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::circleci(), "circleci-secret-token")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn circleci() -> Scheme {
        Scheme::hmac("circleci", Algorithm::Sha256, "circleci-signature")
            .format(SignatureFormat::list(',', "v1="))
            .delivery_id(Field::json("id"))
            .event_type(Field::header("Circleci-Event-Type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "circleci",
        provider: "CircleCI",
        category: Category::DeveloperTools,
        docs: "https://circleci.com/docs/webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::circleci(),
    },
];
