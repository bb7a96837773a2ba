//! The result of checking an expression: its mode, type, constant value
//! and IR node, described in messages the way types2 describes operands.

use super::exprstring::expr_string;
use super::Checker;
use crate::ir::{Builtin, ConstValue, Expr, ExprId, ExprKind, Span, Type, TypeId, TypeTable};
use crate::syntax::Node;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// An error was already reported.
    Invalid,
    /// A call of a function without results.
    NoValue,
    Builtin(Builtin),
    TypeExpr,
    Constant,
    Variable,
    MapIndex,
    Value,
    /// A comma-ok capable expression (map index, assertion, receive).
    CommaOk,
    Nil,
}

#[derive(Clone, Debug)]
pub(super) struct Operand<'n> {
    pub mode: Mode,
    pub ty: TypeId,
    pub val: Option<ConstValue>,
    pub expr: ExprId,
    pub node: Node<'n>,
}

impl<'n> Operand<'n> {
    pub fn is_invalid(&self) -> bool {
        self.mode == Mode::Invalid
    }
}

impl<'t> Checker<'t> {
    pub(super) fn new_expr(&mut self, kind: ExprKind, ty: TypeId, span: Span) -> ExprId {
        self.prog.exprs.alloc(Expr {
            kind,
            ty,
            span,
            implicit: false,
        })
    }

    pub(super) fn implicit_expr(&mut self, kind: ExprKind, ty: TypeId, span: Span) -> ExprId {
        self.prog.exprs.alloc(Expr {
            kind,
            ty,
            span,
            implicit: true,
        })
    }

    pub(super) fn invalid<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let span = self.span(node);
        let expr = self.new_expr(ExprKind::Nil, TypeTable::INVALID, span);
        Operand {
            mode: Mode::Invalid,
            ty: TypeTable::INVALID,
            val: None,
            expr,
            node,
        }
    }

    pub(super) fn operand<'n>(
        &mut self,
        node: Node<'n>,
        mode: Mode,
        ty: TypeId,
        kind: ExprKind,
        span: Span,
    ) -> Operand<'n> {
        let expr = self.new_expr(kind, ty, span);
        Operand {
            mode,
            ty,
            val: None,
            expr,
            node,
        }
    }

    pub(super) fn constant<'n>(
        &mut self,
        node: Node<'n>,
        ty: TypeId,
        val: ConstValue,
        span: Span,
    ) -> Operand<'n> {
        let expr = self.new_expr(ExprKind::Const(val.clone()), ty, span);
        Operand {
            mode: Mode::Constant,
            ty,
            val: Some(val),
            expr,
            node,
        }
    }

    /// The type as messages print it.
    pub(super) fn type_string(&self, ty: TypeId) -> String {
        self.prog.types.display(ty)
    }

    pub(super) fn node_string(&self, node: Node<'_>) -> String {
        expr_string(self.src, node)
    }

    /// types2's operand description: `x (variable of type int)`,
    /// `3 (untyped int constant)`, `K (untyped int constant 3)`,
    /// `t (variable of struct type T)`.
    pub(super) fn describe(&self, x: &Operand<'_>) -> String {
        let expr = self.node_string(x.node);
        if x.mode == Mode::Nil {
            return if self.prog.types.identical(x.ty, TypeTable::UNTYPED_NIL) {
                "nil".into()
            } else {
                format!("nil (of type {})", self.type_string(x.ty))
            };
        }
        let mut out = format!("{expr} (");
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr => {}
            _ => {
                if self.prog.types.is_untyped(x.ty) {
                    out.push_str(&self.type_string(x.ty));
                    out.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        out.push_str(match x.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::TypeExpr => "type",
            Mode::Constant => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
            Mode::CommaOk => "comma, ok expression",
            Mode::Nil => "nil",
        });
        if x.mode == Mode::Constant {
            if let Some(val) = &x.val {
                let s = const_string(val);
                if s != expr {
                    out.push(' ');
                    out.push_str(&s);
                }
            }
        }
        if has_type {
            out.push_str(" of ");
            let t = &self.prog.types;
            if matches!(t.get(x.ty), Type::Named(_) | Type::Alias { .. }) {
                let kind = match t.under(x.ty) {
                    Type::Array { .. } => "array".to_string(),
                    Type::Slice(_) => "slice".into(),
                    Type::Struct(_) => "struct".into(),
                    Type::Pointer(_) => "pointer".into(),
                    Type::Func(_) => "func".into(),
                    Type::Interface(_) => "interface".into(),
                    Type::Map { .. } => "map".into(),
                    Type::Chan { .. } => "chan".into(),
                    Type::Tuple(_) => "tuple".into(),
                    Type::Basic(k) => k.name().to_string(),
                    _ => String::new(),
                };
                if !kind.is_empty() {
                    out.push_str(&kind);
                    out.push(' ');
                }
            }
            out.push_str("type ");
            out.push_str(&self.type_string(x.ty));
        }
        out.push(')');
        out
    }
}

/// go/constant's `String`: strings quoted and cut to 72 characters.
pub(super) fn const_string(val: &ConstValue) -> String {
    match val {
        ConstValue::String(s) => crate::quote::quote_constant(s),
        ConstValue::Float(f) => crate::ir::format_float(*f),
        other => other.to_string(),
    }
}
