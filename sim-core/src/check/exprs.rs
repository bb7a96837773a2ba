//! Expressions: names, literals, operators, selectors, indexing,
//! composite literals, function literals.

use super::fold::{self, Folded};
use super::lookup::Member;
use super::operand::{Mode, Operand};
use super::scope::Entity;
use super::{children, Checker, FuncCtx};
use crate::ir::{
    BasicKind, BinaryOp, Block, CompositeElem, CompositeKind, ConstValue, ElemKey, ExprId,
    ExprKind, Func, FuncKind, MethodRef, Span, Type, TypeId, TypeTable, UnaryOp, VarKind,
};
use crate::syntax::Node;

impl<'t> Checker<'t> {
    /// Checks and lowers an expression (types are reported as an error).
    pub(super) fn expr<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let x = self.expr_or_type(node);
        if x.mode == Mode::TypeExpr {
            let s = self.node_string(node);
            self.error(node, format!("{s} (type) is not an expression"));
            return self.invalid(node);
        }
        x
    }

    /// An expression that must produce exactly one value.
    pub(super) fn value<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let x = self.expr(node);
        if !self.require_value(&x) {
            return self.invalid(node);
        }
        x
    }

    /// Checks and lowers an expression that may also denote a type.
    pub(super) fn expr_or_type<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        if self.depth > super::MAX_NESTING {
            self.unsupported(node, "expressions nested this deeply");
            return self.invalid(node);
        }
        self.depth += 1;
        let x = self.expr_inner(node);
        self.depth -= 1;
        x
    }

    fn expr_inner<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let span = self.span(node);
        match node.kind_str() {
            "identifier" | "type_identifier" | "field_identifier" => self.ident(node),
            "int_literal" => match parse_int(self.text(node)) {
                Some(v) => self.constant(node, TypeTable::UNTYPED_INT, ConstValue::Int(v), span),
                None => {
                    self.error(node, "integer constant overflow");
                    self.invalid(node)
                }
            },
            "float_literal" => match parse_float(self.text(node)) {
                Some(v) => {
                    self.constant(node, TypeTable::UNTYPED_FLOAT, ConstValue::Float(v), span)
                }
                None => {
                    self.unsupported(node, "this float literal");
                    self.invalid(node)
                }
            },
            "imaginary_literal" => {
                let text = self.text(node);
                match parse_float(text.strip_suffix('i').unwrap_or(text)) {
                    Some(v) => self.constant(
                        node,
                        TypeTable::UNTYPED_COMPLEX,
                        ConstValue::Complex(0.0, v),
                        span,
                    ),
                    None => {
                        self.error(node, "invalid imaginary literal");
                        self.invalid(node)
                    }
                }
            }
            "rune_literal" => match unquote_rune(self.text(node)) {
                Some(c) => self.constant(node, TypeTable::UNTYPED_RUNE, ConstValue::Int(c), span),
                None => {
                    self.error(node, "invalid rune literal");
                    self.invalid(node)
                }
            },
            "interpreted_string_literal" | "raw_string_literal" => {
                let s = unquote_string(self.text(node));
                self.constant(node, TypeTable::UNTYPED_STRING, ConstValue::String(s), span)
            }
            "true" | "false" => {
                let v = node.kind_str() == "true";
                self.constant(node, TypeTable::UNTYPED_BOOL, ConstValue::Bool(v), span)
            }
            "nil" => self.operand(node, Mode::Nil, TypeTable::UNTYPED_NIL, ExprKind::Nil, span),
            "iota" => self.ident(node),
            "parenthesized_expression" => match children(node).first() {
                Some(inner) => {
                    let mut x = self.expr_or_type(*inner);
                    x.node = node;
                    x
                }
                None => self.invalid(node),
            },
            "unary_expression" => self.unary(node),
            "binary_expression" => self.binary(node),
            "call_expression" => self.call(node),
            "type_conversion_expression" => self.conversion_expr(node),
            "selector_expression" => self.selector(node),
            "index_expression" => self.index(node),
            "slice_expression" => self.slice_expr(node),
            "type_assertion_expression" => self.type_assertion(node, false),
            "composite_literal" => self.composite(node, None),
            "func_literal" => self.func_literal(node),
            "type_instantiation_expression" | "generic_type" => match self.generic_base(node) {
                Some((g, args)) => self.explicit_instance(node, g, &args),
                None => {
                    let s = self.node_string(node);
                    self.error(
                        node,
                        format!("invalid operation: {s} is not a generic function"),
                    );
                    self.invalid(node)
                }
            },
            "slice_type"
            | "array_type"
            | "map_type"
            | "pointer_type"
            | "channel_type"
            | "function_type"
            | "struct_type"
            | "interface_type"
            | "qualified_type"
            | "parenthesized_type"
            | "implicit_length_array_type" => {
                let t = self.resolve_type(node);
                self.type_operand(node, t)
            }
            _ => {
                self.unsupported(node, node.kind_str());
                self.invalid(node)
            }
        }
    }

    pub(super) fn type_operand<'n>(&mut self, node: Node<'n>, t: TypeId) -> Operand<'n> {
        if t == TypeTable::INVALID {
            return self.invalid(node);
        }
        let span = self.span(node);
        self.operand(node, Mode::TypeExpr, t, ExprKind::Nil, span)
    }

    fn ident<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let name = self.text(node);
        let span = self.span(node);
        if name == "_" {
            self.error(node, "cannot use _ as value");
            return self.invalid(node);
        }
        match self.lookup(name) {
            None => {
                self.error(node, format!("undefined: {name}"));
                self.invalid(node)
            }
            Some(Entity::Var(v)) => {
                self.mark_used(v);
                self.note_capture(v);
                let ty = self.prog.vars[v].ty;
                if ty == TypeTable::INVALID {
                    return self.invalid(node);
                }
                self.operand(node, Mode::Variable, ty, ExprKind::Var(v), span)
            }
            Some(Entity::Const { ty, val }) => self.constant(node, ty, val, span),
            Some(Entity::Type(t)) => self.type_operand(node, t),
            Some(Entity::Func(f)) => {
                let ty = self.prog.funcs[f].sig;
                self.operand(node, Mode::Value, ty, ExprKind::Func(f), span)
            }
            Some(Entity::Builtin(b)) => self.builtin_operand(node, b, span),
            Some(Entity::Package(i)) => {
                self.imports[i].used = true;
                self.error(node, format!("use of package {name} without selector"));
                self.invalid(node)
            }
            Some(Entity::Nil) => {
                self.operand(node, Mode::Nil, TypeTable::UNTYPED_NIL, ExprKind::Nil, span)
            }
            Some(Entity::Iota) => match self.iota {
                Some(v) => self.constant(node, TypeTable::UNTYPED_INT, ConstValue::Int(v), span),
                None => {
                    self.error(node, "cannot use iota outside constant declaration");
                    self.invalid(node)
                }
            },
            Some(Entity::Generic(g)) => {
                self.uninstantiated(node, g);
                self.invalid(node)
            }
            Some(Entity::Pending(_)) | Some(Entity::Invalid) => self.invalid(node),
        }
    }

    /// Records that the current closures use variable `v` of an
    /// enclosing function.
    pub(super) fn note_capture(&mut self, v: crate::ir::VarId) {
        let Some(owner) = self.prog.vars[v].func else {
            return;
        };
        if self.prog.vars[v].kind == VarKind::Global {
            return;
        }
        for ctx in self.funcs.iter().rev() {
            if ctx.func == owner {
                break;
            }
            let f = &mut self.prog.funcs[ctx.func];
            if f.is_closure() && !f.captures.contains(&v) {
                f.captures.push(v);
            }
        }
    }

    fn unary<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let (Some(op_node), Some(operand)) = (
            node.child_by_field_id(field!("operator")),
            node.child_by_field_id(field!("operand")),
        ) else {
            return self.invalid(node);
        };
        let op = self.text(op_node);
        let span = self.span(node);
        match op {
            "&" => {
                let inner = strip_parens(operand);
                if inner.kind_str() == "composite_literal" {
                    let lit = self.composite(inner, None);
                    if lit.is_invalid() {
                        return lit;
                    }
                    let ty = self.prog.types.pointer(lit.ty);
                    return self.operand(node, Mode::Value, ty, ExprKind::PtrLit(lit.expr), span);
                }
                let x = self.expr_or_type(operand);
                if x.is_invalid() {
                    return x;
                }
                if x.mode == Mode::TypeExpr {
                    let s = self.node_string(operand);
                    self.error(operand, format!("{s} (type) is not an expression"));
                    return self.invalid(node);
                }
                if !self.addressable(&x) {
                    let d = self.describe(&x);
                    self.error(
                        operand,
                        format!("invalid operation: cannot take address of {d}"),
                    );
                    return self.invalid(node);
                }
                let ty = self.prog.types.pointer(x.ty);
                self.operand(node, Mode::Value, ty, ExprKind::AddrOf(x.expr), span)
            }
            "*" => {
                let x = self.expr_or_type(operand);
                if x.is_invalid() {
                    return x;
                }
                if x.mode == Mode::TypeExpr {
                    let t = self.prog.types.pointer(x.ty);
                    return self.type_operand(node, t);
                }
                if x.mode == Mode::Nil {
                    self.error(node, "invalid operation: cannot indirect nil");
                    return self.invalid(node);
                }
                if !self.require_value(&x) {
                    return self.invalid(node);
                }
                match self.prog.types.under(x.ty).clone() {
                    Type::Pointer(elem) => {
                        self.operand(node, Mode::Variable, elem, ExprKind::Deref(x.expr), span)
                    }
                    _ => {
                        let d = self.describe(&x);
                        self.error(operand, format!("invalid operation: cannot indirect {d}"));
                        self.invalid(node)
                    }
                }
            }
            "<-" => {
                let x = self.value(operand);
                if x.is_invalid() {
                    return x;
                }
                match self.prog.types.under(x.ty).clone() {
                    Type::Chan { dir, elem } => {
                        if dir == crate::ir::ChanDir::SendOnly {
                            let d = self.describe(&x);
                            let t = self.type_string(x.ty);
                            self.error(
                                operand,
                                format!(
                                    "invalid operation: cannot receive from send-only channel {t} {d}"
                                ),
                            );
                            return self.invalid(node);
                        }
                        let kind = ExprKind::Recv {
                            chan: x.expr,
                            comma_ok: false,
                        };
                        self.operand(node, Mode::CommaOk, elem, kind, span)
                    }
                    _ => {
                        let d = self.describe(&x);
                        self.error(
                            node,
                            format!("invalid operation: cannot receive from non-channel {d}"),
                        );
                        self.invalid(node)
                    }
                }
            }
            _ => {
                let uop = match op {
                    "-" => UnaryOp::Neg,
                    "+" => UnaryOp::Plus,
                    "!" => UnaryOp::Not,
                    _ => UnaryOp::BitNot,
                };
                let x = self.value(operand);
                if x.is_invalid() {
                    return x;
                }
                let kind = self.prog.types.basic_kind(x.ty);
                let ok = match (uop, kind) {
                    (UnaryOp::Not, Some(k)) => k.is_boolean(),
                    (UnaryOp::BitNot, Some(k)) => k.is_integer(),
                    (_, Some(k)) => k.is_numeric(),
                    _ => false,
                };
                if !ok {
                    let d = self.describe(&x);
                    self.error(
                        operand,
                        format!("invalid operation: operator {op} not defined on {d}"),
                    );
                    return self.invalid(node);
                }
                if let Some(v) = &x.val {
                    let k = kind.unwrap_or(BasicKind::Invalid);
                    if let Some(r) = fold::unary(uop, v, k) {
                        if !self.prog.types.is_untyped(x.ty) && fold::represent(&r, k).is_err() {
                            let t = self.type_string(x.ty);
                            self.error(node, format!("constant {r} overflows {t}"));
                            return self.invalid(node);
                        }
                        return self.constant(node, x.ty, r, span);
                    }
                }
                let kind = ExprKind::Unary {
                    op: uop,
                    operand: x.expr,
                };
                self.operand(node, Mode::Value, x.ty, kind, span)
            }
        }
    }

    pub(super) fn addressable(&self, x: &Operand<'_>) -> bool {
        if x.mode != Mode::Variable {
            return false;
        }
        match &self.prog.exprs[x.expr].kind {
            ExprKind::Index { base, .. } => {
                // Indexing an array value is addressable only if the array is.
                match self.prog.types.under(self.prog.exprs[*base].ty) {
                    Type::Array { .. } => self.expr_addressable(*base),
                    _ => true,
                }
            }
            _ => true,
        }
    }

    fn expr_addressable(&self, e: ExprId) -> bool {
        match &self.prog.exprs[e].kind {
            ExprKind::Var(_) | ExprKind::Deref(_) => true,
            ExprKind::Field {
                base,
                through_pointer,
                ..
            } => *through_pointer || self.expr_addressable(*base),
            ExprKind::Index { base, .. } => {
                match self.prog.types.under(self.prog.exprs[*base].ty) {
                    Type::Array { .. } => self.expr_addressable(*base),
                    Type::Slice(_) | Type::Pointer(_) => true,
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn binary<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let (Some(l), Some(op_node), Some(r)) = (
            node.child_by_field_id(field!("left")),
            node.child_by_field_id(field!("operator")),
            node.child_by_field_id(field!("right")),
        ) else {
            return self.invalid(node);
        };
        let op_text = self.text(op_node);
        let op = match binary_op(op_text) {
            Some(op) => op,
            None => return self.invalid(node),
        };
        let span = self.span_at(node, op_node.start_byte());
        let x = self.value(l);
        let y = self.value(r);
        if x.is_invalid() || y.is_invalid() {
            return self.invalid(node);
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(node, op, x, y, span);
        }
        // Untyped operands take the other side's type.
        let (tx, ty) = (x.ty, y.ty);
        let ux = self.prog.types.is_untyped(tx);
        let uy = self.prog.types.is_untyped(ty);
        let mismatch = |c: &mut Self| {
            let s = c.node_string(node);
            let (a, b) = (c.type_string(tx), c.type_string(ty));
            c.error(
                node,
                format!("invalid operation: {s} (mismatched types {a} and {b})"),
            );
            c.invalid(node)
        };
        let result_ty;
        // An untyped operand only meets an interface in a comparison.
        let iface_mix = !op.is_comparison()
            && ((ux && self.prog.types.is_interface(ty))
                || (uy && self.prog.types.is_interface(tx)));
        if iface_mix && ux != uy {
            return mismatch(self);
        }
        if ux && !uy {
            if !self.convert_untyped_to(&x, ty) {
                if x.mode == Mode::Nil || self.prog.types.is_interface(ty) {
                    return mismatch(self);
                }
                return self.untyped_mismatch(node, &x, ty, tx, ty);
            }
            result_ty = ty;
        } else if uy && !ux {
            if !self.convert_untyped_to(&y, tx) {
                if y.mode == Mode::Nil || self.prog.types.is_interface(tx) {
                    return mismatch(self);
                }
                return self.untyped_mismatch(node, &y, tx, tx, ty);
            }
            result_ty = tx;
        } else if ux && uy {
            // Both untyped: the "larger" kind wins (int < rune < float).
            let rank = super::assign::untyped_rank;
            if x.mode == Mode::Nil || y.mode == Mode::Nil {
                if x.mode == Mode::Nil && y.mode == Mode::Nil && op.is_comparison() {
                    let s = self.node_string(node);
                    self.error(
                        node,
                        format!("invalid operation: {s} (operator {op_text} not defined on nil)"),
                    );
                    return self.invalid(node);
                }
                return mismatch(self);
            }
            if rank(tx) > 0 && rank(ty) > 0 {
                result_ty = if rank(tx) >= rank(ty) { tx } else { ty };
            } else if tx == ty {
                result_ty = tx;
            } else {
                return mismatch(self);
            }
        } else {
            if !self.prog.types.identical(tx, ty) {
                // Comparisons allow assignability (interface vs concrete).
                let comparable_mix = op.is_comparison()
                    && (self.prog.types.is_interface(tx) && self.implements(ty, tx).is_ok()
                        || self.prog.types.is_interface(ty) && self.implements(tx, ty).is_ok());
                if !comparable_mix {
                    return mismatch(self);
                }
            }
            result_ty = tx;
        }
        if op.is_comparison() {
            return self.comparison(node, op, op_text, x, y, result_ty, span);
        }
        // Arithmetic and logic.
        let kind = self.prog.types.basic_kind(result_ty);
        let ok = match (op, kind) {
            (BinaryOp::LogAnd | BinaryOp::LogOr, Some(k)) => k.is_boolean(),
            (BinaryOp::Add, Some(k)) => k.is_numeric() || k.is_string(),
            (BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div, Some(k)) => k.is_numeric(),
            (_, Some(k)) => k.is_integer(),
            _ => false,
        };
        if !ok {
            let s = self.node_string(node);
            let d = self.describe(&x);
            self.error(
                node,
                format!("invalid operation: operator {op_text} not defined on {d}"),
            );
            let _ = s;
            return self.invalid(node);
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let k = kind.unwrap_or(BasicKind::Invalid);
            let integer = k.is_integer();
            match fold::binary(op, a, b, integer) {
                Folded::Value(v) => {
                    if !self.prog.types.is_untyped(result_ty) && fold::represent(&v, k).is_err() {
                        let t = self.type_string(result_ty);
                        self.error(node, format!("constant {v} overflows {t}"));
                        return self.invalid(node);
                    }
                    return self.constant(node, result_ty, v, span);
                }
                Folded::DivByZero => {
                    self.error(r, "invalid operation: division by zero");
                    return self.invalid(node);
                }
                Folded::Overflow => {
                    self.error(node, "constant overflow");
                    return self.invalid(node);
                }
                Folded::NotApplicable => {}
            }
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) {
            if let Some(ConstValue::Int(0)) = &y.val {
                self.error(r, "invalid operation: division by zero");
                return self.invalid(node);
            }
        }
        let kind = ExprKind::Binary {
            op,
            left: x.expr,
            right: y.expr,
        };
        self.operand(node, Mode::Value, result_ty, kind, span)
    }

    fn untyped_mismatch<'n>(
        &mut self,
        node: Node<'n>,
        c: &Operand<'_>,
        target: TypeId,
        tx: TypeId,
        ty: TypeId,
    ) -> Operand<'n> {
        // A numeric constant that does not fit: types2 says so directly.
        let tk = self.prog.types.basic_kind(target);
        if let (Some(v), Some(k)) = (&c.val, tk) {
            if k.is_numeric() && matches!(v, ConstValue::Int(_) | ConstValue::Float(_)) {
                let why = match fold::represent(v, k) {
                    Err(fold::Unrepresentable::Truncated) => "truncated",
                    _ => "overflows",
                };
                let d = self.describe(c);
                let t = self.type_string(target);
                let msg = if why == "truncated" {
                    format!(
                        "{} (untyped float constant) truncated to {t}",
                        self.node_string(c.node)
                    )
                } else {
                    format!("cannot use {d} as {t} value in expression ({why})")
                };
                self.error(c.node, msg);
                return self.invalid(node);
            }
        }
        let s = self.node_string(node);
        let (a, b) = (self.type_string(tx), self.type_string(ty));
        self.error(
            node,
            format!("invalid operation: {s} (mismatched types {a} and {b})"),
        );
        self.invalid(node)
    }

    #[allow(clippy::too_many_arguments)]
    fn comparison<'n>(
        &mut self,
        node: Node<'n>,
        op: BinaryOp,
        op_text: &str,
        x: Operand<'_>,
        y: Operand<'_>,
        operand_ty: TypeId,
        span: Span,
    ) -> Operand<'n> {
        let ordered = !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
        let kind = self.prog.types.basic_kind(operand_ty);
        let nil_cmp = x.mode == Mode::Nil || y.mode == Mode::Nil;
        let ok = if ordered {
            kind.is_some_and(|k| k.is_numeric() || k.is_string())
        } else {
            nil_cmp || self.comparable(operand_ty)
        };
        if !ok {
            let s = self.node_string(node);
            let what = match self.prog.types.under(operand_ty) {
                Type::Slice(_) => "slice can only be compared to nil".to_string(),
                Type::Map { .. } => "map can only be compared to nil".to_string(),
                Type::Func(_) => "func can only be compared to nil".to_string(),
                _ => format!("operator {op_text} not defined on {}", self.describe(&x)),
            };
            self.error(node, format!("invalid operation: {s} ({what})"));
            return self.invalid(node);
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            if let Folded::Value(v) = fold::binary(op, a, b, true) {
                return self.constant(node, TypeTable::UNTYPED_BOOL, v, span);
            }
        }
        // Mixed interface/concrete comparisons box the concrete side.
        let (mut l, mut r) = (x.expr, y.expr);
        let (lt, rt) = (self.prog.exprs[l].ty, self.prog.exprs[r].ty);
        if self.prog.types.is_interface(lt)
            && !self.prog.types.is_interface(rt)
            && y.mode != Mode::Nil
        {
            r = self.conv_iface(r, lt);
        } else if self.prog.types.is_interface(rt)
            && !self.prog.types.is_interface(lt)
            && x.mode != Mode::Nil
        {
            l = self.conv_iface(l, rt);
        }
        let kind = ExprKind::Binary {
            op,
            left: l,
            right: r,
        };
        self.operand(node, Mode::Value, TypeTable::UNTYPED_BOOL, kind, span)
    }

    fn shift<'n>(
        &mut self,
        node: Node<'n>,
        op: BinaryOp,
        x: Operand<'_>,
        y: Operand<'_>,
        span: Span,
    ) -> Operand<'n> {
        let yk = self.prog.types.basic_kind(y.ty);
        if !yk.is_some_and(|k| {
            k.is_integer()
                || (k == BasicKind::UntypedFloat
                    && y.val.as_ref().and_then(|v| v.as_int()).is_some())
        }) {
            let d = self.describe(&y);
            self.error(
                y.node,
                format!("invalid operation: shift count {d} must be integer"),
            );
            return self.invalid(node);
        }
        if self.prog.types.is_untyped(y.ty) {
            self.convert_untyped_to(&y, TypeTable::INT);
        }
        let xk = self.prog.types.basic_kind(x.ty);
        let x_int = xk.is_some_and(|k| k.is_integer())
            || (xk == Some(BasicKind::UntypedFloat)
                && x.val.as_ref().and_then(|v| v.as_int()).is_some());
        if !x_int {
            let d = self.describe(&x);
            self.error(
                x.node,
                format!(
                    "invalid operation: shift of type {} (operand {d})",
                    self.type_string(x.ty)
                ),
            );
            return self.invalid(node);
        }
        let result_ty = if xk == Some(BasicKind::UntypedFloat) {
            TypeTable::UNTYPED_INT
        } else {
            x.ty
        };
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let a = ConstValue::Int(a.as_int().unwrap_or(0));
            match fold::binary(op, &a, b, true) {
                Folded::Value(v) => {
                    if let Some(k) = self.prog.types.basic_kind(result_ty) {
                        if !k.is_untyped() && fold::represent(&v, k).is_err() {
                            let t = self.type_string(result_ty);
                            self.error(node, format!("constant {v} overflows {t}"));
                            return self.invalid(node);
                        }
                    }
                    return self.constant(node, result_ty, v, span);
                }
                _ => {
                    self.error(node, "constant shift overflow");
                    return self.invalid(node);
                }
            }
        }
        let result_ty = if self.prog.types.is_untyped(result_ty) {
            // A non-constant shift of an untyped constant: int.
            self.convert_untyped_to(&x, TypeTable::INT);
            TypeTable::INT
        } else {
            result_ty
        };
        let kind = ExprKind::Binary {
            op,
            left: x.expr,
            right: y.expr,
        };
        self.operand(node, Mode::Value, result_ty, kind, span)
    }

    fn selector<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let (Some(base), Some(field)) = (
            node.child_by_field_id(field!("operand")),
            node.child_by_field_id(field!("field")),
        ) else {
            return self.invalid(node);
        };
        let name = self.text(field);
        let span = self.span_at_token(node, ".");
        // Package member?
        if base.kind_str() == "identifier" {
            if let Some(Entity::Package(_)) = self.lookup(self.text(base)) {
                return match self.package_member(base, field) {
                    Some(Entity::Func(f)) => {
                        let ty = self.prog.funcs[f].sig;
                        self.operand(node, Mode::Value, ty, ExprKind::Func(f), span)
                    }
                    Some(Entity::Var(v)) => {
                        let ty = self.prog.vars[v].ty;
                        self.operand(node, Mode::Variable, ty, ExprKind::Var(v), span)
                    }
                    Some(Entity::Const { ty, val }) => self.constant(node, ty, val, span),
                    Some(Entity::Type(t)) => self.type_operand(node, t),
                    Some(Entity::Builtin(b)) => self.builtin_operand(node, b, span),
                    _ => self.invalid(node),
                };
            }
        }
        let x = self.expr_or_type(base);
        if x.is_invalid() {
            return self.invalid(node);
        }
        if x.mode == Mode::TypeExpr {
            return self.method_expr(node, x.ty, name, span);
        }
        if !self.require_value(&x) {
            return self.invalid(node);
        }
        if x.mode == Mode::Nil {
            self.error(
                node,
                format!("invalid operation: nil.{name} (nil has no field or method {name})"),
            );
            return self.invalid(node);
        }
        match self.lookup_member(x.ty, name) {
            Some(Member::Field { path }) => {
                let mut e = x.expr;
                let mut mode = x.mode;
                let n = path.len();
                for (i, step) in path.into_iter().enumerate() {
                    let kind = ExprKind::Field {
                        base: e,
                        index: step.index,
                        name: step.name,
                        through_pointer: step.through_pointer,
                    };
                    e = if i + 1 == n {
                        self.new_expr(kind, step.ty, span)
                    } else {
                        self.implicit_expr(kind, step.ty, span)
                    };
                    if step.through_pointer {
                        mode = Mode::Variable;
                    }
                }
                let ty = self.prog.exprs[e].ty;
                let mode = if mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                Operand {
                    mode,
                    ty,
                    val: None,
                    expr: e,
                    node,
                }
            }
            Some(Member::Method {
                path,
                func,
                pointer_receiver,
                ..
            }) => {
                // A method value: the call path handles direct calls.
                let Some(recv) = self.method_receiver(&x, path, pointer_receiver, node, name)
                else {
                    return self.invalid(node);
                };
                let ty = self.prog.funcs[func].sig;
                let kind = ExprKind::MethodValue {
                    recv,
                    method: MethodRef::Func(func),
                };
                self.operand(node, Mode::Value, ty, kind, span)
            }
            Some(Member::IfaceMethod { path, name, sig }) => {
                let recv = self.walk_path(x.expr, path, span);
                let kind = ExprKind::MethodValue {
                    recv,
                    method: MethodRef::Interface(name),
                };
                self.operand(node, Mode::Value, sig, kind, span)
            }
            None => {
                let s = self.node_string(node);
                let t = self.type_string(x.ty);
                let why = if matches!(self.prog.types.get(self.prog.types.unalias(x.ty)), Type::Pointer(p) if self.prog.types.is_interface(*p))
                {
                    format!("type {t} is pointer to interface, not interface")
                } else {
                    format!("type {t} has no field or method {name}")
                };
                self.error(field, format!("{s} undefined ({why})"));
                self.invalid(node)
            }
        }
    }

    /// Follows embedded fields, producing implicit field selections.
    pub(super) fn walk_path(
        &mut self,
        mut e: ExprId,
        path: Vec<super::lookup::FieldStep>,
        span: Span,
    ) -> ExprId {
        for step in path {
            let kind = ExprKind::Field {
                base: e,
                index: step.index,
                name: step.name,
                through_pointer: step.through_pointer,
            };
            e = self.implicit_expr(kind, step.ty, span);
        }
        e
    }

    /// The receiver expression for calling a concrete method on `x`:
    /// embedded steps, then an implicit `&x` or `*x` as the method needs.
    pub(super) fn method_receiver(
        &mut self,
        x: &Operand<'_>,
        path: Vec<super::lookup::FieldStep>,
        pointer_receiver: bool,
        node: Node<'_>,
        name: &str,
    ) -> Option<ExprId> {
        // gc puts the implicit receiver steps at the selector's `.`.
        let span = if node.kind_str() == "selector_expression" {
            self.span_at_token(node, ".")
        } else {
            self.prog.exprs[x.expr].span
        };
        let addressable_base = self.addressable(x);
        let through_ptr = path.iter().any(|s| s.through_pointer);
        let e = self.walk_path(x.expr, path, span);
        let ty = self.prog.exprs[e].ty;
        let is_ptr = matches!(
            self.prog.types.get(self.prog.types.unalias(ty)),
            Type::Pointer(_)
        );
        if pointer_receiver && !is_ptr {
            let addressable = if self.prog.exprs[e].kind_is_field() {
                addressable_base || through_ptr
            } else {
                addressable_base
            };
            if !addressable {
                let at = node.child_by_field_id(field!("field")).unwrap_or(node);
                self.error(
                    at,
                    format!(
                        "cannot call pointer method {name} on {}",
                        self.type_string(x.ty)
                    ),
                );

                return None;
            }
            let pty = self.prog.types.pointer(ty);
            return Some(self.implicit_expr(ExprKind::AddrOf(e), pty, span));
        }
        if !pointer_receiver && is_ptr {
            if let Type::Pointer(elem) = self.prog.types.get(self.prog.types.unalias(ty)).clone() {
                return Some(self.implicit_expr(ExprKind::Deref(e), elem, span));
            }
        }
        Some(e)
    }

    fn method_expr<'n>(
        &mut self,
        node: Node<'n>,
        recv_ty: TypeId,
        name: &str,
        span: Span,
    ) -> Operand<'n> {
        let (func_ref, sig) = match self.lookup_member(recv_ty, name) {
            Some(Member::Method {
                func,
                pointer_receiver,
                path,
                ..
            }) if path.is_empty() => {
                let is_ptr = matches!(
                    self.prog.types.get(self.prog.types.unalias(recv_ty)),
                    Type::Pointer(_)
                );
                if pointer_receiver && !is_ptr {
                    let s = self.node_string(node);
                    let t = self.type_string(recv_ty);
                    self.error(
                        node,
                        format!(
                            "invalid method expression {s} (needs pointer receiver (*{t}).{name})"
                        ),
                    );
                    return self.invalid(node);
                }
                (MethodRef::Func(func), self.prog.funcs[func].sig)
            }
            Some(Member::IfaceMethod { name, sig, .. }) => (MethodRef::Interface(name), sig),
            _ => {
                let s = self.node_string(node);
                let t = self.type_string(recv_ty);
                self.error(
                    node,
                    format!("{s} undefined (type {t} has no method {name})"),
                );
                return self.invalid(node);
            }
        };
        let Some(sig_v) = self.prog.types.signature(sig).cloned() else {
            return self.invalid(node);
        };
        let mut params = vec![recv_ty];
        params.extend(sig_v.params);
        let fty = self.prog.types.intern(Type::Func(crate::ir::Signature {
            params,
            results: sig_v.results,
            variadic: sig_v.variadic,
            param_names: Vec::new(),
            result_names: sig_v.result_names,
        }));
        let kind = ExprKind::MethodExpr {
            recv_type: recv_ty,
            method: func_ref,
        };
        self.operand(node, Mode::Value, fty, kind, span)
    }

    fn index<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let (Some(base), Some(idx)) = (
            node.child_by_field_id(field!("operand")),
            node.child_by_field_id(field!("index")),
        ) else {
            return self.invalid(node);
        };
        let span = self.span_at_token(node, "[");
        if let Some((g, args)) = self.generic_base(node) {
            return self.explicit_instance(node, g, &args);
        }
        let x = self.expr_or_type(base);
        if x.is_invalid() {
            return self.invalid(node);
        }
        if x.mode == Mode::TypeExpr {
            let t = self.type_string(x.ty);
            self.error(base, format!("{t} is not a generic type"));
            return self.invalid(node);
        }
        if !self.require_value(&x) {
            return self.invalid(node);
        }
        let under = self.prog.types.under(x.ty).clone();
        if let Type::Map { key, value } = under {
            let k = self.value(idx);
            let Some(k) = self.assign_operand(k, key, "map index") else {
                return self.invalid(node);
            };
            let kind = ExprKind::MapIndex {
                map: x.expr,
                key: k,
                comma_ok: false,
            };
            return self.operand(node, Mode::MapIndex, value, kind, span);
        }
        let (elem, mode, len) = match under {
            Type::Slice(e) => (e, Mode::Variable, None),
            Type::Array { len, elem } => (
                elem,
                if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                },
                Some(len),
            ),
            Type::Pointer(p) => match self.prog.types.under(p).clone() {
                Type::Array { len, elem } => (elem, Mode::Variable, Some(len)),
                _ => return self.cannot_index(node, &x),
            },
            Type::Basic(k) if k.is_string() => (
                TypeTable::BYTE,
                Mode::Value,
                x.val
                    .as_ref()
                    .and_then(|v| v.as_str())
                    .map(|s| s.len() as u64),
            ),
            _ => return self.cannot_index(node, &x),
        };
        let i = self.index_value(idx, len, "index");
        let Some(i) = i else {
            return self.invalid(node);
        };
        // Indexing a constant string with a constant folds to a byte.
        if let (Some(ConstValue::String(s)), Some(ConstValue::Int(n))) =
            (&x.val, &self.prog.exprs[i].kind_const())
        {
            if let Some(b) = s.as_bytes().get(*n as usize) {
                let _ = b;
            }
        }
        let kind = ExprKind::Index {
            base: x.expr,
            index: i,
        };
        self.operand(node, mode, elem, kind, span)
    }

    fn cannot_index<'n>(&mut self, node: Node<'n>, x: &Operand<'_>) -> Operand<'n> {
        let d = self.describe(x);
        self.error(x.node, format!("invalid operation: cannot index {d}"));
        self.invalid(node)
    }

    /// An index or slice bound: integer, non-negative, within `len` when
    /// both are constant.
    fn index_value(&mut self, node: Node<'_>, len: Option<u64>, what: &str) -> Option<ExprId> {
        let x = self.value(node);
        if x.is_invalid() {
            return None;
        }
        let k = self.prog.types.basic_kind(x.ty);
        let is_int = k.is_some_and(|k| k.is_integer())
            || (k == Some(BasicKind::UntypedFloat)
                && x.val.as_ref().and_then(|v| v.as_int()).is_some());
        if !is_int {
            let d = self.describe(&x);
            self.error(
                node,
                format!("invalid argument: {what} {d} must be integer"),
            );
            return None;
        }
        if let Some(v) = x.val.as_ref().and_then(|v| v.as_int()) {
            if v < 0 {
                let d = self.describe(&x);
                self.error(
                    node,
                    format!("invalid argument: {what} {d} must not be negative"),
                );
                return None;
            }
            if let Some(len) = len {
                if v as u128 >= len as u128 && what == "index" {
                    let s = self.node_string(node);
                    self.error(
                        node,
                        format!("invalid argument: index {s} out of bounds [0:{len}]"),
                    );
                    return None;
                }
            }
        }
        if self.prog.types.is_untyped(x.ty) {
            self.convert_untyped_to(&x, TypeTable::INT);
        }
        Some(x.expr)
    }

    fn slice_expr<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let Some(base) = node.child_by_field_id(field!("operand")) else {
            return self.invalid(node);
        };
        let span = self.span_at_token(node, "[");
        let x = self.value(base);
        if x.is_invalid() {
            return x;
        }
        let (result, cap) = match self.prog.types.under(x.ty).clone() {
            Type::Slice(_) => (x.ty, None),
            Type::Basic(k) if k.is_string() => {
                let t = if self.prog.types.is_untyped(x.ty) {
                    TypeTable::STRING
                } else {
                    x.ty
                };
                self.defaulted(&x);
                (t, None)
            }
            Type::Array { len, elem } => {
                if !self.addressable(&x) {
                    let d = self.describe(&x);
                    self.error(
                        node,
                        format!("invalid operation: {d} (slice of unaddressable value)"),
                    );
                    return self.invalid(node);
                }
                (self.prog.types.slice(elem), Some(len))
            }
            Type::Pointer(p) => match self.prog.types.under(p).clone() {
                Type::Array { len, elem } => (self.prog.types.slice(elem), Some(len)),
                _ => {
                    let d = self.describe(&x);
                    self.error(x.node, format!("cannot slice {d}"));
                    return self.invalid(node);
                }
            },
            _ => {
                let d = self.describe(&x);
                self.error(x.node, format!("cannot slice {d}"));
                return self.invalid(node);
            }
        };
        let _ = cap;
        let bound = |c: &mut Self, f: &str| -> Result<Option<ExprId>, ()> {
            match node.child_by_field_name(f) {
                Some(n) => c.index_value(n, None, "index").map(Some).ok_or(()),
                None => Ok(None),
            }
        };
        let (Ok(low), Ok(high), Ok(max)) = (
            bound(self, "start"),
            bound(self, "end"),
            bound(self, "capacity"),
        ) else {
            return self.invalid(node);
        };
        let kind = ExprKind::Slice {
            base: x.expr,
            low,
            high,
            max,
        };
        self.operand(node, Mode::Value, result, kind, span)
    }

    pub(super) fn type_assertion<'n>(&mut self, node: Node<'n>, comma_ok: bool) -> Operand<'n> {
        let (Some(base), Some(tn)) = (
            node.child_by_field_id(field!("operand")),
            node.child_by_field_id(field!("type")),
        ) else {
            return self.invalid(node);
        };
        let span = self.span_at_token(node, ".");
        let x = self.value(base);
        if x.is_invalid() {
            return x;
        }
        if !self.prog.types.is_interface(x.ty) {
            let d = self.describe(&x);
            self.error(
                x.node,
                format!("invalid operation: {d} is not an interface"),
            );
            return self.invalid(node);
        }
        let t = self.resolve_type(tn);
        if t == TypeTable::INVALID {
            return self.invalid(node);
        }
        if !self.prog.types.is_interface(t) {
            if let Err(why) = self.implements(t, x.ty) {
                let s = self.node_string(base);
                let (a, b) = (self.type_string(t), self.type_string(x.ty));
                self.error(
                    tn,
                    format!(
                        "impossible type assertion: {s}.({a})\n\t{a} does not implement {b} {why}"
                    ),
                );
                return self.invalid(node);
            }
        }
        let kind = ExprKind::TypeAssert {
            operand: x.expr,
            comma_ok,
        };
        self.operand(node, Mode::CommaOk, t, kind, span)
    }

    /// A composite literal; `hint` is the element type when the literal's
    /// type is elided inside an outer literal.
    pub(super) fn composite<'n>(&mut self, node: Node<'n>, hint: Option<TypeId>) -> Operand<'n> {
        let body = if node.kind_str() == "literal_value" {
            Some(node)
        } else {
            node.child_by_field_id(field!("body"))
        };
        let Some(body) = body else {
            return self.invalid(node);
        };
        let span = self.span_at(node, body.start_byte());
        let (ty, implicit_len) = match node.child_by_field_id(field!("type")) {
            Some(tn) if tn.kind_str() == "implicit_length_array_type" => {
                let elem = match tn.child_by_field_id(field!("element")) {
                    Some(e) => self.resolve_type(e),
                    None => TypeTable::INVALID,
                };
                (self.prog.types.intern(Type::Array { len: 0, elem }), true)
            }
            Some(tn) => (self.resolve_type(tn), false),
            None => match hint {
                Some(h) => (h, false),
                None => {
                    self.error(node, "invalid composite literal type: missing type");
                    return self.invalid(node);
                }
            },
        };
        if ty == TypeTable::INVALID {
            return self.invalid(node);
        }
        // `{...}` for a pointer element type means `&T{...}`.
        let (lit_ty, pointer) = match self.prog.types.get(self.prog.types.unalias(ty)).clone() {
            Type::Pointer(e) if hint.is_some() && node.kind_str() == "literal_value" => (e, true),
            _ => (ty, false),
        };
        let elems: Vec<Node<'n>> = children(body);
        let under = self.prog.types.under(lit_ty).clone();
        let (kind, elems_ir, final_ty) = match under {
            Type::Struct(fields) => {
                let mut out = Vec::new();
                let keyed = elems
                    .first()
                    .is_some_and(|e| e.kind_str() == "keyed_element");
                if keyed {
                    let mut seen = Vec::new();
                    for el in &elems {
                        if el.kind_str() != "keyed_element" {
                            self.error(
                                *el,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let (Some(k), Some(v)) = (
                            el.child_by_field_id(field!("key")),
                            el.child_by_field_id(field!("value")),
                        ) else {
                            continue;
                        };
                        let key_node = children(k).first().copied().unwrap_or(k);
                        let fname = self.text(key_node);
                        let Some(fi) = fields.iter().position(|f| f.name == fname) else {
                            let t = self.type_string(lit_ty);
                            self.error(
                                key_node,
                                format!("unknown field {fname} in struct literal of type {t}"),
                            );
                            continue;
                        };
                        if seen.contains(&fi) {
                            self.error(
                                key_node,
                                format!("duplicate field name {fname} in struct literal"),
                            );
                            continue;
                        }
                        seen.push(fi);
                        let fty = fields[fi].ty;
                        if let Some(e) = self.element(v, fty, "struct literal") {
                            out.push(CompositeElem {
                                key: ElemKey::Field(fi as u32),
                                value: e,
                            });
                        }
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if el.kind_str() == "keyed_element" {
                            self.error(
                                *el,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            let t = self.type_string(lit_ty);
                            self.error(
                                *el,
                                format!("too many values in struct literal of type {t}"),
                            );
                            break;
                        };
                        if let Some(e) = self.element(*el, f.ty, "struct literal") {
                            out.push(CompositeElem {
                                key: ElemKey::Field(i as u32),
                                value: e,
                            });
                        }
                    }
                    if !elems.is_empty() && elems.len() < fields.len() {
                        let t = self.type_string(lit_ty);
                        let end = body.end_byte().saturating_sub(1);
                        self.error_at(
                            end,
                            body.end_byte(),
                            format!("too few values in struct literal of type {t}"),
                        );
                    }
                }
                (CompositeKind::Struct, out, lit_ty)
            }
            Type::Array { len, elem } => {
                let (out, n) = self.indexed_elems(
                    &elems,
                    elem,
                    if implicit_len { None } else { Some(len) },
                    "array or slice literal",
                );
                let final_ty = if implicit_len {
                    self.prog.types.intern(Type::Array { len: n, elem })
                } else {
                    lit_ty
                };
                (CompositeKind::Array, out, final_ty)
            }
            Type::Slice(elem) => {
                let (out, _) = self.indexed_elems(&elems, elem, None, "array or slice literal");
                (CompositeKind::Slice, out, lit_ty)
            }
            Type::Map { key, value } => {
                let mut out = Vec::new();
                for el in &elems {
                    if el.kind_str() != "keyed_element" {
                        self.error(*el, "missing key in map literal");
                        continue;
                    }
                    let (Some(k), Some(v)) = (
                        el.child_by_field_id(field!("key")),
                        el.child_by_field_id(field!("value")),
                    ) else {
                        continue;
                    };
                    let ke = self.element(k, key, "map literal");
                    let ve = self.element(v, value, "map literal");
                    if let (Some(ke), Some(ve)) = (ke, ve) {
                        out.push(CompositeElem {
                            key: ElemKey::MapKey(ke),
                            value: ve,
                        });
                    }
                }
                (CompositeKind::Map, out, lit_ty)
            }
            _ => {
                let t = self.type_string(lit_ty);
                self.error(node, format!("invalid composite literal type {t}"));
                return self.invalid(node);
            }
        };
        let kind = ExprKind::Composite {
            kind,
            elems: elems_ir,
        };
        let lit = self.operand(node, Mode::Value, final_ty, kind, span);
        if pointer {
            let pty = self.prog.types.pointer(final_ty);
            let e = self.implicit_expr(ExprKind::PtrLit(lit.expr), pty, span);
            return Operand {
                mode: Mode::Value,
                ty: pty,
                val: None,
                expr: e,
                node,
            };
        }
        lit
    }

    fn indexed_elems(
        &mut self,
        elems: &[Node<'_>],
        elem_ty: TypeId,
        len: Option<u64>,
        context: &str,
    ) -> (Vec<CompositeElem>, u64) {
        let mut out = Vec::new();
        let mut index: u64 = 0;
        let mut max: u64 = 0;
        for el in elems {
            let value_node = if el.kind_str() == "keyed_element" {
                let (Some(k), Some(v)) = (
                    el.child_by_field_id(field!("key")),
                    el.child_by_field_id(field!("value")),
                ) else {
                    continue;
                };
                let key_node = children(k).first().copied().unwrap_or(k);
                let kx = self.value(key_node);
                match kx.val.as_ref().and_then(|v| v.as_int()) {
                    Some(i) if i >= 0 => index = i as u64,
                    _ => {
                        if !kx.is_invalid() {
                            let d = self.describe(&kx);
                            self.error(key_node, format!("index {d} must be integer constant"));
                        }
                        continue;
                    }
                }
                v
            } else {
                *el
            };
            if let Some(len) = len {
                if index >= len {
                    self.error(value_node, format!("index {index} out of bounds [0:{len}]"));
                    index += 1;
                    continue;
                }
            }
            if let Some(e) = self.element(value_node, elem_ty, context) {
                out.push(CompositeElem {
                    key: ElemKey::Index(index),
                    value: e,
                });
            }
            index += 1;
            max = max.max(index);
        }
        (out, max)
    }

    /// One composite-literal element (a `literal_element` or expression)
    /// assigned to `ty`; nested `{...}` take `ty` as their type.
    fn element(&mut self, node: Node<'_>, ty: TypeId, context: &str) -> Option<ExprId> {
        let inner = if node.kind_str() == "literal_element" {
            children(node).first().copied().unwrap_or(node)
        } else {
            node
        };
        if inner.kind_str() == "literal_value" {
            let x = self.composite(inner, Some(ty));
            if x.is_invalid() {
                return None;
            }
            return Some(x.expr);
        }
        let x = self.expr(inner);
        self.assign_operand(x, ty, context)
    }

    fn func_literal<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let span = self.span(node);
        let Some(parent) = self.funcs.last().map(|c| c.func) else {
            return self.invalid(node);
        };
        // Closures are named after the outermost named function: f.func1,
        // and nested ones f.func1.1; package-level ones init.func1.
        let count = {
            let ctx = self.funcs.last_mut();
            match ctx {
                Some(c) => {
                    c.closure_count += 1;
                    c.closure_count
                }
                None => 1,
            }
        };
        let parent_name = self.prog.funcs[parent].name.clone();
        let name = if self.prog.funcs[parent].is_closure() {
            format!("{parent_name}.{count}")
        } else if Some(parent) == self.prog.package_init {
            format!("init.func{count}")
        } else {
            format!("{parent_name}.func{count}")
        };
        let func = self.prog.funcs.alloc(Func {
            name,
            kind: FuncKind::Closure { parent },
            sig: TypeTable::INVALID,
            receiver: None,
            params: vec![],
            results: vec![],
            body: None,
            captures: vec![],
            closures: vec![],
            locals: vec![],
            span,
            instance: None,
            noescape: false,
        });
        self.prog.funcs[parent].closures.push(func);
        self.fill_signature(func, node);
        let sig = self.prog.funcs[func].sig;
        if let Some(body) = node.child_by_field_id(field!("body")) {
            self.lower_func_body(func, body);
        } else {
            self.prog.funcs[func].body = Some(Block::default());
        }
        self.operand(node, Mode::Value, sig, ExprKind::FuncLit(func), span)
    }

    /// Lowers a function body (declaration or literal) with its own
    /// context: parameters in scope, then statements, then the checks Go
    /// does at the end of a body.
    pub(super) fn lower_func_body(&mut self, func: crate::ir::FuncId, body: Node<'_>) {
        let f = self.prog.funcs[func].clone();
        let results: Vec<TypeId> = f.results.iter().map(|v| self.prog.vars[*v].ty).collect();
        let named = f
            .results
            .iter()
            .any(|v| !self.prog.vars[*v].name.starts_with("~r"));
        self.scopes.push();
        let base = self.scopes.depth();
        self.funcs.push(FuncCtx::new(func, results, named, base));
        let saved_iota = self.iota.take();
        for v in f.receiver.iter().chain(&f.params).chain(&f.results) {
            let name = self.prog.vars[*v].name.clone();
            if name.starts_with("~r") {
                continue;
            }
            if name != "_" && self.scopes.declared_in_innermost(&name) {
                let span = self.prog.vars[*v].span;
                self.error_at(
                    span.start as usize,
                    span.end as usize,
                    format!("duplicate argument {name}"),
                );
            }
            self.scopes.declare(&name, Entity::Var(*v));
            self.mark_used(*v);
        }
        let block = self.lower_stmt_list(body);
        if !f.results.is_empty() && !self.is_terminating_list(&block.stmts) {
            let end = body.end_byte().saturating_sub(1);
            self.error_at(end, body.end_byte(), "missing return");
        }
        self.prog.funcs[func].body = Some(block);
        self.report_unused(func);
        self.iota = saved_iota;
        self.funcs.pop();
        self.scopes.pop();
    }

    /// A built-in function named by `node` (`len`, `unsafe.Sizeof`): only
    /// callable, so it has no type and no expression of its own.
    fn builtin_operand<'n>(
        &mut self,
        node: Node<'n>,
        b: crate::ir::Builtin,
        span: Span,
    ) -> Operand<'n> {
        self.operand(
            node,
            Mode::Builtin(b),
            TypeTable::INVALID,
            ExprKind::Nil,
            span,
        )
    }

    fn report_unused(&mut self, func: crate::ir::FuncId) {
        let mut unused: Vec<(u32, u32, String)> = self.prog.funcs[func]
            .locals
            .iter()
            .filter(|v| !self.is_used(**v) && self.prog.vars[**v].name != "_")
            .map(|v| {
                let var = &self.prog.vars[*v];
                (var.span.start, var.span.end, var.name.clone())
            })
            .collect();
        crate::sort::ascending(&mut unused);
        for (start, end, name) in unused {
            self.error_at(
                start as usize,
                end as usize,
                format!("declared and not used: {name}"),
            );
        }
        if let Some(ctx) = self.funcs.last() {
            let mut labels: Vec<_> = ctx
                .labels
                .values()
                .filter(|l| !ctx.used_labels.contains(l))
                .map(|l| self.prog.labels[*l].clone())
                .collect();
            crate::sort::by_key(&mut labels, |l| l.span.start);
            for l in labels {
                self.error_at(
                    l.span.start as usize,
                    l.span.end as usize,
                    format!("label {} defined and not used", l.name),
                );
            }
        }
    }
}

