//! A hand-written tower layer with the shape of a body-verifying one, verifying nothing: the
//! floor for that shape, for `benches/verify.rs` and `harness/src/bin/profile.rs`.

use bytes::Bytes;
use http::Request;
use http_body_util::{BodyExt as _, Full};
use std::{
    pin::Pin,
    task::{ready, Context, Poll},
};
use tower::Service;

/// What the buffering layers insert: the bytes they read, as `Verified` carries them.
#[derive(Clone)]
pub(crate) struct BufferedBody(#[allow(dead_code)] pub(crate) Bytes);

/// A hand-written tower layer with the shape of a body-verifying one, verifying nothing: the
/// floor for that shape. It keeps a clone of the inner service, reads the whole body, inserts one
/// extension and calls the inner service, with an unboxed future and the response passed
/// through as it is.
#[derive(Clone)]
pub(crate) struct BufferingLayer;

impl<S> tower::Layer<S> for BufferingLayer {
    type Service = Buffering<S>;

    fn layer(&self, inner: S) -> Buffering<S> {
        Buffering { inner }
    }
}

#[derive(Clone)]
pub(crate) struct Buffering<S> {
    inner: S,
}

impl<S, B> Service<Request<B>> for Buffering<S>
where
    S: Service<Request<Full<Bytes>>> + Clone,
    B: http_body::Body<Data = Bytes>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = BufferingFuture<S, B>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let (parts, body) = request.into_parts();
        BufferingFuture::Reading {
            collect: body.collect(),
            parts: Some(parts),
            inner: Some(inner),
        }
    }
}

pin_project_lite::pin_project! {
    #[project = BufferingProj]
    pub(crate) enum BufferingFuture<S, B>
    where
        S: Service<Request<Full<Bytes>>>,
        B: http_body::Body,
    {
        Reading {
            #[pin]
            collect: http_body_util::combinators::Collect<B>,
            parts: Option<http::request::Parts>,
            inner: Option<S>,
        },
        Calling { #[pin] future: S::Future },
    }
}

impl<S, B> std::future::Future for BufferingFuture<S, B>
where
    S: Service<Request<Full<Bytes>>>,
    B: http_body::Body<Data = Bytes>,
{
    type Output = Result<S::Response, S::Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        loop {
            let future = match self.as_mut().project() {
                BufferingProj::Reading {
                    collect,
                    parts,
                    inner,
                } => {
                    let Ok(collected) = ready!(collect.poll(cx)) else {
                        panic!("the bench's bodies do not fail")
                    };
                    let bytes = collected.to_bytes();
                    let mut parts = parts.take().unwrap();
                    parts.extensions.insert(BufferedBody(bytes.clone()));
                    let request = Request::from_parts(parts, Full::new(bytes));
                    inner.take().unwrap().call(request)
                }
                BufferingProj::Calling { future } => return future.poll(cx),
            };
            self.set(BufferingFuture::Calling { future });
        }
    }
}
