//! The go command's own look at a file's package clause and imports.
//!
//! Before compiling, `go build` cuts each file's header (package clause and
//! import declarations) out with a byte-level reader and parses it with the
//! standard library's Go parser (`go/parser`, imports only). An error there
//! is reported by the go command in that parser's words ("expected
//! 'package', found 'func'", "string literal not terminated"), only the
//! first one, and the compiler never runs. This module reproduces that.

use super::scanner::invalid_separator;
use crate::diag::{Diagnostic, Pos};
use crate::quote::quote_rune;

/// How the go command reports a header problem.
pub(super) enum HeaderError {
    /// A parse error, printed as `FILE:L:C: msg`.
    Parse(Diagnostic),
    /// A read error, printed as `go: reading FILE: msg`.
    Read(Diagnostic),
}

/// The first error the go command reports for the file's header, if any.
pub(super) fn check(source: &str) -> Option<HeaderError> {
    // The header reader drops a leading byte order mark; the parser then
    // counts positions from the byte after it.
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &source.as_bytes()[bom..];
    let len = match header_len(body) {
        Ok(len) => len,
        Err(nul) => {
            let pos = position(body, nul);
            return Some(HeaderError::Read(Diagnostic {
                pos,
                start: bom + nul,
                end: bom + nul + 1,
                message: "unexpected NUL in input".into(),
            }));
        }
    };
    let header = &body[..len];
    let mut errors = parse_header(header);
    // The library sorts by position, then message.
    crate::sort::ascending(&mut errors);
    let (offset, message) = errors.into_iter().next()?;
    let pos = position(header, offset);
    let start = (bom + offset).min(source.len());
    let end = (start + 1).min(source.len());
    Some(HeaderError::Parse(Diagnostic {
        pos,
        start,
        end,
        message,
    }))
}

/// A position as the library's file set computes it: a line only starts
/// at an offset inside the text, so the end of a text that ends with a
/// newline still belongs to the last line.
fn position(text: &[u8], offset: usize) -> Pos {
    let offset = offset.min(text.len());
    let starts_before = |i: &usize| text[*i] == b'\n' && *i < offset && *i + 1 < text.len();
    let newlines: Vec<usize> = (0..offset).filter(starts_before).collect();
    let line_start = newlines.last().map_or(0, |i| i + 1);
    Pos::new(newlines.len() as u32 + 1, (offset - line_start) as u32 + 1)
}

// ----------------------------------------------------------------------
// The header cut: how many bytes of the file the go command parses.

#[derive(PartialEq, Eq)]
enum ReadError {
    Syntax,
    Nul,
}

struct ImportReader<'a> {
    src: &'a [u8],
    read: usize,
    peek: u8,
    err: Option<ReadError>,
    eof: bool,
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl ImportReader<'_> {
    fn syntax_error(&mut self) {
        if self.err.is_none() {
            self.err = Some(ReadError::Syntax);
        }
    }

    fn read_byte(&mut self) -> u8 {
        match self.src.get(self.read) {
            Some(&c) => {
                self.read += 1;
                if c == 0 && self.err.is_none() {
                    self.err = Some(ReadError::Nul);
                }
                c
            }
            None => {
                self.eof = true;
                0
            }
        }
    }

    fn peek_byte(&mut self, skip_space: bool) -> u8 {
        if self.err.is_some() {
            return 0;
        }
        let mut c = self.peek;
        if c == 0 {
            c = self.read_byte();
        }
        while self.err.is_none() && !self.eof {
            if skip_space {
                match c {
                    b' ' | b'\x0c' | b'\t' | b'\r' | b'\n' | b';' => {
                        c = self.read_byte();
                        continue;
                    }
                    b'/' => {
                        c = self.read_byte();
                        if c == b'/' {
                            while c != b'\n' && self.err.is_none() && !self.eof {
                                c = self.read_byte();
                            }
                        } else if c == b'*' {
                            let mut c1 = 0;
                            while (c != b'*' || c1 != b'/') && self.err.is_none() {
                                if self.eof {
                                    self.syntax_error();
                                }
                                c = c1;
                                c1 = self.read_byte();
                            }
                        } else {
                            self.syntax_error();
                        }
                        c = self.read_byte();
                        continue;
                    }
                    _ => {}
                }
            }
            break;
        }
        self.peek = c;
        c
    }

    fn next_byte(&mut self, skip_space: bool) -> u8 {
        let c = self.peek_byte(skip_space);
        self.peek = 0;
        c
    }

    fn read_keyword(&mut self, kw: &str) {
        self.peek_byte(true);
        for &k in kw.as_bytes() {
            if self.next_byte(false) != k {
                self.syntax_error();
                return;
            }
        }
        if is_ident_byte(self.peek_byte(false)) {
            self.syntax_error();
        }
    }

    fn read_ident(&mut self) {
        let c = self.peek_byte(true);
        if !is_ident_byte(c) {
            self.syntax_error();
            return;
        }
        while is_ident_byte(self.peek_byte(false)) {
            self.peek = 0;
        }
    }

    fn read_string(&mut self) {
        match self.next_byte(true) {
            b'`' => {
                while self.err.is_none() {
                    if self.next_byte(false) == b'`' {
                        break;
                    }
                    if self.eof {
                        self.syntax_error();
                    }
                }
            }
            b'"' => {
                while self.err.is_none() {
                    let c = self.next_byte(false);
                    if c == b'"' {
                        break;
                    }
                    if self.eof || c == b'\n' {
                        self.syntax_error();
                    }
                    if c == b'\\' {
                        self.next_byte(false);
                    }
                }
            }
            _ => self.syntax_error(),
        }
    }

    fn read_import(&mut self) {
        let c = self.peek_byte(true);
        if c == b'.' {
            self.peek = 0;
        } else if is_ident_byte(c) {
            self.read_ident();
        }
        self.read_string();
    }
}

