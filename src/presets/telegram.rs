use crate::{Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Telegram](https://core.telegram.org/bots/api#setwebhook):
    /// `X-Telegram-Bot-Api-Secret-Token: <the secret_token given to setWebhook>` (1–256 of
    /// `A-Z a-z 0-9 _ -`), compared in constant time. Nothing is signed: the token proves the
    /// sender, not the body, and a captured request replays as is. Telegram sends the header only
    /// when `secret_token` was set. Deliveries are identified by the body's `update_id`.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::telegram(), "tower_webhook-Secret_0123456789")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python: python token comparison following
    /// <https://core.telegram.org/bots/api#setwebhook>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::telegram(), "tower_webhook-Secret_0123456789")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/telegram")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Telegram-Bot-Api-Secret-Token", "tower_webhook-Secret_0123456789")
    ///     .body(r#"{"update_id":10000,"message":{"message_id":1,"date":1767225600,"chat":{"id":1,"type":"private"},"text":"hi"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn telegram() -> Scheme {
        Scheme::token("telegram", "X-Telegram-Bot-Api-Secret-Token")
            .delivery_id(Field::json("update_id"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "telegram",
        provider: "Telegram",
        category: Category::Messaging,
        docs: "https://core.telegram.org/bots/api#setwebhook",
        parameter: Parameter::None,
        build: |_| Scheme::telegram(),
    },
];
