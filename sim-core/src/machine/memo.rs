//! Replaying repeated pure calls.
//!
//! The tutorial's hot paths call one helper a million times, and the helper
//! touches every byte of a 4 KiB buffer: billions of machine steps that
//! would take minutes op by op. Most such calls are *repeats*: the same
//! function, the same arguments, the same memory reachable from them. So
//! the machine watches a call of an eligible function once, writes down
//! its whole effect — the heap objects it allocated (with their final
//! contents), the final contents of the memory it could reach, its
//! results and its counters — and when an identical call comes again it
//! replays that effect instead of executing it. Every replayed heap object
//! is really allocated (the GC and the counters see it), so the counters
//! stay exact; only the steps inside the call are not executed one by one.
//!
//! A function is eligible when nothing it (or a function it calls
//! statically) does can depend on or change state outside what its
//! arguments reach: no globals, channels, maps, goroutines, output,
//! dynamic calls or library calls. A call is watched only when its
//! reachable memory is small, and is not cached when it panicked, grew
//! the stack or met a GC cycle on the way. Replays happen only while the
//! recorder summarizes (or does not record), so the first executions of
//! every statement stay visible step by step.

use super::code::{FuncCode, Op, Target};
use super::memory::{children, Extra, Home, Layout};
use super::value::{AllocId, FuncV, IfaceV, Ptr, SliceV, V};
use crate::ir::FuncId;
use std::rc::Rc;

/// Calls watched without a single replay before a function is given up on.
const GIVE_UP_AFTER: u32 = 16;
/// Effects kept per function.
const ENTRIES_PER_FUNC: usize = 4;
/// Largest reachable memory a watched call may have.
const MAX_INPUT_ALLOCS: usize = 64;
const MAX_INPUT_BYTES: u64 = 1 << 20;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Eligible {
    #[default]
    Unknown,
    /// Being decided (recursion): assumed yes.
    Deciding,
    Yes,
    No,
}

/// A heap object the call allocated, as it was when the call returned.
struct NewObject {
    id: AllocId,
    layout: Layout,
    val: V,
    size: u64,
    class: u64,
    site: Option<u32>,
}

/// What one call did.
struct Effect {
    args: Vec<V>,
    /// Memory reachable from the arguments, before the call.
    inputs: Vec<(AllocId, V)>,
    /// The same memory after the call, where it changed.
    outputs: Vec<(AllocId, V)>,
    objects: Vec<NewObject>,
    results: Vec<V>,
    steps: u64,
    stack_allocs: u64,
    frames: u32,
    /// Stack bytes the call needs above its caller's (an upper bound): a
    /// replay where they do not fit runs the call instead, so the stack
    /// grows exactly when it would have.
    stack_need: u64,
}

/// A call being watched.
struct Watch {
    /// The call and the machine's counters before it.
    call: Watched,
    g: usize,
    /// Frames below the watched one.
    depth: usize,
    /// The watched frame returned normally (results are on the stack).
    returned: bool,
}

/// The counters before a watched call, to compute its deltas.
pub struct Before {
    /// Stack bytes in use at the call.
    pub used: u64,
    pub steps: u64,
    pub stack_allocs: u64,
    pub frames: u32,
    pub gc_cycles: u64,
    pub stack_size: u64,
    pub output_len: usize,
}

/// Cached call effects and the one call being watched.
#[derive(Default)]
pub struct Memo {
    eligible: Vec<Eligible>,
    entries: Vec<Vec<Effect>>,
    watched: Vec<u32>,
    hits: Vec<u32>,
    /// Calls being watched, innermost last (a watched call's callees may
    /// be watched too).
    watches: Vec<Watch>,
    /// Steps replayed rather than executed (not charged to the budget).
    pub replayed_steps: u64,
}

/// A cache hit: the objects to allocate (layout, size, size class, site),
/// then [`Memo::replay_values`] for what to write.
pub struct Replay {
    pub objects: Vec<(Layout, u64, u64, Option<u32>)>,
    plan: usize,
    func: FuncId,
}

