//! How a provider signs its webhooks: [`Scheme`].
//!
//! A scheme says which header carries the signature and how it is laid out, which HMAC algorithm
//! and encoding produce it, what it covers and where a timestamp comes from. Presets for each
//! provider live in [`providers`](crate::providers); anything else can be described with the
//! builder methods here.

mod signature_format;
mod signed_content;
pub(crate) mod timestamp;

pub use signature_format::SignatureFormat;
pub use signed_content::SignedContent;

pub(crate) use signature_format::Candidates;
pub(crate) use signed_content::Part;

use crate::{Algorithm, ConfigError, Encoding};
use base64::Engine as _;
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
/// assert_eq!(scheme.signature_header().as_str(), "x-signature");
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

/// How the configured secret string becomes the HMAC key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecretFormat {
    /// The secret's bytes are the key, verbatim (GitHub, Stripe including its `whsec_` prefix).
    Raw,
    /// The key is the base64 decoding of the secret after an optional `prefix` (Standard Webhooks:
    /// `whsec_<base64>`).
    Base64 {
        /// A prefix removed before decoding, when present.
        prefix: &'static str,
    },
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
    pub fn with_signature_header(mut self, header: &str) -> Self {
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
    pub fn signature_header(&self) -> &HeaderName {
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
        Ok(())
    }

    /// Turns the configured secret into the HMAC key, checking it on the way.
    pub(crate) fn key_from_secret(&self, secret: &[u8]) -> Result<Vec<u8>, ConfigError> {
        if secret.is_empty() {
            return Err(ConfigError::EmptySecret);
        }
        if secret.first().is_some_and(u8::is_ascii_whitespace)
            || secret.last().is_some_and(u8::is_ascii_whitespace)
        {
            return Err(ConfigError::SecretHasSurroundingWhitespace);
        }
        match self.secret_format {
            SecretFormat::Raw => Ok(secret.to_vec()),
            SecretFormat::Base64 { prefix } => {
                let encoded = secret.strip_prefix(prefix.as_bytes()).unwrap_or(secret);
                let key = base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .map_err(|_| ConfigError::InvalidSecretFormat {
                        expected: "base64, optionally after the scheme's prefix (whsec_...)",
                    })?;
                if key.is_empty() {
                    return Err(ConfigError::EmptySecret);
                }
                Ok(key)
            }
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
        assert_eq!(scheme.signature_header().as_str(), "x-hub-signature-256");
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

    #[test]
    fn secrets_are_checked() {
        let scheme = Scheme::hmac("x", Algorithm::Sha256, "x-sig");
        assert_eq!(scheme.key_from_secret(b""), Err(ConfigError::EmptySecret));
        assert_eq!(
            scheme.key_from_secret(b"secret\n"),
            Err(ConfigError::SecretHasSurroundingWhitespace)
        );
        assert_eq!(scheme.key_from_secret(b"secret").unwrap(), b"secret");
    }

    #[test]
    fn base64_secrets_are_decoded_after_their_prefix() {
        let scheme = Scheme::hmac("x", Algorithm::Sha256, "x-sig")
            .secret_format(SecretFormat::Base64 { prefix: "whsec_" });
        assert_eq!(scheme.key_from_secret(b"whsec_AAEC").unwrap(), [0, 1, 2]);
        assert_eq!(scheme.key_from_secret(b"AAEC").unwrap(), [0, 1, 2]);
        assert!(scheme.key_from_secret(b"whsec_!!!").is_err());
    }
}
