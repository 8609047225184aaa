//! The registration-based provider's flow end to end over TCP: the receiver
//! registers itself with a bearer JWT and its `AccountId`, lists its registrations, builds each
//! account's scheme from the list entry (`hmacHeaderName`, `algorithm`), and verifies the
//! provider's deliveries per account; the provider answers what the document's troubleshooting
//! says to bad registrations.

use crate::support;

use http::StatusCode;
use serde_json::json;
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};
use support::registration::{self as flow, ProviderState, RegisteredAccounts};

async fn serve(app: axum::Router) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

#[tokio::test]
async fn register_list_and_receive_per_account() {
    let provider_state = ProviderState::default();
    let provider = serve(flow::provider_app(provider_state.clone())).await;
    let accounts = RegisteredAccounts::default();
    let handled = Arc::new(Mutex::new(HashMap::new()));
    let receiver = serve(flow::receiver_app(accounts.clone(), handled.clone()).unwrap()).await;
    let callback = format!("http://{receiver}/hooks/registered");

    // Two accounts register, one with each of the document's two names for the URL.
    let (one, two) = (
        "4f1c2a9e-0000-4000-8000-000000000001",
        "4f1c2a9e-0000-4000-8000-000000000002",
    );
    let keys = [
        (one, "f7b3ca9275d949d9b74f7f1b-one"),
        (two, "f7b3ca9275d949d9b74f7f1b-two"),
    ];
    let status = flow::register_with(
        provider,
        one,
        &flow::token_for(one),
        json!({"callbackUrl": callback, "sharedKey": keys[0].1}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let status = flow::register_with(
        provider,
        two,
        &flow::token_for(two),
        json!({"webhookUrl": callback, "sharedKey": keys[1].1}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // The troubleshooting section's answers.
    let body = json!({"callbackUrl": callback, "sharedKey": "k"});
    assert_eq!(
        flow::register_with(provider, one, "not-a-jwt", body.clone()).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        flow::register_with(provider, one, &flow::token_for(two), body.clone()).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        flow::register_with(
            provider,
            one,
            &flow::token_for(one),
            json!({"callbackUrl": callback})
        )
        .await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        flow::register_with(
            provider,
            one,
            &flow::token_for(one),
            json!({"sharedKey": "k"})
        )
        .await,
        StatusCode::BAD_REQUEST
    );

    // Each account lists its registration and builds its scheme from the entry.
    for (account, key) in keys {
        let list = flow::list_for(provider, account, &flow::token_for(account))
            .await
            .expect("a list");
        assert_eq!(
            (
                list.total_elements,
                list.total_pages,
                list.number,
                list.size
            ),
            (1, 1, 0, 20)
        );
        let entry = &list.content[0];
        assert_eq!(
            (entry.algorithm.as_str(), entry.status.as_str()),
            ("SHA_256", "ACTIVE")
        );
        assert_eq!(entry.endpoint_url, callback);
        accounts.add(account, entry, key).unwrap();
    }
    // The provider gave the two accounts different header names; both verify.
    let first = flow::list_for(provider, one, &flow::token_for(one))
        .await
        .unwrap();
    let second = flow::list_for(provider, two, &flow::token_for(two))
        .await
        .unwrap();
    assert_ne!(
        first.content[0].hmac_header_name,
        second.content[0].hmac_header_name
    );

    let event = br#"{"eventType":"PAYMENT_COMPLETED","id":"cfd86c98-d7e9-4465-8aa0-e0614ccdeeed"}"#;
    assert_eq!(
        provider_state.deliver(one, event).await,
        vec![StatusCode::NO_CONTENT]
    );
    assert_eq!(
        provider_state.deliver(two, event).await,
        vec![StatusCode::NO_CONTENT]
    );
    assert_eq!(handled.lock().unwrap().get(one), Some(&1));
    assert_eq!(handled.lock().unwrap().get(two), Some(&1));

    // A delivery for account one signed with account two's key is refused.
    let forged = {
        use hmac::{Hmac, KeyInit, Mac};
        let mut mac =
            <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(keys[1].1.as_bytes()).unwrap();
        mac.update(event);
        hex::encode(mac.finalize().into_bytes())
    };
    let mut headers = http::HeaderMap::new();
    headers.insert("accountid", one.parse().unwrap());
    headers.insert(
        http::HeaderName::from_bytes(first.content[0].hmac_header_name.as_bytes()).unwrap(),
        forged.parse().unwrap(),
    );
    let (status, _) =
        support::post_over_tcp(receiver, "/hooks/registered", &headers, event.to_vec())
            .await
            .unwrap();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(handled.lock().unwrap().get(one), Some(&1));
}
