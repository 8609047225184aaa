//! [`ResponseFuture`]: the steps of the [request path](crate::middleware#the-request-path) that
//! wait for something, as one state machine whose `poll` only dispatches.
//!
//! - [`read`]: header checks, the declared length, the body under the limit and the deadline,
//!   the verdict (steps 4–7);
//! - [`deliver`]: a signed handshake, the delivery's span and its claim, the call, and settling
//!   the claim with the handler's answer (step 8);
//! - [`resolve`]: waiting for a tenant's verifier (step 1).

mod deliver;
mod read;
mod resolve;

use crate::{
    dedup::{Claim, ClaimGuard, StoreFuture},
    handshake::Answer,
    middleware::{
        body::{RequestBody, ResponseBody},
        response,
        settings::Settings,
        MakeRejection,
    },
    tenant::VerifierFuture,
    WebhookError,
};
use bytes::Bytes;
use http::{request::Parts, Request, Response};
use http_body::Body;
use pin_project_lite::pin_project;
use std::{
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{ready, Context, Poll},
};
use tower_service::Service;

use deliver::{Call, Span};
use read::{Deadline, Reading};
use resolve::Resolving;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

pin_project! {
    /// Response future of [`VerifyWebhook`](crate::VerifyWebhook).
    pub struct ResponseFuture<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
        R: MakeRejection,
    {
        #[pin]
        state: State<S, B, R>,
    }
}

pin_project! {
    #[project = StateProj]
    enum State<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
        R: MakeRejection,
    {
        // Step 9: refused, by the rejection maker.
        Rejected { response: Option<Response<R::Body>> },
        // Answered by the layer itself: a handshake, a duplicate, a store outage.
        Answered { response: Option<Answer> },
        // Steps 4-7: the header checks at the first poll, then the body, then the verdict.
        Reading {
            #[pin]
            body: B,
            deadline: Deadline,
            reading: Reading<S, R>,
        },
        // Step 1: waiting for the request's tenant's verifier.
        Resolving {
            lookup: VerifierFuture,
            request: Option<Resolving<S, B, R>>,
        },
        // Step 8: waiting for the store to grant the delivery's claim; then the call.
        Claiming {
            future: StoreFuture<Claim>,
            call: Option<Call<S, B>>,
            let_through: bool,
        },
        // Step 8: the inner service, in the delivery's span.
        Calling {
            #[pin]
            future: S::Future,
            guard: Option<ClaimGuard>,
            span: Span,
        },
        // Step 8: the handler answered; the claim is completed (or released, after a 5xx).
        Settling {
            future: StoreFuture<()>,
            response: Option<S::Response>,
        },
    }
}

impl<S, B, R> ResponseFuture<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    /// Steps 2 onwards, with the verifier in `settings`.
    pub(crate) fn start(
        inner: S,
        parts: Parts,
        body: B,
        settings: &Arc<Settings>,
        rejection: &R,
    ) -> Self
    where
        B: Body<Data = Bytes>,
    {
        ResponseFuture {
            state: State::start(inner, parts, body, settings, rejection),
        }
    }

    /// A request refused before anything else.
    pub(crate) fn rejected(settings: &Settings, rejection: &R, error: WebhookError) -> Self {
        ResponseFuture {
            state: State::rejected(settings, rejection, error),
        }
    }

    /// Step 1 in the future: waiting for a tenant's verifier, then steps 2 onwards.
    pub(crate) fn resolving(
        lookup: VerifierFuture,
        inner: S,
        parts: Parts,
        body: B,
        settings: Arc<Settings>,
        rejection: R,
    ) -> Self {
        ResponseFuture {
            state: resolve::waiting(lookup, inner, parts, body, settings, rejection),
        }
    }
}

impl<S, B, R> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    /// Step 2, handshakes answered before verification; step 3, methods the layer does not
    /// verify go on untouched and without a `Verified`; then steps 4-7 (see [`read`]).
    fn start(mut inner: S, parts: Parts, body: B, settings: &Arc<Settings>, rejection: &R) -> Self
    where
        B: Body<Data = Bytes>,
    {
        if let Some(answer) = settings.answer_before(&parts) {
            return State::answered(answer);
        }
        if !settings.methods.verifies(&parts.method) {
            let request = Request::from_parts(parts, RequestBody::unverified(body));
            return State::call(inner.call(request), None, Span::none());
        }
        read::begin(inner, parts, body, settings, rejection)
    }

    /// Step 9: the rejection maker's answer to `error`.
    #[inline(always)]
    fn rejected(settings: &Settings, rejection: &R, error: WebhookError) -> Self {
        State::Rejected {
            response: Some(response::reject(rejection, settings, error)),
        }
    }

    /// An answer the layer writes itself.
    #[inline(always)]
    fn answered(response: Answer) -> Self {
        State::Answered {
            response: Some(response),
        }
    }

    /// The inner service's future, with the claim to settle and the span to enter.
    #[inline(always)]
    fn call(future: S::Future, guard: Option<ClaimGuard>, span: Span) -> Self {
        State::Calling {
            future,
            guard,
            span,
        }
    }
}

impl<S, B, R, ResBody> Future for ResponseFuture<S, B, R>
where
    S: Service<Request<RequestBody<B>>, Response = Response<ResBody>>,
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
    R: MakeRejection,
{
    type Output = Result<Response<ResponseBody<ResBody, R::Body>>, S::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        const DONE: &str = "future polled after completion";
        let mut state = self.project().state;
        loop {
            let next = match state.as_mut().project() {
                StateProj::Rejected { response } => {
                    let response = response.take().expect(DONE);
                    return Poll::Ready(Ok(response.map(ResponseBody::rejection)));
                }
                StateProj::Answered { response } => {
                    let response = response.take().expect(DONE);
                    return Poll::Ready(Ok(response.map(ResponseBody::answered)));
                }
                StateProj::Resolving { lookup, request } => {
                    let resolved = ready!(lookup.as_mut().poll(cx));
                    resolve::resolved(request.take().expect(DONE), resolved)
                }
                StateProj::Reading {
                    body,
                    deadline,
                    reading,
                } => match ready!(reading.poll_body(body, deadline, cx)) {
                    Ok(()) => reading.conclude(),
                    Err(error) => reading.reject(error),
                },
                StateProj::Claiming {
                    future,
                    call,
                    let_through,
                } => {
                    let claim = ready!(future.as_mut().poll(cx));
                    deliver::claimed(call.take().expect(DONE), claim, *let_through)
                }
                StateProj::Calling {
                    future,
                    guard,
                    span,
                } => {
                    // An error or a panic drops the guard, which releases the claim.
                    let response = {
                        let _entered = span.enter();
                        ready!(future.poll(cx))?
                    };
                    match guard.take() {
                        None => return Poll::Ready(Ok(response.map(ResponseBody::inner))),
                        Some(guard) => deliver::settle(guard, response),
                    }
                }
                StateProj::Settling { future, response } => {
                    deliver::settled(ready!(future.as_mut().poll(cx)));
                    let response = response.take().expect(DONE);
                    return Poll::Ready(Ok(response.map(ResponseBody::inner)));
                }
            };
            state.set(next);
        }
    }
}
