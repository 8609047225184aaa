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
    path: &'static str,
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
    let body = event(provider.name);
    let mut extra = HeaderMap::new();
    if !provider.scheme.signed_content().covers_body() {
        extra.insert("x-message-id", HeaderValue::from_static("msg-0001"));
    }
    let signed = support::sign(provider, &extra, &body);
    let case = |name: &str, headers: HeaderMap, body: Vec<u8>, expected| Case {
        provider: provider.name,
        name: name.to_owned(),
        path: provider.path,
        headers,
        body,
        expected,
    };
    let mut tampered = body.clone();
    tampered[body.len() - 3] = b'X';
    let oversized = vec![b' '; tower_webhook::DEFAULT_BODY_LIMIT + 1];
    let oversized_signed = support::sign(provider, &extra, &oversized);

    let mut cases = vec![case(
        "valid signature",
        signed.clone(),
        body.clone(),
        StatusCode::OK,
    )];
    if provider.scheme.signed_content().covers_body() {
        cases.push(case(
            "tampered body",
            signed.clone(),
            tampered,
            StatusCode::UNAUTHORIZED,
        ));
    } else {
        // The body is not signed by this scheme: a changed body still passes. That is the
        // scheme's caveat, shown on purpose.
        cases.push(case(
            "changed body (unsigned by scheme)",
            signed.clone(),
            tampered,
            StatusCode::OK,
        ));
        let mut other_id = signed.clone();
        other_id.insert("x-message-id", HeaderValue::from_static("msg-0002"));
        cases.push(case(
            "replaced X-Message-Id",
            other_id,
            body.clone(),
            StatusCode::UNAUTHORIZED,
        ));
    }
    cases.push(case(
        "unsigned",
        extra.clone(),
        body.clone(),
        StatusCode::UNAUTHORIZED,
    ));
    let header = provider.scheme.signature_header().clone();
    let mut truncated = signed.clone();
    let value = signed[&header].to_str().unwrap();
    truncated.insert(
        header.clone(),
        HeaderValue::from_str(&value[..value.len() - 2]).unwrap(),
    );
    cases.push(case(
        "truncated signature",
        truncated,
        body.clone(),
        StatusCode::UNAUTHORIZED,
    ));
    let mut duplicated = signed.clone();
    duplicated.append(header, HeaderValue::from_str(value).unwrap());
    cases.push(case(
        "duplicate signature header",
        duplicated,
        body,
        StatusCode::UNAUTHORIZED,
    ));
    cases.push(case(
        "oversized body (2 MiB + 1)",
        oversized_signed,
        oversized,
        StatusCode::PAYLOAD_TOO_LARGE,
    ));
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
    // Amio's own published test vector, byte for byte.
    let mut published = HeaderMap::new();
    published.insert(
        "x-hub-signature",
        HeaderValue::from_static("sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13"),
    );
    cases.insert(0, Case {
        provider: "amio",
        name: "Amio's published test vector".into(),
        path: "/webhooks/amio",
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
        let (status, reason) =
            match support::post_over_tcp(addr, case.path, &case.headers, case.body).await {
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
