//! Statements, lowered to explicit control flow.

use super::exprs::op_assign_op;
use super::operand::{Mode, Operand};
use super::scope::Entity;
use super::{children, field_children, Checker};
use crate::ir::{
    Block, ExprId, ExprKind, Label, Lhs, RangeKind, SelectCase, SelectComm, Span, Stmt, StmtId,
    StmtKind, SwitchCase, Type, TypeCase, TypeId, TypeTable, VarId, VarKind,
};
use crate::syntax::Node;

impl<'t> Checker<'t> {
    pub(super) fn lower_body(&mut self, func: crate::ir::FuncId, decl: Node<'t>) {
        if let Some(body) = decl.child_by_field_id(field!("body")) {
            self.lower_func_body(func, body);
        }
    }

    fn new_stmt(&mut self, kind: StmtKind, span: Span) -> StmtId {
        self.prog.stmts.alloc(Stmt { kind, span })
    }

    fn current_func(&self) -> Option<crate::ir::FuncId> {
        self.funcs.last().map(|c| c.func)
    }

    /// Declares a local variable in the innermost scope.
    fn declare_local(&mut self, name_node: Node<'_>, ty: TypeId) -> VarId {
        let name = self.text(name_node).to_string();
        let span = self.span(name_node);
        let func = self.current_func();
        let v = self.new_var(name.clone(), ty, VarKind::Local, func, span);
        if let Some(f) = func {
            self.prog.funcs[f].locals.push(v);
        }
        if name == "_" {
            self.mark_used(v);
        }
        if name != "_" && self.scopes.declared_in_innermost(&name) {
            let other = match self.scopes.lookup_block(&name) {
                Some((_, Entity::Var(o))) => Some(self.prog.vars[o].span.pos),
                _ => None,
            };
            let msg = match other {
                Some(p) => format!(
                    "{name} redeclared in this block\n\t./main.go:{p}: other declaration of {name}"
                ),
                None => format!("{name} redeclared in this block"),
            };
            self.error(name_node, msg);
            self.mark_used(v);
            return v;
        }
        self.scopes.declare(&name, Entity::Var(v));
        v
    }

    /// The statements of a `{ ... }` body, in the current scope.
    pub(super) fn lower_stmt_list(&mut self, block: Node<'_>) -> Block {
        self.collect_labels(block);
        let mut stmts = Vec::new();
        let mut items = Vec::new();
        for c in children(block) {
            if c.kind_str() == "statement_list" {
                items.extend(children(c));
            }
        }
        for s in items {
            if let Some(id) = self.lower_stmt(s) {
                stmts.push(id);
            }
        }
        Block { stmts }
    }

    /// Labels are function-scoped: declare them all before lowering so
    /// `goto` may jump forward.
    fn collect_labels(&mut self, block: Node<'_>) {
        let Some(ctx) = self.funcs.last() else { return };
        // Only once per function: at its outermost block.
        if self.scopes.depth() != ctx.scope_base {
            return;
        }
        let func = ctx.func;
        // The walk enters only statement containers: expressions hold no
        // statements except inside function literals, whose labels are
        // their own.
        let mut found = Vec::new();
        let mut stack = vec![block];
        while let Some(node) = stack.pop() {
            match node.kind_str() {
                "labeled_statement" => {
                    found.extend(node.child_by_field_id(field!("label")));
                    stack.extend(node.children());
                }
                "block"
                | "statement_list"
                | "if_statement"
                | "for_statement"
                | "expression_switch_statement"
                | "type_switch_statement"
                | "select_statement"
                | "expression_case"
                | "default_case"
                | "type_case"
                | "communication_case" => stack.extend(node.children()),
                _ => {}
            }
        }
        crate::sort::by_key(&mut found, |n| n.start_byte());
        for l in found {
            let name = self.text(l).to_string();
            let span = self.span(l);
            if let Some(ctx) = self.funcs.last() {
                if ctx.labels.contains_key(&name) {
                    self.error(l, format!("label {name} already defined"));
                    continue;
                }
            }
            let id = self.prog.labels.alloc(Label {
                name: name.clone(),
                func,
                span,
            });
            if let Some(ctx) = self.funcs.last_mut() {
                ctx.labels.insert(name, id);
            }
        }
    }

    fn lower_block_scoped(&mut self, block: Node<'_>) -> Block {
        self.scopes.push();
        let b = self.lower_stmt_list(block);
        self.scopes.pop();
        b
    }

    fn lower_stmt(&mut self, node: Node<'_>) -> Option<StmtId> {
        if self.depth > super::MAX_NESTING {
            self.unsupported(node, "statements nested this deeply");
            return None;
        }
        self.depth += 1;
        let s = self.lower_stmt_inner(node, None);
        self.depth -= 1;
        s
    }

