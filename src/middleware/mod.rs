//! The tower middleware: [`VerifyWebhookLayer`] builds [`VerifyWebhook`] around any service.
//!
//! # The request path
//!
//! For every request, in this order (the README's list, and the names the code uses):
//!
//! 1. **Tenant**: with
//!    [`for_tenants`](VerifyWebhookLayer::for_tenants), the request's verifier, from the cache
//!    or the source under a deadline; an unknown tenant meets a decoy that refuses every request.
//! 2. **Handshakes answered before verification**, if configured.
//! 3. **Methods the layer does not verify**: GET, HEAD, OPTIONS and TRACE by default go on
//!    untouched and without a [`Verified`](crate::Verified).
//! 4. **Header checks**, at the first poll and before any body byte is read: the signature
//!    header, the timestamp, the signed headers.
//! 5. **The declared length**: a `Content-Length` over the limit is refused.
//! 6. **The body**, read under the limit and the whole-body deadline, each frame fed to the MAC
//!    as it arrives.
//! 7. **The verdict**, in constant time.
//! 8. **Delivery**, on success: a signed handshake is answered; the delivery is claimed when
//!    the layer deduplicates; the inner service is called with the verified bytes and a
//!    [`Verified`](crate::Verified); its answer completes or releases the claim.
//! 9. **Refusal**, on failure: the inner service is never called; the [`MakeRejection`]
//!    answers.
//!
//! A request for a plain HMAC scheme passes through six files of this module, in this order:
//! `service.rs` (step 1), `settings.rs` (steps 2 and 3), `future/mod.rs` (which only
//! dispatches), `future/read.rs` (steps 4–7), `future/deliver.rs` (step 8) and `body.rs` (the
//! bodies handed on); the verification itself is [`Verifier`](crate::Verifier)'s, and its proof
//! is [`Verified`](crate::Verified). Rarer paths have their own: `future/resolve.rs` for a tenant
//! looked up from its source, `response.rs` for what the layer writes itself.
//!
//! # Responses
//!
//! Every response the layer writes itself (a rejection by the [`DefaultRejection`], a duplicate,
//! a delivery in flight, a store outage, a refused challenge) has the body
//! `{"error": "<code>", "message": "<text>"}`, with `Content-Type: application/json` and
//! `X-Content-Type-Options: nosniff`. The code is stable and machine-readable; the text is for
//! people and never quotes a signature or a secret. The only other bodies are the answers a
//! provider's handshake documents.
//!
//! | answer | status | `error` | headers |
//! | --- | --- | --- | --- |
//! | a rejection | see [`WebhookError::status`](crate::WebhookError::status) | [`WebhookError::code`](crate::WebhookError::code) | |
//! | a delivery handled already | 200 | `duplicate_delivery` | `webhook-duplicate: true` |
//! | a delivery being handled now | 409 | `delivery_in_flight` | `webhook-duplicate: true`, `Retry-After: 5` |
//! | the dedup store unreachable | 503 | `dedup_store_unavailable` | `Retry-After: 30` |
//! | the tenants' source unreachable | 503 | `tenant_source_unavailable` | `Retry-After: 30` |
//! | a challenge the layer will not echo | 400 | `invalid_challenge` | |
//! | a subscription check with the wrong verify token | 403 | `verify_token_mismatch` | |
//!
//! Only rejections go through the [`MakeRejection`]. The others are fixed on purpose: their
//! status is what makes a provider stop (200) or retry (409, 503), so a hook that could answer a
//! store outage with a 200 would lose the delivery. An outer layer can still restyle their
//! bodies, keeping the status.

mod body;
mod future;
mod layer;
mod rejection;
pub(crate) mod response;
mod service;
pub(crate) mod settings;

pub use body::{RequestBody, ResponseBody};
pub use future::ResponseFuture;
pub use layer::{VerifyWebhookLayer, DEFAULT_BODY_LIMIT};
pub use rejection::{DefaultRejection, MakeRejection, RejectionLog};
pub use service::VerifyWebhook;
pub use settings::VerifyMethods;

#[cfg(test)]
mod tests {
    /// The bold names of a numbered list's items, in order.
    fn steps(text: &str) -> Vec<String> {
        text.lines()
            .map(|line| line.trim_start_matches("//!").trim_start())
            .filter_map(|line| {
                let (number, rest) = line.split_once(". **")?;
                number.parse::<u8>().ok()?;
                Some(rest.split("**").next()?.to_owned())
            })
            .collect()
    }

    #[test]
    fn the_readme_and_the_code_number_the_steps_alike() {
        let code = steps(include_str!("mod.rs"));
        let readme = steps(include_str!("../../README.md"));
        assert_eq!(code.len(), 9, "{code:?}");
        assert!(
            readme.windows(9).any(|w| w == code),
            "{readme:?} vs {code:?}"
        );
    }
}
