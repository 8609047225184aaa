//! How a signature is made: [`SignatureMethod`] (HMAC, Ed25519, ECDSA P-256, a shared token), the keys
//! each one checks with, and the per-request state that checks it.

use super::{algorithm::KeyedMac, compare::MAX_TAG_LEN, signature_header::Candidates};
use crate::{Algorithm, ConfigError};
use sha2::Digest as _;
use subtle::{Choice, ConstantTimeEq};

/// How the provider produces the signature. Part of the [`Scheme`](crate::Scheme), never chosen
/// by the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureMethod {
    /// An HMAC under a shared secret.
    Hmac(Algorithm),
    /// An Ed25519 signature (RFC 8032), checked with the provider's public key (the `ed25519`
    /// feature).
    Ed25519,
    /// An ECDSA signature over P-256 with SHA-256, DER-encoded, checked with the provider's
    /// public key (the `ecdsa` feature).
    EcdsaP256Sha256,
    /// An RSA PKCS#1 v1.5 signature with SHA-256, base64-encoded, checked with the public key
    /// of the provider's certificate (the `rsa` feature).
    RsaPkcs1Sha256,
    /// An RSA PKCS#1 v1.5 signature with SHA-1 (AWS SNS `SignatureVersion` 1; the `rsa`
    /// feature). SHA-1 only where a provider still signs with it.
    RsaPkcs1Sha1,
    /// A shared token sent as is, compared in constant time. It authenticates the sender, not
    /// the body.
    Token,
}

/// The lengths a decoded signature may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SignatureLen {
    pub(crate) min: usize,
    pub(crate) max: usize,
}

impl SignatureMethod {
    /// How many bytes a decoded signature has (tokens are not decoded).
    pub(crate) fn signature_len(self) -> SignatureLen {
        let exact = |len| SignatureLen { min: len, max: len };
        match self {
            SignatureMethod::Hmac(algorithm) => exact(algorithm.digest_len()),
            SignatureMethod::Ed25519 => exact(64),
            // A DER SEQUENCE of two INTEGERs of at most 33 bytes each.
            SignatureMethod::EcdsaP256Sha256 => SignatureLen {
                min: 8,
                max: MAX_TAG_LEN,
            },
            // Kept as sent and decoded when checked: RSA signatures are larger than any tag.
            SignatureMethod::Token
            | SignatureMethod::RsaPkcs1Sha256
            | SignatureMethod::RsaPkcs1Sha1 => exact(0),
        }
    }

    /// Whether the header's value is kept as sent rather than decoded into a tag.
    pub(crate) fn keeps_raw_signature(self) -> bool {
        matches!(
            self,
            SignatureMethod::Token
                | SignatureMethod::RsaPkcs1Sha256
                | SignatureMethod::RsaPkcs1Sha1
        )
    }

    /// Whether the key is a secret shared with the provider (rather than its public key).
    pub(crate) fn is_shared_secret(self) -> bool {
        matches!(self, SignatureMethod::Hmac(_) | SignatureMethod::Token)
    }

    /// The conventional name, such as `"HMAC-SHA256"` or `"Ed25519"`.
    pub fn name(self) -> &'static str {
        match self {
            SignatureMethod::Hmac(algorithm) => algorithm.name(),
            SignatureMethod::Ed25519 => "Ed25519",
            SignatureMethod::EcdsaP256Sha256 => "ECDSA P-256/SHA-256",
            SignatureMethod::RsaPkcs1Sha256 => "RSA PKCS#1 v1.5/SHA-256",
            SignatureMethod::RsaPkcs1Sha1 => "RSA PKCS#1 v1.5/SHA-1",
            SignatureMethod::Token => "shared token",
        }
    }
}

impl std::fmt::Display for SignatureMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A configured key, ready to check signatures.
#[derive(Clone)]
pub(crate) enum Key {
    Hmac(KeyedMac),
    #[cfg(feature = "ed25519")]
    Ed25519(ed25519_dalek::VerifyingKey),
    #[cfg(feature = "ecdsa")]
    EcdsaP256(p256::ecdsa::VerifyingKey),
    #[cfg(feature = "rsa")]
    Rsa(rsa::pkcs1v15::VerifyingKey<rsa::sha2::Sha256>),
    #[cfg(feature = "rsa")]
    RsaSha1(rsa::pkcs1v15::VerifyingKey<sha1::Sha1>),
    /// The token's SHA-256: compared against the received value's, so neither the token's
    /// length nor its bytes leak through timing.
    Token([u8; 32]),
}