impl crate::ir::Expr {
    fn kind_is_field(&self) -> bool {
        matches!(self.kind, ExprKind::Field { .. })
    }

    fn kind_const(&self) -> Option<ConstValue> {
        match &self.kind {
            ExprKind::Const(v) => Some(v.clone()),
            _ => None,
        }
    }
}

pub(super) fn strip_parens(mut node: Node<'_>) -> Node<'_> {
    while node.kind_str() == "parenthesized_expression" {
        match children(node).first() {
            Some(inner) => node = *inner,
            None => break,
        }
    }
    node
}

fn binary_op(s: &str) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match s {
        "+" => Add,
        "-" => Sub,
        "*" => Mul,
        "/" => Div,
        "%" => Rem,
        "&" => And,
        "|" => Or,
        "^" => Xor,
        "&^" => AndNot,
        "<<" => Shl,
        ">>" => Shr,
        "&&" => LogAnd,
        "||" => LogOr,
        "==" => Eq,
        "!=" => Ne,
        "<" => Lt,
        "<=" => Le,
        ">" => Gt,
        ">=" => Ge,
        _ => return None,
    })
}

pub(super) fn op_assign_op(s: &str) -> Option<BinaryOp> {
    binary_op(s.strip_suffix('=')?)
}

fn parse_int(text: &str) -> Option<i128> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = if let Some(r) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else if let Some(r) = t.strip_prefix("0o").or_else(|| t.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if t.len() > 1 && t.starts_with('0') {
        (t[1..].to_string(), 8)
    } else {
        (t, 10)
    };
    i128::from_str_radix(&digits, radix).ok()
}

