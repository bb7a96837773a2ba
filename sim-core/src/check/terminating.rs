//! Go's "terminating statement" rule, for `missing return`.

use super::Checker;
use crate::ir::{Block, StmtId, StmtKind};

impl<'t> Checker<'t> {
    pub(super) fn is_terminating_list(&self, stmts: &[StmtId]) -> bool {
        stmts.last().is_some_and(|s| self.is_terminating(*s))
    }

    fn is_terminating(&self, s: StmtId) -> bool {
        match &self.prog.stmts[s].kind {
            StmtKind::Return { .. } | StmtKind::Goto { .. } => true,
            StmtKind::Expr(e) => self.is_panic_call(*e),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If {
                then, otherwise, ..
            } => {
                otherwise.is_some_and(|o| self.is_terminating(o))
                    && self.is_terminating_list(&then.stmts)
            }
            StmtKind::For { cond, body, .. } => cond.is_none() && !self.has_break(body, s),
            StmtKind::Labeled { stmt, .. } => self.is_terminating(*stmt),
            StmtKind::Switch { cases, .. } => {
                cases.iter().any(|c| c.values.is_empty())
                    && cases.iter().all(|c| {
                        !self.has_break(&c.body, s)
                            && (self.is_terminating_list(&c.body.stmts) || c.fallthrough)
                    })
            }
            StmtKind::TypeSwitch { cases, .. } => {
                cases.iter().any(|c| c.is_default)
                    && cases.iter().all(|c| {
                        !self.has_break(&c.body, s) && self.is_terminating_list(&c.body.stmts)
                    })
            }
            StmtKind::Select { cases, .. } => cases
                .iter()
                .all(|c| !self.has_break(&c.body, s) && self.is_terminating_list(&c.body.stmts)),
            _ => false,
        }
    }

    fn is_panic_call(&self, e: crate::ir::ExprId) -> bool {
        matches!(&self.prog.exprs[e].kind, crate::ir::ExprKind::Call(c) if matches!(c.callee, crate::ir::Callee::Builtin(crate::ir::Builtin::Panic)))
    }

    /// Whether a `break` in `body` leaves statement `target`.
    fn has_break(&self, body: &Block, target: StmtId) -> bool {
        body.stmts
            .iter()
            .any(|s| self.stmt_has_break(*s, target, 0))
    }

    fn stmt_has_break(&self, s: StmtId, target: StmtId, depth: u32) -> bool {
        if depth > 200 {
            return false;
        }
        let d = depth + 1;
        let list = |b: &Block| b.stmts.iter().any(|x| self.stmt_has_break(*x, target, d));
        match &self.prog.stmts[s].kind {
            StmtKind::Break { target: t, .. } => *t == target,
            StmtKind::Block(b) => list(b),
            StmtKind::If {
                then, otherwise, ..
            } => list(then) || otherwise.is_some_and(|o| self.stmt_has_break(o, target, d)),
            StmtKind::Labeled { stmt, .. } => self.stmt_has_break(*stmt, target, d),
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => list(body),
            StmtKind::Switch { cases, .. } => cases.iter().any(|c| list(&c.body)),
            StmtKind::TypeSwitch { cases, .. } => cases.iter().any(|c| list(&c.body)),
            StmtKind::Select { cases, .. } => cases.iter().any(|c| list(&c.body)),
            _ => false,
        }
    }
}
