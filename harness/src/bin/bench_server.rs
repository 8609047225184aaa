//! A server for loopback throughput runs: `POST /verified` (GitHub scheme, secret "It's a Secret
//! to Everybody") and `POST /plain` (no verification), both answering with the body length.
//! Used by `benches/loopback.sh`.
//!
//! ```sh
//! PORT=3900 cargo run --release -p tower-webhook-harness --bin bench_server
//! ```

use axum::{routing::post, Router};
use bytes::Bytes;
use tower_webhook::{Scheme, VerifiedBody, VerifyWebhookLayer};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3900);
    let verified =
        post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }).layer(
            VerifyWebhookLayer::new(Scheme::github(), "It's a Secret to Everybody")?,
        );
    let app = Router::new().route("/verified", verified).route(
        "/plain",
        post(|body: Bytes| async move { body.len().to_string() }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("bench server on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
