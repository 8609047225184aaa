//! A long-running webhook receiver on 127.0.0.1:$PORT (default 3000), one route per provider.
//!
//! ```sh
//! cargo run --features ed25519,ecdsa,rsa --example receiver
//! REDIS_URL=redis://127.0.0.1:6379/ cargo run --all-features --example receiver
//! ```

mod support;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000);
    // Deliveries are handled once: across instances through Redis when REDIS_URL is set, in
    // this process's memory otherwise.
    let dedup = match std::env::var("REDIS_URL") {
        #[cfg(feature = "redis")]
        Ok(url) => {
            let store = tower_webhook::dedup::RedisStore::connect(&url).await?;
            println!("deduplicating through Redis at {url}");
            tower_webhook::dedup::Deduplicate::new(store)
        }
        #[cfg(not(feature = "redis"))]
        Ok(_) => return Err("REDIS_URL is set: run with --features redis".into()),
        Err(_) => {
            println!("deduplicating in memory (set REDIS_URL to share across instances)");
            tower_webhook::dedup::Deduplicate::new(tower_webhook::dedup::MemoryStore::new())
        }
    };
    let app = support::app_with(dedup, support::Stats::default())?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!(
        "tower-webhook receiver on http://{}",
        listener.local_addr()?
    );
    println!("routes, each with its key (environment variable: value in use):");
    for provider in support::all_providers() {
        let variable = support::key_variable(&provider);
        let source = if std::env::var(&variable).is_ok() {
            "set"
        } else {
            "default"
        };
        println!(
            "  POST {:<36} {variable} = {:?} ({source})",
            provider.path, provider.secret
        );
    }
    println!("  GET  /stats: handler calls per route");
    println!(
        "META_VERIFY_TOKEN = {:?}",
        std::env::var("META_VERIFY_TOKEN")
            .unwrap_or_else(|_| support::DEFAULT_META_VERIFY_TOKEN.into())
    );
    let public_url = std::env::var("PUBLIC_URL");
    println!(
        "PUBLIC_URL = {:?} ({}), the base URL-signed presets expect",
        public_url.as_deref().unwrap_or(support::DEFAULT_PUBLIC_URL),
        if public_url.is_ok() { "set" } else { "default" }
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
