//! Endpoint checks answered by the layer, each against the provider's documented request and
//! answer; the handler never runs for one.

use crate::common::Calls;
use axum::{body::Body, routing::any, Router};
use http::{Method, Request, Response, StatusCode};
use http_body_util::BodyExt;
use std::collections::HashMap;
use std::{
    sync::{Arc, Mutex},
    time::{Duration, UNIX_EPOCH},
};
use tower::ServiceExt;
use tower_webhook::{
    handshake::{
        AsanaHookSecret, DiscordPing, DropboxChallenge, MetaSubscribe, MicrosoftGraphValidation,
        OktaVerification, SlackUrlVerification, TrelloHead, TwitchEventSub, TwitterCrc,
        WooCommercePing, ZoomUrlValidation,
    },
    tenant::{TenantKey, TenantSource, Tenants, VerifierFuture},
    Scheme, Signer, Verifier, VerifyWebhookLayer,
};

/// An app whose one route answers anything and counts its calls, behind `layer`.
fn app(layer: VerifyWebhookLayer, calls: Calls) -> Router {
    Router::new().route(
        "/hook",
        any(move || async move {
            calls.hit();
            "handled"
        })
        .layer(layer),
    )
}

async fn text(response: Response<Body>) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// `body` signed for `scheme` at `timestamp`, POSTed to /hook with `extra` headers.
fn signed(
    scheme: Scheme,
    secret: &str,
    body: &str,
    timestamp: u64,
    extra: &[(&str, &str)],
) -> Request<Body> {
    let mut headers = http::HeaderMap::new();
    for (name, value) in extra {
        headers.insert(
            http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    let signature = Signer::new(scheme, secret)
        .unwrap()
        .sign_at(&headers, body.as_bytes(), timestamp)
        .unwrap();
    let mut request = Request::post("/hook")
        .body(Body::from(body.to_owned()))
        .unwrap();
    request.headers_mut().extend(headers);
    request.headers_mut().extend(signature);
    request
}

fn clock(seconds: u64) -> impl Fn() -> std::time::SystemTime + Send + Sync + 'static {
    move || UNIX_EPOCH + Duration::from_secs(seconds)
}

#[tokio::test]
async fn slack_url_verification_echoes_the_challenge() {
    let secret = "8f742231b10e8888abcd99yyyzzz85a5";
    let layer = VerifyWebhookLayer::new(Scheme::slack(), secret)
        .unwrap()
        .clock(clock(1_700_000_000))
        .handshake(SlackUrlVerification);
    let calls = Calls::default();
    let app = app(layer, calls.clone());
    // Slack's documented request.
    let body = r#"{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"#;
    let response = app
        .clone()
        .oneshot(signed(Scheme::slack(), secret, body, 1_700_000_000, &[]))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(
        text(response).await,
        "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    );
    // Unsigned, it is refused like any request; an event goes to the handler.
    let unsigned = Request::post("/hook").body(Body::from(body)).unwrap();
    assert_eq!(
        app.clone().oneshot(unsigned).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let event = signed(
        Scheme::slack(),
        secret,
        r#"{"type":"event_callback"}"#,
        1_700_000_000,
        &[],
    );
    assert_eq!(text(app.oneshot(event).await.unwrap()).await, "handled");
    assert_eq!(calls.count(), 1);
}

#[tokio::test]
async fn zoom_url_validation_answers_the_hmac_of_the_plain_token() {
    // elastic/beats' Zoom handler test: secret "secretValueTest", Zoom's documented plainToken.
    let secret = "secretValueTest";
    let layer = VerifyWebhookLayer::new(Scheme::zoom(), secret)
        .unwrap()
        .clock(clock(1_654_503_849))
        .handshake(ZoomUrlValidation);
    let calls = Calls::default();
    let body = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    let response = app(layer, calls.clone())
        .oneshot(signed(Scheme::zoom(), secret, body, 1_654_503_849, &[]))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&text(response).await).unwrap();
    assert_eq!(json["plainToken"], "qgg8vlvZRS6UYooatFL8Aw");
    assert_eq!(
        json["encryptedToken"],
        "70c1f2e2e6ca2d39297490d1f9142c7d701415ea8e6151f6562a08fa657a40ff"
    );
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn meta_subscription_echoes_the_challenge_for_the_right_token_only() {
    let layer = VerifyWebhookLayer::new(Scheme::meta(), "app-secret")
        .unwrap()
        .handshake(MetaSubscribe::new("my-verify-token"));
    let calls = Calls::default();
    let app = app(layer, calls.clone());
    let get = |query: &str| {
        Request::get(format!("/hook?{query}"))
            .body(Body::empty())
            .unwrap()
    };
    let response = app
        .clone()
        .oneshot(get(
            "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=my-verify-token",
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(text(response).await, "1158201444");
    let wrong = app
        .clone()
        .oneshot(get(
            "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess",
        ))
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    assert_eq!(wrong.headers()["content-type"], "application/json");
    assert!(text(wrong)
        .await
        .contains(r#""error":"verify_token_mismatch""#));
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn twitch_callback_verification_and_revocation() {
    let secret = "5f1a6e7cd2e7137ccf9e15b2f43fe63949eb84b1db83c1d5a867dc93429de4e4";
    let layer = || {
        VerifyWebhookLayer::new(Scheme::twitch(), secret)
            .unwrap()
            .clock(clock(1_700_000_000))
            .handshake(TwitchEventSub)
    };
    let calls = Calls::default();
    let timestamp = "2023-11-14T22:13:20Z";
    let request = |kind: &str, body: &str| {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            "twitch-eventsub-message-id",
            "e76c6bd4-55c9-4987-8304-da1588d8988b".parse().unwrap(),
        );
        headers.insert(
            "twitch-eventsub-message-timestamp",
            timestamp.parse().unwrap(),
        );
        headers.insert("twitch-eventsub-message-type", kind.parse().unwrap());
        let signature = Signer::new(Scheme::twitch(), secret)
            .unwrap()
            .sign_at(&headers, body.as_bytes(), 1_700_000_000)
            .unwrap();
        // The signer writes its own RFC 3339 form of the time; keep Twitch's.
        let mut request = Request::post("/hook")
            .body(Body::from(body.to_owned()))
            .unwrap();
        request.headers_mut().extend(headers);
        request.headers_mut().extend(signature);
        request
    };
    let body = r#"{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"status":"webhook_callback_verification_pending"}}"#;
    let response = app(layer(), calls.clone())
        .oneshot(request("webhook_callback_verification", body))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(text(response).await, "pogchamp-kappa-360noscope-vohiyo");
    let revoked = app(layer(), calls.clone())
        .oneshot(request(
            "revocation",
            r#"{"subscription":{"status":"authorization_revoked"}}"#,
        ))
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn discord_ping_is_answered_pong() {
    // The Ed25519 vector of docs/research/groupA_vectors.py (Python `cryptography`).
    let layer = VerifyWebhookLayer::new(
        Scheme::discord(),
        "b2d85e0aff91ce749227a8aa422a399d14db5087f781c3507830f4b56bf342ce",
    )
    .unwrap()
    .clock(clock(1_700_000_000))
    .handshake(DiscordPing);
    let calls = Calls::default();
    let body = r#"{"id":"787053080478613555","token":"ThisIsATokenFromDiscordThatIsVeryLong","type":1,"version":1}"#;
    let request = Request::post("/hook")
        .header("x-signature-timestamp", "1700000000")
        .header("x-signature-ed25519", "61db63ed902c811783f17e234f78866bda1911209ceeeeca22c75551de7f787845a1984f279f3bf8916b3a4328b166aa9a31a37d7eafa2ee2d1104e14edda40b")
        .body(Body::from(body))
        .unwrap();
    let response = app(layer, calls.clone()).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(text(response).await, r#"{"type":1}"#);
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn dropbox_x_okta_microsoft_graph_and_trello_checks() {
    let calls = Calls::default();
    let dropbox = app(
        VerifyWebhookLayer::new(Scheme::dropbox(), "app-secret")
            .unwrap()
            .handshake(DropboxChallenge),
        calls.clone(),
    );
    let response = dropbox
        .oneshot(
            Request::get("/hook?challenge=kQ8z3")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(text(response).await, "kQ8z3");

    // X's documented CRC inputs; the answer computed independently (groupE_vectors.py).
    let twitter = app(
        VerifyWebhookLayer::new(
            Scheme::twitter(),
            "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu",
        )
        .unwrap()
        .handshake(TwitterCrc),
        calls.clone(),
    );
    let response = twitter
        .oneshot(
            Request::get("/hook?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        text(response).await,
        r#"{"response_token":"sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8="}"#
    );

    let okta = app(
        VerifyWebhookLayer::new(Scheme::okta(), "Bearer s3cr3t")
            .unwrap()
            .handshake(OktaVerification),
        calls.clone(),
    );
    let response = okta
        .oneshot(
            Request::get("/hook")
                .header("x-okta-verification-challenge", "X2Aiz4nW0sLNyDQXtTMZ")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        text(response).await,
        r#"{"verification":"X2Aiz4nW0sLNyDQXtTMZ"}"#
    );

    let graph = app(
        VerifyWebhookLayer::new(Scheme::github(), "secret")
            .unwrap()
            .handshake(MicrosoftGraphValidation),
        calls.clone(),
    );
    let response = graph
        .oneshot(Request::post("/hook?validationToken=Validation%3A%20Testing%20client%20application%20reachability").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        text(response).await,
        "Validation: Testing client application reachability"
    );

    let trello = app(
        VerifyWebhookLayer::new(Scheme::trello("https://hooks.example.com"), "app-secret")
            .unwrap()
            .handshake(TrelloHead),
        calls.clone(),
    );
    let response = trello
        .oneshot(Request::head("/hook").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(calls.count(), 0);
}

/// Asana's webhooks by id (the last path segment), each with the secret its handshake gave.
#[derive(Clone, Default)]
struct AsanaWebhooks(Arc<Mutex<HashMap<String, String>>>);

impl TenantSource for AsanaWebhooks {
    fn verifier(&self, webhook: &str) -> VerifierFuture {
        let verifier = self
            .0
            .lock()
            .unwrap()
            .get(webhook)
            .map(|secret| Verifier::new(Scheme::asana(), secret).unwrap());
        Box::pin(async move { Ok(verifier) })
    }
}

#[tokio::test]
async fn asana_hook_secret_is_echoed_and_becomes_that_webhooks_key() {
    let webhooks = AsanaWebhooks::default();
    let store = webhooks.clone();
    let enrollment = AsanaHookSecret::new(move |request, secret| {
        let webhook = request
            .uri
            .path()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        store.0.lock().unwrap().insert(webhook, secret.to_owned());
    });
    let layer = VerifyWebhookLayer::for_tenants(
        Scheme::asana(),
        Tenants::new(webhooks.clone(), TenantKey::PathSegment(1)).cache_for(Duration::ZERO),
    )
    .unwrap()
    .handshake(enrollment.clone());
    let calls = Calls::default();
    let counted = calls.clone();
    let app = Router::new().route(
        "/asana/{webhook}",
        any(move || async move {
            counted.hit();
            "handled"
        })
        .layer(layer),
    );
    // Asana's handshake: an unsigned POST carrying the new webhook's secret, while the app
    // creates the webhook (and so expects it).
    let secret = "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81";
    let handshake = |method: http::Method, path: &str, secret: &str| {
        Request::builder()
            .method(method)
            .uri(path)
            .header("x-hook-secret", secret)
            .body(Body::empty())
            .unwrap()
    };
    // Nothing expected yet: an outsider's secret is no handshake.
    let early = app
        .clone()
        .oneshot(handshake(http::Method::POST, "/asana/1200", "attacker"))
        .await
        .unwrap();
    assert_eq!(early.status(), StatusCode::UNAUTHORIZED);
    assert!(webhooks.0.lock().unwrap().is_empty());
    enrollment.expect("/asana/1200");
    // Another method, or another target, is still no handshake.
    for (method, path) in [
        (http::Method::PUT, "/asana/1200"),
        (http::Method::POST, "/asana/1300"),
    ] {
        let response = app
            .clone()
            .oneshot(handshake(method, path, "attacker"))
            .await
            .unwrap();
        assert_ne!(response.status(), StatusCode::OK);
    }
    assert!(webhooks.0.lock().unwrap().is_empty());
    let response = app
        .clone()
        .oneshot(handshake(http::Method::POST, "/asana/1200", secret))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-hook-secret"], secret);
    assert_eq!(calls.count(), 0);
    // Then its events, signed with that secret (HMAC-SHA256 hex, computed with `hmac` here).
    let body = br#"{"events":[{"action":"changed"}]}"#;
    let signature = {
        use hmac::{Hmac, KeyInit, Mac};
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(body);
        hex::encode(mac.finalize().into_bytes())
    };
    let event = |path: &str| {
        Request::post(path)
            .header("x-hook-signature", signature.as_str())
            .body(Body::from(&body[..]))
            .unwrap()
    };
    assert_eq!(
        app.clone()
            .oneshot(event("/asana/1200"))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(calls.count(), 1);
    // Another webhook, never shaken hands with, is refused.
    assert_eq!(
        app.clone()
            .oneshot(event("/asana/1300"))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(calls.count(), 1);
    // The handshake is over: a second secret for the same webhook cannot replace its key.
    let replaced = app
        .clone()
        .oneshot(handshake(http::Method::POST, "/asana/1200", "attacker"))
        .await
        .unwrap();
    assert_eq!(replaced.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(webhooks.0.lock().unwrap()["1200"], secret);
    assert_eq!(
        app.oneshot(event("/asana/1200")).await.unwrap().status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn woocommerce_activation_ping_is_200_without_the_handler() {
    let layer = || {
        VerifyWebhookLayer::new(Scheme::woocommerce(), "wc-secret")
            .unwrap()
            .handshake(WooCommercePing)
    };
    let calls = Calls::default();
    let ping = Request::builder()
        .method(Method::POST)
        .uri("/hook")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("webhook_id=5"))
        .unwrap();
    let response = app(layer(), calls.clone()).oneshot(ping).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // A request that carries a signature is verified as usual.
    let forged = Request::post("/hook")
        .header(
            "x-wc-webhook-signature",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        )
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(
        app(layer(), calls.clone())
            .oneshot(forged)
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(calls.count(), 0);
}

/// The consumer secret of the X tests.
const X_SECRET: &str = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu";

/// X's CRC answer for `token` under `secret`, computed with the `hmac` crate.
fn x_crc(secret: &str, token: &str) -> String {
    use base64::Engine as _;
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(token.as_bytes());
    let tag = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    format!(r#"{{"response_token":"sha256={tag}"}}"#)
}

/// The `response_token` of a CRC answer, as an `x-twitter-webhooks-signature` value.
fn signature_in(answer: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(answer).unwrap();
    json["response_token"].as_str().unwrap().to_owned()
}

fn crc(token: &str) -> Request<Body> {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("crc_token", token)
        .finish();
    Request::get(format!("/hook?{query}"))
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn no_crc_answer_is_ever_a_delivery_signature() {
    let calls = Calls::default();
    let app = app(
        VerifyWebhookLayer::new(Scheme::twitter(), X_SECRET)
            .unwrap()
            .handshake(TwitterCrc),
        calls.clone(),
    );
    // The attack: the CRC answer for a JSON token, then that JSON POSTed with it.
    let forged = r#"{"for_user_id":"2244994945","tweet_create_events":[]}"#;
    let response = app.clone().oneshot(crc(forged)).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(text(response).await.contains("invalid_challenge"));
    // A token of X's shape is answered, with the HMAC X expects...
    let token = "9b4507b3-9040-4669-9ca3-6b94edb50553";
    let answer = text(app.clone().oneshot(crc(token)).await.unwrap()).await;
    assert_eq!(answer, x_crc(X_SECRET, token));
    // ...which never verifies as a delivery: X's scheme accepts JSON objects only.
    let post = Request::post("/hook")
        .header("x-twitter-webhooks-signature", signature_in(&answer))
        .body(Body::from(token))
        .unwrap();
    assert_eq!(
        app.clone().oneshot(post).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    // Nor does the CRC answer anything for a scheme that would accept such a body.
    let custom = app_with(
        VerifyWebhookLayer::new(
            Scheme::hmac(
                "x-like",
                tower_webhook::Algorithm::Sha256,
                "x-twitter-webhooks-signature",
            )
            .prefix("sha256=")
            .encoding(tower_webhook::Encoding::Base64),
            X_SECRET,
        )
        .unwrap()
        .handshake(TwitterCrc),
    );
    let response = custom.clone().oneshot(crc(token)).await.unwrap();
    assert!(!text(response).await.contains("response_token"));
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn no_handshake_signs_what_a_custom_scheme_of_another_shape_would_accept() {
    use tower_webhook::{Algorithm, Encoding, SignedContent};
    let x_like = |content: SignedContent| {
        Scheme::hmac("x-like", Algorithm::Sha256, "x-signature")
            .signed_content(content)
            .json_object_body()
            .prefix("sha256=")
            .encoding(Encoding::Base64)
    };
    // Signed: a header, then the body's CRC-32. The CRC answer for `a12345` would be the
    // signature of `x-id: a` with any JSON object body whose CRC-32 is 12345 (one can be found
    // for any value).
    let crc_scheme = x_like(SignedContent::new().header("x-id").body_crc32());
    let crc_app = app_with(
        VerifyWebhookLayer::new(crc_scheme, X_SECRET)
            .unwrap()
            .handshake(TwitterCrc),
    );
    let response = crc_app.oneshot(crc("a12345")).await.unwrap();
    assert!(!text(response).await.contains("response_token"));
    // The same with the body alone answers, as X's own scheme does: no CRC token is a JSON
    // object.
    let body_scheme = x_like(SignedContent::body_only());
    let body_app = app_with(
        VerifyWebhookLayer::new(body_scheme, X_SECRET)
            .unwrap()
            .handshake(TwitterCrc),
    );
    let answer = text(body_app.oneshot(crc("a12345")).await.unwrap()).await;
    assert_eq!(answer, x_crc(X_SECRET, "a12345"));

    // Zoom's validation on a scheme that signs the body alone: the encrypted token for `abc`
    // would be the signature of the body `abc`. The handler gets the request instead.
    let secret = "secretValueTest";
    let plain = Scheme::hmac("zoom-like", Algorithm::Sha256, "x-signature");
    let calls = Calls::default();
    let zoom_app = app(
        VerifyWebhookLayer::new(plain.clone(), secret)
            .unwrap()
            .handshake(ZoomUrlValidation),
        calls.clone(),
    );
    let body = r#"{"payload":{"plainToken":"abc"},"event":"endpoint.url_validation"}"#;
    let response = zoom_app
        .oneshot(signed(plain, secret, body, 1_654_503_849, &[]))
        .await
        .unwrap();
    assert!(!text(response).await.contains("encryptedToken"));
    assert_eq!(calls.count(), 1);
}

fn app_with(layer: VerifyWebhookLayer) -> Router {
    app(layer, Calls::default())
}

/// X tenants keyed by the `account` query parameter.
#[derive(Clone)]
struct XAccounts;

impl TenantSource for XAccounts {
    fn verifier(&self, tenant: &str) -> VerifierFuture {
        let verifier =
            (tenant == "known").then(|| Verifier::new(Scheme::twitter(), X_SECRET).unwrap());
        Box::pin(async move { Ok(verifier) })
    }
}

#[tokio::test]
async fn an_unknown_tenant_never_verifies_and_tenants_answer_the_crc_with_their_own_key() {
    let calls = Calls::default();
    let layer = VerifyWebhookLayer::for_tenants(
        Scheme::twitter(),
        Tenants::new(XAccounts, TenantKey::Query("account".into())),
    )
    .unwrap()
    .handshake(TwitterCrc);
    let app = Router::new().route("/hook", {
        let calls = calls.clone();
        any(move || async move {
            calls.hit();
            "handled"
        })
        .layer(layer)
    });
    let token = "Zm9yIHRoZSBkZWNveQ";
    let get = |account: &str| {
        Request::get(format!("/hook?account={account}&crc_token={token}"))
            .body(Body::empty())
            .unwrap()
    };
    // A known tenant's CRC is answered under its own key, as X expects.
    let known = text(app.clone().oneshot(get("known")).await.unwrap()).await;
    assert_eq!(known, x_crc(X_SECRET, token));
    // An unknown tenant's is answered under the decoy, like any other...
    let unknown = text(app.clone().oneshot(get("nobody")).await.unwrap()).await;
    assert!(
        unknown.starts_with(r#"{"response_token":"sha256="#),
        "{unknown}"
    );
    // ...and whatever is signed under the decoy never verifies, JSON or not.
    for body in [token, r#"{"a":1}"#] {
        let post = Request::post("/hook?account=nobody")
            .header("x-twitter-webhooks-signature", signature_in(&unknown))
            .body(Body::from(body))
            .unwrap();
        assert_eq!(
            app.clone().oneshot(post).await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn reflected_challenges_are_bounded_plain_and_never_sniffed() {
    let graph = app_with(
        VerifyWebhookLayer::new(Scheme::qiscus(), "token")
            .unwrap()
            .handshake(MicrosoftGraphValidation)
            .handshake(MetaSubscribe::new("vt"))
            .handshake(DropboxChallenge),
    );
    let post = |query: &str| {
        Request::post(format!("/hook?{query}"))
            .body(Body::empty())
            .unwrap()
    };
    let get = |query: &str| {
        Request::get(format!("/hook?{query}"))
            .body(Body::empty())
            .unwrap()
    };
    // Genuine challenges: echoed as text/plain with nosniff.
    for request in [
        post("validationToken=Validation%3A%20Testing%20client%20application%20reachability"),
        get("hub.mode=subscribe&hub.verify_token=vt&hub.challenge=1158201444"),
        get("challenge=d2a6e1f3"),
    ] {
        let response = graph.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain"));
    }
    // Markup, quotes, control characters or an overlong challenge: not echoed.
    let long = "a".repeat(513);
    for request in [
        post("validationToken=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        post(&format!("validationToken={long}")),
        get("hub.mode=subscribe&hub.verify_token=vt&hub.challenge=%22%3E%3Cimg%3E"),
        get("challenge=a%0Db"),
    ] {
        let response = graph.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        let body = text(response).await;
        assert!(!body.contains('<') && !body.contains("aaaa"), "{body}");
    }
}

#[tokio::test]
async fn zoom_answers_only_plain_tokens_of_zooms_shape() {
    let secret = "secretValueTest";
    let layer = VerifyWebhookLayer::new(Scheme::zoom(), secret)
        .unwrap()
        .clock(clock(1_654_503_849))
        .handshake(ZoomUrlValidation);
    let body = r#"{"payload":{"plainToken":"v0:1654503849:{}"},"event":"endpoint.url_validation"}"#;
    let response = app(layer, Calls::default())
        .oneshot(signed(Scheme::zoom(), secret, body, 1_654_503_849, &[]))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
