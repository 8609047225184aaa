//! Producing signatures: [`Signer`], for providers and for testing handlers.

use crate::{
    verify::signed_content::{feed, HeaderProblem, Headers, Sources},
    ConfigError, Scheme, TimestampFormat, Verifier,
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
#[derive(Clone)]
pub struct Signer {
    verifier: Verifier,
    /// The token, for token schemes (which send the secret itself).
    token: Box<[u8]>,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("verifier", &self.verifier)
            .finish_non_exhaustive()
    }
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
    /// The URL's `bodySHA256` (Twilio) is not the body's SHA-256.
    BodyHashMismatch,
    /// [`Signer::sign`] or [`Signer::sign_at`] was called for a scheme that signs the request's
    /// method or URL, which they do not have: use [`Signer::sign_request`].
    RequestLineRequired,
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
            SignError::BodyHashMismatch => {
                f.write_str("the URL's bodySHA256 is not the SHA-256 of the body")
            }
            SignError::RequestLineRequired => {
                f.write_str("the scheme signs the request's method or URL: sign the whole request")
            }
        }
    }
}

impl std::error::Error for SignError {}

impl Signer {
    /// A signer for `scheme` with `secret`; the same checks as [`Verifier::new`]. Only schemes
    /// with a shared secret (HMAC, token) can sign: the others need the provider's private key.
    pub fn new(scheme: Scheme, secret: impl AsRef<[u8]>) -> Result<Self, ConfigError> {
        if !scheme.method.is_shared_secret() {
            return Err(ConfigError::InvalidScheme {
                reason: "only HMAC and token schemes can sign; a public-key scheme needs the \
                         provider's private key",
            });
        }
        Verifier::new(scheme, secret.as_ref()).map(|verifier| Signer {
            verifier,
            token: secret.as_ref().into(),
        })
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

    /// The headers to add to `request`, for schemes that also sign its method and URL,
    /// timestamped at `timestamp` (seconds since the Unix epoch).
    pub fn sign_request<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
        timestamp: u64,
    ) -> Result<HeaderMap, SignError> {
        let line = RequestLine {
            method: request.method(),
            path_and_query: request.uri().path_and_query().map_or("/", |pq| pq.as_str()),
        };
        self.sign_with(line, request.headers(), request.body().as_ref(), timestamp)
    }

    /// Like [`sign`](Self::sign), with an explicit timestamp in seconds since the Unix epoch
    /// (ignored by schemes without one).
    pub fn sign_at(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        timestamp: u64,
    ) -> Result<HeaderMap, SignError> {
        if self.verifier.scheme().content.signs_request_line() {
            return Err(SignError::RequestLineRequired);
        }
        let line = RequestLine {
            method: &http::Method::POST,
            path_and_query: "/",
        };
        self.sign_with(line, headers, body, timestamp)
    }

    fn sign_with(
        &self,
        request: RequestLine<'_>,
        headers: &HeaderMap,
        body: &[u8],
        timestamp: u64,
    ) -> Result<HeaderMap, SignError> {
        let scheme = self.verifier.scheme();
        let digits = match scheme.timestamp_format {
            TimestampFormat::Milliseconds => (u128::from(timestamp) * 1000).to_string(),
            TimestampFormat::Rfc3339 => time::OffsetDateTime::from_unix_timestamp(timestamp as i64)
                .ok()
                .and_then(|time| {
                    time.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                })
                .unwrap_or_default(),
            _ => timestamp.to_string(),
        };
        let mut out = HeaderMap::new();
        let Some(mut mac) = self.verifier.first_mac() else {
            // A token scheme: the header carries the token itself.
            let value = scheme.format.render(&[], None) + &String::from_utf8_lossy(&self.token);
            out.insert(scheme.headers[0].clone(), header_value(value));
            return Ok(out);
        };
        let sources = Sources {
            method: request.method,
            path_and_query: request.path_and_query,
            base_override: None,
            headers: Headers::plain(headers),
            timestamp: Some(digits.as_bytes()),
            body,
            json: Default::default(),
        };
        feed(&scheme.content.parts, &sources, &mut |bytes| {
            mac.update(bytes)
        })
        .map_err(|problem| match problem {
            HeaderProblem::Missing(header) => SignError::MissingHeader { header },
            HeaderProblem::Repeated(header) => SignError::DuplicateHeader { header },
            HeaderProblem::NotAsSigned => SignError::BodyHashMismatch,
        })?;
        let signature = scheme.encoding.encode(mac.finalize().as_slice());
        let value = scheme
            .format
            .render(&[signature], scheme.has_timestamp().then_some(&*digits));
        out.insert(scheme.headers[0].clone(), header_value(value));
        if let Some(name) = &scheme.timestamp_header {
            out.insert(name.clone(), header_value(digits));
        }
        Ok(out)
    }

    /// The signature header's name.
    pub fn header_name(&self) -> &HeaderName {
        self.verifier.scheme().get_signature_header()
    }
}

/// The method and the path and query, for schemes that sign them.
struct RequestLine<'a> {
    method: &'a http::Method,
    path_and_query: &'a str,
}

fn header_value(text: String) -> HeaderValue {
    // Hex, base64, digits and the scheme's own visible-ASCII prefixes (checked when the scheme
    // was validated) are always valid header values.
    HeaderValue::try_from(text).expect("signature headers are visible ASCII")
}
