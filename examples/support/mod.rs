//! The receiver application and a small HTTP client, shared by the `receiver`, `demo` and `sign`
//! examples (and the TCP test).
#![allow(dead_code)]

pub(crate) mod registration;

use axum::{
    body::Body,
    extract::Extension,
    routing::{get, post, MethodRouter},
    Json, Router,
};
use http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::{
    collections::BTreeMap,
    net::SocketAddr,
    sync::{Arc, Mutex},
};
use tower_webhook::{
    dedup::{Deduplicate, MemoryStore},
    handshake::{self, Handshake},
    presets::{Parameter, Preset},
    ConfigError, Scheme, SignatureMethod, Signer, Verified, VerifiedBody, VerifyWebhookLayer,
};

/// One provider the receiver serves: its route, scheme and secret.
pub(crate) struct Provider {
    pub(crate) name: &'static str,
    pub(crate) path: String,
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
            path: "/webhooks/amio".into(),
            scheme: Scheme::amio(),
            secret: env_or("AMIO_SECRET", "WebhookSecret"),
        },
        Provider {
            name: "autify",
            path: "/webhooks/autify".into(),
            scheme: Scheme::autify(),
            secret: env_or("AUTIFY_SECRET", "b2f82af62f9980f6b01e1cd7e716230d0a063f58"),
        },
        Provider {
            name: "qiscus",
            path: "/webhooks/qiscus".into(),
            scheme: Scheme::qiscus(),
            secret: env_or("QISCUS_SECRET", "qiscus-token"),
        },
        Provider {
            name: "hubpay",
            path: "/webhooks/hubpay".into(),
            scheme: Scheme::hubpay(),
            secret: env_or("HUBPAY_SECRET", "f7b3ca9275d949d9b74f7f1b"),
        },
        Provider {
            name: "message",
            path: "/webhooks/message".into(),
            scheme: Scheme::message_signature(client_id),
            secret: env_or("MESSAGE_CLIENT_SECRET", "clientSecret"),
        },
        Provider {
            name: "github",
            path: "/webhooks/github".into(),
            scheme: Scheme::github(),
            secret: env_or("GITHUB_SECRET", "It's a Secret to Everybody"),
        },
        Provider {
            name: "stripe",
            path: "/webhooks/stripe".into(),
            scheme: Scheme::stripe(),
            secret: env_or("STRIPE_SECRET", "whsec_stripe_test"),
        },
        Provider {
            name: "slack",
            path: "/webhooks/slack".into(),
            scheme: Scheme::slack(),
            secret: env_or("SLACK_SECRET", "8f742231b10e8888abcd99yyyzzz85a5"),
        },
        Provider {
            name: "shopify",
            path: "/webhooks/shopify".into(),
            scheme: Scheme::shopify(),
            secret: env_or("SHOPIFY_SECRET", "shopify-secret"),
        },
        Provider {
            name: "standard",
            path: "/webhooks/standard".into(),
            scheme: Scheme::standard_webhooks(),
            secret: env_or("STANDARD_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        },
    ]
}

/// The Ed25519 key the demo signs with (its public half is the receiver's default public key for
/// Ed25519 presets); a fixed seed, for a reproducible demo only.
pub(crate) const DEMO_ED25519_SEED: [u8; 32] = [0x42; 32];

/// The P-256 key the demo signs with, likewise (a fixed scalar).
pub(crate) const DEMO_P256_SCALAR: [u8; 32] = [0x24; 32];

/// The public base URL the receiver's URL-signed presets expect, unless `PUBLIC_URL` says.
pub(crate) const DEFAULT_PUBLIC_URL: &str = "https://hooks.example.com";

