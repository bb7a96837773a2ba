//! Building the escape graph from the IR: one pass over each function
//! body, without regard to control flow, turning every data movement into
//! an edge (gc's `escape/{stmt,expr,call,assign}.go`).

use crate::hash::{HashMap, HashSet};

use super::graph::{
    AllocKind, Batch, FuncIx, Hole, LocId, LocKind, Site, VarClass, CALLEE, DISCARD, HEAP, MUTATOR,
};
use super::leaks::Leaks;
use super::print::{Printer, Replacement, Rewrites};
use super::report::{Event, ParamSlot, Verdict, VerdictKind};
use super::static_value::{is_array, StaticFacts};
use super::stdlib_tags;
use super::visit::{visit_block, Node};
use crate::ir::{
    BinaryOp, Block, Builtin, Callee, CompositeKind, ConvKind, ElemKey, ExprId, ExprKind, FuncId,
    FuncKind, LabelId, MakeKind, MethodRef, Program, RangeKind, SelectComm, StmtId, StmtKind, Type,
    TypeId, UnaryOp, VarId, VarKind,
};

/// gc's `ir.MaxStackVarSize`: explicit variables above this go to the heap.
pub const MAX_STACK_VAR_SIZE: u64 = 128 * 1024;
/// gc's `ir.MaxImplicitStackVarSize`: implicit allocations above this do.
pub const MAX_IMPLICIT_STACK_VAR_SIZE: u64 = 64 * 1024;
/// Captured variables up to this size may be captured by value.
const MAX_BYVAL_SIZE: u64 = 128;
const MAX_DEPTH: u32 = 200;

/// Parameter summaries of analyzed functions, receiver first.
pub type Tags = HashMap<FuncId, Vec<Leaks>>;

/// A variable a closure captures.
#[derive(Clone)]
enum Captured {
    Var(VarId),
    /// A temporary a `go`/`defer` wrapper captures.
    Temp {
        loc: LocId,
        site: Site,
        width: u64,
        func_name: String,
    },
}

struct PendingClosure {
    k: Hole,
    captures: Vec<Captured>,
    /// Where each captured variable is first used inside the closure.
    use_sites: Vec<Site>,
}

pub struct Walker<'p> {
    prog: &'p Program,
    facts: &'p StaticFacts,
    rewrites: Rewrites,
    pub b: Batch,
    fix: HashMap<FuncId, FuncIx>,
    var_loc: HashMap<VarId, LocId>,
    tags: &'p Tags,
    devirtualized: &'p super::devirt::Devirtualized,
    closures: Vec<PendingClosure>,
    /// The `.dict` parameter of each shaped instance (or closure in one)
    /// whose closures capture it.
    dict_locs: HashMap<FuncId, LocId>,
    heap_reasons: Vec<(LocId, &'static str)>,
    cur: FuncId,
    cur_ix: FuncIx,
    loop_depth: i32,
    looping_labels: HashSet<LabelId>,
    /// Arguments a go/defer wrapper reads from temporaries.
    subst: HashMap<ExprId, LocId>,
    temps_made: HashMap<FuncId, usize>,
    depth: u32,
}

