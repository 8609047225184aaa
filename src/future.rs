//! [`ResponseFuture`]: read the body under a limit and a deadline, conclude the verification,
//! then call the inner service.

use crate::{
    body::{BodyBuffer, RequestBody, ResponseBody},
    layer::Settings,
    rejection::reject,
    verify::{Head, Pending},
    MakeRejection, WebhookError,
};
use bytes::Bytes;
use http::{request::Parts, Request, Response};
use http_body::Body;
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
        Reading {
            #[pin]
            body: Limited<B>,
            #[pin]
            deadline: Deadline,
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
    pending: Pending,
    buffer: BodyBuffer,
    inner: S,
    rejection: R,
    settings: Settings,
}

impl<S, B, R> ResponseFuture<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    pub(crate) fn rejected(response: Response<R::Body>) -> Self {
        ResponseFuture {
            state: State::Rejected {
                response: Some(response),
            },
        }
    }

    pub(crate) fn calling(mut inner: S, request: Request<RequestBody<B>>) -> Self {
        ResponseFuture {
            state: State::Calling {
                future: inner.call(request),
            },
        }
    }

    pub(crate) fn reading(
        body: Limited<B>,
        parts: Parts,
        pending: Pending,
        buffer: BodyBuffer,
        inner: S,
        rejection: R,
        settings: Settings,
    ) -> Self {
        ResponseFuture {
            state: State::Reading {
                body,
                deadline: Deadline::new(&settings),
                reading: Some(Reading {
                    parts,
                    pending,
                    buffer,
                    inner,
                    rejection,
                    settings,
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
        loop {
            let next = match state.as_mut().project() {
                StateProj::Rejected { response } => {
                    let response = response.take().expect("future polled after completion");
                    return Poll::Ready(Ok(response.map(ResponseBody::rejection)));
                }
                StateProj::Calling { future } => {
                    let response = ready!(future.poll(cx))?;
                    return Poll::Ready(Ok(response.map(ResponseBody::inner)));
                }
                StateProj::Reading {
                    body,
                    deadline,
                    reading,
                } => {
                    let frame = match body.poll_frame(cx) {
                        Poll::Ready(frame) => frame,
                        Poll::Pending if deadline.poll_elapsed(cx) => {
                            let done = reading.take().expect("future polled after completion");
                            let error = WebhookError::BodyTimeout {
                                timeout: done.settings.body_timeout.unwrap_or_default(),
                            };
                            state.set(done.reject(error));
                            continue;
                        }
                        Poll::Pending => return Poll::Pending,
                    };
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
                                WebhookError::PayloadTooLarge {
                                    limit: done.settings.limit,
                                }
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
    R: MakeRejection,
{
    /// The whole body is in: the verdict, then the inner service or a rejection.
    fn conclude<B>(self) -> State<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
    {
        let Reading {
            mut parts,
            pending,
            buffer,
            mut inner,
            rejection,
            settings,
        } = self;
        let body = buffer.finish();
        let head = Head::of(&parts.method, &parts.uri, &parts.headers);
        match pending.finish(&settings.verifier, &head, &body) {
            Ok(verified) => {
                parts.extensions.insert(verified.with_body(body.clone()));
                let request = Request::from_parts(parts, RequestBody::verified(body));
                State::Calling {
                    future: inner.call(request),
                }
            }
            Err(error) => State::Rejected {
                response: Some(reject(
                    &rejection,
                    settings.log,
                    settings.verifier.scheme().name(),
                    error,
                )),
            },
        }
    }

    fn reject<B>(self, error: WebhookError) -> State<S, B, R>
    where
        S: Service<Request<RequestBody<B>>>,
    {
        let scheme = self.settings.verifier.scheme().name();
        State::Rejected {
            response: Some(reject(&self.rejection, self.settings.log, scheme, error)),
        }
    }
}

#[cfg(feature = "timeout")]
pin_project! {
    /// The whole-body deadline: a timer started when reading starts.
    struct Deadline {
        #[pin]
        sleep: Option<tokio::time::Sleep>,
    }
}

#[cfg(feature = "timeout")]
impl Deadline {
    fn new(settings: &Settings) -> Self {
        Deadline {
            sleep: settings.body_timeout.map(tokio::time::sleep),
        }
    }

    /// Whether the deadline has passed; if not, the task is woken when it does.
    fn poll_elapsed(self: Pin<&mut Self>, cx: &mut Context<'_>) -> bool {
        match self.project().sleep.as_pin_mut() {
            Some(sleep) => sleep.poll(cx).is_ready(),
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

    fn poll_elapsed(self: Pin<&mut Self>, _: &mut Context<'_>) -> bool {
        false
    }
}