/// The length of the header the go command hands to its parser: up to the
/// byte that ended the imports, or the whole file after a reader error.
/// A NUL byte the reader meets (reading all of the file after a syntax
/// error) is an error of its own, at the returned offset.
fn header_len(src: &[u8]) -> Result<usize, usize> {
    let mut r = ImportReader {
        src,
        read: 0,
        peek: 0,
        err: None,
        eof: false,
    };
    r.read_keyword("package");
    r.read_ident();
    while r.peek_byte(true) == b'i' {
        r.read_keyword("import");
        if r.peek_byte(true) == b'(' {
            r.next_byte(false);
            while r.peek_byte(true) != b')' && r.err.is_none() {
                r.read_import();
            }
            r.next_byte(false);
        } else {
            r.read_import();
        }
    }
    match r.err {
        Some(ReadError::Nul) => Err(r.read.saturating_sub(1)),
        Some(ReadError::Syntax) => match src[r.read..].iter().position(|&b| b == 0) {
            Some(i) => Err(r.read + i),
            None => Ok(src.len()),
        },
        None if !r.eof => Ok(r.read.saturating_sub(1)),
        None => Ok(r.read),
    }
}

// ----------------------------------------------------------------------
// The standard library scanner, as far as a header needs it.

#[derive(Clone, PartialEq, Eq, Debug)]
enum Kind {
    Eof,
    Ident,
    Literal { string: bool },
    Semi,
    Keyword,
    Punct,
    Illegal,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    offset: usize,
    /// The literal text, the keyword, or the operator.
    text: String,
}

struct HeaderScanner<'a> {
    src: &'a [u8],
    at: usize,
    insert_semi: bool,
    errors: Vec<(usize, String)>,
    /// Byte order marks before this offset have been reported.
    bom_checked: usize,
}