    fn lower_stmt_inner(
        &mut self,
        node: Node<'_>,
        label: Option<crate::ir::LabelId>,
    ) -> Option<StmtId> {
        let span = self.span(node);
        match node.kind_str() {
            "comment" | "empty_statement" => None,
            "expression_statement" => {
                let e = children(node).first().copied()?;
                let x = self.expr(e);
                if x.is_invalid() {
                    return None;
                }
                let inner = super::exprs::strip_parens(e);
                let is_call = inner.kind_str() == "call_expression"
                    && matches!(self.prog.exprs[x.expr].kind, ExprKind::Call(_));
                let is_recv = matches!(self.prog.exprs[x.expr].kind, ExprKind::Recv { .. });
                let builtin_value = match &self.prog.exprs[x.expr].kind {
                    ExprKind::Call(c) => matches!(
                        c.callee,
                        crate::ir::Callee::Builtin(
                            crate::ir::Builtin::Len
                                | crate::ir::Builtin::Cap
                                | crate::ir::Builtin::Append
                                | crate::ir::Builtin::Min
                                | crate::ir::Builtin::Max
                        )
                    ),
                    _ => false,
                };
                if (!is_call && !is_recv) || builtin_value {
                    let d = self.describe(&x);
                    self.error(e, format!("{d} is not used"));
                    return None;
                }
                Some(self.new_stmt(StmtKind::Expr(x.expr), span))
            }
            "short_var_declaration" => self.short_var_decl(node),
            "assignment_statement" => self.assignment(node),
            "inc_statement" | "dec_statement" => {
                let e = children(node).first().copied()?;
                let x = self.value(e);
                if x.is_invalid() {
                    return None;
                }
                let op = if node.kind_str() == "inc_statement" {
                    "++"
                } else {
                    "--"
                };
                if !self
                    .prog
                    .types
                    .basic_kind(x.ty)
                    .is_some_and(|k| k.is_numeric())
                {
                    let d = self.describe(&x);
                    self.error(
                        e,
                        format!(
                            "invalid operation: {}{op} (non-numeric type {})",
                            self.node_string(e),
                            self.type_string(x.ty)
                        ),
                    );
                    let _ = d;
                    return None;
                }
                if !self.check_assignable_lhs(&x) {
                    return None;
                }
                let at = node.end_byte().saturating_sub(2);
                let span = self.span_at(node, at);
                Some(self.new_stmt(
                    StmtKind::IncDec {
                        target: x.expr,
                        increment: node.kind_str() == "inc_statement",
                    },
                    span,
                ))
            }
            "send_statement" => {
                let (Some(ch), Some(v)) = (
                    node.child_by_field_id(field!("channel")),
                    node.child_by_field_id(field!("value")),
                ) else {
                    return None;
                };
                let (chan, value) = self.send(node, ch, v)?;
                let span = self.span_at_token(node, "<-");
                Some(self.new_stmt(StmtKind::Send { chan, value }, span))
            }
            "var_declaration" => {
                let mut last = None;
                let specs = super::decls::specs_of_var_decl(node);
                if specs.len() == 1 {
                    let (_, s) = self.lower_var_spec(specs[0], VarKind::Local);
                    return s;
                }
                let mut stmts = Vec::new();
                for spec in specs {
                    let (_, s) = self.lower_var_spec(spec, VarKind::Local);
                    if let Some(s) = s {
                        stmts.push(s);
                        last = Some(s);
                    }
                }
                if stmts.len() == 1 {
                    return last;
                }
                // Several specs: a scope-less group (Block would open a
                // new scope for the machine, which is harmless here since
                // names were already resolved).
                Some(self.new_stmt(StmtKind::Block(Block { stmts }), span))
            }
            "const_declaration" => {
                self.local_consts(node);
                None
            }
            "type_declaration" => {
                for spec in children(node) {
                    self.local_type(spec);
                }
                None
            }
            "block" => {
                let b = self.lower_block_scoped(node);
                Some(self.new_stmt(StmtKind::Block(b), span))
            }
            "if_statement" => self.if_stmt(node),
            "for_statement" => self.for_stmt(node, label),
            "expression_switch_statement" => self.switch_stmt(node, label),
            "type_switch_statement" => self.type_switch(node, label),
            "select_statement" => self.select_stmt(node, label),
            "labeled_statement" => {
                let l = node.child_by_field_id(field!("label"))?;
                let name = self.text(l);
                let id = self
                    .funcs
                    .last()
                    .and_then(|c| c.labels.get(name).copied())?;
                let inner = children(node)
                    .into_iter()
                    .find(|c| c.kind_str() != "label_name");
                let stmt = match inner {
                    Some(s) => {
                        self.depth += 1;
                        let r = self.lower_stmt_inner(s, Some(id));
                        self.depth -= 1;
                        r
                    }
                    None => None,
                };
                let stmt = match stmt {
                    Some(s) => s,
                    None => self.new_stmt(StmtKind::Empty, span),
                };
                Some(self.new_stmt(StmtKind::Labeled { label: id, stmt }, span))
            }
            "break_statement" | "continue_statement" => self.branch(node),
            "goto_statement" => {
                let l = children(node).first().copied()?;
                let name = self.text(l);
                let Some(id) = self.funcs.last().and_then(|c| c.labels.get(name).copied()) else {
                    self.error(l, format!("label {name} not defined"));
                    return None;
                };
                if let Some(ctx) = self.funcs.last_mut() {
                    ctx.used_labels.push(id);
                }
                Some(self.new_stmt(StmtKind::Goto { label: id }, span))
            }
            "fallthrough_statement" => Some(self.new_stmt(StmtKind::Fallthrough, span)),
            "return_statement" => self.return_stmt(node),
            "defer_statement" | "go_statement" => {
                let e = children(node).first().copied()?;
                let inner = super::exprs::strip_parens(e);
                let what = if node.kind_str() == "defer_statement" {
                    "defer"
                } else {
                    "go"
                };
                if inner.kind_str() != "call_expression" {
                    self.expr(e);
                    self.error(e, format!("expression in {what} must be function call"));
                    return None;
                }
                let x = self.expr(e);
                if x.is_invalid() {
                    return None;
                }
                if !matches!(self.prog.exprs[x.expr].kind, ExprKind::Call(_)) {
                    self.error(e, format!("expression in {what} must be function call"));
                    return None;
                }
                let kind = if what == "defer" {
                    StmtKind::Defer(x.expr)
                } else {
                    StmtKind::Go(x.expr)
                };
                Some(self.new_stmt(kind, span))
            }
            other => {
                self.unsupported(node, other);
                None
            }
        }
    }

    fn send(&mut self, node: Node<'_>, ch: Node<'_>, v: Node<'_>) -> Option<(ExprId, ExprId)> {
        let c = self.value(ch);
        let x = self.expr(v);
        if c.is_invalid() || x.is_invalid() {
            return None;
        }
        let Type::Chan { dir, elem } = self.prog.types.under(c.ty).clone() else {
            let d = self.describe(&c);
            self.error(
                node,
                format!("invalid operation: cannot send to non-channel {d}"),
            );
            return None;
        };
        if dir == crate::ir::ChanDir::RecvOnly {
            let d = self.describe(&c);
            let t = self.type_string(c.ty);
            self.error(
                node,
                format!("invalid operation: cannot send to receive-only channel {t} {d}"),
            );
            return None;
        }
        let value = self.assign_operand(x, elem, "send")?;
        Some((c.expr, value))
    }

    /// Lowers one `var` spec: `Decl` without values, `Assign` with them.
    pub(super) fn lower_var_spec(
        &mut self,
        spec: Node<'_>,
        kind: VarKind,
    ) -> (Vec<VarId>, Option<StmtId>) {
        let names = field_children(spec, "name");
        let declared = spec
            .child_by_field_id(field!("type"))
            .map(|t| self.resolve_type(t));
        let values: Vec<Node<'_>> = spec
            .child_by_field_id(field!("value"))
            .map(children)
            .unwrap_or_default();
        let span = names
            .first()
            .map_or_else(|| self.span(spec), |n| self.span(*n));
        let mut rhs = Vec::new();
        let mut types: Vec<TypeId> = Vec::new();
        let mut ok = true;
        let mut mismatch = false;
        if !values.is_empty() {
            if values.len() == 1 && names.len() > 1 {
                let x = self.expr(values[0]);
                match self.multi_value(&x, names.len(), values[0]) {
                    Some(tys) => {
                        rhs.push(x.expr);
                        for t in tys {
                            types.push(declared.unwrap_or(t));
                        }
                    }
                    None => {
                        if !x.is_invalid() {
                            self.assign_mismatch(names.len(), &x, values.len(), values[0]);
                        }
                        ok = false;
                        mismatch = true;
                    }
                }
            } else if values.len() != names.len() {
                let at = values[0];
                mismatch = true;
                for v in &values {
                    self.expr(*v);
                }
                let vs = plural(values.len(), "value");
                let ns = plural(names.len(), "variable");
                self.error(at, format!("assignment mismatch: {ns} but {vs}"));
                ok = false;
            } else {
                for v in &values {
                    let x = self.expr(*v);
                    if values.len() == 1 && self.tuple_mismatch(&x, *v) {
                        ok = false;
                        mismatch = true;
                        continue;
                    }
                    match declared {
                        Some(t) => match self.assign_operand(x, t, "variable declaration") {
                            Some(e) => {
                                rhs.push(e);
                                types.push(t);
                            }
                            None => ok = false,
                        },
                        None => {
                            if !self.require_value(&x) {
                                ok = false;
                                continue;
                            }
                            if x.mode == Mode::Nil {
                                self.error(*v, "use of untyped nil in variable declaration");
                                ok = false;
                                continue;
                            }
                            let e = self.defaulted(&x);
                            types.push(self.prog.exprs[e].ty);
                            rhs.push(e);
                        }
                    }
                }
            }
        }
        let mut vars = Vec::new();
        for (i, n) in names.iter().enumerate() {
            let ty = declared
                .or_else(|| types.get(i).copied())
                .unwrap_or(TypeTable::INVALID);
            let v = if kind == VarKind::Global {
                let name = self.text(*n).to_string();
                let span = self.span(*n);
                self.new_var(name, ty, VarKind::Global, None, span)
            } else {
                self.declare_local(*n, ty)
            };
            if !ok && mismatch {
                self.mark_used(v);
            }
            vars.push(v);
        }
        if values.is_empty() {
            return (
                vars.clone(),
                Some(self.new_stmt(StmtKind::Decl { vars }, span)),
            );
        }
        if !ok {
            return (vars, None);
        }
        let lhs: Vec<Lhs> = vars
            .iter()
            .map(|v| {
                let var = &self.prog.vars[*v];
                let (ty, vspan) = (var.ty, var.span);
                Some(self.new_expr(ExprKind::Var(*v), ty, vspan))
            })
            .collect();
        let stmt = self.new_stmt(
            StmtKind::Assign {
                lhs,
                rhs,
                declares: vars.clone(),
            },
            span,
        );
        (vars, Some(stmt))
    }

