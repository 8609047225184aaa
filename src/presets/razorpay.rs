use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Razorpay](https://razorpay.com/docs/webhooks/integrations/):
    /// `X-Razorpay-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the webhook secret
    /// set in the dashboard (not the API key secret). There is no timestamp, so nothing limits
    /// replays. `X-Razorpay-Event-Id` is reported by [`Delivery`](crate::Delivery), but Razorpay does
    /// not sign it: deduplication keys on the digest of the signed body, which a retry repeats.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::razorpay(), "my-razorpay-webhook-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn razorpay() -> Scheme {
        Scheme::hmac("razorpay", Algorithm::Sha256, "X-Razorpay-Signature")
            .delivery_id(Field::header("X-Razorpay-Event-Id"))
            .event_type(Field::json("event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "razorpay",
        provider: "Razorpay",
        category: Category::Payments,
        docs: "https://razorpay.com/docs/webhooks/integrations/",
        parameter: Parameter::None,
        build: |_| Scheme::razorpay(),
    },
];
