//! Printing IR nodes the way gc's `ir/fmt.go` does in escape diagnostics.
//!
//! gc prints a node in its own syntax: implicit `&`, `*` and conversions
//! are skipped, composite literals shrink to `T{...}`, closures to
//! `func literal`, the hidden variadic slice to `... argument`, method
//! calls become method-expression calls (`(*T).M(t, x)`), and constants
//! are printed by value. Types use gc's spelling (`struct { x int }`,
//! `interface {}`), without the `main.` qualifier.

use crate::ir::{
    BinaryOp, Builtin, Callee, ChanDir, ConstValue, ExprId, ExprKind, FuncId, MakeKind, MethodRef,
    Program, Stmt, StmtKind, Type, TypeId,
};

/// Operator precedence as gc's `OpPrec` table has it (operators missing
/// from that table, such as `&T{}`, closures, string concatenation and
/// map/chan `make`, count as 0 and get parenthesized in operand position).
fn prec(kind: &ExprKind) -> i32 {
    match kind {
        ExprKind::Unary { .. } | ExprKind::AddrOf(_) | ExprKind::Deref(_) => 7,
        ExprKind::Recv { .. } => 7,
        ExprKind::Binary { op, .. } => binary_prec(*op),
        ExprKind::PtrLit(_) | ExprKind::FuncLit(_) => 0,
        ExprKind::Make { kind, .. } if *kind != MakeKind::Slice => 0,
        _ => 8,
    }
}

fn binary_prec(op: BinaryOp) -> i32 {
    use BinaryOp::*;
    match op {
        Mul | Div | Rem | Shl | Shr | And | AndNot => 6,
        Add | Sub | Or | Xor => 5,
        Eq | Ne | Lt | Le | Gt | Ge => 4,
        LogAnd => 2,
        LogOr => 1,
    }
}

/// What gc's rewrites put in place of an expression.
#[derive(Clone, Debug)]
pub enum Replacement {
    /// A literal (interface conversions and `make` sizes known to be
    /// constant).
    Const(ConstValue, TypeId),
    /// A temporary (`.autotmp_N`) holding a go/defer call's operand.
    Name(String),
    /// An interface call made direct: printed as a method-expression call
    /// on the asserted receiver.
    Devirtualized(FuncId, TypeId),
    /// A call whose callee (function value or interface receiver) gc
    /// evaluated into this temporary first: `.autotmp_0(2)`.
    CalleeTemp(String),
}

/// Replaced expressions, for printing.
pub type Rewrites = crate::hash::HashMap<ExprId, Replacement>;

pub struct Printer<'p> {
    pub prog: &'p Program,
    pub rewrites: &'p Rewrites,
    /// Printing inside a generic instance: gc sees its shaped body, so the
    /// type arguments of generic types print as shapes (`Box[go.shape.int]`).
    pub shapes: bool,
}

const MAX_DEPTH: u32 = 64;

