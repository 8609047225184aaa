//! A GitHub webhook receiver: `cargo run --example github`, then
//!
//! ```sh
//! curl -i localhost:3002/webhooks/github \
//!   -H 'X-GitHub-Event: ping' \
//!   -H 'X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' \
//!   -d 'Hello, World!'
//! ```
//!
//! That is GitHub's documented test vector (secret "It's a Secret to Everybody"); the body is not
//! JSON, so the handler answers 400 after the signature passed. Sign a JSON body with
//! `cargo run --example sign -- github < event.json`.

use axum::{http::HeaderMap, routing::post, Router};
use serde::Deserialize;
use std::time::Duration;
use tower_webhook::{Scheme, VerifiedWebhook, VerifyWebhookLayer};

#[derive(Deserialize)]
struct Event {
    action: Option<String>,
    repository: Option<Repository>,
}

#[derive(Deserialize)]
struct Repository {
    full_name: String,
}

async fn on_event(headers: HeaderMap, VerifiedWebhook(event): VerifiedWebhook<Event>) -> String {
    let kind = headers
        .get("x-github-event")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("?");
    let repository = event.repository.map_or_else(|| "-".into(), |r| r.full_name);
    format!(
        "{kind} {} on {repository}\n",
        event.action.unwrap_or_default()
    )
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret =
        std::env::var("GITHUB_SECRET").unwrap_or_else(|_| "It's a Secret to Everybody".into());
    let verify =
        VerifyWebhookLayer::new(Scheme::github(), secret)?.body_timeout(Duration::from_secs(10));
    let app = Router::new().route("/webhooks/github", post(on_event).layer(verify));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3002").await?;
    println!("POST http://{}/webhooks/github", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
