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
    ///
    /// A known answer (computed with Python's `hmac` from linear/linear
    /// packages/sdk/src/webhooks/client.ts (LinearWebhookClient) with the body of
    /// packages/sdk/src/_tests/LinearWebhooks.test.ts):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::linear(), "SECRET")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// // The example delivery (550 bytes).
    /// # let body = r#"{"action":"create","data":{"id":"2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9","createdAt":"2020-01-23T12:53:18.084Z","updatedAt":"2020-01-23T12:53:18.084Z","archivedAt":null,"body":"Indeed, I think this is definitely an improvement over the previous version.","edited":false,"issueId":"539068e2-ae88-4d09-bd75-22eb4a59612f","userId":"aacdca22-6266-4c0a-ab3c-8fa70a26765c"},"type":"Comment","url":"https://linear.app/issue/LIN-1778/foo-bar#comment-77217de3-fb52-4dad-bb9a-b356beb93de8","createdAt":"2020-01-23T12:53:18.084Z","webhookTimestamp":1700000000000}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/linear")
    ///     .header("Content-Type", "application/json")
    ///     .header("Linear-Delivery", "234d1a4e-b617-4388-90fe-adc3633d6b72")
    ///     .header("Linear-Event", "Comment")
    ///     .header("Linear-Signature", "9c34e3128d6cd5e6599e7f719eb87d4f6003c713d153ba2bb2e35ae13a654459")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
