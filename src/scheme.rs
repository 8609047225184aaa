//! How a provider signs its webhooks: [`Scheme`], validated when it is built into a verifier.
//!
//! A scheme says which header carries the signature and how it is laid out, which method (an
//! HMAC, Ed25519, ECDSA or a shared token) and encoding produce it, what it covers, where a
//! timestamp comes from and how wide its replay window is. Presets for each provider are
//! constructors on [`Scheme`] (see [`presets`](crate::presets)); anything else can be described
//! with the builder methods here.

use crate::{
    delivery::{DeliveryFields, Source},
    Algorithm, ConfigError, Encoding, Field, SecretFormat, SignatureFormat, SignatureMethod,
    SignedContent, TimestampFormat, DEFAULT_TOLERANCE,
};
use http::HeaderName;
use std::{borrow::Cow, time::Duration};

/// A description of how one provider signs its webhooks.
///
/// Build one from a preset such as [`Scheme::amio`], or describe your own:
///
/// ```
/// use tower_webhook::{Algorithm, Encoding, Scheme, SignedContent};
///
/// // "X-Signature: sha512=<base64 HMAC-SHA512 of '{X-Request-Id}.{body}'>"
/// let scheme = Scheme::hmac("acme", Algorithm::Sha512, "X-Signature")
///     .prefix("sha512=")
///     .encoding(Encoding::Base64)
///     .signed_content(SignedContent::new().header("X-Request-Id").text(".").body());
/// assert_eq!(scheme.get_signature_header().as_str(), "x-signature");
/// ```
///
/// Configuration mistakes (an invalid header name, a timestamp with no source, a layout that
/// could never parse its own signatures) are kept and reported when the
/// [`Verifier`](crate::Verifier) or layer is built.
///
/// One type is both the builder and the description, so, as with `std::process::Command`
/// (`current_dir` / `get_current_dir`), each setter has a getter of the same name with `get_`:
/// [`format`](Self::format) / [`get_format`](Self::get_format),
/// [`signed_content`](Self::signed_content) / [`get_signed_content`](Self::get_signed_content),
/// [`tolerance`](Self::tolerance) / [`get_tolerance`](Self::get_tolerance), and so on; what the
/// constructor fixes reads plainly ([`name`](Self::name), [`method`](Self::method)).
#[derive(Clone)]
pub struct Scheme {
    pub(crate) name: Cow<'static, str>,
    pub(crate) method: SignatureMethod,
    /// The headers that may carry signatures; the first is the primary one.
    pub(crate) headers: Vec<HeaderName>,
    pub(crate) format: SignatureFormat,
    pub(crate) encoding: Encoding,
    pub(crate) content: SignedContent,
    pub(crate) timestamp_header: Option<HeaderName>,
    pub(crate) timestamp_format: TimestampFormat,
    pub(crate) timestamp_in_body: Option<Cow<'static, str>>,
    pub(crate) tolerance: Duration,
    pub(crate) secret_format: SecretFormat,
    /// `(canonical, alias)`: a header read under its alias when absent under its own name.
    pub(crate) aliases: Vec<(HeaderName, HeaderName)>,
    /// Where the delivery id, event type and attempt come from.
    pub(crate) delivery: DeliveryFields,
    /// A JSON body field that carries the signature instead of a header (AWS SNS).
    pub(crate) signature_in_body: Option<Cow<'static, str>>,
    /// Whether only bodies that are a JSON object (first byte after whitespace `{`) verify.
    pub(crate) json_object_body: bool,
    error: Option<ConfigError>,
}

impl Scheme {
    /// A scheme named `name` that sends the hex HMAC of the raw body, with no prefix, in
    /// `header` (any case).
    pub fn hmac(name: impl Into<Cow<'static, str>>, algorithm: Algorithm, header: &str) -> Self {
        Scheme::with_method(name, SignatureMethod::Hmac(algorithm), header)
    }

    /// A scheme whose signature is an Ed25519 signature of the raw body, hex-encoded, in
    /// `header`; the key is the provider's public key (the `ed25519` feature).
    pub fn ed25519(name: impl Into<Cow<'static, str>>, header: &str) -> Self {
        Scheme::with_method(name, SignatureMethod::Ed25519, header)
    }

