//! Known answers for the popular providers: each provider's published vector where one exists,
//! otherwise values computed with Python's `hmac` (tests/vectors/compute.py), and Standard
//! Webhooks cross-checked against the independent `standardwebhooks` crate.

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
fn github_documented_vector() {
    let verifier = Verifier::new(Scheme::github(), "It's a Secret to Everybody").unwrap();
    let signed = headers(&[(
        "X-Hub-Signature-256",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    )]);
    assert!(verifier.verify(&signed, b"Hello, World!").is_ok());
    // The legacy SHA-1 header is never a fallback.
    let legacy = headers(&[(
        "X-Hub-Signature",
        "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59",
    )]);
    assert!(matches!(
        verifier.verify(&legacy, b"Hello, World!"),
        Err(WebhookError::MissingSignature { .. })
    ));
}

const SLACK_BODY: &str = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

#[test]
fn slack_documented_vector() {
    let verifier = Verifier::new(Scheme::slack(), "8f742231b10e8888abcd99yyyzzz85a5")
        .unwrap()
        .clock(at(1_531_420_618 + 60));
    let signed = headers(&[
        ("X-Slack-Request-Timestamp", "1531420618"),
        (
            "X-Slack-Signature",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        ),
    ]);
    let verified = verifier.verify(&signed, SLACK_BODY.as_bytes()).unwrap();
    assert_eq!(verified.timestamp(), Some(1_531_420_618));
    assert_eq!(verified.signed_content(), "v0:{timestamp}:{body}");
    // Same signature, another timestamp: the timestamp is inside the MAC.
    let moved = headers(&[
        ("X-Slack-Request-Timestamp", "1531420619"),
        (
            "X-Slack-Signature",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        ),
    ]);
    assert!(matches!(
        verifier.verify(&moved, SLACK_BODY.as_bytes()),
        Err(WebhookError::SignatureMismatch)
    ));
}

