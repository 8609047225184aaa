use crate::{Algorithm, Encoding, Scheme};

impl Scheme {
    /// [X (Twitter)](https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks)
    /// Account Activity webhooks: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the
    /// raw body>`, keyed with the app's consumer secret (API key secret). There is no timestamp,
    /// so nothing limits replays; there is no delivery id either. The CRC challenge
    /// (`GET ?crc_token=…`, answered with `{"response_token":"sha256=<base64 HMAC of the
    /// token>"}`) is unsigned and not handled here: answer it in your router.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::twitter(),
    ///     "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn twitter() -> Scheme {
        Scheme::hmac("twitter", Algorithm::Sha256, "x-twitter-webhooks-signature")
            .prefix("sha256=")
            .encoding(Encoding::Base64)
    }
}
