//! [`Settings`]: what every request of a layer shares, and [`VerifyMethods`].

use crate::{
    dedup::Deduplicate,
    handshake::{Answer, Handshakes},
    tenant::Tenants,
    RejectionLog, Verifier,
};
use http::{request::Parts, HeaderMap, Method};
use std::{sync::Arc, time::Duration};

/// Everything the service needs besides the rejection maker, behind one `Arc`: applying the
/// layer, and each request's future, cost a reference count.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub(crate) verifier: Verifier,
    pub(crate) limit: usize,
    pub(crate) methods: VerifyMethods,
    pub(crate) log: RejectionLog,
    pub(crate) body_timeout: Option<Duration>,
    pub(crate) dedup: Option<Deduplicate>,
    pub(crate) handshakes: Handshakes,
    pub(crate) tenants: Option<Tenants>,
}

impl Settings {
    /// These settings with a tenant's verifier (the decoy, already in place, for an unknown
    /// tenant).
    pub(crate) fn for_tenant(self: &Arc<Self>, verifier: Option<Verifier>) -> Arc<Settings> {
        match verifier {
            Some(verifier) => {
                let mut settings = Settings::clone(self);
                settings.verifier = verifier;
                Arc::new(settings)
            }
            None => Arc::clone(self),
        }
    }

    /// Step 2: the answer to an unsigned handshake, if the request is one.
    #[inline]
    pub(crate) fn answer_before(&self, parts: &Parts) -> Option<Answer> {
        self.handshakes
            .iter()
            .find_map(|handshake| handshake.before(parts, &self.verifier))
    }

    /// Whether a handshake is answered after verification (a signed one).
    #[inline]
    pub(crate) fn answers_after(&self) -> bool {
        self.handshakes
            .iter()
            .any(|handshake| handshake.is_signed())
    }

    /// Step 8: the answer to a signed handshake, once its signature passed, if the request is
    /// one.
    pub(crate) fn answer_after(&self, headers: &HeaderMap, body: &[u8]) -> Option<Answer> {
        self.handshakes
            .iter()
            .filter(|handshake| handshake.is_signed())
            .find_map(|handshake| handshake.after(headers, body, &self.verifier))
    }
}

/// Which requests the layer verifies, set with
/// [`VerifyWebhookLayer::verify_methods`](crate::VerifyWebhookLayer::verify_methods).
///
/// Requests it does not verify go on to the inner service untouched and carry no
/// [`Verified`](crate::Verified), so the verified extractors refuse them with 500: a handler that
/// needs a verified body can never get an unverified one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum VerifyMethods {
    /// Every method but the safe ones (RFC 9110 §9.2.1: GET, HEAD, OPTIONS, TRACE), which carry
    /// no webhook payload. The router answers those as usual (404, 405, or a handshake such as
    /// a `GET ?hub.challenge=` on the same path). The default.
    #[default]
    AllButSafe,
    /// Every request, whatever its method (for providers that can sign GET requests).
    All,
}

impl VerifyMethods {
    #[inline]
    pub(crate) fn verifies(self, method: &Method) -> bool {
        match self {
            VerifyMethods::All => true,
            VerifyMethods::AllButSafe => !matches!(
                *method,
                Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
            ),
        }
    }
}
