//! Go's lexical scanner, with automatic semicolon insertion.
//!
//! Escapade must report lexical errors with the Go compiler's exact words
//! and positions, so this scanner keeps the same notion of "current
//! character" and the same (line, column) bookkeeping as the compiler's
//! scanner: columns count bytes, a BOM is skipped but still occupies its
//! bytes, NUL bytes and invalid UTF-8 are reported and skipped.

use crate::quote::{is_print, quote_rune};
use crate::unicode::{in_table, tables as unicode_tables};

/// The kinds of token the parser sees.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Tok {
    Eof,
    Name,
    Literal,
    Operator,
    AssignOp,
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi,
    Colon,
    Dot,
    DotDotDot,
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

const KEYWORDS: [(&str, Tok); 25] = [
    ("break", Tok::Break),
    ("case", Tok::Case),
    ("chan", Tok::Chan),
    ("const", Tok::Const),
    ("continue", Tok::Continue),
    ("default", Tok::Default),
    ("defer", Tok::Defer),
    ("else", Tok::Else),
    ("fallthrough", Tok::Fallthrough),
    ("for", Tok::For),
    ("func", Tok::Func),
    ("go", Tok::Go),
    ("goto", Tok::Goto),
    ("if", Tok::If),
    ("import", Tok::Import),
    ("interface", Tok::Interface),
    ("map", Tok::Map),
    ("package", Tok::Package),
    ("range", Tok::Range),
    ("return", Tok::Return),
    ("select", Tok::Select),
    ("struct", Tok::Struct),
    ("switch", Tok::Switch),
    ("type", Tok::Type),
    ("var", Tok::Var),
];

impl Tok {
    /// The compiler's debug name of the token (used inside messages).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Tok::Eof => "EOF",
            Tok::Name => "name",
            Tok::Literal => "literal",
            Tok::Operator => "op",
            Tok::AssignOp => "op=",
            Tok::IncOp => "opop",
            Tok::Assign => "=",
            Tok::Define => ":=",
            Tok::Arrow => "<-",
            Tok::Star => "*",
            Tok::Lparen => "(",
            Tok::Lbrack => "[",
            Tok::Lbrace => "{",
            Tok::Rparen => ")",
            Tok::Rbrack => "]",
            Tok::Rbrace => "}",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Colon => ":",
            Tok::Dot => ".",
            Tok::DotDotDot => "...",
            kw => KEYWORDS
                .iter()
                .find(|(_, t)| *t == kw)
                .map_or("?", |(s, _)| s),
        }
    }

    pub(crate) fn is_keyword(self) -> bool {
        KEYWORDS.iter().any(|(_, t)| *t == self)
    }
}

/// Whether `text` is one of Go's 25 keywords.
pub(crate) fn is_keyword(text: &str) -> bool {
    KEYWORDS.iter().any(|(k, _)| *k == text)
}

/// Operators, as carried by operator tokens.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Op {
    None,
    Def,
    Not,
    Recv,
    Tilde,
    OrOr,
    AndAnd,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Div,
    Rem,
    And,
    AndNot,
    Shl,
    Shr,
}

impl Op {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Op::None => "",
            Op::Def => ":",
            Op::Not => "!",
            Op::Recv => "<-",
            Op::Tilde => "~",
            Op::OrOr => "||",
            Op::AndAnd => "&&",
            Op::Eql => "==",
            Op::Neq => "!=",
            Op::Lss => "<",
            Op::Leq => "<=",
            Op::Gtr => ">",
            Op::Geq => ">=",
            Op::Add => "+",
            Op::Sub => "-",
            Op::Or => "|",
            Op::Xor => "^",
            Op::Mul => "*",
            Op::Div => "/",
            Op::Rem => "%",
            Op::And => "&",
            Op::AndNot => "&^",
            Op::Shl => "<<",
            Op::Shr => ">>",
        }
    }
}

pub(crate) const PREC_OROR: u8 = 1;
pub(crate) const PREC_ANDAND: u8 = 2;
pub(crate) const PREC_CMP: u8 = 3;
pub(crate) const PREC_ADD: u8 = 4;
pub(crate) const PREC_MUL: u8 = 5;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

/// A `//go:` directive comment: where it starts, whether only blanks
/// precede it on its line, and its text after `//`.
#[derive(Clone, Debug)]
pub(crate) struct Directive {
    pub line: u32,
    pub col: u32,
    pub blank: bool,
    pub text: String,
}

