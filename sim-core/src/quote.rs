//! Go's quoting of strings and runes (`strconv.Quote`, `QuoteRune` and
//! their `ToASCII` forms), in one place for everyone who prints Go text:
//! the machine's `strconv` and `fmt`, the scanner's error messages and
//! the compiler-style printing of constants.

use crate::unicode::{in_table, tables};

const RUNE_ERROR: i64 = 0xFFFD;
const MAX_RUNE: i64 = 0x10FFFF;

/// `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the
/// ASCII space.
pub(crate) fn is_print(r: i64) -> bool {
    if r < 0x80 {
        return (0x20..0x7F).contains(&r);
    }
    r <= MAX_RUNE && in_table(tables::PRINT, r as u32)
}

/// `strconv.Quote` of a byte string (`QuoteToASCII` when `ascii_only`):
/// each byte of invalid UTF-8 becomes `\xNN`.
pub fn quote_bytes(s: &[u8], ascii_only: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            escape_rune(&mut out, c as i64, '"', ascii_only);
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

/// `strconv.Quote` of a Go string held as Rust text.
pub fn quote_str(s: &str) -> String {
    quote_bytes(s.as_bytes(), false)
}

/// A string constant as go/constant's `String` prints it in compiler
/// messages: quoted, and cut to 72 characters with `...`.
pub fn quote_constant(s: &str) -> String {
    const MAX: usize = 72;
    let quoted = quote_str(s);
    if quoted.chars().count() > MAX {
        let cut: String = quoted.chars().take(MAX - 3).collect();
        format!("{cut}...")
    } else {
        quoted
    }
}

/// `strconv.QuoteRune` (`QuoteRuneToASCII` when `ascii_only`); a value that
/// is no rune (negative, a surrogate, past U+10FFFF) quotes as U+FFFD.
pub fn quote_rune(r: i64, ascii_only: bool) -> String {
    let r = if !(0..=MAX_RUNE).contains(&r) || (0xD800..0xE000).contains(&r) {
        RUNE_ERROR
    } else {
        r
    };
    let mut out = String::from("'");
    escape_rune(&mut out, r, '\'', ascii_only);
    out.push('\'');
    out
}

/// strconv's `appendEscapedRune`: rune `r` as it is written inside a
/// literal delimited by `quote`.
fn escape_rune(out: &mut String, r: i64, quote: char, ascii_only: bool) {
    let char_of = |r: i64| char::from_u32(r as u32);
    if r == quote as i64 || r == '\\' as i64 {
        out.push('\\');
        out.push(if r == '\\' as i64 { '\\' } else { quote });
        return;
    }
    let printable = if ascii_only {
        r < 0x80 && is_print(r)
    } else {
        is_print(r)
    };
    if let Some(c) = char_of(r).filter(|_| printable) {
        out.push(c);
        return;
    }
    match r {
        0x07 => out.push_str("\\a"),
        0x08 => out.push_str("\\b"),
        0x0C => out.push_str("\\f"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        0x0B => out.push_str("\\v"),
        r if r < 0x20 || r == 0x7F => out.push_str(&format!("\\x{r:02x}")),
        r if !(0..=MAX_RUNE).contains(&r) || (0xD800..0xE000).contains(&r) => {
            out.push_str("\\ufffd")
        }
        r if r < 0x10000 => out.push_str(&format!("\\u{r:04x}")),
        r => out.push_str(&format!("\\U{r:08x}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected texts are what Go 1.27's strconv returns for the same input.
    #[test]
    fn strings_quote_like_strconv() {
        assert_eq!(quote_str("hi\n\t\"x\"\\"), r#""hi\n\t\"x\"\\""#);
        assert_eq!(
            quote_str("\x07\x08\x0c\x0b\r\x00\x7f"),
            r#""\a\b\f\v\r\x00\x7f""#
        );
        assert_eq!(quote_str("héllo ☺"), "\"héllo ☺\"");
        assert_eq!(
            quote_bytes("héllo ☺".as_bytes(), true),
            r#""h\u00e9llo \u263a""#
        );
        assert_eq!(quote_str("\u{a0}\u{1F600}"), "\"\\u00a0\u{1F600}\"");
        assert_eq!(quote_bytes(b"a\xffb\xe2\x82", false), r#""a\xffb\xe2\x82""#);
        assert_eq!(
            quote_bytes("\u{E0001}".as_bytes(), false),
            r#""\U000e0001""#
        );
    }

    #[test]
    fn runes_quote_like_strconv() {
        assert_eq!(quote_rune('a' as i64, false), "'a'");
        assert_eq!(quote_rune('\'' as i64, false), r"'\''");
        assert_eq!(quote_rune('"' as i64, false), "'\"'");
        assert_eq!(quote_rune('\n' as i64, false), r"'\n'");
        assert_eq!(quote_rune('☺' as i64, true), r"'\u263a'");
        assert_eq!(quote_rune(-1, false), "'�'");
        assert_eq!(quote_rune(0xD800, false), "'�'");
        assert_eq!(quote_rune(0x110000, true), r"'\ufffd'");
    }
}
