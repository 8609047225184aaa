use crate::{Algorithm, Scheme};
use super::{Parameter, Preset};

impl Scheme {
    /// [Asana](https://developers.asana.com/docs/webhooks-guide):
    /// `X-Hook-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the `X-Hook-Secret` value
    /// from the handshake, used as text. The handshake itself (an unsigned POST carrying
    /// `X-Hook-Secret`, to be echoed back in a 200 or 204) is not verified: capture the secret
    /// there, since Asana sends it only once. There is no timestamp, so nothing limits replays,
    /// and no delivery id.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::asana(),
    ///     "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn asana() -> Scheme {
        Scheme::hmac("asana", Algorithm::Sha256, "X-Hook-Signature")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "asana",
        provider: "Asana",
        docs: "https://developers.asana.com/docs/webhooks-guide",
        parameter: Parameter::None,
        build: |_| Scheme::asana(),
    },
];
