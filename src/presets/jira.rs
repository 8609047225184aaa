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
