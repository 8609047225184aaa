//! Per-tenant secrets: each account verified with its own scheme and secrets, looked up once
//! and cached, an unknown account refused exactly like a wrong signature, and nothing a
//! hostile tenant or an outsider sends able to tell accounts apart, cross into another
//! tenant's deliveries or hold a request for ever.

use crate::common::Calls;
use axum::{body::Body, routing::post, Router};
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
};
use tower::ServiceExt;
use tower_webhook::{
    dedup::StoreError,
    tenant::{TenantKey, TenantSource, Tenants, VerifierFuture},
    Scheme, Signer, Verifier, VerifyWebhookLayer,
};

/// An account's signature header name and its `(id, shared key)` pairs.
type Account = (String, Vec<(String, String)>);

/// Accounts of the registration API: each has its header name and shared keys.
#[derive(Clone, Default)]
struct Registrations {
    accounts: Arc<HashMap<String, Account>>,
    lookups: Arc<AtomicUsize>,
    broken: bool,
}

impl TenantSource for Registrations {
    fn verifier(&self, tenant: &str) -> VerifierFuture {
        self.lookups.fetch_add(1, Ordering::SeqCst);
        if self.broken {
            return Box::pin(async { Err(StoreError::new("registrations database down")) });
        }
        let verifier = self.accounts.get(tenant).map(|(header, keys)| {
            Verifier::with_secrets(Scheme::hubpay().signature_header(header), keys.clone())
                .expect("valid registration")
        });
        Box::pin(async move { Ok(verifier) })
    }
}

fn registrations() -> Registrations {
    let mut accounts = HashMap::new();
    accounts.insert(
        "acct-1".to_owned(),
        (
            "x-hub-signature".to_owned(),
            vec![("k1".to_owned(), "key-one".to_owned())],
        ),
    );
    accounts.insert(
        "acct-2".to_owned(),
        (
            "X-Hubpay-Hmac".to_owned(),
            vec![
                ("new".to_owned(), "key-two-new".to_owned()),
                ("old".to_owned(), "key-two-old".to_owned()),
            ],
        ),
    );
    Registrations {
        accounts: Arc::new(accounts),
        ..Registrations::default()
    }
}

fn app(source: Registrations, calls: Calls) -> Router {
    let layer = VerifyWebhookLayer::for_tenants(
        Scheme::hubpay(),
        Tenants::new(source, TenantKey::header("AccountId").unwrap()),
    )
    .unwrap();
    Router::new().route(
        "/hook",
        post(
            move |verified: axum::Extension<tower_webhook::Verified>| async move {
                calls.hit();
                verified.secret_id().to_owned()
            },
        )
        .layer(layer),
    )
}

/// A delivery from `account`, signed with `key` under `header`.
fn delivery(account: &str, header: &str, key: &str) -> Request<Body> {
    let body = br#"{"eventType":"PAYMENT_COMPLETED"}"#;
    let signed = Signer::new(Scheme::hubpay().signature_header(header), key)
        .unwrap()
        .sign(&http::HeaderMap::new(), body)
        .unwrap();
    let mut request = Request::post("/hook")
        .header("AccountId", account)
        .body(Body::from(&body[..]))
        .unwrap();
    request.headers_mut().extend(signed);
    request
}

