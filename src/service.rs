//! [`VerifyWebhook`]: what happens to a request, top to bottom.

use crate::{
    body::{RequestBody, ResponseBody},
    future::ResponseFuture,
    handshake,
    layer::Settings,
    tenant::Lookup,
    DefaultRejection, MakeRejection,
};
use bytes::Bytes;
use http::{Request, Response};
use http_body::Body;
use std::{
    sync::Arc,
    task::{Context, Poll},
};
use tower_service::Service;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Middleware that verifies webhook signatures.
///
/// Built by [`VerifyWebhookLayer`](crate::VerifyWebhookLayer); see the [crate docs](crate). The
/// inner service receives a [`RequestBody`] (the verified bytes, as received) with a
/// [`Verified`](crate::Verified) in the request's extensions; its responses pass through
/// unchanged, in a [`ResponseBody`] that can also hold a rejection.
#[derive(Debug, Clone)]
pub struct VerifyWebhook<S, R = DefaultRejection> {
    inner: S,
    settings: Arc<Settings>,
    rejection: R,
}

impl<S, R> VerifyWebhook<S, R> {
    pub(crate) fn new(inner: S, settings: Arc<Settings>, rejection: R) -> Self {
        VerifyWebhook {
            inner,
            settings,
            rejection,
        }
    }

    /// The inner service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The inner service, mutably.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// The inner service, consuming the middleware.
    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl<S, R, B, ResBody> Service<Request<B>> for VerifyWebhook<S, R>
where
    S: Service<Request<RequestBody<B>>, Response = Response<ResBody>> + Clone,
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
    R: MakeRejection,
{
    type Response = Response<ResponseBody<ResBody, R::Body>>;
    type Error = S::Error;
    type Future = ResponseFuture<S, B, R>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        // The service that `poll_ready` readied is the one to call; keep a clone in its place.
        // https://docs.rs/tower/latest/tower/trait.Service.html#be-careful-when-cloning-inner-services
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let settings = &self.settings;
        let (parts, body) = request.into_parts();

        // 1. Endpoint checks the layer answers itself before any verification (Meta's GET,
        //    Dropbox's challenge, X's CRC, ...), if configured.
        if let Some(answer) = handshake::before(&settings.handshakes, &parts, &settings.verifier) {
            return ResponseFuture::answered(answer);
        }

        // 2. Methods the layer does not verify (by default GET, HEAD, OPTIONS and TRACE) go on
        //    untouched and without a `Verified`, so the router answers them (404, 405, a
        //    handshake) and the verified extractors refuse them.
        if !settings.methods.verifies(&parts.method) {
            let request = Request::from_parts(parts, RequestBody::unverified(body));
            return ResponseFuture::calling(inner, request);
        }

        // 3. Per-tenant secrets: the request's tenant's verifier, from the cache or (later,
        //    in the future) from the source; an unknown tenant meets a key nobody holds.
        if let Some(tenants) = &settings.tenants {
            match tenants.lookup(&parts) {
                Lookup::Ready(verifier) => {
                    let settings = settings.for_tenant(verifier);
                    return ResponseFuture::verifying(
                        inner,
                        parts,
                        body,
                        &settings,
                        &self.rejection,
                    );
                }
                Lookup::Pending(lookup) => {
                    let rejection = self.rejection.clone();
                    return ResponseFuture::resolving(
                        lookup,
                        inner,
                        parts,
                        body,
                        Arc::clone(settings),
                        rejection,
                    );
                }
            }
        }

        // 4-6: verification proper (see `ResponseFuture::verifying`).
        ResponseFuture::verifying(inner, parts, body, settings, &self.rejection)
    }
}
