//! [`VerifyWebhookLayer`]: configuration, applied to a service.

use crate::{ConfigError, DefaultRejection, MakeRejection, Scheme, Verifier, VerifyWebhook};
use std::{time::Duration, time::SystemTime};
use tower_layer::Layer;

/// The body limit used unless configured otherwise: 2 MiB, like axum's `DefaultBodyLimit`.
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// A [`Layer`] that verifies webhook signatures before the inner service sees a request.
///
/// See the [crate docs](crate) for what happens to a request and which status answers what.
///
/// ```
/// use axum::{body::Body, routing::post, Router};
/// use http::{Request, StatusCode};
/// use tower::ServiceExt;
/// use tower_webhook::{Scheme, VerifiedWebhook, VerifyWebhookLayer};
///
/// async fn on_event(VerifiedWebhook(event): VerifiedWebhook<serde_json::Value>) -> String {
///     event["event"].to_string()
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let app = Router::new()
///     .route("/webhooks/amio", post(on_event))
///     .layer(VerifyWebhookLayer::new(Scheme::amio(), "WebhookSecret")?);
///
/// // Amio's published test vector.
/// let body = r#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#;
/// let request = Request::post("/webhooks/amio")
///     .header("X-Hub-Signature", "sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13")
///     .body(Body::from(body))?;
/// let response = app.clone().oneshot(request).await?;
/// assert_eq!(response.status(), StatusCode::OK);
///
/// let unsigned = Request::post("/webhooks/amio").body(Body::from(body))?;
/// assert_eq!(app.oneshot(unsigned).await?.status(), StatusCode::UNAUTHORIZED);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct VerifyWebhookLayer<R = DefaultRejection> {
    verifier: Verifier,
    limit: usize,
    rejection: R,
}

impl VerifyWebhookLayer {
    /// Verifies `scheme` with one secret. Fails on an inconsistent scheme or an unusable secret
    /// (empty, surrounded by whitespace, or not in the scheme's secret format).
    pub fn new(scheme: Scheme, secret: impl AsRef<[u8]>) -> Result<Self, ConfigError> {
        Verifier::new(scheme, secret).map(Self::from_verifier)
    }

    /// Verifies `scheme` against several `(id, secret)` pairs, for rotation; see
    /// [`Verifier::with_secrets`].
    pub fn with_secrets<I, Id, S>(scheme: Scheme, secrets: I) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = (Id, S)>,
        Id: Into<String>,
        S: AsRef<[u8]>,
    {
        Verifier::with_secrets(scheme, secrets).map(Self::from_verifier)
    }

    /// A layer around an existing [`Verifier`].
    pub fn from_verifier(verifier: Verifier) -> Self {
        VerifyWebhookLayer {
            verifier,
            limit: DEFAULT_BODY_LIMIT,
            rejection: DefaultRejection,
        }
    }
}

impl<R> VerifyWebhookLayer<R> {
    /// Sets the largest body accepted, in bytes. A larger `Content-Length` is answered with 413
    /// before any byte is read; a stream that grows past it, as soon as it does. The default is
    /// 2 MiB, like axum's `DefaultBodyLimit`.
    pub fn body_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Sets the replay window for schemes with a timestamp. The default is 300 seconds, applied
    /// to timestamps in the past and in the future alike.
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.verifier = self.verifier.tolerance(tolerance);
        self
    }

    /// Replaces the system clock used for the replay window, for tests.
    pub fn clock(mut self, now: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.verifier = self.verifier.clock(now);
        self
    }

    /// Builds rejection responses with `rejection` instead of the default JSON body.
    pub fn on_rejection<R2: MakeRejection>(self, rejection: R2) -> VerifyWebhookLayer<R2> {
        VerifyWebhookLayer {
            verifier: self.verifier,
            limit: self.limit,
            rejection,
        }
    }
}

impl<S, R: Clone> Layer<S> for VerifyWebhookLayer<R> {
    type Service = VerifyWebhook<S, R>;

    fn layer(&self, inner: S) -> Self::Service {
        VerifyWebhook::new(
            inner,
            self.verifier.clone(),
            self.limit,
            self.rejection.clone(),
        )
    }
}
