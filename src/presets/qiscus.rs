use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Qiscus](https://support.qiscus.com/) Chat SDK:
    /// `QISCUS-SDK-SIGNATURE: <hex HMAC-SHA256 of the raw body>`, no prefix, keyed with the
    /// signature token generated in the SDK dashboard.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::qiscus(), "qiscus-token")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from <https://support.qiscus.com/> (Qiscus
    /// Chat SDK webhook: QISCUS-SDK-SIGNATURE)):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::qiscus(), "qiscus-token")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/qiscus")
    ///     .header("Content-Type", "application/json")
    ///     .header("QISCUS-SDK-SIGNATURE", "e5bc568d8a0bae205209ef886d3fdb8b37254be95bed7cd7bef9d0953574092c")
    ///     .body(r#"{"payload":{"from":{"id":140220,"name":"Qiscus Demo"}},"type":"post_comment_mobile"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qiscus() -> Scheme {
        Scheme::hmac("qiscus", Algorithm::Sha256, "QISCUS-SDK-SIGNATURE")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "qiscus",
        provider: "Qiscus",
        category: Category::Messaging,
        docs: "https://support.qiscus.com/",
        parameter: Parameter::None,
        build: |_| Scheme::qiscus(),
    },
];
