use crate::{Algorithm, Field, Scheme, SignatureFormat, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Persona](https://docs.withpersona.com/docs/webhooks-best-practices#checking-signatures):
    /// `Persona-Signature: t=<timestamp>,v1=<hex>`, hex HMAC-SHA256 of `"{t}.{body}"`, keyed with
    /// the whole webhook secret (`wbhsec_...`, prefix included). `t` is in seconds, within 300 s:
    /// Persona documents none. During a secret rotation Persona sends two `t=..,v1=..` groups
    /// separated by a space; that layout is not supported: only the last group's `v1` is read
    /// (with the first group's `t`), so only the secret that signs it verifies until the rotation
    /// ends. Deliveries are identified by what their signature covers (less its timestamp) (Persona does not document its body
    /// `data.id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::persona(),
    ///     "wbhsec_1f0a7c2e-4a5b-4c3d-9e8f-0123456789ab",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn persona() -> Scheme {
        Scheme::hmac("persona", Algorithm::Sha256, "Persona-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .signed_content(SignedContent::new().timestamp().text(".").body())
            .event_type(Field::json("data.attributes.name"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "persona",
        provider: "Persona",
        category: Category::Identity,
        docs: "https://docs.withpersona.com/docs/webhooks-best-practices#checking-signatures",
        parameter: Parameter::None,
        build: |_| Scheme::persona(),
    },
];
