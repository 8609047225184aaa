//! How a signature header is laid out: [`SignatureFormat`], and its allocation-free parser.

use super::{
    compare::{Tag, MAX_TAG_LEN},
    encoding::DecodeError,
};
use crate::Encoding;
use std::borrow::Cow;

/// The most signatures one header may carry (providers send several while rotating secrets).
pub(crate) const MAX_CANDIDATES: usize = 8;

/// The longest signature header considered; a longer one is rejected without being decoded.
pub(crate) const MAX_HEADER_LEN: usize = 4096;

/// How the signature header's value is laid out.
///
/// ```
/// use tower_webhook::SignatureFormat;
///
/// // "sha256=<hex>" (GitHub)
/// let github = SignatureFormat::single("sha256=");
/// // "t=<ts>,v1=<hex>,v1=<hex>" (Stripe)
/// let stripe = SignatureFormat::key_value(',', "t", "v1");
/// // "v1,<base64> v1,<base64>" (Standard Webhooks)
/// let standard = SignatureFormat::list(' ', "v1,");
/// # let _ = (github, stripe, standard);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureFormat {
    pub(crate) kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    Single {
        prefix: Cow<'static, str>,
    },
    KeyValue {
        separator: char,
        timestamp_key: Cow<'static, str>,
        signature_key: Cow<'static, str>,
    },
    List {
        separator: char,
        prefix: Cow<'static, str>,
    },
}

/// What a well-formed signature header carries.
#[derive(Debug)]
pub(crate) struct Parsed<'a> {
    pub(crate) candidates: Candidates,
    /// The timestamp's raw digits, for formats that carry one.
    pub(crate) timestamp: Option<&'a [u8]>,
}

/// Decoded signatures: the first inline, any others (several `v1` during a rotation) in a `Vec`
/// that allocates only when there are more than one.
#[derive(Debug, Clone)]
pub(crate) struct Candidates {
    first: Tag,
    rest: Vec<Tag>,
    len: usize,
}

impl Candidates {
    fn new() -> Self {
        Candidates {
            first: Tag::empty(),
            rest: Vec::new(),
            len: 0,
        }
    }

    fn push(&mut self, tag: Tag) -> Result<(), &'static str> {
        if self.len == MAX_CANDIDATES {
            return Err("it carries more than 8 signatures");
        }
        if self.len == 0 {
            self.first = tag;
        } else {
            self.rest.push(tag);
        }
        self.len += 1;
        Ok(())
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Tag> {
        std::iter::once(&self.first)
            .take(self.len.min(1))
            .chain(self.rest.iter())
    }
}

impl SignatureFormat {
    /// The whole value is one signature, after an optional fixed prefix such as `"sha1="` (use
    /// `""` for none). The prefix is matched exactly, case included.
    pub fn single(prefix: impl Into<Cow<'static, str>>) -> Self {
        SignatureFormat {
            kind: Kind::Single {
                prefix: prefix.into(),
            },
        }
    }

    /// `key=value` items joined by `separator`, with the timestamp under `timestamp_key` (exactly
    /// once) and one or more signatures under `signature_key`; other keys are ignored. Stripe uses
    /// `(',', "t", "v1")`, Paddle `(';', "ts", "h1")`.
    pub fn key_value(
        separator: char,
        timestamp_key: impl Into<Cow<'static, str>>,
        signature_key: impl Into<Cow<'static, str>>,
    ) -> Self {
        SignatureFormat {
            kind: Kind::KeyValue {
                separator,
                timestamp_key: timestamp_key.into(),
                signature_key: signature_key.into(),
            },
        }
    }

    /// Signatures joined by `separator`, each starting with `prefix` (such as `"v1,"`); items
    /// with another prefix (other versions) are ignored, but at least one must match.
    pub fn list(separator: char, prefix: impl Into<Cow<'static, str>>) -> Self {
        SignatureFormat {
            kind: Kind::List {
                separator,
                prefix: prefix.into(),
            },
        }
    }

