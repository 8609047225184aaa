//! Which delivery a verified request is: [`Delivery`], read from where each preset says
//! ([`Field`]).

use crate::{verify::Head, Verified};
use http::{HeaderMap, HeaderName};
use std::borrow::Cow;

/// Where one piece of delivery metadata comes from: a request header, a field of the verified
/// JSON body, or the digest of what the signature covers.
///
/// ```
/// use tower_webhook::{Field, Scheme};
///
/// let scheme = Scheme::github().delivery_id(Field::header("X-GitHub-Delivery"));
/// assert!(!scheme.delivery_id_is_signed());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field(pub(crate) Source);

/// What a [`Field`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Header(HeaderName),
    Json(Cow<'static, str>),
    ContentDigest,
    /// A header name that is not valid: the scheme using it fails to build.
    InvalidHeader(String),
}

impl Field {
    /// The request header `name` (any case), such as `X-GitHub-Delivery`. An invalid name is a
    /// [`ConfigError::InvalidHeaderName`](crate::ConfigError::InvalidHeaderName) when the scheme
    /// is built.
    pub fn header(name: &str) -> Field {
        Field(match HeaderName::from_bytes(name.as_bytes()) {
            Ok(name) => Source::Header(name),
            Err(_) => Source::InvalidHeader(name.to_owned()),
        })
    }

    /// The field of the verified JSON body at `path`, such as `"id"` or `"event.id"` (dots
    /// separate levels; needs the `json` feature, read only after the signature passed).
    pub fn json(path: impl Into<Cow<'static, str>>) -> Field {
        Field(Source::Json(path.into()))
    }

    /// A SHA-256 digest of what the signature covers, less its timestamp: what identifies a
    /// delivery when the provider sends no signed id. It is the same on every retry of a
    /// delivery and cannot be steered by anyone without the key, unlike the signature's text,
    /// whose hex case can be flipped and which, for ECDSA, has several valid forms.
    pub fn content_digest() -> Field {
        Field(Source::ContentDigest)
    }
}

/// Where a scheme's delivery id, event type and attempt number come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DeliveryFields {
    pub(crate) id: Option<Field>,
    pub(crate) event_type: Option<Field>,
    pub(crate) attempt: Option<Field>,
    /// Whether the unsigned id is added to the deduplication key.
    pub(crate) unsigned_id_distinguishes: bool,
}

/// What identifies a verified delivery: its id (stable across the provider's retries, the key
/// for deduplication), event type, attempt number, and the verification's timestamp, scheme and
/// secret id.
///
/// The layer puts it in the request's extensions when it needs it (deduplication, tracing);
/// with the `axum` feature it is an extractor, read from the [`Verified`] request otherwise.
///
/// ```
/// use http::HeaderMap;
/// use tower_webhook::{Delivery, Scheme, Verifier};
///
/// let verifier = Verifier::new(Scheme::github(), "It's a Secret to Everybody")?;
/// let mut headers = HeaderMap::new();
/// headers.insert("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17".parse()?);
/// headers.insert("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958".parse()?);
/// headers.insert("X-GitHub-Event", "ping".parse()?);
/// let verified = verifier.verify(&headers, b"Hello, World!")?;
/// let delivery = Delivery::read(&verified, &headers, b"Hello, World!");
/// assert_eq!(delivery.id(), Some("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
/// assert_eq!(delivery.event_type(), Some("ping"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    id: Option<String>,
    id_is_signed: bool,
    /// What deduplication keys the delivery by: only what the signature covers.
    dedup_id: Option<String>,
    event_type: Option<String>,
    attempt: Option<u32>,
    timestamp: Option<u64>,
    scheme: String,
    secret_id: String,
    scope: [u8; 16],
}

impl Delivery {
    /// Reads the delivery metadata of a request that `verified` vouches for, from its headers
    /// and its verified `body`: for a `Verified` from [`Verifier::verify`](crate::Verifier::verify).
    ///
    /// For a scheme that also signs the method or the URL, use
    /// [`read_request`](Self::read_request): without the request line, `read` cannot take the
    /// digest of what the signature covers, so such a delivery gets no
    /// [content digest](Field::content_digest) (never one taken over the wrong URL).
    pub fn read(verified: &Verified, headers: &HeaderMap, body: &[u8]) -> Delivery {
        let head = Head {
            method: &http::Method::POST,
            path_and_query: "/",
            headers,
        };
        let signs_request_line = verified
            .verifier()
            .scheme()
            .get_signed_content()
            .signs_request_line();
        Delivery::of(verified, &head, body, !signs_request_line)
    }

