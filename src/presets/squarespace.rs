use crate::{Algorithm, Field, Scheme, SecretFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Squarespace](https://developers.squarespace.com/webhooks/verifying-notifications):
    /// `Squarespace-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the webhook
    /// subscription's `secret`, a hex string whose decoded bytes are the key (not its text). No
    /// timestamp is signed, so there is no replay window. Deliveries are identified by their
    /// signature (Squarespace does not document its body `id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::squarespace(),
    ///     "8f0e5b1c2d3a4f6e7b8c9d0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.squarespace.com/webhooks/verifying-notifications>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::squarespace(), "8f0e5b1c2d3a4f6e7b8c9d0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// // The example delivery (224 bytes).
    /// # let body = r#"{"id":"5f0c1a2b3c4d5e6f7a8b9c0d","websiteId":"5e0c1a2b3c4d5e6f7a8b9c01","subscriptionId":"5f0c1a2b3c4d5e6f7a8b9c02","topic":"order.create","createdOn":"2023-11-14T22:13:20.000Z","data":{"orderId":"5f0c1a2b3c4d5e6f7a8b9c03"}}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/squarespace")
    ///     .header("Content-Type", "application/json")
    ///     .header("Squarespace-Signature", "c5f046f14b5c564b1fe19dc1f2759fe7c64bc278eb2a69e091c2b71e9d5f9fc3")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn squarespace() -> Scheme {
        Scheme::hmac("squarespace", Algorithm::Sha256, "Squarespace-Signature")
            .secret_format(SecretFormat::Hex)
            .event_type(Field::json("topic"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "squarespace",
        provider: "Squarespace",
        category: Category::Commerce,
        docs: "https://developers.squarespace.com/webhooks/verifying-notifications",
        parameter: Parameter::None,
        build: |_| Scheme::squarespace(),
    },
];