impl Printer<'_> {
    /// The type in gc's spelling.
    pub fn ty(&self, id: TypeId) -> String {
        let mut out = String::new();
        self.write_ty(&mut out, id, 0);
        out
    }

    fn write_ty(&self, out: &mut String, id: TypeId, depth: u32) {
        if depth > MAX_DEPTH {
            out.push_str("...");
            return;
        }
        let d = depth + 1;
        let types = &self.prog.types;
        match types.get(id) {
            Type::Basic(k) => out.push_str(k.name()),
            Type::Pointer(e) => {
                out.push('*');
                self.write_ty(out, *e, d);
            }
            Type::Slice(e) => {
                out.push_str("[]");
                self.write_ty(out, *e, d);
            }
            Type::Array { len, elem } => {
                out.push_str(&format!("[{len}]"));
                self.write_ty(out, *elem, d);
            }
            Type::Map { key, value } => {
                out.push_str("map[");
                self.write_ty(out, *key, d);
                out.push(']');
                self.write_ty(out, *value, d);
            }
            Type::Chan { dir, elem } => {
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::SendOnly => "chan<- ",
                    ChanDir::RecvOnly => "<-chan ",
                });
                self.write_ty(out, *elem, d);
            }
            Type::Struct(fields) => {
                if fields.is_empty() {
                    out.push_str("struct {}");
                    return;
                }
                out.push_str("struct { ");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !f.embedded {
                        out.push_str(&f.name);
                        out.push(' ');
                    }
                    self.write_ty(out, f.ty, d);
                }
                out.push_str(" }");
            }
            Type::Func(sig) => {
                out.push_str("func(");
                for (i, p) in sig.params.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if sig.variadic && i + 1 == sig.params.len() {
                        out.push_str("...");
                        match types.get(*p) {
                            Type::Slice(e) => self.write_ty(out, *e, d),
                            _ => self.write_ty(out, *p, d),
                        }
                    } else {
                        self.write_ty(out, *p, d);
                    }
                }
                out.push(')');
                match sig.results.as_slice() {
                    [] => {}
                    [one] => {
                        out.push(' ');
                        self.write_ty(out, *one, d);
                    }
                    many => {
                        out.push_str(" (");
                        for (i, r) in many.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            self.write_ty(out, *r, d);
                        }
                        out.push(')');
                    }
                }
            }
            Type::Interface(iface) => {
                if iface.methods.is_empty() {
                    out.push_str("interface {}");
                    return;
                }
                out.push_str("interface { ");
                for (i, m) in iface.methods.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(&m.name);
                    let mut sig = String::new();
                    self.write_ty(&mut sig, m.sig, d);
                    out.push_str(sig.strip_prefix("func").unwrap_or(&sig));
                }
                out.push_str(" }");
            }
            Type::Named(n) => {
                let named = &types.named[*n];
                if let Some(pkg) = &named.pkg {
                    out.push_str(pkg.rsplit('/').next().unwrap_or(pkg));
                    out.push('.');
                }
                out.push_str(&named.name);
                if !named.targs.is_empty() {
                    out.push_str(&self.type_args(&named.targs, self.shapes));
                }
            }
            Type::Alias {
                target,
                type_param: true,
                basic,
                ..
            } => {
                out.push_str(&self.shape(*target, *basic));
            }
            Type::Alias {
                name, pkg, target, ..
            } => {
                if pkg.is_none() && (name == "any" || name == "byte" || name == "rune") {
                    out.push_str(name);
                } else if pkg.is_none() {
                    // A user alias prints as its target.
                    self.write_ty(out, *target, d);
                } else {
                    out.push_str(pkg.as_deref().unwrap_or(""));
                    out.push('.');
                    out.push_str(name);
                }
            }
            Type::Tuple(items) => {
                out.push('(');
                for (i, t) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_ty(out, *t, d);
                }
                out.push(')');
            }
        }
    }

    /// `[int,main.ID]` or, as shapes, `[go.shape.int,go.shape.int]`:
    /// a generic instance's type arguments in gc's symbol spelling.
    pub fn type_args(&self, targs: &[TypeId], shapes: bool) -> String {
        self.type_args_with(targs, shapes, &[])
    }

    /// [`Self::type_args`] knowing which type parameters have basic
    /// constraints (missing entries count as basic).
    pub fn type_args_with(&self, targs: &[TypeId], shapes: bool, basic: &[bool]) -> String {
        let parts: Vec<String> = targs
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if shapes {
                    self.shape(*t, basic.get(i).copied().unwrap_or(true))
                } else {
                    self.qualified(*t)
                }
            })
            .collect();
        format!("[{}]", parts.join(","))
    }

    /// The shape gc stencils a type argument to: its underlying type, with
    /// every pointer type sharing `*uint8` when the constraint is basic.
    pub fn shape(&self, ty: TypeId, basic: bool) -> String {
        let types = &self.prog.types;
        let under = types.underlying(ty);
        let body = match types.get(under) {
            Type::Pointer(_) if basic => "*uint8".to_string(),
            Type::Basic(k) => k.canonical().name().to_string(),
            Type::Struct(fields) if !fields.is_empty() => {
                // Unexported field names are package-qualified in a symbol.
                let parts: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        let exported = f.name.chars().next().is_some_and(char::is_uppercase);
                        let name = if exported || f.embedded {
                            f.name.clone()
                        } else {
                            format!("{}.{}", self.prog.package_path(), f.name)
                        };
                        if f.embedded {
                            self.qualified(f.ty)
                        } else {
                            format!("{name} {}", self.qualified(f.ty))
                        }
                    })
                    .collect();
                format!("struct {{ {} }}", parts.join("; "))
            }
            _ => self.qualified(under),
        };
        format!("go.shape.{body}")
    }

    /// A type as gc spells it inside a symbol name: the package's defined
    /// types qualified with its path, as `main.ID`.
    pub fn qualified(&self, ty: TypeId) -> String {
        let types = &self.prog.types;
        match types.get(ty) {
            Type::Named(n) if types.named[*n].pkg.is_none() && ty != types.error => {
                match types.named[*n].local {
                    0 => format!("{}.{}", self.prog.package_path(), self.ty(ty)),
                    k => format!("{}.{}·{k}", self.prog.package_path(), self.ty(ty)),
                }
            }
            Type::Pointer(e) => format!("*{}", self.qualified(*e)),
            Type::Slice(e) => format!("[]{}", self.qualified(*e)),
            Type::Alias {
                target,
                pkg: None,
                name,
                ..
            } if name != "any" && name != "byte" && name != "rune" => self.qualified(*target),
            _ => self.ty(ty),
        }
    }

    /// `T(x)` as gc prints a conversion: `int(x)`, `(*int)(x)`.
    pub fn conversion(&self, ty: TypeId, operand: &str) -> String {
        if self.has_sym(ty) {
            format!("{}({operand})", self.ty(ty))
        } else {
            format!("({})({operand})", self.ty(ty))
        }
    }

    /// Whether gc would print the type's name bare in a conversion
    /// (`string(b)`) rather than parenthesized (`([]byte)(s)`).
    fn has_sym(&self, id: TypeId) -> bool {
        match self.prog.types.get(id) {
            Type::Basic(_) | Type::Named(_) => true,
            Type::Alias {
                type_param: true, ..
            } => true,
            Type::Alias {
                name, pkg: None, ..
            } if name == "any" => true,
            Type::Alias { target, pkg, .. } => pkg.is_some() || self.has_sym(*target),
            _ => false,
        }
    }

    /// A constant of type `ty`, as gc prints an `OLITERAL`.
    pub fn constant(&self, v: &ConstValue, ty: TypeId) -> String {
        use crate::ir::BasicKind as B;
        let types = &self.prog.types;
        let ty = match types.get(ty) {
            Type::Alias {
                type_param: true,
                target,
                ..
            } => *target,
            _ => ty,
        };
        let kind = match types.get(ty) {
            Type::Basic(k) => Some(*k),
            Type::Alias {
                name, pkg: None, ..
            } if name == "byte" => Some(B::Byte),
            Type::Alias {
                name, pkg: None, ..
            } if name == "rune" => Some(B::Rune),
            _ => None,
        };
        if matches!(kind, Some(B::Rune) | Some(B::UntypedRune)) {
            if let ConstValue::Int(c) = v {
                if let Some(ch) = u32::try_from(*c).ok().and_then(char::from_u32) {
                    return crate::quote::quote_rune(ch as i64, false);
                }
            }
        }
        let text = match v {
            ConstValue::Bool(b) => b.to_string(),
            ConstValue::Int(i) => i.to_string(),
            ConstValue::Float(f) => format_g6(*f),
            // go/constant's String of a complex value.
            ConstValue::Complex(re, im) => format!("({} + {}i)", format_g6(*re), format_g6(*im)),
            ConstValue::String(s) => crate::quote::quote_constant(s),
        };
        let default = match (v, kind) {
            (_, None) => false,
            (ConstValue::Bool(_), Some(k)) => matches!(k, B::Bool | B::UntypedBool),
            (ConstValue::Int(_), Some(k)) => matches!(k, B::Int | B::UntypedInt),
            (ConstValue::Float(_), Some(k)) => matches!(k, B::Float64 | B::UntypedFloat),
            (ConstValue::String(_), Some(k)) => matches!(k, B::String | B::UntypedString),
            (ConstValue::Complex(..), Some(k)) => matches!(k, B::Complex128 | B::UntypedComplex),
        };
        if default {
            text
        } else {
            format!("{}({})", self.ty(ty), text)
        }
    }

    /// The expression as gc prints it.
    pub fn expr(&self, id: ExprId) -> String {
        let mut out = String::new();
        self.write_expr(&mut out, id, 0, 0);
        out
    }

    /// Skips implicit address-of, dereference and conversions.
    fn skip_implicit(&self, mut id: ExprId) -> ExprId {
        for _ in 0..MAX_DEPTH {
            let e = self.prog.expr(id);
            if !e.implicit || self.rewrites.contains_key(&id) {
                break;
            }
            match &e.kind {
                ExprKind::AddrOf(x) | ExprKind::Deref(x) | ExprKind::ConvIface(x) => id = *x,
                ExprKind::Conv { operand, .. } => id = *operand,
                _ => break,
            }
        }
        id
    }

    fn list(&self, out: &mut String, ids: &[ExprId], depth: u32) {
        for (i, a) in ids.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write_expr(out, *a, 0, depth);
        }
    }

    fn write_expr(&self, out: &mut String, id: ExprId, p: i32, depth: u32) {
        if depth > MAX_DEPTH {
            out.push_str("...");
            return;
        }
        let d = depth + 1;
        let id = self.skip_implicit(id);
        match self.rewrites.get(&id) {
            Some(Replacement::Const(v, ty)) => {
                out.push_str(&self.constant(v, *ty));
                return;
            }
            Some(Replacement::Name(n)) => {
                out.push_str(n);
                return;
            }
            _ => {}
        }
        let e = self.prog.expr(id);
        let np = if self.is_string_concat(id) {
            0
        } else {
            prec(&e.kind)
        };
        if p > np {
            out.push('(');
            self.write_expr(out, id, 0, d);
            out.push(')');
            return;
        }
        match &e.kind {
            ExprKind::Const(v) => out.push_str(&self.constant(v, e.ty)),
            ExprKind::Nil => out.push_str("nil"),
            ExprKind::Var(v) => {
                let var = self.prog.var(*v);
                if let Some(pkg) = &var.pkg {
                    out.push_str(pkg.rsplit('/').next().unwrap_or(pkg));
                    out.push('.');
                }
                out.push_str(&var.name);
            }
            ExprKind::Func(f) => out.push_str(&short_pkg(&self.prog.func(*f).name)),
            ExprKind::Unary { op, operand } => {
                out.push_str(op.symbol());
                if let ExprKind::Unary { op: inner, .. } = &self.prog.expr(*operand).kind {
                    if inner == op {
                        out.push(' ');
                    }
                }
                self.write_expr(out, *operand, np + 1, d);
            }
            ExprKind::Binary { .. } if self.is_string_concat(id) => {
                let mut parts = Vec::new();
                self.concat_parts(id, &mut parts, 0);
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" + ");
                    }
                    self.write_expr(out, *part, 0, d);
                }
            }
            ExprKind::Binary { op, left, right } => {
                self.write_expr(out, *left, np, d);
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                // gc converts a constant shift count to uint.
                let count = &self.prog.expr(*right);
                let signed_count = matches!(op, BinaryOp::Shl | BinaryOp::Shr)
                    && self
                        .prog
                        .types
                        .basic_kind(count.ty)
                        .is_none_or(|k| !k.is_unsigned());
                match &count.kind {
                    ExprKind::Const(ConstValue::Int(v)) if signed_count => {
                        out.push_str(&format!("uint({v})"));
                    }
                    _ => self.write_expr(out, *right, np + 1, d),
                }
            }
            ExprKind::Deref(x) => {
                out.push('*');
                self.write_expr(out, *x, np + 1, d);
            }
            ExprKind::AddrOf(x) => {
                out.push('&');
                self.write_expr(out, *x, np + 1, d);
            }
            ExprKind::Field { base, name, .. } => {
                self.write_expr(out, *base, np, d);
                out.push('.');
                out.push_str(name);
            }
            ExprKind::Index { base, index } => {
                self.write_expr(out, *base, np, d);
                out.push('[');
                self.write_expr(out, *index, 0, d);
                out.push(']');
            }
            ExprKind::MapIndex { map, key, .. } => {
                self.write_expr(out, *map, np, d);
                out.push('[');
                self.write_expr(out, *key, 0, d);
                out.push(']');
            }
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } => {
                self.write_expr(out, *base, np, d);
                out.push('[');
                if let Some(l) = low {
                    self.write_expr(out, *l, 0, d);
                }
                out.push(':');
                if let Some(h) = high {
                    self.write_expr(out, *h, 0, d);
                }
                if let Some(m) = max {
                    out.push(':');
                    self.write_expr(out, *m, 0, d);
                }
                out.push(']');
            }
            ExprKind::Call(call) => self.write_call(out, id, call, np, d),
            ExprKind::Composite { elems, .. } => {
                out.push_str(&self.ty(e.ty));
                out.push_str(if elems.is_empty() { "{}" } else { "{...}" });
            }
            ExprKind::PtrLit(x) => {
                out.push('&');
                self.write_expr(out, *x, 0, d);
            }
            ExprKind::New(t) => {
                out.push_str("new(");
                out.push_str(&self.ty(*t));
                out.push(')');
            }
            ExprKind::Make { kind, len, cap } => {
                out.push_str("make(");
                out.push_str(&self.ty(e.ty));
                match (len, cap) {
                    (Some(l), Some(c)) => {
                        out.push_str(", ");
                        self.write_expr(out, *l, 0, d);
                        out.push_str(", ");
                        self.write_expr(out, *c, 0, d);
                    }
                    (Some(l), None) => {
                        let untyped = self.prog.types.is_untyped(self.prog.expr(*l).ty);
                        if *kind == MakeKind::Slice || !untyped {
                            out.push_str(", ");
                            self.write_expr(out, *l, 0, d);
                        }
                    }
                    _ => {}
                }
                out.push(')');
            }
            ExprKind::FuncLit(_) => out.push_str("func literal"),
            ExprKind::MethodValue { recv, method } => {
                self.write_expr(out, *recv, np, d);
                out.push('.');
                out.push_str(&self.method_name(method));
            }
            ExprKind::MethodExpr { recv_type, method } => {
                let t = self.ty(*recv_type);
                if t.starts_with('*') {
                    out.push_str(&format!("({t})"));
                } else {
                    out.push_str(&t);
                }
                out.push('.');
                out.push_str(&self.method_name(method));
            }
            ExprKind::ConvIface(x) => {
                let t = e.ty;
                if self.has_sym(t) {
                    out.push_str(&self.ty(t));
                } else {
                    out.push_str(&format!("({})", self.ty(t)));
                }
                out.push('(');
                self.write_expr(out, *x, 0, d);
                out.push(')');
            }
            ExprKind::Conv {
                operand,
                kind: crate::ir::ConvKind::StringToRunes,
            } if matches!(self.prog.expr(*operand).kind, ExprKind::Const(_)) => {
                // gc turns a constant []rune("...") into a slice literal.
                let empty = matches!(
                    &self.prog.expr(*operand).kind,
                    ExprKind::Const(ConstValue::String(s)) if s.is_empty()
                );
                out.push_str(&self.ty(e.ty));
                out.push_str(if empty { "{}" } else { "{...}" });
            }
            ExprKind::Conv { operand, kind } => {
                let _ = kind;
                let t = e.ty;
                if self.has_sym(t) {
                    out.push_str(&self.ty(t));
                } else {
                    out.push_str(&format!("({})", self.ty(t)));
                }
                out.push('(');
                self.write_expr(out, *operand, 0, d);
                out.push(')');
            }
            ExprKind::VarArgsSlice(_) => out.push_str("... argument"),
            ExprKind::TypeAssert { operand, .. } => {
                self.write_expr(out, *operand, np, d);
                out.push_str(".(");
                let t = match self.prog.types.get(e.ty) {
                    Type::Tuple(items) if !items.is_empty() => items[0],
                    _ => e.ty,
                };
                out.push_str(&self.ty(t));
                out.push(')');
            }
            ExprKind::Recv { chan, .. } => {
                out.push_str("<-");
                self.write_expr(out, *chan, np + 1, d);
            }
        }
    }

    fn method_name(&self, m: &MethodRef) -> String {
        match m {
            MethodRef::Func(f) => {
                let name = &self.prog.func(*f).name;
                name.rsplit('.').next().unwrap_or(name).to_string()
            }
            MethodRef::Interface(n) => n.clone(),
        }
    }

    /// The operands of a chain of string `+` (gc's `OADDSTR` list).
    pub fn concat_parts(&self, e: ExprId, out: &mut Vec<ExprId>, d: u32) {
        if d < 64 && self.is_string_concat(e) {
            if let ExprKind::Binary { left, right, .. } = &self.prog.expr(e).kind {
                self.concat_parts(*left, out, d + 1);
                out.push(*right);
                return;
            }
        }
        out.push(e);
    }

    /// Whether `id` is a non-constant string `+` (gc's `OADDSTR`).
    pub fn is_string_concat(&self, id: ExprId) -> bool {
        let e = self.prog.expr(id);
        matches!(
            e.kind,
            ExprKind::Binary {
                op: BinaryOp::Add,
                ..
            }
        ) && self
            .prog
            .types
            .basic_kind(e.ty)
            .is_some_and(|k| k.is_string())
    }

    /// `&.dict.Max[int]`: the dictionary gc passes to instance `f`.
    fn dictionary(&self, f: FuncId) -> Option<String> {
        let inst = self.prog.func(f).instance.as_ref()?;
        Some(format!(
            "&.dict.{}{}",
            inst.generic,
            self.type_args(&inst.targs, false)
        ))
    }

    fn devirtualized(&self, call: ExprId) -> Option<(FuncId, TypeId)> {
        match self.rewrites.get(&call) {
            Some(Replacement::Devirtualized(m, t)) => Some((*m, *t)),
            _ => None,
        }
    }

    fn write_call(&self, out: &mut String, id: ExprId, call: &crate::ir::Call, np: i32, d: u32) {
        let ddd = call.spread
            || call
                .args
                .last()
                .is_some_and(|a| matches!(self.prog.expr(*a).kind, ExprKind::VarArgsSlice(_)));
        let mut args: Vec<ExprId> = Vec::new();
        // A generic instance's dictionary, passed after the receiver.
        let mut write_dict: Option<String> = None;
        match &call.callee {
            Callee::Func(f) => {
                out.push_str(&gc_func_name(self.prog, *f));
                if let Some(dict) = self.dictionary(*f) {
                    write_dict = Some(dict);
                }
            }
            Callee::Method { func, recv } if is_type_param_value(self.prog, *recv) => {
                // Through the dictionary: gc calls a function pointer.
                if let Some(Type::Func(sig)) =
                    Some(self.prog.func(*func).sig).map(|s| self.prog.types.get(s))
                {
                    let mut tys = vec![self.ty(self.prog.expr(self.skip_implicit(*recv)).ty)];
                    tys.extend(sig.params.iter().map(|t| self.ty(*t)));
                    out.push_str(&format!("(func({})", tys.join(", ")));
                    match sig.results.as_slice() {
                        [] => {}
                        [one] => out.push_str(&format!(" {}", self.ty(*one))),
                        many => {
                            let r: Vec<String> = many.iter().map(|t| self.ty(*t)).collect();
                            out.push_str(&format!(" ({})", r.join(", ")));
                        }
                    }
                    out.push_str(")(&.dict[0])");
                }
                args.push(*recv);
            }
            Callee::Method { func, recv } => {
                out.push_str(&gc_func_name(self.prog, *func));
                args.push(*recv);
                if let Some(dict) = self.dictionary(*func) {
                    write_dict = Some(dict);
                }
            }
            Callee::Interface { recv, .. } if self.devirtualized(id).is_some() => {
                let (m, t) = self.devirtualized(id).unwrap_or((FuncId(0), TypeId(0)));
                out.push_str(&short_pkg(&self.prog.func(m).name));
                out.push('(');
                self.write_expr(out, *recv, 8, d);
                out.push_str(".(");
                out.push_str(&self.ty(t));
                out.push(')');
                for (field, _) in super::devirt::receiver_path(self.prog, t, m) {
                    out.push('.');
                    out.push_str(&field);
                }
                for a in &call.args {
                    out.push_str(", ");
                    self.write_expr(out, *a, 0, d);
                }
                out.push(')');
                return;
            }
            Callee::Interface { .. } | Callee::Value(_)
                if matches!(self.rewrites.get(&id), Some(Replacement::CalleeTemp(_))) =>
            {
                if let Some(Replacement::CalleeTemp(t)) = self.rewrites.get(&id) {
                    out.push_str(t);
                }
                if let Callee::Interface { method, .. } = &call.callee {
                    out.push('.');
                    out.push_str(method);
                }
            }
            Callee::Interface { recv, method } => {
                self.write_expr(out, *recv, np, d);
                out.push('.');
                out.push_str(method);
            }
            Callee::Value(f) => self.write_expr(out, *f, np, d),
            // gc's printer has no syntax for these and shows the node.
            Callee::Builtin(
                b @ (Builtin::UnsafeString | Builtin::UnsafeStringData | Builtin::UnsafeSliceData),
            ) => {
                out.push_str(&format!("<node {}>", b.name()));
                return;
            }
            Callee::Builtin(b) => out.push_str(b.name()),
        }
        args.extend(call.args.iter().copied());
        if let Callee::Builtin(_) = call.callee {
            // Builtins take their variadic operands directly.
            if let Some(ExprKind::VarArgsSlice(items)) =
                args.last().map(|a| &self.prog.expr(*a).kind)
            {
                let items = items.clone();
                args.pop();
                args.extend(items);
            }
            out.push('(');
            self.list(out, &args, d);
            if call.spread {
                out.push_str("...");
            }
            out.push(')');
            return;
        }
        let fixed = usize::from(matches!(call.callee, Callee::Method { .. }));
        let write_args = |out: &mut String, args: &[ExprId]| {
            let Some(dict) = &write_dict else {
                self.list(out, args, d);
                return;
            };
            let split = fixed.min(args.len());
            self.list(out, &args[..split], d);
            if split > 0 {
                out.push_str(", ");
            }
            out.push_str(dict);
            if args.len() > split {
                out.push_str(", ");
                self.list(out, &args[split..], d);
            }
        };
        // An empty variadic slice is passed as nil.
        if let Some(last) = args.last() {
            if let ExprKind::VarArgsSlice(items) = &self.prog.expr(*last).kind {
                if items.is_empty() {
                    out.push('(');
                    write_args(out, &args[..args.len() - 1]);
                    if args.len() > 1 || write_dict.is_some() {
                        out.push_str(", ");
                    }
                    out.push_str("nil...)");
                    return;
                }
            }
        }
        out.push('(');
        write_args(out, &args);
        if ddd {
            out.push_str("...");
        }
        out.push(')');
    }

    /// A type switch clause as gc prints it: `case T: body`.
    pub fn type_case(&self, c: &crate::ir::TypeCase) -> String {
        let head = if c.types.is_empty() {
            "default".to_string()
        } else {
            let tys: Vec<String> = c
                .types
                .iter()
                .map(|t| t.map_or_else(|| "nil".to_string(), |t| self.ty(t)))
                .collect();
            format!("case {}", tys.join(", "))
        };
        format!("{head}: {}", self.block(&c.body))
    }

    fn block(&self, b: &crate::ir::Block) -> String {
        b.stmts
            .iter()
            .map(|s| self.stmt(self.prog.stmt(*s)))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A statement as gc prints it in a note (`x := y`, `return x`, ...).
    pub fn stmt(&self, s: &Stmt) -> String {
        match &s.kind {
            StmtKind::Assign {
                lhs, rhs, declares, ..
            } => {
                let l: Vec<String> = lhs
                    .iter()
                    .map(|x| x.map_or_else(|| "_".to_string(), |e| self.expr(e)))
                    .collect();
                let mut r = String::new();
                self.list(&mut r, rhs, 0);
                // Package-level initialisers print as plain assignments.
                let local = declares
                    .iter()
                    .any(|v| self.prog.var(*v).kind != crate::ir::VarKind::Global);
                let op = if local { ":=" } else { "=" };
                format!("{} {op} {r}", l.join(", "))
            }
            StmtKind::OpAssign { op, target, value } => {
                format!(
                    "{} {}= {}",
                    self.expr(*target),
                    op.symbol(),
                    self.expr(*value)
                )
            }
            StmtKind::IncDec { target, increment } => {
                format!(
                    "{}{}",
                    self.expr(*target),
                    if *increment { "++" } else { "--" }
                )
            }
            StmtKind::Return { results, .. } => {
                let mut r = String::new();
                self.list(&mut r, results, 0);
                format!("return {r}")
            }
            StmtKind::Send { chan, value } => {
                let mut out = String::new();
                self.write_expr(&mut out, *chan, 3, 0);
                out.push_str(" <- ");
                self.write_expr(&mut out, *value, 4, 0);
                out
            }
            StmtKind::Range { .. } | StmtKind::For { .. } => "for loop".to_string(),
            StmtKind::Go(c) => format!("go {}", self.expr(*c)),
            StmtKind::Defer(c) => format!("defer {}", self.expr(*c)),
            StmtKind::Expr(e) => self.expr(*e),
            StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } => "switch statement".to_string(),
            StmtKind::Select { .. } => "select statement".to_string(),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                cond,
                then,
                otherwise,
                ..
            } => {
                let mut out = format!("if {} {{ {} }}", self.expr(*cond), self.block(then));
                if let Some(o) = otherwise {
                    out.push_str(&format!(" else {{ {} }}", self.stmt(self.prog.stmt(*o))));
                }
                out
            }
            StmtKind::Break { .. } => "break".to_string(),
            StmtKind::Continue { .. } => "continue".to_string(),
            _ => String::new(),
        }
    }
}