    /// A scheme whose signature is a DER-encoded ECDSA P-256/SHA-256 signature of the raw body,
    /// base64-encoded, in `header`; the key is the provider's public key (the `ecdsa` feature).
    pub fn ecdsa_p256(name: impl Into<Cow<'static, str>>, header: &str) -> Self {
        Scheme::with_method(name, SignatureMethod::EcdsaP256Sha256, header)
            .encoding(Encoding::Base64)
    }

    /// A scheme whose signature is an RSA PKCS#1 v1.5 / SHA-256 signature of the raw body,
    /// base64-encoded, in `header`; the key is the provider's certificate or public key (the
    /// `rsa` feature).
    pub fn rsa_sha256(name: impl Into<Cow<'static, str>>, header: &str) -> Self {
        Scheme::with_method(name, SignatureMethod::RsaPkcs1Sha256, header)
            .encoding(Encoding::Base64)
    }

    /// Like [`Scheme::rsa_sha256`] with SHA-1, only for providers that still sign with it (AWS
    /// SNS's `SignatureVersion` 1).
    pub fn rsa_sha1(name: impl Into<Cow<'static, str>>, header: &str) -> Self {
        Scheme::with_method(name, SignatureMethod::RsaPkcs1Sha1, header).encoding(Encoding::Base64)
    }

