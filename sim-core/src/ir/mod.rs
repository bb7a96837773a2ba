//! The typed, desugared IR: what every later stage reads.
//!
//! A [`Program`] holds arenas of functions, variables, expressions and
//! statements named by small copyable ids ([`FuncId`], [`VarId`],
//! [`ExprId`], [`StmtId`]), and a [`TypeTable`] of interned types with gc's
//! amd64 layout. Every node carries a [`Span`]: the position gc prints and
//! the byte range the editor underlines.
//!
//! Invariant: the IR knows nothing about tree-sitter or about how it was
//! checked; it is plain data built by [`crate::check`].

mod constant;
mod expr;
mod func;
mod ids;
mod layout;
mod span;
mod stmt;
mod types;

pub use constant::{format_float, ConstValue};
pub use expr::{
    BinaryOp, Builtin, Call, Callee, CompositeElem, CompositeKind, ConvKind, ElemKey, Expr,
    ExprKind, MakeKind, MethodRef, UnaryOp,
};
pub use func::{Func, FuncKind, Instance, Label, Var, VarKind};
pub use ids::{Arena, ExprId, FuncId, Id, LabelId, NamedId, StmtId, TypeId, VarId};
pub use layout::PTR_SIZE;
pub use span::Span;
pub use stmt::{
    Block, Lhs, RangeKind, SelectCase, SelectComm, Stmt, StmtKind, SwitchCase, TypeCase,
};
pub use types::{
    BasicKind, ChanDir, Field, IfaceMethod, InterfaceType, MethodDecl, NamedType, Signature, Type,
    TypeTable,
};

/// A checked program: one package (usually main) plus the standard-library
/// declarations it uses.
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub types: TypeTable,
    pub funcs: Arena<FuncId, Func>,
    pub vars: Arena<VarId, Var>,
    pub exprs: Arena<ExprId, Expr>,
    pub stmts: Arena<StmtId, Stmt>,
    pub labels: Arena<LabelId, Label>,
    /// Package main's variables, in declaration order.
    pub globals: Vec<VarId>,
    /// Package-level variable initialisations (`Assign` statements) in
    /// Go's initialisation order.
    pub global_init: Vec<StmtId>,
    /// `func init()`s in source order.
    pub inits: Vec<FuncId>,
    /// `func main()`.
    pub main: Option<FuncId>,
    /// The synthetic function whose body is `global_init` (gc's package
    /// `init`); closures in package-level initialisers belong to it.
    pub package_init: Option<FuncId>,
    /// Functions declared without a body, in source order. gc compiles
    /// them (their code would come from assembly); `go build` rejects them
    /// when there is none, so the program cannot run.
    pub bodyless: Vec<FuncId>,
    /// The name in the package clause. Only package main links and runs;
    /// any other package is compiled (and analysed) like `go build` does.
    pub package: String,
}

/// The linker's complaint about package main without `func main`.
pub const NO_MAIN: &str = "function main is undeclared in the main package";

impl Program {
    /// Whether this is package main, the only one `go run` runs.
    pub fn is_main_package(&self) -> bool {
        self.package == "main"
    }

    /// The package path gc qualifies this package's symbols with when
    /// `go build` is given the file: `main`, or `command-line-arguments`.
    pub fn package_path(&self) -> &'static str {
        if self.is_main_package() {
            "main"
        } else {
            "command-line-arguments"
        }
    }

    /// `go build`'s errors for the functions declared without a body: it
    /// compiles them but, without assembly, refuses to link.
    pub fn missing_bodies(&self) -> Vec<crate::Diagnostic> {
        self.bodyless
            .iter()
            .map(|f| {
                let span = self.funcs[*f].span;
                crate::Diagnostic {
                    pos: span.pos,
                    start: span.start as usize,
                    end: span.end as usize,
                    message: "missing function body".to_string(),
                }
            })
            .collect()
    }

    /// Why `go run` would refuse this program although it compiles: a
    /// package other than main, or package main without `func main`.
    pub fn not_runnable(&self) -> Option<String> {
        if !self.is_main_package() {
            Some(format!(
                "package {} is not a main package",
                self.package_path()
            ))
        } else if self.main.is_none() {
            Some(format!("runtime.main_main·f: {NO_MAIN}"))
        } else {
            None
        }
    }

    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id]
    }

    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id]
    }

    pub fn var(&self, id: VarId) -> &Var {
        &self.vars[id]
    }

    pub fn func(&self, id: FuncId) -> &Func {
        &self.funcs[id]
    }

    /// The generic instance `f` belongs to: itself, or the function a
    /// closure is written in.
    pub fn instance_of(&self, mut f: FuncId) -> Option<(FuncId, &Instance)> {
        for _ in 0..256 {
            let func = &self.funcs[f];
            if let Some(inst) = &func.instance {
                return Some((f, inst));
            }
            match func.kind {
                FuncKind::Closure { parent } => f = parent,
                _ => return None,
            }
        }
        None
    }

    /// The functions of package main with bodies (top-level, methods and
    /// closures), in declaration order.
    pub fn user_funcs(&self) -> impl Iterator<Item = FuncId> + '_ {
        self.funcs
            .iter()
            .filter(|(_, f)| f.body.is_some())
            .map(|(id, _)| id)
    }

    /// A standard-library function by its gc name (`"fmt.Printf"`,
    /// `"(*strings.Builder).WriteString"`).
    pub fn std_func(&self, name: &str) -> Option<FuncId> {
        self.funcs
            .iter()
            .find(|(_, f)| f.is_std() && f.name == name)
            .map(|(id, _)| id)
    }
}
