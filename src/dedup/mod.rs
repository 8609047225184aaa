//! Deliveries handled once, across instances: [`Deduplicate`] on the layer, a [`DedupStore`]
//! behind it ([`MemoryStore`], or `RedisStore` with the `redis` feature).
//!
//! After a request is verified, and only then, the layer claims its delivery id (scheme + id,
//! see [`Delivery`](crate::Delivery)) in the store:
//!
//! | the store says | the layer answers |
//! | --- | --- |
//! | claimed by this request | calls the handler; a response under 500 marks the delivery done (kept [`Deduplicate::keep`], 72 h by default), a 5xx, an error, a panic or a dropped future releases it so the provider's retry is handled |
//! | done already | 200 with `webhook-duplicate: true`, without calling the handler, so the provider stops retrying |
//! | held by another request | 409 with `Retry-After`, so the provider retries later |
//! | unreachable | 503 with `Retry-After` (or, with [`Deduplicate::let_through_when_unavailable`], the handler, with a warning) |
//!
//! A claim is a lease ([`Deduplicate::lease`], 120 s by default): an instance that crashes while
//! handling loses it when it expires. Deliveries without an id (token schemes without an id
//! header) are not deduplicated.
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
}

impl Deduplicate {
    /// Deduplicates through `store`, with the defaults below.
    pub fn new(store: impl DedupStore) -> Self {
        Deduplicate {
            store: Arc::new(store),
            lease: Duration::from_secs(120),
            keep: Duration::from_secs(72 * 3600),
            let_through: false,
        }
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
            .finish_non_exhaustive()
    }
}

/// The store key of a delivery.
pub(crate) fn key(scheme: &str, id: &str) -> String {
    format!("tower-webhook:{scheme}:{id}")
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
    pub(crate) store: Arc<dyn DedupStore>,
    pub(crate) key: String,
    pub(crate) token: String,
    pub(crate) keep: Duration,
    settled: bool,
}

impl ClaimGuard {
    pub(crate) fn new(dedup: &Deduplicate, key: String, token: String, keep: Duration) -> Self {
        ClaimGuard {
            store: dedup.store.clone(),
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
        if handled {
            self.store.complete(&self.key, &self.token, self.keep)
        } else {
            self.store.release(&self.key, &self.token)
        }
    }
}

impl Drop for ClaimGuard {
    /// The handler panicked or its future was dropped: release, so the retry is handled.
    fn drop(&mut self) {
        if self.settled {
            return;
        }
        let release = self.store.release(&self.key, &self.token);
        run_detached(release);
    }
}

/// Runs a store call nobody waits for: polled once here (the memory store finishes at once),
/// the rest on the tokio runtime if there is one; a claim left behind expires with its lease.
fn run_detached(mut future: StoreFuture<()>) {
    let waker = std::task::Waker::noop();
    let polled = future
        .as_mut()
        .poll(&mut std::task::Context::from_waker(waker));
    #[cfg(feature = "timeout")]
    if polled.is_pending() {
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(future);
        }
    }
    #[cfg(not(feature = "timeout"))]
    let _ = polled;
}
