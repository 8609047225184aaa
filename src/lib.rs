#![doc = include_str!("../README.md")]
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
    method::SignatureMethod,
    signature_header::SignatureFormat,
    signed_content::SignedContent,
    timestamp::{TimestampFormat, DEFAULT_TOLERANCE},
    Verifier,
};

/// The former name of [`SignatureMethod`], which collided with `http::Method`.
#[deprecated(since = "0.3.0", note = "renamed `SignatureMethod`")]
pub type Method = SignatureMethod;
