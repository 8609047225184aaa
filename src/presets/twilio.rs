use crate::{Algorithm, Encoding, Scheme, SignedContent};
use std::borrow::Cow;

impl Scheme {
    /// [Twilio](https://www.twilio.com/docs/usage/webhooks/webhooks-security):
    /// `X-Twilio-Signature: <base64 HMAC-SHA1>` of the public URL Twilio requested followed by
    /// each POST parameter's name and value, sorted by name, keyed with the account's auth token.
    ///
    /// `public_url` is the full URL configured in Twilio, query string included, exactly as
    /// Twilio calls it. It comes from configuration, not from the request, because proxies and
    /// load balancers change the `Host` and scheme the server sees. Only form-encoded requests
    /// are covered (Twilio's JSON webhooks sign a `bodySHA256` query parameter instead). The body
    /// is verified once it has fully arrived.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// // The vector from Twilio's request-validator tests.
    /// let verifier = Verifier::new(
    ///     Scheme::twilio("https://mycompany.com/myapp.php?foo=1&bar=2"),
    ///     "12345",
    /// )?;
    /// let body = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212";
    /// let mut headers = HeaderMap::new();
    /// headers.insert("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=".parse()?);
    /// assert!(verifier.verify(&headers, body.as_bytes()).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn twilio(public_url: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::hmac("twilio", Algorithm::Sha1, "X-Twilio-Signature")
            .encoding(Encoding::Base64)
            .signed(
                SignedContent::new()
                    .constant("public url", public_url)
                    .sorted_form_params(),
            )
    }
}
