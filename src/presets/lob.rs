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
