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
