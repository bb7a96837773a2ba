//! A recursive-descent recognizer for Go that reports syntax errors as the
//! Go compiler's parser does.
//!
//! The structure follows the compiler's parser production by production,
//! because its messages depend on where exactly parsing failed and how it
//! resynchronised afterwards: "expected X" when a token was required,
//! context phrases ("in composite literal; possibly missing comma or }",
//! "at end of statement", "after top level declaration"), and skipping to a
//! follow set of tokens after an error. It builds only the small tree in
//! [`super::ast`] that those decisions need.

use super::ast::{Block, CaseClause, ChanDir, Expr, Field, GoPos, Name, SimpleStmt, Stmt};
use super::branches;
use super::printer::{emphasize, expr_string, stmt_string};
use super::scanner::{Directive, LitKind, Op, RawError, Scanner, Tok};

/// How deeply expressions, types and blocks may nest before the recognizer
/// gives up (instead of overflowing the stack on adversarial input).
const MAX_DEPTH: u32 = 100;

/// Operator and suffix chains (`a+b+c…`, `a.b.c…`) are parsed by loops
/// but build left-deep trees; past this length their inner parts are
/// replaced by opaque leaves so the tree stays shallow.
const FLATTEN_AFTER: u32 = 32;

/// Keywords that start a statement: good places to resume after an error.
const STOP_SET: [Tok; 14] = [
    Tok::Break,
    Tok::Const,
    Tok::Continue,
    Tok::Defer,
    Tok::Fallthrough,
    Tok::For,
    Tok::Go,
    Tok::Goto,
    Tok::If,
    Tok::Return,
    Tok::Select,
    Tok::Switch,
    Tok::Type,
    Tok::Var,
];

/// Directives pending for the next declaration.
#[derive(Default)]
struct Pragma {
    flags: u32,
    positions: Vec<(GoPos, u32)>,
    embeds: Vec<GoPos>,
}

const RUNTIME_ONLY: u32 = 1 << 7 | 1 << 8 | 1 << 9 | 1 << 10;
const UINTPTR_KEEP_ALIVE: u32 = 1 << 12;

/// The compiler's flag for a directive verb (0 for verbs it ignores).
fn pragma_flag(verb: &str) -> u32 {
    match verb {
        "go:build" => 1 << 0,
        "go:noescape" => 1 << 1,
        "go:norace" => 1 << 2,
        "go:nosplit" => 1 << 3 | 1 << 5,
        "go:noinline" => 1 << 4,
        "go:nocheckptr" => 1 << 5,
        "go:systemstack" => 1 << 7,
        "go:nowritebarrier" => 1 << 8,
        "go:nowritebarrierrec" => 1 << 9 | 1 << 8,
        "go:yeswritebarrierrec" => 1 << 10,
        "go:cgo_unsafe_args" => 1 << 11 | 1 << 5,
        "go:uintptrkeepalive" => UINTPTR_KEEP_ALIVE,
        "go:uintptrescapes" => 1 << 13 | UINTPTR_KEEP_ALIVE,
        "go:registerparams" => 1 << 14,
        _ => 0,
    }
}

/// A basic literal as the recognizer sees it.
struct Literal {
    pos: GoPos,
    value: String,
    kind: LitKind,
    bad: bool,
}

/// Recognizes one Go source file; the errors are in report order.
/// `file` names the source in messages that quote a position.
pub(crate) fn recognize(source: &str, file: &str) -> Vec<RawError> {
    let mut r = Recognizer::new(source, file);
    r.s.next();
    r.file();
    r.s.errors
}

struct Recognizer<'a> {
    s: Scanner<'a>,
    file: &'a str,
    fnest: i32,
    xnest: i32,
    depth: u32,
    gave_up: bool,
    next_group: usize,
    /// Errors reported by label and directive checks (they bypass the
    /// parser's error count).
    side_errors: usize,
    /// Directives waiting for the declaration they apply to.
    pragma: Option<Pragma>,
    decl_count: usize,
    last_decl_is_bodyless_func: bool,
}

impl<'a> Recognizer<'a> {
    fn new(source: &'a str, file: &'a str) -> Self {
        Recognizer {
            s: Scanner::new(source),
            file,
            fnest: 0,
            xnest: 0,
            depth: 0,
            gave_up: false,
            next_group: 0,
            side_errors: 0,
            pragma: None,
            decl_count: 0,
            last_decl_is_bodyless_func: false,
        }
    }

    // ------------------------------------------------------------------
    // Tokens and errors

    fn tok(&self) -> Tok {
        self.s.tok
    }

    fn pos(&self) -> GoPos {
        GoPos {
            line: self.s.tok_line,
            col: self.s.tok_col,
        }
    }

    fn next(&mut self) {
        if self.gave_up {
            self.s.tok = Tok::Eof;
            return;
        }
        self.s.next();
        for d in std::mem::take(&mut self.s.directives) {
            self.directive(d);
        }
    }

    fn side_error(&mut self, pos: GoPos, msg: String) {
        self.side_errors += 1;
        self.s.report(pos.line, pos.col, 1, msg);
    }

    /// A `//go:` directive as the compiler's front end first sees it.
    fn directive(&mut self, d: Directive) {
        let pos = GoPos {
            line: d.line,
            col: d.col + 2,
        };
        if !d.blank {
            self.side_error(pos, "misplaced compiler directive".into());
            return;
        }
        let text = d.text.as_str();
        let fields: Vec<&str> = text.split_whitespace().collect();
        let pragma = self.pragma.get_or_insert_with(Pragma::default);
        if text.starts_with("go:linkname ") || text.starts_with("go:linknamestd ") {
            if !(2..=3).contains(&fields.len()) {
                let msg = format!("usage: //{} localname [linkname]", fields[0]);
                self.side_error(pos, msg);
            }
            return;
        }
        if text == "go:embed" || text.starts_with("go:embed ") {
            if fields.len() < 2 {
                self.side_error(pos, "usage: //go:embed pattern...".into());
            } else {
                pragma.embeds.push(pos);
            }
            return;
        }
        if text.starts_with("go:wasmimport ") || text.starts_with("go:wasmexport ") {
            return;
        }
        let verb = fields.first().copied().unwrap_or(text);
        if text.starts_with("go:cgo_") && !text.starts_with("go:cgo_import_dynamic ") {
            self.side_error(pos, format!("//{text} only allowed in cgo-generated code"));
        }
        let flag = pragma_flag(verb);
        let pragma = self.pragma.get_or_insert_with(Pragma::default);
        pragma.flags |= flag;
        pragma.positions.push((pos, flag));
        if flag & RUNTIME_ONLY != 0 {
            self.side_error(pos, format!("//{verb} only allowed in runtime"));
        }
        if flag == UINTPTR_KEEP_ALIVE {
            self.side_error(
                pos,
                format!("//{verb} is only allowed in the standard library"),
            );
        }
    }

    /// The directives before a declaration belong to it.
    fn take_pragma(&mut self) {
        self.pragma = None;
    }

    /// Directives before anything else are misplaced.
    fn clear_pragma(&mut self) {
        let Some(pragma) = self.pragma.take() else {
            return;
        };
        for (pos, flag) in pragma.positions {
            if flag & pragma.flags != 0 {
                self.side_error(pos, "misplaced compiler directive".into());
            }
        }
        for pos in pragma.embeds {
            self.side_error(pos, "misplaced go:embed directive".into());
        }
    }

    fn is_op(&self, op: Op) -> bool {
        self.tok() == Tok::Operator && self.s.op == op
    }

    fn error_count(&self) -> usize {
        self.s.errors.len() - self.side_errors
    }

    fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    fn group(&mut self) -> usize {
        self.next_group += 1;
        self.next_group
    }

    fn error_at(&mut self, pos: GoPos, msg: String) {
        let len = if pos == self.pos() {
            match self.tok() {
                Tok::Semi | Tok::Eof => 1,
                _ => (self.s.tok_end - self.s.tok_start).max(1) as u32,
            }
        } else {
            1
        };
        self.s.report(pos.line, pos.col, len, msg);
    }

    fn error(&mut self, msg: &str) {
        self.error_at(self.pos(), msg.to_string());
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    fn syntax_error_at(&mut self, pos: GoPos, msg: &str) {
        if self.tok() == Tok::Eof && self.has_errors() {
            return;
        }
        let suffix = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let tok = match self.tok() {
            Tok::Name => format!("name {}", self.s.lit),
            Tok::Semi => self.s.lit.clone(),
            Tok::Literal => format!("literal {}", self.s.lit),
            Tok::Operator => self.s.op.as_str().to_string(),
            Tok::AssignOp => format!("{}=", self.s.op.as_str()),
            Tok::IncOp => format!("{0}{0}", self.s.op.as_str()),
            t => tok_string(t),
        };
        self.error_at(pos, format!("syntax error: unexpected {tok}{suffix}"));
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok() == tok {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok_string(tok)));
            self.advance(&[]);
        }
    }

    /// Accepts `=`, and also `:=` with a complaint.
    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    /// Skips tokens up to one in `follow` (or a statement keyword inside a
    /// function); with an empty `follow`, skips exactly one token.
    fn advance(&mut self, follow: &[Tok]) {
        let in_set = |t: Tok, fnest: i32| {
            t == Tok::Eof
                || (!follow.is_empty()
                    && (follow.contains(&t) || (fnest > 0 && STOP_SET.contains(&t))))
        };
        while !in_set(self.tok(), self.fnest) {
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }

    /// Guards recursion: past [`MAX_DEPTH`], reports once and then makes
    /// every further token EOF so that parsing unwinds.
    fn enter(&mut self) {
        self.depth += 1;
        if self.depth > MAX_DEPTH && !self.gave_up {
            self.syntax_error("exceeded max nesting depth");
            self.gave_up = true;
            self.s.tok = Tok::Eof;
        }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ------------------------------------------------------------------
    // Files and declarations

    fn file(&mut self) {
        if !self.got(Tok::Package) {
            self.syntax_error("package statement must be first");
            return;
        }
        self.take_pragma();
        self.name();
        self.want(Tok::Semi);
        if self.has_errors() {
            return;
        }

        let mut prev = Tok::Import;
        while self.tok() != Tok::Eof {
            if self.tok() == Tok::Import && prev != Tok::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();
            match self.tok() {
                Tok::Import => {
                    self.next();
                    self.append_group(Self::import_decl);
                }
                Tok::Const => {
                    self.next();
                    self.append_group(Self::const_decl);
                }
                Tok::Type => {
                    self.next();
                    self.append_group(Self::type_decl);
                }
                Tok::Var => {
                    self.next();
                    self.append_group(Self::var_decl);
                }
                Tok::Func => {
                    self.next();
                    let has_body = self.func_decl();
                    self.decl_count += 1;
                    self.last_decl_is_bodyless_func = !has_body;
                }
                _ => {
                    if self.tok() == Tok::Lbrace
                        && self.decl_count > 0
                        && self.last_decl_is_bodyless_func
                    {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                    continue;
                }
            }
            self.clear_pragma();
            if self.tok() != Tok::Eof && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
        }
        self.clear_pragma();
    }

    /// `[ f { sep f } [sep] ] close`; returns the position of `close`.
    fn list(
        &mut self,
        context: &str,
        sep: Tok,
        close: Tok,
        f: &mut dyn FnMut(&mut Self) -> bool,
    ) -> GoPos {
        let mut done = false;
        while self.tok() != Tok::Eof && self.tok() != close && !done {
            done = f(self);
            if !self.got(sep) && self.tok() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    tok_string(sep),
                    tok_string(close)
                ));
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if self.tok() != close {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    /// Parses one spec or a parenthesized group of them; returns the
    /// first variable declared by a `var` spec, for label checking.
    fn append_group(&mut self, f: fn(&mut Self) -> Option<(GoPos, Name)>) -> Option<(GoPos, Name)> {
        let mut first = None;
        if self.tok() == Tok::Lparen {
            self.clear_pragma();
            self.next();
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, &mut |p| {
                let v = f(p);
                p.decl_count += 1;
                p.last_decl_is_bodyless_func = false;
                if first.is_none() {
                    first = v;
                }
                false
            });
        } else {
            first = f(self);
            self.decl_count += 1;
            self.last_decl_is_bodyless_func = false;
        }
        first
    }

    fn import_decl(&mut self) -> Option<(GoPos, Name)> {
        self.take_pragma();
        match self.tok() {
            Tok::Name => {
                self.name();
            }
            Tok::Dot => self.next(),
            _ => {}
        }
        match self.oliteral() {
            None => {
                self.syntax_error("missing import path");
                self.advance(&[Tok::Semi, Tok::Rparen]);
            }
            Some(lit) => {
                if !lit.bad && lit.kind != LitKind::String {
                    self.syntax_error_at(lit.pos, "import path must be a string");
                }
            }
        }
        None
    }

    fn const_decl(&mut self) -> Option<(GoPos, Name)> {
        self.take_pragma();
        let first = self.name();
        self.name_list(first);
        if !matches!(self.tok(), Tok::Eof | Tok::Semi | Tok::Rparen) {
            self.type_or_nil();
            if self.got_assign() {
                self.expr_list();
            }
        }
        None
    }

    fn type_decl(&mut self) -> Option<(GoPos, Name)> {
        self.take_pragma();
        self.name();
        let ty: Option<Expr>;
        if self.tok() == Tok::Lbrack {
            let pos = self.pos();
            self.next();
            match self.tok() {
                Tok::Name => {
                    let name = self.name();
                    let mut x = Expr::Name(name);
                    if self.tok() != Tok::Lbrack {
                        self.xnest += 1;
                        let primary = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(primary), 0);
                        self.xnest -= 1;
                    }
                    let split = extract_name(&x, self.tok() == Tok::Comma);
                    match split {
                        Some((pname, ptype)) if ptype.is_some() || self.tok() != Tok::Rbrack => {
                            self.param_list(Some(pname), ptype, Tok::Rbrack, true, false);
                            self.got_assign();
                            ty = self.type_or_nil();
                        }
                        _ => ty = Some(self.array_type(pos, Some(x))),
                    }
                }
                Tok::Rbrack => {
                    self.next();
                    ty = Some(self.slice_type(pos));
                }
                _ => ty = Some(self.array_type(pos, None)),
            }
        } else {
            self.got_assign();
            ty = self.type_or_nil();
        }
        if ty.is_none() {
            self.syntax_error("in type declaration");
            self.advance(&[Tok::Semi, Tok::Rparen]);
        }
        None
    }

    fn var_decl(&mut self) -> Option<(GoPos, Name)> {
        self.take_pragma();
        let pos = self.pos();
        let first = self.name();
        self.name_list(first.clone());
        if self.got_assign() {
            self.expr_list();
        } else {
            self.type_();
            if self.got_assign() {
                self.expr_list();
            }
        }
        Some((pos, first))
    }

    /// Parses a function declaration after `func`; true if it has a body.
    fn func_decl(&mut self) -> bool {
        self.take_pragma();
        let mut has_recv = false;
        if self.got(Tok::Lparen) {
            has_recv = true;
            let recv = self.param_list(None, None, Tok::Rparen, false, false);
            match recv.len() {
                0 => self.error("method has no receiver"),
                1 => {}
                _ => self.error("method has multiple receivers"),
            }
        }
        if self.tok() == Tok::Name {
            self.name();
            self.func_type("");
        } else {
            let msg = if has_recv {
                "expected name"
            } else {
                "expected name or ("
            };
            self.syntax_error(msg);
            self.advance(&[Tok::Lbrace, Tok::Semi]);
        }
        if self.tok() == Tok::Lbrace {
            self.func_body();
            return true;
        }
        false
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let errors_before = self.error_count();
        let body = self.block_stmt("");
        self.fnest -= 1;
        if errors_before == self.error_count() {
            let found = branches::check(&body, self.file);
            self.side_errors += found.len();
            for (pos, msg) in found {
                self.s.report(pos.line, pos.col, 1, msg);
            }
        }
        body
    }

    // ------------------------------------------------------------------
    // Expressions

    fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        let mut chain = 0;
        while matches!(self.tok(), Tok::Operator | Tok::Star) && self.s.prec > prec {
            chain += 1;
            if chain > FLATTEN_AFTER {
                x = flatten(x);
            }
            let pos = self.pos();
            let op = self.s.op;
            let tprec = self.s.prec;
            self.next();
            let y = self.binary_expr(None, tprec);
            x = Expr::Operation {
                pos,
                op,
                x: Box::new(x),
                y: Some(Box::new(y)),
            };
        }
        x
    }

    fn unary_expr(&mut self) -> Expr {
        self.enter();
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    fn unary_expr_inner(&mut self) -> Expr {
        match self.tok() {
            Tok::Operator | Tok::Star => {
                let op = self.s.op;
                if matches!(
                    op,
                    Op::Mul | Op::Add | Op::Sub | Op::Not | Op::Xor | Op::Tilde | Op::And
                ) {
                    let pos = self.pos();
                    self.next();
                    let mut x = self.unary_expr();
                    if op == Op::And {
                        x = x.into_unparen();
                    }
                    return Expr::Operation {
                        pos,
                        op,
                        x: Box::new(x),
                        y: None,
                    };
                }
            }
            Tok::Arrow => {
                let pos = self.pos();
                self.next();
                let mut x = self.unary_expr();
                if matches!(x, Expr::ChanType(..)) {
                    self.reassociate_receive(&mut x);
                    return x;
                }
                return Expr::Operation {
                    pos,
                    op: Op::Recv,
                    x: Box::new(x),
                    y: None,
                };
            }
            _ => {}
        }
        self.pexpr(None, true)
    }

    /// `<-chan T` parsed as `<-(chan T)`: moves the arrow onto the channel
    /// type, complaining when that does not give a valid channel type.
    fn reassociate_receive(&mut self, x: &mut Expr) {
        let mut dir = ChanDir::SendOnly;
        let mut t = x;
        let mut errors = Vec::new();
        while dir == ChanDir::SendOnly {
            match t {
                Expr::ChanType(_, d, elem) => {
                    dir = *d;
                    if dir == ChanDir::RecvOnly {
                        errors.push("unexpected <-, expected chan".to_string());
                    }
                    *d = ChanDir::RecvOnly;
                    t = elem;
                }
                _ => break,
            }
        }
        if dir == ChanDir::SendOnly {
            errors.push(format!("unexpected {}, expected chan", expr_string(t)));
        }
        for e in errors {
            self.syntax_error(&e);
        }
    }

    fn call_stmt(&mut self) -> Stmt {
        let tok = self.tok();
        self.next();
        let x = self.pexpr(None, self.tok() == Tok::Lparen);
        if let Expr::Paren(pos, _) = x {
            self.error_at(
                pos,
                format!("expression in {} must not be parenthesized", tok.as_str()),
            );
        }
        Stmt::Other
    }

    fn operand(&mut self, mut keep_parens: bool) -> Expr {
        match self.tok() {
            Tok::Name => Expr::Name(self.name()),
            Tok::Literal => {
                let lit = self.oliteral();
                lit.map_or(Expr::Bad(self.pos()), |l| Expr::BasicLit(l.pos, l.value))
            }
            Tok::Lparen => {
                let pos = self.pos();
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                if self.tok() == Tok::Lbrace {
                    keep_parens = true;
                }
                if keep_parens {
                    Expr::Paren(pos, Box::new(x))
                } else {
                    x
                }
            }
            Tok::Func => {
                self.next();
                let (_, ty) = self.func_type("function type");
                if self.tok() == Tok::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return Expr::FuncLit {
                        ty: Box::new(ty),
                        empty_body: body.list.is_empty(),
                    };
                }
                ty
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = Expr::Bad(self.pos());
                self.syntax_error("expected expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                x
            }
        }
    }

    fn pexpr(&mut self, x: Option<Expr>, keep_parens: bool) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(keep_parens),
        };
        let mut chain = 0;
        loop {
            chain += 1;
            if chain > FLATTEN_AFTER {
                x = flatten(x);
            }
            let pos = self.pos();
            match self.tok() {
                Tok::Dot => {
                    self.next();
                    match self.tok() {
                        Tok::Name => {
                            let sel = self.name();
                            x = Expr::Selector(pos, Box::new(x), sel);
                        }
                        Tok::Lparen => {
                            self.next();
                            if self.got(Tok::Type) {
                                x = Expr::TypeSwitchGuard(pos, None, Box::new(x));
                            } else {
                                let t = self.type_();
                                x = Expr::Assert(pos, Box::new(x), Box::new(t));
                            }
                            self.want(Tok::Rparen);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Tok::Semi, Tok::Rparen]);
                        }
                    }
                }
                Tok::Lbrack => {
                    self.next();
                    let mut i = None;
                    if self.tok() != Tok::Colon {
                        let mut comma = false;
                        let index = if self.tok() == Tok::Rbrack {
                            self.syntax_error("expected operand");
                            Expr::Bad(self.pos())
                        } else {
                            let (index, c) = self.type_list(false);
                            comma = c;
                            index
                        };
                        if comma || self.tok() == Tok::Rbrack {
                            self.want(Tok::Rbrack);
                            x = Expr::Index(pos, Box::new(x), Box::new(index));
                            continue;
                        }
                        i = Some(Box::new(index));
                    }
                    if !self.got(Tok::Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut index = [i, None, None];
                    if self.tok() != Tok::Colon && self.tok() != Tok::Rbrack {
                        index[1] = Some(Box::new(self.expr()));
                    }
                    if self.tok() == Tok::Colon {
                        if index[1].is_none() {
                            self.error("middle index required in 3-index slice");
                            index[1] = Some(Box::new(Expr::Bad(self.pos())));
                        }
                        self.next();
                        if self.tok() != Tok::Rbrack {
                            index[2] = Some(Box::new(self.expr()));
                        } else {
                            self.error("final index required in 3-index slice");
                            index[2] = Some(Box::new(Expr::Bad(self.pos())));
                        }
                    }
                    self.xnest -= 1;
                    self.want(Tok::Rbrack);
                    x = Expr::Slice(pos, Box::new(x), index);
                }
                Tok::Lparen => {
                    self.next();
                    let (args, dots) = self.arg_list();
                    x = Expr::Call {
                        pos,
                        fun: Box::new(x),
                        args,
                        dots,
                    };
                }
                Tok::Lbrace => {
                    let t = x.unparen();
                    let complit_ok = match t {
                        Expr::Name(_) | Expr::Selector(..) => self.xnest >= 0,
                        Expr::Index(..) => self.xnest >= 0 && !is_value(t),
                        Expr::ArrayType(..)
                        | Expr::SliceType(..)
                        | Expr::StructType(..)
                        | Expr::MapType(..) => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if matches!(x, Expr::Paren(..)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    let (lit_pos, elems) = self.complit_expr();
                    x = Expr::CompositeLit {
                        pos: lit_pos,
                        ty: Some(Box::new(x)),
                        elems,
                    };
                }
                _ => break,
            }
        }
        x
    }

    fn bare_complit_expr(&mut self) -> Expr {
        if self.tok() == Tok::Lbrace {
            let (pos, elems) = self.complit_expr();
            return Expr::CompositeLit {
                pos,
                ty: None,
                elems,
            };
        }
        self.expr()
    }

    /// `{ elements }`; returns its position and element count.
    fn complit_expr(&mut self) -> (GoPos, usize) {
        self.enter();
        let pos = self.pos();
        self.xnest += 1;
        self.want(Tok::Lbrace);
        let mut elems = 0;
        self.list("composite literal", Tok::Comma, Tok::Rbrace, &mut |p| {
            p.bare_complit_expr();
            if p.tok() == Tok::Colon {
                p.next();
                p.bare_complit_expr();
            }
            elems += 1;
            false
        });
        self.xnest -= 1;
        self.leave();
        (pos, elems)
    }

    // ------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = Expr::Bad(self.pos());
                self.syntax_error("expected type");
                self.advance(&[
                    Tok::Comma,
                    Tok::Colon,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    fn type_or_nil(&mut self) -> Option<Expr> {
        self.enter();
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<Expr> {
        let pos = self.pos();
        Some(match self.tok() {
            Tok::Star => {
                self.next();
                let t = self.type_();
                Expr::Operation {
                    pos,
                    op: Op::Mul,
                    x: Box::new(t),
                    y: None,
                }
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                let elem = self.chan_elem();
                Expr::ChanType(pos, ChanDir::RecvOnly, Box::new(elem))
            }
            Tok::Func => {
                self.next();
                self.func_type("function type").1
            }
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                self.array_type(pos, None)
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) {
                    ChanDir::SendOnly
                } else {
                    ChanDir::Both
                };
                let elem = self.chan_elem();
                Expr::ChanType(pos, dir, Box::new(elem))
            }
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                Expr::MapType(pos, Box::new(key), Box::new(value))
            }
            Tok::Struct => self.struct_type(),
            Tok::Interface => self.interface_type(),
            Tok::Name => self.qualified_name(None),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                t
            }
            _ => return None,
        })
    }

    fn type_instance(&mut self, ty: Expr) -> Expr {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        let index = if self.tok() == Tok::Rbrack {
            self.syntax_error("expected type argument list");
            Expr::Bad(self.pos())
        } else {
            self.type_list(true).0
        };
        self.want(Tok::Rbrack);
        Expr::Index(pos, Box::new(ty), Box::new(index))
    }

    /// A signature, with type parameters only if `context` is empty;
    /// returns the type parameters and the function type.
    fn func_type(&mut self, context: &str) -> (Vec<Field>, Expr) {
        let pos = self.pos();
        let mut tparams = Vec::new();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Tok::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Tok::Rbrack, true, false);
            }
        }
        self.want(Tok::Lparen);
        let params = self.param_list(None, None, Tok::Rparen, false, true);
        let results = self.func_result();
        (tparams, Expr::FuncType(pos, params, results))
    }

    fn array_type(&mut self, pos: GoPos, len: Option<Expr>) -> Expr {
        let mut len = len;
        if len.is_none() && !self.got(Tok::DotDotDot) {
            self.xnest += 1;
            len = Some(self.expr());
            self.xnest -= 1;
        }
        if self.tok() == Tok::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        Expr::ArrayType(pos, len.map(Box::new), Box::new(elem))
    }

    fn slice_type(&mut self, pos: GoPos) -> Expr {
        let elem = self.type_();
        Expr::SliceType(pos, Box::new(elem))
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = Expr::Bad(self.pos());
                self.syntax_error("missing channel element type");
                t
            }
        }
    }

    fn struct_type(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, &mut |p| {
            p.field_decl(&mut fields);
            false
        });
        Expr::StructType(pos, fields)
    }

    fn interface_type(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut methods = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, &mut |p| {
            let mut f = None;
            if p.tok() == Tok::Name {
                f = Some(p.method_decl());
            }
            let f = match f {
                Some(f) if f.name.is_some() => f,
                other => p.embedded_elem(other),
            };
            methods.push(f);
            false
        });
        Expr::InterfaceType(pos, methods)
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Tok::Lparen) {
            return self.param_list(None, None, Tok::Rparen, false, false);
        }
        let pos = self.pos();
        match self.type_or_nil() {
            Some(ty) => {
                let group = self.group();
                vec![Field {
                    pos,
                    name: None,
                    ty: Some(ty),
                    group,
                    tag: None,
                }]
            }
            None => Vec::new(),
        }
    }

    fn field(&mut self, pos: GoPos, name: Option<Name>, ty: Option<Expr>) -> Field {
        let group = self.group();
        Field {
            pos,
            name,
            ty,
            group,
            tag: None,
        }
    }

    fn tag(&mut self) -> Option<String> {
        self.oliteral().map(|l| l.value)
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                if matches!(
                    self.tok(),
                    Tok::Dot | Tok::Literal | Tok::Semi | Tok::Rbrace
                ) {
                    let ty = self.qualified_name(Some(name));
                    let mut f = self.field(pos, None, Some(ty));
                    f.tag = self.tag();
                    fields.push(f);
                    return;
                }
                let names = self.name_list(name.clone());
                let ty;
                if names.len() == 1 && self.tok() == Tok::Lbrack {
                    let t = self.array_or_targs();
                    if let Expr::Index(p, _, index) = t {
                        let ty = Expr::Index(p, Box::new(Expr::Name(name)), index);
                        let mut f = self.field(pos, None, Some(ty));
                        f.tag = self.tag();
                        fields.push(f);
                        return;
                    }
                    ty = t;
                } else {
                    ty = self.type_();
                }
                let tag = self.tag();
                let group = self.group();
                for name in names {
                    fields.push(Field {
                        pos: name.pos,
                        name: Some(name),
                        ty: Some(ty.clone()),
                        group,
                        tag: tag.clone(),
                    });
                }
            }
            Tok::Star => {
                self.next();
                let ty = if self.tok() == Tok::Lparen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let ty = Expr::Operation {
                    pos,
                    op: Op::Mul,
                    x: Box::new(ty),
                    y: None,
                };
                let mut f = self.field(pos, None, Some(ty));
                f.tag = self.tag();
                fields.push(f);
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.tok() == Tok::Star {
                    let star = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    Expr::Operation {
                        pos: star,
                        op: Op::Mul,
                        x: Box::new(t),
                        y: None,
                    }
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                let mut f = self.field(pos, None, Some(ty));
                f.tag = self.tag();
                fields.push(f);
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
            }
        }
    }

    /// After a name: `[n]E` (array type), `[]E`, or `[args]` (returned as
    /// an index expression whose operand the caller fills in).
    fn array_or_targs(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            return self.slice_type(pos);
        }
        let (n, comma) = self.type_list(false);
        self.want(Tok::Rbrack);
        if !comma {
            if let Some(elem) = self.type_or_nil() {
                return Expr::ArrayType(pos, Some(Box::new(n)), Box::new(elem));
            }
        }
        Expr::Index(pos, Box::new(Expr::Bad(pos)), Box::new(n))
    }

    fn oliteral(&mut self) -> Option<Literal> {
        if self.tok() != Tok::Literal {
            return None;
        }
        let lit = Literal {
            pos: self.pos(),
            value: self.s.lit.clone(),
            kind: self.s.kind,
            bad: self.s.bad,
        };
        self.next();
        Some(lit)
    }

    fn method_decl(&mut self) -> Field {
        let pos = self.pos();
        let name = self.name();
        const CONTEXT: &str = "interface method";
        match self.tok() {
            Tok::Lparen => {
                let ty = self.func_type(CONTEXT).1;
                self.field(pos, Some(name), Some(ty))
            }
            Tok::Lbrack => {
                let lbrack = self.pos();
                self.next();
                if self.tok() == Tok::Rbrack {
                    let rbrack = self.pos();
                    self.next();
                    if self.tok() == Tok::Lparen {
                        self.error_at(rbrack, "empty type parameter list".into());
                        let ty = self.func_type(CONTEXT).1;
                        return self.field(pos, Some(name), Some(ty));
                    }
                    self.error_at(rbrack, "empty type argument list".into());
                    return self.field(pos, None, Some(Expr::Name(name)));
                }
                let list = self.param_list(None, None, Tok::Rbrack, false, false);
                if list.is_empty() {
                    if self.tok() == Tok::Lparen {
                        let ty = self.func_type(CONTEXT).1;
                        return self.field(pos, Some(name), Some(ty));
                    }
                    return self.field(pos, None, Some(Expr::Name(name)));
                }
                if list[0].name.is_some() {
                    let ty = self.func_type(CONTEXT).1;
                    self.error_at(
                        lbrack,
                        "interface method must have no type parameters".into(),
                    );
                    return self.field(pos, Some(name), Some(ty));
                }
                let mut types: Vec<Expr> = list
                    .into_iter()
                    .map(|f| f.ty.unwrap_or(Expr::Bad(lbrack)))
                    .collect();
                let index = if types.len() == 1 {
                    types.remove(0)
                } else {
                    Expr::List(types[0].pos(), types)
                };
                let ty = Expr::Index(lbrack, Box::new(Expr::Name(name)), Box::new(index));
                self.field(pos, None, Some(ty))
            }
            _ => {
                let ty = self.qualified_name(Some(name));
                self.field(pos, None, Some(ty))
            }
        }
    }

    fn embedded_elem(&mut self, f: Option<Field>) -> Field {
        let mut f = match f {
            Some(f) => f,
            None => {
                let pos = self.pos();
                let ty = self.embedded_term();
                self.field(pos, None, Some(ty))
            }
        };
        let mut chain = 0;
        while self.is_op(Op::Or) {
            chain += 1;
            if chain > FLATTEN_AFTER {
                f.ty = f.ty.map(flatten);
            }
            let pos = self.pos();
            self.next();
            let y = self.embedded_term();
            let x = f.ty.take().unwrap_or(Expr::Bad(pos));
            f.ty = Some(Expr::Operation {
                pos,
                op: Op::Or,
                x: Box::new(x),
                y: Some(Box::new(y)),
            });
        }
        f
    }

    fn embedded_term(&mut self) -> Expr {
        if self.is_op(Op::Tilde) {
            let pos = self.pos();
            self.next();
            let t = self.type_();
            return Expr::Operation {
                pos,
                op: Op::Tilde,
                x: Box::new(t),
                y: None,
            };
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = Expr::Bad(self.pos());
                self.syntax_error("expected ~ term or type");
                self.advance(&[
                    Tok::Operator,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    fn param_decl_or_nil(&mut self, name: Option<Name>, follow: Tok) -> Option<Field> {
        let type_sets_ok = follow == Tok::Rbrack;
        let mut pos = self.pos();
        if let Some(n) = &name {
            pos = n.pos;
        } else if type_sets_ok && self.is_op(Op::Tilde) {
            return Some(self.embedded_elem(None));
        }
        let mut f = self.field(pos, None, None);
        let mut name = name;
        if self.tok() == Tok::Name || name.is_some() {
            let n = match name.take() {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok() == Tok::Lbrack {
                let t = self.array_or_targs();
                match t {
                    Expr::Index(p, _, index) => {
                        f.ty = Some(Expr::Index(p, Box::new(Expr::Name(n)), index));
                    }
                    t => {
                        f.ty = Some(t);
                        f.name = Some(n);
                    }
                }
                if type_sets_ok && self.is_op(Op::Or) {
                    f = self.embedded_elem(Some(f));
                }
                return Some(f);
            }
            if self.tok() == Tok::Dot {
                f.ty = Some(self.qualified_name(Some(n)));
                if type_sets_ok && self.is_op(Op::Or) {
                    f = self.embedded_elem(Some(f));
                }
                return Some(f);
            }
            if type_sets_ok && self.is_op(Op::Or) {
                f.ty = Some(Expr::Name(n));
                return Some(self.embedded_elem(Some(f)));
            }
            f.name = Some(n);
        }

        if self.tok() == Tok::DotDotDot {
            let dots = self.pos();
            self.next();
            match self.type_or_nil() {
                None => {
                    f.ty = Some(Expr::Bad(self.pos()));
                    self.syntax_error("... is missing type");
                }
                Some(elem) => f.ty = Some(Expr::DotsType(dots, Box::new(elem))),
            }
            return Some(f);
        }

        if type_sets_ok && self.is_op(Op::Tilde) {
            f.ty = self.embedded_elem(None).ty;
            return Some(f);
        }

        f.ty = self.type_or_nil();
        if type_sets_ok && self.is_op(Op::Or) && f.ty.is_some() {
            f = self.embedded_elem(Some(f));
        }
        if f.name.is_some() || f.ty.is_some() {
            return Some(f);
        }

        self.syntax_error(&format!("expected {}", tok_string(follow)));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    /// A parameter list after its opening `(` or `[`; `name` and `ty` are
    /// an already parsed first parameter name and type.
    fn param_list(
        &mut self,
        name: Option<Name>,
        ty: Option<Expr>,
        close: Tok,
        require_names: bool,
        dots_ok: bool,
    ) -> Vec<Field> {
        if let (Some(n), Some(t)) = (&name, &ty) {
            if self.tok() == close {
                self.next();
                let f = self.field(n.pos, Some(n.clone()), Some(t.clone()));
                return vec![f];
            }
        }

        let mut name = name;
        let mut ty = ty;
        let mut named = 0;
        let mut typed = 0;
        let mut list: Vec<Field> = Vec::new();
        let end = self.list("parameter list", Tok::Comma, close, &mut |p| {
            let par = match ty.take() {
                Some(t) => {
                    let n = name.take();
                    let pos = n.as_ref().map_or(t.pos(), |n| n.pos);
                    Some(p.field(pos, n, Some(t)))
                }
                None => p.param_decl_or_nil(name.take(), close),
            };
            if let Some(par) = par {
                if par.name.is_some() && par.ty.is_some() {
                    named += 1;
                }
                if par.ty.is_some() {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });

        if list.is_empty() {
            return list;
        }

        if named == 0 && !require_names {
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.ty = Some(Expr::Name(n));
                }
            }
        } else if named != list.len() {
            let mut err_pos = GoPos::default();
            let mut current: Option<(Expr, usize)> = None;
            for par in list.iter_mut().rev() {
                if let Some(t) = &par.ty {
                    current = Some((t.clone(), par.group));
                    if par.name.is_none() {
                        err_pos = t.start_pos();
                        par.name = Some(Name {
                            pos: err_pos,
                            value: "_".into(),
                        });
                    }
                } else if let Some((t, group)) = &current {
                    par.ty = Some(t.clone());
                    par.group = *group;
                } else {
                    err_pos = par.name.as_ref().map_or(par.pos, |n| n.pos);
                    par.ty = Some(Expr::Bad(err_pos));
                }
            }
            if err_pos.is_known() {
                let msg;
                if named == typed {
                    err_pos = end;
                    msg = if require_names {
                        "missing type constraint".to_string()
                    } else {
                        "missing parameter type".to_string()
                    };
                } else if require_names {
                    msg = if list.len() == 1 {
                        "missing type parameter name or invalid array length".to_string()
                    } else {
                        "missing type parameter name".to_string()
                    };
                } else {
                    msg = "missing parameter name".to_string();
                }
                self.syntax_error_at(err_pos, &msg);
            }
        }

        let len = list.len();
        let mut first = true;
        for (i, par) in list.iter_mut().enumerate() {
            let Some(Expr::DotsType(pos, _)) = &par.ty else {
                continue;
            };
            if dots_ok && i + 1 == len {
                continue;
            }
            if first {
                first = false;
                let msg = if dots_ok {
                    "can only use ... with final parameter"
                } else {
                    "invalid use of ..."
                };
                let pos = *pos;
                self.error_at(pos, msg.to_string());
            }
            if let Some(Expr::DotsType(_, elem)) = par.ty.take() {
                par.ty = Some(*elem);
            }
        }
        list
    }

    // ------------------------------------------------------------------
    // Statements

    fn simple_stmt(&mut self, lhs: Option<Expr>, keyword: Option<Tok>) -> SimpleStmt {
        if keyword == Some(Tok::For) && self.tok() == Tok::Range {
            return self.range_clause(None, false);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };

        if !matches!(lhs, Expr::List(..)) && self.tok() != Tok::Assign && self.tok() != Tok::Define
        {
            let pos = self.pos();
            match self.tok() {
                Tok::AssignOp => {
                    let op = self.s.op;
                    self.next();
                    let rhs = self.expr();
                    return SimpleStmt::Assign {
                        pos,
                        op,
                        lhs,
                        rhs: Some(rhs),
                    };
                }
                Tok::IncOp => {
                    let op = self.s.op;
                    self.next();
                    return SimpleStmt::Assign {
                        pos,
                        op,
                        lhs,
                        rhs: None,
                    };
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    return SimpleStmt::Send(pos, lhs, value);
                }
                _ => return SimpleStmt::Expr(lhs),
            }
        }

        match self.tok() {
            Tok::Assign | Tok::Define => {
                let pos = self.pos();
                let op = if self.tok() == Tok::Define {
                    Op::Def
                } else {
                    Op::None
                };
                self.next();
                if keyword == Some(Tok::For) && self.tok() == Tok::Range {
                    return self.range_clause(Some(lhs), op == Op::Def);
                }
                let rhs = self.expr_list();
                if let Expr::TypeSwitchGuard(gpos, None, x) = &rhs {
                    if keyword == Some(Tok::Switch) && op == Op::Def {
                        if let Expr::Name(n) = &lhs {
                            return SimpleStmt::Expr(Expr::TypeSwitchGuard(
                                *gpos,
                                Some(n.clone()),
                                x.clone(),
                            ));
                        }
                    }
                }
                SimpleStmt::Assign {
                    pos,
                    op,
                    lhs,
                    rhs: Some(rhs),
                }
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
                let lhs = match lhs {
                    Expr::List(_, mut list) if !list.is_empty() => list.swap_remove(0),
                    other => other,
                };
                SimpleStmt::Expr(lhs)
            }
        }
    }

    fn range_clause(&mut self, lhs: Option<Expr>, def: bool) -> SimpleStmt {
        let pos = self.pos();
        self.next();
        let x = self.expr();
        SimpleStmt::Range { pos, lhs, def, x }
    }

    fn block_stmt(&mut self, context: &str) -> Block {
        let pos = self.pos();
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            if self.got(Tok::Rbrace) {
                return Block {
                    pos,
                    list: Vec::new(),
                };
            }
        }
        let list = self.stmt_list();
        self.want(Tok::Rbrace);
        Block { pos, list }
    }

    fn decl_stmt(&mut self, f: fn(&mut Self) -> Option<(GoPos, Name)>) -> Stmt {
        self.next();
        let first_var = self.append_group(f);
        Stmt::Decl { first_var }
    }

    fn for_stmt(&mut self) -> Stmt {
        self.header(Tok::For);
        let body = self.block_stmt("for clause");
        Stmt::For { body }
    }

    /// The header of an if, for or switch statement; returns the condition
    /// or switch tag, if any.
    fn header(&mut self, keyword: Tok) -> Option<Expr> {
        self.want(keyword);
        if self.tok() == Tok::Lbrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
            }
            return None;
        }

        let outer = self.xnest;
        self.xnest = -1;

        let mut init = None;
        if self.tok() != Tok::Semi {
            if self.got(Tok::Var) {
                self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.as_str()
                ));
            }
            let s = self.simple_stmt(None, Some(keyword));
            if matches!(s, SimpleStmt::Range { .. }) {
                self.xnest = outer;
                return None;
            }
            init = Some(s);
        }

        let mut cond_stmt = None;
        let mut semi: Option<(GoPos, String)> = None;
        let mut missing_cond = false;
        if self.tok() != Tok::Lbrace {
            if self.tok() == Tok::Semi {
                semi = Some((self.pos(), self.s.lit.clone()));
                self.next();
            } else {
                self.want(Tok::Lbrace);
                if self.tok() != Tok::Lbrace {
                    self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                }
            }
            if keyword == Tok::For {
                if self.tok() != Tok::Semi {
                    if self.tok() == Tok::Lbrace {
                        self.syntax_error("expected for loop condition");
                        missing_cond = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, None));
                    }
                }
                if !missing_cond {
                    self.want(Tok::Semi);
                    if self.tok() != Tok::Lbrace {
                        let post = self.simple_stmt(None, None);
                        if let SimpleStmt::Assign {
                            pos, op: Op::Def, ..
                        } = post
                        {
                            self.syntax_error_at(
                                pos,
                                "cannot declare in post statement of for loop",
                            );
                        }
                    }
                }
            } else if self.tok() != Tok::Lbrace {
                cond_stmt = self.simple_stmt(None, Some(keyword)).into();
            }
        } else {
            cond_stmt = init.take();
        }

        let mut cond = None;
        match cond_stmt {
            None => {
                if keyword == Tok::If {
                    if let Some((pos, lit)) = semi {
                        if lit != "semicolon" {
                            self.syntax_error_at(
                                pos,
                                &format!("unexpected {lit}, expected {{ after if clause"),
                            );
                        } else {
                            self.syntax_error_at(pos, "missing condition in if statement");
                        }
                    }
                }
            }
            Some(SimpleStmt::Expr(x)) => cond = Some(x),
            Some(s) => {
                let text = match &s {
                    SimpleStmt::Assign {
                        op: Op::None,
                        lhs,
                        rhs: Some(rhs),
                        ..
                    } => format!("assignment {} = {}", emphasize(lhs), emphasize(rhs)),
                    other => stmt_string(other),
                };
                self.syntax_error_at(s.pos(), &format!("cannot use {text} as value"));
            }
        }

        self.xnest = outer;
        cond
    }

    fn if_stmt(&mut self) -> Stmt {
        self.enter();
        let s = self.if_stmt_inner();
        self.leave();
        s
    }

    fn if_stmt_inner(&mut self) -> Stmt {
        let pos = self.pos();
        self.header(Tok::If);
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Tok::Else) {
            match self.tok() {
                Tok::If => els = Some(Box::new(self.if_stmt())),
                Tok::Lbrace => els = Some(Box::new(Stmt::Block(self.block_stmt("")))),
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
        }
        Stmt::If { pos, then, els }
    }

    fn switch_stmt(&mut self) -> Stmt {
        let tag = self.header(Tok::Switch);
        let type_switch = matches!(tag, Some(Expr::TypeSwitchGuard(..)));
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            body.push(self.case_clause(false));
        }
        self.want(Tok::Rbrace);
        Stmt::Switch { type_switch, body }
    }

    fn select_stmt(&mut self) -> Stmt {
        self.want(Tok::Select);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            body.push(self.case_clause(true));
        }
        self.want(Tok::Rbrace);
        Stmt::Select { body }
    }

    fn case_clause(&mut self, comm: bool) -> CaseClause {
        let pos = self.pos();
        match self.tok() {
            Tok::Case => {
                self.next();
                if comm {
                    self.simple_stmt(None, None);
                } else {
                    self.expr_list();
                }
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CaseClause { pos, body }
    }

    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        self.enter();
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    /// A statement after any number of labels (`L1: L2: stmt`). The labels
    /// are read in a loop rather than by recursion: gc takes a hundred of
    /// them in a row without counting them as nesting.
    fn stmt_or_nil_inner(&mut self) -> Option<Stmt> {
        let mut labels: Vec<(Name, GoPos)> = Vec::new();
        let stmt = loop {
            if self.tok() != Tok::Name {
                break self.unlabeled_stmt_or_nil();
            }
            self.clear_pragma();
            let lhs = self.expr_list();
            match &lhs {
                Expr::Name(label) if self.tok() == Tok::Colon => {
                    labels.push((label.clone(), self.pos()));
                    self.want(Tok::Colon);
                    if self.tok() == Tok::Rbrace {
                        break Some(Stmt::Empty);
                    }
                }
                _ => break Some(Stmt::Simple(self.simple_stmt(Some(lhs), None))),
            }
        };
        let mut stmt = stmt;
        for (label, colon) in labels.into_iter().rev() {
            stmt = match stmt {
                Some(s) => Some(Stmt::Labeled {
                    label,
                    stmt: Box::new(s),
                }),
                None => {
                    self.syntax_error_at(colon, "missing statement after label");
                    None
                }
            };
        }
        stmt
    }

    fn unlabeled_stmt_or_nil(&mut self) -> Option<Stmt> {
        match self.tok() {
            Tok::Var => return Some(self.decl_stmt(Self::var_decl)),
            Tok::Const => return Some(self.decl_stmt(Self::const_decl)),
            Tok::Type => return Some(self.decl_stmt(Self::type_decl)),
            _ => {}
        }
        self.clear_pragma();
        let pos = self.pos();
        Some(match self.tok() {
            Tok::Lbrace => Stmt::Block(self.block_stmt("")),
            Tok::Operator | Tok::Star => {
                if matches!(
                    self.s.op,
                    Op::Add | Op::Sub | Op::Mul | Op::And | Op::Xor | Op::Not
                ) {
                    Stmt::Simple(self.simple_stmt(None, None))
                } else {
                    return None;
                }
            }
            Tok::Literal
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => Stmt::Simple(self.simple_stmt(None, None)),
            Tok::For => self.for_stmt(),
            Tok::Switch => self.switch_stmt(),
            Tok::Select => self.select_stmt(),
            Tok::If => self.if_stmt(),
            Tok::Fallthrough => {
                self.next();
                Stmt::Branch {
                    pos,
                    tok: Tok::Fallthrough,
                    label: None,
                }
            }
            Tok::Break | Tok::Continue => {
                let tok = self.tok();
                self.next();
                let label = if self.tok() == Tok::Name {
                    Some(self.name())
                } else {
                    None
                };
                Stmt::Branch { pos, tok, label }
            }
            Tok::Go | Tok::Defer => self.call_stmt(),
            Tok::Goto => {
                self.next();
                let label = Some(self.name());
                Stmt::Branch {
                    pos,
                    tok: Tok::Goto,
                    label,
                }
            }
            Tok::Return => {
                self.next();
                if self.tok() != Tok::Semi && self.tok() != Tok::Rbrace {
                    self.expr_list();
                }
                Stmt::Other
            }
            Tok::Semi => Stmt::Empty,
            _ => return None,
        })
    }

    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(
            self.tok(),
            Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default
        ) {
            let s = self.stmt_or_nil();
            self.clear_pragma();
            let Some(s) = s else {
                break;
            };
            list.push(s);
            if !self.got(Tok::Semi) && self.tok() != Tok::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        list
    }

    fn arg_list(&mut self) -> (Vec<Expr>, bool) {
        let mut list = Vec::new();
        let mut dots = false;
        self.xnest += 1;
        self.list("argument list", Tok::Comma, Tok::Rparen, &mut |p| {
            list.push(p.expr());
            dots = p.got(Tok::DotDotDot);
            dots
        });
        self.xnest -= 1;
        (list, dots)
    }

    // ------------------------------------------------------------------
    // Common productions

    fn name(&mut self) -> Name {
        if self.tok() == Tok::Name {
            let n = Name {
                pos: self.pos(),
                value: self.s.lit.clone(),
            };
            self.next();
            return n;
        }
        let n = Name {
            pos: self.pos(),
            value: "_".into(),
        };
        self.syntax_error("expected name");
        self.advance(&[]);
        n
    }

    fn name_list(&mut self, first: Name) -> Vec<Name> {
        let mut list = vec![first];
        while self.got(Tok::Comma) {
            list.push(self.name());
        }
        list
    }

    fn qualified_name(&mut self, name: Option<Name>) -> Expr {
        let mut x = match name {
            Some(n) => Expr::Name(n),
            None if self.tok() == Tok::Name => Expr::Name(self.name()),
            None => {
                let n = Name {
                    pos: self.pos(),
                    value: "_".into(),
                };
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::Rbrace]);
                Expr::Name(n)
            }
        };
        if self.tok() == Tok::Dot {
            let pos = self.pos();
            self.next();
            let sel = self.name();
            x = Expr::Selector(pos, Box::new(x), sel);
        }
        if self.tok() == Tok::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    fn expr_list(&mut self) -> Expr {
        let x = self.expr();
        if self.got(Tok::Comma) {
            let pos = x.pos();
            let mut list = vec![x, self.expr()];
            while self.got(Tok::Comma) {
                list.push(self.expr());
            }
            return Expr::List(pos, list);
        }
        x
    }

    /// A non-empty list of types (or, if not `strict`, a first expression),
    /// and whether a comma was seen.
    fn type_list(&mut self, strict: bool) -> (Expr, bool) {
        self.xnest += 1;
        let mut x = if strict { self.type_() } else { self.expr() };
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                let pos = x.pos();
                let mut list = vec![x, t];
                while self.got(Tok::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
                x = Expr::List(pos, list);
            }
        }
        self.xnest -= 1;
        (x, comma)
    }
}

