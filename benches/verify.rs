//! Cost of verification against the raw HMAC floor and against peers, at several body sizes.
//!
//! `cargo bench --bench verify` prints a table and writes `target/bench/verify.csv`
//! (`python3 benches/chart.py` turns it into `benches/cost_vs_size.svg`).
//!
//! A small harness of its own (`harness = false`): each case is timed over batches sized to
//! about 10 ms, after a warm-up, and the fastest of 15 batches is reported in ns per operation.
//! The fastest rather than the median: on a shared machine the noise only ever adds time, and
//! the median moved by 20% between runs. The raw HMAC and the core are timed in alternating
//! batches, so that their ratio is not skewed by the machine changing speed between them.

use axum::{body::Body, routing::post, Router};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Request, Response};
use http_body_util::BodyExt as _;
use std::{
    convert::Infallible,
    fmt::Write as _,
    hint::black_box,
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};
use tower::{service_fn, Service, ServiceExt};
use tower_webhook::{RequestBody, Scheme, Signer, VerifiedBody, Verifier, VerifyWebhookLayer};

#[path = "support/buffering_layer.rs"]
mod buffering_layer;
use buffering_layer::{BufferedBody, BufferingLayer};
use http_body_util::Full;

const SECRET: &str = "It's a Secret to Everybody";
const STANDARD_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SIZES: [usize; 5] = [256, 1024, 4096, 65536, 1 << 20];

/// How many calls of `f` take about 10 ms.
fn batch_size(f: &mut impl FnMut()) -> u64 {
    let start = Instant::now();
    let mut calibration = 0u64;
    while start.elapsed() < Duration::from_millis(30) {
        f();
        calibration += 1;
    }
    let per_op = start.elapsed().as_nanos() as f64 / calibration as f64;
    ((10e6 / per_op) as u64).max(1)
}

/// ns per call of one batch of `f`.
fn time_batch(f: &mut impl FnMut(), batch: u64) -> f64 {
    let start = Instant::now();
    for _ in 0..batch {
        f();
    }
    start.elapsed().as_nanos() as f64 / batch as f64
}

/// The fastest of 15 batches, in ns per call of `f` (one operation per call).
fn measure(mut f: impl FnMut()) -> f64 {
    let batch = batch_size(&mut f);
    (0..15)
        .map(|_| time_batch(&mut f, batch))
        .fold(f64::MAX, f64::min)
}

/// `measure` for two operations whose ratio matters, in alternating batches.
fn measure_pair(mut f: impl FnMut(), mut g: impl FnMut()) -> (f64, f64) {
    let (batch_f, batch_g) = (batch_size(&mut f), batch_size(&mut g));
    let (mut best_f, mut best_g) = (f64::MAX, f64::MAX);
    for _ in 0..15 {
        best_f = best_f.min(time_batch(&mut f, batch_f));
        best_g = best_g.min(time_batch(&mut g, batch_g));
    }
    (best_f, best_g)
}

/// Like `measure`, for async operations, all on one current-thread runtime.
fn measure_async<F: std::future::Future<Output = ()>>(
    runtime: &tokio::runtime::Runtime,
    mut f: impl FnMut() -> F,
) -> f64 {
    measure(|| runtime.block_on(f()))
}

/// The identity on frames, for a do-nothing body wrapper.
fn same(frame: http_body::Frame<Bytes>) -> http_body::Frame<Bytes> {
    frame
}

