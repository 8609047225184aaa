use crate::{Algorithm, Scheme, SecretFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Airtable](https://airtable.com/developers/web/api/webhooks-overview):
    /// `X-Airtable-Content-MAC: hmac-sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the
    /// base64 *decoding* of the webhook's `macSecretBase64` (returned once, by "create webhook").
    /// The key is per webhook; several webhooks need one secret each. The body's `timestamp` is
    /// not checked (Airtable documents no window), so nothing limits replays. Notifications are
    /// only pings: fetch the payloads from the API.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::airtable(),
    ///     "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn airtable() -> Scheme {
        Scheme::hmac("airtable", Algorithm::Sha256, "X-Airtable-Content-MAC")
            .prefix("hmac-sha256=")
            .secret_format(SecretFormat::Base64 { prefix: "" })
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "airtable",
        provider: "Airtable",
        category: Category::Productivity,
        docs: "https://airtable.com/developers/web/api/webhooks-overview",
        parameter: Parameter::None,
        build: |_| Scheme::airtable(),
    },
];
