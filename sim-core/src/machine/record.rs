//! Turns machine state into the trace: detailed steps with deltas of what
//! changed, summaries over hot code, and periodic full checkpoints.

use super::exec::{Frame as MFrame, GState, Machine};
use super::memory::{Extra, Home, Layout};
use super::value::*;
use super::Options;
use crate::hash::HashSet;
use crate::ir::{Span, Type, TypeId};
use crate::trace::{
    self, Counters, Delta, Event, FieldValue, GoroutineId, GoroutineState, HeapObject, ObjectId,
    ObjectState, Outcome, SourceSpan, Step, StepKind, Stream, Trace,
};
use std::collections::BTreeSet;

/// Values nest and repeat at most this much in the picture.
const MAX_ELEMS: usize = 16;
const MAX_STR: usize = 64;
const MAX_DEPTH: u32 = 4;
/// GC cycles inside summarized stretches that get a step of their own.
const GC_CYCLES_SHOWN: u32 = 3;
/// Frames of a deep stack drawn at its bottom and at its top.
const FRAMES_AT_BOTTOM: usize = 4;
const FRAMES_AT_TOP: usize = 60;
/// Live heap objects redrawn in full after a summarized stretch.
const RESYNC_ALL_OBJECTS: usize = 512;

#[derive(Default)]
pub struct Recorder {
    enabled: bool,
    detail: bool,
    open: Option<Step>,
    fold: Option<Fold>,
    /// Executions so far of the statement starting at each source byte.
    counts: Vec<u32>,
    steps: Vec<Step>,
    checkpoints: Vec<trace::Snapshot>,
    dirty_heap: BTreeSet<u32>,
    globals_dirty: bool,
    shown: HashSet<u32>,
    removed: Vec<u32>,
    detail_limit: u32,
    /// GC cycles recorded in detail from inside summarized stretches.
    gc_promoted: u32,
    checkpoint_every: u32,
    max_recorded: usize,
}

struct Fold {
    start: u64,
    goroutine: u32,
    span: Span,
    tallies: [u64; 6],
}

const TALLY_NAMES: [&str; 6] = [
    "call",
    "heap_alloc",
    "stack_alloc",
    "gc",
    "output",
    "goroutine",
];

pub fn span_of(s: Span) -> SourceSpan {
    SourceSpan {
        line: s.pos.line,
        col: s.pos.col,
        start: s.start,
        end: s.end,
    }
}

impl Recorder {
    pub fn new(opts: &Options) -> Self {
        Recorder {
            enabled: opts.record,
            detail_limit: opts.detail_limit,
            checkpoint_every: opts.checkpoint_every.max(1),
            max_recorded: opts.max_recorded,
            ..Default::default()
        }
    }

    /// Whether the current step is being recorded in detail.
    pub fn active(&self) -> bool {
        self.detail
    }

    pub fn detailed(&self) -> bool {
        self.detail
    }

    pub fn event(&mut self, e: Event) {
        if !self.enabled {
            return;
        }
        if self.detail {
            if let Some(s) = &mut self.open {
                s.events.push(e);
            }
            return;
        }
        if let Some(f) = &mut self.fold {
            let k = match e {
                Event::Call { .. } => 0,
                Event::HeapAlloc { .. } => 1,
                Event::StackAlloc { .. } => 2,
                Event::GcStart { .. } => 3,
                Event::Output { .. } => 4,
                Event::GoroutineStart { .. } => 5,
                _ => return,
            };
            f.tallies[k] += 1;
        }
    }

    /// Calls replayed from the memo cache while summarizing.
    pub fn tally_calls(&mut self, n: u64) {
        if let Some(f) = &mut self.fold {
            f.tallies[0] += n;
        }
    }

    pub fn touch(&mut self, id: u32) {
        if self.enabled {
            self.dirty_heap.insert(id);
        }
    }

    pub fn touch_globals(&mut self) {
        self.globals_dirty = true;
    }

