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
