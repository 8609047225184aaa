//! Adversarial bodies: each case a named test; the handler never runs on a rejection.

use crate::common::*;
use axum::body::Body;
use bytes::Bytes;
use http::StatusCode;
use std::sync::atomic::Ordering;
use tower_webhook::{Scheme, VerifyWebhookLayer, DEFAULT_BODY_LIMIT};

fn amio() -> VerifyWebhookLayer {
    VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap()
}

fn qiscus(limit: usize) -> VerifyWebhookLayer {
    VerifyWebhookLayer::new(Scheme::qiscus(), QISCUS_SECRET)
        .unwrap()
        .body_limit(limit)
}

/// HMAC-SHA256 under QISCUS_SECRET from the `hmac` crate directly, not via this crate.
fn qiscus_tag(body: &[u8]) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac =
        <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(QISCUS_SECRET.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

async fn amio_with(body: impl Into<Body>, status: StatusCode, code: Option<&str>) -> String {
    let request = post_with(&[("x-hub-signature", AMIO_SIGNATURE.as_bytes())], body);
    expect(amio(), request, status, code).await
}

#[tokio::test]
async fn tampered_byte() {
    let mut body = AMIO_BODY.as_bytes().to_vec();
    body[20] ^= 0x20;
    amio_with(body, StatusCode::UNAUTHORIZED, Some("signature_mismatch")).await;
}

#[tokio::test]
async fn reserialized_json_with_other_whitespace() {
    let value: serde_json::Value = serde_json::from_str(AMIO_BODY).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    amio_with(pretty, StatusCode::UNAUTHORIZED, Some("signature_mismatch")).await;
}

#[tokio::test]
async fn reserialized_json_with_other_key_order() {
    let reordered = AMIO_BODY.replacen(
        r#""event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z""#,
        r#""timestamp":"2018-03-01T11:54:14.886Z","event":"messages_delivered""#,
        1,
    );
    assert_ne!(reordered, AMIO_BODY);
    amio_with(
        reordered,
        StatusCode::UNAUTHORIZED,
        Some("signature_mismatch"),
    )
    .await;
}

#[tokio::test]
async fn reserialized_json_with_unicode_escapes() {
    let escaped = AMIO_BODY.replacen("viber", "\\u0076iber", 1);
    amio_with(
        escaped,
        StatusCode::UNAUTHORIZED,
        Some("signature_mismatch"),
    )
    .await;
}

#[tokio::test]
async fn empty_body_with_valid_signature_is_verified_then_a_typed_error() {
    use axum::routing::post;
    use tower_webhook::VerifiedWebhook;
    let app =
        axum::Router::new()
            .route(
                "/",
                post(
                    |VerifiedWebhook(v): VerifiedWebhook<serde_json::Value>| async move {
                        v.to_string()
                    },
                ),
            )
            .layer(qiscus(1024));
    let request = post_with(&[("qiscus-sdk-signature", qiscus_tag(b"").as_bytes())], "");
    let (status, text) = send(app, request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    assert!(text.contains("JSON"), "{text}");
}

#[tokio::test]
async fn valid_signature_over_non_utf8_bytes_passes_unchanged() {
    let bytes: Vec<u8> = (0..=255u8).rev().collect();
    let request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(&bytes).as_bytes())],
        bytes.clone(),
    );
    let text = expect(qiscus(1024), request, StatusCode::OK, None).await;
    assert_eq!(text, "256");
}

#[tokio::test]
async fn content_length_over_the_limit_is_refused_before_reading() {
    let (body, polled) = ScriptedBody::new(vec![Bytes::from(vec![b'a'; 100])], false);
    let mut request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(&[b'a'; 100]).as_bytes())],
        Body::new(body),
    );
    request
        .headers_mut()
        .insert("content-length", "100".parse().unwrap());
    expect(
        qiscus(99),
        request,
        StatusCode::PAYLOAD_TOO_LARGE,
        Some("payload_too_large"),
    )
    .await;
    assert_eq!(polled.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn chunked_stream_over_the_limit() {
    let chunks = (0..1000)
        .map(|_| Bytes::from_static(&[b'a'; 100]))
        .collect();
    let (body, polled) = ScriptedBody::new(chunks, false);
    let request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(b"").as_bytes())],
        Body::new(body),
    );
    expect(
        qiscus(1000),
        request,
        StatusCode::PAYLOAD_TOO_LARGE,
        Some("payload_too_large"),
    )
    .await;
    assert_eq!(polled.load(Ordering::SeqCst), 11, "limit plus one frame");
}

