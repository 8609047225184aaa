//! How a [`WebhookError`] becomes a response ([`MakeRejection`]) and a log line.

use crate::WebhookError;
use bytes::Bytes;
use http::{header, HeaderValue, Response, StatusCode};
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

/// The default rejection: the error's status with `{"error": "<code>", "message": "<text>"}`.
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct DefaultRejection;

impl MakeRejection for DefaultRejection {
    type Body = Full<Bytes>;

    fn make_rejection(&self, error: &WebhookError) -> Response<Full<Bytes>> {
        default_response(error)
    }
}

/// The error's status, `Content-Type: application/json` and [`WebhookError::body_text`].
pub(crate) fn default_response(error: &WebhookError) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(error.body_text())));
    *response.status_mut() = error.status();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
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

/// Logs the rejection and builds its response, with the error in its extensions.
pub(crate) fn reject<R: MakeRejection>(
    make: &R,
    settings: &crate::layer::Settings,
    error: WebhookError,
) -> Response<R::Body> {
    log_rejection(settings.log, settings.verifier.scheme().name(), &error);
    // With tenants, every authentication failure is answered as a mismatch: which one it was
    // would tell whether the account exists and how it is configured (the log keeps it).
    let error = match error {
        error if settings.tenants.is_some() && error.status() == StatusCode::UNAUTHORIZED => {
            WebhookError::SignatureMismatch
        }
        error => error,
    };
    let mut response = make.make_rejection(&error);
    response.extensions_mut().insert(error);
    response
}

#[cfg(feature = "tracing")]
fn log_rejection(log: RejectionLog, scheme: &str, error: &WebhookError) {
    use tracing::Level;
    let level = match log {
        RejectionLog::Off => return,
        RejectionLog::At(level) => level,
        RejectionLog::ByKind if error.status() == http::StatusCode::UNAUTHORIZED => Level::WARN,
        RejectionLog::ByKind => Level::INFO,
    };
    // `tracing::event!` needs its level as a constant.
    macro_rules! event_at {
        ($($level:ident),*) => {
            $(if level == Level::$level {
                tracing::event!(
                    target: "tower_webhook::rejection",
                    Level::$level,
                    scheme,
                    code = error.code(),
                    status = error.status().as_u16(),
                    "rejected webhook: {error}",
                );
            })*
        };
    }
    event_at!(ERROR, WARN, INFO, DEBUG, TRACE);
}

#[cfg(not(feature = "tracing"))]
fn log_rejection(_: RejectionLog, _: &str, _: &WebhookError) {}
