//! Scheme behaviour beyond single vectors (those are in `known_answers.rs`): Standard Webhooks
//! cross-checked against the independent `standardwebhooks` crate, several `v1` entries, replay
//! windows, strict timestamps and secret rotation.

use http::{HeaderMap, HeaderName, HeaderValue};
use std::time::{Duration, UNIX_EPOCH};
use tower_webhook::{Scheme, Signer, Verifier, WebhookError};

const EVENT: &[u8] = br#"{"id":"evt_1","type":"ping","data":{"n":1}}"#;
const TS: u64 = 1_700_000_000;

fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

fn at(seconds: u64) -> impl Fn() -> std::time::SystemTime + Send + Sync + 'static {
    move || UNIX_EPOCH + Duration::from_secs(seconds)
}

#[test]
fn standard_webhooks_signed_by_the_standardwebhooks_crate() {
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let theirs = standardwebhooks::Webhook::new(secret).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let verifier = Verifier::new(Scheme::standard_webhooks(), secret).unwrap();
    for (i, body) in [&b""[..], b"{}", EVENT, &[b'x'; 10_000]].iter().enumerate() {
        let id = format!("msg_{i}");
        let signature = theirs.sign(&id, now as i64, body).unwrap();
        // Several signatures, as during rotation: an unknown version and a wrong one first.
        let header = format!("v1a,AAAA v1,{} {signature}", "A".repeat(43) + "=");
        let signed = headers(&[
            ("webhook-id", &id),
            ("webhook-timestamp", &now.to_string()),
            ("webhook-signature", &header),
        ]);
        verifier.verify(&signed, body).unwrap();
        // And ours verifies with theirs.
        let ours = Signer::new(Scheme::standard_webhooks(), secret)
            .unwrap()
            .sign_at(&headers(&[("webhook-id", &id)]), body, now)
            .unwrap();
        let mut all = ours.clone();
        all.insert("webhook-id", id.parse().unwrap());
        theirs.verify(body, &all).unwrap();
    }
}

#[test]
fn stripe_accepts_any_matching_v1_and_ignores_v0() {
    let verifier = Verifier::new(Scheme::stripe(), "whsec_stripe_test")
        .unwrap()
        .clock(at(TS));
    let good = "2c7d37250150e146e99ad302f20b530dcd080fb18da190ca4752e15e92eb09c5";
    let value = format!("t=1700000000,v1={},v0={good},v1={good}", "0".repeat(64));
    assert!(verifier
        .verify(&headers(&[("Stripe-Signature", &value)]), EVENT)
        .is_ok());
    let only_v0 = format!("t=1700000000,v0={good}");
    assert!(verifier
        .verify(&headers(&[("Stripe-Signature", &only_v0)]), EVENT)
        .is_err());
}

#[test]
fn replay_window_is_inclusive_and_two_sided() {
    let signed = headers(&[(
        "Stripe-Signature",
        "t=1700000000,v1=2c7d37250150e146e99ad302f20b530dcd080fb18da190ca4752e15e92eb09c5",
    )]);
    let verify_at = |now| {
        Verifier::new(Scheme::stripe(), "whsec_stripe_test")
            .unwrap()
            .clock(at(now))
            .verify(&signed, EVENT)
    };
    assert!(verify_at(TS + 300).is_ok());
    assert!(verify_at(TS - 300).is_ok());
    assert!(matches!(
        verify_at(TS + 301),
        Err(WebhookError::TimestampOutOfTolerance { future: false })
    ));
    assert!(matches!(
        verify_at(TS - 301),
        Err(WebhookError::TimestampOutOfTolerance { future: true })
    ));
    let custom = Verifier::new(Scheme::stripe(), "whsec_stripe_test")
        .unwrap()
        .tolerance(Duration::from_secs(30))
        .clock(at(TS + 31));
    assert!(custom.verify(&signed, EVENT).is_err());
}

#[test]
fn timestamps_are_parsed_strictly() {
    let verifier = Verifier::new(Scheme::slack(), "8f742231b10e8888abcd99yyyzzz85a5")
        .unwrap()
        .clock(at(TS));
    for raw in [
        "-1700000000",
        "+1700000000",
        "1e9",
        "1700000000.0",
        "",
        "0x6553f100",
        "9223372036854775808",
        "1700000000000",
    ] {
        let signed = headers(&[
            ("X-Slack-Request-Timestamp", raw),
            (
                "X-Slack-Signature",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            ),
        ]);
        let error = verifier.verify(&signed, b"").unwrap_err();
        assert!(
            matches!(
                error,
                WebhookError::MalformedTimestamp { .. }
                    | WebhookError::TimestampOutOfTolerance { .. }
            ),
            "{raw:?}: {error:?}"
        );
        assert_eq!(error.status(), http::StatusCode::UNAUTHORIZED);
    }
}

