//! Assignability: untyped constants given their final type, implicit
//! interface conversions made explicit, and types2's "cannot use" errors.

use super::fold::{represent, Unrepresentable};
use super::operand::{Mode, Operand};
use super::Checker;
use crate::ir::{BasicKind, ChanDir, ConstValue, ExprId, ExprKind, Type, TypeId, TypeTable};

/// How untyped numeric kinds order when they meet (int < rune < float <
/// complex); 0 for anything else.
pub(super) fn untyped_rank(t: TypeId) -> u8 {
    match t {
        TypeTable::UNTYPED_INT => 1,
        TypeTable::UNTYPED_RUNE => 2,
        TypeTable::UNTYPED_FLOAT => 3,
        TypeTable::UNTYPED_COMPLEX => 4,
        _ => 0,
    }
}

impl<'t> Checker<'t> {
    /// The type an untyped value gets when nothing else decides.
    pub(super) fn default_type(&self, ty: TypeId) -> TypeId {
        match self.prog.types.get(ty) {
            Type::Basic(BasicKind::UntypedBool) => TypeTable::BOOL,
            Type::Basic(BasicKind::UntypedInt) => TypeTable::INT,
            Type::Basic(BasicKind::UntypedRune) => TypeTable::RUNE,
            Type::Basic(BasicKind::UntypedFloat) => TypeTable::FLOAT64,
            Type::Basic(BasicKind::UntypedComplex) => TypeTable::COMPLEX128,
            Type::Basic(BasicKind::UntypedString) => TypeTable::STRING,
            _ => ty,
        }
    }

    /// Reports the errors that make an operand unusable as a single value.
    pub(super) fn require_value(&mut self, x: &Operand<'_>) -> bool {
        match x.mode {
            Mode::Invalid => false,
            Mode::NoValue => {
                let s = self.node_string(x.node);
                self.error(x.node, format!("{s} (no value) used as value"));
                false
            }
            Mode::TypeExpr => {
                let s = self.node_string(x.node);
                self.error(x.node, format!("{s} (type) is not an expression"));
                false
            }
            Mode::Builtin(_) => {
                let s = self.node_string(x.node);
                self.error(x.node, format!("{s} (built-in) must be called"));
                false
            }
            _ => {
                if let Type::Tuple(items) = self.prog.types.get(x.ty) {
                    let _ = items;
                    let d = self.describe(x);
                    self.error(
                        x.node,
                        format!("multiple-value {d} in single-value context"),
                    );
                    return false;
                }
                true
            }
        }
    }

    /// Gives an untyped operand its default type (for `x := 1`, interface
    /// contexts). Returns the IR expression.
    pub(super) fn defaulted(&mut self, x: &Operand<'_>) -> ExprId {
        if self.prog.types.is_untyped(x.ty) && x.mode != Mode::Nil {
            let t = self.default_type(x.ty);
            self.retype(x, t);
        }
        x.expr
    }

    /// Sets the final type of an untyped operand's IR node.
    fn retype(&mut self, x: &Operand<'_>, ty: TypeId) {
        let kind = self.prog.types.basic_kind(ty);
        if let Some(e) = self.prog.exprs.get_mut(x.expr) {
            e.ty = ty;
            if let (ExprKind::Const(v), Some(k)) = (&e.kind, kind) {
                if let Ok(nv) = represent(v, k) {
                    e.kind = ExprKind::Const(nv);
                }
            }
        }
    }

