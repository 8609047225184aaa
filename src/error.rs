//! Why a request was rejected: [`WebhookError`].

use axum::response::{IntoResponse, Response};
use http::{header, HeaderName, HeaderValue, StatusCode};
use std::{error::Error as StdError, fmt, sync::Arc};

/// Why the layer rejected a request.
///
/// Every authentication failure answers **401**; a body over the limit **413**; a body that failed
/// to arrive **400**. The default response is a small JSON object
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
    /// The body stream failed before it was complete.
    BodyRead {
        /// The underlying stream error.
        source: Arc<dyn StdError + Send + Sync>,
    },
}

impl WebhookError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            WebhookError::BodyRead { .. } => StatusCode::BAD_REQUEST,
            _ => StatusCode::UNAUTHORIZED,
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
            WebhookError::BodyRead { .. } => "body_read_failed",
        }
    }

    /// The JSON body of the default rejection response.
    pub fn body_text(&self) -> String {
        serde_json::json!({ "error": self.code(), "message": self.to_string() }).to_string()
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
            WebhookError::BodyRead { .. } => f.write_str("the body could not be read"),
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

impl IntoResponse for WebhookError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), self.body_text()).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_json_with_code_and_message() {
        let error = WebhookError::MissingSignature {
            header: HeaderName::from_static("x-hub-signature"),
        };
        let body: serde_json::Value = serde_json::from_str(&error.body_text()).unwrap();
        assert_eq!(body["error"], "missing_signature");
        assert_eq!(
            body["message"],
            "the `x-hub-signature` signature header is missing"
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
