//! Endpoint checks answered by the layer itself: [`Handshake`].
//!
//! Providers check a webhook URL before (and while) they deliver to it: some with an unsigned
//! `GET` (Meta, Dropbox, X, Okta), some with a signed `POST` the handler should never see (Slack,
//! Zoom, Twitch, Discord). Add the ones your route needs with
//! [`VerifyWebhookLayer::handshake`](crate::VerifyWebhookLayer::handshake); the layer answers
//! them exactly as the provider documents, and passes everything else on as usual. Unsigned
//! checks are answered before verification and never reach the handler; signed ones only after
//! the signature passed. The signed checks read the JSON body, so they exist only with the
//! `json` feature: without it, a layer cannot be configured to let them through to the handler.
//!
//! ## Reflected challenges
//!
//! Meta, Dropbox, Microsoft Graph, Okta, Slack and Twitch checks echo a challenge the request
//! chose. The layer echoes only 1 to 512 bytes of letters, digits, space and `-._~:/+=,;@!*()`,
//! always with `X-Content-Type-Options: nosniff`; anything else is answered 400
//! `invalid_challenge`.
//!
//! ## Answers under the delivery key
//!
//! X's CRC and Zoom's URL validation answer with an HMAC under the key that signs deliveries.
//! Such an answer is never a delivery signature: X's CRC tokens are answered only when they
//! have the shape X uses (base64 characters, at most 256 bytes) and the scheme accepts only
//! JSON object bodies ([`Scheme::json_object_body`](crate::Scheme::json_object_body), set by
//! [`Scheme::twitter`](crate::Scheme::twitter)); Zoom's plain tokens only when they have Zoom's
//! shape (no `:`, while every signed Zoom message starts `v0:`), and only after the request's
//! own signature passed. The crate has no other public or private way to compute a MAC under
//! a verification key.
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
use std::{
    collections::HashMap,
    fmt,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};
use subtle::ConstantTimeEq;

/// A provider's endpoint check, answered by the layer.
#[derive(Clone)]
#[non_exhaustive]
pub enum Handshake {
    /// Slack Events API: a signed `POST` of `{"type": "url_verification", "challenge": …}` is
    /// answered 200 with the challenge as `text/plain`.
    #[cfg(feature = "json")]
    #[cfg_attr(docsrs, doc(cfg(feature = "json")))]
    SlackUrlVerification,
    /// Zoom: a signed `POST` of `{"event": "endpoint.url_validation", "payload": {"plainToken":
    /// …}}` is answered 200 with `{"plainToken": …, "encryptedToken": <hex HMAC-SHA256 of the
    /// plain token under the secret token>}`.
    #[cfg(feature = "json")]
    #[cfg_attr(docsrs, doc(cfg(feature = "json")))]
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
    #[cfg(feature = "json")]
    #[cfg_attr(docsrs, doc(cfg(feature = "json")))]
    TwitchEventSub,
    /// Discord interactions: a signed `PING` (`{"type": 1}`) is answered 200 `{"type":1}`.
    #[cfg(feature = "json")]
    #[cfg_attr(docsrs, doc(cfg(feature = "json")))]
    DiscordPing,
    /// Dropbox: a `GET ?challenge=…` is answered 200 with the challenge as `text/plain` and
    /// `X-Content-Type-Options: nosniff`.
    DropboxChallenge,
    /// X (Twitter) Account Activity CRC: a `GET ?crc_token=…` is answered 200 with
    /// `{"response_token": "sha256=<base64 HMAC-SHA256 of the token under the consumer secret>"}`,
    /// for tokens of 1 to 256 base64 characters (400 otherwise), and only with a scheme that
    /// accepts JSON object bodies alone, as [`Scheme::twitter`](crate::Scheme::twitter) does (see
    /// [answers under the delivery key](self#answers-under-the-delivery-key)).
    TwitterCrc,
    /// Asana: the `POST` carrying `X-Hook-Secret` (unsigned, sent while your app creates the
    /// webhook) is answered 200 echoing the header, only for a target that
    /// [`AsanaEnrollment::expect`] opened and only once; the enrollment's `on_secret` receives
    /// the request and the secret to keep as that webhook's key. Any other `X-Hook-Secret`
    /// (another method, a target not waiting for its handshake, a second one, a request that
    /// also carries `X-Hook-Signature`) is not a handshake: it is verified as a delivery, and
    /// refused. So nobody can replace a webhook's key by sending a secret of their own.
    AsanaHookSecret(AsanaEnrollment),
    /// Okta event hooks: a `GET` with `X-Okta-Verification-Challenge` is answered 200 with
    /// `{"verification": <the challenge>}`.
    OktaVerification,
    /// WooCommerce: the unsigned activation ping sent when a webhook is created (a `POST` of
    /// `webhook_id=…` without a signature) is answered 200 instead of 401, without calling the
    /// handler, so WooCommerce saves the webhook.
    WooCommercePing,
    /// Microsoft Graph change notifications: a `POST ?validationToken=…` is answered 200 with
    /// the decoded token as `text/plain` (see [reflected challenges](self#reflected-challenges)).
    MicrosoftGraphValidation,
    /// Trello: the `HEAD` request sent when a webhook is created is answered 200.
    TrelloHead,
}

