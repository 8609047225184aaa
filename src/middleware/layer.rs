//! [`VerifyWebhookLayer`]: the builder, every default stated.

use super::{
    settings::Settings, DefaultRejection, MakeRejection, RejectionLog, VerifyMethods, VerifyWebhook,
};
use crate::{
    dedup::Deduplicate, handshake::Handshake, tenant::Tenants, ConfigError, Scheme, Verifier,
};
use std::{sync::Arc, time::Duration, time::SystemTime};
use tower_layer::Layer;

/// The body limit used unless configured otherwise: 2 MiB, like axum's `DefaultBodyLimit`.
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// A [`Layer`] that verifies webhook signatures before the inner service sees a request.
///
/// Put it on the routes that receive webhooks, with `MethodRouter::layer` or
/// `Router::route_layer`, so that other paths still answer 404 and other methods 405. See the
/// [crate docs](crate) for what happens to a request and which status answers what.
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
/// let app = Router::new().route(
///     "/webhooks/amio",
///     post(on_event).layer(VerifyWebhookLayer::new(Scheme::amio(), "WebhookSecret")?),
/// );
///
/// // Amio's published test vector.
/// let body = r#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#;
/// let request = Request::post("/webhooks/amio")
///     .header("X-Hub-Signature", "sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13")
///     .body(Body::from(body))?;
/// assert_eq!(app.clone().oneshot(request).await?.status(), StatusCode::OK);
///
/// let unsigned = Request::post("/webhooks/amio").body(Body::from(body))?;
/// assert_eq!(app.clone().oneshot(unsigned).await?.status(), StatusCode::UNAUTHORIZED);
///
/// // The router still answers what is not a webhook.
/// let get = Request::get("/webhooks/amio").body(Body::empty())?;
/// assert_eq!(app.oneshot(get).await?.status(), StatusCode::METHOD_NOT_ALLOWED);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct VerifyWebhookLayer<R = DefaultRejection> {
    /// Shared with every service the layer makes: `Router::layer` may apply the layer for each
    /// request (a `Router` never given `with_state`), so applying it costs a reference count.
    settings: Arc<Settings>,
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

    /// Verifies each request with its tenant's secrets (see [`tenant`](crate::tenant)): a
    /// platform receiving from many accounts. `scheme` is the tenants' scheme, used for the
    /// decoy that unknown tenants meet.
    pub fn for_tenants(scheme: Scheme, tenants: Tenants) -> Result<Self, ConfigError> {
        let mut layer = Self::from_verifier(crate::tenant::decoy(scheme)?);
        Arc::make_mut(&mut layer.settings).tenants = Some(tenants);
        Ok(layer)
    }

    /// A layer around an existing [`Verifier`].
    pub fn from_verifier(verifier: Verifier) -> Self {
        VerifyWebhookLayer {
            settings: Arc::new(Settings {
                verifier,
                limit: DEFAULT_BODY_LIMIT,
                methods: VerifyMethods::default(),
                log: RejectionLog::ByKind,
                body_timeout: None,
                dedup: None,
                handshakes: Arc::new([]),
                tenants: None,
            }),
            rejection: DefaultRejection,
        }
    }
}

impl<R> VerifyWebhookLayer<R> {
    /// Sets the largest body accepted, in bytes. A larger `Content-Length` is answered with 413
    /// before any byte is read; a stream that grows past it, as soon as it does. At most about
    /// this much is buffered per request. The default is 2 MiB, like axum's `DefaultBodyLimit`.
    pub fn body_limit(mut self, limit: usize) -> Self {
        Arc::make_mut(&mut self.settings).limit = limit;
        self
    }

