use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Jira Cloud](https://developer.atlassian.com/cloud/jira/platform/webhooks/):
    /// `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the secret set on
    /// the admin webhook. Only admin webhooks registered with a secret are signed; the JWTs that
    /// Connect and OAuth 2.0 apps receive are not covered. No timestamp is signed, so there is no
    /// replay window. `X-Atlassian-Webhook-Identifier` (unchanged across retries) is reported by
    /// [`Delivery`](crate::Delivery), but Jira does not sign it: deduplication keys on the digest
    /// of the signed body, which a retry repeats. `X-Atlassian-Webhook-Retry` counts attempts.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::jira(), "jira-admin-webhook-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developer.atlassian.com/cloud/jira/platform/webhooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::jira(), "jira-admin-webhook-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/jira")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Hub-Signature", "sha256=5951bb405a171ddc284482a8c9c3910c80d80fb26d1f73f8df159058a6738edf")
    ///     .body(r#"{"timestamp":1714000000000,"webhookEvent":"jira:issue_created","issue":{"id":"10001","key":"TEST-1"}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn jira() -> Scheme {
        Scheme::hmac("jira", Algorithm::Sha256, "X-Hub-Signature")
            .prefix("sha256=")
            .delivery_id(Field::header("X-Atlassian-Webhook-Identifier"))
            .event_type(Field::json("webhookEvent"))
            .attempt(Field::header("X-Atlassian-Webhook-Retry"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "jira",
        provider: "Jira Cloud",
        category: Category::Productivity,
        docs: "https://developer.atlassian.com/cloud/jira/platform/webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::jira(),
    },
];
