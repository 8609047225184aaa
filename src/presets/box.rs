use crate::{Algorithm, Encoding, Field, Scheme, SignedContent, TimestampFormat};
use std::time::Duration;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Box](https://developer.box.com/guides/webhooks/v2/signatures-v2/):
    /// `box-signature-primary: <base64 HMAC-SHA256 of "{body}{box-delivery-timestamp}">` (no
    /// separator), keyed with the primary signature key; `box-signature-secondary` carries the
    /// same made with the secondary key, and either may match (configure both keys with
    /// [`with_secrets`](crate::VerifyWebhookLayer::with_secrets)). The timestamp is the RFC 3339
    /// `box-delivery-timestamp`, signed as received; it must be within 600 s, Box's documented
    /// ten minutes, here in both directions (Box rejects only old ones). `box-signature-version`
    /// and `box-signature-algorithm` are not checked. Deliveries are identified by the body's
    /// `id` (`box-delivery-id` changes on every retry).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::with_secrets(
    ///     Scheme::r#box(),
    ///     [("primary", "SamplePrimaryKey"), ("secondary", "SampleSecondaryKey")],
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, box/box-node-sdk
    /// tests/lib/managers/webhooks-test.js):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::r#box(), "SamplePrimaryKey")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1577862060));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/box")
    ///     .header("Content-Type", "application/json")
    ///     .header("BOX-DELIVERY-ID", "f96bb54b-ee16-4fc5-aa65-8c2d9e5b546f")
    ///     .header("BOX-DELIVERY-TIMESTAMP", "2020-01-01T00:00:00-07:00")
    ///     .header("BOX-SIGNATURE-ALGORITHM", "HmacSHA256")
    ///     .header("BOX-SIGNATURE-PRIMARY", "SVkbKgy3dEEf2PbbzpNu2lDZS7zZ/aboU7HOZgBGrJk=")
    ///     .header("BOX-SIGNATURE-VERSION", "1")
    ///     .body(r#"{"webhook":{"id":"1234567890"},"trigger":"FILE.UPLOADED","source":{"id":"1234567890","type":"file","name":"test \r"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn r#box() -> Scheme {
        Scheme::hmac("box", Algorithm::Sha256, "box-signature-primary")
            .also_signature_headers(["box-signature-secondary"])
            .encoding(Encoding::Base64)
            .timestamp_header("box-delivery-timestamp")
            .timestamp_format(TimestampFormat::Rfc3339)
            .signed_content(SignedContent::new().body().timestamp())
            .tolerance(Duration::from_secs(600))
            .delivery_id(Field::json("id"))
            .event_type(Field::json("trigger"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "box",
        provider: "Box",
        category: Category::Productivity,
        docs: "https://developer.box.com/guides/webhooks/v2/signatures-v2/",
        parameter: Parameter::None,
        build: |_| Scheme::r#box(),
    },
];
