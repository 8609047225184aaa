//! Known-answer tests for every seed provider: values published by the provider (Amio) or
//! computed with Python's `hmac` (asserted by tests/vectors/providers.py), never by this crate's signer.

use crate::common::*;
use http::{HeaderMap, HeaderValue};
use tower_webhook::{Scheme, Signer, Verifier, WebhookError};

fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

struct Case {
    scheme: Scheme,
    secret: &'static str,
    header: &'static str,
    signature: &'static str,
    body: &'static str,
}

fn body_cases() -> Vec<Case> {
    vec![
        Case {
            scheme: Scheme::amio(),
            secret: AMIO_SECRET,
            header: "X-Hub-Signature",
            signature: AMIO_SIGNATURE,
            body: AMIO_BODY,
        },
        Case {
            scheme: Scheme::autify(),
            secret: AUTIFY_SECRET,
            header: "X-Autify-Signature",
            signature: AUTIFY_SIGNATURE,
            body: AUTIFY_BODY,
        },
        Case {
            scheme: Scheme::qiscus(),
            secret: QISCUS_SECRET,
            header: "QISCUS-SDK-SIGNATURE",
            signature: QISCUS_SIGNATURE,
            body: QISCUS_BODY,
        },
        Case {
            scheme: Scheme::hubpay(),
            secret: HUBPAY_SECRET,
            header: "X-Hubpay-Hmac",
            signature: HUBPAY_SIGNATURE,
            body: HUBPAY_BODY,
        },
        Case {
            scheme: Scheme::hubpay().signature_header("x-hub-signature"),
            secret: HUBPAY_SECRET,
            header: "x-hub-signature",
            signature: HUBPAY_SIGNATURE,
            body: HUBPAY_BODY,
        },
    ]
}

#[test]
fn every_body_signing_seed_provider_accepts_its_known_answer() {
    for case in body_cases() {
        let name = case.scheme.name().to_owned();
        let verifier = Verifier::new(case.scheme, case.secret).unwrap();
        let verified = verifier
            .verify(
                &headers(&[(case.header, case.signature)]),
                case.body.as_bytes(),
            )
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(verified.covers_body(), "{name}");
        assert_eq!(verified.signed_content(), "{body}");
    }
}

#[test]
fn every_body_signing_seed_provider_signs_its_known_answer() {
    for case in body_cases() {
        let name = case.scheme.name().to_owned();
        let signer = Signer::new(case.scheme, case.secret).unwrap();
        let signed = signer
            .sign(&HeaderMap::new(), case.body.as_bytes())
            .unwrap();
        assert_eq!(signed.len(), 1, "{name}");
        assert_eq!(
            signed[case.header.to_lowercase().as_str()],
            case.signature,
            "{name}"
        );
    }
}

#[test]
fn every_body_signing_seed_provider_rejects_a_tampered_body_and_a_wrong_secret() {
    for case in body_cases() {
        let name = case.scheme.name().to_owned();
        let signature = headers(&[(case.header, case.signature)]);
        let verifier = Verifier::new(case.scheme.clone(), case.secret).unwrap();
        let mut tampered = case.body.as_bytes().to_vec();
        tampered[1] ^= 1;
        assert!(
            matches!(
                verifier.verify(&signature, &tampered),
                Err(WebhookError::SignatureMismatch)
            ),
            "{name}"
        );
        let wrong = Verifier::new(case.scheme, "another secret").unwrap();
        assert!(
            matches!(
                wrong.verify(&signature, case.body.as_bytes()),
                Err(WebhookError::SignatureMismatch)
            ),
            "{name}"
        );
    }
}

#[test]
fn amio_uppercase_hex_is_accepted() {
    let verifier = Verifier::new(Scheme::amio(), AMIO_SECRET).unwrap();
    let upper = format!("sha1={}", AMIO_SIGNATURE[5..].to_uppercase());
    assert!(verifier
        .verify(
            &headers(&[("x-hub-signature", &upper)]),
            AMIO_BODY.as_bytes()
        )
        .is_ok());
}

#[test]
fn message_signature_known_answer_ignores_the_body() {
    let verifier = Verifier::new(
        Scheme::message_signature(MESSAGE_CLIENT_ID),
        MESSAGE_CLIENT_SECRET,
    )
    .unwrap();
    let signed = headers(&[
        ("X-Message-Id", MESSAGE_ID),
        ("X-Message-Signature", MESSAGE_SIGNATURE),
    ]);
    for body in [&b""[..], b"{}", b"anything"] {
        let verified = verifier.verify(&signed, body).unwrap();
        assert!(!verified.covers_body());
        assert_eq!(verified.signed_content(), "{x-message-id}+{client id}");
    }
}

#[test]
fn message_signature_signer_produces_the_known_answer() {
    let signer = Signer::new(
        Scheme::message_signature(MESSAGE_CLIENT_ID),
        MESSAGE_CLIENT_SECRET,
    )
    .unwrap();
    let signed = signer
        .sign(&headers(&[("X-Message-Id", MESSAGE_ID)]), b"ignored")
        .unwrap();
    assert_eq!(signed["x-message-signature"], MESSAGE_SIGNATURE);
    assert!(matches!(
        signer.sign(&HeaderMap::new(), b""),
        Err(tower_webhook::SignError::MissingHeader { .. })
    ));
}

#[test]
fn message_signature_rejects_other_ids_clients_and_joins() {
    let signature = ("X-Message-Signature", MESSAGE_SIGNATURE);
    let verifier = Verifier::new(
        Scheme::message_signature(MESSAGE_CLIENT_ID),
        MESSAGE_CLIENT_SECRET,
    )
    .unwrap();
    let other_id = headers(&[("X-Message-Id", "1235"), signature]);
    assert!(matches!(
        verifier.verify(&other_id, b""),
        Err(WebhookError::SignatureMismatch)
    ));
    let other_client =
        Verifier::new(Scheme::message_signature("clientID"), MESSAGE_CLIENT_SECRET).unwrap();
    let signed = headers(&[("X-Message-Id", MESSAGE_ID), signature]);
    assert!(other_client.verify(&signed, b"").is_err());
    let missing_id = headers(&[signature]);
    assert!(matches!(
        verifier.verify(&missing_id, b""),
        Err(WebhookError::MissingHeader { .. })
    ));
    let duplicate_id = headers(&[
        ("X-Message-Id", MESSAGE_ID),
        ("X-Message-Id", MESSAGE_ID),
        signature,
    ]);
    assert!(matches!(
        verifier.verify(&duplicate_id, b""),
        Err(WebhookError::DuplicateHeader { .. })
    ));
}
