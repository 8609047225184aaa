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
