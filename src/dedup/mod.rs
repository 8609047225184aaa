//! Deliveries handled once, across instances: [`Deduplicate`] on the layer, a [`DedupStore`]
//! behind it ([`MemoryStore`], or `RedisStore` with the `redis` feature).
//!
//! After a request is verified, and only then, the layer claims the delivery in the store. Its
//! key rests only on what the signature covers: the provider's id when the signature covers it,
//! else a digest of the signed content (see [`Delivery::id_is_signed`](crate::Delivery::id_is_signed)),
//! scoped by the scheme, the key that verified it (so no tenant or route with its own secret
//! can touch another's deliveries) and the [namespace](Deduplicate::namespace), all hashed to
//! a key of fixed size:
//!
//! | the store says | the layer answers |
//! | --- | --- |
//! | claimed by this request | calls the handler; its answer marks the delivery done (kept [`Deduplicate::keep`], 72 h by default), except a 5xx, 408, 425 or 429, which release it, as do an error, a panic or a dropped future, so the provider's retry is handled |
//! | done already | 200 with `webhook-duplicate: true`, without calling the handler, so the provider stops retrying |
//! | held by another request | 409 with `Retry-After`, so the provider retries later |
//! | unreachable | 503 with `Retry-After` (or, with [`Deduplicate::let_through_when_unavailable`], the handler, with a warning) |
//!
//! A claim is a lease ([`Deduplicate::lease`], 120 s by default): an instance that crashes while
//! handling loses it when it expires. Token schemes sign nothing: their deliveries are keyed by
//! the provider's id header when the preset names one (GitLab's `Idempotency-Key`), which is as
//! trustworthy as the rest of a token-authenticated request, and not deduplicated otherwise.
//!
//! ```
//! use tower_webhook::{dedup::MemoryStore, Scheme, VerifyWebhookLayer};
//!
//! let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?
//!     .deduplicate(MemoryStore::new());
//! # Ok::<(), tower_webhook::ConfigError>(())
//! ```

mod memory;
#[cfg(feature = "redis")]
mod redis;

pub use memory::MemoryStore;
#[cfg(feature = "redis")]
pub use redis::RedisStore;

use std::{
    fmt,
    future::Future,
    pin::Pin,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

/// A store operation in flight.
pub type StoreFuture<T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'static>>;

/// What a claim found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// The claim is this request's: handle the delivery.
    Claimed,
    /// The delivery was handled already.
    Done,
    /// Another request holds the delivery right now.
    InFlight,
}

/// Where claims are kept. Implementations must make `claim` atomic (one claimant wins), and let
/// only the holder of `token` complete or release a claim.
pub trait DedupStore: Send + Sync + 'static {
    /// Claims `key` for `token` for `lease`, unless it is claimed or done.
    fn claim(&self, key: &str, token: &str, lease: Duration) -> StoreFuture<Claim>;

    /// Marks `key`, claimed with `token`, as done, for `keep`.
    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()>;

    /// Gives up the claim on `key` made with `token`, so a retry can claim it.
    fn release(&self, key: &str, token: &str) -> StoreFuture<()>;
}

/// A shared store is a store: one `Arc<MemoryStore>` (or any store) can back several layers
/// with different settings.
impl<S: DedupStore + ?Sized> DedupStore for Arc<S> {
    fn claim(&self, key: &str, token: &str, lease: Duration) -> StoreFuture<Claim> {
        (**self).claim(key, token, lease)
    }

    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()> {
        (**self).complete(key, token, keep)
    }

    fn release(&self, key: &str, token: &str) -> StoreFuture<()> {
        (**self).release(key, token)
    }
}

/// The store could not be reached or answered nonsense.
#[derive(Debug)]
pub struct StoreError {
    source: Box<dyn std::error::Error + Send + Sync>,
}

