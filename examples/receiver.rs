//! A long-running webhook receiver on 127.0.0.1:$PORT (default 3000), one route per provider.
//!
//! ```sh
//! cargo run --example receiver
//! ```

mod support;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000);
    let app = support::app()?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!(
        "tower-webhook receiver on http://{}",
        listener.local_addr()?
    );
    for provider in support::providers() {
        println!("  POST {:<22} {}", provider.path, provider.scheme.name());
    }
    println!("secrets (environment variable = value used when unset):");
    for (name, default) in support::ENVIRONMENT {
        let source = if std::env::var(name).is_ok() {
            "set"
        } else {
            "default"
        };
        println!("  {name} = {default:?} ({source})");
    }
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
