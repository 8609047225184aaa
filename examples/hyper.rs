//! The layer in a plain hyper server, without axum: `cargo run --example hyper`, then
//!
//! ```sh
//! curl -i localhost:3001 -H 'X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' -d 'Hello, World!'
//! ```
//!
//! (GitHub's documented test vector, secret "It's a Secret to Everybody".)

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::{rt::TokioIo, service::TowerToHyperService};
use std::convert::Infallible;
use tower::{service_fn, Layer};
use tower_webhook::{RequestBody, Scheme, Verified, VerifyWebhookLayer};

async fn on_event(
    request: Request<RequestBody<Incoming>>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    // Only verified requests get here (GET and friends too, unverified: check for `Verified`).
    if request.extensions().get::<Verified>().is_none() {
        let mut response = Response::new(Full::new(Bytes::from_static(b"POST a webhook\n")));
        *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
        return Ok(response);
    }
    let body = request
        .into_body()
        .collect()
        .await
        .map(|body| body.to_bytes());
    let len = body.map_or(0, |body| body.len());
    Ok(Response::new(Full::new(Bytes::from(format!(
        "verified {len} bytes\n"
    )))))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret =
        std::env::var("GITHUB_SECRET").unwrap_or_else(|_| "It's a Secret to Everybody".into());
    let service = VerifyWebhookLayer::new(Scheme::github(), secret)?
        .body_timeout(std::time::Duration::from_secs(10))
        .layer(service_fn(on_event));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3001").await?;
    println!("listening on http://{}", listener.local_addr()?);
    loop {
        let (stream, _) = listener.accept().await?;
        let service = TowerToHyperService::new(service.clone());
        tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
    }
}
