//! [`ResponseFuture`]: read the body under a limit and a deadline, conclude the verification,
//! then call the inner service.

use crate::{
    body::{BodyBuffer, RequestBody, ResponseBody},
    dedup::{self, Claim, ClaimGuard, StoreError, StoreFuture},
    handshake,
    layer::Settings,
    rejection::reject,
    tenant::VerifierFuture,
    verified::Origin,
    verify::{Head, Pending},
    Delivery, MakeRejection, Verified, Verifier, WebhookError,
};
use bytes::Bytes;
use http::{header, request::Parts, HeaderValue, Request, Response, StatusCode};
use http_body::Body;
use http_body_util::Full;
use http_body_util::Limited;
use pin_project_lite::pin_project;
use std::{
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{ready, Context, Poll},
};
use tower_service::Service;

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
        Rejected { response: Option<Response<R::Body>> },
        // Answered by the layer itself: a duplicate, a delivery in flight, a store outage.
        Answered { response: Option<Response<Full<Bytes>>> },
        Reading {
            // Read under the limit by the reading state itself (see `poll`).
            #[pin]
            body: B,
            deadline: Deadline,
            reading: Reading<S, R>,
        },
        // Waiting for the request's tenant's verifier.
        Resolving {
            lookup: VerifierFuture,
            request: Option<Resolving<S, B, R>>,
        },
        // Waiting for the store to grant the delivery's claim; then the call.
        Claiming {
            future: StoreFuture<Claim>,
            call: Option<Call<S, B>>,
            let_through: bool,
        },
        Calling {
            #[pin]
            future: S::Future,
            guard: Option<ClaimGuard>,
            // The delivery's span, entered while the inner service runs.
            span: Span,
        },
        // The handler answered; the claim is being completed (or released, after a 5xx).
        Settling {
            future: StoreFuture<()>,
            response: Option<S::Response>,
        },
    }
}

/// What waits for a tenant's verifier.
struct Resolving<S, B, R> {
    inner: S,
    parts: Parts,
    body: B,
    settings: Arc<Settings>,
    rejection: R,
}

/// A call to make once the delivery's claim is granted.
struct Call<S, B> {
    inner: S,
    request: Request<RequestBody<B>>,
    guard: ClaimGuard,
    span: Span,
}

/// What the reading state owns until the body is complete.
///
/// The verification state is written here, where it stays: the header checks run at the first
/// poll, into `pending`, and the verdict is reached through `&mut`. Moving it instead (from
/// `call` into the future, out of an `Option`, into the next state) cost a dozen copies of
/// several hundred bytes per request.
struct Reading<S, R> {
    /// Taken when the request goes on.
    parts: Option<Parts>,
    pending: Pending,
    /// Whether the header checks have run into `pending`.
    started: bool,
    buffer: BodyBuffer,
    /// Taken when the request goes on.
    inner: Option<S>,
    rejection: R,
    /// Handed on to the request's `Verified` when it passes.
    settings: Option<Arc<Settings>>,
}

