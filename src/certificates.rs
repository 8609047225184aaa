//! Certificates fetched from the URL a request names (PayPal's `PAYPAL-CERT-URL`), only from
//! allowed places, once: [`CertificateSource`], a [`TenantSource`] keyed by that URL.
//!
//! The crate does not bring an HTTP client: give it the fetch (your client, with TLS), and it
//! enforces the allow-list, a size cap, bounds on fetching, and, through
//! [`Tenants`](crate::tenant::Tenants), a cache.
//!
//! The URL comes from a request nobody has authenticated yet, so:
//! - only URLs of the provider's shape are fetched: an allowed prefix (ending in `/`) followed
//!   by one file name of letters, digits, `.`, `_` and `-` (not `.` or `..`), with no
//!   percent-escape, query or fragment; anything else is an unknown key, refused like a wrong
//!   signature and never fetched;
//! - fetches are bounded: at most 4 at a time and 30 a minute (a burst of requests naming new
//!   URLs is answered 503, so the provider retries), and a URL whose fetch failed is not fetched
//!   again for 60 s (answered 503 meanwhile).
//!
//! ```
//! use tower_webhook::{
//!     certificates::CertificateSource,
//!     tenant::{TenantKey, Tenants},
//!     Scheme, Verifier, VerifyWebhookLayer,
//! };
//!
//! let source = CertificateSource::new(
//!     |certificate| Verifier::new(Scheme::paypal("4JH86294D6297924G"), certificate),
//!     ["https://api.paypal.com/v1/notifications/certs/", "https://api-m.paypal.com/v1/notifications/certs/"],
//!     |url: String| async move {
//!         // Your HTTPS client here, e.g. reqwest::get(url).await?.bytes().await
//!         Err::<Vec<u8>, _>(format!("no client to fetch {url}"))
//!     },
//! );
//! let layer = VerifyWebhookLayer::for_tenants(
//!     Scheme::paypal("4JH86294D6297924G"),
//!     Tenants::new(source, TenantKey::header("PAYPAL-CERT-URL")?)
//!         .cache_for(std::time::Duration::from_secs(24 * 3600)),
//! )?;
//! # Ok::<(), tower_webhook::ConfigError>(())
//! ```

use crate::{
    dedup::StoreError,
    tenant::{TenantSource, VerifierFuture},
    ConfigError, Verifier,
};
use std::{
    collections::HashMap,
    future::Future,
    pin::Pin,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

/// The largest certificate accepted, in bytes.
const MAX_CERTIFICATE_LEN: usize = 16 * 1024;

type Fetch = Arc<
    dyn Fn(String) -> Pin<Box<dyn Future<Output = Result<Vec<u8>, String>> + Send>> + Send + Sync,
>;

/// Verifiers built from certificates fetched from allowed URLs.
#[derive(Clone)]
pub struct CertificateSource {
    build: Arc<dyn Fn(Vec<u8>) -> Result<Verifier, ConfigError> + Send + Sync>,
    allowed: Arc<[String]>,
    fetch: Fetch,
    max_in_flight: usize,
    per_minute: u32,
    retry_after: Duration,
    limits: Arc<Limits>,
}

/// The fetches made for unauthenticated requests, so far.
#[derive(Default)]
struct Limits {
    in_flight: AtomicUsize,
    /// The current minute's start and the fetches started in it.
    minute: Mutex<Option<(Instant, u32)>>,
    /// URLs whose fetch failed, and when.
    failed: Mutex<HashMap<String, Instant>>,
}

impl Limits {
    /// Most failed URLs remembered; the oldest half is forgotten past it.
    const MAX_FAILED: usize = 1024;

    /// Why `url` may not be fetched now under `source`'s bounds, if it may not.
    fn refuse(&self, source: &CertificateSource, url: &str) -> Option<&'static str> {
        let now = Instant::now();
        let failed = lock(&self.failed)
            .get(url)
            .is_some_and(|at| now.duration_since(*at) < source.retry_after);
        if failed {
            return Some("this certificate URL failed to fetch recently");
        }
        let mut minute = lock(&self.minute);
        let (start, started) = minute.get_or_insert((now, 0));
        if now.duration_since(*start) >= Duration::from_secs(60) {
            (*start, *started) = (now, 0);
        }
        if *started >= source.per_minute {
            return Some("too many certificate fetches this minute");
        }
        // Counted in flight here, at once: the caller's `InFlight` gives it back.
        let counted = self
            .in_flight
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < source.max_in_flight).then_some(n + 1)
            });
        if counted.is_err() {
            return Some("too many certificate fetches in flight");
        }
        *started += 1;
        None
    }

    fn failed(&self, url: String, retry_after: Duration) {
        let now = Instant::now();
        let mut failed = lock(&self.failed);
        if failed.len() >= Self::MAX_FAILED {
            failed.retain(|_, at| now.duration_since(*at) < retry_after);
            if failed.len() >= Self::MAX_FAILED {
                failed.clear();
            }
        }
        failed.insert(url, now);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}

