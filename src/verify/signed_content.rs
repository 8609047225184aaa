//! What a signature covers: [`SignedContent`].

use crate::{ConfigError, WebhookError};
use http::{HeaderMap, HeaderName, HeaderValue};
use std::{borrow::Cow, fmt, sync::Arc};

/// What the MAC is computed over: a sequence of parts, fed to the MAC in order.
///
/// Most providers sign only the raw body, which is what a [`Scheme`](crate::Scheme) does unless told
/// otherwise. Others sign a string built from headers, constants and the body; describe those
/// parts in order. Nothing is ever formatted into a `String`: each part is fed to the MAC as it is,
/// and parts before the body are fed before the first body byte arrives.
///
/// ```
/// use tower_webhook::SignedContent;
///
/// // "{X-Message-Id}+{client id}": two values joined by a literal '+'. The body is not signed.
/// let content = SignedContent::new()
///     .header("X-Message-Id")
///     .text("+")
///     .constant("client id", "my-client-id");
/// assert_eq!(content.describe(), "{x-message-id}+{client id}");
/// assert!(!content.covers_body());
///
/// // Slack: "v0:{timestamp}:{body}".
/// let slack = SignedContent::new().text("v0:").timestamp().text(":").body();
/// assert_eq!(slack.describe(), "v0:{timestamp}:{body}");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SignedContent {
    pub(crate) parts: Vec<Part>,
    pub(crate) error: Option<ConfigError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// The raw body bytes, exactly as received.
    Body,
    /// The value of a request header, as raw bytes; it must appear exactly once.
    Header(HeaderName),
    /// Fixed text that is part of the format, such as a separator.
    Text(Cow<'static, [u8]>),
    /// A fixed value from configuration (a client id, a public URL), shown by its label only.
    Constant {
        label: Cow<'static, str>,
        value: Cow<'static, [u8]>,
    },
    /// The timestamp, as the digits received.
    Timestamp,
    /// The form-encoded body's parameters, sorted by name then value, duplicates once, each as
    /// name followed by value (Mandrill). Needs the whole body, so it is not hashed while
    /// receiving.
    FormParams,
    /// The CRC-32 (IEEE) of the raw body, in decimal (PayPal). Needs the whole body.
    BodyCrc32,
    /// A part computed from the request by a provider's own rule (AWS SNS's string to sign,
    /// Twilio's parameters), which lives in the provider's file. Needs the whole body.
    Derived(Derived),
    /// The request method, such as `POST`.
    Method,
    /// The public URL the provider called: the configured base (`https://example.com`) followed
    /// by the request's path and query. With `either_port`, the base with the scheme's default
    /// port toggled (`:443`, `:80`) verifies too, as Twilio's SDKs allow.
    PublicUrl {
        base: Cow<'static, str>,
        either_port: bool,
        /// Bytes whose percent-escapes in the path and query are decoded before signing
        /// (HubSpot's table).
        unescape: &'static [u8],
    },
}

impl SignedContent {
    /// Empty content; add parts with the other methods.
    pub fn new() -> Self {
        SignedContent {
            parts: Vec::new(),
            error: None,
        }
    }

    /// Content that is the raw body alone: what most providers sign.
    pub fn body_only() -> Self {
        SignedContent::new().body()
    }

    /// Appends the raw body. A scheme without it verifies headers only and leaves the body
    /// unauthenticated.
    #[must_use]
    pub fn body(self) -> Self {
        self.push_body(Part::Body)
    }

    /// Appends the `application/x-www-form-urlencoded` body's parameters (decoded), sorted by name
    /// and then value, each parameter written as its name followed by its value, a repeated
    /// identical pair once, as Mandrill and Twilio sign them. The raw bytes are not signed, so
    /// this is verified after the whole body has arrived.
    #[must_use]
    pub fn sorted_form_params(self) -> Self {
        self.push_body(Part::FormParams)
    }

