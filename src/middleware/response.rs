//! Every response the layer writes itself, in one format.
//!
//! Whatever the layer answers without calling the inner service (a rejection, a duplicate, a
//! delivery in flight, a store outage, a refused challenge) has the body
//! `{"error": "<code>", "message": "<text>"}` with `Content-Type: application/json` and
//! `X-Content-Type-Options: nosniff`; the code is stable and machine-readable, the text is for
//! people. The only other bodies are the answers a provider's handshake documents (an echoed
//! challenge, Zoom's JSON), built here too.

use crate::{
    dedup::Claim,
    handshake::Answer,
    middleware::{settings::Settings, MakeRejection, RejectionLog},
    WebhookError,
};
use bytes::Bytes;
use http::{header, HeaderValue, Response, StatusCode};
use http_body_util::Full;

/// The header that marks a response to a delivery handled already.
pub(crate) const DUPLICATE_HEADER: &str = "webhook-duplicate";

/// The one body format: `{"error": "<code>", "message": "<text>"}`.
pub(crate) fn error_body(code: &str, message: &str) -> String {
    let mut body = String::with_capacity(32 + code.len() + message.len());
    body.push_str(r#"{"error":""#);
    json_escape_into(&mut body, code);
    body.push_str(r#"","message":""#);
    json_escape_into(&mut body, message);
    body.push_str(r#""}"#);
    body
}

/// A response in the one format.
pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Answer {
    let mut response = json(error_body(code, message));
    *response.status_mut() = status;
    response
}

/// The default rejection: the error's status, code and text.
pub(crate) fn rejection(error: &WebhookError) -> Answer {
    self::error(error.status(), error.code(), &error.to_string())
}

/// Logs the rejection and builds its response with `make`, with the error in its extensions.
pub(crate) fn reject<R: MakeRejection>(
    make: &R,
    settings: &Settings,
    error: WebhookError,
) -> Response<R::Body> {
    log_rejection(settings.log, settings.verifier.scheme().name(), &error);
    // With tenants, every authentication failure is answered as a mismatch: which one it was
    // would tell whether the account exists and how it is configured (the log keeps it).
    let error = match error {
        error if settings.tenants.is_some() && error.status() == StatusCode::UNAUTHORIZED => {
            WebhookError::SignatureMismatch
        }
        error => error,
    };
    let mut response = make.make_rejection(&error);
    response.extensions_mut().insert(error);
    response
}

/// 200 with `webhook-duplicate: true` for a delivery handled already; 409 with `Retry-After`
/// for one being handled now.
pub(crate) fn duplicate(claim: Claim) -> Answer {
    let mut response = match claim {
        Claim::InFlight => {
            let mut response = error(
                StatusCode::CONFLICT,
                "delivery_in_flight",
                "the delivery is being handled now; retry later",
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            response
        }
        _ => error(
            StatusCode::OK,
            "duplicate_delivery",
            "the delivery was handled already",
        ),
    };
    response
        .headers_mut()
        .insert(DUPLICATE_HEADER, HeaderValue::from_static("true"));
    response
}

/// 503 with `Retry-After` when a store cannot be reached: the provider retries.
pub(crate) fn unavailable(code: &str) -> Answer {
    let mut response = error(
        StatusCode::SERVICE_UNAVAILABLE,
        code,
        "a store the receiver needs is unavailable; retry later",
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    response
}

/// 400 for a challenge the layer will not echo.
pub(crate) fn invalid_challenge() -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        "invalid_challenge",
        "the challenge is missing, too long or has characters the layer does not echo",
    )
}

/// 403 for a subscription check whose verify token is not the one configured.
pub(crate) fn verify_token_mismatch() -> Answer {
    error(
        StatusCode::FORBIDDEN,
        "verify_token_mismatch",
        "the verify token is not the one configured",
    )
}

/// A `text/plain` answer, never sniffed as anything else.
pub(crate) fn text(status: StatusCode, body: String) -> Answer {
    let mut response = answer(body, "text/plain; charset=utf-8");
    *response.status_mut() = status;
    response
}

/// A 200 `application/json` answer, never sniffed as anything else.
pub(crate) fn json(body: String) -> Answer {
    answer(body, "application/json")
}

fn answer(body: String, content_type: &'static str) -> Answer {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// `text` as a JSON string literal.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::from('"');
    json_escape_into(&mut out, text);
    out.push('"');
    out
}

/// Appends `text` to `out` as the inside of a JSON string.
fn json_escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
}

#[cfg(feature = "tracing")]
fn log_rejection(log: RejectionLog, scheme: &str, error: &WebhookError) {
    use tracing::Level;
    let level = match log {
        RejectionLog::Off => return,
        RejectionLog::At(level) => level,
        RejectionLog::ByKind if error.status() == StatusCode::UNAUTHORIZED => Level::WARN,
        RejectionLog::ByKind => Level::INFO,
    };
    // `tracing::event!` needs its level as a constant.
    macro_rules! event_at {
        ($($level:ident),*) => {
            $(if level == Level::$level {
                tracing::event!(
                    target: "tower_webhook::rejection",
                    Level::$level,
                    scheme,
                    code = error.code(),
                    status = error.status().as_u16(),
                    "rejected webhook: {error}",
                );
            })*
        };
    }
    event_at!(ERROR, WARN, INFO, DEBUG, TRACE);
}

#[cfg(not(feature = "tracing"))]
fn log_rejection(_: RejectionLog, _: &str, _: &WebhookError) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "json")]
    #[test]
    fn bodies_escape_like_json() {
        let message = "a\"b\\c\nd\u{1}é";
        let body: serde_json::Value = serde_json::from_str(&error_body("code", message)).unwrap();
        assert_eq!(body["error"], "code");
        assert_eq!(body["message"], message);
    }

    #[cfg(feature = "json")]
    #[test]
    fn every_body_the_layer_writes_has_one_format() {
        let claimed_elsewhere = [Claim::InFlight, Claim::Done];
        let responses = claimed_elsewhere.into_iter().map(duplicate).chain([
            unavailable("dedup_store_unavailable"),
            invalid_challenge(),
            verify_token_mismatch(),
            rejection(&WebhookError::SignatureMismatch),
        ]);
        for response in responses {
            let headers = response.headers();
            assert_eq!(headers[header::CONTENT_TYPE], "application/json");
            assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
            let body = futures_body(response);
            let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let object = value.as_object().unwrap();
            assert_eq!(object.len(), 2, "{value}");
            assert!(object["error"].is_string() && object["message"].is_string());
        }
    }

    #[cfg(feature = "json")]
    fn futures_body(response: Answer) -> Bytes {
        use http_body::Body as _;
        let mut body = std::pin::pin!(response.into_body());
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        match body.as_mut().poll_frame(&mut cx) {
            std::task::Poll::Ready(Some(Ok(frame))) => frame.into_data().unwrap(),
            _ => Bytes::new(),
        }
    }
}
