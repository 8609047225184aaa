//! Endpoint checks answered by the layer itself: [`Handshake`].
//!
//! Providers check a webhook URL before (and while) they deliver to it: some with an unsigned
//! `GET` (Meta, Dropbox, X, Okta), some with a signed `POST` the handler should never see (Slack,
//! Zoom, Twitch, Discord). Add the ones your route needs with
//! [`VerifyWebhookLayer::handshake`](crate::VerifyWebhookLayer::handshake); the layer answers
//! them exactly as the provider documents, and passes everything else on as usual. Unsigned
//! checks are answered before verification and never reach the handler; signed ones only after
//! the signature passed.
//!
//! ```
//! use tower_webhook::{handshake::Handshake, Scheme, VerifyWebhookLayer};
//!
//! let slack = VerifyWebhookLayer::new(Scheme::slack(), "8f742231b10e8888abcd99yyyzzz85a5")?
//!     .handshake(Handshake::SlackUrlVerification);
//! let meta = VerifyWebhookLayer::new(Scheme::meta(), "app-secret")?
//!     .handshake(Handshake::meta_subscribe("my-verify-token"));
//! # Ok::<(), tower_webhook::ConfigError>(())
//! ```

use crate::Verifier;
use base64::Engine as _;
use bytes::Bytes;
use http::{header, request::Parts, HeaderMap, HeaderValue, Method, Response, StatusCode};
use http_body_util::Full;
use std::{fmt, sync::Arc};
use subtle::ConstantTimeEq;

/// A provider's endpoint check, answered by the layer.
#[derive(Clone)]
#[non_exhaustive]
pub enum Handshake {
    /// Slack Events API: a signed `POST` of `{"type": "url_verification", "challenge": …}` is
    /// answered 200 with the challenge as `text/plain`.
    SlackUrlVerification,
    /// Zoom: a signed `POST` of `{"event": "endpoint.url_validation", "payload": {"plainToken":
    /// …}}` is answered 200 with `{"plainToken": …, "encryptedToken": <hex HMAC-SHA256 of the
    /// plain token under the secret token>}`.
    ZoomUrlValidation,
    /// Meta (Facebook, Instagram, WhatsApp): a `GET ?hub.mode=subscribe&hub.verify_token=…&
    /// hub.challenge=…` whose verify token equals this one (compared in constant time) is
    /// answered 200 with the challenge; any other such `GET` 403.
    MetaSubscribe {
        /// The verify token configured in the app dashboard.
        verify_token: Arc<str>,
    },
    /// Twitch EventSub: a signed `webhook_callback_verification` is answered 200 with the
    /// challenge as `text/plain`; a signed `revocation` 204.
    TwitchEventSub,
    /// Discord interactions: a signed `PING` (`{"type": 1}`) is answered 200 `{"type":1}`.
    DiscordPing,
    /// Dropbox: a `GET ?challenge=…` is answered 200 with the challenge as `text/plain` and
    /// `X-Content-Type-Options: nosniff`.
    DropboxChallenge,
    /// X (Twitter) Account Activity CRC: a `GET ?crc_token=…` is answered 200 with
    /// `{"response_token": "sha256=<base64 HMAC-SHA256 of the token under the consumer secret>"}`.
    TwitterCrc,
    /// Asana: the `POST` carrying `X-Hook-Secret` (unsigned, sent when the webhook is created)
    /// is answered 200 echoing the header; `on_secret` receives the request (its path or
    /// query names the webhook) and the secret to keep as that webhook's key, typically in the
    /// [`TenantSource`](crate::tenant::TenantSource) the layer verifies later deliveries with.
    AsanaHookSecret {
        /// Called with the handshake request and the new webhook's secret.
        on_secret: OnSecret,
    },
    /// Okta event hooks: a `GET` with `X-Okta-Verification-Challenge` is answered 200 with
    /// `{"verification": <the challenge>}`.
    OktaVerification,
    /// WooCommerce: the unsigned activation ping sent when a webhook is created (a `POST` of
    /// `webhook_id=…` without a signature) is answered 200 instead of 401, without calling the
    /// handler, so WooCommerce saves the webhook.
    WooCommercePing,
    /// Microsoft Graph change notifications: a `POST ?validationToken=…` is answered 200 with
    /// the decoded token as `text/plain`.
    MicrosoftGraphValidation,
    /// Trello: the `HEAD` request sent when a webhook is created is answered 200.
    TrelloHead,
}