#[tokio::test]
async fn exactly_at_the_limit() {
    let body = vec![b'z'; 1000];
    let request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(&body).as_bytes())],
        body,
    );
    expect(qiscus(1000), request, StatusCode::OK, None).await;
}

#[tokio::test]
async fn one_byte_over_the_limit() {
    let body = vec![b'z'; 1001];
    let request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(&body).as_bytes())],
        body,
    );
    expect(
        qiscus(1000),
        request,
        StatusCode::PAYLOAD_TOO_LARGE,
        Some("payload_too_large"),
    )
    .await;
}

#[tokio::test]
async fn stream_error_mid_body() {
    let (body, _) = ScriptedBody::new(vec![Bytes::from_static(b"{\"half\":")], true);
    let request = post_with(
        &[(
            "qiscus-sdk-signature",
            qiscus_tag(b"{\"half\":1}").as_bytes(),
        )],
        Body::new(body),
    );
    expect(
        qiscus(1000),
        request,
        StatusCode::BAD_REQUEST,
        Some("body_read_failed"),
    )
    .await;
}

#[tokio::test]
async fn content_length_longer_than_the_body_verifies_what_arrived() {
    // The layer verifies the bytes of the stream; Content-Length only refuses early and sizes
    // the buffer. (Over TCP, hyper turns a short body into a stream error: see tcp.rs.)
    let body = b"{\"a\":1}".to_vec();
    let mut request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(&body).as_bytes())],
        body,
    );
    request
        .headers_mut()
        .insert("content-length", "500".parse().unwrap());
    expect(qiscus(1000), request, StatusCode::OK, None).await;
}

#[tokio::test]
async fn content_length_shorter_than_a_body_over_the_limit() {
    let body = vec![b'a'; 2000];
    let mut request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(&body).as_bytes())],
        body,
    );
    request
        .headers_mut()
        .insert("content-length", "10".parse().unwrap());
    expect(
        qiscus(1000),
        request,
        StatusCode::PAYLOAD_TOO_LARGE,
        Some("payload_too_large"),
    )
    .await;
}

#[tokio::test]
async fn a_huge_declared_length_under_an_unbounded_limit_is_answered_not_aborted() {
    // This aborted the whole process ("capacity overflow") before the buffer stopped trusting
    // the declared length: it was reserved before the signature was checked.
    for limit in [usize::MAX, 1 << 40] {
        let (body, _) = ScriptedBody::new(
            vec![Bytes::from_static(b"ab"), Bytes::from_static(b"cd")],
            false,
        );
        let request = http::Request::post("/")
            .header("qiscus-sdk-signature", qiscus_tag(b"other"))
            .header(
                "content-length",
                (limit as u64).min(u64::MAX - 1).to_string(),
            )
            .body(Body::new(body))
            .unwrap();
        expect(
            qiscus(limit),
            request,
            StatusCode::UNAUTHORIZED,
            Some("signature_mismatch"),
        )
        .await;
    }
}

/// A body that yields one byte every `every`, `count` times.
fn trickle(count: usize, every: std::time::Duration) -> Body {
    let stream = futures_util::stream::unfold(0, move |sent| async move {
        if sent == count {
            return None;
        }
        tokio::time::sleep(every).await;
        Some((Ok::<_, std::io::Error>(Bytes::from_static(b"a")), sent + 1))
    });
    Body::from_stream(stream)
}

#[tokio::test(start_paused = true)]
async fn a_trickling_client_is_cut_off_by_the_whole_body_deadline_with_408() {
    // One byte every 300 ms never trips a per-frame idle timeout such as tower-http's
    // `RequestBodyTimeoutLayer` of 1 s; the layer's deadline counts the whole body.
    let body = trickle(100, std::time::Duration::from_millis(300));
    let request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(b"x").as_bytes())],
        body,
    );
    let layer = qiscus(DEFAULT_BODY_LIMIT).body_timeout(std::time::Duration::from_secs(1));
    let started = tokio::time::Instant::now();
    expect(
        layer,
        request,
        StatusCode::REQUEST_TIMEOUT,
        Some("body_timeout"),
    )
    .await;
    let waited = started.elapsed();
    assert!(
        waited >= std::time::Duration::from_secs(1) && waited < std::time::Duration::from_secs(2),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_body_that_arrives_in_time_is_verified() {
    let bytes = vec![b'a'; 3];
    let body = trickle(3, std::time::Duration::from_millis(300));
    let request = post_with(
        &[("qiscus-sdk-signature", qiscus_tag(&bytes).as_bytes())],
        body,
    );
    let layer = qiscus(DEFAULT_BODY_LIMIT).body_timeout(std::time::Duration::from_secs(1));
    expect(layer, request, StatusCode::OK, None).await;
}
