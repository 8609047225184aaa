#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

pub mod certificates;
pub mod dedup;
mod delivery;
mod error;
#[cfg(feature = "axum")]
mod extract;
pub mod handshake;
pub mod middleware;
pub mod presets;
mod scheme;
mod sign;
pub mod tenant;
mod verified;
mod verify;

pub use delivery::{Delivery, Field};
pub use error::{ConfigError, WebhookError};
#[cfg(all(feature = "axum", feature = "json"))]
pub use extract::VerifiedWebhook;
#[cfg(feature = "axum")]
pub use extract::{DeserializeError, VerifiedBody, VerifiedForm, VerifiedRejection};
#[doc(no_inline)]
pub use middleware::{
    DefaultRejection, MakeRejection, RejectionLog, RequestBody, ResponseBody, ResponseFuture,
    VerifyMethods, VerifyWebhook, VerifyWebhookLayer, DEFAULT_BODY_LIMIT,
};
pub use scheme::Scheme;
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
