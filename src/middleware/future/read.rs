//! Steps 4–7: the header checks, the declared length, the body under the limit and the deadline,
//! and the verdict.

use super::{deliver, BoxError, State};
use crate::{
    middleware::{body::RequestBody, settings::Settings, MakeRejection},
    verify::{Head, Pending},
    Verified, WebhookError,
};
use bytes::Bytes;
use http::{header, request::Parts, HeaderMap, Request};
use http_body::Body;
use http_body_util::Limited;
use std::{
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};
use tower_service::Service;

/// What the reading state owns until the body is complete.
///
/// The verification state is written here, where it stays: the header checks run at the first
/// poll, into `pending`, and the verdict is reached through `&mut`. Moving it instead (from
/// `call` into the future, out of an `Option`, into the next state) cost a dozen copies of
/// several hundred bytes per request.
pub(super) struct Reading<S, R> {
    /// Taken when the request goes on.
    parts: Option<Parts>,
    pending: Pending,
    /// Whether the header checks have run into `pending`.
    checked: bool,
    buffer: BodyBuffer,
    /// Taken when the request goes on.
    inner: Option<S>,
    rejection: R,
    settings: Arc<Settings>,
}

/// Verification proper: for a scheme that signs the body, the state that checks the headers at
/// its first poll and then reads the body; for a header-only scheme, the verdict now.
#[inline]
pub(super) fn begin<S, B, R>(
    inner: S,
    parts: Parts,
    body: B,
    settings: &Arc<Settings>,
    rejection: &R,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    B: Body<Data = Bytes>,
    R: MakeRejection,
{
    if !settings
        .verifier
        .scheme()
        .get_signed_content()
        .covers_body()
    {
        return header_only(inner, parts, body, settings, rejection);
    }
    State::Reading {
        body,
        deadline: Deadline::new(settings),
        reading: Reading {
            parts: Some(parts),
            pending: settings.verifier.pending(),
            checked: false,
            buffer: BodyBuffer::new(None, settings.limit),
            inner: Some(inner),
            rejection: rejection.clone(),
            settings: Arc::clone(settings),
        },
    }
}

/// A scheme that signs no body: steps 4, 5 and 7 at once, then step 8 with the body streaming
/// through under the limit, unauthenticated.
fn header_only<S, B, R>(
    inner: S,
    parts: Parts,
    body: B,
    settings: &Arc<Settings>,
    rejection: &R,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    B: Body<Data = Bytes>,
    R: MakeRejection,
{
    let head = Head::of(&parts.method, &parts.uri, &parts.headers);
    let verdict = settings.verifier.start(&head).and_then(|mut pending| {
        check_declared_length(&parts.headers, settings.limit)?;
        pending.finish(&settings.verifier, &head, &[])
    });
    match verdict {
        Ok(verdict) => {
            let verified = Verified::new(settings.verifier.clone(), verdict);
            let body = RequestBody::streaming(Limited::new(body, settings.limit));
            deliver::deliver(inner, Request::from_parts(parts, body), verified, settings)
        }
        Err(error) => State::rejected(settings, rejection, error),
    }
}

impl<S, R> Reading<S, R>
where
    R: MakeRejection,
{
    /// Steps 4–6: the header checks at the first poll, then each frame hashed as it arrives,
    /// until the whole body is in (`Ok`, for [`conclude`](Self::conclude)) or refused.
    #[inline]
    pub(super) fn poll_body<B>(
        &mut self,
        mut body: Pin<&mut B>,
        deadline: &mut Deadline,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), WebhookError>>
    where
        B: Body<Data = Bytes>,
        B::Error: Into<BoxError>,
    {
        if !self.checked {
            self.checked = true;
            self.check_headers()?;
        }
        loop {
            let frame = match body.as_mut().poll_frame(cx) {
                Poll::Ready(frame) => frame,
                Poll::Pending if deadline.poll_elapsed(cx) => {
                    let timeout = self.settings.body_timeout.unwrap_or_default();
                    return Poll::Ready(Err(WebhookError::BodyTimeout { timeout }));
                }
                Poll::Pending => return Poll::Pending,
            };
            match frame {
                Some(Ok(frame)) => {
                    let Ok(data) = frame.into_data() else {
                        continue;
                    };
                    let limit = self.settings.limit;
                    if data.len() > limit - self.buffer.len() {
                        return Poll::Ready(Err(WebhookError::PayloadTooLarge { limit }));
                    }
                    self.pending.update(&data);
                    self.buffer.push(data);
                }
                Some(Err(error)) => {
                    return Poll::Ready(Err(WebhookError::BodyRead {
                        source: Arc::from(error.into()),
                    }))
                }
                None => return Poll::Ready(Ok(())),
            }
        }
    }

    /// Steps 4 and 5: every check that needs no body (signature headers, timestamp, signed
    /// headers), into `pending`; then the declared length.
    #[inline]
    fn check_headers(&mut self) -> Result<(), WebhookError> {
        let head = head_of(&self.parts);
        self.settings.verifier.begin(&head, &mut self.pending)?;
        let limit = self.settings.limit;
        let declared = check_declared_length(head.headers, limit)?;
        self.buffer = BodyBuffer::new(declared, limit);
        Ok(())
    }

    /// Step 7, the whole body is in: the verdict, then step 8 or 9.
    #[inline]
    pub(super) fn conclude<B>(&mut self) -> State<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
    {
        let body = self.buffer.finish();
        let head = head_of(&self.parts);
        let settings = &self.settings;
        match self.pending.finish(&settings.verifier, &head, &body) {
            Ok(verdict) => {
                let verified = Verified::new(settings.verifier.clone(), verdict);
                let request = Request::from_parts(
                    self.parts.take().expect("checked by head_of"),
                    RequestBody::verified(body.clone()),
                );
                let inner = self.inner.take().expect("future polled after completion");
                deliver::deliver(inner, request, verified.with_body(body), settings)
            }
            Err(error) => self.reject(error),
        }
    }

    pub(super) fn reject<B>(&self, error: WebhookError) -> State<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
    {
        State::rejected(&self.settings, &self.rejection, error)
    }
}

/// The head of a request still being read.
fn head_of(parts: &Option<Parts>) -> Head<'_> {
    let parts = parts.as_ref().expect("future polled after completion");
    Head::of(&parts.method, &parts.uri, &parts.headers)
}

/// Step 5: the declared `Content-Length` (if present once and a plain number), refused when over
/// the limit.
#[inline]
fn check_declared_length(headers: &HeaderMap, limit: usize) -> Result<Option<u64>, WebhookError> {
    let declared = content_length(headers);
    if declared.is_some_and(|len| len > limit as u64) {
        return Err(WebhookError::PayloadTooLarge { limit });
    }
    Ok(declared)
}

fn content_length(headers: &HeaderMap) -> Option<u64> {
    let mut values = headers.get_all(header::CONTENT_LENGTH).iter();
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    value.to_str().ok()?.parse().ok()
}

/// The whole-body deadline: a timer started when reading starts. Boxed, so a request without
/// a deadline (the default) carries 8 bytes rather than the timer.
#[cfg(feature = "timeout")]
pub(super) struct Deadline {
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
        use std::future::Future as _;
        match &mut self.sleep {
            Some(sleep) => sleep.as_mut().poll(cx).is_ready(),
            None => false,
        }
    }
}

