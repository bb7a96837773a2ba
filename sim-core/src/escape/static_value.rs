//! Which local variables hold a value known at compile time.
//!
//! gc's `ir.StaticValue` follows a variable to its defining assignment when
//! the variable is never reassigned and never has its address taken. The
//! escape pass uses it to print (and size) `make([]T, n)` and interface
//! conversions by their constant value, and to drop constant captures from
//! closures. The facts here are computed once for the whole program.

use crate::hash::{HashMap, HashSet};

use super::visit::{visit_block, Node};
use crate::ir::{
    ConstValue, ConvKind, ExprId, ExprKind, Program, SelectComm, StmtKind, Type, TypeId, VarId,
    VarKind,
};

#[derive(Default)]
pub struct StaticFacts {
    /// The right side that defines each singly-defined local.
    defn: HashMap<VarId, ExprId>,
    /// Locals assigned other than by their definition.
    reassigned: HashSet<VarId>,
    /// Locals whose address is taken somewhere (explicitly or implicitly).
    addrtaken: HashSet<VarId>,
    /// Locals captured by some function literal.
    pub captured: HashSet<VarId>,
    /// Package-level initialisation gc does statically.
    pub init: super::static_init::StaticInit,
}

/// The variable an assignment to `e` writes (gc's `OuterValue`).
pub fn outer_var(prog: &Program, mut e: ExprId) -> Option<VarId> {
    for _ in 0..256 {
        match &prog.expr(e).kind {
            ExprKind::Var(v) => return Some(*v),
            ExprKind::Field {
                base,
                through_pointer: false,
                ..
            } => e = *base,
            ExprKind::Index { base, .. } if is_array(prog, prog.expr(*base).ty) => e = *base,
            ExprKind::Conv {
                kind: ConvKind::Value,
                operand,
            } if prog.types.identical(
                prog.types.underlying(prog.expr(e).ty),
                prog.types.underlying(prog.expr(*operand).ty),
            ) =>
            {
                e = *operand
            }
            _ => return None,
        }
    }
    None
}

pub fn is_array(prog: &Program, t: TypeId) -> bool {
    matches!(prog.types.under(t), Type::Array { .. })
}

impl StaticFacts {
    pub fn compute(prog: &Program) -> StaticFacts {
        let mut f = StaticFacts {
            init: super::static_init::StaticInit::compute(prog),
            ..StaticFacts::default()
        };
        for fid in prog.user_funcs() {
            let func = prog.func(fid);
            if func.is_closure() {
                for v in &func.captures {
                    f.captured.insert(*v);
                }
            }
            let Some(body) = &func.body else { continue };
            visit_block(prog, body, false, &mut |n| f.note(prog, n));
        }
        f
    }

    fn assigned(&mut self, prog: &Program, target: Option<ExprId>) {
        if let Some(v) = target.and_then(|t| outer_var(prog, t)) {
            self.reassigned.insert(v);
        }
    }

    fn note(&mut self, prog: &Program, n: Node) {
        match n {
            Node::Stmt(s) => match &prog.stmt(s).kind {
                StmtKind::Assign {
                    lhs, rhs, declares, ..
                } => {
                    for (i, l) in lhs.iter().enumerate() {
                        let Some(l) = l else { continue };
                        let var = match prog.expr(*l).kind {
                            ExprKind::Var(v) => Some(v),
                            _ => None,
                        };
                        match var {
                            Some(v) if declares.contains(&v) && lhs.len() == rhs.len() => {
                                self.defn.insert(v, rhs[i]);
                            }
                            Some(v) if declares.contains(&v) => {}
                            _ => self.assigned(prog, Some(*l)),
                        }
                    }
                }
                StmtKind::OpAssign { target, .. } | StmtKind::IncDec { target, .. } => {
                    self.assigned(prog, Some(*target))
                }
                StmtKind::Range { key, value, .. } => {
                    self.assigned(prog, *key);
                    self.assigned(prog, *value);
                }
                StmtKind::Select { cases, .. } => {
                    for c in cases {
                        if let SelectComm::Recv {
                            assign: Some(_), ..
                        } = c.comm
                        {
                            // Visited as an Assign statement of its own.
                        }
                    }
                }
                _ => {}
            },
            Node::Expr(e) => match &prog.expr(e).kind {
                ExprKind::AddrOf(x) => {
                    if let Some(v) = outer_var(prog, *x) {
                        self.addrtaken.insert(v);
                    }
                }
                ExprKind::Slice { base, .. } if is_array(prog, prog.expr(*base).ty) => {
                    if let Some(v) = outer_var(prog, *base) {
                        self.addrtaken.insert(v);
                    }
                }
                _ => {}
            },
        }
    }

    /// Whether the variable may change after its definition.
    pub fn reassigned(&self, prog: &Program, v: VarId) -> bool {
        let var = prog.var(v);
        var.kind != VarKind::Local
            || self.addrtaken.contains(&v)
            || self.reassigned.contains(&v)
            || !self.defn.contains_key(&v)
    }

    pub fn addrtaken(&self, v: VarId) -> bool {
        self.addrtaken.contains(&v)
    }

    /// gc's `ir.StaticValue`: follows unchanging locals to their value.
    pub fn static_value(&self, prog: &Program, mut e: ExprId) -> ExprId {
        for _ in 0..64 {
            match &prog.expr(e).kind {
                ExprKind::Var(v) if !self.reassigned(prog, *v) => match self.defn.get(v) {
                    Some(rhs) => e = *rhs,
                    None => return e,
                },
                _ => return e,
            }
        }
        e
    }

    /// The constant an expression is known to hold, with the expression's
    /// own type, when gc would replace it by a literal.
    pub fn static_const(&self, prog: &Program, e: ExprId) -> Option<(ConstValue, TypeId)> {
        let v = self.static_value(prog, e);
        match &prog.expr(v).kind {
            ExprKind::Const(c) => {
                let ty = prog.expr(e).ty;
                prog.types.basic_kind(prog.types.underlying(ty))?;
                Some((c.clone(), ty))
            }
            _ => None,
        }
    }
}
