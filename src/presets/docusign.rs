use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [DocuSign Connect](https://developers.docusign.com/platform/webhooks/connect/hmac/):
    /// `X-DocuSign-Signature-1: <base64 HMAC-SHA256 of the raw body>`, keyed with the Connect
    /// HMAC secret key used as text (it looks like base64 but is not decoded). With several keys
    /// active DocuSign sends one header per key (`X-DocuSign-Signature-2`, ...): headers `-1` to
    /// `-10` are read, each at most once, and any signature in any of them may match (configure
    /// every active key with [`with_secrets`](crate::VerifyWebhookLayer::with_secrets)). No
    /// timestamp is signed, so there is no replay window. DocuSign sends no delivery id, so
    /// deliveries are identified by what their signature covers (less its timestamp); the body's `event`, `data.envelopeId` and
    /// `generatedDateTime` identify the event.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::docusign(),
    ///     "Xq9r2mJ0k5wS4LbP8nC1vT7yZ3dF6hG0aE2uI4oK8s=",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.docusign.com/platform/webhooks/connect/hmac/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::docusign(), "Xq9r2mJ0k5wS4LbP8nC1vT7yZ3dF6hG0aE2uI4oK8s=")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// // The example delivery (250 bytes).
    /// # let body = r#"{"event":"envelope-completed","apiVersion":"v2.1","uri":"/restapi/v2.1/accounts/abc/envelopes/def","retryCount":0,"configurationId":10000,"generatedDateTime":"2026-01-01T00:00:00.0000000Z","data":{"accountId":"abc","userId":"ghi","envelopeId":"def"}}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/docusign")
    ///     .header("Content-Type", "application/json")
    ///     .header("x-authorization-digest", "HMACSHA256")
    ///     .header("X-DocuSign-Signature-1", "/4pYOdJ9DHfwTW7Wv+ny5uvEwY5fE57TiZsZOpbJmKY=")
    ///     .header("X-DocuSign-Signature-2", "umvtNremDt27xYS93eJZ+L7nOBuSdHbzvbBgn+IHrow=")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn docusign() -> Scheme {
        Scheme::hmac("docusign", Algorithm::Sha256, "X-DocuSign-Signature-1")
            .encoding(Encoding::Base64)
            .also_signature_headers([
                "X-DocuSign-Signature-2",
                "X-DocuSign-Signature-3",
                "X-DocuSign-Signature-4",
                "X-DocuSign-Signature-5",
                "X-DocuSign-Signature-6",
                "X-DocuSign-Signature-7",
                "X-DocuSign-Signature-8",
                "X-DocuSign-Signature-9",
                "X-DocuSign-Signature-10",
            ])
            .event_type(Field::json("event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "docusign",
        provider: "DocuSign Connect",
        category: Category::Productivity,
        docs: "https://developers.docusign.com/platform/webhooks/connect/hmac/",
        parameter: Parameter::None,
        build: |_| Scheme::docusign(),
    },
];
