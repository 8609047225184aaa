//! [`ResponseFuture`]: reads the body, concludes the verification, then calls the inner service.

use crate::{
    body_buffer::BodyBuffer, rejection::reject, MakeRejection, PendingVerification, WebhookError,
};
use axum::body::Body;
use bytes::Bytes;
use http::{request::Parts, Request, Response};
use http_body::Body as HttpBody;
use http_body_util::{LengthLimitError, Limited};
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
        S: Service<Request<Body>>,
    {
        #[pin]
        state: State<S, B, R>,
    }
}

pin_project! {
    #[project = StateProj]
    enum State<S, B, R>
    where
        S: Service<Request<Body>>,
    {
        Rejected { response: Option<Response<Body>> },
        Reading {
            #[pin]
            body: Limited<B>,
            reading: Option<Reading<S, R>>,
        },
        Calling {
            #[pin]
            future: S::Future,
        },
    }
}

/// What the reading state owns until the body is complete.
struct Reading<S, R> {
    parts: Parts,
    pending: PendingVerification,
    buffer: BodyBuffer,
    inner: S,
    rejection: R,
    limit: usize,
}

impl<S, B, R> ResponseFuture<S, B, R>
where
    S: Service<Request<Body>>,
{
    pub(crate) fn rejected(response: Response<Body>) -> Self {
        ResponseFuture {
            state: State::Rejected {
                response: Some(response),
            },
        }
    }

    pub(crate) fn calling(mut inner: S, request: Request<Body>) -> Self {
        ResponseFuture {
            state: State::Calling {
                future: inner.call(request),
            },
        }
    }

    pub(crate) fn reading(
        body: Limited<B>,
        parts: Parts,
        pending: PendingVerification,
        expected_len: usize,
        inner: S,
        rejection: R,
        limit: usize,
    ) -> Self {
        ResponseFuture {
            state: State::Reading {
                body,
                reading: Some(Reading {
                    parts,
                    pending,
                    buffer: BodyBuffer::new(expected_len),
                    inner,
                    rejection,
                    limit,
                }),
            },
        }
    }
}

impl<S, B, R, ResBody> Future for ResponseFuture<S, B, R>
where
    S: Service<Request<Body>, Response = Response<ResBody>>,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
    B: HttpBody<Data = Bytes>,
    B::Error: Into<BoxError>,
    R: MakeRejection,
{
    type Output = Result<Response<Body>, S::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.project().state;
        loop {
            let next = match state.as_mut().project() {
                StateProj::Rejected { response } => {
                    let response = response.take().expect("future polled after completion");
                    return Poll::Ready(Ok(response));
                }
                StateProj::Calling { future } => {
                    let response = ready!(future.poll(cx))?;
                    return Poll::Ready(Ok(response.map(Body::new)));
                }
                StateProj::Reading { body, reading } => {
                    let frame = ready!(body.poll_frame(cx));
                    let progress = reading.as_mut().expect("future polled after completion");
                    match frame {
                        Some(Ok(frame)) => {
                            if let Ok(data) = frame.into_data() {
                                progress.pending.update(&data);
                                progress.buffer.push(data);
                            }
                            continue;
                        }
                        Some(Err(error)) => {
                            let done = reading.take().expect("checked above");
                            let error = if error.is::<LengthLimitError>() {
                                WebhookError::PayloadTooLarge { limit: done.limit }
                            } else {
                                WebhookError::BodyRead {
                                    source: Arc::from(error),
                                }
                            };
                            done.reject(error)
                        }
                        None => reading.take().expect("checked above").conclude(),
                    }
                }
            };
            state.set(next);
        }
    }
}

impl<S, R> Reading<S, R>
where
    S: Service<Request<Body>>,
    R: MakeRejection,
{
    /// The whole body is in: the verdict, then the inner service or a rejection.
    fn conclude<B>(self) -> State<S, B, R> {
        let Reading {
            mut parts,
            pending,
            buffer,
            mut inner,
            rejection,
            ..
        } = self;
        let body = buffer.finish();
        match pending.conclude(&parts.headers, &body) {
            Ok(verified) => {
                parts.extensions.insert(verified.with_body(body.clone()));
                let request = Request::from_parts(parts, Body::from(body));
                State::Calling {
                    future: inner.call(request),
                }
            }
            Err((error, verifier)) => State::Rejected {
                response: Some(reject(&rejection, verifier.scheme().name(), error)),
            },
        }
    }

    fn reject<B>(self, error: WebhookError) -> State<S, B, R> {
        let scheme = self.pending.scheme_name();
        State::Rejected {
            response: Some(reject(&self.rejection, scheme, error)),
        }
    }
}
