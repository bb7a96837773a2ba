//! gc's slice pass (Go 1.26+, `cmd/compile/internal/slice`): a local
//! slice variable that is only ever appended to, indexed, measured and
//! passed to non-leaking callees, and that leaves the function in exactly
//! one place (a `return s`, an `x = s` or a `range s` not nested deeper in
//! loops than its declaration), keeps its backing store on the stack while
//! it grows; just before that one place the runtime copies it to the heap
//! (`runtime.moveSlice`) if it is still on the stack. The escape analysis
//! still prints `append escapes to heap` for those appends (the pass runs
//! after it), but the program allocates once instead of at every growth.
//!
//! This module finds those variables exactly as the pass does: it counts
//! every mention of each candidate and the mentions it understands, and
//! keeps a variable only when the two counts agree.

use crate::hash::HashMap;

use crate::escape::visit::{visit_block_in_loops, Node};
use crate::ir::{
    Builtin, Callee, ExprId, ExprKind, FuncId, Program, RangeKind, StmtId, StmtKind, Type, VarId,
};

/// gc's `VariableMakeThreshold`: the stack buffer's size in bytes.
pub const STACK_BUFFER_BYTES: u64 = 32;

/// A variable whose appends use the stack until `transition`.
#[derive(Clone, Debug)]
pub struct Move {
    pub var: VarId,
    /// The statement before which the backing store moves to the heap.
    pub transition: StmtId,
    /// The `s = append(s, ...)` calls that may now use the stack.
    pub appends: Vec<ExprId>,
    /// The capacity is observed (`cap(s)`, `s[i:j]`, a slice literal, a
    /// call): appends grow one size class at a time inside the buffer and
    /// the move keeps the capacity.
    pub cap_used: bool,
}

#[derive(Default)]
struct Info {
    ok: i32,
    all: i32,
    dropped: bool,
    transition: Option<StmtId>,
    appends: Vec<ExprId>,
    weight: i32,
    decl_depth: i32,
    cap_used: bool,
}

struct Pass<'p, 'f> {
    prog: &'p Program,
    vars: HashMap<VarId, Info>,
    named_results: Vec<VarId>,
    loop_depth: i32,
    /// Whether argument `i` of a static call of the function may leak.
    arg_leaks: &'f dyn Fn(FuncId, usize) -> bool,
}

/// The variables of function `f` the slice pass rewrites.
pub fn analyze(prog: &Program, f: FuncId, arg_leaks: &dyn Fn(FuncId, usize) -> bool) -> Vec<Move> {
    let func = prog.func(f);
    let Some(body) = &func.body else {
        return Vec::new();
    };
    let mut pass = Pass {
        prog,
        vars: HashMap::default(),
        named_results: Vec::new(),
        loop_depth: 0,
        arg_leaks,
    };
    let candidates: Vec<VarId> = func
        .receiver
        .iter()
        .chain(&func.params)
        .chain(&func.results)
        .chain(&func.locals)
        .copied()
        .collect();
    for v in candidates {
        let ty = prog.var(v).ty;
        let Type::Slice(elem) = prog.types.under(ty) else {
            continue;
        };
        if prog.types.size_of(*elem) > STACK_BUFFER_BYTES {
            continue;
        }
        pass.vars.insert(v, Info::default());
        if func.results.contains(&v) && !prog.var(v).name.starts_with('~') {
            pass.named_results.push(v);
        }
    }
    if pass.vars.is_empty() {
        return Vec::new();
    }
    visit_block_in_loops(prog, body, false, &mut |n, loops| pass.visit(n, loops));
    let mut out: Vec<Move> = pass
        .vars
        .into_iter()
        .filter_map(|(var, i)| {
            let keep = !i.dropped && i.ok == i.all && i.weight >= 2 && !i.appends.is_empty();
            Some(Move {
                var,
                transition: i.transition.filter(|_| keep)?,
                appends: i.appends,
                cap_used: i.cap_used,
            })
        })
        .collect();
    crate::sort::by_key(&mut out, |m| m.var.0);
    out
}

impl Pass<'_, '_> {
    fn tracked(&self, e: ExprId) -> Option<VarId> {
        match &self.prog.expr(e).kind {
            ExprKind::Var(v) if self.vars.get(v).is_some_and(|i| !i.dropped) => Some(*v),
            _ => None,
        }
    }

    fn info(&mut self, v: VarId) -> &mut Info {
        self.vars.entry(v).or_default()
    }

    fn transition(&mut self, v: VarId, at: StmtId) {
        let depth = self.loop_depth;
        let i = self.info(v);
        if i.transition.is_some() || depth > i.decl_depth {
            i.dropped = true;
        } else {
            i.transition = Some(at);
        }
    }

