//! The verification itself, independent of tower and axum: [`Verifier`].
//!
//! A verification starts from the headers (signature header, timestamp, signed headers: every
//! check that needs no body), is fed the body as it arrives, and ends in a verdict. The layer
//! drives those steps frame by frame; everyone else calls [`Verifier::verify`] with a complete
//! body, so the steps cannot be taken out of order or fed other bytes than the ones judged.

pub(crate) mod algorithm;
pub(crate) mod compare;
pub(crate) mod encoding;
pub(crate) mod keys;
pub(crate) mod method;
pub(crate) mod signature_header;
pub(crate) mod signed_content;
pub(crate) mod timestamp;

use crate::{ConfigError, Scheme, Verified, WebhookError};
use algorithm::KeyedMac;
use http::{HeaderMap, HeaderValue};
use method::{Key, Running};
use signature_header::Candidates;
use signed_content::{feed, signed_header, toggled_port, Headers, Part, Sources};
use std::{fmt, sync::Arc, time::Duration, time::SystemTime};
use timestamp::{Clock, Timestamp};

/// Checks signatures of one [`Scheme`] against one or more secrets.
///
/// [`VerifyWebhookLayer`](crate::VerifyWebhookLayer) is built on it; use it directly to verify
/// outside tower, or in tests. Cloning is cheap (an `Arc`).
///
/// ```
/// use http::HeaderMap;
/// use tower_webhook::{Scheme, Verifier, WebhookError};
///
/// // Amio's published test vector.
/// let verifier = Verifier::new(Scheme::amio(), "WebhookSecret")?;
/// let body = br#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#;
/// let mut headers = HeaderMap::new();
/// headers.insert("x-hub-signature", "sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13".parse()?);
/// let verified = verifier.verify(&headers, body)?;
/// assert_eq!(verified.scheme(), "amio");
///
/// let tampered = verifier.verify(&headers, b"{}");
/// assert!(matches!(tampered, Err(WebhookError::SignatureMismatch)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The streaming steps the layer takes (start from the headers, feed frames, conclude) are not
/// public, so no caller can feed one body and have another judged:
///
/// ```compile_fail
/// # use tower_webhook::{Scheme, Verifier};
/// let verifier = Verifier::new(Scheme::amio(), "WebhookSecret").unwrap();
/// let pending = verifier.start(&http::HeaderMap::new());
/// ```
#[derive(Clone)]
pub struct Verifier {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    scheme: Scheme,
    description: Box<str>,
    keys: Vec<NamedKey>,
    /// The keys alone, in the same order, for the per-request state.
    key_list: Vec<Key>,
    tolerance: Duration,
    clock: Clock,
    /// Whether the raw body is fed to the MAC as it arrives (`SignedContent::streams_body`).
    streams_body: bool,
    /// The decoy that unknown tenants meet: it does all the work of a verification and then
    /// refuses, whatever the signature (see [`Verifier::decoy`]).
    decoy: bool,
}

#[derive(Clone)]
struct NamedKey {
    id: Arc<str>,
    key: Key,
    /// What scopes deliveries verified with this key (see [`key_scope`]).
    scope: [u8; 16],
}

/// The scope of deliveries verified under `material` in `scheme`: a digest of the two (never
/// a MAC under the key), so that deliveries verified under different keys (two tenants, two
/// routes with their own secrets) never share a deduplication key.
fn key_scope(scheme: &Scheme, material: &[u8]) -> [u8; 16] {
    use sha2::Digest as _;
    let digest = sha2::Sha256::new()
        .chain_update(b"tower-webhook key scope\0")
        .chain_update(scheme.name.as_bytes())
        .chain_update(b"\0")
        .chain_update(material)
        .finalize();
    let mut scope = [0; 16];
    scope.copy_from_slice(&digest[..16]);
    scope
}

impl Verifier {
    /// A verifier for `scheme` with one secret (or, for public-key schemes, the provider's public
    /// key in the form it publishes it), whose id is `"primary"`.
    ///
    /// Fails if the scheme is inconsistent or the secret is empty, has surrounding whitespace or
    /// is not in the scheme's secret format.
    pub fn new(scheme: Scheme, secret: impl AsRef<[u8]>) -> Result<Self, ConfigError> {
        Self::with_secrets(scheme, [("primary", secret)])
    }