    /// Appends the value of the request header `name` (any case). A request without the header,
    /// or with it twice, is rejected with 401 before the body is read.
    #[must_use]
    pub fn header(mut self, name: &str) -> Self {
        match HeaderName::from_bytes(name.as_bytes()) {
            Ok(name) => self.parts.push(Part::Header(name)),
            Err(_) => self.fail(ConfigError::InvalidHeaderName {
                name: name.to_owned(),
            }),
        }
        self
    }

    /// Appends fixed text that belongs to the format, such as `"+"` or `"v0:"`.
    #[must_use]
    pub fn text(mut self, text: impl Into<Cow<'static, str>>) -> Self {
        let bytes = match text.into() {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        };
        self.parts.push(Part::Text(bytes));
        self
    }

    /// Appends a configured value such as a client id; `label` names it in descriptions, where
    /// the value itself is never shown.
    #[must_use]
    pub fn constant(
        mut self,
        label: impl Into<Cow<'static, str>>,
        value: impl Into<Cow<'static, str>>,
    ) -> Self {
        let value = match value.into() {
            Cow::Borrowed(value) => Cow::Borrowed(value.as_bytes()),
            Cow::Owned(value) => Cow::Owned(value.into_bytes()),
        };
        self.parts.push(Part::Constant {
            label: label.into(),
            value,
        });
        self
    }

    /// Appends the CRC-32 (IEEE, as zlib computes it) of the raw body, written in decimal:
    /// PayPal's signed string ends with it.
    #[must_use]
    pub fn body_crc32(self) -> Self {
        self.push_body(Part::BodyCrc32)
    }

    /// Appends a part computed by a provider's own rule, in place of the body.
    pub(crate) fn derived(self, part: impl DerivedPart) -> Self {
        self.push_body(Part::Derived(Derived(Arc::new(part))))
    }

    /// The provider's rule of a derived part, if the content has one.
    pub(crate) fn derived_part(&self) -> Option<&dyn DerivedPart> {
        self.parts.iter().find_map(|part| match part {
            Part::Derived(derived) => Some(&*derived.0),
            _ => None,
        })
    }

    /// Appends the request method (`POST`), for providers that sign it (HubSpot v3).
    #[must_use]
    pub fn method(mut self) -> Self {
        self.parts.push(Part::Method);
        self
    }

    /// Appends the public URL the provider called: `base` (scheme, host and any port, such as
    /// `https://hooks.example.com`, from configuration, since proxies change what the server
    /// sees) followed by the request's path and query as received. Square, HubSpot v3, Twilio,
    /// Trello and Mandrill sign it.
    #[must_use]
    pub fn public_url(self, base: impl Into<Cow<'static, str>>) -> Self {
        self.push_url(base.into(), false, &[])
    }

    /// Like [`public_url`](Self::public_url), with the percent-escapes of `unescape`'s bytes in
    /// the path and query decoded before signing (HubSpot v3 decodes `%3A` to `:` and so on for
    /// `:/?@!$'()*,;`); other escapes stay as received.
    #[must_use]
    pub fn public_url_unescaping(
        self,
        base: impl Into<Cow<'static, str>>,
        unescape: &'static [u8],
    ) -> Self {
        self.push_url(base.into(), false, unescape)
    }

    /// Like [`public_url`](Self::public_url), also accepting the base with the default port
    /// written out or left out (`https://host:443` for `https://host`), as Twilio does.
    #[must_use]
    pub fn public_url_either_port(self, base: impl Into<Cow<'static, str>>) -> Self {
        self.push_url(base.into(), true, &[])
    }

    fn push_url(
        mut self,
        base: Cow<'static, str>,
        either_port: bool,
        unescape: &'static [u8],
    ) -> Self {
        self.parts.push(Part::PublicUrl {
            base: trim_base(base),
            either_port,
            unescape,
        });
        self
    }

    /// Appends the timestamp, exactly as its digits were received. The scheme must say where
    /// the timestamp comes from ([`Scheme::timestamp_header`](crate::Scheme::timestamp_header) or
    /// a signature format that carries one).
    #[must_use]
    pub fn timestamp(mut self) -> Self {
        self.parts.push(Part::Timestamp);
        self
    }

