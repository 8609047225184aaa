//! The verification itself, independent of tower: [`Verifier`] and [`PendingVerification`].

use crate::{
    algorithm::KeyedMac,
    scheme::{
        timestamp::{self, Clock, DEFAULT_TOLERANCE},
        Candidates, Part,
    },
    ConfigError, Scheme, Verified, WebhookError,
};
use http::{HeaderMap, HeaderName, HeaderValue};
use std::{fmt, sync::Arc, time::Duration, time::SystemTime};
use subtle::Choice;

/// Checks signatures of one [`Scheme`] against one or more secrets.
///
/// [`VerifyWebhookLayer`](crate::VerifyWebhookLayer) is built on it; use it directly to verify
/// outside tower, or in tests. Cloning is cheap (an `Arc`).
///
/// ```
/// use http::HeaderMap;
/// use tower_webhook::{Scheme, Verifier, WebhookError};
///
/// // Amio's published test vector.
/// let verifier = Verifier::new(Scheme::amio(), "WebhookSecret")?;
/// let body = br#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#;
/// let mut headers = HeaderMap::new();
/// headers.insert("x-hub-signature", "sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13".parse()?);
/// let verified = verifier.verify(&headers, body)?;
/// assert_eq!(verified.scheme(), "amio");
///
/// let tampered = verifier.verify(&headers, b"{}");
/// assert!(matches!(tampered, Err(WebhookError::SignatureMismatch)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    scheme: Scheme,
    description: Box<str>,
    keys: Vec<Key>,
    tolerance: Duration,
    clock: Clock,
}

#[derive(Clone)]
struct Key {
    id: Arc<str>,
    mac: KeyedMac,
}

impl Verifier {
    /// A verifier for `scheme` with one secret, whose id is `"primary"`.
    ///
    /// Fails if the scheme is inconsistent or the secret is empty, has surrounding whitespace or
    /// is not in the scheme's secret format.
    pub fn new(scheme: Scheme, secret: impl AsRef<[u8]>) -> Result<Self, ConfigError> {
        Self::with_secrets(scheme, [("primary", secret)])
    }

    /// A verifier that accepts a signature made with any of `secrets`, given as `(id, secret)`
    /// pairs, for rotating secrets without downtime. [`Verified::secret_id`] tells which matched.
    ///
    /// ```
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::with_secrets(
    ///     Scheme::github(),
    ///     [("2025-06", "new secret"), ("2024-11", "old secret")],
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn with_secrets<I, Id, S>(scheme: Scheme, secrets: I) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = (Id, S)>,
        Id: Into<String>,
        S: AsRef<[u8]>,
    {
        scheme.validate()?;
        let mut keys: Vec<Key> = Vec::new();
        for (id, secret) in secrets {
            let id: String = id.into();
            if keys.iter().any(|key| *key.id == *id) {
                return Err(ConfigError::DuplicateSecretId { id });
            }
            let key = scheme.key_from_secret(secret.as_ref())?;
            keys.push(Key {
                id: id.into(),
                mac: scheme.algorithm.keyed(&key),
            });
        }
        if keys.is_empty() {
            return Err(ConfigError::EmptySecret);
        }
        Ok(Verifier {
            inner: Arc::new(Inner {
                description: scheme.content.describe().into(),
                scheme,
                keys,
                tolerance: DEFAULT_TOLERANCE,
                clock: Clock::system(),
            }),
        })
    }

    /// Sets the replay window for schemes with a timestamp, applied in both directions. The
    /// default is 300 seconds.
    #[must_use]
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        Arc::make_mut(&mut self.inner).tolerance = tolerance;
        self
    }

    /// Replaces the system clock, for tests.
    #[must_use]
    pub fn clock(mut self, now: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        Arc::make_mut(&mut self.inner).clock = Clock::custom(now);
        self
    }

    /// The scheme this verifier checks.
    pub fn scheme(&self) -> &Scheme {
        &self.inner.scheme
    }