    /// A verifier that accepts a signature made with any of `secrets`, given as `(id, secret)`
    /// pairs, for rotating secrets without downtime. [`Verified::secret_id`] tells which matched.
    ///
    /// ```
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::with_secrets(
    ///     Scheme::github(),
    ///     [("2025-06", "new secret"), ("2024-11", "old secret")],
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn with_secrets<I, Id, S>(scheme: Scheme, secrets: I) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = (Id, S)>,
        Id: Into<String>,
        S: AsRef<[u8]>,
    {
        scheme.validate()?;
        let mut keys: Vec<NamedKey> = Vec::new();
        for (id, secret) in secrets {
            let id: String = id.into();
            if keys.iter().any(|key| *key.id == *id) {
                return Err(ConfigError::DuplicateSecretId { id });
            }
            let material = if scheme.method.is_shared_secret() {
                scheme.secret_format.key(secret.as_ref())?
            } else {
                scheme.secret_format.public_key(secret.as_ref()).to_vec()
            };
            keys.push(NamedKey {
                id: id.into(),
                key: Key::new(scheme.method, &material)?,
                scope: key_scope(&scheme, &material),
            });
        }
        if keys.is_empty() {
            return Err(ConfigError::EmptySecret);
        }
        Ok(Verifier::from_keys(scheme, keys))
    }

    /// The verifier unknown tenants meet: `scheme` under `key` (a random key for shared-secret
    /// schemes, none for public-key schemes, whose keys are public anyway). It does the work of
    /// a verification and then refuses every request, whatever its signature: a signature made
    /// under the decoy key (through a handshake answer, say) never verifies.
    pub(crate) fn decoy(scheme: Scheme, key: Option<&[u8]>) -> Result<Self, ConfigError> {
        scheme.validate()?;
        let keys = match key {
            // The key material itself, whatever the scheme's secret format.
            Some(key) => vec![NamedKey {
                id: "unknown tenant".into(),
                key: Key::new(scheme.method, key)?,
                scope: key_scope(&scheme, key),
            }],
            None => Vec::new(),
        };
        let mut verifier = Verifier::from_keys(scheme, keys);
        Arc::make_mut(&mut verifier.inner).decoy = true;
        Ok(verifier)
    }

    /// A verifier for a validated `scheme` with these keys.
    fn from_keys(scheme: Scheme, keys: Vec<NamedKey>) -> Self {
        Verifier {
            inner: Arc::new(Inner {
                description: scheme.content.describe().into(),
                tolerance: scheme.tolerance,
                key_list: keys.iter().map(|named| named.key.clone()).collect(),
                streams_body: scheme.content.streams_body(),
                scheme,
                keys,
                clock: Clock::system(),
                decoy: false,
            }),
        }
    }

    /// Sets the replay window for schemes with a timestamp, applied in both directions. The
    /// default is the scheme's ([`Scheme::window`]).
    #[must_use]
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        Arc::make_mut(&mut self.inner).tolerance = tolerance;
        self
    }

    /// Replaces the system clock, for tests.
    #[must_use]
    pub fn clock(mut self, now: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        Arc::make_mut(&mut self.inner).clock = Clock::custom(now);
        self
    }

    /// The scheme this verifier checks.
    pub fn scheme(&self) -> &Scheme {
        &self.inner.scheme
    }

    /// Verifies a request whose body has arrived completely, for schemes that sign neither the
    /// method nor the URL; for those (Twilio, Square, HubSpot v3, Trello, Mandrill) it fails
    /// with [`WebhookError::RequestLineRequired`]: use [`verify_request`](Self::verify_request).
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<Verified, WebhookError> {
        if self.inner.scheme.content.signs_request_line() {
            return Err(WebhookError::RequestLineRequired);
        }
        let head = Head {
            method: &http::Method::POST,
            path_and_query: "/",
            headers,
        };
        self.verify_head(&head, body)
    }

