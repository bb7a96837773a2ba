//! Generic functions and types, checked the way a template is: each list
//! of type arguments gets its own instance, lowered from the declaration
//! with every type parameter bound to an alias of its argument (marked
//! `type_param`, so escape analysis can print gc's shape names). Calls
//! infer missing type arguments by unifying parameter types with argument
//! types, then untyped constants' default types, then core types of
//! single-term constraints, as types2 does.

use super::assign::untyped_rank;
use super::operand::{Mode, Operand};
use super::scope::Entity;
use super::{children, field_children, Checker};
use crate::hash::HashMap;
use crate::ir::{FuncKind, Instance, InterfaceType, NamedType, Span, Type, TypeId, TypeTable};
use crate::syntax::Node;

/// A generic function or type declaration and its instances so far.
pub(super) struct Generic<'t> {
    pub name: String,
    /// `function_declaration` or `type_spec`.
    pub decl: Node<'t>,
    pub is_type: bool,
    /// Type parameter names with their constraint nodes.
    pub tparams: Vec<(String, Node<'t>)>,
    /// Instances by type arguments (aliases removed).
    pub instances: HashMap<Vec<TypeId>, Entity>,
    /// Parameter types with placeholders for the type parameters, made on
    /// the first call that needs inference.
    pub inference: Option<InferenceSig>,
}

/// A generic function's signature over placeholder types.
#[derive(Clone)]
pub(super) struct InferenceSig {
    pub placeholders: Vec<TypeId>,
    pub params: Vec<TypeId>,
    pub variadic: bool,
    pub constraints: Vec<TypeId>,
}

/// An instance body waiting to be lowered with its bindings in scope.
pub(super) struct InstanceBody<'t> {
    pub func: crate::ir::FuncId,
    pub decl: Node<'t>,
    pub bindings: HashMap<String, Entity>,
}

/// The type parameters a `type_parameter_list` declares.
fn type_params<'t>(list: Node<'t>, text: impl Fn(Node<'t>) -> String) -> Vec<(String, Node<'t>)> {
    let mut out = Vec::new();
    for decl in children(list) {
        let Some(constraint) = decl.child_by_field_id(field!("type")) else {
            continue;
        };
        for name in field_children(decl, "name") {
            out.push((text(name), constraint));
        }
    }
    out
}

impl<'t> Checker<'t> {
    /// Registers a generic function or type; returns its entity.
    pub(super) fn declare_generic(&mut self, name: &str, decl: Node<'t>, list: Node<'t>) -> Entity {
        let tparams = type_params(list, |n| self.text(n).to_string());
        self.generics.push(Generic {
            name: name.to_string(),
            decl,
            is_type: decl.kind_str() == "type_spec",
            tparams,
            instances: HashMap::default(),
            inference: None,
        });
        Entity::Generic(self.generics.len() - 1)
    }

    /// Runs `f` at package level with `bindings` as the only block scope
    /// (instances are declared in the package scope, wherever the
    /// instantiation is written).
    fn at_package_level<R>(
        &mut self,
        bindings: HashMap<String, Entity>,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let saved_blocks = self.scopes.replace_blocks(vec![bindings]);
        let saved_funcs = std::mem::take(&mut self.funcs);
        let saved_iota = self.iota.take();
        let r = f(self);
        self.iota = saved_iota;
        self.funcs = saved_funcs;
        self.scopes.replace_blocks(saved_blocks);
        r
    }

    /// The type parameters of generic `g` bound to `targs`.
    fn bindings(
        &mut self,
        names: &[String],
        targs: &[TypeId],
        basic: &[bool],
    ) -> HashMap<String, Entity> {
        let mut out = HashMap::default();
        for (i, (name, arg)) in names.iter().zip(targs).enumerate() {
            let alias = if self.placeholders.contains(arg) {
                *arg
            } else {
                self.prog.types.intern(Type::Alias {
                    name: name.clone(),
                    pkg: None,
                    target: *arg,
                    type_param: true,
                    basic: basic.get(i).copied().unwrap_or(true),
                })
            };
            out.insert(name.clone(), Entity::Type(alias));
        }
        out
    }

