use crate::{Algorithm, Scheme};

impl Scheme {
    /// [Autify](https://help.autify.com/docs/securing-your-webhooks):
    /// `X-Autify-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the webhook secret
    /// you generated and entered in Autify.
    pub fn autify() -> Scheme {
        Scheme::hmac("autify", Algorithm::Sha1, "X-Autify-Signature").prefix("sha1=")
    }
}
