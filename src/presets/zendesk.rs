use crate::{Algorithm, Encoding, Field, Scheme, SignedContent, TimestampFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Zendesk](https://developer.zendesk.com/documentation/webhooks/verifying/):
    /// `X-Zendesk-Webhook-Signature: <base64 HMAC-SHA256 of "{timestamp}{body}">` (no
    /// separator), keyed with the webhook's signing secret used as text (it looks like base64 but
    /// is not decoded). The timestamp is `X-Zendesk-Webhook-Signature-Timestamp`, an RFC 3339
    /// date-time signed as received, within 300 s: Zendesk documents none. Requests without a
    /// body sign the timestamp alone. Deliveries are identified by what their signature covers (less its timestamp) (Zendesk
    /// does not document `X-Zendesk-Webhook-Invocation-Id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// // Zendesk's documented secret for test requests sent before a webhook exists.
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::zendesk(),
    ///     "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developer.zendesk.com/documentation/webhooks/verifying/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::zendesk(), "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1704067210));
    /// let request = http::Request::builder()
    ///     .method("DELETE")
    ///     .uri("/webhooks/zendesk")
    ///     .header("X-Zendesk-Webhook-Signature", "mL9jRdcsPb1lFuwRi/04Dm7XO1H5ZtNLcOZ9GOrOsRw=")
    ///     .header("X-Zendesk-Webhook-Signature-Timestamp", "2024-01-01T00:00:00Z")
    ///     .body(r#""#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn zendesk() -> Scheme {
        Scheme::hmac("zendesk", Algorithm::Sha256, "X-Zendesk-Webhook-Signature")
            .encoding(Encoding::Base64)
            .timestamp_header("X-Zendesk-Webhook-Signature-Timestamp")
            .timestamp_format(TimestampFormat::Rfc3339)
            .signed_content(SignedContent::new().timestamp().body())
            .event_type(Field::json("type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "zendesk",
        provider: "Zendesk",
        category: Category::Messaging,
        docs: "https://developer.zendesk.com/documentation/webhooks/verifying/",
        parameter: Parameter::None,
        build: |_| Scheme::zendesk(),
    },
];