/// A float constant as go/constant prints it: `%.6g`.
pub fn format_g6(f: f64) -> String {
    if f == 0.0 {
        return "0".to_string();
    }
    if !f.is_finite() {
        return if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "+Inf"
        } else {
            "-Inf"
        }
        .to_string();
    }
    // Round to 6 significant digits, then pick %e or %f form like C's %g.
    let e = format!("{:.5e}", f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    let g6 = if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", trim(mant), sign, exp.abs())
    } else {
        let decimals = (5 - exp).max(0) as usize;
        trim(&format!("{:.*}", decimals, f))
    };
    // go/constant: a non-integer whose %.6g hides that gets %g (#56220).
    if f.fract() != 0.0 && !g6.contains('.') {
        if (-4..6).contains(&exp) {
            return format!("{f}");
        }
        let e = format!("{f:e}");
        let (mant, x) = e.split_once('e').unwrap_or((&e, "0"));
        let x: i32 = x.parse().unwrap_or(0);
        let sign = if x < 0 { '-' } else { '+' };
        return format!("{mant}e{sign}{:02}", x.abs());
    }
    g6
}

/// Whether `e` (seen through implicit `&`/`*`) has a type parameter's
/// type: a method call on it goes through the instance's dictionary.
pub fn is_type_param_value(prog: &Program, mut e: ExprId) -> bool {
    for _ in 0..4 {
        let ex = prog.expr(e);
        if matches!(
            prog.types.get(ex.ty),
            Type::Alias {
                type_param: true,
                ..
            }
        ) {
            return true;
        }
        match &ex.kind {
            ExprKind::AddrOf(x) | ExprKind::Deref(x) if ex.implicit => e = *x,
            _ => return false,
        }
    }
    false
}

