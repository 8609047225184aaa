use crate::{Algorithm, Scheme, SignatureFormat, SignedContent};

impl Scheme {
    /// [Calendly](https://developer.calendly.com/api-docs/4c305798a61d3-webhook-signatures):
    /// `Calendly-Webhook-Signature: t=<timestamp>,v1=<hex>`, hex HMAC-SHA256 of `"{t}.{body}"`,
    /// keyed with the webhook signing key; the timestamp must be within the tolerance.
    pub fn calendly() -> Scheme {
        Scheme::hmac("calendly", Algorithm::Sha256, "Calendly-Webhook-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .signed(SignedContent::new().timestamp().text(".").body())
    }
}
