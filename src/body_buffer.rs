//! Collecting body frames into one `Bytes`, without a copy when there is only one frame.

use bytes::{Bytes, BytesMut};

/// The body as it arrives: a single frame is kept as it is; several are copied, once, into a
/// buffer sized from `Content-Length` when known.
#[derive(Debug, Default)]
pub(crate) struct BodyBuffer {
    first: Bytes,
    rest: BytesMut,
    expected_len: usize,
}

impl BodyBuffer {
    /// `expected_len` is the declared length (already capped by the limit), or 0.
    pub(crate) fn new(expected_len: usize) -> Self {
        BodyBuffer {
            expected_len,
            ..BodyBuffer::default()
        }
    }

    pub(crate) fn push(&mut self, data: Bytes) {
        if data.is_empty() {
        } else if self.first.is_empty() && self.rest.is_empty() {
            self.first = data;
        } else {
            if self.rest.is_empty() {
                let needed = self.first.len() + data.len();
                self.rest.reserve(needed.max(self.expected_len));
                self.rest
                    .extend_from_slice(&std::mem::take(&mut self.first));
            }
            self.rest.extend_from_slice(&data);
        }
    }

    pub(crate) fn finish(self) -> Bytes {
        if self.rest.is_empty() {
            self.first
        } else {
            self.rest.freeze()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_frame_is_not_copied() {
        let data = Bytes::from_static(b"hello");
        let mut buffer = BodyBuffer::new(5);
        buffer.push(data.clone());
        let out = buffer.finish();
        assert_eq!(out.as_ptr(), data.as_ptr());
    }

    #[test]
    fn frames_are_joined_in_order() {
        let mut buffer = BodyBuffer::new(0);
        for piece in ["a", "", "bc", "def"] {
            buffer.push(Bytes::from_static(piece.as_bytes()));
        }
        assert_eq!(buffer.finish(), "abcdef");
    }

    #[test]
    fn empty_body_is_empty() {
        assert!(BodyBuffer::new(0).finish().is_empty());
    }
}
