//! A Stripe receiver with secret rotation: `cargo run --example stripe`.
//!
//! Stripe signs `"{t}.{body}"` and sends `Stripe-Signature: t=<ts>,v1=<hex>`; the timestamp must
//! be within 5 minutes. During a secret roll both the new and the old `whsec_...` verify, and the
//! handler learns which one did. Sign a test event with
//! `STRIPE_SECRET=whsec_new cargo run --example sign -- stripe < event.json`.

use axum::{extract::Extension, routing::post, Router};
use serde::Deserialize;
use std::time::Duration;
use tower_webhook::{Scheme, Verified, VerifiedWebhook, VerifyWebhookLayer};

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
}

async fn on_event(
    Extension(verified): Extension<Verified>,
    VerifiedWebhook(event): VerifiedWebhook<Event>,
) -> String {
    format!(
        "{} {} (signed {}s after the epoch, secret {})\n",
        event.kind,
        event.id,
        verified.timestamp().unwrap_or_default(),
        verified.secret_id()
    )
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let new = std::env::var("STRIPE_SECRET").unwrap_or_else(|_| "whsec_new".into());
    let old = std::env::var("STRIPE_OLD_SECRET").unwrap_or_else(|_| "whsec_old".into());
    let verify = VerifyWebhookLayer::with_secrets(Scheme::stripe(), [("new", new), ("old", old)])?
        .tolerance(Duration::from_secs(300))
        .body_timeout(Duration::from_secs(10));
    let app = Router::new().route("/webhooks/stripe", post(on_event).layer(verify));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3003").await?;
    println!("POST http://{}/webhooks/stripe", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
