use crate::{Algorithm, Encoding, Scheme, SignatureFormat, SignedContent, TimestampFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Sanity](https://www.sanity.io/docs/webhooks):
    /// `sanity-webhook-signature: t=<timestamp>,v1=<base64url>`, unpadded URL-safe base64
    /// HMAC-SHA256 of `"{t}.{body}"`, keyed with the webhook's secret. `t` is in milliseconds;
    /// Sanity's toolkit checks no freshness, so the window is 300 s: Sanity documents none. The
    /// `t` and `v1` items must be separated by a comma (the toolkit also accepts spaces alone).
    /// Delivery ids are not checked.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::sanity(), "sanity-webhook-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, sanity-io/webhook-toolkit
    /// test/signature.test.ts):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::sanity(), "test")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1633519821));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/sanity")
    ///     .header("Content-Type", "application/json")
    ///     .header("sanity-webhook-signature", "t=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0")
    ///     .body(r#"{"_id":"resume"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sanity() -> Scheme {
        Scheme::hmac("sanity", Algorithm::Sha256, "sanity-webhook-signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .encoding(Encoding::Base64Url)
            .timestamp_format(TimestampFormat::Milliseconds)
            .signed_content(SignedContent::new().timestamp().text(".").body())
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "sanity",
        provider: "Sanity",
        category: Category::DeveloperTools,
        docs: "https://www.sanity.io/docs/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::sanity(),
    },
];
