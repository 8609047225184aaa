//! How a signature header is laid out: [`SignatureFormat`], and its allocation-free parser.

use super::{
    compare::{Tag, MAX_TAG_LEN},
    encoding::DecodeError,
    method::SignatureLen,
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
    TimestampFirst {
        separator: char,
    },
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
    pub(crate) fn new() -> Self {
        Candidates {
            first: Tag::empty(),
            rest: Vec::new(),
            len: 0,
        }
    }

    /// Decodes `text` as one more candidate, written in place (the first one inline).
    fn push_decoded(
        &mut self,
        encoding: Encoding,
        text: &[u8],
        len: SignatureLen,
    ) -> Result<(), DecodeError> {
        if self.len == 0 {
            encoding.decode_into(text, len, &mut self.first)?;
        } else {
            let mut tag = Tag::empty();
            encoding.decode_into(text, len, &mut tag)?;
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

    /// The timestamp, then one or more signatures, joined by `separator` (Recurly:
    /// `<ms>,<hex>,<hex>`).
    pub fn timestamp_then_signatures(separator: char) -> Self {
        SignatureFormat {
            kind: Kind::TimestampFirst { separator },
        }
    }

    /// Whether every fixed piece can appear in a header value and be matched byte-wise.
    pub(crate) fn is_visible_ascii(&self) -> bool {
        let text = |text: &str| text.bytes().all(|byte| byte.is_ascii_graphic());
        let separator = |separator: &char| *separator == ' ' || separator.is_ascii_graphic();
        match &self.kind {
            // A prefix may hold spaces ("Basic ", "Bearer "), but cannot start with one: values
            // are trimmed before matching.
            Kind::Single { prefix } => {
                !prefix.starts_with(' ')
                    && prefix
                        .bytes()
                        .all(|byte| byte == b' ' || byte.is_ascii_graphic())
            }
            Kind::KeyValue {
                separator: sep,
                timestamp_key,
                signature_key,
            } => separator(sep) && text(timestamp_key) && text(signature_key),
            Kind::List {
                separator: sep,
                prefix,
            } => separator(sep) && text(prefix),
            Kind::TimestampFirst { separator: sep } => separator(sep),
        }
    }

    /// Why a signature this format renders could never be parsed back, if so: keys that are
    /// empty, equal or contain a separator, separators that occur inside an encoded signature,
    /// and, as a last net, a rendered sample that does not parse to itself.
    pub(crate) fn check(&self, encoding: Encoding, len: SignatureLen) -> Result<(), &'static str> {
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
            Kind::TimestampFirst { separator } => {
                if in_alphabet(*separator) || separator.is_ascii_digit() {
                    return Err("the separator can occur inside a value");
                }
            }
        }
        let timestamp = "1700000000";
        for sample in [
            [0xFB; MAX_TAG_LEN],
            [0xFF; MAX_TAG_LEN],
            [0x00; MAX_TAG_LEN],
        ] {
            let tag = &sample[..len.max];
            let rendered = self.render(&[encoding.encode(tag)], Some(timestamp));
            let mut candidates = Candidates::new();
            let parsed = self
                .parse(rendered.as_bytes(), encoding, len, &mut candidates)
                .map_err(|_| "a signature in this format does not parse back")?;
            let round_trips = candidates.iter().any(|got| got.as_slice() == tag)
                && parsed.is_none_or(|digits| digits == timestamp.as_bytes());
            if !round_trips {
                return Err("a signature in this format does not parse back to itself");
            }
        }
        Ok(())
    }

    /// Whether the format carries its own timestamp.
    pub(crate) fn carries_timestamp(&self) -> bool {
        matches!(
            self.kind,
            Kind::KeyValue { .. } | Kind::TimestampFirst { .. }
        )
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
            Kind::TimestampFirst { separator } => {
                let mut out = timestamp.unwrap_or_default().to_owned();
                for signature in signatures {
                    out.push(*separator);
                    out.push_str(signature);
                }
                out
            }
        }
    }

    /// The token in a header value: what follows a [`single`](Self::single) prefix, trimmed,
    /// not empty, at most 4 KiB.
    pub(crate) fn token<'a>(&self, value: &'a [u8]) -> Result<&'a [u8], &'static str> {
        if value.len() > MAX_HEADER_LEN {
            return Err("it is longer than any token");
        }
        let prefix = match &self.kind {
            Kind::Single { prefix } => prefix.as_bytes(),
            _ => b"",
        };
        let token = value
            .trim_ascii()
            .strip_prefix(prefix)
            .ok_or("it does not start with the expected prefix")?;
        if token.is_empty() {
            return Err("it is empty");
        }
        Ok(token)
    }

    /// Parses a header value into decoded signatures (and a timestamp, where carried).
    ///
    /// Surrounding spaces and tabs are ignored, as HTTP defines them not to be part of a field
    /// value. In a list or `key=value` layout an entry that cannot be a signature is skipped, as
    /// the providers' own libraries do, but it still counts towards the cap of 8; the header is
    /// malformed when no entry is usable. The error is a reason that never quotes the value.
    pub(crate) fn parse<'a>(
        &self,
        value: &'a [u8],
        encoding: Encoding,
        len: SignatureLen,
        candidates: &mut Candidates,
    ) -> Result<Option<&'a [u8]>, &'static str> {
        if value.len() > MAX_HEADER_LEN {
            return Err("it is longer than any signature");
        }
        let value = value.trim_ascii();
        if value.is_empty() {
            return Err("it is empty");
        }
        let decode = |text: &[u8], candidates: &mut Candidates| {
            candidates
                .push_decoded(encoding, text, len)
                .map_err(|error| match error {
                    DecodeError::Length => match encoding {
                        Encoding::Hex => "it is not the length of this method's hex signature",
                        _ => "it is not the length of this method's base64 signature",
                    },
                    DecodeError::Alphabet => match encoding {
                        Encoding::Hex => "it is not hexadecimal",
                        Encoding::Base64 => "it is not padded standard base64",
                        Encoding::Base64Url => "it is not unpadded URL-safe base64",
                    },
                })
        };
        let mut timestamp = None;
        let mut seen = 0;
        let mut skipped = None;
        let mut consider = |text: &[u8], candidates: &mut Candidates| {
            seen += 1;
            if seen > MAX_CANDIDATES {
                return Err("it carries more than 8 signatures");
            }
            if let Err(reason) = decode(text, candidates) {
                skipped = Some(reason);
            }
            Ok(())
        };
        let before = candidates.len;
        match &self.kind {
            Kind::Single { prefix } => {
                let encoded = value
                    .strip_prefix(prefix.as_bytes())
                    .ok_or("it does not start with the expected prefix")?;
                decode(encoded, candidates)?;
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
                        consider(value, candidates)?;
                    }
                }
                if timestamp.is_none() {
                    return Err("it carries no timestamp");
                }
            }
            Kind::List { separator, prefix } => {
                for item in split(value, *separator) {
                    if let Some(encoded) = item.strip_prefix(prefix.as_bytes()) {
                        consider(encoded, candidates)?;
                    }
                }
            }
            Kind::TimestampFirst { separator } => {
                let mut items = split(value, *separator);
                timestamp = Some(items.next().ok_or("it carries no timestamp")?);
                for item in items {
                    consider(item, candidates)?;
                }
            }
        }
        if candidates.len == before {
            return Err(skipped.unwrap_or("it carries no signature of the expected version"));
        }
        Ok(timestamp)
    }
}

