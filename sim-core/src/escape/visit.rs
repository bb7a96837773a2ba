//! A preorder walk over a function body's statements and expressions, in
//! the order gc's `ir.Visit` sees them. Shared by the batching, the
//! reassignment facts, the closure-capture positions and the machine's
//! slice pass.

use crate::ir::{Block, Callee, ElemKey, ExprId, ExprKind, Program, SelectComm, StmtId, StmtKind};

/// A node reached by [`visit_block`].
#[derive(Clone, Copy, Debug)]
pub enum Node {
    Stmt(StmtId),
    Expr(ExprId),
}

/// Bound on nesting, so hostile input cannot overflow the stack.
const MAX_DEPTH: u32 = 200;

/// Visits `block` in preorder. Function literal bodies are entered only
/// when `into_closures` is set.
pub fn visit_block(prog: &Program, block: &Block, into_closures: bool, f: &mut dyn FnMut(Node)) {
    let mut f = |n, _| f(n);
    let mut v = Visitor {
        prog,
        into_closures,
        loops: 0,
        f: &mut f,
    };
    v.block(block, 0);
}

/// [`visit_block`] also passing how many `for`/`range` statements enclose
/// each node (a loop's own statement counts outside it; its header and
/// body inside, as gc's `loopDepth` does).
pub fn visit_block_in_loops(
    prog: &Program,
    block: &Block,
    into_closures: bool,
    f: &mut dyn FnMut(Node, u32),
) {
    let mut v = Visitor {
        prog,
        into_closures,
        loops: 0,
        f,
    };
    v.block(block, 0);
}

/// Visits expression `e` and everything under it in preorder (statements
/// inside function literals only when `into_closures` is set).
pub fn visit_expr(prog: &Program, e: ExprId, into_closures: bool, f: &mut dyn FnMut(Node)) {
    let mut f = |n, _| f(n);
    let mut v = Visitor {
        prog,
        into_closures,
        loops: 0,
        f: &mut f,
    };
    v.expr(e, 0);
}

struct Visitor<'a, 'p> {
    prog: &'p Program,
    into_closures: bool,
    /// Enclosing `for`/`range` statements.
    loops: u32,
    f: &'a mut dyn FnMut(Node, u32),
}

impl Visitor<'_, '_> {
    fn block(&mut self, b: &Block, d: u32) {
        for s in &b.stmts {
            self.stmt(*s, d);
        }
    }

    fn opt_stmt(&mut self, s: Option<StmtId>, d: u32) {
        if let Some(s) = s {
            self.stmt(s, d);
        }
    }

    fn opt_expr(&mut self, e: Option<ExprId>, d: u32) {
        if let Some(e) = e {
            self.expr(e, d);
        }
    }