/// Without the `timeout` feature there is no timer, and so no deadline.
#[cfg(not(feature = "timeout"))]
pub(super) struct Deadline;

#[cfg(not(feature = "timeout"))]
impl Deadline {
    fn new(_: &Settings) -> Self {
        Deadline
    }

    fn poll_elapsed(&mut self, _: &mut Context<'_>) -> bool {
        false
    }
}

/// The first reservation for a multi-frame body, whatever `Content-Length` declares: a
/// declaration is only a claim until that many bytes have actually arrived.
const FIRST_RESERVATION: usize = 64 * 1024;

/// The body as it arrives: a single frame is kept as it is; several are copied, once each, into
/// a buffer whose capacity never exceeds the limit.
///
/// Before authentication nothing is reserved on the strength of a declaration alone: the first
/// reservation is at most 64 KiB, and only once that much has arrived does the buffer grow to
/// the declared length (itself at most the limit), or, without one, double up to the limit.
#[derive(Debug)]
pub(crate) struct BodyBuffer {
    first: Bytes,
    rest: Vec<u8>,
    declared: Option<usize>,
    limit: usize,
}

impl BodyBuffer {
    /// `declared` is the request's `Content-Length`, if any; `limit` the layer's.
    pub(crate) fn new(declared: Option<u64>, limit: usize) -> Self {
        BodyBuffer {
            first: Bytes::new(),
            rest: Vec::new(),
            declared: declared.and_then(|len| usize::try_from(len).ok()),
            limit,
        }
    }