    /// Whether the body (raw, or its form parameters) is among the signed parts.
    #[inline]
    pub fn covers_body(&self) -> bool {
        self.body_part().is_some()
    }

    /// Whether the top-level (or dotted) JSON body field `path` is covered: the raw body is
    /// signed, or a derived part signs that field. A body signed only through its CRC-32 does
    /// not count: CRC-32 collisions are easy to make.
    pub(crate) fn signs_json_field(&self, path: &str) -> bool {
        self.parts.iter().any(|part| match part {
            Part::Body => true,
            Part::Derived(derived) => derived.0.signs_json_field(path),
            _ => false,
        })
    }

    /// Whether the MAC can be fed the body frame by frame, as it arrives.
    #[inline]
    pub(crate) fn streams_body(&self) -> bool {
        self.body_part() == Some(&Part::Body)
    }

    #[inline]
    fn body_part(&self) -> Option<&Part> {
        self.parts.iter().find(|part| {
            matches!(
                part,
                Part::Body | Part::FormParams | Part::BodyCrc32 | Part::Derived(_)
            )
        })
    }

    fn push_body(mut self, part: Part) -> Self {
        if self.covers_body() {
            self.fail(ConfigError::InvalidScheme {
                reason: "the body can be signed only once",
            });
        }
        self.parts.push(part);
        self
    }

    /// A description such as `"{x-message-id}+{client id}"` or `"{body}"`; constants appear by
    /// their label only.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Body => out.push_str("{body}"),
                Part::Header(name) => {
                    out.push('{');
                    out.push_str(name.as_str());
                    out.push('}');
                }
                Part::Text(text) => out.push_str(&String::from_utf8_lossy(text)),
                Part::Constant { label, .. } => {
                    out.push('{');
                    out.push_str(label);
                    out.push('}');
                }
                Part::Timestamp => out.push_str("{timestamp}"),
                Part::FormParams => out.push_str("{sorted form params}"),
                Part::BodyCrc32 => out.push_str("{crc32 of body}"),
                Part::Derived(derived) => out.push_str(derived.0.label()),
                Part::Method => out.push_str("{method}"),
                Part::PublicUrl { .. } => out.push_str("{public url}"),
            }
        }
        out
    }

    /// Whether the request's method or URL is signed.
    pub(crate) fn signs_request_line(&self) -> bool {
        self.parts
            .iter()
            .any(|part| matches!(part, Part::Method | Part::PublicUrl { .. }))
    }

    pub(crate) fn signs_timestamp(&self) -> bool {
        self.parts.contains(&Part::Timestamp)
    }

    /// The parts before the body (all of them when the body is not signed), the body part, and
    /// the parts after it.
    #[inline]
    pub(crate) fn split_at_body(&self) -> (&[Part], &[Part], &[Part]) {
        match self.parts.iter().position(|part| {
            matches!(
                part,
                Part::Body | Part::FormParams | Part::BodyCrc32 | Part::Derived(_)
            )
        }) {
            Some(at) => (
                &self.parts[..at],
                &self.parts[at..=at],
                &self.parts[at + 1..],
            ),
            None => (&self.parts, &[], &[]),
        }
    }

    /// The request headers the content reads (such as `X-Message-Id`), in order.
    #[inline]
    pub fn headers(&self) -> impl Iterator<Item = &HeaderName> {
        self.parts.iter().filter_map(|part| match part {
            Part::Header(name) => Some(name),
            _ => None,
        })
    }

    fn fail(&mut self, error: ConfigError) {
        self.error.get_or_insert(error);
    }
}

impl Default for SignedContent {
    /// Empty, like [`SignedContent::new`].
    fn default() -> Self {
        SignedContent::new()
    }
}

