//! How a provider signs its webhooks: [`Scheme`], validated when it is built into a verifier.
//!
//! A scheme says which header carries the signature and how it is laid out, which HMAC algorithm
//! and encoding produce it, what it covers and where a timestamp comes from. Presets for each
//! provider are constructors on [`Scheme`] (see [`presets`](crate::presets)); anything else can
//! be described with the builder methods here.

use crate::{Algorithm, ConfigError, Encoding, SecretFormat, SignatureFormat, SignedContent};
use http::HeaderName;
use std::borrow::Cow;

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
///     .signed(SignedContent::new().header("X-Request-Id").text(".").body());
/// assert_eq!(scheme.signature_header_name().as_str(), "x-signature");
/// ```
///
/// Configuration mistakes (an invalid header name, a timestamp with no source) are kept and
/// reported when the [`Verifier`](crate::Verifier) or layer is built.
#[derive(Clone)]
pub struct Scheme {
    pub(crate) name: Cow<'static, str>,
    pub(crate) algorithm: Algorithm,
    pub(crate) header: HeaderName,
    pub(crate) format: SignatureFormat,
    pub(crate) encoding: Encoding,
    pub(crate) content: SignedContent,
    pub(crate) timestamp_header: Option<HeaderName>,
    pub(crate) secret_format: SecretFormat,
    error: Option<ConfigError>,
}

impl Scheme {
    /// A scheme named `name` that sends the hex HMAC of the raw body, with no prefix, in
    /// `header` (any case).
    pub fn hmac(name: impl Into<Cow<'static, str>>, algorithm: Algorithm, header: &str) -> Self {
        let mut scheme = Scheme {
            name: name.into(),
            algorithm,
            header: HeaderName::from_static("x-signature"),
            format: SignatureFormat::single(""),
            encoding: Encoding::Hex,
            content: SignedContent::body_only(),
            timestamp_header: None,
            secret_format: SecretFormat::Raw,
            error: None,
        };
        scheme.header = scheme.parse_header(header);
        scheme
    }

    /// Reads the signature from `header` (any case) instead. For example, the registration-based
    /// provider lets each registration choose its `hmacHeaderName`.
    #[must_use]
    pub fn signature_header(mut self, header: &str) -> Self {
        self.header = self.parse_header(header);
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

    /// Sets how the tag is written. The default is [`Encoding::Hex`].
    #[must_use]
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Sets what the signature covers. The default is the raw body alone.
    #[must_use]
    pub fn signed(mut self, content: SignedContent) -> Self {
        self.content = content;
        self
    }

    /// Reads the timestamp from `header` (any case): seconds since the Unix epoch, checked
    /// against the replay window. The signed content must include it.
    #[must_use]
    pub fn timestamp_header(mut self, header: &str) -> Self {
        self.timestamp_header = Some(self.parse_header(header));
        self
    }

    /// Sets how the secret becomes the key. The default is [`SecretFormat::Raw`].
    #[must_use]
    pub fn secret_format(mut self, format: SecretFormat) -> Self {
        self.secret_format = format;
        self
    }

    /// The header that carries the signature, in lower case.
    pub fn signature_header_name(&self) -> &HeaderName {
        &self.header
    }

    /// The scheme's name, such as `"amio"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The HMAC algorithm.
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// What the signature covers.
    pub fn signed_content(&self) -> &SignedContent {
        &self.content
    }

    /// Whether the scheme carries a timestamp, and so has a replay window.
    pub fn has_timestamp(&self) -> bool {
        self.timestamp_header.is_some() || self.format.carries_timestamp()
    }

    /// Every mistake in the description, first found first.
    pub(crate) fn validate(&self) -> Result<(), ConfigError> {
        if let Some(error) = self.error.clone().or_else(|| self.content.error.clone()) {
            return Err(error);
        }
        if self.content.parts.is_empty() {
            return Err(ConfigError::InvalidScheme {
                reason: "the signed content is empty",
            });
        }
        match (self.content.signs_timestamp(), self.has_timestamp()) {
            (true, false) => return Err(ConfigError::TimestampWithoutSource),
            (false, true) => {
                return Err(ConfigError::InvalidScheme {
                    reason: "the scheme reads a timestamp that the signature does not cover",
                })
            }
            _ => {}
        }
        if !self.format.is_visible_ascii() {
            return Err(ConfigError::InvalidScheme {
                reason: "signature prefixes, keys and separators must be visible ASCII or space",
            });
        }
        let signed_headers: Vec<&HeaderName> = self.content.headers().collect();
        if signed_headers.contains(&&self.header) {
            return Err(ConfigError::InvalidScheme {
                reason: "the signature header cannot sign itself",
            });
        }
        if let Some(timestamp) = &self.timestamp_header {
            if signed_headers.contains(&timestamp) {
                return Err(ConfigError::InvalidScheme {
                    reason: "the timestamp header is signed as a plain header too; sign it once, \
                             with SignedContent::timestamp",
                });
            }
            if *timestamp == self.header {
                return Err(ConfigError::InvalidScheme {
                    reason: "the timestamp and the signature come from the same header",
                });
            }
        }
        self.format
            .check(self.encoding, self.algorithm.digest_len())
            .map_err(|reason| ConfigError::InvalidScheme { reason })
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
            .field("algorithm", &self.algorithm)
            .field("header", &self.header)
            .field("format", &self.format)
            .field("encoding", &self.encoding)
            .field("signed", &self.content)
            .field("timestamp_header", &self.timestamp_header)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uppercase_header_names_are_fine() {
        let scheme = Scheme::hmac("x", Algorithm::Sha256, "X-Hub-Signature-256");
        assert!(scheme.validate().is_ok());
        assert_eq!(
            scheme.signature_header_name().as_str(),
            "x-hub-signature-256"
        );
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
                .signed(SignedContent::new().header("x-ts").timestamp().body()),
            base().signed(SignedContent::new().header("x-sig").body()),
            base()
                .timestamp_header("x-sig")
                .signed(SignedContent::new().timestamp().body()),
        ];
        for scheme in refused {
            assert!(
                matches!(scheme.validate(), Err(ConfigError::InvalidScheme { .. })),
                "{scheme:?}"
            );
        }
    }

    #[test]
    fn timestamp_must_be_signed_and_have_a_source() {
        let unsigned = Scheme::hmac("x", Algorithm::Sha256, "x-sig").timestamp_header("x-ts");
        assert!(unsigned.validate().is_err());
        let sourceless = Scheme::hmac("x", Algorithm::Sha256, "x-sig")
            .signed(SignedContent::new().timestamp().body());
        assert_eq!(
            sourceless.validate(),
            Err(ConfigError::TimestampWithoutSource)
        );
    }
}
