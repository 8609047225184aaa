//! PayPal's certificate fetched from the URL its request names, only from allowed places, once:
//! against a local server serving the certificate of PayPal's own SDK test vector.

use axum::{body::Body, routing::get, Router};
use http::{Request, StatusCode};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, UNIX_EPOCH},
};
use tower::ServiceExt;
use tower_webhook::{
    certificates::CertificateSource,
    tenant::{TenantKey, Tenants},
    Scheme, Verifier, VerifyWebhookLayer,
};

/// PayPal's SDK vector (the valid PayPal case of tests/vectors/providers.json).
fn paypal_case() -> serde_json::Value {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("vectors/providers.json")).unwrap();
    cases
        .into_iter()
        .find(|case| case["preset"] == "paypal" && case["expect"] == "valid")
        .unwrap()
}

/// A local "PayPal" serving the certificate at /v1/notifications/certs/CERT-1.
async fn certificate_server(pem: String) -> std::net::SocketAddr {
    let app = Router::new().route(
        "/v1/notifications/certs/CERT-1",
        get(move || async move { pem }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// GET `url` with hyper (plain HTTP: the local server).
async fn fetch(url: String) -> Result<Vec<u8>, String> {
    use http_body_util::BodyExt;
    let uri: http::Uri = url.parse().map_err(|e| format!("{e}"))?;
    let addr = uri.authority().ok_or("no authority")?.as_str().to_owned();
    let stream = tokio::net::TcpStream::connect(addr.as_str())
        .await
        .map_err(|e| e.to_string())?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    let request = Request::get(uri.path())
        .header("host", addr)
        .body(http_body_util::Empty::<bytes::Bytes>::new())
        .unwrap();
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| e.to_string())?;
    if !response.status().is_success() {
        return Err(format!("status {}", response.status()));
    }
    Ok(response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes()
        .to_vec())
}

fn app(allowed: String, fetches: Arc<AtomicUsize>, now: u64) -> Router {
    app_with(allowed, fetches, now, |source| source)
}

/// [`app`] with the certificate source's settings changed by `configure`.
fn app_with(
    allowed: String,
    fetches: Arc<AtomicUsize>,
    now: u64,
    configure: impl FnOnce(CertificateSource) -> CertificateSource,
) -> Router {
    let source = CertificateSource::new(
        move |certificate| {
            Ok(
                Verifier::new(Scheme::paypal("4JH86294D6297924G"), certificate)?
                    .clock(move || UNIX_EPOCH + Duration::from_secs(now)),
            )
        },
        [allowed],
        move |url: String| {
            fetches.fetch_add(1, Ordering::SeqCst);
            fetch(url)
        },
    );
    let source = configure(source);
    let layer = VerifyWebhookLayer::for_tenants(
        Scheme::paypal("4JH86294D6297924G"),
        Tenants::new(source, TenantKey::header("PAYPAL-CERT-URL").unwrap()),
    )
    .unwrap()
    .clock(move || UNIX_EPOCH + Duration::from_secs(now));
    Router::new().route(
        "/hook",
        axum::routing::post(|| async { "handled" }).layer(layer),
    )
}

fn request(case: &serde_json::Value, cert_url: &str) -> Request<Body> {
    let mut builder = Request::post("/hook");
    for header in case["headers"].as_array().unwrap() {
        let (name, value) = (header[0].as_str().unwrap(), header[1].as_str().unwrap());
        if !name.eq_ignore_ascii_case("paypal-cert-url") {
            builder = builder.header(name, value);
        }
    }
    builder
        .header("paypal-cert-url", cert_url)
        .body(Body::from(case["body"].as_str().unwrap().to_owned()))
        .unwrap()
}

#[tokio::test]
async fn the_certificate_is_fetched_from_an_allowed_url_once() {
    let case = paypal_case();
    let server = certificate_server(case["secret"].as_str().unwrap().to_owned()).await;
    let prefix = format!("http://{server}/v1/notifications/certs/");
    let fetches = Arc::new(AtomicUsize::new(0));
    let app = app(
        prefix.clone(),
        fetches.clone(),
        case["now"].as_u64().unwrap(),
    );
    let url = format!("{prefix}CERT-1");
    for _ in 0..3 {
        let response = app.clone().oneshot(request(&case, &url)).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        1,
        "fetched once, then cached"
    );
}

#[tokio::test]
async fn a_url_outside_the_allow_list_is_never_fetched() {
    let case = paypal_case();
    let server = certificate_server(case["secret"].as_str().unwrap().to_owned()).await;
    let fetches = Arc::new(AtomicUsize::new(0));
    let app = app(
        "https://api.paypal.com/v1/notifications/certs/".to_owned(),
        fetches.clone(),
        case["now"].as_u64().unwrap(),
    );
    for url in [
        format!("http://{server}/v1/notifications/certs/CERT-1"),
        "https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/../../evil".to_owned(),
        // Dot segments in every encoding: a WHATWG URL client resolves these outside the prefix.
        "https://api.paypal.com/v1/notifications/certs/%2e%2e/%2e%2e/v1/oauth2/token".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/%2E%2E/%2E%2E/v1/oauth2/token".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/.%2e/.%2e/v1/oauth2/token".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/..".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/CERT-1/../../x".to_owned(),
        // No query, fragment, escape, credentials or second segment.
        "https://api.paypal.com/v1/notifications/certs/CERT-1?n=1".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/CERT-1#x".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/CERT%2D1".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/a/CERT-1".to_owned(),
        "https://api.paypal.com/v1/notifications/certs/".to_owned(),
    ] {
        let response = app.clone().oneshot(request(&case, &url)).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{url}");
    }
    assert_eq!(fetches.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_failed_fetch_is_503_so_paypal_retries() {
    let case = paypal_case();
    let server = certificate_server(case["secret"].as_str().unwrap().to_owned()).await;
    let prefix = format!("http://{server}/v1/notifications/certs/");
    let app = app(
        prefix.clone(),
        Arc::default(),
        case["now"].as_u64().unwrap(),
    );
    let response = app
        .oneshot(request(&case, &format!("{prefix}CERT-404")))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_prefix_without_a_trailing_slash_covers_its_directory_only() {
    let case = paypal_case();
    let fetches = Arc::new(AtomicUsize::new(0));
    let app = app(
        "https://api.paypal.com".to_owned(),
        fetches.clone(),
        case["now"].as_u64().unwrap(),
    );
    for url in [
        "https://api.paypal.com.evil.example/CERT-1",
        "https://api.paypal.com@evil.example/CERT-1",
    ] {
        let response = app.clone().oneshot(request(&case, url)).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{url}");
    }
    assert_eq!(fetches.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn unauthenticated_requests_cannot_make_unbounded_fetches() {
    let case = paypal_case();
    let server = certificate_server(case["secret"].as_str().unwrap().to_owned()).await;
    let prefix = format!("http://{server}/v1/notifications/certs/");
    let fetches = Arc::new(AtomicUsize::new(0));
    let app = app_with(
        prefix.clone(),
        fetches.clone(),
        case["now"].as_u64().unwrap(),
        |source| source.max_fetches(2, 10),
    );
    // 200 unsigned requests, each naming another certificate (all 404 at the server), then
    // the same failing one 50 times.
    let mut unavailable = 0;
    for i in 0..200 {
        let url = format!("{prefix}CERT-X{i}");
        let response = app.clone().oneshot(request(&case, &url)).await.unwrap();
        assert_ne!(response.status(), StatusCode::OK);
        unavailable += usize::from(response.status() == StatusCode::SERVICE_UNAVAILABLE);
    }
    assert_eq!(
        unavailable, 200,
        "each is answered 503 so a genuine one is retried"
    );
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        10,
        "at most 10 fetches a minute"
    );
    // A URL whose fetch failed is not fetched again within its wait (60 s).
    let before = fetches.load(Ordering::SeqCst);
    for _ in 0..50 {
        let url = format!("{prefix}CERT-X0");
        app.clone().oneshot(request(&case, &url)).await.unwrap();
    }
    assert_eq!(fetches.load(Ordering::SeqCst), before);
}
