//! Secrets resolved per request, for platforms that receive from many accounts:
//! [`Tenants`] and the [`TenantSource`] behind it.
//!
//! The request names its tenant (a header such as the registration API's `AccountId`, a path
//! segment, a query parameter); the source gives that tenant's [`Verifier`] (its scheme and its
//! secrets, several during a rotation); the layer caches it for a while and verifies as usual.
//! An unknown tenant is verified against a random key the layer made at start, so it gets the
//! same 401 `signature_mismatch`, after the same work, as a wrong signature: nothing tells
//! tenants that exist from those that do not.
//!
//! ```
//! use std::collections::HashMap;
//! use tower_webhook::{
//!     tenant::{TenantKey, TenantSource, Tenants, VerifierFuture},
//!     Scheme, Verifier, VerifyWebhookLayer,
//! };
//!
//! struct Accounts(HashMap<String, String>);
//!
//! impl TenantSource for Accounts {
//!     fn verifier(&self, tenant: &str) -> VerifierFuture {
//!         let found = self.0.get(tenant).map(|secret| Verifier::new(Scheme::hubpay(), secret));
//!         Box::pin(async move { Ok(found.transpose().ok().flatten()) })
//!     }
//! }
//!
//! let accounts = Accounts(HashMap::from([("acct-1".to_owned(), "shared-key-1".to_owned())]));
//! let layer = VerifyWebhookLayer::for_tenants(
//!     Scheme::hubpay(),
//!     Tenants::new(accounts, TenantKey::header("AccountId")?),
//! )?;
//! # Ok::<(), tower_webhook::ConfigError>(())
//! ```

use crate::{dedup::StoreError, ConfigError, Scheme, Verifier};
use http::{request::Parts, HeaderName};
use std::{
    collections::{HashMap, VecDeque},
    fmt,
    future::Future,
    pin::Pin,
    sync::{Arc, Mutex},
    time::{Duration, Instant, SystemTime},
};

/// A tenant's verifier being looked up: `None` for an unknown tenant.
pub type VerifierFuture =
    Pin<Box<dyn Future<Output = Result<Option<Verifier>, StoreError>> + Send + 'static>>;

/// Where tenants' verifiers come from: a database, a configuration service, the registrations
/// of the seed provider's API.
pub trait TenantSource: Send + Sync + 'static {
    /// The verifier of `tenant`, or `None` when there is no such tenant.
    fn verifier(&self, tenant: &str) -> VerifierFuture;
}

/// Which part of the request names the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TenantKey {
    /// A request header, such as `AccountId`.
    Header(HeaderName),
    /// The `n`th segment of the path (0-based), such as `1` in `/webhooks/{tenant}`.
    PathSegment(usize),
    /// A query parameter.
    Query(String),
}

impl TenantKey {
    /// The header `name` (any case); an invalid name is a
    /// [`ConfigError::InvalidHeaderName`].
    pub fn header(name: &str) -> Result<Self, ConfigError> {
        HeaderName::from_bytes(name.as_bytes())
            .map(TenantKey::Header)
            .map_err(|_| ConfigError::InvalidHeaderName {
                name: name.to_owned(),
            })
    }
}

/// A request that names its tenant twice, or in a form two readers could read differently.
pub(crate) struct Ambiguous;

impl TenantKey {
    /// The tenant named by `parts`, if any (at most 128 bytes); `Err` when the request names
    /// it ambiguously: a header or query parameter given twice, or a path segment with
    /// percent-escapes (which the router and a lookup could read as two names).
    fn read(&self, parts: &Parts) -> Result<Option<String>, Ambiguous> {
        let text = match self {
            TenantKey::Header(name) => {
                let mut values = parts.headers.get_all(name).iter();
                let (Some(value), None) = (values.next(), values.next()) else {
                    return match parts.headers.contains_key(name) {
                        true => Err(Ambiguous),
                        false => Ok(None),
                    };
                };
                value.to_str().ok().map(|text| text.trim().to_owned())
            }
            TenantKey::PathSegment(index) => {
                let part = parts
                    .uri
                    .path()
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .nth(*index);
                if part.is_some_and(|part| part.contains('%')) {
                    return Err(Ambiguous);
                }
                part.map(str::to_owned)
            }
            TenantKey::Query(name) => {
                let query = parts.uri.query().unwrap_or("");
                let mut values = form_urlencoded::parse(query.as_bytes())
                    .filter(|(key, _)| key == name)
                    .map(|(_, value)| value);
                let first = values.next();
                if values.next().is_some() {
                    return Err(Ambiguous);
                }
                first.map(|value| value.into_owned())
            }
        };
        Ok(text.filter(|text| !text.is_empty() && text.len() <= 128))
    }
}

/// Per-tenant verification for [`VerifyWebhookLayer::for_tenants`](crate::VerifyWebhookLayer::for_tenants):
/// a [`TenantSource`], the [`TenantKey`], and a cache.
#[derive(Clone)]
pub struct Tenants {
    source: Arc<dyn TenantSource>,
    key: TenantKey,
    cache: Arc<Mutex<Cache>>,
    ttl: Duration,
    capacity: usize,
    lookup_timeout: Option<Duration>,
    /// The layer's replay window and clock, applied to every tenant's verifier.
    pub(crate) tolerance: Option<Duration>,
    pub(crate) clock: Option<Arc<dyn Fn() -> SystemTime + Send + Sync>>,
}