    pub fn freed(&mut self, ids: &[u32]) {
        if !self.enabled {
            return;
        }
        for id in ids {
            self.dirty_heap.remove(id);
            if self.shown.remove(id) {
                self.removed.push(*id);
            }
        }
    }

    fn close(&mut self, m: &mut Machine) {
        if let Some(mut s) = self.open.take() {
            s.counters = counters(m);
            s.delta = self.delta(m);
            self.push(m, s);
        }
    }

    fn flush_fold(&mut self, m: &mut Machine) {
        if let Some(f) = self.fold.take() {
            self.resync(m);
            let mut events = Vec::new();
            for (i, n) in f.tallies.iter().enumerate() {
                if *n > 0 {
                    events.push((TALLY_NAMES[i].to_string(), *n));
                }
            }
            let s = Step {
                index: m.n.steps,
                kind: StepKind::Summary {
                    steps: m.n.steps - f.start,
                    events,
                },
                goroutine: GoroutineId(f.goroutine),
                span: span_of(f.span),
                events: vec![],
                counters: counters(m),
                delta: self.delta(m),
            };
            self.push(m, s);
        }
    }

    /// After a summarized stretch (whose writes and allocations were not
    /// tracked one by one) the next delta redraws the machine: every
    /// goroutine, and the live heap objects (all of them while few, else
    /// the ones the picture does not have yet).
    fn resync(&mut self, m: &mut Machine) {
        for g in m.gs.iter_mut() {
            g.dirty = true;
        }
        let all = m.heap_live.len() <= RESYNC_ALL_OBJECTS;
        for &id in &m.heap_live {
            if all || !self.shown.contains(&id) {
                self.dirty_heap.insert(id);
            }
        }
        self.globals_dirty = true;
    }

    fn push(&mut self, m: &mut Machine, s: Step) {
        let idx = self.steps.len();
        self.steps.push(s);
        if idx.is_multiple_of(self.checkpoint_every as usize) {
            let snap = full_snapshot(m, self.steps[idx].index);
            self.checkpoints.push(snap);
        }
    }

    fn delta(&mut self, m: &mut Machine) -> Delta {
        let mut d = Delta::default();
        for gi in 0..m.gs.len() {
            if m.gs[gi].dirty {
                m.gs[gi].dirty = false;
                d.goroutines.push(render_goroutine(m, gi));
            }
        }
        for id in std::mem::take(&mut self.dirty_heap) {
            if let Some(o) = render_object(m, id) {
                self.shown.insert(id);
                d.heap.push(o);
            }
        }
        d.heap_removed = std::mem::take(&mut self.removed)
            .into_iter()
            .map(ObjectId)
            .collect();
        crate::sort::ascending(&mut d.heap_removed);
        if std::mem::take(&mut self.globals_dirty) {
            d.globals = Some(render_globals(m));
        }
        d
    }

    /// Counts one more execution of the statement at `span`.
    fn count(&mut self, span: Span) -> u32 {
        let at = span.start as usize;
        if at >= self.counts.len() {
            self.counts.resize(at + 1, 0);
        }
        self.counts[at] = self.counts[at].saturating_add(1);
        self.counts[at]
    }

    /// Whether the `n`th execution of a statement is recorded in detail.
    fn in_detail(&self, n: u32) -> bool {
        n <= self.detail_limit && self.steps.len() < self.max_recorded
    }

    /// A statement boundary inside a summarized stretch that stays
    /// summarized: counted without touching the machine. False when the
    /// full [`Recorder::boundary`] is needed.
    pub fn boundary_in_fold(&mut self, span: Span) -> bool {
        if !self.enabled {
            return true;
        }
        if self.detail || self.fold.is_none() || self.open.is_some() {
            return false;
        }
        let at = span.start as usize;
        let seen = self.counts.get(at).copied().unwrap_or(0);
        if self.in_detail(seen.saturating_add(1)) {
            return false;
        }
        self.count(span);
        true
    }

