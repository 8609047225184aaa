//! Every way the layer is placed in a tower or axum stack, and what the router still answers.

use crate::common::*;
use axum::{
    body::Body,
    routing::{get, post},
    Router,
};
use bytes::Bytes;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use std::{
    convert::Infallible,
    future::{ready, Ready},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    task::{Context, Poll},
};
use tower::{service_fn, Layer, Service, ServiceBuilder, ServiceExt};
use tower_webhook::{RequestBody, Scheme, Verified, VerifyMethods, VerifyWebhookLayer};

fn amio_layer() -> VerifyWebhookLayer {
    VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap()
}

fn signed_amio(path: &str) -> Request<Body> {
    Request::post(path)
        .header("x-hub-signature", AMIO_SIGNATURE)
        .body(Body::from(AMIO_BODY))
        .unwrap()
}

fn unsigned(method: Method, path: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .body(Body::from(AMIO_BODY))
        .unwrap()
}

async fn status(app: &Router, request: Request<Body>) -> StatusCode {
    app.clone().oneshot(request).await.unwrap().status()
}

async fn hook(VerifiedBodyLen(len): VerifiedBodyLen) -> String {
    len.to_string()
}

/// The verified body's length, through the crate's extractor.
struct VerifiedBodyLen(usize);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for VerifiedBodyLen {
    type Rejection = tower_webhook::VerifiedRejection;
    async fn from_request_parts(
        parts: &mut http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let tower_webhook::VerifiedBody(bytes) =
            tower_webhook::VerifiedBody::<Bytes>::from_request_parts(parts, state).await?;
        Ok(VerifiedBodyLen(bytes.len()))
    }
}

