//! What deduplication costs per delivery: the in-memory store, and Redis on loopback next to
//! `redis-benchmark`'s own round trip against the same server.
//!
//! `cargo bench --features redis --bench dedup` (needs `redis-server` and `redis-benchmark` on
//! PATH; Debian: `apt-get install redis-server`).

#[path = "../tests/common/redis_server.rs"]
#[allow(dead_code, unreachable_pub)]
mod redis_server;

use std::{
    hint::black_box,
    process::Command,
    time::{Duration, Instant},
};
use tower_webhook::dedup::{DedupStore, MemoryStore, RedisStore};

const LEASE: Duration = Duration::from_secs(120);
const KEEP: Duration = Duration::from_secs(3600);

/// Median ns per delivery (claim, then complete) over batches of `per_batch` fresh keys.
async fn per_delivery(store: &dyn DedupStore, batches: usize, per_batch: usize) -> f64 {
    let mut samples = Vec::new();
    let mut key = 0u64;
    for _ in 0..batches {
        let start = Instant::now();
        for _ in 0..per_batch {
            key += 1;
            let name = format!("tower-webhook:bench:{key}");
            black_box(store.claim(&name, "token", LEASE).await.unwrap());
            store.complete(&name, "token", KEEP).await.unwrap();
        }
        samples.push(start.elapsed().as_nanos() as f64 / per_batch as f64);
    }
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// `redis-benchmark`'s microseconds per request for `command` (one connection, no pipelining,
/// so one round trip each).
fn redis_benchmark(port: u16, command: &str) -> Option<f64> {
    let output = Command::new("redis-benchmark")
        .args([
            "-p",
            &port.to_string(),
            "-c",
            "1",
            "-n",
            "20000",
            "-t",
            command,
            "-q",
        ])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    // Progress lines end in '\r'; the result reads "SET: 41322.31 requests per second, ...".
    let result = text
        .split(['\r', '\n'])
        .find(|line| line.contains("requests per second"))?;
    let per_second: f64 = result
        .split(':')
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(1e6 / per_second)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let memory = MemoryStore::new();
    let memory_ns = per_delivery(&memory, 21, 10_000).await;

    let redis = redis_server::RedisServer::start();
    let store = RedisStore::connect(&redis.url()).await.expect("connected");
    let redis_ns = per_delivery(&store, 11, 1_000).await;
    let set = redis_benchmark(redis.port, "set");
    let get = redis_benchmark(redis.port, "get");

    println!("cost of deduplication per delivery (claim + complete), median of batches");
    println!("{:<46} {:>12}", "store", "per delivery");
    println!("{:<46} {:>9.0} ns", "MemoryStore", memory_ns);
    println!(
        "{:<46} {:>9.1} µs",
        "RedisStore on loopback (2 round trips)",
        redis_ns / 1000.0
    );
    match (set, get) {
        (Some(set), Some(get)) => {
            println!(
                "{:<46} {:>9.1} µs",
                "redis-benchmark SET, 1 connection (1 round trip)", set
            );
            println!(
                "{:<46} {:>9.1} µs",
                "redis-benchmark GET, 1 connection (1 round trip)", get
            );
            println!(
                "RedisStore / (2 x redis-benchmark SET) = {:.2}",
                redis_ns / 1000.0 / (2.0 * set)
            );
        }
        _ => println!("redis-benchmark is not on PATH: no comparison"),
    }
}
