//! Fuzz targets for tower-webhook, as plain functions: libFuzzer drives them through
//! `fuzz_targets/`, and `cargo test --no-default-features` replays the committed corpus through
//! the same functions. Each panics only when its oracle is violated.

use axum::{body::Body, routing::post, Router};
use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Request, StatusCode};
use std::{
    sync::{Arc, Mutex},
    time::{Duration, UNIX_EPOCH},
};
use tower::ServiceExt;
use tower_webhook::{Scheme, VerifiedBody, Verifier, VerifyWebhookLayer, WebhookError};

const NOW: u64 = 1_700_000_000;
const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn schemes() -> [Scheme; 6] {
    [
        Scheme::amio(),
        Scheme::github(),
        Scheme::stripe(),
        Scheme::shopify(),
        Scheme::standard_webhooks(),
        Scheme::paddle(),
    ]
}

/// Arbitrary bytes as the signature header of one of several schemes (first byte chooses):
/// the parser must answer, never panic, and must never accept a value for an empty body under
/// the wrong key.
pub fn signature_header(data: &[u8]) {
    let Some((&choice, value)) = data.split_first() else {
        return;
    };
    let schemes = schemes();
    let scheme = schemes[usize::from(choice) % schemes.len()].clone();
    let Ok(value) = HeaderValue::from_bytes(value) else {
        return;
    };
    let verifier = Verifier::new(scheme.clone(), SECRET)
        .unwrap()
        .clock(|| UNIX_EPOCH + Duration::from_secs(NOW));
    let mut headers = HeaderMap::new();
    headers.insert(scheme.get_signature_header().clone(), value);
    headers.insert("webhook-id", HeaderValue::from_static("msg_1"));
    headers.insert("webhook-timestamp", HeaderValue::from_static("1700000000"));
    match verifier.verify(&headers, b"") {
        Ok(_) => {
            // Only possible if the input is the real signature: check with an independent MAC
            // for the hex SHA-256 body schemes.
            if scheme.name() == "github" {
                let expected = github_tag(b"");
                let got = headers[scheme.get_signature_header()].to_str().unwrap().trim();
                assert!(got.eq_ignore_ascii_case(&format!("sha256={expected}")));
            }
        }
        Err(error) => assert_eq!(error.status(), StatusCode::UNAUTHORIZED),
    }
}

fn github_tag(body: &[u8]) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Arbitrary bytes as Slack's timestamp header: malformed exactly when an independent parse
/// (digits only, at most 19 of them, at most `i64::MAX`) fails.
pub fn timestamp(data: &[u8]) {
    let Ok(value) = HeaderValue::from_bytes(data) else {
        return;
    };
    let verifier = Verifier::new(Scheme::slack(), SECRET)
        .unwrap()
        .clock(|| UNIX_EPOCH + Duration::from_secs(NOW));
    let mut headers = HeaderMap::new();
    headers.insert("x-slack-request-timestamp", value.clone());
    headers.insert(
        "x-slack-signature",
        HeaderValue::from_static("v0=0000000000000000000000000000000000000000000000000000000000000000"),
    );
    let independent = std::str::from_utf8(value.as_bytes())
        .ok()
        .filter(|text| !text.is_empty() && text.len() <= 19 && text.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|text| text.parse::<i64>().ok());
    match (verifier.verify(&headers, b""), independent) {
        (Err(WebhookError::MalformedTimestamp { .. }), None) => {}
        (Err(WebhookError::TimestampOutOfTolerance { .. }), Some(seconds)) => {
            assert!((seconds as u64).abs_diff(NOW) > 300)
        }
        (Err(WebhookError::SignatureMismatch), Some(seconds)) => {
            assert!((seconds as u64).abs_diff(NOW) <= 300)
        }
        (result, independent) => panic!("{result:?} for {independent:?}"),
    }
}

const LIMIT: usize = 64;

thread_local! {
    static RUNTIME: tokio::runtime::Runtime =
        tokio::runtime::Builder::new_current_thread().build().unwrap();
}

