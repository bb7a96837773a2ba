//! Splitting the program into batches: strongly connected components of
//! the static call graph, callees first, exactly as gc's
//! `ir.VisitFuncsBottomUp` orders them (closures join their enclosing
//! function's batch, after it).

use crate::hash::HashMap;

use super::visit::{visit_block, Node};
use crate::ir::{Callee, ExprKind, FuncId, MethodRef, Program};

/// Whether `f` is a closure that captures variables (directly or through
/// closures nested in it). Only those join their enclosing function's
/// batch; a closure capturing nothing is analyzed on its own, first.
pub fn is_hidden_closure(prog: &Program, f: FuncId) -> bool {
    prog.func(f).is_closure() && !captures(prog, f, 0).is_empty()
}

/// The variables closure `f` captures, including what its nested closures
/// need from outside `f`, in order of first use.
pub fn captures(prog: &Program, f: FuncId, d: u32) -> Vec<crate::ir::VarId> {
    let func = prog.func(f);
    let mut out = func.captures.clone();
    if d > 32 {
        return out;
    }
    for c in &func.closures {
        for v in captures(prog, *c, d + 1) {
            if prog.var(v).func != Some(f) && !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// The batches in analysis order; each lists its functions in gc's order.
pub fn bottom_up(prog: &Program) -> Vec<Vec<FuncId>> {
    let mut v = Tarjan {
        prog,
        init: super::static_init::StaticInit::compute(prog),
        ids: HashMap::default(),
        gen: 0,
        stack: Vec::new(),
        out: Vec::new(),
    };
    // gc visits the package init function first, then the closures of
    // package-level initialisers (read with it), then the declarations
    // in source order, then the generic instances in the order they were
    // made (those a function calls are visited before it anyway).
    let mut top: Vec<FuncId> = prog
        .user_funcs()
        .chain(prog.bodyless.iter().copied())
        .filter(|f| !is_hidden_closure(prog, *f))
        .collect();
    let rank = |f: FuncId| {
        let func = prog.func(f);
        if Some(f) == prog.package_init {
            0
        } else if func.instance.is_some() {
            3
        } else if matches!(func.kind, crate::ir::FuncKind::Closure { parent } if Some(parent) == prog.package_init)
        {
            1
        } else {
            2
        }
    };
    crate::sort::by_key(&mut top, |f| {
        let r = rank(*f);
        (
            r,
            if r == 3 {
                f.0
            } else {
                prog.func(*f).span.start
            },
        )
    });
    for f in top {
        v.visit(f, 0);
    }
    v.out
}

struct Tarjan<'p> {
    prog: &'p Program,
    init: super::static_init::StaticInit,
    ids: HashMap<FuncId, u32>,
    gen: u32,
    stack: Vec<FuncId>,
    out: Vec<Vec<FuncId>>,
}

const DONE: u32 = u32::MAX;

impl Tarjan<'_> {
    /// Functions with bodies that `f` references, in preorder.
    fn references(&self, f: FuncId) -> Vec<FuncId> {
        let prog = self.prog;
        let mut refs = Vec::new();
        let Some(body) = &prog.func(f).body else {
            return refs;
        };
        // Declarations without a body join the graph too (gc tags them).
        let has_body = |g: FuncId| {
            prog.funcs.get(g).is_some_and(|g| g.body.is_some()) || prog.bodyless.contains(&g)
        };
        let mut f_ref = |n: Node| {
            let Node::Expr(e) = n else { return };
            match &prog.expr(e).kind {
                ExprKind::Func(g) if has_body(*g) => refs.push(*g),
                ExprKind::FuncLit(g) => refs.push(*g),
                ExprKind::MethodValue {
                    method: MethodRef::Func(g),
                    ..
                }
                | ExprKind::MethodExpr {
                    method: MethodRef::Func(g),
                    ..
                } if has_body(*g) => refs.push(*g),
                ExprKind::Call(call) => match &call.callee {
                    Callee::Func(g) | Callee::Method { func: g, .. } if has_body(*g) => {
                        refs.push(*g)
                    }
                    _ => {}
                },
                _ => {}
            }
        };
        if Some(f) == prog.package_init {
            // What gc's static initialisation leaves of it.
            for s in &body.stmts {
                if self.init.skip.contains(s) {
                    continue;
                }
                match self.init.residual.get(s) {
                    Some(exprs) => {
                        for e in exprs {
                            super::visit::visit_expr(prog, *e, false, &mut f_ref);
                        }
                    }
                    None => visit_block(
                        prog,
                        &crate::ir::Block { stmts: vec![*s] },
                        false,
                        &mut f_ref,
                    ),
                }
            }
        } else {
            visit_block(prog, body, false, &mut f_ref);
        }
        refs
    }

    fn visit(&mut self, n: FuncId, depth: u32) -> u32 {
        if let Some(&id) = self.ids.get(&n) {
            return id;
        }
        if depth > 2000 {
            return DONE;
        }
        self.gen += 1;
        let id = self.gen;
        self.ids.insert(n, id);
        self.gen += 1;
        let mut min = self.gen;
        self.stack.push(n);
        for g in self.references(n) {
            let m = self.visit(g, depth + 1);
            if m < min {
                min = m;
            }
        }
        if (min == id || min == id + 1) && !is_hidden_closure(self.prog, n) {
            let mut i = self.stack.len();
            while i > 0 {
                i -= 1;
                let x = self.stack[i];
                self.ids.insert(x, DONE);
                if x == n {
                    break;
                }
            }
            let block = self.stack.split_off(i);
            self.out.push(block);
        }
        min
    }
}