    /// Verifies a complete request: method, path and query, headers and body.
    pub fn verify_request<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
    ) -> Result<Verified, WebhookError> {
        let head = Head::of(request.method(), request.uri(), request.headers());
        self.verify_head(&head, request.body().as_ref())
    }

    fn verify_head(&self, head: &Head<'_>, body: &[u8]) -> Result<Verified, WebhookError> {
        let mut pending = self.pending();
        self.begin(head, &mut pending)?;
        pending.update(body);
        let verdict = pending.finish(self, head, body)?;
        Ok(Verified::new(self.clone(), verdict))
    }

    /// Every check that needs only the request head (signature headers present at most once
    /// and well formed, timestamp within the window, signed headers present once); feeds the
    /// signed content that comes before the body.
    #[inline]
    pub(crate) fn start(&self, head: &Head<'_>) -> Result<Pending, WebhookError> {
        let mut pending = self.pending();
        self.begin(head, &mut pending)?;
        Ok(pending)
    }

    /// What [`start`](Self::start) does, into a state the caller holds: the MAC states and
    /// candidates are written where they stay rather than moved there (measured: the moves
    /// cost more than a tenth of a 256-byte verification).
    #[inline]
    pub(crate) fn begin(&self, head: &Head<'_>, pending: &mut Pending) -> Result<(), WebhookError> {
        let inner = &*self.inner;
        let scheme = &inner.scheme;
        let headers = head.headers(scheme);
        // With the signature in the body, it is read once the body has arrived (see `finish`).
        let carried = if scheme.signature_in_body.is_some() {
            None
        } else {
            read_signatures(scheme, headers, &mut pending.candidates, &mut pending.token)?
        };
        let raw_timestamp = match &scheme.timestamp_header {
            Some(name) => Some(signed_header(headers, name)?.as_bytes()),
            None => carried,
        };
        if let Some(raw) = raw_timestamp {
            let timestamp = Timestamp::parse(raw, scheme.timestamp_format)?;
            timestamp.check_window(inner.clock.now_seconds(), inner.tolerance)?;
            pending.timestamp = Some(timestamp);
        }
        for name in scheme.content.headers() {
            signed_header(headers, name)?;
        }

        pending.running.begin(&inner.key_list, &pending.candidates);
        let (before_body, _, _) = scheme.content.split_at_body();
        if !before_body.is_empty() {
            let sources = head.sources(scheme, pending.timestamp.as_ref(), None, &[]);
            let running = &mut pending.running;
            feed(before_body, &sources, &mut |bytes| running.update(bytes))?;
        }
        Ok(())
    }

    /// A verification state with nothing read yet, for [`begin`](Self::begin).
    pub(crate) fn pending(&self) -> Pending {
        Pending::new(&self.inner)
    }

    /// The HMAC of `message` under the first secret, for the handshakes that prove the receiver
    /// holds it; `None` for schemes without a shared secret.
    ///
    /// Private on purpose: an HMAC under the delivery key is a delivery signature for any
    /// scheme that signs `message` alone. Its only callers sign messages that no delivery of
    /// their scheme can be, by construction ([`handshake`](crate::handshake)'s
    /// `HandshakeMessage`): X's CRC tokens (no JSON object, and X's scheme accepts only JSON
    /// object bodies) and Zoom's plain tokens (no `:`, while Zoom signs `v0:{timestamp}:{body}`).
    ///
    /// Whatever the caller checked, a `message` that could be what some delivery of this
    /// scheme signs gets no answer ([`could_be_signed_content`](Self::could_be_signed_content)):
    /// a handshake added to a custom scheme of another shape cannot become a signing oracle.
    pub(crate) fn handshake_mac(&self, message: &[u8]) -> Option<Vec<u8>> {
        if self.could_be_signed_content(message) {
            return None;
        }
        let mut mac = self.first_mac()?;
        mac.update(message);
        Some(mac.finalize().as_slice().to_vec())
    }

    /// Whether some delivery of this scheme could have `message` as its signed content.
    /// Conservative: `false` only when the content's fixed beginning (its leading text and
    /// constants) is not `message`'s, or when the content is the body alone, the scheme accepts
    /// JSON object bodies only and `message` is none.
    pub(crate) fn could_be_signed_content(&self, message: &[u8]) -> bool {
        let scheme = &self.inner.scheme;
        if let [Part::Body] = scheme.content.parts.as_slice() {
            return !scheme.json_object_body || is_json_object(message);
        }
        let mut rest = message;
        for part in &scheme.content.parts {
            let fixed: &[u8] = match part {
                Part::Text(text) => text,
                Part::Constant { value, .. } => value,
                _ => return true,
            };
            match rest.strip_prefix(fixed) {
                Some(after) => rest = after,
                None => return false,
            }
        }
        rest.is_empty()
    }

    pub(crate) fn description(&self) -> &str {
        &self.inner.description
    }

    pub(crate) fn secret_id(&self, index: usize) -> &str {
        &self.inner.keys[index].id
    }

    /// The SHA-256 of what the signature covers, less its timestamp, for a request that this
    /// verifier verified: it identifies a delivery across the provider's retries (see
    /// [`Field::content_digest`](crate::Field::content_digest)).
    ///
    /// Taken after the verdict, from the buffered body, only when deduplication or the
    /// [`Delivery`](crate::Delivery) extractor asks: the verification itself does not carry a
    /// second hash state through every request (measured: the 112 bytes it added to the
    /// response future cost more in copies than the one pass over the body saves).
    pub(crate) fn content_digest(&self, head: &Head<'_>, body: &[u8]) -> Option<[u8; 32]> {
        use sha2::Digest as _;
        let scheme = &self.inner.scheme;
        let sources = head.sources(scheme, None, None, body);
        let mut digest = sha2::Sha256::new();
        let parts = scheme.content.parts.iter();
        for part in parts.filter(|part| **part != Part::Timestamp) {
            feed(std::slice::from_ref(part), &sources, &mut |bytes| {
                digest.update(bytes)
            })
            .ok()?;
        }
        Some(digest.finalize().into())
    }

    /// The scope of deliveries verified with key `index` (see [`key_scope`]).
    pub(crate) fn key_scope(&self, index: usize) -> &[u8; 16] {
        &self.inner.keys[index].scope
    }

    /// The first secret's keyed MAC, for the signer (HMAC schemes only).
    pub(crate) fn first_mac(&self) -> Option<KeyedMac> {
        self.inner.keys.first()?.key.hmac().cloned()
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.inner.keys.iter().map(|key| &*key.id).collect();
        f.debug_struct("Verifier")
            .field("scheme", &self.inner.scheme)
            .field("secret_ids", &ids)
            .field("tolerance", &self.inner.tolerance)
            .field("clock", &self.inner.clock)
            .finish()
    }
}

