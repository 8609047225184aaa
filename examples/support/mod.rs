//! The receiver application and a small HTTP client, shared by the `receiver`, `demo` and `sign`
//! examples (and the TCP test).
#![allow(dead_code)]

use axum::{body::Body, extract::Extension, routing::post, Json, Router};
use http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::net::SocketAddr;
use tower_webhook::{ConfigError, Scheme, Signer, Verified, VerifiedBody, VerifyWebhookLayer};

/// One provider the receiver serves: its route, scheme and secret.
pub(crate) struct Provider {
    pub(crate) name: &'static str,
    pub(crate) path: &'static str,
    pub(crate) scheme: Scheme,
    pub(crate) secret: String,
}

/// Reads `name` from the environment, or uses `default` (printed by the receiver).
fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

/// Every provider with its secret from the environment or its documented default.
pub(crate) fn providers() -> Vec<Provider> {
    let client_id = env_or("MESSAGE_CLIENT_ID", "clientId");
    vec![
        Provider {
            name: "amio",
            path: "/webhooks/amio",
            scheme: Scheme::amio(),
            secret: env_or("AMIO_SECRET", "WebhookSecret"),
        },
        Provider {
            name: "autify",
            path: "/webhooks/autify",
            scheme: Scheme::autify(),
            secret: env_or("AUTIFY_SECRET", "b2f82af62f9980f6b01e1cd7e716230d0a063f58"),
        },
        Provider {
            name: "qiscus",
            path: "/webhooks/qiscus",
            scheme: Scheme::qiscus(),
            secret: env_or("QISCUS_SECRET", "qiscus-token"),
        },
        Provider {
            name: "hubpay",
            path: "/webhooks/hubpay",
            scheme: Scheme::hubpay(),
            secret: env_or("HUBPAY_SECRET", "f7b3ca9275d949d9b74f7f1b"),
        },
        Provider {
            name: "message",
            path: "/webhooks/message",
            scheme: Scheme::message_signature(client_id),
            secret: env_or("MESSAGE_CLIENT_SECRET", "clientSecret"),
        },
    ]
}

/// The environment variables the receiver reads, with their defaults, for printing.
pub(crate) const ENVIRONMENT: &[(&str, &str)] = &[
    ("AMIO_SECRET", "WebhookSecret"),
    ("AUTIFY_SECRET", "b2f82af62f9980f6b01e1cd7e716230d0a063f58"),
    ("QISCUS_SECRET", "qiscus-token"),
    ("HUBPAY_SECRET", "f7b3ca9275d949d9b74f7f1b"),
    ("MESSAGE_CLIENT_ID", "clientId"),
    ("MESSAGE_CLIENT_SECRET", "clientSecret"),
];

/// Handler for schemes that sign the body: the verified JSON, echoed with what verified it.
async fn on_verified(
    Extension(verified): Extension<Verified>,
    VerifiedBody(body): VerifiedBody,
) -> Json<Value> {
    Json(json!({
        "accepted": verified.scheme(),
        "secret_id": verified.secret_id(),
        "signed": verified.signed_content(),
        "bytes": body.len(),
    }))
}

/// Handler for header-only schemes: the body is read, but as untrusted input.
async fn on_headers_verified(
    Extension(verified): Extension<Verified>,
    body: String,
) -> Json<Value> {
    Json(json!({
        "accepted": verified.scheme(),
        "secret_id": verified.secret_id(),
        "signed": verified.signed_content(),
        "untrusted_body_bytes": body.len(),
    }))
}

/// The receiver: one route per provider, each behind its own layer.
pub(crate) fn app() -> Result<Router, ConfigError> {
    let mut router = Router::new();
    for provider in providers() {
        let layer = VerifyWebhookLayer::new(provider.scheme.clone(), &provider.secret)?;
        let handler = if provider.scheme.signed_content().covers_body() {
            post(on_verified)
        } else {
            post(on_headers_verified)
        };
        router = router.route(provider.path, handler.layer(layer));
    }
    Ok(router)
}

/// Signs `body` for `provider` with its configured secret; `extra` supplies signed headers such
/// as `X-Message-Id`.
pub(crate) fn sign(provider: &Provider, extra: &HeaderMap, body: &[u8]) -> HeaderMap {
    let signer = Signer::new(provider.scheme.clone(), &provider.secret).expect("valid secret");
    let mut headers = extra.clone();
    headers.extend(signer.sign(extra, body).expect("signed headers supplied"));
    headers
}

/// Sends one POST over a fresh TCP connection and returns the status and body text.
pub(crate) async fn post_over_tcp(
    addr: SocketAddr,
    path: &str,
    headers: &HeaderMap,
    body: Vec<u8>,
) -> Result<(StatusCode, String), Box<dyn std::error::Error + Send + Sync>> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        // The server may close early (413 before the body is read); that is expected.
        let _ = connection.await;
    });
    let mut request = Request::post(path)
        .header("host", addr.to_string())
        .header("content-type", "application/json")
        .body(Body::from(body))?;
    request.headers_mut().extend(headers.clone());
    let response = sender.send_request(request).await?;
    let status = response.status();
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok((status, String::from_utf8_lossy(&bytes).into_owned()))
}
