use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Shopify](https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook):
    /// `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the raw body>`, keyed with the app's client
    /// secret. Deliveries are identified by `X-Shopify-Event-Id`, the key Shopify names for
    /// ignoring duplicates, which Shopify does not sign. Shopify sends one change to several
    /// topics with the same body (`products/create` and `products/update`), so deduplication
    /// keys on the digest of the signed body *and* that id
    /// ([`Scheme::distinct_deliveries_by_unsigned_id`]): a replayer who changes the id within
    /// the dedup window gets a captured delivery handled again; make Shopify handlers idempotent.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::shopify(), "shopify-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::shopify(), "shopify-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/shopify")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Shopify-Hmac-Sha256", "75QK1TBDEq7g6LejBy6P8XtUBdoXiW0jdx8ooCd4Isk=")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shopify() -> Scheme {
        Scheme::hmac("shopify", Algorithm::Sha256, "X-Shopify-Hmac-Sha256")
            .encoding(Encoding::Base64)
            .delivery_id(Field::header("X-Shopify-Event-Id"))
            .distinct_deliveries_by_unsigned_id()
            .event_type(Field::header("X-Shopify-Topic"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "shopify",
        provider: "Shopify",
        category: Category::Commerce,
        docs: "https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook",
        parameter: Parameter::None,
        build: |_| Scheme::shopify(),
    },
];
