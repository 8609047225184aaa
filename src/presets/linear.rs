use crate::{Algorithm, Field, Scheme};

impl Scheme {
    /// [Linear](https://linear.app/developers/webhooks#securing-webhooks):
    /// `Linear-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the webhook's signing
    /// secret. Freshness comes from `webhookTimestamp` (milliseconds) inside the JSON body, which
    /// must be within 60 s either way, as in Linear's SDK (a body without it is not checked,
    /// as there); it is checked after the signature,
    /// with the `json` feature (without it, only the signature is checked). Deliveries are
    /// identified by their signature: Linear does not document `Linear-Delivery` as stable.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::linear(), "lin_wh_secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn linear() -> Scheme {
        let scheme = Scheme::hmac("linear", Algorithm::Sha256, "Linear-Signature")
            .event_type(Field::header("Linear-Event"));
        #[cfg(feature = "json")]
        let scheme = scheme
            .timestamp_in_json_body("webhookTimestamp")
            .timestamp_format(crate::TimestampFormat::Milliseconds)
            .replay_window(std::time::Duration::from_secs(60));
        scheme
    }
}
