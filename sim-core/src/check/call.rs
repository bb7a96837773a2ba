//! Calls: functions, methods, interface methods, function values,
//! builtins and conversions. Variadic extras are gathered into an explicit
//! `VarArgsSlice`.

use super::exprs::strip_parens;
use super::lookup::Member;
use super::operand::{Mode, Operand};
use super::{children, Checker};
use crate::ir::{
    BasicKind, Builtin, Call, Callee, ConstValue, ConvKind, ExprId, ExprKind, MakeKind, Signature,
    Span, Type, TypeId, TypeTable,
};
use crate::syntax::Node;

impl<'t> Checker<'t> {
    pub(super) fn call<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let (Some(fun), Some(args_node)) = (
            node.child_by_field_id(field!("function")),
            node.child_by_field_id(field!("arguments")),
        ) else {
            return self.invalid(node);
        };
        let span = self.span_at(node, args_node.start_byte());
        let args = children(args_node);
        let spread = {
            let has = args_node.children().any(|c| c.kind_str() == "...");
            has || args
                .last()
                .is_some_and(|a| a.kind_str() == "variadic_argument")
        };
        let args: Vec<Node<'n>> = args
            .into_iter()
            .map(|a| {
                if a.kind_str() == "variadic_argument" {
                    children(a).first().copied().unwrap_or(a)
                } else {
                    a
                }
            })
            .collect();
        let fun_inner = strip_parens(fun);
        if let Some((g, mut targ_nodes)) = self.generic_base(fun_inner) {
            if let Some(list) = node.child_by_field_id(field!("type_arguments")) {
                targ_nodes.extend(children(list));
            }
            return self.generic_call(node, fun, g, &targ_nodes, &args, spread, span);
        }
        // Method call: resolve the selector ourselves so the receiver is
        // an argument, not a method value.
        if fun_inner.kind_str() == "selector_expression" {
            if let Some(result) = self.method_call(node, fun_inner, &args, spread, span) {
                return result;
            }
        }
        let f = self.expr_or_type(fun);
        if f.is_invalid() {
            for a in &args {
                self.expr_or_type(*a);
            }
            return self.invalid(node);
        }
        match f.mode {
            Mode::TypeExpr => return self.conversion(node, f.ty, &args, span),
            Mode::Builtin(b) => return self.builtin(node, b, &args, spread, span),
            _ => {}
        }
        if !self.require_value(&f) {
            return self.invalid(node);
        }
        let Some(sig) = self.prog.types.signature(f.ty).cloned() else {
            let d = self.describe(&f);
            let t = self.type_string(f.ty);
            self.error(
                node,
                format!("invalid operation: cannot call {d}: {t} is not a function"),
            );
            return self.invalid(node);
        };
        let callee = match &self.prog.exprs[f.expr].kind {
            ExprKind::Func(id) => Callee::Func(*id),
            _ => Callee::Value(f.expr),
        };
        self.finish_call(node, fun, callee, &sig, &args, spread, span)
    }

    /// A call of a generic function: its type arguments are the explicit
    /// ones plus those inferred from the arguments.
    #[allow(clippy::too_many_arguments)]
    fn generic_call<'n>(
        &mut self,
        node: Node<'n>,
        fun: Node<'_>,
        g: usize,
        targ_nodes: &[Node<'_>],
        args: &[Node<'_>],
        spread: bool,
        span: Span,
    ) -> Operand<'n> {
        if self.generics[g].is_type {
            // A conversion to an instantiated type: `Celsius[float64](x)`.
            let Some(targs) = self.type_args(targ_nodes) else {
                return self.invalid(node);
            };
            let t = self.instantiate_type(g, targs, fun);
            if t == TypeTable::INVALID {
                return self.invalid(node);
            }
            return self.conversion(node, t, args, span);
        }
        let Some(explicit) = self.type_args(targ_nodes) else {
            return self.invalid(node);
        };
        let ops: Vec<Operand<'_>> = args.iter().map(|a| self.expr(*a)).collect();
        if ops.iter().any(|o| o.is_invalid()) {
            return self.invalid(node);
        }
        let want = self.generics[g].tparams.len();
        if explicit.len() > want {
            let name = self.generics[g].name.clone();
            self.error(
                targ_nodes.get(want).copied().unwrap_or(fun),
                format!(
                    "got {} type arguments but {name} has {want} type parameters",
                    explicit.len()
                ),
            );
            return self.invalid(node);
        }
        let paren = node
            .child_by_field_id(field!("arguments"))
            .map_or(node.start_byte(), |a| a.start_byte());
        let targs = if explicit.len() >= want {
            explicit
        } else {
            match self.infer(g, explicit, &ops, paren) {
                Some(t) => t,
                None => return self.invalid(node),
            }
        };
        // A constraint failure is reported at an explicit type argument,
        // or at the call's `(` for an inferred one.
        let args_node = node.child_by_field_id(field!("arguments")).unwrap_or(fun);
        let at: Vec<Node<'_>> = (0..targs.len())
            .map(|i| targ_nodes.get(i).copied().unwrap_or(args_node))
            .collect();
        let Some(f) = self.instantiate_func(g, targs, &at) else {
            return self.invalid(node);
        };
        let Some(sig) = self.prog.types.signature(self.prog.funcs[f].sig).cloned() else {
            return self.invalid(node);
        };
        let fun_str = self.node_string(fun);
        let context = format!("argument to {fun_str}");
        self.finish_args(
            node,
            Callee::Func(f),
            &sig,
            args,
            ops,
            spread,
            span,
            &context,
        )
    }

    /// `x.m(args)` where `m` is a method: returns `None` when the selector
    /// is not a method (a package function, a field of func type, ...).
    fn method_call<'n>(
        &mut self,
        node: Node<'n>,
        sel: Node<'n>,
        args: &[Node<'n>],
        spread: bool,
        span: Span,
    ) -> Option<Operand<'n>> {
        let base = sel.child_by_field_id(field!("operand"))?;
        let field = sel.child_by_field_id(field!("field"))?;
        if base.kind_str() == "identifier" {
            match self.scopes.lookup_block(self.text(base)) {
                Some(_) => {}
                None => {
                    let name = self.text(base);
                    if let Some(super::scope::Entity::Package(_)) = self.scopes.package.get(name) {
                        return None;
                    }
                    if matches!(self.lookup(name), Some(super::scope::Entity::Type(_))) {
                        return None;
                    }
                }
            }
        }
        // Evaluate the receiver once; a non-method selection falls back to
        // the generic path with the already-lowered operand.
        let x = self.expr_or_type(base);
        if x.is_invalid() {
            for a in args {
                self.expr_or_type(*a);
            }
            return Some(self.invalid(node));
        }
        if x.mode == Mode::TypeExpr {
            // Method expression called: T.M(recv, args)
            let f = self.expr_or_type_selector_on_type(sel, x.ty);
            if f.is_invalid() {
                return Some(self.invalid(node));
            }
            let sig = self.prog.types.signature(f.ty).cloned()?;
            let callee = Callee::Value(f.expr);
            return Some(self.finish_call(node, sel, callee, &sig, args, spread, span));
        }
        if !self.require_value(&x) {
            return Some(self.invalid(node));
        }
        let name = self.text(field);
        let member = self.lookup_member(x.ty, name);
        let (callee, sig) = match member {
            Some(Member::Method {
                path,
                func,
                pointer_receiver,
                ..
            }) => {
                let Some(recv) = self.method_receiver(&x, path, pointer_receiver, sel, name) else {
                    for a in args {
                        self.expr_or_type(*a);
                    }
                    return Some(self.invalid(node));
                };
                let sig = self
                    .prog
                    .types
                    .signature(self.prog.funcs[func].sig)
                    .cloned()?;
                (Callee::Method { func, recv }, sig)
            }
            Some(Member::IfaceMethod { path, name, sig }) => {
                let recv_span = self.span_at_token(sel, ".");
                let recv = self.walk_path(x.expr, path, recv_span);
                let sig = self.prog.types.signature(sig).cloned()?;
                (Callee::Interface { recv, method: name }, sig)
            }
            Some(Member::Field { path }) => {
                let dot = self.span_at_token(sel, ".");
                let mut e = x.expr;
                let mut ty = x.ty;
                for step in path {
                    e = self.new_expr(
                        ExprKind::Field {
                            base: e,
                            index: step.index,
                            name: step.name,
                            through_pointer: step.through_pointer,
                        },
                        step.ty,
                        dot,
                    );
                    ty = step.ty;
                }
                let Some(sig) = self.prog.types.signature(ty).cloned() else {
                    let s = self.node_string(sel);
                    let t = self.type_string(ty);
                    self.error(node, format!("invalid operation: cannot call {s} (variable of type {t}): {t} is not a function"));
                    return Some(self.invalid(node));
                };
                (Callee::Value(e), sig)
            }
            None => {
                let s = self.node_string(sel);
                let t = self.type_string(x.ty);
                self.error(
                    field,
                    format!("{s} undefined (type {t} has no field or method {name})"),
                );
                for a in args {
                    self.expr_or_type(*a);
                }
                return Some(self.invalid(node));
            }
        };
        Some(self.finish_call(node, sel, callee, &sig, args, spread, span))
    }

    fn expr_or_type_selector_on_type<'n>(&mut self, sel: Node<'n>, _ty: TypeId) -> Operand<'n> {
        self.expr(sel)
    }

    /// Checks arguments against `sig` and builds the call.
    #[allow(clippy::too_many_arguments)]
    fn finish_call<'n>(
        &mut self,
        node: Node<'n>,
        fun: Node<'_>,
        callee: Callee,
        sig: &Signature,
        args: &[Node<'_>],
        spread: bool,
        span: Span,
    ) -> Operand<'n> {
        let fun_str = self.node_string(fun);
        let context = format!("argument to {fun_str}");
        let mut lowered: Vec<ExprId> = Vec::new();
        let nparams = sig.params.len();
        // f(g()) with a multi-value g.
        if args.len() == 1 && nparams > 1 || (args.len() == 1 && sig.variadic) {
            let x = self.expr(args[0]);
            if let Type::Tuple(items) = self.prog.types.get(x.ty).clone() {
                let ok = if sig.variadic {
                    items.len() >= nparams - 1
                } else {
                    items.len() == nparams
                };
                if !ok || spread {
                    self.arg_count_error(node, args, &[x.ty], sig, spread);
                    return self.invalid(node);
                }
                lowered.push(x.expr);
                return self.call_result(node, callee, lowered, spread, sig, span);
            }
            return self.finish_args(node, callee, sig, args, vec![x], spread, span, &context);
        }
        self.finish_args(node, callee, sig, args, Vec::new(), spread, span, &context)
    }

    #[allow(clippy::too_many_arguments)]
    fn finish_args<'n>(
        &mut self,
        node: Node<'n>,
        callee: Callee,
        sig: &Signature,
        args: &[Node<'_>],
        lowered: Vec<Operand<'_>>,
        spread: bool,
        span: Span,
        context: &str,
    ) -> Operand<'n> {
        let mut ops: Vec<Operand<'_>> = Vec::new();
        let mut lowered = lowered.into_iter();
        for a in args {
            let x = match lowered.next() {
                Some(x) => x,
                None => self.expr(*a),
            };
            ops.push(x);
        }
        if ops.iter().any(|o| o.is_invalid()) {
            return self.invalid(node);
        }
        let nparams = sig.params.len();
        if spread && !sig.variadic {
            let s = self.node_string(node);
            let _ = s;
            let last = *args.last().unwrap_or(&node);
            let f = node
                .child_by_field_id(field!("function"))
                .map(|f| self.node_string(f))
                .unwrap_or_default();
            self.error(
                last,
                format!("have (...) used with non-variadic function {f}"),
            );
            let _ = f;
            return self.invalid(node);
        }
        let count_ok = if sig.variadic && !spread {
            ops.len() + 1 >= nparams
        } else {
            ops.len() == nparams
        };
        if !count_ok {
            let tys: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            self.arg_count_error(node, args, &tys, sig, spread);
            // The call still has its result type (types2 keeps it).
            return self.call_result(node, callee, vec![], spread, sig, span);
        }
        let mut lowered = Vec::new();
        let fixed = if sig.variadic { nparams - 1 } else { nparams };
        let mut ok = true;
        let mut extras = Vec::new();
        for (i, x) in ops.into_iter().enumerate() {
            if i < fixed || (sig.variadic && spread) {
                let target = sig.params[i.min(nparams - 1)];
                match self.assign_operand(x, target, context) {
                    Some(e) => lowered.push(e),
                    None => ok = false,
                }
            } else {
                let elem = match self.prog.types.get(sig.params[nparams - 1]) {
                    Type::Slice(e) => *e,
                    _ => TypeTable::INVALID,
                };
                match self.assign_operand(x, elem, context) {
                    Some(e) => extras.push(e),
                    None => ok = false,
                }
            }
        }
        if !ok {
            // Argument errors are reported; the call keeps its result type.
            return self.call_result(node, callee, lowered, spread, sig, span);
        }
        if sig.variadic && !spread {
            let slice_ty = sig.params[nparams - 1];
            let e = self.implicit_expr(ExprKind::VarArgsSlice(extras), slice_ty, span);
            lowered.push(e);
        }
        self.call_result(node, callee, lowered, spread, sig, span)
    }

    fn call_result<'n>(
        &mut self,
        node: Node<'n>,
        callee: Callee,
        args: Vec<ExprId>,
        spread: bool,
        sig: &Signature,
        span: Span,
    ) -> Operand<'n> {
        let (mode, ty) = match sig.results.as_slice() {
            [] => (Mode::NoValue, self.prog.types.tuple(vec![])),
            [one] => (Mode::Value, *one),
            many => (Mode::Value, self.prog.types.tuple(many.to_vec())),
        };
        let kind = ExprKind::Call(Call {
            callee,
            args,
            spread,
        });
        self.operand(node, mode, ty, kind, span)
    }

    fn arg_count_error(
        &mut self,
        node: Node<'_>,
        args: &[Node<'_>],
        have: &[TypeId],
        sig: &Signature,
        spread: bool,
    ) {
        let nparams = sig.params.len();
        let too_many = have.len() > nparams;
        let fun = node
            .child_by_field_id(field!("function"))
            .map(|f| self.node_string(f))
            .unwrap_or_default();
        let (start, end) = if too_many {
            let a = args.get(nparams).copied().unwrap_or(node);
            (a.start_byte(), a.end_byte())
        } else if let Some(last) = args.last() {
            (last.start_byte(), last.end_byte())
        } else {
            // No arguments: at the call itself.
            (node.start_byte(), node.end_byte())
        };
        let have_s = self.types_summary(have, false, spread);
        let want_s = self.types_summary(&sig.params, sig.variadic, false);
        let q = if too_many { "too many" } else { "not enough" };
        self.error_at(
            start,
            end,
            format!("{q} arguments in call to {fun}\n\thave {have_s}\n\twant {want_s}"),
        );
    }

    /// types2's typesSummary: `(number, string)`; untyped numeric
    /// constants show as `number`.
    pub(super) fn types_summary(&self, tys: &[TypeId], variadic: bool, spread: bool) -> String {
        let mut parts = Vec::new();
        for (i, t) in tys.iter().enumerate() {
            let s = match self.prog.types.get(*t) {
                Type::Basic(
                    BasicKind::UntypedInt
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedComplex,
                ) => "number".to_string(),
                Type::Basic(BasicKind::UntypedNil) => "nil".to_string(),
                Type::Basic(k) if k.is_untyped() => self.type_string(self.default_type(*t)),
                _ => {
                    if variadic && i + 1 == tys.len() {
                        match self.prog.types.get(*t) {
                            Type::Slice(e) => format!("...{}", self.type_string(*e)),
                            _ => self.type_string(*t),
                        }
                    } else {
                        self.type_string(*t)
                    }
                }
            };
            parts.push(s);
        }
        let mut s = format!("({}", parts.join(", "));
        if spread {
            s.push_str("...");
        }
        s.push(')');
        s
    }

    /// `T(x)`.
    pub(super) fn conversion_expr<'n>(&mut self, node: Node<'n>) -> Operand<'n> {
        let (Some(tn), Some(x)) = (
            node.child_by_field_id(field!("type")),
            node.child_by_field_id(field!("operand")),
        ) else {
            return self.invalid(node);
        };
        // `F[int](x)` parses as a conversion to a generic type; it may be a
        // call of a generic function.
        if let Some((g, targs)) = self.generic_base(tn) {
            if !self.generics[g].is_type {
                let span = self.span_at_token(node, "(");
                return self.generic_call(node, tn, g, &targs, &[x], false, span);
            }
        }
        let t = self.resolve_type(tn);
        if t == TypeTable::INVALID {
            self.expr(x);
            return self.invalid(node);
        }
        let span = self.span_at_token(node, "(");
        self.conversion(node, t, &[x], span)
    }

    fn conversion<'n>(
        &mut self,
        node: Node<'n>,
        t: TypeId,
        args: &[Node<'_>],
        span: Span,
    ) -> Operand<'n> {
        if args.len() != 1 {
            let ts = self.type_string(t);
            if args.is_empty() {
                let end = node.end_byte();
                self.error_at(
                    end.saturating_sub(1),
                    end,
                    format!("missing argument in conversion to {ts}"),
                );
            } else {
                self.error(args[1], format!("too many arguments in conversion to {ts}"));
            }
            return self.invalid(node);
        }
        let x = self.value(args[0]);
        if x.is_invalid() {
            return self.invalid(node);
        }
        let types = &self.prog.types;
        let tk = types.basic_kind(t);
        // Constant conversions stay constant.
        if let Some(v) = x.val.clone() {
            if let Some(k) = tk {
                if k.is_string() && !matches!(v, ConstValue::String(_)) {
                    if let Some(c) = v
                        .as_int()
                        .filter(|_| types.basic_kind(x.ty).is_some_and(|k| k.is_integer()))
                    {
                        let s = char::from_u32(c as u32).unwrap_or('\u{fffd}').to_string();
                        return self.constant(node, t, ConstValue::String(s), span);
                    }
                }
                if k.is_numeric() && matches!(v, ConstValue::Int(_) | ConstValue::Float(_)) {
                    let converted = if k.is_integer() && !self.prog.types.is_untyped(x.ty) {
                        v.as_float().map(|f| ConstValue::Int(f.trunc() as i128))
                    } else {
                        Some(v.clone())
                    };
                    match converted.map(|c| super::fold::represent(&c, k)) {
                        Some(Ok(c)) => return self.constant(node, t, c, span),
                        Some(Err(super::fold::Unrepresentable::Truncated)) => {
                            let d = self.describe(&x);
                            let ts = self.type_string(t);
                            self.error(
                                x.node,
                                format!("cannot convert {d} to type {ts} (truncated)"),
                            );
                            return self.invalid(node);
                        }
                        _ => {
                            let d = self.describe(&x);
                            let ts = self.type_string(t);
                            self.error(
                                x.node,
                                format!("cannot convert {d} to type {ts} (overflows)"),
                            );
                            return self.invalid(node);
                        }
                    }
                }
                if (k.is_string() && matches!(v, ConstValue::String(_)))
                    || (k.is_boolean() && matches!(v, ConstValue::Bool(_)))
                {
                    return self.constant(node, t, v, span);
                }
            }
        }
        let from = if self.prog.types.is_untyped(x.ty) && x.mode != Mode::Nil {
            let e = self.defaulted(&x);
            self.prog.exprs[e].ty
        } else {
            x.ty
        };
        if x.mode == Mode::Nil {
            let ok = matches!(
                self.prog.types.under(t),
                Type::Pointer(_)
                    | Type::Slice(_)
                    | Type::Map { .. }
                    | Type::Chan { .. }
                    | Type::Func(_)
                    | Type::Interface(_)
            );
            if !ok {
                let ts = self.type_string(t);
                self.error(x.node, format!("cannot convert nil to type {ts}"));
                return self.invalid(node);
            }
            self.prog.exprs[x.expr].ty = t;
            // gc keeps the explicit conversion: `([]int)(nil)`.
            let conv = ExprKind::Conv {
                kind: ConvKind::Value,
                operand: x.expr,
            };
            return self.operand(node, Mode::Value, t, conv, span);
        }
        let kind = match self.conversion_kind(from, t) {
            Some(k) => k,
            None => {
                let d = self.describe(&x);
                let ts = self.type_string(t);
                let why = if self.prog.types.is_interface(t) {
                    match self.implements(from, t) {
                        Err(w) if !w.is_empty() => {
                            format!(": {} does not implement {ts} {w}", self.type_string(from))
                        }
                        _ => String::new(),
                    }
                } else {
                    String::new()
                };
                self.error(x.node, format!("cannot convert {d} to type {ts}{why}"));
                return self.invalid(node);
            }
        };
        let e = match kind {
            None => ExprKind::ConvIface(x.expr),
            Some(k) => ExprKind::Conv {
                kind: k,
                operand: x.expr,
            },
        };
        self.operand(node, Mode::Value, t, e, span)
    }

    /// How a value of type `from` converts to `to`: `Some(None)` means an
    /// interface conversion, `None` that it cannot.
    fn conversion_kind(&self, from: TypeId, to: TypeId) -> Option<Option<ConvKind>> {
        let types = &self.prog.types;
        if types.is_interface(to) {
            if types.is_interface(from) {
                return Some(Some(ConvKind::IfaceToIface));
            }
            return self.implements(from, to).ok().map(|_| None);
        }
        let (fu, tu) = (types.under(from).clone(), types.under(to).clone());
        if types.identical(types.underlying(from), types.underlying(to)) {
            return Some(Some(ConvKind::Value));
        }
        // unsafe.Pointer converts to and from any pointer and uintptr.
        let is_unsafe = |t: &Type| matches!(t, Type::Basic(BasicKind::UnsafePointer));
        let pointer_or_uintptr =
            |t: &Type| matches!(t, Type::Pointer(_) | Type::Basic(BasicKind::Uintptr));
        if (is_unsafe(&fu) && pointer_or_uintptr(&tu))
            || (is_unsafe(&tu) && pointer_or_uintptr(&fu))
        {
            return Some(Some(ConvKind::Unsafe));
        }
        match (&fu, &tu) {
            (Type::Pointer(a), Type::Pointer(b))
                if types.identical(types.underlying(*a), types.underlying(*b)) =>
            {
                Some(Some(ConvKind::Value))
            }
            (Type::Basic(a), Type::Basic(b)) if a.is_numeric() && b.is_numeric() => {
                Some(Some(ConvKind::Value))
            }
            (Type::Basic(a), Type::Basic(b)) if a.is_integer() && b.is_string() => {
                Some(Some(ConvKind::IntToString))
            }
            (Type::Basic(a), Type::Slice(e)) if a.is_string() => {
                match types.basic_kind(*e).map(|k| k.canonical()) {
                    Some(BasicKind::Uint8) => Some(Some(ConvKind::StringToBytes)),
                    Some(BasicKind::Int32) => Some(Some(ConvKind::StringToRunes)),
                    _ => None,
                }
            }
            (Type::Slice(e), Type::Basic(b)) if b.is_string() => {
                match types.basic_kind(*e).map(|k| k.canonical()) {
                    Some(BasicKind::Uint8) => Some(Some(ConvKind::BytesToString)),
                    Some(BasicKind::Int32) => Some(Some(ConvKind::RunesToString)),
                    _ => None,
                }
            }
            (Type::Slice(e), Type::Array { elem, .. }) if types.identical(*e, *elem) => {
                Some(Some(ConvKind::Value))
            }
            (Type::Slice(e), Type::Pointer(p)) => match types.under(*p) {
                Type::Array { elem, .. } if types.identical(*e, *elem) => {
                    Some(Some(ConvKind::Value))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `unsafe.Sizeof`, `Alignof` or `Offsetof` of `arg`, as gc lays
    /// types out on amd64; `None` after reporting an error.
    fn unsafe_layout(&mut self, b: Builtin, arg: Node<'_>) -> Option<u64> {
        if b == Builtin::Offsetof {
            let target = if arg.kind_str() == "parenthesized_expression" {
                children(arg).first().copied().unwrap_or(arg)
            } else {
                arg
            };
            let x = self.value(target);
            if x.is_invalid() {
                return None;
            }
            // The selector's offset within the struct it selects from; an
            // embedded path adds up its steps, which must not go through
            // a pointer.
            let mut offset = 0;
            let mut e = x.expr;
            let mut selected = false;
            while let ExprKind::Field {
                base,
                index,
                through_pointer,
                ..
            } = self.prog.exprs[e].kind.clone()
            {
                if selected && through_pointer {
                    break;
                }
                let sty = self.prog.exprs[base].ty;
                let sty = match self.prog.types.under(sty) {
                    Type::Pointer(p) if through_pointer => *p,
                    _ => sty,
                };
                offset += self
                    .prog
                    .types
                    .field_offsets(sty)
                    .get(index as usize)
                    .copied()?;
                selected = true;
                e = base;
                if !self.embedded_step(base) {
                    break;
                }
            }
            if !selected {
                let d = self.node_string(arg);
                self.error(
                    arg,
                    format!("invalid argument: {d} is not a selector expression"),
                );
                return None;
            }
            return Some(offset);
        }
        let x = self.value(arg);
        if x.is_invalid() {
            return None;
        }
        let e = self.defaulted(&x);
        let ty = self.prog.exprs[e].ty;
        Some(if b == Builtin::Sizeof {
            self.prog.types.size_of(ty)
        } else {
            self.prog.types.align_of(ty)
        })
    }

    /// Whether field expression `e` was itself reached through an embedded
    /// field the selector did not name (so Offsetof keeps adding).
    fn embedded_step(&self, e: ExprId) -> bool {
        match &self.prog.exprs[e].kind {
            ExprKind::Field { base, index, .. } => {
                let sty = self.prog.exprs[*base].ty;
                let sty = match self.prog.types.under(sty) {
                    Type::Pointer(p) => *p,
                    _ => sty,
                };
                match self.prog.types.under(sty) {
                    Type::Struct(fields) => fields.get(*index as usize).is_some_and(|f| f.embedded),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn builtin<'n>(
        &mut self,
        node: Node<'n>,
        b: Builtin,
        args: &[Node<'_>],
        spread: bool,
        span: Span,
    ) -> Operand<'n> {
        let name = b.name();
        let count_error = |c: &mut Self, have: usize, want: &str| {
            let (q, at) =
                if have == 0 || want.starts_with("at least") || have < want.parse().unwrap_or(0) {
                    ("not enough", node)
                } else {
                    ("too many", node)
                };
            let _ = at;
            let s = c.node_string(node);
            c.error(
                node,
                format!("invalid operation: {q} arguments for {s} (expected {want}, found {have})"),
            );
            c.invalid(node)
        };
        let call = |c: &mut Self, args: Vec<ExprId>, ty: TypeId, mode: Mode| {
            let kind = ExprKind::Call(Call {
                callee: Callee::Builtin(b),
                args,
                spread,
            });
            let mut o = c.operand(node, mode, ty, kind, span);
            o.mode = mode;
            o
        };
        let void = self.prog.types.tuple(vec![]);
        match b {
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => {
                if args.len() != 1 {
                    return count_error(self, args.len(), "1");
                }
                let Some(n) = self.unsafe_layout(b, args[0]) else {
                    return self.invalid(node);
                };
                self.constant(node, TypeTable::UINTPTR, ConstValue::Int(n as i128), span)
            }
            Builtin::UnsafeAdd
            | Builtin::UnsafeSlice
            | Builtin::UnsafeString
            | Builtin::UnsafeStringData
            | Builtin::UnsafeSliceData => {
                let want = if matches!(b, Builtin::UnsafeStringData | Builtin::UnsafeSliceData) {
                    1
                } else {
                    2
                };
                if args.len() != want {
                    return count_error(self, args.len(), &want.to_string());
                }
                let x = self.value(args[0]);
                if x.is_invalid() {
                    return self.invalid(node);
                }
                let ptr = self.defaulted(&x);
                let xty = self.prog.exprs[ptr].ty;
                let types = &self.prog.types;
                let unsafe_ptr = types.basic(BasicKind::UnsafePointer);
                let ty = match (b, types.under(xty).clone()) {
                    (Builtin::UnsafeAdd, _) if types.identical(xty, unsafe_ptr) => Some(unsafe_ptr),
                    (Builtin::UnsafeSlice, Type::Pointer(e)) => Some(self.prog.types.slice(e)),
                    (Builtin::UnsafeString, Type::Pointer(e))
                        if types.basic_kind(e).map(|k| k.canonical()) == Some(BasicKind::Uint8) =>
                    {
                        Some(TypeTable::STRING)
                    }
                    (Builtin::UnsafeStringData, Type::Basic(k)) if k.is_string() => {
                        Some(self.prog.types.pointer(TypeTable::BYTE))
                    }
                    (Builtin::UnsafeSliceData, Type::Slice(e)) => Some(self.prog.types.pointer(e)),
                    _ => None,
                };
                let Some(ty) = ty else {
                    let d = self.describe(&x);
                    self.error(x.node, format!("invalid argument: {d} for built-in {name}"));
                    return self.invalid(node);
                };
                let mut operands = vec![ptr];
                if want == 2 {
                    let n = self.value(args[1]);
                    if n.is_invalid() {
                        return self.invalid(node);
                    }
                    let n = self.defaulted(&n);
                    let nty = self.prog.exprs[n].ty;
                    if !matches!(self.prog.types.under(nty), Type::Basic(k) if k.is_integer()) {
                        let d = self.node_string(args[1]);
                        self.error(
                            args[1],
                            format!("cannot use {d} as integer value in argument to {name}"),
                        );
                        return self.invalid(node);
                    }
                    operands.push(n);
                }
                call(self, operands, ty, Mode::Value)
            }
            Builtin::Len | Builtin::Cap => {
                if args.len() != 1 {
                    return count_error(self, args.len(), "1");
                }
                let x = self.value(args[0]);
                if x.is_invalid() {
                    return self.invalid(node);
                }
                let under = self.prog.types.under(x.ty).clone();
                let arr_len = match &under {
                    Type::Array { len, .. } => Some(*len),
                    Type::Pointer(p) => match self.prog.types.under(*p) {
                        Type::Array { len, .. } => Some(*len),
                        _ => None,
                    },
                    _ => None,
                };
                let ok = match &under {
                    Type::Basic(k) => k.is_string() && b == Builtin::Len,
                    Type::Map { .. } => b == Builtin::Len,
                    Type::Slice(_) | Type::Array { .. } | Type::Chan { .. } => true,
                    Type::Pointer(_) => arr_len.is_some(),
                    _ => false,
                };
                if !ok {
                    let d = self.describe(&x);
                    self.error(x.node, format!("invalid argument: {d} for built-in {name}"));
                    return self.invalid(node);
                }
                if let Some(ConstValue::String(s)) = &x.val {
                    return self.constant(
                        node,
                        TypeTable::INT,
                        ConstValue::Int(s.len() as i128),
                        span,
                    );
                }
                if let (Some(n), false) = (arr_len, self.has_call_or_recv(x.expr)) {
                    return self.constant(node, TypeTable::INT, ConstValue::Int(n as i128), span);
                }
                let e = self.defaulted(&x);
                call(self, vec![e], TypeTable::INT, Mode::Value)
            }
            Builtin::New => {
                if args.len() != 1 {
                    return count_error(self, args.len(), "1");
                }
                let t = self.resolve_type(args[0]);
                if t == TypeTable::INVALID {
                    return self.invalid(node);
                }
                let pt = self.prog.types.pointer(t);
                self.operand(node, Mode::Value, pt, ExprKind::New(t), span)
            }
            Builtin::Make => {
                if args.is_empty() {
                    return count_error(self, 0, "at least 1");
                }
                let t = self.resolve_type(args[0]);
                if t == TypeTable::INVALID {
                    return self.invalid(node);
                }
                let (kind, min, max) = match self.prog.types.under(t) {
                    Type::Slice(_) => (MakeKind::Slice, 2, 3),
                    Type::Map { .. } => (MakeKind::Map, 1, 2),
                    Type::Chan { .. } => (MakeKind::Chan, 1, 2),
                    _ => {
                        let s = self.node_string(args[0]);
                        self.error(args[0], format!("invalid argument: cannot make {s}; type must be slice, map, or channel"));
                        return self.invalid(node);
                    }
                };
                if args.len() < min {
                    let s = self.node_string(node);
                    let ts = self.type_string(t);
                    let _ = s;
                    self.error(
                        node,
                        format!(
                            "invalid operation: {} expects {min} or {max} arguments; found {}",
                            self.node_string(node),
                            args.len()
                        ),
                    );
                    let _ = ts;
                    return self.invalid(node);
                }
                if args.len() > max {
                    self.error(
                        node,
                        format!(
                            "invalid operation: {} expects {min} or {max} arguments; found {}",
                            self.node_string(node),
                            args.len()
                        ),
                    );
                    return self.invalid(node);
                }
                // Bad sizes are reported, but the result keeps type T (as
                // in types2), so later uses are still checked.
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    let x = self.value(*a);
                    if x.is_invalid() {
                        continue;
                    }
                    let k = self.prog.types.basic_kind(x.ty);
                    let int_like = k.is_some_and(|k| k.is_integer())
                        || (k == Some(BasicKind::UntypedFloat)
                            && x.val.as_ref().and_then(|v| v.as_int()).is_some());
                    if !int_like {
                        let d = self.describe(&x);
                        self.error(*a, format!("cannot convert {d} to type int"));
                        continue;
                    }
                    if let Some(v) = x.val.as_ref().and_then(|v| v.as_int()) {
                        if v < 0 {
                            let s = self.node_string(*a);
                            self.error(*a, format!("invalid argument: index {s} (constant of type int) must not be negative"));
                            continue;
                        }
                    }
                    if self.prog.types.is_untyped(x.ty) {
                        self.convert_untyped_to(&x, TypeTable::INT);
                    }
                    sizes.push(x.expr);
                }
                let kind = ExprKind::Make {
                    kind,
                    len: sizes.first().copied(),
                    cap: sizes.get(1).copied(),
                };
                self.operand(node, Mode::Value, t, kind, span)
            }
            Builtin::Append => {
                if args.is_empty() {
                    return count_error(self, 0, "at least 1");
                }
                let s = self.value(args[0]);
                if s.is_invalid() {
                    return self.invalid(node);
                }
                let elem = match self.prog.types.under(s.ty) {
                    Type::Slice(e) => *e,
                    _ => {
                        if s.mode == Mode::Nil {
                            self.error(
                                args[0],
                                "first argument to append must be a typed slice; found untyped nil",
                            );
                        } else {
                            let d = self.describe(&s);
                            self.error(args[0], format!("invalid argument: {d} is not a slice"));
                        }
                        return self.invalid(node);
                    }
                };
                let mut lowered = vec![s.expr];
                let slice_ty = s.ty;
                if spread {
                    if args.len() != 2 {
                        return count_error(self, args.len(), "2");
                    }
                    let x = self.value(args[1]);
                    if x.is_invalid() {
                        return self.invalid(node);
                    }
                    // append([]byte, string...) is allowed.
                    let is_bytes_string = self.prog.types.basic_kind(elem).map(|k| k.canonical())
                        == Some(BasicKind::Uint8)
                        && self
                            .prog
                            .types
                            .basic_kind(x.ty)
                            .is_some_and(|k| k.is_string());
                    if is_bytes_string {
                        let e = self.defaulted(&x);
                        lowered.push(e);
                    } else {
                        let Some(e) = self.assign_operand(x, slice_ty, "argument to append") else {
                            return self.invalid(node);
                        };
                        lowered.push(e);
                    }
                } else {
                    let mut extras = Vec::new();
                    for a in &args[1..] {
                        let x = self.expr(*a);
                        let Some(e) = self.assign_operand(x, elem, "argument to append") else {
                            return self.invalid(node);
                        };
                        extras.push(e);
                    }
                    let st = self.prog.types.slice(elem);
                    let vs = self.implicit_expr(ExprKind::VarArgsSlice(extras), st, span);
                    lowered.push(vs);
                }
                call(self, lowered, slice_ty, Mode::Value)
            }
            Builtin::Copy => {
                if args.len() != 2 {
                    return count_error(self, args.len(), "2");
                }
                let d = self.value(args[0]);
                let s = self.value(args[1]);
                if d.is_invalid() || s.is_invalid() {
                    return self.invalid(node);
                }
                for x in [&d, &s] {
                    let ok = match self.prog.types.under(x.ty) {
                        Type::Slice(_) => true,
                        Type::Basic(k) => k.is_string() && std::ptr::eq(x, &s),
                        _ => false,
                    };
                    if !ok {
                        let desc = self.describe(x);
                        self.error(
                            x.node,
                            format!("invalid copy: argument must be a slice; have {desc}"),
                        );
                        return self.invalid(node);
                    }
                }
                let se = self.defaulted(&s);
                call(self, vec![d.expr, se], TypeTable::INT, Mode::Value)
            }
            Builtin::Delete => {
                if args.len() != 2 {
                    return count_error(self, args.len(), "2");
                }
                let m = self.value(args[0]);
                if m.is_invalid() {
                    return self.invalid(node);
                }
                let Type::Map { key, .. } = self.prog.types.under(m.ty).clone() else {
                    let d = self.describe(&m);
                    self.error(args[0], format!("invalid argument: {d} is not a map"));
                    return self.invalid(node);
                };
                let k = self.expr(args[1]);
                let Some(k) = self.assign_operand(k, key, "argument to delete") else {
                    return self.invalid(node);
                };
                call(self, vec![m.expr, k], void, Mode::NoValue)
            }
            Builtin::Clear | Builtin::Close => {
                if args.len() != 1 {
                    return count_error(self, args.len(), "1");
                }
                let x = self.value(args[0]);
                if x.is_invalid() {
                    return self.invalid(node);
                }
                if b == Builtin::Close {
                    let why = match self.prog.types.under(x.ty) {
                        Type::Chan {
                            dir: crate::ir::ChanDir::RecvOnly,
                            ..
                        } => Some("cannot close receive-only channel"),
                        Type::Chan { .. } => None,
                        _ => Some("cannot close non-channel"),
                    };
                    if let Some(why) = why {
                        let d = self.describe(&x);
                        self.error(args[0], format!("invalid operation: {why} {d}"));
                        return self.invalid(node);
                    }
                }
                call(self, vec![x.expr], void, Mode::NoValue)
            }
            Builtin::Panic => {
                if args.len() != 1 {
                    return count_error(self, args.len(), "1");
                }
                let x = self.expr(args[0]);
                let any = self.prog.types.any;
                let Some(e) = self.assign_operand(x, any, "argument to panic") else {
                    return self.invalid(node);
                };
                call(self, vec![e], void, Mode::NoValue)
            }
            Builtin::Recover => {
                if !args.is_empty() {
                    return count_error(self, args.len(), "0");
                }
                let any = self.prog.types.any;
                call(self, vec![], any, Mode::Value)
            }
            Builtin::Print | Builtin::Println => {
                let mut lowered = Vec::new();
                for a in args {
                    let x = self.value(*a);
                    if x.is_invalid() {
                        return self.invalid(node);
                    }
                    if x.mode == Mode::Nil {
                        self.error(*a, "use of untyped nil in argument to built-in print");
                        return self.invalid(node);
                    }
                    lowered.push(self.defaulted(&x));
                }
                call(self, lowered, void, Mode::NoValue)
            }
            Builtin::Real | Builtin::Imag => {
                if args.len() != 1 {
                    return count_error(self, args.len(), "1");
                }
                let x = self.value(args[0]);
                if x.is_invalid() {
                    return self.invalid(node);
                }
                let pick = |(re, im): (f64, f64)| if b == Builtin::Real { re } else { im };
                let kind = self.prog.types.basic_kind(x.ty).map(|k| k.canonical());
                let result = match kind {
                    Some(BasicKind::Complex64) => TypeTable::FLOAT32,
                    Some(BasicKind::Complex128) => TypeTable::FLOAT64,
                    Some(k) if k.is_untyped() && k.is_numeric() => TypeTable::UNTYPED_FLOAT,
                    _ => {
                        let d = self.describe(&x);
                        self.error(x.node, format!("invalid argument: {d} not of complex type"));
                        return self.invalid(node);
                    }
                };
                if let Some(v) = x.val.as_ref().and_then(|v| v.as_complex()) {
                    return self.constant(node, result, ConstValue::Float(pick(v)), span);
                }
                call(self, vec![x.expr], result, Mode::Value)
            }
            Builtin::Complex => {
                if args.len() != 2 {
                    return count_error(self, args.len(), "2");
                }
                let x = self.value(args[0]);
                let y = self.value(args[1]);
                if x.is_invalid() || y.is_invalid() {
                    return self.invalid(node);
                }
                let untyped = |c: &Self, o: &Operand<'_>| c.prog.types.is_untyped(o.ty);
                if untyped(self, &x) && untyped(self, &y) {
                    if let (Some(re), Some(im)) = (
                        x.val.as_ref().and_then(|v| v.as_float()),
                        y.val.as_ref().and_then(|v| v.as_float()),
                    ) {
                        return self.constant(
                            node,
                            TypeTable::UNTYPED_COMPLEX,
                            ConstValue::Complex(re, im),
                            span,
                        );
                    }
                }
                let float = if !untyped(self, &x) {
                    x.ty
                } else if !untyped(self, &y) {
                    y.ty
                } else {
                    TypeTable::FLOAT64
                };
                let result = match self.prog.types.basic_kind(float).map(|k| k.canonical()) {
                    Some(BasicKind::Float32) => TypeTable::COMPLEX64,
                    Some(BasicKind::Float64) => TypeTable::COMPLEX128,
                    _ => {
                        self.error(
                            x.node,
                            format!(
                                "invalid argument: arguments have type {}, expected floating-point",
                                self.type_string(float)
                            ),
                        );
                        return self.invalid(node);
                    }
                };
                for o in [&x, &y] {
                    if untyped(self, o) {
                        if !self.convert_untyped_to(o, float) {
                            return self.invalid(node);
                        }
                    } else if !self.prog.types.identical(o.ty, float) {
                        let (a, bt) = (self.type_string(x.ty), self.type_string(y.ty));
                        self.error(
                            x.node,
                            format!("invalid operation: complex({}, {}) (mismatched types {a} and {bt})", self.node_string(x.node), self.node_string(y.node)),
                        );
                        return self.invalid(node);
                    }
                }
                if let (Some(re), Some(im)) = (
                    x.val.as_ref().and_then(|v| v.as_float()),
                    y.val.as_ref().and_then(|v| v.as_float()),
                ) {
                    let (re, im) = if result == TypeTable::COMPLEX64 {
                        (re as f32 as f64, im as f32 as f64)
                    } else {
                        (re, im)
                    };
                    return self.constant(node, result, ConstValue::Complex(re, im), span);
                }
                call(self, vec![x.expr, y.expr], result, Mode::Value)
            }
            Builtin::Min | Builtin::Max => {
                if args.is_empty() {
                    return count_error(self, 0, "at least 1");
                }
                let mut ops = Vec::new();
                for a in args {
                    let x = self.value(*a);
                    if x.is_invalid() {
                        return self.invalid(node);
                    }
                    ops.push(x);
                }
                // The common type: the first typed operand's.
                let typed = ops
                    .iter()
                    .find(|o| !self.prog.types.is_untyped(o.ty))
                    .map(|o| o.ty);
                if ops.iter().all(|o| o.val.is_some()) && typed.is_none() {
                    let mut best = ops[0].clone();
                    for o in &ops[1..] {
                        let ord = match (best.val.as_ref(), o.val.as_ref()) {
                            (Some(ConstValue::String(a)), Some(ConstValue::String(bv))) => {
                                bv.partial_cmp(a)
                            }
                            (Some(a), Some(bv)) => match (a.as_float(), bv.as_float()) {
                                (Some(a), Some(bv)) => bv.partial_cmp(&a),
                                _ => None,
                            },
                            _ => None,
                        };
                        let better = match ord {
                            Some(std::cmp::Ordering::Less) => b == Builtin::Min,
                            Some(std::cmp::Ordering::Greater) => b == Builtin::Max,
                            _ => false,
                        };
                        if better {
                            best = o.clone();
                        }
                    }
                    let ty = ops
                        .iter()
                        .map(|o| o.ty)
                        .max_by_key(|t| t.0)
                        .unwrap_or(best.ty);
                    let v = best.val.clone().unwrap_or(ConstValue::Int(0));
                    return self.constant(node, ty, v, span);
                }
                let target = typed.unwrap_or_else(|| self.default_type(ops[0].ty));
                let mut lowered = Vec::new();
                for o in ops {
                    if !self.prog.types.is_untyped(o.ty) && !self.prog.types.identical(o.ty, target)
                    {
                        let s = self.node_string(node);
                        let (a, bt) = (self.type_string(target), self.type_string(o.ty));
                        self.error(o.node, format!("invalid argument: mismatched types {a} (previous argument) and {bt} (type of {})", self.node_string(o.node)));
                        let _ = s;
                        return self.invalid(node);
                    }
                    if !self.convert_untyped_to(&o, target) {
                        let d = self.describe(&o);
                        let t = self.type_string(target);
                        self.error(
                            o.node,
                            format!("cannot use {d} as {t} value in argument to {name}"),
                        );
                        return self.invalid(node);
                    }
                    lowered.push(o.expr);
                }
                let ok = self
                    .prog
                    .types
                    .basic_kind(target)
                    .is_some_and(|k| k.is_numeric() || k.is_string());
                if !ok {
                    let t = self.type_string(target);
                    self.error(
                        node,
                        format!("invalid argument: {name} of type {t} is not ordered"),
                    );
                    return self.invalid(node);
                }
                call(self, lowered, target, Mode::Value)
            }
        }
    }

    /// Whether evaluating `e` involves a call or receive (then `len` of an
    /// array is not constant).
    fn has_call_or_recv(&self, e: ExprId) -> bool {
        match &self.prog.exprs[e].kind {
            ExprKind::Call(_) | ExprKind::Recv { .. } => true,
            ExprKind::Field { base, .. } | ExprKind::Deref(base) => self.has_call_or_recv(*base),
            ExprKind::Index { base, index } => {
                self.has_call_or_recv(*base) || self.has_call_or_recv(*index)
            }
            _ => false,
        }
    }
}

#[allow(dead_code)]
fn _types(_: TypeId) {}
