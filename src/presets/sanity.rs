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