/// What receives Asana's webhook secrets: the handshake request and the secret.
pub type OnSecret = Arc<dyn Fn(&Parts, &str) + Send + Sync>;

/// Asana webhooks waiting for their handshake, for [`Handshake::AsanaHookSecret`].
///
/// Asana sends a webhook's secret once, to its target, while the `POST /webhooks` that creates
/// it is in flight. Call [`expect`](Self::expect) with the target's path (and query) just
/// before that call: the handshake is then accepted for that target, once, within the window
/// (60 s by default). Nothing else can hand the app a secret.
///
/// ```
/// use tower_webhook::handshake::{AsanaEnrollment, Handshake};
/// use tower_webhook::{Scheme, VerifyWebhookLayer};
///
/// let enrollment = AsanaEnrollment::new(|request, secret| {
///     // Store `secret` as the key of the webhook whose target is `request.uri.path()`.
///     let _ = (request.uri.path(), secret);
/// });
/// let layer = VerifyWebhookLayer::new(Scheme::asana(), "existing-webhook-secret")?
///     .handshake(Handshake::AsanaHookSecret(enrollment.clone()));
///
/// // Before calling Asana's `POST /webhooks` with target `https://example.com/asana/w-42`:
/// enrollment.expect("/asana/w-42");
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
#[derive(Clone)]
pub struct AsanaEnrollment {
    on_secret: OnSecret,
    waiting: Arc<Mutex<HashMap<String, Instant>>>,
    window: Duration,
}

impl AsanaEnrollment {
    /// Most targets waiting at once; older ones are dropped past it.
    const MAX_WAITING: usize = 1024;

    /// An enrollment that hands each accepted secret to `on_secret`.
    pub fn new(on_secret: impl Fn(&Parts, &str) + Send + Sync + 'static) -> Self {
        AsanaEnrollment {
            on_secret: Arc::new(on_secret),
            waiting: Arc::default(),
            window: Duration::from_secs(60),
        }
    }

    /// How long a target waits for its handshake after [`expect`](Self::expect). The default is
    /// 60 seconds.
    #[must_use]
    pub fn window(mut self, window: Duration) -> Self {
        self.window = window;
        self
    }

    /// Accepts one handshake for the target whose path and query are `path_and_query` (such
    /// as `"/asana/w-42"`), within the window.
    pub fn expect(&self, path_and_query: impl Into<String>) {
        let now = Instant::now();
        let mut waiting = self.waiting();
        waiting.retain(|_, until| *until > now);
        if waiting.len() >= Self::MAX_WAITING {
            if let Some(oldest) = waiting
                .iter()
                .min_by_key(|(_, until)| **until)
                .map(|(target, _)| target.clone())
            {
                waiting.remove(&oldest);
            }
        }
        waiting.insert(path_and_query.into(), now + self.window);
    }

