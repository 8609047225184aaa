#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

mod algorithm;
mod body_buffer;
mod config_error;
mod encoding;
mod error;
mod extract;
mod future;
mod layer;
pub mod providers;
mod rejection;
mod scheme;
mod service;
mod signer;
mod verified;
mod verifier;

pub use algorithm::Algorithm;
pub use config_error::ConfigError;
pub use encoding::Encoding;
pub use error::WebhookError;
pub use extract::{
    FromVerifiedBytes, VerifiedBody, VerifiedForm, VerifiedRejection, VerifiedWebhook,
};
pub use future::ResponseFuture;
pub use layer::{VerifyWebhookLayer, DEFAULT_BODY_LIMIT};
pub use rejection::{DefaultRejection, MakeRejection};
pub use scheme::{
    timestamp::DEFAULT_TOLERANCE, Scheme, SecretFormat, SignatureFormat, SignedContent,
};
pub use service::VerifyWebhook;
pub use signer::Signer;
pub use verified::Verified;
pub use verifier::{PendingVerification, Verifier};