impl<S, B, R> ResponseFuture<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    /// Handshakes, then verification proper, with the verifier in `settings`.
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
            state: State::Rejected {
                response: Some(reject(rejection, settings, error)),
            },
        }
    }

    /// Waiting for a tenant's verifier, then verification proper.
    pub(crate) fn resolving(
        lookup: VerifierFuture,
        inner: S,
        parts: Parts,
        body: B,
        settings: Arc<Settings>,
        rejection: R,
    ) -> Self {
        ResponseFuture {
            state: State::Resolving {
                lookup,
                request: Some(Resolving {
                    inner,
                    parts,
                    body,
                    settings,
                    rejection,
                }),
            },
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
        let mut state = self.project().state;
        'poll: loop {
            let next = match state.as_mut().project() {
                StateProj::Rejected { response } => {
                    let response = response.take().expect("future polled after completion");
                    return Poll::Ready(Ok(response.map(ResponseBody::rejection)));
                }
                StateProj::Resolving { lookup, request } => {
                    let resolved = ready!(lookup.as_mut().poll(cx));
                    let request = request.take().expect("future polled after completion");
                    State::resolved(request, resolved)
                }
                StateProj::Answered { response } => {
                    let response = response.take().expect("future polled after completion");
                    return Poll::Ready(Ok(response.map(ResponseBody::own)));
                }
                StateProj::Claiming {
                    future,
                    call,
                    let_through,
                } => {
                    let claim = ready!(future.as_mut().poll(cx));
                    let call = call.take().expect("future polled after completion");
                    State::claimed(call, claim, *let_through)
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
                        Some(guard) => State::Settling {
                            future: guard.settle(dedup::completes(response.status())),
                            response: Some(response),
                        },
                    }
                }
                StateProj::Settling { future, response } => {
                    if let Err(_error) = ready!(future.as_mut().poll(cx)) {
                        #[cfg(feature = "tracing")]
                        tracing::error!(
                            target: "tower_webhook::dedup",
                            "{_error}; the delivery's claim will expire with its lease"
                        );
                    }
                    let response = response.take().expect("future polled after completion");
                    return Poll::Ready(Ok(response.map(ResponseBody::inner)));
                }
                StateProj::Reading {
                    body,
                    deadline,
                    reading,
                } => 'reading: {
                    if !reading.started {
                        reading.started = true;
                        if let Err(error) = reading.start() {
                            break 'reading reading.reject(error);
                        }
                    }
                    let frame = match body.poll_frame(cx) {
                        Poll::Ready(frame) => frame,
                        Poll::Pending if deadline.poll_elapsed(cx) => {
                            let error = WebhookError::BodyTimeout {
                                timeout: reading.settings().body_timeout.unwrap_or_default(),
                            };
                            break 'reading reading.reject(error);
                        }
                        Poll::Pending => return Poll::Pending,
                    };
                    match frame {
                        Some(Ok(frame)) => {
                            if let Ok(data) = frame.into_data() {
                                if data.len() > reading.settings().limit - reading.buffer.len() {
                                    break 'reading reading.reject(WebhookError::PayloadTooLarge {
                                        limit: reading.settings().limit,
                                    });
                                }
                                reading.pending.update(&data);
                                reading.buffer.push(data);
                            }
                            continue 'poll;
                        }
                        Some(Err(error)) => reading.reject(WebhookError::BodyRead {
                            source: Arc::from(error.into()),
                        }),
                        None => reading.conclude(),
                    }
                }
            };
            state.set(next);
        }
    }
}

/// The head of a request still being read.
fn head_of(parts: &Option<Parts>) -> Head<'_> {
    let parts = parts.as_ref().expect("future polled after completion");
    Head::of(&parts.method, &parts.uri, &parts.headers)
}

impl<S, R> Reading<S, R>
where
    R: MakeRejection,
{
    /// Every check that needs no body (signature headers, timestamp, signed headers; see
    /// [`Verifier::start`](crate::Verifier)), into `pending`; then the declared length.
    fn start(&mut self) -> Result<(), WebhookError> {
        let head = head_of(&self.parts);
        let settings = self
            .settings
            .as_deref()
            .expect("future polled after completion");
        settings.verifier.begin(&head, &mut self.pending)?;
        // 5. A declared length over the limit is refused before reading.
        let declared_len = content_length(head.headers);
        if declared_len.is_some_and(|len| len > settings.limit as u64) {
            return Err(WebhookError::PayloadTooLarge {
                limit: settings.limit,
            });
        }
        self.buffer = BodyBuffer::new(declared_len, settings.limit);
        Ok(())
    }

    fn settings(&self) -> &Settings {
        self.settings
            .as_deref()
            .expect("future polled after completion")
    }

    /// The whole body is in: the verdict, then the inner service or a rejection.
    fn conclude<B>(&mut self) -> State<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
    {
        let body = self.buffer.finish();
        let head = head_of(&self.parts);
        let settings = self
            .settings
            .as_deref()
            .expect("future polled after completion");
        let verdict = self.pending.finish(&settings.verifier, &head, &body);
        match verdict {
            Ok(verdict) => {
                let settings = self.settings.take().expect("checked above");
                let direct = calls_directly(&settings);
                let verified = Verified::new(Origin::Layer(settings), verdict);
                let parts = self.parts.as_mut().expect("checked by head_of");
                parts.extensions.insert(verified.with_body(body.clone()));
                let request = Request::from_parts(
                    self.parts.take().expect("checked by head_of"),
                    RequestBody::verified(body),
                );
                let inner = self.inner.take().expect("future polled after completion");
                State::verified(inner, request, direct)
            }
            Err(error) => self.reject(error),
        }
    }

    fn reject<B>(&self, error: WebhookError) -> State<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
    {
        let settings = self.settings();
        State::Rejected {
            response: Some(reject(&self.rejection, settings, error)),
        }
    }
}

