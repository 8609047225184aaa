use crate::{Algorithm, Scheme};

impl Scheme {
    /// The registration-based provider whose `WebhookRegistrationController` takes a
    /// `sharedKey`: hex HMAC-SHA256 (`"algorithm": "SHA_256"`) of the raw body in
    /// `X-Hubpay-Hmac`.
    ///
    /// Each registration reports its `hmacHeaderName`; when it is another header (such as
    /// `x-hub-signature`), say so:
    ///
    /// ```
    /// use tower_webhook::Scheme;
    ///
    /// let scheme = Scheme::hubpay().signature_header("x-hub-signature");
    /// assert_eq!(scheme.signature_header_name().as_str(), "x-hub-signature");
    /// ```
    pub fn hubpay() -> Scheme {
        Scheme::hmac("hubpay", Algorithm::Sha256, "X-Hubpay-Hmac")
    }
}
