//! The small syntax tree the recognizer builds while checking a file.
//!
//! The Go parser chooses some error paths by looking at the shape of what it
//! has already parsed (is this a type? a value? a name followed by a type?),
//! quotes parsed code in a few messages, and checks labels on a finished
//! function body. This tree keeps exactly what those decisions need; the
//! tree the rest of Escapade uses still comes from tree-sitter.

use super::scanner::{Op, Tok};

/// A Go source position: line and byte column, both from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct GoPos {
    pub line: u32,
    pub col: u32,
}

impl GoPos {
    pub(crate) fn is_known(self) -> bool {
        self.line > 0
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Name {
    pub pos: GoPos,
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChanDir {
    Both,
    SendOnly,
    RecvOnly,
}

#[derive(Clone, Debug)]
pub(crate) enum Expr {
    Bad(GoPos),
    /// A subexpression dropped to keep long chains shallow: its position
    /// and the position of its leftmost part.
    Opaque(GoPos, GoPos),
    Name(Name),
    BasicLit(GoPos, String),
    CompositeLit {
        pos: GoPos,
        ty: Option<Box<Expr>>,
        elems: usize,
    },
    FuncLit {
        ty: Box<Expr>,
        empty_body: bool,
    },
    Paren(GoPos, Box<Expr>),
    Selector(GoPos, Box<Expr>, Name),
    Index(GoPos, Box<Expr>, Box<Expr>),
    Slice(GoPos, Box<Expr>, [Option<Box<Expr>>; 3]),
    Assert(GoPos, Box<Expr>, Box<Expr>),
    TypeSwitchGuard(GoPos, Option<Name>, Box<Expr>),
    Call {
        pos: GoPos,
        fun: Box<Expr>,
        args: Vec<Expr>,
        dots: bool,
    },
    /// Unary when `y` is `None`.
    Operation {
        pos: GoPos,
        op: Op,
        x: Box<Expr>,
        y: Option<Box<Expr>>,
    },
    List(GoPos, Vec<Expr>),
    ArrayType(GoPos, Option<Box<Expr>>, Box<Expr>),
    SliceType(GoPos, Box<Expr>),
    DotsType(GoPos, Box<Expr>),
    StructType(GoPos, Vec<Field>),
    FuncType(GoPos, Vec<Field>, Vec<Field>),
    InterfaceType(GoPos, Vec<Field>),
    MapType(GoPos, Box<Expr>, Box<Expr>),
    ChanType(GoPos, ChanDir, Box<Expr>),
}

/// A parameter, struct field or interface element. Fields declared
/// together (`a, b int`) share a `group` so they print as Go prints them.
#[derive(Clone, Debug)]
pub(crate) struct Field {
    pub pos: GoPos,
    pub name: Option<Name>,
    pub ty: Option<Expr>,
    pub group: usize,
    pub tag: Option<String>,
}

impl Expr {
    pub(crate) fn pos(&self) -> GoPos {
        match self {
            Expr::Bad(p)
            | Expr::Opaque(p, _)
            | Expr::BasicLit(p, _)
            | Expr::Paren(p, _)
            | Expr::Selector(p, ..)
            | Expr::Index(p, ..)
            | Expr::Slice(p, ..)
            | Expr::Assert(p, ..)
            | Expr::TypeSwitchGuard(p, ..)
            | Expr::List(p, _)
            | Expr::ArrayType(p, ..)
            | Expr::SliceType(p, _)
            | Expr::DotsType(p, _)
            | Expr::StructType(p, _)
            | Expr::FuncType(p, ..)
            | Expr::InterfaceType(p, _)
            | Expr::MapType(p, ..)
            | Expr::ChanType(p, ..) => *p,
            Expr::Name(n) => n.pos,
            Expr::CompositeLit { pos, .. }
            | Expr::Call { pos, .. }
            | Expr::Operation { pos, .. } => *pos,
            Expr::FuncLit { ty, .. } => ty.pos(),
        }
    }

    /// The position of the leftmost part of the expression.
    pub(crate) fn start_pos(&self) -> GoPos {
        match self {
            Expr::CompositeLit { ty: Some(t), .. } => t.start_pos(),
            Expr::Selector(_, x, _)
            | Expr::Index(_, x, _)
            | Expr::Assert(_, x, _)
            | Expr::Call { fun: x, .. } => x.start_pos(),
            Expr::Opaque(_, start) => *start,
            Expr::TypeSwitchGuard(_, Some(lhs), _) => lhs.pos,
            Expr::TypeSwitchGuard(_, None, x) => x.start_pos(),
            Expr::Operation { x, y: Some(_), .. } => x.start_pos(),
            Expr::List(_, list) if !list.is_empty() => list[0].start_pos(),
            _ => self.pos(),
        }
    }

    pub(crate) fn unparen(&self) -> &Expr {
        let mut x = self;
        while let Expr::Paren(_, inner) = x {
            x = inner;
        }
        x
    }

    pub(crate) fn into_unparen(self) -> Expr {
        let mut x = self;
        while let Expr::Paren(_, inner) = x {
            x = *inner;
        }
        x
    }
}

/// A statement that can appear as a header clause or in "cannot use ...".
#[derive(Clone, Debug)]
pub(crate) enum SimpleStmt {
    Expr(Expr),
    Send(GoPos, Expr, Expr),
    /// `op` is `Op::None` for `=`, `Op::Def` for `:=`, otherwise `op=`;
    /// `rhs` is `None` for `++`/`--`.
    Assign {
        pos: GoPos,
        op: Op,
        lhs: Expr,
        rhs: Option<Expr>,
    },
    Range {
        pos: GoPos,
        lhs: Option<Expr>,
        def: bool,
        x: Expr,
    },
}

impl SimpleStmt {
    pub(crate) fn pos(&self) -> GoPos {
        match self {
            SimpleStmt::Expr(x) => x.pos(),
            SimpleStmt::Send(p, ..) => *p,
            SimpleStmt::Assign { pos, .. } | SimpleStmt::Range { pos, .. } => *pos,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub pos: GoPos,
    pub list: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub(crate) struct CaseClause {
    pub pos: GoPos,
    pub body: Vec<Stmt>,
}

/// Statements, keeping what label checking needs.
#[derive(Clone, Debug)]
pub(crate) enum Stmt {
    Empty,
    Simple(SimpleStmt),
    /// A declaration statement; `first_var` is the first declared variable
    /// of its first `var` spec, if any.
    Decl {
        first_var: Option<(GoPos, Name)>,
    },
    Labeled {
        label: Name,
        stmt: Box<Stmt>,
    },
    Block(Block),
    Branch {
        pos: GoPos,
        tok: Tok,
        label: Option<Name>,
    },
    Other,
    If {
        pos: GoPos,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    For {
        body: Block,
    },
    Switch {
        type_switch: bool,
        body: Vec<CaseClause>,
    },
    Select {
        body: Vec<CaseClause>,
    },
}

impl Stmt {
    /// The position of an `else` branch: its `if` keyword or its `{`.
    pub(crate) fn else_pos(&self) -> GoPos {
        match self {
            Stmt::Block(b) => b.pos,
            Stmt::If { pos, .. } => *pos,
            _ => GoPos::default(),
        }
    }
}
