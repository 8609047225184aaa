//! The HMAC algorithms a [`Scheme`](crate::Scheme) can use, and the keyed MAC state behind them.

use super::compare::Tag;
use hmac::{
    block_api::HmacCore,
    digest::{
        block_api::{Buffer, EagerHash, FixedOutputCore, UpdateCore},
        KeyInit, Output,
    },
};

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
        match self {
            Algorithm::Sha1 => KeyedMac::Sha1(MacState::new(key)),
            Algorithm::Sha256 => KeyedMac::Sha256(MacState::new(key)),
            Algorithm::Sha512 => KeyedMac::Sha512(Box::new(MacState::new(key))),
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
/// every verification. No preset uses SHA-512, so its one allocation per request is paid only by
/// schemes that choose it.
#[derive(Clone)]
pub(crate) enum KeyedMac {
    Sha1(MacState<sha1::Sha1>),
    Sha256(MacState<sha2::Sha256>),
    Sha512(Box<MacState<sha2::Sha512>>),
}

impl KeyedMac {
    /// A state to verify one request with: the keyed state, with nothing fed yet. Only the
    /// hash states are copied; the empty block buffer is made anew.
    #[inline]
    pub(crate) fn fresh(&self) -> Self {
        match self {
            KeyedMac::Sha1(mac) => KeyedMac::Sha1(mac.fresh()),
            KeyedMac::Sha256(mac) => KeyedMac::Sha256(mac.fresh()),
            KeyedMac::Sha512(mac) => KeyedMac::Sha512(Box::new(mac.fresh())),
        }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        match self {
            KeyedMac::Sha1(mac) => mac.update(data),
            KeyedMac::Sha256(mac) => mac.update(data),
            KeyedMac::Sha512(mac) => mac.update(data),
        }
    }

    /// The finished tag. The state is spent afterwards: it is finalized in place rather than
    /// moved (measured: the moves of `Mac::finalize(self)` cost more than the padding itself
    /// at 256 bytes), so the caller drops it without feeding it again.
    pub(crate) fn finalize(&mut self) -> Tag {
        match self {
            KeyedMac::Sha1(mac) => mac.finalize(),
            KeyedMac::Sha256(mac) => mac.finalize(),
            KeyedMac::Sha512(mac) => mac.finalize(),
        }
    }
}

/// `hmac`'s own block-level HMAC and its block buffer: what `Hmac<D>` holds, kept here so that
/// both can be finalized through `&mut` (the `Mac` API only finalizes by value).
pub(crate) struct MacState<D: EagerHash> {
    core: HmacCore<D>,
    buffer: Buffer<HmacCore<D>>,
}

impl<D: EagerHash> MacState<D> {
    fn new(key: &[u8]) -> Self {
        MacState {
            // HMAC takes keys of any length: `new_from_slice` hashes or pads them.
            core: HmacCore::<D>::new_from_slice(key).expect("HMAC takes any key"),
            buffer: Buffer::<HmacCore<D>>::default(),
        }
    }

    #[inline]
    fn fresh(&self) -> Self {
        MacState {
            core: self.core.clone(),
            buffer: Buffer::<HmacCore<D>>::default(),
        }
    }

    #[inline]
    fn update(&mut self, data: &[u8]) {
        let core = &mut self.core;
        self.buffer
            .digest_blocks(data, |blocks| core.update_blocks(blocks));
    }

    #[inline]
    fn finalize(&mut self) -> Tag {
        let mut out = Output::<HmacCore<D>>::default();
        self.core.finalize_fixed_core(&mut self.buffer, &mut out);
        let mut tag = Tag::empty();
        tag.set(&out);
        tag
    }
}

impl<D: EagerHash> Clone for MacState<D> {
    fn clone(&self) -> Self {
        MacState {
            core: self.core.clone(),
            buffer: self.buffer.clone(),
        }
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
