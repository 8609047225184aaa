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
    ///
    /// A known answer (the provider's own example, circleci/circleci-docs
    /// jekyll/_cci2/webhooks.md):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::circleci(), "secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/circleci")
    ///     .header("Content-Type", "text/plain")
    ///     .header("circleci-signature", "v1=773ba44693c7553d6ee20f61ea5d2757a9a4f4a44d2841ae4e95b52e4cd62db4")
    ///     .body(r#"foo"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
