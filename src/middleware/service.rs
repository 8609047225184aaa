//! [`VerifyWebhook`]: step 1 of the [request path](crate::middleware#the-request-path), the
//! tenant, then the response future.

use super::{
    settings::Settings, DefaultRejection, MakeRejection, RequestBody, ResponseBody, ResponseFuture,
};
use crate::{tenant::Lookup, WebhookError};
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

    #[inline]
    fn call(&mut self, request: Request<B>) -> Self::Future {
        // The service that `poll_ready` readied is the one to call; keep a clone in its place.
        // https://docs.rs/tower/latest/tower/trait.Service.html#be-careful-when-cloning-inner-services
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let settings = &self.settings;
        let (parts, body) = request.into_parts();

        // Step 1, the tenant: its verifier, from the cache now or from the source in the
        // future; an unknown tenant meets the decoy, which refuses every request after the same
        // work. Requests that are neither verified nor a possible handshake pass on without a
        // lookup.
        if let Some(tenants) = &settings.tenants {
            let wanted =
                settings.methods.verifies(&parts.method) || !settings.handshakes.is_empty();
            if wanted {
                return match tenants.lookup(&parts, settings.body_timeout) {
                    Lookup::Ready(verifier) => {
                        let settings = settings.for_tenant(verifier);
                        ResponseFuture::start(inner, parts, body, &settings, &self.rejection)
                    }
                    Lookup::Pending(lookup) => ResponseFuture::resolving(
                        lookup,
                        inner,
                        parts,
                        body,
                        Arc::clone(settings),
                        self.rejection.clone(),
                    ),
                    Lookup::Ambiguous => ResponseFuture::rejected(
                        settings,
                        &self.rejection,
                        WebhookError::AmbiguousTenant,
                    ),
                };
            }
        }

        // Steps 2 onwards.
        ResponseFuture::start(inner, parts, body, settings, &self.rejection)
    }
}
