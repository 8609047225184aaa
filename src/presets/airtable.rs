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
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://airtable.com/developers/web/api/webhooks-overview>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::airtable(), "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/airtable")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Airtable-Content-MAC", "hmac-sha256=e0d27aa85e1df6cd89d10d35040921b90ffc9aa9946a2e0d652a610eecffd25b")
    ///     .body(r#"{"base":{"id":"app00000000000000"},"webhook":{"id":"ach00000000000000"},"timestamp":"2022-02-01T21:25:05.663Z"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
