//! The HMAC algorithms a [`Scheme`](crate::Scheme) can use, and the keyed MAC state behind them.

use hmac::{Hmac, KeyInit, Mac};
use subtle::{Choice, ConstantTimeEq};

/// The longest digest any [`Algorithm`] produces (SHA-512, 64 bytes).
pub(crate) const MAX_DIGEST_LEN: usize = 64;

/// The hash function under the HMAC.
///
/// It is part of the [`Scheme`](crate::Scheme), fixed when the layer is built: a request can never
/// choose it, so a SHA-1 tag sent to a SHA-256 route is simply a malformed signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC-SHA1 (20-byte tags). Still used by Amio, Autify, Twilio and others.
    Sha1,
    /// HMAC-SHA256 (32-byte tags).
    Sha256,
    /// HMAC-SHA512 (64-byte tags).
    Sha512,
}

impl Algorithm {
    /// The length of this algorithm's tag in bytes.
    ///
    /// ```
    /// use tower_webhook::Algorithm;
    /// assert_eq!(Algorithm::Sha256.digest_len(), 32);
    /// ```
    pub const fn digest_len(self) -> usize {
        match self {
            Algorithm::Sha1 => 20,
            Algorithm::Sha256 => 32,
            Algorithm::Sha512 => 64,
        }
    }

    /// The conventional name, such as `"HMAC-SHA256"`.
    pub const fn name(self) -> &'static str {
        match self {
            Algorithm::Sha1 => "HMAC-SHA1",
            Algorithm::Sha256 => "HMAC-SHA256",
            Algorithm::Sha512 => "HMAC-SHA512",
        }
    }

    /// A MAC already keyed with `key`. HMAC accepts keys of any length.
    pub(crate) fn keyed(self, key: &[u8]) -> KeyedMac {
        // `new_from_slice` only fails for fixed-size keys; HMAC hashes or pads any length.
        match self {
            Algorithm::Sha1 => KeyedMac::Sha1(
                <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(key).expect("HMAC takes any key"),
            ),
            Algorithm::Sha256 => KeyedMac::Sha256(
                <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key"),
            ),
            Algorithm::Sha512 => KeyedMac::Sha512(Box::new(
                <Hmac<sha2::Sha512> as KeyInit>::new_from_slice(key).expect("HMAC takes any key"),
            )),
        }
    }
}

impl std::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An HMAC state keyed once at construction and cloned for every request, so the key's inner
/// and outer pads are not recomputed per request.
///
/// The SHA-512 state is boxed: at twice the size of the others it would double every move of
/// every verification (measured: moves were a tenth of the time at 256 bytes). No preset uses
/// SHA-512, so its one allocation per request is paid only by schemes that choose it.
#[derive(Clone)]
pub(crate) enum KeyedMac {
    Sha1(Hmac<sha1::Sha1>),
    Sha256(Hmac<sha2::Sha256>),
    Sha512(Box<Hmac<sha2::Sha512>>),
}

impl KeyedMac {
    pub(crate) fn update(&mut self, data: &[u8]) {
        match self {
            KeyedMac::Sha1(mac) => mac.update(data),
            KeyedMac::Sha256(mac) => mac.update(data),
            KeyedMac::Sha512(mac) => mac.update(data),
        }
    }

    /// The finished tag.
    pub(crate) fn finalize(self) -> Tag {
        let mut tag = Tag::empty();
        match self {
            KeyedMac::Sha1(mac) => tag.set(&mac.finalize().into_bytes()),
            KeyedMac::Sha256(mac) => tag.set(&mac.finalize().into_bytes()),
            KeyedMac::Sha512(mac) => tag.set(&(*mac).finalize().into_bytes()),
        }
        tag
    }
}

impl std::fmt::Debug for KeyedMac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The state is derived from the secret: never print it.
        f.write_str("KeyedMac(<redacted>)")
    }
}

/// A MAC tag held inline (no allocation), compared only in constant time.
#[derive(Clone, Copy)]
pub(crate) struct Tag {
    bytes: [u8; MAX_DIGEST_LEN],
    len: u8,
}