impl std::fmt::Display for SignatureFormat {
    /// The layout with placeholders, such as `t=<ts>,v1=<sig>` or `v1,<sig> …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            Kind::Single { prefix } => write!(f, "{prefix}<sig>"),
            Kind::KeyValue {
                separator,
                timestamp_key,
                signature_key,
            } => write!(f, "{timestamp_key}=<ts>{separator}{signature_key}=<sig>"),
            Kind::List { separator, prefix } => write!(f, "{prefix}<sig>{separator}…"),
            Kind::TimestampFirst { separator } => write!(f, "<ts>{separator}<sig>{separator}…"),
        }
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

    const L32: SignatureLen = SignatureLen { min: 32, max: 32 };

    /// The number of candidates and the timestamp, or why the value was refused.
    fn parse(
        format: &SignatureFormat,
        value: &[u8],
        encoding: Encoding,
    ) -> Result<(usize, Option<Vec<u8>>), &'static str> {
        let mut candidates = Candidates::new();
        let timestamp = format.parse(value, encoding, L32, &mut candidates)?;
        Ok((candidates.len, timestamp.map(<[u8]>::to_vec)))
    }

    fn single(prefix: &'static str, value: &str) -> Result<usize, &'static str> {
        parse(
            &SignatureFormat::single(prefix),
            value.as_bytes(),
            Encoding::Hex,
        )
        .map(|p| p.0)
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
        let (len, timestamp) = parse(&format, value.as_bytes(), Encoding::Hex).unwrap();
        assert_eq!(len, 2);
        assert_eq!(timestamp.as_deref(), Some(&b"1492774577"[..]));
    }

    #[test]
    fn key_value_needs_exactly_one_timestamp() {
        let format = SignatureFormat::key_value(',', "t", "v1");
        let no_ts = format!("v1={HEX32}");
        assert!(parse(&format, no_ts.as_bytes(), Encoding::Hex).is_err());
        let two_ts = format!("t=1,t=2,v1={HEX32}");
        assert!(parse(&format, two_ts.as_bytes(), Encoding::Hex).is_err());
    }

    #[test]
    fn list_ignores_other_versions_but_needs_one() {
        let format = SignatureFormat::list(' ', "v1,");
        let b64 = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        let value = format!("v1a,abc v1,{b64}");
        let (len, _) = parse(&format, value.as_bytes(), Encoding::Base64).unwrap();
        assert_eq!(len, 1);
        assert!(parse(&format, b"v1a,abc", Encoding::Base64).is_err());
        // CVE-2024-21491: an empty "v1," must never verify.
        assert!(parse(&format, b"v1,", Encoding::Base64).is_err());
    }

    #[test]
    fn an_unusable_entry_is_skipped_when_another_is_usable() {
        // The Standard Webhooks, Stripe and Paddle libraries skip what they cannot use.
        let b64 = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        let list = SignatureFormat::list(' ', "v1,");
        let value = format!("v1,Ym9ndXM= v1,{b64}");
        assert_eq!(
            parse(&list, value.as_bytes(), Encoding::Base64).unwrap().0,
            1
        );
        let key_value = SignatureFormat::key_value(';', "ts", "h1");
        let value = format!("ts=1696195954;h1=dummy;h1={HEX32}");
        assert_eq!(
            parse(&key_value, value.as_bytes(), Encoding::Hex)
                .unwrap()
                .0,
            1
        );
        // With nothing usable it is malformed, with the reason of what was wrong.
        assert_eq!(
            parse(&key_value, b"ts=1;h1=dummy", Encoding::Hex),
            Err("it is not the length of this method's hex signature")
        );
    }

    #[test]
    fn timestamp_first_lists() {
        let timestamp_first = SignatureFormat::timestamp_then_signatures(',');
        let value = format!("1700000000123,{HEX32},{HEX32}");
        let (len, timestamp) = parse(&timestamp_first, value.as_bytes(), Encoding::Hex).unwrap();
        assert_eq!(len, 2);
        assert_eq!(timestamp.as_deref(), Some(&b"1700000000123"[..]));
    }

    #[test]
    fn too_many_signatures_are_rejected() {
        let format = SignatureFormat::list(' ', "v1,");
        let b64 = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        let value = vec![format!("v1,{b64}"); 9].join(" ");
        assert!(parse(&format, value.as_bytes(), Encoding::Base64).is_err());
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
                format.check(encoding, L32).is_err(),
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
                let len = SignatureLen { min: len, max: len };
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