    /// Reads the delivery metadata of a complete request that `verified` vouches for: for a
    /// `Verified` from [`Verifier::verify_request`](crate::Verifier::verify_request).
    ///
    /// ```
    /// use tower_webhook::{Delivery, Field, Scheme, SignedContent, Signer, Verifier};
    ///
    /// // A scheme that signs the public URL and the body.
    /// let scheme = Scheme::hmac("url-signed", tower_webhook::Algorithm::Sha256, "x-signature")
    ///     .signed_content(SignedContent::new().public_url("https://example.com").body())
    ///     .delivery_id(Field::content_digest());
    /// let mut request = http::Request::post("/hooks?shop=1").body(&b"{}"[..])?;
    /// let signature = Signer::new(scheme.clone(), "secret")?.sign_request(&request, 0)?;
    /// request.headers_mut().extend(signature);
    ///
    /// let verified = Verifier::new(scheme, "secret")?.verify_request(&request)?;
    /// let delivery = Delivery::read_request(&verified, &request);
    /// assert!(delivery.id().is_some_and(|id| id.starts_with("sha256:")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_request<B: AsRef<[u8]>>(
        verified: &Verified,
        request: &http::Request<B>,
    ) -> Delivery {
        let head = Head::of(request.method(), request.uri(), request.headers());
        Delivery::of(verified, &head, request.body().as_ref(), true)
    }

    /// [`read`](Self::read) with the request line; the digest of the signed content is taken
    /// from the request when `digest` says so (a delivery's span goes without it).
    pub(crate) fn of(verified: &Verified, head: &Head<'_>, body: &[u8], digest: bool) -> Delivery {
        let headers = head.headers;
        let scheme = verified.verifier().scheme();
        let fields = &scheme.delivery;
        #[cfg(feature = "json")]
        let json = std::cell::OnceCell::new();
        let header = |name: &HeaderName| {
            headers.get(name).or_else(|| {
                let (_, alias) = scheme
                    .aliases
                    .iter()
                    .find(|(canonical, _)| canonical == name)?;
                headers.get(alias)
            })
        };
        let content = (digest && scheme.identified_by_content())
            .then(|| verified.verifier().content_digest(head, body))
            .flatten()
            .map(digest_id);
        let read = |field: &Option<Field>| -> Option<String> {
            match &field.as_ref()?.0 {
                Source::Header(name) => text(header(name)?.as_bytes()),
                Source::ContentDigest => content.clone(),
                #[cfg(feature = "json")]
                Source::Json(path) => {
                    let json: &Option<serde_json::Value> =
                        json.get_or_init(|| serde_json::from_slice(body).ok());
                    let mut value = json.as_ref()?;
                    for key in path.split('.') {
                        value = match value {
                            serde_json::Value::Array(items) => {
                                items.get(key.parse::<usize>().ok()?)?
                            }
                            other => other.get(key)?,
                        };
                    }
                    match value {
                        serde_json::Value::String(string) => text(string.as_bytes()),
                        serde_json::Value::Number(number) => text(number.to_string().as_bytes()),
                        _ => None,
                    }
                }
                #[cfg(not(feature = "json"))]
                Source::Json(_) => {
                    let _ = body;
                    None
                }
                Source::InvalidHeader(_) => None,
            }
        };
        let id = read(&fields.id);
        let id_is_signed = id.is_some() && scheme.delivery_id_is_signed();
        let event_type = read(&fields.event_type);
        let attempt = read(&fields.attempt).and_then(|attempt| attempt.trim().parse().ok());
        // A token authenticates the sender, not the content: its requests have nothing signed
        // to key on, and their id is as trustworthy as the rest of the request.
        let token = scheme.method == crate::SignatureMethod::Token;
        let dedup_id = match (&id, content.clone()) {
            (Some(id), _) if id_is_signed || token => Some(id.clone()),
            (Some(id), Some(content)) if fields.unsigned_id_distinguishes => {
                Some(format!("{content}/{id}"))
            }
            (_, content) => content,
        };
        Delivery {
            id,
            id_is_signed,
            dedup_id,
            event_type,
            attempt,
            timestamp: verified.timestamp(),
            scheme: verified.scheme().to_owned(),
            secret_id: verified.secret_id().to_owned(),
            scope: *verified.key_scope(),
        }
    }

    /// Whether [`id`](Self::id) is covered by the signature: read from a signed header or the
    /// signed body, or the digest of the signed content. An id that is not (such as GitHub's
    /// `X-GitHub-Delivery`) is for logs only: anyone relaying the request can change it, so
    /// deduplication never relies on it.
    pub fn id_is_signed(&self) -> bool {
        self.id_is_signed
    }

    /// What deduplication keys the delivery by: the id when it is signed, else the digest of
    /// the signed content (with the unsigned id for schemes that ask for it).
    pub(crate) fn dedup_id(&self) -> Option<&str> {
        self.dedup_id.as_deref()
    }

    /// The scope of the key that verified the delivery (see `Verifier`'s key scopes).
    pub(crate) fn scope(&self) -> &[u8; 16] {
        &self.scope
    }

    /// The delivery's id, stable across the provider's retries: the provider's id, or the digest
    /// of the signed content for providers that send none (see [`Field`]). Whether the
    /// signature covers it: [`id_is_signed`](Self::id_is_signed).
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The event type, such as `"push"` or `"invoice.paid"`.
    pub fn event_type(&self) -> Option<&str> {
        self.event_type.as_deref()
    }

    /// Which attempt this is, for providers that number their retries.
    pub fn attempt(&self) -> Option<u32> {
        self.attempt
    }

    /// The verified timestamp, in seconds since the Unix epoch.
    pub fn timestamp(&self) -> Option<u64> {
        self.timestamp
    }

    /// The scheme that verified the delivery.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The id of the secret that matched.
    pub fn secret_id(&self) -> &str {
        &self.secret_id
    }
}

/// The longest id kept as it is, in bytes; a longer one is replaced by its digest.
const MAX_ID_LEN: usize = 128;

/// Header or JSON text, trimmed; none when empty or not UTF-8. Longer than 128 bytes (no
/// provider's id is), it is replaced by `sha256:` and the hex of half its SHA-256: every id,
/// wherever it comes from, stays small in logs and stores.
fn text(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?.trim();
    if text.is_empty() {
        return None;
    }
    if text.len() > MAX_ID_LEN {
        use sha2::Digest as _;
        return Some(digest_id(sha2::Sha256::digest(text.as_bytes()).into()));
    }
    Some(text.to_owned())
}

/// A digest as an id: `sha256:` and the hex of its first 16 bytes.
fn digest_id(digest: [u8; 32]) -> String {
    format!("sha256:{}", const_hex::encode(&digest[..16]))
}