/// `x` with its operands replaced by opaque leaves (same kind and
/// position, so the parser's decisions about `x` itself are unchanged).
fn flatten(x: Expr) -> Expr {
    let leaf = |e: Box<Expr>| Box::new(Expr::Opaque(e.pos(), e.start_pos()));
    match x {
        Expr::Operation { pos, op, x, y } => Expr::Operation {
            pos,
            op,
            x: leaf(x),
            y: y.map(leaf),
        },
        Expr::Selector(pos, x, sel) => Expr::Selector(pos, leaf(x), sel),
        Expr::Index(pos, x, i) => Expr::Index(pos, leaf(x), leaf(i)),
        Expr::Slice(pos, x, [a, b, c]) => {
            Expr::Slice(pos, leaf(x), [a.map(leaf), b.map(leaf), c.map(leaf)])
        }
        Expr::Assert(pos, x, t) => Expr::Assert(pos, leaf(x), leaf(t)),
        Expr::TypeSwitchGuard(pos, lhs, x) => Expr::TypeSwitchGuard(pos, lhs, leaf(x)),
        Expr::Call { pos, fun, dots, .. } => Expr::Call {
            pos,
            fun: leaf(fun),
            args: Vec::new(),
            dots,
        },
        Expr::CompositeLit { pos, ty, elems } => Expr::CompositeLit {
            pos,
            ty: ty.map(leaf),
            elems,
        },
        other => other,
    }
}

