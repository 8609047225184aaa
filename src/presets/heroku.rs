use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Heroku](https://devcenter.heroku.com/articles/app-webhooks#securing-webhook-requests):
    /// `Heroku-Webhook-Hmac-SHA256: <base64 HMAC-SHA256 of the raw body>`, keyed with the
    /// webhook subscription's secret. No timestamp is signed, so there is no replay window; the
    /// optional `Authorization` value Heroku can also send is not checked. Deliveries are
    /// identified by what their signature covers (less its timestamp) (Heroku does not document its body `id` as stable).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::heroku(), "heroku-webhook-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://devcenter.heroku.com/articles/app-webhooks#securing-webhook-requests>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::heroku(), "12345")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/heroku")
    ///     .header("Content-Type", "application/json")
    ///     .header("Heroku-Webhook-Hmac-SHA256", "qt1Cgi4ETvIfIZMncFgKXjBGP5/oqCBZqp4v6h30y10=")
    ///     .body(r#"{"action":"update","resource":"build","data":{"status":"succeeded"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn heroku() -> Scheme {
        Scheme::hmac("heroku", Algorithm::Sha256, "Heroku-Webhook-Hmac-SHA256")
            .encoding(Encoding::Base64)
            .event_type(Field::json("resource"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "heroku",
        provider: "Heroku",
        category: Category::DeveloperTools,
        docs: "https://devcenter.heroku.com/articles/app-webhooks#securing-webhook-requests",
        parameter: Parameter::None,
        build: |_| Scheme::heroku(),
    },
];
