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
