use crate::{Algorithm, Encoding, Scheme};

impl Scheme {
    /// [Typeform](https://www.typeform.com/developers/webhooks/secure-your-webhooks/):
    /// `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::typeform(), "typeform-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn typeform() -> Scheme {
        Scheme::hmac("typeform", Algorithm::Sha256, "Typeform-Signature")
            .prefix("sha256=")
            .encoding(Encoding::Base64)
    }
}