async fn answer(app: &Router, request: Request<Body>) -> (StatusCode, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn each_account_is_verified_with_its_own_header_and_keys() {
    let calls = Calls::default();
    let app = app(registrations(), calls.clone());
    assert_eq!(
        answer(&app, delivery("acct-1", "x-hub-signature", "key-one")).await,
        (StatusCode::OK, "k1".into())
    );
    // Rotation: either of acct-2's keys.
    assert_eq!(
        answer(&app, delivery("acct-2", "x-hubpay-hmac", "key-two-old")).await,
        (StatusCode::OK, "old".into())
    );
    assert_eq!(
        answer(&app, delivery("acct-2", "x-hubpay-hmac", "key-two-new")).await,
        (StatusCode::OK, "new".into())
    );
    // One account's key does not open another's.
    let (status, _) = answer(&app, delivery("acct-2", "x-hubpay-hmac", "key-one")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(calls.count(), 3);
}

#[tokio::test]
async fn an_unknown_account_is_refused_like_a_wrong_signature() {
    let calls = Calls::default();
    let app = app(registrations(), calls.clone());
    let wrong_key = answer(&app, delivery("acct-2", "x-hubpay-hmac", "guess")).await;
    let unknown = answer(&app, delivery("acct-404", "x-hubpay-hmac", "guess")).await;
    let missing = {
        let mut request = delivery("acct-2", "x-hubpay-hmac", "guess");
        request.headers_mut().remove("accountid");
        answer(&app, request).await
    };
    assert_eq!(wrong_key.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        unknown, wrong_key,
        "same status and body for an unknown account"
    );
    assert_eq!(missing, wrong_key);
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn lookups_are_cached() {
    let source = registrations();
    let lookups = source.lookups.clone();
    let app = app(source, Calls::default());
    for _ in 0..5 {
        answer(&app, delivery("acct-1", "x-hub-signature", "key-one")).await;
        answer(&app, delivery("acct-404", "x-hub-signature", "key-one")).await;
    }
    assert_eq!(
        lookups.load(Ordering::SeqCst),
        2,
        "one lookup per account, known or not"
    );
}

#[tokio::test]
async fn a_source_outage_is_503_so_the_provider_retries() {
    let source = Registrations {
        broken: true,
        ..registrations()
    };
    let calls = Calls::default();
    let (status, body) = answer(
        &app(source, calls.clone()),
        delivery("acct-1", "x-hub-signature", "key-one"),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(calls.count(), 0);
}

/// Every authentication failure, whatever the account and its configuration, is the same
/// answer: status, headers and body.
#[tokio::test]
async fn accounts_cannot_be_told_apart_by_the_answer() {
    let app = app(registrations(), Calls::default());
    let probe = |account: &str, header: Option<(&str, &str)>| {
        let mut request = Request::post("/hook")
            .header("AccountId", account)
            .body(Body::from("{}"))
            .unwrap();
        if let Some((name, value)) = header {
            request.headers_mut().insert(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        request
    };
    let wrong = "0".repeat(64);
    for header in [
        None,
        Some(("x-hubpay-hmac", "not hex")),
        Some(("x-hubpay-hmac", wrong.as_str())),
        Some(("x-hub-signature", "not hex")),
        Some(("x-hub-signature", wrong.as_str())),
    ] {
        let mut answers = Vec::new();
        for account in ["acct-1", "acct-2", "acct-404"] {
            let response = app.clone().oneshot(probe(account, header)).await.unwrap();
            let status = response.status();
            let mut headers: Vec<_> = response
                .headers()
                .iter()
                .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
                .collect();
            headers.sort();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            answers.push((status, headers, body));
        }
        assert_eq!(answers[0].0, StatusCode::UNAUTHORIZED, "{header:?}");
        assert_eq!(answers[0], answers[1], "{header:?}");
        assert_eq!(answers[0], answers[2], "{header:?}");
    }
}

/// Tenants whose scheme carries a timestamp (Standard Webhooks), keyed by a query parameter.
#[derive(Clone)]
struct Timestamped(Arc<HashMap<String, String>>);

impl TenantSource for Timestamped {
    fn verifier(&self, tenant: &str) -> VerifierFuture {
        let verifier = self
            .0
            .get(tenant)
            .map(|secret| Verifier::new(Scheme::standard_webhooks(), secret).unwrap());
        Box::pin(async move { Ok(verifier) })
    }
}

const TENANT_A: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const TENANT_B: &str = "whsec_c2Vjb25kIHNlY3JldCBvZiB0aGUgb3RoZXIgcm91dGU=";
const NOW: u64 = 1_700_000_000;

fn timestamped_app(layer: VerifyWebhookLayer, calls: Calls) -> Router {
    Router::new().route(
        "/hook",
        post(move || async move {
            calls.hit();
            "handled"
        })
        .layer(layer),
    )
}

fn timestamped_layer() -> VerifyWebhookLayer {
    let tenants = Timestamped(Arc::new(HashMap::from([
        ("a".to_owned(), TENANT_A.to_owned()),
        ("b".to_owned(), TENANT_B.to_owned()),
    ])));
    VerifyWebhookLayer::for_tenants(
        Scheme::standard_webhooks(),
        Tenants::new(tenants, TenantKey::Query("account".into())),
    )
    .unwrap()
}

/// A Standard Webhooks delivery `id` for `account`, signed with `secret` at `at`.
fn timestamped(uri: &str, secret: &str, id: &str, at: u64) -> Request<Body> {
    let mut headers = http::HeaderMap::new();
    headers.insert("webhook-id", id.parse().unwrap());
    let signed = Signer::new(Scheme::standard_webhooks(), secret)
        .unwrap()
        .sign_at(&headers, b"{}", at)
        .unwrap();
    let mut request = Request::post(uri).body(Body::from("{}")).unwrap();
    request.headers_mut().extend(headers);
    request.headers_mut().extend(signed);
    request
}

#[tokio::test]
async fn the_layers_window_and_clock_reach_every_tenant() {
    let calls = Calls::default();
    let layer = timestamped_layer()
        .tolerance(std::time::Duration::from_secs(30))
        .clock(|| std::time::UNIX_EPOCH + std::time::Duration::from_secs(NOW));
    let app = timestamped_app(layer, calls.clone());
    // 100 s old: inside the preset's 300 s, outside the layer's 30 s.
    let (status, _) = answer(
        &app,
        timestamped("/hook?account=a", TENANT_A, "m1", NOW - 100),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = answer(
        &app,
        timestamped("/hook?account=a", TENANT_A, "m2", NOW - 10),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn a_tenant_named_twice_or_ambiguously_is_refused() {
    let calls = Calls::default();
    let layer =
        timestamped_layer().clock(|| std::time::UNIX_EPOCH + std::time::Duration::from_secs(NOW));
    let app = timestamped_app(layer, calls.clone());
    // Signed with A's key, naming A then B: the handler's `Query` would read B.
    for uri in ["/hook?account=a&account=b", "/hook?account=b&account=a"] {
        let (status, body) = answer(&app, timestamped(uri, TENANT_A, "m1", NOW)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body.contains("ambiguous_tenant"), "{body}");
    }
    // A header given twice.
    let app_by_header = app_by(TenantKey::header("AccountId").unwrap(), calls.clone());
    let mut twice = delivery("acct-1", "x-hub-signature", "key-one");
    twice
        .headers_mut()
        .append("AccountId", "acct-2".parse().unwrap());
    assert_eq!(
        answer(&app_by_header, twice).await.0,
        StatusCode::BAD_REQUEST
    );
    // A path segment with percent-escapes (`acct%2D1` is `acct-1` to axum's `Path`).
    let app_by_path = app_by(TenantKey::PathSegment(1), calls.clone());
    let mut escaped = delivery("acct-1", "x-hub-signature", "key-one");
    *escaped.uri_mut() = "/hook/acct%2D1".parse().unwrap();
    assert_eq!(
        answer(&app_by_path, escaped).await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(calls.count(), 0);
}

/// The registrations app with the tenant named by `key`, on `/hook` and `/hook/{account}`.
fn app_by(key: TenantKey, calls: Calls) -> Router {
    let layer =
        VerifyWebhookLayer::for_tenants(Scheme::hubpay(), Tenants::new(registrations(), key))
            .unwrap();
    let handler = post(move || async move {
        calls.hit();
        "handled"
    })
    .layer(layer);
    Router::new()
        .route("/hook", handler.clone())
        .route("/hook/{account}", handler)
}

#[tokio::test]
async fn one_tenant_cannot_silence_another() {
    let calls = Calls::default();
    let layer = timestamped_layer()
        .clock(|| std::time::UNIX_EPOCH + std::time::Duration::from_secs(NOW))
        .deduplicate(tower_webhook::dedup::MemoryStore::new());
    let app = timestamped_app(layer, calls.clone());
    // Tenant A signs `msg_42` with its own key first...
    let (status, _) = answer(
        &app,
        timestamped("/hook?account=a", TENANT_A, "msg_42", NOW),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // ...and tenant B's genuine `msg_42` is still handled, once.
    let first = app
        .clone()
        .oneshot(timestamped("/hook?account=b", TENANT_B, "msg_42", NOW))
        .await
        .unwrap();
    assert!(first.headers().get("webhook-duplicate").is_none());
    let again = app
        .clone()
        .oneshot(timestamped("/hook?account=b", TENANT_B, "msg_42", NOW))
        .await
        .unwrap();
    assert_eq!(again.headers()["webhook-duplicate"], "true");
    assert_eq!(calls.count(), 2);
}

/// A source that never answers.
struct Hanging;

impl TenantSource for Hanging {
    fn verifier(&self, _: &str) -> VerifierFuture {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn a_hanging_source_is_503_with_retry_after_once_the_lookup_times_out() {
    let tenants = || Tenants::new(Hanging, TenantKey::header("AccountId").unwrap());
    let deadline = std::time::Duration::from_millis(50);
    // The lookup's own deadline, or the layer's body deadline when the lookup has none.
    for layer in [
        VerifyWebhookLayer::for_tenants(Scheme::hubpay(), tenants().lookup_timeout(deadline))
            .unwrap(),
        VerifyWebhookLayer::for_tenants(Scheme::hubpay(), tenants())
            .unwrap()
            .body_timeout(deadline),
    ] {
        let calls = Calls::default();
        let app = timestamped_app(layer, calls.clone());
        let response = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            app.oneshot(delivery("acct-1", "x-hub-signature", "key-one")),
        )
        .await
        .expect("answered before the test's own deadline")
        .unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.headers().contains_key("retry-after"));
        assert_eq!(calls.count(), 0);
    }
}
