//! How a signature's bytes are written in its header.

use super::{
    compare::{Tag, MAX_TAG_LEN},
    method::SignatureLen,
};
use base64::Engine as _;

/// How the MAC tag is written in the signature header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// Hexadecimal, upper or lower case accepted (produced in lower case).
    Hex,
    /// Standard base64 (RFC 4648 §4) with padding, as Shopify and Standard Webhooks send.
    Base64,
    /// URL-safe base64 (RFC 4648 §5) without padding, as Sanity sends.
    Base64Url,
}

/// Why a signature could not be decoded; the caller turns it into a rejection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Not the exact length a tag of this algorithm encodes to (truncated, too long or empty).
    Length,
    /// A character outside the encoding's alphabet (or non-canonical base64).
    Alphabet,
}

impl Encoding {
    /// How many characters a `len`-byte signature takes.
    pub(crate) const fn encoded_len(self, len: usize) -> usize {
        match self {
            Encoding::Hex => len * 2,
            Encoding::Base64 => len.div_ceil(3) * 4,
            Encoding::Base64Url => (len * 4).div_ceil(3),
        }
    }

    /// Whether `byte` can occur in an encoded signature.
    pub(crate) fn alphabet_contains(self, byte: u8) -> bool {
        match self {
            Encoding::Hex => byte.is_ascii_hexdigit(),
            Encoding::Base64 => byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'='),
            Encoding::Base64Url => byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_'),
        }
    }

    /// Decodes `text` into a signature whose length is within `len`, without allocating.
    ///
    /// The text's length is checked first, so an oversized value is never decoded.
    #[cfg(test)]
    pub(crate) fn decode(self, text: &[u8], len: SignatureLen) -> Result<Tag, DecodeError> {
        let mut tag = Tag::empty();
        self.decode_into(text, len, &mut tag)?;
        Ok(tag)
    }

    /// [`decode`](Self::decode) into a tag the caller holds, which is left with unspecified
    /// contents on error.
    #[inline]
    pub(crate) fn decode_into(
        self,
        text: &[u8],
        len: SignatureLen,
        tag: &mut Tag,
    ) -> Result<(), DecodeError> {
        if text.len() < self.encoded_len(len.min) || text.len() > self.encoded_len(len.max) {
            return Err(DecodeError::Length);
        }
        match self {
            Encoding::Hex => {
                if !text.len().is_multiple_of(2) {
                    return Err(DecodeError::Length);
                }
                const_hex::decode_to_slice(text, tag.buffer(text.len() / 2))
                    .map_err(|_| DecodeError::Alphabet)?
            }
            Encoding::Base64 | Encoding::Base64Url => {
                // Room for the decoder's conservative estimate; the exact count is checked after.
                let mut buffer = [0u8; MAX_TAG_LEN + 3];
                let engine = match self {
                    Encoding::Base64Url => &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                    _ => &base64::engine::general_purpose::STANDARD,
                };
                let written = engine
                    .decode_slice(text, &mut buffer)
                    .map_err(|_| DecodeError::Alphabet)?;
                if written < len.min || written > len.max {
                    return Err(DecodeError::Length);
                }
                tag.set(&buffer[..written]);
            }
        }
        Ok(())
    }

    /// Encodes a tag for a header value (used by the signer).
    pub(crate) fn encode(self, tag: &[u8]) -> String {
        match self {
            Encoding::Hex => const_hex::encode(tag),
            Encoding::Base64 => base64::engine::general_purpose::STANDARD.encode(tag),
            Encoding::Base64Url => base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(tag),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(len: usize) -> SignatureLen {
        SignatureLen { min: len, max: len }
    }

    const SHA1_HEX: &str = "cb041d03489e961730cb6c7a6d1edf58ae88ef13";

    #[test]
    fn hex_accepts_either_case() {
        let lower = Encoding::Hex
            .decode(SHA1_HEX.as_bytes(), exact(20))
            .unwrap();
        let upper = Encoding::Hex
            .decode(SHA1_HEX.to_uppercase().as_bytes(), exact(20))
            .unwrap();
        assert_eq!(lower.as_slice(), upper.as_slice());
        assert_eq!(lower.as_slice()[0], 0xcb);
    }

    #[test]
    fn hex_rejects_wrong_lengths() {
        for text in [
            "",
            &SHA1_HEX[..39],
            &SHA1_HEX[..38],
            &format!("{SHA1_HEX}00"),
        ] {
            assert_eq!(
                Encoding::Hex
                    .decode(text.as_bytes(), exact(20))
                    .unwrap_err(),
                DecodeError::Length,
                "{text:?}"
            );
        }
    }

    #[test]
    fn hex_rejects_non_hex() {
        let text = format!("{}zz", &SHA1_HEX[..38]);
        assert_eq!(
            Encoding::Hex
                .decode(text.as_bytes(), exact(20))
                .unwrap_err(),
            DecodeError::Alphabet
        );
    }

    #[test]
    fn base64_round_trips_32_bytes() {
        // Shopify-style value computed with Python: base64(HMAC-SHA256("key", "body")).
        let text = "UVquEztDXUAAlWcx9orlz164XU8NxqVG0r/NNZXsGuE=";
        let tag = Encoding::Base64.decode(text.as_bytes(), exact(32)).unwrap();
        assert_eq!(Encoding::Base64.encode(tag.as_slice()), text);
    }

    #[test]
    fn base64_rejects_missing_padding_and_garbage() {
        let padded = "UVquEztDXUAAlWcx9orlz164XU8NxqVG0r/NNZXsGuE=";
        assert_eq!(
            Encoding::Base64
                .decode(padded.trim_end_matches('=').as_bytes(), exact(32))
                .unwrap_err(),
            DecodeError::Length
        );
        assert_eq!(
            Encoding::Base64
                .decode(b"UVquEztDXUAAlWcx9orlz164XU8NxqVG0r/NNZXsGu!=", exact(32))
                .unwrap_err(),
            DecodeError::Alphabet
        );
    }

    #[test]
    fn hex_where_base64_expected_is_rejected() {
        // 64 hex characters are not a 44-character base64 value.
        let hex = "515aae133b435d4000956731f68ae5cf5eb85d4f0dc6a546d2bfcd3595ec1ae1";
        assert!(Encoding::Base64.decode(hex.as_bytes(), exact(32)).is_err());
    }
}