const KEYWORDS: [&str; 25] = [
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

impl HeaderScanner<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.at + ahead).copied()
    }

    /// The character at the cursor, decoded leniently.
    fn char_at(&self, at: usize) -> (char, usize) {
        let rest = &self.src[at..];
        let len = match rest[0] {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        match rest.get(..len).map(std::str::from_utf8) {
            Some(Ok(s)) => (s.chars().next().unwrap_or('\u{FFFD}'), len),
            _ => ('\u{FFFD}', 1),
        }
    }

    fn error(&mut self, offset: usize, msg: String) {
        self.errors.push((offset, msg));
    }

    /// The next token. Like the library scanner, a byte order mark is
    /// reported as soon as it is read, one character ahead of the token.
    fn next(&mut self) -> Token {
        let tok = self.next_token();
        let end = (self.at + 3).min(self.src.len());
        let from = self.bom_checked.max(1);
        if from < end {
            let boms: Vec<usize> = self.src[from..end]
                .windows(3)
                .enumerate()
                .filter(|(_, w)| *w == "\u{feff}".as_bytes())
                .map(|(i, _)| from + i)
                .filter(|&i| i <= self.at)
                .collect();
            for offset in boms {
                self.error(offset, "illegal byte order mark".into());
            }
        }
        self.bom_checked = self.bom_checked.max(self.at + 1);
        tok
    }

    fn next_token(&mut self) -> Token {
        loop {
            while let Some(c) = self.peek(0) {
                if c == b' ' || c == b'\t' || c == b'\r' || (c == b'\n' && !self.insert_semi) {
                    self.at += 1;
                } else {
                    break;
                }
            }
            let offset = self.at;
            let Some(c) = self.peek(0) else {
                if self.insert_semi {
                    self.insert_semi = false;
                    return self.token(Kind::Semi, offset, "\n");
                }
                return self.token(Kind::Eof, offset, "");
            };
            if c == b'/' && matches!(self.peek(1), Some(b'/') | Some(b'*')) {
                if self.insert_semi && self.comment_reaches_line_end() {
                    self.insert_semi = false;
                    return self.token(Kind::Semi, offset, "\n");
                }
                self.skip_comment();
                continue;
            }
            let insert_before = self.insert_semi;
            self.insert_semi = false;
            let (ch, width) = self.char_at(offset);
            if ch.is_alphabetic() || ch == '_' {
                while self.at < self.src.len() {
                    let (ch, width) = self.char_at(self.at);
                    if ch.is_alphanumeric() || ch == '_' {
                        self.at += width;
                    } else {
                        break;
                    }
                }
                let text = String::from_utf8_lossy(&self.src[offset..self.at]).into_owned();
                if text.len() > 1 && KEYWORDS.contains(&text.as_str()) {
                    self.insert_semi = matches!(
                        text.as_str(),
                        "break" | "continue" | "fallthrough" | "return"
                    );
                    return Token {
                        kind: Kind::Keyword,
                        offset,
                        text,
                    };
                }
                self.insert_semi = true;
                return Token {
                    kind: Kind::Ident,
                    offset,
                    text,
                };
            }
            if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_some_and(|d| d.is_ascii_digit()))
            {
                self.number(offset);
                self.insert_semi = true;
                return self.literal(offset, false);
            }
            self.at += width;
            match c {
                b'\n' => {
                    return self.token(Kind::Semi, offset, "\n");
                }
                b'"' => {
                    self.interpreted_string(offset);
                    self.insert_semi = true;
                    return self.literal(offset, true);
                }
                b'`' => {
                    match self.src[self.at..].iter().position(|&b| b == b'`') {
                        Some(i) => self.at += i + 1,
                        None => {
                            self.at = self.src.len();
                            self.error(offset, "raw string literal not terminated".into());
                        }
                    }
                    self.insert_semi = true;
                    return self.literal(offset, true);
                }
                b'\'' => {
                    self.rune(offset);
                    self.insert_semi = true;
                    return self.literal(offset, false);
                }
                b';' => return self.token(Kind::Semi, offset, ";"),
                b')' | b']' | b'}' => {
                    self.insert_semi = true;
                    return self.token(Kind::Punct, offset, &(c as char).to_string());
                }
                _ => {}
            }
            if let Some(op) = self.operator(c) {
                if op == "++" || op == "--" {
                    self.insert_semi = true;
                }
                return self.token(Kind::Punct, offset, op);
            }
            if ch == '\u{feff}' {
                self.insert_semi = insert_before;
                continue;
            }
            let shown = super::scanner::format_unicode(ch as u32);
            self.error(offset, format!("illegal character {shown}"));
            self.insert_semi = insert_before;
            return Token {
                kind: Kind::Illegal,
                offset,
                text: ch.to_string(),
            };
        }
    }

    /// Scans a number literal, reporting every problem (the library
    /// scanner does not stop at the first one, unlike the compiler's).
    fn number(&mut self, offset: usize) {
        let lower = |c: Option<u8>| c.map(|c| c | 0x20);
        let mut int = true;
        let mut base = 10;
        let mut prefix = b'\0';
        let mut digsep = 0;
        let mut invalid = None;
        if self.peek(0) != Some(b'.') {
            if self.peek(0) == Some(b'0') {
                self.at += 1;
                match lower(self.peek(0)) {
                    Some(c @ (b'x' | b'o' | b'b')) => {
                        self.at += 1;
                        prefix = c;
                        base = match c {
                            b'x' => 16,
                            b'o' => 8,
                            _ => 2,
                        };
                    }
                    _ => {
                        (base, prefix) = (8, b'0');
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
        }
        let name = match prefix {
            b'x' => "hexadecimal literal",
            b'o' | b'0' => "octal literal",
            b'b' => "binary literal",
            _ => "decimal literal",
        };
        if self.peek(0) == Some(b'.') {
            int = false;
            if prefix == b'o' || prefix == b'b' {
                self.error(self.at, format!("invalid radix point in {name}"));
            }
            self.at += 1;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 {
            self.error(self.at, format!("{name} has no digits"));
        }
        let e = lower(self.peek(0));
        if e == Some(b'e') || e == Some(b'p') {
            let ch = quote_rune(self.peek(0).unwrap_or(b'e') as i64, false);
            if e == Some(b'e') && prefix != b'\0' && prefix != b'0' {
                self.error(self.at, format!("{ch} exponent requires decimal mantissa"));
            } else if e == Some(b'p') && prefix != b'x' {
                self.error(
                    self.at,
                    format!("{ch} exponent requires hexadecimal mantissa"),
                );
            }
            self.at += 1;
            int = false;
            if matches!(self.peek(0), Some(b'+' | b'-')) {
                self.at += 1;
            }
            let ds = self.digits(10, &mut None);
            digsep |= ds;
            if ds & 1 == 0 {
                self.error(self.at, "exponent has no digits".into());
            }
        } else if prefix == b'x' && !int {
            self.error(
                self.at,
                "hexadecimal mantissa requires a 'p' exponent".into(),
            );
        }
        if self.peek(0) == Some(b'i') {
            int = false;
            self.at += 1;
        }
        let lit = &self.src[offset..self.at];
        if let (true, Some(bad)) = (int, invalid) {
            let digit = quote_rune(self.src[bad] as i64, false);
            self.error(bad, format!("invalid digit {digit} in {name}"));
        }
        if digsep & 2 != 0 {
            if let Some(i) = invalid_separator(lit) {
                self.error(offset + i, "'_' must separate successive digits".into());
            }
        }
    }

    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        while let Some(c) = self.peek(0) {
            let digit = if base <= 10 {
                c.is_ascii_digit()
            } else {
                c.is_ascii_hexdigit()
            };
            if c == b'_' {
                digsep |= 2;
            } else if digit {
                digsep |= 1;
                if base <= 10 && u32::from(c - b'0') >= base && invalid.is_none() {
                    *invalid = Some(self.at);
                }
            } else {
                break;
            }
            self.at += 1;
        }
        digsep
    }

    fn token(&self, kind: Kind, offset: usize, text: &str) -> Token {
        Token {
            kind,
            offset,
            text: text.to_string(),
        }
    }

    fn literal(&self, offset: usize, string: bool) -> Token {
        Token {
            kind: Kind::Literal { string },
            offset,
            text: String::from_utf8_lossy(&self.src[offset..self.at]).into_owned(),
        }
    }

    /// Whether a comment at the cursor ends the line (a `//` comment, or a
    /// `/*` comment containing a newline or unterminated).
    fn comment_reaches_line_end(&self) -> bool {
        if self.peek(1) == Some(b'/') {
            return true;
        }
        let rest = &self.src[self.at + 2..];
        match rest.windows(2).position(|w| w == b"*/") {
            Some(end) => rest[..end].contains(&b'\n'),
            None => true,
        }
    }

    fn skip_comment(&mut self) {
        let start = self.at;
        if self.peek(1) == Some(b'/') {
            while self.peek(0).is_some_and(|c| c != b'\n') {
                self.at += 1;
            }
            return;
        }
        let rest = &self.src[self.at + 2..];
        match rest.windows(2).position(|w| w == b"*/") {
            Some(end) => self.at += 2 + end + 2,
            None => {
                self.at = self.src.len();
                self.error(start, "comment not terminated".into());
            }
        }
    }

    fn interpreted_string(&mut self, offset: usize) {
        loop {
            match self.peek(0) {
                None | Some(b'\n') => {
                    self.error(offset, "string literal not terminated".into());
                    return;
                }
                Some(b'"') => {
                    self.at += 1;
                    return;
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(b'"');
                }
                Some(_) => self.at += 1,
            }
        }
    }

    fn rune(&mut self, offset: usize) {
        let mut n = 0;
        let mut valid = true;
        loop {
            match self.peek(0) {
                None | Some(b'\n') => {
                    if valid {
                        self.error(offset, "rune literal not terminated".into());
                        valid = false;
                    }
                    break;
                }
                Some(b'\'') => {
                    self.at += 1;
                    break;
                }
                Some(b'\\') => {
                    self.at += 1;
                    if !self.escape(b'\'') {
                        valid = false;
                    }
                    n += 1;
                }
                Some(_) => {
                    let (_, width) = self.char_at(self.at);
                    self.at += width;
                    n += 1;
                }
            }
        }
        if valid && n != 1 {
            self.error(offset, "illegal rune literal".into());
        }
    }

    fn escape(&mut self, quote: u8) -> bool {
        let offset = self.at;
        let (n, base): (usize, u32) = match self.peek(0) {
            Some(c) if c == quote || b"abfnrtv\\".contains(&c) => {
                self.at += 1;
                return true;
            }
            Some(b'0'..=b'7') => (3, 8),
            Some(b'x') => {
                self.at += 1;
                (2, 16)
            }
            Some(b'u') => {
                self.at += 1;
                (4, 16)
            }
            Some(b'U') => {
                self.at += 1;
                (8, 16)
            }
            None => {
                self.error(offset, "escape sequence not terminated".into());
                return false;
            }
            Some(_) => {
                self.error(offset, "unknown escape sequence".into());
                return false;
            }
        };
        for _ in 0..n {
            match self.peek(0) {
                Some(c) if (c as char).is_digit(base) => self.at += 1,
                None => {
                    self.error(self.at, "escape sequence not terminated".into());
                    return false;
                }
                Some(c) => {
                    let shown = super::scanner::format_unicode(c as u32);
                    let msg = if c == quote || c == b'\n' {
                        "escape sequence not terminated".to_string()
                    } else {
                        format!("illegal character {shown} in escape sequence")
                    };
                    self.error(self.at, msg);
                    return false;
                }
            }
        }
        true
    }

    fn operator(&mut self, c: u8) -> Option<&'static str> {
        const OPS: [&str; 47] = [
            "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/",
            "%", "&", "|", "^", "<", ">", "=", "!", "(", "[", "{", ",", ".", ":", "~", ")", "]",
            "}",
        ];
        let start = self.at - 1;
        let rest = &self.src[start..];
        let op = OPS
            .iter()
            .find(|op| rest.starts_with(op.as_bytes()) && op.as_bytes()[0] == c)?;
        self.at = start + op.len();
        Some(op)
    }
}

// ----------------------------------------------------------------------
// The standard library parser, imports-only mode.

/// Keywords the library parser resynchronises on after a missing `;`.
const STMT_START: [&str; 14] = [
    "break",
    "const",
    "continue",
    "defer",
    "fallthrough",
    "for",
    "go",
    "goto",
    "if",
    "return",
    "select",
    "switch",
    "type",
    "var",
];

struct HeaderParser<'a> {
    scanner: HeaderScanner<'a>,
    tok: Token,
    errors: Vec<(usize, String)>,
    last_error_line: Option<u32>,
    src: &'a [u8],
    /// Where `advance` last stopped, and how often it stopped there.
    sync_pos: usize,
    sync_count: u32,
}

