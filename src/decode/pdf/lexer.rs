//! A zero-copy content-stream lexer: operands and operators, no allocation per token.
//!
//! [`for_each_operation`] walks a content stream and calls back once per operator with its
//! operands. String operands are decoded (escapes, hex) into one scratch buffer that is
//! reused, arrays are flattened between [`Operand::ArrayStart`] and [`Operand::ArrayEnd`],
//! dictionaries (marked-content properties) become [`Operand::Other`], and inline images are
//! skipped whole. Malformed input never fails: what cannot be read is stepped over.

/// One operand of a content-stream operator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand<'a> {
    Number(f32),
    Name(&'a [u8]),
    /// A string's bytes: a range of the scratch buffer passed with the operands.
    Str(u32, u32),
    ArrayStart,
    ArrayEnd,
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_whitespace(b) && !is_delimiter(b)
}

/// Calls `f(operator, operands, strings)` for every operator of a content stream; stops
/// early when `f` returns false.
pub fn for_each_operation<'a>(
    data: &'a [u8],
    mut f: impl FnMut(&'a [u8], &[Operand<'a>], &[u8]) -> bool,
) {
    let mut operands: Vec<Operand<'a>> = Vec::with_capacity(16);
    let mut scratch: Vec<u8> = Vec::with_capacity(256);
    let mut i = 0;
    let n = data.len();
    while i < n {
        let b = data[i];
        match b {
            _ if is_whitespace(b) => i += 1,
            b'%' => {
                while i < n && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'/' => {
                let start = i + 1;
                i += 1;
                while i < n && is_regular(data[i]) {
                    i += 1;
                }
                operands.push(Operand::Name(&data[start..i]));
            }
            b'(' => {
                let start = scratch.len() as u32;
                i = read_literal(data, i + 1, &mut scratch);
                operands.push(Operand::Str(start, scratch.len() as u32));
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                i = skip_dictionary(data, i + 2);
                operands.push(Operand::Other);
            }
            b'<' => {
                let start = scratch.len() as u32;
                i = read_hex(data, i + 1, &mut scratch);
                operands.push(Operand::Str(start, scratch.len() as u32));
            }
            b'[' => {
                operands.push(Operand::ArrayStart);
                i += 1;
            }
            b']' => {
                operands.push(Operand::ArrayEnd);
                i += 1;
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let start = i;
                i += 1;
                while i < n && matches!(data[i], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E') {
                    i += 1;
                }
                operands.push(Operand::Number(parse_number(&data[start..i])));
            }
            _ if is_regular(b) => {
                let start = i;
                while i < n && is_regular(data[i]) {
                    i += 1;
                }
                let op = &data[start..i];
                match op {
                    b"true" | b"false" | b"null" => operands.push(Operand::Other),
                    b"BI" => {
                        i = skip_inline_image(data, i);
                        operands.clear();
                        scratch.clear();
                    }
                    _ => {
                        if !f(op, &operands, &scratch) {
                            return;
                        }
                        operands.clear();
                        scratch.clear();
                    }
                }
                // Guard against runaway operand lists from junk.
                if operands.len() > 100_000 {
                    operands.clear();
                    scratch.clear();
                }
            }
            _ => i += 1,
        }
    }
}

fn parse_number(text: &[u8]) -> f32 {
    // Fast path for the usual `-12.345` form; anything odd falls back to the std parser.
    let mut value: f64 = 0.0;
    let mut negative = false;
    let mut scale: f64 = 0.0;
    for (k, &c) in text.iter().enumerate() {
        match c {
            b'-' if k == 0 => negative = true,
            b'+' if k == 0 => {}
            b'0'..=b'9' => {
                value = value * 10.0 + f64::from(c - b'0');
                if scale > 0.0 {
                    scale *= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 1.0,
            _ => {
                return std::str::from_utf8(text)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0.0);
            }
        }
    }
    if scale > 1.0 {
        value /= scale;
    }
    (if negative { -value } else { value }) as f32
}

fn read_literal(data: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
    let mut depth = 1;
    while i < data.len() {
        let b = data[i];
        i += 1;
        match b {
            b'\\' => {
                let Some(&e) = data.get(i) else { break };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(v as u8);
                    }
                    b'\r' => {
                        if data.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    i
}

fn read_hex(data: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
    let mut high: Option<u8> = None;
    while i < data.len() {
        let b = data[i];
        i += 1;
        if b == b'>' {
            break;
        }
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => continue,
        };
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    i
}

/// Skips to after the `>>` closing a dictionary opened just before `i`, nesting and strings
/// included.
fn skip_dictionary(data: &[u8], mut i: usize) -> usize {
    let mut depth = 1;
    let mut sink = Vec::new();
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            b'(' => {
                i = read_literal(data, i + 1, &mut sink);
                sink.clear();
            }
            _ => i += 1,
        }
    }
    i
}

/// Skips an inline image from after `BI` to after its `EI`.
fn skip_inline_image(data: &[u8], mut i: usize) -> usize {
    // Find the `ID` operator that starts the binary data.
    while i + 1 < data.len() {
        if data[i] == b'I'
            && data[i + 1] == b'D'
            && (i == 0 || is_whitespace(data[i - 1]))
            && data.get(i + 2).is_none_or(|&b| is_whitespace(b))
        {
            i += 3;
            break;
        }
        i += 1;
    }
    // The data ends at whitespace, `EI`, and whitespace or the end.
    while i + 1 < data.len() {
        if data[i] == b'E'
            && data[i + 1] == b'I'
            && is_whitespace(data[i - 1])
            && data.get(i + 2).is_none_or(|&b| is_whitespace(b))
        {
            return i + 2;
        }
        i += 1;
    }
    data.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(data: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        for_each_operation(data, |op, operands, strings| {
            let args: Vec<String> = operands
                .iter()
                .map(|o| match o {
                    Operand::Number(n) => format!("{n}"),
                    Operand::Name(n) => format!("/{}", String::from_utf8_lossy(n)),
                    Operand::Str(a, b) => format!(
                        "({})",
                        String::from_utf8_lossy(&strings[*a as usize..*b as usize])
                    ),
                    Operand::ArrayStart => "[".to_owned(),
                    Operand::ArrayEnd => "]".to_owned(),
                    Operand::Other => "?".to_owned(),
                })
                .collect();
            out.push(format!(
                "{} {}",
                String::from_utf8_lossy(op),
                args.join(" ")
            ));
            true
        });
        out
    }

    #[test]
    fn lexes_operators_and_operands() {
        let cases: &[(&[u8], &[&str])] = &[
            (
                b"BT /F1 12 Tf 1 0 0 -1 8 38 Tm ET",
                &["BT ", "Tf /F1 12", "Tm 1 0 0 -1 8 38", "ET "],
            ),
            (b"(a\\(b\\)c\\101\\n) Tj", &["Tj (a(b)cA\n)"]),
            (b"(nested (parens)) Tj", &["Tj (nested (parens))"]),
            (b"<41 4 2> Tj <4> Tj", &["Tj (AB)", "Tj (@)"]),
            (b"[(A) -250 (B)] TJ", &["TJ [ (A) -250 (B) ]"]),
            (b"-.5 +3 1e2 x", &["x -0.5 3 100"]),
            (
                b"/Span <</ActualText (x) /K [1 2]>> BDC EMC",
                &["BDC /Span ?", "EMC "],
            ),
            (
                b"% comment\nq BI /W 1 /H 1 ID \x00EI\xff EI Q",
                &["q ", "Q "],
            ),
            (b"(unterminated", &[]),
        ];
        for (data, want) in cases {
            assert_eq!(collect(data), *want, "{}", String::from_utf8_lossy(data));
        }
    }
}
