use crate::{Algorithm, Scheme};

impl Scheme {
    /// [Sentry integration platform](https://docs.sentry.io/organization/integrations/integration-platform/webhooks/):
    /// `Sentry-Hook-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the client secret.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::sentry(), "sentry-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn sentry() -> Scheme {
        Scheme::hmac("sentry", Algorithm::Sha256, "Sentry-Hook-Signature")
    }
}