/// The default key for a preset: the demo's public keys for public-key methods, otherwise the
/// secret of the preset's first valid known-answer vector (which is in the provider's form).
fn default_key(preset: &Preset) -> String {
    use base64::Engine as _;
    match scheme_of(preset).method() {
        SignatureMethod::Ed25519 => {
            let key = ed25519_dalek::SigningKey::from_bytes(&DEMO_ED25519_SEED);
            let public = key.verifying_key().to_bytes();
            match preset.name() {
                "standard_webhooks_ed25519" => format!(
                    "whpk_{}",
                    base64::engine::general_purpose::STANDARD.encode(public)
                ),
                _ => hex::encode(public),
            }
        }
        SignatureMethod::EcdsaP256Sha256 => {
            use p256::pkcs8::EncodePublicKey;
            let key =
                p256::ecdsa::SigningKey::from_slice(&DEMO_P256_SCALAR).expect("a valid scalar");
            let der = key.verifying_key().to_public_key_der().expect("encodable");
            base64::engine::general_purpose::STANDARD.encode(der.as_bytes())
        }
        _ => {
            let cases: Vec<Value> =
                serde_json::from_str(include_str!("../../tests/vectors/providers.json"))
                    .expect("valid fixtures");
            cases
                .iter()
                .find(|case| case["preset"] == preset.name() && case["expect"] == "valid")
                .and_then(|case| case["secret"].as_str())
                .unwrap_or("demo-secret")
                .to_owned()
        }
    }
}

/// The scheme of a preset, with the public base URL for URL-signed ones.
pub(crate) fn scheme_of(preset: &Preset) -> Scheme {
    match preset.parameter() {
        Parameter::None => preset.scheme().expect("needs no parameter"),
        Parameter::ClientId => preset.scheme_with(&env_or("MESSAGE_CLIENT_ID", "clientId")),
        Parameter::WebhookId => {
            preset.scheme_with(&env_or("PAYPAL_WEBHOOK_ID", "4JH86294D6297924G"))
        }
        _ => preset.scheme_with(&env_or("PUBLIC_URL", DEFAULT_PUBLIC_URL)),
    }
}

/// Every registry preset at `/webhooks/<name>`, with its key from `<NAME>_SECRET` (or
/// `<NAME>_PUBLIC_KEY` for public-key presets), unless the named routes above serve that path.
pub(crate) fn registry_providers(named: &[Provider]) -> Vec<Provider> {
    Preset::all()
        .iter()
        .filter(|preset| {
            !named
                .iter()
                .any(|p| p.path == format!("/webhooks/{}", preset.name()))
        })
        .map(|preset| {
            let scheme = scheme_of(preset);
            let variable = match scheme.method() {
                SignatureMethod::Ed25519
                | SignatureMethod::EcdsaP256Sha256
                | SignatureMethod::RsaPkcs1Sha256
                | SignatureMethod::RsaPkcs1Sha1 => "PUBLIC_KEY",
                _ => "SECRET",
            };
            let variable = format!("{}_{variable}", preset.name().to_uppercase());
            Provider {
                name: preset.name(),
                path: format!("/webhooks/{}", preset.name()),
                secret: env_or(&variable, &default_key(preset)),
                scheme,
            }
        })
        .collect()
}

/// The environment variable holding `provider`'s key, for printing.
pub(crate) fn key_variable(provider: &Provider) -> String {
    let legacy = ENVIRONMENT.iter().find(|(name, _)| {
        name.starts_with(&provider.name.to_uppercase()) && name.ends_with("SECRET")
    });
    match (legacy, provider.scheme.method()) {
        (Some((name, _)), _) => (*name).to_owned(),
        (
            None,
            SignatureMethod::Ed25519
            | SignatureMethod::EcdsaP256Sha256
            | SignatureMethod::RsaPkcs1Sha256
            | SignatureMethod::RsaPkcs1Sha1,
        ) => {
            format!("{}_PUBLIC_KEY", provider.name.to_uppercase())
        }
        (None, _) => format!("{}_SECRET", provider.name.to_uppercase()),
    }
}