impl StoreError {
    /// Wraps the store's own error.
    pub fn new(source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        StoreError {
            source: source.into(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the deduplication store is unavailable: {}", self.source)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.source)
    }
}

/// Deduplication settings for [`VerifyWebhookLayer::deduplicate`](crate::VerifyWebhookLayer::deduplicate).
#[derive(Clone)]
#[must_use]
pub struct Deduplicate {
    pub(crate) store: Arc<dyn DedupStore>,
    pub(crate) lease: Duration,
    pub(crate) keep: Duration,
    pub(crate) let_through: bool,
    pub(crate) namespace: Arc<str>,
    pub(crate) timeout: Option<Duration>,
}

impl Deduplicate {
    /// Deduplicates through `store`, with the defaults below.
    pub fn new(store: impl DedupStore) -> Self {
        Deduplicate {
            store: Arc::new(store),
            lease: Duration::from_secs(120),
            keep: Duration::from_secs(72 * 3600),
            let_through: false,
            namespace: Arc::from(""),
            timeout: None,
        }
    }

    /// How long the store may take to answer a claim, or to complete or release one. A claim
    /// not answered in time is an outage (503 with `Retry-After`, or the handler with
    /// [`let_through_when_unavailable`](Self::let_through_when_unavailable)); a completion or
    /// release not answered in time is given up (logged) and the handler's response goes out,
    /// the claim expiring with its lease. The default is the layer's
    /// [`body_timeout`](crate::VerifyWebhookLayer::body_timeout), when set; none otherwise
    /// (`RedisStore` has 2 s timeouts of its own). Runs on tokio's timer, which the runtime
    /// must enable (as `#[tokio::main]` and `axum::serve` do).
    #[cfg(feature = "timeout")]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Separates this layer's deliveries from those of other layers or apps sharing the store.
    /// Keys are already apart by scheme and by the key that verified each delivery (so
    /// tenants, and routes with their own secrets, never meet); name a namespace when two
    /// layers share a secret but must not share deliveries. The default is none.
    pub fn namespace(mut self, namespace: impl Into<Arc<str>>) -> Self {
        self.namespace = namespace.into();
        self
    }

    /// How long a claim holds while its handler runs; a crashed instance's claim expires after
    /// it. The default is 120 seconds: set it above your handler's longest run.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// How long a handled delivery is remembered. The default is 72 hours (Stripe retries for
    /// three days); it is never shorter than the scheme's replay window.
    pub fn keep(mut self, keep: Duration) -> Self {
        self.keep = keep;
        self
    }

    /// When the store is unreachable, calls the handler anyway (logging a warning) instead of
    /// answering 503. The provider then gets no duplicate protection for that delivery.
    pub fn let_through_when_unavailable(mut self) -> Self {
        self.let_through = true;
        self
    }
}

impl<S: DedupStore> From<S> for Deduplicate {
    fn from(store: S) -> Self {
        Deduplicate::new(store)
    }
}

impl fmt::Debug for Deduplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Deduplicate")
            .field("lease", &self.lease)
            .field("keep", &self.keep)
            .field("let_through", &self.let_through)
            .field("namespace", &self.namespace)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// `future`, failing with `message` after `timeout` if there is one, on tokio's timer when
/// there is a runtime to run it (and as it is without the `timeout` feature).
pub(crate) fn deadline<T: Send + 'static>(
    future: StoreFuture<T>,
    timeout: Option<Duration>,
    message: &'static str,
) -> StoreFuture<T> {
    #[cfg(feature = "timeout")]
    if let (Some(timeout), Ok(_)) = (timeout, tokio::runtime::Handle::try_current()) {
        return Box::pin(async move {
            tokio::time::timeout(timeout, future)
                .await
                .unwrap_or_else(|_| Err(StoreError::new(message)))
        });
    }
    let _ = (timeout, message);
    future
}

/// The store key of a delivery: its scheme, and a digest of the layer's namespace, the scope
/// of the key that verified it and what identifies it. So a delivery is never confused with one
/// verified under another key (another tenant, another route's secret) or another namespace,
/// and every key has the same small size, whatever the id.
pub(crate) fn key(namespace: &str, delivery: &crate::Delivery, id: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::new()
        .chain_update((namespace.len() as u64).to_be_bytes())
        .chain_update(namespace.as_bytes())
        .chain_update(delivery.scope())
        .chain_update(id.as_bytes())
        .finalize();
    format!(
        "tower-webhook:{}:{}",
        delivery.scheme(),
        const_hex::encode(&digest[..20])
    )
}

/// Whether the handler's answer `status` completes the delivery's claim: any status but 5xx
/// and the retryable 408, 425 and 429, which release it so the provider's retry is handled.
pub(crate) fn completes(status: http::StatusCode) -> bool {
    !(status.is_server_error() || matches!(status.as_u16(), 408 | 425 | 429))
}

/// A token unique to this claim: a random per-process prefix and a counter.
pub(crate) fn token() -> String {
    use std::hash::{BuildHasher, Hasher};
    static PROCESS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let process = PROCESS.get_or_init(|| {
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    });
    format!("{process:016x}-{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A held claim: completed or released when the handler is done, released if dropped first.
pub(crate) struct ClaimGuard {
    dedup: Deduplicate,
    /// The deadline of the store calls.
    timeout: Option<Duration>,
    key: String,
    token: String,
    keep: Duration,
    settled: bool,
}

impl ClaimGuard {
    pub(crate) fn new(
        dedup: &Deduplicate,
        timeout: Option<Duration>,
        key: String,
        token: String,
        keep: Duration,
    ) -> Self {
        ClaimGuard {
            dedup: dedup.clone(),
            timeout,
            key,
            token,
            keep,
            settled: false,
        }
    }

    /// The claim was never this request's (done, in flight, or the store failed): nothing to
    /// release.
    pub(crate) fn forget(mut self) {
        self.settled = true;
    }

    /// The store call that settles the claim: done when the handler succeeded, released
    /// otherwise.
    pub(crate) fn settle(mut self, handled: bool) -> StoreFuture<()> {
        self.settled = true;
        let store = &self.dedup.store;
        let settling = if handled {
            store.complete(&self.key, &self.token, self.keep)
        } else {
            store.release(&self.key, &self.token)
        };
        deadline(settling, self.timeout, "the store did not answer in time")
    }
}

impl Drop for ClaimGuard {
    /// The handler panicked or its future was dropped: release, so the retry is handled.
    fn drop(&mut self) {
        if self.settled {
            return;
        }
        let release = self.dedup.store.release(&self.key, &self.token);
        run_detached(release);
    }
}

/// Runs a store call nobody waits for: polled once here (the memory store finishes at once),
/// the rest on the tokio runtime if there is one (the `tokio` feature); a claim left behind
/// expires with its lease.
fn run_detached(mut future: StoreFuture<()>) {
    let waker = std::task::Waker::noop();
    let polled = future
        .as_mut()
        .poll(&mut std::task::Context::from_waker(waker));
    #[cfg(feature = "tokio")]
    if polled.is_pending() {
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(future);
        }
    }
    #[cfg(not(feature = "tokio"))]
    let _ = polled;
}