impl<'p> Walker<'p> {
    pub fn new(
        prog: &'p Program,
        facts: &'p StaticFacts,
        tags: &'p Tags,
        devirtualized: &'p super::devirt::Devirtualized,
    ) -> Walker<'p> {
        let rewrites = devirtualized
            .iter()
            .map(|(e, (m, t))| (*e, Replacement::Devirtualized(*m, *t)))
            .collect();
        Walker {
            prog,
            facts,
            rewrites,
            devirtualized,
            b: Batch::new(true),
            fix: HashMap::default(),
            var_loc: HashMap::default(),
            tags,
            closures: Vec::new(),
            dict_locs: HashMap::default(),
            heap_reasons: Vec::new(),
            cur: FuncId(0),
            cur_ix: FuncIx(0),
            loop_depth: 1,
            looping_labels: HashSet::default(),
            subst: HashMap::default(),
            temps_made: HashMap::default(),
            depth: 0,
        }
    }

    fn printer(&self) -> Printer<'_> {
        Printer {
            prog: self.prog,
            rewrites: &self.rewrites,
            shapes: self.prog.instance_of(self.cur).is_some(),
        }
    }

    // ----- sites -------------------------------------------------------

    /// The position gc reports for an expression: a conversion sits where
    /// its operand is written.
    fn expr_pos_span(&self, e: ExprId) -> (crate::diag::Pos, u32, u32) {
        let ex = self.prog.expr(e);
        let pos = match &ex.kind {
            ExprKind::ConvIface(x) | ExprKind::Conv { operand: x, .. } => {
                self.prog.expr(*x).span.pos
            }
            _ => ex.span.pos,
        };
        (pos, ex.span.start, ex.span.end)
    }

    fn site(&self, e: ExprId) -> Site {
        let (pos, start, end) = self.expr_pos_span(e);
        Site {
            text: self.printer().expr(e),
            pos,
            start,
            end,
        }
    }

    fn stmt_site(&self, s: StmtId) -> Site {
        let st = self.prog.stmt(s);
        let mut pos = st.span.pos;
        // gc puts a range loop at its `range` keyword; when the IR gives
        // the `for`, place it one space before the operand (gofmt layout).
        if let StmtKind::Range { subject, .. } = &st.kind {
            // Columns count bytes, so the operand's column follows from its
            // byte offset relative to the statement's start (same line).
            let sub = self.prog.expr(*subject).span;
            let same_line = self.prog.expr(*subject).span.pos.line == pos.line;
            if same_line && sub.start > st.span.start + 6 {
                let col = pos.col + (sub.start - st.span.start);
                pos = crate::diag::Pos::new(pos.line, col - 6);
            }
        }
        Site {
            text: self.printer().stmt(st),
            pos,
            start: st.span.start,
            end: st.span.end,
        }
    }

    fn var_site(&self, v: VarId) -> Site {
        let var = self.prog.var(v);
        Site {
            text: var.name.clone(),
            pos: var.span.pos,
            start: var.span.start,
            end: var.span.end,
        }
    }

    // ----- types -------------------------------------------------------

    fn has_pointers(&self, t: TypeId) -> bool {
        self.prog.types.has_pointers(t)
    }

    fn is_interface(&self, t: TypeId) -> bool {
        self.prog.types.is_interface(t)
    }

    /// gc's `types.IsDirectIface`: stored in an interface without boxing.
    fn is_direct_iface(&self, t: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        match self.prog.types.under(t) {
            Type::Pointer(_) | Type::Chan { .. } | Type::Map { .. } | Type::Func(_) => true,
            Type::Basic(k) => *k == crate::ir::BasicKind::UnsafePointer,
            Type::Struct(fields) => {
                fields.len() == 1 && self.is_direct_iface(fields[0].ty, depth + 1)
            }
            Type::Array { len, elem } => *len == 1 && self.is_direct_iface(*elem, depth + 1),
            _ => false,
        }
    }

    fn value_type(&self, e: ExprId) -> TypeId {
        let ex = self.prog.expr(e);
        match self.prog.types.get(ex.ty) {
            Type::Tuple(items) if !items.is_empty() => match ex.kind {
                ExprKind::MapIndex { comma_ok: true, .. }
                | ExprKind::TypeAssert { comma_ok: true, .. }
                | ExprKind::Recv { comma_ok: true, .. } => items[0],
                _ => ex.ty,
            },
            _ => ex.ty,
        }
    }

    fn size(&self, t: TypeId) -> u64 {
        self.prog.types.size_of(t)
    }

    // ----- locations and holes -----------------------------------------

    fn new_alloc(&mut self, e: ExprId, kind: AllocKind) -> LocId {
        let site = self.site(e);
        self.b.new_loc(
            LocKind::Alloc { site, kind },
            self.cur_ix,
            self.loop_depth,
            true,
        )
    }

    /// gc's `spill`: a new location for `e`'s storage, whose address flows
    /// to `k`.
    fn spill(&mut self, k: &Hole, e: ExprId, kind: AllocKind) -> Hole {
        let loc = self.new_alloc(e, kind);
        if let Some(why) = self.heap_alloc_reason(e) {
            self.heap_reasons.push((loc, why));
        }
        let site = self.site(e);
        self.b.flow(&k.addr(site, "spill"), loc);
        Hole::to(loc)
    }

    fn tee(&mut self, ks: &[Hole]) -> Hole {
        self.b.tee(ks, self.cur_ix, self.loop_depth)
    }

    fn var_hole(&self, v: VarId) -> Hole {
        match self.var_loc.get(&v) {
            Some(l) => Hole::to(*l),
            None => {
                if self.prog.var(v).kind == VarKind::Global {
                    Hole::to(HEAP)
                } else {
                    Hole::to(DISCARD)
                }
            }
        }
    }

    /// gc's `HeapAllocReason` for an allocating expression.
    fn heap_alloc_reason(&self, e: ExprId) -> Option<&'static str> {
        let ex = self.prog.expr(e);
        match &ex.kind {
            ExprKind::New(t) => {
                (self.size(*t) > MAX_IMPLICIT_STACK_VAR_SIZE).then_some("too large for stack")
            }
            ExprKind::PtrLit(x) => (self.size(self.prog.expr(*x).ty) > MAX_IMPLICIT_STACK_VAR_SIZE)
                .then_some("too large for stack"),
            // The closure holds the code pointer and a copy of the receiver.
            ExprKind::MethodValue { recv, .. } => {
                let size = crate::ir::PTR_SIZE + self.size(self.prog.expr(*recv).ty);
                (size > MAX_IMPLICIT_STACK_VAR_SIZE).then_some("too large for stack")
            }
            ExprKind::Make {
                kind: MakeKind::Slice,
                len,
                cap,
            } => {
                let r = cap.or(*len)?;
                let elem = match self.prog.types.under(ex.ty) {
                    Type::Slice(el) => *el,
                    _ => return None,
                };
                let es = self.size(elem);
                if es == 0 {
                    return Some("zero-sized element");
                }
                let (v, _) = self.const_int(r)?;
                if v < 0 {
                    return None;
                }
                (v as u128 > (MAX_IMPLICIT_STACK_VAR_SIZE / es) as u128)
                    .then_some("too large for stack")
            }
            _ => None,
        }
    }

    fn const_int(&self, e: ExprId) -> Option<(i128, TypeId)> {
        match &self.prog.expr(e).kind {
            ExprKind::Const(c) => c.as_int().map(|v| (v, self.prog.expr(e).ty)),
            _ => {
                let (c, t) = self.facts.static_const(self.prog, e)?;
                c.as_int().map(|v| (v, t))
            }
        }
    }

    // ----- functions ----------------------------------------------------

    /// Runs the whole analysis for one batch and returns its events.
    pub fn run_batch(mut self, funcs: &[FuncId]) -> (Vec<Event>, Vec<(FuncId, Vec<Leaks>)>) {
        // Function table.
        for &f in funcs {
            let func = self.prog.func(f);
            let parent = match func.kind {
                FuncKind::Closure { parent } => self.fix.get(&parent).copied(),
                _ => None,
            };
            let ix = self
                .b
                .add_func(super::print::gc_func_name(self.prog, f), parent);
            // gc marks instances DUPOK and prints no parameter verdicts for them.
            self.b.funcs[ix.0 as usize].dupok = self.prog.instance_of(f).is_some();
            self.fix.insert(f, ix);
        }
        // Locations for declared variables (gc's initFunc).
        for &f in funcs {
            let func = self.prog.func(f);
            let ix = self.fix[&f];
            let params: Vec<VarId> = func.receiver.iter().chain(&func.params).copied().collect();
            for v in params {
                self.declare(v, ix, VarClass::Param);
            }
            for (i, v) in func.results.iter().enumerate() {
                self.declare(*v, ix, VarClass::Result { index: i });
            }
            for v in &func.locals {
                self.declare(*v, ix, VarClass::Local);
            }
        }
        for &f in funcs {
            if !super::batches::is_hidden_closure(self.prog, f) {
                self.walk_func(f);
            }
        }
        // Closure captures, now that reassignments are all known.
        let pending = std::mem::take(&mut self.closures);
        for p in pending {
            self.flow_closure(p);
        }
        // Sizes that force the heap.
        let mut reasons = std::mem::take(&mut self.heap_reasons);
        crate::sort::by_key(&mut reasons, |(l, _)| *l);
        for (loc, why) in reasons {
            let site = self.b.loc(loc).site().cloned().unwrap_or_default();
            self.b.flow(&Hole::to(HEAP).addr(site, why), loc);
        }
        self.b.solve();

        let mut slots = Vec::new();
        let mut result_names = Vec::new();
        for &f in funcs {
            let func = self.prog.func(f);
            let params: Vec<VarId> = func.receiver.iter().chain(&func.params).copied().collect();
            slots.push(
                params
                    .iter()
                    .map(|v| {
                        let var = self.prog.var(*v);
                        let named = !var.name.is_empty() && var.name != "_";
                        ParamSlot {
                            loc: if named {
                                self.var_loc.get(v).copied()
                            } else {
                                None
                            },
                            site: self.var_site(*v),
                            has_pointers: self.has_pointers(var.ty),
                        }
                    })
                    .collect::<Vec<_>>(),
            );
            result_names.push(
                func.results
                    .iter()
                    .map(|v| self.prog.var(*v).name.clone())
                    .collect::<Vec<_>>(),
            );
        }
        let tags = self.b.finish(&slots, &result_names);
        let tags = funcs.iter().copied().zip(tags).collect();
        (self.b.events, tags)
    }

    fn declare(&mut self, v: VarId, ix: FuncIx, class: VarClass) {
        if self.var_loc.contains_key(&v) {
            return;
        }
        let site = self.var_site(v);
        let loc = self.b.new_loc(LocKind::Var { site, class }, ix, 1, true);
        if class == VarClass::Local && self.size(self.prog.var(v).ty) > MAX_STACK_VAR_SIZE {
            self.heap_reasons.push((loc, "too large for stack"));
        }
        self.var_loc.insert(v, loc);
    }

    fn walk_func(&mut self, f: FuncId) {
        let Some(ix) = self.fix.get(&f).copied() else {
            return;
        };
        let saved = (
            self.cur,
            self.cur_ix,
            self.loop_depth,
            std::mem::take(&mut self.looping_labels),
        );
        self.cur = f;
        self.cur_ix = ix;
        self.loop_depth = 1;
        if let Some(body) = &self.prog.func(f).body {
            self.find_looping_labels(body);
            self.name_callee_temps(body);
            self.block(body);
        }
        self.cur = saved.0;
        self.cur_ix = saved.1;
        self.loop_depth = saved.2;
        self.looping_labels = saved.3;
    }

    /// gc's `RewriteNonNameCall`: a called function value (or the receiver
    /// of an interface call) that itself calls or receives is evaluated
    /// into a temporary first, so `mk()(2)` prints as `.autotmp_0(2)`.
    fn name_callee_temps(&mut self, body: &Block) {
        let prog = self.prog;
        let mut deferred = HashSet::default();
        let mut callees = Vec::new();
        visit_block(prog, body, false, &mut |n| match n {
            Node::Stmt(s) => {
                if let StmtKind::Go(e) | StmtKind::Defer(e) = &prog.stmt(s).kind {
                    deferred.insert(*e);
                }
            }
            Node::Expr(e) => {
                if deferred.contains(&e) {
                    return;
                }
                if let ExprKind::Call(call) = &prog.expr(e).kind {
                    match &call.callee {
                        Callee::Value(fv) => callees.push((e, *fv)),
                        Callee::Interface { recv, .. } => callees.push((e, *recv)),
                        _ => {}
                    }
                }
            }
        });
        for (call, c) in callees {
            if self.rewrites.contains_key(&call) || !calls_or_receives(prog, c) {
                continue;
            }
            let n = self.next_temp_number_at(prog.expr(c).span.start);
            self.rewrites
                .insert(call, Replacement::CalleeTemp(format!(".autotmp_{n}")));
        }
    }

    /// Labels that a later `goto` jumps back to start unstructured loops.
    fn find_looping_labels(&mut self, body: &Block) {
        let prog = self.prog;
        let mut seen = HashSet::default();
        let mut looping = HashSet::default();
        visit_block(prog, body, false, &mut |n| {
            if let Node::Stmt(s) = n {
                match &prog.stmt(s).kind {
                    StmtKind::Labeled { label, .. } => {
                        seen.insert(*label);
                    }
                    StmtKind::Goto { label } if seen.contains(label) => {
                        looping.insert(*label);
                    }
                    _ => {}
                }
            }
        });
        self.looping_labels = looping;
    }

    // ----- statements ---------------------------------------------------

    fn block(&mut self, b: &Block) {
        let old = self.loop_depth;
        // gc drops statements after a terminating one (unless a label
        // follows that a goto could reach).
        let last_label = b
            .stmts
            .iter()
            .rposition(|s| matches!(self.prog.stmt(*s).kind, StmtKind::Labeled { .. }));
        let mut dead = false;
        for (i, s) in b.stmts.iter().enumerate() {
            let is_label = matches!(self.prog.stmt(*s).kind, StmtKind::Labeled { .. });
            if dead && last_label.is_none_or(|l| i > l) && !is_label {
                continue;
            }
            self.stmt(*s);
            dead = self.terminates(*s, 0);
        }
        self.loop_depth = old;
    }

    /// Go's terminating statements (the common cases).
    fn terminates(&self, s: StmtId, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        match &self.prog.stmt(s).kind {
            StmtKind::Return { .. } | StmtKind::Goto { .. } => true,
            StmtKind::Expr(e) => matches!(
                &self.prog.expr(*e).kind,
                ExprKind::Call(c) if matches!(c.callee, Callee::Builtin(Builtin::Panic))
            ),
            StmtKind::Block(b) => b.stmts.last().is_some_and(|l| self.terminates(*l, d + 1)),
            StmtKind::If {
                then, otherwise, ..
            } => {
                then.stmts
                    .last()
                    .is_some_and(|l| self.terminates(*l, d + 1))
                    && otherwise.is_some_and(|o| self.terminates(o, d + 1))
            }
            _ => false,
        }
    }

    /// gc's `staticBool`: +1 / -1 for a condition known to be true / false.
    fn static_bool(&self, e: ExprId, d: u32) -> i32 {
        if d > 64 {
            return 0;
        }
        match &self.prog.expr(e).kind {
            ExprKind::Const(crate::ir::ConstValue::Bool(b)) => {
                if *b {
                    1
                } else {
                    -1
                }
            }
            ExprKind::Binary {
                op: crate::ir::BinaryOp::LogAnd,
                left,
                right,
            } => {
                let x = self.static_bool(*left, d + 1);
                if x < 0 {
                    return x;
                }
                let y = self.static_bool(*right, d + 1);
                if x > 0 || y < 0 {
                    return y;
                }
                0
            }
            ExprKind::Binary {
                op: crate::ir::BinaryOp::LogOr,
                left,
                right,
            } => {
                let x = self.static_bool(*left, d + 1);
                if x > 0 {
                    return x;
                }
                let y = self.static_bool(*right, d + 1);
                if x < 0 || y > 0 {
                    return y;
                }
                0
            }
            _ => 0,
        }
    }

    fn dcl(&mut self, v: VarId) {
        if let Some(l) = self.var_loc.get(&v).copied() {
            self.b.loc_mut(l).loop_depth = self.loop_depth;
        }
    }

    fn stmt(&mut self, s: StmtId) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.stmt_inner(s);
        self.depth -= 1;
    }

    fn stmt_inner(&mut self, s: StmtId) {
        let prog = self.prog;
        // Package-level initialisation gc lays out statically.
        if self.facts.init.skip.contains(&s) {
            return;
        }
        if let Some(residual) = self.facts.init.residual.get(&s) {
            let site = self.stmt_site(s);
            for e in residual.clone() {
                self.expr(&Hole::to(HEAP).note(site.clone(), "assign"), e);
            }
            return;
        }
        match &prog.stmt(s).kind {
            StmtKind::Decl { vars } => {
                for v in vars {
                    self.dcl(*v);
                }
            }
            StmtKind::Assign {
                lhs, rhs, declares, ..
            } => {
                for v in declares {
                    self.dcl(*v);
                }
                self.assign_stmt(s, lhs, rhs);
            }
            StmtKind::OpAssign { target, value, .. } => {
                self.assign_list(&[Some(*target)], &[*value], "assign", s);
            }
            StmtKind::IncDec { target, .. } => {
                self.assign_list(&[Some(*target)], &[], "assign", s);
            }
            StmtKind::Expr(e) => match &prog.expr(*e).kind {
                ExprKind::Call(_) => self.call(None, *e),
                _ => self.discard(*e),
            },
            StmtKind::Send { chan, value } => {
                self.discard(*chan);
                let k = Hole::to(HEAP).note(self.stmt_site(s), "send");
                self.expr(&k, *value);
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                otherwise,
            } => {
                if let Some(i) = init {
                    self.stmt(*i);
                }
                self.discard(*cond);
                // gc does not even compile a branch a constant rules out.
                let known = self.static_bool(*cond, 0);
                if known >= 0 {
                    self.block(then);
                }
                if let (Some(o), true) = (otherwise, known <= 0) {
                    let old = self.loop_depth;
                    self.stmt(*o);
                    self.loop_depth = old;
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
                    self.stmt(*i);
                }
                self.loop_depth += 1;
                // Go 1.22: a loop variable whose address is taken or that a
                // closure captures becomes a fresh copy per iteration.
                let distinct: Vec<VarId> = loop_vars
                    .iter()
                    .copied()
                    .filter(|v| self.facts.addrtaken(*v) || self.facts.captured.contains(v))
                    .collect();
                for v in &distinct {
                    self.dcl(*v);
                }
                if let Some(c) = cond {
                    self.discard(*c);
                }
                if let Some(p) = post {
                    let saved: Vec<(LocId, bool)> = distinct
                        .iter()
                        .filter_map(|v| self.var_loc.get(v))
                        .map(|l| (*l, self.b.loc(*l).reassigned))
                        .collect();
                    self.stmt(*p);
                    for (l, r) in saved {
                        self.b.loc_mut(l).reassigned = r;
                    }
                }
                self.block(body);
                self.loop_depth -= 1;
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
                let tmp = self
                    .b
                    .new_loc(LocKind::Temp, self.cur_ix, self.loop_depth, true);
                // With at most one iteration variable over an array (or a
                // pointer to one) the length is constant and the range
                // expression is not evaluated.
                let const_len =
                    value.is_none() && matches!(*kind, RangeKind::Array | RangeKind::ArrayPointer);
                if const_len {
                    self.discard(*subject);
                } else {
                    self.expr(&Hole::to(tmp), *subject);
                }
                self.loop_depth += 1;
                for v in declares {
                    self.dcl(*v);
                }
                let kk = self.addr(*key);
                let mut kv = self.addr(*value);
                let site = self.stmt_site(s);
                // A per-iteration copy (Go 1.22) is assigned from a hidden
                // range variable, so only pointer-shaped values flow on.
                if let Some(ExprKind::Var(v)) = value.map(|x| &prog.expr(x).kind) {
                    let distinct = declares.contains(v)
                        && (self.facts.addrtaken(*v) || self.facts.captured.contains(v));
                    if distinct && !self.has_pointers(prog.var(*v).ty) {
                        kv = Hole::to(DISCARD);
                    }
                }
                if value.is_some() {
                    if *kind == RangeKind::Array {
                        self.b.flow(&kv.note(site, "range"), tmp);
                    } else {
                        self.b.flow(&kv.deref(site, "range-deref"), tmp);
                    }
                }
                for k in [kk, kv] {
                    let keep = match &self.b.loc(k.dst).kind {
                        LocKind::Var { .. } => declares.iter().any(|v| {
                            self.var_loc.get(v) == Some(&k.dst)
                                && (self.facts.addrtaken(*v) || self.facts.captured.contains(v))
                        }),
                        _ => false,
                    };
                    if !keep {
                        self.b.loc_mut(k.dst).reassigned = true;
                    }
                }
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Switch {
                init, tag, cases, ..
            } => {
                if let Some(i) = init {
                    self.stmt(*i);
                }
                if let Some(t) = tag {
                    self.discard(*t);
                }
                for c in cases {
                    for v in &c.values {
                        self.discard(*v);
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::TypeSwitch {
                init,
                subject,
                cases,
                ..
            } => {
                if let Some(i) = init {
                    self.stmt(*i);
                }
                let mut ks = Vec::new();
                for c in cases {
                    if let Some(v) = c.var {
                        self.dcl(v);
                        let ty = self.prog.var(v).ty;
                        if self.has_pointers(ty) {
                            let site = Site {
                                text: self.printer().type_case(c),
                                pos: c.span.pos,
                                start: c.span.start,
                                end: c.span.end,
                            };
                            let k = self.var_hole(v);
                            ks.push(self.dot_type(&k, ty, site, "switch case"));
                        }
                    }
                }
                let k = self.tee(&ks);
                self.expr(&k, *subject);
                for c in cases {
                    self.block(&c.body);
                }
            }
            StmtKind::Select { cases, .. } => {
                for c in cases {
                    match &c.comm {
                        SelectComm::Send { chan, value } => {
                            self.discard(*chan);
                            let site = Site {
                                text: format!(
                                    "{} <- {}",
                                    self.printer().expr(*chan),
                                    self.printer().expr(*value)
                                ),
                                pos: c.span.pos,
                                start: c.span.start,
                                end: c.span.end,
                            };
                            self.expr(&Hole::to(HEAP).note(site, "send"), *value);
                        }
                        SelectComm::Recv { recv, assign } => match assign {
                            Some(a) => self.stmt(*a),
                            None => self.discard(*recv),
                        },
                        SelectComm::Default => {}
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::Labeled { label, stmt } => {
                if self.looping_labels.contains(label) {
                    self.loop_depth += 1;
                }
                self.stmt(*stmt);
            }
            StmtKind::Break { .. }
            | StmtKind::Continue { .. }
            | StmtKind::Goto { .. }
            | StmtKind::Fallthrough
            | StmtKind::Empty => {}
            StmtKind::Return { results, .. } => {
                let res: Vec<VarId> = self.prog.func(self.cur).results.clone();
                if results.len() == 1 && res.len() > 1 {
                    // return f() with several results.
                    let ks: Vec<Hole> = res.iter().map(|v| self.var_hole(*v)).collect();
                    let tys: Vec<TypeId> = res.iter().map(|v| self.prog.var(*v).ty).collect();
                    let at = self.prog.stmt(s).span.start;
                    self.spread_results(Spread::Call("return"), &ks, &[], &tys, results[0], at, s);
                    self.reassigned(&ks, s, &[]);
                } else {
                    let dsts: Vec<Dst> = res.iter().map(|v| Dst::Var(*v)).collect();
                    self.assign_dsts(&dsts, results, "return", s);
                }
            }
            StmtKind::Go(call) => self.go_defer(s, *call, true),
            StmtKind::Defer(call) => self.go_defer(s, *call, false),
        }
    }

    fn assign_stmt(&mut self, s: StmtId, lhs: &[Option<ExprId>], rhs: &[ExprId]) {
        if lhs.len() == rhs.len() {
            let why = if lhs.len() == 1 {
                "assign"
            } else {
                "assign-pair"
            };
            self.assign_list(lhs, rhs, why, s);
            return;
        }
        let Some(&r) = rhs.first() else { return };
        // gc reads `v, ok = x.(T)` as `t1, t2 := x.(T); v, ok = t1, t2`,
        // like a call with two results.
        let how = match &self.prog.expr(r).kind {
            ExprKind::Call(_) => Spread::Call("assign-pair"),
            ExprKind::MapIndex { comma_ok: true, .. } => Spread::CommaOk("assign-pair-mapr"),
            ExprKind::TypeAssert { comma_ok: true, .. } => Spread::CommaOk("assign-pair-dot-type"),
            ExprKind::Recv { comma_ok: true, .. } => Spread::CommaOk("assign-pair-receive"),
            _ => {
                self.assign_list(lhs, rhs, "assign-pair", s);
                return;
            }
        };
        let ks: Vec<Hole> = lhs.iter().map(|l| self.addr(*l)).collect();
        let blank: Vec<bool> = lhs.iter().map(Option::is_none).collect();
        let items = self.tuple_items(r);
        let tys: Vec<TypeId> = lhs
            .iter()
            .zip(&items)
            .map(|(l, t)| l.map_or(*t, |e| self.prog.expr(e).ty))
            .collect();
        let at = self.prog.expr(r).span.start;
        self.spread_results(how, &ks, &blank, &tys, r, at, s);
        let declares = self.declared_by(s);
        self.reassigned(&ks, s, &declares);
    }

    fn declared_by(&self, s: StmtId) -> Vec<VarId> {
        match &self.prog.stmt(s).kind {
            StmtKind::Assign { declares, .. } => declares.clone(),
            _ => Vec::new(),
        }
    }

    fn assign_list(
        &mut self,
        dsts: &[Option<ExprId>],
        srcs: &[ExprId],
        why: &'static str,
        s: StmtId,
    ) {
        let dsts: Vec<Dst> = dsts
            .iter()
            .map(|d| d.map_or(Dst::Blank, Dst::Expr))
            .collect();
        self.assign_dsts(&dsts, srcs, why, s);
    }

    fn assign_dsts(&mut self, dsts: &[Dst], srcs: &[ExprId], why: &'static str, s: StmtId) {
        let ks: Vec<Hole> = dsts
            .iter()
            .map(|d| match d {
                Dst::Blank => Hole::to(DISCARD),
                Dst::Var(v) => self.var_hole(*v),
                Dst::Expr(e) => self.addr(Some(*e)),
            })
            .collect();
        let site = self.stmt_site(s);
        for (i, k) in ks.iter().enumerate() {
            let Some(&src) = srcs.get(i) else { continue };
            let mut k = k.clone();
            if let Dst::Expr(d) = dsts[i] {
                if self.is_self_assign(d, src) {
                    let msg = format!(
                        "{} ignoring self-assignment in {}",
                        super::print::gc_func_name(self.prog, self.cur),
                        site.text
                    );
                    self.b.events.push(Event::Verdict(Verdict {
                        site: site.clone(),
                        kind: VerdictKind::SelfAssignment,
                        message: msg,
                    }));
                    k = Hole::to(DISCARD);
                }
            }
            self.expr(&k.note(site.clone(), why), src);
        }
        let declares = self.declared_by(s);
        self.reassigned(&ks, s, &declares);
    }

    /// Marks assigned variables as reassigned, except those this statement
    /// declares.
    fn reassigned(&mut self, ks: &[Hole], _s: StmtId, declares: &[VarId]) {
        for k in ks {
            let declared = declares.iter().any(|v| self.var_loc.get(v) == Some(&k.dst));
            if !declared {
                self.b.loc_mut(k.dst).reassigned = true;
            }
        }
    }

    /// gc's `addr`: the hole for storing into an addressable expression.
    fn addr(&mut self, e: Option<ExprId>) -> Hole {
        let Some(e) = e else {
            return Hole::to(DISCARD);
        };
        let prog = self.prog;
        match &prog.expr(e).kind {
            ExprKind::Var(v) => self.var_hole(*v),
            ExprKind::Field {
                base,
                through_pointer,
                ..
            } => {
                if *through_pointer {
                    self.mutate(*base);
                    Hole::to(HEAP)
                } else {
                    self.addr(Some(*base))
                }
            }
            ExprKind::Index { base, index } => {
                self.discard(*index);
                let bt = prog.expr(*base).ty;
                if is_array(prog, bt) {
                    self.addr(Some(*base))
                } else {
                    self.mutate(*base);
                    Hole::to(HEAP)
                }
            }
            ExprKind::Deref(p) => {
                self.mutate(*p);
                Hole::to(HEAP)
            }
            ExprKind::MapIndex { map, key, .. } => {
                self.discard(*map);
                let k = Hole::to(HEAP).note(self.site(e), "key of map put");
                self.expr(&k, *key);
                Hole::to(HEAP)
            }
            _ => {
                self.discard(e);
                Hole::to(HEAP)
            }
        }
    }

    fn mutate(&mut self, e: ExprId) {
        self.expr(&Hole::to(MUTATOR), e);
    }

    fn discard(&mut self, e: ExprId) {
        self.expr(&Hole::to(DISCARD), e);
    }

    /// gc's `isSelfAssign`: `b.buf = b.buf[1:]` and `x.a = x.b` store
    /// nothing new.
    fn is_self_assign(&self, dst: ExprId, src: ExprId) -> bool {
        let prog = self.prog;
        let dk = &prog.expr(dst).kind;
        let sk = &prog.expr(src).kind;
        // Slice self-assignment through a pointer.
        let deref_base = |k: &ExprKind| -> Option<VarId> {
            let x = match k {
                ExprKind::Deref(x) => *x,
                ExprKind::Field {
                    base,
                    through_pointer: true,
                    ..
                } => *base,
                _ => return None,
            };
            match prog.expr(x).kind {
                ExprKind::Var(v) => Some(v),
                _ => None,
            }
        };
        if let (Some(dv), ExprKind::Slice { base, .. }) = (deref_base(dk), sk) {
            let bt = prog.expr(*base).ty;
            if !is_array(prog, bt) || !matches!(prog.expr(*base).kind, ExprKind::Var(_)) {
                if let Some(bv) = deref_base(&prog.expr(*base).kind) {
                    if bv == dv && !is_array(prog, bt) {
                        return true;
                    }
                }
            }
        }
        match (dk, sk) {
            (
                ExprKind::Field {
                    base: b1,
                    through_pointer: p1,
                    ..
                },
                ExprKind::Field {
                    base: b2,
                    through_pointer: p2,
                    ..
                },
            ) if p1 == p2 => self.same_safe(*b1, *b2, 0),
            (
                ExprKind::Index {
                    base: b1,
                    index: i1,
                },
                ExprKind::Index {
                    base: b2,
                    index: i2,
                },
            ) => {
                !self.may_affect_memory(*i1, 0)
                    && !self.may_affect_memory(*i2, 0)
                    && self.same_safe(*b1, *b2, 0)
            }
            _ => false,
        }
    }

    fn same_safe(&self, a: ExprId, b: ExprId, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        let prog = self.prog;
        match (&prog.expr(a).kind, &prog.expr(b).kind) {
            (ExprKind::Var(x), ExprKind::Var(y)) => x == y,
            (
                ExprKind::Field {
                    base: b1,
                    index: i1,
                    through_pointer: p1,
                    ..
                },
                ExprKind::Field {
                    base: b2,
                    index: i2,
                    through_pointer: p2,
                    ..
                },
            ) => i1 == i2 && p1 == p2 && self.same_safe(*b1, *b2, d + 1),
            (ExprKind::Deref(x), ExprKind::Deref(y)) => self.same_safe(*x, *y, d + 1),
            (
                ExprKind::Index {
                    base: b1,
                    index: i1,
                },
                ExprKind::Index {
                    base: b2,
                    index: i2,
                },
            ) => self.same_safe(*b1, *b2, d + 1) && self.same_safe(*i1, *i2, d + 1),
            (ExprKind::Const(x), ExprKind::Const(y)) => x == y,
            _ => false,
        }
    }

    fn may_affect_memory(&self, e: ExprId, d: u32) -> bool {
        if d > 64 {
            return true;
        }
        match &self.prog.expr(e).kind {
            ExprKind::Var(_) | ExprKind::Const(_) | ExprKind::Nil => false,
            ExprKind::Binary { left, right, op } if !op.is_comparison() => {
                self.may_affect_memory(*left, d + 1) || self.may_affect_memory(*right, d + 1)
            }
            ExprKind::Index { base, index } => {
                self.may_affect_memory(*base, d + 1) || self.may_affect_memory(*index, d + 1)
            }
            ExprKind::Conv {
                kind: ConvKind::Value,
                operand,
            } => self.may_affect_memory(*operand, d + 1),
            ExprKind::Unary { operand, .. } | ExprKind::Deref(operand) => {
                self.may_affect_memory(*operand, d + 1)
            }
            ExprKind::Field { base, .. } => self.may_affect_memory(*base, d + 1),
            ExprKind::Call(c) => match c.callee {
                Callee::Builtin(Builtin::Len) | Callee::Builtin(Builtin::Cap) => {
                    c.args.iter().any(|a| self.may_affect_memory(*a, d + 1))
                }
                _ => true,
            },
            _ => true,
        }
    }

    fn dot_type(&self, k: &Hole, t: TypeId, site: Site, why: &'static str) -> Hole {
        let k = if !self.is_interface(t) && !self.is_direct_iface(t, 0) {
            k.shift(1)
        } else {
            k.clone()
        };
        k.note(site, why)
    }

    // ----- expressions --------------------------------------------------

    fn expr(&mut self, k: &Hole, e: ExprId) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.expr_inner(k, e);
        self.depth -= 1;
    }

    fn expr_inner(&mut self, k: &Hole, e: ExprId) {
        let prog = self.prog;
        let ex = prog.expr(e);
        let mut k = k.clone();
        let vt = self.value_type(e);
        if k.derefs >= 0 && !prog.types.is_untyped(vt) && !self.has_pointers(vt) {
            k.dst = DISCARD;
        }
        if let Some(&tmp) = self.subst.get(&e) {
            self.b.flow(&k, tmp);
            return;
        }
        match &ex.kind {
            ExprKind::Const(_)
            | ExprKind::Nil
            | ExprKind::Func(_)
            | ExprKind::MethodExpr { .. } => {}
            ExprKind::Var(v) => {
                if prog.var(*v).kind == VarKind::Global {
                    return;
                }
                if let Some(l) = self.var_loc.get(v).copied() {
                    self.b.flow(&k, l);
                }
            }
            ExprKind::Unary { operand, .. } => self.discard(*operand),
            ExprKind::Binary { left, right, .. } => {
                if self.printer().is_string_concat(e) {
                    self.spill(&k, e, AllocKind::Plain);
                    let mut parts = Vec::new();
                    self.printer().concat_parts(e, &mut parts, 0);
                    for p in parts {
                        self.discard(p);
                    }
                } else {
                    self.discard(*left);
                    self.discard(*right);
                }
            }
            ExprKind::AddrOf(x) => {
                let site = self.site(e);
                self.expr(&k.addr(site, "address-of"), *x);
            }
            ExprKind::Deref(x) => {
                let site = self.site(e);
                self.expr(&k.deref(site, "indirection"), *x);
            }
            ExprKind::Field {
                base,
                through_pointer,
                ..
            } => {
                let site = self.site(e);
                let k = if *through_pointer {
                    k.deref(site, "dot of pointer")
                } else {
                    k.note(site, "dot")
                };
                self.expr(&k, *base);
            }
            ExprKind::Index { base, index } => {
                let site = self.site(e);
                let bt = prog.expr(*base).ty;
                match prog.types.under(bt) {
                    Type::Array { .. } => self.expr(&k.note(site, "fixed-array-index-of"), *base),
                    Type::Pointer(inner) if is_array(prog, *inner) => {
                        let bsite = self.site(*base);
                        let k = k
                            .note(site, "fixed-array-index-of")
                            .deref(bsite, "indirection");
                        self.expr(&k, *base);
                    }
                    _ => self.expr(&k.deref(site, "dot of pointer"), *base),
                }
                self.discard(*index);
            }
            ExprKind::MapIndex { map, key, .. } => {
                self.discard(*map);
                self.discard(*key);
            }
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } => {
                let site = self.site(e);
                let k = k.note(site.clone(), "slice");
                if is_array(prog, prog.expr(*base).ty) {
                    // Slicing an array takes its address implicitly.
                    let asite = Site {
                        text: self.printer().expr(*base),
                        ..site
                    };
                    self.expr(&k.addr(asite, "address-of"), *base);
                } else {
                    self.expr(&k, *base);
                }
                for x in [low, high, max].into_iter().flatten() {
                    self.discard(*x);
                }
            }
            ExprKind::Call(_) => self.call(Some(vec![k]), e),
            ExprKind::Composite { kind, elems } => match kind {
                CompositeKind::Struct => {
                    let site = self.site(e);
                    for el in elems {
                        self.expr(&k.note(site.clone(), "struct literal element"), el.value);
                    }
                }
                CompositeKind::Array => {
                    let site = self.site(e);
                    for el in elems {
                        self.expr(&k.note(site.clone(), "array literal element"), el.value);
                    }
                }
                CompositeKind::Slice => {
                    let k = self.spill(&k, e, AllocKind::Plain);
                    let site = self.site(e);
                    for el in elems {
                        self.expr(&k.note(site.clone(), "slice-literal-element"), el.value);
                    }
                }
                CompositeKind::Map => {
                    self.spill(&k, e, AllocKind::Plain);
                    let site = self.site(e);
                    for el in elems {
                        if let ElemKey::MapKey(key) = el.key {
                            self.expr(&Hole::to(HEAP).note(site.clone(), "map literal key"), key);
                        }
                        self.expr(
                            &Hole::to(HEAP).note(site.clone(), "map literal value"),
                            el.value,
                        );
                    }
                }
            },
            ExprKind::PtrLit(x) => {
                let k = self.spill(&k, e, AllocKind::Plain);
                self.expr(&k, *x);
            }
            ExprKind::New(_) => {
                self.spill(&k, e, AllocKind::Plain);
            }
            ExprKind::Make { kind, len, cap } => {
                match kind {
                    MakeKind::Slice => {
                        // gc rewrites a size known to be constant into a literal.
                        if let Some(r) = cap.or(*len) {
                            if !matches!(prog.expr(r).kind, ExprKind::Const(_)) {
                                if let Some((c, t)) = self.facts.static_const(prog, r) {
                                    if c.as_int().is_some_and(|v| v >= 0) {
                                        self.rewrites.insert(r, Replacement::Const(c, t));
                                    }
                                }
                            }
                        }
                        self.spill(&k, e, AllocKind::Plain);
                    }
                    MakeKind::Map => {
                        self.spill(&k, e, AllocKind::Plain);
                    }
                    MakeKind::Chan => {}
                }
                for x in [len, cap].into_iter().flatten() {
                    self.discard(*x);
                }
            }
            ExprKind::FuncLit(f) => self.func_lit(&k, e, *f),
            ExprKind::MethodValue { recv, method } => {
                let closure_k = self.spill(&k, e, AllocKind::Plain);
                let param_k = match method {
                    MethodRef::Func(m) => {
                        let nres = prog.func(*m).results.len();
                        let ks: Vec<Hole> = (0..nres).map(|_| Hole::to(HEAP)).collect();
                        self.tag_hole(Some(&ks), Some(*m), 0)
                    }
                    MethodRef::Interface(_) => Hole::to(HEAP),
                };
                let k = self.tee(&[param_k, closure_k]);
                self.expr(&k, *recv);
            }
            ExprKind::ConvIface(x) => {
                let xt = prog.expr(*x).ty;
                if matches!(prog.expr(*x).kind, ExprKind::Nil) {
                    return;
                }
                if !matches!(prog.expr(*x).kind, ExprKind::Const(_)) && !self.is_interface(xt) {
                    if let Some((c, t)) = self.facts.static_const(prog, *x) {
                        // gc rewrites after building the graph: what it
                        // explains on the spot still shows the variable.
                        let before = self.printer().expr(*x);
                        self.rewrites.insert(*x, Replacement::Const(c, t));
                        let after = self.printer().expr(*x);
                        self.b.immediate_alias = Some((after, before));
                    }
                }
                let k = if !self.is_interface(xt) && !self.is_direct_iface(xt, 0) {
                    self.spill(&k, e, AllocKind::Plain)
                } else {
                    k
                };
                let site = self.site(e);
                self.expr(&k.note(site, "interface-converted"), *x);
                self.b.immediate_alias = None;
            }
            ExprKind::Conv { kind, operand } => match kind {
                ConvKind::Value => self.expr(&k, *operand),
                ConvKind::IfaceToIface => {
                    // gc's OCONVIFACE between interfaces: nothing to box.
                    let site = self.site(e);
                    self.expr(&k.note(site, "interface-converted"), *operand);
                }
                ConvKind::Unsafe => {
                    let from_uintptr = matches!(
                        prog.types.under(prog.expr(*operand).ty),
                        Type::Basic(crate::ir::BasicKind::Uintptr)
                    );
                    if from_uintptr {
                        self.unsafe_value(&k, *operand);
                    } else {
                        self.expr(&k, *operand);
                    }
                }
                ConvKind::StringToBytes => {
                    self.spill(&k, e, AllocKind::StringToBytes);
                    self.discard(*operand);
                }
                _ => {
                    self.spill(&k, e, AllocKind::Plain);
                    self.discard(*operand);
                }
            },
            ExprKind::VarArgsSlice(items) => {
                if items.is_empty() {
                    return;
                }
                let k = self.spill(&k, e, AllocKind::Plain);
                let site = self.site(e);
                let elem = match prog.types.under(ex.ty) {
                    Type::Slice(el) => Some(*el),
                    _ => None,
                };
                for it in items {
                    let k = k.note(site.clone(), "slice-literal-element");
                    let k = self.implicit_iface_note(k, *it, elem);
                    self.expr(&k, *it);
                }
            }
            ExprKind::TypeAssert { operand, .. } => {
                let site = self.site(e);
                let t = vt;
                let k = self.dot_type(&k, t, site, "dot");
                self.expr(&k, *operand);
            }
            ExprKind::Recv { chan, .. } => self.discard(*chan),
        }
    }

    /// Where `v` is first used inside closure `f`.
    fn first_use(&self, f: FuncId, v: VarId) -> Option<ExprId> {
        let prog = self.prog;
        let body = prog.func(f).body.as_ref()?;
        let mut best: Option<ExprId> = None;
        visit_block(prog, body, true, &mut |n| {
            if let Node::Expr(e) = n {
                if matches!(prog.expr(e).kind, ExprKind::Var(x) if x == v) {
                    let better =
                        best.is_none_or(|b| prog.expr(e).span.start < prog.expr(b).span.start);
                    if better {
                        best = Some(e);
                    }
                }
            }
        });
        best
    }

    fn func_lit(&mut self, k: &Hole, e: ExprId, f: FuncId) {
        let Some(ix) = self.fix.get(&f).copied() else {
            // Not in this batch (cannot happen for well-formed batches).
            self.spill(k, e, AllocKind::Plain);
            return;
        };
        let k = self.spill(k, e, AllocKind::Closure { func: ix });
        let captures = super::batches::captures(self.prog, f, 0);
        let use_sites = captures
            .iter()
            .map(|v| match self.first_use(f, *v) {
                Some(u) => Site {
                    text: self.prog.var(*v).name.clone(),
                    ..self.site(u)
                },
                None => self.var_site(*v),
            })
            .collect();
        for v in &captures {
            if let Some(l) = self.var_loc.get(v).copied() {
                let depth = self.loop_depth;
                let loc = self.b.loc_mut(l);
                if !loc.captured {
                    loc.captured = true;
                    if loc.loop_depth == depth {
                        loc.reassigned = false;
                    }
                }
            }
        }
        let mut captures: Vec<Captured> = captures.into_iter().map(Captured::Var).collect();
        let mut use_sites: Vec<Site> = use_sites;
        // gc's reader: a closure in a shaped body captures the dictionary
        // too, last and unconditionally.
        if let Some(dict) = self.dict_capture(f) {
            use_sites.push(match &dict {
                Captured::Temp { site, .. } => site.clone(),
                Captured::Var(v) => self.var_site(*v),
            });
            captures.push(dict);
        }
        self.closures.push(PendingClosure {
            k,
            captures,
            use_sites,
        });
        self.walk_func(f);
    }

    /// The `.dict` a closure `f` written in a shaped instance captures from
    /// its enclosing function.
    fn dict_capture(&mut self, f: FuncId) -> Option<Captured> {
        let (root, _) = self.prog.instance_of(f)?;
        let crate::ir::FuncKind::Closure { parent } = self.prog.func(f).kind else {
            return None;
        };
        let ix = *self.fix.get(&parent)?;
        let root_func = self.prog.func(root);
        let pos = super::print::func_decl_pos(self.prog, root);
        let site = Site {
            text: ".dict".to_string(),
            pos,
            start: root_func.span.start,
            end: root_func.span.end,
        };
        let loc = match self.dict_locs.get(&parent) {
            Some(l) => *l,
            None => {
                let l = self.b.new_loc(
                    LocKind::Var {
                        site: site.clone(),
                        class: VarClass::Param,
                    },
                    ix,
                    0,
                    false,
                );
                self.dict_locs.insert(parent, l);
                l
            }
        };
        Some(Captured::Temp {
            loc,
            site,
            width: 8,
            func_name: super::print::gc_func_name(self.prog, parent),
        })
    }

    /// gc's `flowClosure`: decide by-value or by-reference capture and
    /// flow each captured variable into the closure record.
    fn flow_closure(&mut self, p: PendingClosure) {
        for (cap, use_site) in p.captures.iter().zip(&p.use_sites) {
            let (loc, width, decl_site, func_name, var) = match cap {
                Captured::Var(v) => {
                    let Some(l) = self.var_loc.get(v).copied() else {
                        continue;
                    };
                    let var = self.prog.var(*v);
                    let fname = var
                        .func
                        .map(|f| super::print::gc_func_name(self.prog, f))
                        .unwrap_or_default();
                    (l, self.size(var.ty), self.var_site(*v), fname, Some(*v))
                }
                Captured::Temp {
                    loc,
                    site,
                    width,
                    func_name,
                } => (*loc, *width, site.clone(), func_name.clone(), None),
            };
            let lo = self.b.loc(loc);
            let (addrtaken, reassigned) = (lo.addrtaken, lo.reassigned);
            let byval = !addrtaken && !reassigned && width <= MAX_BYVAL_SIZE;
            let _ = var;
            let how = if byval { "value" } else { "ref" };
            self.b.events.push(Event::Detail {
                site: decl_site,
                message: format!(
                    "{func_name} capturing by {how}: {} (addr={addrtaken} assign={reassigned} width={width})",
                    use_site.text
                ),
            });
            let k = if byval {
                p.k.clone()
            } else {
                p.k.addr(use_site.clone(), "reference")
            };
            self.b
                .flow(&k.note(use_site.clone(), "captured by a closure"), loc);
        }
    }

    // ----- calls --------------------------------------------------------

    /// The statically known callee of a function-value call.
    fn static_callee(&self, f: ExprId) -> Option<FuncId> {
        let v = self.facts.static_value(self.prog, f);
        match &self.prog.expr(v).kind {
            ExprKind::Func(g) | ExprKind::FuncLit(g) => Some(*g),
            ExprKind::MethodExpr {
                method: MethodRef::Func(g),
                ..
            } => Some(*g),
            _ => None,
        }
    }

    /// The parameters of `f`, receiver first.
    fn params_of(&self, f: FuncId) -> Vec<VarId> {
        let func = self.prog.func(f);
        func.receiver.iter().chain(&func.params).copied().collect()
    }

    /// gc's `tagHole`: the hole for the argument passed to parameter `i`
    /// (receiver first) of callee `f`.
    fn tag_hole(&mut self, ks: Option<&[Hole]>, f: Option<FuncId>, i: usize) -> Hole {
        let Some(f) = f else {
            return Hole::to(HEAP);
        };
        if self.fix.contains_key(&f) {
            let params = self.params_of(f);
            return match params.get(i) {
                Some(v) => {
                    let name = &self.prog.var(*v).name;
                    if name.is_empty() || name == "_" {
                        Hole::to(DISCARD)
                    } else {
                        self.var_hole(*v)
                    }
                }
                None => Hole::to(DISCARD),
            };
        }
        let leaks = self.callee_leaks(f, i);
        let (ix, depth) = (self.cur_ix, self.loop_depth);
        leaks.call_site_hole(&mut self.b, ks, ix, depth)
    }

    fn callee_leaks(&self, f: FuncId, i: usize) -> Leaks {
        if let Some(t) = self.tags.get(&f) {
            return t.get(i).copied().unwrap_or_default();
        }
        let func = self.prog.func(f);
        if func.is_std() {
            if let Some(t) = stdlib_tags::lookup(&func.name) {
                return t.get(i).copied().unwrap_or_default();
            }
        }
        // A function without a body leaks every pointer argument.
        let params = self.params_of(f);
        match params.get(i) {
            Some(v) if !self.has_pointers(self.prog.var(*v).ty) => Leaks::default(),
            _ => Leaks::leak_all(),
        }
    }

    fn argument(&mut self, k: &Hole, call_site: &Site, arg: ExprId) {
        self.expr(&k.note(call_site.clone(), "call parameter"), arg);
    }

    /// gc's `call`: evaluates a call, flowing its results into `ks`.
    fn call(&mut self, ks: Option<Vec<Hole>>, e: ExprId) {
        let prog = self.prog;
        let ExprKind::Call(call) = &prog.expr(e).kind else {
            self.expr(
                &ks.and_then(|v| v.into_iter().next())
                    .unwrap_or(Hole::to(DISCARD)),
                e,
            );
            return;
        };
        let site = self.site(e);
        let first_k = ks
            .as_ref()
            .and_then(|v| v.first().cloned())
            .unwrap_or(Hole::to(DISCARD));
        match &call.callee {
            Callee::Builtin(b) => {
                self.call_builtin(*b, &call.args, call.spread, &first_k, e, &site)
            }
            callee => {
                let (f, args): (Option<FuncId>, Vec<ExprId>) = match callee {
                    Callee::Func(f) => (Some(*f), call.args.clone()),
                    Callee::Method { func, recv } => (
                        // A method of a type parameter is called through
                        // the dictionary: gc cannot see the callee.
                        if super::print::is_type_param_value(self.prog, *recv) {
                            None
                        } else {
                            Some(*func)
                        },
                        std::iter::once(*recv)
                            .chain(call.args.iter().copied())
                            .collect(),
                    ),
                    Callee::Interface { recv, .. } => (
                        None,
                        std::iter::once(*recv)
                            .chain(call.args.iter().copied())
                            .collect(),
                    ),
                    Callee::Value(fv) => (self.static_callee(*fv), call.args.clone()),
                    Callee::Builtin(_) => (None, Vec::new()),
                };
                if let (Some(ks), Some(f)) = (&ks, f) {
                    if self.fix.contains_key(&f) {
                        let results = prog.func(f).results.clone();
                        for (i, r) in results.iter().enumerate() {
                            if let Some(k) = ks.get(i) {
                                if self.has_pointers(prog.var(*r).ty) {
                                    if let Some(l) = self.var_loc.get(r).copied() {
                                        self.b.flow(k, l);
                                    }
                                }
                            }
                        }
                    }
                }
                if let (Callee::Interface { recv, .. }, Some(&(m, t))) =
                    (callee, self.devirtualized.get(&e))
                {
                    // gc calls the concrete method on recv.(T).
                    self.devirtualized_call(ks.as_deref(), e, &site, *recv, m, t, &call.args);
                    return;
                }
                if let Callee::Value(fv) = callee {
                    let mut callee_k = Hole::to(DISCARD);
                    if f.is_none() {
                        if let Some(ks) = &ks {
                            if ks.iter().any(|k| k.dst != DISCARD) {
                                callee_k = Hole::to(CALLEE).note(site.clone(), "callee operand");
                            }
                        }
                    }
                    self.expr(&callee_k, *fv);
                }
                if let Some(&last) = args.last() {
                    if call.args.len() == 1 && self.tuple_items(last).len() > 1 {
                        // f(g()) with several results: gc assigns them to
                        // temporaries first.
                        let before = &args[..args.len() - 1];
                        for (i, a) in before.iter().enumerate() {
                            let k = self.tag_hole(ks.as_deref(), f, i);
                            self.argument(&k, &site, *a);
                        }
                        let params = self.param_types(callee, f);
                        self.spread_call(ks.as_deref(), e, &site, f, before.len(), last, &params);
                        return;
                    }
                }
                let (ptys, _) = self.param_types(callee, f);
                let offset = usize::from(matches!(callee, Callee::Interface { .. }));
                for (i, a) in args.iter().enumerate() {
                    let k = self
                        .tag_hole(ks.as_deref(), f, i)
                        .note(site.clone(), "call parameter");
                    let target = if i >= offset {
                        ptys.get(i - offset).copied()
                    } else {
                        None
                    };
                    let k = self.implicit_iface_note(k, *a, target);
                    self.expr(&k, *a);
                }
            }
        }
    }

    /// An interface value passed where another interface type is wanted:
    /// gc has a conversion node there (no box), with its note.
    fn implicit_iface_note(&self, k: Hole, e: ExprId, target: Option<TypeId>) -> Hole {
        let et = self.prog.expr(e).ty;
        match target {
            Some(t)
                if self.is_interface(t)
                    && self.is_interface(et)
                    && !self.prog.types.identical(t, et) =>
            {
                let site = self.site(e);
                k.note(site, "interface-converted")
            }
            _ => k,
        }
    }

    /// `a, b := f()`, `return f()` and `v, ok = x.(T)`: gc (its
    /// `multiExpr`) stores the results in temporaries, then assigns those,
    /// boxed where a destination is an interface:
    /// `a, b := (*int)(.autotmp_3), .autotmp_4`. A temporary that only
    /// feeds `_` (not the first) prints as `0`.
    #[allow(clippy::too_many_arguments)]
    fn spread_results(
        &mut self,
        how: Spread,
        ks: &[Hole],
        blank: &[bool],
        dst_tys: &[TypeId],
        inner: ExprId,
        at: u32,
        s: StmtId,
    ) {
        let items = self.tuple_items(inner);
        let site = self.stmt_site(s);
        let mut temps = Vec::new();
        for _ in &items {
            let tsite = Site {
                text: ".autotmp".to_string(),
                ..site.clone()
            };
            temps.push(self.b.new_loc(
                LocKind::Var {
                    site: tsite,
                    class: VarClass::Local,
                },
                self.cur_ix,
                self.loop_depth,
                false,
            ));
        }
        let mut names = Vec::new();
        let mut name_temps = |w: &mut Self| {
            for loc in &temps {
                let n = w.next_temp_number_at(at);
                let name = format!(".autotmp_{n}");
                if let LocKind::Var { site, .. } = &mut w.b.loc_mut(*loc).kind {
                    site.text = name.clone();
                }
                names.push(name);
            }
        };
        let inner_text = self.printer().expr(inner);
        let why = match how {
            Spread::Call(why) => {
                let holes: Vec<Hole> = temps.iter().map(|l| Hole::to(*l)).collect();
                self.call(Some(holes), inner);
                name_temps(self);
                why
            }
            Spread::CommaOk(why) => {
                name_temps(self);
                let def_site = Site {
                    text: format!("{} := {inner_text}", names.join(", ")),
                    ..site.clone()
                };
                let k = Hole::to(temps[0]).note(def_site, why);
                self.expr(&k, inner);
                "assign-pair"
            }
        };
        let list: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let ty = dst_tys.get(i).copied().unwrap_or(items[i]);
                if i == 0 && !self.is_interface(ty) {
                    // gc prints the first as converted, even to its own type;
                    // a conversion to an interface prints as its operand.
                    self.printer().conversion(ty, name)
                } else if i == 0 {
                    name.clone()
                } else if blank.get(i).copied().unwrap_or(false) {
                    "0".to_string()
                } else {
                    name.clone()
                }
            })
            .collect();
        let site = match site.text.rfind(&inner_text) {
            Some(i) => Site {
                text: format!(
                    "{}{}{}",
                    &site.text[..i],
                    list.join(", "),
                    &site.text[i + inner_text.len()..]
                ),
                ..site.clone()
            },
            None => site,
        };
        for (i, loc) in temps.iter().enumerate() {
            if blank.get(i).copied().unwrap_or(false) {
                continue;
            }
            let Some(k) = ks.get(i) else { continue };
            if k.dst == DISCARD {
                continue;
            }
            let mut k = k.clone().note(site.clone(), why);
            // A concrete result assigned to an interface is boxed.
            let (src, dst) = (items[i], dst_tys.get(i).copied().unwrap_or(items[i]));
            if self.is_interface(dst) && !self.is_interface(src) && !self.is_direct_iface(src, 0) {
                let boxed = Site {
                    text: names[i].clone(),
                    ..site.clone()
                };
                let storage = self.b.new_loc(
                    LocKind::Alloc {
                        site: boxed.clone(),
                        kind: AllocKind::Plain,
                    },
                    self.cur_ix,
                    self.loop_depth,
                    true,
                );
                self.b.flow(&k.addr(boxed.clone(), "spill"), storage);
                k = Hole::to(storage).note(boxed, "interface-converted");
            }
            self.b.flow(&k, *loc);
        }
    }

    fn tuple_items(&self, e: ExprId) -> Vec<TypeId> {
        match self.prog.types.get(self.prog.expr(e).ty) {
            Type::Tuple(items) => items.clone(),
            _ => Vec::new(),
        }
    }

    /// The callee's parameter types, receiver first, and whether it is
    /// variadic.
    fn param_types(&self, callee: &Callee, f: Option<FuncId>) -> (Vec<TypeId>, bool) {
        let prog = self.prog;
        if let Some(f) = f {
            let func = prog.func(f);
            let tys = self.params_of(f).iter().map(|v| prog.var(*v).ty).collect();
            let variadic = prog.types.signature(func.sig).is_some_and(|s| s.variadic);
            return (tys, variadic);
        }
        let sig_ty = match callee {
            Callee::Value(fv) => Some(prog.expr(*fv).ty),
            _ => None,
        };
        match sig_ty.and_then(|t| prog.types.signature(t)) {
            Some(sig) => (sig.params.clone(), sig.variadic),
            None => (Vec::new(), false),
        }
    }

    /// `f(g())`: g's results go to temporaries, then each flows (boxed when
    /// the parameter is an interface) into f's parameters.
    #[allow(clippy::too_many_arguments)]
    fn spread_call(
        &mut self,
        ks: Option<&[Hole]>,
        e: ExprId,
        site: &Site,
        f: Option<FuncId>,
        first_param: usize,
        inner: ExprId,
        params: &(Vec<TypeId>, bool),
    ) {
        let items = self.tuple_items(inner);
        let at = self.prog.expr(e).span.start;
        let mut temps = Vec::new();
        for ty in &items {
            // Named once the inner call is walked: gc numbers the
            // temporaries of nested calls first.
            let tsite = Site {
                text: ".autotmp".to_string(),
                ..site.clone()
            };
            let loc = self.b.new_loc(
                LocKind::Var {
                    site: tsite.clone(),
                    class: VarClass::Local,
                },
                self.cur_ix,
                self.loop_depth,
                false,
            );
            temps.push((loc, *ty, tsite));
        }
        let holes: Vec<Hole> = temps.iter().map(|(l, _, _)| Hole::to(*l)).collect();
        self.call(Some(holes), inner);
        for (loc, _, tsite) in &mut temps {
            let n = self.next_temp_number_at(at);
            tsite.text = format!(".autotmp_{n}");
            if let LocKind::Var { site, .. } = &mut self.b.loc_mut(*loc).kind {
                site.text = tsite.text.clone();
            }
        }
        // gc prints the call as rewritten: f(.autotmp_0, .autotmp_1) or,
        // variadic, f(... argument...).
        let inner_text = self.printer().expr(inner);
        let replacement = if params.1 && first_param + 1 >= params.0.len() {
            "... argument...".to_string()
        } else {
            temps
                .iter()
                .enumerate()
                .map(|(i, (_, ty, t))| {
                    if i == 0 {
                        self.printer().conversion(*ty, &t.text)
                    } else {
                        t.text.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let site = &match site.text.rfind(&inner_text) {
            Some(i) => Site {
                text: format!(
                    "{}{}{}",
                    &site.text[..i],
                    replacement,
                    &site.text[i + inner_text.len()..]
                ),
                ..site.clone()
            },
            None => site.clone(),
        };
        let (ptys, variadic) = params;
        let last = ptys.len().saturating_sub(1);
        let mut slice: Option<Hole> = None;
        for (j, (loc, ty, tsite)) in temps.into_iter().enumerate() {
            let p = first_param + j;
            let (k, target) = if *variadic && p >= last {
                let elem = ptys
                    .get(last)
                    .and_then(|t| match self.prog.types.under(*t) {
                        Type::Slice(el) => Some(*el),
                        _ => None,
                    });
                let sk = match &slice {
                    Some(h) => h.clone(),
                    None => {
                        let k = self
                            .tag_hole(ks, f, last)
                            .note(site.clone(), "call parameter");
                        let ssite = Site {
                            text: "... argument".to_string(),
                            ..site.clone()
                        };
                        let sl = self.b.new_loc(
                            LocKind::Alloc {
                                site: ssite.clone(),
                                kind: AllocKind::Plain,
                            },
                            self.cur_ix,
                            self.loop_depth,
                            true,
                        );
                        self.b.flow(&k.addr(ssite.clone(), "spill"), sl);
                        let h = Hole::to(sl).note(ssite, "slice-literal-element");
                        slice = Some(h.clone());
                        h
                    }
                };
                (sk, elem)
            } else {
                let k = self.tag_hole(ks, f, p).note(site.clone(), "call parameter");
                (k, ptys.get(p).copied())
            };
            let mut k = k;
            if let Some(t) = target {
                if self.is_interface(t) && !self.is_interface(ty) {
                    if !self.is_direct_iface(ty, 0) {
                        let bx = self.b.new_loc(
                            LocKind::Alloc {
                                site: tsite.clone(),
                                kind: AllocKind::Plain,
                            },
                            self.cur_ix,
                            self.loop_depth,
                            true,
                        );
                        self.b.flow(&k.addr(tsite.clone(), "spill"), bx);
                        k = Hole::to(bx);
                    }
                    k = k.note(tsite.clone(), "interface-converted");
                }
            }
            if self.has_pointers(ty) {
                self.b.flow(&k, loc);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn devirtualized_call(
        &mut self,
        ks: Option<&[Hole]>,
        e: ExprId,
        site: &Site,
        recv: ExprId,
        m: FuncId,
        t: TypeId,
        args: &[ExprId],
    ) {
        let prog = self.prog;
        let f = Some(m);
        if let Some(ks) = ks {
            if self.fix.contains_key(&m) {
                let results = prog.func(m).results.clone();
                for (i, r) in results.iter().enumerate() {
                    if let (Some(k), Some(l)) = (ks.get(i), self.var_loc.get(r).copied()) {
                        if self.has_pointers(prog.var(*r).ty) {
                            self.b.flow(k, l);
                        }
                    }
                }
            }
        }
        let (pos, start, end) = self.expr_pos_span(recv);
        let asserted = Site {
            text: format!("{}.({})", self.printer().expr(recv), self.printer().ty(t)),
            pos,
            start,
            end,
        };
        let mut k = self.tag_hole(ks, f, 0).note(site.clone(), "call parameter");
        let value_receiver = prog
            .func(m)
            .receiver
            .is_some_and(|r| !matches!(prog.types.under(prog.var(r).ty), Type::Pointer(_)));
        // A promoted method goes through embedded fields first.
        let path = super::devirt::receiver_path(prog, t, m);
        let t_ptr = matches!(prog.types.under(t), Type::Pointer(_));
        let mut texts = Vec::new();
        let mut text = asserted.text.clone();
        for (field, _) in &path {
            text = format!("{text}.{field}");
            texts.push(text.clone());
        }
        let cur_ptr = path.last().map_or(t_ptr, |p| p.1);
        let full = Site {
            text: texts
                .last()
                .cloned()
                .unwrap_or_else(|| asserted.text.clone()),
            ..asserted.clone()
        };
        if value_receiver && cur_ptr {
            k = k.deref(full.clone(), "indirection");
        } else if !value_receiver && !cur_ptr && !path.is_empty() {
            k = k.addr(full.clone(), "address-of");
        }
        for (j, step) in texts.iter().enumerate().rev() {
            let through_ptr = if j == 0 { t_ptr } else { path[j - 1].1 };
            let s = Site {
                text: step.clone(),
                ..asserted.clone()
            };
            k = if through_ptr {
                k.deref(s, "dot of pointer")
            } else {
                k.note(s, "dot")
            };
        }
        let k = self.dot_type(&k, t, asserted, "dot");
        self.expr(&k, recv);
        let _ = e;
        for (i, a) in args.iter().enumerate() {
            let k = self.tag_hole(ks, f, i + 1);
            self.argument(&k, site, *a);
        }
    }

    fn call_builtin(
        &mut self,
        b: Builtin,
        args: &[ExprId],
        spread: bool,
        k0: &Hole,
        e: ExprId,
        site: &Site,
    ) {
        let prog = self.prog;
        match b {
            Builtin::Append => {
                let Some(&s) = args.first() else { return };
                let st = prog.expr(s).ty;
                let elem = match prog.types.under(st) {
                    Type::Slice(el) => Some(*el),
                    _ => None,
                };
                let mut appendee = self.tee(&[k0.clone(), Hole::to(MUTATOR)]);
                if elem.is_some_and(|el| self.has_pointers(el)) {
                    let hk = Hole::to(HEAP).deref(site.clone(), "appendee slice");
                    appendee = self.tee(&[appendee, hk]);
                }
                self.argument(&appendee, site, s);
                if spread {
                    if let Some(&x) = args.get(1) {
                        let xt = prog.expr(x).ty;
                        let k = match prog.types.under(xt) {
                            Type::Slice(el) if self.has_pointers(*el) => {
                                Hole::to(HEAP).deref(site.clone(), "appended slice...")
                            }
                            _ => Hole::to(DISCARD),
                        };
                        self.argument(&k, site, x);
                    }
                } else {
                    let rest: Vec<ExprId> = match args.get(1).map(|a| &prog.expr(*a).kind) {
                        Some(ExprKind::VarArgsSlice(items)) if args.len() == 2 => items.clone(),
                        _ => args[1..].to_vec(),
                    };
                    for a in rest {
                        self.argument(&Hole::to(HEAP), site, a);
                    }
                }
                let loc = self.new_alloc(e, AllocKind::Append);
                self.b.loc_mut(loc).loop_depth = 0;
                let k = k0.addr(site.clone(), "spill");
                self.b.flow(&k, loc);
            }
            Builtin::Copy => {
                if let Some(&d) = args.first() {
                    self.argument(&Hole::to(MUTATOR), site, d);
                }
                if let Some(&s) = args.get(1) {
                    let st = prog.expr(s).ty;
                    let k = match prog.types.under(st) {
                        Type::Slice(el) if self.has_pointers(*el) => {
                            Hole::to(HEAP).deref(site.clone(), "copied slice")
                        }
                        _ => Hole::to(DISCARD),
                    };
                    self.argument(&k, site, s);
                }
            }
            Builtin::Panic => {
                for a in args {
                    self.argument(&Hole::to(HEAP), site, *a);
                }
            }
            Builtin::Min | Builtin::Max => {
                for a in args {
                    self.argument(k0, site, *a);
                }
            }
            Builtin::Clear => {
                for a in args {
                    self.argument(&Hole::to(MUTATOR), site, *a);
                }
            }
            Builtin::New | Builtin::Make => {
                self.expr(k0, e);
            }
            // The result points where the pointer operand points.
            Builtin::UnsafeAdd
            | Builtin::UnsafeSlice
            | Builtin::UnsafeString
            | Builtin::UnsafeStringData
            | Builtin::UnsafeSliceData => {
                if let Some(&p) = args.first() {
                    self.argument(k0, site, p);
                }
                for a in args.iter().skip(1) {
                    self.discard(*a);
                }
            }
            _ => {
                for a in args {
                    self.discard(*a);
                }
            }
        }
    }

    /// gc's `unsafeValue`: a `uintptr` computed from an unsafe.Pointer
    /// (`uintptr(p) + 8`, masks, shifts) still carries the pointer, so
    /// its unsafe.Pointer operands flow to `k`; everything else in the
    /// arithmetic is discarded.
    fn unsafe_value(&mut self, k: &Hole, e: ExprId) {
        let prog = self.prog;
        match &prog.expr(e).kind {
            ExprKind::Conv { operand, .. } => {
                let from_unsafe = matches!(
                    prog.types.under(prog.expr(*operand).ty),
                    Type::Basic(crate::ir::BasicKind::UnsafePointer)
                );
                if from_unsafe {
                    self.expr(k, *operand);
                } else {
                    self.discard(*operand);
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Plus | UnaryOp::Neg | UnaryOp::BitNot,
                operand,
            } => self.unsafe_value(k, *operand),
            ExprKind::Binary { op, left, right } => match op {
                BinaryOp::Shl | BinaryOp::Shr => {
                    self.unsafe_value(k, *left);
                    self.discard(*right);
                }
                BinaryOp::Add
                | BinaryOp::Sub
                | BinaryOp::Or
                | BinaryOp::Xor
                | BinaryOp::Mul
                | BinaryOp::Div
                | BinaryOp::Rem
                | BinaryOp::And
                | BinaryOp::AndNot => {
                    self.unsafe_value(k, *left);
                    self.unsafe_value(k, *right);
                }
                _ => self.discard(e),
            },
            _ => self.discard(e),
        }
    }

    // ----- go and defer -------------------------------------------------

    fn go_defer(&mut self, s: StmtId, call_e: ExprId, is_go: bool) {
        let prog = self.prog;
        let mut k = Hole::to(HEAP);
        if !is_go && self.loop_depth == 1 {
            // Top-level defers last until the function returns, no longer.
            k = self
                .b
                .later(&Hole::to(DISCARD), self.cur_ix, self.loop_depth);
        }
        let ExprKind::Call(call) = &prog.expr(call_e).kind else {
            self.discard(call_e);
            return;
        };
        // A call of a function value without parameters or results needs
        // no wrapper.
        let no_args = call.args.is_empty();
        match &call.callee {
            Callee::Value(fv) if no_args && self.sig_is_empty(prog.expr(*fv).ty) => {
                if matches!(prog.expr(*fv).kind, ExprKind::FuncLit(_) | ExprKind::Var(_)) {
                    self.expr(&k, *fv);
                } else {
                    // A computed function value is saved in a temporary
                    // now and called later.
                    let n = self.next_temp_number(s);
                    let (pos, start, end) = self.expr_pos_span(*fv);
                    let tmp = self.b.new_loc(
                        LocKind::Var {
                            site: Site {
                                text: format!(".autotmp_{n}"),
                                pos,
                                start,
                                end,
                            },
                            class: VarClass::Local,
                        },
                        self.cur_ix,
                        self.loop_depth,
                        false,
                    );
                    self.expr(&Hole::to(tmp), *fv);
                    self.b.flow(&k, tmp);
                }
                return;
            }
            Callee::Func(f) if no_args && self.sig_is_empty(prog.func(*f).sig) => {
                return;
            }
            _ => {}
        }
        // Otherwise gc wraps the call in a closure: operands are evaluated
        // now into temporaries the wrapper captures.
        let mut argps: Vec<ExprId> = Vec::new();
        let trivial = |x: ExprId| {
            matches!(
                prog.expr(x).kind,
                ExprKind::Const(_)
                    | ExprKind::Nil
                    | ExprKind::MethodExpr { .. }
                    | ExprKind::New(_)
                    | ExprKind::Func(_)
            )
        };
        match &call.callee {
            Callee::Value(fv) if !trivial(*fv) => argps.push(*fv),
            Callee::Method { recv, .. } if !trivial(*recv) => argps.push(*recv),
            Callee::Interface { recv, .. } => argps.push(*recv),
            _ => {}
        }
        let last = call.args.len().wrapping_sub(1);
        for (i, a) in call.args.iter().enumerate() {
            match &prog.expr(*a).kind {
                ExprKind::VarArgsSlice(items) => {
                    argps.extend(items.iter().copied().filter(|x| !trivial(*x)))
                }
                // `f([]T{x, y}...)` is built inside the wrapper like the
                // implicit `f(x, y)`: only its elements are saved.
                ExprKind::Composite {
                    kind: CompositeKind::Slice,
                    elems,
                } if call.spread && i == last => {
                    argps.extend(elems.iter().map(|el| el.value).filter(|x| !trivial(*x)))
                }
                _ if !trivial(*a) => argps.push(*a),
                _ => {}
            }
        }
        let stmt_site = self.stmt_site(s);
        // Each operand's parameter type: a variable passed with an implicit
        // conversion (chan direction) is a node of its own in gc.
        let mut param_of: HashMap<ExprId, TypeId> = HashMap::default();
        if let Callee::Func(f) | Callee::Method { func: f, .. } = &call.callee {
            let (ptys, _) = self.param_types(&call.callee, Some(*f));
            let offset = usize::from(matches!(call.callee, Callee::Method { .. }));
            for (i, a) in call.args.iter().enumerate() {
                if let Some(t) = ptys.get(i + offset) {
                    param_of.insert(*a, *t);
                }
            }
        }
        let mut temps = Vec::new();
        let func_name = super::print::gc_func_name(prog, self.cur);
        for a in &argps {
            let n = self.next_temp_number(s);
            // Shared nodes (names) have no position of their own: gc uses
            // the statement's.
            let converted = param_of
                .get(a)
                .is_some_and(|t| !prog.types.identical(*t, prog.expr(*a).ty));
            let (pos, start, end) = match prog.expr(*a).kind {
                ExprKind::Var(_) if !converted => (stmt_site.pos, stmt_site.start, stmt_site.end),
                _ => self.expr_pos_span(*a),
            };
            let site = Site {
                text: format!(".autotmp_{n}"),
                pos,
                start,
                end,
            };
            let loc = self.b.new_loc(
                LocKind::Var {
                    site: site.clone(),
                    class: VarClass::Local,
                },
                self.cur_ix,
                self.loop_depth,
                false,
            );
            temps.push((loc, site));
        }
        if !temps.is_empty() {
            let as_site = Site {
                text: format!(
                    "{} = {}",
                    temps
                        .iter()
                        .map(|(_, s)| s.text.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                    argps
                        .iter()
                        .map(|a| self.printer().expr(*a))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                ..stmt_site.clone()
            };
            for ((loc, _), a) in temps.iter().zip(&argps) {
                self.expr(&Hole::to(*loc).note(as_site.clone(), "assign-pair"), *a);
            }
        }
        // The wrapper closure.
        let wname = format!("{}.gowrap", func_name);
        let wix = self.b.add_func(wname, Some(self.cur_ix));
        self.b.funcs[wix.0 as usize].standalone = temps.is_empty();
        let wsite = Site {
            text: "func literal".to_string(),
            ..stmt_site
        };
        let wloc = self.b.new_loc(
            LocKind::Alloc {
                site: wsite.clone(),
                kind: AllocKind::GoDeferWrapper { func: wix },
            },
            self.cur_ix,
            self.loop_depth,
            true,
        );
        self.b.flow(&k.addr(wsite, "spill"), wloc);
        let captures: Vec<Captured> = temps
            .iter()
            .zip(&argps)
            .map(|((loc, site), a)| Captured::Temp {
                loc: *loc,
                site: site.clone(),
                width: self.size(self.value_type(*a)),
                func_name: func_name.clone(),
            })
            .collect();
        let use_sites = temps.iter().map(|(_, s)| s.clone()).collect();
        self.closures.push(PendingClosure {
            k: Hole::to(wloc),
            captures,
            use_sites,
        });
        // Walk the call inside the wrapper.
        let saved = (self.cur_ix, self.loop_depth);
        self.cur_ix = wix;
        self.loop_depth = 1;
        let mut saved_rewrites = Vec::new();
        for ((loc, site), a) in temps.iter().zip(&argps) {
            self.subst.insert(*a, *loc);
            let old = self
                .rewrites
                .insert(*a, Replacement::Name(site.text.clone()));
            saved_rewrites.push((*a, old));
        }
        self.call(None, call_e);
        for (a, old) in saved_rewrites {
            self.subst.remove(&a);
            match old {
                Some(r) => self.rewrites.insert(a, r),
                None => self.rewrites.remove(&a),
            };
        }
        self.cur_ix = saved.0;
        self.loop_depth = saved.1;
    }

    fn sig_is_empty(&self, t: TypeId) -> bool {
        match self.prog.types.under(t) {
            Type::Func(sig) => sig.params.is_empty() && sig.results.is_empty(),
            _ => false,
        }
    }

    /// gc names temporaries `.autotmp_N` after the function's declaration
    /// count at the time.
    fn next_temp_number(&mut self, s: StmtId) -> usize {
        self.next_temp_number_at(self.prog.stmt(s).span.start)
    }

    fn next_temp_number_at(&mut self, at: u32) -> usize {
        let func = self.prog.func(self.cur);
        let before = func
            .locals
            .iter()
            .filter(|v| self.prog.var(**v).span.start < at)
            .count();
        // A shaped instance also has gc's `.dict` parameter.
        let dict = usize::from(func.instance.is_some());
        let base =
            func.receiver.iter().count() + dict + func.params.len() + func.results.len() + before;
        let made = self.temps_made.entry(self.cur).or_insert(0);
        let n = base + *made;
        *made += 1;
        n
    }
}

/// Whether `e` calls or receives (gc's `callOrChan`, `new` excepted),
/// not looking into function literals.
fn calls_or_receives(prog: &Program, e: ExprId) -> bool {
    let mut found = false;
    super::visit::visit_expr(prog, e, false, &mut |n| {
        if let Node::Expr(x) = n {
            if matches!(
                prog.expr(x).kind,
                ExprKind::Call(_) | ExprKind::Recv { .. } | ExprKind::Make { .. }
            ) {
                found = true;
            }
        }
    });
    found
}

/// How the results of an N:1 assignment's right side are produced.
#[derive(Clone, Copy)]
enum Spread {
    /// A call with several results (the note's reason for the temps).
    Call(&'static str),
    /// A comma-ok form: `v, ok = m[k]`, `x.(T)` or `<-c`.
    CommaOk(&'static str),
}

/// The destination of one assignment slot.
#[derive(Clone, Copy)]
enum Dst {
    Blank,
    Var(VarId),
    Expr(ExprId),
}