/// A base URL without a trailing slash, so the request's path follows it.
fn trim_base(base: Cow<'static, str>) -> Cow<'static, str> {
    match base.strip_suffix('/') {
        Some(trimmed) => Cow::Owned(trimmed.to_owned()),
        None => base,
    }
}

/// The base with the scheme's default port toggled, if it has one to toggle.
pub(crate) fn toggled_port(base: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    let port = match scheme {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if let Some(host) = authority.strip_suffix(port) {
        Some(format!("{scheme}://{host}{}", &rest[authority_end..]))
    } else if authority
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
        && !authority.ends_with(']')
    {
        None
    } else {
        Some(format!(
            "{scheme}://{authority}{port}{}",
            &rest[authority_end..]
        ))
    }
}

/// What the parts are read from.
pub(crate) struct Sources<'a> {
    pub(crate) method: &'a http::Method,
    /// The request's path and query, as received.
    pub(crate) path_and_query: &'a str,
    /// Replaces the configured public URL base (for the other-port variant).
    pub(crate) base_override: Option<&'a str>,
    pub(crate) headers: Headers<'a>,
    /// The timestamp's digits as received (or, for the signer, as sent).
    pub(crate) timestamp: Option<&'a [u8]>,
    /// The complete body, for the parts that read it.
    pub(crate) body: &'a [u8],
    /// The body parsed as JSON, once, for what reads its fields.
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) json: BodyJson,
}

impl Sources<'_> {
    /// The body as JSON, parsed at the first call; `None` when it is not JSON (or without the
    /// `json` feature).
    #[cfg(feature = "json")]
    pub(crate) fn body_json(&self) -> Option<&serde_json::Value> {
        self.json
            .0
            .get_or_init(|| serde_json::from_slice(self.body).ok())
            .as_ref()
    }
}

/// The body parsed as JSON, once: AWS SNS's string to sign, its signature and a timestamp in
/// the body all read fields of the same message.
#[derive(Default)]
pub(crate) struct BodyJson(#[cfg(feature = "json")] std::cell::OnceCell<Option<serde_json::Value>>);

/// The one interpreter of signed content: feeds `parts` to `sink` in order, reading headers,
/// the timestamp and the body from `sources`. The [`Verifier`](crate::Verifier) and the
/// [`Signer`](crate::Signer) both sign through it, so they cannot disagree.
pub(crate) fn feed(
    parts: &[Part],
    sources: &Sources<'_>,
    sink: &mut impl FnMut(&[u8]),
) -> Result<(), HeaderProblem> {
    for part in parts {
        match part {
            Part::Body => sink(sources.body),
            Part::Text(bytes) | Part::Constant { value: bytes, .. } => sink(bytes),
            Part::Header(name) => sink(header_once(sources.headers, name)?.as_bytes()),
            // `Scheme::validate` guarantees a source whenever the timestamp is signed, and the
            // caller has read it by now; were it absent, nothing fed means no match.
            Part::Timestamp => sink(sources.timestamp.unwrap_or_default()),
            Part::FormParams => feed_sorted_form_params(sources.body, sink),
            Part::BodyCrc32 => sink(crc32fast::hash(sources.body).to_string().as_bytes()),
            Part::Derived(derived) => derived.0.feed(sources, sink)?,
            Part::Method => sink(sources.method.as_str().as_bytes()),
            Part::PublicUrl { base, unescape, .. } => {
                sink(sources.base_override.unwrap_or(base).as_bytes());
                feed_unescaped(sources.path_and_query.as_bytes(), unescape, sink);
            }
        }
    }
    Ok(())
}

/// Feeds `text` with the percent-escapes of the bytes in `unescape` decoded, in runs.
fn feed_unescaped(text: &[u8], unescape: &[u8], sink: &mut impl FnMut(&[u8])) {
    let mut start = 0;
    let mut at = 0;
    while at + 2 < text.len() {
        let decoded = (text[at] == b'%')
            .then(|| std::str::from_utf8(&text[at + 1..at + 3]).ok())
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .filter(|byte| unescape.contains(byte));
        match decoded {
            Some(byte) => {
                sink(&text[start..at]);
                sink(&[byte]);
                at += 3;
                start = at;
            }
            None => at += 1,
        }
    }
    sink(&text[start..]);
}

/// Feeds the form-encoded `body`'s parameters, sorted, each as its name then its value.
pub(crate) fn feed_sorted_form_params(body: &[u8], sink: &mut (impl FnMut(&[u8]) + ?Sized)) {
    for (name, value) in sorted_form_params(body) {
        sink(name.as_bytes());
        sink(value.as_bytes());
    }
}

/// A part of the signed content computed by a provider's own rule, kept in the provider's file
/// (see [`Part::Derived`]); the generic interpreter only calls it.
pub(crate) trait DerivedPart: fmt::Debug + Send + Sync + 'static {
    /// How the part shows in [`SignedContent::describe`], such as `"{SNS string to sign}"`.
    fn label(&self) -> &'static str;

    /// Feeds the part's bytes from the request.
    fn feed(&self, sources: &Sources<'_>, sink: &mut dyn FnMut(&[u8]))
        -> Result<(), HeaderProblem>;

    /// Whether the JSON body field `path` is covered by the part. The default is no.
    fn signs_json_field(&self, path: &str) -> bool {
        let _ = path;
        false
    }

    /// A cargo feature the rule needs that is not enabled: the scheme then fails to build.
    fn missing_feature(&self) -> Option<&'static str> {
        None
    }

    /// The rule itself, to be changed by its provider's builder methods.
    fn as_any(&self) -> &dyn std::any::Any;
}

