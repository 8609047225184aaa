//! What can go wrong: [`WebhookError`] for a request, [`ConfigError`] for a configuration.

use http::{HeaderName, StatusCode};
use std::{error::Error as StdError, fmt, sync::Arc, time::Duration};

/// Why the layer rejected a request.
///
/// Every authentication failure answers **401**; a body over the limit **413**; a body that did
/// not arrive in time **408**; a body that failed to arrive **400**. The default response is a small JSON object
/// `{"error": "<code>", "message": "<text>"}`. Neither the code nor the text ever contains the
/// secret, the expected signature or the received header value; the error is also put into the
/// rejection response's extensions, so outer layers can log it without parsing bodies.
///
/// ```
/// use tower_webhook::WebhookError;
/// use http::StatusCode;
///
/// let error = WebhookError::SignatureMismatch;
/// assert_eq!(error.status(), StatusCode::UNAUTHORIZED);
/// assert_eq!(error.code(), "signature_mismatch");
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature header is absent.
    MissingSignature {
        /// The header that was expected.
        header: HeaderName,
    },
    /// The signature header appears more than once; which one to trust would be ambiguous.
    DuplicateSignature {
        /// The repeated header.
        header: HeaderName,
    },
    /// The signature header is present but cannot be a signature of this scheme: empty, wrong
    /// prefix, wrong length, not hex or base64, not visible ASCII, or too long to consider.
    MalformedSignature {
        /// The header that was malformed.
        header: HeaderName,
        /// What is wrong with it, in words that never quote the value.
        reason: &'static str,
    },
    /// The signature is well formed but does not match the request under any configured secret.
    SignatureMismatch,
    /// A header that the signed content is built from (such as `X-Message-Id`) is absent.
    MissingHeader {
        /// The header that was expected.
        header: HeaderName,
    },
    /// A header that the signed content is built from appears more than once.
    DuplicateHeader {
        /// The repeated header.
        header: HeaderName,
    },
    /// The timestamp is not a plain count of seconds (digits only, no sign, no overflow).
    MalformedTimestamp {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The timestamp is further from now than the tolerance, in the past or in the future.
    TimestampOutOfTolerance {
        /// `true` when the timestamp lies in the future.
        future: bool,
    },
    /// The body is larger than the layer's limit (by `Content-Length` or while reading).
    PayloadTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The body did not arrive completely within the layer's body deadline.
    BodyTimeout {
        /// The deadline.
        timeout: Duration,
    },
    /// The body stream failed before it was complete.
    BodyRead {
        /// The underlying stream error.
        source: Arc<dyn StdError + Send + Sync>,
    },
    /// The request names its tenant twice (a header or query parameter given twice), or in a
    /// form that two readers could read as two names (a path segment with percent-escapes).
    AmbiguousTenant,
    /// [`Verifier::verify`](crate::Verifier::verify) was called for a scheme that signs the
    /// request's method or URL, which it does not have: use
    /// [`Verifier::verify_request`](crate::Verifier::verify_request). A mistake of the caller's,
    /// answered 500.
    RequestLineRequired,
}

impl WebhookError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            WebhookError::BodyTimeout { .. } => StatusCode::REQUEST_TIMEOUT,
            WebhookError::BodyRead { .. } | WebhookError::AmbiguousTenant => {
                StatusCode::BAD_REQUEST
            }
            WebhookError::RequestLineRequired => StatusCode::INTERNAL_SERVER_ERROR,
            WebhookError::MissingSignature { .. }
            | WebhookError::DuplicateSignature { .. }
            | WebhookError::MalformedSignature { .. }
            | WebhookError::SignatureMismatch
            | WebhookError::MissingHeader { .. }
            | WebhookError::DuplicateHeader { .. }
            | WebhookError::MalformedTimestamp { .. }
            | WebhookError::TimestampOutOfTolerance { .. } => StatusCode::UNAUTHORIZED,
        }
    }

    /// A stable, machine-readable code such as `"signature_mismatch"`.
    pub fn code(&self) -> &'static str {
        match self {
            WebhookError::MissingSignature { .. } => "missing_signature",
            WebhookError::DuplicateSignature { .. } => "duplicate_signature",
            WebhookError::MalformedSignature { .. } => "malformed_signature",
            WebhookError::SignatureMismatch => "signature_mismatch",
            WebhookError::MissingHeader { .. } => "missing_header",
            WebhookError::DuplicateHeader { .. } => "duplicate_header",
            WebhookError::MalformedTimestamp { .. } => "malformed_timestamp",
            WebhookError::TimestampOutOfTolerance { .. } => "timestamp_out_of_tolerance",
            WebhookError::PayloadTooLarge { .. } => "payload_too_large",
            WebhookError::BodyTimeout { .. } => "body_timeout",
            WebhookError::BodyRead { .. } => "body_read_failed",
            WebhookError::AmbiguousTenant => "ambiguous_tenant",
            WebhookError::RequestLineRequired => "request_line_required",
        }
    }

    /// The JSON body of the default rejection response:
    /// `{"error": "<code>", "message": "<text>"}`.
    pub fn body_text(&self) -> String {
        crate::middleware::response::error_body(self.code(), &self.to_string())
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::MissingSignature { header } => {
                write!(f, "the `{header}` signature header is missing")
            }
            WebhookError::DuplicateSignature { header } => {
                write!(f, "the `{header}` signature header appears more than once")
            }
            WebhookError::MalformedSignature { header, reason } => {
                write!(f, "the `{header}` signature header is malformed: {reason}")
            }
            WebhookError::SignatureMismatch => {
                f.write_str("the signature does not match the request")
            }
            WebhookError::MissingHeader { header } => {
                write!(f, "the signed `{header}` header is missing")
            }
            WebhookError::DuplicateHeader { header } => {
                write!(f, "the signed `{header}` header appears more than once")
            }
            WebhookError::MalformedTimestamp { reason } => {
                write!(f, "the timestamp is malformed: {reason}")
            }
            WebhookError::TimestampOutOfTolerance { future: true } => {
                f.write_str("the timestamp is too far in the future")
            }
            WebhookError::TimestampOutOfTolerance { future: false } => {
                f.write_str("the timestamp is too old")
            }
            WebhookError::PayloadTooLarge { limit } => {
                write!(f, "the body is larger than the limit of {limit} bytes")
            }
            WebhookError::BodyTimeout { timeout } => write!(
                f,
                "the body did not arrive within {} ms",
                timeout.as_millis()
            ),
            WebhookError::BodyRead { .. } => f.write_str("the body could not be read"),
            WebhookError::AmbiguousTenant => {
                f.write_str("the request names its tenant more than once or ambiguously")
            }
            WebhookError::RequestLineRequired => f.write_str(
                "the scheme signs the request's method or URL: verify the whole request",
            ),
        }
    }
}

