//! Whole requests through a real axum `Router` with the layer.

mod common;

use axum::{
    body::Body,
    extract::Extension,
    response::IntoResponse,
    routing::{get, post},
    Router,
};
use bytes::Bytes;
use common::*;
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
async fn accepts_amio_published_vector() {
    let calls = Calls::default();
    let request = amio_request(&[AMIO_SIGNATURE.as_bytes()], AMIO_BODY);
    let (status, body) = send(amio_app(calls.clone()), request).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, "messages_delivered")
    );
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn accepts_uppercase_hex() {
    let upper = format!("sha1={}", AMIO_SIGNATURE[5..].to_uppercase());
    let (status, _) = send(
        amio_app(Calls::default()),
        amio_request(&[upper.as_bytes()], AMIO_BODY),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn rejects_missing_signature() {
    assert_rejected(
        amio_request(&[], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "missing_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_empty_signature() {
    assert_rejected(
        amio_request(&[b""], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_prefix_without_signature() {
    assert_rejected(
        amio_request(&[b"sha1="], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_truncated_signature() {
    let even = &AMIO_SIGNATURE[..AMIO_SIGNATURE.len() - 2];
    assert_rejected(
        amio_request(&[even.as_bytes()], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_odd_length_signature() {
    let odd = &AMIO_SIGNATURE[..AMIO_SIGNATURE.len() - 1];
    assert_rejected(
        amio_request(&[odd.as_bytes()], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_non_hex_signature() {
    let non_hex = format!("{}zz", &AMIO_SIGNATURE[..AMIO_SIGNATURE.len() - 2]);
    assert_rejected(
        amio_request(&[non_hex.as_bytes()], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_wrong_prefix() {
    let wrong = format!("sha256={}", &AMIO_SIGNATURE[5..]);
    assert_rejected(
        amio_request(&[wrong.as_bytes()], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_sha256_tag_on_sha1_route() {
    let sha256 = format!("sha1={AMIO_BODY_SHA256_HEX}");
    assert_rejected(
        amio_request(&[sha256.as_bytes()], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn rejects_sha1_tag_on_sha256_route() {
    // The Amio SHA-1 tag sent to a route configured for SHA-256 (the hubpay preset).
    let app = Router::new()
        .route("/", post(|| async { "reached" }))
        .layer(VerifyWebhookLayer::new(Scheme::hubpay(), AMIO_SECRET).unwrap());
    let request = Request::post("/")
        .header("x-hubpay-hmac", &AMIO_SIGNATURE[5..])
        .body(Body::from(AMIO_BODY))
        .unwrap();
    let (status, body) = send(app, request).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&body), "malformed_signature");
}

#[tokio::test]
async fn rejects_duplicate_signature_headers_in_every_order() {
    let valid = AMIO_SIGNATURE.as_bytes();
    let invalid = b"sha1=0000000000000000000000000000000000000000".as_slice();
    for pair in [[valid, invalid], [invalid, valid], [valid, valid]] {
        assert_rejected(
            amio_request(&pair, AMIO_BODY),
            StatusCode::UNAUTHORIZED,
            "duplicate_signature",
        )
        .await;
    }
}

#[tokio::test]
async fn rejects_tampered_body() {
    let tampered = AMIO_BODY.replace("+420606123456", "+420606123457");
    assert_rejected(
        amio_request(&[AMIO_SIGNATURE.as_bytes()], tampered),
        StatusCode::UNAUTHORIZED,
        "signature_mismatch",
    )
    .await;
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
async fn rejects_non_utf8_header_value() {
    let mut value = AMIO_SIGNATURE.as_bytes().to_vec();
    value[10] = 0xFF;
    assert_rejected(
        amio_request(&[&value], AMIO_BODY),
        StatusCode::UNAUTHORIZED,
        "malformed_signature",
    )
    .await;
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
    for (body, status) in [
        ("{not json", StatusCode::BAD_REQUEST),
        (r#"{"event": 5}"#, StatusCode::UNPROCESSABLE_ENTITY),
        ("", StatusCode::BAD_REQUEST),
    ] {
        let headers = signer.sign(&Default::default(), body.as_bytes()).unwrap();
        let mut request = Request::post("/webhooks/amio")
            .body(Body::from(body))
            .unwrap();
        request.headers_mut().extend(headers);
        let calls = Calls::default();
        let (got, text) = send(amio_app(calls.clone()), request).await;
        assert_eq!(got, status, "{text}");
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
    // Independent check of the signer's output happens in seed_vectors.rs; here we need many
    // sizes, so the signature comes from a different HMAC instance: the `hmac` crate directly.
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac =
        <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(QISCUS_SECRET.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn body_exactly_at_the_limit_is_accepted() {
    let body = vec![b'a'; 1024];
    let request = Request::post("/")
        .header("qiscus-sdk-signature", qiscus_signed(&body))
        .body(Body::from(body))
        .unwrap();
    let (status, text) = send(limited_app(1024), request).await;
    assert_eq!((status, text.as_str()), (StatusCode::OK, "1024"));
}

#[tokio::test]
async fn body_one_byte_over_the_limit_is_413() {
    let body = vec![b'a'; 1025];
    let request = Request::post("/")
        .header("qiscus-sdk-signature", qiscus_signed(&body))
        .body(Body::from(body))
        .unwrap();
    let (status, text) = send(limited_app(1024), request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&text), "payload_too_large");
}

#[tokio::test]
async fn content_length_over_the_limit_is_413_before_reading() {
    let (body, polled) = ScriptedBody::new(vec![Bytes::from(vec![b'a'; 2048])], false);
    let request = Request::post("/")
        .header("qiscus-sdk-signature", qiscus_signed(&[b'a'; 2048]))
        .header("content-length", "2048")
        .body(Body::new(body))
        .unwrap();
    let (status, _) = send(limited_app(1024), request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(polled.load(Ordering::SeqCst), 0, "no body byte may be read");
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
async fn chunked_stream_over_the_limit_is_413_after_at_most_one_more_frame() {
    let chunks: Vec<Bytes> = (0..100).map(|_| Bytes::from(vec![b'a'; 512])).collect();
    let (body, polled) = ScriptedBody::new(chunks, false);
    let request = Request::post("/")
        .header("qiscus-sdk-signature", qiscus_signed(b"whatever"))
        .body(Body::new(body))
        .unwrap();
    let (status, _) = send(limited_app(1024), request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    // Two frames fill the limit; the third crosses it.
    assert_eq!(polled.load(Ordering::SeqCst), 3);
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
async fn stream_error_mid_body_is_400() {
    let (body, _) = ScriptedBody::new(vec![Bytes::from_static(b"{\"a\":")], true);
    let request = Request::post("/")
        .header("qiscus-sdk-signature", qiscus_signed(b"{\"a\":1}"))
        .body(Body::new(body))
        .unwrap();
    let (status, text) = send(limited_app(1024), request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&text), "body_read_failed");
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

#[tokio::test]
async fn works_with_route_layer_and_method_router_layer() {
    let layer = VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap();
    let route_layered = Router::new()
        .route(
            "/hook",
            post(|VerifiedBody(b): VerifiedBody| async move { b.len().to_string() }),
        )
        .route_layer(layer.clone())
        .route("/health", get(|| async { "ok" }));
    let method_layered = Router::new().route(
        "/hook",
        post(|VerifiedBody(b): VerifiedBody| async move { b.len().to_string() }).layer(layer),
    );
    for app in [route_layered.clone(), method_layered] {
        let request = Request::post("/hook")
            .header("x-hub-signature", AMIO_SIGNATURE)
            .body(Body::from(AMIO_BODY))
            .unwrap();
        assert_eq!(send(app.clone(), request).await.0, StatusCode::OK);
        let unsigned = Request::post("/hook").body(Body::from(AMIO_BODY)).unwrap();
        assert_eq!(send(app, unsigned).await.0, StatusCode::UNAUTHORIZED);
    }
    // route_layer leaves other routes alone and unknown routes 404.
    let (status, _) = send(
        route_layered.clone(),
        Request::get("/health").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = send(
        route_layered,
        Request::post("/nope").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
