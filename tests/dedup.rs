//! Deduplication through a real `Router` with the in-memory store: each delivery handled once,
//! duplicates answered without the handler, failures released for the retry, and nothing an
//! unauthenticated request sends ever reaching the store.

mod common;

use axum::{body::Body, routing::post, Router};
use common::*;
use http::{Request, StatusCode};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};
use tower::ServiceExt;
use tower_webhook::{
    dedup::{Claim, DedupStore, Deduplicate, MemoryStore, StoreError, StoreFuture},
    Scheme, Signer, VerifyWebhookLayer,
};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// A Standard Webhooks request for delivery `id`, signed now.
fn delivery(id: &str, body: &'static str) -> Request<Body> {
    let mut headers = http::HeaderMap::new();
    headers.insert("webhook-id", id.parse().unwrap());
    let signed = Signer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .sign(&headers, body.as_bytes())
        .unwrap();
    let mut request = Request::post("/hook").body(Body::from(body)).unwrap();
    request.headers_mut().extend(headers);
    request.headers_mut().extend(signed);
    request
}

/// A router whose handler counts its calls and answers `status`.
fn app(dedup: impl Into<Deduplicate>, calls: Calls, status: StatusCode) -> Router {
    let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .deduplicate(dedup);
    Router::new().route(
        "/hook",
        post(move || async move {
            calls.hit();
            status
        })
        .layer(layer),
    )
}

async fn send_to(app: &Router, request: Request<Body>) -> http::Response<Body> {
    app.clone().oneshot(request).await.unwrap()
}

