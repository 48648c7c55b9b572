//! Text decoding: bytes of a text dump to a `String`, whatever its encoding.
//!
//! UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; anything else is
//! decoded as Windows-1252, the usual legacy encoding of saved pages. Binary junk is refused.

use super::{DecodeError, Document};

/// Decodes a text dump.
pub fn decode_text(bytes: &[u8]) -> Result<Document, DecodeError> {
    let text = decode_text_bytes(bytes)?;
    Ok(Document {
        text,
        ..Document::default()
    })
}

/// Bytes to text: BOM first, then UTF-8, then Windows-1252. Refuses binary data.
pub fn decode_text_bytes(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return check_not_binary(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            text.into_owned()
        }
    };
    check_not_binary(text)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    control * 20 > sample.len()
}

fn check_not_binary(text: String) -> Result<String, DecodeError> {
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let cases: &[(&[u8], Result<&str, DecodeError>)] = &[
            (b"plain ascii", Ok("plain ascii")),
            ("caf\u{e9}".as_bytes(), Ok("caf\u{e9}")),
            (b"\xEF\xBB\xBFbom", Ok("bom")),
            (b"caf\xE9", Ok("caf\u{e9}")),
            (b"\xFF\xFEh\x00i\x00", Ok("hi")),
            (b"\x00\x01\x02\x03\x04\x05binary", Err(DecodeError::Binary)),
        ];
        for (bytes, want) in cases {
            let got = decode_text_bytes(bytes);
            assert_eq!(
                got.as_deref().map_err(|e| e.clone()),
                want.clone(),
                "{bytes:?}"
            );
        }
    }
}