    /// A statement boundary on goroutine `gi`.
    pub fn boundary(&mut self, m: &mut Machine, gi: usize, span: Span) {
        if !self.enabled {
            return;
        }
        self.close(m);
        let n = self.count(span);
        let detail = self.in_detail(n);
        if detail {
            self.flush_fold(m);
            self.detail = true;
            self.open = Some(Step {
                index: m.n.steps,
                goroutine: GoroutineId(m.gs[gi].id),
                span: span_of(span),
                ..Default::default()
            });
        } else {
            self.detail = false;
            if self.fold.is_none() {
                self.fold = Some(Fold {
                    start: m.n.steps.saturating_sub(1),
                    goroutine: m.gs[gi].id,
                    span,
                    tallies: [0; 6],
                });
            }
        }
    }

    /// A GC cycle starts inside a summarized stretch: the first few such
    /// cycles are recorded as steps of their own, so the picture shows the
    /// collector at work even in a hot loop. True when it switched.
    pub fn promote_gc(&mut self, m: &mut Machine, gi: usize, span: Span) -> bool {
        if !self.enabled
            || self.detail
            || self.gc_promoted >= GC_CYCLES_SHOWN
            || self.steps.len() >= self.max_recorded
        {
            return false;
        }
        self.gc_promoted += 1;
        self.close(m);
        self.flush_fold(m);
        self.detail = true;
        self.open = Some(Step {
            index: m.n.steps,
            goroutine: GoroutineId(m.gs.get(gi).map(|g| g.id).unwrap_or(1)),
            span: span_of(span),
            ..Default::default()
        });
        true
    }

    pub fn begin(&mut self, m: &mut Machine, span: Span) {
        if !self.enabled {
            return;
        }
        self.detail = true;
        self.open = Some(Step {
            index: m.n.steps,
            goroutine: GoroutineId(1),
            span: span_of(span),
            ..Default::default()
        });
    }

    pub fn finish(mut self, m: &mut Machine, outcome: Outcome) -> Trace {
        if self.enabled {
            self.close(m);
            self.flush_fold(m);
            // The end state.
            let last_span = self.steps.last().map(|s| s.span).unwrap_or_default();
            let s = Step {
                index: m.n.steps,
                goroutine: GoroutineId(1),
                span: last_span,
                counters: counters(m),
                delta: self.delta(m),
                ..Default::default()
            };
            self.push(m, s);
        }
        let mut stdout = String::new();
        let mut stderr = String::new();
        for (s, b) in &m.output {
            match s {
                Stream::Stdout => stdout.push_str(&String::from_utf8_lossy(b)),
                Stream::Stderr => stderr.push_str(&String::from_utf8_lossy(b)),
            }
        }
        Trace {
            version: trace::FORMAT_VERSION,
            steps: self.steps,
            checkpoints: self.checkpoints,
            checkpoint_every: self.checkpoint_every,
            detail_limit: self.detail_limit,
            counters: counters(m),
            outcome,
            output: m
                .output
                .iter()
                .map(|(s, b)| trace::OutputChunk {
                    stream: *s,
                    text: String::from_utf8_lossy(b).into_owned(),
                })
                .collect(),
            stdout,
            stderr,
        }
    }
}

pub fn counters(m: &Machine) -> Counters {
    let mut c = m.n.clone();
    c.stack_bytes =
        m.gs.iter()
            .filter(|g| g.state != GState::Exited)
            .map(|g| (GoroutineId(g.id), g.stack_size))
            .collect();
    c
}

fn full_snapshot(m: &mut Machine, step: u64) -> trace::Snapshot {
    let goroutines = (0..m.gs.len()).map(|gi| render_goroutine(m, gi)).collect();
    let mut ids = m.heap_live.clone();
    crate::sort::ascending(&mut ids);
    let heap = ids
        .into_iter()
        .filter_map(|id| render_object(m, id))
        .collect();
    trace::Snapshot {
        step,
        globals: render_globals(m),
        goroutines,
        heap,
    }
}