    /// Checks that `x` may be assigned to a `target` and returns the IR
    /// expression to store (with an explicit `ConvIface` when needed).
    /// `context` completes "cannot use ... in {context}".
    pub(super) fn assign_operand(
        &mut self,
        x: Operand<'_>,
        target: TypeId,
        context: &str,
    ) -> Option<ExprId> {
        if !self.require_value(&x) {
            return None;
        }
        if target == TypeTable::INVALID || x.ty == TypeTable::INVALID {
            return None;
        }
        let types = &self.prog.types;
        let target_is_iface = types.is_interface(target);
        // nil
        if x.mode == Mode::Nil {
            let ok = matches!(
                types.under(target),
                Type::Pointer(_)
                    | Type::Slice(_)
                    | Type::Map { .. }
                    | Type::Chan { .. }
                    | Type::Func(_)
                    | Type::Interface(_)
            ) || types.basic_kind(target) == Some(BasicKind::UnsafePointer);
            if !ok {
                let t = self.type_string(target);
                self.error(x.node, format!("cannot use nil as {t} value in {context}"));
                return None;
            }
            self.prog.exprs[x.expr].ty = target;
            return Some(x.expr);
        }
        // untyped values
        if types.is_untyped(x.ty) {
            if target_is_iface {
                let e = self.defaulted(&x);
                let from = self.prog.exprs[e].ty;
                if let Err(why) = self.implements(from, target) {
                    // types2 reports the constant after giving it its
                    // default type: `3 (constant of type int)`.
                    let typed = Operand {
                        ty: from,
                        ..x.clone()
                    };
                    let (t, i) = (self.type_string(from), self.type_string(target));
                    self.cannot_use(
                        &typed,
                        target,
                        context,
                        &format!(": {t} does not implement {i} {why}"),
                    );
                    return None;
                }
                return Some(self.conv_iface(e, target));
            }
            let Some(kind) = types.basic_kind(target) else {
                self.cannot_use(&x, target, context, "");
                return None;
            };
            let src_kind = types.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
            let compatible = match src_kind {
                BasicKind::UntypedBool => kind.is_boolean(),
                BasicKind::UntypedString => kind.is_string(),
                BasicKind::UntypedInt
                | BasicKind::UntypedRune
                | BasicKind::UntypedFloat
                | BasicKind::UntypedComplex => kind.is_numeric(),
                _ => false,
            };
            if !compatible {
                self.cannot_use(&x, target, context, "");
                return None;
            }
            if let Some(val) = &x.val {
                match represent(val, kind) {
                    Ok(v) => {
                        let e = &mut self.prog.exprs[x.expr];
                        e.ty = target;
                        e.kind = ExprKind::Const(v);
                    }
                    Err(Unrepresentable::Overflows) => {
                        self.cannot_use(&x, target, context, " (overflows)");
                        return None;
                    }
                    Err(Unrepresentable::Truncated) => {
                        self.cannot_use(&x, target, context, " (truncated)");
                        return None;
                    }
                    Err(Unrepresentable::Mismatch) => {
                        self.cannot_use(&x, target, context, "");
                        return None;
                    }
                }
            } else {
                self.prog.exprs[x.expr].ty = target;
            }
            return Some(x.expr);
        }
        if types.identical(x.ty, target) {
            return Some(x.expr);
        }
        if target_is_iface {
            if let Err(why) = self.implements(x.ty, target) {
                let why = if why.is_empty() {
                    String::new()
                } else {
                    let (t, i) = (self.type_string(x.ty), self.type_string(target));
                    format!(": {t} does not implement {i} {why}")
                };
                self.cannot_use(&x, target, context, &why);
                return None;
            }
            if self.prog.types.is_interface(x.ty) {
                return Some(x.expr);
            }
            return Some(self.conv_iface(x.expr, target));
        }
        if self.assignable_structurally(x.ty, target) {
            // `chan T` given where `chan<- T`/`<-chan T` is wanted: gc
            // has an implicit conversion node there; so do we.
            let types = &self.prog.types;
            if let (Type::Chan { dir: from, .. }, Type::Chan { dir: to, .. }) =
                (types.under(x.ty), types.under(target))
            {
                if from != to {
                    let span = self.prog.exprs[x.expr].span;
                    let kind = ExprKind::Conv {
                        kind: crate::ir::ConvKind::Value,
                        operand: x.expr,
                    };
                    return Some(self.implicit_expr(kind, target, span));
                }
            }
            return Some(x.expr);
        }
        self.cannot_use(&x, target, context, "");
        None
    }

    /// Identical underlying types with one side unnamed, or a
    /// bidirectional channel assigned to a directional one.
    pub(super) fn assignable_structurally(&self, from: TypeId, to: TypeId) -> bool {
        let types = &self.prog.types;
        let named =
            |t: TypeId| matches!(types.get(types.unalias(t)), Type::Named(_) | Type::Basic(_));
        if types.identical(types.underlying(from), types.underlying(to))
            && (!named(from) || !named(to))
        {
            return true;
        }
        if let (
            Type::Chan {
                dir: ChanDir::Both,
                elem: e1,
            },
            Type::Chan { elem: e2, .. },
        ) = (types.under(from), types.under(to))
        {
            return types.identical(*e1, *e2) && !named(to);
        }
        false
    }

    fn cannot_use(&mut self, x: &Operand<'_>, target: TypeId, context: &str, why: &str) {
        let d = self.describe(x);
        let t = self.type_string(target);
        self.error(
            x.node,
            format!("cannot use {d} as {t} value in {context}{why}"),
        );
    }

    /// Wraps `e` in an explicit conversion to interface type `target`.
    pub(super) fn conv_iface(&mut self, e: ExprId, target: TypeId) -> ExprId {
        let span = self.prog.exprs[e].span;
        self.implicit_expr(ExprKind::ConvIface(e), target, span)
    }

    /// The operand converted to `target` for a binary operation or
    /// comparison: untyped constants take the other side's type.
    pub(super) fn convert_untyped_to(&mut self, x: &Operand<'_>, target: TypeId) -> bool {
        if !self.prog.types.is_untyped(x.ty) {
            return true;
        }
        if x.mode == Mode::Nil {
            self.prog.exprs[x.expr].ty = target;
            return true;
        }
        if self.prog.types.is_interface(target) {
            let e = self.defaulted(x);
            let t = self.prog.exprs[e].ty;
            let _ = t;
            return true;
        }
        let Some(kind) = self.prog.types.basic_kind(target) else {
            return false;
        };
        let src = self
            .prog
            .types
            .basic_kind(x.ty)
            .unwrap_or(BasicKind::Invalid);
        let ok = match src {
            BasicKind::UntypedBool => kind.is_boolean(),
            BasicKind::UntypedString => kind.is_string(),
            BasicKind::UntypedInt
            | BasicKind::UntypedRune
            | BasicKind::UntypedFloat
            | BasicKind::UntypedComplex => kind.is_numeric(),
            _ => false,
        };
        if !ok {
            return false;
        }
        if let Some(v) = &x.val {
            match represent(v, kind) {
                Ok(nv) => {
                    let e = &mut self.prog.exprs[x.expr];
                    e.ty = target;
                    e.kind = ExprKind::Const(nv);
                }
                Err(_) => return false,
            }
        } else {
            self.prog.exprs[x.expr].ty = target;
        }
        true
    }

    #[allow(dead_code)]
    fn is_const_zero(&self, v: &ConstValue) -> bool {
        matches!(v, ConstValue::Int(0))
    }
}
