use crate::{Algorithm, Scheme, SignatureFormat, SignedContent};

impl Scheme {
    /// [Paddle Billing](https://developer.paddle.com/webhooks/signature-verification):
    /// `Paddle-Signature: ts=<timestamp>;h1=<hex>`, hex HMAC-SHA256 of `"{ts}:{body}"`, keyed with
    /// the notification destination's secret key; the timestamp must be within the tolerance.
    pub fn paddle() -> Scheme {
        Scheme::hmac("paddle", Algorithm::Sha256, "Paddle-Signature")
            .format(SignatureFormat::key_value(';', "ts", "h1"))
            .signed(SignedContent::new().timestamp().text(":").body())
    }
}
