//! Step 1 in the future: waiting for the request's tenant's verifier.

use super::State;
use crate::{
    dedup::StoreError,
    middleware::{body::RequestBody, response, settings::Settings, MakeRejection},
    tenant::VerifierFuture,
    Verifier,
};
use bytes::Bytes;
use http::{request::Parts, Request};
use http_body::Body;
use std::sync::Arc;
use tower_service::Service;

/// The request that waits for its tenant's verifier.
pub(super) struct Resolving<S, B, R> {
    inner: S,
    parts: Parts,
    body: B,
    settings: Arc<Settings>,
    rejection: R,
}

/// The state that waits for `lookup`.
#[inline(always)]
pub(super) fn waiting<S, B, R>(
    lookup: VerifierFuture,
    inner: S,
    parts: Parts,
    body: B,
    settings: Arc<Settings>,
    rejection: R,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    R: MakeRejection,
{
    State::Resolving {
        lookup,
        request: Some(Resolving {
            inner,
            parts,
            body,
            settings,
            rejection,
        }),
    }
}

/// The tenant's verifier has been looked up: steps 2 onwards with it (the decoy's, for an
/// unknown tenant), or 503 when the source of secrets could not be reached.
#[inline(never)]
pub(super) fn resolved<S, B, R>(
    request: Resolving<S, B, R>,
    resolved: Result<Option<Verifier>, StoreError>,
) -> State<S, B, R>
where
    S: Service<Request<RequestBody<B>>>,
    B: Body<Data = Bytes>,
    R: MakeRejection,
{
    let Resolving {
        inner,
        parts,
        body,
        settings,
        rejection,
    } = request;
    match resolved {
        Ok(verifier) => {
            let settings = settings.for_tenant(verifier);
            State::start(inner, parts, body, &settings, &rejection)
        }
        Err(_error) => {
            #[cfg(feature = "tracing")]
            tracing::error!(target: "tower_webhook::tenant", "{_error}; answered 503");
            State::answered(response::unavailable("tenant_source_unavailable"))
        }
    }
}
