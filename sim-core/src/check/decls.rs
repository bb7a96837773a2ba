//! Package-level declarations: imports, types, constants, variables,
//! functions and methods, resolved lazily so that order does not matter,
//! then function bodies in source order.

use super::scope::{universe, Entity, PendingDecl, PendingKind, PendingState};
use super::stdlib;
use super::{children, field_children, Checker, FuncCtx, Import, LineIndex};
use crate::hash::HashMap;
use crate::ir::{
    Block, Field, Func, FuncId, FuncKind, IfaceMethod, InterfaceType, MethodDecl, NamedType,
    Signature, Span, StmtKind, Type, TypeId, TypeTable, Var, VarId, VarKind,
};
use crate::syntax::Node;
use crate::syntax::SyntaxTree;
use std::sync::OnceLock;

/// The standard-library packages Escapade declares.
const STD_PACKAGES: [&str; 11] = [
    "fmt",
    "io",
    "os",
    "strings",
    "strconv",
    "errors",
    "sort",
    "sync",
    "math",
    "unicode",
    "unicode/utf8",
];

/// A standard-library declaration file, parsed once per process when first
/// imported.
fn std_tree(path: &str) -> Option<&'static SyntaxTree> {
    static TREES: [OnceLock<Option<SyntaxTree>>; STD_PACKAGES.len()] =
        [const { OnceLock::new() }; STD_PACKAGES.len()];
    let i = STD_PACKAGES.iter().position(|p| *p == path)?;
    TREES[i]
        .get_or_init(|| stdlib::package_source(path).map(crate::syntax::parse_trusted))
        .as_ref()
}

/// A function declaration whose body is lowered after all package-level
/// declarations are resolved.
struct BodyTodo<'t> {
    func: FuncId,
    decl: Node<'t>,
}

impl<'t> Checker<'t> {
    /// Checks a file given as its top-level nodes (see
    /// [`crate::syntax::SyntaxTree::top_level`]).
    pub(super) fn check_file(&mut self, items: Vec<Node<'t>>) {
        let mut todo = Vec::new();
        self.declare_package(&items, &mut todo);
        for item in todo {
            self.lower_body(item.func, item.decl);
        }
        self.lower_instance_bodies();
        self.mark_imports_in_generics();
        self.finish_package_init();
        for i in 0..self.imports.len() {
            if !self.imports[i].used {
                let imp = &self.imports[i];
                let msg = if imp.name == last_segment(&imp.path) {
                    format!("{:?} imported and not used", imp.path)
                } else {
                    format!("{:?} imported as {} and not used", imp.path, imp.name)
                };
                let (start, end) = (imp.span.start as usize, imp.span.end as usize);
                self.error_at(start, end, msg);
            }
        }
        // A package without func main compiles; the linker rejects it
        // (see `escape::EscapeResult::link_error`).
    }