    /// For `a, b := f()` / `v, ok := m[k]`: the types of a multi-value
    /// right side with `n` values, marking comma-ok forms.
    fn multi_value(&mut self, x: &Operand<'_>, n: usize, _node: Node<'_>) -> Option<Vec<TypeId>> {
        if x.is_invalid() {
            return None;
        }
        if let Type::Tuple(items) = self.prog.types.get(x.ty).clone() {
            if items.len() == n && matches!(self.prog.exprs[x.expr].kind, ExprKind::Call(_)) {
                return Some(items);
            }
            return None;
        }
        if n == 2 && matches!(x.mode, Mode::MapIndex | Mode::CommaOk) {
            let e = &mut self.prog.exprs[x.expr];
            match &mut e.kind {
                ExprKind::MapIndex { comma_ok, .. }
                | ExprKind::TypeAssert { comma_ok, .. }
                | ExprKind::Recv { comma_ok, .. } => *comma_ok = true,
                _ => return None,
            }
            let tuple = self.prog.types.tuple(vec![x.ty, TypeTable::BOOL]);
            self.prog.exprs[x.expr].ty = tuple;
            return Some(vec![x.ty, TypeTable::BOOL]);
        }
        None
    }

    fn assign_mismatch(&mut self, nvars: usize, x: &Operand<'_>, nvalues: usize, at: Node<'_>) {
        let vs = plural(nvars, "variable");
        if let Type::Tuple(items) = self.prog.types.get(x.ty).clone() {
            if let ExprKind::Call(_) = self.prog.exprs[x.expr].kind {
                let inner = super::exprs::strip_parens(at);
                let f = inner
                    .child_by_field_id(field!("function"))
                    .map(|f| self.node_string(f))
                    .unwrap_or_else(|| self.node_string(at));
                self.error(
                    at,
                    format!(
                        "assignment mismatch: {vs} but {f} returns {}",
                        plural(items.len(), "value")
                    ),
                );
                return;
            }
        }
        if x.mode == Mode::NoValue {
            let s = self.node_string(at);
            self.error(at, format!("{s} (no value) used as value"));
            return;
        }
        self.error(
            at,
            format!("assignment mismatch: {vs} but {}", plural(nvalues, "value")),
        );
    }

    /// `x := f()` with a multi-value `f`: types2's assignment mismatch.
    fn tuple_mismatch(&mut self, x: &Operand<'_>, at: Node<'_>) -> bool {
        if let Type::Tuple(items) = self.prog.types.get(x.ty) {
            if !items.is_empty() && matches!(self.prog.exprs[x.expr].kind, ExprKind::Call(_)) {
                self.assign_mismatch(1, x, 1, at);
                return true;
            }
        }
        false
    }

    fn short_var_decl(&mut self, node: Node<'_>) -> Option<StmtId> {
        let left = node
            .child_by_field_id(field!("left"))
            .map(children)
            .unwrap_or_default();
        let right = node
            .child_by_field_id(field!("right"))
            .map(children)
            .unwrap_or_default();
        let span = self.span_at_token(node, ":=");
        // Evaluate the right side before the new names are in scope.
        let mut rhs = Vec::new();
        let mut types = Vec::new();
        let mut ok = true;
        // A count mismatch marks the new variables used (types2 does, to
        // avoid follow-on errors); a bad single value does not.
        let mut mismatch = false;
        if right.len() == 1 && left.len() > 1 {
            let x = self.expr(right[0]);
            match self.multi_value(&x, left.len(), right[0]) {
                Some(tys) => {
                    rhs.push(x.expr);
                    types = tys;
                }
                None => {
                    if !x.is_invalid() {
                        self.assign_mismatch(left.len(), &x, 1, right[0]);
                    }
                    ok = false;
                    mismatch = true;
                }
            }
        } else if right.len() != left.len() {
            for r in &right {
                self.expr(*r);
            }
            let at = right.first().copied().unwrap_or(node);
            self.error(
                at,
                format!(
                    "assignment mismatch: {} but {}",
                    plural(left.len(), "variable"),
                    plural(right.len(), "value")
                ),
            );
            ok = false;
            mismatch = true;
        } else {
            for r in &right {
                let x = self.expr(*r);
                if right.len() == 1 && self.tuple_mismatch(&x, *r) {
                    ok = false;
                    mismatch = true;
                    types.push(TypeTable::INVALID);
                    continue;
                }
                if !self.require_value(&x) {
                    ok = false;
                    types.push(TypeTable::INVALID);
                    continue;
                }
                if x.mode == Mode::Nil {
                    self.error(*r, "use of untyped nil in assignment");
                    ok = false;
                    types.push(TypeTable::INVALID);
                    continue;
                }
                let e = self.defaulted(&x);
                types.push(self.prog.exprs[e].ty);
                rhs.push(e);
            }
        }
        // Left side: new variables, or existing ones in this same scope.
        let mut lhs = Vec::new();
        let mut declares = Vec::new();
        let mut any_new = false;
        let mut seen: Vec<String> = Vec::new();
        let mut pending_decl = Vec::new();
        for (i, l) in left.iter().enumerate() {
            if l.kind_str() != "identifier" {
                let s = self.node_string(*l);
                self.error(*l, format!("non-name {s} on left side of :="));
                ok = false;
                continue;
            }
            let name = self.text(*l).to_string();
            let ty = types.get(i).copied().unwrap_or(TypeTable::INVALID);
            if name == "_" {
                lhs.push(None);
                continue;
            }
            if seen.contains(&name) {
                self.error(*l, format!("{name} repeated on left side of :="));
                ok = false;
                continue;
            }
            seen.push(name.clone());
            if self.scopes.declared_in_innermost(&name) {
                // Assignment to the existing variable.
                let existing = match self.scopes.lookup_block(&name) {
                    Some((_, Entity::Var(v))) => Some(v),
                    _ => None,
                };
                match existing {
                    Some(v) => {
                        let vty = self.prog.vars[v].ty;
                        if ok && !self.prog.types.identical(vty, ty) && ty != TypeTable::INVALID {
                            if let Some(r) = right.get(i) {
                                // Re-check with assignability for the message.
                                let x = Operand {
                                    mode: Mode::Value,
                                    ty,
                                    val: None,
                                    expr: rhs[i],
                                    node: *r,
                                };
                                if let Some(e) = self.assign_operand(x, vty, "assignment") {
                                    rhs[i] = e;
                                } else {
                                    ok = false;
                                }
                            }
                        }
                        let vspan = self.span(*l);
                        lhs.push(Some(self.new_expr(ExprKind::Var(v), vty, vspan)));
                    }
                    None => {
                        ok = false;
                    }
                }
            } else {
                any_new = true;
                pending_decl.push((lhs.len(), *l, ty));
                lhs.push(None);
            }
        }
        if !any_new && ok {
            self.error_at(
                span_start(node, ":="),
                span_start(node, ":=") + 2,
                "no new variables on left side of :=",
            );
            ok = false;
        }
        for (slot, l, ty) in pending_decl {
            let v = self.declare_local(l, ty);
            declares.push(v);
            let vspan = self.span(l);
            lhs[slot] = Some(self.new_expr(ExprKind::Var(v), ty, vspan));
        }
        if !ok {
            if mismatch {
                for v in &declares {
                    self.mark_used(*v);
                }
            }
            return None;
        }
        Some(self.new_stmt(StmtKind::Assign { lhs, rhs, declares }, span))
    }

