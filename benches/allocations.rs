//! Heap allocations per verified request, counted with `dhat` as the global allocator.
//!
//! `cargo bench --bench allocations` prints, for a 1 KiB GitHub-signed body, how many heap blocks
//! each path allocates per request (and how many bytes), next to the same request without
//! verification, so the difference is what verification costs in allocations.

use axum::{body::Body, routing::post, Router};
use bytes::Bytes;
use http::{HeaderMap, Request, Response};
use std::{convert::Infallible, fmt::Debug};
use tower::{service_fn, Service, ServiceExt};
use tower_webhook::{RequestBody, Scheme, Signer, VerifiedBody, Verifier, VerifyWebhookLayer};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

const SECRET: &str = "It's a Secret to Everybody";
const ROUNDS: u64 = 1000;

/// Heap blocks and bytes allocated per call of `f`, averaged over `ROUNDS` calls after a warm-up.
fn per_call(mut f: impl FnMut()) -> (f64, f64) {
    f();
    let before = dhat::HeapStats::get();
    for _ in 0..ROUNDS {
        f();
    }
    let after = dhat::HeapStats::get();
    (
        (after.total_blocks - before.total_blocks) as f64 / ROUNDS as f64,
        (after.total_bytes - before.total_bytes) as f64 / ROUNDS as f64,
    )
}

/// Like `per_call`, for one request through `service`, less what building the request allocates.
fn per_request<S, B>(
    runtime: &tokio::runtime::Runtime,
    service: &S,
    request: impl Fn() -> Request<Body>,
) -> (f64, f64)
where
    S: Service<Request<Body>, Response = Response<B>> + Clone,
    S::Error: Debug,
{
    let setup = per_call(|| drop(request()));
    let (blocks, bytes) = per_call(|| {
        let response = runtime.block_on(service.clone().oneshot(request()));
        assert!(response.unwrap().status().is_success());
    });
    (blocks - setup.0, bytes - setup.1)
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let body = Bytes::from(vec![b'a'; 1024]);
    let headers = Signer::new(Scheme::github(), SECRET)
        .unwrap()
        .sign(&HeaderMap::new(), &body)
        .unwrap();
    let signature = headers["x-hub-signature-256"].clone();
    let request = || {
        Request::post("/")
            .header("x-hub-signature-256", signature.clone())
            .header("content-length", body.len())
            .body(Body::from(body.clone()))
            .unwrap()
    };

    let verifier = Verifier::new(Scheme::github(), SECRET).unwrap();
    let layer = VerifyWebhookLayer::new(Scheme::github(), SECRET).unwrap();
    let echo = service_fn(|request: Request<Body>| async move {
        Ok::<_, Infallible>(Response::new(request.into_body()))
    });
    let layered_fn = tower::ServiceBuilder::new()
        .layer(layer.clone())
        .service(service_fn(
            |request: Request<RequestBody<Body>>| async move {
                Ok::<_, Infallible>(Response::new(request.into_body()))
            },
        ));
    let layered = Router::new()
        .route(
            "/",
            post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
        )
        .layer(layer);
    let bare = Router::new().route(
        "/",
        post(|body: Bytes| async move { body.len().to_string() }),
    );

    let verify = per_call(|| drop(verifier.verify(&headers, &body).unwrap()));
    let requests = [
        (
            "layer around a service_fn",
            per_request(&runtime, &layered_fn, request),
        ),
        ("service_fn alone", per_request(&runtime, &echo, request)),
        (
            "Router + layer + VerifiedBody",
            per_request(&runtime, &layered, request),
        ),
        (
            "Router + Bytes, no layer",
            per_request(&runtime, &bare, request),
        ),
    ];
    println!("heap allocations per request, 1 KiB GitHub-signed body ({ROUNDS} requests each)");
    println!("{:<40} {:>8} {:>10}", "path", "blocks", "bytes");
    println!(
        "{:<40} {:>8.1} {:>10.0}",
        "Verifier::verify", verify.0, verify.1
    );
    for (name, (blocks, bytes)) in requests {
        println!("{name:<40} {blocks:>8.1} {bytes:>10.0}");
    }
    println!("(request paths exclude what building the request itself allocates)");
}