fn render_globals(m: &mut Machine) -> Vec<trace::Slot> {
    let g = m.globals;
    let vals = match m.alloc(g).map(|a| a.val.clone()) {
        Some(V::Agg(items)) => items,
        _ => return vec![],
    };
    let mut out = Vec::new();
    for (i, s) in m.c.globals.slots.iter().enumerate() {
        if s.hidden {
            continue;
        }
        let v = vals.get(i).cloned().unwrap_or_default();
        out.push(trace::Slot {
            name: s.name.clone(),
            object: ObjectId(g),
            addr: 0x5a0000 + s.off,
            offset: s.off,
            size: s.size,
            ty: super::fmt::type_name(m, s.ty),
            value: render_value(m, &v, s.ty, 0),
        });
    }
    out
}

fn render_goroutine(m: &mut Machine, gi: usize) -> trace::Goroutine {
    let g = &m.gs[gi];
    let state = match &g.state {
        GState::Exited => GoroutineState::Exited,
        GState::Blocked(r) => GoroutineState::Blocked {
            reason: r.to_string(),
        },
        GState::Runnable if gi == m.cur => GoroutineState::Running,
        GState::Runnable => GoroutineState::Runnable,
    };
    let stack = trace::Stack {
        hi: g.stack_hi,
        size: g.stack_size,
        sp: g.stack_hi - g.used,
        used: g.used,
    };
    let (id, func) = (g.id, g.func.clone());
    let ghosts = g.ghosts.clone();
    let nframes = g.frames.len();
    let mut frames = Vec::new();
    // A runaway recursion has a million frames: draw its bottom and top.
    let bottom = nframes.min(FRAMES_AT_BOTTOM);
    let top_start = nframes.saturating_sub(FRAMES_AT_TOP).max(bottom);
    let hidden = top_start - bottom;
    for fi in (0..bottom).chain(top_start..nframes) {
        if let Some(f) = render_frame_at(m, gi, fi) {
            frames.push(f);
        }
    }
    // Returned frames stay greyed until a new frame covers their bytes.
    let sp = stack.sp;
    for gh in ghosts {
        if gh.addr + gh.size <= sp && gh.addr >= stack.hi - stack.size {
            frames.push(gh);
        }
    }
    trace::Goroutine {
        id: GoroutineId(id),
        func,
        state,
        stack,
        frames,
        hidden_frames: hidden as u64,
    }
}

fn render_frame_at(m: &mut Machine, gi: usize, fi: usize) -> Option<trace::Frame> {
    let f = m.gs[gi].frames.get(fi)?;
    let (code, alloc, id, depth, span, sites) = (
        f.code.clone(),
        f.alloc,
        f.id,
        f.depth,
        f.span,
        f.sites.clone(),
    );
    let hi = m.gs[gi].stack_hi;
    frame_picture(m, hi, &code, alloc, id, depth, span, &sites)
}

pub fn render_frame(m: &mut Machine, gi: usize, f: &MFrame) -> Option<trace::Frame> {
    let hi = m.gs[gi].stack_hi;
    frame_picture(
        m,
        hi,
        &f.code.clone(),
        f.alloc,
        f.id,
        f.depth,
        f.span,
        &f.sites.clone(),
    )
}

