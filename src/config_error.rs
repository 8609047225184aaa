//! Mistakes in configuration, reported when a layer, verifier or signer is built.

use std::fmt;

/// A configuration mistake, found when the [`Verifier`](crate::Verifier),
/// [`VerifyWebhookLayer`](crate::VerifyWebhookLayer) or [`Signer`](crate::Signer) is built, never
/// at request time and never as a panic.
///
/// Its `Debug` and `Display` never contain a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// The secret is empty: every request would be signed with a key anyone knows.
    EmptySecret,
    /// The secret starts or ends with whitespace, typically a newline read from a file or an
    /// environment variable. Trim it before passing it in.
    SecretHasSurroundingWhitespace,
    /// The secret is not in the form the scheme requires (for example Standard Webhooks'
    /// `whsec_<base64>`).
    InvalidSecretFormat {
        /// What the scheme expected.
        expected: &'static str,
    },
    /// Two secrets were given the same id.
    DuplicateSecretId {
        /// The repeated id.
        id: String,
    },
    /// A header name is not a valid HTTP header name.
    InvalidHeaderName {
        /// The name as given.
        name: String,
    },
    /// The scheme signs a timestamp but says nowhere where to read it from.
    TimestampWithoutSource,
    /// The scheme is inconsistent in another way, explained in the text.
    InvalidScheme {
        /// What is wrong.
        reason: &'static str,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::EmptySecret => f.write_str("the webhook secret is empty"),
            ConfigError::SecretHasSurroundingWhitespace => f.write_str(
                "the webhook secret starts or ends with whitespace (a trailing newline from a file \
                 or environment variable?); trim it",
            ),
            ConfigError::InvalidSecretFormat { expected } => {
                write!(f, "the webhook secret is not in the expected form: {expected}")
            }
            ConfigError::DuplicateSecretId { id } => {
                write!(f, "two webhook secrets share the id `{id}`")
            }
            ConfigError::InvalidHeaderName { name } => {
                write!(f, "`{name}` is not a valid HTTP header name")
            }
            ConfigError::TimestampWithoutSource => f.write_str(
                "the scheme signs a timestamp but has no timestamp header or signature parameter",
            ),
            ConfigError::InvalidScheme { reason } => write!(f, "invalid scheme: {reason}"),
        }
    }
}

impl std::error::Error for ConfigError {}