/// A whole request through a `Router` with the layer. The first byte holds flags, the second
/// the frame size, the rest is the body. Oracle: 200 exactly when one correct signature header
/// is present and the body is within the limit, and then the handler saw the exact bytes;
/// every status is one the layer documents.
pub fn whole_request(data: &[u8]) {
    let [flags, frame, body @ ..] = data else {
        return;
    };
    let sign = flags & 1 != 0;
    let duplicate = flags & 2 != 0;
    let corrupt = flags & 4 != 0;
    let declare = flags & 8 != 0;
    let lie = flags & 16 != 0;
    let tag = {
        use hmac::{Hmac, KeyInit, Mac};
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"fuzz-secret").unwrap();
        mac.update(body);
        hex::encode(mac.finalize().into_bytes())
    };
    let tag = if corrupt {
        let first = if tag.starts_with('0') { "1" } else { "0" };
        format!("{first}{}", &tag[1..])
    } else {
        tag
    };
    let declared = if lie { body.len() + usize::from(*frame) } else { body.len() };

    let seen: Arc<Mutex<Option<Bytes>>> = Arc::default();
    let seen_in_handler = seen.clone();
    let app = Router::new()
        .route(
            "/",
            post(move |VerifiedBody(bytes): VerifiedBody| async move {
                *seen_in_handler.lock().unwrap() = Some(bytes);
            }),
        )
        .layer(
            VerifyWebhookLayer::new(Scheme::qiscus(), "fuzz-secret")
                .unwrap()
                .body_limit(LIMIT),
        );
    let mut request = Request::post("/").body(chunked(body, *frame)).unwrap();
    let headers = request.headers_mut();
    let name = HeaderName::from_static("qiscus-sdk-signature");
    if sign {
        headers.append(name.clone(), HeaderValue::from_str(&tag).unwrap());
    }
    if duplicate {
        headers.append(name, HeaderValue::from_static("00"));
    }
    if declare {
        headers.insert("content-length", HeaderValue::from(declared));
    }

    let status = RUNTIME.with(|runtime| {
        runtime.block_on(async { app.oneshot(request).await.unwrap().status() })
    });
    let valid = sign && !duplicate && !corrupt && body.len() <= LIMIT && !(declare && declared > LIMIT);
    assert!(
        [StatusCode::OK, StatusCode::UNAUTHORIZED, StatusCode::PAYLOAD_TOO_LARGE, StatusCode::BAD_REQUEST]
            .contains(&status),
        "{status}"
    );
    assert_eq!(status == StatusCode::OK, valid, "flags {flags:#b}, {} bytes: {status}", body.len());
    let seen = seen.lock().unwrap().take();
    if valid {
        assert_eq!(seen.as_deref(), Some(body));
    } else {
        assert!(seen.is_none(), "the handler ran on a rejection");
    }
}

/// The body as a stream of `frame`-byte frames (one frame when 0).
fn chunked(body: &[u8], frame: u8) -> Body {
    if frame == 0 || body.is_empty() {
        return Body::from(body.to_vec());
    }
    let frames: Vec<Result<Bytes, std::io::Error>> = body
        .chunks(usize::from(frame))
        .map(|chunk| Ok(Bytes::copy_from_slice(chunk)))
        .collect();
    Body::from_stream(futures_stream(frames))
}

fn futures_stream(
    frames: Vec<Result<Bytes, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    Frames(frames.into_iter())
}

struct Frames(std::vec::IntoIter<Result<Bytes, std::io::Error>>);

impl futures_core::Stream for Frames {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::task::Poll::Ready(self.0.next())
    }
}

#[cfg(test)]
mod replay {
    //! Replays every committed corpus file through its target.

    fn replay(target: &str, run: fn(&[u8])) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(target);
        let mut count = 0;
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            run(&std::fs::read(&path).unwrap());
            count += 1;
        }
        assert!(count > 0, "empty corpus for {target}");
        println!("{target}: replayed {count} inputs");
    }

    #[test]
    fn signature_header_corpus() {
        replay("signature_header", super::signature_header);
    }

    #[test]
    fn timestamp_corpus() {
        replay("timestamp", super::timestamp);
    }

    #[test]
    fn whole_request_corpus() {
        replay("whole_request", super::whole_request);
    }
}
