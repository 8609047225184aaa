use crate::{Algorithm, Field, Scheme, SignatureFormat, SignedContent};
use std::time::Duration;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Paddle Billing](https://developer.paddle.com/webhooks/signature-verification):
    /// `Paddle-Signature: ts=<timestamp>;h1=<hex>`, hex HMAC-SHA256 of `"{ts}:{body}"`, keyed with
    /// the notification destination's secret key. Every `h1` is tried (an unusable one, such as
    /// the `h1=dummy` in Paddle's own SDK fixtures, is skipped). The timestamp must be within
    /// 5 s, the default of Paddle's Node and Python SDKs. Deliveries are identified by the body's
    /// `event_id`.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::paddle(), "pdl_ntfset_01h..._secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, PaddleHQ/paddle-python-sdk
    /// tests/Unit/Notification/test_Verifier.py (test_validate_paddle_signature_header_integrity)):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::paddle(), "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_WvRO0eL4Bj9rgYYIBZY6wZhG4EHy9jzh")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1696195957));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/paddle")
    ///     .header("Content-Type", "text/plain")
    ///     .header("Paddle-Signature", "ts=1696195954;h1=dummy;h1=d96299976a6eb066f484d7fde011ac56fc32b38fc9940bc419d6e537fdc6ef02")
    ///     .body(r#"hello-world"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn paddle() -> Scheme {
        Scheme::hmac("paddle", Algorithm::Sha256, "Paddle-Signature")
            .format(SignatureFormat::key_value(';', "ts", "h1"))
            .signed_content(SignedContent::new().timestamp().text(":").body())
            .tolerance(Duration::from_secs(5))
            .delivery_id(Field::json("event_id"))
            .event_type(Field::json("event_type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "paddle",
        provider: "Paddle Billing",
        category: Category::Payments,
        docs: "https://developer.paddle.com/webhooks/signature-verification",
        parameter: Parameter::None,
        build: |_| Scheme::paddle(),
    },
];
