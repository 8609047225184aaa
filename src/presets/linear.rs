use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Linear](https://linear.app/developers/webhooks#securing-webhooks):
    /// `Linear-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the webhook's signing
    /// secret. Freshness comes from `webhookTimestamp` (milliseconds) inside the JSON body, which
    /// must be within 60 s either way and must be present as a number, as in Linear's current
    /// SDK; it is checked after the signature. Needs the `json` feature (without it the scheme
    /// fails to build, rather than skip the freshness check). Deliveries are identified by
    /// what the signature covers: Linear does not document `Linear-Delivery` as stable.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::linear(), "lin_wh_secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn linear() -> Scheme {
        Scheme::hmac("linear", Algorithm::Sha256, "Linear-Signature")
            .event_type(Field::header("Linear-Event"))
            .timestamp_in_json_body("webhookTimestamp")
            .timestamp_format(crate::TimestampFormat::Milliseconds)
            .tolerance(std::time::Duration::from_secs(60))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "linear",
        provider: "Linear",
        category: Category::Productivity,
        docs: "https://linear.app/developers/webhooks#securing-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::linear(),
    },
];

/// Without `json` the scheme's body checks could not run, so it is refused when built.
#[cfg(all(test, not(feature = "json")))]
mod without_json {
    use crate::{ConfigError, Scheme, Verifier};

    #[test]
    fn is_refused_naming_the_feature() {
        assert!(matches!(
            Verifier::new(Scheme::linear(), "secret"),
            Err(ConfigError::FeatureDisabled { feature: "json" })
        ));
    }
}
