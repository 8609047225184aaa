//! The main job: starts the receiver on a free loopback port, sends real signed (and badly
//! signed) requests to it over TCP for every provider, prints what was accepted and rejected, and
//! exits non-zero if anything behaved other than expected.
//!
//! ```sh
//! cargo run --all-features --example demo
//! ```

mod support;

use http::{HeaderMap, HeaderValue, StatusCode};
use support::Provider;

struct Case {
    provider: &'static str,
    name: String,
    method: http::Method,
    path: String,
    headers: HeaderMap,
    body: Vec<u8>,
    expected: StatusCode,
}

/// A realistic JSON event for `provider`.
fn event(provider: &str) -> Vec<u8> {
    format!(
        r#"{{"provider":"{provider}","event":"message.created","data":{{"id":42,"text":"hello"}}}}"#
    )
    .into_bytes()
}

fn cases_for(provider: &Provider) -> Vec<Case> {
    let scheme = &provider.scheme;
    let body = event(provider.name);
    // Headers the signature covers (X-Message-Id, webhook-id) get a delivery id.
    let mut extra = HeaderMap::new();
    for name in scheme.get_signed_content().headers() {
        extra.insert(name.clone(), HeaderValue::from_static("msg-0001"));
    }
    let now = support::now();
    let signed = support::sign_at(provider, &extra, &body, now);
    let mut cases = Vec::new();
    let mut add = |name: &str, headers: &HeaderMap, body: &[u8], expected| {
        cases.push(Case {
            provider: provider.name,
            name: name.to_owned(),
            method: http::Method::POST,
            path: provider.path.clone(),
            headers: headers.clone(),
            body: body.to_vec(),
            expected,
        })
    };

    add("valid signature", &signed, &body, StatusCode::OK);

    let mut tampered = body.clone();
    tampered[body.len() - 3] = b'X';
    if scheme.get_signed_content().covers_body() {
        add(
            "tampered body",
            &signed,
            &tampered,
            StatusCode::UNAUTHORIZED,
        );
    } else {
        // This scheme does not sign the body: a changed body still passes. That is its caveat,
        // shown on purpose.
        add(
            "changed body (unsigned by scheme)",
            &signed,
            &tampered,
            StatusCode::OK,
        );
    }
    if let Some(name) = scheme.get_signed_content().headers().next() {
        let mut other_id = signed.clone();
        other_id.insert(name.clone(), HeaderValue::from_static("msg-0002"));
        add(
            &format!("replaced {name}"),
            &other_id,
            &body,
            StatusCode::UNAUTHORIZED,
        );
    }
    if scheme.has_timestamp() {
        let stale = support::sign_at(provider, &extra, &body, now - 600);
        add(
            "replayed 10 minutes later",
            &stale,
            &body,
            StatusCode::UNAUTHORIZED,
        );
        let ahead = support::sign_at(provider, &extra, &body, now + 600);
        add(
            "timestamp 10 minutes ahead",
            &ahead,
            &body,
            StatusCode::UNAUTHORIZED,
        );
    }
    add("unsigned", &extra, &body, StatusCode::UNAUTHORIZED);

    let header = scheme.get_signature_header().clone();
    let value = signed[&header].to_str().unwrap().to_owned();
    let mut truncated = signed.clone();
    truncated.insert(
        header.clone(),
        HeaderValue::from_str(&value[..value.len() - 2]).unwrap(),
    );
    add(
        "truncated signature",
        &truncated,
        &body,
        StatusCode::UNAUTHORIZED,
    );
    let mut duplicated = signed.clone();
    duplicated.append(header, HeaderValue::from_str(&value).unwrap());
    add(
        "duplicate signature header",
        &duplicated,
        &body,
        StatusCode::UNAUTHORIZED,
    );

    let oversized = vec![b' '; tower_webhook::DEFAULT_BODY_LIMIT + 1];
    let oversized_signed = support::sign_at(provider, &extra, &oversized, now);
    add(
        "oversized body (2 MiB + 1)",
        &oversized_signed,
        &oversized,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
    cases
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = support::app()?;
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    println!("receiver listening on http://{addr}\n");

    let mut cases: Vec<Case> = support::providers().iter().flat_map(cases_for).collect();
    cases.extend(family_cases(&support::all_providers()));
    cases.extend(receiving_cases(&support::all_providers()));
    // Amio's own published test vector, byte for byte.
    let mut published = HeaderMap::new();
    published.insert(
        "x-hub-signature",
        HeaderValue::from_static("sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13"),
    );
    cases.insert(0, Case {
        provider: "amio",
        name: "Amio's published test vector".into(),
        method: http::Method::POST,
        path: "/webhooks/amio".into(),
        headers: published,
        body: br#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#.to_vec(),
        expected: StatusCode::OK,
    });

    println!(
        "{:<11} {:<41} {:>8} {:>4}  {:<34} result",
        "provider", "request", "expected", "got", "reason"
    );
    println!("{}", "-".repeat(110));
    let mut tally = Tally::default();
    for case in cases {
        // Large bodies go through the streaming client, which hears an early 413 even while
        // the server closes the connection under a body it refused to read.
        let sent = if case.body.len() > 64 * 1024 {
            support::post_streaming(addr, &case.path, &case.headers, case.body).await
        } else {
            support::send_over_tcp(addr, case.method, &case.path, &case.headers, case.body)
                .await
                .map(|(status, _, body)| (status, body))
        };
        let (status, reason) = match sent {
            Ok((status, body)) => (Some(status), reason(status, &body)),
            Err(error) => (None, format!("transport error: {error}")),
        };
        row(
            &mut tally,
            case.provider,
            &case.name,
            case.expected,
            status,
            &reason,
        );
    }
    in_flight_rows(&mut tally).await;
    registration_rows(&mut tally).await;

    // Every duplicate above was answered without its handler: one call per delivery.
    let (_, _, stats) = support::send_over_tcp(
        addr,
        http::Method::GET,
        "/stats",
        &HeaderMap::new(),
        Vec::new(),
    )
    .await
    .map_err(|error| error.to_string())?;
    let stats: serde_json::Value = serde_json::from_str(&stats)?;
    let standard_calls = stats["standard"].as_u64().unwrap_or(0);
    row(
        &mut tally,
        "standard",
        "GET /stats: handler ran once per delivery",
        StatusCode::OK,
        Some(if standard_calls == 2 {
            StatusCode::OK
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        }),
        &format!("standard handler ran {standard_calls}x"),
    );
    let (passed, failed) = (tally.passed, tally.failed);
    println!("\n{passed} passed, {failed} failed");
    server.abort();
    if failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// One valid and one rejected request for each family the named routes do not show: a URL-signed
/// preset (Twilio), Ed25519 (Discord), ECDSA P-256 (SendGrid) and a shared token (GitLab). The
/// public-key ones are signed here with the demo's private keys, not through this crate.
fn family_cases(providers: &[Provider]) -> Vec<Case> {
    let find = |name: &str| providers.iter().find(|p| p.name == name).expect("served");
    let now = support::now().to_string();
    let mut cases = Vec::new();
    let mut pair = |provider: &Provider,
                    headers: HeaderMap,
                    body: Vec<u8>,
                    bad: (&str, HeaderMap, Vec<u8>)| {
        let (bad_name, bad_headers, bad_body) = bad;
        cases.push(Case {
            provider: provider.name,
            name: format!("valid {}", provider.scheme.method()),
            method: http::Method::POST,
            path: provider.path.clone(),
            headers,
            body,
            expected: StatusCode::OK,
        });
        cases.push(Case {
            provider: provider.name,
            name: bad_name.to_owned(),
            method: http::Method::POST,
            path: provider.path.clone(),
            headers: bad_headers,
            body: bad_body,
            expected: StatusCode::UNAUTHORIZED,
        });
    };

    // URL-signed: the public URL plus the sorted form parameters.
    let twilio = find("twilio");
    let form = b"CallSid=CA123&From=%2B14158675309&To=%2B18005551212".to_vec();
    let request = http::Request::post(&twilio.path)
        .body(form.clone())
        .unwrap();
    let signer = tower_webhook::Signer::new(twilio.scheme.clone(), &twilio.secret).unwrap();
    let signed = signer.sign_request(&request, 0).unwrap();
    let mut other = form.clone();
    other[8] = b'9';
    pair(
        twilio,
        signed.clone(),
        form,
        ("form parameter changed", signed, other),
    );

    // Ed25519 over timestamp + body.
    let discord = find("discord");
    let body = br#"{"type":2,"id":"42"}"#.to_vec();
    let key = ed25519_dalek::SigningKey::from_bytes(&support::DEMO_ED25519_SEED);
    let mut message = now.clone().into_bytes();
    message.extend_from_slice(&body);
    let signature = ed25519_dalek::Signer::sign(&key, &message);
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-signature-ed25519",
        hex::encode(signature.to_bytes()).parse().unwrap(),
    );
    headers.insert("x-signature-timestamp", now.parse().unwrap());
    pair(
        discord,
        headers.clone(),
        body,
        (
            "body changed after signing",
            headers,
            br#"{"type":3,"id":"42"}"#.to_vec(),
        ),
    );

    // ECDSA P-256 over timestamp + body, DER, base64.
    let sendgrid = find("sendgrid");
    let body = b"[{\"event\":\"delivered\",\"sg_event_id\":\"e1\"}]\r\n".to_vec();
    let key = p256::ecdsa::SigningKey::from_slice(&support::DEMO_P256_SCALAR).unwrap();
    let mut message = now.clone().into_bytes();
    message.extend_from_slice(&body);
    let signature: p256::ecdsa::Signature = p256::ecdsa::signature::Signer::sign(&key, &message);
    let encoded = {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(signature.to_der().as_bytes())
    };
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-twilio-email-event-webhook-signature",
        encoded.parse().unwrap(),
    );
    headers.insert(
        "x-twilio-email-event-webhook-timestamp",
        now.parse().unwrap(),
    );
    let mut other = body.clone();
    other[3] = b'E';
    pair(
        sendgrid,
        headers.clone(),
        body,
        ("body changed after signing", headers, other),
    );

    // A shared token, compared in constant time.
    let gitlab = find("gitlab");
    let body = br#"{"object_kind":"push"}"#.to_vec();
    let mut headers = HeaderMap::new();
    headers.insert("x-gitlab-token", gitlab.secret.parse().unwrap());
    let mut wrong = HeaderMap::new();
    wrong.insert("x-gitlab-token", "not-the-token".parse().unwrap());
    pair(gitlab, headers, body.clone(), ("wrong token", wrong, body));
    cases
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

/// Prints one row of the table and counts it.
fn row(
    tally: &mut Tally,
    provider: &str,
    name: &str,
    expected: StatusCode,
    got: Option<StatusCode>,
    reason: &str,
) {
    let ok = got == Some(expected);
    if ok {
        tally.passed += 1;
    } else {
        tally.failed += 1;
    }
    println!(
        "{:<11} {:<41} {:>8} {:>4}  {:<34} {}",
        provider,
        name,
        expected.as_u16(),
        got.map_or("-".into(), |s| s.as_u16().to_string()),
        reason,
        if ok { "ok" } else { "WRONG" },
    );
}

/// Duplicates and endpoint checks at the receiver's preset routes.
fn receiving_cases(providers: &[Provider]) -> Vec<Case> {
    let find = |name: &str| providers.iter().find(|p| p.name == name).expect("served");
    let now = support::now();
    let mut cases = Vec::new();
    let mut add = |provider: &'static str,
                   name: &str,
                   method: http::Method,
                   path: String,
                   headers: HeaderMap,
                   body: &[u8],
                   expected| {
        cases.push(Case {
            provider,
            name: name.to_owned(),
            method,
            path,
            headers,
            body: body.to_vec(),
            expected,
        })
    };

    // The same Standard Webhooks delivery twice: handled once, then a 200 duplicate.
    let standard = find("standard");
    let mut id = HeaderMap::new();
    id.insert("webhook-id", HeaderValue::from_static("msg-dup-0001"));
    let body = br#"{"type":"invoice.paid"}"#;
    let signed = support::sign_at(standard, &id, body, now);
    add(
        "standard",
        "delivery msg-dup-0001",
        http::Method::POST,
        standard.path.clone(),
        signed.clone(),
        body,
        StatusCode::OK,
    );
    add(
        "standard",
        "same delivery again (duplicate)",
        http::Method::POST,
        standard.path.clone(),
        signed,
        body,
        StatusCode::OK,
    );

    // Meta's subscription check: an unsigned GET.
    let meta = find("meta");
    let challenge = |token: &str| {
        format!(
            "{}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={token}",
            meta.path
        )
    };
    add(
        "meta",
        "GET hub.challenge, right token",
        http::Method::GET,
        challenge(support::DEFAULT_META_VERIFY_TOKEN),
        HeaderMap::new(),
        b"",
        StatusCode::OK,
    );
    add(
        "meta",
        "GET hub.challenge, wrong token",
        http::Method::GET,
        challenge("guess"),
        HeaderMap::new(),
        b"",
        StatusCode::FORBIDDEN,
    );

    // Slack's and Zoom's signed checks.
    for (name, body) in [
        (
            "slack",
            r#"{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595","type":"url_verification"}"#,
        ),
        (
            "zoom",
            r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event":"endpoint.url_validation"}"#,
        ),
    ] {
        let provider = find(name);
        let signed = support::sign_at(provider, &HeaderMap::new(), body.as_bytes(), now);
        let label = if name == "slack" {
            "url_verification (signed)"
        } else {
            "endpoint.url_validation (signed)"
        };
        add(
            provider.name,
            label,
            http::Method::POST,
            provider.path.clone(),
            signed,
            body.as_bytes(),
            StatusCode::OK,
        );
    }

    // Discord's signed PING, answered PONG.
    let discord = find("discord");
    let body = br#"{"type":1,"id":"ping"}"#;
    let key = ed25519_dalek::SigningKey::from_bytes(&support::DEMO_ED25519_SEED);
    let mut message = now.to_string().into_bytes();
    message.extend_from_slice(body);
    let signature = ed25519_dalek::Signer::sign(&key, &message);
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-signature-ed25519",
        hex::encode(signature.to_bytes()).parse().unwrap(),
    );
    headers.insert("x-signature-timestamp", now.to_string().parse().unwrap());
    add(
        "discord",
        "PING (signed, Ed25519)",
        http::Method::POST,
        discord.path.clone(),
        headers,
        body,
        StatusCode::OK,
    );

    // Unsigned checks: Dropbox's challenge, X's CRC, Trello's HEAD, WooCommerce's ping.
    add(
        "dropbox",
        "GET ?challenge=",
        http::Method::GET,
        format!("{}?challenge=kQ8z3", find("dropbox").path),
        HeaderMap::new(),
        b"",
        StatusCode::OK,
    );
    add(
        "twitter",
        "GET ?crc_token= (CRC)",
        http::Method::GET,
        format!("{}?crc_token=9b4507b3", find("twitter").path),
        HeaderMap::new(),
        b"",
        StatusCode::OK,
    );
    add(
        "trello",
        "HEAD when the webhook is created",
        http::Method::HEAD,
        find("trello").path.clone(),
        HeaderMap::new(),
        b"",
        StatusCode::OK,
    );
    add(
        "woocommerce",
        "unsigned activation ping",
        http::Method::POST,
        find("woocommerce").path.clone(),
        HeaderMap::new(),
        b"webhook_id=5",
        StatusCode::OK,
    );
    cases
}