/// The request line and headers a verification reads.
pub(crate) struct Head<'a> {
    pub(crate) method: &'a http::Method,
    pub(crate) path_and_query: &'a str,
    pub(crate) headers: &'a HeaderMap,
}

impl<'a> Head<'a> {
    pub(crate) fn of(method: &'a http::Method, uri: &'a http::Uri, headers: &'a HeaderMap) -> Self {
        Head {
            method,
            path_and_query: uri.path_and_query().map_or("/", |pq| pq.as_str()),
            headers,
        }
    }

    /// The headers as `scheme` reads them (with its aliases).
    fn headers(&self, scheme: &'a Scheme) -> Headers<'a> {
        Headers {
            map: self.headers,
            aliases: &scheme.aliases,
        }
    }

    fn sources(
        &self,
        scheme: &'a Scheme,
        timestamp: Option<&'a Timestamp>,
        base_override: Option<&'a str>,
        body: &'a [u8],
    ) -> Sources<'a> {
        Sources {
            method: self.method,
            path_and_query: self.path_and_query,
            base_override,
            headers: self.headers(scheme),
            timestamp: timestamp.map(Timestamp::digits),
            body,
            json: Default::default(),
        }
    }
}

/// The signature carried in the JSON body's `field` (at most 4 KiB).
#[cfg(feature = "json")]
fn body_signature<'s>(sources: &'s Sources<'_>, field: &str) -> Option<&'s [u8]> {
    let signature = sources.body_json()?.get(field)?.as_str()?.trim();
    (!signature.is_empty() && signature.len() <= 4096).then_some(signature.as_bytes())
}

#[cfg(not(feature = "json"))]
fn body_signature<'s>(_: &'s Sources<'_>, _: &str) -> Option<&'s [u8]> {
    None
}

