use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Vercel](https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks):
    /// `x-vercel-signature: <hex HMAC-SHA1 of the raw body>`, keyed with the integration's client
    /// secret (or, for account webhooks, the secret shown once at creation). There is no
    /// timestamp, so nothing limits replays. Deliveries are identified by what their signature covers (less its timestamp) (Vercel
    /// does not document its body `id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::vercel(), "vercel-integration-client-secret-0123")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn vercel() -> Scheme {
        Scheme::hmac("vercel", Algorithm::Sha1, "x-vercel-signature")
            .event_type(Field::json("type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "vercel",
        provider: "Vercel",
        category: Category::DeveloperTools,
        docs: "https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::vercel(),
    },
];