fn parse_header(header: &[u8]) -> Vec<(usize, String)> {
    let mut scanner = HeaderScanner {
        src: header,
        at: 0,
        insert_semi: false,
        errors: Vec::new(),
        bom_checked: 0,
    };
    let tok = scanner.next();
    let mut p = HeaderParser {
        scanner,
        tok,
        errors: Vec::new(),
        last_error_line: None,
        src: header,
        sync_pos: usize::MAX,
        sync_count: 0,
    };
    p.take_scanner_errors();
    if !p.errors.is_empty() {
        return p.errors;
    }
    p.expect_keyword("package");
    p.ident();
    p.expect_semi();
    if !p.errors.is_empty() {
        return p.errors;
    }
    let mut guard = 0;
    while p.is_keyword("import") && guard < 10_000 {
        guard += 1;
        p.import_decl();
    }
    p.errors
}

impl HeaderParser<'_> {
    /// Scanner errors are all kept (only the parser's own errors are
    /// limited to one per line).
    fn take_scanner_errors(&mut self) {
        for (offset, msg) in std::mem::take(&mut self.scanner.errors) {
            self.last_error_line = Some(position(self.src, offset).line);
            self.errors.push((offset, msg));
        }
    }

    fn next(&mut self) {
        // The library parser gives up after ten errors.
        if self.errors.len() > 10 {
            self.tok = Token {
                kind: Kind::Eof,
                offset: self.tok.offset,
                text: String::new(),
            };
            return;
        }
        self.tok = self.scanner.next();
        self.take_scanner_errors();
    }

    /// Keeps the first error of each line, as the library parser does.
    fn error(&mut self, offset: usize, msg: String) {
        let line = position(self.src, offset).line;
        if self.last_error_line == Some(line) {
            return;
        }
        self.last_error_line = Some(line);
        self.errors.push((offset, msg));
    }

    fn is_keyword(&self, kw: &str) -> bool {
        self.tok.kind == Kind::Keyword && self.tok.text == kw
    }

    fn error_expected(&mut self, what: &str) {
        let found = match &self.tok.kind {
            Kind::Semi if self.tok.text == "\n" => "newline".to_string(),
            Kind::Ident | Kind::Literal { .. } => self.tok.text.clone(),
            Kind::Eof => "'EOF'".to_string(),
            Kind::Illegal => "'ILLEGAL'".to_string(),
            _ => format!("'{}'", self.tok.text),
        };
        self.error(self.tok.offset, format!("expected {what}, found {found}"));
    }

    fn expect_keyword(&mut self, kw: &str) {
        if !self.is_keyword(kw) {
            self.error_expected(&format!("'{kw}'"));
        }
        self.next();
    }

    fn ident(&mut self) {
        if self.tok.kind != Kind::Ident {
            self.error_expected("'IDENT'");
        }
        self.next();
    }

    fn is_punct(&self, p: &str) -> bool {
        self.tok.kind == Kind::Punct && self.tok.text == p
    }

    fn expect_semi(&mut self) {
        if self.is_punct(")") || self.is_punct("}") {
            return;
        }
        if self.is_punct(",") {
            self.error_expected("';'");
            self.next();
            return;
        }
        if self.tok.kind == Kind::Semi {
            self.next();
            return;
        }
        self.error_expected("';'");
        self.advance(|t| t.kind == Kind::Keyword && STMT_START.contains(&t.text.as_str()));
    }

    /// Skips to a token in the `to` set, making sure that repeated calls
    /// without progress eventually consume a token.
    fn advance(&mut self, to: impl Fn(&Token) -> bool) {
        while self.tok.kind != Kind::Eof {
            if to(&self.tok) {
                if self.tok.offset == self.sync_pos && self.sync_count < 10 {
                    self.sync_count += 1;
                    return;
                }
                if self.tok.offset > self.sync_pos || self.sync_pos == usize::MAX {
                    self.sync_pos = self.tok.offset;
                    self.sync_count = 0;
                    return;
                }
            }
            self.next();
        }
    }

    fn import_decl(&mut self) {
        self.next();
        if self.is_punct("(") {
            self.next();
            while !self.is_punct(")") && self.tok.kind != Kind::Eof {
                self.import_spec();
            }
            if !self.is_punct(")") {
                self.error_expected("')'");
            }
            self.next();
            self.expect_semi();
        } else {
            self.import_spec();
        }
    }

    fn import_spec(&mut self) {
        if self.tok.kind == Kind::Ident || self.is_punct(".") {
            self.next();
        }
        let offset = self.tok.offset;
        match self.tok.kind {
            Kind::Literal { string: true } => self.next(),
            Kind::Literal { string: false } | Kind::Ident => {
                self.error(offset, "import path must be a string".into());
                self.next();
            }
            _ => {
                self.error(offset, "missing import path".into());
                self.advance(|t| {
                    t.kind == Kind::Semi
                        || (t.kind == Kind::Punct
                            && [",", ":", ")", "]", "}"].contains(&t.text.as_str()))
                });
            }
        }
        self.expect_semi();
    }
}
