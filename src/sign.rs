//! Producing signatures: [`Signer`], for providers and for testing handlers.

use crate::{
    verify::signed_content::{feed, HeaderProblem, Sources},
    ConfigError, Scheme, Verifier,
};
use http::{HeaderMap, HeaderName, HeaderValue};
use std::{
    fmt,
    time::{SystemTime, UNIX_EPOCH},
};

/// Signs requests the way a [`Scheme`] expects them, with its first secret.
///
/// Use it to send webhooks, or to build correctly signed requests in your handler tests. It
/// reads the signed content through the same interpreter as the [`Verifier`], so the two cannot
/// disagree.
///
/// ```
/// use http::HeaderMap;
/// use tower_webhook::{Scheme, Signer};
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

/// Why a [`Signer`] could not sign: a header the scheme signs is absent or repeated in the
/// headers given to it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignError {
    /// A header the scheme signs (such as `X-Message-Id`) is absent.
    MissingHeader {
        /// The header.
        header: HeaderName,
    },
    /// A header the scheme signs appears more than once.
    DuplicateHeader {
        /// The header.
        header: HeaderName,
    },
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::MissingHeader { header } => {
                write!(f, "the signed `{header}` header is missing")
            }
            SignError::DuplicateHeader { header } => {
                write!(f, "the signed `{header}` header appears more than once")
            }
        }
    }
}

impl std::error::Error for SignError {}

impl Signer {
    /// A signer for `scheme` with `secret`; the same checks as [`Verifier::new`].
    pub fn new(scheme: Scheme, secret: impl AsRef<[u8]>) -> Result<Self, ConfigError> {
        Verifier::new(scheme, secret).map(|verifier| Signer { verifier })
    }

    /// The headers to add to a request with `body`, timestamped now where the scheme has a
    /// timestamp. `headers` supplies the signed headers the scheme reads (such as
    /// `X-Message-Id`).
    pub fn sign(&self, headers: &HeaderMap, body: &[u8]) -> Result<HeaderMap, SignError> {
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
    ) -> Result<HeaderMap, SignError> {
        let scheme = self.verifier.scheme();
        let digits = timestamp.to_string();
        let mut mac = self.verifier.first_mac();
        let sources = Sources {
            headers,
            timestamp: Some(digits.as_bytes()),
            body,
        };
        feed(&scheme.content.parts, &sources, &mut |bytes| {
            mac.update(bytes)
        })
        .map_err(|problem| match problem {
            HeaderProblem::Missing(header) => SignError::MissingHeader { header },
            HeaderProblem::Repeated(header) => SignError::DuplicateHeader { header },
        })?;
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
        self.verifier.scheme().signature_header_name()
    }
}

fn header_value(text: String) -> HeaderValue {
    // Hex, base64, digits and the scheme's own visible-ASCII prefixes (checked when the scheme
    // was validated) are always valid header values.
    HeaderValue::try_from(text).expect("signature headers are visible ASCII")
}