    /// Generic `g`'s type parameter names, in order.
    fn tparam_names(&self, g: usize) -> Vec<String> {
        self.generics[g]
            .tparams
            .iter()
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// The bindings an instance of `g` for `key` is checked with, and which
    /// of its type parameters have basic constraints.
    fn instance_bindings(
        &mut self,
        g: usize,
        key: &[TypeId],
    ) -> (HashMap<String, Entity>, Vec<bool>) {
        let names = self.tparam_names(g);
        let basic = self.basic_constraints(g);
        (self.bindings(&names, key, &basic), basic)
    }

    /// The error for a generic used without type arguments.
    pub(super) fn uninstantiated(&mut self, node: Node<'_>, g: usize) {
        let what = if self.generics[g].is_type {
            "type"
        } else {
            "function"
        };
        let name = self.generics[g].name.clone();
        self.error(
            node,
            format!("cannot use generic {what} {name} without instantiation"),
        );
    }

    /// A constraint's interface type (`any`, `Number`, `~int | string`).
    fn constraint(&mut self, node: Node<'_>) -> TypeId {
        let parts = children(node);
        if let [one] = parts.as_slice() {
            if one.kind_str() != "negated_type" {
                let t = self.resolve_type(*one);
                if t == TypeTable::INVALID || matches!(self.prog.types.under(t), Type::Interface(_))
                {
                    return t;
                }
                return self.union_constraint(vec![(false, t)]);
            }
        }
        let mut terms = Vec::new();
        for part in parts {
            let (tilde, tn) = match part.kind_str() {
                "negated_type" => match children(part).first() {
                    Some(inner) => (true, *inner),
                    None => continue,
                },
                _ => (false, part),
            };
            let t = self.resolve_type(tn);
            if t != TypeTable::INVALID {
                terms.push((tilde, t));
            }
        }
        self.union_constraint(terms)
    }

    fn union_constraint(&mut self, terms: Vec<(bool, TypeId)>) -> TypeId {
        self.prog.types.intern(Type::Interface(InterfaceType {
            methods: vec![],
            declared: vec![],
            embedded: vec![],
            unions: vec![terms],
            comparable: false,
        }))
    }

    /// The predeclared `comparable`.
    pub(super) fn comparable_constraint(&mut self) -> TypeId {
        self.prog.types.intern(Type::Interface(InterfaceType {
            methods: vec![],
            declared: vec![],
            embedded: vec![],
            unions: vec![],
            comparable: true,
        }))
    }

    /// types2's complaint when `targ` is not in `constraint`'s type set.
    fn unsatisfied(&mut self, targ: TypeId, constraint: TypeId) -> Option<String> {
        let Type::Interface(iface) = self.prog.types.under(constraint).clone() else {
            return None;
        };
        let t = self.type_string(targ);
        let c = self.type_string(constraint);
        for union in &iface.unions {
            let ok = union.iter().any(|(tilde, term)| {
                if *tilde {
                    self.prog.types.identical(
                        self.prog.types.underlying(targ),
                        self.prog.types.underlying(*term),
                    )
                } else {
                    self.prog.types.identical(targ, *term)
                }
            });
            if !ok {
                let terms: Vec<String> = union
                    .iter()
                    .map(|(tilde, term)| {
                        format!(
                            "{}{}",
                            if *tilde { "~" } else { "" },
                            self.type_string(*term)
                        )
                    })
                    .collect();
                return Some(format!(
                    "{t} does not satisfy {c} ({t} missing in {})",
                    terms.join(" | ")
                ));
            }
        }
        if iface.comparable && !self.comparable(targ) {
            return Some(format!("{t} does not satisfy comparable"));
        }
        if !iface.methods.is_empty() {
            if let Err(why) = self.implements(targ, constraint) {
                return Some(format!("{t} does not satisfy {c} {why}"));
            }
        }
        None
    }

    /// Checks `targs` against generic `g`'s constraints; a failure is
    /// reported where the type argument came from (`at[i]`, else `at[0]`).
    fn check_constraints(&mut self, g: usize, targs: &[TypeId], at: &[Node<'_>]) -> bool {
        let tparams = self.generics[g].tparams.clone();
        let names = self.tparam_names(g);
        let bindings = self.bindings(&names, targs, &[]);
        let constraints = self.at_package_level(bindings, |c| {
            tparams
                .iter()
                .map(|(_, n)| c.constraint(*n))
                .collect::<Vec<_>>()
        });
        for (i, (targ, constraint)) in targs.iter().zip(constraints).enumerate() {
            if let Some(msg) = self.unsatisfied(*targ, constraint) {
                if let Some(n) = at.get(i).or(at.first()) {
                    self.error(*n, msg);
                }
                return false;
            }
        }
        true
    }

    /// Type arguments written in brackets: `[int, string]`.
    pub(super) fn type_args(&mut self, nodes: &[Node<'_>]) -> Option<Vec<TypeId>> {
        let mut out = Vec::new();
        for n in nodes {
            let n = if n.kind_str() == "type_elem" {
                children(*n).first().copied().unwrap_or(*n)
            } else {
                *n
            };
            let t = self.resolve_type(n);
            if t == TypeTable::INVALID {
                return None;
            }
            out.push(t);
        }
        Some(out)
    }

    fn arity_ok(&mut self, g: usize, targs: &[TypeId], at: Node<'_>) -> bool {
        let want = self.generics[g].tparams.len();
        let name = self.generics[g].name.clone();
        if targs.len() > want {
            self.error(
                at,
                format!(
                    "got {} type arguments but {name} has {want} type parameters",
                    targs.len()
                ),
            );
            return false;
        }
        if targs.len() < want {
            self.error(
                at,
                format!(
                    "not enough type arguments for type {name}: have {}, want {want}",
                    targs.len()
                ),
            );
            return false;
        }
        true
    }

    /// The instance of generic type `g` for `targs` (made on first use).
    pub(super) fn instantiate_type(
        &mut self,
        g: usize,
        targs: Vec<TypeId>,
        at: Node<'_>,
    ) -> TypeId {
        if !self.generics[g].is_type {
            let name = self.generics[g].name.clone();
            self.error(at, format!("{name} is not a type"));
            return TypeTable::INVALID;
        }
        if !self.arity_ok(g, &targs, at) {
            return TypeTable::INVALID;
        }
        let key: Vec<TypeId> = targs.iter().map(|t| self.prog.types.unalias(*t)).collect();
        if let Some(Entity::Type(t)) = self.generics[g].instances.get(&key) {
            return *t;
        }
        if self.too_deep(g, &key, &[at]) {
            return TypeTable::INVALID;
        }
        let open = key.iter().any(|t| self.mentions_placeholder(*t, 0));
        if !open && !self.check_constraints(g, &key, &[at]) {
            return TypeTable::INVALID;
        }
        let decl = self.generics[g].decl;
        let name = self.generics[g].name.clone();
        let span = match decl.child_by_field_id(field!("name")) {
            Some(n) => self.span(n),
            None => Span::default(),
        };
        let (nid, ty) = self.prog.types.new_named(NamedType {
            name: name.clone(),
            pkg: None,
            underlying: TypeTable::INVALID,
            methods: Vec::new(),
            targs: key.clone(),
            local: 0,
            span,
        });
        self.generics[g]
            .instances
            .insert(key.clone(), Entity::Type(ty));
        let (bindings, basic) = self.instance_bindings(g, &key);
        let underlying =
            self.at_package_level(bindings, |c| match decl.child_by_field_id(field!("type")) {
                Some(tn) => c.resolve_type(tn),
                None => TypeTable::INVALID,
            });
        let underlying = self.prog.types.underlying(underlying);
        self.prog.types.named[nid].underlying = underlying;
        if !open {
            let methods = self.generic_methods.get(&name).cloned().unwrap_or_default();
            for m in methods {
                self.instantiate_method(m, nid, ty, &key, &name, &basic);
            }
        }
        ty
    }

    /// Declares method `decl` of a generic type on its instance `ty`.
    fn instantiate_method(
        &mut self,
        decl: Node<'t>,
        nid: crate::ir::NamedId,
        ty: TypeId,
        targs: &[TypeId],
        generic: &str,
        basic: &[bool],
    ) {
        let Some(name_node) = decl.child_by_field_id(field!("name")) else {
            return;
        };
        let Some(recv) = decl
            .child_by_field_id(field!("receiver"))
            .and_then(|l| children(l).first().copied())
        else {
            return;
        };
        let Some(recv_type) = recv.child_by_field_id(field!("type")) else {
            return;
        };
        let (base, pointer) = match recv_type.kind_str() {
            "pointer_type" => match children(recv_type).first() {
                Some(b) => (*b, true),
                None => return,
            },
            _ => (recv_type, false),
        };
        // The receiver names the type parameters afresh: `(s *Stack[E])`.
        let names: Vec<String> = base
            .child_by_field_id(field!("type_arguments"))
            .map(children)
            .unwrap_or_default()
            .into_iter()
            .map(|a| self.text(a).trim().to_string())
            .collect();
        let mname = self.text(name_node).to_string();
        let display = self.type_string(ty);
        let full_name = if pointer {
            format!("(*{display}).{mname}")
        } else {
            format!("{display}.{mname}")
        };
        let recv_ty = if pointer {
            self.prog.types.pointer(ty)
        } else {
            ty
        };
        let recv_name = recv
            .child_by_field_id(field!("name"))
            .map(|n| (self.text(n).to_string(), self.span(n)));
        let bindings = self.bindings(&names, targs, basic);
        let kind = FuncKind::Method {
            named: nid,
            pointer_receiver: pointer,
        };
        let func = self.at_package_level(bindings.clone(), |c| {
            c.new_func_from_decl(decl, full_name, kind, Some((recv_ty, recv_name)))
        });
        self.prog.funcs[func].instance = Some(Instance {
            generic: generic.to_string(),
            targs: targs.to_vec(),
            basic: basic.to_vec(),
            method: Some((mname.clone(), pointer)),
        });
        let named = &self.prog.types.named[nid];
        if named.methods.iter().any(|m| m.name == mname) {
            self.error(
                name_node,
                format!("method {generic}.{mname} already declared"),
            );
            return;
        }
        self.prog.types.named[nid]
            .methods
            .push(crate::ir::MethodDecl {
                name: mname,
                func,
                pointer_receiver: pointer,
            });
        self.instance_bodies.push_back(InstanceBody {
            func,
            decl,
            bindings,
        });
    }

    /// The instance of generic function `g` for `targs`.
    pub(super) fn instantiate_func(
        &mut self,
        g: usize,
        targs: Vec<TypeId>,
        at: &[Node<'_>],
    ) -> Option<crate::ir::FuncId> {
        if self.generics[g].is_type {
            return None;
        }
        let key: Vec<TypeId> = targs.iter().map(|t| self.prog.types.unalias(*t)).collect();
        if let Some(Entity::Func(f)) = self.generics[g].instances.get(&key) {
            return Some(*f);
        }
        if self.too_deep(g, &key, at) {
            return None;
        }
        if !self.check_constraints(g, &key, at) {
            return None;
        }
        let decl = self.generics[g].decl;
        let generic = self.generics[g].name.clone();
        let args: Vec<String> = key.iter().map(|t| self.type_string(*t)).collect();
        let name = format!("{generic}[{}]", args.join(","));
        let (bindings, basic) = self.instance_bindings(g, &key);
        let func = self.at_package_level(bindings.clone(), |c| {
            c.new_func_from_decl(decl, name, FuncKind::TopLevel, None)
        });
        self.prog.funcs[func].instance = Some(Instance {
            generic,
            targs: key.clone(),
            basic,
            method: None,
        });
        self.generics[g].instances.insert(key, Entity::Func(func));
        self.instance_bodies.push_back(InstanceBody {
            func,
            decl,
            bindings,
        });
        Some(func)
    }

    /// Lowers the bodies of the instances made so far (and of those their
    /// bodies make).
    pub(super) fn lower_instance_bodies(&mut self) {
        while let Some(body) = self.instance_bodies.pop_front() {
            self.at_package_level(body.bindings, |c| c.lower_body(body.func, body.decl));
        }
    }

    /// Type arguments nested this deeply can only come from a generic
    /// that instantiates itself with ever larger types (`F[[]T]` inside
    /// `F`), which Go rejects as an instantiation cycle.
    fn too_deep(&mut self, g: usize, targs: &[TypeId], at: &[Node<'_>]) -> bool {
        const MAX_TYPE_DEPTH: u32 = 24;
        let Some(i) = targs
            .iter()
            .position(|t| self.type_depth(*t, 0) >= MAX_TYPE_DEPTH)
        else {
            return false;
        };
        // types2 reports it at the type parameter, naming the argument.
        let tp = self.generics[g]
            .tparams
            .get(i)
            .map(|p| p.0.clone())
            .unwrap_or_default();
        let start = self.type_param_offset(g, i);
        let detail = match at.get(i).or(at.first()) {
            Some(n) => format!(
                "\n\t./main.go:{}: {tp} instantiated as {}",
                self.lines.pos(n.start_byte()),
                self.text(*n)
            ),
            None => String::new(),
        };
        self.error_at(
            start,
            start + tp.len(),
            format!("instantiation cycle:{detail}"),
        );
        true
    }

    fn type_depth(&self, ty: TypeId, depth: u32) -> u32 {
        if depth > 32 {
            return depth;
        }
        let d = depth + 1;
        let types = &self.prog.types;
        match types.get(ty) {
            Type::Pointer(e) | Type::Slice(e) => self.type_depth(*e, d),
            Type::Array { elem, .. } | Type::Chan { elem, .. } => self.type_depth(*elem, d),
            Type::Map { key, value } => self.type_depth(*key, d).max(self.type_depth(*value, d)),
            Type::Named(n) => types.named[*n]
                .targs
                .iter()
                .map(|t| self.type_depth(*t, d))
                .max()
                .unwrap_or(depth),
            Type::Alias { target, .. } => self.type_depth(*target, depth),
            _ => depth,
        }
    }

    /// For each type parameter of `g`: whether its constraint is a basic
    /// interface (methods only), which decides how gc shapes pointers.
    fn basic_constraints(&mut self, g: usize) -> Vec<bool> {
        let sig = self.inference_sig(g);
        sig.constraints
            .iter()
            .map(|c| match self.prog.types.under(*c) {
                Type::Interface(i) => i.unions.is_empty() && !i.comparable,
                _ => false,
            })
            .collect()
    }

    /// Whether `ty` mentions an inference placeholder.
    fn mentions_placeholder(&self, ty: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        let d = depth + 1;
        if self.placeholders.contains(&ty) {
            return true;
        }
        let types = &self.prog.types;
        match types.get(ty) {
            Type::Pointer(e) | Type::Slice(e) => self.mentions_placeholder(*e, d),
            Type::Array { elem, .. } | Type::Chan { elem, .. } => {
                self.mentions_placeholder(*elem, d)
            }
            Type::Map { key, value } => {
                self.mentions_placeholder(*key, d) || self.mentions_placeholder(*value, d)
            }
            Type::Struct(fields) => fields.iter().any(|f| self.mentions_placeholder(f.ty, d)),
            Type::Func(sig) => sig
                .params
                .iter()
                .chain(&sig.results)
                .any(|t| self.mentions_placeholder(*t, d)),
            Type::Named(n) => types.named[*n]
                .targs
                .iter()
                .any(|t| self.mentions_placeholder(*t, d)),
            Type::Alias { target, .. } => self.mentions_placeholder(*target, d),
            _ => false,
        }
    }

    /// Generic function `g`'s parameters over placeholder types.
    fn inference_sig(&mut self, g: usize) -> InferenceSig {
        if let Some(sig) = &self.generics[g].inference {
            return sig.clone();
        }
        let tparams = self.generics[g].tparams.clone();
        let mut placeholders = Vec::new();
        for (name, _) in &tparams {
            let (_, t) = self.prog.types.new_named(NamedType {
                name: name.clone(),
                pkg: None,
                underlying: self.prog.types.empty_interface,
                methods: Vec::new(),
                targs: Vec::new(),
                local: crate::ir::NamedType::PLACEHOLDER,
                span: Span::default(),
            });
            self.placeholders.insert(t);
            placeholders.push(t);
        }
        let names = self.tparam_names(g);
        let bindings = self.bindings(&names, &placeholders, &[]);
        let decl = self.generics[g].decl;
        let (params, variadic, constraints) = self.at_package_level(bindings, |c| {
            let mut params = Vec::new();
            let mut variadic = false;
            if let Some(list) = decl.child_by_field_id(field!("parameters")) {
                for p in children(list) {
                    let Some(tn) = p.child_by_field_id(field!("type")) else {
                        continue;
                    };
                    let mut ty = c.resolve_type(tn);
                    if p.kind_str() == "variadic_parameter_declaration" {
                        ty = c.prog.types.slice(ty);
                        variadic = true;
                    }
                    let n = field_children(p, "name").len().max(1);
                    params.extend(std::iter::repeat_n(ty, n));
                }
            }
            let constraints: Vec<TypeId> = tparams.iter().map(|(_, n)| c.constraint(*n)).collect();
            (params, variadic, constraints)
        });
        let sig = InferenceSig {
            placeholders,
            params,
            variadic,
            constraints,
        };
        self.generics[g].inference = Some(sig.clone());
        sig
    }

    /// `ty` with the bound placeholders replaced; `None` while one it
    /// mentions is unbound.
    fn subst(
        &mut self,
        ty: TypeId,
        ph: &[TypeId],
        bound: &[Option<TypeId>],
        depth: u32,
    ) -> Option<TypeId> {
        if depth > 32 {
            return None;
        }
        let d = depth + 1;
        if let Some(i) = ph.iter().position(|p| *p == ty) {
            return bound[i];
        }
        if !self.mentions_placeholder(ty, 0) {
            return Some(ty);
        }
        Some(match self.prog.types.get(ty).clone() {
            Type::Pointer(e) => {
                let e = self.subst(e, ph, bound, d)?;
                self.prog.types.pointer(e)
            }
            Type::Slice(e) => {
                let e = self.subst(e, ph, bound, d)?;
                self.prog.types.slice(e)
            }
            Type::Array { len, elem } => {
                let elem = self.subst(elem, ph, bound, d)?;
                self.prog.types.intern(Type::Array { len, elem })
            }
            Type::Chan { dir, elem } => {
                let elem = self.subst(elem, ph, bound, d)?;
                self.prog.types.intern(Type::Chan { dir, elem })
            }
            Type::Map { key, value } => {
                let key = self.subst(key, ph, bound, d)?;
                let value = self.subst(value, ph, bound, d)?;
                self.prog.types.intern(Type::Map { key, value })
            }
            Type::Alias { target, .. } => self.subst(target, ph, bound, d)?,
            Type::Named(n) => {
                let named = self.prog.types.named[n].clone();
                let g = self
                    .generics
                    .iter()
                    .position(|g| g.is_type && g.name == named.name)?;
                let mut targs = Vec::new();
                for t in named.targs {
                    targs.push(self.subst(t, ph, bound, d)?);
                }
                let at = self.generics[g].decl;
                self.instantiate_type(g, targs, at)
            }
            _ => return None,
        })
    }

    /// Unifies parameter type `p` (over placeholders) with argument type
    /// `a`, binding placeholders in `bound`.
    fn unify(
        &self,
        p: TypeId,
        a: TypeId,
        ph: &[TypeId],
        bound: &mut [Option<TypeId>],
        depth: u32,
    ) -> bool {
        if depth > 32 {
            return true;
        }
        let d = depth + 1;
        let types = &self.prog.types;
        let p = types.unalias(p);
        if let Some(i) = ph.iter().position(|x| *x == p) {
            match bound[i] {
                None => bound[i] = Some(a),
                Some(b) => {
                    if types.identical(b, a) {
                        return true;
                    }
                    // Inexact: a defined type and its underlying type unify.
                    if types.identical(types.underlying(b), types.underlying(a)) {
                        if types.named_of(a).is_some() {
                            bound[i] = Some(a);
                        }
                        return true;
                    }
                    return false;
                }
            }
            return true;
        }
        if !self.mentions_placeholder(p, 0) {
            return true;
        }
        let a_id = types.unalias(a);
        if let (Type::Named(np), Type::Named(na)) = (types.get(p), types.get(a_id)) {
            let (np, na) = (&types.named[*np], &types.named[*na]);
            if np.name == na.name && np.targs.len() == na.targs.len() && np.pkg == na.pkg {
                return np
                    .targs
                    .clone()
                    .iter()
                    .zip(na.targs.clone())
                    .all(|(x, y)| self.unify(*x, y, ph, bound, d));
            }
            return false;
        }
        let au = types.underlying(a_id);
        match (types.get(p).clone(), types.get(au).clone()) {
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => {
                self.unify(x, y, ph, bound, d)
            }
            (Type::Array { len: l1, elem: x }, Type::Array { len: l2, elem: y }) => {
                l1 == l2 && self.unify(x, y, ph, bound, d)
            }
            (Type::Chan { elem: x, .. }, Type::Chan { elem: y, .. }) => {
                self.unify(x, y, ph, bound, d)
            }
            (Type::Map { key: k1, value: v1 }, Type::Map { key: k2, value: v2 }) => {
                self.unify(k1, k2, ph, bound, d) && self.unify(v1, v2, ph, bound, d)
            }
            (Type::Func(s1), Type::Func(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1
                        .params
                        .iter()
                        .zip(&s2.params)
                        .chain(s1.results.iter().zip(&s2.results))
                        .all(|(x, y)| self.unify(*x, *y, ph, bound, d))
            }
            (Type::Struct(f1), Type::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1
                        .iter()
                        .zip(&f2)
                        .all(|(x, y)| self.unify(x.ty, y.ty, ph, bound, d))
            }
            _ => false,
        }
    }

    /// Infers the type arguments of a call of generic function `g` from
    /// its already-checked arguments; `explicit` come first.
    pub(super) fn infer(
        &mut self,
        g: usize,
        explicit: Vec<TypeId>,
        args: &[Operand<'_>],
        at: usize,
    ) -> Option<Vec<TypeId>> {
        let sig = self.inference_sig(g);
        let n = sig.placeholders.len();
        let mut bound: Vec<Option<TypeId>> = vec![None; n];
        for (i, t) in explicit.into_iter().enumerate().take(n) {
            bound[i] = Some(t);
        }
        let param_of = |i: usize, c: &Self| -> Option<TypeId> {
            if sig.variadic && i + 1 >= sig.params.len() {
                let last = *sig.params.last()?;
                match c.prog.types.get(last) {
                    Type::Slice(e) => Some(*e),
                    _ => Some(last),
                }
            } else {
                sig.params.get(i).copied()
            }
        };
        let mut untyped: Vec<(usize, TypeId)> = Vec::new();
        for (i, x) in args.iter().enumerate() {
            let Some(p) = param_of(i, self) else { break };
            let untyped_arg = x.mode == Mode::Nil
                || matches!(self.prog.types.get(x.ty), Type::Basic(k) if k.is_untyped());
            if untyped_arg {
                let pu = self.prog.types.unalias(p);
                if let Some(k) = sig.placeholders.iter().position(|t| *t == pu) {
                    if x.mode != Mode::Nil {
                        untyped.push((k, x.ty));
                    }
                }
                continue;
            }
            if !self.unify(p, x.ty, &sig.placeholders, &mut bound, 0) {
                let pt = self.type_string(p);
                let at_ty = self.type_string(x.ty);
                self.error(
                    x.node,
                    format!(
                        "type {at_ty} of {} does not match {pt}",
                        self.node_string(x.node)
                    ),
                );
                return None;
            }
        }
        // Untyped constants: the default type of the "largest" kind.
        for (k, b) in bound.iter_mut().enumerate() {
            if b.is_some() {
                continue;
            }
            let best = untyped
                .iter()
                .filter(|(i, _)| *i == k)
                .map(|(_, t)| *t)
                .max_by_key(|t| untyped_rank(*t));
            if let Some(t) = best {
                *b = Some(self.default_type(t));
            }
        }
        // Core types: `S ~[]E` gives E once S is known, and `PT
        // interface{ *T }` gives PT once T is known.
        for _ in 0..n {
            for k in 0..n {
                let c = sig.constraints[k];
                let (tilde, core) = match self.prog.types.under(c) {
                    Type::Interface(i) if i.unions.len() == 1 && i.unions[0].len() == 1 => {
                        i.unions[0][0]
                    }
                    _ => continue,
                };
                match bound[k] {
                    Some(b) => {
                        self.unify(core, b, &sig.placeholders, &mut bound, 0);
                    }
                    None if !tilde => {
                        if let Some(t) = self.subst(core, &sig.placeholders, &bound, 0) {
                            bound[k] = Some(t);
                        }
                    }
                    None => {}
                }
            }
        }
        if let Some(k) = bound.iter().position(|b| b.is_none()) {
            let name = self.generics[g].name.clone();
            let tp = self.generics[g].tparams[k].0.clone();
            let declared = self.type_param_pos(g, k);
            self.error_at(
                at,
                at + 1,
                format!("in call to {name}, cannot infer {tp} (declared at ./main.go:{declared})"),
            );
            return None;
        }
        Some(bound.into_iter().flatten().collect())
    }

    /// Where generic `g`'s `k`th type parameter is declared.
    fn type_param_pos(&self, g: usize, k: usize) -> crate::diag::Pos {
        self.lines.pos(self.type_param_offset(g, k))
    }

    fn type_param_offset(&self, g: usize, k: usize) -> usize {
        let decl = self.generics[g].decl;
        let list = decl.child_by_field_id(field!("type_parameters"));
        let names: Vec<Node<'_>> = list
            .map(children)
            .unwrap_or_default()
            .into_iter()
            .flat_map(|d| field_children(d, "name"))
            .collect();
        names.get(k).map_or(decl.start_byte(), |n| n.start_byte())
    }

    /// Marks the imports a never-instantiated generic body uses, so they
    /// are not reported as unused.
    pub(super) fn mark_imports_in_generics(&mut self) {
        let decls: Vec<Node<'t>> = self
            .generics
            .iter()
            .filter(|g| g.instances.is_empty())
            .map(|g| g.decl)
            .chain(self.generic_methods.values().flatten().copied())
            .collect();
        for decl in decls {
            let mut stack = vec![decl];
            while let Some(n) = stack.pop() {
                if n.kind_str() == "selector_expression" || n.kind_str() == "qualified_type" {
                    if let Some(op) = children(n).first() {
                        let name = self.text(*op);
                        if let Some(i) = self.imports.iter().position(|imp| imp.name == name) {
                            self.imports[i].used = true;
                        }
                    }
                }
                stack.extend(children(n));
            }
        }
    }

    /// An operand for a generic name used with explicit type arguments:
    /// `Max[int]`, `Pair[string, int]`.
    pub(super) fn explicit_instance<'n>(
        &mut self,
        node: Node<'n>,
        g: usize,
        arg_nodes: &[Node<'_>],
    ) -> Operand<'n> {
        let Some(targs) = self.type_args(arg_nodes) else {
            return self.invalid(node);
        };
        if self.generics[g].is_type {
            let t = self.instantiate_type(g, targs, node);
            if t == TypeTable::INVALID {
                return self.invalid(node);
            }
            return self.type_operand(node, t);
        }
        if !self.arity_ok(g, &targs, node) {
            return self.invalid(node);
        }
        let Some(f) = self.instantiate_func(g, targs, arg_nodes) else {
            return self.invalid(node);
        };
        let ty = self.prog.funcs[f].sig;
        let span = self.span(node);
        self.operand(node, Mode::Value, ty, crate::ir::ExprKind::Func(f), span)
    }

    /// `x` is an index/instantiation whose base names a generic: returns
    /// the generic and the type-argument nodes.
    pub(super) fn generic_base<'n>(&mut self, node: Node<'n>) -> Option<(usize, Vec<Node<'n>>)> {
        let (base, args) = match node.kind_str() {
            "index_expression" => (
                node.child_by_field_id(field!("operand"))?,
                vec![node.child_by_field_id(field!("index"))?],
            ),
            "type_instantiation_expression" | "generic_type" => {
                let base = node.child_by_field_id(field!("type"))?;
                let args = match node.child_by_field_id(field!("type_arguments")) {
                    Some(list) => children(list),
                    None => children(node).into_iter().skip(1).collect(),
                };
                (base, args)
            }
            "identifier" | "type_identifier" => (node, Vec::new()),
            _ => return None,
        };
        if !matches!(base.kind_str(), "identifier" | "type_identifier") {
            return None;
        }
        match self.lookup(self.text(base)) {
            Some(Entity::Generic(g)) => Some((g, args)),
            _ => None,
        }
    }
}