    /// Verifies a complete request in one call.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<Verified, WebhookError> {
        let mut pending = self.start(headers)?;
        pending.update(body);
        pending.finish(headers, body)
    }

    /// Runs every check that needs only the headers (signature header present once and well
    /// formed, timestamp within the window, signed headers present once) and feeds the MAC what
    /// comes before the body. Feed the body with [`PendingVerification::update`] as it arrives.
    pub fn start(&self, headers: &HeaderMap) -> Result<PendingVerification, WebhookError> {
        let inner = &*self.inner;
        let scheme = &inner.scheme;
        let header = &scheme.header;
        let value = exactly_one(headers, header).map_err(|many| match many {
            false => WebhookError::MissingSignature {
                header: header.clone(),
            },
            true => WebhookError::DuplicateSignature {
                header: header.clone(),
            },
        })?;
        let parsed = scheme
            .format
            .parse(
                value.as_bytes(),
                scheme.encoding,
                scheme.algorithm.digest_len(),
            )
            .map_err(|reason| WebhookError::MalformedSignature {
                header: header.clone(),
                reason,
            })?;

        let raw_timestamp = match &scheme.timestamp_header {
            Some(name) => Some(signed_header(headers, name)?.as_bytes()),
            None => parsed.timestamp,
        };
        let timestamp = match raw_timestamp {
            Some(raw) => {
                let seconds = timestamp::parse_seconds(raw)?;
                timestamp::check_window(seconds, inner.clock.now_seconds(), inner.tolerance)?;
                Some(Timestamp::new(raw, seconds))
            }
            None => None,
        };
        for name in scheme.content.headers() {
            signed_header(headers, name)?;
        }

        let mut macs = Macs {
            first: inner.keys[0].mac.clone(),
            // Empty for a single secret, which does not allocate.
            others: inner.keys[1..].iter().map(|key| key.mac.clone()).collect(),
        };
        let (before_body, _) = scheme.content.split_at_body();
        macs.feed(before_body, headers, timestamp.as_ref(), &[])?;
        Ok(PendingVerification {
            macs,
            candidates: parsed.candidates,
            timestamp,
            verifier: self.clone(),
        })
    }

    pub(crate) fn description(&self) -> &str {
        &self.inner.description
    }

    pub(crate) fn secret_id(&self, index: usize) -> &str {
        &self.inner.keys[index].id
    }

    /// Computes what `keys[index]` signs over `body`, for the signer.
    pub(crate) fn keyed_mac(&self, index: usize) -> Option<KeyedMac> {
        self.inner.keys.get(index).map(|key| key.mac.clone())
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.inner.keys.iter().map(|key| &*key.id).collect();
        f.debug_struct("Verifier")
            .field("scheme", &self.inner.scheme)
            .field("secret_ids", &ids)
            .field("tolerance", &self.inner.tolerance)
            .field("clock", &self.inner.clock)
            .finish()
    }
}

/// A verification that has passed every header check and is waiting for the body.
///
/// Created by [`Verifier::start`]; feed it the body with [`update`](Self::update) and conclude
/// with [`finish`](Self::finish).
pub struct PendingVerification {
    verifier: Verifier,
    macs: Macs,
    candidates: Candidates,
    timestamp: Option<Timestamp>,
}

impl PendingVerification {
    /// Feeds the next piece of the body to the MAC (a no-op for schemes that do not sign the
    /// raw body).
    pub fn update(&mut self, chunk: &[u8]) {
        if self.verifier.inner.scheme.content.streams_body() {
            self.macs.update(chunk);
        }
    }

    /// Whether the scheme signs the body (if not, the body must be treated as untrusted).
    pub fn covers_body(&self) -> bool {
        self.verifier.inner.scheme.content.covers_body()
    }

    /// Feeds what comes after the body, then compares in constant time against every signature
    /// in the header under every secret.
    ///
    /// `body` is the complete body. Schemes that sign the raw body were fed it by
    /// [`update`](Self::update) and ignore it here; schemes that sign parsed form parameters
    /// (Twilio) read it here.
    pub fn finish(self, headers: &HeaderMap, body: &[u8]) -> Result<Verified, WebhookError> {
        self.conclude(headers, body).map_err(|(error, _)| error)
    }