impl StdError for WebhookError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            WebhookError::BodyRead { source } => Some(&**source),
            _ => None,
        }
    }
}

#[cfg(feature = "axum")]
impl axum::response::IntoResponse for WebhookError {
    fn into_response(self) -> axum::response::Response {
        crate::middleware::response::rejection(&self).map(axum::body::Body::new)
    }
}

/// A configuration mistake, found when the [`Verifier`](crate::Verifier),
/// [`VerifyWebhookLayer`](crate::VerifyWebhookLayer) or [`Signer`](crate::Signer) is built, never
/// at request time and never as a panic.
///
/// Its `Debug` and `Display` never contain a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// The secret is empty: every request would be signed with a key anyone knows.
    EmptySecret,
    /// The secret starts or ends with whitespace, typically a newline read from a file or an
    /// environment variable. Trim it before passing it in.
    SecretHasSurroundingWhitespace,
    /// The secret is not in the form the scheme requires (for example Standard Webhooks'
    /// `whsec_<base64>`).
    InvalidSecretFormat {
        /// What the scheme expected.
        expected: &'static str,
    },
    /// Two secrets were given the same id.
    DuplicateSecretId {
        /// The repeated id.
        id: String,
    },
    /// The public key is not in a form this scheme's method reads.
    InvalidPublicKey {
        /// The forms accepted.
        expected: &'static str,
    },
    /// The scheme needs a cargo feature of this crate that is not enabled.
    FeatureDisabled {
        /// The feature to enable.
        feature: &'static str,
    },
    /// A header name is not a valid HTTP header name.
    InvalidHeaderName {
        /// The name as given.
        name: String,
    },
    /// The scheme signs a timestamp but says nowhere where to read it from.
    TimestampWithoutSource,
    /// The scheme is inconsistent in another way, explained in the text.
    InvalidScheme {
        /// What is wrong.
        reason: &'static str,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::EmptySecret => f.write_str("the webhook secret is empty"),
            ConfigError::SecretHasSurroundingWhitespace => f.write_str(
                "the webhook secret starts or ends with whitespace (a trailing newline from a file \
                 or environment variable?); trim it",
            ),
            ConfigError::InvalidSecretFormat { expected } => {
                write!(f, "the webhook secret is not in the expected form: {expected}")
            }
            ConfigError::DuplicateSecretId { id } => {
                write!(f, "two webhook secrets share the id `{id}`")
            }
            ConfigError::InvalidPublicKey { expected } => {
                write!(f, "the public key is not in a form this scheme reads: {expected}")
            }
            ConfigError::FeatureDisabled { feature } => write!(
                f,
                "this scheme needs the `{feature}` feature of tower-webhook"
            ),
            ConfigError::InvalidHeaderName { name } => {
                write!(f, "`{name}` is not a valid HTTP header name")
            }
            ConfigError::TimestampWithoutSource => f.write_str(
                "the scheme signs a timestamp but has no timestamp header or signature parameter",
            ),
            ConfigError::InvalidScheme { reason } => write!(f, "invalid scheme: {reason}"),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_json_with_code_and_message() {
        let error = WebhookError::MissingSignature {
            header: HeaderName::from_static("x-signature"),
        };
        let body: serde_json::Value = serde_json::from_str(&error.body_text()).unwrap();
        assert_eq!(body["error"], "missing_signature");
        assert_eq!(
            body["message"],
            "the `x-signature` signature header is missing"
        );
    }

    #[test]
    fn statuses_follow_the_policy() {
        assert_eq!(
            WebhookError::PayloadTooLarge { limit: 1 }.status(),
            StatusCode::PAYLOAD_TOO_LARGE
        );
        assert_eq!(
            WebhookError::TimestampOutOfTolerance { future: true }.status(),
            StatusCode::UNAUTHORIZED
        );
        let io = std::io::Error::other("reset");
        assert_eq!(
            WebhookError::BodyRead {
                source: Arc::new(io)
            }
            .status(),
            StatusCode::BAD_REQUEST
        );
    }
}
