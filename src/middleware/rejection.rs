//! How a [`WebhookError`] becomes a response ([`MakeRejection`]), and at which level it is
//! logged ([`RejectionLog`]).

use crate::{middleware::response, WebhookError};
use bytes::Bytes;
use http::Response;
use http_body_util::Full;

/// Turns a [`WebhookError`] into the response sent instead of calling the inner service.
///
/// The default, [`DefaultRejection`], answers with the error's status and a JSON body. A closure
/// works too: any `Fn(&WebhookError) -> http::Response<B>`, whatever the features (with axum,
/// end it with `.into_response()`). Whatever it returns, the layer adds the error to the
/// response's extensions.
///
/// ```
/// use axum::response::IntoResponse;
/// use tower_webhook::{Scheme, VerifyWebhookLayer, WebhookError};
///
/// // Answer every rejection with a bare status and no body.
/// let layer = VerifyWebhookLayer::new(Scheme::qiscus(), "token")?
///     .on_rejection(|error: &WebhookError| error.status().into_response());
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

/// The same impl with every feature set, so enabling `axum` (by any crate in the build) never
/// changes a closure's body type.
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