    /// `x = y` inside statement `at`.
    fn assign(&mut self, x: Option<ExprId>, y: ExprId, at: StmtId) {
        if let Some(v) = x.and_then(|x| self.tracked(x)) {
            let depth = self.loop_depth;
            let prog = self.prog;
            match &prog.expr(y).kind {
                ExprKind::Nil => self.info(v).ok += 1,
                ExprKind::Composite { .. }
                    if matches!(prog.types.under(prog.expr(y).ty), Type::Slice(_)) =>
                {
                    let i = self.info(v);
                    i.ok += 1;
                    i.cap_used = true;
                }
                ExprKind::Slice { base, .. } if self.tracked(*base) == Some(v) => {
                    let i = self.info(v);
                    i.ok += 2;
                    i.cap_used = true;
                }
                ExprKind::Call(c)
                    if matches!(c.callee, Callee::Builtin(Builtin::Append))
                        && c.args.first().and_then(|a| self.tracked(*a)) == Some(v) =>
                {
                    let i = self.info(v);
                    i.ok += 2;
                    i.appends.push(y);
                    i.weight += 1 + (depth - i.decl_depth);
                }
                _ => {}
            }
        }
        if let Some(v) = self.tracked(y) {
            self.info(v).ok += 1;
            self.transition(v, at);
        }
    }

    /// One expression node (its operands are visited on their own).
    fn node(&mut self, x: ExprId) {
        let prog = self.prog;
        match &prog.expr(x).kind {
            ExprKind::Var(v) => {
                if let Some(i) = self.vars.get_mut(v) {
                    i.all += 1;
                }
            }
            ExprKind::Index { base, .. } => {
                if let Some(v) = self.tracked(*base) {
                    self.info(v).ok += 1;
                }
            }
            ExprKind::AddrOf(inner) => self.address_of(*inner),
            ExprKind::FuncLit(f) => {
                // Captured variables count as mentions gc does not understand.
                for v in prog.func(*f).captures.clone() {
                    if let Some(i) = self.vars.get_mut(&v) {
                        i.all += 1;
                    }
                }
            }
            ExprKind::Call(c) => match &c.callee {
                Callee::Builtin(b @ (Builtin::Len | Builtin::Cap)) => {
                    if let Some(v) = c.args.first().and_then(|a| self.tracked(*a)) {
                        let i = self.info(v);
                        i.ok += 1;
                        i.cap_used |= *b == Builtin::Cap;
                    }
                }
                Callee::Func(f) | Callee::Method { func: f, .. } => {
                    let recv = match &c.callee {
                        Callee::Method { recv, .. } => Some(*recv),
                        _ => None,
                    };
                    for (idx, a) in recv.iter().chain(&c.args).enumerate() {
                        if let Some(v) = self.tracked(*a) {
                            if !(self.arg_leaks)(*f, idx) {
                                let i = self.info(v);
                                i.ok += 1;
                                i.cap_used = true;
                            }
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// `&s[i]` (through fields and array indexes) points into the backing
    /// store: the variable can no longer be tracked.
    fn address_of(&mut self, mut x: ExprId) {
        for _ in 0..64 {
            match &self.prog.expr(x).kind {
                ExprKind::Field { base, .. } => x = *base,
                ExprKind::Index { base, .. } => {
                    if matches!(
                        self.prog.types.under(self.prog.expr(*base).ty),
                        Type::Array { .. }
                    ) {
                        x = *base;
                        continue;
                    }
                    if let Some(v) = self.tracked(*base) {
                        self.info(v).dropped = true;
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    /// One node of the walk, with the loops around it.
    fn visit(&mut self, n: Node, loops: u32) {
        match n {
            Node::Expr(x) => self.node(x),
            Node::Stmt(s) => {
                self.loop_depth = loops as i32;
                self.statement(s);
            }
        }
    }

    /// What a statement itself does to the variables (its expressions
    /// are visited on their own).
    fn statement(&mut self, s: StmtId) {
        let prog = self.prog;
        let depth = self.loop_depth;
        match &prog.stmt(s).kind {
            StmtKind::Decl { vars: declared }
            | StmtKind::Assign {
                declares: declared, ..
            } => {
                for v in declared {
                    if let Some(i) = self.vars.get_mut(v) {
                        i.ok += 1;
                        i.all += 1;
                        i.decl_depth = depth;
                    }
                }
                if let StmtKind::Assign { lhs, rhs, .. } = &prog.stmt(s).kind {
                    if lhs.len() == rhs.len() {
                        for (x, y) in lhs.iter().zip(rhs) {
                            self.assign(*x, *y, s);
                        }
                    }
                }
            }
            StmtKind::Return { results, bare } => {
                for r in results {
                    if let Some(v) = self.tracked(*r) {
                        self.info(v).ok += 1;
                        self.transition(v, s);
                    }
                }
                if *bare || results.is_empty() {
                    for v in self.named_results.clone() {
                        if self.vars.get(&v).is_some_and(|i| !i.dropped) {
                            self.transition(v, s);
                        }
                    }
                }
            }
            StmtKind::Range {
                kind: RangeKind::Slice,
                subject,
                ..
            } => {
                if let Some(v) = self.tracked(*subject) {
                    self.info(v).ok += 1;
                    self.transition(v, s);
                }
            }
            _ => {}
        }
    }
}