#[allow(clippy::too_many_arguments)]
fn frame_picture(
    m: &mut Machine,
    hi: u64,
    code: &super::code::FuncCode,
    alloc: AllocId,
    id: u32,
    depth: u64,
    span: Span,
    sites: &[AllocId],
) -> Option<trace::Frame> {
    let size = code.layout.size;
    let addr = hi - depth - size;
    let vals = match m.alloc(alloc).map(|a| a.val.clone()) {
        Some(V::Agg(items)) => items,
        _ => return None,
    };
    let mut slots = Vec::new();
    for (i, s) in code.layout.slots.iter().enumerate() {
        if s.hidden {
            continue;
        }
        if let Some(site_alloc) = sites.iter().copied().find(|&a| matches!(m.alloc(a).map(|x| &x.home), Some(Home::StackSite { slot, .. }) if *slot as usize == i)) {
            let (ty, v) = object_value(m, site_alloc);
            slots.push(trace::Slot { name: s.name.clone(), object: ObjectId(site_alloc), addr: addr + s.off, offset: s.off, size: s.size, ty, value: v });
            continue;
        }
        if s.var.is_none() {
            continue;
        }
        let v = vals.get(i).cloned().unwrap_or_default();
        slots.push(trace::Slot {
            name: s.name.clone(),
            object: ObjectId(alloc),
            addr: addr + s.off,
            offset: s.off,
            size: s.size,
            ty: if s.moved {
                format!("*{}", super::fmt::type_name(m, s.var_ty))
            } else {
                super::fmt::type_name(m, s.ty)
            },
            value: if s.moved || s.access == super::code::Access::Indirect {
                match v {
                    V::Ptr(p) => trace::Value::Pointer(pointer(m, p)),
                    _ => trace::Value::Nil,
                }
            } else {
                render_value(m, &v, s.ty, 0)
            },
        });
    }
    Some(trace::Frame {
        id: trace::FrameId(id),
        func: code.name.clone(),
        addr,
        size,
        valid: true,
        span: span_of(span),
        slots,
    })
}

fn pointer(m: &Machine, p: Ptr) -> trace::Pointer {
    trace::Pointer {
        target: ObjectId(p.alloc),
        offset: p.off,
        addr: super::fmt::address(m, p),
    }
}

/// Type label and reason for a heap object.
pub fn object_labels(m: &Machine, id: AllocId) -> (String, String) {
    let Some(a) = m.alloc(id) else {
        return (String::new(), String::new());
    };
    let ty = match &a.layout {
        Layout::Typed(t) => super::fmt::type_name(m, *t),
        Layout::Array { elem, len } => format!("[{len}]{}", super::fmt::type_name(m, *elem)),
        Layout::Record => match (a.site, &a.val) {
            (_, V::Agg(_)) if (a.layout_is_error()) => String::new(),
            _ => "closure".into(),
        },
        Layout::Frame(_) | Layout::Globals => String::new(),
    };
    let reason = match a.site.and_then(|s| m.c.sites.get(s as usize)) {
        Some(s) if s.heap => s.reason.to_string(),
        Some(s) => format!("{} (runtime growth: always on the heap)", s.text),
        None => match &a.extra {
            Extra::Chan(_) => "channel: the runtime always allocates it on the heap".into(),
            Extra::Map(_) => "map: allocated by the runtime".into(),
            Extra::None => match &a.layout {
                Layout::Array { .. } => {
                    "allocated by the runtime (append growth, conversion or library call)".into()
                }
                Layout::Record => "error value allocated by the library".into(),
                _ => "allocated by the runtime".into(),
            },
        },
    };
    (ty, reason)
}

impl super::memory::Alloc {
    fn layout_is_error(&self) -> bool {
        false
    }
}