/// A layer placed on the webhook's route: signed POSTs pass, unsigned ones are 401, and the
/// router still answers everything else (200, 404, 405).
async fn assert_only_the_route_is_verified(app: &Router) {
    assert_eq!(status(app, signed_amio("/hook")).await, StatusCode::OK);
    for (request, expected) in [
        (unsigned(Method::POST, "/hook"), StatusCode::UNAUTHORIZED),
        (unsigned(Method::GET, "/health"), StatusCode::OK),
        (unsigned(Method::POST, "/nowhere"), StatusCode::NOT_FOUND),
        (
            unsigned(Method::GET, "/hook"),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
    ] {
        let what = format!("{} {}", request.method(), request.uri());
        assert_eq!(status(app, request).await, expected, "{what}");
    }
}

#[tokio::test]
async fn method_router_layer_leaves_404_and_405_to_the_router() {
    let app = Router::new()
        .route("/hook", post(hook).layer(amio_layer()))
        .route("/health", get(|| async { "ok" }));
    assert_only_the_route_is_verified(&app).await;
}

#[tokio::test]
async fn route_layer_leaves_404_and_405_to_the_router() {
    let app = Router::new()
        .route("/hook", post(hook))
        .route_layer(amio_layer())
        .route("/health", get(|| async { "ok" }));
    assert_only_the_route_is_verified(&app).await;
}

#[tokio::test]
async fn router_layer_verifies_posts_and_passes_safe_methods() {
    // `Router::layer` runs before routing: every POST is verified (so an unknown path is 401,
    // which is why the docs place the layer on routes), but GET /health and GET on a POST route
    // reach the router. This used to answer 401 for both.
    let app = Router::new()
        .route("/hook", post(hook))
        .route("/health", get(|| async { "ok" }))
        .layer(amio_layer());
    assert_eq!(status(&app, signed_amio("/hook")).await, StatusCode::OK);
    assert_eq!(
        status(&app, unsigned(Method::GET, "/health")).await,
        StatusCode::OK
    );
    assert_eq!(
        status(&app, unsigned(Method::GET, "/hook")).await,
        StatusCode::METHOD_NOT_ALLOWED
    );
    assert_eq!(
        status(&app, unsigned(Method::POST, "/hook")).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_unsigned_get_handshake_and_a_signed_post_share_a_path() {
    // Meta's subscription check is an unsigned GET on the webhook's own URL.
    let app = Router::new().route(
        "/hook",
        get(|| async { "challenge" })
            .post(hook)
            .route_layer(amio_layer()),
    );
    let response = app
        .clone()
        .oneshot(unsigned(Method::GET, "/hook"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body_text(response).await, "challenge");
    assert_eq!(status(&app, signed_amio("/hook")).await, StatusCode::OK);
    assert_eq!(
        status(&app, unsigned(Method::POST, "/hook")).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_passed_request_has_no_verified_body_for_extractors() {
    // A GET handler that asks for a verified body fails closed (500), never sees one.
    let app = Router::new().route("/hook", get(hook).route_layer(amio_layer()));
    assert_eq!(
        status(&app, unsigned(Method::GET, "/hook")).await,
        StatusCode::INTERNAL_SERVER_ERROR
    );
}

#[tokio::test]
async fn verify_methods_all_verifies_gets_too() {
    let app = Router::new().route(
        "/hook",
        get(|| async { "reached" }).route_layer(amio_layer().verify_methods(VerifyMethods::All)),
    );
    assert_eq!(
        status(&app, unsigned(Method::GET, "/hook")).await,
        StatusCode::UNAUTHORIZED
    );
    let signed_get = Request::get("/hook")
        .header("x-hub-signature", AMIO_SIGNATURE)
        .body(Body::from(AMIO_BODY))
        .unwrap();
    assert_eq!(status(&app, signed_get).await, StatusCode::OK);
}

#[tokio::test]
async fn service_builder_and_service_fn_with_any_body_type() {
    // The inner service names the crate's body type; no axum type anywhere.
    let service = ServiceBuilder::new()
        .layer(amio_layer())
        .service(service_fn(
            |request: Request<RequestBody<Full<Bytes>>>| async move {
                let verified = request.extensions().get::<Verified>().cloned().unwrap();
                assert_eq!(verified.scheme(), "amio");
                let body = request.into_body().collect().await.unwrap().to_bytes();
                Ok::<_, Infallible>(Response::new(Full::new(body)))
            },
        ));
    let request = Request::post("/")
        .header("x-hub-signature", AMIO_SIGNATURE)
        .body(Full::new(Bytes::from_static(AMIO_BODY.as_bytes())))
        .unwrap();
    let response = service.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let echoed = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(echoed, AMIO_BODY.as_bytes());

    let tampered = Request::post("/")
        .header("x-hub-signature", AMIO_SIGNATURE)
        .body(Full::new(Bytes::from_static(b"tampered")))
        .unwrap();
    let response = service.oneshot(tampered).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn a_rejection_closure_keeps_its_body_type_whatever_the_features() {
    // Enabling `axum` (here, with every feature) must not turn this body into axum's.
    fn body_of<R: tower_webhook::MakeRejection<Body = http_body_util::Full<bytes::Bytes>>>(_: &R) {}
    body_of(&|error: &tower_webhook::WebhookError| {
        http::Response::builder()
            .status(error.status())
            .body(http_body_util::Full::new(bytes::Bytes::new()))
            .unwrap()
    });
}

#[tokio::test]
async fn on_rejection_takes_a_closure_returning_an_axum_response() {
    use axum::response::IntoResponse;
    let layer = amio_layer().on_rejection(|error: &tower_webhook::WebhookError| {
        (error.status(), format!("no: {}", error.code())).into_response()
    });
    let app = Router::new().route("/hook", post(hook).layer(layer));
    let response = app.oneshot(unsigned(Method::POST, "/hook")).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response
        .extensions()
        .get::<tower_webhook::WebhookError>()
        .is_some());
    assert_eq!(body_text(response).await, "no: missing_signature");
}

#[tokio::test]
async fn a_plain_hyper_service_fn_over_tcp() {
    use hyper::{body::Incoming, server::conn::http1};
    use hyper_util::{rt::TokioIo, service::TowerToHyperService};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let service = amio_layer().layer(service_fn(
        |request: Request<RequestBody<Incoming>>| async move {
            let len = request
                .into_body()
                .collect()
                .await
                .unwrap()
                .to_bytes()
                .len();
            Ok::<_, Infallible>(Response::new(Full::new(Bytes::from(len.to_string()))))
        },
    ));
    tokio::spawn(async move {
        for _ in 0..2 {
            let (stream, _) = listener.accept().await.unwrap();
            let service = TowerToHyperService::new(service.clone());
            tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
        }
    });

    let mut headers = http::HeaderMap::new();
    headers.insert("x-hub-signature", AMIO_SIGNATURE.parse().unwrap());
    let (code, text) = tcp_post(addr, &headers, AMIO_BODY).await;
    assert_eq!(code, StatusCode::OK, "{text}");
    assert_eq!(text, AMIO_BODY.len().to_string());
    let (code, text) = tcp_post(addr, &http::HeaderMap::new(), AMIO_BODY).await;
    assert_eq!(code, StatusCode::UNAUTHORIZED);
    assert!(text.contains("missing_signature"), "{text}");
}

async fn tcp_post(
    addr: std::net::SocketAddr,
    headers: &http::HeaderMap,
    body: &'static str,
) -> (StatusCode, String) {
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .unwrap();
    tokio::spawn(connection);
    let mut request = Request::post("/")
        .header("host", "localhost")
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .unwrap();
    request.headers_mut().extend(headers.clone());
    let response = sender.send_request(request).await.unwrap();
    let code = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (code, String::from_utf8(bytes.to_vec()).unwrap())
}

async fn body_text<B: http_body::Body>(response: Response<B>) -> String
where
    B::Error: std::fmt::Debug,
{
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A service that is ready only once `poll_ready` was called on *that* instance; clones start
/// not ready.
struct ReadyOnce {
    ready: bool,
    called_unready: Arc<AtomicBool>,
}

impl Clone for ReadyOnce {
    fn clone(&self) -> Self {
        ReadyOnce {
            ready: false,
            called_unready: self.called_unready.clone(),
        }
    }
}

impl<B> Service<Request<B>> for ReadyOnce {
    type Response = Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = Ready<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.ready = true;
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _request: Request<B>) -> Self::Future {
        if !self.ready {
            self.called_unready.store(true, Ordering::SeqCst);
        }
        self.ready = false;
        ready(Ok(Response::new(Full::new(Bytes::from_static(b"called")))))
    }
}

#[tokio::test]
async fn calls_the_instance_that_was_readied() {
    let called_unready = Arc::new(AtomicBool::new(false));
    let mut service = amio_layer().layer(ReadyOnce {
        ready: false,
        called_unready: called_unready.clone(),
    });
    for _ in 0..3 {
        let response = ServiceExt::<Request<Body>>::ready(&mut service)
            .await
            .unwrap()
            .call(signed_amio("/"))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
    assert!(
        !called_unready.load(Ordering::SeqCst),
        "the layer called a clone that poll_ready never readied"
    );
}