impl Key {
    /// The key for `method` from `material`: the shared secret's key bytes, or the public key
    /// as the provider publishes it (hex, base64, DER or PEM; any prefix is removed already).
    pub(crate) fn new(method: SignatureMethod, material: &[u8]) -> Result<Key, ConfigError> {
        match method {
            SignatureMethod::Hmac(algorithm) => Ok(Key::Hmac(algorithm.keyed(material))),
            SignatureMethod::Token => Ok(Key::Token(sha2::Sha256::digest(material).into())),
            SignatureMethod::Ed25519 => ed25519_key(material),
            SignatureMethod::EcdsaP256Sha256 => ecdsa_key(material),
            SignatureMethod::RsaPkcs1Sha256 => rsa_key(material, false),
            SignatureMethod::RsaPkcs1Sha1 => rsa_key(material, true),
        }
    }

    pub(crate) fn hmac(&self) -> Option<&KeyedMac> {
        match self {
            Key::Hmac(mac) => Some(mac),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

#[cfg(feature = "ed25519")]
fn ed25519_key(material: &[u8]) -> Result<Key, ConfigError> {
    use ed25519_dalek::pkcs8::DecodePublicKey;
    let invalid = || ConfigError::InvalidPublicKey {
        expected: "an Ed25519 public key: 64 hex digits, base64 of 32 bytes (after the scheme's \
                   prefix, if any), \
                   or a DER/PEM SubjectPublicKeyInfo",
    };
    let text = std::str::from_utf8(material).map_err(|_| invalid())?;
    if text.starts_with("-----BEGIN") {
        return ed25519_dalek::VerifyingKey::from_public_key_pem(text)
            .map(Key::Ed25519)
            .map_err(|_| invalid());
    }
    let bytes = decode_key_text(text).ok_or_else(invalid)?;
    let key = match <[u8; 32]>::try_from(bytes.as_slice()) {
        Ok(raw) => ed25519_dalek::VerifyingKey::from_bytes(&raw).map_err(|_| invalid())?,
        Err(_) => {
            ed25519_dalek::VerifyingKey::from_public_key_der(&bytes).map_err(|_| invalid())?
        }
    };
    Ok(Key::Ed25519(key))
}

#[cfg(not(feature = "ed25519"))]
fn ed25519_key(_: &[u8]) -> Result<Key, ConfigError> {
    Err(ConfigError::FeatureDisabled { feature: "ed25519" })
}

#[cfg(feature = "ecdsa")]
fn ecdsa_key(material: &[u8]) -> Result<Key, ConfigError> {
    use p256::pkcs8::DecodePublicKey;
    let invalid = || ConfigError::InvalidPublicKey {
        expected: "a P-256 public key: base64 or PEM SubjectPublicKeyInfo, or a SEC1 point in \
                   base64 or hex",
    };
    let text = std::str::from_utf8(material).map_err(|_| invalid())?;
    if text.starts_with("-----BEGIN") {
        return p256::ecdsa::VerifyingKey::from_public_key_pem(text)
            .map(Key::EcdsaP256)
            .map_err(|_| invalid());
    }
    let bytes = decode_key_text(text).ok_or_else(invalid)?;
    p256::ecdsa::VerifyingKey::from_public_key_der(&bytes)
        .or_else(|_| p256::ecdsa::VerifyingKey::from_sec1_bytes(&bytes))
        .map(Key::EcdsaP256)
        .map_err(|_| invalid())
}

#[cfg(not(feature = "ecdsa"))]
fn ecdsa_key(_: &[u8]) -> Result<Key, ConfigError> {
    Err(ConfigError::FeatureDisabled { feature: "ecdsa" })
}

#[cfg(feature = "rsa")]
fn rsa_key(material: &[u8], sha1: bool) -> Result<Key, ConfigError> {
    use rsa::pkcs8::DecodePublicKey;
    use x509_cert::der::{Decode, DecodePem, Encode};
    let invalid = || ConfigError::InvalidPublicKey {
        expected:
            "an RSA key: a PEM certificate (as a provider's certificate URL serves it), a PEM \
                   public key, or a base64 DER SubjectPublicKeyInfo",
    };
    let text = std::str::from_utf8(material).map_err(|_| invalid())?.trim();
    let key = if text.starts_with("-----BEGIN CERTIFICATE") {
        let certificate = x509_cert::Certificate::from_pem(text).map_err(|_| invalid())?;
        let spki = certificate
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|_| invalid())?;
        rsa::PublicKey::from_public_key_der(&spki).map_err(|_| invalid())?
    } else if text.starts_with("-----BEGIN") {
        rsa::PublicKey::from_public_key_pem(text).map_err(|_| invalid())?
    } else {
        use base64::Engine as _;
        let der = base64::engine::general_purpose::STANDARD
            .decode(text)
            .map_err(|_| invalid())?;
        let _ = x509_cert::spki::SubjectPublicKeyInfoRef::from_der(&der).map_err(|_| invalid())?;
        rsa::PublicKey::from_public_key_der(&der).map_err(|_| invalid())?
    };
    Ok(if sha1 {
        Key::RsaSha1(rsa::pkcs1v15::VerifyingKey::new(key))
    } else {
        Key::Rsa(rsa::pkcs1v15::VerifyingKey::new(key))
    })
}

#[cfg(not(feature = "rsa"))]
fn rsa_key(_: &[u8], _: bool) -> Result<Key, ConfigError> {
    Err(ConfigError::FeatureDisabled { feature: "rsa" })
}

/// Key bytes written as hex (an even number of hex digits) or standard base64.
#[cfg(any(feature = "ed25519", feature = "ecdsa"))]
fn decode_key_text(text: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let text = text.trim();
    if text.len().is_multiple_of(2) && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return const_hex::decode(text).ok();
    }
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// Whether a signature verifies the SHA-256 `prehash` under `key`: the DER candidates for
/// ECDSA, the raw base64 header value for RSA.
#[cfg(any(feature = "ecdsa", feature = "rsa"))]
#[cfg_attr(not(all(feature = "ecdsa", feature = "rsa")), allow(unused_variables))]
fn verifies_prehash(
    key: &Key,
    prehash: &[u8],
    candidates: &Candidates,
    raw: Option<&[u8]>,
) -> bool {
    match key {
        #[cfg(feature = "ecdsa")]
        Key::EcdsaP256(key) => {
            use p256::ecdsa::signature::hazmat::PrehashVerifier;
            candidates.iter().any(|candidate| {
                p256::ecdsa::Signature::from_der(candidate.as_slice())
                    .is_ok_and(|signature| key.verify_prehash(prehash, &signature).is_ok())
            })
        }
        #[cfg(feature = "rsa")]
        Key::Rsa(key) => rsa_verifies(raw, |signature| {
            use rsa::signature::hazmat::PrehashVerifier;
            key.verify_prehash(prehash, signature).is_ok()
        }),
        #[cfg(feature = "rsa")]
        Key::RsaSha1(key) => rsa_verifies(raw, |signature| {
            use rsa::signature::hazmat::PrehashVerifier;
            key.verify_prehash(prehash, signature).is_ok()
        }),
        _ => false,
    }
}

/// Whether the base64 RSA signature `raw` passes `check`.
#[cfg(feature = "rsa")]
fn rsa_verifies(raw: Option<&[u8]>, check: impl Fn(&rsa::pkcs1v15::Signature) -> bool) -> bool {
    use base64::Engine as _;
    let Some(Ok(bytes)) = raw.map(|raw| base64::engine::general_purpose::STANDARD.decode(raw))
    else {
        return false;
    };
    rsa::pkcs1v15::Signature::try_from(bytes.as_slice()).is_ok_and(|signature| check(&signature))
}

/// What one request's signed content is fed into, for every configured key at once.
pub(crate) enum Running {
    /// One HMAC state per key.
    Hmac {
        first: KeyedMac,
        others: Vec<KeyedMac>,
    },
    /// One streaming Ed25519 check per (key, candidate) pair.
    #[cfg(feature = "ed25519")]
    Ed25519(Vec<(usize, ed25519_dalek::StreamVerifier)>),
    /// The SHA-256 of the content, checked against every (key, candidate) pair at the end
    /// (ECDSA, RSA).
    #[cfg(any(feature = "ecdsa", feature = "rsa"))]
    Sha256(sha2::Sha256),
    /// The SHA-1 of the content (RSA/SHA-1).
    #[cfg(feature = "rsa")]
    Sha1(sha1::Sha1),
    /// Nothing to feed: the token is the signature.
    Token,
}

impl Running {
    /// Becomes the state for `keys`, given the decoded `candidates`. It writes in place rather
    /// than returning a new state, so the MAC states are not moved once built.
    #[cfg_attr(not(feature = "ed25519"), allow(unused_variables))]
    pub(crate) fn begin(&mut self, keys: &[Key], candidates: &Candidates) {
        // A verifier without keys (the decoy for unknown tenants of a public-key scheme)
        // matches nothing.
        let Some(first) = keys.first() else {
            *self = Running::Token;
            return;
        };
        match first {
            Key::Hmac(first) => {
                *self = Running::Hmac {
                    first: first.fresh(),
                    others: Vec::new(),
                };
                // Nothing more for a single secret, which does not allocate.
                if let (Running::Hmac { others, .. }, [_, rest @ ..]) = (self, keys) {
                    if !rest.is_empty() {
                        others.extend(rest.iter().filter_map(Key::hmac).map(KeyedMac::fresh));
                    }
                }
            }
            #[cfg(feature = "ed25519")]
            Key::Ed25519(_) => {
                let mut pairs = Vec::new();
                for (index, key) in keys.iter().enumerate() {
                    let Key::Ed25519(key) = key else { continue };
                    for candidate in candidates.iter() {
                        let Ok(bytes) = <[u8; 64]>::try_from(candidate.as_slice()) else {
                            continue;
                        };
                        let signature = ed25519_dalek::Signature::from_bytes(&bytes);
                        if let Ok(stream) = key.verify_stream(&signature) {
                            pairs.push((index, stream));
                        }
                    }
                }
                *self = Running::Ed25519(pairs);
            }
            #[cfg(feature = "ecdsa")]
            Key::EcdsaP256(_) => *self = Running::Sha256(sha2::Sha256::new()),
            #[cfg(feature = "rsa")]
            Key::Rsa(_) => *self = Running::Sha256(sha2::Sha256::new()),
            #[cfg(feature = "rsa")]
            Key::RsaSha1(_) => *self = Running::Sha1(sha1::Sha1::new()),
            Key::Token(_) => *self = Running::Token,
        }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        match self {
            Running::Hmac { first, others } => {
                first.update(data);
                for mac in others {
                    mac.update(data);
                }
            }
            #[cfg(feature = "ed25519")]
            Running::Ed25519(pairs) => {
                for (_, stream) in pairs {
                    stream.update(data);
                }
            }
            #[cfg(any(feature = "ecdsa", feature = "rsa"))]
            Running::Sha256(digest) => digest.update(data),
            #[cfg(feature = "rsa")]
            Running::Sha1(digest) => digest.update(data),
            Running::Token => {}
        }
    }

    /// The index of the first key that a candidate verifies under, if any. HMAC tags are
    /// compared in constant time against every candidate under every key.
    ///
    /// The state is spent afterwards (its MACs finalized in place).
    #[cfg_attr(not(any(feature = "ecdsa", feature = "rsa")), allow(unused_variables))]
    pub(crate) fn matching_key(
        &mut self,
        keys: &[Key],
        candidates: &Candidates,
        token: Option<&[u8]>,
    ) -> Option<usize> {
        match self {
            Running::Hmac { first, others } => {
                let mut matched = None;
                for (index, mac) in std::iter::once(first).chain(others).enumerate() {
                    let tag = mac.finalize();
                    let mut equal = Choice::from(0);
                    for candidate in candidates.iter() {
                        equal |= tag.ct_eq(candidate);
                    }
                    if bool::from(equal) && matched.is_none() {
                        matched = Some(index);
                    }
                }
                matched
            }
            #[cfg(feature = "ed25519")]
            Running::Ed25519(pairs) => std::mem::take(pairs)
                .into_iter()
                .find_map(|(index, stream)| stream.finalize_and_verify().is_ok().then_some(index)),
            #[cfg(feature = "rsa")]
            Running::Sha1(digest) => {
                let prehash = digest.finalize_reset();
                keys.iter()
                    .position(|key| verifies_prehash(key, &prehash, candidates, token))
            }
            #[cfg(any(feature = "ecdsa", feature = "rsa"))]
            Running::Sha256(digest) => {
                let prehash = digest.finalize_reset();
                keys.iter()
                    .position(|key| verifies_prehash(key, &prehash, candidates, token))
            }
            Running::Token => {
                let received: [u8; 32] = sha2::Sha256::digest(token?).into();
                let mut matched = None;
                for (index, key) in keys.iter().enumerate() {
                    if let Key::Token(expected) = key {
                        if bool::from(expected.ct_eq(&received)) && matched.is_none() {
                            matched = Some(index);
                        }
                    }
                }
                matched
            }
        }
    }
}