/// A duplicate that arrives while the first copy is still being handled: 409 with Retry-After.
async fn in_flight_rows(tally: &mut Tally) {
    use tower_webhook::{dedup::MemoryStore, Scheme, Signer, VerifyWebhookLayer};
    let layer = VerifyWebhookLayer::new(Scheme::github(), "It's a Secret to Everybody")
        .expect("valid")
        .deduplicate(MemoryStore::new());
    let slow = axum::Router::new().route(
        "/slow",
        axum::routing::post(|| async {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            "handled"
        })
        .layer(layer),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let addr = listener.local_addr().expect("bound");
    let server = tokio::spawn(async move { axum::serve(listener, slow).await });
    let body = br#"{"action":"opened"}"#.to_vec();
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-github-delivery",
        HeaderValue::from_static("72d3162e-cc78-11e3-81ab-4c9367dc0958"),
    );
    headers.extend(
        Signer::new(Scheme::github(), "It's a Secret to Everybody")
            .unwrap()
            .sign(&HeaderMap::new(), &body)
            .unwrap(),
    );
    let first_headers = headers.clone();
    let first_body = body.clone();
    let first = tokio::spawn(async move {
        support::send_over_tcp(
            addr,
            http::Method::POST,
            "/slow",
            &first_headers,
            first_body,
        )
        .await
    });
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let second = support::send_over_tcp(addr, http::Method::POST, "/slow", &headers, body).await;
    let (status, reason) = match second {
        Ok((status, headers, body)) => {
            let retry = headers
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-")
                .to_owned();
            (
                Some(status),
                format!("{} (Retry-After {retry})", reason(status, &body)),
            )
        }
        Err(error) => (None, format!("transport error: {error}")),
    };
    row(
        tally,
        "github",
        "same delivery while the first runs",
        StatusCode::CONFLICT,
        status,
        &reason,
    );
    let first = first
        .await
        .ok()
        .and_then(Result::ok)
        .map(|(status, _, _)| status);
    row(
        tally,
        "github",
        "the first copy, handled",
        StatusCode::OK,
        first,
        "handled once",
    );
    server.abort();
}

