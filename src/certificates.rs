//! Certificates fetched from the URL a request names (PayPal's `PAYPAL-CERT-URL`), only from
//! allowed places, once: [`CertificateSource`], a [`TenantSource`] keyed by that URL.
//!
//! The crate does not bring an HTTP client: give it the fetch (your client, with TLS), and it
//! enforces the allow-list (URL prefixes; anything else is an unknown key, refused like a wrong
//! signature), a size cap, and, through [`Tenants`](crate::tenant::Tenants), a cache.
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
//!     Tenants::new(source, TenantKey::header("PAYPAL-CERT-URL"))
//!         .cache_for(std::time::Duration::from_secs(24 * 3600)),
//! )?;
//! # Ok::<(), tower_webhook::ConfigError>(())
//! ```

use crate::{
    dedup::StoreError,
    tenant::{TenantSource, VerifierFuture},
    ConfigError, Verifier,
};
use std::{future::Future, pin::Pin, sync::Arc};

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
}

impl CertificateSource {
    /// Verifiers made by `build` from certificates fetched with `fetch`, only from URLs
    /// starting with one of `allowed` (such as `"https://api.paypal.com/v1/notifications/certs/"`).
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
        CertificateSource {
            build: Arc::new(build),
            allowed: allowed.into_iter().map(Into::into).collect(),
            fetch: Arc::new(move |url| {
                let future = fetch(url);
                Box::pin(async move { future.await.map_err(|error| error.to_string()) })
            }),
        }
    }

    /// Whether `url` may be fetched: it starts with an allowed prefix and has no `..`, `@`, or
    /// anything but visible ASCII.
    fn allows(&self, url: &str) -> bool {
        url.bytes().all(|byte| byte.is_ascii_graphic())
            && !url.contains("..")
            && !url.contains('@')
            && self
                .allowed
                .iter()
                .any(|prefix| url.starts_with(prefix.as_str()))
    }
}

impl std::fmt::Debug for CertificateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateSource")
            .field("allowed", &self.allowed)
            .finish_non_exhaustive()
    }
}

impl TenantSource for CertificateSource {
    fn verifier(&self, url: &str) -> VerifierFuture {
        if !self.allows(url) {
            // Not a place the provider's certificates come from: an unknown key.
            return Box::pin(async { Ok(None) });
        }
        let fetching = (self.fetch)(url.to_owned());
        let build = self.build.clone();
        Box::pin(async move {
            let certificate = fetching.await.map_err(StoreError::new)?;
            if certificate.len() > MAX_CERTIFICATE_LEN {
                return Ok(None);
            }
            // A certificate that does not parse is no key: refused like a wrong signature.
            Ok(build(certificate).ok())
        })
    }
}
