use crate::{Algorithm, Field, Scheme, SignedContent, TimestampFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Webflow](https://developers.webflow.com/data/docs/working-with-webhooks):
    /// `x-webflow-signature: <hex HMAC-SHA256 of "{x-webflow-timestamp}:{body}">`, keyed with the
    /// OAuth app's client secret (or the secret returned when the webhook was created through the
    /// API; dashboard-created webhooks are not signed). The timestamp is unix milliseconds; the
    /// window is 300 s (Webflow: reject if older than 5 minutes). There is no delivery id, so
    /// deliveries are identified by what their signature covers (less its timestamp).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::webflow(), "webflow-webhook-secret-0123456789")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.webflow.com/data/docs/working-with-webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::webflow(), "webflow-webhook-secret-0123456789")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1767225610));
    /// // The example delivery (237 bytes).
    /// # let body = r#"{"triggerType":"form_submission","payload":{"name":"Contact Us","siteId":"65427cf400e02b306eaa049c","data":{"First Name":"Zaphod","email":"zaphod@heartofgold.ai"},"submittedAt":"2026-01-01T00:00:00.000Z","id":"6321ca84df3949bfc6752327"}}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/webflow")
    ///     .header("Content-Type", "application/json")
    ///     .header("x-webflow-timestamp", "1767225600000")
    ///     .header("x-webflow-signature", "779221bf5bfdf54b6b2ca2b4efa6d486d7670c2edfd02cb11f3cbe2fdd46893e")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn webflow() -> Scheme {
        Scheme::hmac("webflow", Algorithm::Sha256, "x-webflow-signature")
            .timestamp_header("x-webflow-timestamp")
            .timestamp_format(TimestampFormat::Milliseconds)
            .signed_content(SignedContent::new().timestamp().text(":").body())
            .event_type(Field::json("triggerType"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "webflow",
        provider: "Webflow",
        category: Category::Commerce,
        docs: "https://developers.webflow.com/data/docs/working-with-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::webflow(),
    },
];
