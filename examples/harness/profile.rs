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
//! (taking `Bytes`), `typed`
//! that route behind a do-nothing layer with bodies of its own type, `minimal` behind
//! a hand-written layer that only reads the body and inserts an extension, `fn` a
//! `service_fn` under the layer (no axum routing), `fnmin` under the minimal layer, `core` `Verifier::verify` alone, `raw` the
//! `hmac` crate re-keyed per call as the bench's floor; 1 KiB bodies, GitHub's scheme.

use axum::{body::Body, routing::post, Router};
use bytes::Bytes;
use http::{HeaderMap, Request};
use http_body_util::BodyExt as _;
use std::hint::black_box;
use tower::ServiceExt;
use tower_webhook::{Scheme, Signer, VerifiedBody, Verifier, VerifyWebhookLayer};

#[path = "../../benches/support/buffering_layer.rs"]
mod buffering_layer;

const SECRET: &str = "It's a Secret to Everybody";

/// The identity on frames, for a do-nothing body wrapper.
fn same(frame: http_body::Frame<Bytes>) -> http_body::Frame<Bytes> {
    frame
}

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
        // The bare route behind a do-nothing layer that hands on bodies of its own type, as the
        // layer does: what axum charges for such a layer.
        "typed" => Router::new()
            .route(
                "/",
                post(|body: Bytes| async move { body.len().to_string() }),
            )
            .layer(
                tower::ServiceBuilder::new()
                    .map_request(|request: Request<Body>| request.map(|body| body.map_frame(same)))
                    .map_response(|response: http::Response<Body>| {
                        response.map(|body| body.map_frame(same))
                    }),
            ),
        // The bare route behind a hand-written layer that reads the body and inserts one
        // extension, verifying nothing: the floor for a layer of this shape.
        "minimal" => Router::new()
            .route(
                "/",
                post(|body: Bytes| async move { body.len().to_string() }),
            )
            .layer(buffering_layer::BufferingLayer),
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
        "raw" => {
            use hmac::{Hmac, KeyInit, Mac};
            let tag = hex::decode(&headers["x-hub-signature-256"].to_str().unwrap()[7..]).unwrap();
            for _ in 0..count {
                let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(SECRET.as_bytes())
                    .expect("any key length");
                mac.update(black_box(&body));
                mac.verify_slice(black_box(&tag)).expect("valid");
            }
            return;
        }
        "fn" | "fnmin" => Router::new(),
        other => {
            panic!("unknown case {other:?}: router, bare, typed, minimal, fn, fnmin, core or raw")
        }
    }
    .with_state(());
    if case == "fnmin" {
        // The same service_fn under the minimal buffering layer.
        let service = tower::ServiceBuilder::new()
            .layer(buffering_layer::BufferingLayer)
            .service(tower::service_fn(
                |request: Request<http_body_util::Full<Bytes>>| async move {
                    Ok::<_, std::convert::Infallible>(http::Response::new(request.into_body()))
                },
            ));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        for _ in 0..count {
            let response = runtime
                .block_on(service.clone().oneshot(request()))
                .unwrap();
            assert!(response.status().is_success());
        }
        return;
    }
    if case == "fn" {
        // A plain tower stack, no axum routing: a `service_fn` under the layer.
        let service = tower::ServiceBuilder::new()
            .layer(VerifyWebhookLayer::new(Scheme::github(), SECRET).expect("a valid scheme"))
            .service(tower::service_fn(
                |request: Request<tower_webhook::RequestBody<Body>>| async move {
                    Ok::<_, std::convert::Infallible>(http::Response::new(request.into_body()))
                },
            ));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        for _ in 0..count {
            let response = runtime
                .block_on(service.clone().oneshot(request()))
                .unwrap();
            assert!(response.status().is_success());
        }
        return;
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for _ in 0..count {
        let response = runtime.block_on(router.clone().oneshot(request())).unwrap();
        assert!(response.status().is_success());
    }
}
