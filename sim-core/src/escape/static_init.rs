//! gc's static initialisation of package-level variables
//! (`staticinit.Schedule.StaticAssign`): `var x = &T{...}`, slice and
//! array literals, constants, closures capturing nothing and interface
//! boxes of such values become data in the binary, and their statements
//! leave the package `init` function before escape analysis runs. Parts
//! that cannot be static (a call inside a literal) stay as assignments
//! into the static data, i.e. into the heap.

use crate::hash::{HashMap, HashSet};

use crate::ir::{
    Callee, CompositeKind, ConvKind, ExprId, ExprKind, FuncId, Program, StmtId, StmtKind, Type,
    TypeId, VarId,
};

/// What is left of the package-level initialisation.
#[derive(Clone, Debug, Default)]
pub struct StaticInit {
    /// Statements done entirely statically.
    pub skip: HashSet<StmtId>,
    /// Statements done statically except for these expressions, each
    /// stored into static data at run time.
    pub residual: HashMap<StmtId, Vec<ExprId>>,
}

impl StaticInit {
    pub fn compute(prog: &Program) -> StaticInit {
        let mut out = StaticInit::default();
        // The statement defining each package-level variable.
        let mut defn: HashMap<VarId, ExprId> = HashMap::default();
        for s in &prog.global_init {
            if let StmtKind::Assign { lhs, rhs, .. } = &prog.stmt(*s).kind {
                if lhs.len() == 1 && rhs.len() == 1 {
                    if let Some(ExprKind::Var(v)) = lhs[0].map(|l| &prog.expr(l).kind) {
                        defn.insert(*v, rhs[0]);
                    }
                }
            }
        }
        let mut sched = Sched {
            prog,
            defn,
            seen_mutation: false,
        };
        for s in &prog.global_init {
            let StmtKind::Assign { lhs, rhs, .. } = &prog.stmt(*s).kind else {
                continue;
            };
            if rhs.len() != 1 {
                // A, b = x, y: gc assigns through temporaries; not static.
                continue;
            }
            let r = rhs[0];
            if !sched.seen_mutation {
                sched.seen_mutation = may_modify_pkg_var(prog, r);
            }
            if lhs.iter().all(Option::is_none) && !side_effects(prog, r) {
                out.skip.insert(*s);
                continue;
            }
            if lhs.len() != 1 {
                continue;
            }
            let Some(l) = lhs[0] else { continue };
            if !matches!(prog.expr(l).kind, ExprKind::Var(_)) {
                continue;
            }
            let mut residual = Vec::new();
            if sched.assign(r, &mut residual, 0) {
                if residual.is_empty() {
                    out.skip.insert(*s);
                } else {
                    out.residual.insert(*s, residual);
                }
            }
        }
        out
    }
}

impl StaticInit {
    /// The allocation sites gc lays out as static data: `escapes to heap`
    /// in effect, but never reported.
    pub fn hidden_verdicts(&self, prog: &Program) -> Vec<super::report::Event> {
        use super::report::{Event, Verdict, VerdictKind, HIDDEN};
        let mut stmts: Vec<StmtId> = self
            .skip
            .iter()
            .chain(self.residual.keys())
            .copied()
            .collect();
        crate::sort::ascending(&mut stmts);
        let mut excluded = HashSet::default();
        for exprs in self.residual.values() {
            for e in exprs {
                walk_expr(prog, *e, &mut |x| {
                    excluded.insert(x);
                });
            }
        }
        let rewrites = super::print::Rewrites::default();
        let printer = super::print::Printer {
            prog,
            rewrites: &rewrites,
            shapes: false,
        };
        let mut out = Vec::new();
        for s in stmts {
            let StmtKind::Assign { rhs, .. } = &prog.stmt(s).kind else {
                continue;
            };
            for r in rhs {
                walk_expr(prog, *r, &mut |x| {
                    if excluded.contains(&x) {
                        return;
                    }
                    let ex = prog.expr(x);
                    let alloc = match &ex.kind {
                        ExprKind::PtrLit(_) | ExprKind::FuncLit(_) | ExprKind::ConvIface(_) => true,
                        ExprKind::Composite { kind, .. } => {
                            matches!(kind, CompositeKind::Slice | CompositeKind::Map)
                        }
                        ExprKind::Conv { kind, .. } => !matches!(kind, ConvKind::Value),
                        _ => false,
                    };
                    if alloc {
                        out.push(Event::Verdict(Verdict {
                            site: super::graph::Site {
                                text: printer.expr(x),
                                pos: HIDDEN,
                                start: ex.span.start,
                                end: ex.span.end,
                            },
                            kind: VerdictKind::Escapes,
                            message: format!("{} escapes to heap", printer.expr(x)),
                        }));
                    }
                });
            }
        }
        out
    }
}

