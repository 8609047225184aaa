use crate::{Algorithm, Field, Scheme, SignedContent, TimestampFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Lob](https://help.lob.com/print-and-mail/getting-data-and-results/using-webhooks):
    /// `Lob-Signature: <hex HMAC-SHA256 of "{Lob-Signature-Timestamp}.{body}">`, keyed with the
    /// webhook's secret. The timestamp is `Lob-Signature-Timestamp` in milliseconds, within
    /// 300 s: Lob documents none. Deliveries are identified by what their signature covers (less its timestamp) (Lob does not
    /// document its body `id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::lob(), "lob_whsec_9b8a7c6d5e4f")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://help.lob.com/print-and-mail/getting-data-and-results/using-webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::lob(), "lob_whsec_9b8a7c6d5e4f")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// // The example delivery (271 bytes).
    /// # let body = r#"{"id":"evt_d95ff8ffd2b5cfb4","body":{"id":"ltr_8a1b2c3d","object":"letter"},"reference_id":"ltr_8a1b2c3d","event_type":{"id":"letter.delivered","enabled_for_test":true,"resource":"letters","object":"event_type"},"date_created":"2023-11-14T22:13:20.000Z","object":"event"}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/lob")
    ///     .header("Content-Type", "application/json")
    ///     .header("Lob-Signature", "bbf93265b8b27125059886ebbddfa20daf1088e23d90e00c4c96df58275361de")
    ///     .header("Lob-Signature-Timestamp", "1700000000000")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lob() -> Scheme {
        Scheme::hmac("lob", Algorithm::Sha256, "Lob-Signature")
            .timestamp_header("Lob-Signature-Timestamp")
            .timestamp_format(TimestampFormat::Milliseconds)
            .signed_content(SignedContent::new().timestamp().text(".").body())
            .event_type(Field::json("event_type.id"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "lob",
        provider: "Lob",
        category: Category::Email,
        docs: "https://help.lob.com/print-and-mail/getting-data-and-results/using-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::lob(),
    },
];