    /// The left side of `=`: a bare variable name is not a use.
    fn lhs_expr<'n>(&mut self, node: Node<'n>) -> Option<Operand<'n>> {
        let inner = super::exprs::strip_parens(node);
        if inner.kind_str() == "identifier" {
            let name = self.text(inner);
            if name == "_" {
                return None;
            }
            if let Some(Entity::Var(v)) = self.lookup(name) {
                self.note_capture(v);
                let ty = self.prog.vars[v].ty;
                let span = self.span(inner);
                return Some(self.operand(node, Mode::Variable, ty, ExprKind::Var(v), span));
            }
        }
        Some(self.expr(node))
    }

    fn check_assignable_lhs(&mut self, x: &Operand<'_>) -> bool {
        if x.is_invalid() {
            return false;
        }
        if x.mode == Mode::MapIndex || self.addressable(x) {
            return true;
        }
        let s = self.node_string(x.node);
        let why = match &self.prog.exprs[x.expr].kind {
            ExprKind::Field { base, .. }
                if matches!(self.prog.exprs[*base].kind, ExprKind::MapIndex { .. }) =>
            {
                format!("cannot assign to struct field {s} in map")
            }
            _ => {
                if x.mode == Mode::Value || x.mode == Mode::Constant {
                    let d = self.describe(x);
                    format!("cannot assign to {s} (neither addressable nor a map index expression)")
                        .replace(&format!("{s} ("), &format!("{s} ("))
                        .replace("__", &d)
                } else {
                    format!("cannot assign to {s} (neither addressable nor a map index expression)")
                }
            }
        };
        self.error(x.node, why);
        false
    }

    fn assignment(&mut self, node: Node<'_>) -> Option<StmtId> {
        let left = node
            .child_by_field_id(field!("left"))
            .map(children)
            .unwrap_or_default();
        let right = node
            .child_by_field_id(field!("right"))
            .map(children)
            .unwrap_or_default();
        let op_node = node.child_by_field_id(field!("operator"))?;
        let op = self.text(op_node);
        let span = self.span_at(node, op_node.start_byte());
        if op != "=" {
            let bop = op_assign_op(op)?;
            let (l, r) = (*left.first()?, *right.first()?);
            if left.len() != 1 || right.len() != 1 {
                self.error(
                    node,
                    format!("assignment operation {op} requires single-valued expressions"),
                );
                return None;
            }
            let x = self.value(l);
            let y = self.value(r);
            if x.is_invalid() || y.is_invalid() {
                return None;
            }
            // Check as the binary expression x op y.
            let ok_types = if self.prog.types.is_untyped(y.ty) {
                self.convert_untyped_to(&y, x.ty)
            } else {
                self.prog.types.identical(x.ty, y.ty)
                    || matches!(bop, crate::ir::BinaryOp::Shl | crate::ir::BinaryOp::Shr)
            };
            if !ok_types {
                let (a, b) = (self.type_string(x.ty), self.type_string(y.ty));
                let (ls, rs) = (self.node_string(l), self.node_string(r));
                let sym = bop.symbol();
                if self.prog.types.is_untyped(y.ty)
                    && y.val.is_some()
                    && self
                        .prog
                        .types
                        .basic_kind(x.ty)
                        .is_some_and(|k| k.is_numeric())
                    && self
                        .prog
                        .types
                        .basic_kind(y.ty)
                        .is_some_and(|k| k.is_numeric())
                {
                    let d = self.describe(&y);
                    self.error(
                        r,
                        format!("cannot use {d} as {a} value in assignment (truncated)"),
                    );
                } else {
                    self.error(
                        l,
                        format!(
                            "invalid operation: {ls} {sym}= {rs} (mismatched types {a} and {b})"
                        ),
                    );
                }
                return None;
            }
            let k = self.prog.types.basic_kind(x.ty);
            let defined = match bop {
                crate::ir::BinaryOp::Add => k.is_some_and(|k| k.is_numeric() || k.is_string()),
                crate::ir::BinaryOp::Sub | crate::ir::BinaryOp::Mul | crate::ir::BinaryOp::Div => {
                    k.is_some_and(|k| k.is_numeric())
                }
                _ => k.is_some_and(|k| k.is_integer()),
            };
            if !defined {
                let d = self.describe(&x);
                self.error(
                    l,
                    format!(
                        "invalid operation: operator {} not defined on {d}",
                        bop.symbol()
                    ),
                );
                return None;
            }
            if !self.check_assignable_lhs(&x) {
                return None;
            }
            return Some(self.new_stmt(
                StmtKind::OpAssign {
                    op: bop,
                    target: x.expr,
                    value: y.expr,
                },
                span,
            ));
        }
        // Plain assignment.
        let mut lhs_ops = Vec::new();
        for l in &left {
            lhs_ops.push(self.lhs_expr(*l));
        }
        let mut ok = true;
        for x in lhs_ops.iter().flatten() {
            if !self.check_assignable_lhs(x) {
                ok = false;
            }
        }
        let mut rhs = Vec::new();
        let mut lhs: Vec<Lhs> = Vec::new();
        if right.len() == 1 && left.len() > 1 {
            let x = self.expr(right[0]);
            match self.multi_value(&x, left.len(), right[0]) {
                Some(tys) => {
                    for (lo, t) in lhs_ops.iter().zip(tys) {
                        if let Some(lo) = lo {
                            if !lo.is_invalid()
                                && !self.prog.types.identical(lo.ty, t)
                                && !self.assignable_structurally(t, lo.ty)
                            {
                                let fake = Operand {
                                    mode: Mode::Value,
                                    ty: t,
                                    val: None,
                                    expr: x.expr,
                                    node: right[0],
                                };
                                if self.prog.types.is_interface(lo.ty)
                                    && self.implements(t, lo.ty).is_ok()
                                {
                                    continue;
                                }
                                self.assign_operand(fake, lo.ty, "assignment");
                                ok = false;
                            }
                        }
                    }
                    rhs.push(x.expr);
                }
                None => {
                    if !x.is_invalid() {
                        self.assign_mismatch(left.len(), &x, 1, right[0]);
                    }
                    ok = false;
                }
            }
            lhs = lhs_ops.iter().map(|o| o.as_ref().map(|o| o.expr)).collect();
        } else if right.len() != left.len() {
            for r in &right {
                self.expr(*r);
            }
            let at = right.first().copied().unwrap_or(node);
            self.error(
                at,
                format!(
                    "assignment mismatch: {} but {}",
                    plural(left.len(), "variable"),
                    plural(right.len(), "value")
                ),
            );
            ok = false;
        } else {
            for (lo, r) in lhs_ops.iter().zip(&right) {
                let x = self.expr(*r);
                if right.len() == 1 && self.tuple_mismatch(&x, *r) {
                    ok = false;
                    continue;
                }
                match lo {
                    Some(lo) if lo.is_invalid() => ok = false,
                    Some(lo) => match self.assign_operand(x, lo.ty, "assignment") {
                        Some(e) => {
                            rhs.push(e);
                            lhs.push(Some(lo.expr));
                        }
                        None => ok = false,
                    },
                    None => {
                        if !self.require_value(&x) {
                            ok = false;
                            continue;
                        }
                        if x.mode == Mode::Nil {
                            self.error(*r, "use of untyped nil in assignment");
                            ok = false;
                            continue;
                        }
                        rhs.push(self.defaulted(&x));
                        lhs.push(None);
                    }
                }
            }
        }
        if !ok {
            return None;
        }
        Some(self.new_stmt(
            StmtKind::Assign {
                lhs,
                rhs,
                declares: vec![],
            },
            span,
        ))
    }

    fn local_consts(&mut self, decl: Node<'_>) {
        let specs: Vec<Node<'_>> = children(decl)
            .into_iter()
            .filter(|s| s.kind_str() == "const_spec")
            .collect();
        let mut last_with_values: Option<Node<'_>> = None;
        for (iota, spec) in specs.into_iter().enumerate() {
            if spec.child_by_field_id(field!("value")).is_some() {
                last_with_values = Some(spec);
            }
            let source = last_with_values.unwrap_or(spec);
            let values = source
                .child_by_field_id(field!("value"))
                .map(children)
                .unwrap_or_default();
            let saved = self.iota.replace(iota as i128);
            let names = field_children(spec, "name");
            let mut entities = Vec::new();
            for (i, n) in names.iter().enumerate() {
                entities.push(self.const_entity(*n, source, &values, i));
            }
            self.iota = saved;
            for (n, e) in names.iter().zip(entities) {
                let name = self.text(*n).to_string();
                if name != "_" && self.scopes.declared_in_innermost(&name) {
                    self.error(*n, format!("{name} redeclared in this block"));
                }
                self.scopes.declare(&name, e);
            }
        }
    }

    fn local_type(&mut self, spec: Node<'_>) {
        let (Some(name), Some(tn)) = (
            spec.child_by_field_id(field!("name")),
            spec.child_by_field_id(field!("type")),
        ) else {
            return;
        };
        let n = self.text(name).to_string();
        if spec.kind_str() == "type_alias" {
            let target = self.resolve_type(tn);
            let t = self.prog.types.intern(Type::Alias {
                name: n.clone(),
                pkg: None,
                target,
                type_param: false,
                basic: false,
            });
            self.scopes.declare(&n, Entity::Type(t));
            return;
        }
        let (nid, t) = self.prog.types.new_named(crate::ir::NamedType {
            name: n.clone(),
            pkg: None,
            underlying: TypeTable::INVALID,
            methods: vec![],
            targs: vec![],
            local: {
                self.local_types += 1;
                self.local_types
            },
            span: self.span(name),
        });
        self.scopes.declare(&n, Entity::Type(t));
        let u = self.resolve_type(tn);
        let u = self.prog.types.underlying(u);
        self.prog.types.named[nid].underlying = u;
    }

    fn if_stmt(&mut self, node: Node<'_>) -> Option<StmtId> {
        let span = self.span(node);
        self.scopes.push();
        let init = node
            .child_by_field_id(field!("initializer"))
            .and_then(|i| self.lower_stmt(i));
        let cond = node
            .child_by_field_id(field!("condition"))
            .map(|c| self.condition(c, "if"));
        let then = node
            .child_by_field_id(field!("consequence"))
            .map(|b| self.lower_block_scoped(b))
            .unwrap_or_default();
        let otherwise = node
            .child_by_field_id(field!("alternative"))
            .and_then(|a| self.lower_stmt(a));
        self.scopes.pop();
        let cond = cond.flatten()?;
        Some(self.new_stmt(
            StmtKind::If {
                init,
                cond,
                then,
                otherwise,
            },
            span,
        ))
    }

    /// A boolean condition of `if`/`for`.
    fn condition(&mut self, node: Node<'_>, what: &str) -> Option<ExprId> {
        let x = self.value(node);
        if x.is_invalid() {
            return None;
        }
        if !self
            .prog
            .types
            .basic_kind(x.ty)
            .is_some_and(|k| k.is_boolean())
        {
            let d = self.describe(&x);
            self.error(node, format!("non-boolean condition in {what} statement"));
            let _ = d;
            return None;
        }
        Some(self.defaulted(&x))
    }

    /// Reserves a statement id so that `break`/`continue` inside a body can
    /// name the statement before it is complete.
    fn reserve(&mut self, span: Span) -> StmtId {
        self.new_stmt(StmtKind::Empty, span)
    }

    fn with_target<R>(
        &mut self,
        label: Option<crate::ir::LabelId>,
        stmt: StmtId,
        is_loop: bool,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        if let Some(ctx) = self.funcs.last_mut() {
            ctx.targets.push((label, stmt, is_loop));
        }
        let r = f(self);
        if let Some(ctx) = self.funcs.last_mut() {
            ctx.targets.pop();
        }
        r
    }

    fn for_stmt(&mut self, node: Node<'_>, label: Option<crate::ir::LabelId>) -> Option<StmtId> {
        let span = self.span(node);
        let id = self.reserve(span);
        self.scopes.push();
        let mut header = None;
        let mut cond_node = None;
        for c in children(node) {
            match c.kind_str() {
                "for_clause" | "range_clause" => header = Some(c),
                "block" => {}
                _ => {
                    if node.child_by_field_id(field!("body")) != Some(c) {
                        cond_node = Some(c)
                    }
                }
            }
        }
        let body_node = node.child_by_field_id(field!("body"));
        let kind = match header {
            Some(h) if h.kind_str() == "range_clause" => self.range_clause(h, id, label, body_node),
            Some(h) => {
                let init = h
                    .child_by_field_id(field!("initializer"))
                    .and_then(|i| self.lower_stmt(i));
                let loop_vars = match init.map(|s| &self.prog.stmts[s].kind) {
                    Some(StmtKind::Assign { declares, .. }) => declares.clone(),
                    _ => vec![],
                };
                let cond = h
                    .child_by_field_id(field!("condition"))
                    .and_then(|c| self.condition(c, "for"));
                let post = h.child_by_field_id(field!("update")).and_then(|u| {
                    if u.kind_str() == "short_var_declaration" {
                        self.error(u, "cannot declare in post statement of for loop");
                        return None;
                    }
                    self.lower_stmt(u)
                });
                let body = self.with_target(label, id, true, |c| {
                    body_node
                        .map(|b| c.lower_block_scoped(b))
                        .unwrap_or_default()
                });
                Some(StmtKind::For {
                    label,
                    init,
                    cond,
                    post,
                    body,
                    loop_vars,
                })
            }
            None => {
                let cond = cond_node.and_then(|c| self.condition(c, "for"));
                let body = self.with_target(label, id, true, |c| {
                    body_node
                        .map(|b| c.lower_block_scoped(b))
                        .unwrap_or_default()
                });
                Some(StmtKind::For {
                    label,
                    init: None,
                    cond,
                    post: None,
                    body,
                    loop_vars: vec![],
                })
            }
        };
        self.scopes.pop();
        self.prog.stmts[id].kind = kind?;
        Some(id)
    }

    fn range_clause(
        &mut self,
        clause: Node<'_>,
        id: StmtId,
        label: Option<crate::ir::LabelId>,
        body_node: Option<Node<'_>>,
    ) -> Option<StmtKind> {
        let right = clause.child_by_field_id(field!("right"))?;
        let left = clause
            .child_by_field_id(field!("left"))
            .map(children)
            .unwrap_or_default();
        let define = {
            let has = clause.children().any(|c| c.kind_str() == ":=");
            has
        };
        let x = self.value(right);
        if x.is_invalid() {
            return None;
        }
        let (kind, key_ty, val_ty) = match self.prog.types.under(x.ty).clone() {
            Type::Basic(k) if k.is_integer() => {
                let t = if self.prog.types.is_untyped(x.ty) {
                    TypeTable::INT
                } else {
                    x.ty
                };
                self.convert_untyped_to(&x, t);
                (RangeKind::Int, t, None)
            }
            Type::Basic(k) if k.is_string() => {
                self.defaulted(&x);
                (RangeKind::String, TypeTable::INT, Some(TypeTable::RUNE))
            }
            Type::Slice(e) => (RangeKind::Slice, TypeTable::INT, Some(e)),
            Type::Array { elem, .. } => (RangeKind::Array, TypeTable::INT, Some(elem)),
            Type::Pointer(p) => match self.prog.types.under(p).clone() {
                Type::Array { elem, .. } => (RangeKind::ArrayPointer, TypeTable::INT, Some(elem)),
                _ => {
                    let d = self.describe(&x);
                    self.error(right, format!("cannot range over {d}"));
                    return None;
                }
            },
            Type::Map { key, value } => (RangeKind::Map, key, Some(value)),
            Type::Chan { elem, .. } => (RangeKind::Chan, elem, None),
            Type::Func(_) => {
                self.unsupported(right, "range over function");
                return None;
            }
            _ => {
                let d = self.describe(&x);
                self.error(right, format!("cannot range over {d}"));
                return None;
            }
        };
        if left.len() > 2 {
            self.error(
                left[2],
                "range clause permits at most two iteration variables",
            );
        }
        let left: Vec<Node<'_>> = left.into_iter().take(2).collect();
        if left.len() > 1 && val_ty.is_none() {
            let d = self.describe(&x);
            self.error(
                left[1],
                format!("range over {d} permits only one iteration variable"),
            );
            return None;
        }
        let mut declares = Vec::new();
        let mut slots: Vec<Lhs> = Vec::new();
        for (i, l) in left.iter().enumerate() {
            let ty = if i == 0 {
                key_ty
            } else {
                val_ty.unwrap_or(TypeTable::INVALID)
            };
            if define {
                if l.kind_str() != "identifier" {
                    let s = self.node_string(*l);
                    self.error(*l, format!("non-name {s} on left side of :="));
                    return None;
                }
                if self.text(*l) == "_" {
                    slots.push(None);
                    continue;
                }
                let v = self.declare_local(*l, ty);
                declares.push(v);
                let span = self.span(*l);
                slots.push(Some(self.new_expr(ExprKind::Var(v), ty, span)));
            } else {
                match self.lhs_expr(*l) {
                    None => slots.push(None),
                    Some(o) => {
                        if o.is_invalid() || !self.check_assignable_lhs(&o) {
                            return None;
                        }
                        let fake = Operand {
                            mode: Mode::Value,
                            ty,
                            val: None,
                            expr: o.expr,
                            node: *l,
                        };
                        if !self.prog.types.identical(o.ty, ty) {
                            self.assign_operand(fake, o.ty, "range")?;
                        }
                        slots.push(Some(o.expr));
                    }
                }
            }
        }
        let body = self.with_target(label, id, true, |c| {
            body_node
                .map(|b| c.lower_block_scoped(b))
                .unwrap_or_default()
        });
        let mut it = slots.into_iter();
        Some(StmtKind::Range {
            label,
            kind,
            subject: x.expr,
            key: it.next().flatten(),
            value: it.next().flatten(),
            declares,
            body,
        })
    }

    /// A case value's type against the switch tag's: identical, or one an
    /// interface the other implements.
    fn case_comparable(&self, value: TypeId, tag: TypeId) -> bool {
        let types = &self.prog.types;
        types.identical(value, tag)
            || (types.is_interface(tag) && self.implements(value, tag).is_ok())
            || (types.is_interface(value) && self.implements(tag, value).is_ok())
    }

    fn switch_stmt(&mut self, node: Node<'_>, label: Option<crate::ir::LabelId>) -> Option<StmtId> {
        let span = self.span(node);
        let id = self.reserve(span);
        self.scopes.push();
        let init = node
            .child_by_field_id(field!("initializer"))
            .and_then(|i| self.lower_stmt(i));
        let tag = node.child_by_field_id(field!("value")).map(|v| {
            let x = self.value(v);
            if !x.is_invalid() {
                self.defaulted(&x);
            }
            x
        });
        let mut cases = Vec::new();
        let mut seen_default = false;
        for c in children(node) {
            if c.kind_str() != "expression_case" && c.kind_str() != "default_case" {
                continue;
            }
            let cspan = self.span(c);
            let mut values = Vec::new();
            if c.kind_str() == "default_case" {
                if seen_default {
                    self.error(c, "multiple defaults in switch");
                }
                seen_default = true;
            } else if let Some(list) = c.child_by_field_id(field!("value")) {
                for v in children(list) {
                    let x = self.value(v);
                    if x.is_invalid() {
                        continue;
                    }
                    match &tag {
                        Some(t) if t.is_invalid() => {}
                        Some(t) => {
                            let tt = self.prog.exprs[t.expr].ty;
                            if self.prog.types.is_untyped(x.ty) {
                                if !self.convert_untyped_to(&x, tt) {
                                    let (a, b) = (self.type_string(x.ty), self.type_string(tt));
                                    let (vs, ts) = (self.node_string(v), self.node_string(t.node));
                                    self.error(v, format!("invalid case {vs} in switch on {ts} (mismatched types {a} and {b})"));
                                    continue;
                                }
                            } else if !self.case_comparable(x.ty, tt) {
                                let (a, b) = (self.type_string(x.ty), self.type_string(tt));
                                let (vs, ts) = (self.node_string(v), self.node_string(t.node));
                                self.error(v, format!("invalid case {vs} in switch on {ts} (mismatched types {a} and {b})"));
                                continue;
                            }
                            values.push(x.expr);
                        }
                        None => {
                            if !self
                                .prog
                                .types
                                .basic_kind(x.ty)
                                .is_some_and(|k| k.is_boolean())
                            {
                                let d = self.describe(&x);
                                self.error(
                                    v,
                                    format!(
                                        "invalid case {} in switch (mismatched types {} and bool)",
                                        self.node_string(v),
                                        self.type_string(x.ty)
                                    ),
                                );
                                let _ = d;
                                continue;
                            }
                            values.push(self.defaulted(&x));
                        }
                    }
                }
            }
            let body = self.with_target(label, id, false, |s| {
                s.scopes.push();
                let b = s.lower_stmt_list(c);
                s.scopes.pop();
                b
            });
            let fallthrough = body
                .stmts
                .last()
                .is_some_and(|s| matches!(self.prog.stmts[*s].kind, StmtKind::Fallthrough));
            cases.push(SwitchCase {
                values,
                body,
                fallthrough,
                span: cspan,
            });
        }
        self.scopes.pop();
        let tag = match tag {
            Some(t) if t.is_invalid() => return None,
            Some(t) => Some(t.expr),
            None => None,
        };
        self.prog.stmts[id].kind = StmtKind::Switch {
            label,
            init,
            tag,
            cases,
        };
        Some(id)
    }

    fn type_switch(&mut self, node: Node<'_>, label: Option<crate::ir::LabelId>) -> Option<StmtId> {
        let span = self.span(node);
        let id = self.reserve(span);
        self.scopes.push();
        let init = node
            .child_by_field_id(field!("initializer"))
            .and_then(|i| self.lower_stmt(i));
        let alias = node
            .child_by_field_id(field!("alias"))
            .and_then(|a| children(a).first().copied());
        let subject_node = node.child_by_field_id(field!("value"))?;
        let x = self.value(subject_node);
        if x.is_invalid() {
            self.scopes.pop();
            return None;
        }
        if !self.prog.types.is_interface(x.ty) {
            let d = self.describe(&x);
            self.error(subject_node, format!("{d} is not an interface"));
            self.scopes.pop();
            return None;
        }
        let mut cases = Vec::new();
        let mut clause_vars = Vec::new();
        for c in children(node) {
            if c.kind_str() != "type_case" && c.kind_str() != "default_case" {
                continue;
            }
            let cspan = self.span(c);
            let mut types = Vec::new();
            let is_default = c.kind_str() == "default_case";
            if !is_default {
                for tn in field_children(c, "type") {
                    if tn.kind_str() == "nil"
                        || (tn.kind_str() == "type_identifier" && self.text(tn) == "nil")
                    {
                        types.push(None);
                        continue;
                    }
                    let t = self.resolve_type(tn);
                    if t == TypeTable::INVALID {
                        continue;
                    }
                    if !self.prog.types.is_interface(t) {
                        if let Err(why) = self.implements(t, x.ty) {
                            let (ts, xs) = (self.type_string(t), self.type_string(x.ty));
                            let s = self.node_string(subject_node);
                            self.error(tn, format!("impossible type switch case: {s} (variable of type {xs}) cannot have dynamic type {ts} {why}"));
                            continue;
                        }
                    }
                    types.push(Some(t));
                }
            }
            self.scopes.push();
            let var = alias.map(|a| {
                let ty = match types.as_slice() {
                    [Some(t)] => *t,
                    _ => x.ty,
                };
                let name = self.text(a).to_string();
                // gc places each clause's copy at the clause's last type
                // (`default` for the default clause).
                let vspan = match field_children(c, "type").last() {
                    Some(t) => self.span(*t),
                    None => Span::new(
                        self.lines.pos(c.start_byte()),
                        c.start_byte(),
                        c.start_byte() + 7,
                    ),
                };
                let func = self.current_func();
                let v = self.new_var(name.clone(), ty, VarKind::Local, func, vspan);
                self.scopes.declare(&name, Entity::Var(v));
                clause_vars.push(v);
                v
            });
            let body = self.with_target(label, id, false, |s| s.lower_stmt_list(c));
            self.scopes.pop();
            cases.push(TypeCase {
                types,
                is_default,
                var,
                body,
                span: cspan,
            });
        }
        if let Some(a) = alias {
            let name = self.text(a);
            if name != "_" && !clause_vars.iter().any(|v| self.is_used(*v)) {
                self.error(a, format!("declared and not used: {name}"));
            }
            if let Some(f) = self.current_func() {
                // Clause copies are locals of the function for later stages.
                self.prog.funcs[f]
                    .locals
                    .extend(clause_vars.iter().copied());
                for v in &clause_vars {
                    self.mark_used(*v);
                }
            }
        }
        self.scopes.pop();
        self.prog.stmts[id].kind = StmtKind::TypeSwitch {
            label,
            init,
            subject: x.expr,
            cases,
        };
        Some(id)
    }

    fn select_stmt(&mut self, node: Node<'_>, label: Option<crate::ir::LabelId>) -> Option<StmtId> {
        let span = self.span(node);
        let id = self.reserve(span);
        let mut cases = Vec::new();
        for c in children(node) {
            let cspan = self.span(c);
            self.scopes.push();
            let comm = match c.kind_str() {
                "default_case" => Some(SelectComm::Default),
                "communication_case" => {
                    let comm = c.child_by_field_id(field!("communication"));
                    match comm {
                        Some(s) if s.kind_str() == "send_statement" => {
                            let (Some(ch), Some(v)) = (
                                s.child_by_field_id(field!("channel")),
                                s.child_by_field_id(field!("value")),
                            ) else {
                                self.scopes.pop();
                                continue;
                            };
                            self.send(s, ch, v)
                                .map(|(chan, value)| SelectComm::Send { chan, value })
                        }
                        Some(s) if s.kind_str() == "receive_statement" => self.select_recv(s),
                        _ => None,
                    }
                }
                _ => {
                    self.scopes.pop();
                    continue;
                }
            };
            let body = self.with_target(label, id, false, |s| s.lower_stmt_list(c));
            self.scopes.pop();
            if let Some(comm) = comm {
                cases.push(SelectCase {
                    comm,
                    body,
                    span: cspan,
                });
            }
        }
        self.prog.stmts[id].kind = StmtKind::Select { label, cases };
        Some(id)
    }

    fn select_recv(&mut self, s: Node<'_>) -> Option<SelectComm> {
        let right = s.child_by_field_id(field!("right"))?;
        let left = s
            .child_by_field_id(field!("left"))
            .map(children)
            .unwrap_or_default();
        let inner = super::exprs::strip_parens(right);
        let x = self.expr(right);
        if x.is_invalid() {
            return None;
        }
        if !matches!(self.prog.exprs[x.expr].kind, ExprKind::Recv { .. })
            || inner.kind_str() != "unary_expression"
        {
            self.error(right, "select case must be receive, send or assign recv");
            return None;
        }
        if left.is_empty() {
            return Some(SelectComm::Recv {
                recv: x.expr,
                assign: None,
            });
        }
        let define = {
            let has = s.children().any(|c| c.kind_str() == ":=");
            has
        };
        let mut tys = vec![x.ty];
        if left.len() == 2 {
            tys = self.multi_value(&x, 2, right)?;
        }
        let span = self.span_at_token(s, if define { ":=" } else { "=" });
        let mut lhs = Vec::new();
        let mut declares = Vec::new();
        for (l, ty) in left.iter().zip(tys) {
            if define {
                if self.text(*l) == "_" {
                    lhs.push(None);
                    continue;
                }
                let v = self.declare_local(*l, ty);
                declares.push(v);
                let vspan = self.span(*l);
                lhs.push(Some(self.new_expr(ExprKind::Var(v), ty, vspan)));
            } else {
                let o = self.lhs_expr(*l);
                lhs.push(o.map(|o| o.expr));
            }
        }
        let assign = self.new_stmt(
            StmtKind::Assign {
                lhs,
                rhs: vec![x.expr],
                declares,
            },
            span,
        );
        Some(SelectComm::Recv {
            recv: x.expr,
            assign: Some(assign),
        })
    }

    fn branch(&mut self, node: Node<'_>) -> Option<StmtId> {
        let span = self.span(node);
        let is_break = node.kind_str() == "break_statement";
        let label_node = children(node).first().copied();
        let ctx = self.funcs.last()?;
        let (label, target) = match label_node {
            Some(l) => {
                let name = self.text(l);
                let Some(id) = ctx.labels.get(name).copied() else {
                    self.error(
                        l,
                        format!(
                            "{} label not defined: {name}",
                            if is_break { "break" } else { "continue" }
                        ),
                    );
                    return None;
                };
                let target = ctx
                    .targets
                    .iter()
                    .rev()
                    .find(|(lab, _, is_loop)| *lab == Some(id) && (is_break || *is_loop));
                match target {
                    Some((_, t, _)) => {
                        let t = *t;
                        if let Some(c) = self.funcs.last_mut() {
                            c.used_labels.push(id);
                        }
                        (Some(id), t)
                    }
                    None => {
                        let what = if is_break { "break" } else { "continue" };
                        self.error(l, format!("invalid {what} label {name}"));
                        if let Some(c) = self.funcs.last_mut() {
                            c.used_labels.push(id);
                        }
                        return None;
                    }
                }
            }
            None => {
                let target = ctx
                    .targets
                    .iter()
                    .rev()
                    .find(|(_, _, is_loop)| is_break || *is_loop);
                match target {
                    Some((_, t, _)) => (None, *t),
                    None => {
                        let msg = if is_break {
                            "break is not in a loop, switch, or select"
                        } else {
                            "continue is not in a loop"
                        };
                        self.error(node, msg);
                        return None;
                    }
                }
            }
        };
        let kind = if is_break {
            StmtKind::Break { label, target }
        } else {
            StmtKind::Continue { label, target }
        };
        Some(self.new_stmt(kind, span))
    }

    /// A `return`; on error it still yields a `Return` so that the
    /// terminating-statement rule sees it, as types2's syntactic check does.
    fn return_stmt(&mut self, node: Node<'_>) -> Option<StmtId> {
        let span = self.span(node);
        match self.return_stmt_checked(node, span) {
            Some(s) => Some(s),
            None => Some(self.new_stmt(
                StmtKind::Return {
                    results: vec![],
                    bare: false,
                },
                span,
            )),
        }
    }

    fn return_stmt_checked(&mut self, node: Node<'_>, span: Span) -> Option<StmtId> {
        let values: Vec<Node<'_>> = children(node)
            .first()
            .map(|l| {
                if l.kind_str() == "expression_list" {
                    children(*l)
                } else {
                    vec![*l]
                }
            })
            .unwrap_or_default();
        let ctx = self.funcs.last()?;
        let want = ctx.results.clone();
        let named = ctx.named_results;
        if values.is_empty() {
            if !want.is_empty() && !named {
                let w = self.types_summary(&want, false, false);
                self.error(
                    node,
                    format!("not enough return values\n\thave ()\n\twant {w}"),
                );
                return None;
            }
            return Some(self.new_stmt(
                StmtKind::Return {
                    results: vec![],
                    bare: !want.is_empty(),
                },
                span,
            ));
        }
        // return f() with a multi-value f.
        if values.len() == 1 && want.len() != 1 {
            let x = self.expr(values[0]);
            if x.is_invalid() {
                return None;
            }
            if let Type::Tuple(items) = self.prog.types.get(x.ty).clone() {
                if items.len() == want.len()
                    && matches!(self.prog.exprs[x.expr].kind, ExprKind::Call(_))
                {
                    let all = items.iter().zip(&want).all(|(a, b)| {
                        self.prog.types.identical(*a, *b)
                            || self.prog.types.is_interface(*b) && self.implements(*a, *b).is_ok()
                    });
                    if all {
                        return Some(self.new_stmt(
                            StmtKind::Return {
                                results: vec![x.expr],
                                bare: false,
                            },
                            span,
                        ));
                    }
                }
                let have = self.types_summary(&items, false, false);
                let w = self.types_summary(&want, false, false);
                let q = if items.len() < want.len() {
                    "not enough"
                } else {
                    "too many"
                };
                self.error(
                    values[0],
                    format!("{q} return values\n\thave {have}\n\twant {w}"),
                );
                return None;
            }
            if x.mode == Mode::NoValue {
                self.require_value(&x);
                return None;
            }
            let have = self.types_summary(&[x.ty], false, false);
            let w = self.types_summary(&want, false, false);
            let q = if want.is_empty() {
                "too many"
            } else {
                "not enough"
            };
            self.error(
                values[0],
                format!("{q} return values\n\thave {have}\n\twant {w}"),
            );
            return None;
        }
        if values.len() != want.len() {
            let mut have = Vec::new();
            for v in &values {
                let x = self.expr(*v);
                if x.is_invalid() {
                    return None;
                }
                have.push(x.ty);
            }
            let h = self.types_summary(&have, false, false);
            let w = self.types_summary(&want, false, false);
            let (q, at) = if values.len() < want.len() {
                ("not enough", values[values.len() - 1])
            } else {
                ("too many", values[want.len()])
            };
            self.error(at, format!("{q} return values\n\thave {h}\n\twant {w}"));
            return None;
        }
        let mut results = Vec::new();
        let mut ok = true;
        for (v, t) in values.iter().zip(&want) {
            let x = self.expr(*v);
            match self.assign_operand(x, *t, "return statement") {
                Some(e) => results.push(e),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        Some(self.new_stmt(
            StmtKind::Return {
                results,
                bare: false,
            },
            span,
        ))
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn span_start(node: Node<'_>, token: &str) -> usize {
    let found = node
        .children()
        .find(|c| c.kind_str() == token)
        .map_or(node.start_byte(), |c| c.start_byte());
    found
}