impl<S, B, R> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    /// The tenant's verifier has been looked up: verification proper, or 503 when the source
    /// of secrets could not be reached.
    #[inline(never)]
    fn resolved(request: Resolving<S, B, R>, resolved: Result<Option<Verifier>, StoreError>) -> Self
    where
        B: Body<Data = Bytes>,
    {
        let Resolving {
            inner,
            parts,
            body,
            settings,
            rejection,
        } = request;
        match resolved {
            Ok(verifier) => {
                let settings = settings.for_tenant(verifier);
                State::start(inner, parts, body, &settings, &rejection)
            }
            Err(_error) => {
                #[cfg(feature = "tracing")]
                tracing::error!(target: "tower_webhook::tenant", "{_error}; answered 503");
                State::Answered {
                    response: Some(unavailable_response("tenant_source_unavailable")),
                }
            }
        }
    }

    /// The store has answered the delivery's claim: the call, a duplicate's answer, or 503.
    #[inline(never)]
    fn claimed(call: Call<S, B>, claim: Result<Claim, StoreError>, let_through: bool) -> Self {
        let Call {
            mut inner,
            request,
            guard,
            span,
        } = call;
        match claim {
            Ok(Claim::Claimed) => State::Calling {
                future: span.in_scope(|| inner.call(request)),
                guard: Some(guard),
                span,
            },
            Ok(claim) => {
                guard.forget();
                State::Answered {
                    response: Some(dedup_response(claim, &guard_key(&request))),
                }
            }
            Err(error) if let_through => {
                guard.forget();
                #[cfg(feature = "tracing")]
                tracing::warn!(
                    target: "tower_webhook::dedup",
                    "{error}; handling the delivery without duplicate protection"
                );
                let _ = error;
                State::Calling {
                    future: span.in_scope(|| inner.call(request)),
                    guard: None,
                    span,
                }
            }
            Err(error) => {
                guard.forget();
                #[cfg(feature = "tracing")]
                tracing::error!(target: "tower_webhook::dedup", "{error}; answered 503");
                let _ = error;
                State::Answered {
                    response: Some(unavailable_response("dedup_store_unavailable")),
                }
            }
        }
    }

    /// Step 2: endpoint checks the layer answers itself before any verification (Meta's GET,
    /// Dropbox's challenge, X's CRC, ...), if configured. Step 3: methods the layer does not
    /// verify (by default GET, HEAD, OPTIONS and TRACE) go on untouched and without a
    /// `Verified`, so the router answers them (404, 405, a handshake) and the verified
    /// extractors refuse them. Then verification proper (see [`verifying`](Self::verifying)).
    fn start(mut inner: S, parts: Parts, body: B, settings: &Arc<Settings>, rejection: &R) -> Self
    where
        B: Body<Data = Bytes>,
    {
        if let Some(answer) = handshake::before(&settings.handshakes, &parts, &settings.verifier) {
            return State::Answered {
                response: Some(answer),
            };
        }
        if !settings.methods.verifies(&parts.method) {
            let request = Request::from_parts(parts, RequestBody::unverified(body));
            return State::Calling {
                future: inner.call(request),
                guard: None,
                span: Span::none(),
            };
        }
        State::verifying(inner, parts, body, settings, rejection)
    }

    /// Verification proper: header checks, the declared length, then the body (or, for
    /// header-only schemes, the verdict at once).
    fn verifying(inner: S, parts: Parts, body: B, settings: &Arc<Settings>, rejection: &R) -> Self
    where
        B: Body<Data = Bytes>,
    {
        // 6a. Header-only schemes: the verdict now; the body streams through, unauthenticated.
        if !settings.verifier.scheme().signed_content().covers_body() {
            return State::header_only(inner, parts, body, settings, rejection);
        }

        // 4-6b. The header checks (signature, timestamp, signed headers, declared length) run
        //       at the first poll, into the state; then the body is read under the limit and
        //       the deadline, each frame hashed as it arrives.
        State::Reading {
            body,
            deadline: Deadline::new(settings),
            reading: Reading {
                parts: Some(parts),
                pending: settings.verifier.pending(digests(settings)),
                started: false,
                buffer: BodyBuffer::new(None, settings.limit),
                inner: Some(inner),
                rejection: rejection.clone(),
                settings: Some(Arc::clone(settings)),
            },
        }
    }

    /// A scheme that signs no body: every check at once, then the call with the body streaming
    /// through under the limit.
    fn header_only(
        inner: S,
        mut parts: Parts,
        body: B,
        settings: &Arc<Settings>,
        rejection: &R,
    ) -> Self
    where
        B: Body<Data = Bytes>,
    {
        let reject_now = |error| State::Rejected {
            response: Some(reject(rejection, settings, error)),
        };
        let head = Head::of(&parts.method, &parts.uri, &parts.headers);
        let mut pending = match settings.verifier.start(&head, digests(settings)) {
            Ok(pending) => pending,
            Err(error) => return reject_now(error),
        };
        if content_length(&parts.headers).is_some_and(|len| len > settings.limit as u64) {
            return reject_now(WebhookError::PayloadTooLarge {
                limit: settings.limit,
            });
        }
        match pending.finish(&settings.verifier, &head, &[]) {
            Ok(verdict) => {
                let verified = Verified::new(Origin::Layer(Arc::clone(settings)), verdict);
                parts.extensions.insert(verified);
                let body = RequestBody::streaming(Limited::new(body, settings.limit));
                let direct = calls_directly(settings);
                State::verified(inner, Request::from_parts(parts, body), direct)
            }
            Err(error) => reject_now(error),
        }
    }

    /// A verified request: the call, at once when `direct` (see [`calls_directly`]), else after
    /// a signed handshake's answer, the delivery's span and its claim.
    #[inline]
    fn verified(mut inner: S, request: Request<RequestBody<B>>, direct: bool) -> Self {
        if direct {
            return State::Calling {
                future: inner.call(request),
                guard: None,
                span: Span::none(),
            };
        }
        State::verified_then(inner, request)
    }

    /// What [`verified`](Self::verified) does when something comes between the verdict and the
    /// call. Kept out of line, so the common path stays small.
    #[inline(never)]
    fn verified_then(mut inner: S, mut request: Request<RequestBody<B>>) -> Self {
        // The layer's settings travel in the `Verified` extension.
        let settings = request
            .extensions()
            .get::<Verified>()
            .and_then(Verified::layer_settings)
            .map(Arc::clone)
            .expect("inserted by the layer");
        // The verified body, kept in the `Verified` extension (none for header-only schemes).
        let verified_body = |request: &Request<RequestBody<B>>| {
            request
                .extensions()
                .get::<Verified>()
                .and_then(Verified::body)
                .cloned()
                .unwrap_or_default()
        };
        // Signed endpoint checks (Slack, Zoom, Twitch, Discord) are answered here, never
        // handled, never deduplicated.
        if handshake::any_after(&settings.handshakes) {
            let answer = handshake::after(
                &settings.handshakes,
                request.headers(),
                &verified_body(&request),
                &settings.verifier,
            );
            if let Some(response) = answer {
                return State::Answered {
                    response: Some(response),
                };
            }
        }
        // The delivery is read when something needs it: deduplication, or a tracing
        // subscriber that listens for its span.
        if settings.dedup.is_none() && !Span::wanted() {
            return State::Calling {
                future: inner.call(request),
                guard: None,
                span: Span::none(),
            };
        }
        let verified = request
            .extensions()
            .get::<Verified>()
            .expect("inserted by the layer");
        // For the span alone, the body is not parsed again (its JSON fields stay out of the
        // span; the `Delivery` extractor still reads them when asked).
        let Some(dedup) = &settings.dedup else {
            let head = Head::of(request.method(), request.uri(), request.headers());
            let span = Span::of(&Delivery::of(verified, &head, &[], false));
            return State::Calling {
                future: span.in_scope(|| inner.call(request)),
                guard: None,
                span,
            };
        };
        let head = Head::of(request.method(), request.uri(), request.headers());
        let delivery = Delivery::of(verified, &head, &verified_body(&request), false);
        let span = Span::of(&delivery);
        let Some(id) = delivery.dedup_id() else {
            request.extensions_mut().insert(delivery);
            return State::Calling {
                future: span.in_scope(|| inner.call(request)),
                guard: None,
                span,
            };
        };
        let key = dedup::key(&dedup.namespace, &delivery, id);
        let token = dedup::token();
        let window = settings
            .verifier
            .scheme()
            .default_tolerance()
            .unwrap_or_default();
        let timeout = dedup.timeout.or(settings.body_timeout);
        let future = dedup::deadline(
            dedup.store.claim(&key, &token, dedup.lease),
            timeout,
            "the store did not answer in time",
        );
        let guard = ClaimGuard::new(dedup, timeout, key, token, dedup.keep.max(window));
        request.extensions_mut().insert(delivery);
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
}

