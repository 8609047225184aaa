//! [`MemoryStore`]: claims in this process's memory, bounded.

use super::{Claim, DedupStore, StoreFuture};
use std::{
    collections::{HashMap, VecDeque},
    sync::Mutex,
    time::{Duration, Instant},
};

/// Claims kept in memory: for one instance, or tests. Bounded: past `capacity` deliveries the
/// oldest are forgotten first, and memory stays within a small multiple of `capacity` keys
/// whatever the mix of completed, released and expired claims. Every operation is O(1)
/// amortized.
#[derive(Debug)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
    capacity: usize,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<String, Entry>,
    /// Keys in the order their entries were last written, each with the entry's `written`
    /// number then; a key whose entry was released or rewritten since is stale, and skipped.
    order: VecDeque<(String, u64)>,
    /// Writes so far, numbering them.
    writes: u64,
}

#[derive(Debug)]
struct Entry {
    /// `None` once done.
    token: Option<String>,
    expires: Instant,
    /// The number of the write that made the entry what it is.
    written: u64,
}

impl MemoryStore {
    /// A store remembering up to 100,000 deliveries.
    pub fn new() -> Self {
        MemoryStore::bounded(100_000)
    }

    /// A store remembering at most `max_entries` deliveries (at least one), the oldest
    /// forgotten first.
    pub fn bounded(max_entries: usize) -> Self {
        MemoryStore {
            inner: Mutex::new(Inner::default()),
            capacity: max_entries.max(1),
        }
    }

    /// The former name of [`bounded`](Self::bounded): the number is a maximum, not a capacity
    /// reserved in advance.
    #[deprecated(since = "0.3.0", note = "renamed `bounded`: the number is a maximum")]
    pub fn with_capacity(max_entries: usize) -> Self {
        MemoryStore::bounded(max_entries)
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
    /// Whether the queue's `(key, written)` still names a live entry.
    fn is_current(&self, key: &str, written: u64) -> bool {
        self.entries
            .get(key)
            .is_some_and(|entry| entry.written == written)
    }

    /// Drops stale queue items and expired entries from the front, and the oldest entries
    /// while there are `capacity` or more.
    fn trim(&mut self, now: Instant, capacity: usize) {
        while let Some((key, written)) = self.order.front() {
            if self.is_current(key, *written) {
                let expired = self.entries.get(key).is_some_and(|e| e.expires <= now);
                if !expired && self.entries.len() < capacity {
                    break;
                }
                self.entries.remove(key);
            }
            self.order.pop_front();
        }
    }

    /// Writes `entry` for `key`, queued at the back.
    fn write(&mut self, key: &str, token: Option<String>, expires: Instant, capacity: usize) {
        self.writes += 1;
        let written = self.writes;
        self.entries.insert(
            key.to_owned(),
            Entry {
                token,
                expires,
                written,
            },
        );
        self.order.push_back((key.to_owned(), written));
        // Stale items (released or rewritten entries) behind a long-lived one are never at the
        // front: sweep them once they outnumber the entries, so the queue stays within twice
        // the capacity (amortized O(1): a sweep follows at least `capacity` writes).
        if self.order.len() > 2 * capacity {
            let entries = &self.entries;
            self.order.retain(|(key, written)| {
                entries
                    .get(key)
                    .is_some_and(|entry| entry.written == *written)
            });
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
            inner.write(key, Some(token.to_owned()), now + lease, self.capacity);
            Claim::Claimed
        });
        Box::pin(std::future::ready(Ok(claim)))
    }

    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()> {
        self.with(|inner| {
            let held = inner
                .entries
                .get(key)
                .is_some_and(|entry| entry.token.as_deref() == Some(token));
            if held {
                // Rewritten at the back, as its expiry moved.
                inner.write(key, None, Instant::now() + keep, self.capacity);
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
        let store = MemoryStore::bounded(3);
        for key in ["a", "b", "c", "d", "e"] {
            assert_eq!(now(store.claim(key, "t", LEASE)), Claim::Claimed);
        }
        let len = store.with(|inner| inner.entries.len());
        assert!(len <= 3, "{len}");
        // The newest are remembered.
        assert_eq!(now(store.claim("e", "u", LEASE)), Claim::InFlight);
    }

    /// The store's size in keys: entries and queued items.
    fn size(store: &MemoryStore) -> (usize, usize) {
        store.with(|inner| (inner.entries.len(), inner.order.len()))
    }

    #[test]
    fn released_claims_behind_a_long_lived_one_do_not_accumulate() {
        // One delivery done and kept for long, then 300,000 claims that the handler releases
        // (5xx, panics, dropped requests): before the fix, every one stayed queued.
        let store = MemoryStore::bounded(1000);
        assert_eq!(now(store.claim("kept", "t", LEASE)), Claim::Claimed);
        now(store.complete("kept", "t", Duration::from_secs(3600)));
        let mut largest = (0, 0);
        for i in 0..300_000 {
            let key = format!("released-{i}");
            assert_eq!(now(store.claim(&key, "t", LEASE)), Claim::Claimed);
            now(store.release(&key, "t"));
            let (entries, queued) = size(&store);
            largest = (largest.0.max(entries), largest.1.max(queued));
        }
        assert!(largest.0 <= 1000, "{largest:?}");
        assert!(largest.1 <= 2 * 1000 + 1, "{largest:?}");
        // The long-lived delivery is still remembered.
        assert_eq!(now(store.claim("kept", "u", LEASE)), Claim::Done);
    }

    #[test]
    fn any_mix_of_outcomes_stays_within_capacity() {
        let store = MemoryStore::bounded(100);
        let mut largest = (0, 0);
        for i in 0..50_000u64 {
            // A deterministic mix: done, released, left in flight, claimed again.
            let key = format!("k{}", i.wrapping_mul(2_654_435_761) % 400);
            let token = format!("t{i}");
            if now(store.claim(&key, &token, LEASE)) == Claim::Claimed {
                match i % 4 {
                    0 => now(store.complete(&key, &token, Duration::from_secs(3600))),
                    1 | 2 => now(store.release(&key, &token)),
                    _ => {}
                }
            }
            let (entries, queued) = size(&store);
            largest = (largest.0.max(entries), largest.1.max(queued));
        }
        assert!(largest.0 <= 100, "{largest:?}");
        assert!(largest.1 <= 2 * 100 + 1, "{largest:?}");
    }

    #[test]
    fn an_entry_rewritten_later_is_not_evicted_by_its_older_queue_item() {
        let store = MemoryStore::bounded(2);
        assert_eq!(now(store.claim("a", "t", LEASE)), Claim::Claimed);
        assert_eq!(now(store.claim("b", "t", LEASE)), Claim::Claimed);
        // `a` completes after `b` was claimed: it is now the newer of the two.
        now(store.complete("a", "t", LEASE));
        assert_eq!(now(store.claim("c", "t", LEASE)), Claim::Claimed);
        // `b`, the oldest, was forgotten; `a` was not.
        assert_eq!(now(store.claim("a", "u", LEASE)), Claim::Done);
    }
}
