//! Endpoint checks answered by the layer itself: the [`Handshake`] trait, and each provider's
//! check beside its preset.
//!
//! Providers check a webhook URL before (and while) they deliver to it: some with an unsigned
//! request (Meta, Dropbox, X, Okta, Microsoft Graph, Trello, Asana, WooCommerce), some with a
//! signed `POST` the handler should never see (Slack, Zoom, Twitch, Discord). Add the ones your
//! route needs with [`VerifyWebhookLayer::handshake`](crate::VerifyWebhookLayer::handshake); the
//! layer answers them exactly as the provider documents, and passes everything else on as usual.
//! Unsigned checks are answered before verification and never reach the handler; signed ones
//! only after the signature passed. The signed checks read the JSON body, so they exist only
//! with the `json` feature: without it, a layer cannot be configured to let them through to the
//! handler.
//!
//! ## Reflected challenges
//!
//! Several checks echo a challenge the request chose. The layer echoes only 1 to 512 bytes of
//! letters, digits, space and `-._~:/+=,;@!*()`, always with `X-Content-Type-Options: nosniff`;
//! anything else is answered 400 `invalid_challenge`.
//!
//! ## Answers under the delivery key
//!
//! X's CRC and Zoom's URL validation answer with an HMAC under the key that signs deliveries.
//! Such an answer is never a delivery signature: X's CRC tokens are answered only when they
//! have the shape X uses (base64 characters, at most 256 bytes) and the scheme accepts only
//! JSON object bodies ([`Scheme::json_object_body`](crate::Scheme::json_object_body), set by
//! [`Scheme::twitter`](crate::Scheme::twitter)); Zoom's plain tokens only when they have Zoom's
//! shape (no `:`, while every signed Zoom message starts `v0:`), and only after the request's
//! own signature passed. Beneath those checks, the one function that computes such an answer
//! answers only when no delivery of the verifier's scheme could sign the message: when the
//! signed content begins with fixed text that the message does not (Zoom's `v0:`), or when the
//! content is the body alone, the scheme accepts JSON object bodies only and the message is not
//! one (X). So neither handshake signs anything on a custom scheme of another shape. The crate has no other way, public or private,
//! to compute a MAC under a verification key, and a [`Handshake`] implemented outside the crate
//! has none at all.
//!
//! ```
//! use tower_webhook::{handshake::{MetaSubscribe, SlackUrlVerification}, Scheme, VerifyWebhookLayer};
//!
//! let slack = VerifyWebhookLayer::new(Scheme::slack(), "8f742231b10e8888abcd99yyyzzz85a5")?
//!     .handshake(SlackUrlVerification);
//! let meta = VerifyWebhookLayer::new(Scheme::meta(), "app-secret")?
//!     .handshake(MetaSubscribe::new("my-verify-token"));
//! # Ok::<(), tower_webhook::ConfigError>(())
//! ```

use crate::Verifier;
use bytes::Bytes;
use http::{request::Parts, HeaderMap, Response, StatusCode};
use http_body_util::Full;
use std::{fmt, sync::Arc};

pub(crate) use crate::middleware::response::{
    invalid_challenge, json, json_string, text, verify_token_mismatch,
};
pub use crate::presets::handshakes::*;

/// A response the layer writes itself.
pub type Answer = Response<Full<Bytes>>;

/// A provider's endpoint check, answered by the layer instead of the handler.
///
/// Each provider's check is implemented beside its preset and re-exported here. Implement it for
/// a check of your own: `before` sees every request before verification (answer only what is
/// unmistakably the check, and nothing a request could abuse), `after` sees the verified
/// requests of a [signed](Handshake::is_signed) check.
pub trait Handshake: fmt::Debug + Send + Sync + 'static {
    /// The answer to an unsigned check, before any verification, if `request` is one.
    fn before(&self, request: &Parts, verifier: &Verifier) -> Option<Answer> {
        let _ = (request, verifier);
        None
    }

    /// The answer to a signed check, once its signature passed, if the request is one.
    fn after(&self, headers: &HeaderMap, body: &[u8], verifier: &Verifier) -> Option<Answer> {
        let _ = (headers, body, verifier);
        None
    }

    /// Whether the check is signed, so answered by [`after`](Self::after). The default is no.
    fn is_signed(&self) -> bool {
        false
    }
}

/// A shared handshake is a handshake: a list of `Arc<dyn Handshake>` chosen at run time can be
/// handed to the layer one by one.
impl<H: Handshake + ?Sized> Handshake for Arc<H> {
    fn before(&self, request: &Parts, verifier: &Verifier) -> Option<Answer> {
        (**self).before(request, verifier)
    }

    fn after(&self, headers: &HeaderMap, body: &[u8], verifier: &Verifier) -> Option<Answer> {
        (**self).after(headers, body, verifier)
    }

    fn is_signed(&self) -> bool {
        (**self).is_signed()
    }
}

/// The handshakes of a layer.
pub(crate) type Handshakes = Arc<[Arc<dyn Handshake>]>;

/// The decoded value of the query parameter `name`, if present.
pub(crate) fn query_param(parts: &Parts, name: &str) -> Option<String> {
    let query = parts.uri.query()?;
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// A header's text, trimmed; none when absent, empty or not visible ASCII.
pub(crate) fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// The longest challenge the layer echoes, in bytes.
pub(crate) const MAX_CHALLENGE_LEN: usize = 512;

/// Whether `challenge` may be echoed: 1 to 512 bytes of letters, digits, space and
/// `-._~:/+=,;@!*()` (no markup, quotes or control characters), so a reflected challenge cannot
/// carry a script, whatever the client makes of the response.
pub(crate) fn is_reflectable(challenge: &str) -> bool {
    !challenge.is_empty()
        && challenge.len() <= MAX_CHALLENGE_LEN
        && challenge
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b" -._~:/+=,;@!*()".contains(&byte))
}

/// Whether `token` is 1 to `max` bytes of letters, digits and `extra`.
pub(crate) fn is_token(token: &str, max: usize, extra: &[u8]) -> bool {
    !token.is_empty()
        && token.len() <= max
        && token
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || extra.contains(&byte))
}

/// 200 echoing `challenge` as `text/plain` with `nosniff`, or 400 when it is absent or not
/// [reflectable](is_reflectable).
pub(crate) fn reflect(challenge: Option<String>) -> Answer {
    match challenge {
        Some(challenge) if is_reflectable(&challenge) => text(StatusCode::OK, challenge),
        _ => invalid_challenge(),
    }
}
