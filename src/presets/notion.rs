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
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.notion.com/reference/webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::notion(), "fixed-verification-token")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/notion")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Notion-Signature", "sha256=e51fc361bd9b019cc34c59929547007291a6dd982179d36bb5d6d9e7e12cbac2")
    ///     .body(r#"{"id":"fixed-evt","type":"page.created"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
