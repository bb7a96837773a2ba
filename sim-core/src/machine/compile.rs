//! Lowers each IR function to [`Op`]s and a frame layout, placing every
//! variable and allocation site where the escape analysis put it.

use super::code::*;
use super::move2heap;
use super::value::V;
use crate::escape::{EscapeResult, Event as EscEvent, VerdictKind};
use crate::hash::{HashMap, HashSet};
use crate::ir::{
    BinaryOp, Builtin, Callee, CompositeKind, ConvKind, ElemKey, ExprId, ExprKind, FuncId,
    MakeKind, MethodRef, Program, RangeKind, SelectComm, Span, StmtId, StmtKind, Type, TypeId,
    TypeTable, VarId, VarKind,
};
use std::rc::Rc;

/// Everything compiled: per-function code, sites, globals.
pub struct Compiled {
    pub funcs: Vec<Option<Rc<FuncCode>>>,
    pub sites: Vec<AllocSite>,
    pub globals: FrameLayout,
    pub global_index: HashMap<VarId, u32>,
    /// The package initialiser's code (global_init statements).
    pub init: Option<Rc<FuncCode>>,
}

/// What the escape analysis decided, keyed by source range.
struct Placement {
    moved: HashSet<(u32, u32)>,
    allocs: HashMap<(u32, u32), (bool, String)>,
    flows: HashMap<(u32, u32), Vec<String>>,
    byref: HashSet<(u32, u32)>,
    /// Parameters gc reports as `p does not escape`.
    params_kept: HashSet<(u32, u32)>,
}

impl Placement {
    fn new(esc: &EscapeResult) -> Self {
        let mut p = Placement {
            moved: HashSet::default(),
            allocs: HashMap::default(),
            flows: HashMap::default(),
            byref: HashSet::default(),
            params_kept: HashSet::default(),
        };
        for ev in &esc.events {
            match ev {
                EscEvent::Verdict(v) => {
                    let key = (v.site.start, v.site.end);
                    match v.kind {
                        VerdictKind::MovedToHeap => {
                            p.moved.insert(key);
                        }
                        VerdictKind::Escapes => {
                            p.allocs.insert(key, (true, v.message.clone()));
                        }
                        VerdictKind::DoesNotEscape => {
                            p.allocs.entry(key).or_insert((false, v.message.clone()));
                        }
                        VerdictKind::ParamDoesNotEscape => {
                            p.params_kept.insert(key);
                        }
                        _ => {}
                    }
                }
                EscEvent::Explain(x) => {
                    let key = (x.site.start, x.site.end);
                    let lines = x
                        .flows
                        .iter()
                        .map(|f| {
                            let mut s = format!("{} ← {}{}", f.dst, f.ops, f.src);
                            for n in &f.notes {
                                s.push_str(&format!(" (from {} ({}) at {})", n.text, n.why, n.pos));
                            }
                            s
                        })
                        .collect();
                    p.flows.entry(key).or_insert(lines);
                }
                EscEvent::Detail { site, message } => {
                    if message.contains("capturing by ref") {
                        p.byref.insert((site.start, site.end));
                    }
                }
            }
        }
        p
    }
}

pub fn compile(prog: &Program, esc: &EscapeResult) -> Compiled {
    let place = Placement::new(esc);
    let mut c = Compiled {
        funcs: vec![None; prog.funcs.len()],
        sites: Vec::new(),
        globals: FrameLayout::default(),
        global_index: HashMap::default(),
        init: None,
    };
    // Globals: package main's and the standard library's.
    let mut off = 0u64;
    for (id, var) in prog.vars.iter() {
        if var.kind != VarKind::Global {
            continue;
        }
        let size = prog.types.size_of(var.ty);
        let align = prog.types.align_of(var.ty).max(1);
        off = off.div_ceil(align) * align;
        let name = match &var.pkg {
            Some(p) => format!("{p}.{}", var.name),
            None => var.name.clone(),
        };
        c.global_index.insert(id, c.globals.slots.len() as u32);
        c.globals.slots.push(SlotInfo {
            name,
            ty: var.ty,
            var_ty: var.ty,
            off,
            size,
            access: Access::Direct,
            var: Some(id),
            hidden: var.pkg.is_some(),
            moved: false,
        });
        off += size;
    }
    c.globals.size = off;
    let captures = transitive_captures(prog);
    for fid in prog.user_funcs().collect::<Vec<_>>() {
        let code = FnCompiler::new(prog, &place, &mut c, fid, &captures).run();
        c.funcs[fid.0 as usize] = Some(Rc::new(code));
    }
    c.init = prog
        .package_init
        .and_then(|f| c.funcs.get(f.0 as usize).cloned().flatten());
    if c.init.is_none() && !prog.global_init.is_empty() {
        // No synthetic function: compile the statements as one.
        let f = prog.main.unwrap_or(FuncId(0));
        let mut fc = FnCompiler::new(prog, &place, &mut c, f, &captures);
        fc.layout.slots.clear();
        fc.vars.clear();
        fc.layout.size = FRAME_OVERHEAD;
        fc.name = "main.init".into();
        for s in &prog.global_init {
            fc.stmt(*s);
        }
        fc.ops.push(Op::End);
        let code = fc.finish(vec![], vec![], vec![]);
        c.init = Some(Rc::new(code));
    }
    c
}

/// Every closure's captures, including what its nested closures capture
/// from further out.
fn transitive_captures(prog: &Program) -> HashMap<FuncId, Vec<VarId>> {
    let mut out: HashMap<FuncId, Vec<VarId>> = HashMap::default();
    fn visit(
        prog: &Program,
        f: FuncId,
        out: &mut HashMap<FuncId, Vec<VarId>>,
        depth: u32,
    ) -> Vec<VarId> {
        if let Some(v) = out.get(&f) {
            return v.clone();
        }
        let func = prog.func(f);
        let mut caps = func.captures.clone();
        if depth < 64 {
            for &child in &func.closures {
                for v in visit(prog, child, out, depth + 1) {
                    let own = prog.var(v).func == Some(f);
                    if !own && !caps.contains(&v) {
                        caps.push(v);
                    }
                }
            }
        }
        out.insert(f, caps.clone());
        caps
    }
    for (id, f) in prog.funcs.iter() {
        if f.body.is_some() {
            visit(prog, id, &mut out, 0);
        }
    }
    out
}

struct Loop {
    stmt: StmtId,
    breaks: Vec<usize>,
    continues: Vec<usize>,
}

struct FnCompiler<'a> {
    prog: &'a Program,
    place: &'a Placement,
    out: &'a mut Compiled,
    captures: &'a HashMap<FuncId, Vec<VarId>>,
    func: FuncId,
    name: String,
    ops: Vec<Op>,
    layout: FrameLayout,
    vars: HashMap<VarId, u32>,
    loops: Vec<Loop>,
    labels: HashMap<crate::ir::LabelId, usize>,
    gotos: Vec<(usize, crate::ir::LabelId)>,
    site_slots: HashMap<(u32, u32), u32>,
    entry_sites: Vec<(u32, SiteIx)>,
    /// Compiling a go/defer statement's operands: they outlive the
    /// statement, so their allocations go to the heap.
    force_heap: bool,
    /// gc's slice pass: appends that may use the stack (with whether the
    /// capacity is observed), and the moves to the heap before statements.
    stack_appends: HashMap<ExprId, bool>,
    moves_before: HashMap<StmtId, Vec<move2heap::Move>>,
}

impl<'a> FnCompiler<'a> {
    fn new(
        prog: &'a Program,
        place: &'a Placement,
        out: &'a mut Compiled,
        func: FuncId,
        captures: &'a HashMap<FuncId, Vec<VarId>>,
    ) -> Self {
        let name = go_func_name(prog, func);
        FnCompiler {
            prog,
            place,
            out,
            captures,
            func,
            name,
            ops: Vec::new(),
            layout: FrameLayout {
                slots: Vec::new(),
                size: FRAME_OVERHEAD,
            },
            vars: HashMap::default(),
            loops: Vec::new(),
            labels: HashMap::default(),
            gotos: Vec::new(),
            site_slots: HashMap::default(),
            entry_sites: Vec::new(),
            force_heap: false,
            stack_appends: HashMap::default(),
            moves_before: HashMap::default(),
        }
        .with_slice_pass()
    }

    /// Runs gc's slice pass over the function (see [`move2heap`]).
    fn with_slice_pass(mut self) -> Self {
        let prog = self.prog;
        let place = self.place;
        let arg_leaks = |f: FuncId, idx: usize| -> bool {
            let func = prog.func(f);
            if func.is_std() {
                return crate::escape::stdlib_tags::lookup(&func.name)
                    .and_then(|tags| tags.get(idx).map(|t| !t.is_empty()))
                    .unwrap_or(true);
            }
            let params: Vec<VarId> = func.receiver.iter().chain(&func.params).copied().collect();
            match params.get(idx) {
                Some(v) => {
                    let span = prog.var(*v).span;
                    !place.params_kept.contains(&(span.start, span.end))
                }
                None => true,
            }
        };
        for m in move2heap::analyze(prog, self.func, &arg_leaks) {
            for a in &m.appends {
                self.stack_appends.insert(*a, m.cap_used);
            }
            self.moves_before.entry(m.transition).or_default().push(m);
        }
        self
    }

    fn types(&self) -> &TypeTable {
        &self.prog.types
    }

    #[allow(clippy::too_many_arguments)]
    fn add_slot(
        &mut self,
        name: String,
        ty: TypeId,
        var_ty: TypeId,
        access: Access,
        var: Option<VarId>,
        hidden: bool,
        moved: bool,
    ) -> u32 {
        let size = self.prog.types.size_of(ty);
        let align = self.prog.types.align_of(ty).max(1);
        let off = self.layout.size.div_ceil(align) * align;
        self.layout.size = off + size;
        self.layout.slots.push(SlotInfo {
            name,
            ty,
            var_ty,
            off,
            size,
            access,
            var,
            hidden,
            moved,
        });
        (self.layout.slots.len() - 1) as u32
    }

