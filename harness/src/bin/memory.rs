//! Peak memory while many clients stream huge bodies at a route with a small limit: the layer
//! must stop each at its limit, so the peak stays near clients x limit, not clients x body.
//!
//! ```sh
//! cargo run --release -p tower-webhook-harness --bin memory -- [clients=64] [mib_per_client=100]
//! cargo run --release -p tower-webhook-harness --bin memory -- [clients=64] hold
//! cargo run --release -p tower-webhook-harness --bin memory -- dedup [claims=300000] [capacity=1000]
//! ```
//!
//! With `dedup`, one delivery is handled and kept, then `claims` others are claimed and
//! released (as a handler's 5xx, a panic or a dropped request release them) in a
//! `MemoryStore` of `capacity`: its memory must stay bounded by the capacity, whatever the mix.
//!
//! With `hold`, each client sends a chunked body 64 KiB short of the limit and stalls there, so
//! the server holds every buffer at once: the memory per held request, minus the baseline, is
//! what the layer's bound ("about the limit") promises.

use axum::{routing::post, Router};
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower_webhook::{Scheme, VerifiedBody, VerifyWebhookLayer};

/// `VmHWM` (peak resident set) and `VmRSS` of this process, in MiB.
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|line| line.starts_with(name))
            .and_then(|line| line.split_whitespace().nth(1)?.parse::<f64>().ok())
            .map_or(0.0, |kib| kib / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Streams `mib` MiB of chunked body (no Content-Length, so the limit is enforced while
/// reading) and returns the status line, or what happened.
async fn stream(addr: std::net::SocketAddr, mib: usize) -> String {
    let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
        return "connect failed".into();
    };
    let (mut reader, mut writer) = stream.into_split();
    let writing = tokio::spawn(async move {
        let head = "POST /hook HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nqiscus-sdk-signature: 0000000000000000000000000000000000000000000000000000000000000000\r\n\r\n";
        writer.write_all(head.as_bytes()).await?;
        let chunk = vec![b'a'; 64 * 1024];
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
        for _ in 0..mib * 16 {
            writer.write_all(&framed).await?;
        }
        writer.write_all(b"0\r\n\r\n").await
    });
    let mut response = vec![0u8; 1024];
    let read = reader.read(&mut response).await.unwrap_or(0);
    writing.abort();
    let text = String::from_utf8_lossy(&response[..read]);
    text.lines().next().unwrap_or("no response").to_owned()
}

/// Sends `bytes` of chunked body in 64 KiB chunks, then holds the connection open (no final
/// chunk) until dropped.
async fn hold(addr: std::net::SocketAddr, bytes: usize) -> std::io::Result<tokio::net::TcpStream> {
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let head = "POST /hook HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nqiscus-sdk-signature: 0000000000000000000000000000000000000000000000000000000000000000\r\n\r\n";
    stream.write_all(head.as_bytes()).await?;
    let chunk = vec![b'a'; 64 * 1024];
    let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
    for _ in 0..bytes / chunk.len() {
        stream.write_all(&framed).await?;
    }
    Ok(stream)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let clients: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let first = std::env::args().nth(1);
    if first.as_deref() == Some("dedup") {
        let claims = args.next().and_then(|a| a.parse().ok()).unwrap_or(300_000);
        let capacity = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
        return released(claims, capacity).await;
    }
    let mode = args.next();
    if mode.as_deref() == Some("hold") {
        return held(clients).await;
    }
    let mib: usize = mode.and_then(|a| a.parse().ok()).unwrap_or(100);
    let limit = tower_webhook::DEFAULT_BODY_LIMIT;

    let app = Router::new()
        .route(
            "/hook",
            post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() }),
        )
        .layer(VerifyWebhookLayer::new(Scheme::qiscus(), "memory-test")?.body_limit(limit));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });

    let (_, before) = memory_mib();
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| tokio::spawn(stream(addr, mib)))
        .collect();
    let mut statuses = std::collections::BTreeMap::<String, usize>::new();
    for task in tasks {
        *statuses.entry(task.await?).or_default() += 1;
    }
    let (peak, now) = memory_mib();
    println!(
        "{clients} clients x {mib} MiB chunked bodies at a {} MiB limit, in {:.1}s",
        limit / (1024 * 1024),
        started.elapsed().as_secs_f64()
    );
    for (status, count) in &statuses {
        println!("  {count:>4} x {status}");
    }
    println!("  RSS before {before:.1} MiB, peak {peak:.1} MiB, after {now:.1} MiB");
    println!(
        "  bound clients x limit = {} MiB; clients x body would be {} MiB",
        clients * limit / (1024 * 1024),
        clients * mib
    );
    let all_413 = statuses.keys().all(|status| status.contains("413"));
    if !all_413 || peak > (clients * limit / (1024 * 1024)) as f64 * 1.5 + 64.0 {
        println!("memory: FAILED");
        std::process::exit(1);
    }
    println!("memory: ok");
    Ok(())
}

