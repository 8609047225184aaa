//! Producing signatures: [`Signer`], for providers and for testing handlers.

use crate::{scheme::Part, ConfigError, Scheme, Verifier, WebhookError};
use http::{HeaderMap, HeaderName, HeaderValue};
use std::time::{SystemTime, UNIX_EPOCH};

/// Signs requests the way a [`Scheme`] expects them, with its first secret.
///
/// Use it to send webhooks, or to build correctly signed requests in your handler tests.
///
/// ```
/// use http::HeaderMap;
/// use tower_webhook::{Scheme, Signer, Verifier};
///
/// let signer = Signer::new(Scheme::qiscus(), "token")?;
/// let headers = signer.sign(&HeaderMap::new(), b"{}")?;
/// assert_eq!(
///     headers["qiscus-sdk-signature"],
///     // python3 -c 'import hmac; print(hmac.new(b"token", b"{}", "sha256").hexdigest())'
///     "5c88aa97c426854fb8f94deb5a1f202a537891ced9b9ae9c99bc1d3323d27d53",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Signer {
    verifier: Verifier,
}

impl Signer {
    /// A signer for `scheme` with `secret`; the same checks as [`Verifier::new`].
    pub fn new(scheme: Scheme, secret: impl AsRef<[u8]>) -> Result<Self, ConfigError> {
        Verifier::new(scheme, secret).map(|verifier| Signer { verifier })
    }

    /// The headers to add to a request with `body`, timestamped now where the scheme has a
    /// timestamp. `headers` supplies the signed headers the scheme reads (such as
    /// `X-Message-Id`); a missing one is an error.
    pub fn sign(&self, headers: &HeaderMap, body: &[u8]) -> Result<HeaderMap, WebhookError> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        self.sign_at(headers, body, now)
    }

    /// Like [`sign`](Self::sign), with an explicit timestamp in seconds since the Unix epoch
    /// (ignored by schemes without one).
    pub fn sign_at(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        timestamp: u64,
    ) -> Result<HeaderMap, WebhookError> {
        let scheme = self.verifier.scheme();
        let digits = timestamp.to_string();
        let mut mac = self.verifier.keyed_mac(0).expect("a verifier has a secret");
        for part in &scheme.content.parts {
            match part {
                Part::Body => mac.update(body),
                Part::FormParams => {
                    for (name, value) in crate::verifier::sorted_form_params(body) {
                        mac.update(name.as_bytes());
                        mac.update(value.as_bytes());
                    }
                }
                Part::Text(bytes) | Part::Constant { value: bytes, .. } => mac.update(bytes),
                Part::Timestamp => mac.update(digits.as_bytes()),
                Part::Header(name) => {
                    let value = headers
                        .get(name)
                        .ok_or_else(|| WebhookError::MissingHeader {
                            header: name.clone(),
                        })?;
                    mac.update(value.as_bytes());
                }
            }
        }
        let signature = scheme.encoding.encode(mac.finalize().as_slice());
        let value = scheme
            .format
            .render(&[signature], scheme.has_timestamp().then_some(&*digits));
        let mut out = HeaderMap::new();
        out.insert(scheme.header.clone(), header_value(value));
        if let Some(name) = &scheme.timestamp_header {
            out.insert(name.clone(), header_value(digits));
        }
        Ok(out)
    }

    /// The signature header's name.
    pub fn header_name(&self) -> &HeaderName {
        self.verifier.scheme().signature_header()
    }
}

fn header_value(text: String) -> HeaderValue {
    // Hex, base64, digits and the scheme's own ASCII prefixes are always valid header values.
    HeaderValue::try_from(text).expect("signature headers are visible ASCII")
}
