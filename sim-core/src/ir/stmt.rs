//! Statements: complete, explicit control flow for the stepping machine.

use super::expr::BinaryOp;
use super::ids::{ExprId, LabelId, StmtId, TypeId, VarId};
use super::span::Span;

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// A `{ ... }` scope.
#[derive(Clone, Debug, Default)]
pub struct Block {
    pub stmts: Vec<StmtId>,
}

/// The left side of an assignment slot: `_` discards.
pub type Lhs = Option<ExprId>;

/// A `case` of an expression switch. No values means `default`.
#[derive(Clone, Debug)]
pub struct SwitchCase {
    pub values: Vec<ExprId>,
    pub body: Block,
    /// The body ends in `fallthrough`.
    pub fallthrough: bool,
    pub span: Span,
}

/// A `case` of a type switch. `types` holds `None` for `case nil`; no
/// types means `default`. `var` is the clause's own copy of the bound
/// variable (typed by the case when it lists one type).
#[derive(Clone, Debug)]
pub struct TypeCase {
    pub types: Vec<Option<TypeId>>,
    pub is_default: bool,
    pub var: Option<VarId>,
    pub body: Block,
    pub span: Span,
}

/// What a `select` case waits for.
#[derive(Clone, Debug)]
pub enum SelectComm {
    /// `case ch <- v:`
    Send {
        chan: ExprId,
        value: ExprId,
    },
    /// `case <-ch:` / `case v := <-ch:` / `case v, ok = <-ch:`; `recv` is
    /// the [`super::ExprKind::Recv`] and `assign` the statement (an
    /// `Assign` whose right side is `recv`) when the value is kept.
    Recv {
        recv: ExprId,
        assign: Option<StmtId>,
    },
    Default,
}

#[derive(Clone, Debug)]
pub struct SelectCase {
    pub comm: SelectComm,
    pub body: Block,
    pub span: Span,
}

/// What a `for range` iterates over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeKind {
    Int,
    Slice,
    Array,
    /// A pointer to an array.
    ArrayPointer,
    String,
    Map,
    Chan,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `var a, b T`: declares zero-valued variables.
    Decl {
        vars: Vec<VarId>,
    },
    /// `lhs = rhs`, `lhs := rhs` or `var lhs = rhs`. Either one right side
    /// per left side, or one multi-value right side (call, comma-ok form)
    /// whose tuple is spread. `declares` lists variables this statement
    /// creates (a `:=` may also assign to existing ones).
    Assign {
        lhs: Vec<Lhs>,
        rhs: Vec<ExprId>,
        declares: Vec<VarId>,
    },
    /// `x op= y`.
    OpAssign {
        op: BinaryOp,
        target: ExprId,
        value: ExprId,
    },
    /// `x++` / `x--`.
    IncDec {
        target: ExprId,
        increment: bool,
    },
    /// An expression evaluated for effect (a call or a receive).
    Expr(ExprId),
    Send {
        chan: ExprId,
        value: ExprId,
    },
    Block(Block),
    If {
        init: Option<StmtId>,
        cond: ExprId,
        then: Block,
        /// Either a `Block` or another `If`.
        otherwise: Option<StmtId>,
    },
    /// The three-clause, condition-only and infinite `for`. Variables
    /// declared by `init` are per-iteration (Go 1.22): each iteration
    /// gets a fresh copy before `post` runs.
    For {
        label: Option<LabelId>,
        init: Option<StmtId>,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: Block,
        loop_vars: Vec<VarId>,
    },
    /// `for k, v := range x` (fresh `k`, `v` each iteration when
    /// `declares` is non-empty) or `for k, v = range x`.
    Range {
        label: Option<LabelId>,
        kind: RangeKind,
        subject: ExprId,
        key: Lhs,
        value: Lhs,
        declares: Vec<VarId>,
        body: Block,
    },
    Switch {
        label: Option<LabelId>,
        init: Option<StmtId>,
        /// `None` for `switch { ... }` (cases are booleans).
        tag: Option<ExprId>,
        cases: Vec<SwitchCase>,
    },
    TypeSwitch {
        label: Option<LabelId>,
        init: Option<StmtId>,
        /// The interface value `x` of `x.(type)`.
        subject: ExprId,
        cases: Vec<TypeCase>,
    },
    Select {
        label: Option<LabelId>,
        cases: Vec<SelectCase>,
    },
    Labeled {
        label: LabelId,
        stmt: StmtId,
    },
    /// `break`, leaving `target` (a loop, switch or select).
    Break {
        label: Option<LabelId>,
        target: StmtId,
    },
    /// `continue`, starting the next iteration of `target`.
    Continue {
        label: Option<LabelId>,
        target: StmtId,
    },
    Goto {
        label: LabelId,
    },
    Fallthrough,
    /// `return`. A bare return in a function with named results has no
    /// `results` and `bare` set.
    Return {
        results: Vec<ExprId>,
        bare: bool,
    },
    /// `defer f(x)`: the operand is a `Call` expression.
    Defer(ExprId),
    /// `go f(x)`: the operand is a `Call` expression.
    Go(ExprId),
    Empty,
}
