use crate::{Algorithm, Scheme};

impl Scheme {
    /// [Bitbucket Cloud](https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks):
    /// `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::bitbucket(), "bitbucket-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn bitbucket() -> Scheme {
        Scheme::hmac("bitbucket", Algorithm::Sha256, "X-Hub-Signature").prefix("sha256=")
    }
}
