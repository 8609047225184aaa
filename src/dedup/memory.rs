//! [`MemoryStore`]: claims in this process's memory, bounded.

use super::{Claim, DedupStore, StoreFuture};
use std::{
    collections::{HashMap, VecDeque},
    sync::Mutex,
    time::{Duration, Instant},
};

/// Claims kept in memory: for one instance, or tests. Bounded: past `capacity` deliveries the
/// oldest are forgotten first. Every operation is O(1) amortized.
#[derive(Debug)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
    capacity: usize,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<String, Entry>,
    /// Keys in the order they were claimed, for expiry and eviction.
    order: VecDeque<String>,
}

#[derive(Debug)]
struct Entry {
    /// `None` once done.
    token: Option<String>,
    expires: Instant,
}

impl MemoryStore {
    /// A store remembering up to 100,000 deliveries.
    pub fn new() -> Self {
        MemoryStore::with_capacity(100_000)
    }

    /// A store remembering up to `capacity` deliveries.
    pub fn with_capacity(capacity: usize) -> Self {
        MemoryStore {
            inner: Mutex::new(Inner::default()),
            capacity: capacity.max(1),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        // A panic while holding the lock leaves consistent data (every change is one insert
        // or remove), so a poisoned lock is still usable.
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        f(&mut inner)
    }
}

impl Default for MemoryStore {
    fn default() -> Self {
        MemoryStore::new()
    }
}

impl Inner {
    /// Drops expired entries from the front, and the oldest while over `capacity`.
    fn trim(&mut self, now: Instant, capacity: usize) {
        while let Some(key) = self.order.front() {
            let expired = self
                .entries
                .get(key)
                .is_none_or(|entry| entry.expires <= now);
            if !expired && self.entries.len() < capacity {
                break;
            }
            let key = self.order.pop_front().expect("checked");
            if expired || self.entries.len() >= capacity {
                self.entries.remove(&key);
            }
        }
    }
}

impl DedupStore for MemoryStore {
    fn claim(&self, key: &str, token: &str, lease: Duration) -> StoreFuture<Claim> {
        let now = Instant::now();
        let claim = self.with(|inner| {
            if let Some(entry) = inner.entries.get(key) {
                if entry.expires > now {
                    return match entry.token {
                        None => Claim::Done,
                        Some(_) => Claim::InFlight,
                    };
                }
            }
            inner.trim(now, self.capacity);
            inner.entries.insert(
                key.to_owned(),
                Entry {
                    token: Some(token.to_owned()),
                    expires: now + lease,
                },
            );
            inner.order.push_back(key.to_owned());
            Claim::Claimed
        });
        Box::pin(std::future::ready(Ok(claim)))
    }

    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()> {
        self.with(|inner| {
            if let Some(entry) = inner.entries.get_mut(key) {
                if entry.token.as_deref() == Some(token) {
                    entry.token = None;
                    entry.expires = Instant::now() + keep;
                    // Move it to the back, as its expiry moved.
                    inner.order.push_back(key.to_owned());
                }
            }
        });
        Box::pin(std::future::ready(Ok(())))
    }

    fn release(&self, key: &str, token: &str) -> StoreFuture<()> {
        self.with(|inner| {
            if inner
                .entries
                .get(key)
                .is_some_and(|entry| entry.token.as_deref() == Some(token))
            {
                inner.entries.remove(key);
            }
        });
        Box::pin(std::future::ready(Ok(())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::{Context, Poll, Waker};

    fn now<T>(mut future: StoreFuture<T>) -> T {
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(result) => result.unwrap(),
            Poll::Pending => panic!("the memory store never waits"),
        }
    }

    const LEASE: Duration = Duration::from_secs(60);

    #[test]
    fn one_claim_wins_then_done_then_forgotten_after_keep() {
        let store = MemoryStore::new();
        assert_eq!(now(store.claim("k", "a", LEASE)), Claim::Claimed);
        assert_eq!(now(store.claim("k", "b", LEASE)), Claim::InFlight);
        now(store.complete("k", "b", LEASE)); // not the holder: ignored
        assert_eq!(now(store.claim("k", "c", LEASE)), Claim::InFlight);
        now(store.complete("k", "a", Duration::ZERO));
        // Kept for zero time: gone.
        assert_eq!(now(store.claim("k", "d", LEASE)), Claim::Claimed);
        now(store.complete("k", "d", LEASE));
        assert_eq!(now(store.claim("k", "e", LEASE)), Claim::Done);
    }

    #[test]
    fn release_by_the_holder_only() {
        let store = MemoryStore::new();
        assert_eq!(now(store.claim("k", "a", LEASE)), Claim::Claimed);
        now(store.release("k", "b"));
        assert_eq!(now(store.claim("k", "c", LEASE)), Claim::InFlight);
        now(store.release("k", "a"));
        assert_eq!(now(store.claim("k", "c", LEASE)), Claim::Claimed);
    }

    #[test]
    fn an_expired_lease_can_be_claimed_again() {
        let store = MemoryStore::new();
        assert_eq!(now(store.claim("k", "a", Duration::ZERO)), Claim::Claimed);
        assert_eq!(now(store.claim("k", "b", LEASE)), Claim::Claimed);
    }

    #[test]
    fn capacity_bounds_the_entries() {
        let store = MemoryStore::with_capacity(3);
        for key in ["a", "b", "c", "d", "e"] {
            assert_eq!(now(store.claim(key, "t", LEASE)), Claim::Claimed);
        }
        let len = store.with(|inner| inner.entries.len());
        assert!(len <= 3, "{len}");
        // The newest are remembered.
        assert_eq!(now(store.claim("e", "u", LEASE)), Claim::InFlight);
    }
}
