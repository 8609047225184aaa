//! Timestamps: strict parsing and the replay window.

use crate::WebhookError;
use std::{
    fmt,
    sync::Arc,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

/// The replay window used unless configured otherwise: five minutes, as Stripe, Slack and
/// Standard Webhooks recommend.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Parses a count of seconds since the Unix epoch: ASCII digits only (no sign, no spaces, no
/// exponent), no more than fits in an `i64`.
fn parse_seconds(raw: &[u8]) -> Result<u64, WebhookError> {
    let malformed = |reason| WebhookError::MalformedTimestamp { reason };
    if raw.is_empty() {
        return Err(malformed("it is empty"));
    }
    if raw.len() > 19 {
        return Err(malformed("it is out of range"));
    }
    let mut seconds: u64 = 0;
    for &byte in raw {
        if !byte.is_ascii_digit() {
            return Err(malformed("it is not a whole number of seconds"));
        }
        seconds = seconds
            .checked_mul(10)
            .and_then(|seconds| seconds.checked_add(u64::from(byte - b'0')))
            .filter(|&seconds| seconds <= i64::MAX as u64)
            .ok_or(malformed("it is out of range"))?;
    }
    Ok(seconds)
}

/// A timestamp read from the request: its digits as received (at most 19, held inline, to be
/// signed as they came) and their value.
#[derive(Clone, Copy)]
pub(crate) struct Timestamp {
    digits: [u8; 19],
    len: u8,
    seconds: u64,
}

impl Timestamp {
    /// Parses strictly (see [`parse_seconds`]).
    pub(crate) fn parse(raw: &[u8]) -> Result<Self, WebhookError> {
        let seconds = parse_seconds(raw)?;
        let mut digits = [0; 19];
        digits[..raw.len()].copy_from_slice(raw);
        Ok(Timestamp {
            digits,
            len: raw.len() as u8,
            seconds,
        })
    }

    pub(crate) fn digits(&self) -> &[u8] {
        &self.digits[..usize::from(self.len)]
    }

    pub(crate) fn seconds(&self) -> u64 {
        self.seconds
    }

    /// Checks the timestamp against `now`, in both directions.
    pub(crate) fn check_window(&self, now: u64, tolerance: Duration) -> Result<(), WebhookError> {
        check_window(self.seconds, now, tolerance)
    }
}

/// Checks `timestamp` against `now` in both directions; the edges themselves are accepted.
fn check_window(timestamp: u64, now: u64, tolerance: Duration) -> Result<(), WebhookError> {
    if timestamp.abs_diff(now) <= tolerance.as_secs() {
        Ok(())
    } else {
        Err(WebhookError::TimestampOutOfTolerance {
            future: timestamp > now,
        })
    }
}

/// Where "now" comes from. The default is the system clock; tests inject a fixed one.
#[derive(Clone)]
pub(crate) struct Clock(Option<Arc<dyn Fn() -> SystemTime + Send + Sync>>);

impl Clock {
    pub(crate) fn system() -> Self {
        Clock(None)
    }

    pub(crate) fn custom(now: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        Clock(Some(Arc::new(now)))
    }

    /// Seconds since the Unix epoch (0 for a clock set before it).
    pub(crate) fn now_seconds(&self) -> u64 {
        let now = match &self.0 {
            Some(now) => now(),
            None => SystemTime::now(),
        };
        now.duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs())
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Clock(custom)"
        } else {
            "Clock(system)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_digits() {
        assert_eq!(parse_seconds(b"1531420618").unwrap(), 1_531_420_618);
        assert_eq!(parse_seconds(b"0").unwrap(), 0);
    }

    #[test]
    fn rejects_anything_but_digits() {
        for raw in [
            &b""[..],
            b"-1",
            b"+123",
            b" 123",
            b"123 ",
            b"1e3",
            b"12.5",
            b"0x10",
            b"\xff",
        ] {
            assert!(
                matches!(
                    parse_seconds(raw),
                    Err(WebhookError::MalformedTimestamp { .. })
                ),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn rejects_overflow() {
        assert!(parse_seconds(i64::MAX.to_string().as_bytes()).is_ok());
        assert!(parse_seconds(b"9223372036854775808").is_err());
        assert!(parse_seconds(b"99999999999999999999999").is_err());
    }

    #[test]
    fn window_is_inclusive_and_two_sided() {
        let tolerance = Duration::from_secs(300);
        assert!(check_window(1000, 1300, tolerance).is_ok());
        assert!(check_window(1600, 1300, tolerance).is_ok());
        assert!(matches!(
            check_window(999, 1300, tolerance),
            Err(WebhookError::TimestampOutOfTolerance { future: false })
        ));
        assert!(matches!(
            check_window(1601, 1300, tolerance),
            Err(WebhookError::TimestampOutOfTolerance { future: true })
        ));
    }

    #[test]
    fn milliseconds_fall_outside_the_window() {
        let now = 1_700_000_000;
        assert!(check_window(now * 1000, now, DEFAULT_TOLERANCE).is_err());
    }
}