    /// Whether `target` was waiting (and is no longer).
    fn take(&self, target: &str) -> bool {
        let now = Instant::now();
        self.waiting()
            .remove(target)
            .is_some_and(|until| until > now)
    }

    fn waiting(&self) -> std::sync::MutexGuard<'_, HashMap<String, Instant>> {
        self.waiting
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

impl fmt::Debug for AsanaEnrollment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsanaEnrollment")
            .field("waiting", &self.waiting().len())
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

impl Handshake {
    /// [`Handshake::MetaSubscribe`] with `verify_token`.
    pub fn meta_subscribe(verify_token: impl Into<Arc<str>>) -> Self {
        Handshake::MetaSubscribe {
            verify_token: verify_token.into(),
        }
    }

    /// [`Handshake::AsanaHookSecret`] for `enrollment`.
    pub fn asana(enrollment: AsanaEnrollment) -> Self {
        Handshake::AsanaHookSecret(enrollment)
    }
}

impl fmt::Debug for Handshake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            #[cfg(feature = "json")]
            Handshake::SlackUrlVerification => "SlackUrlVerification",
            #[cfg(feature = "json")]
            Handshake::ZoomUrlValidation => "ZoomUrlValidation",
            Handshake::MetaSubscribe { .. } => "MetaSubscribe",
            #[cfg(feature = "json")]
            Handshake::TwitchEventSub => "TwitchEventSub",
            #[cfg(feature = "json")]
            Handshake::DiscordPing => "DiscordPing",
            Handshake::DropboxChallenge => "DropboxChallenge",
            Handshake::TwitterCrc => "TwitterCrc",
            Handshake::AsanaHookSecret(_) => "AsanaHookSecret",
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
                let equal: bool = given.as_bytes().ct_eq(verify_token.as_bytes()).into();
                if !equal {
                    return Some(text(
                        StatusCode::FORBIDDEN,
                        "verify token mismatch".to_owned(),
                    ));
                }
                reflect(param("hub.challenge"))
            }
            Handshake::DropboxChallenge if parts.method == Method::GET => {
                let Some(challenge) = param("challenge") else {
                    continue;
                };
                reflect(Some(challenge))
            }
            Handshake::TwitterCrc if parts.method == Method::GET => {
                let Some(token) = param("crc_token") else {
                    continue;
                };
                // The answer is an HMAC under the delivery key: given only for tokens that no
                // delivery of the scheme can be (see `Verifier::handshake_mac`).
                if !verifier.scheme().requires_json_object_body() {
                    continue;
                }
                if !is_crc_token(&token) {
                    return Some(invalid_challenge());
                }
                let mac = verifier.handshake_mac(token.as_bytes())?;
                let encoded = base64::engine::general_purpose::STANDARD.encode(mac);
                json(format!(r#"{{"response_token":"sha256={encoded}"}}"#))
            }
            Handshake::OktaVerification if parts.method == Method::GET => {
                let Some(challenge) = header_text(&parts.headers, "x-okta-verification-challenge")
                else {
                    continue;
                };
                if !is_reflectable(&challenge) {
                    return Some(invalid_challenge());
                }
                json(format!(r#"{{"verification":{}}}"#, json_string(&challenge)))
            }
            Handshake::TrelloHead if parts.method == Method::HEAD => {
                text(StatusCode::OK, String::new())
            }
            Handshake::MicrosoftGraphValidation if parts.method == Method::POST => {
                let Some(token) = param("validationToken") else {
                    continue;
                };
                reflect(Some(token))
            }
            Handshake::AsanaHookSecret(enrollment) if parts.method == Method::POST => {
                let Some(secret) = header_text(&parts.headers, "x-hook-secret") else {
                    continue;
                };
                // A request that carries a signature is a delivery, never a handshake.
                if parts.headers.contains_key("x-hook-signature") {
                    continue;
                }
                let target = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
                let Ok(value) = HeaderValue::from_str(&secret) else {
                    continue;
                };
                if secret.len() > MAX_CHALLENGE_LEN || !enrollment.take(target) {
                    continue;
                }
                (enrollment.on_secret)(parts, &secret);
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

/// The longest challenge the layer echoes, in bytes.
const MAX_CHALLENGE_LEN: usize = 512;

/// Whether `challenge` may be echoed: 1 to 512 bytes of letters, digits, space and
/// `-._~:/+=,;@!*()` (no markup, quotes or control characters), so a reflected challenge cannot
/// carry a script, whatever the client makes of the response.
fn is_reflectable(challenge: &str) -> bool {
    !challenge.is_empty()
        && challenge.len() <= MAX_CHALLENGE_LEN
        && challenge
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b" -._~:/+=,;@!*()".contains(&byte))
}

/// Whether `token` has the shape of an X CRC token: 1 to 256 bytes of the base64 and base64url
/// alphabets. None is a JSON object, which every X delivery is.
fn is_crc_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 256
        && token
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"+/=_-".contains(&byte))
}

/// Whether `token` has the shape of a Zoom plain token: 1 to 128 bytes of the base64url
/// alphabet. None contains `:`, which every signed Zoom message (`v0:{timestamp}:{body}`) does.
#[cfg(feature = "json")]
fn is_zoom_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 128
        && token
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"_-".contains(&byte))
}

