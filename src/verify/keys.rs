//! Secrets as providers hand them out, and the keys they become: [`SecretFormat`].

use crate::ConfigError;
use base64::Engine as _;

/// How the configured secret string becomes the HMAC key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecretFormat {
    /// The secret's bytes are the key, verbatim (GitHub, Stripe including its `whsec_` prefix).
    Raw,
    /// The key is the base64 decoding of the secret after an optional `prefix` (Standard Webhooks:
    /// `whsec_<base64>`; Airtable's `macSecretBase64` with no prefix). For a public key, only the
    /// prefix is removed (Standard Webhooks: `whpk_`); the key's own form is read as its method
    /// reads it.
    Base64 {
        /// A prefix removed before decoding, when present.
        prefix: &'static str,
    },
    /// The key is the hex decoding of the secret (Squarespace).
    Hex,
}

impl SecretFormat {
    /// A public key with this format's prefix removed, when it has it.
    pub(crate) fn public_key(self, key: &[u8]) -> &[u8] {
        match self {
            SecretFormat::Base64 { prefix } => key.strip_prefix(prefix.as_bytes()).unwrap_or(key),
            SecretFormat::Raw | SecretFormat::Hex => key,
        }
    }

    /// Turns the configured secret into the key, checking it on the way.
    pub(crate) fn key(self, secret: &[u8]) -> Result<Vec<u8>, ConfigError> {
        if secret.is_empty() {
            return Err(ConfigError::EmptySecret);
        }
        if secret.first().is_some_and(u8::is_ascii_whitespace)
            || secret.last().is_some_and(u8::is_ascii_whitespace)
        {
            return Err(ConfigError::SecretHasSurroundingWhitespace);
        }
        match self {
            SecretFormat::Raw => Ok(secret.to_vec()),
            SecretFormat::Base64 { prefix } => {
                let encoded = secret.strip_prefix(prefix.as_bytes()).unwrap_or(secret);
                let key = base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .map_err(|_| ConfigError::InvalidSecretFormat {
                        expected: "base64, optionally after the scheme's prefix",
                    })?;
                if key.is_empty() {
                    return Err(ConfigError::EmptySecret);
                }
                Ok(key)
            }
            SecretFormat::Hex => {
                const_hex::decode(secret).map_err(|_| ConfigError::InvalidSecretFormat {
                    expected: "hexadecimal",
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_checked() {
        let raw = SecretFormat::Raw;
        assert_eq!(raw.key(b""), Err(ConfigError::EmptySecret));
        assert_eq!(
            raw.key(b"secret\n"),
            Err(ConfigError::SecretHasSurroundingWhitespace)
        );
        assert_eq!(raw.key(b"secret").unwrap(), b"secret");
    }

    #[test]
    fn base64_secrets_are_decoded_after_their_prefix() {
        let format = SecretFormat::Base64 { prefix: "prefix_" };
        assert_eq!(format.key(b"prefix_AAEC").unwrap(), [0, 1, 2]);
        assert_eq!(format.key(b"AAEC").unwrap(), [0, 1, 2]);
        assert!(format.key(b"prefix_!!!").is_err());
        assert_eq!(format.key(b"prefix_"), Err(ConfigError::EmptySecret));
    }
}
