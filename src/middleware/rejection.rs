//! How a [`WebhookError`] becomes a response ([`MakeRejection`]), and at which level it is
//! logged ([`RejectionLog`]).

use crate::{middleware::response, WebhookError};
use bytes::Bytes;
use http::Response;
use http_body_util::Full;

/// Turns a [`WebhookError`] into the response sent instead of calling the inner service.
///
/// The default, [`DefaultRejection`], answers with the error's status and a JSON body. A closure
/// works too: with the `axum` feature, any `Fn(&WebhookError) -> impl IntoResponse`; without it,
/// any `Fn(&WebhookError) -> http::Response<B>`. Whatever it returns, the layer adds the error to
/// the response's extensions.
///
/// ```
/// use axum::response::IntoResponse;
/// use http::StatusCode;
/// use tower_webhook::{Scheme, VerifyWebhookLayer, WebhookError};
///
/// // Answer every rejection with a bare status and no body.
/// let layer = VerifyWebhookLayer::new(Scheme::qiscus(), "token")?
///     .on_rejection(|error: &WebhookError| error.status());
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
pub trait MakeRejection: Clone {
    /// The body of the rejection responses.
    type Body;

    /// Builds the response for `error`.
    fn make_rejection(&self, error: &WebhookError) -> Response<Self::Body>;
}

/// The default rejection: the error's status with `{"error": "<code>", "message": "<text>"}`,
/// the [one format](crate::middleware#responses) of every response the layer writes.
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct DefaultRejection;

impl MakeRejection for DefaultRejection {
    type Body = Full<Bytes>;

    fn make_rejection(&self, error: &WebhookError) -> Response<Full<Bytes>> {
        response::rejection(error)
    }
}

#[cfg(feature = "axum")]
impl<F, T> MakeRejection for F
where
    F: Fn(&WebhookError) -> T + Clone,
    T: axum::response::IntoResponse,
{
    type Body = axum::body::Body;

    fn make_rejection(&self, error: &WebhookError) -> axum::response::Response {
        self(error).into_response()
    }
}

#[cfg(not(feature = "axum"))]
impl<F, B> MakeRejection for F
where
    F: Fn(&WebhookError) -> Response<B> + Clone,
{
    type Body = B;

    fn make_rejection(&self, error: &WebhookError) -> Response<B> {
        self(error)
    }
}

/// The level rejections are logged at, set with
/// [`VerifyWebhookLayer::log_rejections_at`](crate::VerifyWebhookLayer::log_rejections_at).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RejectionLog {
    /// Authentication failures (401) at `WARN`, so a flood of bad signatures shows under an
    /// `info` filter; body problems (400, 408, 413) at `INFO`. The default.
    ByKind,
    /// Every rejection at this level.
    #[cfg(feature = "tracing")]
    At(tracing::Level),
    /// No log line.
    Off,
}