/// A [`DerivedPart`], shared; equal only to itself.
#[derive(Debug, Clone)]
pub(crate) struct Derived(pub(crate) Arc<dyn DerivedPart>);

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Derived {}

/// The decoded value of the query parameter `name`, if present.
pub(crate) fn query_param(path_and_query: &str, name: &str) -> Option<String> {
    let (_, query) = path_and_query.split_once('?')?;
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// Decoded form parameters sorted by name then value, identical pairs once.
fn sorted_form_params(body: &[u8]) -> Vec<(String, String)> {
    let mut params: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    params.sort();
    params.dedup();
    params
}

/// The request's headers as a scheme reads them: a header absent under its own name is read
/// under its alias, if the scheme has one (Standard Webhooks' `webhook-id` as Svix's `svix-id`).
#[derive(Clone, Copy)]
pub(crate) struct Headers<'a> {
    pub(crate) map: &'a HeaderMap,
    pub(crate) aliases: &'a [(HeaderName, HeaderName)],
}

impl<'a> Headers<'a> {
    pub(crate) fn plain(map: &'a HeaderMap) -> Self {
        Headers { map, aliases: &[] }
    }

    /// The one value of `name` (or of its alias when `name` is absent); `Err(false)` when
    /// absent, `Err(true)` when repeated.
    pub(crate) fn one(&self, name: &HeaderName) -> Result<&'a HeaderValue, bool> {
        match exactly_one(self.map, name) {
            Err(false) => match self.aliases.iter().find(|(canonical, _)| canonical == name) {
                Some((_, alias)) => exactly_one(self.map, alias),
                None => Err(false),
            },
            found => found,
        }
    }
}

/// The one value of `name`; `Err(false)` when absent, `Err(true)` when repeated.
fn exactly_one<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Result<&'a HeaderValue, bool> {
    let mut values = headers.get_all(name).iter();
    match (values.next(), values.next()) {
        (Some(value), None) => Ok(value),
        (None, _) => Err(false),
        (Some(_), Some(_)) => Err(true),
    }
}

/// Why the content could not be read: a signed header absent or repeated, or a body that is not
/// what the signature covers (Twilio's `bodySHA256`, SNS's `SignatureVersion`).
#[derive(Debug)]
pub(crate) enum HeaderProblem {
    Missing(HeaderName),
    Repeated(HeaderName),
    NotAsSigned,
}

impl From<HeaderProblem> for WebhookError {
    fn from(problem: HeaderProblem) -> Self {
        match problem {
            HeaderProblem::Missing(header) => WebhookError::MissingHeader { header },
            HeaderProblem::Repeated(header) => WebhookError::DuplicateHeader { header },
            HeaderProblem::NotAsSigned => WebhookError::SignatureMismatch,
        }
    }
}

fn header_once<'a>(
    headers: Headers<'a>,
    name: &HeaderName,
) -> Result<&'a HeaderValue, HeaderProblem> {
    headers.one(name).map_err(|many| match many {
        false => HeaderProblem::Missing(name.clone()),
        true => HeaderProblem::Repeated(name.clone()),
    })
}