/// What receives Asana's webhook secrets: the handshake request and the secret.
pub type OnSecret = Arc<dyn Fn(&Parts, &str) + Send + Sync>;

impl Handshake {
    /// [`Handshake::MetaSubscribe`] with `verify_token`.
    pub fn meta_subscribe(verify_token: impl Into<Arc<str>>) -> Self {
        Handshake::MetaSubscribe {
            verify_token: verify_token.into(),
        }
    }

    /// [`Handshake::AsanaHookSecret`] calling `on_secret`.
    pub fn asana(on_secret: impl Fn(&Parts, &str) + Send + Sync + 'static) -> Self {
        Handshake::AsanaHookSecret {
            on_secret: Arc::new(on_secret),
        }
    }
}

impl fmt::Debug for Handshake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Handshake::SlackUrlVerification => "SlackUrlVerification",
            Handshake::ZoomUrlValidation => "ZoomUrlValidation",
            Handshake::MetaSubscribe { .. } => "MetaSubscribe",
            Handshake::TwitchEventSub => "TwitchEventSub",
            Handshake::DiscordPing => "DiscordPing",
            Handshake::DropboxChallenge => "DropboxChallenge",
            Handshake::TwitterCrc => "TwitterCrc",
            Handshake::AsanaHookSecret { .. } => "AsanaHookSecret",
            Handshake::OktaVerification => "OktaVerification",
            Handshake::WooCommercePing => "WooCommercePing",
            Handshake::MicrosoftGraphValidation => "MicrosoftGraphValidation",
            Handshake::TrelloHead => "TrelloHead",
        };
        // The verify token is a secret: never printed.
        f.write_str(name)
    }
}