/// The environment variables the receiver reads, with their defaults, for printing.
pub(crate) const ENVIRONMENT: &[(&str, &str)] = &[
    ("AMIO_SECRET", "WebhookSecret"),
    ("AUTIFY_SECRET", "b2f82af62f9980f6b01e1cd7e716230d0a063f58"),
    ("QISCUS_SECRET", "qiscus-token"),
    ("HUBPAY_SECRET", "f7b3ca9275d949d9b74f7f1b"),
    ("MESSAGE_CLIENT_ID", "clientId"),
    ("MESSAGE_CLIENT_SECRET", "clientSecret"),
    ("GITHUB_SECRET", "It's a Secret to Everybody"),
    ("STRIPE_SECRET", "whsec_stripe_test"),
    ("SLACK_SECRET", "8f742231b10e8888abcd99yyyzzz85a5"),
    ("SHOPIFY_SECRET", "shopify-secret"),
    ("STANDARD_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
];

/// How many times each route's handler ran, by route name: `GET /stats`.
pub(crate) type Stats = Arc<Mutex<BTreeMap<String, usize>>>;

/// Handler for schemes that sign the body: what verified it, and the verified body's size.
fn on_verified(name: &'static str, stats: Stats) -> MethodRouter {
    post(
        move |Extension(verified): Extension<Verified>, VerifiedBody(body): VerifiedBody| async move {
            *stats.lock().unwrap().entry(name.to_owned()).or_default() += 1;
            Json(json!({
                "accepted": verified.scheme(),
                "secret_id": verified.secret_id(),
                "signed": verified.signed_content(),
                "bytes": body.len(),
            }))
        },
    )
}

/// Handler for header-only schemes: the body is read, but as untrusted input.
fn on_headers_verified(name: &'static str, stats: Stats) -> MethodRouter {
    post(
        move |Extension(verified): Extension<Verified>, body: String| async move {
            *stats.lock().unwrap().entry(name.to_owned()).or_default() += 1;
            Json(json!({
                "accepted": verified.scheme(),
                "secret_id": verified.secret_id(),
                "signed": verified.signed_content(),
                "untrusted_body_bytes": body.len(),
            }))
        },
    )
}

/// The verify token the receiver's Meta route expects, unless `META_VERIFY_TOKEN` says.
pub(crate) const DEFAULT_META_VERIFY_TOKEN: &str = "meta-verify-token";

/// The endpoint checks each preset's route answers.
fn handshakes(name: &str) -> Vec<Arc<dyn Handshake>> {
    match name {
        "slack" => vec![Arc::new(handshake::SlackUrlVerification)],
        "zoom" => vec![Arc::new(handshake::ZoomUrlValidation)],
        "meta" => vec![Arc::new(handshake::MetaSubscribe::new(env_or(
            "META_VERIFY_TOKEN",
            DEFAULT_META_VERIFY_TOKEN,
        )))],
        "twitch" => vec![Arc::new(handshake::TwitchEventSub)],
        "discord" => vec![Arc::new(handshake::DiscordPing)],
        "dropbox" => vec![Arc::new(handshake::DropboxChallenge)],
        "twitter" => vec![Arc::new(handshake::TwitterCrc)],
        // Asana sends a secret only to a target the app is enrolling (see `AsanaHookSecret`);
        // this receiver enrolls none, so every `X-Hook-Secret` is refused.
        "asana" => vec![Arc::new(handshake::AsanaHookSecret::new(
            |_request, _secret| {
                println!("asana: a webhook was created; keep its X-Hook-Secret as its key");
            },
        ))],
        "okta" => vec![Arc::new(handshake::OktaVerification)],
        "woocommerce" => vec![Arc::new(handshake::WooCommercePing)],
        "trello" => vec![Arc::new(handshake::TrelloHead)],
        _ => Vec::new(),
    }
}

/// Every route the receiver serves: the named ones, then every other registry preset.
pub(crate) fn all_providers() -> Vec<Provider> {
    let mut all = providers();
    let rest = registry_providers(&all);
    all.extend(rest);
    all
}

/// The receiver with in-memory deduplication and fresh stats.
pub(crate) fn app() -> Result<Router, ConfigError> {
    app_with(Deduplicate::new(MemoryStore::new()), Stats::default())
}

/// The receiver: one route per provider, each behind its own layer, answering its provider's
/// endpoint checks and handling each delivery once through `dedup`; `GET /stats` counts the
/// handler calls per route.
pub(crate) fn app_with(dedup: Deduplicate, stats: Stats) -> Result<Router, ConfigError> {
    let mut router = Router::new();
    for provider in all_providers() {
        let mut layer = VerifyWebhookLayer::new(provider.scheme.clone(), &provider.secret)?
            .deduplicate(dedup.clone())
            .body_timeout(std::time::Duration::from_secs(10));
        for handshake in handshakes(provider.name) {
            layer = layer.handshake(handshake);
        }
        let handler = if provider.scheme.get_signed_content().covers_body() {
            on_verified(provider.name, stats.clone())
        } else {
            on_headers_verified(provider.name, stats.clone())
        };
        router = router.route(&provider.path, handler.layer(layer));
    }
    let stats_route = get(move || async move { Json(stats.lock().unwrap().clone()) });
    Ok(router.route("/stats", stats_route))
}

/// Signs `body` for `provider` with its configured secret at `timestamp` (seconds since the
/// epoch); `extra` supplies signed headers such as `X-Message-Id`.
pub(crate) fn sign_at(
    provider: &Provider,
    extra: &HeaderMap,
    body: &[u8],
    timestamp: u64,
) -> HeaderMap {
    let signer = Signer::new(provider.scheme.clone(), &provider.secret).expect("valid secret");
    let mut headers = extra.clone();
    headers.extend(
        signer
            .sign_at(extra, body, timestamp)
            .expect("signed headers supplied"),
    );
    headers
}

/// Seconds since the Unix epoch, now.
pub(crate) fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// Sends one request over a fresh TCP connection and returns the status, headers and body text.
pub(crate) async fn send_over_tcp(
    addr: SocketAddr,
    method: http::Method,
    path: &str,
    headers: &HeaderMap,
    body: Vec<u8>,
) -> Result<(StatusCode, HeaderMap, String), Box<dyn std::error::Error + Send + Sync>> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header("host", addr.to_string())
        .body(Body::from(body))?;
    request.headers_mut().extend(headers.clone());
    let response = sender.send_request(request).await?;
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok((
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
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

/// Sends one POST over a raw TCP connection, writing the body while reading the response, so a
/// server that answers before reading the body (413) is heard even as it closes the connection.
/// Returns the status and the response body text.
pub(crate) async fn post_streaming(
    addr: SocketAddr,
    path: &str,
    headers: &HeaderMap,
    body: Vec<u8>,
) -> Result<(StatusCode, String), Box<dyn std::error::Error + Send + Sync>> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (mut reader, mut writer) = stream.into_split();
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {}\r\n", value.to_str()?));
    }
    head.push_str("\r\n");
    let write = tokio::spawn(async move {
        // Errors are expected once the server has answered and closed.
        if writer.write_all(head.as_bytes()).await.is_ok() {
            let _ = writer.write_all(&body).await;
        }
    });
    let mut response = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match reader.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => response.extend_from_slice(&chunk[..n]),
            Err(error) if response.is_empty() => return Err(error.into()),
            Err(_) => break,
        }
        if response_complete(&response) {
            break;
        }
    }
    write.abort();
    let text = String::from_utf8_lossy(&response);
    let status_line = text.lines().next().unwrap_or_default();
    let code: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("no HTTP status in {status_line:?}"))?;
    let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    Ok((StatusCode::from_u16(code)?, body.to_owned()))
}

/// Whether `response` holds a whole head and a body of its declared `content-length`.
fn response_complete(response: &[u8]) -> bool {
    let text = String::from_utf8_lossy(response);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    head.lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse::<usize>().ok())
        .is_some_and(|length| body.len() >= length)
}
