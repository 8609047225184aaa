use crate::{Algorithm, Scheme};

impl Scheme {
    /// [Linear](https://linear.app/developers/webhooks#securing-webhooks):
    /// `Linear-Signature: <hex HMAC-SHA256 of the raw body>`. Linear's freshness check is a
    /// `webhookTimestamp` inside the JSON body; check it in the handler if you need it.
    pub fn linear() -> Scheme {
        Scheme::hmac("linear", Algorithm::Sha256, "Linear-Signature")
    }
}
