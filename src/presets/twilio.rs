use crate::{Algorithm, Encoding, Scheme, SignedContent};
use std::borrow::Cow;
use super::{Category, Parameter, Preset};
use crate::verify::signed_content::{
    feed_sorted_form_params, query_param, DerivedPart, HeaderProblem, Sources,
};

impl Scheme {
    /// [Twilio](https://www.twilio.com/docs/usage/webhooks/webhooks-security):
    /// `X-Twilio-Signature: <base64 HMAC-SHA1>` of the public URL Twilio requested followed by
    /// each POST parameter's name and value, sorted by name, keyed with the account's auth token.
    ///
    /// `public_base_url` is the scheme and host (and port, if any) Twilio calls, such as
    /// `https://mycompany.com`; the request's path and query are appended. It comes from
    /// configuration, not from the request, because proxies and load balancers change the `Host`
    /// and scheme the server sees. As in Twilio's SDKs, the URL verifies with or without the
    /// default port (`:443`, `:80`); a JSON body is verified through the `bodySHA256` query
    /// parameter the URL carries (the body's SHA-256 must equal it); a GET is verified from its
    /// URL alone (set [`VerifyMethods::All`](crate::VerifyMethods::All) on the layer). The body
    /// is verified once it has fully arrived.
    ///
    /// **What is authenticated:** the URL and the *decoded* form parameters, sorted, each name
    /// directly followed by its value. Two bodies that decode to the same sorted concatenation
    /// (a boundary moved between a name and its value, another percent-encoding) verify alike;
    /// that is Twilio's algorithm.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// // The vector from Twilio's request-validator tests.
    /// let verifier = Verifier::new(Scheme::twilio("https://mycompany.com"), "12345")?;
    /// let body = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212";
    /// let request = http::Request::post("/myapp.php?foo=1&bar=2")
    ///     .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn twilio(public_base_url: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::hmac("twilio", Algorithm::Sha1, "X-Twilio-Signature")
            .encoding(Encoding::Base64)
            .signed_content(
                SignedContent::new()
                    .public_url_either_port(public_base_url)
                    .derived(Parameters),
            )
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "twilio",
        provider: "Twilio",
        category: Category::Messaging,
        docs: "https://www.twilio.com/docs/usage/webhooks/webhooks-security",
        parameter: Parameter::PublicBaseUrl,
        build: |parameter| Scheme::twilio(parameter.to_owned()),
    },
];

/// What Twilio signs after the URL: the form parameters, sorted, each as name then value; or,
/// when the URL's query carries `bodySHA256` (Twilio's JSON webhooks), nothing, the body's
/// SHA-256 having to equal that value instead (the URL, and so the value, being signed).
#[derive(Debug)]
struct Parameters;

impl DerivedPart for Parameters {
    fn label(&self) -> &'static str {
        "{sorted form params}"
    }

    fn feed(&self, sources: &Sources<'_>, sink: &mut dyn FnMut(&[u8])) -> Result<(), HeaderProblem> {
        let Some(expected) = query_param(sources.path_and_query, "bodySHA256") else {
            feed_sorted_form_params(sources.body, sink);
            return Ok(());
        };
        use sha2::Digest as _;
        let actual = const_hex::encode(sha2::Sha256::digest(sources.body));
        let equal: bool = subtle::ConstantTimeEq::ct_eq(
            actual.as_bytes(),
            expected.to_ascii_lowercase().as_bytes(),
        )
        .into();
        if equal {
            Ok(())
        } else {
            Err(HeaderProblem::NotAsSigned)
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