    /// Like `finish`, but hands the verifier back with an error, for naming the scheme in logs.
    pub(crate) fn conclude(
        mut self,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Verified, (WebhookError, Verifier)> {
        let (_, from_body) = self.verifier.inner.scheme.content.split_at_body();
        let fed = self
            .macs
            .feed(from_body, headers, self.timestamp.as_ref(), body);
        if let Err(error) = fed {
            return Err((error, self.verifier));
        }

        let mut matched = None;
        let macs = std::iter::once(self.macs.first).chain(self.macs.others);
        for (index, mac) in macs.enumerate() {
            let tag = mac.finalize();
            let mut equal = Choice::from(0);
            for candidate in self.candidates.iter() {
                equal |= tag.ct_eq(candidate);
            }
            if bool::from(equal) && matched.is_none() {
                matched = Some(index);
            }
        }
        let Some(key) = matched else {
            return Err((WebhookError::SignatureMismatch, self.verifier));
        };
        Ok(Verified::new(
            self.verifier,
            key,
            self.timestamp.map(|timestamp| timestamp.seconds),
        ))
    }

    pub(crate) fn scheme_name(&self) -> &str {
        self.verifier.scheme().name()
    }
}

/// One MAC state per secret, fed the same bytes.
struct Macs {
    first: KeyedMac,
    others: Vec<KeyedMac>,
}

impl Macs {
    fn update(&mut self, data: &[u8]) {
        self.first.update(data);
        for mac in &mut self.others {
            mac.update(data);
        }
    }

    /// Feeds signed parts other than the raw body (fed as it arrives), straight from the
    /// headers, configuration and, for form parameters, the complete `body`.
    fn feed(
        &mut self,
        parts: &[Part],
        headers: &HeaderMap,
        timestamp: Option<&Timestamp>,
        body: &[u8],
    ) -> Result<(), WebhookError> {
        for part in parts {
            match part {
                Part::Text(bytes) | Part::Constant { value: bytes, .. } => self.update(bytes),
                Part::Header(name) => self.update(signed_header(headers, name)?.as_bytes()),
                Part::Timestamp => {
                    // `Scheme::validate` guarantees a source whenever the timestamp is signed,
                    // and `Verifier::start` has parsed it by now.
                    let timestamp = timestamp.expect("a signed timestamp has a source");
                    self.update(timestamp.digits());
                }
                Part::FormParams => {
                    for (name, value) in sorted_form_params(body) {
                        self.update(name.as_bytes());
                        self.update(value.as_bytes());
                    }
                }
                Part::Body => {}
            }
        }
        Ok(())
    }
}

impl fmt::Debug for PendingVerification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingVerification")
            .field("scheme", &self.verifier.inner.scheme.name)
            .finish_non_exhaustive()
    }
}

/// The timestamp's digits as received (at most 19, held inline) and their value.
#[derive(Clone, Copy)]
struct Timestamp {
    digits: [u8; 19],
    len: u8,
    seconds: u64,
}

impl Timestamp {
    fn new(raw: &[u8], seconds: u64) -> Self {
        let mut digits = [0; 19];
        digits[..raw.len()].copy_from_slice(raw);
        Timestamp {
            digits,
            len: raw.len() as u8,
            seconds,
        }
    }

    fn digits(&self) -> &[u8] {
        &self.digits[..usize::from(self.len)]
    }
}

/// Decoded form parameters sorted by name then value, identical pairs once (Twilio's rule).
pub(crate) fn sorted_form_params(body: &[u8]) -> Vec<(String, String)> {
    let mut params: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    params.sort();
    params.dedup();
    params
}

/// The one value of `name`; `Err(false)` when absent, `Err(true)` when repeated.
fn exactly_one<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Result<&'a HeaderValue, bool> {
    let mut values = headers.get_all(name).iter();
    match (values.next(), values.next()) {
        (Some(value), None) => Ok(value),
        (None, _) => Err(false),
        (Some(_), Some(_)) => Err(true),
    }
}

/// A header that the signed content or the timestamp is read from.
fn signed_header<'a>(
    headers: &'a HeaderMap,
    name: &HeaderName,
) -> Result<&'a HeaderValue, WebhookError> {
    exactly_one(headers, name).map_err(|many| match many {
        false => WebhookError::MissingHeader {
            header: name.clone(),
        },
        true => WebhookError::DuplicateHeader {
            header: name.clone(),
        },
    })
}
