use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Autify](https://help.autify.com/docs/securing-your-webhooks):
    /// `X-Autify-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the webhook secret
    /// you generated and entered in Autify.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::autify(), "b2f82af62f9980f6b01e1cd7e716230d0a063f58")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://help.autify.com/docs/securing-your-webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::autify(), "b2f82af62f9980f6b01e1cd7e716230d0a063f58")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/autify")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Autify-Signature", "sha1=e7270cea495615ae40b797fda4cfc2dc36ddd1dc")
    ///     .body(r#"{"event":"test_plan_result","status":"passed"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn autify() -> Scheme {
        Scheme::hmac("autify", Algorithm::Sha1, "X-Autify-Signature").prefix("sha1=")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "autify",
        provider: "Autify",
        category: Category::DeveloperTools,
        docs: "https://help.autify.com/docs/securing-your-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::autify(),
    },
];
