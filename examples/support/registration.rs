//! The registration-based provider end to end: a provider that serves
//! `POST /v1/webhooks/register` and `GET /v1/webhooks/list` behind a bearer JWT and delivers
//! events signed with each registration's key under its header name, and the receiving side's
//! client for those two calls.

use axum::{
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    routing::{get, post},
    Json, Router,
};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use serde::{Deserialize, Serialize};
use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};
use tower_webhook::{ConfigError, Scheme};

/// The key the provider signs its API tokens with (HS256).
pub(crate) const JWT_KEY: &[u8] = b"provider-api-token-signing-key";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    /// The account the token is for.
    sub: String,
    exp: u64,
}

/// An API token for `account`, valid for an hour, as the provider would issue it.
pub(crate) fn token_for(account: &str) -> String {
    let claims = Claims {
        sub: account.to_owned(),
        exp: super::now() + 3600,
    };
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(JWT_KEY),
    )
    .expect("encodable claims")
}

/// One registration, as the provider keeps it.
#[derive(Debug, Clone)]
struct Registration {
    id: String,
    account: String,
    url: String,
    shared_key: String,
    header: String,
}

/// The provider's state: its registrations, and the header name it gives each account's
/// registrations (its choice, reported by the list call).
#[derive(Clone, Default)]
pub(crate) struct ProviderState {
    registrations: Arc<Mutex<Vec<Registration>>>,
}

/// The provider's API.
pub(crate) fn provider_app(state: ProviderState) -> Router {
    Router::new()
        .route("/v1/webhooks/register", post(register))
        .route("/v1/webhooks/list", get(list))
        .with_state(state)
}

/// The account the request is allowed to act for: a valid bearer JWT whose subject is the
/// `AccountId` header. 401 without a valid token, 403 for another account.
fn authorize(headers: &HeaderMap) -> Result<String, (StatusCode, &'static str)> {
    let unauthorized = (StatusCode::UNAUTHORIZED, "a valid Bearer JWT is required");
    let token = headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or(unauthorized)?;
    let claims = jsonwebtoken::decode::<Claims>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(JWT_KEY),
        &jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256),
    )
    .map_err(|_| unauthorized)?
    .claims;
    let account = headers
        .get("accountid")
        .and_then(|value| value.to_str().ok())
        .ok_or((StatusCode::UNAUTHORIZED, "the AccountId header is required"))?;
    if account != claims.sub {
        return Err((StatusCode::FORBIDDEN, "the token is for another account"));
    }
    Ok(account.to_owned())
}

/// The register body; the document names the URL both `webhookUrl` and `callbackUrl`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RegisterBody {
    callback_url: Option<String>,
    webhook_url: Option<String>,
    shared_key: Option<String>,
}

async fn register(
    State(state): State<ProviderState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, (StatusCode, &'static str)> {
    let account = authorize(&headers)?;
    let bad = (
        StatusCode::BAD_REQUEST,
        "callbackUrl and sharedKey are required",
    );
    let body: RegisterBody = serde_json::from_slice(&body).map_err(|_| bad)?;
    let url = body.callback_url.or(body.webhook_url).ok_or(bad)?;
    let shared_key = body
        .shared_key
        .filter(|key| !key.trim().is_empty())
        .ok_or(bad)?;
    let parsed: http::Uri = url.parse().map_err(|_| bad)?;
    // HTTPS as the document requires; plain HTTP only to loopback, for this local demo.
    let local = parsed
        .host()
        .is_some_and(|host| host == "127.0.0.1" || host == "localhost");
    if parsed.scheme_str() != Some("https") && !local {
        return Err((StatusCode::BAD_REQUEST, "callbackUrl must be HTTPS"));
    }
    let mut registrations = state.registrations.lock().unwrap();
    let number = registrations.len() + 1;
    // The provider picks the header per account: the list call reports it.
    let header = if number % 2 == 1 {
        "x-hub-signature"
    } else {
        "X-Hubpay-Hmac"
    };
    registrations.push(Registration {
        id: format!("cfd86c98-d7e9-4465-8aa0-{number:012}"),
        account,
        url,
        shared_key,
        header: header.to_owned(),
    });
    Ok(StatusCode::OK)
}

#[derive(Deserialize)]
struct Page {
    page: Option<usize>,
    size: Option<usize>,
}

/// The list response, in the document's shape.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WebhookList {
    pub(crate) content: Vec<ListedWebhook>,
    pub(crate) total_pages: usize,
    pub(crate) total_elements: usize,
    pub(crate) size: usize,
    pub(crate) number: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ListedWebhook {
    pub(crate) id: String,
    pub(crate) endpoint_url: String,
    pub(crate) hmac_header_name: String,
    pub(crate) algorithm: String,
    pub(crate) status: String,
}

impl ListedWebhook {
    /// The scheme this registration's deliveries are signed with.
    pub(crate) fn scheme(&self) -> Result<Scheme, ConfigError> {
        Scheme::hubpay_registration(&self.hmac_header_name, &self.algorithm)
    }
}

async fn list(
    State(state): State<ProviderState>,
    headers: HeaderMap,
    Query(page): Query<Page>,
) -> Result<Json<WebhookList>, (StatusCode, &'static str)> {
    let account = authorize(&headers)?;
    let (number, size) = (
        page.page.unwrap_or(0),
        page.size.unwrap_or(20).clamp(1, 100),
    );
    let mine: Vec<ListedWebhook> = state
        .registrations
        .lock()
        .unwrap()
        .iter()
        .filter(|registration| registration.account == account)
        .map(|registration| ListedWebhook {
            id: registration.id.clone(),
            endpoint_url: registration.url.clone(),
            hmac_header_name: registration.header.clone(),
            algorithm: "SHA_256".to_owned(),
            status: "ACTIVE".to_owned(),
        })
        .collect();
    let total_elements = mine.len();
    let content = mine.into_iter().skip(number * size).take(size).collect();
    Ok(Json(WebhookList {
        content,
        total_pages: total_elements.div_ceil(size),
        total_elements,
        size,
        number,
    }))
}

impl ProviderState {
    /// Delivers `body` to every registration of `account`: signed with its shared key
    /// (HMAC-SHA256, hex, computed here with the `hmac` crate, not through tower-webhook) under
    /// its header name, with the `AccountId` header. Returns the statuses.
    pub(crate) async fn deliver(&self, account: &str, body: &[u8]) -> Vec<StatusCode> {
        use hmac::{Hmac, KeyInit, Mac};
        let targets: Vec<Registration> = self
            .registrations
            .lock()
            .unwrap()
            .iter()
            .filter(|registration| registration.account == account)
            .cloned()
            .collect();
        let mut statuses = Vec::new();
        for target in targets {
            let mut mac =
                <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(target.shared_key.as_bytes())
                    .expect("any key");
            mac.update(body);
            let signature = hex::encode(mac.finalize().into_bytes());
            let uri: http::Uri = target.url.parse().expect("registered URLs parse");
            let request = http::Request::post(uri.path())
                .header("AccountId", account)
                .header(target.header.as_str(), signature)
                .header("content-type", "application/json")
                .body(Full::new(Bytes::copy_from_slice(body)))
                .expect("a valid request");
            let authority = uri.authority().expect("an absolute URL").as_str();
            let addr: SocketAddr = authority.parse().expect("a loopback address");
            statuses.push(
                send(addr, request)
                    .await
                    .map_or(StatusCode::BAD_GATEWAY, |(status, _)| status),
            );
        }
        statuses
    }
}

/// The receiving side's client: registers `callback_url` with `shared_key` for `account`.
pub(crate) async fn register_with(
    provider: SocketAddr,
    account: &str,
    token: &str,
    body: serde_json::Value,
) -> StatusCode {
    let request = http::Request::post("/v1/webhooks/register")
        .header("authorization", format!("Bearer {token}"))
        .header("AccountId", account)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body.to_string())))
        .expect("a valid request");
    send(provider, request)
        .await
        .map_or(StatusCode::BAD_GATEWAY, |(status, _)| status)
}

