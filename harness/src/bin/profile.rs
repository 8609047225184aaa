//! A fixed number of verified requests, for an instruction counter such as callgrind, whose
//! counts do not move with the machine as timings do.
//!
//! ```sh
//! cargo build --release -p tower-webhook-harness --bin profile
//! valgrind --tool=callgrind target/release/profile router 1000
//! valgrind --tool=callgrind target/release/profile router 3000
//! ```
//!
//! The difference between the two runs, divided by 2000, is the cost of one request (setup
//! cancels out). 1 KiB bodies, GitHub's scheme. The cases:
//!
//! - `router`: an axum `Router` with the layer; `dedup`: the same with deduplication in memory,
//!   each request a new delivery (signed beforehand, which the difference does not cancel);
//!   `bare`: the same route without it (taking
//!   `Bytes`); `typed`: that route behind a do-nothing layer with bodies of its own type;
//!   `minimal`: behind a hand-written layer that only reads the body and inserts an extension;
//! - `fn`: a `service_fn` under the layer (no axum routing); `fnmin`: under the minimal layer;
//! - `core`: `Verifier::verify` alone; `raw`: the `hmac` crate re-keyed per call, the bench's
//!   floor.

use axum::{body::Body, routing::post, Router};
use bytes::Bytes;
use http::{HeaderMap, Request, Response};
use http_body_util::{BodyExt as _, Full};
use std::{convert::Infallible, fmt::Debug, hint::black_box};
use tower::{service_fn, Service, ServiceBuilder, ServiceExt};
use tower_webhook::{RequestBody, Scheme, Signer, VerifiedBody, Verifier, VerifyWebhookLayer};

#[path = "../../../benches/support/buffering_layer.rs"]
mod buffering_layer;
use buffering_layer::BufferingLayer;

const SECRET: &str = "It's a Secret to Everybody";

/// The identity on frames, for a do-nothing body wrapper.
fn same(frame: http_body::Frame<Bytes>) -> http_body::Frame<Bytes> {
    frame
}

/// `count` requests through `service`, one after the other on one runtime, each on a clone of
/// the service as `axum::serve` makes them.
fn run<S, ResBody>(service: S, count: u64, request: impl Fn() -> Request<Body>)
where
    S: Service<Request<Body>, Response = Response<ResBody>> + Clone,
    S::Error: Debug,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for _ in 0..count {
        let response = runtime
            .block_on(service.clone().oneshot(request()))
            .unwrap();
        assert!(response.status().is_success());
    }
}

/// The unverified route: the body's length.
fn bare() -> Router {
    Router::new().route(
        "/",
        post(|body: Bytes| async move { body.len().to_string() }),
    )
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
    let layer = || VerifyWebhookLayer::new(Scheme::github(), SECRET).expect("a valid scheme");

    // Routers as `axum::serve` runs them: built once (`with_state`).
    match case.as_str() {
        "router" => {
            let verified = Router::new()
                .route(
                    "/",
                    post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
                )
                .layer(layer());
            run(verified.with_state(()), count, request);
        }
        "dedup" => {
            // Each request a new delivery (GitHub's id is the digest of the signed body), signed
            // beforehand; the signing is the same work whichever build runs it.
            let deliveries: Vec<(Bytes, HeaderMap)> = (0..count)
                .map(|n| {
                    let mut body = body.to_vec();
                    body[..8].copy_from_slice(&n.to_be_bytes());
                    let headers = signer.sign(&HeaderMap::new(), &body).expect("signed");
                    (Bytes::from(body), headers)
                })
                .collect();
            let next = std::cell::Cell::new(0);
            let request = || {
                let (body, headers) = &deliveries[next.replace(next.get() + 1)];
                let mut request = Request::post("/").body(Body::from(body.clone())).unwrap();
                *request.headers_mut() = headers.clone();
                request
            };
            let verified = Router::new()
                .route(
                    "/",
                    post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
                )
                .layer(layer().deduplicate(tower_webhook::dedup::MemoryStore::new()));
            run(verified.with_state(()), count, request);
        }
        "bare" => run(bare().with_state(()), count, request),
        "typed" => {
            let typed = bare().layer(
                ServiceBuilder::new()
                    .map_request(|request: Request<Body>| request.map(|body| body.map_frame(same)))
                    .map_response(|response: Response<Body>| {
                        response.map(|body| body.map_frame(same))
                    }),
            );
            run(typed.with_state(()), count, request);
        }
        "minimal" => run(bare().layer(BufferingLayer).with_state(()), count, request),
        "fn" => {
            let service = ServiceBuilder::new().layer(layer()).service(service_fn(
                |request: Request<RequestBody<Body>>| async move {
                    Ok::<_, Infallible>(Response::new(request.into_body()))
                },
            ));
            run(service, count, request);
        }
        "fnmin" => {
            let service = ServiceBuilder::new()
                .layer(BufferingLayer)
                .service(service_fn(|request: Request<Full<Bytes>>| async move {
                    Ok::<_, Infallible>(Response::new(request.into_body()))
                }));
            run(service, count, request);
        }
        "core" => {
            let verifier = Verifier::new(Scheme::github(), SECRET).expect("a valid scheme");
            for _ in 0..count {
                black_box(
                    verifier
                        .verify(black_box(&headers), black_box(&body))
                        .expect("valid"),
                );
            }
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
        }
        other => {
            panic!("unknown case {other:?}: router, dedup, bare, typed, minimal, fn, fnmin, core or raw")
        }
    }
}