/// An error at a Go (line, column); `len` bytes are underlined.
#[derive(Clone, Debug)]
pub(crate) struct RawError {
    pub line: u32,
    pub col: u32,
    pub len: u32,
    pub msg: String,
}

const EOF: i32 = -1;
const BOM: i32 = 0xFEFF;
const RUNE_ERROR: i32 = 0xFFFD;
const MAX_RUNE: u32 = 0x10FFFF;

pub(crate) struct Scanner<'a> {
    src: &'a [u8],
    // Reading state: `ch` is the current character, which ends at `r`.
    r: usize,
    ch: i32,
    chw: usize,
    line: u32,
    col: u32,
    segment_start: Option<usize>,
    nlsemi: bool,
    /// Whether only blanks precede the current token on its line.
    blank: bool,

    // The current token.
    pub tok: Tok,
    pub tok_line: u32,
    pub tok_col: u32,
    pub tok_start: usize,
    pub tok_end: usize,
    pub lit: String,
    pub bad: bool,
    pub kind: LitKind,
    pub op: Op,
    pub prec: u8,

    /// Every error reported so far (scanner and parser), in report order.
    pub errors: Vec<RawError>,
    /// Directives scanned since the parser last looked.
    pub directives: Vec<Directive>,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Scanner {
            src: src.as_bytes(),
            r: 0,
            ch: ' ' as i32,
            chw: 0,
            line: 0,
            col: 0,
            segment_start: None,
            nlsemi: false,
            blank: false,
            tok: Tok::Eof,
            tok_line: 1,
            tok_col: 1,
            tok_start: 0,
            tok_end: 0,
            lit: String::new(),
            bad: false,
            kind: LitKind::Int,
            op: Op::None,
            prec: 0,
            errors: Vec::new(),
            directives: Vec::new(),
        }
    }

    pub(crate) fn report(&mut self, line: u32, col: u32, len: u32, msg: String) {
        self.errors.push(RawError {
            line,
            col,
            len,
            msg,
        });
    }

    /// Reports at the current character.
    fn error_here(&mut self, msg: String) {
        let (line, col) = self.pos();
        let len = self.chw.max(1) as u32;
        self.report(line, col, len, msg);
    }

    /// Reports at a byte offset from the current token's start.
    fn error_at_offset(&mut self, offset: u32, msg: String) {
        self.report(self.tok_line, self.tok_col + offset, 1, msg);
    }

    fn pos(&self) -> (u32, u32) {
        (self.line + 1, self.col + 1)
    }

    fn start_segment(&mut self) {
        self.segment_start = Some(self.r - self.chw);
    }

    fn segment(&self) -> &'a [u8] {
        let start = self.segment_start.unwrap_or(self.r - self.chw);
        &self.src[start.min(self.r - self.chw)..self.r - self.chw]
    }

    /// Moves back to the start of the current segment (only used for "..").
    fn rewind(&mut self) {
        let start = self.segment_start.unwrap_or(self.r - self.chw);
        self.col = self.col.wrapping_sub((self.r - start) as u32);
        self.r = start;
        self.nextch();
    }

    fn nextch(&mut self) {
        loop {
            self.col = self.col.wrapping_add(self.chw as u32);
            if self.ch == '\n' as i32 {
                self.line += 1;
                self.col = 0;
            }
            if self.r >= self.src.len() {
                self.ch = EOF;
                self.chw = 0;
                return;
            }
            let b = self.src[self.r];
            if b < 0x80 {
                self.r += 1;
                self.chw = 1;
                self.ch = b as i32;
                if b == 0 {
                    self.error_here("invalid NUL character".into());
                    continue;
                }
                return;
            }
            let (ch, width) = decode_rune(&self.src[self.r..]);
            self.ch = ch;
            self.chw = width;
            self.r += width;
            if ch == RUNE_ERROR && width == 1 {
                self.error_here("invalid UTF-8 encoding".into());
                continue;
            }
            if ch == BOM {
                if self.line > 0 || self.col > 0 {
                    self.error_here("invalid BOM in the middle of the file".into());
                }
                continue;
            }
            return;
        }
    }

    fn is(&self, c: char) -> bool {
        self.ch == c as i32
    }

    /// Advances to the next token.
    pub(crate) fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        self.lit.clear();
        self.bad = false;
        loop {
            self.segment_start = None;
            let (start_line, start_col) = self.pos();
            while self.is(' ') || self.is('\t') || (self.is('\n') && !nlsemi) || self.is('\r') {
                self.nextch();
            }
            (self.tok_line, self.tok_col) = self.pos();
            self.blank = self.tok_line > start_line || start_col == 1;
            self.tok_start = self.r - self.chw;
            self.start_segment();
            if self.scan_token(nlsemi) {
                break;
            }
        }
        self.tok_end = self.r - self.chw;
    }

    /// Scans one token starting at the current character; false means the
    /// characters were skipped (a comment or an invalid character) and the
    /// caller must start over.
    fn scan_token(&mut self, nlsemi: bool) -> bool {
        let ch = self.ch;
        if is_letter(ch) || ch >= 0x80 && self.at_ident_char(true) {
            self.nextch();
            self.ident();
            return true;
        }
        if ch == EOF {
            if nlsemi {
                self.lit = "EOF".into();
                self.tok = Tok::Semi;
            } else {
                self.tok = Tok::Eof;
            }
            return true;
        }
        let c = char::from_u32(ch as u32).unwrap_or('\u{FFFD}');
        match c {
            '\n' => {
                self.nextch();
                self.lit = "newline".into();
                self.tok = Tok::Semi;
            }
            '0'..='9' => self.number(false),
            '"' => self.std_string(),
            '`' => self.raw_string(),
            '\'' => self.rune(),
            '(' => self.simple(Tok::Lparen),
            '[' => self.simple(Tok::Lbrack),
            '{' => self.simple(Tok::Lbrace),
            ',' => self.simple(Tok::Comma),
            ';' => {
                self.nextch();
                self.lit = "semicolon".into();
                self.tok = Tok::Semi;
            }
            ')' | ']' | '}' => {
                self.nextch();
                self.nlsemi = true;
                self.tok = match c {
                    ')' => Tok::Rparen,
                    ']' => Tok::Rbrack,
                    _ => Tok::Rbrace,
                };
            }
            ':' => {
                self.nextch();
                if self.is('=') {
                    self.nextch();
                    self.tok = Tok::Define;
                } else {
                    self.tok = Tok::Colon;
                }
            }
            '.' => {
                self.nextch();
                if is_decimal(self.ch) {
                    self.number(true);
                    return true;
                }
                if self.is('.') {
                    self.nextch();
                    if self.is('.') {
                        self.nextch();
                        self.tok = Tok::DotDotDot;
                        return true;
                    }
                    self.rewind();
                    self.nextch();
                }
                self.tok = Tok::Dot;
            }
            '+' | '-' => {
                self.nextch();
                self.set_op(if c == '+' { Op::Add } else { Op::Sub }, PREC_ADD);
                if self.ch != ch {
                    self.assign_op();
                } else {
                    self.nextch();
                    self.nlsemi = true;
                    self.tok = Tok::IncOp;
                }
            }
            '*' => {
                self.nextch();
                self.set_op(Op::Mul, PREC_MUL);
                if self.is('=') {
                    self.nextch();
                    self.tok = Tok::AssignOp;
                } else {
                    self.tok = Tok::Star;
                }
            }
            '/' => {
                self.nextch();
                if self.is('/') {
                    self.nextch();
                    self.skip_line();
                    let text = String::from_utf8_lossy(&self.segment()[2..]).into_owned();
                    let text = text.strip_suffix('\r').unwrap_or(&text);
                    if text.starts_with("go:") {
                        self.directives.push(Directive {
                            line: self.tok_line,
                            col: self.tok_col,
                            blank: self.blank,
                            text: text.to_string(),
                        });
                    }
                    return false;
                }
                if self.is('*') {
                    self.nextch();
                    self.skip_comment();
                    if self.line + 1 > self.tok_line && nlsemi {
                        self.lit = "newline".into();
                        self.tok = Tok::Semi;
                        return true;
                    }
                    return false;
                }
                self.set_op(Op::Div, PREC_MUL);
                self.assign_op();
            }
            '%' => {
                self.nextch();
                self.set_op(Op::Rem, PREC_MUL);
                self.assign_op();
            }
            '&' => {
                self.nextch();
                if self.is('&') {
                    self.nextch();
                    self.set_op(Op::AndAnd, PREC_ANDAND);
                    self.tok = Tok::Operator;
                    return true;
                }
                self.set_op(Op::And, PREC_MUL);
                if self.is('^') {
                    self.nextch();
                    self.op = Op::AndNot;
                }
                self.assign_op();
            }
            '|' => {
                self.nextch();
                if self.is('|') {
                    self.nextch();
                    self.set_op(Op::OrOr, PREC_OROR);
                    self.tok = Tok::Operator;
                    return true;
                }
                self.set_op(Op::Or, PREC_ADD);
                self.assign_op();
            }
            '^' => {
                self.nextch();
                self.set_op(Op::Xor, PREC_ADD);
                self.assign_op();
            }
            '<' => {
                self.nextch();
                if self.is('=') {
                    self.nextch();
                    self.set_op(Op::Leq, PREC_CMP);
                    self.tok = Tok::Operator;
                } else if self.is('<') {
                    self.nextch();
                    self.set_op(Op::Shl, PREC_MUL);
                    self.assign_op();
                } else if self.is('-') {
                    self.nextch();
                    self.tok = Tok::Arrow;
                } else {
                    self.set_op(Op::Lss, PREC_CMP);
                    self.tok = Tok::Operator;
                }
            }
            '>' => {
                self.nextch();
                if self.is('=') {
                    self.nextch();
                    self.set_op(Op::Geq, PREC_CMP);
                    self.tok = Tok::Operator;
                } else if self.is('>') {
                    self.nextch();
                    self.set_op(Op::Shr, PREC_MUL);
                    self.assign_op();
                } else {
                    self.set_op(Op::Gtr, PREC_CMP);
                    self.tok = Tok::Operator;
                }
            }
            '=' => {
                self.nextch();
                if self.is('=') {
                    self.nextch();
                    self.set_op(Op::Eql, PREC_CMP);
                    self.tok = Tok::Operator;
                } else {
                    self.tok = Tok::Assign;
                }
            }
            '!' => {
                self.nextch();
                if self.is('=') {
                    self.nextch();
                    self.set_op(Op::Neq, PREC_CMP);
                } else {
                    self.set_op(Op::Not, 0);
                }
                self.tok = Tok::Operator;
            }
            '~' => {
                self.nextch();
                self.set_op(Op::Tilde, 0);
                self.tok = Tok::Operator;
            }
            _ => {
                self.error_here(format!("invalid character {}", format_unicode(ch as u32)));
                self.nextch();
                return false;
            }
        }
        true
    }

    fn simple(&mut self, tok: Tok) {
        self.nextch();
        self.tok = tok;
    }

    fn set_op(&mut self, op: Op, prec: u8) {
        self.op = op;
        self.prec = prec;
    }

    /// Finishes an operator that may be followed by `=`.
    fn assign_op(&mut self) {
        if self.is('=') {
            self.nextch();
            self.tok = Tok::AssignOp;
        } else {
            self.tok = Tok::Operator;
        }
    }

    fn ident(&mut self) {
        while is_letter(self.ch) || is_decimal(self.ch) {
            self.nextch();
        }
        if self.ch >= 0x80 {
            while self.at_ident_char(false) {
                self.nextch();
            }
        }
        let lit = String::from_utf8_lossy(self.segment()).into_owned();
        if let Some(&(_, tok)) = KEYWORDS.iter().find(|(k, _)| *k == lit) {
            self.nlsemi = matches!(
                tok,
                Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return
            );
            self.tok = tok;
            return;
        }
        self.nlsemi = true;
        self.lit = lit;
        self.tok = Tok::Name;
    }

    fn at_ident_char(&mut self, first: bool) -> bool {
        let ch = self.ch;
        if is_unicode_letter(ch) || ch == '_' as i32 {
            return true;
        }
        if is_unicode_digit(ch) {
            if first {
                self.error_here(format!(
                    "identifier cannot begin with digit {}",
                    format_unicode(ch as u32)
                ));
            }
            return true;
        }
        if ch >= 0x80 {
            self.error_here(format!(
                "invalid character {} in identifier",
                format_unicode(ch as u32)
            ));
            return true;
        }
        false
    }

    fn set_lit(&mut self, kind: LitKind, ok: bool) {
        self.nlsemi = true;
        self.tok = Tok::Literal;
        self.lit = String::from_utf8_lossy(self.segment()).into_owned();
        self.bad = !ok;
        self.kind = kind;
    }

    /// Accepts `{ digit | '_' }`; returns bit 0 for digits seen, bit 1 for
    /// separators. For bases up to 10, the first digit too large for the
    /// base is recorded (as an offset from the literal start) in `invalid`.
    fn digits(&mut self, base: u32, mut invalid: Option<&mut i64>) -> u32 {
        let mut digsep = 0;
        if base <= 10 {
            let max = '0' as i32 + base as i32;
            while is_decimal(self.ch) || self.is('_') {
                let mut ds = 1;
                if self.is('_') {
                    ds = 2;
                } else if self.ch >= max {
                    if let Some(inv) = invalid.as_deref_mut() {
                        if *inv < 0 {
                            let (_, col) = self.pos();
                            *inv = col as i64 - self.tok_col as i64;
                        }
                    }
                }
                digsep |= ds;
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.is('_') {
                digsep |= if self.is('_') { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = '\0';
        let mut digsep = 0;
        let mut invalid: i64 = -1;

        if !seen_point {
            if self.is('0') {
                self.nextch();
                match lower(self.ch) {
                    x if x == 'x' as i32 => {
                        self.nextch();
                        (base, prefix) = (16, 'x');
                    }
                    x if x == 'o' as i32 => {
                        self.nextch();
                        (base, prefix) = (8, 'o');
                    }
                    x if x == 'b' as i32 => {
                        self.nextch();
                        (base, prefix) = (2, 'b');
                    }
                    _ => {
                        (base, prefix) = (8, '0');
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(base, Some(&mut invalid));
            if self.is('.') {
                if prefix == 'o' || prefix == 'b' {
                    self.error_here(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }

        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, Some(&mut invalid));
        }

        if digsep & 1 == 0 && ok {
            self.error_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        let e = lower(self.ch);
        if e == 'e' as i32 || e == 'p' as i32 {
            if ok {
                if e == 'e' as i32 && prefix != '\0' && prefix != '0' {
                    self.error_here(format!(
                        "{} exponent requires decimal mantissa",
                        quote_rune(self.ch as i64, false)
                    ));
                    ok = false;
                } else if e == 'p' as i32 && prefix != 'x' {
                    self.error_here(format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_rune(self.ch as i64, false)
                    ));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.is('+') || self.is('-') {
                self.nextch();
            }
            digsep = self.digits(10, None) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error_here("exponent has no digits".into());
                ok = false;
            }
        } else if prefix == 'x' && kind == LitKind::Float && ok {
            self.error_here("hexadecimal mantissa requires a 'p' exponent".into());
            ok = false;
        }

        if self.is('i') {
            kind = LitKind::Imag;
            self.nextch();
        }

        self.set_lit(kind, ok);

        if kind == LitKind::Int && invalid >= 0 && ok {
            let digit = self
                .lit
                .as_bytes()
                .get(invalid as usize)
                .copied()
                .unwrap_or(b'?');
            self.error_at_offset(
                invalid as u32,
                format!(
                    "invalid digit {} in {} literal",
                    quote_rune(digit as i64, false),
                    base_name(base)
                ),
            );
            ok = false;
        }

        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_separator(self.lit.as_bytes()) {
                self.error_at_offset(i as u32, "'_' must separate successive digits".into());
                ok = false;
            }
        }

        self.bad = !ok;
    }

    fn rune(&mut self) {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.is('\'') {
                if ok {
                    if n == 0 {
                        self.error_here("empty rune literal or unescaped '".into());
                        ok = false;
                    } else if n != 1 {
                        self.error_at_offset(0, "more than one character in rune literal".into());
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.is('\\') {
                self.nextch();
                if !self.escape('\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.is('\n') {
                if ok {
                    self.error_here("newline in rune literal".into());
                    ok = false;
                }
                break;
            }
            if self.ch < 0 {
                if ok {
                    self.error_at_offset(0, "rune literal not terminated".into());
                    ok = false;
                }
                break;
            }
            self.nextch();
            n += 1;
        }
        self.set_lit(LitKind::Rune, ok);
    }

    fn std_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.is('"') {
                self.nextch();
                break;
            }
            if self.is('\\') {
                self.nextch();
                if !self.escape('"') {
                    ok = false;
                }
                continue;
            }
            if self.is('\n') {
                self.error_here("newline in string".into());
                ok = false;
                break;
            }
            if self.ch < 0 {
                self.error_at_offset(0, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn raw_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.is('`') {
                self.nextch();
                break;
            }
            if self.ch < 0 {
                self.error_at_offset(0, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    /// Skips to the end of the line, leaving the newline for the
    /// semicolon rule.
    fn skip_line(&mut self) {
        while self.ch >= 0 && !self.is('\n') {
            self.nextch();
        }
    }

    fn skip_comment(&mut self) {
        while self.ch >= 0 {
            while self.is('*') {
                self.nextch();
                if self.is('/') {
                    self.nextch();
                    return;
                }
            }
            self.nextch();
        }
        self.error_at_offset(0, "comment not terminated".into());
    }

    fn escape(&mut self, quote: char) -> bool {
        let (n, base, max): (u32, u32, u32);
        let c = self.ch;
        if c == quote as i32
            || [b'a', b'b', b'f', b'n', b'r', b't', b'v', b'\\']
                .iter()
                .any(|&e| c == e as i32)
        {
            self.nextch();
            return true;
        }
        if ('0' as i32..='7' as i32).contains(&c) {
            (n, base, max) = (3, 8, 255);
        } else if c == 'x' as i32 {
            self.nextch();
            (n, base, max) = (2, 16, 255);
        } else if c == 'u' as i32 {
            self.nextch();
            (n, base, max) = (4, 16, MAX_RUNE);
        } else if c == 'U' as i32 {
            self.nextch();
            (n, base, max) = (8, 16, MAX_RUNE);
        } else {
            if c < 0 {
                return true;
            }
            self.error_here("unknown escape".into());
            return false;
        }

        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch < 0 {
                return true;
            }
            let mut d = base;
            if is_decimal(self.ch) {
                d = (self.ch - '0' as i32) as u32;
            } else if ('a' as i32..='f' as i32).contains(&lower(self.ch)) {
                d = (lower(self.ch) - 'a' as i32) as u32 + 10;
            }
            if d >= base {
                self.error_here(format!(
                    "invalid character {} in {} escape",
                    quote_rune(self.ch as i64, false),
                    base_name(base)
                ));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }

        if x > max && base == 8 {
            self.error_here(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error_here(format!(
                "escape is invalid Unicode code point {}",
                format_unicode(x)
            ));
            return false;
        }
        true
    }
}

/// Decodes one rune as Go's `utf8.DecodeRune` does: invalid or truncated
/// sequences give (U+FFFD, 1).
fn decode_rune(bytes: &[u8]) -> (i32, usize) {
    let width = match bytes[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (RUNE_ERROR, 1),
    };
    match bytes.get(..width).map(std::str::from_utf8) {
        Some(Ok(s)) => (s.chars().next().map_or(RUNE_ERROR, |c| c as i32), width),
        _ => (RUNE_ERROR, 1),
    }
}

fn lower(ch: i32) -> i32 {
    ('a' as i32 - 'A' as i32) | ch
}

fn is_letter(ch: i32) -> bool {
    let l = lower(ch);
    ('a' as i32..='z' as i32).contains(&l) || ch == '_' as i32
}

pub(crate) fn is_decimal(ch: i32) -> bool {
    ('0' as i32..='9' as i32).contains(&ch)
}

fn is_hex(ch: i32) -> bool {
    is_decimal(ch) || ('a' as i32..='f' as i32).contains(&lower(ch))
}

fn is_unicode_letter(ch: i32) -> bool {
    if ch < 0x80 {
        return ch >= 0 && is_letter(ch) && ch != '_' as i32;
    }
    in_table(unicode_tables::LETTER, ch as u32)
}

fn is_unicode_digit(ch: i32) -> bool {
    if ch < 0x80 {
        return is_decimal(ch);
    }
    in_table(unicode_tables::DIGIT, ch as u32)
}

/// Formats a rune as Go's `%#U` verb: `U+0040 '@'`.
pub(crate) fn format_unicode(ch: u32) -> String {
    let mut out = format!("U+{ch:04X}");
    if ch <= MAX_RUNE && is_print(ch as i64) {
        if let Some(c) = char::from_u32(ch) {
            out.push_str(&format!(" '{c}'"));
        }
    }
    out
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// The index of the first `_` in a number literal that does not separate
/// two digits (a base prefix counts as a digit).
pub(crate) fn invalid_separator(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}
