//! The bodies the layer hands on: [`RequestBody`] to the inner service, [`ResponseBody`] back.

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use http_body_util::{Full, Limited};
use pin_project_lite::pin_project;
use std::{
    pin::Pin,
    task::{Context, Poll},
};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

pin_project! {
    /// The request body the inner service receives.
    ///
    /// For a scheme that signs the body, the verified bytes exactly as received, in one frame.
    /// For a header-only scheme, the body as it arrives, still under the layer's limit and
    /// unauthenticated. For a request the layer does not verify (see
    /// [`VerifyWebhookLayer::verify_methods`](crate::VerifyWebhookLayer::verify_methods)), the
    /// original body untouched. axum's `Router`, `MethodRouter` and handlers take it as they take
    /// any body.
    #[derive(Debug)]
    pub struct RequestBody<B> {
        #[pin]
        kind: RequestKind<B>,
    }
}

pin_project! {
    #[project = RequestKindProj]
    #[derive(Debug)]
    enum RequestKind<B> {
        Verified { bytes: Option<Bytes> },
        Streaming { #[pin] body: Limited<B> },
        Unverified { #[pin] body: B },
    }
}

impl<B> RequestBody<B> {
    pub(crate) fn verified(bytes: Bytes) -> Self {
        let bytes = (!bytes.is_empty()).then_some(bytes);
        RequestBody {
            kind: RequestKind::Verified { bytes },
        }
    }

    pub(crate) fn streaming(body: Limited<B>) -> Self {
        RequestBody {
            kind: RequestKind::Streaming { body },
        }
    }

    pub(crate) fn unverified(body: B) -> Self {
        RequestBody {
            kind: RequestKind::Unverified { body },
        }
    }
}

impl<B> Body for RequestBody<B>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        match self.project().kind.project() {
            RequestKindProj::Verified { bytes } => {
                Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b))))
            }
            RequestKindProj::Streaming { body } => body.poll_frame(cx),
            RequestKindProj::Unverified { body } => body.poll_frame(cx).map_err(Into::into),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.kind {
            RequestKind::Verified { bytes } => bytes.is_none(),
            RequestKind::Streaming { body } => body.is_end_stream(),
            RequestKind::Unverified { body } => body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.kind {
            RequestKind::Verified { bytes } => {
                SizeHint::with_exact(bytes.as_ref().map_or(0, |bytes| bytes.len() as u64))
            }
            RequestKind::Streaming { body } => body.size_hint(),
            RequestKind::Unverified { body } => body.size_hint(),
        }
    }
}

pin_project! {
    /// The response body: the inner service's own, or the rejection's.
    #[derive(Debug)]
    pub struct ResponseBody<B, R> {
        #[pin]
        kind: ResponseKind<B, R>,
    }
}

pin_project! {
    #[project = ResponseKindProj]
    #[derive(Debug)]
    enum ResponseKind<B, R> {
        Inner { #[pin] body: B },
        Rejection { #[pin] body: R },
        Own { #[pin] body: Full<Bytes> },
    }
}

impl<B, R> ResponseBody<B, R> {
    pub(crate) fn inner(body: B) -> Self {
        ResponseBody {
            kind: ResponseKind::Inner { body },
        }
    }

    pub(crate) fn rejection(body: R) -> Self {
        ResponseBody {
            kind: ResponseKind::Rejection { body },
        }
    }

    /// A response the layer makes itself (a duplicate delivery, a store outage).
    pub(crate) fn own(body: Full<Bytes>) -> Self {
        ResponseBody {
            kind: ResponseKind::Own { body },
        }
    }
}

impl<B, R> Body for ResponseBody<B, R>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
    R: Body<Data = Bytes>,
    R::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        match self.project().kind.project() {
            ResponseKindProj::Inner { body } => body.poll_frame(cx).map_err(Into::into),
            ResponseKindProj::Rejection { body } => body.poll_frame(cx).map_err(Into::into),
            ResponseKindProj::Own { body } => body.poll_frame(cx).map_err(|never| match never {}),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.kind {
            ResponseKind::Inner { body } => body.is_end_stream(),
            ResponseKind::Rejection { body } => body.is_end_stream(),
            ResponseKind::Own { body } => body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.kind {
            ResponseKind::Inner { body } => body.size_hint(),
            ResponseKind::Rejection { body } => body.size_hint(),
            ResponseKind::Own { body } => body.size_hint(),
        }
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