    /// Collects and resolves every top-level declaration among a file's
    /// top-level nodes (comments pass unread); bodies go to `todo`.
    fn declare_package(&mut self, items: &[Node<'t>], todo: &mut Vec<BodyTodo<'t>>) {
        for item in items {
            match item.kind_str() {
                "package_clause" if self.current_pkg.is_none() => {
                    if let Some(name) = children(*item).first() {
                        self.prog.package = self.text(*name).to_string();
                    }
                }
                "import_declaration" => self.declare_imports(*item),
                _ => {}
            }
        }
        // Names first, so declarations may refer to each other in any order.
        let mut funcs = Vec::new();
        for item in items {
            match item.kind_str() {
                "type_declaration" => {
                    for spec in children(*item) {
                        self.collect_pending(spec, PendingKind::Type { spec });
                    }
                }
                "const_declaration" => self.collect_consts(*item),
                "var_declaration" => {
                    for spec in var_specs(*item) {
                        for (index, name) in field_children(spec, "name").into_iter().enumerate() {
                            self.collect_pending(name, PendingKind::Var { spec, index });
                        }
                    }
                }
                "method_declaration" if self.generic_receiver(*item).is_some() => {
                    if let Some(base) = self.generic_receiver(*item) {
                        self.generic_methods.entry(base).or_default().push(*item);
                    }
                }
                "function_declaration" | "method_declaration" => funcs.push(*item),
                _ => {}
            }
        }
        // Function names are visible before any body or initialiser.
        let mut declared = Vec::new();
        for decl in funcs
            .iter()
            .filter(|d| d.kind_str() == "function_declaration")
        {
            if let Some(func) = self.declare_func(*decl) {
                declared.push((func, *decl));
            }
        }
        // Types, then methods (method sets must be complete before any
        // expression is checked), then everything else.
        for i in 0..self.scopes.pending.len() {
            if matches!(self.scopes.pending[i].kind, PendingKind::Type { .. }) {
                self.resolve_pending(i);
            }
        }
        for decl in funcs
            .iter()
            .filter(|d| d.kind_str() == "method_declaration")
        {
            if let Some(func) = self.declare_method(*decl) {
                declared.push((func, *decl));
            }
        }
        for i in 0..self.scopes.pending.len() {
            self.resolve_pending(i);
        }
        crate::sort::by_key(&mut declared, |(_, d)| d.start_byte());
        for (func, decl) in declared {
            if decl.child_by_field_id(field!("body")).is_some() {
                todo.push(BodyTodo { func, decl });
            } else if self.current_pkg.is_none() {
                // Compiled as `go tool compile` does (the body would be in
                // assembly); `go build` and the machine refuse to link it
                // (see `Program::bodyless`).
                self.prog.funcs[func].noescape = self.has_pragma(decl, "//go:noescape");
                self.prog.bodyless.push(func);
            }
        }
    }

    /// Whether a `//go:` directive `pragma` stands in the comments right
    /// before top-level declaration `decl` (gc attaches them to the next
    /// declaration, blank lines or not).
    fn has_pragma(&self, decl: Node<'t>, pragma: &str) -> bool {
        let mut prev = decl.prev_sibling();
        while let Some(c) = prev.filter(|c| c.kind_str() == "comment") {
            let text = self.text(c);
            if text == pragma || text.starts_with(&format!("{pragma} ")) {
                return true;
            }
            prev = c.prev_sibling();
        }
        false
    }

    fn declare_imports(&mut self, decl: Node<'t>) {
        let mut specs = Vec::new();
        for c in children(decl) {
            if c.kind_str() == "import_spec_list" {
                specs.extend(
                    children(c)
                        .into_iter()
                        .filter(|s| s.kind_str() == "import_spec"),
                );
            } else if c.kind_str() == "import_spec" {
                specs.push(c);
            }
        }
        for spec in specs {
            let Some(path_node) = spec.child_by_field_id(field!("path")) else {
                continue;
            };
            let raw = self.text(path_node);
            let path = raw.trim_matches(|c| c == '"' || c == '`').to_string();
            if !stdlib::is_supported(&path) {
                self.error(path_node, format!("not supported yet: import {raw}"));
                continue;
            }
            let name = match spec.child_by_field_id(field!("name")) {
                Some(n) if n.kind_str() == "dot" => {
                    self.unsupported(n, "dot imports");
                    continue;
                }
                Some(n) => self.text(n).to_string(),
                None => last_segment(&path).to_string(),
            };
            self.load_std(&path);
            // Reported at the spec (the alias, when there is one).
            let span = Span::new(
                self.lines.pos(spec.start_byte()),
                spec.start_byte(),
                spec.end_byte(),
            );
            let index = self.imports.len();
            self.imports.push(Import {
                name: name.clone(),
                path,
                used: name == "_",
                span,
            });
            if name != "_" && !self.scopes.declare(&name, Entity::Package(index)) {
                self.error(path_node, format!("{name} redeclared in this block"));
            }
        }
    }

    /// Declares a standard-library package (once), lowering its Go text
    /// with the same machinery as package main.
    pub(super) fn load_std(&mut self, path: &str) {
        if self.std_pkgs.contains_key(path) {
            return;
        }
        if path == "unsafe" {
            let mut members = HashMap::default();
            let pointer = self.prog.types.basic(crate::ir::BasicKind::UnsafePointer);
            members.insert("Pointer".to_string(), Entity::Type(pointer));
            for b in crate::ir::Builtin::UNSAFE {
                let member = b.name().trim_start_matches("unsafe.").to_string();
                members.insert(member, Entity::Builtin(b));
            }
            self.std_pkgs.insert(path.to_string(), members);
            return;
        }
        let Some(tree) = std_tree(path) else {
            return;
        };
        let Some(items) = tree.top_level() else {
            return;
        };
        self.std_pkgs.insert(path.to_string(), HashMap::default());
        let saved_src = std::mem::replace(&mut self.src, tree.source());
        let saved_lines = std::mem::replace(&mut self.lines, LineIndex::new(tree.source()));
        let saved_pkg = self.current_pkg.replace(path.to_string());
        let saved_scope = std::mem::take(&mut self.scopes.package);
        let saved_pending = std::mem::take(&mut self.scopes.pending);
        let saved_decl_pos = std::mem::take(&mut self.decl_pos);
        let saved_resolving = std::mem::take(&mut self.resolving);
        let mut todo = Vec::new();
        self.declare_package(&items, &mut todo);
        let mut scope = std::mem::replace(&mut self.scopes.package, saved_scope);
        for entity in scope.values_mut() {
            if let Entity::Pending(i) = entity {
                *entity = match self.scopes.pending.get(*i).map(|p| &p.state) {
                    Some(PendingState::Done(e)) => e.clone(),
                    _ => Entity::Invalid,
                };
            }
        }
        self.scopes.pending = saved_pending;
        self.decl_pos = saved_decl_pos;
        self.resolving = saved_resolving;
        self.current_pkg = saved_pkg;
        self.lines = saved_lines;
        self.src = saved_src;
        self.std_pkgs.insert(path.to_string(), scope);
    }

    fn collect_pending(&mut self, name_or_spec: Node<'t>, kind: PendingKind<'t>) {
        let name_node = match kind {
            PendingKind::Type { spec } => spec.child_by_field_id(field!("name")),
            _ => Some(name_or_spec),
        };
        let Some(name_node) = name_node else {
            return;
        };
        let name = self.text(name_node).to_string();
        if name == "_" {
            // Still checked, never referenced.
            self.scopes.pending.push(PendingDecl {
                name,
                kind,
                state: PendingState::Unresolved,
            });
            return;
        }
        let is_main_package = self.prog.is_main_package();
        if name == "init"
            || (name == "main" && is_main_package && !matches!(kind, PendingKind::Type { .. }))
        {
            self.error(name_node, format!("cannot declare {name} - must be func"));
        }
        let index = self.scopes.pending.len();
        self.scopes.pending.push(PendingDecl {
            name: name.clone(),
            kind,
            state: PendingState::Unresolved,
        });
        if self.scopes.package.contains_key(&name) {
            let other = self.decl_pos.get(&name).copied();
            self.redeclared(name_node, &name, other);
        } else {
            let pos = self.lines.pos(name_node.start_byte());
            self.decl_pos.insert(name.clone(), pos);
            self.scopes.package.insert(name, Entity::Pending(index));
        }
    }

    fn redeclared(&mut self, at: Node<'_>, name: &str, other: Option<crate::diag::Pos>) {
        let msg = match other {
            Some(p) => format!(
                "{name} redeclared in this block\n\t./main.go:{p}: other declaration of {name}"
            ),
            None => format!("{name} redeclared in this block"),
        };
        self.error(at, msg);
    }

    fn collect_consts(&mut self, decl: Node<'t>) {
        let mut last_with_values: Option<Node<'t>> = None;
        let specs: Vec<Node<'t>> = children(decl)
            .into_iter()
            .filter(|s| s.kind_str() == "const_spec")
            .collect();
        for (iota, spec) in specs.into_iter().enumerate() {
            if spec.child_by_field_id(field!("value")).is_some() {
                last_with_values = Some(spec);
            }
            let source = last_with_values.unwrap_or(spec);
            for (index, name) in field_children(spec, "name").into_iter().enumerate() {
                self.collect_pending(
                    name,
                    PendingKind::Const {
                        name,
                        spec: source,
                        index,
                        iota: iota as i128,
                    },
                );
            }
        }
    }

    /// Resolves package-level declaration `i` (and, recursively, what it
    /// refers to).
    pub(super) fn resolve_pending(&mut self, i: usize) -> Entity {
        let Some(decl) = self.scopes.pending.get(i).cloned() else {
            return Entity::Invalid;
        };
        match decl.state {
            PendingState::Done(e) => return e,
            PendingState::InProgress => {
                self.report_cycle(i);
                return Entity::Invalid;
            }
            PendingState::Unresolved => {}
        }
        self.scopes.pending[i].state = PendingState::InProgress;
        self.resolving.push(i);
        // Package-level declarations are resolved outside any function.
        let saved_funcs = std::mem::take(&mut self.funcs);
        let entity = match decl.kind {
            PendingKind::Type { spec } => self.declare_type(i, spec),
            PendingKind::Const {
                name,
                spec,
                index,
                iota,
            } => self.declare_const(name, spec, index, iota),
            PendingKind::Var { spec, index } => self.declare_global(spec, index),
        };
        self.funcs = saved_funcs;
        self.resolving.pop();
        self.scopes.pending[i].state = PendingState::Done(entity.clone());
        entity
    }

    /// types2's "initialization cycle" for variables and constants that
    /// refer to each other, reported once at the first of them.
    fn report_cycle(&mut self, i: usize) {
        let Some(start) = self.resolving.iter().position(|&r| r == i) else {
            return;
        };
        let cycle: Vec<usize> = self.resolving[start..].to_vec();
        let mut members = Vec::new();
        for &c in &cycle {
            let decl = &self.scopes.pending[c];
            let node = match decl.kind {
                PendingKind::Var { spec, index } => {
                    field_children(spec, "name").get(index).copied()
                }
                PendingKind::Const { name, .. } => Some(name),
                PendingKind::Type { .. } => return,
            };
            let Some(node) = node else { return };
            members.push((decl.name.clone(), node.start_byte(), node.end_byte()));
        }
        let Some((first, start_byte, end_byte)) = members.first().cloned() else {
            return;
        };
        let mut msg = format!("initialization cycle for {first}");
        for (k, (name, at, _)) in members.iter().enumerate() {
            let next = &members[(k + 1) % members.len()].0;
            let pos = self.lines.pos(*at);
            msg.push_str(&format!("\n\t./main.go:{pos}: {name} refers to {next}"));
        }
        self.error_at(start_byte, end_byte, msg);
    }

    fn declare_type(&mut self, i: usize, spec: Node<'t>) -> Entity {
        let Some(type_node) = spec.child_by_field_id(field!("type")) else {
            return Entity::Invalid;
        };
        let name = self.scopes.pending[i].name.clone();
        if let Some(tp) = spec.child_by_field_id(field!("type_parameters")) {
            return self.declare_generic(&name, spec, tp);
        }
        if spec.kind_str() == "type_alias" {
            let target = self.resolve_type(type_node);
            let ty = self.prog.types.intern(Type::Alias {
                name,
                pkg: self.current_pkg.clone(),
                target,
                type_param: false,
                basic: false,
            });
            return Entity::Type(ty);
        }
        let (nid, ty) = self.prog.types.new_named(NamedType {
            name,
            pkg: self.current_pkg.clone(),
            underlying: TypeTable::INVALID,
            methods: Vec::new(),
            targs: Vec::new(),
            local: 0,
            span: match spec.child_by_field_id(field!("name")) {
                Some(n) if self.current_pkg.is_none() => self.span(n),
                _ => Span::default(),
            },
        });
        // Visible before its underlying type, for recursive types.
        self.scopes.pending[i].state = PendingState::Done(Entity::Type(ty));
        let underlying = self.resolve_type(type_node);
        let underlying = self.prog.types.underlying(underlying);
        self.prog.types.named[nid].underlying = underlying;
        Entity::Type(ty)
    }

    fn declare_const(
        &mut self,
        name: Node<'t>,
        spec: Node<'t>,
        index: usize,
        iota: i128,
    ) -> Entity {
        let values = spec
            .child_by_field_id(field!("value"))
            .map(children)
            .unwrap_or_default();
        let saved_iota = self.iota.replace(iota);
        let entity = self.const_entity(name, spec, &values, index);
        self.iota = saved_iota;
        entity
    }

    /// Evaluates the `index`th constant of a spec (shared with local
    /// constant declarations).
    pub(super) fn const_entity(
        &mut self,
        name: Node<'_>,
        spec: Node<'_>,
        values: &[Node<'_>],
        index: usize,
    ) -> Entity {
        let declared = spec
            .child_by_field_id(field!("type"))
            .map(|t| self.resolve_type(t));
        let Some(value) = values.get(index).copied() else {
            self.error(name, "missing init expr for const declaration");
            return Entity::Invalid;
        };
        let x = self.expr(value);
        if x.is_invalid() {
            return Entity::Invalid;
        }
        let Some(val) = x.val.clone() else {
            let desc = self.describe(&x);
            self.error(value, format!("{desc} is not constant"));
            return Entity::Invalid;
        };
        let ty = match declared {
            Some(t) => {
                let converted = self.assign_operand(x, t, "constant declaration");
                match converted.and_then(|e| match &self.prog.exprs[e].kind {
                    crate::ir::ExprKind::Const(v) => Some(v.clone()),
                    _ => None,
                }) {
                    Some(v) => return Entity::Const { ty: t, val: v },
                    None => return Entity::Invalid,
                }
            }
            None => x.ty,
        };
        Entity::Const { ty, val }
    }

    fn declare_global(&mut self, spec: Node<'t>, index: usize) -> Entity {
        let names = field_children(spec, "name");
        let Some(name) = names.get(index).copied() else {
            return Entity::Invalid;
        };
        // All names of a spec are declared together, by its first name.
        if index > 0 {
            if let Some(Entity::Pending(first)) = self
                .scopes
                .package
                .get(self.text(names[0]))
                .cloned()
                .filter(|_| self.text(names[0]) != "_")
            {
                self.resolve_pending(first);
            } else {
                // `_` first: resolve the spec via this name instead.
            }
            let text = self.text(name).to_string();
            if let Some(Entity::Var(v)) =
                self.global_by_name.get(&(spec.start_byte(), text)).cloned()
            {
                return Entity::Var(v);
            }
        }
        let vars = self.lower_global_spec(spec);
        let text = self.text(name).to_string();
        for (n, v) in names.iter().zip(&vars) {
            let key = (spec.start_byte(), self.text(*n).to_string());
            self.global_by_name.insert(key, Entity::Var(*v));
        }
        match self.global_by_name.get(&(spec.start_byte(), text)) {
            Some(e) => e.clone(),
            None => Entity::Invalid,
        }
    }

    /// Declares the variables of a package-level `var` spec and lowers its
    /// initialiser into the package init function.
    fn lower_global_spec(&mut self, spec: Node<'t>) -> Vec<VarId> {
        let init = self.package_init_func();
        let mut ctx = FuncCtx::new(init, Vec::new(), false, self.scopes.depth());
        ctx.closure_count = self.package_closures;
        self.funcs.push(ctx);
        self.scopes.push();
        let (vars, stmt) = self.lower_var_spec(spec, VarKind::Global);
        self.scopes.pop();
        if let Some(ctx) = self.funcs.pop() {
            self.package_closures = ctx.closure_count;
        }
        for v in &vars {
            self.prog.vars[*v].func = None;
            self.mark_used(*v);
            if self.current_pkg.is_none() {
                self.prog.globals.push(*v);
            } else {
                self.prog.vars[*v].pkg = self.current_pkg.clone();
            }
        }
        if let Some(stmt) = stmt {
            if matches!(self.prog.stmts[stmt].kind, StmtKind::Assign { .. }) {
                self.prog.global_init.push(stmt);
            }
        }
        vars
    }

    /// The synthetic function holding package-level initialisation (its
    /// closures need a parent).
    pub(super) fn package_init_func(&mut self) -> FuncId {
        if let Some(f) = self.prog.package_init {
            return f;
        }
        let sig = self.prog.types.intern(Type::Func(Signature::default()));
        let f = self.prog.funcs.alloc(Func {
            name: "init".into(),
            kind: FuncKind::TopLevel,
            sig,
            receiver: None,
            params: vec![],
            results: vec![],
            body: None,
            captures: vec![],
            closures: vec![],
            locals: vec![],
            span: Span::default(),
            instance: None,
            noescape: false,
        });
        self.prog.package_init = Some(f);
        f
    }

    fn finish_package_init(&mut self) {
        if let Some(f) = self.prog.package_init {
            if !self.prog.global_init.is_empty() {
                self.prog.funcs[f].body = Some(Block {
                    stmts: self.prog.global_init.clone(),
                });
            }
        }
    }

    fn declare_func(&mut self, decl: Node<'t>) -> Option<FuncId> {
        let name_node = decl.child_by_field_id(field!("name"))?;
        let name = self.text(name_node).to_string();
        if let Some(tp) = decl.child_by_field_id(field!("type_parameters")) {
            if self.scopes.package.contains_key(&name) {
                let other = self.decl_pos.get(&name).copied();
                self.redeclared(name_node, &name, other);
            } else {
                let entity = self.declare_generic(&name, decl, tp);
                let pos = self.lines.pos(name_node.start_byte());
                self.decl_pos.insert(name.clone(), pos);
                self.scopes.package.insert(name, entity);
            }
            return None;
        }
        let kind = match &self.current_pkg {
            Some(pkg) => FuncKind::Std {
                pkg: pkg.clone(),
                receiver: None,
            },
            None => FuncKind::TopLevel,
        };
        let full_name = match &self.current_pkg {
            Some(pkg) => format!("{pkg}.{name}"),
            None => name.clone(),
        };
        let func = self.new_func_from_decl(decl, full_name, kind, None);
        let special = name == "init" || (name == "main" && self.prog.is_main_package());
        if self.current_pkg.is_none() && special {
            let sig = &self.prog.funcs[func];
            if !sig.params.is_empty() || !sig.results.is_empty() {
                self.error(
                    name_node,
                    format!("func {name} must have no arguments and no return values"),
                );
            }
            if name == "main" {
                self.prog.main = Some(func);
            } else {
                self.prog.inits.push(func);
                return Some(func);
            }
        }
        if name == "_" {
            return Some(func);
        }
        if self.scopes.package.contains_key(&name) {
            let other = self.decl_pos.get(&name).copied();
            self.redeclared(name_node, &name, other);
        } else {
            let pos = self.lines.pos(name_node.start_byte());
            self.decl_pos.insert(name.clone(), pos);
            self.scopes.package.insert(name, Entity::Func(func));
        }
        Some(func)
    }

    /// The generic type a method is declared on (`func (s *Stack[T]) ...`).
    fn generic_receiver(&self, decl: Node<'t>) -> Option<String> {
        let recv = children(decl.child_by_field_id(field!("receiver"))?)
            .first()
            .copied()?;
        let mut t = recv.child_by_field_id(field!("type"))?;
        if t.kind_str() == "pointer_type" {
            t = children(t).first().copied()?;
        }
        if t.kind_str() != "generic_type" {
            return None;
        }
        Some(self.text(t.child_by_field_id(field!("type"))?).to_string())
    }

    fn declare_method(&mut self, decl: Node<'t>) -> Option<FuncId> {
        let name_node = decl.child_by_field_id(field!("name"))?;
        let name = self.text(name_node).to_string();
        let recv_list = decl.child_by_field_id(field!("receiver"))?;
        let params = children(recv_list);
        let Some(recv_decl) = params.first().copied() else {
            self.error(recv_list, "method has no receiver");
            return None;
        };
        if params.len() > 1 {
            self.error(params[1], "method has multiple receivers");
            return None;
        }
        let recv_type_node = recv_decl.child_by_field_id(field!("type"))?;
        let (base_node, pointer) = match recv_type_node.kind_str() {
            "pointer_type" => (children(recv_type_node).first().copied()?, true),
            _ => (recv_type_node, false),
        };
        if base_node.kind_str() == "generic_type" {
            self.unsupported(base_node, "generic methods");
            return None;
        }
        let base = self.resolve_type(base_node);
        let Some(nid) = self.prog.types.named_of(base).filter(|n| {
            self.prog.types.named[*n].pkg == self.current_pkg
                && self.prog.types.named[*n].name != "error"
        }) else {
            if base != TypeTable::INVALID {
                let t = self.type_string(base);
                self.error(
                    base_node,
                    format!("cannot define new methods on non-local type {t}"),
                );
            }
            return None;
        };
        let named = self.prog.types.named[nid].clone();
        if matches!(
            self.prog.types.get(named.underlying),
            Type::Pointer(_) | Type::Interface(_)
        ) {
            let t = self.type_string(base);
            let what = if matches!(self.prog.types.get(named.underlying), Type::Pointer(_)) {
                "pointer"
            } else {
                "interface"
            };
            self.error(
                base_node,
                format!("invalid receiver type {t} (pointer or interface type)"),
            );
            let _ = what;
            return None;
        }
        let type_name = match &named.pkg {
            Some(pkg) => format!("{}.{}", last_segment(pkg), named.name),
            None => named.name.clone(),
        };
        let full_name = if pointer {
            format!("(*{type_name}).{name}")
        } else {
            format!("{type_name}.{name}")
        };
        let kind = match &self.current_pkg {
            Some(pkg) => FuncKind::Std {
                pkg: pkg.clone(),
                receiver: Some((nid, pointer)),
            },
            None => FuncKind::Method {
                named: nid,
                pointer_receiver: pointer,
            },
        };
        let recv_ty = if pointer {
            self.prog.types.pointer(base)
        } else {
            base
        };
        let recv_name = recv_decl
            .child_by_field_id(field!("name"))
            .map(|n| (self.text(n).to_string(), self.span(n)));
        let func = self.new_func_from_decl(decl, full_name, kind, Some((recv_ty, recv_name)));
        if name != "_" {
            let duplicate = named.methods.iter().any(|m| m.name == name);
            let field_clash = match self.prog.types.get(named.underlying) {
                Type::Struct(fields) => fields.iter().any(|f| f.name == name),
                _ => false,
            };
            if duplicate {
                let previous = named
                    .methods
                    .iter()
                    .find(|m| m.name == name)
                    .map(|m| self.prog.funcs[m.func].span.pos);
                let at = previous
                    .map(|p| format!(" at ./main.go:{p}"))
                    .unwrap_or_default();
                self.error(
                    name_node,
                    format!("method {}.{name} already declared{at}", named.name),
                );
            } else if field_clash {
                self.error(
                    name_node,
                    format!("field and method with the same name {name}"),
                );
            } else {
                self.prog.types.named[nid].methods.push(MethodDecl {
                    name,
                    func,
                    pointer_receiver: pointer,
                });
            }
        }
        Some(func)
    }

    /// Creates the IR function for a declaration: its signature and its
    /// receiver, parameter and result variables.
    pub(super) fn new_func_from_decl(
        &mut self,
        decl: Node<'t>,
        name: String,
        kind: FuncKind,
        receiver: Option<(TypeId, Option<(String, Span)>)>,
    ) -> FuncId {
        let span = decl
            .child_by_field_id(field!("name"))
            .map_or_else(|| self.span(decl), |n| self.span(n));
        let sig = self.prog.types.intern(Type::Func(Signature::default()));
        let func = self.prog.funcs.alloc(Func {
            name,
            kind,
            sig,
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
        if let Some((ty, name)) = receiver {
            let (name, span) = name.unwrap_or_else(|| ("_".into(), span));
            let v = self.new_var(name, ty, VarKind::Receiver, Some(func), span);
            self.prog.funcs[func].receiver = Some(v);
        }
        self.fill_signature(func, decl);
        func
    }

    /// Resolves a function's parameters and results into variables.
    pub(super) fn fill_signature(&mut self, func: FuncId, decl: Node<'_>) {
        let mut sig = Signature::default();
        let mut params = Vec::new();
        if let Some(list) = decl.child_by_field_id(field!("parameters")) {
            for p in children(list) {
                let Some(tn) = p.child_by_field_id(field!("type")) else {
                    continue;
                };
                let mut ty = self.resolve_type(tn);
                if p.kind_str() == "variadic_parameter_declaration" {
                    ty = self.prog.types.slice(ty);
                    sig.variadic = true;
                }
                let names = field_children(p, "name");
                if names.is_empty() {
                    let span = self.span(p);
                    let v = self.new_var("_".into(), ty, VarKind::Param, Some(func), span);
                    self.prog.vars[v].unnamed = true;
                    params.push(v);
                    sig.params.push(ty);
                }
                for n in names {
                    let span = self.span(n);
                    let name = self.text(n).to_string();
                    params.push(self.new_var(name, ty, VarKind::Param, Some(func), span));
                    sig.params.push(ty);
                }
            }
        }
        let mut results = Vec::new();
        if let Some(r) = decl.child_by_field_id(field!("result")) {
            if r.kind_str() == "parameter_list" {
                for p in children(r) {
                    let Some(tn) = p.child_by_field_id(field!("type")) else {
                        continue;
                    };
                    let ty = self.resolve_type(tn);
                    let names = field_children(p, "name");
                    if names.is_empty() {
                        let name = format!("~r{}", results.len());
                        let span = self.span(p);
                        results.push(self.new_var(name, ty, VarKind::Result, Some(func), span));
                        sig.results.push(ty);
                    }
                    for n in names {
                        let span = self.span(n);
                        let name = self.text(n).to_string();
                        results.push(self.new_var(name, ty, VarKind::Result, Some(func), span));
                        sig.results.push(ty);
                    }
                }
            } else {
                let ty = self.resolve_type(r);
                let span = self.span(r);
                results.push(self.new_var("~r0".into(), ty, VarKind::Result, Some(func), span));
                sig.results.push(ty);
            }
        }
        let named = |vars: &[VarId], c: &Self| {
            let names: Vec<String> = vars.iter().map(|v| c.prog.vars[*v].name.clone()).collect();
            if names.iter().any(|n| n != "_" && !n.starts_with("~r")) {
                names
            } else {
                Vec::new()
            }
        };
        sig.param_names = named(&params, self);
        sig.result_names = named(&results, self);
        let sig = self.prog.types.intern(Type::Func(sig));
        let f = &mut self.prog.funcs[func];
        f.sig = sig;
        f.params = params;
        f.results = results;
    }

    pub(super) fn new_var(
        &mut self,
        name: String,
        ty: TypeId,
        kind: VarKind,
        func: Option<FuncId>,
        span: Span,
    ) -> VarId {
        self.prog.vars.alloc(Var {
            name,
            ty,
            kind,
            func,
            pkg: None,
            span,
            unnamed: false,
        })
    }

    /// Looks a name up through blocks, package and universe, resolving
    /// package-level declarations on demand.
    pub(super) fn lookup(&mut self, name: &str) -> Option<Entity> {
        if let Some((_, e)) = self.scopes.lookup_block(name) {
            return Some(e);
        }
        if let Some(e) = self.scopes.package.get(name).cloned() {
            return Some(match e {
                Entity::Pending(i) => self.resolve_pending(i),
                e => e,
            });
        }
        match name {
            "error" => Some(Entity::Type(self.prog.types.error)),
            "any" => Some(Entity::Type(self.prog.types.any)),
            _ => universe(name),
        }
    }

    /// Resolves a type expression (a type node, or an expression node that
    /// names a type).
    pub(super) fn resolve_type(&mut self, node: Node<'_>) -> TypeId {
        if self.depth > super::MAX_NESTING {
            self.error(node, "not supported yet: types nested this deeply");
            return TypeTable::INVALID;
        }
        self.depth += 1;
        let ty = self.resolve_type_inner(node);
        self.depth -= 1;
        ty
    }

    fn resolve_type_inner(&mut self, node: Node<'_>) -> TypeId {
        let elem = |c: &mut Self, name: &str| match node.child_by_field_name(name) {
            Some(n) => c.resolve_type(n),
            None => TypeTable::INVALID,
        };
        match node.kind_str() {
            "type_identifier" | "identifier" => {
                let name = self.text(node);
                match self.lookup(name) {
                    Some(Entity::Type(t)) => t,
                    Some(Entity::Invalid) => TypeTable::INVALID,
                    Some(Entity::Generic(g)) => {
                        self.uninstantiated(node, g);
                        TypeTable::INVALID
                    }
                    None => {
                        if name == "comparable" {
                            return self.comparable_constraint();
                        } else {
                            self.error(node, format!("undefined: {name}"));
                        }
                        TypeTable::INVALID
                    }
                    Some(Entity::Var(_)) | Some(Entity::Const { .. }) | Some(Entity::Func(_)) => {
                        self.error(node, format!("{name} is not a type"));
                        TypeTable::INVALID
                    }
                    Some(_) => {
                        self.error(node, format!("{name} is not a type"));
                        TypeTable::INVALID
                    }
                }
            }
            "qualified_type" | "selector_expression" => {
                let (pkg, name) = if node.kind_str() == "qualified_type" {
                    (
                        node.child_by_field_id(field!("package")),
                        node.child_by_field_id(field!("name")),
                    )
                } else {
                    (
                        node.child_by_field_id(field!("operand")),
                        node.child_by_field_id(field!("field")),
                    )
                };
                let (Some(pkg), Some(name)) = (pkg, name) else {
                    return TypeTable::INVALID;
                };
                match self.package_member(pkg, name) {
                    Some(Entity::Type(t)) => t,
                    Some(Entity::Invalid) => TypeTable::INVALID,
                    Some(_) => {
                        let s = self.node_string(node);
                        self.error(node, format!("{s} is not a type"));
                        TypeTable::INVALID
                    }
                    None => TypeTable::INVALID,
                }
            }
            "pointer_type" => match children(node).first() {
                Some(n) => {
                    let t = self.resolve_type(*n);
                    self.prog.types.pointer(t)
                }
                None => TypeTable::INVALID,
            },
            "unary_expression" => {
                let op = node
                    .child_by_field_id(field!("operator"))
                    .map(|o| self.text(o));
                match (op, node.child_by_field_id(field!("operand"))) {
                    (Some("*"), Some(n)) => {
                        let t = self.resolve_type(n);
                        self.prog.types.pointer(t)
                    }
                    _ => {
                        let s = self.node_string(node);
                        self.error(node, format!("{s} is not a type"));
                        TypeTable::INVALID
                    }
                }
            }
            "parenthesized_type" | "parenthesized_expression" => match children(node).first() {
                Some(n) => self.resolve_type(*n),
                None => TypeTable::INVALID,
            },
            "slice_type" => {
                let e = elem(self, "element");
                self.prog.types.slice(e)
            }
            "array_type" => {
                let e = elem(self, "element");
                let len = match node.child_by_field_id(field!("length")) {
                    Some(l) => self.array_length(l),
                    None => 0,
                };
                self.prog.types.intern(Type::Array { len, elem: e })
            }
            "implicit_length_array_type" => {
                self.error(
                    node,
                    "invalid use of [...] array (outside a composite literal)",
                );
                TypeTable::INVALID
            }
            "map_type" => {
                let key = elem(self, "key");
                let value = elem(self, "value");
                if !self.comparable(key) && key != TypeTable::INVALID {
                    if let Some(k) = node.child_by_field_id(field!("key")) {
                        let t = self.type_string(key);
                        self.error(k, format!("invalid map key type {t}"));
                    }
                }
                self.prog.types.intern(Type::Map { key, value })
            }
            "channel_type" => {
                let e = elem(self, "value");
                let text = self.text(node);
                let dir = if text.starts_with("<-") {
                    crate::ir::ChanDir::RecvOnly
                } else if text
                    .trim_start_matches("chan")
                    .trim_start()
                    .starts_with("<-")
                {
                    crate::ir::ChanDir::SendOnly
                } else {
                    crate::ir::ChanDir::Both
                };
                self.prog.types.intern(Type::Chan { dir, elem: e })
            }
            "function_type" => self.func_type(node),
            "struct_type" => self.struct_type(node),
            "interface_type" => self.interface_type(node),
            "generic_type" | "type_instantiation_expression" => match self.generic_base(node) {
                Some((g, args)) => match self.type_args(&args) {
                    Some(targs) => self.instantiate_type(g, targs, node),
                    None => TypeTable::INVALID,
                },
                None => {
                    let s = self.node_string(node);
                    self.error(node, format!("{s} is not a generic type"));
                    TypeTable::INVALID
                }
            },
            _ => {
                let s = self.node_string(node);
                self.error(node, format!("{s} is not a type"));
                TypeTable::INVALID
            }
        }
    }

    fn array_length(&mut self, node: Node<'_>) -> u64 {
        let x = self.expr(node);
        if x.is_invalid() {
            return 0;
        }
        match &x.val {
            Some(v) => match v.as_int() {
                Some(n) if (0..(1i128 << 50)).contains(&n) => n as u64,
                Some(_) => {
                    let s = self.node_string(node);
                    self.error(node, format!("invalid array length {s}"));
                    0
                }
                None => {
                    let s = self.describe(&x);
                    self.error(node, format!("array length {s} must be integer"));
                    0
                }
            },
            None => {
                let s = self.describe(&x);
                self.error(node, format!("array length {s} must be constant"));
                0
            }
        }
    }

    /// A function type without variables (for `func(int) bool` types).
    pub(super) fn func_type(&mut self, node: Node<'_>) -> TypeId {
        let mut sig = Signature::default();
        if let Some(list) = node.child_by_field_id(field!("parameters")) {
            for p in children(list) {
                let Some(tn) = p.child_by_field_id(field!("type")) else {
                    continue;
                };
                let mut ty = self.resolve_type(tn);
                if p.kind_str() == "variadic_parameter_declaration" {
                    ty = self.prog.types.slice(ty);
                    sig.variadic = true;
                }
                let names = field_children(p, "name");
                for n in &names {
                    sig.param_names.push(self.text(*n).to_string());
                }
                sig.params
                    .extend(std::iter::repeat_n(ty, names.len().max(1)));
            }
        }
        if let Some(r) = node.child_by_field_id(field!("result")) {
            if r.kind_str() == "parameter_list" {
                for p in children(r) {
                    let Some(tn) = p.child_by_field_id(field!("type")) else {
                        continue;
                    };
                    let ty = self.resolve_type(tn);
                    let names = field_children(p, "name");
                    for n in &names {
                        sig.result_names.push(self.text(*n).to_string());
                    }
                    sig.results
                        .extend(std::iter::repeat_n(ty, names.len().max(1)));
                }
            } else {
                let ty = self.resolve_type(r);
                sig.results.push(ty);
            }
        }
        if sig.param_names.len() != sig.params.len() {
            sig.param_names.clear();
        }
        if sig.result_names.len() != sig.results.len() {
            sig.result_names.clear();
        }
        self.prog.types.intern(Type::Func(sig))
    }

    fn struct_type(&mut self, node: Node<'_>) -> TypeId {
        let mut fields: Vec<Field> = Vec::new();
        let list = children(node)
            .into_iter()
            .find(|c| c.kind_str() == "field_declaration_list");
        for decl in list.map(children).unwrap_or_default() {
            if decl.kind_str() != "field_declaration" {
                continue;
            }
            let Some(tn) = decl.child_by_field_id(field!("type")) else {
                continue;
            };
            let mut ty = self.resolve_type(tn);
            let names = field_children(decl, "name");
            let star = decl.children().any(|c| c.kind_str() == "*");
            if names.is_empty() && star {
                ty = self.prog.types.pointer(ty);
            }
            let mut add = |c: &mut Self, name: String, at: Node<'_>, embedded: bool| {
                if name != "_" && fields.iter().any(|f| f.name == name) {
                    c.error(at, format!("{name} redeclared"));
                }
                fields.push(Field { name, ty, embedded });
            };
            if names.is_empty() {
                // Embedded: the field is named after the type.
                let text = self.text(tn);
                let has_star = text.trim_start().starts_with('*')
                    || decl.child(0).is_some_and(|c| c.kind_str() == "*");
                let base = text.trim_start_matches('*').trim();
                let name = base.rsplit('.').next().unwrap_or(base).to_string();
                let _ = has_star;
                add(self, name, tn, true);
            } else {
                for n in names {
                    let name = self.text(n).to_string();
                    add(self, name, n, false);
                }
            }
        }
        self.prog.types.intern(Type::Struct(fields))
    }

    fn interface_type(&mut self, node: Node<'_>) -> TypeId {
        let mut declared = Vec::new();
        let mut embedded = Vec::new();
        let mut methods: Vec<IfaceMethod> = Vec::new();
        let mut unions = Vec::new();
        let mut comparable = false;
        for elem in children(node) {
            match elem.kind_str() {
                "method_elem" => {
                    let Some(name) = elem.child_by_field_id(field!("name")) else {
                        continue;
                    };
                    let sig = self.func_type(elem);
                    let mut params = Vec::new();
                    if let Some(list) = elem.child_by_field_id(field!("parameters")) {
                        for p in children(list) {
                            let names = field_children(p, "name");
                            if names.is_empty() {
                                // Unnamed: gc reports it at its type (or `...`).
                                params.push((String::new(), self.span(p)));
                            }
                            for n in names {
                                params.push((self.text(n).to_string(), self.span(n)));
                            }
                        }
                    }
                    let m = IfaceMethod {
                        name: self.text(name).to_string(),
                        sig,
                        span: self.span(name),
                        params,
                    };
                    if methods.iter().any(|x| x.name == m.name) {
                        self.error(name, format!("duplicate method {}", m.name));
                        continue;
                    }
                    declared.push(m.clone());
                    methods.push(m);
                }
                "type_elem" => {
                    let parts: Vec<Node<'_>> = children(elem);
                    if parts.len() == 1 && parts[0].kind_str() != "negated_type" {
                        let t = self.resolve_type(parts[0]);
                        if let Type::Interface(iface) = self.prog.types.under(t).clone() {
                            embedded.push(t);
                            for m in iface.methods {
                                if !methods.iter().any(|x| x.name == m.name) {
                                    methods.push(m);
                                }
                            }
                            unions.extend(iface.unions);
                            comparable |= iface.comparable;
                            continue;
                        }
                    }
                    // A union of terms: `~int | ~float64 | string`.
                    let mut terms = Vec::new();
                    for part in parts {
                        let (tilde, tn) = if part.kind_str() == "negated_type" {
                            match children(part).first() {
                                Some(inner) => (true, *inner),
                                None => continue,
                            }
                        } else {
                            (false, part)
                        };
                        let t = self.resolve_type(tn);
                        if t != TypeTable::INVALID && !terms.contains(&(tilde, t)) {
                            terms.push((tilde, t));
                        }
                    }
                    unions.push(terms);
                }
                _ => {}
            }
        }
        crate::sort::by(&mut methods, |a, b| a.name.cmp(&b.name));
        self.prog.types.intern(Type::Interface(InterfaceType {
            methods,
            declared,
            embedded,
            unions,
            comparable,
        }))
    }

    /// `pkg.Name` where `pkg` names an import (or, inside the standard
    /// library, any supported package).
    pub(super) fn package_member(&mut self, pkg: Node<'_>, name: Node<'_>) -> Option<Entity> {
        let pkg_name = self.text(pkg);
        let member = self.text(name).to_string();
        let path = if self.current_pkg.is_some() {
            self.load_std(pkg_name);
            pkg_name.to_string()
        } else {
            match self.lookup(pkg_name) {
                Some(Entity::Package(i)) => {
                    self.imports[i].used = true;
                    self.imports[i].path.clone()
                }
                Some(_) => {
                    let s = self.node_string(pkg);
                    self.error(pkg, format!("{s} is not a package"));
                    return Some(Entity::Invalid);
                }
                None => {
                    self.error(pkg, format!("undefined: {pkg_name}"));
                    return Some(Entity::Invalid);
                }
            }
        };
        let found = self
            .std_pkgs
            .get(&path)
            .and_then(|s| s.get(&member))
            .cloned();
        match found {
            Some(e) if member.starts_with(|c: char| c.is_uppercase()) => Some(e),
            Some(_) | None => {
                let shown = last_segment(&path);
                if member.starts_with(|c: char| c.is_uppercase()) {
                    self.error(name, format!("undefined: {shown}.{member}"));
                } else {
                    self.error(
                        name,
                        format!("name {member} not exported by package {shown}"),
                    );
                }
                Some(Entity::Invalid)
            }
        }
    }
}

fn var_specs(decl: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    for c in children(decl) {
        match c.kind_str() {
            "var_spec" => out.push(c),
            "var_spec_list" => out.extend(
                children(c)
                    .into_iter()
                    .filter(|s| s.kind_str() == "var_spec"),
            ),
            _ => {}
        }
    }
    out
}

pub(super) fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

impl FuncCtx {
    pub(super) fn new(
        func: FuncId,
        results: Vec<TypeId>,
        named_results: bool,
        scope_base: usize,
    ) -> Self {
        FuncCtx {
            func,
            results,
            named_results,
            labels: HashMap::default(),
            used_labels: Vec::new(),
            targets: Vec::new(),
            scope_base,
            closure_count: 0,
        }
    }
}

/// Re-exported for stmts: the var specs of a declaration.
pub(super) fn specs_of_var_decl(decl: Node<'_>) -> Vec<Node<'_>> {
    var_specs(decl)
}