/// The registration-based provider: register, list, deliver per account (tenant secrets).
async fn registration_rows(tally: &mut Tally) {
    use support::registration::{self as flow, ProviderState, RegisteredAccounts};
    let serve = |app: axum::Router| async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let addr = listener.local_addr().expect("bound");
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    };
    let provider_state = ProviderState::default();
    let provider = serve(flow::provider_app(provider_state.clone())).await;
    let accounts = RegisteredAccounts::default();
    let handled = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::new()));
    let receiver = serve(flow::receiver_app(accounts.clone(), handled).expect("valid")).await;
    let callback = format!("http://{receiver}/hooks/registered");
    let account = "4f1c2a9e-0000-4000-8000-000000000001";
    let token = flow::token_for(account);
    let body =
        serde_json::json!({"callbackUrl": callback, "sharedKey": "f7b3ca9275d949d9b74f7f1b"});
    let status = flow::register_with(provider, account, &token, body.clone()).await;
    row(
        tally,
        "hubpay",
        "register (Bearer JWT, AccountId)",
        StatusCode::OK,
        Some(status),
        "registered",
    );
    let status = flow::register_with(provider, account, "not-a-jwt", body).await;
    row(
        tally,
        "hubpay",
        "register with a bad token",
        StatusCode::UNAUTHORIZED,
        Some(status),
        "refused by the provider",
    );
    let listed = flow::list_for(provider, account, &token).await;
    let entry = listed.as_ref().and_then(|list| list.content.first());
    let described = entry.map_or("no entry".to_owned(), |e| {
        format!("{} {}", e.hmac_header_name, e.algorithm)
    });
    row(
        tally,
        "hubpay",
        "list registrations",
        StatusCode::OK,
        entry.map(|_| StatusCode::OK),
        &described,
    );
    if let Some(entry) = entry {
        accounts
            .add(account, entry, "f7b3ca9275d949d9b74f7f1b")
            .expect("a valid registration");
    }
    let delivered = provider_state
        .deliver(account, br#"{"eventType":"PAYMENT_COMPLETED"}"#)
        .await;
    row(
        tally,
        "hubpay",
        "delivery, verified per AccountId",
        StatusCode::NO_CONTENT,
        delivered.first().copied(),
        "tenant secret",
    );
    let mut forged = HeaderMap::new();
    forged.insert("accountid", account.parse().unwrap());
    forged.insert("x-hub-signature", "00".repeat(32).parse().unwrap());
    let status = support::post_over_tcp(receiver, "/hooks/registered", &forged, b"{}".to_vec())
        .await
        .ok()
        .map(|(s, _)| s);
    row(
        tally,
        "hubpay",
        "forged delivery for that account",
        StatusCode::UNAUTHORIZED,
        status,
        "signature_mismatch",
    );
    let mut unknown = forged.clone();
    unknown.insert("accountid", "acct-unknown".parse().unwrap());
    let status = support::post_over_tcp(receiver, "/hooks/registered", &unknown, b"{}".to_vec())
        .await
        .ok()
        .map(|(s, _)| s);
    row(
        tally,
        "hubpay",
        "unknown account (same 401)",
        StatusCode::UNAUTHORIZED,
        status,
        "signature_mismatch",
    );
}

/// "accepted" or the rejection's error code.
fn reason(status: StatusCode, body: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    if let Some(scheme) = json["accepted"].as_str() {
        format!("accepted ({scheme})")
    } else if let Some(code) = json["error"].as_str().or(json["code"].as_str()) {
        code.to_owned()
    } else if status.is_success() && body.is_empty() {
        "answered, empty body".to_owned()
    } else {
        format!("answered {}", body.chars().take(25).collect::<String>())
    }
}
