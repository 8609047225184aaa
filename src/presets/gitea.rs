use crate::{Algorithm, Scheme};

impl Scheme {
    /// [Gitea and Forgejo](https://docs.gitea.com/usage/webhooks):
    /// `X-Gitea-Signature: <hex HMAC-SHA256 of the raw body>`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::gitea(), "gitea-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn gitea() -> Scheme {
        Scheme::hmac("gitea", Algorithm::Sha256, "X-Gitea-Signature")
    }
}
