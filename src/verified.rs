//! What a successful verification tells the handler: [`Verified`].

use crate::{verify::Verdict, Verifier};
use bytes::Bytes;
use std::fmt;

/// Proof that a request passed verification, put into the request's extensions by
/// [`VerifyWebhook`](crate::VerifyWebhook) and returned by [`Verifier::verify`].
///
/// Extract it with `axum::Extension<Verified>` to learn which scheme and secret verified the
/// request and what the signature covered.
///
/// ```
/// use axum::{routing::post, Extension, Router};
/// use tower_webhook::{Scheme, Verified, VerifyWebhookLayer};
///
/// async fn handler(Extension(verified): Extension<Verified>) -> String {
///     format!("{} via secret {}", verified.scheme(), verified.secret_id())
/// }
///
/// let app: Router = Router::new()
///     .route("/hook", post(handler))
///     .layer(VerifyWebhookLayer::new(Scheme::qiscus(), "token")?);
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
///
/// It holds the [`Verifier`] that verified the request (a reference count), never the layer's
/// other settings (its store, its tenants); the layer's response future carries those.
#[derive(Clone)]
pub struct Verified {
    /// Shared with the layer (a reference count), never its other settings.
    verifier: Verifier,
    key: usize,
    timestamp: Option<u64>,
    body: Option<Bytes>,
}

impl Verified {
    pub(crate) fn new(verifier: Verifier, verdict: Verdict) -> Self {
        Verified {
            verifier,
            key: verdict.key,
            timestamp: verdict.timestamp,
            body: None,
        }
    }

    pub(crate) fn with_body(mut self, body: Bytes) -> Self {
        self.body = Some(body);
        self
    }

    pub(crate) fn verifier(&self) -> &Verifier {
        &self.verifier
    }

    /// The name of the scheme that verified the request, such as `"amio"`.
    pub fn scheme(&self) -> &str {
        self.verifier().scheme().name()
    }

    /// What the signature covered, such as `"{body}"` or `"{x-message-id}+{client id}"`.
    pub fn signed_content(&self) -> &str {
        self.verifier().description()
    }

    /// Whether the body is authenticated. When `false` (header-only schemes such as
    /// [`Scheme::message_signature`](crate::Scheme::message_signature)), the body is untrusted input.
    pub fn covers_body(&self) -> bool {
        self.verifier().scheme().get_signed_content().covers_body()
    }

    /// The id of the secret that matched (`"primary"` for a single secret); never the secret.
    pub fn secret_id(&self) -> &str {
        self.verifier().secret_id(self.key)
    }

    /// The scope of the key that matched.
    pub(crate) fn key_scope(&self) -> &[u8; 16] {
        self.verifier().key_scope(self.key)
    }

    /// The verified timestamp in seconds since the Unix epoch, for schemes that carry one.
    pub fn timestamp(&self) -> Option<u64> {
        self.timestamp
    }

    /// The verified body bytes, when the layer read them for a scheme that signs the body; the
    /// extractors read them from here.
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn body(&self) -> Option<&Bytes> {
        self.body.as_ref()
    }
}

impl fmt::Debug for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("scheme", &self.scheme())
            .field("signed_content", &self.signed_content())
            .field("secret_id", &self.secret_id())
            .field("timestamp", &self.timestamp)
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .finish()
    }
}
