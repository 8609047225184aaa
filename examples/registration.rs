//! The registration-based provider end to end: `cargo run --example
//! registration` starts a provider and a receiver on loopback, registers two accounts with
//! bearer JWTs, lists their registrations, builds each account's scheme from its list entry, and
//! has the provider deliver signed events that the receiver verifies per `AccountId`.

mod support;

use serde_json::json;
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};
use support::registration::{self as flow, ProviderState, RegisteredAccounts};

async fn serve(app: axum::Router) -> std::io::Result<std::net::SocketAddr> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(addr)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let provider_state = ProviderState::default();
    let provider = serve(flow::provider_app(provider_state.clone())).await?;
    let accounts = RegisteredAccounts::default();
    let handled = Arc::new(Mutex::new(HashMap::new()));
    let receiver = serve(flow::receiver_app(accounts.clone(), handled.clone())?).await?;
    let callback = format!("http://{receiver}/hooks/registered");
    println!("provider on http://{provider}, receiver on {callback}");

    for (account, key) in [
        ("acct-0001", "shared-key-0001"),
        ("acct-0002", "shared-key-0002"),
    ] {
        let token = flow::token_for(account);
        let status = flow::register_with(
            provider,
            account,
            &token,
            json!({"callbackUrl": callback, "sharedKey": key}),
        )
        .await;
        println!("POST /v1/webhooks/register  AccountId={account}  -> {status}");
        let list = flow::list_for(provider, account, &token)
            .await
            .ok_or("the list call failed")?;
        let entry = &list.content[0];
        println!(
            "GET  /v1/webhooks/list       AccountId={account}  -> {} entry: {} {} {}",
            list.total_elements, entry.hmac_header_name, entry.algorithm, entry.status
        );
        accounts.add(account, entry, key)?;
        let delivered = provider_state
            .deliver(account, br#"{"eventType":"PAYMENT_COMPLETED"}"#)
            .await;
        println!("provider delivers to {account}          -> {delivered:?}");
    }
    let wrong = flow::register_with(
        provider,
        "acct-0001",
        "not-a-jwt",
        json!({"callbackUrl": callback, "sharedKey": "k"}),
    )
    .await;
    println!("register with a bad token              -> {wrong}");
    println!("handled per account: {:?}", handled.lock().unwrap());
    Ok(())
}
