//! The verification itself, independent of tower and axum: [`Verifier`].
//!
//! A verification starts from the headers (signature header, timestamp, signed headers: every
//! check that needs no body), is fed the body as it arrives, and ends in a verdict. The layer
//! drives those steps frame by frame; everyone else calls [`Verifier::verify`] with a complete
//! body, so the steps cannot be taken out of order or fed other bytes than the ones judged.

pub(crate) mod algorithm;
pub(crate) mod compare;
pub(crate) mod encoding;
pub(crate) mod keys;
pub(crate) mod signature_header;
pub(crate) mod signed_content;
pub(crate) mod timestamp;

use crate::{ConfigError, Scheme, Verified, WebhookError};
use algorithm::KeyedMac;
use http::HeaderMap;
use signature_header::Candidates;
use signed_content::{exactly_one, feed, signed_header, Sources};
use std::{fmt, sync::Arc, time::Duration, time::SystemTime};
use subtle::Choice;
use timestamp::{Clock, Timestamp, DEFAULT_TOLERANCE};

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
///
/// The streaming steps the layer takes (start from the headers, feed frames, conclude) are not
/// public, so no caller can feed one body and have another judged:
///
/// ```compile_fail
/// # use tower_webhook::{Scheme, Verifier};
/// let verifier = Verifier::new(Scheme::amio(), "WebhookSecret").unwrap();
/// let pending = verifier.start(&http::HeaderMap::new());
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
            let key = scheme.secret_format.key(secret.as_ref())?;
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

    /// Verifies a request whose body has arrived completely.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<Verified, WebhookError> {
        let mut pending = self.start(headers)?;
        pending.update(body);
        pending.finish(headers, body).map_err(|(error, _)| error)
    }

    /// Every check that needs only the headers (signature header present once and well formed,
    /// timestamp within the window, signed headers present once); feeds the MACs what comes
    /// before the body.
    pub(crate) fn start(&self, headers: &HeaderMap) -> Result<Pending, WebhookError> {
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
                let timestamp = Timestamp::parse(raw)?;
                timestamp.check_window(inner.clock.now_seconds(), inner.tolerance)?;
                Some(timestamp)
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
        let (before_body, _, _) = scheme.content.split_at_body();
        let sources = Sources {
            headers,
            timestamp: timestamp.as_ref().map(Timestamp::digits),
            body: &[],
        };
        feed(before_body, &sources, &mut |bytes| macs.update(bytes))?;
        Ok(Pending {
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

    /// The first secret's keyed MAC, for the signer.
    pub(crate) fn first_mac(&self) -> KeyedMac {
        self.inner.keys[0].mac.clone()
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
/// Private to the crate: only the layer feeds it, frame by frame, the same bytes it then hands
/// on, and [`Verifier::verify`] feeds it the complete body itself.
pub(crate) struct Pending {
    verifier: Verifier,
    macs: Macs,
    candidates: Candidates,
    timestamp: Option<Timestamp>,
}

impl Pending {
    /// Feeds the next piece of the raw body (a no-op for schemes that do not sign it as is).
    pub(crate) fn update(&mut self, chunk: &[u8]) {
        if self.verifier.inner.scheme.content.streams_body() {
            self.macs.update(chunk);
        }
    }

    /// Whether the scheme signs the body; if not, the verdict needs no body byte.
    pub(crate) fn covers_body(&self) -> bool {
        self.verifier.inner.scheme.content.covers_body()
    }

    /// Feeds what comes after the raw body (or the parsed body, for form parameters), then
    /// compares in constant time against every signature in the header under every secret.
    /// `body` is the complete body, the same bytes that were fed to [`update`](Self::update).
    /// A failure hands the verifier back, to name the scheme in the rejection.
    pub(crate) fn finish(
        self,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Verified, (WebhookError, Verifier)> {
        let Pending {
            verifier,
            mut macs,
            candidates,
            timestamp,
        } = self;
        let (_, body_part, after_body) = verifier.inner.scheme.content.split_at_body();
        let sources = Sources {
            headers,
            timestamp: timestamp.as_ref().map(Timestamp::digits),
            body,
        };
        let mut sink = |bytes: &[u8]| macs.update(bytes);
        let fed = if verifier.inner.scheme.content.streams_body() {
            Ok(())
        } else {
            feed(body_part, &sources, &mut sink)
        };
        if let Err(problem) = fed.and_then(|()| feed(after_body, &sources, &mut sink)) {
            return Err((problem.into(), verifier));
        }

        let mut matched = None;
        for (index, mac) in std::iter::once(macs.first).chain(macs.others).enumerate() {
            let tag = mac.finalize();
            let mut equal = Choice::from(0);
            for candidate in candidates.iter() {
                equal |= tag.ct_eq(candidate);
            }
            if bool::from(equal) && matched.is_none() {
                matched = Some(index);
            }
        }
        let Some(key) = matched else {
            return Err((WebhookError::SignatureMismatch, verifier));
        };
        Ok(Verified::new(
            verifier,
            key,
            timestamp.map(|timestamp| timestamp.seconds()),
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
}
