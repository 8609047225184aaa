//! A fixed number of verified requests, for an instruction counter such as callgrind, whose
//! counts do not move with the machine as timings do.
//!
//! ```sh
//! cargo build --release --example profile
//! valgrind --tool=callgrind target/release/examples/profile router 1000
//! valgrind --tool=callgrind target/release/examples/profile router 3000
//! ```
//!
//! The difference between the two runs, divided by 2000, is the cost of one request (setup
//! cancels out). `router` is an axum `Router` with the layer, `bare` the same route without it
//! (taking `Bytes`), `core` `Verifier::verify` alone; 1 KiB bodies, GitHub's scheme.

use axum::{body::Body, routing::post, Router};
use bytes::Bytes;
use http::{HeaderMap, Request};
use std::hint::black_box;
use tower::ServiceExt;
use tower_webhook::{Scheme, Signer, VerifiedBody, Verifier, VerifyWebhookLayer};

const SECRET: &str = "It's a Secret to Everybody";

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "router".into());
    let count: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);

    let body = Bytes::from(
        (0..1024)
            .map(|i| b'a' + (i * 31 % 26) as u8)
            .collect::<Vec<u8>>(),
    );
    let signer = Signer::new(Scheme::github(), SECRET).expect("a valid scheme");
    let headers = signer.sign(&HeaderMap::new(), &body).expect("signed");
    let request = || {
        let mut request = Request::post("/").body(Body::from(body.clone())).unwrap();
        *request.headers_mut() = headers.clone();
        request
    };
    // As `axum::serve` runs it: the routes built once (`with_state`).
    let router = match case.as_str() {
        "router" => Router::new()
            .route(
                "/",
                post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
            )
            .layer(VerifyWebhookLayer::new(Scheme::github(), SECRET).expect("a valid scheme")),
        "bare" => Router::new().route(
            "/",
            post(|body: Bytes| async move { body.len().to_string() }),
        ),
        "core" => {
            let verifier = Verifier::new(Scheme::github(), SECRET).expect("a valid scheme");
            for _ in 0..count {
                black_box(
                    verifier
                        .verify(black_box(&headers), black_box(&body))
                        .expect("valid"),
                );
            }
            return;
        }
        other => panic!("unknown case {other:?}: router, bare or core"),
    }
    .with_state(());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for _ in 0..count {
        let response = runtime.block_on(router.clone().oneshot(request())).unwrap();
        assert!(response.status().is_success());
    }
}
