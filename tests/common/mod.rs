//! Shared helpers for the integration tests.
#![allow(dead_code, unreachable_pub)]

pub mod redis_server;

use axum::body::Body;
use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use std::{
    convert::Infallible,
    pin::Pin,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    task::{Context, Poll},
};

/// Amio's published test vector.
pub const AMIO_SECRET: &str = "WebhookSecret";
pub const AMIO_BODY: &str = r#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#;
pub const AMIO_SIGNATURE: &str = "sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13";
/// HMAC-SHA256 of AMIO_BODY under AMIO_SECRET (asserted with Python's hmac by tests/vectors/providers.py).
pub const AMIO_BODY_SHA256_HEX: &str =
    "bbb7fbbecc9479cc5be30eed300d8086977ec9d5e50f9eb061808e3f2c8b7beb";

/// Values computed with Python's hmac (asserted by tests/vectors/providers.py).
pub const AUTIFY_SECRET: &str = "b2f82af62f9980f6b01e1cd7e716230d0a063f58";
pub const AUTIFY_BODY: &str = r#"{"event":"test_plan_result","status":"passed"}"#;
pub const AUTIFY_SIGNATURE: &str = "sha1=e7270cea495615ae40b797fda4cfc2dc36ddd1dc";
pub const QISCUS_SECRET: &str = "qiscus-token";
pub const QISCUS_BODY: &str =
    r#"{"payload":{"from":{"id":140220,"name":"Qiscus Demo"}},"type":"post_comment_mobile"}"#;
pub const QISCUS_SIGNATURE: &str =
    "e5bc568d8a0bae205209ef886d3fdb8b37254be95bed7cd7bef9d0953574092c";
pub const HUBPAY_SECRET: &str = "f7b3ca9275d949d9b74f7f1b";
pub const HUBPAY_BODY: &str =
    r#"{"eventType":"PAYMENT_COMPLETED","id":"cfd86c98-d7e9-4465-8aa0-e0614ccdeeed"}"#;
pub const HUBPAY_SIGNATURE: &str =
    "556aea9b26c2a9bd0413011066ace6f008f8f9d372173d7bec7f6ea2084ef56b";
pub const MESSAGE_CLIENT_ID: &str = "clientId";
pub const MESSAGE_CLIENT_SECRET: &str = "clientSecret";
pub const MESSAGE_ID: &str = "1234";
pub const MESSAGE_SIGNATURE: &str =
    "df87c741d50086aded0ed6d853659eb29ba9aa6c46899bf86601fc11d53f43a1";

/// Sends `request` through `service` and returns the status and body text.
pub async fn send<S>(service: S, request: Request<Body>) -> (StatusCode, String)
where
    S: tower::Service<Request<Body>, Response = Response<Body>, Error = Infallible>,
{
    use tower::ServiceExt;
    let response = service.oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

/// Counts handler calls.
#[derive(Clone, Default)]
pub struct Calls(Arc<AtomicUsize>);

impl Calls {
    pub fn hit(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    pub fn count(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// A body that yields `chunks` and then, if `fail`, an error; it counts how many frames were
/// polled out of it.
pub struct ScriptedBody {
    chunks: std::collections::VecDeque<Bytes>,
    fail_at_end: bool,
    pub polled: Arc<AtomicUsize>,
}

impl ScriptedBody {
    pub fn new(chunks: Vec<Bytes>, fail_at_end: bool) -> (Self, Arc<AtomicUsize>) {
        let polled = Arc::new(AtomicUsize::new(0));
        (
            ScriptedBody {
                chunks: chunks.into(),
                fail_at_end,
                polled: polled.clone(),
            },
            polled,
        )
    }
}

impl http_body::Body for ScriptedBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        self.polled.fetch_add(1, Ordering::SeqCst);
        match self.chunks.pop_front() {
            Some(chunk) => Poll::Ready(Some(Ok(http_body::Frame::data(chunk)))),
            None if self.fail_at_end => {
                Poll::Ready(Some(Err(std::io::Error::other("connection reset"))))
            }
            None => Poll::Ready(None),
        }
    }
}

/// Parses a rejection body and checks its shape.
pub fn error_code(body: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(body).expect("rejections are JSON");
    assert!(json["message"].is_string(), "{body}");
    json["error"].as_str().unwrap().to_owned()
}

/// A router with `layer` in front of a handler that counts its calls and echoes the length of
/// the verified body.
pub fn counting_app(layer: tower_webhook::VerifyWebhookLayer, calls: Calls) -> axum::Router {
    use axum::routing::post;
    use tower_webhook::VerifiedBody;
    axum::Router::new()
        .route(
            "/",
            post(move |VerifiedBody(body): VerifiedBody| async move {
                calls.hit();
                body.len().to_string()
            }),
        )
        .layer(layer)
}

/// Sends `request` through a counting app and checks the status, the error code (for
/// rejections) and that the handler ran exactly when the request was accepted.
pub async fn expect(
    layer: tower_webhook::VerifyWebhookLayer,
    request: Request<Body>,
    status: StatusCode,
    code: Option<&str>,
) -> String {
    let calls = Calls::default();
    let (got, body) = send(counting_app(layer, calls.clone()), request).await;
    assert_eq!(got, status, "{body}");
    match code {
        Some(code) => {
            assert_eq!(error_code(&body), code, "{body}");
            assert_eq!(calls.count(), 0, "the handler ran on a rejection");
        }
        None => assert_eq!(calls.count(), 1, "the handler did not run"),
    }
    body
}

/// A POST to "/" with the given raw header pairs and body.
pub fn post_with(headers: &[(&str, &[u8])], body: impl Into<Body>) -> Request<Body> {
    let mut builder = Request::post("/");
    for (name, value) in headers {
        builder = builder.header(*name, http::HeaderValue::from_bytes(value).unwrap());
    }
    builder.body(body.into()).unwrap()
}

/// The secret of the Standard Webhooks deliveries below.
pub const STANDARD_WEBHOOKS_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// A Standard Webhooks request for delivery `id`, signed now.
pub fn standard_webhooks_delivery(id: &str, body: &'static str) -> Request<Body> {
    let mut headers = http::HeaderMap::new();
    headers.insert("webhook-id", id.parse().unwrap());
    let signed = tower_webhook::Signer::new(
        tower_webhook::Scheme::standard_webhooks(),
        STANDARD_WEBHOOKS_SECRET,
    )
    .unwrap()
    .sign(&headers, body.as_bytes())
    .unwrap();
    let mut request = Request::post("/hook").body(Body::from(body)).unwrap();
    request.headers_mut().extend(headers);
    request.headers_mut().extend(signed);
    request
}
