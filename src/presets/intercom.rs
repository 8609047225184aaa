use crate::{Algorithm, Scheme};

impl Scheme {
    /// [Intercom](https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications):
    /// `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the app's client
    /// secret.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::intercom(), "intercom-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn intercom() -> Scheme {
        Scheme::hmac("intercom", Algorithm::Sha1, "X-Hub-Signature").prefix("sha1=")
    }
}
