//! The main job: starts the receiver on a free loopback port, sends real signed (and badly
//! signed) requests to it over TCP for every provider, prints what was accepted and rejected, and
//! exits non-zero if anything behaved other than expected.
//!
//! ```sh
//! cargo run --example demo
//! ```

mod support;

use http::{HeaderMap, HeaderValue, StatusCode};
use support::Provider;

struct Case {
    provider: &'static str,
    name: String,
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
    for name in scheme.signed_content().headers() {
        extra.insert(name.clone(), HeaderValue::from_static("msg-0001"));
    }
    let now = support::now();
    let signed = support::sign_at(provider, &extra, &body, now);
    let mut cases = Vec::new();
    let mut add = |name: &str, headers: &HeaderMap, body: &[u8], expected| {
        cases.push(Case {
            provider: provider.name,
            name: name.to_owned(),
            path: provider.path.clone(),
            headers: headers.clone(),
            body: body.to_vec(),
            expected,
        })
    };

    add("valid signature", &signed, &body, StatusCode::OK);

    let mut tampered = body.clone();
    tampered[body.len() - 3] = b'X';
    if scheme.signed_content().covers_body() {
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
    if let Some(name) = scheme.signed_content().headers().next() {
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

    let header = scheme.signature_header_name().clone();
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
    // Amio's own published test vector, byte for byte.
    let mut published = HeaderMap::new();
    published.insert(
        "x-hub-signature",
        HeaderValue::from_static("sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13"),
    );
    cases.insert(0, Case {
        provider: "amio",
        name: "Amio's published test vector".into(),
        path: "/webhooks/amio".into(),
        headers: published,
        body: br#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#.to_vec(),
        expected: StatusCode::OK,
    });

    println!(
        "{:<9} {:<36} {:>8} {:>4}  {:<28} result",
        "provider", "request", "expected", "got", "reason"
    );
    println!("{}", "-".repeat(100));
    let (mut passed, mut failed) = (0, 0);
    for case in cases {
        // Large bodies go through the streaming client, which hears an early 413 even while
        // the server closes the connection under a body it refused to read.
        let sent = if case.body.len() > 64 * 1024 {
            support::post_streaming(addr, &case.path, &case.headers, case.body).await
        } else {
            support::post_over_tcp(addr, &case.path, &case.headers, case.body).await
        };
        let (status, reason) = match sent {
            Ok((status, body)) => (Some(status), reason(status, &body)),
            Err(error) => (None, format!("transport error: {error}")),
        };
        let ok = status == Some(case.expected);
        if ok {
            passed += 1
        } else {
            failed += 1
        }
        println!(
            "{:<9} {:<36} {:>8} {:>4}  {:<28} {}",
            case.provider,
            case.name,
            case.expected.as_u16(),
            status.map_or("-".into(), |s| s.as_u16().to_string()),
            reason,
            if ok { "ok" } else { "WRONG" },
        );
    }
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
            path: provider.path.clone(),
            headers,
            body,
            expected: StatusCode::OK,
        });
        cases.push(Case {
            provider: provider.name,
            name: bad_name.to_owned(),
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
    let body = br#"{"type":1,"id":"42"}"#.to_vec();
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
            br#"{"type":2,"id":"42"}"#.to_vec(),
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

/// "accepted" or the rejection's error code.
fn reason(status: StatusCode, body: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    if status.is_success() {
        format!("accepted ({})", json["accepted"].as_str().unwrap_or("?"))
    } else if let Some(code) = json["error"].as_str() {
        code.to_owned()
    } else {
        body.chars().take(28).collect()
    }
}
