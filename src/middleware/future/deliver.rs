//! Step 8: a verified request's way to the inner service (a signed handshake, the delivery's
//! span, its claim, the call) and the claim settled with the handler's answer.

use super::State;
use crate::{
    dedup::{self, Claim, ClaimGuard, StoreError},
    middleware::{body::RequestBody, response, settings::Settings, MakeRejection},
    verify::Head,
    Delivery, Verified,
};
use http::{Request, Response};
use std::sync::Arc;
use tower_service::Service;

/// A call to make once the delivery's claim is granted.
pub(super) struct Call<S, B> {
    inner: S,
    request: Request<RequestBody<B>>,
    guard: ClaimGuard,
    span: Span,
}

/// Step 8 for a verified request: the call, at once unless something comes between the verdict
/// and the call (deduplication, a signed handshake, a subscriber listening for the delivery's
/// span). The one place that decides.
#[inline]
pub(super) fn deliver<S, B, R>(
    mut inner: S,
    mut request: Request<RequestBody<B>>,
    verified: Verified,
    settings: &Arc<Settings>,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    let span_wanted = Span::wanted();
    if settings.dedup.is_none() && !span_wanted && !settings.answers_after() {
        request.extensions_mut().insert(verified);
        return State::call(inner.call(request), None, Span::none());
    }
    deliver_with_more(inner, request, verified, settings, span_wanted)
}

/// What [`deliver`] does when something comes between the verdict and the call. Kept out of
/// line, so the common path stays small.
#[inline(never)]
fn deliver_with_more<S, B, R>(
    mut inner: S,
    mut request: Request<RequestBody<B>>,
    verified: Verified,
    settings: &Settings,
    span_wanted: bool,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    let verified_body = verified.body().map_or(&[][..], |body| &body[..]);
    // Signed handshakes are answered here, never handled, never deduplicated.
    if settings.answers_after() {
        let answer = settings.answer_after(request.headers(), verified_body);
        if let Some(answer) = answer {
            return State::answered(answer);
        }
    }
    let head = Head::of(request.method(), request.uri(), request.headers());
    let Some(dedup) = &settings.dedup else {
        // The span alone: the body is not parsed for it (its JSON fields stay out of the span;
        // the `Delivery` extractor still reads them when asked).
        let span = match span_wanted {
            true => Span::of(&Delivery::of(&verified, &head, &[], false)),
            false => Span::none(),
        };
        request.extensions_mut().insert(verified);
        return State::call(span.in_scope(|| inner.call(request)), None, span);
    };
    let delivery = Delivery::of(&verified, &head, verified_body, true);
    let span = Span::of(&delivery);
    let key = delivery
        .dedup_id()
        .map(|id| dedup::key(&dedup.namespace, &delivery, id));
    request.extensions_mut().insert(verified);
    request.extensions_mut().insert(delivery);
    let Some(key) = key else {
        return State::call(span.in_scope(|| inner.call(request)), None, span);
    };
    let token = dedup::token();
    let tolerance = settings
        .verifier
        .scheme()
        .get_tolerance()
        .unwrap_or_default();
    let timeout = dedup.timeout.or(settings.body_timeout);
    let future = dedup::deadline(
        dedup.store.claim(&key, &token, dedup.lease),
        timeout,
        "the store did not answer in time",
    );
    let guard = ClaimGuard::new(dedup, timeout, key, token, dedup.keep.max(tolerance));
    State::Claiming {
        future,
        call: Some(Call {
            inner,
            request,
            guard,
            span,
        }),
        let_through: dedup.let_through,
    }
}

