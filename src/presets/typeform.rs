use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Typeform](https://www.typeform.com/developers/webhooks/secure-your-webhooks/):
    /// `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>`. Deliveries are
    /// identified by what their signature covers (less its timestamp) (Typeform does not document `event_id` as stable).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::typeform(), "typeform-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://www.typeform.com/developers/webhooks/secure-your-webhooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::typeform(), "typeform-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/typeform")
    ///     .header("Content-Type", "application/json")
    ///     .header("Typeform-Signature", "sha256=BOJb0/E1jaYU655nfGCrCqYF+KdhcQ+p29j8bpDk0v0=")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typeform() -> Scheme {
        Scheme::hmac("typeform", Algorithm::Sha256, "Typeform-Signature")
            .prefix("sha256=")
            .encoding(Encoding::Base64)
            .event_type(Field::json("event_type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "typeform",
        provider: "Typeform",
        category: Category::Productivity,
        docs: "https://www.typeform.com/developers/webhooks/secure-your-webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::typeform(),
    },
];