    /// A scheme where `header` carries a shared token, compared in constant time. A token proves
    /// who sent the request, not what it contains: the body is passed on unauthenticated.
    ///
    /// HTTP Basic, for providers that offer nothing else, is a token behind a `Basic ` prefix:
    ///
    /// ```
    /// use http::HeaderMap;
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// // printf 'hooks:s3cr3t' | base64
    /// let basic = Scheme::token("basic", "Authorization").prefix("Basic ");
    /// let verifier = Verifier::new(basic, "aG9va3M6czNjcjN0")?;
    /// let mut headers = HeaderMap::new();
    /// headers.insert("authorization", "Basic aG9va3M6czNjcjN0".parse()?);
    /// assert!(verifier.verify(&headers, b"{}").is_ok());
    /// headers.insert("authorization", "Basic aG9va3M6Z3Vlc3M=".parse()?);
    /// assert!(verifier.verify(&headers, b"{}").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn token(name: impl Into<Cow<'static, str>>, header: &str) -> Self {
        Scheme::with_method(name, SignatureMethod::Token, header)
            .signed_content(SignedContent::new())
    }

    fn with_method(
        name: impl Into<Cow<'static, str>>,
        method: SignatureMethod,
        header: &str,
    ) -> Self {
        let mut scheme = Scheme {
            name: name.into(),
            method,
            headers: Vec::new(),
            format: SignatureFormat::single(""),
            encoding: Encoding::Hex,
            content: SignedContent::body_only(),
            timestamp_header: None,
            timestamp_format: TimestampFormat::Seconds,
            timestamp_in_body: None,
            tolerance: DEFAULT_TOLERANCE,
            secret_format: SecretFormat::Raw,
            aliases: Vec::new(),
            // Without an id from the provider, what the signature covers identifies the
            // delivery; a token signs nothing, so it identifies none.
            delivery: DeliveryFields {
                id: (method != SignatureMethod::Token).then_some(Field::content_digest()),
                ..DeliveryFields::default()
            },
            signature_in_body: None,
            json_object_body: false,
            error: None,
        };
        let header = scheme.parse_header(header);
        scheme.headers.push(header);
        scheme
    }

    /// Reads the signature from `header` (any case) instead. For example, the registration-based
    /// provider lets each registration choose its `hmacHeaderName`.
    #[must_use]
    pub fn signature_header(mut self, header: &str) -> Self {
        let header = self.parse_header(header);
        self.headers = vec![header];
        self
    }

    /// Also reads signatures from `headers` (Box's `box-signature-secondary`, DocuSign's
    /// `X-DocuSign-Signature-2..N`): any signature in any of them may match. At least one of
    /// the headers must be present, each at most once.
    #[must_use]
    pub fn also_signature_headers<'a>(
        mut self,
        headers: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        for header in headers {
            let header = self.parse_header(header);
            self.headers.push(header);
        }
        self
    }

    /// Reads `header` under the name `alias` when the request does not carry it under its own
    /// name: Standard Webhooks' `webhook-*` headers as Svix's `svix-*`. The request may use
    /// either name for each header, not both.
    #[must_use]
    pub fn header_alias(mut self, header: &str, alias: &str) -> Self {
        let header = self.parse_header(header);
        let alias = self.parse_header(alias);
        self.aliases.push((header, alias));
        self
    }

    /// Reads the provider's delivery id (stable across its retries) from `field`. The default
    /// is a digest of what the signature covers ([`Field::content_digest`]); none for tokens.
    ///
    /// Deduplication trusts only what the signature covers: an id in a signed header or a
    /// signed body is the deduplication key; an id anywhere else (an unsigned header, such as
    /// `X-GitHub-Delivery`) is reported by [`Delivery`](crate::Delivery) but not used, and the
    /// digest of the signed content is the key instead (see
    /// [`distinct_deliveries_by_unsigned_id`](Self::distinct_deliveries_by_unsigned_id)).
    ///
    /// An id in the JSON body that deduplication keys on (a signed one, a token scheme's) needs
    /// the `json` feature: without it the scheme fails to build with
    /// [`ConfigError::FeatureDisabled`] naming it, rather than deduplicating on less.
    #[must_use]
    pub fn delivery_id(mut self, field: Field) -> Self {
        self.check_field(&field);
        self.delivery.id = Some(field);
        self
    }

    /// Adds the provider's unsigned delivery id to the deduplication key, for providers that
    /// send distinct deliveries with identical signed content (one payload sent for two topics,
    /// say), which would otherwise count as one. The price: a replayer who changes the unsigned
    /// id gets a captured delivery handled again, so set it only where the provider's
    /// documentation says identical content can be two deliveries. The default is off.
    #[must_use]
    pub fn distinct_deliveries_by_unsigned_id(mut self) -> Self {
        self.delivery.unsigned_id_distinguishes = true;
        self
    }

    /// Whether the delivery id comes from what the signature covers: a signed header, the
    /// signed body, or the digest of the signed content.
    pub fn delivery_id_is_signed(&self) -> bool {
        let Some(Field(source)) = &self.delivery.id else {
            return false;
        };
        match source {
            Source::ContentDigest => true,
            Source::Header(name) => self.content.headers().any(|signed| signed == name),
            // Without the `json` feature such a scheme is refused when built.
            Source::Json(path) => cfg!(feature = "json") && self.content.signs_json_field(path),
            Source::InvalidHeader(_) => false,
        }
    }

    /// Whether deduplication needs the digest of the signed content: the id is that digest,
    /// or is not signed.
    pub(crate) fn identified_by_content(&self) -> bool {
        self.method != SignatureMethod::Token
            && (self.delivery.unsigned_id_distinguishes
                || matches!(&self.delivery.id, None | Some(Field(Source::ContentDigest)))
                || !self.delivery_id_is_signed())
    }

    /// Reads the event type from `field`. The default is none.
    #[must_use]
    pub fn event_type(mut self, field: Field) -> Self {
        self.check_field(&field);
        self.delivery.event_type = Some(field);
        self
    }

    /// Reads the attempt number from `field`. The default is none.
    #[must_use]
    pub fn attempt(mut self, field: Field) -> Self {
        self.check_field(&field);
        self.delivery.attempt = Some(field);
        self
    }

    /// Sets a fixed prefix before a single signature, such as `"sha256="`. The default is none.
    #[must_use]
    pub fn prefix(mut self, prefix: impl Into<Cow<'static, str>>) -> Self {
        self.format = SignatureFormat::single(prefix);
        self
    }

    /// Sets how the header value is laid out. The default is [`SignatureFormat::single`] with no
    /// prefix.
    #[must_use]
    pub fn format(mut self, format: SignatureFormat) -> Self {
        self.format = format;
        self
    }

    /// Sets how the signature is written. The default is [`Encoding::Hex`] ([`Encoding::Base64`]
    /// for ECDSA).
    #[must_use]
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Sets what the signature covers. The default is the raw body alone (nothing for tokens).
    #[must_use]
    pub fn signed_content(mut self, content: SignedContent) -> Self {
        self.content = content;
        self
    }

    /// The former name of [`signed_content`](Self::signed_content).
    #[deprecated(
        since = "0.3.0",
        note = "renamed `signed_content`, which `get_signed_content` reads"
    )]
    #[must_use]
    pub fn signed(self, content: SignedContent) -> Self {
        self.signed_content(content)
    }

    /// Reads the signature from the top-level JSON field `field` of the body instead of a header
    /// (AWS SNS's `Signature`), once the body has arrived. The signature header is then not
    /// required. Only for raw signatures (RSA); needs the `json` feature (without it the scheme
    /// fails to build).
    #[must_use]
    pub fn signature_in_json_body(mut self, field: impl Into<Cow<'static, str>>) -> Self {
        self.signature_in_body = Some(field.into());
        self
    }

    /// Accepts only bodies that are a JSON object (whose first byte after whitespace is `{`), as
    /// every delivery of X (Twitter) is. Anything else is refused as a signature mismatch, after
    /// the same work. This keeps apart what a provider signs for deliveries and what the same
    /// key signs in a handshake answer (X's CRC tokens are never JSON objects), so no handshake
    /// answer is ever a delivery signature. The default is any body.
    #[must_use]
    pub fn json_object_body(mut self) -> Self {
        self.json_object_body = true;
        self
    }

    /// Whether only bodies that are a JSON object verify, as set by
    /// [`json_object_body`](Self::json_object_body).
    pub fn get_json_object_body(&self) -> bool {
        self.json_object_body
    }

    /// Reads the timestamp from `header` (any case), checked against the replay window. The
    /// signed content must include it.
    #[must_use]
    pub fn timestamp_header(mut self, header: &str) -> Self {
        self.timestamp_header = Some(self.parse_header(header));
        self
    }

    /// Sets how the timestamp is written. The default is [`TimestampFormat::Seconds`].
    #[must_use]
    pub fn timestamp_format(mut self, format: TimestampFormat) -> Self {
        self.timestamp_format = format;
        self
    }

    /// Reads a freshness timestamp from the top-level JSON field `field` of the verified body
    /// (Linear's `webhookTimestamp`), checked against the replay window once the signature has
    /// passed. It is covered by the signature because the body is. A body without the field,
    /// or with anything but a number there, is refused. Needs the `json` feature: without it,
    /// the scheme fails to build with [`ConfigError::FeatureDisabled`].
    #[must_use]
    pub fn timestamp_in_json_body(mut self, field: impl Into<Cow<'static, str>>) -> Self {
        self.timestamp_in_body = Some(field.into());
        self
    }

    /// Sets the tolerance (the replay window): how far a timestamp may be from now, in the past
    /// or the future. The default is the provider's documented window for presets,
    /// [`DEFAULT_TOLERANCE`](crate::DEFAULT_TOLERANCE) otherwise;
    /// [`Verifier::tolerance`](crate::Verifier::tolerance) and
    /// [`VerifyWebhookLayer::tolerance`](crate::VerifyWebhookLayer::tolerance) override it.
    #[must_use]
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// The former name of [`tolerance`](Self::tolerance).
    #[deprecated(
        since = "0.3.0",
        note = "renamed `tolerance`: one name for the replay window"
    )]
    #[must_use]
    pub fn replay_window(self, window: Duration) -> Self {
        self.tolerance(window)
    }

    /// Sets how the secret becomes the key. The default is [`SecretFormat::Raw`]. For a
    /// public-key scheme, only [`SecretFormat::Base64`]'s prefix applies: it is removed when
    /// present, and the key is read in any of the forms its method accepts.
    #[must_use]
    pub fn secret_format(mut self, format: SecretFormat) -> Self {
        self.secret_format = format;
        self
    }

    /// The (first) header that carries the signature, in lower case, as set by the constructor
    /// or [`signature_header`](Self::signature_header).
    pub fn get_signature_header(&self) -> &HeaderName {
        &self.headers[0]
    }

    /// Every header that may carry a signature, in lower case (see
    /// [`also_signature_headers`](Self::also_signature_headers)).
    pub fn get_signature_headers(&self) -> &[HeaderName] {
        &self.headers
    }

    /// The JSON body field that carries the signature, as set by
    /// [`signature_in_json_body`](Self::signature_in_json_body).
    pub fn get_signature_in_json_body(&self) -> Option<&str> {
        self.signature_in_body.as_deref()
    }

    /// How the signature header is laid out, as set by [`format`](Self::format) or
    /// [`prefix`](Self::prefix).
    pub fn get_format(&self) -> &SignatureFormat {
        &self.format
    }

    /// How the signature is written, as set by [`encoding`](Self::encoding).
    pub fn get_encoding(&self) -> Encoding {
        self.encoding
    }

    /// What the signature covers, as set by [`signed_content`](Self::signed_content).
    pub fn get_signed_content(&self) -> &SignedContent {
        &self.content
    }

    /// How the secret becomes the key, as set by [`secret_format`](Self::secret_format).
    pub fn get_secret_format(&self) -> SecretFormat {
        self.secret_format
    }

    /// The tolerance a verifier of this scheme applies unless told otherwise, as set by
    /// [`tolerance`](Self::tolerance); none when the scheme carries no timestamp.
    pub fn get_tolerance(&self) -> Option<Duration> {
        self.has_timestamp().then_some(self.tolerance)
    }

    /// Where the delivery id comes from, as set by [`delivery_id`](Self::delivery_id): by
    /// default [`Field::content_digest`], and `None` for token schemes.
    pub fn get_delivery_id(&self) -> Option<&Field> {
        self.delivery.id.as_ref()
    }

    /// Whether the unsigned delivery id joins the deduplication key, as set by
    /// [`distinct_deliveries_by_unsigned_id`](Self::distinct_deliveries_by_unsigned_id).
    pub fn get_distinct_deliveries_by_unsigned_id(&self) -> bool {
        self.delivery.unsigned_id_distinguishes
    }

    /// Where the event type comes from, as set by [`event_type`](Self::event_type).
    pub fn get_event_type(&self) -> Option<&Field> {
        self.delivery.event_type.as_ref()
    }

    /// Where the attempt number comes from, as set by [`attempt`](Self::attempt).
    pub fn get_attempt(&self) -> Option<&Field> {
        self.delivery.attempt.as_ref()
    }

    /// The header aliases, each as (header, alias), as set by
    /// [`header_alias`](Self::header_alias).
    pub fn get_header_aliases(&self) -> impl Iterator<Item = (&HeaderName, &HeaderName)> {
        self.aliases.iter().map(|(header, alias)| (header, alias))
    }

    /// The header that carries the timestamp, as set by
    /// [`timestamp_header`](Self::timestamp_header).
    pub fn get_timestamp_header(&self) -> Option<&HeaderName> {
        self.timestamp_header.as_ref()
    }

    /// How the timestamp is written, as set by [`timestamp_format`](Self::timestamp_format).
    pub fn get_timestamp_format(&self) -> TimestampFormat {
        self.timestamp_format
    }

    /// The JSON body field that carries the timestamp, as set by
    /// [`timestamp_in_json_body`](Self::timestamp_in_json_body).
    pub fn get_timestamp_in_json_body(&self) -> Option<&str> {
        self.timestamp_in_body.as_deref()
    }

    /// The scheme's name, such as `"amio"`, as given to the constructor.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How the signature is made, as chosen by the constructor.
    pub fn method(&self) -> SignatureMethod {
        self.method
    }

    /// The former name of [`get_signature_header`](Self::get_signature_header).
    #[deprecated(since = "0.3.0", note = "renamed `get_signature_header`")]
    pub fn signature_header_name(&self) -> &HeaderName {
        self.get_signature_header()
    }

    /// The former name of [`get_signature_headers`](Self::get_signature_headers).
    #[deprecated(since = "0.3.0", note = "renamed `get_signature_headers`")]
    pub fn signature_header_names(&self) -> &[HeaderName] {
        self.get_signature_headers()
    }

    /// The former name of [`get_signature_in_json_body`](Self::get_signature_in_json_body).
    #[deprecated(since = "0.3.0", note = "renamed `get_signature_in_json_body`")]
    pub fn signature_body_field(&self) -> Option<&str> {
        self.get_signature_in_json_body()
    }

    /// The former name of [`get_encoding`](Self::get_encoding).
    #[deprecated(since = "0.3.0", note = "renamed `get_encoding`, mirroring `encoding`")]
    pub fn signature_encoding(&self) -> Encoding {
        self.get_encoding()
    }

    /// The former name of [`get_format`](Self::get_format).
    #[deprecated(since = "0.3.0", note = "renamed `get_format`, mirroring `format`")]
    pub fn signature_format(&self) -> &SignatureFormat {
        self.get_format()
    }

    /// The former name of [`get_tolerance`](Self::get_tolerance).
    #[deprecated(
        since = "0.3.0",
        note = "renamed `get_tolerance`, mirroring `tolerance`"
    )]
    pub fn window(&self) -> Option<Duration> {
        self.get_tolerance()
    }

    /// Whether the scheme carries a timestamp, and so has a replay window.
    pub fn has_timestamp(&self) -> bool {
        self.timestamp_header.is_some()
            || self.format.carries_timestamp()
            || self.timestamp_in_body.is_some()
    }

    /// Every mistake in the description, first found first.
    pub(crate) fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |reason| Err(ConfigError::InvalidScheme { reason });
        if let Some(error) = self.error.clone().or_else(|| self.content.error.clone()) {
            return Err(error);
        }
        if self.content.parts.is_empty() && self.method != SignatureMethod::Token {
            return invalid("the signed content is empty");
        }
        if self.method == SignatureMethod::Token && !self.content.parts.is_empty() {
            return invalid("a token signs nothing; leave the signed content empty");
        }
        let signed_in_header = self.timestamp_header.is_some() || self.format.carries_timestamp();
        match (self.content.signs_timestamp(), signed_in_header) {
            (true, false) => return Err(ConfigError::TimestampWithoutSource),
            (false, true) => {
                return invalid("the scheme reads a timestamp that the signature does not cover")
            }
            _ => {}
        }
        if self.timestamp_in_body.is_some() && (signed_in_header || !self.content.covers_body()) {
            return invalid(
                "a timestamp in the JSON body needs a signed body and no other timestamp",
            );
        }
        if !self.format.is_visible_ascii() {
            return invalid(
                "signature prefixes, keys and separators must be visible ASCII or space",
            );
        }
        let signed_headers: Vec<&HeaderName> = self.content.headers().collect();
        if self
            .headers
            .iter()
            .any(|header| signed_headers.contains(&header))
        {
            return invalid("the signature header cannot sign itself");
        }
        let distinct = self
            .headers
            .iter()
            .enumerate()
            .all(|(i, h)| !self.headers[..i].contains(h));
        if !distinct {
            return invalid("a signature header is listed twice");
        }
        if let Some(timestamp) = &self.timestamp_header {
            if signed_headers.contains(&timestamp) {
                return invalid(
                    "the timestamp header is signed as a plain header too; sign it once, with \
                     SignedContent::timestamp",
                );
            }
            if self.headers.contains(timestamp) {
                return invalid("the timestamp and the signature come from the same header");
            }
        }
        if let Some(feature) = self
            .content
            .derived_part()
            .and_then(|rule| rule.missing_feature())
        {
            return Err(ConfigError::FeatureDisabled { feature });
        }
        // Without `json`, a delivery id in the body cannot be read: refused where deduplication
        // would key on it (see `json_id_keys_deduplication`).
        #[cfg(not(feature = "json"))]
        if self.signature_in_body.is_some()
            || self.timestamp_in_body.is_some()
            || self.json_id_keys_deduplication()
        {
            return Err(ConfigError::FeatureDisabled { feature: "json" });
        }
        if self.signature_in_body.is_some()
            && (!self.method.keeps_raw_signature() || !self.content.covers_body())
        {
            return invalid("a signature in the body must be a raw (RSA) signature over the body");
        }
        if self.method.keeps_raw_signature() {
            return Ok(());
        }
        self.format
            .check(self.encoding, self.method.signature_len())
            .map_err(|reason| ConfigError::InvalidScheme { reason })
    }

    /// Whether deduplication keys on a delivery id read from the JSON body: a signed one, a
    /// token scheme's, or one added to the digest
    /// ([`distinct_deliveries_by_unsigned_id`](Self::distinct_deliveries_by_unsigned_id)).
    /// Otherwise (an unsigned id alone) the key is the digest of the signed content either way.
    #[cfg(not(feature = "json"))]
    fn json_id_keys_deduplication(&self) -> bool {
        let Some(Field(Source::Json(path))) = &self.delivery.id else {
            return false;
        };
        self.method == SignatureMethod::Token
            || self.content.signs_json_field(path)
            || self.delivery.unsigned_id_distinguishes
    }

    /// Keeps an invalid header name in a delivery field as the scheme's error.
    /// The scheme, refused when it is built, for `reason`.
    pub(crate) fn refused(mut self, reason: &'static str) -> Self {
        self.error
            .get_or_insert(ConfigError::InvalidScheme { reason });
        self
    }

    fn check_field(&mut self, field: &Field) {
        if let Field(Source::InvalidHeader(name)) = field {
            self.error
                .get_or_insert(ConfigError::InvalidHeaderName { name: name.clone() });
        }
    }

    fn parse_header(&mut self, name: &str) -> HeaderName {
        HeaderName::from_bytes(name.as_bytes()).unwrap_or_else(|_| {
            self.error.get_or_insert(ConfigError::InvalidHeaderName {
                name: name.to_owned(),
            });
            // Never used: the error above stops the scheme from being built into a verifier.
            HeaderName::from_static("x-invalid-header-name")
        })
    }
}

