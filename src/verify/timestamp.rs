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

/// How a timestamp is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TimestampFormat {
    /// Whole seconds since the Unix epoch (Stripe, Slack, Standard Webhooks). The default.
    #[default]
    Seconds,
    /// Whole milliseconds since the Unix epoch (HubSpot v3, Webflow, WorkOS, Recurly).
    Milliseconds,
    /// An RFC 3339 date-time such as `2023-07-19T10:11:12.123Z` (Twitch, Box).
    Rfc3339,
}

/// The longest timestamp considered, in bytes.
const MAX_TIMESTAMP_LEN: usize = 40;

/// Parses a count since the Unix epoch: ASCII digits only (no sign, no spaces, no exponent), no
/// more than fits in an `i64`.
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

/// A timestamp read from the request: its text as received (held inline, to be signed as it
/// came) and its value in whole seconds.
#[derive(Clone, Copy)]
pub(crate) struct Timestamp {
    digits: [u8; MAX_TIMESTAMP_LEN],
    len: u8,
    seconds: u64,
}

impl Timestamp {
    /// Parses strictly in `format`.
    pub(crate) fn parse(raw: &[u8], format: TimestampFormat) -> Result<Self, WebhookError> {
        let malformed = |reason| WebhookError::MalformedTimestamp { reason };
        if raw.len() > MAX_TIMESTAMP_LEN {
            return Err(malformed("it is out of range"));
        }
        let seconds = match format {
            TimestampFormat::Seconds => parse_seconds(raw)?,
            TimestampFormat::Milliseconds => parse_seconds(raw)? / 1000,
            TimestampFormat::Rfc3339 => {
                let text = std::str::from_utf8(raw).map_err(|_| malformed("it is not text"))?;
                let time = time::OffsetDateTime::parse(
                    text,
                    &time::format_description::well_known::Rfc3339,
                )
                .map_err(|_| malformed("it is not an RFC 3339 date-time"))?;
                u64::try_from(time.unix_timestamp())
                    .map_err(|_| malformed("it is before the Unix epoch"))?
            }
        };
        let mut digits = [0; MAX_TIMESTAMP_LEN];
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
    fn milliseconds_and_rfc_3339_are_read_in_their_format() {
        let ms = Timestamp::parse(b"1700000000123", TimestampFormat::Milliseconds).unwrap();
        assert_eq!(ms.seconds(), 1_700_000_000);
        assert_eq!(ms.digits(), b"1700000000123");
        // python3 -c 'import datetime; print(int(datetime.datetime.fromisoformat("2023-11-14T22:13:20.5+01:00").timestamp()))'
        let rfc =
            Timestamp::parse(b"2023-11-14T22:13:20.5+01:00", TimestampFormat::Rfc3339).unwrap();
        assert_eq!(rfc.seconds(), 1_699_996_400);
        for bad in [&b"2023-11-14"[..], b"1700000000", b"2023-11-14T22:13:20"] {
            assert!(Timestamp::parse(bad, TimestampFormat::Rfc3339).is_err());
        }
        assert!(Timestamp::parse(&[b'1'; 41], TimestampFormat::Seconds).is_err());
    }

    #[test]
    fn milliseconds_fall_outside_the_window() {
        let now = 1_700_000_000;
        assert!(check_window(now * 1000, now, DEFAULT_TOLERANCE).is_err());
    }
}
