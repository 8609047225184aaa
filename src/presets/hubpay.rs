use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// The registration-based provider whose `WebhookRegistrationController` takes a
    /// `sharedKey`: HMAC-SHA256 (`"algorithm": "SHA_256"`) of the raw body in `X-Hubpay-Hmac`.
    /// The document names the algorithm but not the encoding: hex is our reading; switch with
    /// `.encoding(Encoding::Base64)` if your deliveries are base64.
    /// The provider has no public page: this follows its registration guide, "Webhooks with
    /// HMAC Signatures", as given to the project.
    ///
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// Each registration reports its `hmacHeaderName`; when it is another header (such as
    /// `x-hub-signature`), say so:
    ///
    /// ```
    /// use tower_webhook::Scheme;
    ///
    /// let scheme = Scheme::hubpay().signature_header("x-hub-signature");
    /// assert_eq!(scheme.get_signature_header().as_str(), "x-hub-signature");
    /// ```
    ///
    /// A known answer, computed with Python's `hmac` from the registration guide (`sharedKey`,
    /// algorithm `SHA_256`, `hmacHeaderName` `X-Hubpay-Hmac`):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::hubpay(), "f7b3ca9275d949d9b74f7f1b")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/hubpay")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Hubpay-Hmac", "556aea9b26c2a9bd0413011066ace6f008f8f9d372173d7bec7f6ea2084ef56b")
    ///     .body(r#"{"eventType":"PAYMENT_COMPLETED","id":"cfd86c98-d7e9-4465-8aa0-e0614ccdeeed"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hubpay() -> Scheme {
        Scheme::hmac("hubpay", Algorithm::Sha256, "X-Hubpay-Hmac")
    }

    /// The scheme of one registration of the registration-based provider, from its list entry
    /// (`GET /v1/webhooks/list`): its `hmacHeaderName` and its `algorithm` (`"SHA_256"`, or
    /// `"SHA_1"`, `"SHA_512"`). An unknown algorithm is a [`ConfigError`](crate::ConfigError).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Algorithm, Scheme, SignatureMethod};
    ///
    /// let scheme = Scheme::hubpay_registration("x-hub-signature", "SHA_256")?;
    /// assert_eq!(scheme.get_signature_header().as_str(), "x-hub-signature");
    /// assert_eq!(scheme.method(), SignatureMethod::Hmac(Algorithm::Sha256));
    /// assert!(Scheme::hubpay_registration("x-hub-signature", "MD5").is_err());
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn hubpay_registration(
        hmac_header_name: &str,
        algorithm: &str,
    ) -> Result<Scheme, crate::ConfigError> {
        let algorithm = match algorithm
            .trim()
            .to_ascii_uppercase()
            .replace('-', "_")
            .as_str()
        {
            "SHA_1" | "SHA1" => Algorithm::Sha1,
            "SHA_256" | "SHA256" => Algorithm::Sha256,
            "SHA_512" | "SHA512" => Algorithm::Sha512,
            _ => {
                return Err(crate::ConfigError::InvalidScheme {
                    reason: "the registration's algorithm is not SHA_1, SHA_256 or SHA_512",
                })
            }
        };
        let scheme =
            Scheme::hmac("hubpay", algorithm, "X-Hubpay-Hmac").signature_header(hmac_header_name);
        scheme.validate()?;
        Ok(scheme)
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "hubpay",
        provider: "Hubpay (registration API)",
        category: Category::Payments,
        docs: "",
        parameter: Parameter::None,
        build: |_| Scheme::hubpay(),
    },
];