struct Sched<'p> {
    prog: &'p Program,
    defn: HashMap<VarId, ExprId>,
    seen_mutation: bool,
}

impl Sched<'_> {
    /// `assign` in gc: static if possible, else a run-time store.
    fn assign_or_store(&self, e: ExprId, residual: &mut Vec<ExprId>, d: u32) {
        if !self.assign(e, residual, d + 1) {
            residual.push(e);
        }
    }

    /// gc's `StaticAssign`: whether `e` can be laid out statically (with
    /// the non-static parts added to `residual`).
    fn assign(&self, e: ExprId, residual: &mut Vec<ExprId>, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        let prog = self.prog;
        let x = prog.expr(e);
        match &x.kind {
            ExprKind::Conv {
                operand,
                kind: ConvKind::Value,
            } if self.no_op_conv(x.ty, prog.expr(*operand).ty) => {
                self.assign(*operand, residual, d + 1)
            }
            ExprKind::Var(v) => self.copy(*v, d),
            ExprKind::Func(_) | ExprKind::MethodExpr { .. } => true,
            ExprKind::Nil | ExprKind::Const(_) => true,
            ExprKind::AddrOf(inner) => self.static_loc(*inner, 0),
            ExprKind::PtrLit(c) => {
                if let ExprKind::Composite { .. } = &prog.expr(*c).kind {
                    self.assign_or_store(*c, residual, d);
                    true
                } else {
                    false
                }
            }
            ExprKind::Conv {
                operand,
                kind: ConvKind::StringToBytes,
            } => matches!(prog.expr(*operand).kind, ExprKind::Const(_)),
            ExprKind::Composite { kind, elems } => match kind {
                CompositeKind::Map => false,
                CompositeKind::Slice | CompositeKind::Array | CompositeKind::Struct => {
                    for el in elems {
                        let v = el.value;
                        if matches!(prog.expr(v).kind, ExprKind::Const(_) | ExprKind::Nil) {
                            continue;
                        }
                        self.assign_or_store(v, residual, d);
                    }
                    true
                }
            },
            ExprKind::FuncLit(f) => self.captures_nothing(*f),
            ExprKind::ConvIface(inner) => {
                let mut val = *inner;
                while let ExprKind::ConvIface(i) = &prog.expr(val).kind {
                    val = *i;
                }
                let vt = prog.expr(val).ty;
                if prog.types.is_interface(vt) {
                    return matches!(prog.expr(val).kind, ExprKind::Nil);
                }
                if matches!(prog.expr(val).kind, ExprKind::Nil) {
                    return true;
                }
                self.assign_or_store(val, residual, d);
                true
            }
            _ => false,
        }
    }

    fn captures_nothing(&self, f: FuncId) -> bool {
        super::batches::captures(self.prog, f, 0).is_empty()
    }

    /// A conversion gc drops (`OCONVNOP`): same underlying type, or
    /// between pointer types with the same base.
    fn no_op_conv(&self, to: TypeId, from: TypeId) -> bool {
        let t = &self.prog.types;
        t.identical(t.underlying(to), t.underlying(from))
    }

    /// gc's `staticcopy`: `var y = x` where x itself is static.
    fn copy(&self, v: VarId, d: u32) -> bool {
        let prog = self.prog;
        let var = prog.var(v);
        if var.func.is_some() || var.pkg.is_some() || !prog.globals.contains(&v) {
            return false;
        }
        let Some(&r) = self.defn.get(&v) else {
            return false;
        };
        if matches!(prog.types.under(var.ty), Type::Basic(k) if k.is_string()) {
            return false;
        }
        if self.seen_mutation || d > 64 {
            return false;
        }
        let mut r = r;
        while let ExprKind::Conv {
            operand,
            kind: ConvKind::Value,
        } = &prog.expr(r).kind
        {
            if prog.types.identical(prog.expr(r).ty, var.ty) {
                break;
            }
            r = *operand;
        }
        match &prog.expr(r).kind {
            ExprKind::Func(_) | ExprKind::MethodExpr { .. } => true,
            // Copied at run time if not static: a plain load, nothing to
            // analyse.
            ExprKind::Var(_) => true,
            ExprKind::Nil | ExprKind::Const(_) => true,
            ExprKind::AddrOf(inner) => {
                matches!(&prog.expr(*inner).kind, ExprKind::Var(a) if self.is_global(*a))
            }
            ExprKind::PtrLit(c) => matches!(prog.expr(*c).kind, ExprKind::Composite { .. }),
            ExprKind::Composite { kind, .. } => !matches!(kind, CompositeKind::Map),
            _ => false,
        }
    }

    fn is_global(&self, v: VarId) -> bool {
        self.prog.var(v).func.is_none()
    }

    /// gc's `StaticLoc`: a package-level variable, or a field or constant
    /// index of one.
    fn static_loc(&self, e: ExprId, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        let prog = self.prog;
        match &prog.expr(e).kind {
            ExprKind::Var(v) => self.is_global(*v),
            ExprKind::Func(_) => true,
            ExprKind::Field {
                base,
                through_pointer: false,
                ..
            } => self.static_loc(*base, d + 1),
            ExprKind::Index { base, index } => {
                matches!(prog.types.under(prog.expr(*base).ty), Type::Array { .. })
                    && matches!(prog.expr(*index).kind, ExprKind::Const(_))
                    && self.static_loc(*base, d + 1)
            }
            _ => false,
        }
    }
}

