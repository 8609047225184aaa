use crate::{Encoding, Field, Scheme, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Telnyx](https://developers.telnyx.com/docs/development/sdk/python/webhooks):
    /// `telnyx-signature-ed25519: <base64 Ed25519 signature of "{telnyx-timestamp}|{body}">`,
    /// checked with the account's public key (base64 of 32 bytes, from Mission Control → Keys &
    /// Credentials). The timestamp is unix seconds; the window is 300 s, as in Telnyx's SDKs. This
    /// is not Standard Webhooks despite Telnyx's wording: the headers and the signed string
    /// differ. Deliveries are identified by the body's `data.id` (there is no id header).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::telnyx(),
    ///     "b9SWCk+BizqCDciiof1KsmpHkwt6O7Qk2YtocFtl6ss=",
    /// );
    /// // Needs the `ed25519` feature; without it, `ConfigError::FeatureDisabled` names it.
    /// # #[cfg(feature = "ed25519")]
    /// # let _ = layer?;
    /// # #[cfg(not(feature = "ed25519"))]
    /// # assert!(matches!(layer, Err(tower_webhook::ConfigError::FeatureDisabled { feature: "ed25519" })));
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python: python cryptography Ed25519 following
    /// <https://developers.telnyx.com/docs/development/sdk/python/webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// # #[cfg(feature = "ed25519")] {
    /// let verifier = Verifier::new(Scheme::telnyx(), "b9SWCk+BizqCDciiof1KsmpHkwt6O7Qk2YtocFtl6ss=")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/telnyx")
    ///     .header("Content-Type", "application/json")
    ///     .header("telnyx-signature-ed25519", "xBWIjR5dDu9NdVrWOk4y6ZbAyZ4VM7X3AuTmlRC+tMNsCvmY7jJ72cZZ79niw/6SR6Cg1pGWzaBaAgS1Sio2CA==")
    ///     .header("telnyx-timestamp", "1700000000")
    ///     .body(r#"{"data":{"id":"test-id","event_type":"call.initiated"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn telnyx() -> Scheme {
        Scheme::ed25519("telnyx", "telnyx-signature-ed25519")
            .encoding(Encoding::Base64)
            .timestamp_header("telnyx-timestamp")
            .signed_content(SignedContent::new().timestamp().text("|").body())
            .delivery_id(Field::json("data.id"))
            .event_type(Field::json("data.event_type"))
            .attempt(Field::json("meta.attempt"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "telnyx",
        provider: "Telnyx",
        category: Category::Messaging,
        docs: "https://developers.telnyx.com/docs/development/sdk/python/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::telnyx(),
    },
];