/// The store has answered the delivery's claim: the call, a duplicate's answer, or 503.
#[inline(never)]
pub(super) fn claimed<S, B, R>(
    call: Call<S, B>,
    claim: Result<Claim, StoreError>,
    let_through: bool,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    let Call {
        mut inner,
        request,
        guard,
        span,
    } = call;
    match claim {
        Ok(Claim::Claimed) => {
            let future = span.in_scope(|| inner.call(request));
            State::call(future, Some(guard), span)
        }
        Ok(claim) => {
            guard.forget();
            #[cfg(feature = "tracing")]
            tracing::info!(
                target: "tower_webhook::dedup",
                delivery = request.extensions().get::<Delivery>().and_then(Delivery::id),
                ?claim,
                "not handled again"
            );
            State::answered(response::duplicate(claim))
        }
        Err(_error) if let_through => {
            guard.forget();
            #[cfg(feature = "tracing")]
            tracing::warn!(
                target: "tower_webhook::dedup",
                "{_error}; handling the delivery without duplicate protection"
            );
            let future = span.in_scope(|| inner.call(request));
            State::call(future, None, span)
        }
        Err(_error) => {
            guard.forget();
            #[cfg(feature = "tracing")]
            tracing::error!(target: "tower_webhook::dedup", "{_error}; answered 503");
            State::answered(response::unavailable("dedup_store_unavailable"))
        }
    }
}

/// The handler answered: the claim is completed, or released after an answer the provider
/// retries (see [`dedup::completes`]).
pub(super) fn settle<S, B, R, ResBody>(
    guard: ClaimGuard,
    response: Response<ResBody>,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>, Response = Response<ResBody>>,
    R: MakeRejection,
{
    State::Settling {
        future: guard.settle(dedup::completes(response.status())),
        response: Some(response),
    }
}

/// The claim's completion is done; a failure is logged, and the claim expires with its lease.
pub(super) fn settled(result: Result<(), StoreError>) {
    if let Err(_error) = result {
        #[cfg(feature = "tracing")]
        tracing::error!(
            target: "tower_webhook::dedup",
            "{_error}; the delivery's claim will expire with its lease"
        );
    }
}

/// The `webhook` span of a delivery (target `tower_webhook::delivery`, level INFO), with its
/// scheme, id, event type, attempt and secret id; nothing without the `tracing` feature.
///
/// It is `None` on the direct path, which then neither enters nor drops a `tracing::Span`
/// (together about 45 instructions per request, callgrind, even for a disabled one).
#[cfg(feature = "tracing")]
#[derive(Debug)]
pub(crate) struct Span(Option<tracing::Span>);

#[cfg(feature = "tracing")]
impl Span {
    pub(crate) fn none() -> Self {
        Span(None)
    }

    /// Whether a subscriber listens for delivery spans.
    pub(crate) fn wanted() -> bool {
        tracing::enabled!(target: "tower_webhook::delivery", tracing::Level::INFO)
    }

    pub(crate) fn of(delivery: &Delivery) -> Self {
        Span(Some(tracing::info_span!(
            target: "tower_webhook::delivery",
            "webhook",
            scheme = delivery.scheme(),
            delivery_id = delivery.id(),
            event_type = delivery.event_type(),
            attempt = delivery.attempt(),
            secret_id = delivery.secret_id(),
        )))
    }

    pub(crate) fn enter(&self) -> Option<tracing::span::Entered<'_>> {
        self.0.as_ref().map(tracing::Span::enter)
    }

    pub(crate) fn in_scope<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.0 {
            Some(span) => span.in_scope(f),
            None => f(),
        }
    }
}

#[cfg(not(feature = "tracing"))]
#[derive(Debug)]
pub(crate) struct Span;

/// What entering no span gives.
#[cfg(not(feature = "tracing"))]
pub(crate) struct NotEntered;

#[cfg(not(feature = "tracing"))]
impl Span {
    pub(crate) fn none() -> Self {
        Span
    }

    pub(crate) fn wanted() -> bool {
        false
    }

    pub(crate) fn of(_: &Delivery) -> Self {
        Span
    }

    pub(crate) fn enter(&self) -> NotEntered {
        NotEntered
    }

    pub(crate) fn in_scope<T>(&self, f: impl FnOnce() -> T) -> T {
        f()
    }
}