/// gc's `mayModifyPkgVar`: calls, `append`, `copy`, `clear`.
fn may_modify_pkg_var(prog: &Program, e: ExprId) -> bool {
    let mut found = false;
    walk_expr(prog, e, &mut |x| {
        if let ExprKind::Call(call) = &prog.expr(x).kind {
            found |= match &call.callee {
                Callee::Builtin(b) => matches!(
                    b,
                    crate::ir::Builtin::Append
                        | crate::ir::Builtin::Copy
                        | crate::ir::Builtin::Clear
                ),
                _ => true,
            };
        }
    });
    found
}

/// Whether evaluating `e` may have side effects (gc's `AnySideEffects`,
/// simplified: calls, receives, conversions that may panic).
fn side_effects(prog: &Program, e: ExprId) -> bool {
    let mut found = false;
    walk_expr(prog, e, &mut |x| {
        if matches!(
            prog.expr(x).kind,
            ExprKind::Call(_)
                | ExprKind::Recv { .. }
                | ExprKind::TypeAssert { .. }
                | ExprKind::Deref(_)
                | ExprKind::Index { .. }
                | ExprKind::MapIndex { .. }
                | ExprKind::Slice { .. }
                | ExprKind::Binary { .. }
                | ExprKind::Make { .. }
                | ExprKind::New(_)
        ) {
            found = true;
        }
    });
    found
}

/// Every expression under `e` (not entering function literals).
fn walk_expr(prog: &Program, e: ExprId, f: &mut dyn FnMut(ExprId)) {
    super::visit::visit_expr(prog, e, false, &mut |n| {
        if let super::visit::Node::Expr(x) = n {
            f(x);
        }
    });
}
