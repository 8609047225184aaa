//! [`VerifyWebhook`]: what happens to a request, top to bottom.

use crate::{
    future::ResponseFuture, rejection::reject, DefaultRejection, MakeRejection, Verifier,
    WebhookError,
};
use axum::body::Body;
use bytes::Bytes;
use http::{header, HeaderMap, Request, Response};
use http_body::Body as HttpBody;
use http_body_util::Limited;
use std::task::{Context, Poll};
use tower_service::Service;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Middleware that verifies webhook signatures. See the [crate docs](crate).
///
/// Built by [`VerifyWebhookLayer`](crate::VerifyWebhookLayer). The inner service receives a
/// `Request<axum::body::Body>` whose body holds the verified bytes (identical to those received)
/// and whose extensions hold a [`Verified`](crate::Verified).
#[derive(Debug, Clone)]
pub struct VerifyWebhook<S, R = DefaultRejection> {
    inner: S,
    verifier: Verifier,
    limit: usize,
    rejection: R,
}

impl<S, R> VerifyWebhook<S, R> {
    pub(crate) fn new(inner: S, verifier: Verifier, limit: usize, rejection: R) -> Self {
        VerifyWebhook {
            inner,
            verifier,
            limit,
            rejection,
        }
    }

    /// The inner service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S, R, B, ResBody> Service<Request<B>> for VerifyWebhook<S, R>
where
    S: Service<Request<Body>, Response = Response<ResBody>> + Clone,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
    R: MakeRejection,
{
    type Response = Response<Body>;
    type Error = S::Error;
    type Future = ResponseFuture<S, B, R>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let scheme = self.verifier.scheme().name();
        let (mut parts, body) = request.into_parts();

        // 1. Header checks: signature, timestamp, signed headers. No body byte read yet.
        let pending = match self.verifier.start(&parts.headers) {
            Ok(pending) => pending,
            Err(error) => return ResponseFuture::rejected(reject(&self.rejection, scheme, error)),
        };

        // 2. A declared length over the limit is refused before reading.
        let declared_len = content_length(&parts.headers);
        if declared_len.is_some_and(|len| len > self.limit as u64) {
            let error = WebhookError::PayloadTooLarge { limit: self.limit };
            return ResponseFuture::rejected(reject(&self.rejection, scheme, error));
        }

        // The service that `poll_ready` readied is the one to call; keep a clone in its place.
        // https://docs.rs/tower/latest/tower/trait.Service.html#be-careful-when-cloning-inner-services
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let body = Limited::new(body, self.limit);

        // 3a. Header-only schemes: verdict now; the body streams through, unauthenticated.
        if !pending.covers_body() {
            return match pending.finish(&parts.headers, &[]) {
                Ok(verified) => {
                    parts.extensions.insert(verified);
                    ResponseFuture::calling(inner, Request::from_parts(parts, Body::new(body)))
                }
                Err(error) => ResponseFuture::rejected(reject(&self.rejection, scheme, error)),
            };
        }

        // 3b. Read the body with the limit, hashing each frame as it arrives.
        let expected_len = declared_len.map_or(0, |len| len as usize);
        ResponseFuture::reading(
            body,
            parts,
            pending,
            expected_len,
            inner,
            self.rejection.clone(),
            self.limit,
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
