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
    /// The response body: the inner service's own, the rejection's, or an answer the layer
    /// writes itself.
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
        Answered { #[pin] body: Full<Bytes> },
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

    /// A response the layer writes itself (a handshake, a duplicate delivery, a store outage).
    pub(crate) fn answered(body: Full<Bytes>) -> Self {
        ResponseBody {
            kind: ResponseKind::Answered { body },
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
            ResponseKindProj::Answered { body } => {
                body.poll_frame(cx).map_err(|never| match never {})
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.kind {
            ResponseKind::Inner { body } => body.is_end_stream(),
            ResponseKind::Rejection { body } => body.is_end_stream(),
            ResponseKind::Answered { body } => body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.kind {
            ResponseKind::Inner { body } => body.size_hint(),
            ResponseKind::Rejection { body } => body.size_hint(),
            ResponseKind::Answered { body } => body.size_hint(),
        }
    }
}
