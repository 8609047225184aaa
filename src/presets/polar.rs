use crate::{Scheme, SecretFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Polar](https://polar.sh/docs/integrate/webhooks/delivery): Standard Webhooks headers,
    /// `webhook-signature: v1,<base64> [v1,<base64> ...]`, base64 HMAC-SHA256 of
    /// `"{webhook-id}.{webhook-timestamp}.{body}"`. Unlike the standard, the key is the UTF-8
    /// bytes of the whole secret, `whsec_` prefix included (not base64-decoded), as Polar's
    /// server and SDK sign; endpoints whose secret was generated on or after 2026-09-08 use
    /// standard keys, so use [`Scheme::standard_webhooks`] for those. The timestamp is
    /// `webhook-timestamp` in seconds, within 300 s, the Standard Webhooks default. Deliveries
    /// are identified by `webhook-id`.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::polar(),
    ///     "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn polar() -> Scheme {
        // The whole `whsec_...` text is the key, not its base64 decoding.
        super::standard_webhooks::standard("polar", "webhook").secret_format(SecretFormat::Raw)
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "polar",
        provider: "Polar",
        category: Category::Payments,
        docs: "https://polar.sh/docs/integrate/webhooks/delivery",
        parameter: Parameter::None,
        build: |_| Scheme::polar(),
    },
];