impl std::fmt::Debug for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scheme")
            .field("name", &self.name)
            .field("method", &self.method)
            .field("headers", &self.headers)
            .field("format", &self.format)
            .field("encoding", &self.encoding)
            .field("signed", &self.content)
            .field("timestamp_header", &self.timestamp_header)
            .field("timestamp_format", &self.timestamp_format)
            .field("tolerance", &self.tolerance)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_id_in_the_body_needs_json() {
        let scheme =
            Scheme::hmac("x", Algorithm::Sha256, "x-signature").delivery_id(Field::json("id"));
        #[cfg(feature = "json")]
        assert_eq!(scheme.validate(), Ok(()));
        #[cfg(not(feature = "json"))]
        assert_eq!(
            scheme.validate(),
            Err(ConfigError::FeatureDisabled { feature: "json" })
        );
    }

    #[test]
    fn uppercase_header_names_are_fine() {
        let scheme = Scheme::hmac("x", Algorithm::Sha256, "X-Signature-256");
        assert!(scheme.validate().is_ok());
        assert_eq!(scheme.get_signature_header().as_str(), "x-signature-256");
    }

    #[test]
    fn invalid_header_name_fails_validation() {
        let scheme = Scheme::hmac("x", Algorithm::Sha256, "X Bad");
        assert!(matches!(
            scheme.validate(),
            Err(ConfigError::InvalidHeaderName { .. })
        ));
    }

    #[test]
    fn an_invalid_delivery_header_is_a_construction_error() {
        let scheme =
            Scheme::hmac("x", Algorithm::Sha256, "x-sig").delivery_id(Field::header("bad name"));
        assert!(matches!(
            scheme.validate(),
            Err(ConfigError::InvalidHeaderName { .. })
        ));
    }

    #[test]
    fn schemes_that_could_never_verify_are_refused() {
        let base = || Scheme::hmac("x", Algorithm::Sha256, "x-sig");
        let refused = [
            base()
                .format(SignatureFormat::list('=', "v1,"))
                .encoding(Encoding::Base64),
            base().format(SignatureFormat::key_value(',', "", "v1")),
            base().format(SignatureFormat::key_value(',', "t", "t")),
            base()
                .timestamp_header("x-ts")
                .signed_content(SignedContent::new().header("x-ts").timestamp().body()),
            base().signed_content(SignedContent::new().header("x-sig").body()),
            base()
                .timestamp_header("x-sig")
                .signed_content(SignedContent::new().timestamp().body()),
        ];
        for scheme in refused {
            assert!(
                matches!(scheme.validate(), Err(ConfigError::InvalidScheme { .. })),
                "{scheme:?}"
            );
        }
    }

    #[test]
    fn every_getter_reads_what_its_setter_set() {
        use std::time::Duration;
        let content = SignedContent::new().header("X-Id").text(".").body();
        let format = SignatureFormat::key_value(',', "t", "v1");
        let scheme = Scheme::hmac("x", Algorithm::Sha256, "X-Sig")
            .signature_header("X-Other")
            .also_signature_headers(["X-Second"])
            .format(format.clone())
            .encoding(Encoding::Base64)
            .signed_content(content.clone())
            .secret_format(SecretFormat::Hex)
            .tolerance(Duration::from_secs(42))
            .json_object_body();
        assert_eq!(scheme.get_signature_header().as_str(), "x-other");
        assert_eq!(scheme.get_signature_headers().len(), 2);
        assert_eq!(scheme.get_format(), &format);
        assert_eq!(scheme.get_encoding(), Encoding::Base64);
        assert_eq!(scheme.get_signed_content(), &content);
        assert_eq!(scheme.get_secret_format(), SecretFormat::Hex);
        // The key-value format carries the timestamp, so the tolerance applies.
        assert_eq!(scheme.get_tolerance(), Some(Duration::from_secs(42)));
        assert!(scheme.get_json_object_body());
        let in_body = Scheme::rsa_sha1("y", "X-Sig").signature_in_json_body("Signature");
        assert_eq!(in_body.get_signature_in_json_body(), Some("Signature"));

        let fields = Scheme::hmac("z", Algorithm::Sha256, "X-Sig")
            .delivery_id(Field::header("X-Id"))
            .distinct_deliveries_by_unsigned_id()
            .event_type(Field::json("type"))
            .attempt(Field::header("X-Attempt"))
            .header_alias("x-id", "x-old-id")
            .timestamp_header("X-Ts")
            .timestamp_format(TimestampFormat::Milliseconds)
            .timestamp_in_json_body("sent_at");
        assert_eq!(fields.get_delivery_id(), Some(&Field::header("X-Id")));
        assert_eq!(
            Scheme::hmac("d", Algorithm::Sha256, "X-Sig").get_delivery_id(),
            Some(&Field::content_digest())
        );
        assert_eq!(Scheme::token("t", "X-Token").get_delivery_id(), None);
        assert!(fields.get_distinct_deliveries_by_unsigned_id());
        assert_eq!(fields.get_event_type(), Some(&Field::json("type")));
        assert_eq!(fields.get_attempt(), Some(&Field::header("X-Attempt")));
        let aliases: Vec<_> = fields.get_header_aliases().collect();
        assert_eq!(aliases.len(), 1);
        assert_eq!(
            (aliases[0].0.as_str(), aliases[0].1.as_str()),
            ("x-id", "x-old-id")
        );
        assert_eq!(
            fields.get_timestamp_header().map(HeaderName::as_str),
            Some("x-ts")
        );
        assert_eq!(fields.get_timestamp_format(), TimestampFormat::Milliseconds);
        assert_eq!(fields.get_timestamp_in_json_body(), Some("sent_at"));
    }

    #[test]
    fn timestamp_must_be_signed_and_have_a_source() {
        let unsigned = Scheme::hmac("x", Algorithm::Sha256, "x-sig").timestamp_header("x-ts");
        assert!(unsigned.validate().is_err());
        let sourceless = Scheme::hmac("x", Algorithm::Sha256, "x-sig")
            .signed_content(SignedContent::new().timestamp().body());
        assert_eq!(
            sourceless.validate(),
            Err(ConfigError::TimestampWithoutSource)
        );
    }
}

