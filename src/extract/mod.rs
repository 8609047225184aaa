//! axum extractors for verified content: [`VerifiedWebhook`], [`VerifiedBody`] and
//! [`VerifiedForm`] (the `axum` feature; `VerifiedWebhook` also needs `json`).

use crate::Verified;
use axum::{
    extract::FromRequestParts,
    response::{IntoResponse, Response},
};
use bytes::Bytes;
use http::{request::Parts, StatusCode};
use serde::de::DeserializeOwned;
use std::{fmt, ops::Deref};

/// The verified body, deserialized from JSON.
///
/// It reads the exact bytes that [`VerifyWebhookLayer`](crate::VerifyWebhookLayer) verified (from
/// the request's [`Verified`] extension), so the parser never sees unauthenticated bytes and axum's
/// `DefaultBodyLimit` does not apply on top of the layer's limit. `Content-Type` is not checked:
/// the provider's signature already vouches for the payload.
///
/// # Rejections
///
/// | when | status |
/// | --- | --- |
/// | no [`VerifyWebhookLayer`](crate::VerifyWebhookLayer) ran before the handler | 500 |
/// | the scheme does not sign the body (header-only schemes) | 500 |
/// | the verified bytes are not JSON | 400 |
/// | the JSON does not fit `T` | 422 |
///
/// ```
/// use axum::{routing::post, Router};
/// use serde::Deserialize;
/// use tower_webhook::{Scheme, VerifiedWebhook, VerifyWebhookLayer};
///
/// #[derive(Deserialize)]
/// struct AmioEvent {
///     event: String,
/// }
///
/// async fn on_event(VerifiedWebhook(event): VerifiedWebhook<AmioEvent>) -> String {
///     event.event
/// }
///
/// let app: Router = Router::new()
///     .route("/webhooks/amio", post(on_event).layer(VerifyWebhookLayer::new(Scheme::amio(), "secret")?));
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct VerifiedWebhook<T>(pub T);

/// The verified body as raw bytes (`Bytes`, the default, or `Vec<u8>`) or as text (`String`).
///
/// Rejections as for [`VerifiedWebhook`], and 400 for a `String` that is not UTF-8.
///
/// ```
/// use axum::{routing::post, Router};
/// use tower_webhook::{Scheme, VerifiedBody, VerifyWebhookLayer};
///
/// async fn raw(VerifiedBody(bytes): VerifiedBody) -> String {
///     format!("{} verified bytes", bytes.len())
/// }
/// async fn text(VerifiedBody(text): VerifiedBody<String>) -> String {
///     text
/// }
///
/// let app: Router = Router::new()
///     .route("/raw", post(raw))
///     .route("/text", post(text))
///     .route_layer(VerifyWebhookLayer::new(Scheme::qiscus(), "token")?);
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct VerifiedBody<T = Bytes>(pub T);

/// The verified body, deserialized from `application/x-www-form-urlencoded` (Slack slash
/// commands, Twilio). Rejections as for [`VerifiedWebhook`], with 422 for a body that does not
/// fit `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct VerifiedForm<T>(pub T);

/// Why a verified-content extractor failed.
///
/// Answered with its [status](Self::status) and the body every answer of this crate has,
/// `{"error": "<code>", "message": "<text>"}` (see [`code`](Self::code)).
#[derive(Debug)]
#[non_exhaustive]
pub enum VerifiedRejection {
    /// No verification happened: the layer is missing in front of this handler.
    MissingLayer,
    /// The scheme authenticates headers only, so there is no verified body to give.
    BodyNotSigned {
        /// The scheme's name.
        scheme: String,
    },
    /// The verified body is not valid JSON.
    #[cfg(feature = "json")]
    JsonSyntax(DeserializeError),
    /// The verified body is JSON of another shape than the target type.
    #[cfg(feature = "json")]
    JsonData(DeserializeError),
    /// The verified body is not valid UTF-8.
    InvalidUtf8,
    /// The verified body is not a form of the target type.
    Form(DeserializeError),
}

/// The parser's account of why the verified body does not fit the target type.
///
/// Opaque, so that the parsers' own error types (`serde_json`'s, `serde_urlencoded`'s) are not
/// part of this crate's API; the parser's error is its [`source`](std::error::Error::source).
#[derive(Debug)]
pub struct DeserializeError(Box<dyn std::error::Error + Send + Sync>);

