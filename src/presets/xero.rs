use crate::{Algorithm, Encoding, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Xero](https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/):
    /// `x-xero-signature: <base64 HMAC-SHA256 of the raw body>`, keyed with the app's webhooks
    /// key, used as text (it looks like base64 but is not decoded). There is no timestamp, so
    /// nothing limits replays, and no delivery id. The "intent to receive" check is ordinary
    /// verification, but Xero wants the 401 and the 200 with empty bodies: configure the
    /// rejection accordingly.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::xero(),
    ///     "kQ7mZ2xV9pR4tW8yB3nC6fJ1hL5sD0gA+eU7iO2qT9wX4zM8bN1vK6cF3rY5uH0jP2lS7dG4aE9oI1wQ==",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::xero(), "tower-webhook-groupA-xero-key-0123456789ABCDEFghijklmn+/w==")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/xero")
    ///     .header("Content-Type", "application/json")
    ///     .header("x-xero-signature", "yqlSL4QBKaO+KuCRlq6xOjsrPLeTZ72b2Z6Kt1lYlm0=")
    ///     .body(r#"{"events":[],"lastEventSequence":0,"firstEventSequence":0,"entropy":"S0m3r4Nd0mt3xt"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn xero() -> Scheme {
        Scheme::hmac("xero", Algorithm::Sha256, "x-xero-signature").encoding(Encoding::Base64)
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "xero",
        provider: "Xero",
        category: Category::Payments,
        docs: "https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/",
        parameter: Parameter::None,
        build: |_| Scheme::xero(),
    },
];