/// Whether the verification digests the signed content: deduplication keys the delivery by it.
#[inline]
fn digests(settings: &Settings) -> bool {
    settings.dedup.is_some() && settings.verifier.scheme().identified_by_content()
}

/// Whether a verified request goes straight to the inner service: no deduplication, no handshake
/// answered after verification, and no subscriber listening for the delivery's span.
fn calls_directly(settings: &Settings) -> bool {
    settings.dedup.is_none() && !handshake::any_after(&settings.handshakes) && !Span::wanted()
}

/// The `webhook` span of a delivery (target `tower_webhook::delivery`, level INFO), with its
/// scheme, id, event type, attempt and secret id; nothing without the `tracing` feature.
#[cfg(feature = "tracing")]
#[derive(Debug)]
struct Span(tracing::Span);

#[cfg(feature = "tracing")]
impl Span {
    fn none() -> Self {
        Span(tracing::Span::none())
    }

    fn wanted() -> bool {
        tracing::enabled!(target: "tower_webhook::delivery", tracing::Level::INFO)
    }

    fn of(delivery: &Delivery) -> Self {
        Span(tracing::info_span!(
            target: "tower_webhook::delivery",
            "webhook",
            scheme = delivery.scheme(),
            delivery_id = delivery.id(),
            event_type = delivery.event_type(),
            attempt = delivery.attempt(),
            secret_id = delivery.secret_id(),
        ))
    }