impl DeserializeError {
    fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        DeserializeError(Box::new(error))
    }
}

impl fmt::Display for DeserializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for DeserializeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

impl VerifiedRejection {
    /// The HTTP status of the rejection.
    pub fn status(&self) -> StatusCode {
        match self {
            VerifiedRejection::MissingLayer | VerifiedRejection::BodyNotSigned { .. } => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            #[cfg(feature = "json")]
            VerifiedRejection::JsonSyntax(_) => StatusCode::BAD_REQUEST,
            VerifiedRejection::InvalidUtf8 => StatusCode::BAD_REQUEST,
            #[cfg(feature = "json")]
            VerifiedRejection::JsonData(_) => StatusCode::UNPROCESSABLE_ENTITY,
            VerifiedRejection::Form(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// A stable, machine-readable code such as `"json_syntax"`.
    pub fn code(&self) -> &'static str {
        match self {
            VerifiedRejection::MissingLayer => "missing_layer",
            VerifiedRejection::BodyNotSigned { .. } => "body_not_signed",
            #[cfg(feature = "json")]
            VerifiedRejection::JsonSyntax(_) => "json_syntax",
            #[cfg(feature = "json")]
            VerifiedRejection::JsonData(_) => "json_data",
            VerifiedRejection::InvalidUtf8 => "invalid_utf8",
            VerifiedRejection::Form(_) => "invalid_form",
        }
    }

    /// The response body: `{"error": "<code>", "message": "<text>"}`, as for every answer of
    /// this crate (see [`WebhookError::body_text`](crate::WebhookError::body_text)).
    pub fn body_text(&self) -> String {
        crate::middleware::response::error_body(self.code(), &self.to_string())
    }
}

impl fmt::Display for VerifiedRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifiedRejection::MissingLayer => f.write_str(
                "No verified webhook found for this request. \
                 Is `VerifyWebhookLayer` applied to this route?",
            ),
            VerifiedRejection::BodyNotSigned { scheme } => write!(
                f,
                "The `{scheme}` scheme does not sign the body, so there is no verified body to \
                 extract; read it as untrusted input instead",
            ),
            #[cfg(feature = "json")]
            VerifiedRejection::JsonSyntax(error) => {
                write!(f, "Failed to parse the verified body as JSON: {error}")
            }
            #[cfg(feature = "json")]
            VerifiedRejection::JsonData(error) => write!(
                f,
                "Failed to deserialize the verified JSON body into the target type: {error}"
            ),
            VerifiedRejection::InvalidUtf8 => f.write_str("The verified body is not valid UTF-8"),
            VerifiedRejection::Form(error) => write!(
                f,
                "Failed to deserialize the verified form body into the target type: {error}"
            ),
        }
    }
}

impl std::error::Error for VerifiedRejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            #[cfg(feature = "json")]
            VerifiedRejection::JsonSyntax(error) | VerifiedRejection::JsonData(error) => {
                Some(error)
            }
            VerifiedRejection::Form(error) => Some(error),
            VerifiedRejection::MissingLayer
            | VerifiedRejection::BodyNotSigned { .. }
            | VerifiedRejection::InvalidUtf8 => None,
        }
    }
}

impl IntoResponse for VerifiedRejection {
    fn into_response(self) -> Response {
        #[cfg(feature = "tracing")]
        tracing::debug!(
            target: "tower_webhook::rejection",
            status = self.status().as_u16(),
            code = self.code(),
            "rejected verified content: {self}",
        );
        crate::middleware::response::error(self.status(), self.code(), &self.to_string())
            .map(axum::body::Body::new)
    }
}

/// The verified bytes in the request's extensions.
fn verified_body(parts: &Parts) -> Result<&Bytes, VerifiedRejection> {
    let verified = parts
        .extensions
        .get::<Verified>()
        .ok_or(VerifiedRejection::MissingLayer)?;
    verified
        .body()
        .ok_or_else(|| VerifiedRejection::BodyNotSigned {
            scheme: verified.scheme().to_owned(),
        })
}

#[cfg(feature = "json")]
impl<T, S> FromRequestParts<S> for VerifiedWebhook<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = VerifiedRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let body = verified_body(parts)?;
        serde_json::from_slice(body)
            .map(VerifiedWebhook)
            .map_err(|error| match error.classify() {
                serde_json::error::Category::Data => {
                    VerifiedRejection::JsonData(DeserializeError::new(error))
                }
                _ => VerifiedRejection::JsonSyntax(DeserializeError::new(error)),
            })
    }
}

