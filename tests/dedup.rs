//! Deduplication through a real `Router` with the in-memory store: each delivery handled once,
//! duplicates answered without the handler, failures released for the retry, and nothing an
//! unauthenticated request sends ever reaching the store.

use crate::common::*;
use axum::{body::Body, routing::post, Router};
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

use crate::common::{standard_webhooks_delivery as delivery, STANDARD_WEBHOOKS_SECRET as SECRET};

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

/// A router whose handler behind `layer` counts its calls and answers 200.
fn counting(layer: VerifyWebhookLayer, calls: Calls) -> Router {
    Router::new().route(
        "/hook",
        post(move || async move {
            calls.hit();
            "ok"
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

/// A route whose handler panics, deduplicating with `store`, behind a layer that turns the
/// panic into a 500.
fn panicking(store: impl Into<Deduplicate>) -> Router {
    let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), SECRET)
        .unwrap()
        .deduplicate(store);
    Router::new()
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
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
}

#[tokio::test]
async fn a_panicking_handler_releases_the_claim() {
    let store = Arc::new(MemoryStore::new());
    let response = send_to(&panicking(store.clone()), delivery("msg_1", "{}")).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_the_retry_is_handled(store, "msg_1").await;
}

/// A store whose release finishes only after a turn of the runtime, as a networked store's does.
#[derive(Clone, Default)]
struct SlowRelease {
    store: Arc<MemoryStore>,
}

impl DedupStore for SlowRelease {
    fn claim(&self, key: &str, token: &str, lease: Duration) -> StoreFuture<Claim> {
        self.store.claim(key, token, lease)
    }
    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()> {
        self.store.complete(key, token, keep)
    }
    fn release(&self, key: &str, token: &str) -> StoreFuture<()> {
        let (store, key, token) = (self.store.clone(), key.to_owned(), token.to_owned());
        Box::pin(async move {
            tokio::task::yield_now().await;
            store.release(&key, &token).await
        })
    }
}

#[tokio::test]
async fn a_release_that_does_not_finish_at_once_finishes_on_the_runtime() {
    let store = SlowRelease::default();
    let response = send_to(&panicking(store.clone()), delivery("msg_1", "{}")).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    // The release was handed to the runtime (the `tokio` feature): give it its turns.
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    assert_the_retry_is_handled(store.store, "msg_1").await;
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
fn without_a_signed_id_the_delivery_is_the_digest_of_the_signed_content() {
    use sha2::Digest as _;
    use tower_webhook::{Delivery, Verifier};
    let body = br#"{"a":1}"#;
    let headers = Signer::new(Scheme::qiscus(), "token")
        .unwrap()
        .sign(&http::HeaderMap::new(), body)
        .unwrap();
    let verifier = Verifier::new(Scheme::qiscus(), "token").unwrap();
    let verified = verifier.verify(&headers, body).unwrap();
    let delivery = Delivery::read(&verified, &headers, body);
    // SHA-256 of the signed content (here the body alone), from the `sha2` crate.
    let expected = format!("sha256:{}", hex::encode(&sha2::Sha256::digest(body)[..16]));
    assert_eq!(delivery.id(), Some(expected.as_str()));
    assert!(delivery.id_is_signed());
    let signature = headers["qiscus-sdk-signature"].to_str().unwrap();
    assert!(!format!("{delivery:?}").contains(signature));
    // The same delivery with the signature's hex case flipped is the same delivery.
    let mut flipped = headers.clone();
    flipped.insert(
        "qiscus-sdk-signature",
        signature.to_ascii_uppercase().parse().unwrap(),
    );
    let verified = verifier.verify(&flipped, body).unwrap();
    assert_eq!(
        Delivery::read(&verified, &flipped, body).id(),
        Some(expected.as_str())
    );
}

#[test]
fn a_delivery_says_whether_its_id_is_signed() {
    use tower_webhook::{Delivery, Verifier};
    // GitHub's X-GitHub-Delivery is outside what GitHub signs.
    let mut headers = http::HeaderMap::new();
    headers.insert(
        "X-Hub-Signature-256",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
            .parse()
            .unwrap(),
    );
    headers.insert(
        "X-GitHub-Delivery",
        "72d3162e-cc78-11e3-81ab-4c9367dc0958".parse().unwrap(),
    );
    let verified = Verifier::new(Scheme::github(), "It's a Secret to Everybody")
        .unwrap()
        .verify(&headers, b"Hello, World!")
        .unwrap();
    let delivery = Delivery::read(&verified, &headers, b"Hello, World!");
    assert_eq!(delivery.id(), Some("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assert!(!delivery.id_is_signed());
    assert!(!Scheme::github().delivery_id_is_signed());
    // Standard Webhooks signs `webhook-id`; Stripe signs the body that carries `id`.
    assert!(Scheme::standard_webhooks().delivery_id_is_signed());
    assert!(Scheme::stripe().delivery_id_is_signed());
    // An id longer than any provider's is kept as a digest.
    let long = format!(r#"{{"id":"{}"}}"#, "x".repeat(300));
    let signed = Signer::new(Scheme::stripe(), "whsec_x")
        .unwrap()
        .sign(&http::HeaderMap::new(), long.as_bytes())
        .unwrap();
    let verified = Verifier::new(Scheme::stripe(), "whsec_x")
        .unwrap()
        .verify(&signed, long.as_bytes())
        .unwrap();
    let id = Delivery::read(&verified, &signed, long.as_bytes())
        .id()
        .unwrap()
        .to_owned();
    assert!(id.starts_with("sha256:") && id.len() == 39, "{id}");
}

/// A store that records the keys it is asked to claim.
#[derive(Clone, Default)]
struct Recording {
    store: Arc<MemoryStore>,
    keys: Arc<std::sync::Mutex<Vec<String>>>,
}

impl DedupStore for Recording {
    fn claim(&self, key: &str, token: &str, lease: Duration) -> StoreFuture<Claim> {
        self.keys.lock().unwrap().push(key.to_owned());
        self.store.claim(key, token, lease)
    }
    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()> {
        self.store.complete(key, token, keep)
    }
    fn release(&self, key: &str, token: &str) -> StoreFuture<()> {
        self.store.release(key, token)
    }
}

#[tokio::test]
async fn every_store_key_is_small_whatever_the_id() {
    // A signed Stripe event whose id is 1 MiB.
    let body = format!(r#"{{"id":"{}","type":"x"}}"#, "e".repeat(1 << 20));
    let signed = Signer::new(Scheme::stripe(), "whsec_x")
        .unwrap()
        .sign(&http::HeaderMap::new(), body.as_bytes())
        .unwrap();
    let store = Recording::default();
    let layer = VerifyWebhookLayer::new(Scheme::stripe(), "whsec_x")
        .unwrap()
        .deduplicate(store.clone());
    let app: Router = Router::new().route("/hook", post(|| async { "ok" }).layer(layer));
    let mut request = Request::post("/hook").body(Body::from(body)).unwrap();
    request.headers_mut().extend(signed);
    assert_eq!(send_to(&app, request).await.status(), StatusCode::OK);
    let keys = store.keys.lock().unwrap();
    assert_eq!(keys.len(), 1);
    assert!(keys[0].len() <= 64, "{} bytes", keys[0].len());
}

/// A GitHub delivery of `body` with delivery id `id`, signed with `secret` (the signature
/// from the `hmac` crate).
fn github(body: &'static str, id: &str, secret: &str) -> Request<Body> {
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    let signature = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    Request::post("/hook")
        .header("x-hub-signature-256", signature)
        .header("x-github-delivery", id)
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_replayer_cannot_steer_deduplication_through_an_unsigned_id() {
    let status = Arc::new(std::sync::atomic::AtomicU16::new(200));
    let calls = Calls::default();
    let (answer, counted) = (status.clone(), calls.clone());
    let layer = VerifyWebhookLayer::new(Scheme::github(), "gh-secret")
        .unwrap()
        .deduplicate(MemoryStore::new());
    let app: Router = Router::new().route(
        "/hook",
        post(move || async move {
            counted.hit();
            StatusCode::from_u16(answer.load(Ordering::SeqCst)).unwrap()
        })
        .layer(layer),
    );
    // A genuine delivery, handled.
    let captured = r#"{"action":"opened","number":1}"#;
    assert_eq!(
        send_to(&app, github(captured, "id-1", "gh-secret"))
            .await
            .status(),
        StatusCode::OK
    );
    // Replayed under a new X-GitHub-Delivery: still a duplicate, not handled again.
    let replay = send_to(&app, github(captured, "id-forged", "gh-secret")).await;
    assert_eq!(replay.headers()["webhook-duplicate"], "true");
    assert_eq!(calls.count(), 1);
    // Another delivery fails in the handler (500): released for GitHub's retry.
    let failed = r#"{"action":"closed","number":2}"#;
    status.store(500, Ordering::SeqCst);
    send_to(&app, github(failed, "id-2", "gh-secret")).await;
    status.store(200, Ordering::SeqCst);
    assert_eq!(calls.count(), 2);
    // The replayer sends the captured delivery under the failed one's id...
    send_to(&app, github(captured, "id-2", "gh-secret")).await;
    assert_eq!(calls.count(), 2);
    // ...and GitHub's genuine retry is still handled.
    let retry = send_to(&app, github(failed, "id-2", "gh-secret")).await;
    assert_eq!(retry.status(), StatusCode::OK);
    assert!(retry.headers().get("webhook-duplicate").is_none());
    assert_eq!(calls.count(), 3);
}

#[tokio::test]
async fn a_flipped_hex_case_is_the_same_delivery() {
    let calls = Calls::default();
    let layer = VerifyWebhookLayer::new(Scheme::hubpay(), HUBPAY_SECRET)
        .unwrap()
        .deduplicate(MemoryStore::new());
    let app = counting(layer, calls.clone());
    for signature in [HUBPAY_SIGNATURE.to_owned(), HUBPAY_SIGNATURE.to_uppercase()] {
        let request = Request::post("/hook")
            .header("x-hubpay-hmac", signature)
            .body(Body::from(HUBPAY_BODY))
            .unwrap();
        assert_eq!(send_to(&app, request).await.status(), StatusCode::OK);
    }
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn routes_sharing_a_store_never_share_deliveries() {
    // Two routes with their own Standard Webhooks secrets, one store, the same `webhook-id`.
    let store = Arc::new(MemoryStore::new());
    let calls = Calls::default();
    const OTHER: &str = "whsec_c2Vjb25kIHNlY3JldCBvZiB0aGUgb3RoZXIgcm91dGU=";
    let route = |secret: &str, calls: Calls| {
        post(move || async move {
            calls.hit();
            "ok"
        })
        .layer(
            VerifyWebhookLayer::new(Scheme::standard_webhooks(), secret)
                .unwrap()
                .deduplicate(store.clone()),
        )
    };
    let app: Router = Router::new()
        .route("/hook", route(SECRET, calls.clone()))
        .route("/other", route(OTHER, calls.clone()));
    let mut headers = http::HeaderMap::new();
    headers.insert("webhook-id", "msg_42".parse().unwrap());
    let signed = Signer::new(Scheme::standard_webhooks(), OTHER)
        .unwrap()
        .sign(&headers, b"{}")
        .unwrap();
    let mut first = Request::post("/other").body(Body::from("{}")).unwrap();
    first.headers_mut().extend(headers);
    first.headers_mut().extend(signed);
    assert_eq!(send_to(&app, first).await.status(), StatusCode::OK);
    // The other route's genuine `msg_42` is handled too.
    let response = send_to(&app, delivery("msg_42", "{}")).await;
    assert!(response.headers().get("webhook-duplicate").is_none());
    assert_eq!(calls.count(), 2);
}

#[tokio::test]
async fn retryable_answers_release_the_claim() {
    for status in [
        StatusCode::REQUEST_TIMEOUT,
        StatusCode::from_u16(425).unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    ] {
        let store = Arc::new(MemoryStore::new());
        let calls = Calls::default();
        let busy = app(store.clone(), calls.clone(), status);
        assert_eq!(
            send_to(&busy, delivery("msg_1", "{}")).await.status(),
            status
        );
        assert_the_retry_is_handled(store, "msg_1").await;
    }
}

#[tokio::test]
async fn shopify_keeps_one_body_sent_to_two_topics_apart() {
    use base64::Engine as _;
    use hmac::{Hmac, KeyInit, Mac};
    let calls = Calls::default();
    let layer = VerifyWebhookLayer::new(Scheme::shopify(), "shpss_secret")
        .unwrap()
        .deduplicate(MemoryStore::new());
    let app = counting(layer, calls.clone());
    let body = r#"{"id":788032119674292922,"title":"Example T-Shirt"}"#;
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"shpss_secret").unwrap();
    mac.update(body.as_bytes());
    let signature = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let request = |topic: &str, event: &str| {
        Request::post("/hook")
            .header("x-shopify-hmac-sha256", signature.as_str())
            .header("x-shopify-topic", topic)
            .header("x-shopify-event-id", event)
            .body(Body::from(body))
            .unwrap()
    };
    send_to(&app, request("products/create", "evt-create")).await;
    send_to(&app, request("products/update", "evt-update")).await;
    assert_eq!(calls.count(), 2, "two topics, one body: two deliveries");
    let retry = send_to(&app, request("products/update", "evt-update")).await;
    assert_eq!(retry.headers()["webhook-duplicate"], "true");
    assert_eq!(calls.count(), 2);
}

#[tokio::test]
async fn a_retry_signed_at_another_time_is_the_same_delivery() {
    // Zoom signs `v0:{timestamp}:{body}` and sends no id: each retry carries a new timestamp.
    let calls = Calls::default();
    let layer = VerifyWebhookLayer::new(Scheme::zoom(), "zoom-secret")
        .unwrap()
        .clock(|| std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_100))
        .deduplicate(MemoryStore::new());
    let app = counting(layer, calls.clone());
    let signed_at = |at: u64, body: &'static str| {
        let headers = Signer::new(Scheme::zoom(), "zoom-secret")
            .unwrap()
            .sign_at(&http::HeaderMap::new(), body.as_bytes(), at)
            .unwrap();
        let mut request = Request::post("/hook").body(Body::from(body)).unwrap();
        request.headers_mut().extend(headers);
        request
    };
    let body = r#"{"event":"meeting.started","payload":{"object":{"id":"1"}}}"#;
    send_to(&app, signed_at(1_700_000_000, body)).await;
    let retry = send_to(&app, signed_at(1_700_000_090, body)).await;
    assert_eq!(retry.headers()["webhook-duplicate"], "true");
    // Another event is another delivery.
    send_to(
        &app,
        signed_at(1_700_000_090, r#"{"event":"meeting.ended"}"#),
    )
    .await;
    assert_eq!(calls.count(), 2);
}

#[tokio::test]
async fn the_content_digest_is_the_same_whoever_takes_it() {
    use http_body_util::BodyExt as _;
    use sha2::Digest as _;
    use tower_webhook::Delivery;
    let body = r#"{"type":"post_comment_mobile"}"#;
    let expected = format!(
        "sha256:{}",
        hex::encode(&sha2::Sha256::digest(body.as_bytes())[..16])
    );
    // Taken by the layer, which deduplicates, or by the extractor alone.
    for deduplicates in [true, false] {
        let layer = VerifyWebhookLayer::new(Scheme::qiscus(), "token").unwrap();
        let layer = match deduplicates {
            true => layer.deduplicate(MemoryStore::new()),
            false => layer,
        };
        let app: Router = Router::new().route(
            "/hook",
            post(|delivery: Delivery| async move { delivery.id().unwrap_or_default().to_owned() })
                .layer(layer),
        );
        let headers = Signer::new(Scheme::qiscus(), "token")
            .unwrap()
            .sign(&http::HeaderMap::new(), body.as_bytes())
            .unwrap();
        let mut request = Request::post("/hook").body(Body::from(body)).unwrap();
        request.headers_mut().extend(headers);
        let response = send_to(&app, request).await;
        let id = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(id, expected.as_bytes(), "deduplicates: {deduplicates}");
    }
}

#[tokio::test]
async fn a_url_signed_delivery_is_identified_by_its_url_too() {
    use http_body_util::BodyExt as _;
    use tower_webhook::{Algorithm, Delivery, Field, SignedContent, Verifier};
    let scheme = Scheme::hmac("url-signed", Algorithm::Sha256, "x-signature")
        .signed_content(
            SignedContent::new()
                .public_url("https://example.com")
                .body(),
        )
        .delivery_id(Field::content_digest());
    let request = |uri: &str| {
        let mut request = Request::post(uri).body(b"{}".to_vec()).unwrap();
        let signature = Signer::new(scheme.clone(), "secret")
            .unwrap()
            .sign_request(&request, 0)
            .unwrap();
        request.headers_mut().extend(signature);
        request
    };
    let verifier = Verifier::new(scheme.clone(), "secret").unwrap();
    let ids: Vec<String> = ["/hook?shop=1", "/hook?shop=2"]
        .iter()
        .map(|uri| {
            let request = request(uri);
            let verified = verifier.verify_request(&request).unwrap();
            // Without the request line, no digest is taken rather than one over the wrong URL.
            assert_eq!(
                Delivery::read(&verified, request.headers(), request.body()).id(),
                None
            );
            Delivery::read_request(&verified, &request)
                .id()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_ne!(
        ids[0], ids[1],
        "the same body to another URL is another delivery"
    );
    // The layer identifies the delivery as `read_request` does.
    let app: Router = Router::new().route(
        "/hook",
        post(|delivery: Delivery| async move { delivery.id().unwrap_or_default().to_owned() })
            .layer(
                VerifyWebhookLayer::new(scheme.clone(), "secret")
                    .unwrap()
                    .deduplicate(MemoryStore::new()),
            ),
    );
    let response = send_to(&app, request("/hook?shop=1").map(Body::from)).await;
    let id = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(id, ids[0].as_bytes());
}

/// A store that never answers claims (or, with `claims`, answers them but never settles).
struct Hanging {
    claims: bool,
}

impl DedupStore for Hanging {
    fn claim(&self, _: &str, _: &str, _: Duration) -> StoreFuture<Claim> {
        match self.claims {
            true => Box::pin(async { Ok(Claim::Claimed) }),
            false => Box::pin(std::future::pending()),
        }
    }
    fn complete(&self, _: &str, _: &str, _: Duration) -> StoreFuture<()> {
        Box::pin(std::future::pending())
    }
    fn release(&self, _: &str, _: &str) -> StoreFuture<()> {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn a_store_that_hangs_never_holds_the_request() {
    let calls = Calls::default();
    let deadline = Duration::from_millis(50);
    // The claim hangs: 503 with Retry-After, so the provider retries; the handler never ran.
    let claim_hangs = app(
        Deduplicate::new(Hanging { claims: false }).timeout(deadline),
        calls.clone(),
        StatusCode::OK,
    );
    let response = tokio::time::timeout(
        Duration::from_secs(5),
        send_to(&claim_hangs, delivery("msg_1", "{}")),
    )
    .await
    .expect("answered before the test's own deadline");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().contains_key("retry-after"));
    assert_eq!(calls.count(), 0);
    // The completion hangs: the handler's answer still goes out.
    let settle_hangs = app(
        Deduplicate::new(Hanging { claims: true }).timeout(deadline),
        calls.clone(),
        StatusCode::OK,
    );
    let response = tokio::time::timeout(
        Duration::from_secs(5),
        send_to(&settle_hangs, delivery("msg_1", "{}")),
    )
    .await
    .expect("answered before the test's own deadline");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn a_token_schemes_id_keys_its_deliveries() {
    // GitLab's token signs nothing: its Idempotency-Key, as trustworthy as the rest of the
    // request, keys its deliveries.
    let calls = Calls::default();
    let layer = VerifyWebhookLayer::new(Scheme::gitlab(), "t0k3n")
        .unwrap()
        .deduplicate(MemoryStore::new());
    let app = counting(layer, calls.clone());
    let request = |key: &str| {
        Request::post("/hook")
            .header("x-gitlab-token", "t0k3n")
            .header("idempotency-key", key)
            .body(Body::from("{}"))
            .unwrap()
    };
    send_to(&app, request("b6f1")).await;
    let retry = send_to(&app, request("b6f1")).await;
    assert_eq!(retry.headers()["webhook-duplicate"], "true");
    send_to(&app, request("c7a2")).await;
    assert_eq!(calls.count(), 2);
}
