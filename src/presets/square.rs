use crate::{Algorithm, Encoding, Field, Scheme, SignedContent};
use std::borrow::Cow;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Square](https://developer.squareup.com/docs/webhooks/step3validate):
    /// `x-square-hmacsha256-signature: <base64 HMAC-SHA256 of "{notification URL}{body}">`, keyed
    /// with the subscription's signature key (used as text, not decoded). The URL is
    /// `notification_base_url` (scheme, host and any port, from configuration, since proxies
    /// change what the server sees) followed by the request's path and query: it must come out
    /// byte-identical to the notification URL registered with Square, trailing slash included.
    /// There is no signed timestamp, so nothing limits replays. Deliveries are identified by the
    /// body's `event_id`; `square-retry-number` numbers the retries. The legacy SHA-1
    /// `x-square-signature` header is ignored.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::square("https://hooks.example.com"),
    ///     "Ibxx_5AKakO-3qeNVR61Dw",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, square/square-python-sdk
    /// tests/integration/test_webhooks_helper.py):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::square("https://webhook.site"), "signature-key")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks")
    ///     .header("Content-Type", "application/json")
    ///     .header("x-square-hmacsha256-signature", "Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=")
    ///     .body(r#"{"data":{"type":"webhooks","id":">id<"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn square(notification_base_url: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::hmac("square", Algorithm::Sha256, "x-square-hmacsha256-signature")
            .encoding(Encoding::Base64)
            .signed_content(
                SignedContent::new()
                    .public_url(notification_base_url)
                    .body(),
            )
            .delivery_id(Field::json("event_id"))
            .event_type(Field::json("type"))
            .attempt(Field::header("square-retry-number"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "square",
        provider: "Square",
        category: Category::Payments,
        docs: "https://developer.squareup.com/docs/webhooks/step3validate",
        parameter: Parameter::PublicBaseUrl,
        build: |parameter| Scheme::square(parameter.to_owned()),
    },
];