#[test]
fn standard_webhooks_specification_vector() {
    let verifier = Verifier::new(
        Scheme::standard_webhooks(),
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    )
    .unwrap()
    .clock(at(1_614_265_330));
    let signed = headers(&[
        ("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
        ("webhook-timestamp", "1614265330"),
        (
            "webhook-signature",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        ),
    ]);
    assert!(verifier.verify(&signed, br#"{"test": 2432232314}"#).is_ok());
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
fn svix_headers_use_the_same_scheme() {
    let verifier = Verifier::new(Scheme::svix(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        .unwrap()
        .clock(at(TS));
    let signed = headers(&[
        ("svix-id", "msg_1"),
        ("svix-timestamp", "1700000000"),
        (
            "svix-signature",
            "v1,wkJFxUlzeYd+KSxLZ/Lb35zvvziQFfqqT0XeBNqnjPM=",
        ),
    ]);
    assert!(verifier.verify(&signed, EVENT).is_ok());
}

#[test]
fn twilio_request_validator_vector() {
    let verifier = Verifier::new(Scheme::twilio("https://mycompany.com"), "12345").unwrap();
    let request = |base: &str, body: &'static str| {
        let _ = base;
        http::Request::post("/myapp.php?foo=1&bar=2")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(body)
            .unwrap()
    };
    // Parameter order in the body does not matter; the decoded values do.
    for body in [
        "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212",
        "To=%2B18005551212&From=%2B14158675309&Digits=1234&Caller=%2B14158675309&CallSid=CA1234567890ABCDE",
    ] {
        verifier.verify_request(&request("", body)).unwrap();
    }
    let tampered = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1235&From=%2B14158675309&To=%2B18005551212";
    assert!(verifier.verify_request(&request("", tampered)).is_err());
    let other_url = Verifier::new(Scheme::twilio("http://mycompany.com"), "12345").unwrap();
    assert!(other_url
        .verify_request(&request("", "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212"))
        .is_err());
}

/// A scheme, its secret, and the headers Python computed over EVENT at TS.
type PythonCase = (Scheme, &'static str, Vec<(&'static str, &'static str)>);

fn python_cases() -> Vec<PythonCase> {
    vec![
        (
            Scheme::stripe(),
            "whsec_stripe_test",
            vec![(
                "Stripe-Signature",
                "t=1700000000,v1=2c7d37250150e146e99ad302f20b530dcd080fb18da190ca4752e15e92eb09c5",
            )],
        ),
        (
            Scheme::shopify(),
            "shopify-secret",
            vec![(
                "X-Shopify-Hmac-Sha256",
                "75QK1TBDEq7g6LejBy6P8XtUBdoXiW0jdx8ooCd4Isk=",
            )],
        ),
        (
            Scheme::zoom(),
            "zoom-token",
            vec![
                ("x-zm-request-timestamp", "1700000000"),
                (
                    "x-zm-signature",
                    "v0=9456f36f791a49e6b680ae72236d60c2c97c07d8af9642a23e324befa0e37cb6",
                ),
            ],
        ),
        (
            Scheme::paddle(),
            "pdl_ntfset_secret",
            vec![(
                "Paddle-Signature",
                "ts=1700000000;h1=53fe4ca73695c7f1e6dba24beca86595263321a50b8dd448f8fa47c49c3816f2",
            )],
        ),
        (
            Scheme::calendly(),
            "calendly-key",
            vec![(
                "Calendly-Webhook-Signature",
                "t=1700000000,v1=0878d16cd886a4ccf78c43bb348ed952da634811fab7546c21743f2d378d84bf",
            )],
        ),
        (
            Scheme::typeform(),
            "typeform-secret",
            vec![(
                "Typeform-Signature",
                "sha256=BOJb0/E1jaYU655nfGCrCqYF+KdhcQ+p29j8bpDk0v0=",
            )],
        ),
        (
            Scheme::woocommerce(),
            "wc-secret",
            vec![(
                "X-WC-Webhook-Signature",
                "iHys5IcPGXdz2tBxwWr9cZfs2h6a3Wjs7AqtP/Ovz2s=",
            )],
        ),
        (
            Scheme::intercom(),
            "intercom-secret",
            vec![(
                "X-Hub-Signature",
                "sha1=19f28092a4e2bc13c6e4c0c3f9160f10dbd2fa2a",
            )],
        ),
        (
            Scheme::bitbucket(),
            "bitbucket-secret",
            vec![(
                "X-Hub-Signature",
                "sha256=f7eab275431c4a1bc1218d6408951d37a00a31f650eff853b4a1516503db5e1b",
            )],
        ),
        (
            Scheme::gitea(),
            "gitea-secret",
            vec![(
                "X-Gitea-Signature",
                "1da197e2d1ff9ee4d1c628bd0324c1c1ef37913601193de2f496955f2e082d8e",
            )],
        ),
        (
            Scheme::sentry(),
            "sentry-secret",
            vec![(
                "Sentry-Hook-Signature",
                "6f929a24506df665f2f775192082671689794b9a5c36b31f97b2b9ab1d18b5a0",
            )],
        ),
        (
            Scheme::lemon_squeezy(),
            "lemon-secret",
            vec![(
                "X-Signature",
                "dc9b04b59bf080ca43c2d9ab46d08e105f0b6b75bcde0f004df33d05c6f8f9d5",
            )],
        ),
        (
            Scheme::meta(),
            "meta-secret",
            vec![(
                "X-Hub-Signature-256",
                "sha256=58601c9b76ec08d15d89358a3010b1b10b82ab913961946bdd6244573c0f5742",
            )],
        ),
    ]
}

#[test]
fn every_popular_preset_accepts_its_python_vector_and_rejects_tampering() {
    for (scheme, secret, pairs) in python_cases() {
        let name = scheme.name().to_owned();
        let verifier = Verifier::new(scheme.clone(), secret)
            .unwrap()
            .clock(at(TS + 3));
        let signed = headers(&pairs);
        verifier
            .verify(&signed, EVENT)
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        let mut tampered = EVENT.to_vec();
        tampered[5] ^= 0x01;
        assert!(
            matches!(
                verifier.verify(&signed, &tampered),
                Err(WebhookError::SignatureMismatch)
            ),
            "{name}"
        );
        // Our signer reproduces the Python value byte for byte.
        let ours = Signer::new(scheme, secret)
            .unwrap()
            .sign_at(&HeaderMap::new(), EVENT, TS)
            .unwrap();
        for (header, value) in &pairs {
            assert_eq!(
                ours[header.to_lowercase().as_str()],
                *value,
                "{name} {header}"
            );
        }
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
