//! The tower `Service` contract, outside axum's `Router`.

mod common;

use axum::body::Body;
use common::*;
use http::{Request, Response, StatusCode};
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
use tower::{service_fn, Service, ServiceBuilder, ServiceExt};
use tower_webhook::{Scheme, Verified, VerifyWebhookLayer};

#[tokio::test]
async fn wraps_a_service_fn_in_a_service_builder_with_any_body_type() {
    let service = ServiceBuilder::new()
        .layer(VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap())
        .service(service_fn(|request: Request<Body>| async move {
            let verified = request.extensions().get::<Verified>().cloned().unwrap();
            let body = request.into_body().collect().await.unwrap().to_bytes();
            assert_eq!(Some(&body), verified.body());
            Ok::<_, Infallible>(Response::new(Full::new(body)))
        }));

    // A `Full<Bytes>` request body, not axum's.
    let request = Request::post("/")
        .header("x-hub-signature", AMIO_SIGNATURE)
        .body(Full::new(bytes::Bytes::from_static(AMIO_BODY.as_bytes())))
        .unwrap();
    let response = service.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let echoed = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(echoed, AMIO_BODY.as_bytes());

    // A `String` request body, rejected.
    let request = Request::post("/")
        .header("x-hub-signature", AMIO_SIGNATURE)
        .body(String::from("tampered"))
        .unwrap();
    let response = service.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

/// A service that is ready only once `poll_ready` was called on *that* instance; clones start
/// not ready. Calling an instance that was never readied panics, as a real
/// `tower::limit::ConcurrencyLimit` would misbehave.
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

impl Service<Request<Body>> for ReadyOnce {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = Ready<Result<Response<Body>, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.ready = true;
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _request: Request<Body>) -> Self::Future {
        if !self.ready {
            self.called_unready.store(true, Ordering::SeqCst);
        }
        self.ready = false;
        ready(Ok(Response::new(Body::from("called"))))
    }
}

#[tokio::test]
async fn calls_the_instance_that_was_readied() {
    let called_unready = Arc::new(AtomicBool::new(false));
    let mut service = VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET)
        .unwrap()
        .layer_service(ReadyOnce {
            ready: false,
            called_unready: called_unready.clone(),
        });
    for _ in 0..3 {
        let request = Request::post("/")
            .header("x-hub-signature", AMIO_SIGNATURE)
            .body(Body::from(AMIO_BODY))
            .unwrap();
        let response = ServiceExt::<Request<Body>>::ready(&mut service)
            .await
            .unwrap()
            .call(request)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
    assert!(
        !called_unready.load(Ordering::SeqCst),
        "the layer called a clone that poll_ready never readied"
    );
}

trait LayerService<S> {
    type Service;
    fn layer_service(&self, inner: S) -> Self::Service;
}

impl<S, L: tower::Layer<S>> LayerService<S> for L {
    type Service = L::Service;
    fn layer_service(&self, inner: S) -> L::Service {
        self.layer(inner)
    }
}
