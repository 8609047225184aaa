use crate::{Algorithm, Field, Scheme, SignatureFormat, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Stripe](https://docs.stripe.com/webhooks#verify-manually):
    /// `Stripe-Signature: t=<timestamp>,v1=<hex>[,v1=<hex>...]`, hex HMAC-SHA256 of
    /// `"{t}.{body}"`.
    ///
    /// The endpoint secret is used verbatim as the key, `whsec_` prefix included. Any matching
    /// `v1` is accepted (Stripe sends several while you roll a secret); `v0` and other schemes are
    /// ignored. The timestamp must be within the tolerance (300 s by default) in either direction.
    /// Deliveries are identified by the body's `id` (`evt_…`), which Stripe keeps on retries.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::stripe(), "whsec_stripe_test")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://docs.stripe.com/webhooks#verify-manually>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::stripe(), "whsec_stripe_test")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/stripe")
    ///     .header("Content-Type", "application/json")
    ///     .header("Stripe-Signature", "t=1700000000,v1=2c7d37250150e146e99ad302f20b530dcd080fb18da190ca4752e15e92eb09c5")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stripe() -> Scheme {
        Scheme::hmac("stripe", Algorithm::Sha256, "Stripe-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .signed_content(SignedContent::new().timestamp().text(".").body())
            .delivery_id(Field::json("id"))
            .event_type(Field::json("type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "stripe",
        provider: "Stripe",
        category: Category::Payments,
        docs: "https://docs.stripe.com/webhooks#verify-manually",
        parameter: Parameter::None,
        build: |_| Scheme::stripe(),
    },
];
