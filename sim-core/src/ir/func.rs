//! Functions, variables and labels.

use super::ids::{FuncId, NamedId, TypeId, VarId};
use super::span::Span;
use super::stmt::Block;

/// Where a variable lives in Go's model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    Local,
    Param,
    /// A result parameter; unnamed ones are called `~r0`, `~r1`, ... as
    /// gc names them.
    Result,
    Receiver,
    /// Package-level (package main's, or a standard-library variable such
    /// as `os.Stdout`).
    Global,
}

#[derive(Clone, Debug)]
pub struct Var {
    pub name: String,
    pub ty: TypeId,
    pub kind: VarKind,
    /// The declaring function; `None` for package-level variables.
    pub func: Option<FuncId>,
    /// The package path for standard-library variables (`"os"`).
    pub pkg: Option<String>,
    /// At the variable's name (at the type for an unnamed parameter).
    pub span: Span,
    /// A parameter declared by its type alone (`func(*int)`): it is named
    /// `_` here, but gc reports it differently from a written `_`.
    pub unnamed: bool,
}

/// What kind of function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FuncKind {
    /// `func name(...)` in package main.
    TopLevel,
    /// `func (r T) name(...)` or `func (r *T) name(...)`.
    Method {
        named: NamedId,
        pointer_receiver: bool,
    },
    /// A function literal, inside `parent`.
    Closure { parent: FuncId },
    /// A standard-library declaration without body: `pkg` is the import
    /// path; methods also have `receiver` set (`(*strings.Builder)`).
    Std {
        pkg: String,
        receiver: Option<(NamedId, bool)>,
    },
}

#[derive(Clone, Debug)]
pub struct Func {
    /// As gc names it in reports: `main`, `(*T).Inc`, `T.String`,
    /// `escaping.func1`, `fmt.Printf`, `(*strings.Builder).WriteString`.
    pub name: String,
    pub kind: FuncKind,
    /// A [`super::Type::Func`] (receiver not included).
    pub sig: TypeId,
    pub receiver: Option<VarId>,
    pub params: Vec<VarId>,
    /// Named or `~rN`.
    pub results: Vec<VarId>,
    /// `None` for standard-library declarations.
    pub body: Option<Block>,
    /// For closures: the enclosing functions' variables used inside, in
    /// order of first use.
    pub captures: Vec<VarId>,
    /// Function literals whose nearest enclosing function is this one.
    pub closures: Vec<FuncId>,
    /// Every local variable declared in the body (not params/results).
    pub locals: Vec<VarId>,
    /// At the name (declarations) or the `func` keyword (literals).
    pub span: Span,
    /// Set for an instance of a generic function or of a method of a
    /// generic type (the checker makes one per list of type arguments).
    pub instance: Option<Instance>,
    /// `//go:noescape` precedes a declaration without body: its pointer
    /// arguments do not escape (without it, gc assumes they all do).
    pub noescape: bool,
}

/// What a generic instance was made from, for gc's names of its shaped
/// body (`Max[go.shape.int]`) and dictionary (`&.dict.Max[int]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    /// The generic function's name, or the generic type's for a method.
    pub generic: String,
    /// The type arguments, aliases removed.
    pub targs: Vec<TypeId>,
    /// Per type parameter: its constraint is a basic interface (gc shapes
    /// a pointer argument of such a parameter as `*uint8`).
    pub basic: Vec<bool>,
    /// For a method: its name and whether the receiver is a pointer.
    pub method: Option<(String, bool)>,
}

impl Func {
    pub fn is_closure(&self) -> bool {
        matches!(self.kind, FuncKind::Closure { .. })
    }

    pub fn is_std(&self) -> bool {
        matches!(self.kind, FuncKind::Std { .. })
    }
}

/// A statement label.
#[derive(Clone, Debug)]
pub struct Label {
    pub name: String,
    pub func: FuncId,
    pub span: Span,
}