/// The provider's retry of `id` reaches a healthy handler, once: the failed attempt before it
/// released its claim.
async fn assert_the_retry_is_handled(store: impl Into<Deduplicate>, id: &str) {
    let calls = Calls::default();
    let healthy = app(store, calls.clone(), StatusCode::OK);
    assert_eq!(
        send_to(&healthy, delivery(id, "{}")).await.status(),
        StatusCode::OK
    );
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn a_duplicate_is_answered_200_without_calling_the_handler() {
    let calls = Calls::default();
    let app = app(MemoryStore::new(), calls.clone(), StatusCode::NO_CONTENT);
    let first = send_to(&app, delivery("msg_1", "{}")).await;
    assert_eq!(first.status(), StatusCode::NO_CONTENT);
    let again = send_to(&app, delivery("msg_1", "{}")).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.headers()["webhook-duplicate"], "true");
    assert_eq!(calls.count(), 1);
    // Another delivery is handled.
    assert_eq!(
        send_to(&app, delivery("msg_2", "{}")).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(calls.count(), 2);
}

#[tokio::test]
async fn a_server_error_releases_the_claim_so_the_retry_is_handled() {
    let store = Arc::new(MemoryStore::new());
    let calls = Calls::default();
    let failing = app(
        store.clone(),
        calls.clone(),
        StatusCode::INTERNAL_SERVER_ERROR,
    );
    assert_eq!(
        send_to(&failing, delivery("msg_1", "{}")).await.status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    let healthy = app(store, calls.clone(), StatusCode::OK);
    assert_eq!(
        send_to(&healthy, delivery("msg_1", "{}")).await.status(),
        StatusCode::OK
    );
    assert_eq!(calls.count(), 2, "the retry after a 5xx was handled");
}

#[tokio::test]
async fn a_client_error_counts_as_handled() {
    let calls = Calls::default();
    let app = app(
        MemoryStore::new(),
        calls.clone(),
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    send_to(&app, delivery("msg_1", "{}")).await;
    let again = send_to(&app, delivery("msg_1", "{}")).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn a_duplicate_while_the_first_is_handled_is_409_with_retry_after() {
    let gate = Arc::new(tokio::sync::Notify::new());
    let calls = Calls::default();
    let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .deduplicate(MemoryStore::new());
    let (handler_gate, handler_calls) = (gate.clone(), calls.clone());
    let app = Router::new().route(
        "/hook",
        post(move || async move {
            handler_calls.hit();
            handler_gate.notified().await;
            StatusCode::OK
        })
        .layer(layer),
    );
    let first = tokio::spawn(app.clone().oneshot(delivery("msg_1", "{}")));
    while calls.count() == 0 {
        tokio::task::yield_now().await;
    }
    let second = send_to(&app, delivery("msg_1", "{}")).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    assert!(second.headers().contains_key("retry-after"));
    gate.notify_one();
    assert_eq!(first.await.unwrap().unwrap().status(), StatusCode::OK);
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn a_panicking_handler_releases_the_claim() {
    let store = Arc::new(MemoryStore::new());
    let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .deduplicate(store.clone());
    let panicking = Router::new()
        .route(
            "/hook",
            post(|| async {
                if true {
                    panic!("handler bug");
                }
                StatusCode::OK
            })
            .layer(layer),
        )
        .layer(tower_http::catch_panic::CatchPanicLayer::new());
    let response = send_to(&panicking, delivery("msg_1", "{}")).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_the_retry_is_handled(store, "msg_1").await;
}

#[tokio::test]
async fn a_dropped_request_releases_the_claim() {
    let store = Arc::new(MemoryStore::new());
    let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .deduplicate(store.clone());
    let stuck = Router::new().route(
        "/hook",
        post(std::future::pending::<StatusCode>).layer(layer),
    );
    let attempt = tokio::time::timeout(
        Duration::from_millis(50),
        stuck.oneshot(delivery("msg_1", "{}")),
    )
    .await;
    assert!(
        attempt.is_err(),
        "the handler never answers; the client gives up"
    );
    assert_the_retry_is_handled(store, "msg_1").await;
}

#[tokio::test]
async fn unauthenticated_requests_never_reach_the_store() {
    let store = Counting::default();
    let app = app(store.clone(), Calls::default(), StatusCode::OK);
    let mut forged = delivery("msg_1", "{}");
    forged.headers_mut().insert(
        "webhook-signature",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
            .parse()
            .unwrap(),
    );
    assert_eq!(
        send_to(&app, forged).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let unsigned = Request::post("/hook").body(Body::from("{}")).unwrap();
    assert_eq!(
        send_to(&app, unsigned).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(store.operations.load(Ordering::SeqCst), 0);
    send_to(&app, delivery("msg_1", "{}")).await;
    assert_eq!(
        store.operations.load(Ordering::SeqCst),
        2,
        "claim then complete"
    );
}

#[tokio::test]
async fn an_unreachable_store_is_503_or_let_through_when_chosen() {
    let calls = Calls::default();
    let strict = app(Broken, calls.clone(), StatusCode::OK);
    let response = send_to(&strict, delivery("msg_1", "{}")).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().contains_key("retry-after"));
    assert_eq!(calls.count(), 0);
    let lenient = app(
        Deduplicate::new(Broken).let_through_when_unavailable(),
        calls.clone(),
        StatusCode::OK,
    );
    assert_eq!(
        send_to(&lenient, delivery("msg_1", "{}")).await.status(),
        StatusCode::OK
    );
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn the_handler_sees_the_delivery() {
    let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .deduplicate(MemoryStore::new());
    let app = Router::new().route(
        "/hook",
        post(|delivery: tower_webhook::Delivery| async move {
            format!("{} {}", delivery.scheme(), delivery.id().unwrap_or("-"))
        })
        .layer(layer),
    );
    let response = send_to(&app, delivery("msg_7", "{}")).await;
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    assert_eq!(body, "standard_webhooks msg_7");
}

/// A memory store that counts what it is asked.
#[derive(Clone, Default)]
struct Counting {
    store: Arc<MemoryStore>,
    operations: Arc<AtomicUsize>,
}

impl DedupStore for Counting {
    fn claim(&self, key: &str, token: &str, lease: Duration) -> StoreFuture<Claim> {
        self.operations.fetch_add(1, Ordering::SeqCst);
        self.store.claim(key, token, lease)
    }
    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()> {
        self.operations.fetch_add(1, Ordering::SeqCst);
        self.store.complete(key, token, keep)
    }
    fn release(&self, key: &str, token: &str) -> StoreFuture<()> {
        self.operations.fetch_add(1, Ordering::SeqCst);
        self.store.release(key, token)
    }
}

/// A store that is never reachable.
struct Broken;

impl DedupStore for Broken {
    fn claim(&self, _: &str, _: &str, _: Duration) -> StoreFuture<Claim> {
        Box::pin(async { Err(StoreError::new("connection refused")) })
    }
    fn complete(&self, _: &str, _: &str, _: Duration) -> StoreFuture<()> {
        Box::pin(async { Err(StoreError::new("connection refused")) })
    }
    fn release(&self, _: &str, _: &str) -> StoreFuture<()> {
        Box::pin(async { Err(StoreError::new("connection refused")) })
    }
}

#[test]
fn deliveries_are_identified_where_each_preset_says() {
    use tower_webhook::{Delivery, Verifier};
    // Standard Webhooks sent with Svix's header names: the alias finds the id.
    let mut headers = http::HeaderMap::new();
    headers.insert("svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek".parse().unwrap());
    headers.insert("svix-timestamp", "1614265330".parse().unwrap());
    headers.insert(
        "svix-signature",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
            .parse()
            .unwrap(),
    );
    let body = br#"{"test": 2432232314}"#;
    let verified = Verifier::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .clock(|| std::time::UNIX_EPOCH + Duration::from_secs(1614265330))
        .verify(&headers, body)
        .unwrap();
    let delivery = Delivery::read(&verified, &headers, body);
    assert_eq!(delivery.id(), Some("msg_p5jXN8AQM9LWM0D4loKWxJek"));
    assert_eq!(delivery.timestamp(), Some(1614265330));

    // Stripe: the event's id and type in the body.
    let stripe_body = br#"{"id":"evt_1","type":"invoice.paid"}"#;
    let signed = Signer::new(Scheme::stripe(), "whsec_x")
        .unwrap()
        .sign(&http::HeaderMap::new(), stripe_body)
        .unwrap();
    let verified = Verifier::new(Scheme::stripe(), "whsec_x")
        .unwrap()
        .verify(&signed, stripe_body)
        .unwrap();
    let delivery = Delivery::read(&verified, &signed, stripe_body);
    assert_eq!(
        (delivery.id(), delivery.event_type()),
        (Some("evt_1"), Some("invoice.paid"))
    );

    // A token identifies no delivery unless the preset names an id (GitLab's Idempotency-Key).
    let mut headers = http::HeaderMap::new();
    headers.insert("x-gitlab-token", "t0k3n".parse().unwrap());
    let verified = Verifier::new(Scheme::gitlab(), "t0k3n")
        .unwrap()
        .verify(&headers, b"{}")
        .unwrap();
    assert_eq!(Delivery::read(&verified, &headers, b"{}").id(), None);
    headers.insert("idempotency-key", "b6f1".parse().unwrap());
    assert_eq!(
        Delivery::read(&verified, &headers, b"{}").id(),
        Some("b6f1")
    );
}

#[test]
fn the_handler_runs_inside_the_deliverys_span() {
    #[derive(Clone, Default)]
    struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);
    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    tracing::subscriber::with_default(subscriber, || {
        // Deduplicating, the layer reads the whole delivery (the body's `type` too); without,
        // only what the headers carry goes on the span.
        let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
            .unwrap()
            .deduplicate(MemoryStore::new());
        let app = Router::new().route(
            "/hook",
            post(|| async {
                tracing::info!("handling");
                StatusCode::OK
            })
            .layer(layer),
        );
        let response =
            runtime.block_on(app.oneshot(delivery("msg_span", r#"{"type":"user.created"}"#)));
        assert_eq!(response.unwrap().status(), StatusCode::OK);
    });
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("webhook{"), "{logs}");
    assert!(logs.contains("delivery_id=\"msg_span\""), "{logs}");
    assert!(logs.contains("event_type=\"user.created\""), "{logs}");
    assert!(logs.contains("scheme=\"standard_webhooks\""), "{logs}");
    assert!(logs.contains("handling"), "{logs}");
}

#[tokio::test]
async fn an_inner_service_error_releases_the_claim() {
    use tower::{service_fn, Layer};
    use tower_webhook::RequestBody;
    let store = Arc::new(MemoryStore::new());
    let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .deduplicate(store.clone());
    let failing = layer
        .clone()
        .layer(service_fn(|_: Request<RequestBody<Body>>| async {
            Err::<http::Response<Body>, _>(std::io::Error::other("database down"))
        }));
    assert!(failing.oneshot(delivery("msg_err", "{}")).await.is_err());
    assert_the_retry_is_handled(store, "msg_err").await;
}

#[test]
fn a_signature_as_delivery_id_is_a_digest_never_the_signature() {
    use tower_webhook::{Delivery, Verifier};
    let body = br#"{"a":1}"#;
    let headers = Signer::new(Scheme::qiscus(), "token")
        .unwrap()
        .sign(&http::HeaderMap::new(), body)
        .unwrap();
    let verified = Verifier::new(Scheme::qiscus(), "token")
        .unwrap()
        .verify(&headers, body)
        .unwrap();
    let delivery = Delivery::read(&verified, &headers, body);
    let id = delivery.id().unwrap().to_owned();
    let signature = headers["qiscus-sdk-signature"].to_str().unwrap();
    assert!(id.starts_with("sig-"), "{id}");
    assert!(
        !id.contains(signature) && !signature.contains(&id[4..]),
        "{id}"
    );
    assert!(!format!("{delivery:?}").contains(signature));
    // Stable: the same signature gives the same id.
    assert_eq!(
        Delivery::read(&verified, &headers, body).id(),
        Some(id.as_str())
    );
}
