//! The verified-content extractors and the rejection responses, through a real axum `Router`.

use crate::common::*;
use axum::{body::Body, extract::Extension, response::IntoResponse, routing::post, Router};
use bytes::Bytes;
use http::{Request, StatusCode};
use serde::Deserialize;
use std::sync::atomic::Ordering;
use tower_webhook::{
    Scheme, Verified, VerifiedBody, VerifiedWebhook, VerifyWebhookLayer, WebhookError,
};

#[derive(Deserialize)]
struct AmioEvent {
    event: String,
}

fn amio_app(calls: Calls) -> Router {
    Router::new()
        .route(
            "/webhooks/amio",
            post(
                move |VerifiedWebhook(event): VerifiedWebhook<AmioEvent>| async move {
                    calls.hit();
                    event.event
                },
            ),
        )
        .layer(VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap())
}

fn amio_request(signatures: &[&[u8]], body: impl Into<Body>) -> Request<Body> {
    let mut builder = Request::post("/webhooks/amio");
    for signature in signatures {
        builder = builder.header("x-hub-signature", *signature);
    }
    builder.body(body.into()).unwrap()
}

/// Sends a request that must be rejected, and checks status, code and that no handler ran.
async fn assert_rejected(request: Request<Body>, status: StatusCode, code: &str) {
    let calls = Calls::default();
    let (got, body) = send(amio_app(calls.clone()), request).await;
    assert_eq!(got, status, "{body}");
    assert_eq!(error_code(&body), code);
    assert!(!body.contains(AMIO_SECRET) && !body.contains(&AMIO_SIGNATURE[5..]));
    assert_eq!(calls.count(), 0, "the handler must not run on a rejection");
}

#[tokio::test]
async fn rejects_wrong_secret() {
    let app = Router::new()
        .route("/webhooks/amio", post(|| async { "reached" }))
        .layer(VerifyWebhookLayer::new(Scheme::amio(), "NotTheSecret").unwrap());
    let (status, body) = send(app, amio_request(&[AMIO_SIGNATURE.as_bytes()], AMIO_BODY)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&body), "signature_mismatch");
}

#[tokio::test]
async fn invalid_json_with_bad_signature_is_401_not_400() {
    let request = amio_request(
        &[b"sha1=0000000000000000000000000000000000000000"],
        "{not json",
    );
    assert_rejected(request, StatusCode::UNAUTHORIZED, "signature_mismatch").await;
}

#[tokio::test]
async fn bad_json_after_valid_signature_is_400_and_wrong_shape_is_422() {
    let signer = tower_webhook::Signer::new(Scheme::amio(), AMIO_SECRET).unwrap();
    for (body, status, code) in [
        ("{not json", StatusCode::BAD_REQUEST, "json_syntax"),
        (
            r#"{"event": 5}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "json_data",
        ),
        ("", StatusCode::BAD_REQUEST, "json_syntax"),
    ] {
        let headers = signer.sign(&Default::default(), body.as_bytes()).unwrap();
        let mut request = Request::post("/webhooks/amio")
            .body(Body::from(body))
            .unwrap();
        request.headers_mut().extend(headers);
        let calls = Calls::default();
        let (got, text) = send(amio_app(calls.clone()), request).await;
        assert_eq!(got, status, "{text}");
        // The same body format as the layer's own answers, read by serde_json.
        assert_eq!(error_code(&text), code, "{text}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(
            value["message"].as_str().unwrap().contains("verified"),
            "{text}"
        );
        assert_eq!(calls.count(), 0);
    }
}

fn limited_app(limit: usize) -> Router {
    Router::new()
        .route(
            "/",
            post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
        )
        .layer(
            VerifyWebhookLayer::new(Scheme::qiscus(), QISCUS_SECRET)
                .unwrap()
                .body_limit(limit),
        )
}