/// An instance's name with its type arguments spelled `targs`:
/// `Max[int]`, `(*Stack[go.shape.int]).Push`, `Pair[string,int].Swap`.
pub fn instance_name(inst: &crate::ir::Instance, targs: &str) -> String {
    match &inst.method {
        Some((m, true)) => format!("(*{}{targs}).{m}", inst.generic),
        Some((m, false)) => format!("{}{targs}.{m}", inst.generic),
        None => format!("{}{targs}", inst.generic),
    }
}

/// Where gc positions a declared function's own code (its wrapper, its
/// `.dict` parameter): right after `func `, at the name or, for a method,
/// at the receiver's `(`.
pub fn func_decl_pos(prog: &Program, f: FuncId) -> crate::diag::Pos {
    let func = prog.func(f);
    match func.receiver {
        Some(r) => {
            let p = prog.var(r).span.pos;
            crate::diag::Pos::new(p.line, p.col.saturating_sub(1).max(1))
        }
        None => func.span.pos,
    }
}

/// gc's name for function `f`: a generic instance is its shaped body
/// (`Max[go.shape.int]`, `(*Stack[go.shape.int]).Push`), closures in it
/// `Map[go.shape.int].func1`.
pub fn gc_func_name(prog: &Program, f: FuncId) -> String {
    let name = &prog.func(f).name;
    let Some((root, inst)) = prog.instance_of(f) else {
        return short_pkg(name);
    };
    let rewrites = Rewrites::default();
    let printer = Printer {
        prog,
        rewrites: &rewrites,
        shapes: true,
    };
    let base = instance_name(
        inst,
        &printer.type_args_with(&inst.targs, true, &inst.basic),
    );
    let root_name = &prog.func(root).name;
    match name.strip_prefix(root_name.as_str()) {
        Some(rest) => format!("{base}{rest}"),
        None => base,
    }
}

