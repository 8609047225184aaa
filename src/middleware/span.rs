//! The `webhook` span of a delivery (target `tower_webhook::delivery`, level INFO), with its
//! scheme, id, event type, attempt and secret id; nothing without the `tracing` feature.

use crate::Delivery;

/// `None` on the direct path, which then neither enters nor drops a `tracing::Span` (together
/// about 45 instructions per request, callgrind, even for a disabled one).
#[cfg(feature = "tracing")]
#[derive(Debug)]
pub(crate) struct Span(Option<tracing::Span>);

#[cfg(feature = "tracing")]
impl Span {
    pub(crate) fn none() -> Self {
        Span(None)
    }

    /// Whether a subscriber listens for delivery spans.
    pub(crate) fn wanted() -> bool {
        tracing::enabled!(target: "tower_webhook::delivery", tracing::Level::INFO)
    }

    pub(crate) fn of(delivery: &Delivery) -> Self {
        Span(Some(tracing::info_span!(
            target: "tower_webhook::delivery",
            "webhook",
            scheme = delivery.scheme(),
            delivery_id = delivery.id(),
            event_type = delivery.event_type(),
            attempt = delivery.attempt(),
            secret_id = delivery.secret_id(),
        )))
    }

    pub(crate) fn enter(&self) -> Option<tracing::span::Entered<'_>> {
        self.0.as_ref().map(tracing::Span::enter)
    }

    pub(crate) fn in_scope<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.0 {
            Some(span) => span.in_scope(f),
            None => f(),
        }
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