/// The receiving side's client: the account's registrations, first page.
pub(crate) async fn list_for(
    provider: SocketAddr,
    account: &str,
    token: &str,
) -> Option<WebhookList> {
    let request = http::Request::get("/v1/webhooks/list?page=0&size=20")
        .header("authorization", format!("Bearer {token}"))
        .header("AccountId", account)
        .body(Full::new(Bytes::new()))
        .expect("a valid request");
    let (status, body) = send(provider, request).await.ok()?;
    status
        .is_success()
        .then(|| serde_json::from_slice(&body).ok())
        .flatten()
}

/// One request over a fresh TCP connection (hyper's client).
async fn send(
    addr: SocketAddr,
    mut request: http::Request<Full<Bytes>>,
) -> Result<(StatusCode, Bytes), Box<dyn std::error::Error + Send + Sync>> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    request
        .headers_mut()
        .insert("host", addr.to_string().parse()?);
    let response = sender.send_request(request).await?;
    let status = response.status();
    Ok((status, response.into_body().collect().await?.to_bytes()))
}

/// The receiving side's tenants: each account's verifier, built from its registrations as the
/// list call reports them (header name and algorithm) and the shared key the receiver chose.
#[derive(Clone, Default)]
pub(crate) struct RegisteredAccounts {
    verifiers: Arc<Mutex<std::collections::HashMap<String, tower_webhook::Verifier>>>,
}

impl RegisteredAccounts {
    /// Records `account`'s registration `entry`, keyed with `shared_key`.
    pub(crate) fn add(
        &self,
        account: &str,
        entry: &ListedWebhook,
        shared_key: &str,
    ) -> Result<(), ConfigError> {
        let verifier = tower_webhook::Verifier::with_secrets(
            entry.scheme()?,
            [(entry.id.clone(), shared_key)],
        )?;
        self.verifiers
            .lock()
            .unwrap()
            .insert(account.to_owned(), verifier);
        Ok(())
    }
}

impl tower_webhook::tenant::TenantSource for RegisteredAccounts {
    fn verifier(&self, tenant: &str) -> tower_webhook::tenant::VerifierFuture {
        let verifier = self.verifiers.lock().unwrap().get(tenant).cloned();
        Box::pin(async move { Ok(verifier) })
    }
}

/// The receiver of the registration flow: `POST /hooks/registered`, verified per account (the
/// `AccountId` header); the handler counts deliveries per account.
pub(crate) fn receiver_app(
    accounts: RegisteredAccounts,
    handled: Arc<Mutex<std::collections::HashMap<String, usize>>>,
) -> Result<Router, ConfigError> {
    use tower_webhook::{
        tenant::{TenantKey, Tenants},
        VerifyWebhookLayer,
    };
    let layer = VerifyWebhookLayer::for_tenants(
        Scheme::hubpay(),
        Tenants::new(accounts, TenantKey::header("AccountId").unwrap())
            .cache_for(std::time::Duration::ZERO),
    )?;
    Ok(Router::new().route(
        "/hooks/registered",
        post(
            move |headers: HeaderMap,
                  tower_webhook::VerifiedBody(_body): tower_webhook::VerifiedBody| async move {
                let account = headers
                    .get("accountid")
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                *handled.lock().unwrap().entry(account).or_default() += 1;
                StatusCode::NO_CONTENT
            },
        )
        .layer(layer),
    ))
}
