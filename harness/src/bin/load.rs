//! Load and faults on loopback: many concurrent clients send a mix of valid, tampered, unsigned
//! and oversized requests to an in-process receiver, while others disconnect mid-body or trickle
//! their body slowly. Bounded in time, stops by itself, and exits non-zero on any wrong verdict,
//! any handler call for a rejected request, or tasks left behind.
//!
//! ```sh
//! cargo run --release -p tower-webhook-harness --bin load -- [seconds=30] [connections=256]
//! ```

#[path = "../../../examples/support/mod.rs"]
mod support;

use axum::{extract::State, routing::post, Router};
use http::{HeaderMap, StatusCode};
use std::{
    net::SocketAddr,
    sync::{
        atomic::{AtomicU64, Ordering::Relaxed},
        Arc,
    },
    time::{Duration, Instant},
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower_webhook::{Scheme, Signer, VerifiedBody, VerifyWebhookLayer};

const SECRET: &str = "load-test-secret";
const LIMIT: usize = 64 * 1024;

#[derive(Default)]
struct Tally {
    sent: AtomicU64,
    wrong: AtomicU64,
    transport_errors: AtomicU64,
    handler_calls: AtomicU64,
    expected_accepts: AtomicU64,
    aborted_mid_body: AtomicU64,
    slow_clients: AtomicU64,
}

async fn handler(State(tally): State<Arc<Tally>>, VerifiedBody(body): VerifiedBody) -> String {
    tally.handler_calls.fetch_add(1, Relaxed);
    body.len().to_string()
}

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|line| line.starts_with("VmRSS:"))
        .and_then(|line| line.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Valid,
    Tampered,
    Unsigned,
    Oversized,
}

fn request_for(kind: Kind, signer: &Signer, body: &[u8]) -> (HeaderMap, Vec<u8>, StatusCode) {
    let signed = signer.sign(&HeaderMap::new(), body).unwrap();
    match kind {
        Kind::Valid => (signed, body.to_vec(), StatusCode::OK),
        Kind::Tampered => {
            let mut tampered = body.to_vec();
            tampered[0] ^= 1;
            (signed, tampered, StatusCode::UNAUTHORIZED)
        }
        Kind::Unsigned => (HeaderMap::new(), body.to_vec(), StatusCode::UNAUTHORIZED),
        Kind::Oversized => {
            let big = vec![b'x'; LIMIT + 1];
            (
                signer.sign(&HeaderMap::new(), &big).unwrap(),
                big,
                StatusCode::PAYLOAD_TOO_LARGE,
            )
        }
    }
}

/// One client: keeps a connection, sends requests until the deadline.
async fn client(addr: SocketAddr, id: usize, deadline: Instant, tally: Arc<Tally>) {
    let signer = Signer::new(Scheme::qiscus(), SECRET).unwrap();
    let body = vec![b'{'; 1024];
    let kinds = [
        Kind::Valid,
        Kind::Tampered,
        Kind::Unsigned,
        Kind::Valid,
        Kind::Oversized,
    ];
    let mut round = id;
    while Instant::now() < deadline {
        let kind = kinds[round % kinds.len()];
        round += 1;
        let (headers, body, expected) = request_for(kind, &signer, &body);
        let sent = if matches!(kind, Kind::Oversized) {
            support::post_streaming(addr, "/hook", &headers, body).await
        } else {
            support::post_over_tcp(addr, "/hook", &headers, body).await
        };
        tally.sent.fetch_add(1, Relaxed);
        if expected == StatusCode::OK {
            tally.expected_accepts.fetch_add(1, Relaxed);
        }
        match sent {
            Ok((status, _)) if status == expected => {}
            Ok((status, text)) => {
                tally.wrong.fetch_add(1, Relaxed);
                eprintln!("wrong verdict for {kind:?}: {status} {text}");
            }
            Err(error) => {
                tally.transport_errors.fetch_add(1, Relaxed);
                eprintln!("transport error for {kind:?}: {error}");
            }
        }
    }
}