/// A do-nothing middleware with the shape of a body-verifying layer, in axum's own idiom.
async fn buffer_body(
    request: Request<Body>,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let (mut parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 2 << 20).await.unwrap();
    parts.extensions.insert(BufferedBody(bytes.clone()));
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn raw_hmac(body: &[u8], tag: &[u8]) {
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    mac.verify_slice(tag).unwrap();
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let verifier = Verifier::new(Scheme::github(), SECRET).unwrap();
    let signer = Signer::new(Scheme::github(), SECRET).unwrap();
    let peer_secret = webhook_verify::Secret::new(SECRET);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let standard = Verifier::new(Scheme::standard_webhooks(), STANDARD_SECRET).unwrap();
    let standard_peer = standardwebhooks::Webhook::new(STANDARD_SECRET).unwrap();

    // Axum routers: with the layer, and the same route without it (and without any other
    // layer: axum's default body limit, 2 MiB, is already the layer's).
    let layered = Router::new()
        .route(
            "/",
            post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
        )
        .layer(
            VerifyWebhookLayer::new(Scheme::github(), SECRET)
                .unwrap()
                .body_limit(2 << 20),
        );
    let bare = Router::new().route(
        "/",
        post(|body: Bytes| async move { body.len().to_string() }),
    );
    // The same unverified route behind a layer that does nothing: what axum charges any layer.
    let noop = Router::new()
        .route(
            "/",
            post(|body: Bytes| async move { body.len().to_string() }),
        )
        .layer(tower::util::MapRequestLayer::new(
            |request: Request<Body>| request,
        ));
    // The same unverified route behind a do-nothing layer that hands on bodies of its own type,
    // as ours does (`RequestBody`, `ResponseBody`): axum boxes them again at its boundaries.
    let typed_noop = Router::new()
        .route(
            "/",
            post(|body: Bytes| async move { body.len().to_string() }),
        )
        .layer(
            tower::ServiceBuilder::new()
                .map_request(|request: Request<Body>| request.map(|body| body.map_frame(same)))
                .map_response(|response: Response<Body>| response.map(|body| body.map_frame(same))),
        );
    // The same unverified route behind axum's own async middleware doing what any layer that
    // verifies a body must, short of verifying: read the whole body under a limit, insert one
    // extension, hand the request on.
    let buffering = Router::new()
        .route(
            "/",
            post(|body: Bytes| async move { body.len().to_string() }),
        )
        .layer(axum::middleware::from_fn(buffer_body));
    // The same unverified route behind the hand-written buffering layer above.
    let minimal = Router::new()
        .route(
            "/",
            post(|body: Bytes| async move { body.len().to_string() }),
        )
        .layer(BufferingLayer);
    // Plain tower: the same service_fn bare, under our layer, and under webhook-verify's layer.
    let echo = service_fn(|request: Request<Body>| async move {
        Ok::<_, Infallible>(Response::new(Body::new(request.into_body())))
    });
    let echo_bytes = service_fn(|request: Request<Bytes>| async move {
        Ok::<_, Infallible>(Response::new(request.into_body().len().to_string()))
    });
    let ours_fn = tower::ServiceBuilder::new()
        .layer(
            VerifyWebhookLayer::new(Scheme::github(), SECRET)
                .unwrap()
                .body_limit(2 << 20),
        )
        .service(service_fn(
            |request: Request<RequestBody<Body>>| async move {
                Ok::<_, Infallible>(Response::new(request.into_body()))
            },
        ));
    let minimal_fn = tower::ServiceBuilder::new()
        .layer(BufferingLayer)
        .service(service_fn(|request: Request<Full<Bytes>>| async move {
            Ok::<_, Infallible>(Response::new(request.into_body()))
        }));
    let peer_fn = tower::ServiceBuilder::new()
        .layer(webhook_verify::tower::VerifyLayer::<Bytes>::new(
            webhook_verify::Provider::GitHub,
            webhook_verify::Secret::new(SECRET),
        ))
        .service(echo_bytes);

    let mut csv = String::from("case,size,ns\n");
    let mut table = String::new();
    writeln!(
        table,
        "{:>8} | {:>9} {:>9} {:>7} | {:>9} {:>7} | {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8} | {:>9} {:>9} {:>9} {:>9} | {:>9} {:>9} {:>7}",
        "body", "raw HMAC", "core", "x raw", "wv verify", "x raw",
        "router", "no layer", "noop lyr", "typed nop", "buffer ly", "min layer", "overhead", "- HMAC", "fn+ours", "fn+wv", "fn+min", "bare fn",
        "std ours", "std crate", "ratio"
    )
    .unwrap();

    // The first size is run twice and its first pass discarded: a warm-up for caches, the
    // allocator and the CPU's clock.
    for (pass, size) in std::iter::once(SIZES[0]).chain(SIZES).enumerate() {
        // ASCII text, because the standardwebhooks crate only takes UTF-8 payloads.
        let body = Bytes::from(
            (0..size)
                .map(|i| b'a' + (i * 31 % 26) as u8)
                .collect::<Vec<u8>>(),
        );
        let headers = signer.sign(&HeaderMap::new(), &body).unwrap();
        let value = headers["x-hub-signature-256"].clone();
        let tag = hex::decode(&value.to_str().unwrap()[7..]).unwrap();

        let (raw, core) = measure_pair(
            || raw_hmac(black_box(&body), black_box(&tag)),
            || {
                black_box(
                    verifier
                        .verify(black_box(&headers), black_box(&body))
                        .unwrap(),
                );
            },
        );
        let peer = measure(|| {
            webhook_verify::verify(
                webhook_verify::Provider::GitHub,
                black_box(&headers),
                black_box(&body),
                &peer_secret,
                Default::default(),
            )
            .unwrap();
        });

        let request = |value: &HeaderValue| {
            let mut request = Request::post("/").body(Body::from(body.clone())).unwrap();
            request
                .headers_mut()
                .insert("x-hub-signature-256", value.clone());
            request
        };
        let (router, no_layer) = measure_pair(
            || {
                let call = layered.clone().oneshot(request(&value));
                runtime.block_on(async move { assert!(call.await.unwrap().status().is_success()) })
            },
            || {
                let call = bare.clone().oneshot(request(&value));
                runtime.block_on(async move { assert!(call.await.unwrap().status().is_success()) })
            },
        );
        let noop_layer = measure_async(&runtime, || {
            let call = noop.clone().oneshot(request(&value));
            async move { assert!(call.await.unwrap().status().is_success()) }
        });
        let typed_noop_layer = measure_async(&runtime, || {
            let call = typed_noop.clone().oneshot(request(&value));
            async move { assert!(call.await.unwrap().status().is_success()) }
        });
        let buffering_layer = measure_async(&runtime, || {
            let call = buffering.clone().oneshot(request(&value));
            async move { assert!(call.await.unwrap().status().is_success()) }
        });
        let minimal_layer = measure_async(&runtime, || {
            let call = minimal.clone().oneshot(request(&value));
            async move { assert!(call.await.unwrap().status().is_success()) }
        });
        let fn_ours = measure_async(&runtime, || {
            let call = ours_fn.clone().oneshot(request(&value));
            async move { assert!(call.await.unwrap().status().is_success()) }
        });
        let fn_peer = measure_async(&runtime, || {
            let mut request = Request::post("/").body(Body::from(body.clone())).unwrap();
            request
                .headers_mut()
                .insert("x-hub-signature-256", value.clone());
            let call = peer_fn.clone().oneshot(request);
            async move { assert!(call.await.unwrap().status().is_success()) }
        });
        let fn_minimal = measure_async(&runtime, || {
            let call = minimal_fn.clone().oneshot(request(&value));
            async move { assert!(call.await.unwrap().status().is_success()) }
        });
        let fn_bare = measure_async(&runtime, || {
            let mut service = echo;
            let call = service.call(request(&value));
            async move { assert!(call.await.unwrap().status().is_success()) }
        });

        // Standard Webhooks: ours against the standardwebhooks crate.
        let signature = standard_peer.sign("msg_1", now as i64, &body).unwrap();
        let mut std_headers = HeaderMap::new();
        std_headers.insert("webhook-id", HeaderValue::from_static("msg_1"));
        std_headers.insert("webhook-timestamp", now.to_string().parse().unwrap());
        std_headers.insert("webhook-signature", signature.parse().unwrap());
        let std_ours = measure(|| {
            black_box(
                standard
                    .verify(black_box(&std_headers), black_box(&body))
                    .unwrap(),
            );
        });
        let std_peer = measure(|| {
            standard_peer
                .verify(black_box(&body), black_box(&std_headers))
                .unwrap()
        });

        if pass == 0 {
            continue;
        }
        for (case, ns) in [
            ("raw_hmac", raw),
            ("core", core),
            ("webhook_verify", peer),
            ("router_layer", router),
            ("router_bare", no_layer),
            ("router_noop_layer", noop_layer),
            ("router_typed_noop_layer", typed_noop_layer),
            ("router_buffering_layer", buffering_layer),
            ("router_minimal_layer", minimal_layer),
            ("service_fn_ours", fn_ours),
            ("service_fn_webhook_verify", fn_peer),
            ("service_fn_minimal_layer", fn_minimal),
            ("service_fn_bare", fn_bare),
            ("standard_ours", std_ours),
            ("standard_crate", std_peer),
        ] {
            writeln!(csv, "{case},{size},{ns:.1}").unwrap();
        }
        writeln!(
            table,
            "{:>8} | {:>9.0} {:>9.0} {:>7.3} | {:>9.0} {:>7.3} | {:>9.0} {:>9.0} {:>9.0} {:>9.0} {:>9.0} {:>9.0} {:>8.0} {:>8.0} | {:>9.0} {:>9.0} {:>9.0} {:>9.0} | {:>9.0} {:>9.0} {:>7.2}",
            size, raw, core, core / raw, peer, peer / raw,
            router, no_layer, noop_layer, typed_noop_layer, buffering_layer, minimal_layer, router - no_layer, router - no_layer - raw, fn_ours, fn_peer, fn_minimal, fn_bare,
            std_ours, std_peer, std_peer / std_ours
        )
        .unwrap();
    }
    println!("ns per operation (fastest of 15 batches); GitHub scheme unless marked std (Standard Webhooks)");
    println!("core = Verifier::verify; wv = webhook-verify; router = axum Router + layer + VerifiedBody, via oneshot;");
    println!(
        "noop lyr = the unverified router behind a do-nothing layer; typed nop = the same, handing on bodies of its own type;"
    );
    println!(
        "buffer ly = the same behind axum's from_fn reading the body and inserting one extension;\n\
         min layer = the same behind a hand-written tower layer doing that with an unboxed future; overhead = router - no layer; - HMAC = overhead - raw HMAC"
    );
    println!(
        "fn+ = a service_fn under each crate's tower layer, or under the minimal layer (fn+min)"
    );
    println!("{table}");
    std::fs::create_dir_all("target/bench").unwrap();
    std::fs::write("target/bench/verify.csv", csv).unwrap();
    println!("wrote target/bench/verify.csv");
}