impl Tag {
    pub(crate) const fn empty() -> Self {
        Tag {
            bytes: [0; MAX_DIGEST_LEN],
            len: 0,
        }
    }

    pub(crate) fn set(&mut self, bytes: &[u8]) {
        self.buffer(bytes.len()).copy_from_slice(bytes);
    }

    /// Mutable room for exactly `len` bytes, for decoders to write into. The bytes past `len`
    /// are zeroed, which `ct_eq` relies on.
    pub(crate) fn buffer(&mut self, len: usize) -> &mut [u8] {
        self.len = len as u8;
        self.bytes[len..].fill(0);
        &mut self.bytes[..len]
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// Constant-time equality with `subtle`, as `Mac::verify_slice` does it: tags of different
    /// lengths are unequal (the length is public), equal-length tags are compared without early
    /// exit. The comparison runs over 64-bit words rather than bytes (a quarter as many of
    /// `subtle`'s optimisation barriers; measured ~40 ns less at 32 bytes); the bytes past the
    /// length are zero in every tag, so whole words compare the same.
    pub(crate) fn ct_eq(&self, other: &Tag) -> Choice {
        if self.len != other.len {
            return Choice::from(0);
        }
        let words = usize::from(self.len).div_ceil(8);
        self.words()[..words].ct_eq(&other.words()[..words])
    }

    fn words(&self) -> [u64; MAX_DIGEST_LEN / 8] {
        let mut words = [0u64; MAX_DIGEST_LEN / 8];
        for (word, bytes) in words.iter_mut().zip(self.bytes.chunks_exact(8)) {
            *word = u64::from_le_bytes(bytes.try_into().expect("chunks of 8"));
        }
        words
    }
}

impl std::fmt::Debug for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tag(<{} bytes redacted>)", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_rfc_4231_case_2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let mut mac = Algorithm::Sha256.keyed(b"Jefe");
        mac.update(b"what do ya want ");
        mac.update(b"for nothing?");
        assert_eq!(
            hex::encode(mac.finalize().as_slice()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn sha512_matches_rfc_4231_case_2() {
        let mut mac = Algorithm::Sha512.keyed(b"Jefe");
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac.finalize().as_slice()),
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
        );
    }

    #[test]
    fn sha1_matches_rfc_2202_case_2() {
        let mut mac = Algorithm::Sha1.keyed(b"Jefe");
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac.finalize().as_slice()),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
    }

    #[test]
    fn tags_differing_in_any_byte_are_unequal() {
        let mut reference = Tag::empty();
        reference.set(&[0xA5; 20]);
        for at in 0..20 {
            let mut other = reference;
            other.buffer(20)[at] ^= 1;
            assert!(!bool::from(reference.ct_eq(&other)), "byte {at}");
        }
        assert!(bool::from(reference.ct_eq(&reference)));
    }

    #[test]
    fn a_reused_tag_equals_a_fresh_one() {
        // `ct_eq` compares whole words, so a shorter tag written over a longer one must not keep
        // the longer one's bytes past its length.
        let mut fresh = Tag::empty();
        fresh.set(&[0xA5; 20]);
        let mut reused = Tag::empty();
        reused.set(&[0xFF; 32]);
        reused.set(&[0xA5; 20]);
        assert!(bool::from(fresh.ct_eq(&reused)));
        reused.buffer(32).fill(0xFF);
        reused.buffer(20).fill(0xA5);
        assert!(bool::from(fresh.ct_eq(&reused)));
    }

    #[test]
    fn tags_of_different_length_are_unequal() {
        let mut long = Tag::empty();
        long.set(&[1; 32]);
        let mut short = Tag::empty();
        short.set(&[1; 20]);
        assert!(!bool::from(long.ct_eq(&short)));
        assert!(bool::from(long.ct_eq(&long)));
    }

    #[test]
    fn debug_redacts_state() {
        let mac = Algorithm::Sha1.keyed(b"super-secret");
        assert_eq!(format!("{mac:?}"), "KeyedMac(<redacted>)");
    }
}