/// `clients` requests each holding a body 64 KiB short of the limit, at once.
async fn held(clients: usize) -> Result<(), Box<dyn std::error::Error>> {
    let limit = tower_webhook::DEFAULT_BODY_LIMIT;
    let app = Router::new().route(
        "/hook",
        post(|VerifiedBody(body): VerifiedBody| async move { body.len().to_string() })
            .layer(VerifyWebhookLayer::new(Scheme::qiscus(), "memory-test")?.body_limit(limit)),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });
    let (_, before) = memory_mib();
    let mut held = Vec::new();
    for _ in 0..clients {
        held.push(hold(addr, limit - 64 * 1024).await?);
    }
    // Let the server read everything that was sent.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let (peak, now) = memory_mib();
    let per_request = (now - before) / clients as f64;
    println!(
        "{clients} requests each holding {:.2} MiB of a {} MiB limit: RSS before {before:.1} MiB, \
         while held {now:.1} MiB (peak {peak:.1}): {per_request:.2} MiB per held request",
        (limit - 64 * 1024) as f64 / (1024.0 * 1024.0),
        limit / (1024 * 1024),
    );
    drop(held);
    if per_request > (limit as f64 / (1024.0 * 1024.0)) * 1.25 {
        println!("memory: FAILED (more than 1.25 x the limit per request)");
        std::process::exit(1);
    }
    println!("memory: ok");
    Ok(())
}

/// `claims` claims released one after the other in a `MemoryStore` of `capacity`, behind one
/// delivery kept for an hour; RSS every 50,000.
async fn released(claims: usize, capacity: usize) -> Result<(), Box<dyn std::error::Error>> {
    use std::time::Duration;
    use tower_webhook::dedup::{DedupStore, MemoryStore};
    let store = MemoryStore::bounded(capacity);
    let lease = Duration::from_secs(120);
    store.claim("kept", "t", lease).await?;
    store
        .complete("kept", "t", Duration::from_secs(3600))
        .await?;
    let (_, before) = memory_mib();
    println!("{claims} claims released in a MemoryStore of capacity {capacity}, behind one kept delivery");
    println!("  RSS before {before:.1} MiB");
    for i in 0..claims {
        let key = format!("tower-webhook:github:{i:040x}");
        store.claim(&key, "t", lease).await?;
        store.release(&key, "t").await?;
        if (i + 1) % 50_000 == 0 {
            let (_, now) = memory_mib();
            println!(
                "  after {:>7}: RSS {now:.1} MiB (+{:.1})",
                i + 1,
                now - before
            );
        }
    }
    let (_, after) = memory_mib();
    let grown = after - before;
    println!("  grown {grown:.1} MiB");
    if grown > 16.0 {
        println!("memory: FAILED");
        std::process::exit(1);
    }
    println!("memory: ok");
    Ok(())
}