/// Decodes the signatures of every signature header of the scheme (each at most once, at
/// least one present) into `candidates`, or for token schemes keeps the raw `token`; returns a
/// timestamp carried in a signature header.
fn read_signatures<'h>(
    scheme: &Scheme,
    headers: Headers<'h>,
    candidates: &mut Candidates,
    token: &mut Option<Box<[u8]>>,
) -> Result<Option<&'h [u8]>, WebhookError> {
    let mut timestamp = None;
    let mut present = false;
    for header in &scheme.headers {
        let value: &HeaderValue = match headers.one(header) {
            Ok(value) => value,
            Err(false) => continue,
            Err(true) => {
                return Err(WebhookError::DuplicateSignature {
                    header: header.clone(),
                })
            }
        };
        present = true;
        let malformed = |reason| WebhookError::MalformedSignature {
            header: header.clone(),
            reason,
        };
        if scheme.method.keeps_raw_signature() {
            let raw = scheme.format.token(value.as_bytes()).map_err(malformed)?;
            *token = Some(Box::from(raw));
            continue;
        }
        let carried = scheme
            .format
            .parse(
                value.as_bytes(),
                scheme.encoding,
                scheme.method.signature_len(),
                candidates,
            )
            .map_err(malformed)?;
        timestamp = timestamp.or(carried);
    }
    if !present {
        return Err(WebhookError::MissingSignature {
            header: scheme.headers[0].clone(),
        });
    }
    Ok(timestamp)
}

/// A verification that has passed every header check and is waiting for the body.
///
/// Private to the crate: only the layer feeds it, frame by frame, the same bytes it then hands
/// on, and [`Verifier::verify`] feeds it the complete body itself.
pub(crate) struct Pending {
    running: Running,
    /// Whether the raw body is fed to `running` as it arrives.
    streams_body: bool,
    candidates: Candidates,
    /// The received token, for token schemes: a copy, since the headers are not kept.
    token: Option<Box<[u8]>>,
    timestamp: Option<Timestamp>,
}

impl Pending {
    /// A state with nothing read yet, for [`Verifier::begin`] to fill.
    #[inline]
    fn new(inner: &Inner) -> Self {
        Pending {
            running: Running::Token,
            streams_body: inner.streams_body,
            candidates: Candidates::new(),
            token: None,
            timestamp: None,
        }
    }

    /// Feeds the next piece of the raw body (a no-op for schemes that do not sign it as is).
    #[inline]
    pub(crate) fn update(&mut self, chunk: &[u8]) {
        if self.streams_body {
            self.running.update(chunk);
        }
    }

    /// Feeds what comes after the raw body (or the parsed body, for form parameters), then
    /// checks every signature under every key (HMAC tags in constant time), and finally any
    /// timestamp inside the verified body. `body` is the complete body, the same bytes that
    /// were fed to [`update`](Self::update); `verifier` the one that started it.
    ///
    /// Called once: the state is spent afterwards. It works through `&mut self` so that the
    /// MAC states are finalized where they lie instead of being moved out.
    #[inline]
    pub(crate) fn finish(
        &mut self,
        verifier: &Verifier,
        head: &Head<'_>,
        body: &[u8],
    ) -> Result<Verdict, WebhookError> {
        let inner = &*verifier.inner;
        let content = &inner.scheme.content;
        let (_, body_part, after_body) = content.split_at_body();
        let sources = head.sources(&inner.scheme, self.timestamp.as_ref(), None, body);
        let running = &mut self.running;
        let mut sink = |bytes: &[u8]| running.update(bytes);
        if !self.streams_body {
            feed(body_part, &sources, &mut sink)?;
        }
        feed(after_body, &sources, &mut sink)?;
        let body_token = match &inner.scheme.signature_in_body {
            Some(field) => body_signature(&sources, field),
            None => None,
        };
        let token = body_token.or(self.token.as_deref());
        let candidates = &self.candidates;
        let mut matched = self
            .running
            .matching_key(&inner.key_list, candidates, token);
        if matched.is_none() {
            matched = verifier.other_port(head, self.timestamp.as_ref(), candidates, body);
        }
        // The decoy, and a body of the wrong shape, are refused after the same work.
        let shaped = !inner.scheme.json_object_body || is_json_object(body);
        let key = matched
            .filter(|_| shaped && !inner.decoy)
            .ok_or(WebhookError::SignatureMismatch)?;
        let seconds = verifier
            .body_timestamp(&sources)?
            .or(self.timestamp.as_ref().map(Timestamp::seconds));
        Ok(Verdict {
            key,
            timestamp: seconds,
        })
    }
}

