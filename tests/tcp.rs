//! The receiver example's app over a real TCP socket with a real HTTP client (hyper).

use crate::support;

use http::{HeaderMap, HeaderValue, StatusCode};

async fn start() -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = support::app().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

#[tokio::test]
async fn amio_published_vector_is_accepted_over_tcp() {
    let addr = start().await;
    let body = br#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#;
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-hub-signature",
        HeaderValue::from_static("sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13"),
    );
    let (status, text) = support::post_over_tcp(addr, "/webhooks/amio", &headers, body.to_vec())
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(text.contains(r#""accepted":"amio""#), "{text}");

    let (status, text) = support::post_over_tcp(addr, "/webhooks/amio", &headers, b"{}".to_vec())
        .await
        .unwrap();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(text.contains("signature_mismatch"));
}

#[tokio::test]
async fn oversized_declared_body_is_413_over_tcp() {
    let addr = start().await;
    let mut headers = HeaderMap::new();
    headers.insert(
        "qiscus-sdk-signature",
        HeaderValue::from_static(
            "e5bc568d8a0bae205209ef886d3fdb8b37254be95bed7cd7bef9d0953574092c",
        ),
    );
    let body = vec![b'a'; tower_webhook::DEFAULT_BODY_LIMIT + 1];
    let (status, text) = support::post_streaming(addr, "/webhooks/qiscus", &headers, body)
        .await
        .unwrap();
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{text}");
}

#[tokio::test]
async fn message_signature_known_answer_over_tcp() {
    let addr = start().await;
    let mut headers = HeaderMap::new();
    headers.insert("x-message-id", HeaderValue::from_static("1234"));
    headers.insert(
        "x-message-signature",
        HeaderValue::from_static(
            "df87c741d50086aded0ed6d853659eb29ba9aa6c46899bf86601fc11d53f43a1",
        ),
    );
    let (status, text) =
        support::post_over_tcp(addr, "/webhooks/message", &headers, b"{}".to_vec())
            .await
            .unwrap();
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(
        text.contains(r#""signed":"{x-message-id}+{client id}""#),
        "{text}"
    );
}

/// Writes `raw` to a fresh connection, half-closes it, and returns the response text.
async fn raw_exchange(addr: std::net::SocketAddr, raw: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(raw).await.unwrap();
    stream.shutdown().await.unwrap();
    let mut response = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut response),
    )
    .await
    .expect("the server answers and closes");
    String::from_utf8_lossy(&response).into_owned()
}

#[tokio::test]
async fn content_length_longer_than_the_bytes_sent_is_a_body_error_over_tcp() {
    let addr = start().await;
    let raw = "POST /webhooks/qiscus HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\nqiscus-sdk-signature: e5bc568d8a0bae205209ef886d3fdb8b37254be95bed7cd7bef9d0953574092c\r\n\r\n{\"short\":1}";
    let response = raw_exchange(addr, raw.as_bytes()).await;
    assert!(response.starts_with("HTTP/1.1 400"), "{response}");
    assert!(response.contains("body_read_failed"), "{response}");
}

#[tokio::test]
async fn content_length_shorter_than_the_bytes_sent_verifies_only_the_declared_body() {
    let addr = start().await;
    // The signature covers the whole JSON, but Content-Length declares only its first 10 bytes:
    // HTTP says the body is those 10 bytes, so the signature does not match them.
    let body =
        r#"{"payload":{"from":{"id":140220,"name":"Qiscus Demo"}},"type":"post_comment_mobile"}"#;
    let raw = format!("POST /webhooks/qiscus HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 10\r\nqiscus-sdk-signature: e5bc568d8a0bae205209ef886d3fdb8b37254be95bed7cd7bef9d0953574092c\r\n\r\n{body}");
    let response = raw_exchange(addr, raw.as_bytes()).await;
    assert!(response.starts_with("HTTP/1.1 401"), "{response}");
    assert!(response.contains("signature_mismatch"), "{response}");
}
