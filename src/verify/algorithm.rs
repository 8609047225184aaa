//! The HMAC algorithms a [`Scheme`](crate::Scheme) can use, and the keyed MAC state behind them.

use super::compare::Tag;
use hmac::{Hmac, KeyInit, Mac};

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
    fn debug_redacts_state() {
        let mac = Algorithm::Sha1.keyed(b"super-secret");
        assert_eq!(format!("{mac:?}"), "KeyedMac(<redacted>)");
    }
}