    /// Whether every fixed piece can appear in a header value and be matched byte-wise.
    pub(crate) fn is_visible_ascii(&self) -> bool {
        let text = |text: &str| text.bytes().all(|byte| byte.is_ascii_graphic());
        let separator = |separator: &char| *separator == ' ' || separator.is_ascii_graphic();
        match &self.kind {
            Kind::Single { prefix } => text(prefix),
            Kind::KeyValue {
                separator: sep,
                timestamp_key,
                signature_key,
            } => separator(sep) && text(timestamp_key) && text(signature_key),
            Kind::List {
                separator: sep,
                prefix,
            } => separator(sep) && text(prefix),
        }
    }

    /// Why a signature this format renders could never be parsed back, if so: keys that are
    /// empty, equal or contain a separator, separators that occur inside an encoded signature,
    /// and, as a last net, a rendered sample that does not parse to itself.
    pub(crate) fn check(&self, encoding: Encoding, digest_len: usize) -> Result<(), &'static str> {
        let in_alphabet = |separator: char| {
            let byte = separator as u32;
            byte < 128 && encoding.alphabet_contains(byte as u8)
        };
        match &self.kind {
            Kind::Single { .. } => {}
            Kind::KeyValue {
                separator,
                timestamp_key,
                signature_key,
            } => {
                if timestamp_key.is_empty() || signature_key.is_empty() {
                    return Err("a key=value format needs non-empty keys");
                }
                if timestamp_key == signature_key {
                    return Err("the timestamp and signature keys are the same");
                }
                if *separator == '=' || in_alphabet(*separator) || separator.is_ascii_digit() {
                    return Err("the separator can occur inside a value");
                }
                let bad_key = |key: &str| key.contains(*separator) || key.contains('=');
                if bad_key(timestamp_key) || bad_key(signature_key) {
                    return Err("a key contains the separator or '='");
                }
            }
            Kind::List { separator, prefix } => {
                if in_alphabet(*separator) {
                    return Err("the separator can occur inside an encoded signature");
                }
                if prefix.contains(*separator) {
                    return Err("the prefix contains the separator");
                }
            }
        }
        let timestamp = "1700000000";
        for sample in [
            [0xFB; MAX_TAG_LEN],
            [0xFF; MAX_TAG_LEN],
            [0x00; MAX_TAG_LEN],
        ] {
            let tag = &sample[..digest_len];
            let rendered = self.render(&[encoding.encode(tag)], Some(timestamp));
            let parsed = self
                .parse(rendered.as_bytes(), encoding, digest_len)
                .map_err(|_| "a signature in this format does not parse back")?;
            let round_trips = parsed.candidates.iter().any(|got| got.as_slice() == tag)
                && parsed
                    .timestamp
                    .is_none_or(|digits| digits == timestamp.as_bytes());
            if !round_trips {
                return Err("a signature in this format does not parse back to itself");
            }
        }
        Ok(())
    }

    /// Whether the format carries its own timestamp.
    pub(crate) fn carries_timestamp(&self) -> bool {
        matches!(self.kind, Kind::KeyValue { .. })
    }

    /// The prefix written before a single signature, for the signer.
    pub(crate) fn render(&self, signatures: &[String], timestamp: Option<&str>) -> String {
        match &self.kind {
            Kind::Single { prefix } => format!("{prefix}{}", signatures.join("")),
            Kind::KeyValue {
                separator,
                timestamp_key,
                signature_key,
            } => {
                let mut out = format!("{timestamp_key}={}", timestamp.unwrap_or_default());
                for signature in signatures {
                    out.push(*separator);
                    out.push_str(signature_key);
                    out.push('=');
                    out.push_str(signature);
                }
                out
            }
            Kind::List { separator, prefix } => signatures
                .iter()
                .map(|signature| format!("{prefix}{signature}"))
                .collect::<Vec<_>>()
                .join(&separator.to_string()),
        }
    }

    /// Parses a header value into decoded signatures (and a timestamp, where carried).
    ///
    /// Surrounding spaces and tabs are ignored, as HTTP defines them not to be part of a field
    /// value; anything else out of place makes the header malformed. The error is a reason that
    /// never quotes the value.
    pub(crate) fn parse<'a>(
        &self,
        value: &'a [u8],
        encoding: Encoding,
        digest_len: usize,
    ) -> Result<Parsed<'a>, &'static str> {
        if value.len() > MAX_HEADER_LEN {
            return Err("it is longer than any signature");
        }
        let value = value.trim_ascii();
        if value.is_empty() {
            return Err("it is empty");
        }
        let decode = |text: &[u8]| {
            encoding
                .decode(text, digest_len)
                .map_err(|error| match error {
                    DecodeError::Length => match encoding {
                        Encoding::Hex => "it is not the length of this algorithm's hex digest",
                        Encoding::Base64 => {
                            "it is not the length of this algorithm's base64 digest"
                        }
                    },
                    DecodeError::Alphabet => match encoding {
                        Encoding::Hex => "it is not hexadecimal",
                        Encoding::Base64 => "it is not padded standard base64",
                    },
                })
        };
        let mut candidates = Candidates::new();
        let mut timestamp = None;
        match &self.kind {
            Kind::Single { prefix } => {
                let encoded = value
                    .strip_prefix(prefix.as_bytes())
                    .ok_or("it does not start with the expected prefix")?;
                candidates.push(decode(encoded)?)?;
            }
            Kind::KeyValue {
                separator,
                timestamp_key,
                signature_key,
            } => {
                for item in split(value, *separator) {
                    let Some(eq) = item.iter().position(|&byte| byte == b'=') else {
                        return Err("an item is not of the form key=value");
                    };
                    let (key, value) = (&item[..eq], &item[eq + 1..]);
                    if key == timestamp_key.as_bytes() {
                        if timestamp.replace(value).is_some() {
                            return Err("it carries more than one timestamp");
                        }
                    } else if key == signature_key.as_bytes() {
                        candidates.push(decode(value)?)?;
                    }
                }
                if timestamp.is_none() {
                    return Err("it carries no timestamp");
                }
            }
            Kind::List { separator, prefix } => {
                for item in split(value, *separator) {
                    if let Some(encoded) = item.strip_prefix(prefix.as_bytes()) {
                        candidates.push(decode(encoded)?)?;
                    }
                }
            }
        }
        if candidates.len == 0 {
            return Err("it carries no signature of the expected version");
        }
        Ok(Parsed {
            candidates,
            timestamp,
        })
    }
}

