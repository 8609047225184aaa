use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [WooCommerce](https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks):
    /// `X-WC-Webhook-Signature: <base64 HMAC-SHA256 of the raw body>`. Deliveries are identified
    /// by what their signature covers: `X-WC-Webhook-Delivery-ID` is new on every send.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::woocommerce(), "wc-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::woocommerce(), "wc-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/woocommerce")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-WC-Webhook-Signature", "iHys5IcPGXdz2tBxwWr9cZfs2h6a3Wjs7AqtP/Ovz2s=")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn woocommerce() -> Scheme {
        Scheme::hmac("woocommerce", Algorithm::Sha256, "X-WC-Webhook-Signature")
            .encoding(Encoding::Base64)
            .event_type(Field::header("X-WC-Webhook-Topic"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "woocommerce",
        provider: "WooCommerce",
        category: Category::Commerce,
        docs: "https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::woocommerce(),
    },
];

/// WooCommerce's activation ping: the unsigned `POST` (of `webhook_id=…`, without a signature)
/// sent when a webhook is created is answered 200 instead of 401, without calling the handler,
/// so WooCommerce saves the webhook.
#[derive(Debug, Clone, Copy, Default)]
pub struct WooCommercePing;

impl Handshake for WooCommercePing {
    fn before(&self, request: &http::request::Parts, verifier: &crate::Verifier) -> Option<Answer> {
        let signed = verifier
            .scheme()
            .get_signature_headers()
            .iter()
            .any(|name| request.headers.contains_key(name));
        (request.method == http::Method::POST && !signed)
            .then(|| handshake::text(http::StatusCode::OK, String::new()))
    }
}