fn object_value(m: &mut Machine, id: AllocId) -> (String, trace::Value) {
    let Some(a) = m.alloc(id) else {
        return (String::new(), trace::Value::Nil);
    };
    let (layout, val, extra) = (a.layout.clone(), a.val.clone(), a.extra.clone());
    let (ty, _) = object_labels(m, id);
    let v = match (&layout, &extra) {
        (_, Extra::Map(md)) => {
            let (kt, vt) = match &layout {
                Layout::Typed(t) => match m.prog.types.under(*t) {
                    Type::Map { key, value } => (*key, *value),
                    _ => (TypeId(0), TypeId(0)),
                },
                _ => (TypeId(0), TypeId(0)),
            };
            let mut entries: Vec<(V, V)> = md.entries.iter().flatten().cloned().collect();
            crate::sort::by(&mut entries, |a, b| super::fmt::compare_keys(&a.0, &b.0));
            let more = entries.len().saturating_sub(MAX_ELEMS) as u64;
            let shown = entries
                .into_iter()
                .take(MAX_ELEMS)
                .map(|(k, v)| (render_value(m, &k, kt, 1), render_value(m, &v, vt, 1)))
                .collect();
            trace::Value::Entries {
                entries: shown,
                more,
            }
        }
        (_, Extra::Chan(c)) => {
            let n = c.buf.len();
            trace::Value::Opaque {
                text: format!(
                    "chan: {n}/{} buffered{}",
                    c.cap,
                    if c.closed { ", closed" } else { "" }
                ),
            }
        }
        (Layout::Typed(t), _) => render_value(m, &val, *t, 0),
        (Layout::Array { elem, .. }, _) => render_array(m, &val, *elem, 0),
        (Layout::Record, _) => match &val {
            V::Agg(items) => {
                let parts: Vec<trace::Value> = items
                    .iter()
                    .take(MAX_ELEMS)
                    .map(|v| match v {
                        V::Ptr(p) => trace::Value::Pointer(pointer(m, *p)),
                        V::Str(s) => trace::Value::Str {
                            text: crate::quote::quote_bytes(s, false),
                            len: s.len() as u64,
                            truncated: false,
                        },
                        V::Int(i) => trace::Value::Scalar {
                            text: i.to_string(),
                        },
                        _ => trace::Value::Opaque { text: "…".into() },
                    })
                    .collect();
                trace::Value::Array {
                    elems: parts,
                    more: 0,
                }
            }
            _ => trace::Value::Opaque {
                text: String::new(),
            },
        },
        _ => trace::Value::Opaque {
            text: String::new(),
        },
    };
    (ty, v)
}

fn render_object(m: &mut Machine, id: AllocId) -> Option<HeapObject> {
    let a = m.alloc(id)?;
    if a.home != Home::Heap {
        return None;
    }
    let (addr, size, class, born, site) = (a.addr, a.size, a.class, a.born, a.site);
    let (_, reason) = object_labels(m, id);
    let (flow, span) = match site.and_then(|s| m.c.sites.get(s as usize)) {
        Some(s) => (s.flow.to_vec(), span_of(s.span)),
        None => (vec![], SourceSpan::default()),
    };
    let (ty, value) = object_value(m, id);
    Some(HeapObject {
        id: ObjectId(id),
        addr,
        ty,
        size,
        size_class: class,
        reason,
        flow,
        site: span,
        born,
        state: ObjectState::Live,
        value,
    })
}

fn render_array(m: &mut Machine, v: &V, elem: TypeId, depth: u32) -> trace::Value {
    match v {
        V::Bytes(b) => trace::Value::Array {
            elems: b
                .iter()
                .take(MAX_ELEMS)
                .map(|x| trace::Value::Scalar {
                    text: x.to_string(),
                })
                .collect(),
            more: b.len().saturating_sub(MAX_ELEMS) as u64,
        },
        V::Agg(items) => trace::Value::Array {
            elems: items
                .iter()
                .take(MAX_ELEMS)
                .map(|x| render_value(m, x, elem, depth + 1))
                .collect(),
            more: items.len().saturating_sub(MAX_ELEMS) as u64,
        },
        _ => trace::Value::Nil,
    }
}