    fn ptr_to(&self, t: TypeId) -> TypeId {
        // The pointer type may not be interned; the slot only needs its
        // size, so any pointer type will do.
        for (id, ty) in (0..self.prog.types.len())
            .map(|i| (TypeId(i as u32), self.prog.types.get(TypeId(i as u32))))
        {
            if let Type::Pointer(e) = ty {
                if *e == t {
                    return id;
                }
            }
        }
        TypeTable::UINTPTR
    }

    fn var_slot(&mut self, v: VarId) -> u32 {
        if let Some(&s) = self.vars.get(&v) {
            return s;
        }
        let var = self.prog.var(v);
        let moved = self.place.moved.contains(&(var.span.start, var.span.end));
        let (ty, access, name) = if moved {
            (
                self.ptr_to(var.ty),
                Access::Indirect,
                format!("&{}", var.name),
            )
        } else {
            (var.ty, Access::Direct, var.name.clone())
        };
        let s = self.add_slot(name, ty, var.ty, access, Some(v), false, moved);
        self.vars.insert(v, s);
        s
    }

    fn run(mut self) -> FuncCode {
        let func = self.prog.func(self.func).clone();
        let mut param_slots = Vec::new();
        let mut capture_slots = Vec::new();
        if let Some(r) = func.receiver {
            param_slots.push(self.var_slot(r));
        }
        for &p in &func.params {
            param_slots.push(self.var_slot(p));
        }
        let result_slots: Vec<u32> = func.results.iter().map(|&r| self.var_slot(r)).collect();
        if func.is_closure() {
            let caps = self.captures.get(&self.func).cloned().unwrap_or_default();
            for v in caps {
                let var = self.prog.var(v);
                let key = (var.span.start, var.span.end);
                let byref = self.place.moved.contains(&key) || self.place.byref.contains(&key);
                let s = if byref {
                    let pt = self.ptr_to(var.ty);
                    self.add_slot(
                        format!("&{}", var.name),
                        pt,
                        var.ty,
                        Access::Indirect,
                        Some(v),
                        false,
                        false,
                    )
                } else {
                    self.add_slot(
                        var.name.clone(),
                        var.ty,
                        var.ty,
                        Access::Direct,
                        Some(v),
                        false,
                        false,
                    )
                };
                self.vars.insert(v, s);
                capture_slots.push(s);
            }
        }
        for &l in &func.locals {
            self.var_slot(l);
        }
        // Params and results moved to the heap get their objects on entry.
        for &s in param_slots.iter().chain(&result_slots) {
            if self.layout.slots[s as usize].moved {
                let site = self.var_site(self.layout.slots[s as usize].var);
                self.entry_sites.push((s, site));
            }
        }
        if let Some(body) = &func.body {
            for &s in &body.stmts {
                self.stmt(s);
            }
        }
        self.ops.push(Op::End);
        self.finish(param_slots, result_slots, capture_slots)
    }

    fn finish(
        mut self,
        param_slots: Vec<u32>,
        result_slots: Vec<u32>,
        capture_slots: Vec<u32>,
    ) -> FuncCode {
        for (at, label) in std::mem::take(&mut self.gotos) {
            let target = self.labels.get(&label).copied().unwrap_or(self.ops.len());
            self.ops[at] = Op::Jump(target as u32);
        }
        self.layout.size = self.layout.size.div_ceil(8) * 8;
        FuncCode {
            func: self.func,
            name: self.name,
            ops: self.ops,
            layout: self.layout,
            param_slots,
            result_slots,
            capture_slots,
            entry_sites: self.entry_sites,
            span: self.prog.func(self.func).span,
        }
    }

    /// The site record for a variable moved to the heap.
    fn var_site(&mut self, v: Option<VarId>) -> SiteIx {
        let (text, span) = match v {
            Some(v) => {
                let var = self.prog.var(v);
                (var.name.clone(), var.span)
            }
            None => ("?".into(), Span::default()),
        };
        let key = (span.start, span.end);
        let flow = self.place.flows.get(&key).cloned().unwrap_or_default();
        self.out.sites.push(AllocSite {
            heap: true,
            slot: None,
            text: Rc::from(text.as_str()),
            reason: Rc::from(format!("moved to heap: {text}").as_str()),
            flow: Rc::from(flow),
            span,
            until_moved: false,
        });
        (self.out.sites.len() - 1) as u32
    }

