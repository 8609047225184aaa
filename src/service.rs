//! [`VerifyWebhook`]: what happens to a request, top to bottom.

use crate::{
    body::{BodyBuffer, RequestBody, ResponseBody},
    future::ResponseFuture,
    handshake,
    layer::Settings,
    rejection::reject,
    verify::Head,
    DefaultRejection, MakeRejection, WebhookError,
};
use bytes::Bytes;
use http::{header, HeaderMap, Request, Response};
use http_body::Body;
use http_body_util::Limited;
use std::task::{Context, Poll};
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
    settings: Settings,
    rejection: R,
}

impl<S, R> VerifyWebhook<S, R> {
    pub(crate) fn new(inner: S, settings: Settings, rejection: R) -> Self {
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
        let (mut parts, body) = request.into_parts();

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

        // 3. Header checks: signature, timestamp, signed headers. No body byte read yet.
        let reject_now = |error| {
            let scheme = settings.verifier.scheme().name();
            ResponseFuture::rejected(reject(&self.rejection, settings.log, scheme, error))
        };
        let head = Head::of(&parts.method, &parts.uri, &parts.headers);
        let pending = match settings.verifier.start(&head) {
            Ok(pending) => pending,
            Err(error) => return reject_now(error),
        };

        // 4. A declared length over the limit is refused before reading.
        let declared_len = content_length(&parts.headers);
        if declared_len.is_some_and(|len| len > settings.limit as u64) {
            return reject_now(WebhookError::PayloadTooLarge {
                limit: settings.limit,
            });
        }
        let body = Limited::new(body, settings.limit);

        // 5a. Header-only schemes: verdict now; the body streams through, unauthenticated.
        if !settings.verifier.scheme().signed_content().covers_body() {
            return match pending.finish(&settings.verifier, &head, &[]) {
                Ok(verified) => {
                    parts.extensions.insert(verified);
                    let request = Request::from_parts(parts, RequestBody::streaming(body));
                    ResponseFuture::verified(inner, request, settings, &[])
                }
                Err(error) => reject_now(error),
            };
        }

        // 5b. Read the body under the limit and the deadline, hashing each frame as it
        //     arrives; the future concludes (see `future.rs`).
        ResponseFuture::reading(
            body,
            parts,
            pending,
            BodyBuffer::new(declared_len, settings.limit),
            inner,
            self.rejection.clone(),
            settings.clone(),
        )
    }
}

/// The declared `Content-Length`, if present once and a plain number.
fn content_length(headers: &HeaderMap) -> Option<u64> {
    let mut values = headers.get_all(header::CONTENT_LENGTH).iter();
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    value.to_str().ok()?.parse().ok()
}