/// Whether `body`'s first byte after JSON whitespace is `{`.
fn is_json_object(body: &[u8]) -> bool {
    body.iter()
        .find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
        .is_some_and(|byte| *byte == b'{')
}

/// What a verification that passed found: which key matched, and the verified timestamp.
pub(crate) struct Verdict {
    pub(crate) key: usize,
    pub(crate) timestamp: Option<u64>,
}

impl Verifier {
    /// For a public URL signed with `either_port` (Twilio), the whole content again with the
    /// default port toggled in the configured base.
    fn other_port(
        &self,
        head: &Head<'_>,
        timestamp: Option<&Timestamp>,
        candidates: &Candidates,
        body: &[u8],
    ) -> Option<usize> {
        let parts = &self.inner.scheme.content.parts;
        let base = parts.iter().find_map(|part| match part {
            Part::PublicUrl {
                base,
                either_port: true,
                ..
            } => Some(base),
            _ => None,
        })?;
        let other = toggled_port(base)?;
        let sources = head.sources(&self.inner.scheme, timestamp, Some(&other), body);
        let mut running = Running::Token;
        running.begin(&self.inner.key_list, candidates);
        feed(parts, &sources, &mut |bytes| running.update(bytes)).ok()?;
        running.matching_key(&self.inner.key_list, candidates, None)
    }

    /// The freshness timestamp inside the verified JSON body, checked against the window.
    #[cfg(feature = "json")]
    #[inline]
    fn body_timestamp(&self, sources: &Sources<'_>) -> Result<Option<u64>, WebhookError> {
        let inner = &*self.inner;
        let Some(field) = &inner.scheme.timestamp_in_body else {
            return Ok(None);
        };
        let malformed = |reason| WebhookError::MalformedTimestamp { reason };
        let Some(json) = sources.body_json() else {
            return Err(malformed("the body is not JSON"));
        };
        // As in Linear's current SDK, the field must be there and be a number: a body without
        // it has no freshness, and is refused rather than accepted for ever.
        let raw = match json.get(field.as_ref()) {
            Some(serde_json::Value::Number(number)) => number.to_string(),
            None | Some(serde_json::Value::Null) => {
                return Err(malformed("the body has no timestamp field"))
            }
            Some(_) => return Err(malformed("the body's timestamp field is not a number")),
        };
        let timestamp = Timestamp::parse(raw.as_bytes(), inner.scheme.timestamp_format)?;
        timestamp.check_window(inner.clock.now_seconds(), inner.tolerance)?;
        Ok(Some(timestamp.seconds()))
    }

    #[cfg(not(feature = "json"))]
    fn body_timestamp(&self, _: &Sources<'_>) -> Result<Option<u64>, WebhookError> {
        Ok(None)
    }
}

#[cfg(test)]
mod decoy_tests {
    use super::*;

    /// A signature made under the decoy's own key (as a handshake answer could give one) is
    /// still refused, while the same signature under an ordinary verifier with that key passes.
    #[test]
    fn the_decoy_refuses_even_its_own_signatures() {
        let scheme = Scheme::hmac("custom", crate::Algorithm::Sha256, "x-signature");
        let decoy = crate::tenant::decoy(scheme).unwrap();
        let body = br#"{"id":"forged"}"#;
        let mut mac = decoy.first_mac().unwrap();
        mac.update(body);
        let tag = mac.finalize().as_slice().to_vec();
        let mut headers = http::HeaderMap::new();
        headers.insert("x-signature", const_hex::encode(&tag).parse().unwrap());
        assert!(matches!(
            decoy.verify(&headers, body),
            Err(crate::WebhookError::SignatureMismatch)
        ));
        // The same tag verifies under an ordinary verifier holding the same key: the refusal
        // above is the decoy's, not a wrong signature.
        let mut ordinary = decoy.clone();
        Arc::make_mut(&mut ordinary.inner).decoy = false;
        assert!(ordinary.verify(&headers, body).is_ok());
    }
}
