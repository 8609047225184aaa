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
