use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Help Scout](https://developer.helpscout.com/webhooks/):
    /// `X-HelpScout-Signature: <base64 HMAC-SHA1 of the raw body>`, keyed with the webhook's
    /// secret key. No timestamp is signed, so there is no replay window; Help Scout sends no
    /// delivery id, so deliveries are identified by what their signature covers (less its timestamp). The event type is in
    /// `X-HelpScout-Event` (`helpscout.test` for test events).
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::helpscout(), "asdffdsa")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developer.helpscout.com/webhooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::helpscout(), "asdffdsa")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/helpscout")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-HelpScout-Signature", "YhXKie6t+YQPJLRzdKWwTPsJN2w=")
    ///     .body(r#"{"id":123}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn helpscout() -> Scheme {
        Scheme::hmac("helpscout", Algorithm::Sha1, "X-HelpScout-Signature")
            .encoding(Encoding::Base64)
            .event_type(Field::header("X-HelpScout-Event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "helpscout",
        provider: "Help Scout",
        category: Category::Messaging,
        docs: "https://developer.helpscout.com/webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::helpscout(),
    },
];