impl Memo {
    fn grow(&mut self, f: FuncId) {
        let n = f.0 as usize + 1;
        if self.eligible.len() < n {
            self.eligible.resize(n, Eligible::Unknown);
            self.entries.resize_with(n, Vec::new);
            self.watched.resize(n, 0);
            self.hits.resize(n, 0);
        }
    }

    /// Whether `f` may be memoized at all (decided once, from its code and
    /// the code of everything it calls statically).
    pub fn eligible(&mut self, f: FuncId, code: &dyn Fn(FuncId) -> Option<Rc<FuncCode>>) -> bool {
        self.grow(f);
        match self.eligible[f.0 as usize] {
            Eligible::Yes | Eligible::Deciding => return true,
            Eligible::No => return false,
            Eligible::Unknown => {}
        }
        let Some(c) = code(f) else {
            self.eligible[f.0 as usize] = Eligible::No;
            return false;
        };
        self.eligible[f.0 as usize] = Eligible::Deciding;
        let ok = c.ops.iter().all(|op| self.op_allowed(op, code));
        self.eligible[f.0 as usize] = if ok { Eligible::Yes } else { Eligible::No };
        ok
    }

    fn op_allowed(&mut self, op: &Op, code: &dyn Fn(FuncId) -> Option<Rc<FuncCode>>) -> bool {
        match op {
            Op::Global(_)
            | Op::GlobalAddr(_)
            | Op::Go { .. }
            | Op::Send
            | Op::Recv { .. }
            | Op::Select(_)
            | Op::Close
            | Op::Print { .. }
            | Op::MakeChan { .. }
            | Op::MakeMap { .. }
            | Op::MapLit { .. }
            | Op::MapGet { .. }
            | Op::MapSet { .. }
            | Op::MapKeys
            | Op::MapIterGet { .. }
            | Op::Delete
            | Op::Clear
            | Op::Recover
            | Op::Unsupported(_) => false,
            Op::Call { target, .. } | Op::Defer { target, .. } => match target {
                Target::User(g) => self.eligible(*g, code),
                _ => false,
            },
            _ => true,
        }
    }

    /// Whether calls of `f` are still worth watching.
    pub fn worth_watching(&self, f: FuncId) -> bool {
        let i = f.0 as usize;
        self.watched[i] < GIVE_UP_AFTER || self.hits[i] > 0
    }

    /// Finds a cached effect of `f` for these arguments and this memory;
    /// `read` gives an allocation's current value.
    pub fn lookup(
        &mut self,
        f: FuncId,
        args: &[V],
        stack_room: u64,
        holds: &dyn Fn(AllocId, &V) -> bool,
    ) -> Option<Replay> {
        let i = f.0 as usize;
        let at = self.entries[i].iter().position(|e| {
            e.stack_need <= stack_room
                && e.args == args
                && e.inputs.iter().all(|(id, v)| holds(*id, v))
        })?;
        self.hits[i] += 1;
        let e = &self.entries[i][at];
        Some(Replay {
            objects: e
                .objects
                .iter()
                .map(|o| (o.layout.clone(), o.size, o.class, o.site))
                .collect(),
            plan: at,
            func: f,
        })
    }

    /// The values a replay writes, with the call's own objects renamed to
    /// `new_ids` (in allocation order); and the counters to add.
    pub fn replay_values(&mut self, r: &Replay, new_ids: &[AllocId]) -> ReplayValues {
        let e = &self.entries[r.func.0 as usize][r.plan];
        let rename = |id: AllocId| -> AllocId {
            match e.objects.binary_search_by_key(&id, |o| o.id) {
                Ok(k) => new_ids[k],
                Err(_) => id,
            }
        };
        self.replayed_steps += e.steps;
        ReplayValues {
            objects: e
                .objects
                .iter()
                .map(|o| rename_allocs(&o.val, &rename))
                .collect(),
            outputs: e
                .outputs
                .iter()
                .map(|(id, v)| (*id, rename_allocs(v, &rename)))
                .collect(),
            results: e
                .results
                .iter()
                .map(|v| rename_allocs(v, &rename))
                .collect(),
            steps: e.steps,
            stack_allocs: e.stack_allocs,
            frames: e.frames,
        }
    }

