//! Deduplication across instances through a real `redis-server` (started by the test itself):
//! exactly one handler call for 100 concurrent copies sent to two instances, retries after a
//! failure handled, leases and kept records expiring, and an outage answered 503 then recovered.
#![cfg(feature = "redis")]

use crate::common::{redis_server::RedisServer, Calls};
use axum::{body::Body, routing::post, Router};
use http::{Request, StatusCode};
use std::{sync::Arc, time::Duration};
use tower::ServiceExt;
use tower_webhook::{
    dedup::{Deduplicate, RedisStore},
    Scheme, Signer, VerifyWebhookLayer,
};

const SECRET: &str = "It's a Secret to Everybody";

fn delivery(id: &str) -> Request<Body> {
    let body = br#"{"action":"opened"}"#;
    let signed = Signer::new(Scheme::github(), SECRET)
        .unwrap()
        .sign(&http::HeaderMap::new(), body)
        .unwrap();
    let mut request = Request::post("/hook")
        .header("x-github-delivery", id)
        .body(Body::from(&body[..]))
        .unwrap();
    request.headers_mut().extend(signed);
    request
}

/// One instance of the app: its own connection to the shared Redis, a handler that counts its
/// calls, waits `work`, and answers what `status` says for this call.
async fn instance(
    redis: &RedisServer,
    calls: Calls,
    work: Duration,
    status: Arc<dyn Fn(usize) -> StatusCode + Send + Sync>,
    dedup: impl FnOnce(RedisStore) -> Deduplicate,
) -> Router {
    let store = RedisStore::connect(&redis.url())
        .await
        .expect("connected to redis-server");
    let layer = VerifyWebhookLayer::new(Scheme::github(), SECRET)
        .unwrap()
        .deduplicate(dedup(store));
    Router::new().route(
        "/hook",
        post(move || async move {
            calls.hit();
            tokio::time::sleep(work).await;
            status(calls.count())
        })
        .layer(layer),
    )
}

fn ok() -> Arc<dyn Fn(usize) -> StatusCode + Send + Sync> {
    Arc::new(|_| StatusCode::OK)
}

async fn status(app: &Router, request: Request<Body>) -> StatusCode {
    app.clone().oneshot(request).await.unwrap().status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_copies_to_two_instances_are_handled_once() {
    let redis = RedisServer::start();
    let calls = Calls::default();
    let work = Duration::from_millis(100);
    let a = instance(&redis, calls.clone(), work, ok(), Deduplicate::new).await;
    let b = instance(&redis, calls.clone(), work, ok(), Deduplicate::new).await;
    let mut tasks = Vec::new();
    for copy in 0..100 {
        let app = if copy % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            status(&app, delivery("d-100")).await
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    assert_eq!(calls.count(), 1, "one handler call for 100 copies");
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT),
        "{statuses:?}"
    );
    // Once handled, every later copy is a 200 duplicate, on either instance.
    assert_eq!(status(&a, delivery("d-100")).await, StatusCode::OK);
    assert_eq!(status(&b, delivery("d-100")).await, StatusCode::OK);
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn a_failed_delivery_is_handled_again_on_retry() {
    let redis = RedisServer::start();
    let calls = Calls::default();
    let first_fails: Arc<dyn Fn(usize) -> StatusCode + Send + Sync> = Arc::new(|call| {
        if call == 1 {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::OK
        }
    });
    let app = instance(
        &redis,
        calls.clone(),
        Duration::ZERO,
        first_fails,
        Deduplicate::new,
    )
    .await;
    assert_eq!(
        status(&app, delivery("d-retry")).await,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(status(&app, delivery("d-retry")).await, StatusCode::OK);
    assert_eq!(calls.count(), 2);
    let duplicate = app.clone().oneshot(delivery("d-retry")).await.unwrap();
    assert_eq!(duplicate.headers()["webhook-duplicate"], "true");
    assert_eq!(calls.count(), 2);
}

#[tokio::test]
async fn a_crashed_instances_claim_expires_with_its_lease() {
    let redis = RedisServer::start();
    // An instance claimed the delivery and died while handling it: its request is never
    // settled nor dropped (forgotten, as a killed process forgets it).
    let crashed = instance(
        &redis,
        Calls::default(),
        Duration::from_secs(3600),
        ok(),
        |store| Deduplicate::new(store).lease(Duration::from_millis(300)),
    )
    .await;
    let mut handling = Box::pin(crashed.oneshot(delivery("d-crash")));
    let still_handling = tokio::time::timeout(Duration::from_millis(100), &mut handling).await;
    assert!(still_handling.is_err());
    std::mem::forget(handling);
    let calls = Calls::default();
    let app = instance(
        &redis,
        calls.clone(),
        Duration::ZERO,
        ok(),
        Deduplicate::new,
    )
    .await;
    assert_eq!(
        status(&app, delivery("d-crash")).await,
        StatusCode::CONFLICT
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(status(&app, delivery("d-crash")).await, StatusCode::OK);
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn a_handled_delivery_is_forgotten_after_keep() {
    let redis = RedisServer::start();
    let calls = Calls::default();
    let app = instance(&redis, calls.clone(), Duration::ZERO, ok(), |store| {
        Deduplicate::new(store).keep(Duration::from_millis(300))
    })
    .await;
    assert_eq!(status(&app, delivery("d-ttl")).await, StatusCode::OK);
    assert_eq!(status(&app, delivery("d-ttl")).await, StatusCode::OK);
    assert_eq!(calls.count(), 1);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(status(&app, delivery("d-ttl")).await, StatusCode::OK);
    assert_eq!(calls.count(), 2, "handled again once the record expired");
}

#[tokio::test]
async fn an_outage_is_503_and_deliveries_are_handled_after_restart() {
    let mut redis = RedisServer::start();
    let calls = Calls::default();
    let app = instance(
        &redis,
        calls.clone(),
        Duration::ZERO,
        ok(),
        Deduplicate::new,
    )
    .await;
    assert_eq!(status(&app, delivery("d-before")).await, StatusCode::OK);
    redis.stop();
    let during = app.clone().oneshot(delivery("d-during")).await.unwrap();
    assert_eq!(during.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(during.headers().contains_key("retry-after"));
    assert_eq!(calls.count(), 1, "nothing handled while the store is down");
    redis.restart();
    // The connection manager reconnects; the provider's retry of the refused delivery is handled.
    let mut handled = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..50 {
        handled = status(&app, delivery("d-during")).await;
        if handled == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(handled, StatusCode::OK);
    assert_eq!(calls.count(), 2);
    assert_eq!(status(&app, delivery("d-during")).await, StatusCode::OK);
    assert_eq!(calls.count(), 2, "and only once");
}
