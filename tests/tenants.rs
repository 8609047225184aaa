//! Per-tenant secrets: each account verified with its own scheme and secrets, looked up once
//! and cached, an unknown account refused exactly like a wrong signature.

mod common;

use axum::{body::Body, routing::post, Router};
use common::Calls;
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
        Tenants::new(source, TenantKey::header("AccountId")),
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