    /// Starts watching a call of `f` on goroutine `g` whose frame will sit
    /// above `depth` frames.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        &mut self,
        f: FuncId,
        g: usize,
        depth: usize,
        first_new: AllocId,
        args: Vec<V>,
        inputs: Vec<(AllocId, V)>,
        before: Before,
    ) {
        self.watched[f.0 as usize] += 1;
        self.watches.push(Watch {
            call: Watched {
                func: f,
                first_new,
                before,
                args,
                inputs,
            },
            g,
            depth,
            returned: false,
        });
    }

    /// A frame was popped from goroutine `g`, leaving `depth` frames:
    /// if it was a watched one, note how it ended.
    pub fn popped(&mut self, g: usize, depth: usize, returned_normally: bool) {
        while let Some(w) = self.watches.last_mut() {
            if w.g != g || depth > w.depth {
                return;
            }
            if returned_normally && depth == w.depth && !w.returned {
                w.returned = true;
                return;
            }
            self.watches.pop();
        }
    }

    /// Whether the innermost watched call has just returned.
    pub fn returned(&self) -> bool {
        self.watches.last().map(|w| w.returned).unwrap_or(false)
    }

    /// The watched call, once it returned: its id range and starting
    /// counters, for [`Memo::store`].
    pub fn take_returned(&mut self) -> Option<Watched> {
        self.watches.pop().map(|w| w.call)
    }

    /// Caches a watched call's effect.
    pub fn store(&mut self, w: Watched, after: After) {
        let i = w.func.0 as usize;
        let outputs = w
            .inputs
            .iter()
            .zip(after.inputs_now)
            .filter(|((_, old), now)| old != now)
            .map(|((id, _), now)| (*id, now))
            .collect();
        let effect = Effect {
            args: w.args,
            inputs: w.inputs,
            outputs,
            objects: after
                .objects
                .into_iter()
                .map(|(id, layout, val, size, class, site)| NewObject {
                    id,
                    layout,
                    val,
                    size,
                    class,
                    site,
                })
                .collect(),
            results: after.results,
            steps: after.steps - w.before.steps,
            stack_allocs: after.stack_allocs - w.before.stack_allocs,
            frames: after.frames - w.before.frames,
            stack_need: after.high_water.saturating_sub(w.before.used),
        };
        let list = &mut self.entries[i];
        if list.len() >= ENTRIES_PER_FUNC {
            list.remove(0);
        }
        list.push(effect);
    }
}

/// A watched call that returned.
pub struct Watched {
    pub func: FuncId,
    /// Allocation ids from here on were made by the call.
    pub first_new: AllocId,
    pub before: Before,
    args: Vec<V>,
    inputs: Vec<(AllocId, V)>,
}

/// The machine's state after a watched call.
pub struct After {
    pub high_water: u64,
    pub inputs_now: Vec<V>,
    /// (id, layout, value, size, class, site) of each heap object made.
    pub objects: Vec<(AllocId, Layout, V, u64, u64, Option<u32>)>,
    pub results: Vec<V>,
    pub steps: u64,
    pub stack_allocs: u64,
    pub frames: u32,
}

impl Watched {
    pub fn input_ids(&self) -> Vec<AllocId> {
        self.inputs.iter().map(|(id, _)| *id).collect()
    }
}

/// What a replay writes and adds.
pub struct ReplayValues {
    pub objects: Vec<V>,
    pub outputs: Vec<(AllocId, V)>,
    pub results: Vec<V>,
    pub steps: u64,
    pub stack_allocs: u64,
    pub frames: u32,
}

/// The allocations reachable from `args`, if few and small enough to
/// compare on every call: `(id, home, size, has extra)` comes from `info`.
pub fn reachable(
    args: &[V],
    info: &dyn Fn(AllocId) -> Option<(u64, bool, V)>,
) -> Option<Vec<(AllocId, V)>> {
    let mut work = Vec::new();
    for a in args {
        children(a, &mut work);
    }
    let mut seen: Vec<(AllocId, V)> = Vec::new();
    let mut bytes = 0u64;
    while let Some(id) = work.pop() {
        if id == u32::MAX || seen.iter().any(|(s, _)| *s == id) {
            continue;
        }
        let (size, plain, val) = info(id)?;
        if !plain {
            return None;
        }
        bytes += size;
        if seen.len() >= MAX_INPUT_ALLOCS || bytes > MAX_INPUT_BYTES {
            return None;
        }
        children(&val, &mut work);
        seen.push((id, val));
    }
    crate::sort::by_key(&mut seen, |(id, _)| *id);
    Some(seen)
}