    /// Sets the deadline for the whole body, counted from when the layer starts reading it; a
    /// body still incomplete then is answered 408 `body_timeout`. Unlike a per-frame idle
    /// timeout (tower-http's `RequestBodyTimeoutLayer`), it also stops a client that trickles a
    /// byte at a time. The default is none, because the timer needs a tokio runtime with its
    /// time driver enabled (as `#[tokio::main]` and `axum::serve` have): set one, such as 10
    /// seconds, in any server that faces the internet. `None` turns it off again.
    #[cfg(feature = "timeout")]
    pub fn body_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        Arc::make_mut(&mut self.settings).body_timeout = timeout.into();
        self
    }

    /// Handles each delivery once: after verification, claims its id in `store` and answers a
    /// duplicate without calling the inner service (see [`dedup`](crate::dedup)). Takes a
    /// [`DedupStore`](crate::dedup::DedupStore) such as
    /// [`MemoryStore`](crate::dedup::MemoryStore), or a [`Deduplicate`] with other settings. The
    /// default is no deduplication.
    ///
    /// A claim whose handler panicked or whose future was dropped is released on the tokio
    /// runtime (the `tokio` feature, on by default) when the store does not finish at once.
    /// Without it, such a claim waits for its lease to expire: the provider's retries are
    /// answered 409 until then, and handled after.
    pub fn deduplicate(mut self, dedup: impl Into<Deduplicate>) -> Self {
        Arc::make_mut(&mut self.settings).dedup = Some(dedup.into());
        self
    }

    /// Answers `handshake`, a provider's endpoint check, in the layer (see
    /// [`handshake`](crate::handshake)). Call it once per check the route must answer. The
    /// default is none.
    pub fn handshake(mut self, handshake: impl Handshake) -> Self {
        let mut handshakes = self.settings.handshakes.to_vec();
        handshakes.push(Arc::new(handshake));
        Arc::make_mut(&mut self.settings).handshakes = handshakes.into();
        self
    }

    /// Sets which requests are verified. The default, [`VerifyMethods::AllButSafe`], passes
    /// GET, HEAD, OPTIONS and TRACE on unverified.
    pub fn verify_methods(mut self, methods: VerifyMethods) -> Self {
        Arc::make_mut(&mut self.settings).methods = methods;
        self
    }

    /// Sets the replay window for schemes with a timestamp. The default is 300 seconds, applied
    /// to timestamps in the past and in the future alike.
    ///
    /// With [`for_tenants`](Self::for_tenants) it applies to every tenant's verifier too.
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        let settings = Arc::make_mut(&mut self.settings);
        settings.verifier = settings.verifier.clone().tolerance(tolerance);
        if let Some(tenants) = &mut settings.tenants {
            tenants.tolerance = Some(tolerance);
        }
        self
    }

    /// Replaces the system clock used for the replay window, for tests. With
    /// [`for_tenants`](Self::for_tenants) it applies to every tenant's verifier too.
    pub fn clock(mut self, now: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        let now: Arc<dyn Fn() -> SystemTime + Send + Sync> = Arc::new(now);
        let settings = Arc::make_mut(&mut self.settings);
        let clock = Arc::clone(&now);
        settings.verifier = settings.verifier.clone().clock(move || clock());
        if let Some(tenants) = &mut settings.tenants {
            tenants.clock = Some(now);
        }
        self
    }

    /// Sets how rejections are logged (target `tower_webhook::rejection`). The default,
    /// [`RejectionLog::ByKind`], logs authentication failures at `WARN` and body problems at
    /// `INFO`.
    pub fn log_rejections_at(mut self, log: RejectionLog) -> Self {
        Arc::make_mut(&mut self.settings).log = log;
        self
    }

    /// Builds rejection responses with `rejection` instead of the default JSON body.
    pub fn on_rejection<R2: MakeRejection>(self, rejection: R2) -> VerifyWebhookLayer<R2> {
        VerifyWebhookLayer {
            settings: self.settings,
            rejection,
        }
    }
}

impl<S, R: Clone> Layer<S> for VerifyWebhookLayer<R> {
    type Service = VerifyWebhook<S, R>;

    fn layer(&self, inner: S) -> Self::Service {
        VerifyWebhook::new(inner, Arc::clone(&self.settings), self.rejection.clone())
    }
}
