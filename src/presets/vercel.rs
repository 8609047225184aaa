use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Vercel](https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks):
    /// `x-vercel-signature: <hex HMAC-SHA1 of the raw body>`, keyed with the integration's client
    /// secret (or, for account webhooks, the secret shown once at creation). There is no
    /// timestamp, so nothing limits replays. Deliveries are identified by what their signature covers (less its timestamp) (Vercel
    /// does not document its body `id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::vercel(), "vercel-integration-client-secret-0123")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::vercel(), "vercel-integration-client-secret-0123")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/vercel")
    ///     .header("Content-Type", "application/json")
    ///     .header("x-vercel-signature", "609785bab2dfa530ca27e9af7cec5fe0da4011a5")
    ///     .body(r#"{"id":"evt_Ab12Cd34Ef56","type":"deployment.created","createdAt":1767225600000,"region":"iad1","payload":{"deployment":{"id":"dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ"}}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vercel() -> Scheme {
        Scheme::hmac("vercel", Algorithm::Sha1, "x-vercel-signature")
            .event_type(Field::json("type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "vercel",
        provider: "Vercel",
        category: Category::DeveloperTools,
        docs: "https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::vercel(),
    },
];
