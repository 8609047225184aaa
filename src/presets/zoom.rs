use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};
#[cfg(feature = "json")]
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Zoom](https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events):
    /// `x-zm-signature: v0=<hex HMAC-SHA256 of "v0:{x-zm-request-timestamp}:{body}">`, keyed with
    /// the app's secret token; the timestamp must be within the tolerance. Deliveries are
    /// identified by what their signature covers (less its timestamp): Zoom sends no delivery id.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::zoom(), "zoom-token")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::zoom(), "zoom-token")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/zoom")
    ///     .header("Content-Type", "application/json")
    ///     .header("x-zm-request-timestamp", "1700000000")
    ///     .header("x-zm-signature", "v0=9456f36f791a49e6b680ae72236d60c2c97c07d8af9642a23e324befa0e37cb6")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn zoom() -> Scheme {
        Scheme::hmac("zoom", Algorithm::Sha256, "x-zm-signature")
            .prefix("v0=")
            .timestamp_header("x-zm-request-timestamp")
            .signed_content(super::slack::v0_timestamp_body())
            .event_type(Field::json("event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "zoom",
        provider: "Zoom",
        category: Category::Messaging,
        docs: "https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events",
        parameter: Parameter::None,
        build: |_| Scheme::zoom(),
    },
];

/// Zoom's URL validation: a signed `POST` of `{"event": "endpoint.url_validation", "payload":
/// {"plainToken": …}}` is answered 200 with `{"plainToken": …, "encryptedToken": <hex
/// HMAC-SHA256 of the plain token under the secret token>}`, for plain tokens of Zoom's shape
/// (1 to 128 base64url characters, never a `:`, which every signed Zoom message has); 400
/// otherwise. See [answers under the delivery key](crate::handshake#answers-under-the-delivery-key).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct ZoomUrlValidation;

#[cfg(feature = "json")]
impl Handshake for ZoomUrlValidation {
    fn after(&self, _: &http::HeaderMap, body: &[u8], verifier: &crate::Verifier) -> Option<Answer> {
        let value: serde_json::Value = serde_json::from_slice(body).ok()?;
        if value["event"] != "endpoint.url_validation" {
            return None;
        }
        let plain = value["payload"]["plainToken"].as_str()?;
        // An HMAC under the delivery key: only of tokens no signed Zoom message can be.
        if !handshake::is_token(plain, 128, b"_-") {
            return Some(handshake::invalid_challenge());
        }
        let encrypted = const_hex::encode(verifier.handshake_mac(plain.as_bytes())?);
        Some(handshake::json(format!(
            r#"{{"plainToken":{},"encryptedToken":"{encrypted}"}}"#,
            handshake::json_string(plain)
        )))
    }

    fn is_signed(&self) -> bool {
        true
    }
}