/// How a token is named in "expected X".
fn tok_string(tok: Tok) -> String {
    match tok {
        Tok::Comma => "comma".into(),
        Tok::Semi => "semicolon or newline".into(),
        t if t.is_keyword() => format!("keyword {}", t.as_str()),
        t => t.as_str().into(),
    }
}

/// Splits `x` into a type parameter name and an optional constraint when
/// `x` can be read as `name constraint` (always when `force` is set,
/// otherwise only when the rest is clearly a type element).
fn extract_name(x: &Expr, force: bool) -> Option<(Name, Option<Expr>)> {
    match x {
        Expr::Name(n) => Some((n.clone(), None)),
        Expr::Operation {
            pos,
            op,
            x: lhs,
            y: Some(rhs),
        } => match op {
            Op::Mul => match &**lhs {
                Expr::Name(n) if force || is_type_elem(rhs) => Some((
                    n.clone(),
                    Some(Expr::Operation {
                        pos: *pos,
                        op: Op::Mul,
                        x: rhs.clone(),
                        y: None,
                    }),
                )),
                _ => None,
            },
            Op::Or => match extract_name(lhs, force || is_type_elem(rhs)) {
                Some((name, Some(l))) => Some((
                    name,
                    Some(Expr::Operation {
                        pos: *pos,
                        op: Op::Or,
                        x: Box::new(l),
                        y: Some(rhs.clone()),
                    }),
                )),
                _ => None,
            },
            _ => None,
        },
        Expr::Call {
            fun, args, dots, ..
        } => match &**fun {
            Expr::Name(n) if args.len() == 1 && !dots && (force || is_type_elem(&args[0])) => {
                Some((n.clone(), Some(args[0].unparen().clone())))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Whether `x` can only be a type element (not a value expression).
fn is_type_elem(x: &Expr) -> bool {
    match x {
        Expr::ArrayType(..)
        | Expr::StructType(..)
        | Expr::FuncType(..)
        | Expr::InterfaceType(..)
        | Expr::SliceType(..)
        | Expr::MapType(..)
        | Expr::ChanType(..) => true,
        Expr::Operation { op, x, y, .. } => {
            is_type_elem(x) || y.as_deref().is_some_and(is_type_elem) || *op == Op::Tilde
        }
        Expr::Paren(_, x) => is_type_elem(x),
        _ => false,
    }
}

/// Whether `x` must be a value (so `x {` cannot start a composite literal).
fn is_value(x: &Expr) -> bool {
    match x {
        Expr::BasicLit(..)
        | Expr::CompositeLit { .. }
        | Expr::FuncLit { .. }
        | Expr::Slice(..)
        | Expr::Assert(..)
        | Expr::TypeSwitchGuard(..)
        | Expr::Call { .. } => true,
        Expr::Operation { op, y, .. } => *op != Op::Mul || y.is_some(),
        Expr::Paren(_, x) => is_value(x),
        Expr::Index(_, x, i) => is_value(x) || is_value(i),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::recognize;

    fn errors(src: &str) -> Vec<String> {
        recognize(src, "main.go")
            .into_iter()
            .map(|e| format!("{}:{}: {}", e.line, e.col, e.msg))
            .collect()
    }

    /// Runs `f` on a thread with a small stack, like a browser's.
    fn with_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(f)
            .expect("thread starts")
            .join()
            .expect("no stack overflow or panic");
    }

    #[test]
    fn deep_nesting_is_reported_not_overflowed() {
        with_small_stack(|| {
            let n = 100_000;
            let cases = [
                format!("package p\nvar x = {}1{}\n", "(".repeat(n), ")".repeat(n)),
                format!("package p\nvar x = {}1\n", "-".repeat(n)),
                format!("package p\nvar x {}int\n", "*".repeat(n)),
                format!("package p\nvar x {}int\n", "[]".repeat(n)),
                format!("package p\nvar x = []T{}{}\n", "{".repeat(n), "}".repeat(n)),
                format!("package p\nfunc f() {}{}\n", "{".repeat(n), "}".repeat(n)),
                format!(
                    "package p\nfunc f() {{ if a {{}}{} }}\n",
                    " else if a {}".repeat(n)
                ),
                format!("package p\nvar x = {}\n", "func() {".repeat(n)),
                format!("package p\nvar x = {}\n", "[".repeat(n)),
            ];
            for src in cases {
                let errs = errors(&src);
                assert!(!errs.is_empty(), "{}", &src[..40]);
            }
        });
    }

    #[test]
    fn long_chains_are_accepted_without_deep_recursion() {
        with_small_stack(|| {
            let n = 100_000;
            let cases = [
                format!("package p\nvar x = 1{}\n", "+1".repeat(n)),
                format!("package p\nvar x = a{}\n", ".b".repeat(n)),
                format!("package p\nvar x = f{}\n", "()".repeat(n)),
                format!("package p\ntype T[P a{}] int\n", "|b".repeat(n)),
            ];
            for src in cases {
                assert_eq!(errors(&src), Vec::<String>::new(), "{}", &src[..40]);
            }
        });
    }

    #[test]
    fn long_flat_programs_are_fine() {
        let body = "\tx = x + 1\n".repeat(5000);
        let src = format!("package p\nfunc f() {{\n\tx := 0\n{body}\t_ = x\n}}\n");
        assert_eq!(errors(&src), Vec::<String>::new());
    }

    #[test]
    fn garbage_never_panics() {
        const PIECES: [&str; 48] = [
            "package",
            "p",
            "import",
            "\"fmt\"",
            "func",
            "(",
            ")",
            "{",
            "}",
            "[",
            "]",
            "x",
            ",",
            ";",
            "\n",
            ":=",
            "=",
            "+",
            "*",
            "<-",
            "chan",
            "map",
            "struct",
            "interface",
            "type",
            "var",
            "const",
            "if",
            "else",
            "for",
            "range",
            "switch",
            "case",
            "default",
            "select",
            "go",
            "defer",
            "return",
            "goto",
            "L:",
            "break",
            "...",
            ".",
            "~",
            "|",
            "'a",
            "\"s",
            "/*",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut src = String::from("package p\n");
            let len = (seed >> 59) as usize + 5;
            for _ in 0..len * 4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                src.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
                src.push(' ');
            }
            let _ = errors(&src);
            let _ = crate::syntax::syntax_report(&src, "main.go");
        }
        for bytes in [
            "\u{0}",
            "\u{feff}\u{feff}",
            "\\",
            "0x",
            "0b2",
            "1e",
            "'\\u",
            "\"\\U0011",
        ] {
            let _ = crate::syntax::syntax_report(bytes, "main.go");
            let _ = crate::syntax::syntax_report(&format!("package p\nvar x = {bytes}"), "main.go");
        }
    }
}