/// Whether an allocation may be part of a watched call's inputs: no map
/// or channel state beside its value.
pub fn plain(extra: &Extra, home: &Home) -> bool {
    matches!(extra, Extra::None) && !matches!(home, Home::Globals)
}

/// Whether every pointer in `v` that names an allocation made by the call
/// (id at or past `first_new`) names one of `objects`.
pub fn refs_only(v: &V, first_new: AllocId, objects: &[AllocId]) -> bool {
    let mut out = Vec::new();
    children(v, &mut out);
    out.iter()
        .all(|&id| id == u32::MAX || id < first_new || objects.binary_search(&id).is_ok())
}

/// `v` with every allocation id renamed.
fn rename_allocs(v: &V, f: &dyn Fn(AllocId) -> AllocId) -> V {
    let ptr = |p: Ptr| Ptr {
        alloc: if p.alloc == u32::MAX {
            p.alloc
        } else {
            f(p.alloc)
        },
        off: p.off,
    };
    match v {
        V::Ptr(p) => V::Ptr(ptr(*p)),
        V::Slice(s) => V::Slice(SliceV {
            ptr: ptr(s.ptr),
            len: s.len,
            cap: s.cap,
        }),
        V::Agg(items) => V::Agg(items.iter().map(|x| rename_allocs(x, f)).collect()),
        V::Func(fv) => match fv.env {
            Some(p) => V::Func(Rc::new(FuncV {
                call: fv.call.clone(),
                env: Some(ptr(p)),
            })),
            None => v.clone(),
        },
        V::Iface(i) => V::Iface(Rc::new(IfaceV {
            ty: i.ty,
            val: rename_allocs(&i.val, f),
            boxed: i.boxed.map(f),
        })),
        V::Map(a) => V::Map(f(*a)),
        V::Chan(a) => V::Chan(f(*a)),
        V::Keys(k) => V::Keys(Rc::new(k.iter().map(|x| rename_allocs(x, f)).collect())),
        _ => v.clone(),
    }
}

// ----- the machine's side --------------------------------------------

use super::exec::{Flow, Machine};

impl<'p> Machine<'p> {
    /// A static call of `f` with `args`: replayed from the cache when an
    /// identical call was seen (`Ok(Ok(()))`, results pushed), else the
    /// arguments come back for a real call, which may be watched.
    pub(super) fn call_memoized(
        &mut self,
        gi: usize,
        f: FuncId,
        args: Vec<V>,
    ) -> Result<Result<(), Vec<V>>, Flow> {
        if self.sync_depth > 0 || !self.opts.memoize {
            return Ok(Err(args));
        }
        let funcs = &self.c.funcs;
        let code = |g: FuncId| funcs.get(g.0 as usize).cloned().flatten();
        if !self.memo.eligible(f, &code) {
            return Ok(Err(args));
        }
        if !self.rec.detailed() {
            let allocs = &self.allocs;
            let holds = |id: AllocId, v: &V| {
                allocs
                    .get(id as usize)
                    .and_then(|a| a.as_deref())
                    .map(|a| a.val == *v)
                    .unwrap_or(false)
            };
            let g = &self.gs[gi];
            let room = g.stack_size - g.used;
            if let Some(r) = self.memo.lookup(f, &args, room, &holds) {
                self.replay(gi, r, args)?;
                return Ok(Ok(()));
            }
        }
        if self.memo.worth_watching(f) {
            let allocs = &self.allocs;
            let info = |id: AllocId| {
                let a = allocs.get(id as usize)?.as_deref()?;
                Some((a.size, plain(&a.extra, &a.home), a.val.clone()))
            };
            if let Some(inputs) = reachable(&args, &info) {
                let g = &self.gs[gi];
                let before = Before {
                    used: g.used,
                    steps: self.n.steps,
                    stack_allocs: self.n.stack_allocs,
                    frames: self.frame_seq,
                    gc_cycles: self.n.gc_cycles,
                    stack_size: g.stack_size,
                    output_len: self.output.iter().map(|(_, b)| b.len()).sum(),
                };
                let depth = g.frames.len();
                let first_new = self.allocs.len() as AllocId;
                self.memo
                    .start(f, gi, depth, first_new, args.clone(), inputs, before);
            }
        }
        Ok(Err(args))
    }