    fn enter(&self) -> tracing::span::Entered<'_> {
        self.0.enter()
    }

    fn in_scope<T>(&self, f: impl FnOnce() -> T) -> T {
        self.0.in_scope(f)
    }
}

#[cfg(not(feature = "tracing"))]
#[derive(Debug)]
struct Span;

/// What entering no span gives.
#[cfg(not(feature = "tracing"))]
struct NotEntered;

#[cfg(not(feature = "tracing"))]
impl Span {
    fn none() -> Self {
        Span
    }

    fn wanted() -> bool {
        false
    }

    fn of(_: &Delivery) -> Self {
        Span
    }

    fn enter(&self) -> NotEntered {
        NotEntered
    }

    fn in_scope<T>(&self, f: impl FnOnce() -> T) -> T {
        f()
    }
}

/// The declared `Content-Length`, if present once and a plain number.
fn content_length(headers: &http::HeaderMap) -> Option<u64> {
    let mut values = headers.get_all(header::CONTENT_LENGTH).iter();
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    value.to_str().ok()?.parse().ok()
}

/// The delivery named in a request's [`Delivery`] extension, for logs.
fn guard_key<B>(request: &Request<B>) -> String {
    request
        .extensions()
        .get::<Delivery>()
        .and_then(|delivery| delivery.id().map(str::to_owned))
        .unwrap_or_default()
}

/// 200 `webhook-duplicate: true` for a delivery handled already; 409 with `Retry-After` for one
/// being handled now.
fn dedup_response(claim: Claim, _delivery: &str) -> Response<Full<Bytes>> {
    let (status, code, retry) = match claim {
        Claim::InFlight => (StatusCode::CONFLICT, "delivery_in_flight", true),
        _ => (StatusCode::OK, "duplicate_delivery", false),
    };
    #[cfg(feature = "tracing")]
    tracing::info!(target: "tower_webhook::dedup", delivery = _delivery, code, "not handled again");
    let body = format!(r#"{{"duplicate":true,"code":"{code}"}}"#);
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(DUPLICATE_HEADER, HeaderValue::from_static("true"));
    if retry {
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}

/// 503 with `Retry-After` when a store cannot be reached: the provider retries.
fn unavailable_response(code: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(format!(
        r#"{{"error":"{code}","message":"a store the receiver needs is unavailable; retry later"}}"#
    ))));
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    response
}

/// The header that marks a response to a delivery handled already.
const DUPLICATE_HEADER: &str = "webhook-duplicate";

/// The whole-body deadline: a timer started when reading starts. Boxed, so a request without
/// a deadline (the default) carries 8 bytes rather than the timer.
#[cfg(feature = "timeout")]
struct Deadline {
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
}

#[cfg(feature = "timeout")]
impl Deadline {
    fn new(settings: &Settings) -> Self {
        Deadline {
            sleep: settings
                .body_timeout
                .map(|timeout| Box::pin(tokio::time::sleep(timeout))),
        }
    }

    /// Whether the deadline has passed; if not, the task is woken when it does.
    fn poll_elapsed(&mut self, cx: &mut Context<'_>) -> bool {
        match &mut self.sleep {
            Some(sleep) => sleep.as_mut().poll(cx).is_ready(),
            None => false,
        }
    }
}

/// Without the `timeout` feature there is no timer, and so no deadline.
#[cfg(not(feature = "timeout"))]
struct Deadline;

#[cfg(not(feature = "timeout"))]
impl Deadline {
    fn new(_: &Settings) -> Self {
        Deadline
    }

    fn poll_elapsed(&mut self, _: &mut Context<'_>) -> bool {
        false
    }
}