/// Sends a signed request's head and half its body, then disconnects.
async fn abort_mid_body(addr: SocketAddr, deadline: Instant, tally: Arc<Tally>) {
    let signer = Signer::new(Scheme::qiscus(), SECRET).unwrap();
    let body = vec![b'a'; 8192];
    let signature = signer.sign(&HeaderMap::new(), &body).unwrap();
    let value = signature["qiscus-sdk-signature"]
        .to_str()
        .unwrap()
        .to_owned();
    while Instant::now() < deadline {
        if let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await {
            let head = format!("POST /hook HTTP/1.1\r\nhost: x\r\ncontent-length: 8192\r\nqiscus-sdk-signature: {value}\r\n\r\n");
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(&body[..4096]).await;
            drop(stream);
            tally.aborted_mid_body.fetch_add(1, Relaxed);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Trickles a body one byte every 100 ms; the layer's body deadline must answer it (408) and free
/// the task.
async fn slow_client(addr: SocketAddr, tally: Arc<Tally>) {
    let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else {
        return;
    };
    let head = "POST /hook HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 1000\r\nqiscus-sdk-signature: 0000000000000000000000000000000000000000000000000000000000000000\r\n\r\n";
    let _ = stream.write_all(head.as_bytes()).await;
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        for _ in 0..1000 {
            if writer.write_all(b"a").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    let mut response = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), reader.read_to_end(&mut response)).await;
    trickle.abort();
    let text = String::from_utf8_lossy(&response);
    if text.starts_with("HTTP/1.1 408") {
        tally.slow_clients.fetch_add(1, Relaxed);
    } else {
        tally.wrong.fetch_add(1, Relaxed);
        eprintln!("slow client got: {:?}", text.lines().next());
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);
    let connections: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(256);

    let tally = Arc::new(Tally::default());
    // Slow clients: the whole body must arrive within 2 s (the layer's deadline, 408).
    let verify = VerifyWebhookLayer::new(Scheme::qiscus(), SECRET)?
        .body_limit(LIMIT)
        .body_timeout(Duration::from_secs(2));
    let app = Router::new()
        .route("/hook", post(handler).layer(verify))
        .with_state(tally.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });

    let metrics = tokio::runtime::Handle::current().metrics();
    let baseline_tasks = metrics.num_alive_tasks();
    let rss_start = rss_mib();
    println!("load: {connections} connections for {seconds}s against http://{addr}/hook (limit {LIMIT} B)");
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for id in 0..connections {
        tasks.push(tokio::spawn(client(addr, id, deadline, tally.clone())));
    }
    for _ in 0..4 {
        tasks.push(tokio::spawn(abort_mid_body(addr, deadline, tally.clone())));
    }
    for _ in 0..4 {
        tasks.push(tokio::spawn(slow_client(addr, tally.clone())));
    }
    let mut rss_peak = rss_start;
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(500)).await;
        rss_peak = rss_peak.max(rss_mib());
    }
    let rss_end_of_load = rss_mib();
    for task in tasks {
        task.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    // Give the server a moment to notice closed connections, then count what is left.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let leftover = metrics.num_alive_tasks().saturating_sub(baseline_tasks);

    let sent = tally.sent.load(Relaxed);
    let wrong = tally.wrong.load(Relaxed);
    let transport = tally.transport_errors.load(Relaxed);
    let calls = tally.handler_calls.load(Relaxed);
    let accepts = tally.expected_accepts.load(Relaxed);
    println!(
        "requests           {sent} in {elapsed:.1}s ({:.0} req/s)",
        sent as f64 / elapsed
    );
    println!("wrong verdicts     {wrong}");
    println!("transport errors   {transport}");
    println!("handler calls      {calls} (valid requests sent: {accepts})");
    println!(
        "aborted mid-body   {}",
        tally.aborted_mid_body.load(Relaxed)
    );
    println!("slow clients 408   {}", tally.slow_clients.load(Relaxed));
    println!("tasks left behind  {leftover}");
    println!("RSS MiB            start {rss_start:.1}, peak {rss_peak:.1}, end of load {rss_end_of_load:.1}, after {:.1}", rss_mib());
    let ok = wrong == 0 && transport == 0 && calls == accepts && leftover == 0;
    println!("{}", if ok { "load: ok" } else { "load: FAILED" });
    if !ok {
        std::process::exit(1);
    }
    Ok(())
}
