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
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://polar.sh/docs/integrate/webhooks/delivery> and polarsource/polar
    /// server/polar/webhook/tasks.py (StandardWebhook(base64.b64encode(secret.encode())))):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::polar(), "whsec_legacyPolarToken")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/polar")
    ///     .header("Content-Type", "application/json")
    ///     .header("webhook-id", "msg_1")
    ///     .header("webhook-timestamp", "1700000000")
    ///     .header("webhook-signature", "v1,fyvRX0RQJLfa2/jl+/qnQ4wJ/1R/43LYCm35Q7MQPqg=")
    ///     .body(r#"{"foo":"bar"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