    /// Where boxing a `ty` into an interface allocates, by the span of
    /// gc's conversion; pointer-shaped values are stored as they are.
    fn box_site(&mut self, span: Span, ty: TypeId) -> Option<SiteIx> {
        let pointer_shaped = matches!(
            self.types().under(ty),
            Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_)
        );
        (!pointer_shaped).then(|| self.site_at(span, Some(ty)))
    }

    /// The site record for an allocating expression; non-escaping sites
    /// get a slot in this frame sized for `stack_ty`.
    fn site(&mut self, e: ExprId, stack_ty: Option<TypeId>) -> SiteIx {
        self.site_at(self.prog.expr(e).span, stack_ty)
    }

    /// [`Self::site`] for whatever spans `span`, where the analysis keyed
    /// its verdict (a statement, for the boxing of a spread result).
    fn site_at(&mut self, span: Span, stack_ty: Option<TypeId>) -> SiteIx {
        let key = (span.start, span.end);
        let (heap, reason) = match self.place.allocs.get(&key) {
            Some((h, m)) => (*h, m.clone()),
            None => (stack_ty.is_none(), String::from("allocated by the runtime")),
        };
        let text = reason
            .strip_suffix(" escapes to heap")
            .or_else(|| reason.strip_suffix(" does not escape"))
            .unwrap_or("")
            .to_string();
        let (heap, reason) = if self.force_heap && !heap {
            let t = reason
                .strip_suffix(" does not escape")
                .unwrap_or(&reason)
                .to_string();
            (
                true,
                format!("{t}: operand of a go/defer statement, kept until the call runs"),
            )
        } else {
            (heap, reason)
        };
        let slot = if heap {
            None
        } else if let Some(t) = stack_ty {
            let s = match self.site_slots.get(&key) {
                Some(&s) => s,
                None => {
                    let s = self.add_slot(text.clone(), t, t, Access::Direct, None, false, false);
                    self.site_slots.insert(key, s);
                    s
                }
            };
            Some(s)
        } else {
            None
        };
        let flow = self.place.flows.get(&key).cloned().unwrap_or_default();
        self.out.sites.push(AllocSite {
            heap: slot.is_none(),
            slot,
            text: Rc::from(text.as_str()),
            reason: Rc::from(reason.as_str()),
            flow: Rc::from(flow),
            span,
            until_moved: false,
        });
        (self.out.sites.len() - 1) as u32
    }

    /// An append's site. A non-escaping append (or one gc's slice pass
    /// chose) gets a 32-byte buffer in the frame for its first growth.
    fn append_site(&mut self, e: ExprId, elem: TypeId, chosen: bool) -> SiteIx {
        let ix = self.site(e, None);
        let esize = self.prog.types.size_of(elem);
        let kept = {
            let site = &self.out.sites[ix as usize];
            chosen || site.reason.ends_with(" does not escape")
        };
        if !kept || esize == 0 || esize > move2heap::STACK_BUFFER_BYTES || self.force_heap {
            return ix;
        }
        let span = self.prog.expr(e).span;
        let key = (span.start, span.end);
        let slot = match self.site_slots.get(&key) {
            Some(&s) => s,
            None => {
                let s = self.add_slot(
                    "append buffer".into(),
                    elem,
                    elem,
                    Access::Direct,
                    None,
                    false,
                    false,
                );
                // The slot is the whole buffer, not one element.
                let info = &mut self.layout.slots[s as usize];
                let grow = move2heap::STACK_BUFFER_BYTES - info.size;
                info.size = move2heap::STACK_BUFFER_BYTES;
                self.layout.size += grow;
                self.site_slots.insert(key, s);
                s
            }
        };
        let site = &mut self.out.sites[ix as usize];
        site.heap = false;
        site.slot = Some(slot);
        if chosen {
            site.until_moved = true;
            site.reason = Rc::from(
                "append escapes to heap, but only through one statement: its backing store stays \
                 in this frame while it fits in 32 bytes, and is copied to the heap just before \
                 that statement (gc's move2heap)",
            );
        }
        ix
    }

    /// `s = move2heap(s)` before the statement where `s` stops being the
    /// only reference to its backing store.
    fn move_to_heap(&mut self, m: &move2heap::Move, span: crate::ir::Span) {
        let ty = self.prog.var(m.var).ty;
        let Type::Slice(elem) = *self.types().under(ty) else {
            return;
        };
        let name = self.prog.var(m.var).name.clone();
        self.out.sites.push(AllocSite {
            heap: true,
            slot: None,
            text: Rc::from(name.as_str()),
            reason: Rc::from(
                format!(
                    "{name}'s backing store, built on the stack by append, copied to the heap \
                     before it leaves the function (runtime.moveSlice)"
                )
                .as_str(),
            ),
            flow: Rc::from(Vec::<String>::new()),
            span,
            until_moved: false,
        });
        let site = (self.out.sites.len() - 1) as u32;
        let slot = self.var_slot(m.var);
        self.load_slot(slot);
        self.emit(Op::MoveSliceToHeap {
            elem,
            keep_cap: m.cap_used,
            site,
        });
        self.store_var(m.var);
    }

    fn temp(&mut self, ty: TypeId) -> u32 {
        let n = self.layout.slots.len();
        self.add_slot(format!(".t{n}"), ty, ty, Access::Direct, None, true, false)
    }

    fn emit(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.ops.len() - 1
    }

    fn here(&self) -> u32 {
        self.ops.len() as u32
    }

    fn patch(&mut self, at: usize) {
        let to = self.here();
        match &mut self.ops[at] {
            Op::Jump(t)
            | Op::JumpIf(t)
            | Op::JumpIfNot(t)
            | Op::JumpIfKeep(t)
            | Op::JumpIfNotKeep(t) => *t = to,
            _ => {}
        }
    }

    fn unsupported(&mut self, what: &str) {
        self.emit(Op::Unsupported(Rc::from(what)));
    }

    // ----- statements ------------------------------------------------

    fn block(&mut self, stmts: &[StmtId]) {
        for &s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: StmtId) {
        let st = self.prog.stmt(s).clone();
        match &st.kind {
            StmtKind::Block(_) | StmtKind::Empty | StmtKind::Labeled { .. } => {}
            _ => {
                self.emit(Op::Step(st.span));
            }
        }
        if let Some(moves) = self.moves_before.get(&s).cloned() {
            for m in moves {
                self.move_to_heap(&m, st.span);
            }
        }
        match st.kind {
            StmtKind::Decl { vars } => {
                for v in vars {
                    let slot = self.var_slot(v);
                    let ty = self.prog.var(v).ty;
                    if self.layout.slots[slot as usize].moved {
                        let site = self.var_site(Some(v));
                        self.emit(Op::FreshVar {
                            slot,
                            ty,
                            site,
                            copy: false,
                        });
                    } else {
                        self.emit(Op::Zero(ty));
                        self.emit(Op::SetLocal(slot));
                    }
                }
            }
            StmtKind::Assign { lhs, rhs, declares } => {
                for &v in &declares {
                    if self.out.global_index.contains_key(&v) {
                        continue;
                    }
                    let slot = self.var_slot(v);
                    if self.layout.slots[slot as usize].moved {
                        let ty = self.prog.var(v).ty;
                        let site = self.var_site(Some(v));
                        self.emit(Op::FreshVar {
                            slot,
                            ty,
                            site,
                            copy: false,
                        });
                    }
                }
                self.assign(&lhs, &rhs, st.span);
            }
            StmtKind::OpAssign { op, target, value } => {
                let ty = self.prog.expr(target).ty;
                if let Some(slot) = self.direct_local(target) {
                    self.emit(Op::Local(slot));
                    self.expr(value);
                    let n = self.num(ty);
                    self.emit(Op::Binary(op, n));
                    self.emit(Op::SetLocal(slot));
                    return;
                }
                if let ExprKind::MapIndex { map, key, .. } = self.prog.expr(target).kind.clone() {
                    let mty = self.prog.expr(map).ty;
                    self.expr(map);
                    self.expr(key);
                    self.expr(map);
                    self.expr(key);
                    self.emit(Op::MapGet {
                        ty: mty,
                        comma_ok: false,
                    });
                    self.expr(value);
                    let n = self.num(ty);
                    self.emit(Op::Binary(op, n));
                    self.emit(Op::MapSet { ty: mty });
                    return;
                }
                self.addr(target);
                self.emit(Op::Dup);
                self.emit(Op::Load(ty));
                self.expr(value);
                let n = self.num(ty);
                self.emit(Op::Binary(op, n));
                self.emit(Op::Store(ty));
            }
            StmtKind::IncDec { target, increment } => {
                let ty = self.prog.expr(target).ty;
                let op = if increment {
                    BinaryOp::Add
                } else {
                    BinaryOp::Sub
                };
                let one = match self.num(ty) {
                    Num::Float(_) => V::Float(1.0),
                    _ => V::Int(1),
                };
                if let Some(slot) = self.direct_local(target) {
                    self.emit(Op::Local(slot));
                    self.emit(Op::Push(one));
                    let n = self.num(ty);
                    self.emit(Op::Binary(op, n));
                    self.emit(Op::SetLocal(slot));
                    return;
                }
                if let ExprKind::MapIndex { map, key, .. } = self.prog.expr(target).kind.clone() {
                    let mty = self.prog.expr(map).ty;
                    self.expr(map);
                    self.expr(key);
                    self.expr(map);
                    self.expr(key);
                    self.emit(Op::MapGet {
                        ty: mty,
                        comma_ok: false,
                    });
                    self.emit(Op::Push(one));
                    let n = self.num(ty);
                    self.emit(Op::Binary(op, n));
                    self.emit(Op::MapSet { ty: mty });
                    return;
                }
                self.addr(target);
                self.emit(Op::Dup);
                self.emit(Op::Load(ty));
                self.emit(Op::Push(one));
                let n = self.num(ty);
                self.emit(Op::Binary(op, n));
                self.emit(Op::Store(ty));
            }
            StmtKind::Expr(e) => {
                let n = self.expr_multi(e);
                for _ in 0..n {
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
                self.emit(Op::Send);
            }
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                otherwise,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                let jf = self.emit(Op::JumpIfNot(0));
                self.block(&then.stmts);
                if let Some(o) = otherwise {
                    let je = self.emit(Op::Jump(0));
                    self.patch(jf);
                    self.stmt(o);
                    self.patch(je);
                } else {
                    self.patch(jf);
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
                loop_vars,
                ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let top = self.here();
                let mut exit = None;
                if let Some(c) = cond {
                    if top as usize > 0 {
                        // The condition check is its own step.
                        self.emit(Op::Step(self.prog.expr(c).span));
                    }
                    self.expr(c);
                    exit = Some(self.emit(Op::JumpIfNot(0)));
                }
                self.loops.push(Loop {
                    stmt: s,
                    breaks: vec![],
                    continues: vec![],
                });
                self.block(&body.stmts);
                let lp = self.loops.pop().unwrap_or(Loop {
                    stmt: s,
                    breaks: vec![],
                    continues: vec![],
                });
                for c in lp.continues {
                    self.patch(c);
                }
                // Go 1.22: each iteration has fresh copies of the loop vars.
                for v in loop_vars {
                    let slot = self.var_slot(v);
                    if self.layout.slots[slot as usize].moved {
                        let ty = self.prog.var(v).ty;
                        let site = self.var_site(Some(v));
                        self.emit(Op::FreshVar {
                            slot,
                            ty,
                            site,
                            copy: true,
                        });
                    }
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.emit(Op::Jump(top));
                if let Some(x) = exit {
                    self.patch(x);
                }
                for b in lp.breaks {
                    self.patch(b);
                }
            }
            StmtKind::Range {
                kind,
                subject,
                key,
                value,
                declares,
                body,
                ..
            } => {
                self.range(
                    s,
                    st.span,
                    kind,
                    subject,
                    key,
                    value,
                    &declares,
                    &body.stmts,
                );
            }
            StmtKind::Switch {
                init, tag, cases, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let tag_slot = tag.map(|t| {
                    let ty = self.prog.expr(t).ty;
                    let slot = self.temp(ty);
                    self.expr(t);
                    self.emit(Op::SetLocal(slot));
                    (slot, ty)
                });
                let mut body_jumps = Vec::new();
                let mut default = None;
                for (i, case) in cases.iter().enumerate() {
                    if case.values.is_empty() {
                        default = Some(i);
                        body_jumps.push(vec![]);
                        continue;
                    }
                    let mut js = Vec::new();
                    for &v in &case.values {
                        match tag_slot {
                            Some((slot, ty)) => {
                                self.emit(Op::Local(slot));
                                self.expr(v);
                                let vty = self.prog.expr(v).ty;
                                let n = if self.types().is_interface(ty)
                                    && !self.types().is_interface(vty)
                                {
                                    self.emit(Op::Box {
                                        ty: vty,
                                        site: None,
                                    });
                                    Num::Other(ty)
                                } else {
                                    self.num(ty)
                                };
                                self.emit(Op::Binary(BinaryOp::Eq, n));
                            }
                            None => {
                                self.expr(v);
                            }
                        }
                        js.push(self.emit(Op::JumpIf(0)));
                    }
                    body_jumps.push(js);
                }
                let to_default = self.emit(Op::Jump(0));
                self.loops.push(Loop {
                    stmt: s,
                    breaks: vec![],
                    continues: vec![],
                });
                let mut ends = Vec::new();
                let mut starts = Vec::new();
                let mut ft_prev: Option<usize> = None;
                for (i, case) in cases.iter().enumerate() {
                    starts.push(self.here());
                    if let Some(f) = ft_prev.take() {
                        self.patch(f);
                    }
                    for j in body_jumps[i].clone() {
                        self.patch(j);
                    }
                    self.emit(Op::Step(case.span));
                    self.block(&case.body.stmts);
                    if case.fallthrough {
                        ft_prev = Some(self.emit(Op::Jump(0)));
                    } else {
                        ends.push(self.emit(Op::Jump(0)));
                    }
                }
                if let Some(f) = ft_prev {
                    ends.push(f);
                }
                match default {
                    Some(d) => {
                        let at = starts[d];
                        self.ops[to_default] = Op::Jump(at);
                    }
                    None => ends.push(to_default),
                }
                let lp = self.loops.pop();
                for e in ends {
                    self.patch(e);
                }
                if let Some(lp) = lp {
                    for b in lp.breaks {
                        self.patch(b);
                    }
                }
            }
            StmtKind::TypeSwitch {
                init,
                subject,
                cases,
                ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let sty = self.prog.expr(subject).ty;
                let slot = self.temp(sty);
                self.expr(subject);
                self.emit(Op::SetLocal(slot));
                let mut body_jumps = Vec::new();
                let mut default = None;
                for (i, case) in cases.iter().enumerate() {
                    if case.is_default {
                        default = Some(i);
                        body_jumps.push(vec![]);
                        continue;
                    }
                    let mut js = Vec::new();
                    for t in &case.types {
                        self.emit(Op::Local(slot));
                        self.emit(Op::TypeIs(*t));
                        js.push(self.emit(Op::JumpIf(0)));
                    }
                    body_jumps.push(js);
                }
                let to_default = self.emit(Op::Jump(0));
                self.loops.push(Loop {
                    stmt: s,
                    breaks: vec![],
                    continues: vec![],
                });
                let mut ends = Vec::new();
                let mut starts = Vec::new();
                for (i, case) in cases.iter().enumerate() {
                    starts.push(self.here());
                    for j in body_jumps[i].clone() {
                        self.patch(j);
                    }
                    self.emit(Op::Step(case.span));
                    if let Some(v) = case.var {
                        let vslot = self.var_slot(v);
                        let vty = self.prog.var(v).ty;
                        if self.layout.slots[vslot as usize].moved {
                            let site = self.var_site(Some(v));
                            self.emit(Op::FreshVar {
                                slot: vslot,
                                ty: vty,
                                site,
                                copy: false,
                            });
                        }
                        self.emit(Op::Local(slot));
                        if !self.types().is_interface(vty) {
                            self.emit(Op::TypeAssert {
                                ty: vty,
                                comma_ok: false,
                            });
                        }
                        self.store_var(v);
                    }
                    self.block(&case.body.stmts);
                    ends.push(self.emit(Op::Jump(0)));
                }
                match default {
                    Some(d) => {
                        let at = starts[d];
                        self.ops[to_default] = Op::Jump(at);
                    }
                    None => ends.push(to_default),
                }
                let lp = self.loops.pop();
                for e in ends {
                    self.patch(e);
                }
                if let Some(lp) = lp {
                    for b in lp.breaks {
                        self.patch(b);
                    }
                }
            }
            StmtKind::Select { cases, .. } => {
                let mut sel = Vec::new();
                for case in &cases {
                    match &case.comm {
                        SelectComm::Default => sel.push(SelCase {
                            kind: 0,
                            comma_ok: false,
                            elem: TypeTable::INVALID,
                        }),
                        SelectComm::Send { chan, value } => {
                            self.expr(*chan);
                            self.expr(*value);
                            sel.push(SelCase {
                                kind: 1,
                                comma_ok: false,
                                elem: TypeTable::INVALID,
                            });
                        }
                        SelectComm::Recv { recv, .. } => {
                            let (chan, comma_ok) = match &self.prog.expr(*recv).kind {
                                ExprKind::Recv { chan, comma_ok } => (*chan, *comma_ok),
                                _ => (*recv, false),
                            };
                            let elem = match self.types().under(self.prog.expr(chan).ty) {
                                Type::Chan { elem, .. } => *elem,
                                _ => TypeTable::INVALID,
                            };
                            self.expr(chan);
                            sel.push(SelCase {
                                kind: 2,
                                comma_ok,
                                elem,
                            });
                        }
                    }
                }
                // Select pushes the received value(s) (always value+ok) then the index.
                self.emit(Op::Select(Rc::from(sel)));
                let idx = self.temp(TypeTable::INT);
                self.emit(Op::SetLocal(idx));
                let okslot = self.temp(TypeTable::BOOL);
                self.emit(Op::SetLocal(okslot));
                let valslot = self.temp(TypeTable::INT);
                self.emit(Op::SetLocal(valslot));
                self.loops.push(Loop {
                    stmt: s,
                    breaks: vec![],
                    continues: vec![],
                });
                let mut ends = Vec::new();
                for (i, case) in cases.iter().enumerate() {
                    self.emit(Op::Local(idx));
                    self.emit(Op::Push(V::Int(i as i64)));
                    self.emit(Op::Binary(
                        BinaryOp::Eq,
                        Num::Int {
                            bits: 64,
                            signed: true,
                        },
                    ));
                    let skip = self.emit(Op::JumpIfNot(0));
                    self.emit(Op::Step(case.span));
                    if let SelectComm::Recv {
                        assign: Some(a),
                        recv,
                    } = &case.comm
                    {
                        if let StmtKind::Assign { lhs, declares, .. } =
                            self.prog.stmt(*a).kind.clone()
                        {
                            for &v in &declares {
                                let slot = self.var_slot(v);
                                if self.layout.slots[slot as usize].moved {
                                    let ty = self.prog.var(v).ty;
                                    let site = self.var_site(Some(v));
                                    self.emit(Op::FreshVar {
                                        slot,
                                        ty,
                                        site,
                                        copy: false,
                                    });
                                }
                            }
                            let _ = recv;
                            let vals = [valslot, okslot];
                            for (k, l) in lhs.iter().enumerate().take(2) {
                                if let Some(l) = l {
                                    self.store_from(*l, |c| {
                                        c.emit(Op::Local(vals[k]));
                                    });
                                }
                            }
                        }
                    }
                    self.block(&case.body.stmts);
                    ends.push(self.emit(Op::Jump(0)));
                    self.patch(skip);
                }
                let lp = self.loops.pop();
                for e in ends {
                    self.patch(e);
                }
                if let Some(lp) = lp {
                    for b in lp.breaks {
                        self.patch(b);
                    }
                }
            }
            StmtKind::Labeled { label, stmt } => {
                self.labels.insert(label, self.ops.len());
                self.stmt(stmt);
            }
            StmtKind::Break { target, .. } => {
                let j = self.emit(Op::Jump(0));
                if let Some(l) = self.loops.iter_mut().rev().find(|l| l.stmt == target) {
                    l.breaks.push(j);
                }
            }
            StmtKind::Continue { target, .. } => {
                let j = self.emit(Op::Jump(0));
                if let Some(l) = self.loops.iter_mut().rev().find(|l| l.stmt == target) {
                    l.continues.push(j);
                }
            }
            StmtKind::Goto { label } => {
                let j = self.emit(Op::Jump(0));
                self.gotos.push((j, label));
            }
            StmtKind::Fallthrough => {}
            StmtKind::Return { results, .. } => {
                let func = self.prog.func(self.func).clone();
                if results.len() == func.results.len() && !results.is_empty() {
                    for &r in &results {
                        self.expr(r);
                    }
                } else if results.len() == 1 && func.results.len() > 1 {
                    self.expr_multi(results[0]);
                } else {
                    // bare return
                    for &r in &func.results {
                        let slot = self.var_slot(r);
                        self.load_slot(slot);
                    }
                }
                for &r in func.results.iter().rev() {
                    self.store_var(r);
                }
                self.emit(Op::Return);
            }
            StmtKind::Defer(call) | StmtKind::Go(call) => {
                let is_go = matches!(st.kind, StmtKind::Go(_));
                let ExprKind::Call(c) = self.prog.expr(call).kind.clone() else {
                    self.unsupported("defer/go of a non-call");
                    return;
                };
                self.force_heap = true;
                let (target, nargs) = self.call_setup(call, &c);
                self.force_heap = false;
                if is_go {
                    self.emit(Op::Go {
                        target,
                        nargs,
                        spread: c.spread,
                    });
                } else {
                    self.emit(Op::Defer {
                        target,
                        nargs,
                        spread: c.spread,
                    });
                }
            }
            StmtKind::Empty => {}
        }
    }

    fn direct_local(&self, e: ExprId) -> Option<u32> {
        if let ExprKind::Var(v) = self.prog.expr(e).kind {
            if let Some(&s) = self.vars.get(&v) {
                if self.layout.slots[s as usize].access == Access::Direct {
                    return Some(s);
                }
            }
        }
        None
    }

    fn load_slot(&mut self, slot: u32) {
        let info = &self.layout.slots[slot as usize];
        let (vt, access) = (info.var_ty, info.access);
        self.emit(Op::Local(slot));
        if access == Access::Indirect {
            self.emit(Op::Load(vt));
        }
    }

    /// Pops the top value into variable `v`.
    fn store_var(&mut self, v: VarId) {
        if let Some(&g) = self.out.global_index.get(&v) {
            let t = self.temp(self.prog.var(v).ty);
            self.emit(Op::SetLocal(t));
            self.emit(Op::GlobalAddr(g));
            self.emit(Op::Local(t));
            self.emit(Op::Store(self.prog.var(v).ty));
            return;
        }
        let slot = self.var_slot(v);
        let info = self.layout.slots[slot as usize].clone();
        if info.access == Access::Direct {
            self.emit(Op::SetLocal(slot));
        } else {
            let t = self.temp(info.var_ty);
            self.emit(Op::SetLocal(t));
            self.emit(Op::Local(slot));
            self.emit(Op::Local(t));
            self.emit(Op::Store(info.var_ty));
        }
    }

    /// Stores the value produced by `gen` into the place `lhs`.
    fn store_from(&mut self, lhs: ExprId, gen: impl FnOnce(&mut Self)) {
        let ty = self.prog.expr(lhs).ty;
        if let Some(s) = self.direct_local(lhs) {
            gen(self);
            self.emit(Op::SetLocal(s));
            return;
        }
        if let ExprKind::MapIndex { map, key, .. } = self.prog.expr(lhs).kind.clone() {
            let mty = self.prog.expr(map).ty;
            self.expr(map);
            self.expr(key);
            gen(self);
            self.emit(Op::MapSet { ty: mty });
            return;
        }
        self.addr(lhs);
        gen(self);
        self.emit(Op::Store(ty));
    }

    /// `stmt` is the statement's span: where gc reports the boxing of a
    /// result that several-results assignments store into an interface.
    fn assign(&mut self, lhs: &[Option<ExprId>], rhs: &[ExprId], stmt: Span) {
        if lhs.len() == 1 && rhs.len() == 1 {
            match lhs[0] {
                Some(l) => self.store_from(l, |c| c.expr(rhs[0])),
                None => {
                    let n = self.expr_multi(rhs[0]);
                    for _ in 0..n {
                        self.emit(Op::Pop);
                    }
                }
            }
            return;
        }
        // Several: evaluate every right side into temporaries, then assign.
        let mut temps = Vec::new();
        if rhs.len() == 1 {
            let n = self.expr_multi(rhs[0]);
            let tys = self.result_types(rhs[0], n);
            for t in tys.iter().rev() {
                let slot = self.temp(*t);
                temps.push(slot);
                self.emit(Op::SetLocal(slot));
            }
            temps.reverse();
        } else {
            for &r in rhs {
                self.expr(r);
                let slot = self.temp(self.prog.expr(r).ty);
                self.emit(Op::SetLocal(slot));
                temps.push(slot);
            }
        }
        let result_tys = if rhs.len() == 1 {
            self.result_types(rhs[0], temps.len() as u32)
        } else {
            Vec::new()
        };
        for (i, l) in lhs.iter().enumerate() {
            if let (Some(l), Some(&t)) = (l, temps.get(i)) {
                // A concrete result stored into an interface is boxed (the
                // right side of `a, b = f()` has no conversion node).
                let boxing = result_tys.get(i).copied().filter(|&rt| {
                    let dst = self.prog.expr(*l).ty;
                    self.types().is_interface(dst) && !self.types().is_interface(rt)
                });
                let site = boxing.map(|rt| self.box_site(stmt, rt));
                self.store_from(*l, |c| {
                    c.emit(Op::Local(t));
                    if let (Some(ty), Some(site)) = (boxing, site) {
                        c.emit(Op::Box { ty, site });
                    }
                });
            }
        }
    }

    fn result_types(&self, e: ExprId, n: u32) -> Vec<TypeId> {
        match self.types().get(self.prog.expr(e).ty) {
            Type::Tuple(items) => items.clone(),
            _ => vec![self.prog.expr(e).ty; n as usize],
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn range(
        &mut self,
        s: StmtId,
        span: Span,
        kind: RangeKind,
        subject: ExprId,
        key: Option<ExprId>,
        value: Option<ExprId>,
        declares: &[VarId],
        body: &[StmtId],
    ) {
        let int = Num::Int {
            bits: 64,
            signed: true,
        };
        let sty = self.prog.expr(subject).ty;
        let subj = self.temp(sty);
        self.expr(subject);
        if kind == RangeKind::Map {
            self.emit(Op::Dup);
            let m = self.temp(sty);
            self.emit(Op::SetLocal(m));
            self.emit(Op::MapKeys);
            self.emit(Op::SetLocal(subj));
            // subj holds the keys, m the map
            let i = self.temp(TypeTable::INT);
            self.emit(Op::Push(V::Int(0)));
            self.emit(Op::SetLocal(i));
            let top = self.here();
            self.emit(Op::Step(span));
            self.emit(Op::Local(i));
            self.emit(Op::Local(subj));
            self.emit(Op::Len);
            self.emit(Op::Binary(BinaryOp::Lt, int));
            let exit = self.emit(Op::JumpIfNot(0));
            // key, value, found
            self.emit(Op::Local(m));
            self.emit(Op::Local(subj));
            self.emit(Op::Local(i));
            self.emit(Op::MapIterGet { ty: sty });
            let found = self.temp(TypeTable::BOOL);
            self.emit(Op::SetLocal(found));
            let vt = match self.types().under(sty) {
                Type::Map { value, .. } => *value,
                _ => TypeTable::INT,
            };
            let kt = match self.types().under(sty) {
                Type::Map { key, .. } => *key,
                _ => TypeTable::INT,
            };
            let vslot = self.temp(vt);
            self.emit(Op::SetLocal(vslot));
            let kslot = self.temp(kt);
            self.emit(Op::SetLocal(kslot));
            self.emit(Op::Local(i));
            self.emit(Op::Push(V::Int(1)));
            self.emit(Op::Binary(BinaryOp::Add, int));
            self.emit(Op::SetLocal(i));
            self.emit(Op::Local(found));
            let skip = self.emit(Op::JumpIfNot(0));
            self.fresh(declares);
            if let Some(k) = key {
                self.store_from(k, |c| {
                    c.emit(Op::Local(kslot));
                });
            }
            if let Some(v) = value {
                self.store_from(v, |c| {
                    c.emit(Op::Local(vslot));
                });
            }
            self.loops.push(Loop {
                stmt: s,
                breaks: vec![],
                continues: vec![],
            });
            self.block(body);
            let lp = self.loops.pop();
            self.patch(skip);
            if let Some(lp) = &lp {
                for &c in &lp.continues {
                    self.patch(c);
                }
            }
            self.emit(Op::Jump(top));
            self.patch(exit);
            if let Some(lp) = lp {
                for b in lp.breaks {
                    self.patch(b);
                }
            }
            return;
        }
        if kind == RangeKind::Chan {
            self.emit(Op::SetLocal(subj));
            let elem = match self.types().under(sty) {
                Type::Chan { elem, .. } => *elem,
                _ => TypeTable::INT,
            };
            let top = self.here();
            self.emit(Op::Step(span));
            self.emit(Op::Local(subj));
            self.emit(Op::Recv {
                comma_ok: true,
                elem,
            });
            let exit = self.emit(Op::JumpIfNot(0));
            let vslot = self.temp(elem);
            self.emit(Op::SetLocal(vslot));
            self.fresh(declares);
            if let Some(k) = key {
                self.store_from(k, |c| {
                    c.emit(Op::Local(vslot));
                });
            }
            self.loops.push(Loop {
                stmt: s,
                breaks: vec![],
                continues: vec![],
            });
            self.block(body);
            let lp = self.loops.pop();
            if let Some(lp) = &lp {
                for &c in &lp.continues {
                    self.patch(c);
                }
            }
            self.emit(Op::Jump(top));
            self.patch(exit);
            self.emit(Op::Pop);
            if let Some(lp) = lp {
                for b in lp.breaks {
                    self.patch(b);
                }
            }
            return;
        }
        self.emit(Op::SetLocal(subj));
        let n = self.temp(TypeTable::INT);
        match kind {
            RangeKind::Int => {
                self.emit(Op::Local(subj));
                self.emit(Op::Convert {
                    from: sty,
                    to: TypeTable::INT,
                });
            }
            RangeKind::ArrayPointer | RangeKind::Array => {
                let len = match self.types().under(sty) {
                    Type::Array { len, .. } => *len,
                    Type::Pointer(p) => match self.types().under(*p) {
                        Type::Array { len, .. } => *len,
                        _ => 0,
                    },
                    _ => 0,
                };
                self.emit(Op::Push(V::Int(len as i64)));
            }
            _ => {
                self.emit(Op::Local(subj));
                self.emit(Op::Len);
            }
        }
        self.emit(Op::SetLocal(n));
        let i = self.temp(TypeTable::INT);
        self.emit(Op::Push(V::Int(0)));
        self.emit(Op::SetLocal(i));
        let top = self.here();
        self.emit(Op::Step(span));
        self.emit(Op::Local(i));
        self.emit(Op::Local(n));
        self.emit(Op::Binary(BinaryOp::Lt, int));
        let exit = self.emit(Op::JumpIfNot(0));
        let width = self.temp(TypeTable::INT);
        self.emit(Op::Push(V::Int(1)));
        self.emit(Op::SetLocal(width));
        self.fresh(declares);
        let kty = key.map(|k| self.prog.expr(k).ty).unwrap_or(TypeTable::INT);
        if kind == RangeKind::String {
            self.emit(Op::Local(subj));
            self.emit(Op::Local(i));
            self.emit(Op::DecodeRune);
            self.emit(Op::SetLocal(width));
            let r = self.temp(TypeTable::RUNE);
            self.emit(Op::SetLocal(r));
            if let Some(v) = value {
                self.store_from(v, |c| {
                    c.emit(Op::Local(r));
                });
            }
        } else if let Some(v) = value {
            let vty = self.prog.expr(v).ty;
            self.store_from(v, |c| match kind {
                RangeKind::Slice => {
                    let es = c.types().size_of(vty);
                    c.emit(Op::Local(subj));
                    c.emit(Op::Local(i));
                    c.emit(Op::SliceIndexAddr { esize: es });
                    c.emit(Op::Load(vty));
                }
                RangeKind::Array => {
                    let len = match c.types().under(sty) {
                        Type::Array { len, .. } => *len,
                        _ => 0,
                    };
                    let byte = super::types::is_byte(c.types(), vty);
                    c.emit(Op::Local(subj));
                    c.emit(Op::Local(i));
                    c.emit(Op::ArrayIndex { len, byte });
                }
                _ => {
                    let es = c.types().size_of(vty);
                    c.emit(Op::Local(subj));
                    c.emit(Op::Local(i));
                    c.emit(Op::ArrayIndexAddr {
                        len: u64::MAX,
                        esize: es,
                    });
                    c.emit(Op::Load(vty));
                }
            });
        }
        if let Some(k) = key {
            self.store_from(k, |c| {
                c.emit(Op::Local(i));
                c.emit(Op::Convert {
                    from: TypeTable::INT,
                    to: kty,
                });
            });
        }
        self.loops.push(Loop {
            stmt: s,
            breaks: vec![],
            continues: vec![],
        });
        self.block(body);
        let lp = self.loops.pop();
        if let Some(lp) = &lp {
            for &c in &lp.continues {
                self.patch(c);
            }
        }
        self.emit(Op::Local(i));
        self.emit(Op::Local(width));
        self.emit(Op::Binary(BinaryOp::Add, int));
        self.emit(Op::SetLocal(i));
        self.emit(Op::Jump(top));
        self.patch(exit);
        if let Some(lp) = lp {
            for b in lp.breaks {
                self.patch(b);
            }
        }
    }

    fn fresh(&mut self, declares: &[VarId]) {
        for &v in declares {
            let slot = self.var_slot(v);
            if self.layout.slots[slot as usize].moved {
                let ty = self.prog.var(v).ty;
                let site = self.var_site(Some(v));
                self.emit(Op::FreshVar {
                    slot,
                    ty,
                    site,
                    copy: false,
                });
            }
        }
    }

    // ----- expressions -----------------------------------------------

    pub fn num(&self, ty: TypeId) -> Num {
        match self.types().under(ty) {
            Type::Basic(k) => {
                let k = k.canonical();
                if let Some((bits, signed)) = k.int_bits() {
                    Num::Int { bits, signed }
                } else if k.is_complex() {
                    Num::Complex(if k == crate::ir::BasicKind::Complex64 {
                        64
                    } else {
                        128
                    })
                } else if k.is_float() {
                    Num::Float(if k == crate::ir::BasicKind::Float32 {
                        32
                    } else {
                        64
                    })
                } else if k.is_string() {
                    Num::Str
                } else if k.is_boolean() {
                    Num::Bool
                } else if k == crate::ir::BasicKind::UntypedInt
                    || k == crate::ir::BasicKind::UntypedRune
                {
                    Num::Int {
                        bits: 64,
                        signed: true,
                    }
                } else {
                    Num::Other(ty)
                }
            }
            _ => Num::Other(ty),
        }
    }

    fn addressable(&self, e: ExprId) -> bool {
        match &self.prog.expr(e).kind {
            ExprKind::Var(_) | ExprKind::Deref(_) => true,
            ExprKind::Field {
                base,
                through_pointer,
                ..
            } => *through_pointer || self.addressable(*base),
            ExprKind::Index { base, .. } => match self.types().under(self.prog.expr(*base).ty) {
                Type::Slice(_) | Type::Pointer(_) => true,
                Type::Array { .. } => self.addressable(*base),
                _ => false,
            },
            _ => false,
        }
    }

    /// Pushes a pointer to the place `e`.
    fn addr(&mut self, e: ExprId) {
        let ex = self.prog.expr(e).clone();
        match ex.kind {
            ExprKind::Var(v) => {
                if let Some(&g) = self.out.global_index.get(&v) {
                    self.emit(Op::GlobalAddr(g));
                    return;
                }
                let slot = self.var_slot(v);
                if self.layout.slots[slot as usize].access == Access::Indirect {
                    self.emit(Op::Local(slot));
                } else {
                    self.emit(Op::LocalAddr(slot));
                }
            }
            ExprKind::Deref(p) => {
                self.expr(p);
                self.emit(Op::NilCheck);
            }
            ExprKind::Field {
                base,
                index,
                through_pointer,
                ..
            } => {
                let bty = self.prog.expr(base).ty;
                let sty = if through_pointer {
                    match self.types().under(bty) {
                        Type::Pointer(p) => *p,
                        _ => bty,
                    }
                } else {
                    bty
                };
                let off = self
                    .types()
                    .field_offsets(sty)
                    .get(index as usize)
                    .copied()
                    .unwrap_or(0);
                if through_pointer {
                    self.expr(base);
                } else {
                    self.addr(base);
                }
                self.emit(Op::FieldAddr(off));
            }
            ExprKind::Index { base, index } => {
                let bty = self.prog.expr(base).ty;
                let esize = self.types().size_of(ex.ty);
                match self.types().under(bty).clone() {
                    Type::Slice(_) => {
                        self.expr(base);
                        self.expr(index);
                        self.emit(Op::SliceIndexAddr { esize });
                    }
                    Type::Array { len, .. } => {
                        self.addr(base);
                        self.expr(index);
                        self.emit(Op::ArrayIndexAddr { len, esize });
                    }
                    Type::Pointer(p) => {
                        let len = match self.types().under(p) {
                            Type::Array { len, .. } => *len,
                            _ => 0,
                        };
                        self.expr(base);
                        self.emit(Op::NilCheck);
                        self.expr(index);
                        self.emit(Op::ArrayIndexAddr { len, esize });
                    }
                    _ => self.unsupported("address of string element"),
                }
            }
            _ => {
                // Not addressable: materialise in a temporary.
                let t = self.temp(ex.ty);
                self.expr(e);
                self.emit(Op::SetLocal(t));
                self.emit(Op::LocalAddr(t));
            }
        }
    }

    /// Compiles `e` for its value(s); returns how many values it pushes.
    fn expr_multi(&mut self, e: ExprId) -> u32 {
        let ex = self.prog.expr(e).clone();
        match &ex.kind {
            ExprKind::Call(_) => self.call(e),
            ExprKind::MapIndex { comma_ok: true, .. }
            | ExprKind::TypeAssert { comma_ok: true, .. }
            | ExprKind::Recv { comma_ok: true, .. } => {
                self.expr(e);
                2
            }
            _ => {
                self.expr(e);
                1
            }
        }
    }

    /// Compiles `e`, pushing exactly one value (or two for comma-ok forms).
    fn expr(&mut self, e: ExprId) {
        let ex = self.prog.expr(e).clone();
        match ex.kind {
            ExprKind::Const(c) => {
                let v = match (&c, self.num(ex.ty)) {
                    (crate::ir::ConstValue::Bool(b), _) => V::Bool(*b),
                    (crate::ir::ConstValue::String(s), _) => V::string(s),
                    (_, Num::Float(_)) => V::Float(c.as_float().unwrap_or(0.0) + 0.0),
                    (_, Num::Complex(_)) | (crate::ir::ConstValue::Complex(..), _) => {
                        let (re, im) = c.as_complex().unwrap_or((0.0, 0.0));
                        V::Complex(re + 0.0, im + 0.0)
                    }
                    (_, Num::Int { bits, signed }) => {
                        let i = c.as_int().unwrap_or(0);
                        V::Int(super::types::IntKind { bits, signed }.wrap(i as i64))
                    }
                    (crate::ir::ConstValue::Float(f), _) => V::Float(*f),
                    (crate::ir::ConstValue::Int(i), Num::Other(_))
                        if self.types().is_interface(ex.ty) =>
                    {
                        V::Int(*i as i64)
                    }
                    (crate::ir::ConstValue::Int(i), _) => V::Int(*i as i64),
                };
                self.emit(Op::Push(v));
            }
            ExprKind::Nil => {
                self.emit(Op::Push(V::Nil));
            }
            ExprKind::Var(v) => {
                if let Some(&g) = self.out.global_index.get(&v) {
                    self.emit(Op::Global(g));
                    return;
                }
                let slot = self.var_slot(v);
                self.load_slot(slot);
            }
            ExprKind::Func(f) => {
                self.emit(Op::FuncVal(f));
            }
            ExprKind::Unary { op, operand } => {
                self.expr(operand);
                let n = self.num(ex.ty);
                self.emit(Op::Unary(op, n));
            }
            ExprKind::Binary { op, left, right } => match op {
                BinaryOp::LogAnd => {
                    self.expr(left);
                    let j = self.emit(Op::JumpIfNotKeep(0));
                    self.expr(right);
                    self.patch(j);
                }
                BinaryOp::LogOr => {
                    self.expr(left);
                    let j = self.emit(Op::JumpIfKeep(0));
                    self.expr(right);
                    self.patch(j);
                }
                _ => {
                    let lt = self.prog.expr(left).ty;
                    let rt = self.prog.expr(right).ty;
                    self.expr(left);
                    // Mixed interface/concrete comparisons box the concrete side.
                    let li = self.types().is_interface(lt);
                    let ri = self.types().is_interface(rt);
                    if !li && ri && !matches!(self.prog.expr(left).kind, ExprKind::Nil) {
                        self.emit(Op::Box { ty: lt, site: None });
                    }
                    self.expr(right);
                    if li && !ri && !matches!(self.prog.expr(right).kind, ExprKind::Nil) {
                        self.emit(Op::Box { ty: rt, site: None });
                    }
                    let nt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) || !op.is_comparison() {
                        ex.ty
                    } else if li || ri {
                        if li {
                            lt
                        } else {
                            rt
                        }
                    } else {
                        lt
                    };
                    let n = self.num(nt);
                    self.emit(Op::Binary(op, n));
                }
            },
            ExprKind::Deref(p) => {
                self.expr(p);
                self.emit(Op::Load(ex.ty));
            }
            ExprKind::AddrOf(x) => self.addr(x),
            ExprKind::Field { base, index, .. } => {
                if self.addressable(e) {
                    self.addr(e);
                    self.emit(Op::Load(ex.ty));
                } else {
                    self.expr(base);
                    self.emit(Op::Field(index));
                }
            }
            ExprKind::Index { base, index } => {
                let bty = self.prog.expr(base).ty;
                match self.types().under(bty).clone() {
                    Type::Basic(_) => {
                        self.expr(base);
                        self.expr(index);
                        self.emit(Op::StrIndex);
                    }
                    Type::Array { len, elem } if !self.addressable(base) => {
                        self.expr(base);
                        self.expr(index);
                        let byte = super::types::is_byte(self.types(), elem);
                        self.emit(Op::ArrayIndex { len, byte });
                    }
                    _ => {
                        self.addr(e);
                        self.emit(Op::Load(ex.ty));
                    }
                }
            }
            ExprKind::MapIndex { map, key, comma_ok } => {
                let mty = self.prog.expr(map).ty;
                self.expr(map);
                self.expr(key);
                self.emit(Op::MapGet { ty: mty, comma_ok });
            }
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } => {
                let bty = self.prog.expr(base).ty;
                let (kind, esize, len) = match self.types().under(bty).clone() {
                    Type::Basic(_) => (0u8, 1, 0),
                    Type::Slice(el) => (1, self.types().size_of(el), 0),
                    Type::Pointer(p) => match self.types().under(p).clone() {
                        Type::Array { len, elem } => (2, self.types().size_of(elem), len),
                        _ => (2, 1, 0),
                    },
                    Type::Array { len, elem } => (3, self.types().size_of(elem), len),
                    _ => (1, 1, 0),
                };
                if kind == 3 {
                    self.addr(base);
                } else {
                    self.expr(base);
                }
                for x in [low, high, max].into_iter().flatten() {
                    self.expr(x);
                }
                self.emit(Op::SliceOf {
                    kind,
                    low: low.is_some(),
                    high: high.is_some(),
                    max: max.is_some(),
                    esize,
                    len,
                });
            }
            ExprKind::Call(_) => {
                let n = self.call(e);
                if n == 0 {
                    self.emit(Op::Push(V::Nil));
                }
            }
            ExprKind::Composite { kind, elems } => self.composite(e, ex.ty, kind, &elems),
            ExprKind::PtrLit(inner) => {
                let ity = self.prog.expr(inner).ty;
                let site = self.site(e, Some(ity));
                self.expr(inner);
                self.emit(Op::Alloc { ty: ity, site });
            }
            ExprKind::New(t) => {
                let site = self.site(e, Some(t));
                self.emit(Op::New { ty: t, site });
            }
            ExprKind::Make { kind, len, cap } => match kind {
                MakeKind::Slice => {
                    let elem = match self.types().under(ex.ty) {
                        Type::Slice(el) => *el,
                        _ => TypeTable::INT,
                    };
                    // A constant-size make kept on the stack lives in the frame.
                    let n = cap.or(len).and_then(|x| match &self.prog.expr(x).kind {
                        ExprKind::Const(c) => c.as_int(),
                        _ => None,
                    });
                    let stack_ty = n.and_then(|n| self.array_type(elem, n as u64));
                    let site = self.site(e, stack_ty.or(Some(TypeTable::INVALID)));
                    match len {
                        Some(l) => self.expr(l),
                        None => {
                            self.emit(Op::Push(V::Int(0)));
                        }
                    }
                    if let Some(c) = cap {
                        self.expr(c);
                    }
                    self.emit(Op::MakeSlice {
                        elem,
                        site,
                        cap: cap.is_some(),
                    });
                }
                MakeKind::Map => {
                    let site = self.site(e, Some(TypeTable::UINTPTR));
                    if let Some(l) = len {
                        self.expr(l);
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::MakeMap { ty: ex.ty, site });
                }
                MakeKind::Chan => {
                    if let Some(l) = len {
                        self.expr(l);
                    }
                    self.emit(Op::MakeChan {
                        ty: ex.ty,
                        size: len.is_some(),
                    });
                }
            },
            ExprKind::FuncLit(f) => {
                let caps = self.captures.get(&f).cloned().unwrap_or_default();
                for &v in &caps {
                    let var = self.prog.var(v);
                    let key = (var.span.start, var.span.end);
                    let byref = self.place.moved.contains(&key) || self.place.byref.contains(&key);
                    if self.out.global_index.contains_key(&v) {
                        self.emit(Op::Push(V::Nil));
                    } else if byref {
                        let ve = crate::ir::Expr {
                            kind: ExprKind::Var(v),
                            ty: var.ty,
                            span: var.span,
                            implicit: true,
                        };
                        let _ = ve;
                        let slot = self.var_slot(v);
                        if self.layout.slots[slot as usize].access == Access::Indirect {
                            self.emit(Op::Local(slot));
                        } else {
                            self.emit(Op::LocalAddr(slot));
                        }
                    } else {
                        let slot = self.var_slot(v);
                        self.load_slot(slot);
                    }
                }
                let site = if caps.is_empty() {
                    None
                } else {
                    Some(self.site(e, Some(TypeTable::UINTPTR)))
                };
                self.emit(Op::Closure {
                    func: f,
                    n: caps.len() as u32,
                    site,
                });
            }
            ExprKind::MethodValue { recv, method } => {
                self.expr(recv);
                let site = Some(self.site(e, Some(TypeTable::UINTPTR)));
                match method {
                    MethodRef::Func(f) => self.emit(Op::MethodValue { func: f, site }),
                    MethodRef::Interface(name) => self.emit(Op::IfaceMethodValue {
                        name: Rc::from(name.as_str()),
                        site,
                    }),
                };
            }
            ExprKind::MethodExpr { method, .. } => {
                match method {
                    MethodRef::Func(f) => self.emit(Op::MethodExpr(f)),
                    MethodRef::Interface(name) => {
                        self.emit(Op::IfaceMethodExpr(Rc::from(name.as_str())))
                    }
                };
            }
            ExprKind::ConvIface(x) => {
                let xty = self.prog.expr(x).ty;
                self.expr(x);
                if self.types().is_interface(xty) {
                    return;
                }
                let site = self.box_site(self.prog.expr(e).span, xty);
                self.emit(Op::Box { ty: xty, site });
            }
            ExprKind::Conv { kind, operand } => {
                let from = self.prog.expr(operand).ty;
                self.expr(operand);
                match kind {
                    ConvKind::Value | ConvKind::IfaceToIface => {
                        self.emit(Op::Convert { from, to: ex.ty });
                    }
                    ConvKind::Unsafe => self.unsupported("running unsafe.Pointer conversions"),
                    _ => {
                        let _ = self.site(e, None);
                        self.emit(Op::Convert { from, to: ex.ty });
                    }
                }
            }
            ExprKind::VarArgsSlice(items) => {
                let elem = match self.types().under(ex.ty) {
                    Type::Slice(el) => *el,
                    _ => TypeTable::INT,
                };
                if items.is_empty() {
                    self.emit(Op::Push(V::Nil));
                    return;
                }
                let at = self.array_type(elem, items.len() as u64);
                let site = self.site(e, at.or(Some(TypeTable::INVALID)));
                for &i in &items {
                    self.expr(i);
                }
                self.emit(Op::SliceLit {
                    elem,
                    n: items.len() as u32,
                    site,
                });
            }
            ExprKind::TypeAssert { operand, comma_ok } => {
                let t = match self.types().get(ex.ty) {
                    Type::Tuple(items) if comma_ok => items.first().copied().unwrap_or(ex.ty),
                    _ => ex.ty,
                };
                self.expr(operand);
                self.emit(Op::TypeAssert { ty: t, comma_ok });
            }
            ExprKind::Recv { chan, comma_ok } => {
                let elem = match self.types().under(self.prog.expr(chan).ty) {
                    Type::Chan { elem, .. } => *elem,
                    _ => TypeTable::INT,
                };
                self.expr(chan);
                self.emit(Op::Recv { comma_ok, elem });
                if !comma_ok {
                    // Recv always pushes value and ok.
                    self.emit(Op::Pop);
                }
            }
        }
    }

    fn array_type(&self, elem: TypeId, n: u64) -> Option<TypeId> {
        for i in 0..self.prog.types.len() {
            let id = TypeId(i as u32);
            if let Type::Array { len, elem: e } = self.prog.types.get(id) {
                if *len == n && *e == elem {
                    return Some(id);
                }
            }
        }
        // Not interned: the frame slot still gets the right size through a
        // byte array or int array when one exists; otherwise untyped.
        None
    }

    fn composite(
        &mut self,
        e: ExprId,
        ty: TypeId,
        kind: CompositeKind,
        elems: &[crate::ir::CompositeElem],
    ) {
        match kind {
            CompositeKind::Struct => {
                self.emit(Op::Zero(ty));
                for el in elems {
                    if let ElemKey::Field(i) = el.key {
                        self.expr(el.value);
                        self.emit(Op::SetElem(i));
                    }
                }
            }
            CompositeKind::Array => {
                self.emit(Op::Zero(ty));
                for el in elems {
                    if let ElemKey::Index(i) = el.key {
                        self.expr(el.value);
                        self.emit(Op::SetElem(i as u32));
                    }
                }
            }
            CompositeKind::Slice => {
                let elem = match self.types().under(ty) {
                    Type::Slice(el) => *el,
                    _ => TypeTable::INT,
                };
                let n = elems
                    .iter()
                    .map(|el| match el.key {
                        ElemKey::Index(i) => i + 1,
                        _ => 0,
                    })
                    .max()
                    .unwrap_or(0);
                let at = self.array_type(elem, n);
                let site = self.site(e, at.or(Some(TypeTable::INVALID)));
                // Build densely: zero then set.
                for i in 0..n {
                    match elems
                        .iter()
                        .find(|el| matches!(el.key, ElemKey::Index(k) if k == i))
                    {
                        Some(el) => self.expr(el.value),
                        None => {
                            self.emit(Op::Zero(elem));
                        }
                    }
                }
                self.emit(Op::SliceLit {
                    elem,
                    n: n as u32,
                    site,
                });
            }
            CompositeKind::Map => {
                let site = self.site(e, Some(TypeTable::UINTPTR));
                for el in elems {
                    if let ElemKey::MapKey(k) = el.key {
                        self.expr(k);
                        self.expr(el.value);
                    }
                }
                self.emit(Op::MapLit {
                    ty,
                    n: elems.len() as u32,
                    site,
                });
            }
        }
    }

    /// Pushes the callee (for values) and the arguments; returns the target.
    fn call_setup(&mut self, _e: ExprId, c: &crate::ir::Call) -> (Target, u32) {
        let mut nargs = c.args.len() as u32;
        let target = match &c.callee {
            Callee::Func(f) => {
                if self.prog.func(*f).is_std() {
                    Target::Std(*f)
                } else {
                    Target::User(*f)
                }
            }
            Callee::Method { func, recv } => {
                self.expr(*recv);
                nargs += 1;
                if self.prog.func(*func).is_std() {
                    Target::Std(*func)
                } else {
                    Target::User(*func)
                }
            }
            Callee::Interface { recv, method } => {
                self.expr(*recv);
                nargs += 1;
                Target::Iface(Rc::from(method.as_str()))
            }
            Callee::Value(v) => {
                self.expr(*v);
                Target::Value
            }
            Callee::Builtin(b) => {
                let aux = c
                    .args
                    .first()
                    .map(|a| self.prog.expr(*a).ty)
                    .unwrap_or(TypeTable::INVALID);
                Target::Builtin(*b, aux)
            }
        };
        if let Some(n) = self.spread_tuple_args(c) {
            return (target, nargs - 1 + n);
        }
        for &a in &c.args {
            self.expr(a);
        }
        (target, nargs)
    }

    /// `f(g())` where `g` returns several values: pushes them converted to
    /// `f`'s parameters (boxing for interfaces, a slice for the variadic
    /// tail). Returns how many arguments that makes.
    fn spread_tuple_args(&mut self, c: &crate::ir::Call) -> Option<u32> {
        let [arg] = c.args.as_slice() else {
            return None;
        };
        let items = match self.types().get(self.prog.expr(*arg).ty) {
            Type::Tuple(items) if items.len() > 1 => items.clone(),
            _ => return None,
        };
        let sig_ty = match &c.callee {
            Callee::Func(f) | Callee::Method { func: f, .. } => self.prog.func(*f).sig,
            Callee::Value(v) => self.prog.expr(*v).ty,
            _ => return None,
        };
        let sig = self.types().signature(sig_ty)?.clone();
        self.expr_multi(*arg);
        let temps: Vec<u32> = items.iter().map(|t| self.temp(*t)).collect();
        for &t in temps.iter().rev() {
            self.emit(Op::SetLocal(t));
        }
        let fixed = if sig.variadic {
            sig.params.len().saturating_sub(1)
        } else {
            sig.params.len()
        };
        let mut pushed = 0u32;
        for (i, (&t, &ity)) in temps.iter().zip(&items).enumerate().take(fixed) {
            self.emit(Op::Local(t));
            let pty = sig.params.get(i).copied().unwrap_or(ity);
            if self.types().is_interface(pty) && !self.types().is_interface(ity) {
                self.emit(Op::Box {
                    ty: ity,
                    site: None,
                });
            }
            pushed += 1;
        }
        if sig.variadic {
            let elem = match sig.params.last().map(|p| self.types().under(*p).clone()) {
                Some(Type::Slice(e)) => e,
                _ => TypeTable::INVALID,
            };
            let rest = temps.len().saturating_sub(fixed);
            for (&t, &ity) in temps.iter().zip(&items).skip(fixed) {
                self.emit(Op::Local(t));
                if self.types().is_interface(elem) && !self.types().is_interface(ity) {
                    self.emit(Op::Box {
                        ty: ity,
                        site: None,
                    });
                }
            }
            let site = self.site(*arg, None);
            self.emit(Op::SliceLit {
                elem,
                n: rest as u32,
                site,
            });
            pushed += 1;
        }
        Some(pushed)
    }

    /// Compiles a call; returns the number of results pushed.
    fn call(&mut self, e: ExprId) -> u32 {
        let ex = self.prog.expr(e).clone();
        let ExprKind::Call(c) = ex.kind else { return 0 };
        let nres = match self.types().get(ex.ty) {
            Type::Tuple(items) => items.len() as u32,
            _ => 1,
        };
        if let Callee::Builtin(b) = c.callee {
            return self.builtin(e, b, &c, ex.ty);
        }
        let nres = match &c.callee {
            Callee::Func(f) | Callee::Method { func: f, .. } => self
                .types()
                .signature(self.prog.func(*f).sig)
                .map(|s| s.results.len() as u32)
                .unwrap_or(nres),
            _ => {
                if ex.ty == TypeTable::INVALID
                    || matches!(self.types().get(ex.ty), Type::Tuple(items) if items.is_empty())
                {
                    0
                } else {
                    nres
                }
            }
        };
        let (target, nargs) = self.call_setup(e, &c);
        self.emit(Op::Call {
            target,
            nargs,
            nres,
            spread: c.spread,
        });
        nres
    }

    fn builtin(&mut self, e: ExprId, b: Builtin, c: &crate::ir::Call, ty: TypeId) -> u32 {
        let args = &c.args;
        let aty = |i: usize, s: &Self| {
            args.get(i)
                .map(|a| s.prog.expr(*a).ty)
                .unwrap_or(TypeTable::INVALID)
        };
        match b {
            // The machine's memory is typed values, not bytes: it cannot
            // reinterpret it as unsafe code does.
            Builtin::Sizeof
            | Builtin::Alignof
            | Builtin::Offsetof
            | Builtin::UnsafeAdd
            | Builtin::UnsafeSlice
            | Builtin::UnsafeString
            | Builtin::UnsafeStringData
            | Builtin::UnsafeSliceData => {
                self.unsupported(&format!("running {}", b.name()));
                self.emit(Op::Push(V::Int(0)));
                1
            }
            Builtin::Real | Builtin::Imag => {
                self.expr(args[0]);
                self.emit(Op::ComplexPart {
                    imag: b == Builtin::Imag,
                });
                1
            }
            Builtin::Complex => {
                self.expr(args[0]);
                self.expr(args[1]);
                self.emit(Op::MakeComplex);
                1
            }
            Builtin::Len | Builtin::Cap => {
                let t = aty(0, self);
                let fixed = match self.types().under(t) {
                    Type::Array { len, .. } => Some(*len),
                    Type::Pointer(p) => match self.types().under(*p) {
                        Type::Array { len, .. } => Some(*len),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(n) = fixed {
                    self.emit(Op::Push(V::Int(n as i64)));
                    return 1;
                }
                self.expr(args[0]);
                self.emit(if b == Builtin::Len { Op::Len } else { Op::Cap });
                1
            }
            Builtin::Append => {
                let elem = match self.types().under(ty) {
                    Type::Slice(el) => *el,
                    _ => TypeTable::BYTE,
                };
                let chosen = self.stack_appends.get(&e).copied();
                let site = Some(self.append_site(e, elem, chosen.is_some()));
                // The checker may wrap the extra elements in a variadic slice.
                let mut items: Vec<ExprId> = Vec::new();
                let mut spread = c.spread;
                for (i, &a) in args.iter().enumerate() {
                    match &self.prog.expr(a).kind {
                        ExprKind::VarArgsSlice(xs) if i > 0 && !c.spread => {
                            items.extend(xs.iter().copied())
                        }
                        _ => items.push(a),
                    }
                }
                if items.len() == 2 && c.spread {
                    spread = true;
                }
                for &a in &items {
                    self.expr(a);
                }
                let spread_string = spread
                    && matches!(
                        self.types().under(
                            items
                                .get(1)
                                .map(|x| self.prog.expr(*x).ty)
                                .unwrap_or(TypeTable::INVALID)
                        ),
                        Type::Basic(_)
                    );
                if spread_string {
                    self.emit(Op::Convert {
                        from: TypeTable::STRING,
                        to: ty,
                    });
                }
                self.emit(Op::Append {
                    elem,
                    n: items.len().saturating_sub(1) as u32,
                    spread,
                    site,
                    grow_in_buffer: chosen == Some(true),
                });
                1
            }
            Builtin::Copy => {
                let esize = match self.types().under(aty(0, self)) {
                    Type::Slice(el) => self.types().size_of(*el),
                    _ => 1,
                };
                self.expr(args[0]);
                self.expr(args[1]);
                if matches!(self.types().under(aty(1, self)), Type::Basic(_)) {
                    self.emit(Op::Convert {
                        from: TypeTable::STRING,
                        to: aty(0, self),
                    });
                }
                self.emit(Op::Copy { esize });
                1
            }
            Builtin::Delete => {
                self.expr(args[0]);
                self.expr(args[1]);
                self.emit(Op::Delete);
                0
            }
            Builtin::Clear => {
                self.expr(args[0]);
                self.emit(Op::Clear);
                0
            }
            Builtin::Close => {
                self.expr(args[0]);
                self.emit(Op::Close);
                0
            }
            Builtin::Panic => {
                self.expr(args[0]);
                self.emit(Op::Panic);
                0
            }
            Builtin::Recover => {
                self.emit(Op::Recover);
                1
            }
            Builtin::Print | Builtin::Println => {
                let types: Vec<TypeId> = args.iter().map(|a| self.prog.expr(*a).ty).collect();
                for &a in args {
                    self.expr(a);
                }
                self.emit(Op::Print {
                    n: args.len() as u32,
                    ln: b == Builtin::Println,
                    types: Rc::from(types),
                });
                0
            }
            Builtin::Min | Builtin::Max => {
                for &a in args {
                    self.expr(a);
                }
                let n = self.num(ty);
                self.emit(Op::MinMax {
                    n: args.len() as u32,
                    max: b == Builtin::Max,
                    num: n,
                });
                1
            }
            Builtin::New => {
                let t = match self.types().under(ty) {
                    Type::Pointer(p) => *p,
                    _ => ty,
                };
                let site = self.site(e, Some(t));
                self.emit(Op::New { ty: t, site });
                1
            }
            Builtin::Make => {
                self.unsupported("make as a call");
                1
            }
        }
    }
}

/// gc's name for a function: `main.f`, `main.(*T).M`, `main.main.func1`.
pub fn go_func_name(prog: &Program, f: FuncId) -> String {
    let func = prog.func(f);
    match &func.kind {
        crate::ir::FuncKind::Std { .. } => func.name.clone(),
        crate::ir::FuncKind::Closure { parent } => {
            // gc numbers closures per outermost function.
            let mut outer = *parent;
            let mut guard = 0;
            while let crate::ir::FuncKind::Closure { parent } = &prog.func(outer).kind {
                outer = *parent;
                guard += 1;
                if guard > 64 {
                    break;
                }
            }
            let _ = outer;
            let name = &func.name;
            if name.starts_with("main.") {
                name.clone()
            } else {
                format!("main.{name}")
            }
        }
        _ => {
            let name = &func.name;
            if name.starts_with("main.") {
                name.clone()
            } else {
                format!("main.{name}")
            }
        }
    }
}
