use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};
use crate::handshake::{self, Answer, Handshake};
use std::{
    collections::HashMap,
    fmt,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

impl Scheme {
    /// [Asana](https://developers.asana.com/docs/webhooks-guide):
    /// `X-Hook-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the `X-Hook-Secret` value
    /// from the handshake, used as text. The handshake itself (an unsigned POST carrying
    /// `X-Hook-Secret`, to be echoed back in a 200 or 204) is not verified: capture the secret
    /// there, since Asana sends it only once. There is no timestamp, so nothing limits replays,
    /// and no delivery id.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::asana(),
    ///     "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.asana.com/docs/webhooks-guide>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::asana(), "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/asana")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Hook-Signature", "10468027b67df18c739cc4794c6fc2d2806dcaaf2259fc3e1ed9d26433659853")
    ///     .body(r#"{"events":[]}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn asana() -> Scheme {
        Scheme::hmac("asana", Algorithm::Sha256, "X-Hook-Signature")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "asana",
        provider: "Asana",
        category: Category::Productivity,
        docs: "https://developers.asana.com/docs/webhooks-guide",
        parameter: Parameter::None,
        build: |_| Scheme::asana(),
    },
];

/// Asana's handshake: the `POST` carrying `X-Hook-Secret` (unsigned, sent while your app creates
/// the webhook) is answered 200 echoing the header, only for a target that
/// [`expect`](Self::expect) opened, only once; `on_secret` receives the request and the secret
/// to keep as that webhook's key. Any other `X-Hook-Secret` (another method, a target not
/// waiting for its handshake, a second one, a request that also carries `X-Hook-Signature`) is
/// not a handshake: it is verified as a delivery, and refused. So nobody can replace a
/// webhook's key by sending a secret of their own.
///
/// Asana sends a webhook's secret once, to its target, while the `POST /webhooks` that creates
/// it is in flight. Call [`expect`](Self::expect) with the target's path (and query) just
/// before that call: the handshake is then accepted for that target, once, within [`expect_within`](AsanaHookSecret::expect_within)
/// (60 s by default). Clones share the targets waiting.
///
/// ```
/// use tower_webhook::{handshake::AsanaHookSecret, Scheme, VerifyWebhookLayer};
///
/// let asana = AsanaHookSecret::new(|request, secret| {
///     // Store `secret` as the key of the webhook whose target is `request.uri.path()`.
///     let _ = (request.uri.path(), secret);
/// });
/// let layer = VerifyWebhookLayer::new(Scheme::asana(), "existing-webhook-secret")?
///     .handshake(asana.clone());
///
/// // Before calling Asana's `POST /webhooks` with target `https://example.com/asana/w-42`:
/// asana.expect("/asana/w-42");
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
#[derive(Clone)]
pub struct AsanaHookSecret {
    on_secret: OnSecret,
    waiting: Arc<Mutex<HashMap<String, Instant>>>,
    wait: Duration,
}

impl AsanaHookSecret {
    /// Most targets waiting at once; older ones are dropped past it.
    const MAX_WAITING: usize = 1024;

    /// An enrollment that hands each accepted secret to `on_secret`.
    pub fn new(on_secret: impl Fn(&http::request::Parts, &str) + Send + Sync + 'static) -> Self {
        AsanaHookSecret {
            on_secret: Arc::new(on_secret),
            waiting: Arc::default(),
            wait: Duration::from_secs(60),
        }
    }

    /// How long a target waits for its handshake after [`expect`](Self::expect). The default is
    /// 60 seconds.
    #[must_use]
    pub fn expect_within(mut self, wait: Duration) -> Self {
        self.wait = wait;
        self
    }

    /// Renamed [`expect_within`](Self::expect_within): "window" names the replay tolerance.
    #[deprecated(since = "0.3.0", note = "renamed `expect_within`")]
    #[must_use]
    pub fn window(self, wait: Duration) -> Self {
        self.expect_within(wait)
    }

    /// Accepts one handshake for the target whose path and query are `path_and_query` (such
    /// as `"/asana/w-42"`), within [`expect_within`](Self::expect_within).
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
        waiting.insert(path_and_query.into(), now + self.wait);
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

impl fmt::Debug for AsanaHookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsanaHookSecret")
            .field("waiting", &self.waiting().len())
            .field("expect_within", &self.wait)
            .finish_non_exhaustive()
    }
}

impl Handshake for AsanaHookSecret {
    fn before(&self, request: &http::request::Parts, _: &crate::Verifier) -> Option<Answer> {
        if request.method != http::Method::POST {
            return None;
        }
        let secret = handshake::header_text(&request.headers, "x-hook-secret")?;
        // A request that carries a signature is a delivery, never a handshake.
        if request.headers.contains_key("x-hook-signature") {
            return None;
        }
        let target = request.uri.path_and_query().map_or("/", |pq| pq.as_str());
        let value = http::HeaderValue::from_str(&secret).ok()?;
        if secret.len() > handshake::MAX_CHALLENGE_LEN || !self.take(target) {
            return None;
        }
        (self.on_secret)(request, &secret);
        let mut response = handshake::text(http::StatusCode::OK, String::new());
        response.headers_mut().insert("x-hook-secret", value);
        Some(response)
    }
}

/// What receives Asana's webhook secrets: the handshake request and the secret.
pub type OnSecret = Arc<dyn Fn(&http::request::Parts, &str) + Send + Sync>;