/// Turning the `json` feature off never weakens verification or deduplication: what needs it is
/// refused when built, naming it. Run by CI with every feature but `json`; the
/// presets that read the JSON body test their own refusal.
#[cfg(all(test, not(feature = "json")))]
mod without_json {
    use crate::{Algorithm, ConfigError, Field, Scheme, SignedContent, Signer, Verifier};

    #[test]
    fn a_timestamp_in_the_json_body_is_refused_naming_the_feature() {
        let scheme = Scheme::hmac("custom", Algorithm::Sha256, "x-signature")
            .timestamp_in_json_body("sent_at");
        assert!(matches!(
            Verifier::new(scheme, "secret"),
            Err(ConfigError::FeatureDisabled { feature: "json" })
        ));
    }

    #[test]
    fn an_id_in_the_json_body_that_deduplication_keys_on_is_refused_naming_the_feature() {
        // A signed id, a token's id, an id added to the digest: deduplication would otherwise
        // lose its key, or part of it, silently.
        let signed =
            Scheme::hmac("custom", Algorithm::Sha256, "x-signature").delivery_id(Field::json("id"));
        let token = Scheme::token("custom", "x-token").delivery_id(Field::json("id"));
        let added = Scheme::hmac("custom", Algorithm::Sha256, "x-signature")
            .signed_content(SignedContent::new().header("x-id"))
            .delivery_id(Field::json("id"))
            .distinct_deliveries_by_unsigned_id();
        for scheme in [signed.clone(), token, added] {
            assert!(matches!(
                Verifier::new(scheme, "secret"),
                Err(ConfigError::FeatureDisabled { feature: "json" })
            ));
        }
        assert!(Signer::new(signed, "secret").is_err());
        // An unsigned id alone is not the key (the digest is, with `json` or without): built.
        let unsigned = Scheme::hmac("custom", Algorithm::Sha256, "x-signature")
            .signed_content(SignedContent::new().header("x-id"))
            .delivery_id(Field::json("id"));
        assert!(Verifier::new(unsigned, "secret").is_ok());
    }
}
