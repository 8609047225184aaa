use crate::{Algorithm, Field, Scheme, SignatureFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [PagerDuty](https://developer.pagerduty.com/docs/verifying-signatures):
    /// `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>...]`, hex HMAC-SHA256 of the raw body, keyed
    /// with the webhook subscription's secret used as text (not base64-decoded). Any `v1` may
    /// match (PagerDuty sends several while a secret rotates); other versions are ignored. No
    /// timestamp is signed, so there is no replay window. Deliveries are identified by the
    /// event's `event.id` in the signed body (the unsigned `X-Webhook-Id` header is not used).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::pagerduty(),
    ///     "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn pagerduty() -> Scheme {
        Scheme::hmac("pagerduty", Algorithm::Sha256, "X-PagerDuty-Signature")
            .format(SignatureFormat::list(',', "v1="))
            .delivery_id(Field::json("event.id"))
            .event_type(Field::json("event.event_type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "pagerduty",
        provider: "PagerDuty",
        category: Category::DeveloperTools,
        docs: "https://developer.pagerduty.com/docs/verifying-signatures",
        parameter: Parameter::None,
        build: |_| Scheme::pagerduty(),
    },
];
