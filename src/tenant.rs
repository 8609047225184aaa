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
//!     Tenants::new(accounts, TenantKey::header("AccountId")),
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
    time::{Duration, Instant},
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
    /// The header `name` (any case).
    ///
    /// # Panics
    ///
    /// When `name` is not a valid header name, which is a constant in practice.
    pub fn header(name: &str) -> Self {
        TenantKey::Header(HeaderName::from_bytes(name.as_bytes()).expect("a valid header name"))
    }

    /// The tenant named by `parts`, if any (at most 128 bytes).
    fn read(&self, parts: &Parts) -> Option<String> {
        let text = match self {
            TenantKey::Header(name) => parts.headers.get(name)?.to_str().ok()?.trim().to_owned(),
            TenantKey::PathSegment(index) => parts
                .uri
                .path()
                .split('/')
                .filter(|s| !s.is_empty())
                .nth(*index)?
                .to_owned(),
            TenantKey::Query(name) => form_urlencoded::parse(parts.uri.query()?.as_bytes())
                .find(|(key, _)| key == name)?
                .1
                .into_owned(),
        };
        (!text.is_empty() && text.len() <= 128).then_some(text)
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
        }
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

    /// The cached verifier of the request's tenant, or the lookup to make.
    pub(crate) fn lookup(&self, parts: &Parts) -> Lookup {
        let Some(tenant) = self.key.read(parts) else {
            return Lookup::Ready(None);
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
        let future = self.source.verifier(&tenant);
        let this = self.clone();
        Lookup::Pending(Box::pin(async move {
            let verifier = future.await?;
            this.remember(tenant, verifier.clone());
            Ok(verifier)
        }))
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
            .finish_non_exhaustive()
    }
}

/// The outcome of looking a tenant up: at once from the cache, or later from the source.
pub(crate) enum Lookup {
    Ready(Option<Verifier>),
    Pending(VerifierFuture),
}

/// The verifier used for requests of unknown tenants: the tenants' scheme under a random key
/// nobody holds, so they are refused exactly as a wrong signature is (for public-key schemes,
/// whose keys are public anyway, a verifier that matches nothing).
pub(crate) fn decoy(scheme: Scheme) -> Result<Verifier, ConfigError> {
    use std::hash::{BuildHasher, Hasher};
    let mut key = String::new();
    for _ in 0..4 {
        let word = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        key.push_str(&format!("{word:016x}"));
    }
    if scheme.method().is_shared_secret() {
        Verifier::with_secrets(scheme, [("unknown tenant", key)])
    } else {
        Verifier::keyless(scheme)
    }
}
