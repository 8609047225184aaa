use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Intercom](https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications):
    /// `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the app's client
    /// secret. Deliveries are identified by what their signature covers (less its timestamp) (Intercom does not document its
    /// notification `id` as stable across retries).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::intercom(), "intercom-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn intercom() -> Scheme {
        Scheme::hmac("intercom", Algorithm::Sha1, "X-Hub-Signature")
            .prefix("sha1=")
            .event_type(Field::json("topic"))
            .attempt(Field::json("delivery_attempts"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "intercom",
        provider: "Intercom",
        category: Category::Messaging,
        docs: "https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications",
        parameter: Parameter::None,
        build: |_| Scheme::intercom(),
    },
];
