//! The `webhook` span of a delivery (target `tower_webhook::delivery`, level INFO), with its
//! scheme, id, event type, attempt and secret id; nothing without the `tracing` feature.

use crate::Delivery;

#[cfg(feature = "tracing")]
#[derive(Debug)]
pub(crate) struct Span(tracing::Span);

#[cfg(feature = "tracing")]
impl Span {
    pub(crate) fn none() -> Self {
        Span(tracing::Span::none())
    }

    /// Whether a subscriber listens for delivery spans.
    pub(crate) fn wanted() -> bool {
        tracing::enabled!(target: "tower_webhook::delivery", tracing::Level::INFO)
    }

    pub(crate) fn of(delivery: &Delivery) -> Self {
        Span(tracing::info_span!(
            target: "tower_webhook::delivery",
            "webhook",
            scheme = delivery.scheme(),
            delivery_id = delivery.id(),
            event_type = delivery.event_type(),
            attempt = delivery.attempt(),
            secret_id = delivery.secret_id(),
        ))
    }

    pub(crate) fn enter(&self) -> tracing::span::Entered<'_> {
        self.0.enter()
    }

    pub(crate) fn in_scope<T>(&self, f: impl FnOnce() -> T) -> T {
        self.0.in_scope(f)
    }
}

#[cfg(not(feature = "tracing"))]
#[derive(Debug)]
pub(crate) struct Span;

/// What entering no span gives.
#[cfg(not(feature = "tracing"))]
pub(crate) struct NotEntered;

#[cfg(not(feature = "tracing"))]
impl Span {
    pub(crate) fn none() -> Self {
        Span
    }

    pub(crate) fn wanted() -> bool {
        false
    }

    pub(crate) fn of(_: &Delivery) -> Self {
        Span
    }

    pub(crate) fn enter(&self) -> NotEntered {
        NotEntered
    }

    pub(crate) fn in_scope<T>(&self, f: impl FnOnce() -> T) -> T {
        f()
    }
}