/// Strips import-path directories from a qualified name:
/// `unicode/utf8.RuneCountInString` → `utf8.RuneCountInString`.
pub fn short_pkg(name: &str) -> String {
    if !name.contains('/') {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    for c in name.chars() {
        if c == '/' {
            word.clear();
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        out.push_str(&word);
        word.clear();
        out.push(c);
    }
    out.push_str(&word);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_with_six_significant_digits() {
        assert_eq!(format_g6(std::f64::consts::PI), "3.14159");
        assert_eq!(format_g6(1.0 / 3.0), "0.333333");
        assert_eq!(format_g6(2.5), "2.5");
        assert_eq!(format_g6(3.0), "3");
        assert_eq!(format_g6(1e100), "1e+100");
        assert_eq!(format_g6(1e6), "1e+06");
        assert_eq!(format_g6(123456.0), "123456");
        assert_eq!(format_g6(0.0001), "0.0001");
        assert_eq!(format_g6(123456.789), "123456.789");
        assert_eq!(format_g6(0.00001), "1e-05");
        assert_eq!(format_g6(-2.75), "-2.75");
    }

    #[test]
    fn package_paths_shrink_to_their_last_element() {
        assert_eq!(
            short_pkg("unicode/utf8.RuneCountInString"),
            "utf8.RuneCountInString"
        );
        assert_eq!(
            short_pkg("(*strings.Builder).Len"),
            "(*strings.Builder).Len"
        );
        assert_eq!(short_pkg("fmt.Println"), "fmt.Println");
    }
}