    /// Replays a cached call: allocates its objects (the GC may run; the
    /// half-built state is pinned), writes its memory, pushes its results.
    fn replay(&mut self, gi: usize, r: Replay, args: Vec<V>) -> Result<(), Flow> {
        self.pins = args;
        let mut ids = Vec::with_capacity(r.objects.len());
        for (layout, size, class, site) in r.objects.iter().cloned() {
            let p = self.heap_alloc_sized(layout, V::Nil, size, class, site, Extra::None)?;
            self.pins.push(V::Ptr(p));
            ids.push(p.alloc);
        }
        self.pins.clear();
        let vals = self.memo.replay_values(&r, &ids);
        for (&id, v) in ids.iter().zip(vals.objects) {
            if let Some(Some(a)) = self.allocs.get_mut(id as usize) {
                a.val = v;
            }
        }
        for (id, v) in vals.outputs {
            if let Some(Some(a)) = self.allocs.get_mut(id as usize) {
                a.val = v;
            }
            self.rec.touch(id);
        }
        self.gs[gi].stack.extend(vals.results);
        self.gs[gi].dirty = true;
        self.n.steps += vals.steps;
        self.n.stack_allocs += vals.stack_allocs;
        self.frame_seq += vals.frames;
        self.rec.tally_calls(vals.frames as u64);
        Ok(())
    }

    /// The watched call returned with its results on top of the operand
    /// stack: cache its effect unless something made it unrepeatable.
    pub(super) fn memo_finish(&mut self, gi: usize) {
        let Some(w) = self.memo.take_returned() else {
            return;
        };
        let output_len: usize = self.output.iter().map(|(_, b)| b.len()).sum();
        if self.n.gc_cycles != w.before.gc_cycles
            || self.gs[gi].stack_size != w.before.stack_size
            || output_len != w.before.output_len
        {
            return;
        }
        let nres = self
            .c
            .funcs
            .get(w.func.0 as usize)
            .and_then(|c| c.as_ref())
            .map(|c| c.result_slots.len())
            .unwrap_or(0);
        let stack = &self.gs[gi].stack;
        let Some(at) = stack.len().checked_sub(nres) else {
            return;
        };
        let results = stack[at..].to_vec();
        let mut objects = Vec::new();
        for id in w.first_new as usize..self.allocs.len() {
            if let Some(a) = self.allocs[id].as_deref() {
                if a.home != Home::Heap || !matches!(a.extra, Extra::None) {
                    return;
                }
                objects.push((
                    id as AllocId,
                    a.layout.clone(),
                    a.val.clone(),
                    a.size,
                    a.class,
                    a.site,
                ));
            }
        }
        let mut inputs_now = Vec::new();
        for id in w.input_ids() {
            match self.allocs.get(id as usize).and_then(|a| a.as_deref()) {
                Some(a) => inputs_now.push(a.val.clone()),
                None => return,
            }
        }
        // Pointers the effect keeps must name the call's heap objects or
        // memory that existed before it (never a dead frame).
        let ids: Vec<AllocId> = objects.iter().map(|o| o.0).collect();
        let ok = results
            .iter()
            .chain(inputs_now.iter())
            .chain(objects.iter().map(|o| &o.2))
            .all(|v| refs_only(v, w.first_new, &ids));
        if !ok {
            return;
        }
        let after = After {
            high_water: self.gs[gi].high_water,
            inputs_now,
            objects,
            results,
            steps: self.n.steps,
            stack_allocs: self.n.stack_allocs,
            frames: self.frame_seq,
        };
        self.memo.store(w, after);
    }
}