/// The answer to an unsigned check, before any verification, if `parts` is one.
pub(crate) fn before(
    handshakes: &[Handshake],
    parts: &Parts,
    verifier: &Verifier,
) -> Option<Response<Full<Bytes>>> {
    if handshakes.is_empty() {
        return None;
    }
    let query = parts.uri.query().unwrap_or("");
    let param = |name: &str| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    };
    for handshake in handshakes {
        let answer = match handshake {
            Handshake::MetaSubscribe { verify_token } if parts.method == Method::GET => {
                if param("hub.mode").as_deref() != Some("subscribe") {
                    continue;
                }
                let given = param("hub.verify_token").unwrap_or_default();
                let challenge = param("hub.challenge").unwrap_or_default();
                let equal: bool = given.as_bytes().ct_eq(verify_token.as_bytes()).into();
                if equal && !challenge.is_empty() {
                    text(StatusCode::OK, challenge)
                } else {
                    text(StatusCode::FORBIDDEN, "verify token mismatch".to_owned())
                }
            }
            Handshake::DropboxChallenge if parts.method == Method::GET => {
                let Some(challenge) = param("challenge") else {
                    continue;
                };
                let mut response = text(StatusCode::OK, challenge);
                response.headers_mut().insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                response
            }
            Handshake::TwitterCrc if parts.method == Method::GET => {
                let Some(token) = param("crc_token") else {
                    continue;
                };
                let mac = verifier.hmac(token.as_bytes())?;
                let encoded = base64::engine::general_purpose::STANDARD.encode(mac);
                json(format!(r#"{{"response_token":"sha256={encoded}"}}"#))
            }
            Handshake::OktaVerification if parts.method == Method::GET => {
                let Some(challenge) = header_text(&parts.headers, "x-okta-verification-challenge")
                else {
                    continue;
                };
                json(format!(r#"{{"verification":{}}}"#, json_string(&challenge)))
            }
            Handshake::TrelloHead if parts.method == Method::HEAD => {
                text(StatusCode::OK, String::new())
            }
            Handshake::MicrosoftGraphValidation if parts.method == Method::POST => {
                let Some(token) = param("validationToken") else {
                    continue;
                };
                text(StatusCode::OK, token)
            }
            Handshake::AsanaHookSecret { on_secret } => {
                let Some(secret) = header_text(&parts.headers, "x-hook-secret") else {
                    continue;
                };
                let Ok(value) = HeaderValue::from_str(&secret) else {
                    continue;
                };
                on_secret(parts, &secret);
                let mut response = text(StatusCode::OK, String::new());
                response.headers_mut().insert("x-hook-secret", value);
                response
            }
            Handshake::WooCommercePing if parts.method == Method::POST => {
                let scheme = verifier.scheme();
                let signed = scheme
                    .signature_header_names()
                    .iter()
                    .any(|name| parts.headers.contains_key(name));
                if signed {
                    continue;
                }
                text(StatusCode::OK, String::new())
            }
            _ => continue,
        };
        return Some(answer);
    }
    None
}

/// The answer to a signed check, once its signature passed, if `body` is one.
pub(crate) fn after(
    handshakes: &[Handshake],
    headers: &HeaderMap,
    body: &[u8],
    verifier: &Verifier,
) -> Option<Response<Full<Bytes>>> {
    #[cfg(feature = "json")]
    {
        let mut json_body: Option<Option<serde_json::Value>> = None;
        let mut parsed = || {
            json_body
                .get_or_insert_with(|| serde_json::from_slice(body).ok())
                .clone()
        };
        for handshake in handshakes {
            let answer = match handshake {
                Handshake::SlackUrlVerification => {
                    let value = parsed()?;
                    if value["type"] != "url_verification" {
                        continue;
                    }
                    text(StatusCode::OK, value["challenge"].as_str()?.to_owned())
                }
                Handshake::ZoomUrlValidation => {
                    let value = parsed()?;
                    if value["event"] != "endpoint.url_validation" {
                        continue;
                    }
                    let plain = value["payload"]["plainToken"].as_str()?;
                    let encrypted = const_hex::encode(verifier.hmac(plain.as_bytes())?);
                    json(format!(
                        r#"{{"plainToken":{},"encryptedToken":"{encrypted}"}}"#,
                        json_string(plain)
                    ))
                }
                Handshake::TwitchEventSub => {
                    match header_text(headers, "twitch-eventsub-message-type").as_deref() {
                        Some("webhook_callback_verification") => {
                            let value = parsed()?;
                            text(StatusCode::OK, value["challenge"].as_str()?.to_owned())
                        }
                        Some("revocation") => text(StatusCode::NO_CONTENT, String::new()),
                        _ => continue,
                    }
                }
                Handshake::DiscordPing => {
                    let value = parsed()?;
                    if value["type"] != 1 {
                        continue;
                    }
                    json(r#"{"type":1}"#.to_owned())
                }
                _ => continue,
            };
            return Some(answer);
        }
        None
    }
    #[cfg(not(feature = "json"))]
    {
        let _ = (handshakes, headers, body, verifier);
        None
    }
}

/// Whether any handshake is answered after verification.
pub(crate) fn any_after(handshakes: &[Handshake]) -> bool {
    handshakes.iter().any(|handshake| {
        matches!(
            handshake,
            Handshake::SlackUrlVerification
                | Handshake::ZoomUrlValidation
                | Handshake::TwitchEventSub
                | Handshake::DiscordPing
        )
    })
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

fn text(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn json(body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from('"');
    crate::error::json_escape_into(&mut out, text);
    out.push('"');
    out
}
