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
    ///
    /// A known answer (the provider's own example, razorpay/razorpay-python
    /// tests/test_client_utility.py):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::razorpay(), "key_secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// // The example delivery (971 bytes).
    /// # let body = "{\n  \"event\": \"payment.authorized\",\n  \"entity\": \"event\",\n  \"contains\": [\n    \"payment\"\n  ],\n  \"payload\": {\n    \"payment\": {\n      \"entity\": {\n        \"id\": \"pay_6koWN7bvxujzxM\",\n        \"entity\": \"payment\",\n        \"amount\": 1000000,\n        \"currency\": \"INR\",\n        \"status\": \"captured\",\n        \"order_id\": \"order_100000000order\",\n        \"international\": false,\n        \"method\": \"card\",\n        \"amount_refunded\": 0,\n        \"refund_status\": null,\n        \"captured\": true,\n        \"description\": \"random description\",\n        \"card_id\": \"card_6koWNAT6LASUqy\",\n        \"bank\": null,\n        \"wallet\": null,\n        \"vpa\": null,\n        \"email\": \"a@b.com\",\n        \"contact\": \"+919999999999\",\n        \"notes\": {\n          \"merchant_order_id\": \"random order id\"\n        },\n        \"fee\": 23000,\n        \"service_tax\": 3000,\n        \"error_code\": null,\n        \"error_description\": null,\n        \"created_at\": 1479978483\n      }\n    }\n  },\n  \"created_at\": 1400826760\n}\n";
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/razorpay")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Razorpay-Signature", "d60e67fd884556c045e9be7dad57903e33efc7172c17c6e3ef77db42d2b366e9")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