#[test]
fn rotation_reports_which_secret_matched_and_never_which_was_closest() {
    let verifier = Verifier::with_secrets(
        Scheme::github(),
        [
            ("2025-new", "new secret"),
            ("2024-old", "It's a Secret to Everybody"),
        ],
    )
    .unwrap();
    let signed = headers(&[(
        "X-Hub-Signature-256",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    )]);
    let verified = verifier.verify(&signed, b"Hello, World!").unwrap();
    assert_eq!(verified.secret_id(), "2024-old");
    assert!(!format!("{verified:?}").contains("Everybody"));
    let error = verifier.verify(&signed, b"Hello, World?").unwrap_err();
    assert!(matches!(error, WebhookError::SignatureMismatch));
    assert_eq!(
        error.body_text(),
        WebhookError::SignatureMismatch.body_text()
    );

    assert!(Verifier::with_secrets(Scheme::github(), [("a", "x"), ("a", "y")]).is_err());
    assert!(Verifier::with_secrets(Scheme::github(), Vec::<(&str, &str)>::new()).is_err());
}

/// AWS's own signed notification without a `Subject` (the valid `aws_sns` case of
/// `tests/vectors/providers.json`), with its verifier.
fn sns_notification() -> (Verifier, serde_json::Value, HeaderMap) {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("vectors/providers.json")).unwrap();
    let case = cases
        .into_iter()
        .find(|case| case["preset"] == "aws_sns" && case["expect"] == "valid")
        .unwrap();
    let pairs: Vec<(String, String)> = case["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().unwrap().to_owned(),
                pair[1].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let verifier = Verifier::new(Scheme::aws_sns(), case["secret"].as_str().unwrap())
        .unwrap()
        .clock(at(case["now"].as_u64().unwrap()));
    let body: serde_json::Value = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
    (verifier, body, headers(&pairs))
}

#[test]
fn aws_sns_refuses_a_signed_field_that_is_not_a_string() {
    let (verifier, message, headers) = sns_notification();
    assert!(message.get("Subject").is_none());
    let body = serde_json::to_vec(&message).unwrap();
    assert!(verifier.verify(&headers, &body).is_ok());
    // Added to the captured message, a non-string `Subject` would be left out of the string to
    // sign, so the message would still verify with the attacker's field in it.
    for subject in [
        serde_json::json!({"injected": true}),
        serde_json::json!(42),
        serde_json::json!(null),
        serde_json::json!(["a"]),
    ] {
        let mut tampered = message.clone();
        tampered["Subject"] = subject.clone();
        let body = serde_json::to_vec(&tampered).unwrap();
        assert!(
            matches!(
                verifier.verify(&headers, &body),
                Err(WebhookError::SignatureMismatch)
            ),
            "{subject}"
        );
    }
}

#[test]
fn aws_sns_accepts_only_the_listed_topics() {
    let (_, message, headers) = sns_notification();
    let body = serde_json::to_vec(&message).unwrap();
    let topic = message["TopicArn"].as_str().unwrap();
    let listed = |arns: &[&str]| {
        Verifier::new(
            Scheme::aws_sns().topic_arns(arns.iter().copied()),
            verifier_secret(),
        )
        .unwrap()
        .clock(at(1_700_000_000))
    };
    assert!(listed(&[topic]).verify(&headers, &body).is_ok());
    assert!(matches!(
        listed(&["arn:aws:sns:us-east-2:111122223333:someone-elses-topic"]).verify(&headers, &body),
        Err(WebhookError::SignatureMismatch)
    ));
    // Topic ARNs on a scheme that is not SNS's: refused when built.
    assert!(Verifier::new(Scheme::github().topic_arns([topic]), "secret").is_err());
}

/// The certificate of the `aws_sns` valid case.
fn verifier_secret() -> String {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("vectors/providers.json")).unwrap();
    cases
        .into_iter()
        .find(|case| case["preset"] == "aws_sns" && case["expect"] == "valid")
        .unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_url_signed_scheme_is_never_checked_as_post_slash() {
    // Twilio signs the public URL: `verify` and `sign`, which see no request line, refuse it
    // rather than check a signature over `POST /` that can never be the provider's.
    let scheme = Scheme::twilio("https://mycompany.com");
    let verifier = Verifier::new(scheme.clone(), "12345").unwrap();
    let signed = headers(&[("x-twilio-signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]);
    assert!(matches!(
        verifier.verify(&signed, b"Digits=1234"),
        Err(WebhookError::RequestLineRequired)
    ));
    let signer = Signer::new(scheme, "12345").unwrap();
    assert_eq!(
        signer.sign(&HeaderMap::new(), b"Digits=1234"),
        Err(tower_webhook::SignError::RequestLineRequired)
    );
    // The whole request is checked as usual (Twilio's request-validator vector).
    let body = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212";
    let request = http::Request::post("/myapp.php?foo=1&bar=2")
        .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        .body(body)
        .unwrap();
    assert!(verifier.verify_request(&request).is_ok());
}
