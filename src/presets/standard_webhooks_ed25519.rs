use crate::{Encoding, Field, Scheme, SecretFormat, SignatureFormat, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Standard Webhooks (Ed25519)](https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
    /// `webhook-signature: v1a,<base64> [v1a,<base64> ...]`, base64 Ed25519 signatures of
    /// `"{webhook-id}.{webhook-timestamp}.{body}"`, checked with the sender's public key
    /// (`whpk_<base64 of 32 bytes>`). Entries of other versions (the symmetric `v1`) are ignored,
    /// but at least one `v1a` must match. The timestamp is unix seconds; the window is 300 s, as
    /// in the reference libraries. Deliveries are identified by `webhook-id`, stable across
    /// retries.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::standard_webhooks_ed25519(),
    ///     "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=",
    /// );
    /// // Needs the `ed25519` feature; without it, `ConfigError::FeatureDisabled` names it.
    /// # #[cfg(feature = "ed25519")]
    /// # let _ = layer?;
    /// # #[cfg(not(feature = "ed25519"))]
    /// # assert!(matches!(layer, Err(tower_webhook::ConfigError::FeatureDisabled { feature: "ed25519" })));
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, svix/svix-webhooks
    /// server/svix-server/src/worker.rs (test_asymmetric_key_signing; key pair from README.md)):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// # #[cfg(feature = "ed25519")] {
    /// let verifier = Verifier::new(Scheme::standard_webhooks_ed25519(), "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1614265340));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/standard_webhooks_ed25519")
    ///     .header("Content-Type", "application/json")
    ///     .header("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
    ///     .header("webhook-timestamp", "1614265330")
    ///     .header("webhook-signature", "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==")
    ///     .body(r#"{"test": 2432232314}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standard_webhooks_ed25519() -> Scheme {
        Scheme::ed25519("standard_webhooks_ed25519", "webhook-signature")
            .secret_format(SecretFormat::Base64 { prefix: "whpk_" })
            .format(SignatureFormat::list(' ', "v1a,"))
            .encoding(Encoding::Base64)
            .timestamp_header("webhook-timestamp")
            .signed_content(
                SignedContent::new()
                    .header("webhook-id")
                    .text(".")
                    .timestamp()
                    .text(".")
                    .body(),
            )
            .delivery_id(Field::header("webhook-id"))
            .event_type(Field::json("type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "standard_webhooks_ed25519",
        provider: "Standard Webhooks (Ed25519)",
        category: Category::Infrastructure,
        docs: "https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md",
        parameter: Parameter::None,
        build: |_| Scheme::standard_webhooks_ed25519(),
    },
];
