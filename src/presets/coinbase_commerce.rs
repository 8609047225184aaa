use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Coinbase Commerce](https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security):
    /// `X-CC-Webhook-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the shared secret
    /// from Settings → Notifications. There is no signed timestamp, so nothing limits replays;
    /// deliveries are identified by the body's `event.id`. The newer Coinbase Developer Platform
    /// webhooks use another scheme and are not covered.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::coinbase_commerce(),
    ///     "30291a20-0bd1-4267-9b0f-e6e7b123c0bf",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn coinbase_commerce() -> Scheme {
        Scheme::hmac(
            "coinbase_commerce",
            Algorithm::Sha256,
            "X-CC-Webhook-Signature",
        )
        .delivery_id(Field::json("event.id"))
        .event_type(Field::json("event.type"))
        .attempt(Field::json("attempt_number"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "coinbase_commerce",
        provider: "Coinbase Commerce",
        category: Category::Payments,
        docs: "https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security",
        parameter: Parameter::None,
        build: |_| Scheme::coinbase_commerce(),
    },
];
