use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Notion](https://developers.notion.com/reference/webhooks):
    /// `X-Notion-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the
    /// subscription's `verification_token`. The body's `timestamp` is not checked (Notion
    /// documents no window), so nothing limits replays. Deliveries are identified by the body's
    /// `id`; its `attempt_number` counts the retries. The
    /// initial `{"verification_token": …}` POST arrives before you know the token: receive it
    /// outside this layer.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::notion(), "secret_abc123_verification_token")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn notion() -> Scheme {
        Scheme::hmac("notion", Algorithm::Sha256, "X-Notion-Signature")
            .prefix("sha256=")
            .delivery_id(Field::json("id"))
            .event_type(Field::json("type"))
            .attempt(Field::json("attempt_number"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "notion",
        provider: "Notion",
        category: Category::Productivity,
        docs: "https://developers.notion.com/reference/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::notion(),
    },
];
