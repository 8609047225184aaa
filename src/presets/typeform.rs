use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Typeform](https://www.typeform.com/developers/webhooks/secure-your-webhooks/):
    /// `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>`. Deliveries are
    /// identified by what their signature covers (less its timestamp) (Typeform does not document `event_id` as stable).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::typeform(), "typeform-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn typeform() -> Scheme {
        Scheme::hmac("typeform", Algorithm::Sha256, "Typeform-Signature")
            .prefix("sha256=")
            .encoding(Encoding::Base64)
            .event_type(Field::json("event_type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "typeform",
        provider: "Typeform",
        category: Category::Productivity,
        docs: "https://www.typeform.com/developers/webhooks/secure-your-webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::typeform(),
    },
];
