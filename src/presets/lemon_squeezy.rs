use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Lemon Squeezy](https://docs.lemonsqueezy.com/help/webhooks/signing-requests):
    /// `X-Signature: <hex HMAC-SHA256 of the raw body>`. Deliveries are identified by their
    /// signature: Lemon Squeezy sends no delivery id.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::lemon_squeezy(), "lemon-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://docs.lemonsqueezy.com/help/webhooks/signing-requests>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::lemon_squeezy(), "lemon-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/lemon_squeezy")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Signature", "dc9b04b59bf080ca43c2d9ab46d08e105f0b6b75bcde0f004df33d05c6f8f9d5")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lemon_squeezy() -> Scheme {
        Scheme::hmac("lemon_squeezy", Algorithm::Sha256, "X-Signature")
            .event_type(Field::header("X-Event-Name"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "lemon_squeezy",
        provider: "Lemon Squeezy",
        category: Category::Payments,
        docs: "https://docs.lemonsqueezy.com/help/webhooks/signing-requests",
        parameter: Parameter::None,
        build: |_| Scheme::lemon_squeezy(),
    },
];
