#![doc = include_str!("../README.md")]
//!
//! ## Cargo features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `axum` | yes | the extractors [`VerifiedBody`] and [`VerifiedForm`], `IntoResponse` for [`WebhookError`], closures returning `impl IntoResponse` in [`VerifyWebhookLayer::on_rejection`] |
//! | `json` | yes | the [`VerifiedWebhook`] extractor (with `axum`), through `serde_json` |
//! | `tracing` | yes | a `tracing` event for every rejection, at a level you choose |
//! | `timeout` | yes | the whole-body deadline ([`VerifyWebhookLayer::body_timeout`]), on tokio's timer |
//! | `ed25519` | yes | Ed25519 presets (Discord, Telnyx, Standard Webhooks `v1a`) |
//! | `ecdsa` | yes | ECDSA P-256 presets (SendGrid) |
//! | `rsa` | yes | RSA PKCS#1 v1.5 presets with a configured certificate (PayPal, AWS SNS) |
//! | `redis` | no | [`dedup::RedisStore`](crate::dedup): deliveries deduplicated across instances |
//!
//! Without default features the crate needs only `http`, `http-body`, `http-body-util`,
//! `tower-layer`, `tower-service`, `bytes`, `pin-project-lite` and the RustCrypto crates: the
//! [`Verifier`], the [`Signer`] and the layer work in any tower stack.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

mod body;
pub mod certificates;
pub mod dedup;
mod delivery;
mod error;
#[cfg(feature = "axum")]
mod extract;
mod future;
pub mod handshake;
mod layer;
pub mod presets;
mod rejection;
mod scheme;
mod service;
mod sign;
pub mod tenant;
mod verified;
mod verify;

pub use body::{RequestBody, ResponseBody};
pub use delivery::{Delivery, Field};
pub use error::{ConfigError, WebhookError};
#[cfg(all(feature = "axum", feature = "json"))]
pub use extract::VerifiedWebhook;
#[cfg(feature = "axum")]
pub use extract::{VerifiedBody, VerifiedForm, VerifiedRejection};
pub use future::ResponseFuture;
pub use layer::{VerifyMethods, VerifyWebhookLayer, DEFAULT_BODY_LIMIT};
pub use rejection::{DefaultRejection, MakeRejection, RejectionLog};
pub use scheme::Scheme;
pub use service::VerifyWebhook;
pub use sign::{SignError, Signer};
pub use verified::Verified;
pub use verify::{
    algorithm::Algorithm,
    encoding::Encoding,
    keys::SecretFormat,
    method::Method,
    signature_header::SignatureFormat,
    signed_content::SignedContent,
    timestamp::{TimestampFormat, DEFAULT_TOLERANCE},
    Verifier,
};
