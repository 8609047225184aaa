//! How a [`WebhookError`] becomes a response: [`MakeRejection`].

use crate::WebhookError;
use axum::response::{IntoResponse, Response};

/// Turns a [`WebhookError`] into the response sent instead of calling the inner service.
///
/// The default, [`DefaultRejection`], answers with the error's status and JSON body. Any
/// `Fn(&WebhookError) -> Response + Clone` works too. Whatever it returns, the layer adds the error
/// to the response's extensions.
///
/// ```
/// use axum::response::{IntoResponse, Response};
/// use http::StatusCode;
/// use tower_webhook::{Scheme, VerifyWebhookLayer, WebhookError};
///
/// // Answer every rejection with a bare status and no body.
/// let layer = VerifyWebhookLayer::new(Scheme::qiscus(), "token")?
///     .on_rejection(|error: &WebhookError| error.status().into_response());
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
pub trait MakeRejection: Clone {
    /// Builds the response for `error`.
    fn make_rejection(&self, error: &WebhookError) -> Response;
}

/// The default rejection: the error's status with `{"error": "<code>", "message": "<text>"}`.
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct DefaultRejection;

impl MakeRejection for DefaultRejection {
    fn make_rejection(&self, error: &WebhookError) -> Response {
        error.clone().into_response()
    }
}

impl<F> MakeRejection for F
where
    F: Fn(&WebhookError) -> Response + Clone,
{
    fn make_rejection(&self, error: &WebhookError) -> Response {
        self(error)
    }
}

/// Logs the rejection and builds its response, with the error in its extensions.
pub(crate) fn reject<R: MakeRejection>(make: &R, scheme: &str, error: WebhookError) -> Response {
    tracing::debug!(
        target: "tower_webhook::rejection",
        scheme,
        code = error.code(),
        status = error.status().as_u16(),
        "rejected webhook: {error}",
    );
    let mut response = make.make_rejection(&error);
    response.extensions_mut().insert(error);
    response
}