/// A value as the picture shows it.
pub fn render_value(m: &mut Machine, v: &V, ty: TypeId, depth: u32) -> trace::Value {
    if depth > MAX_DEPTH {
        return trace::Value::Opaque { text: "…".into() };
    }
    let shape = if (ty.0 as usize) < m.prog.types.len() {
        Some(m.prog.types.under(ty).clone())
    } else {
        None
    };
    match (v, shape) {
        (V::Nil, _) => trace::Value::Nil,
        (V::Bool(b), _) => trace::Value::Scalar {
            text: b.to_string(),
        },
        (V::Int(i), Some(Type::Basic(k))) if k.is_unsigned() => trace::Value::Scalar {
            text: (*i as u64).to_string(),
        },
        (V::Int(i), _) => trace::Value::Scalar {
            text: i.to_string(),
        },
        (V::Float(f), _) => trace::Value::Scalar {
            text: super::fmt::fmt_float_g(*f, false),
        },
        (V::Complex(re, im), _) => trace::Value::Scalar {
            text: super::fmt::fmt_complex_g(*re, *im, false),
        },
        (V::Str(s), _) => {
            let text = String::from_utf8_lossy(s);
            let truncated = text.chars().count() > MAX_STR;
            let cut: String = text.chars().take(MAX_STR).collect();
            trace::Value::Str {
                text: crate::quote::quote_str(&cut),
                len: s.len() as u64,
                truncated,
            }
        }
        (V::Ptr(p), _) => trace::Value::Pointer(pointer(m, *p)),
        (V::Slice(s), _) => trace::Value::Slice {
            ptr: Some(pointer(m, s.ptr)),
            len: s.len,
            cap: s.cap,
        },
        (V::Agg(items), Some(Type::Struct(fields))) => trace::Value::Struct {
            fields: fields
                .iter()
                .zip(items.iter())
                .map(|(f, x)| FieldValue {
                    name: f.name.clone(),
                    value: render_value(m, x, f.ty, depth + 1),
                })
                .collect(),
        },
        (V::Agg(_) | V::Bytes(_), Some(Type::Array { elem, .. })) => {
            render_array(m, v, elem, depth)
        }
        (V::Map(a), _) => {
            let len = match m.alloc(*a).map(|x| &x.extra) {
                Some(Extra::Map(md)) => md.len as u64,
                _ => 0,
            };
            trace::Value::Map {
                target: ObjectId(*a),
                addr: super::fmt::address(m, Ptr { alloc: *a, off: 0 }),
                len,
            }
        }
        (V::Chan(a), _) => trace::Value::Chan {
            target: ObjectId(*a),
            addr: super::fmt::address(m, Ptr { alloc: *a, off: 0 }),
        },
        (V::Func(f), _) => {
            let name = match &f.call {
                Callable::Func(id)
                | Callable::Closure(id)
                | Callable::Bound(id)
                | Callable::MethodExpr(id) => super::compile::go_func_name(m.prog, *id),
                Callable::BoundIface(n) | Callable::IfaceMethodExpr(n) => n.to_string(),
            };
            trace::Value::Func {
                name,
                closure: f.env.map(|p| pointer(m, p)),
            }
        }
        (V::Iface(i), _) => {
            let dyn_type = super::fmt::type_name(m, i.ty);
            let inner = match i.boxed {
                Some(b) if m.alloc(b).map(|a| a.home == Home::Heap).unwrap_or(false) => {
                    trace::Value::Pointer(pointer(m, Ptr { alloc: b, off: 0 }))
                }
                _ if i.ty.0 as usize >= m.prog.types.len() => trace::Value::Str {
                    text: crate::quote::quote_bytes(&super::stdlib::sentinel_msg(&i.val), false),
                    len: 0,
                    truncated: false,
                },
                _ => render_value(m, &i.val, i.ty, depth + 1),
            };
            trace::Value::Iface {
                dyn_type,
                value: Box::new(inner),
            }
        }
        (V::Agg(items), _) => trace::Value::Array {
            elems: items
                .iter()
                .take(MAX_ELEMS)
                .map(|x| render_value(m, x, TypeId(0), depth + 1))
                .collect(),
            more: 0,
        },
        (V::Bytes(_), _) => render_array(m, v, crate::ir::TypeTable::BYTE, depth),
        (V::Keys(_), _) => trace::Value::Opaque {
            text: "map iterator".into(),
        },
    }
}