/// A header that the signed content or the timestamp is read from: present exactly once.
pub(crate) fn signed_header<'a>(
    headers: Headers<'a>,
    name: &HeaderName,
) -> Result<&'a HeaderValue, WebhookError> {
    Ok(header_once(headers, name)?)
}

impl std::fmt::Debug for SignedContent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("SignedContent")
            .field(&self.describe())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_around_the_body() {
        let content = SignedContent::new().text("a").body().text("b");
        let (before, body, after) = content.split_at_body();
        assert_eq!(before.len(), 1);
        assert_eq!(body, [Part::Body]);
        assert_eq!(after.len(), 1);
        let headers_only = SignedContent::new().text("a");
        assert_eq!(headers_only.split_at_body().0.len(), 1);
        assert!(headers_only.split_at_body().1.is_empty());
    }

    #[test]
    fn header_names_in_any_case_are_accepted() {
        let content = SignedContent::new().header("X-Message-ID");
        assert!(content.error.is_none());
        assert_eq!(content.describe(), "{x-message-id}");
    }

    #[test]
    fn invalid_header_name_is_kept_as_error() {
        let content = SignedContent::new().header("bad header");
        assert_eq!(
            content.error,
            Some(ConfigError::InvalidHeaderName {
                name: "bad header".into()
            })
        );
    }

    #[test]
    fn body_twice_is_an_error() {
        assert!(SignedContent::body_only().body().error.is_some());
    }

    #[test]
    fn only_the_listed_escapes_are_decoded() {
        let mut out = Vec::new();
        feed_unescaped(
            b"/a?x=https%3A%2f%2Fb%20c%3",
            b":/",
            &mut |bytes: &[u8]| out.extend_from_slice(bytes),
        );
        assert_eq!(out, b"/a?x=https://b%20c%3");
    }

    #[test]
    fn default_ports_toggle() {
        assert_eq!(
            toggled_port("https://a.com").as_deref(),
            Some("https://a.com:443")
        );
        assert_eq!(
            toggled_port("https://a.com:443").as_deref(),
            Some("https://a.com")
        );
        assert_eq!(
            toggled_port("http://a.com").as_deref(),
            Some("http://a.com:80")
        );
        assert_eq!(toggled_port("https://a.com:8443"), None);
        assert_eq!(toggled_port("ftp://a.com"), None);
    }

    #[test]
    fn new_and_default_agree() {
        assert_eq!(SignedContent::new(), SignedContent::default());
    }

    #[test]
    fn form_params_are_sorted_and_deduplicated() {
        let mut fed = Vec::new();
        let headers = HeaderMap::new();
        let sources = Sources {
            method: &http::Method::POST,
            path_and_query: "/",
            base_override: None,
            headers: Headers::plain(&headers),
            timestamp: None,
            body: b"b=2&a=1&b=1&a=1",
            json: Default::default(),
        };
        feed(&[Part::FormParams], &sources, &mut |bytes: &[u8]| {
            fed.extend_from_slice(bytes)
        })
        .unwrap();
        assert_eq!(fed, b"a1b1b2");
    }

    #[test]
    fn repeated_signed_header_is_refused() {
        let mut headers = HeaderMap::new();
        headers.append("x-id", "1".parse().unwrap());
        headers.append("x-id", "2".parse().unwrap());
        let sources = Sources {
            method: &http::Method::POST,
            path_and_query: "/",
            base_override: None,
            headers: Headers::plain(&headers),
            timestamp: None,
            body: b"",
            json: Default::default(),
        };
        let parts = SignedContent::new().header("x-id").parts;
        let result = feed(&parts, &sources, &mut |_: &[u8]| {});
        assert!(matches!(result, Err(HeaderProblem::Repeated(_))));
    }

    #[test]
    fn debug_hides_constant_values() {
        let content = SignedContent::new().constant("client id", "abc123");
        assert!(!format!("{content:?}").contains("abc123"));
    }
}