    fn stmt(&mut self, s: StmtId, d: u32) {
        if d > MAX_DEPTH {
            return;
        }
        let d = d + 1;
        (self.f)(Node::Stmt(s), self.loops);
        let prog = self.prog;
        match &prog.stmt(s).kind {
            StmtKind::Decl { .. }
            | StmtKind::Break { .. }
            | StmtKind::Continue { .. }
            | StmtKind::Goto { .. }
            | StmtKind::Fallthrough
            | StmtKind::Empty => {}
            StmtKind::Assign { lhs, rhs, .. } => {
                for l in lhs.iter().flatten() {
                    self.expr(*l, d);
                }
                for r in rhs {
                    self.expr(*r, d);
                }
            }
            StmtKind::OpAssign { target, value, .. } => {
                self.expr(*target, d);
                self.expr(*value, d);
            }
            StmtKind::IncDec { target, .. } => self.expr(*target, d),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(*e, d),
            StmtKind::Send { chan, value } => {
                self.expr(*chan, d);
                self.expr(*value, d);
            }
            StmtKind::Block(b) => self.block(b, d),
            StmtKind::If {
                init,
                cond,
                then,
                otherwise,
            } => {
                self.opt_stmt(*init, d);
                self.expr(*cond, d);
                self.block(then, d);
                self.opt_stmt(*otherwise, d);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
                ..
            } => {
                self.loops += 1;
                self.opt_stmt(*init, d);
                self.opt_expr(*cond, d);
                self.opt_stmt(*post, d);
                self.block(body, d);
                self.loops -= 1;
            }
            StmtKind::Range {
                subject,
                key,
                value,
                body,
                ..
            } => {
                self.loops += 1;
                self.expr(*subject, d);
                self.opt_expr(*key, d);
                self.opt_expr(*value, d);
                self.block(body, d);
                self.loops -= 1;
            }
            StmtKind::Switch {
                init, tag, cases, ..
            } => {
                self.opt_stmt(*init, d);
                self.opt_expr(*tag, d);
                for c in cases {
                    for v in &c.values {
                        self.expr(*v, d);
                    }
                    self.block(&c.body, d);
                }
            }
            StmtKind::TypeSwitch {
                init,
                subject,
                cases,
                ..
            } => {
                self.opt_stmt(*init, d);
                self.expr(*subject, d);
                for c in cases {
                    self.block(&c.body, d);
                }
            }
            StmtKind::Select { cases, .. } => {
                for c in cases {
                    match &c.comm {
                        SelectComm::Send { chan, value } => {
                            self.expr(*chan, d);
                            self.expr(*value, d);
                        }
                        SelectComm::Recv { recv, assign } => match assign {
                            Some(a) => self.stmt(*a, d),
                            None => self.expr(*recv, d),
                        },
                        SelectComm::Default => {}
                    }
                    self.block(&c.body, d);
                }
            }
            StmtKind::Labeled { stmt, .. } => self.stmt(*stmt, d),
            StmtKind::Return { results, .. } => {
                for r in results {
                    self.expr(*r, d);
                }
            }
        }
    }

    fn expr(&mut self, e: ExprId, d: u32) {
        if d > MAX_DEPTH {
            return;
        }
        let d = d + 1;
        (self.f)(Node::Expr(e), self.loops);
        let prog = self.prog;
        match &prog.expr(e).kind {
            ExprKind::Const(_)
            | ExprKind::Nil
            | ExprKind::Var(_)
            | ExprKind::Func(_)
            | ExprKind::New(_)
            | ExprKind::MethodExpr { .. } => {}
            ExprKind::Unary { operand, .. } => self.expr(*operand, d),
            ExprKind::Binary { left, right, .. } => {
                self.expr(*left, d);
                self.expr(*right, d);
            }
            ExprKind::Deref(x)
            | ExprKind::AddrOf(x)
            | ExprKind::PtrLit(x)
            | ExprKind::ConvIface(x)
            | ExprKind::Conv { operand: x, .. } => self.expr(*x, d),
            ExprKind::Field { base, .. } => self.expr(*base, d),
            ExprKind::Index { base, index } => {
                self.expr(*base, d);
                self.expr(*index, d);
            }
            ExprKind::MapIndex { map, key, .. } => {
                self.expr(*map, d);
                self.expr(*key, d);
            }
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } => {
                self.expr(*base, d);
                self.opt_expr(*low, d);
                self.opt_expr(*high, d);
                self.opt_expr(*max, d);
            }
            ExprKind::Call(call) => {
                match &call.callee {
                    Callee::Value(f) => self.expr(*f, d),
                    Callee::Method { recv, .. } | Callee::Interface { recv, .. } => {
                        self.expr(*recv, d)
                    }
                    Callee::Func(_) | Callee::Builtin(_) => {}
                }
                for a in &call.args {
                    self.expr(*a, d);
                }
            }
            ExprKind::Composite { elems, .. } => {
                for el in elems {
                    if let ElemKey::MapKey(k) = el.key {
                        self.expr(k, d);
                    }
                    self.expr(el.value, d);
                }
            }
            ExprKind::Make { len, cap, .. } => {
                self.opt_expr(*len, d);
                self.opt_expr(*cap, d);
            }
            ExprKind::FuncLit(f) => {
                if self.into_closures {
                    if let Some(body) = &prog.func(*f).body {
                        self.block(body, d);
                    }
                }
            }
            ExprKind::MethodValue { recv, .. } => self.expr(*recv, d),
            ExprKind::VarArgsSlice(items) => {
                for i in items {
                    self.expr(*i, d);
                }
            }
            ExprKind::TypeAssert { operand, .. } => self.expr(*operand, d),
            ExprKind::Recv { chan, .. } => self.expr(*chan, d),
        }
    }
}
