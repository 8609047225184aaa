use crate::{Algorithm, Scheme};

impl Scheme {
    /// The registration-based provider whose `WebhookRegistrationController` takes a
    /// `sharedKey`: HMAC-SHA256 (`"algorithm": "SHA_256"`) of the raw body in `X-Hubpay-Hmac`.
    /// The document names the algorithm but not the encoding: hex is our reading; switch with
    /// `.encoding(Encoding::Base64)` if your deliveries are base64.
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