fn parse_float(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    if t.starts_with("0x") || t.starts_with("0X") {
        return parse_hex_float(&t[2..]);
    }
    t.parse::<f64>().ok()
}

fn parse_hex_float(t: &str) -> Option<f64> {
    let (mant, exp) = match t.find(['p', 'P']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()?),
        None => (t, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}

/// Decodes a Go string literal (interpreted or raw).
pub(super) fn unquote_string(text: &str) -> String {
    if let Some(raw) = text.strip_prefix('`') {
        return raw.strip_suffix('`').unwrap_or(raw).replace('\r', "");
    }
    let inner = text.strip_prefix('"').unwrap_or(text);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut bytes = Vec::new();
    decode_escapes(inner, &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

fn unquote_rune(text: &str) -> Option<i128> {
    let inner = text.strip_prefix('\'')?.strip_suffix('\'')?;
    if !inner.starts_with('\\') {
        let mut chars = inner.chars();
        let c = chars.next()?;
        return chars.next().is_none().then_some(c as i128);
    }
    let mut bytes = Vec::new();
    let code = decode_escapes(inner, &mut bytes);
    code.map(|c| c as i128)
}

/// Appends the UTF-8 of `s` with escapes decoded; returns the last escape's
/// code point (for rune literals).
fn decode_escapes(s: &str, out: &mut Vec<u8>) -> Option<u32> {
    let mut last = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            last = Some(c as u32);
            continue;
        }
        let Some(e) = chars.next() else { break };
        let hex = |n: usize, chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            let mut v = 0u32;
            for _ in 0..n {
                v = v * 16 + chars.next().and_then(|c| c.to_digit(16)).unwrap_or(0);
            }
            v
        };
        match e {
            'n' => {
                out.push(b'\n');
                last = Some(10);
            }
            't' => {
                out.push(b'\t');
                last = Some(9);
            }
            'r' => {
                out.push(b'\r');
                last = Some(13);
            }
            'a' => {
                out.push(7);
                last = Some(7);
            }
            'b' => {
                out.push(8);
                last = Some(8);
            }
            'f' => {
                out.push(12);
                last = Some(12);
            }
            'v' => {
                out.push(11);
                last = Some(11);
            }
            '\\' => {
                out.push(b'\\');
                last = Some(92);
            }
            '\'' => {
                out.push(b'\'');
                last = Some(39);
            }
            '"' => {
                out.push(b'"');
                last = Some(34);
            }
            'x' => {
                let v = hex(2, &mut chars);
                out.push(v as u8);
                last = Some(v);
            }
            'u' | 'U' => {
                let v = hex(if e == 'u' { 4 } else { 8 }, &mut chars);
                let c = char::from_u32(v).unwrap_or('\u{fffd}');
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                last = Some(v);
            }
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    v = v * 8 + chars.next().and_then(|c| c.to_digit(8)).unwrap_or(0);
                }
                out.push(v as u8);
                last = Some(v);
            }
            other => {
                let mut buf = [0; 4];
                out.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
                last = Some(other as u32);
            }
        }
    }
    last
}

#[allow(dead_code)]
fn _span_default() -> Span {
    Span::default()
}