    /// How many bytes have arrived.
    pub(crate) fn len(&self) -> usize {
        self.first.len() + self.rest.len()
    }

    pub(crate) fn push(&mut self, data: Bytes) {
        if data.is_empty() {
            return;
        }
        if self.first.is_empty() && self.rest.is_empty() {
            self.first = data;
            return;
        }
        let first = std::mem::take(&mut self.first);
        let needed = self.rest.len() + first.len() + data.len();
        if needed > self.rest.capacity() {
            let target = self.next_capacity(needed);
            // Exact, not amortized: the capacity is what `next_capacity` says.
            self.rest.reserve_exact(target - self.rest.len());
        }
        self.rest.extend_from_slice(&first);
        self.rest.extend_from_slice(&data);
    }

    /// The capacity to grow to for `needed` bytes: never less than needed, never more than the
    /// limit (or what is needed, if more arrived through a frame that crossed it).
    fn next_capacity(&self, needed: usize) -> usize {
        let grown = if self.rest.capacity() == 0 {
            FIRST_RESERVATION
        } else {
            match self.declared {
                Some(declared) => declared,
                None => self.rest.capacity().saturating_mul(2),
            }
        };
        grown.min(self.limit).max(needed)
    }

    /// The whole body; the buffer is left empty.
    pub(crate) fn finish(&mut self) -> Bytes {
        if self.rest.is_empty() {
            std::mem::take(&mut self.first)
        } else {
            Bytes::from(std::mem::take(&mut self.rest))
        }
    }

    #[cfg(test)]
    fn capacity(&self) -> usize {
        self.rest.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_frame_is_not_copied() {
        let data = Bytes::from_static(b"hello");
        let mut buffer = BodyBuffer::new(Some(5), 10);
        buffer.push(data.clone());
        let out = buffer.finish();
        assert_eq!(out.as_ptr(), data.as_ptr());
    }

    #[test]
    fn frames_are_joined_in_order() {
        let mut buffer = BodyBuffer::new(None, 100);
        for piece in ["a", "", "bc", "def"] {
            buffer.push(Bytes::from_static(piece.as_bytes()));
        }
        assert_eq!(buffer.finish(), "abcdef");
    }

    #[test]
    fn empty_body_is_empty() {
        assert!(BodyBuffer::new(None, 10).finish().is_empty());
    }

    #[test]
    fn a_huge_declared_length_reserves_nothing_huge() {
        // Before this was bounded, a declared length under an unbounded limit was reserved up
        // front and aborted the process ("capacity overflow").
        for declared in [u64::MAX, 1 << 40, usize::MAX as u64] {
            let mut buffer = BodyBuffer::new(Some(declared), usize::MAX);
            buffer.push(Bytes::from_static(b"ab"));
            buffer.push(Bytes::from_static(b"cd"));
            assert!(buffer.capacity() <= FIRST_RESERVATION, "{declared}");
            assert_eq!(buffer.finish(), "abcd");
        }
    }

    #[test]
    fn capacity_never_exceeds_the_limit() {
        let limit = 2 * 1024 * 1024;
        let mut buffer = BodyBuffer::new(None, limit);
        let frame = Bytes::from(vec![7u8; 16 * 1024]);
        for _ in 0..limit / frame.len() {
            buffer.push(frame.clone());
            assert!(buffer.capacity() <= limit);
        }
        assert_eq!(buffer.finish().len(), limit);
    }

    #[test]
    fn a_declared_length_is_trusted_once_bytes_arrive() {
        let declared = 1024 * 1024;
        let mut buffer = BodyBuffer::new(Some(declared as u64), 2 * declared);
        let frame = Bytes::from(vec![1u8; 48 * 1024]);
        buffer.push(frame.clone());
        buffer.push(frame.clone());
        assert_eq!(buffer.capacity(), 2 * frame.len());
        buffer.push(frame);
        assert_eq!(buffer.capacity(), declared);
    }
}