/// 200 echoing `challenge` as `text/plain` with `nosniff`, or 400 when it is absent or not
/// [reflectable](is_reflectable).
fn reflect(challenge: Option<String>) -> Response<Full<Bytes>> {
    match challenge {
        Some(challenge) if is_reflectable(&challenge) => text(StatusCode::OK, challenge),
        _ => invalid_challenge(),
    }
}

/// 400 for a challenge the layer will not echo.
fn invalid_challenge() -> Response<Full<Bytes>> {
    let mut response = json(
        r#"{"error":"invalid_challenge","message":"the challenge is missing, too long or has characters the layer does not echo"}"#
            .to_owned(),
    );
    *response.status_mut() = StatusCode::BAD_REQUEST;
    response
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
                    reflect(value["challenge"].as_str().map(str::to_owned))
                }
                Handshake::ZoomUrlValidation => {
                    let value = parsed()?;
                    if value["event"] != "endpoint.url_validation" {
                        continue;
                    }
                    let plain = value["payload"]["plainToken"].as_str()?;
                    // An HMAC under the delivery key: only of tokens no signed Zoom message
                    // can be (see `Verifier::handshake_mac`).
                    if !is_zoom_token(plain) {
                        return Some(invalid_challenge());
                    }
                    let encrypted = const_hex::encode(verifier.handshake_mac(plain.as_bytes())?);
                    json(format!(
                        r#"{{"plainToken":{},"encryptedToken":"{encrypted}"}}"#,
                        json_string(plain)
                    ))
                }
                Handshake::TwitchEventSub => {
                    match header_text(headers, "twitch-eventsub-message-type").as_deref() {
                        Some("webhook_callback_verification") => {
                            let value = parsed()?;
                            reflect(value["challenge"].as_str().map(str::to_owned))
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
    handshakes.iter().any(|handshake| match handshake {
        #[cfg(feature = "json")]
        Handshake::SlackUrlVerification
        | Handshake::ZoomUrlValidation
        | Handshake::TwitchEventSub
        | Handshake::DiscordPing => true,
        _ => false,
    })
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// A `text/plain` answer, never sniffed as anything else.
fn text(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn json(body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
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