fn qiscus_signed(body: &[u8]) -> String {
    // Independent check of the signer's output happens in seeds.rs; here we need many
    // sizes, so the signature comes from a different HMAC instance: the `hmac` crate directly.
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac =
        <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(QISCUS_SECRET.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn malformed_signature_is_rejected_before_reading() {
    let (body, polled) = ScriptedBody::new(vec![Bytes::from_static(b"{}")], false);
    let request = Request::post("/")
        .header("qiscus-sdk-signature", "nothex")
        .body(Body::new(body))
        .unwrap();
    let (status, _) = send(limited_app(1024), request).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(polled.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn chunked_body_within_the_limit_is_verified() {
    let chunks: Vec<Bytes> = [&b"{\"a\":"[..], b"1", b"}"]
        .iter()
        .map(|c| Bytes::from_static(c))
        .collect();
    let (body, _) = ScriptedBody::new(chunks, false);
    let request = Request::post("/")
        .header("qiscus-sdk-signature", qiscus_signed(b"{\"a\":1}"))
        .body(Body::new(body))
        .unwrap();
    let (status, text) = send(limited_app(1024), request).await;
    assert_eq!((status, text.as_str()), (StatusCode::OK, "7"));
}

#[tokio::test]
async fn success_passes_identical_bytes_and_a_verified_extension() {
    let app = Router::new()
        .route(
            "/",
            post(
                |Extension(verified): Extension<Verified>,
                 VerifiedBody(verified_body): VerifiedBody,
                 body: Bytes| async move {
                    assert_eq!(verified_body, body);
                    format!(
                        "{}|{}|{}|{}",
                        verified.scheme(),
                        verified.signed_content(),
                        verified.secret_id(),
                        body.len()
                    )
                },
            ),
        )
        .layer(VerifyWebhookLayer::new(Scheme::qiscus(), QISCUS_SECRET).unwrap());
    let request = Request::post("/")
        .header("qiscus-sdk-signature", QISCUS_SIGNATURE)
        .body(Body::from(QISCUS_BODY))
        .unwrap();
    let (status, text) = send(app, request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        text,
        format!("qiscus|{{body}}|primary|{}", QISCUS_BODY.len())
    );
}

#[tokio::test]
async fn extractor_without_the_layer_is_500_naming_the_layer() {
    let app = Router::new().route(
        "/",
        post(|VerifiedWebhook(v): VerifiedWebhook<serde_json::Value>| async move { v.to_string() }),
    );
    let (status, text) = send(app, Request::post("/").body(Body::from("{}")).unwrap()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(text.contains("VerifyWebhookLayer"), "{text}");
}

#[tokio::test]
async fn the_layer_limit_wins_over_default_body_limit() {
    // 3 MiB limit on the layer; axum's DefaultBodyLimit (2 MiB) must not interfere because the
    // extractor reads the verified bytes from the extension.
    let body = vec![b'a'; 3 * 1024 * 1024];
    let app = Router::new()
        .route(
            "/",
            post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
        )
        .layer(
            VerifyWebhookLayer::new(Scheme::qiscus(), QISCUS_SECRET)
                .unwrap()
                .body_limit(4 * 1024 * 1024),
        );
    let request = Request::post("/")
        .header("qiscus-sdk-signature", qiscus_signed(&body))
        .body(Body::from(body))
        .unwrap();
    let (status, text) = send(app, request).await;
    assert_eq!(
        (status, text),
        (StatusCode::OK, (3 * 1024 * 1024).to_string())
    );
}

fn message_app(calls: Calls) -> Router {
    Router::new()
        .route(
            "/webhooks/message",
            post(
                move |Extension(verified): Extension<Verified>, body: String| async move {
                    calls.hit();
                    format!("{}:{}", verified.covers_body(), body)
                },
            ),
        )
        .layer(
            VerifyWebhookLayer::new(
                Scheme::message_signature(MESSAGE_CLIENT_ID),
                MESSAGE_CLIENT_SECRET,
            )
            .unwrap(),
        )
}

#[tokio::test]
async fn message_signature_is_verified_without_reading_the_body() {
    let (body, polled) = ScriptedBody::new(vec![Bytes::from_static(b"untrusted")], false);
    let request = Request::post("/webhooks/message")
        .header("X-Message-Id", MESSAGE_ID)
        .header("X-Message-Signature", MESSAGE_SIGNATURE)
        .body(Body::new(body))
        .unwrap();
    let service = message_app(Calls::default());
    let response = tower::ServiceExt::oneshot(service, request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // The handler read it (as untrusted), the layer did not buffer it first.
    assert!(polled.load(Ordering::SeqCst) >= 1);
}

#[tokio::test]
async fn message_signature_rejects_before_the_body_is_touched() {
    let (body, polled) = ScriptedBody::new(vec![Bytes::from_static(b"x")], false);
    let calls = Calls::default();
    let request = Request::post("/webhooks/message")
        .header("X-Message-Signature", MESSAGE_SIGNATURE)
        .body(Body::new(body))
        .unwrap();
    let (status, text) = send(message_app(calls.clone()), request).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&text), "missing_header");
    assert_eq!(polled.load(Ordering::SeqCst), 0);
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn verified_webhook_refuses_a_body_the_scheme_did_not_sign() {
    let app =
        Router::new()
            .route(
                "/",
                post(
                    |VerifiedWebhook(v): VerifiedWebhook<serde_json::Value>| async move {
                        v.to_string()
                    },
                ),
            )
            .layer(
                VerifyWebhookLayer::new(
                    Scheme::message_signature(MESSAGE_CLIENT_ID),
                    MESSAGE_CLIENT_SECRET,
                )
                .unwrap(),
            );
    let request = Request::post("/")
        .header("X-Message-Id", MESSAGE_ID)
        .header("X-Message-Signature", MESSAGE_SIGNATURE)
        .body(Body::from("{}"))
        .unwrap();
    let (status, text) = send(app, request).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(text.contains("does not sign the body"), "{text}");
}

#[tokio::test]
async fn rejection_carries_the_error_in_its_extensions() {
    let app = amio_app(Calls::default());
    let response = tower::ServiceExt::oneshot(app, amio_request(&[], AMIO_BODY))
        .await
        .unwrap();
    let error = response
        .extensions()
        .get::<WebhookError>()
        .expect("error in extensions");
    assert_eq!(error.code(), "missing_signature");
    assert_eq!(response.headers()["content-type"], "application/json");
}

#[tokio::test]
async fn custom_rejection_is_used_and_still_carries_the_error() {
    let app = Router::new()
        .route("/", post(|| async { "reached" }))
        .layer(
            VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET)
                .unwrap()
                .on_rejection(|error: &WebhookError| {
                    (StatusCode::FORBIDDEN, error.code()).into_response()
                }),
        );
    let response = tower::ServiceExt::oneshot(app, Request::post("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.extensions().get::<WebhookError>().is_some());
}