#[derive(Default)]
struct Cache {
    entries: HashMap<String, (Option<Verifier>, Instant)>,
    order: VecDeque<String>,
}

impl Tenants {
    /// Tenants named by `key`, looked up in `source`; lookups are cached for 60 s, for up to
    /// 10,000 tenants.
    pub fn new(source: impl TenantSource, key: TenantKey) -> Self {
        Tenants {
            source: Arc::new(source),
            key,
            cache: Arc::default(),
            ttl: Duration::from_secs(60),
            capacity: 10_000,
            lookup_timeout: None,
            tolerance: None,
            clock: None,
        }
    }

    /// How long the source may take to answer a lookup; past it, the request is answered 503
    /// with `Retry-After`, so the provider retries. The default is the layer's
    /// [`body_timeout`](crate::VerifyWebhookLayer::body_timeout), when set; none otherwise.
    /// Runs on tokio's timer, which the runtime must enable (as `#[tokio::main]` and
    /// `axum::serve` do).
    #[cfg(feature = "timeout")]
    #[must_use]
    pub fn lookup_timeout(mut self, timeout: Duration) -> Self {
        self.lookup_timeout = Some(timeout);
        self
    }

    /// How long a lookup is reused: a rotated secret takes effect after at most this long.
    /// The default is 60 seconds.
    #[must_use]
    pub fn cache_for(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// Forgets every cached lookup (after a registration changed, say).
    pub fn clear(&self) {
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        *cache = Cache::default();
    }

    /// The cached verifier of the request's tenant, or the lookup to make (within the lookup
    /// timeout, else `fallback`).
    pub(crate) fn lookup(&self, parts: &Parts, fallback: Option<Duration>) -> Lookup {
        let tenant = match self.key.read(parts) {
            Ok(Some(tenant)) => tenant,
            Ok(None) => return Lookup::Ready(None),
            Err(Ambiguous) => return Lookup::Ambiguous,
        };
        let now = Instant::now();
        {
            let cache = self
                .cache
                .lock()
                .unwrap_or_else(|poison| poison.into_inner());
            if let Some((verifier, at)) = cache.entries.get(&tenant) {
                if now.duration_since(*at) < self.ttl {
                    return Lookup::Ready(verifier.clone());
                }
            }
        }
        let future = crate::dedup::deadline(
            self.source.verifier(&tenant),
            self.lookup_timeout.or(fallback),
            "the tenant lookup timed out",
        );
        let this = self.clone();
        Lookup::Pending(Box::pin(async move {
            let verifier = future
                .await?
                .map(|verifier| this.with_layer_settings(verifier));
            this.remember(tenant, verifier.clone());
            Ok(verifier)
        }))
    }

    /// `verifier` with the layer's replay window and clock, when the layer sets them.
    fn with_layer_settings(&self, mut verifier: Verifier) -> Verifier {
        if let Some(tolerance) = self.tolerance {
            verifier = verifier.tolerance(tolerance);
        }
        if let Some(clock) = &self.clock {
            let clock = Arc::clone(clock);
            verifier = verifier.clock(move || clock());
        }
        verifier
    }

    fn remember(&self, tenant: String, verifier: Option<Verifier>) {
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        while cache.entries.len() >= self.capacity {
            let Some(oldest) = cache.order.pop_front() else {
                break;
            };
            cache.entries.remove(&oldest);
        }
        if cache
            .entries
            .insert(tenant.clone(), (verifier, Instant::now()))
            .is_none()
        {
            cache.order.push_back(tenant);
        }
    }
}

impl fmt::Debug for Tenants {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tenants")
            .field("key", &self.key)
            .field("ttl", &self.ttl)
            .field("lookup_timeout", &self.lookup_timeout)
            .field("tolerance", &self.tolerance)
            .finish_non_exhaustive()
    }
}

/// The outcome of looking a tenant up: at once from the cache, or later from the source.
pub(crate) enum Lookup {
    Ready(Option<Verifier>),
    Pending(VerifierFuture),
    /// The request names its tenant ambiguously: refused.
    Ambiguous,
}

/// The verifier used for requests of unknown tenants: the tenants' scheme under a random key
/// nobody holds, so they are refused after the same work as a wrong signature (for public-key
/// schemes, whose keys are public anyway, a verifier without keys). It refuses every request,
/// even one signed under its own key.
pub(crate) fn decoy(scheme: Scheme) -> Result<Verifier, ConfigError> {
    use std::hash::{BuildHasher, Hasher};
    if !scheme.method().is_shared_secret() {
        return Verifier::decoy(scheme, None);
    }
    let mut key = String::new();
    for _ in 0..4 {
        let word = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        key.push_str(&format!("{word:016x}"));
    }
    Verifier::decoy(scheme, Some(key.as_bytes()))
}