/// Items between separators, trimmed, empty ones skipped.
fn split(value: &[u8], separator: char) -> impl Iterator<Item = &[u8]> {
    let mut buffer = [0u8; 4];
    let separator = separator.encode_utf8(&mut buffer).as_bytes()[0];
    value
        .split(move |&byte| byte == separator)
        .map(<[u8]>::trim_ascii)
        .filter(|item| !item.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX32: &str = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    fn single(prefix: &'static str, value: &str) -> Result<usize, &'static str> {
        SignatureFormat::single(prefix)
            .parse(value.as_bytes(), Encoding::Hex, 32)
            .map(|parsed| parsed.candidates.len)
    }

    #[test]
    fn single_with_prefix() {
        assert_eq!(single("sha256=", &format!("sha256={HEX32}")), Ok(1));
        assert!(single("sha256=", &format!("sha1={HEX32}")).is_err());
        assert!(single("sha256=", "sha256=").is_err());
        assert!(single("sha256=", "").is_err());
        assert!(single("sha256=", &format!("SHA256={HEX32}")).is_err());
    }

    #[test]
    fn surrounding_whitespace_is_ignored_inner_is_not() {
        assert_eq!(single("sha256=", &format!(" \tsha256={HEX32} ")), Ok(1));
        assert!(single("sha256=", &format!("sha256= {HEX32}")).is_err());
    }

    #[test]
    fn oversized_value_is_rejected_before_decoding() {
        let huge = "a".repeat(64 * 1024);
        assert_eq!(single("", &huge), Err("it is longer than any signature"));
    }

    #[test]
    fn key_value_collects_all_signatures_and_the_timestamp() {
        let value = format!("t=1492774577,v1={HEX32},v0=6ffbb59b,v1={HEX32}");
        let format = SignatureFormat::key_value(',', "t", "v1");
        let parsed = format.parse(value.as_bytes(), Encoding::Hex, 32).unwrap();
        assert_eq!(parsed.candidates.len, 2);
        assert_eq!(parsed.timestamp, Some(&b"1492774577"[..]));
    }

    #[test]
    fn key_value_needs_exactly_one_timestamp() {
        let format = SignatureFormat::key_value(',', "t", "v1");
        let no_ts = format!("v1={HEX32}");
        assert!(format.parse(no_ts.as_bytes(), Encoding::Hex, 32).is_err());
        let two_ts = format!("t=1,t=2,v1={HEX32}");
        assert!(format.parse(two_ts.as_bytes(), Encoding::Hex, 32).is_err());
    }

    #[test]
    fn list_ignores_other_versions_but_needs_one() {
        let format = SignatureFormat::list(' ', "v1,");
        let b64 = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        let value = format!("v1a,abc v1,{b64}");
        let parsed = format
            .parse(value.as_bytes(), Encoding::Base64, 32)
            .unwrap();
        assert_eq!(parsed.candidates.len, 1);
        assert!(format.parse(b"v1a,abc", Encoding::Base64, 32).is_err());
        // CVE-2024-21491: an empty "v1," must never verify.
        assert!(format.parse(b"v1,", Encoding::Base64, 32).is_err());
    }

    #[test]
    fn too_many_signatures_are_rejected() {
        let format = SignatureFormat::list(' ', "v1,");
        let b64 = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        let value = vec![format!("v1,{b64}"); 9].join(" ");
        assert!(format
            .parse(value.as_bytes(), Encoding::Base64, 32)
            .is_err());
    }

    #[test]
    fn formats_that_cannot_parse_their_own_output_are_refused() {
        let hex = Encoding::Hex;
        let b64 = Encoding::Base64;
        for (format, encoding) in [
            (SignatureFormat::list('=', "v1,"), b64),
            (SignatureFormat::list('a', ""), hex),
            (SignatureFormat::list(',', "v1,"), b64),
            (SignatureFormat::key_value(',', "", "v1"), hex),
            (SignatureFormat::key_value(',', "t", ""), hex),
            (SignatureFormat::key_value(',', "t", "t"), hex),
            (SignatureFormat::key_value('=', "t", "v1"), hex),
            (SignatureFormat::key_value('/', "t", "v1"), b64),
            (SignatureFormat::key_value(',', "t,x", "v1"), hex),
            (SignatureFormat::key_value(',', "t", "v=1"), hex),
        ] {
            assert!(
                format.check(encoding, 32).is_err(),
                "{format:?} {encoding:?}"
            );
        }
    }

    #[test]
    fn the_presets_formats_are_accepted() {
        for (format, encoding) in [
            (SignatureFormat::single("sha256="), Encoding::Hex),
            (SignatureFormat::single(""), Encoding::Base64),
            (SignatureFormat::list(' ', "v1,"), Encoding::Base64),
            (SignatureFormat::key_value(',', "t", "v1"), Encoding::Hex),
            (SignatureFormat::key_value(';', "ts", "h1"), Encoding::Hex),
        ] {
            for len in [20, 32, 64] {
                assert_eq!(format.check(encoding, len), Ok(()), "{format:?}");
            }
        }
    }

    #[test]
    fn render_matches_parse() {
        let format = SignatureFormat::key_value(',', "t", "v1");
        assert_eq!(
            format.render(&["ab".into(), "cd".into()], Some("12")),
            "t=12,v1=ab,v1=cd"
        );
        let list = SignatureFormat::list(' ', "v1,");
        assert_eq!(
            list.render(&["ab".into(), "cd".into()], None),
            "v1,ab v1,cd"
        );
    }
}