/// One fetch in flight, counted by [`Limits::refuse`] until it ends or is dropped.
struct InFlight(Arc<Limits>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

impl CertificateSource {
    /// Verifiers made by `build` from certificates fetched with `fetch`, only from URLs that are
    /// one of `allowed` (such as `"https://api.paypal.com/v1/notifications/certs/"`; a `/` is
    /// added to a prefix that does not end with one) followed by a file name (see the
    /// [module docs](self)).
    pub fn new<F, Fut, E>(
        build: impl Fn(Vec<u8>) -> Result<Verifier, ConfigError> + Send + Sync + 'static,
        allowed: impl IntoIterator<Item = impl Into<String>>,
        fetch: F,
    ) -> Self
    where
        F: Fn(String) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Vec<u8>, E>> + Send + 'static,
        E: std::fmt::Display,
    {
        let fetch = Arc::new(fetch);
        let directory = |prefix: String| match prefix.ends_with('/') {
            true => prefix,
            false => prefix + "/",
        };
        CertificateSource {
            build: Arc::new(build),
            allowed: allowed
                .into_iter()
                .map(|prefix| directory(prefix.into()))
                .collect(),
            fetch: Arc::new(move |url| {
                let future = fetch(url);
                Box::pin(async move { future.await.map_err(|error| error.to_string()) })
            }),
            max_in_flight: 4,
            per_minute: 30,
            retry_after: Duration::from_secs(60),
            limits: Arc::default(),
        }
    }

    /// Sets how many fetches may run at once, and how many may start in a minute; past either,
    /// a request naming a URL not yet cached is answered 503. The defaults are 4 and 30.
    #[must_use]
    pub fn max_fetches(mut self, at_once: usize, per_minute: u32) -> Self {
        self.max_in_flight = at_once;
        self.per_minute = per_minute;
        self
    }

    /// Sets how long a URL whose fetch failed is not fetched again (its requests are answered
    /// 503 meanwhile). The default is 60 seconds.
    #[must_use]
    pub fn retry_failed_after(mut self, wait: Duration) -> Self {
        self.retry_after = wait;
        self
    }

    /// Whether `url` may be fetched: an allowed prefix followed by one file name.
    fn allows(&self, url: &str) -> bool {
        self.allowed.iter().any(|prefix| {
            url.strip_prefix(prefix.as_str())
                .is_some_and(is_certificate_name)
        })
    }
}

/// Whether `name` is a plain file name: 1 to 200 letters, digits, `.`, `_` or `-`, and not a
/// dot segment. No percent-escape (`%2e%2e` is `..` to a URL parser), slash, query or fragment
/// can pass.
fn is_certificate_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && name != "."
        && name != ".."
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"._-".contains(&byte))
}

impl std::fmt::Debug for CertificateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateSource")
            .field("allowed", &self.allowed)
            .field("max_in_flight", &self.max_in_flight)
            .field("per_minute", &self.per_minute)
            .field("retry_after", &self.retry_after)
            .finish_non_exhaustive()
    }
}

impl TenantSource for CertificateSource {
    fn verifier(&self, url: &str) -> VerifierFuture {
        if !self.allows(url) {
            // Not a place the provider's certificates come from: an unknown key.
            return Box::pin(async { Ok(None) });
        }
        if let Some(reason) = self.limits.refuse(self, url) {
            return Box::pin(async move { Err(StoreError::new(reason)) });
        }
        let in_flight = InFlight(Arc::clone(&self.limits));
        let fetching = (self.fetch)(url.to_owned());
        let build = self.build.clone();
        let (url, retry_after) = (url.to_owned(), self.retry_after);
        Box::pin(async move {
            let fetched = fetching.await;
            let limits = Arc::clone(&in_flight.0);
            drop(in_flight);
            let certificate = match fetched {
                Ok(certificate) => certificate,
                Err(error) => {
                    limits.failed(url, retry_after);
                    return Err(StoreError::new(error));
                }
            };
            if certificate.len() > MAX_CERTIFICATE_LEN {
                return Ok(None);
            }
            // A certificate that does not parse is no key: refused like a wrong signature.
            Ok(build(certificate).ok())
        })
    }
}