mod sealed {
    use super::VerifiedRejection;
    use bytes::Bytes;

    /// A type [`VerifiedBody`](super::VerifiedBody) can give the verified bytes as: `Bytes`,
    /// `Vec<u8>` or `String`. Sealed.
    pub trait FromVerifiedBytes: Sized {
        fn from_verified_bytes(bytes: &Bytes) -> Result<Self, VerifiedRejection>;
    }
}
use sealed::FromVerifiedBytes;

impl FromVerifiedBytes for Bytes {
    fn from_verified_bytes(bytes: &Bytes) -> Result<Self, VerifiedRejection> {
        Ok(bytes.clone())
    }
}

impl FromVerifiedBytes for Vec<u8> {
    fn from_verified_bytes(bytes: &Bytes) -> Result<Self, VerifiedRejection> {
        Ok(bytes.to_vec())
    }
}

impl FromVerifiedBytes for String {
    fn from_verified_bytes(bytes: &Bytes) -> Result<Self, VerifiedRejection> {
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| VerifiedRejection::InvalidUtf8)
    }
}

impl<T, S> FromRequestParts<S> for VerifiedBody<T>
where
    T: FromVerifiedBytes,
    S: Send + Sync,
{
    type Rejection = VerifiedRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        T::from_verified_bytes(verified_body(parts)?).map(VerifiedBody)
    }
}

impl<T, S> FromRequestParts<S> for VerifiedForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = VerifiedRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        serde_urlencoded::from_bytes(verified_body(parts)?)
            .map(VerifiedForm)
            .map_err(|error| VerifiedRejection::Form(DeserializeError::new(error)))
    }
}

macro_rules! impl_deref {
    ($($name:ident),*) => {$(
        impl<T> Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }
    )*};
}

impl_deref!(VerifiedBody, VerifiedForm);
#[cfg(feature = "json")]
impl_deref!(VerifiedWebhook);

/// The [`Delivery`](crate::Delivery) of a verified request, read where its scheme says (the
/// one the layer computed, if it did).
///
/// # Rejections
///
/// | when | status |
/// | --- | --- |
/// | no [`VerifyWebhookLayer`](crate::VerifyWebhookLayer) verified the request | 500 |
///
/// ```
/// use axum::{routing::post, Router};
/// use tower_webhook::{Delivery, Scheme, VerifyWebhookLayer};
///
/// async fn on_event(delivery: Delivery) -> String {
///     format!("{:?} {:?}", delivery.id(), delivery.event_type())
/// }
///
/// let app: Router = Router::new()
///     .route("/github", post(on_event).layer(VerifyWebhookLayer::new(Scheme::github(), "secret")?));
/// # Ok::<(), tower_webhook::ConfigError>(())
/// ```
impl<S> FromRequestParts<S> for crate::Delivery
where
    S: Send + Sync,
{
    type Rejection = VerifiedRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        if let Some(delivery) = parts.extensions.get::<crate::Delivery>() {
            return Ok(delivery.clone());
        }
        let verified = parts
            .extensions
            .get::<Verified>()
            .ok_or(VerifiedRejection::MissingLayer)?;
        let body = verified.body().map_or(&[][..], |body| &body[..]);
        let head = crate::verify::Head::of(&parts.method, &parts.uri, &parts.headers);
        Ok(crate::Delivery::of(verified, &head, body, true))
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn the_parsers_error_is_the_source_not_part_of_the_type() {
        let parsed = serde_json::from_str::<serde_json::Value>("{not json").unwrap_err();
        let expected = parsed.to_string();
        let rejection = VerifiedRejection::JsonSyntax(DeserializeError::new(parsed));
        let wrapped = rejection.source().expect("the wrapper");
        assert_eq!(wrapped.to_string(), expected);
        let parser = wrapped.source().expect("the parser's error");
        assert!(parser.downcast_ref::<serde_json::Error>().is_some());
        let body: serde_json::Value = serde_json::from_str(&rejection.body_text()).unwrap();
        assert_eq!(body["error"], "json_syntax");
        assert!(body["message"].as_str().unwrap().ends_with(&expected));
    }
}
