//! Runs goroutines op by op: calls push frames on an explicit stack (never
//! host recursion), blocking operations park the goroutine, panics unwind
//! through deferred calls, and the GC runs when the pacer says so.

use super::code::*;
use super::compile::Compiled;
use super::memory::*;
use super::record::Recorder;
use super::types::{is_byte, zero, IntKind, Shape, TypeCache};
use super::value::*;
use super::Options;
use crate::ir::{BinaryOp, FuncId, Program, Span, Type, TypeId, UnaryOp};
use crate::trace::{Counters, Event, GoroutineId, Outcome, Stream, Trace};
use std::collections::VecDeque;
use std::rc::Rc;

/// A method found for a dynamic type: the function, the embedded fields
/// (index, offset) leading to its receiver, and whether it takes a pointer.
pub type MethodPath = (FuncId, Vec<(u32, u64)>, bool);

/// Pseudo type ids for runtime-made values (never looked up in the table).
pub const RUNTIME_ERROR: TypeId = TypeId(u32::MAX - 1);
pub const ERROR_STRING: TypeId = TypeId(u32::MAX - 2);
pub const WRAP_ERROR: TypeId = TypeId(u32::MAX - 3);
pub const NUM_ERROR: TypeId = TypeId(u32::MAX - 4);
pub const JOIN_ERROR: TypeId = TypeId(u32::MAX - 5);
pub const OS_FILE: TypeId = TypeId(u32::MAX - 6);
pub const BOUNDS_ERROR: TypeId = TypeId(u32::MAX - 7);
pub const PLAIN_ERROR: TypeId = TypeId(u32::MAX - 8);
pub const PANIC_NIL_ERROR: TypeId = TypeId(u32::MAX - 10);

/// Whether a pseudo type is one of the runtime's `runtime.Error` types.
pub fn is_rt(t: TypeId) -> bool {
    matches!(
        t,
        RUNTIME_ERROR | BOUNDS_ERROR | PLAIN_ERROR | PANIC_NIL_ERROR
    )
}

/// An op [`Machine::step_fast`] handles, with its operand.
enum Fast {
    /// Integer arithmetic or comparison of the two values on top.
    IntBinary(BinaryOp, IntKind),
    Local(u32),
    SetLocal(u32),
    PushInt(i64),
    Jump(u32),
    JumpIfNot(u32),
    Step(Span),
}

/// Why a goroutine stopped executing ops.
pub enum Flow {
    /// A panic begins with this value.
    Panic(V),
    /// Park with this wait reason; the op is retried when woken.
    Block(&'static str),
    /// A fatal runtime error: print and exit 2.
    Fatal(String),
    Exit(i32),
    Unsupported(String),
}

type R<T> = Result<T, Flow>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Run,
    Returning,
    Panicking,
}

#[derive(Clone, Debug)]
pub struct DeferRec {
    pub target: Target,
    pub callee: Option<V>,
    pub args: Vec<V>,
}

pub struct Frame {
    pub code: Rc<FuncCode>,
    pub pc: usize,
    pub alloc: AllocId,
    pub id: u32,
    pub base: usize,
    /// Bytes from the stack's top (`hi`) to this frame's top.
    pub depth: u64,
    pub sites: Vec<AllocId>,
    pub defers: Vec<DeferRec>,
    pub mode: Mode,
    /// Push results to the caller (false for deferred and go calls).
    pub keep_results: bool,
    /// A deferred call (recover works directly inside it).
    pub deferred: bool,
    /// Synchronous native callback boundary (sort.Slice's less, Error()).
    pub sync: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct PanicRec {
    pub val: V,
    pub recovered: bool,
    pub repanicked: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GState {
    Runnable,
    Blocked(&'static str),
    Exited,
}

pub struct G {
    pub id: u32,
    pub func: String,
    pub frames: Vec<Frame>,
    pub stack: Vec<V>,
    pub state: GState,
    pub stack_hi: u64,
    pub stack_size: u64,
    pub used: u64,
    pub panics: Vec<PanicRec>,
    /// Values handed over by the goroutine that woke this one.
    pub wake: Option<Vec<V>>,
    /// Returned frames still drawn greyed: (depth, rendered frame).
    pub ghosts: Vec<crate::trace::Frame>,
    pub dirty: bool,
    pub max_stack: u64,
    /// The most stack bytes ever in use (for replayed calls' stack needs).
    pub high_water: u64,
}

pub struct Machine<'p> {
    pub prog: &'p Program,
    pub c: &'p Compiled,
    pub opts: Options,
    pub tc: TypeCache,
    pub allocs: Vec<Option<Box<Alloc>>>,
    pub heap_live: Vec<AllocId>,
    pub space: AddressSpace,
    pub gs: Vec<G>,
    pub cur: usize,
    pub runq: VecDeque<usize>,
    pub next: Option<usize>,
    pub globals: AllocId,
    pub n: Counters,
    pub output: Vec<(Stream, Vec<u8>)>,
    pub outcome: Option<Outcome>,
    pub rec: Recorder,
    pub frame_seq: u32,
    pub sync_depth: u32,
    pub heap_goal: u64,
    /// Set when a synchronous callback's frame finished.
    pub sync_done: bool,
    /// Each function's zeroed slots, built once.
    pub zero_frames: Vec<Option<Box<[V]>>>,
    /// Cached effects of repeated pure calls.
    pub memo: super::memo::Memo,
    /// Extra GC roots while a replay is half done.
    pub pins: Vec<V>,
}

const MIN_HEAP: u64 = 4 << 20;
const STACK_START: u64 = 2048;

impl<'p> Machine<'p> {
    pub fn new(prog: &'p Program, c: &'p Compiled, opts: Options) -> Self {
        let rec = Recorder::new(&opts);
        let mut m = Machine {
            prog,
            c,
            opts,
            tc: TypeCache::default(),
            allocs: Vec::new(),
            heap_live: Vec::new(),
            space: AddressSpace::default(),
            gs: Vec::new(),
            cur: 0,
            runq: VecDeque::new(),
            next: None,
            globals: 0,
            n: Counters::default(),
            output: Vec::new(),
            outcome: None,
            rec,
            frame_seq: 0,
            sync_depth: 0,
            heap_goal: MIN_HEAP,
            sync_done: false,
            zero_frames: Vec::new(),
            memo: Default::default(),
            pins: Vec::new(),
        };
        m.n.next_gc = MIN_HEAP;
        let mut vals = Vec::new();
        for s in &c.globals.slots {
            let v = if s.name == "os.Stdout" {
                V::Int(1)
            } else if s.name == "os.Stderr" {
                V::Int(2)
            } else {
                zero(prog, &mut m.tc, s.ty)
            };
            vals.push(v);
        }
        m.globals = m.new_alloc(Alloc {
            layout: Layout::Globals,
            val: V::Agg(vals.into_boxed_slice()),
            home: Home::Globals,
            size: c.globals.size,
            class: 0,
            addr: 0x5a0000,
            site: None,
            born: 0,
            marked: false,
            extra: Extra::None,
        });
        super::stdlib::init_globals(&mut m);
        m
    }

    fn new_alloc(&mut self, a: Alloc) -> AllocId {
        self.allocs.push(Some(Box::new(a)));
        (self.allocs.len() - 1) as AllocId
    }

    pub fn alloc(&self, id: AllocId) -> Option<&Alloc> {
        self.allocs.get(id as usize).and_then(|a| a.as_deref())
    }

    fn alloc_mut(&mut self, id: AllocId) -> Option<&mut Alloc> {
        self.allocs
            .get_mut(id as usize)
            .and_then(|a| a.as_deref_mut())
    }

    pub fn zero(&mut self, ty: TypeId) -> V {
        zero(self.prog, &mut self.tc, ty)
    }

    // ----- the run loop ----------------------------------------------

    pub fn run(&mut self) {
        let Some(main) = self.prog.main else {
            self.outcome = Some(Outcome::Unsupported {
                message: "no func main".into(),
            });
            return;
        };
        let Some(main_code) = self.code(main) else {
            self.outcome = Some(Outcome::Unsupported {
                message: "func main has no body".into(),
            });
            return;
        };
        self.spawn("main.main".into(), main_code, vec![], None);
        // Package initialisation, then init()s, run before main, on g1.
        let mut pre: Vec<Rc<FuncCode>> = Vec::new();
        if let Some(init) = &self.c.init {
            pre.push(init.clone());
        }
        for &f in &self.prog.inits {
            if let Some(code) = self.code(f) {
                pre.push(code);
            }
        }
        for code in pre.into_iter().rev() {
            if let Err(f) = self.push_frame(0, code, vec![], None, false, false) {
                self.handle_flow(f);
            }
        }
        self.next = None;
        self.cur = 0;
        let mut rec = std::mem::take(&mut self.rec);
        rec.begin(self, Span::default());
        self.rec = rec;
        while self.outcome.is_none() {
            self.run_current();
            if self.outcome.is_some() {
                break;
            }
            if !self.schedule() {
                break;
            }
        }
        if self.outcome.is_none() {
            self.outcome = Some(Outcome::Exited);
        }
    }

    pub fn finish(mut self) -> Trace {
        let outcome = self.outcome.take().unwrap_or_default();
        let rec = std::mem::take(&mut self.rec);
        rec.finish(&mut self, outcome)
    }

    fn code(&self, f: FuncId) -> Option<Rc<FuncCode>> {
        self.c.funcs.get(f.0 as usize).cloned().flatten()
    }

    /// Picks the next goroutine to run; false when none can (deadlock or
    /// all done).
    fn schedule(&mut self) -> bool {
        if self
            .gs
            .first()
            .map(|g| g.state == GState::Exited)
            .unwrap_or(true)
        {
            return false;
        }
        if self.gs[self.cur].state == GState::Runnable {
            return true;
        }
        loop {
            let pick = self.next.take().or_else(|| self.runq.pop_front());
            match pick {
                Some(i) if self.gs[i].state == GState::Runnable => {
                    self.cur = i;
                    return true;
                }
                Some(_) => continue,
                None => break,
            }
        }
        // Poll parked goroutines whose op may now succeed (select, locks).
        for i in 0..self.gs.len() {
            if matches!(self.gs[i].state, GState::Blocked(r) if r == "select" || r == "sync.Mutex.Lock" || r == "sync.WaitGroup.Wait" || r == "select (no cases)")
            {
                self.cur = i;
                self.gs[i].state = GState::Runnable;
                let before = self.n.steps;
                self.run_current();
                if self.outcome.is_some() {
                    return false;
                }
                if self.gs[i].state != GState::Blocked("select")
                    && self.gs[i].state != GState::Blocked("sync.Mutex.Lock")
                    && self.gs[i].state != GState::Blocked("sync.WaitGroup.Wait")
                    || self.n.steps != before
                {
                    return self.schedule_after_poll();
                }
            }
        }
        // Deadlock.
        let g = &self.gs[0];
        let reason = match &g.state {
            GState::Blocked(r) => *r,
            _ => "running",
        };
        let msg = "fatal error: all goroutines are asleep - deadlock!".to_string();
        self.write(
            Stream::Stderr,
            format!("{msg}\n\ngoroutine 1 [{reason}]:\n").as_bytes(),
        );
        self.write_traceback(0);
        self.outcome = Some(Outcome::Panicked { message: msg });
        false
    }

    fn schedule_after_poll(&mut self) -> bool {
        if self.outcome.is_some() {
            return false;
        }
        self.schedule()
    }

    pub fn ready(&mut self, gi: usize) {
        if self.gs[gi].state == GState::Exited {
            return;
        }
        self.gs[gi].state = GState::Runnable;
        self.gs[gi].dirty = true;
        if let Some(old) = self.next.replace(gi) {
            if old != gi {
                self.runq.push_back(old);
            }
        }
        self.rec.event(Event::GoroutineUnblock {
            goroutine: GoroutineId(self.gs[gi].id),
        });
    }

    pub fn spawn_pub(
        &mut self,
        name: String,
        code: Rc<FuncCode>,
        args: Vec<V>,
        env: Option<Ptr>,
    ) -> usize {
        self.spawn(name, code, args, env)
    }

    fn spawn(&mut self, name: String, code: Rc<FuncCode>, args: Vec<V>, env: Option<Ptr>) -> usize {
        let id = self.gs.len() as u32 + 1;
        let hi = self.space.stack(STACK_START) + STACK_START;
        self.gs.push(G {
            id,
            func: name.clone(),
            frames: Vec::new(),
            stack: Vec::new(),
            state: GState::Runnable,
            stack_hi: hi,
            stack_size: STACK_START,
            used: 0,
            panics: Vec::new(),
            wake: None,
            ghosts: Vec::new(),
            dirty: true,
            max_stack: STACK_START,
            high_water: 0,
        });
        self.n.goroutines += 1;
        self.n.max_stack_bytes = self.n.max_stack_bytes.max(STACK_START);
        let gi = self.gs.len() - 1;
        if let Err(f) = self.push_frame(gi, code, args, env, false, false) {
            let keep = self.cur;
            self.cur = gi;
            self.handle_flow(f);
            self.cur = keep;
        }
        if gi > 0 {
            self.rec.event(Event::GoroutineStart {
                goroutine: GoroutineId(id),
                func: name,
            });
            if let Some(old) = self.next.replace(gi) {
                self.runq.push_back(old);
            }
        }
        gi
    }

    /// Runs the current goroutine until it blocks, exits or the program ends.
    fn run_current(&mut self) {
        let gi = self.cur;
        let mut budget_check = 0u32;
        while self.outcome.is_none() && self.gs[gi].state == GState::Runnable {
            if self.gs[gi].frames.is_empty() {
                self.exit_goroutine(gi);
                return;
            }
            budget_check += 1;
            if budget_check > 4096 {
                budget_check = 0;
                if self.executed_steps() >= self.opts.step_limit {
                    self.stop_at_limit();
                    return;
                }
            }
            if let Err(f) = self.step_op(gi) {
                self.handle_flow(f);
            }
        }
    }

    /// Steps actually executed (replayed calls are not charged to the
    /// step budget: they cost almost nothing).
    pub fn executed_steps(&self) -> u64 {
        self.n.steps - self.memo.replayed_steps
    }

    fn stop_at_limit(&mut self) {
        let limit = self.opts.step_limit;
        self.outcome = Some(Outcome::StepLimit { limit });
        self.write(
            Stream::Stderr,
            format!(
                "escapade: stopped after {limit} steps (step budget); everything so far is kept\n"
            )
            .as_bytes(),
        );
    }

    fn exit_goroutine(&mut self, gi: usize) {
        self.gs[gi].state = GState::Exited;
        self.gs[gi].dirty = true;
        self.rec.event(Event::GoroutineExit {
            goroutine: GoroutineId(self.gs[gi].id),
        });
        if gi == 0 {
            self.outcome = Some(Outcome::Exited);
        }
    }

    pub fn handle_flow(&mut self, f: Flow) {
        let gi = self.cur;
        match f {
            Flow::Block(reason) => {
                // The op will be retried: leave pc on it.
                self.gs[gi].state = GState::Blocked(reason);
                self.gs[gi].dirty = true;
                self.rec.event(Event::GoroutineBlock {
                    goroutine: GoroutineId(self.gs[gi].id),
                    reason: reason.into(),
                });
            }
            Flow::Panic(v) => self.start_panic(gi, v),
            Flow::Fatal(msg) => {
                self.write(Stream::Stderr, format!("{msg}\n").as_bytes());
                let first = msg.lines().last().unwrap_or("").to_string();
                self.write(
                    Stream::Stderr,
                    format!("\ngoroutine {} [running]:\n", self.gs[gi].id).as_bytes(),
                );
                self.write_traceback(gi);
                self.outcome = Some(Outcome::Panicked { message: first });
            }
            Flow::Exit(code) => {
                self.outcome = Some(if code == 0 {
                    Outcome::Exited
                } else {
                    Outcome::ExitCode { code }
                });
            }
            Flow::Unsupported(msg) => {
                self.write(
                    Stream::Stderr,
                    format!("escapade: not supported yet: {msg}\n").as_bytes(),
                );
                self.outcome = Some(Outcome::Unsupported { message: msg });
            }
        }
    }

    pub fn write(&mut self, s: Stream, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        self.rec.event(Event::Output {
            stream: s,
            text: String::from_utf8_lossy(bytes).into_owned(),
        });
        match self.output.last_mut() {
            Some((last, buf)) if *last == s => buf.extend_from_slice(bytes),
            _ => self.output.push((s, bytes.to_vec())),
        }
    }

    /// The goroutine's frames, innermost first; like the runtime, a deep
    /// stack prints its innermost and outermost 50 frames only.
    fn write_traceback(&mut self, gi: usize) {
        const EDGE: usize = 50;
        let frames = &self.gs[gi].frames;
        let n = frames.len();
        let mut text = String::new();
        for (i, f) in frames.iter().rev().enumerate() {
            if n > 2 * EDGE && i >= EDGE && i < n - EDGE {
                if i == EDGE {
                    text.push_str(&format!("...{} frames elided...\n", n - 2 * EDGE));
                }
                continue;
            }
            text.push_str(&format!(
                "{}(...)\n\t./prog.go:{}\n",
                f.code.name, f.span.pos.line
            ));
        }
        self.write(Stream::Stderr, text.as_bytes());
    }

    // ----- frames ----------------------------------------------------

    /// Pushes a frame for `code` with `args` on goroutine `gi`.
    pub fn push_frame(
        &mut self,
        gi: usize,
        code: Rc<FuncCode>,
        args: Vec<V>,
        env: Option<Ptr>,
        keep_results: bool,
        deferred: bool,
    ) -> R<()> {
        let size = code.layout.size;
        // Grow the stack (doubling, copying) when the frame does not fit.
        let need = self.gs[gi].used + size;
        if need > self.gs[gi].stack_size {
            let mut new_size = self.gs[gi].stack_size;
            while new_size < need {
                new_size *= 2;
            }
            if new_size > self.opts.max_stack {
                return Err(Flow::Fatal(
                    "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow".into(),
                ));
            }
            let old = self.gs[gi].stack_size;
            let hi = self.space.stack(new_size) + new_size;
            let g = &mut self.gs[gi];
            g.stack_size = new_size;
            g.stack_hi = hi;
            g.max_stack = g.max_stack.max(new_size);
            g.ghosts.clear();
            g.dirty = true;
            self.n.max_stack_bytes = self.n.max_stack_bytes.max(new_size);
            let id = GoroutineId(self.gs[gi].id);
            self.rec.event(Event::StackGrowth {
                goroutine: id,
                old_size: old,
                new_size,
            });
        }
        let fi = code.func.0 as usize;
        if self.zero_frames.len() <= fi {
            self.zero_frames.resize(fi + 1, None);
        }
        let mut slots = match &self.zero_frames[fi] {
            Some(z) if z.len() == code.layout.slots.len() => z.to_vec(),
            _ => {
                let mut z = Vec::with_capacity(code.layout.slots.len());
                for s in &code.layout.slots {
                    z.push(if s.access == Access::Indirect {
                        V::Nil
                    } else {
                        self.zero(s.ty)
                    });
                }
                self.zero_frames[fi] = Some(z.clone().into_boxed_slice());
                z
            }
        };
        let mut args = args.into_iter();
        for &ps in &code.param_slots {
            if let Some(a) = args.next() {
                slots[ps as usize] = a;
            }
        }
        if let Some(env) = env {
            // Captures (or the bound receiver) from the closure record.
            let rec = self.load_raw(env);
            if let V::Agg(items) = rec {
                for (&cs, v) in code.capture_slots.iter().zip(items.iter()) {
                    slots[cs as usize] = v.clone();
                }
            }
        }
        let depth = self.gs[gi].used;
        self.gs[gi].used += size;
        self.gs[gi].high_water = self.gs[gi].high_water.max(self.gs[gi].used);
        self.frame_seq += 1;
        let fid = self.frame_seq;
        let alloc = self.new_alloc(Alloc {
            layout: Layout::Frame(code.clone()),
            val: V::Agg(slots.into_boxed_slice()),
            home: Home::Frame { g: gi as u32 },
            size,
            class: 0,
            addr: 0,
            site: None,
            born: self.n.steps,
            marked: false,
            extra: Extra::None,
        });
        let base = self.gs[gi].stack.len();
        let span = code.span;
        let g = &mut self.gs[gi];
        // Ghost frames overlapped by the new one are gone.
        g.ghosts.retain(|f| f.size == 0);
        g.frames.push(Frame {
            code: code.clone(),
            pc: 0,
            alloc,
            id: fid,
            base,
            depth,
            sites: Vec::new(),
            defers: Vec::new(),
            mode: Mode::Run,
            keep_results,
            deferred,
            sync: false,
            span,
        });
        g.dirty = true;
        self.n.stack_allocs += code
            .layout
            .slots
            .iter()
            .filter(|s| !s.hidden && !s.moved)
            .count() as u64;
        if self.opts.record {
            self.rec.event(Event::Call {
                goroutine: GoroutineId(self.gs[gi].id),
                frame: crate::trace::FrameId(fid),
                func: code.name.clone(),
            });
        }
        // Parameters and results moved to the heap.
        for &(slot, site) in &code.entry_sites {
            let cur = self.frame_slot(gi, slot);
            let ty = code.layout.slots[slot as usize].var_ty;
            let init = match cur {
                V::Nil if code.result_slots.contains(&slot) => self.zero(ty),
                v => v,
            };
            let p = self.heap_alloc(ty, init, site)?;
            self.set_frame_slot(gi, slot, V::Ptr(p));
        }
        Ok(())
    }

    fn frame_slot(&self, gi: usize, slot: u32) -> V {
        let f = match self.gs[gi].frames.last() {
            Some(f) => f,
            None => return V::Nil,
        };
        match self.alloc(f.alloc).map(|a| &a.val) {
            Some(V::Agg(items)) => items.get(slot as usize).cloned().unwrap_or_default(),
            _ => V::Nil,
        }
    }

    fn set_frame_slot(&mut self, gi: usize, slot: u32, v: V) {
        let Some(f) = self.gs[gi].frames.last() else {
            return;
        };
        let id = f.alloc;
        if let Some(a) = self.alloc_mut(id) {
            if let V::Agg(items) = &mut a.val {
                if let Some(s) = items.get_mut(slot as usize) {
                    *s = v;
                }
            }
        }
    }

    /// Pops the top frame, keeping its picture as an invalid frame.
    fn pop_frame(&mut self, gi: usize) -> Option<Frame> {
        let f = self.gs[gi].frames.pop()?;
        if self.rec.detailed() {
            if let Some(mut pic) = super::record::render_frame(self, gi, &f) {
                pic.valid = false;
                self.gs[gi].ghosts.push(pic);
            }
        }
        let returned = f.mode == Mode::Returning && f.keep_results && !f.sync;
        self.memo.popped(gi, self.gs[gi].frames.len(), returned);
        let g = &mut self.gs[gi];
        g.used = f.depth;
        g.stack.truncate(f.base);
        g.dirty = true;
        for &s in &f.sites {
            if let Some(slot) = self.allocs.get_mut(s as usize) {
                *slot = None;
            }
        }
        if let Some(slot) = self.allocs.get_mut(f.alloc as usize) {
            *slot = None;
        }
        if self.opts.record {
            self.rec.event(Event::Return {
                goroutine: GoroutineId(self.gs[gi].id),
                frame: crate::trace::FrameId(f.id),
                func: f.code.name.clone(),
            });
        }
        Some(f)
    }

    /// Finishes the top frame: runs defers, then returns or keeps
    /// unwinding a panic.
    fn unwind(&mut self, gi: usize) -> R<()> {
        loop {
            let Some(f) = self.gs[gi].frames.last_mut() else {
                return Ok(());
            };
            if let Some(d) = f.defers.pop() {
                return self.call_deferred(gi, d);
            }
            let mode = f.mode;
            let sync = f.sync;
            if mode == Mode::Panicking {
                // Was the panic recovered by one of this frame's defers?
                let recovered = self.gs[gi]
                    .panics
                    .last()
                    .map(|p| p.recovered)
                    .unwrap_or(false);
                if recovered {
                    self.gs[gi].panics.clear();
                    if let Some(f) = self.gs[gi].frames.last_mut() {
                        f.mode = Mode::Returning;
                    }
                    continue;
                }
                if sync {
                    // A native callback panicked: hand the panic back.
                    let f = self.pop_frame(gi);
                    let _ = f;
                    return Err(Flow::Block("sync-panic"));
                }
                self.pop_frame(gi);
                match self.gs[gi].frames.last_mut() {
                    Some(parent) => {
                        parent.mode = Mode::Panicking;
                        continue;
                    }
                    None => {
                        self.die_of_panic(gi);
                        return Ok(());
                    }
                }
            }
            // Normal return: collect results before the frame is released.
            let (alloc, code, keep) = match self.gs[gi].frames.last() {
                Some(f) => (f.alloc, f.code.clone(), f.keep_results || f.sync),
                None => return Ok(()),
            };
            let mut results = Vec::new();
            if keep {
                for &rs in &code.result_slots {
                    let info = &code.layout.slots[rs as usize];
                    let v = match self.alloc(alloc).map(|a| &a.val) {
                        Some(V::Agg(items)) => items.get(rs as usize).cloned().unwrap_or_default(),
                        _ => V::Nil,
                    };
                    let v = if info.access == Access::Indirect {
                        match v {
                            V::Ptr(p) => self.load(p, info.var_ty)?,
                            _ => V::Nil,
                        }
                    } else {
                        v
                    };
                    results.push(v);
                }
            }
            let Some(f) = self.pop_frame(gi) else {
                return Ok(());
            };
            if f.sync {
                self.gs[gi].stack.extend(results);
                return Err(Flow::Block("sync-return"));
            }
            if f.keep_results {
                self.gs[gi].stack.extend(results);
                if self.memo.returned() {
                    self.memo_finish(gi);
                }
            }
            if self.gs[gi].frames.is_empty() {
                self.exit_goroutine(gi);
            } else if let Some(parent) = self.gs[gi].frames.last() {
                if parent.mode != Mode::Run {
                    continue;
                }
            }
            return Ok(());
        }
    }

    fn die_of_panic(&mut self, gi: usize) {
        let mut text = String::new();
        let panics = self.gs[gi].panics.clone();
        for (i, p) in panics.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            text.push_str("panic: ");
            let t = self.panic_text(&p.val);
            text.push_str(&t);
            if t.ends_with("nil pointer dereference") && !p.recovered {
                text.push_str(
                    "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]",
                );
            }
            if p.repanicked {
                text.push_str(" [recovered, repanicked]");
            } else if p.recovered {
                text.push_str(" [recovered]");
            }
            text.push('\n');
        }
        let first = text.lines().next().unwrap_or("panic").to_string();
        text.push_str(&format!("\ngoroutine {} [running]:\n", self.gs[gi].id));
        self.write(Stream::Stderr, text.as_bytes());
        self.outcome = Some(Outcome::Panicked { message: first });
    }

    fn start_panic(&mut self, gi: usize, v: V) {
        if self.gs[gi].frames.is_empty() {
            return;
        }
        let msg = self.panic_text(&v);
        self.rec.event(Event::Panic {
            goroutine: GoroutineId(self.gs[gi].id),
            message: msg,
        });
        // Re-panicking with the value just recovered replaces its record.
        let repanic = self.gs[gi]
            .panics
            .last()
            .map(|p| p.recovered && !p.repanicked && values_identical(&p.val, &v))
            .unwrap_or(false);
        if repanic {
            self.gs[gi].panics.pop();
        }
        self.gs[gi].panics.push(PanicRec {
            val: v,
            recovered: false,
            repanicked: repanic,
        });
        if let Some(f) = self.gs[gi].frames.last_mut() {
            f.mode = Mode::Panicking;
        }
        self.gs[gi].dirty = true;
    }

    pub fn panic_text(&mut self, v: &V) -> String {
        super::fmt::panic_value(self, v)
    }

    fn call_deferred(&mut self, gi: usize, d: DeferRec) -> R<()> {
        self.invoke(gi, d.target, d.callee, d.args, false, true)
    }

    // ----- executing ops ---------------------------------------------

    #[inline(always)]
    fn pop(&mut self, gi: usize) -> V {
        self.gs[gi].stack.pop().unwrap_or_default()
    }

    fn popn(&mut self, gi: usize, n: usize) -> Vec<V> {
        let st = &mut self.gs[gi].stack;
        let at = st.len().saturating_sub(n);
        st.split_off(at)
    }

    #[inline(always)]
    fn push(&mut self, gi: usize, v: V) {
        self.gs[gi].stack.push(v);
    }

    pub fn step_op_pub(&mut self, gi: usize) -> R<()> {
        self.step_op(gi)
    }

    pub fn start_panic_pub(&mut self, gi: usize, v: V) {
        self.start_panic(gi, v)
    }

    #[inline(always)]
    fn step_op(&mut self, gi: usize) -> R<()> {
        let Some(f) = self.gs[gi].frames.last() else {
            return Ok(());
        };
        if f.mode != Mode::Run {
            return match self.unwind(gi) {
                Err(Flow::Block("sync-return")) | Err(Flow::Block("sync-panic")) => {
                    self.sync_done = true;
                    Ok(())
                }
                r => r,
            };
        }
        let pc = f.pc;
        if let Some(r) = self.step_fast(gi) {
            return r;
        }
        let Some(f) = self.gs[gi].frames.last() else {
            return Ok(());
        };
        let code = f.code.clone();
        let Some(op) = code.ops.get(pc) else {
            if let Some(f) = self.gs[gi].frames.last_mut() {
                f.mode = Mode::Returning;
            }
            return Ok(());
        };
        // Advance first; blocking ops rewind.
        if let Some(f) = self.gs[gi].frames.last_mut() {
            f.pc = pc + 1;
        }
        let r = self.exec(gi, op);
        if let Err(Flow::Block(reason)) = &r {
            if !reason.starts_with("sync-") {
                if let Some(f) = self.gs[gi].frames.last_mut() {
                    if f.code.func == code.func && f.pc == pc + 1 {
                        f.pc = pc;
                    }
                }
            }
        }
        r
    }

    /// A statement boundary: one machine step, and one for the recorder.
    #[inline(always)]
    fn statement(&mut self, gi: usize, span: Span) {
        if let Some(f) = self.gs[gi].frames.last_mut() {
            f.span = span;
        }
        self.n.steps += 1;
        if self.opts.record && !self.rec.boundary_in_fold(span) {
            let mut rec = std::mem::take(&mut self.rec);
            rec.boundary(self, gi, span);
            self.rec = rec;
        }
    }

    /// The commonest ops (statement boundaries, locals, integer constants
    /// and arithmetic, jumps), done without the general dispatch in
    /// [`Machine::exec`]: a tight Go loop is mostly these, and the general
    /// path costs several times more per op. The top frame is running
    /// (`Mode::Run`); `None` when the op needs the general path.
    #[inline(always)]
    fn step_fast(&mut self, gi: usize) -> Option<R<()>> {
        let g = &mut self.gs[gi];
        let f = g.frames.last_mut()?;
        let fast = match f.code.ops.get(f.pc) {
            Some(Op::Binary(op, Num::Int { bits, signed }))
                if matches!(g.stack.as_slice(), [.., V::Int(_), V::Int(_)]) =>
            {
                Fast::IntBinary(
                    *op,
                    IntKind {
                        bits: *bits,
                        signed: *signed,
                    },
                )
            }
            Some(Op::Local(s)) => Fast::Local(*s),
            Some(Op::SetLocal(s)) => Fast::SetLocal(*s),
            Some(Op::Push(V::Int(i))) => Fast::PushInt(*i),
            Some(Op::Jump(t)) => Fast::Jump(*t),
            Some(Op::JumpIfNot(t)) => Fast::JumpIfNot(*t),
            Some(Op::Step(span)) => Fast::Step(*span),
            _ => return None,
        };
        f.pc += 1;
        let alloc = f.alloc;
        match fast {
            Fast::Local(s) => self.local(gi, alloc, s),
            Fast::SetLocal(s) => self.set_local(gi, alloc, s),
            Fast::PushInt(i) => self.gs[gi].stack.push(V::Int(i)),
            Fast::IntBinary(op, k) => {
                let st = &mut self.gs[gi].stack;
                let (Some(V::Int(y)), Some(V::Int(x))) = (st.pop(), st.pop()) else {
                    return Some(Ok(()));
                };
                match int_binary(op, k, x, y) {
                    Ok(v) => st.push(v),
                    Err(msg) => return Some(Err(rt_error(msg.into()))),
                }
            }
            Fast::Jump(t) => self.jump(gi, t),
            Fast::JumpIfNot(t) => {
                if !self.gs[gi].stack.pop().unwrap_or_default().bool() {
                    self.jump(gi, t);
                }
            }
            Fast::Step(span) => self.statement(gi, span),
        }
        Some(Ok(()))
    }

    /// Pushes slot `s` of frame `alloc`.
    #[inline(always)]
    fn local(&mut self, gi: usize, alloc: AllocId, s: u32) {
        let v = match self.allocs.get(alloc as usize).and_then(|a| a.as_deref()) {
            Some(Alloc {
                val: V::Agg(items), ..
            }) => match items.get(s as usize) {
                Some(V::Int(i)) => V::Int(*i),
                Some(v) => v.clone(),
                None => V::Nil,
            },
            _ => V::Nil,
        };
        self.gs[gi].stack.push(v);
    }

    /// Pops a value into slot `s` of frame `alloc`.
    #[inline(always)]
    fn set_local(&mut self, gi: usize, alloc: AllocId, s: u32) {
        let v = self.gs[gi].stack.pop().unwrap_or_default();
        if let Some(Some(a)) = self.allocs.get_mut(alloc as usize) {
            if let V::Agg(items) = &mut a.val {
                if let Some(slot) = items.get_mut(s as usize) {
                    *slot = v;
                }
            }
        }
        if self.rec.active() {
            self.gs[gi].dirty = true;
        }
    }

    #[inline(always)]
    fn cur_frame_alloc(&self, gi: usize) -> AllocId {
        self.gs[gi]
            .frames
            .last()
            .map(|f| f.alloc)
            .unwrap_or(u32::MAX)
    }

    fn exec(&mut self, gi: usize, op: &Op) -> R<()> {
        match op {
            Op::Step(span) => self.statement(gi, *span),
            Op::Push(v) => self.push(gi, v.clone()),
            Op::Zero(t) => {
                let z = self.zero(*t);
                self.push(gi, z);
            }
            Op::Pop => {
                self.pop(gi);
            }
            Op::Dup => {
                let v = self.gs[gi].stack.last().cloned().unwrap_or_default();
                self.push(gi, v);
            }
            Op::Local(s) => self.local(gi, self.cur_frame_alloc(gi), *s),
            Op::SetLocal(s) => self.set_local(gi, self.cur_frame_alloc(gi), *s),
            Op::LocalAddr(s) => {
                let a = self.cur_frame_alloc(gi);
                let off = self.gs[gi]
                    .frames
                    .last()
                    .and_then(|f| f.code.layout.slots.get(*s as usize))
                    .map(|x| x.off)
                    .unwrap_or(0);
                self.push(gi, V::Ptr(Ptr { alloc: a, off }));
            }
            Op::Global(i) => {
                let v = match self.alloc(self.globals).map(|a| &a.val) {
                    Some(V::Agg(items)) => items.get(*i as usize).cloned().unwrap_or_default(),
                    _ => V::Nil,
                };
                self.push(gi, v);
            }
            Op::GlobalAddr(i) => {
                let off = self
                    .c
                    .globals
                    .slots
                    .get(*i as usize)
                    .map(|s| s.off)
                    .unwrap_or(0);
                self.push(
                    gi,
                    V::Ptr(Ptr {
                        alloc: self.globals,
                        off,
                    }),
                );
            }
            Op::Load(t) => {
                let p = self.pop(gi);
                let v = self.load_v(&p, *t)?;
                self.push(gi, v);
            }
            Op::Store(t) => {
                let v = self.pop(gi);
                let p = self.pop(gi);
                match p {
                    V::Ptr(p) => self.store(p, *t, v)?,
                    _ => return Err(nil_deref()),
                }
            }
            Op::NilCheck => {
                if !matches!(self.gs[gi].stack.last(), Some(V::Ptr(_))) {
                    return Err(nil_deref());
                }
            }
            Op::FieldAddr(off) => match self.pop(gi) {
                V::Ptr(p) => self.push(
                    gi,
                    V::Ptr(Ptr {
                        alloc: p.alloc,
                        off: p.off + off,
                    }),
                ),
                _ => return Err(nil_deref()),
            },
            Op::Field(i) => {
                let v = self.pop(gi);
                let f = match v {
                    V::Agg(items) => items.get(*i as usize).cloned().unwrap_or_default(),
                    _ => V::Nil,
                };
                self.push(gi, f);
            }
            Op::SliceIndexAddr { esize } => {
                let i = self.pop(gi).int();
                let s = self.pop(gi);
                let (ptr, len) = match s {
                    V::Slice(s) => (s.ptr, s.len),
                    _ => (NIL_PTR, 0),
                };
                if i < 0 || i as u64 >= len {
                    return Err(rt_error(format!(
                        "index out of range [{i}] with length {len}"
                    )));
                }
                self.push(
                    gi,
                    V::Ptr(Ptr {
                        alloc: ptr.alloc,
                        off: ptr.off + i as u64 * esize,
                    }),
                );
            }
            Op::ArrayIndexAddr { len, esize } => {
                let i = self.pop(gi).int();
                let p = self.pop(gi);
                let V::Ptr(p) = p else {
                    return Err(nil_deref());
                };
                if i < 0 || (*len != u64::MAX && i as u64 >= *len) {
                    return Err(rt_error(format!(
                        "index out of range [{i}] with length {len}"
                    )));
                }
                self.push(
                    gi,
                    V::Ptr(Ptr {
                        alloc: p.alloc,
                        off: p.off + i as u64 * esize,
                    }),
                );
            }
            Op::ArrayIndex { len, .. } => {
                let i = self.pop(gi).int();
                let a = self.pop(gi);
                if i < 0 || i as u64 >= *len {
                    return Err(rt_error(format!(
                        "index out of range [{i}] with length {len}"
                    )));
                }
                let v = match a {
                    V::Agg(items) => items.get(i as usize).cloned().unwrap_or_default(),
                    V::Bytes(b) => V::Int(b.get(i as usize).unwrap_or(0) as i64),
                    _ => V::Nil,
                };
                self.push(gi, v);
            }
            Op::StrIndex => {
                let i = self.pop(gi).int();
                let s = self.pop(gi);
                let b = s.str();
                if i < 0 || i as usize >= b.len() {
                    return Err(rt_error(format!(
                        "index out of range [{i}] with length {}",
                        b.len()
                    )));
                }
                let c = b[i as usize];
                self.push(gi, V::Int(c as i64));
            }
            Op::SliceOf {
                kind,
                low,
                high,
                max,
                esize,
                len,
            } => {
                let mx = if *max { Some(self.pop(gi).int()) } else { None };
                let hi = if *high {
                    Some(self.pop(gi).int())
                } else {
                    None
                };
                let lo = if *low { self.pop(gi).int() } else { 0 };
                let base = self.pop(gi);
                self.slice_of(gi, *kind, base, lo, hi, mx, *esize, *len)?;
            }
            Op::Unary(op, n) => {
                let v = self.pop(gi);
                let r = unary(*op, *n, v);
                self.push(gi, r);
            }
            Op::Binary(op, n) => {
                let b = self.pop(gi);
                let a = self.pop(gi);
                let r = self.binary(*op, *n, a, b)?;
                self.push(gi, r);
            }
            Op::Convert { from, to } => {
                let v = self.pop(gi);
                let r = self.convert(v, *from, *to)?;
                self.push(gi, r);
            }
            Op::Jump(t) => self.jump(gi, *t),
            Op::JumpIf(t) => {
                if self.pop(gi).bool() {
                    self.jump(gi, *t);
                }
            }
            Op::JumpIfNot(t) => {
                if !self.pop(gi).bool() {
                    self.jump(gi, *t);
                }
            }
            Op::JumpIfKeep(t) => {
                if self.gs[gi].stack.last().map(|v| v.bool()).unwrap_or(false) {
                    self.jump(gi, *t);
                } else {
                    self.pop(gi);
                }
            }
            Op::JumpIfNotKeep(t) => {
                if !self.gs[gi].stack.last().map(|v| v.bool()).unwrap_or(false) {
                    self.jump(gi, *t);
                } else {
                    self.pop(gi);
                }
            }
            Op::Call {
                target,
                nargs,
                nres,
                spread,
            } => {
                let _ = (nres, spread);
                let args = self.popn(gi, *nargs as usize);
                let callee = if matches!(target, Target::Value) {
                    Some(self.pop(gi))
                } else {
                    None
                };
                return self.invoke(gi, target.clone(), callee, args, true, false);
            }
            Op::Defer { target, nargs, .. } => {
                let args = self.popn(gi, *nargs as usize);
                let callee = if matches!(target, Target::Value) {
                    Some(self.pop(gi))
                } else {
                    None
                };
                if let Some(f) = self.gs[gi].frames.last_mut() {
                    f.defers.push(DeferRec {
                        target: target.clone(),
                        callee,
                        args,
                    });
                }
            }
            Op::Go { target, nargs, .. } => {
                let args = self.popn(gi, *nargs as usize);
                let callee = if matches!(target, Target::Value) {
                    Some(self.pop(gi))
                } else {
                    None
                };
                self.go(target.clone(), callee, args)?;
            }
            Op::Return | Op::End => {
                if let Some(f) = self.gs[gi].frames.last_mut() {
                    f.mode = Mode::Returning;
                }
                return self.unwind_wrap(gi);
            }
            Op::New { ty, site } => {
                let z = self.zero(*ty);
                let p = self.allocate(gi, *ty, z, *site)?;
                self.push(gi, V::Ptr(p));
            }
            Op::Alloc { ty, site } => {
                let v = self.pop(gi);
                let p = self.allocate(gi, *ty, v, *site)?;
                self.push(gi, V::Ptr(p));
            }
            Op::MakeSlice { elem, site, cap } => {
                let c = if *cap { Some(self.pop(gi).int()) } else { None };
                let l = self.pop(gi).int();
                let c = c.unwrap_or(l);
                if l < 0 {
                    return Err(rt_error("makeslice: len out of range".into()));
                }
                if c < l {
                    return Err(rt_error("makeslice: cap out of range".into()));
                }
                if c as u64 > (1 << 34) {
                    return Err(rt_error("makeslice: len out of range".into()));
                }
                let s = self.make_slice(gi, *elem, l as u64, c as u64, Some(*site))?;
                self.push(gi, V::Slice(s));
            }
            Op::MakeMap { ty, site } => {
                let a = self.new_map(gi, *ty, Some(*site))?;
                self.push(gi, V::Map(a));
            }
            Op::MakeChan { ty, size } => {
                let n = if *size { self.pop(gi).int() } else { 0 };
                if n < 0 {
                    return Err(rt_error("makechan: size out of range".into()));
                }
                let a = self.new_chan(*ty, n as u64)?;
                self.push(gi, V::Chan(a));
            }
            Op::MkAgg { n, byte } => {
                let items = self.popn(gi, *n as usize);
                if *byte {
                    let b: Vec<u8> = items.iter().map(|v| v.int() as u8).collect();
                    self.push(gi, V::Bytes(ByteArr::from_vec(b)));
                } else {
                    self.push(gi, V::Agg(items.into_boxed_slice()));
                }
            }
            Op::SetElem(i) => {
                let v = self.pop(gi);
                if let Some(top) = self.gs[gi].stack.last_mut() {
                    match top {
                        V::Agg(items) => {
                            if let Some(x) = items.get_mut(*i as usize) {
                                *x = v;
                            }
                        }
                        V::Bytes(b) => {
                            if let Some(x) = b.get_mut(*i as usize) {
                                *x = v.int() as u8;
                            }
                        }
                        _ => {}
                    }
                }
            }
            Op::SliceLit { elem, n, site } => {
                let items = self.popn(gi, *n as usize);
                let s = self.make_slice(gi, *elem, *n as u64, *n as u64, Some(*site))?;
                self.store_elems(s.ptr, 0, *elem, items)?;
                self.push(gi, V::Slice(s));
            }
            Op::MapLit { ty, n, site } => {
                let kv = self.popn(gi, 2 * *n as usize);
                let a = self.new_map(gi, *ty, Some(*site))?;
                let mut it = kv.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.map_set(a, k, v)?;
                }
                self.push(gi, V::Map(a));
            }
            Op::Closure { func, n, site } => {
                let caps = self.popn(gi, *n as usize);
                let env = match site {
                    Some(site) => {
                        let rec = V::Agg(caps.into_boxed_slice());
                        Some(self.allocate(gi, TypeId(u32::MAX - 9), rec, *site)?)
                    }
                    None => None,
                };
                self.push(
                    gi,
                    V::Func(Rc::new(FuncV {
                        call: Callable::Closure(*func),
                        env,
                    })),
                );
            }
            Op::MethodValue { func, site } => {
                let recv = self.pop(gi);
                let env = match site {
                    Some(site) => Some(self.allocate(
                        gi,
                        TypeId(u32::MAX - 9),
                        V::Agg(vec![recv].into_boxed_slice()),
                        *site,
                    )?),
                    None => None,
                };
                self.push(
                    gi,
                    V::Func(Rc::new(FuncV {
                        call: Callable::Bound(*func),
                        env,
                    })),
                );
            }
            Op::IfaceMethodValue { name, site } => {
                let recv = self.pop(gi);
                if recv.is_nil() {
                    return Err(nil_deref());
                }
                let env = match site {
                    Some(site) => Some(self.allocate(
                        gi,
                        TypeId(u32::MAX - 9),
                        V::Agg(vec![recv].into_boxed_slice()),
                        *site,
                    )?),
                    None => None,
                };
                self.push(
                    gi,
                    V::Func(Rc::new(FuncV {
                        call: Callable::BoundIface(name.clone()),
                        env,
                    })),
                );
            }
            Op::FuncVal(f) => self.push(
                gi,
                V::Func(Rc::new(FuncV {
                    call: Callable::Func(*f),
                    env: None,
                })),
            ),
            Op::MethodExpr(f) => self.push(
                gi,
                V::Func(Rc::new(FuncV {
                    call: Callable::MethodExpr(*f),
                    env: None,
                })),
            ),
            Op::IfaceMethodExpr(n) => self.push(
                gi,
                V::Func(Rc::new(FuncV {
                    call: Callable::IfaceMethodExpr(n.clone()),
                    env: None,
                })),
            ),
            Op::Box { ty, site } => {
                let v = self.pop(gi);
                if matches!(v, V::Iface(_)) {
                    self.push(gi, v);
                    return Ok(());
                }
                let boxed = match site {
                    Some(site) => Some(self.allocate(gi, *ty, v.clone(), *site)?.alloc),
                    None => None,
                };
                self.push(
                    gi,
                    V::Iface(Rc::new(IfaceV {
                        ty: *ty,
                        val: v,
                        boxed,
                    })),
                );
            }
            Op::TypeAssert { ty, comma_ok } => {
                let v = self.pop(gi);
                let ok = self.type_matches(&v, Some(*ty));
                let target_iface = self.prog.types.is_interface(*ty);
                if *comma_ok {
                    let r = if ok {
                        if target_iface {
                            v
                        } else {
                            unbox(v)
                        }
                    } else {
                        self.zero(*ty)
                    };
                    self.push(gi, r);
                    self.push(gi, V::Bool(ok));
                } else if ok {
                    let r = if target_iface { v } else { unbox(v) };
                    self.push(gi, r);
                } else {
                    let have = match &v {
                        V::Iface(i) => super::fmt::type_name(self, i.ty),
                        _ => "nil".into(),
                    };
                    let want = super::fmt::type_name(self, *ty);
                    let msg = if target_iface {
                        if matches!(v, V::Nil) {
                            format!("interface conversion: interface is nil, not {want}")
                        } else {
                            let missing = self.missing_method(&v, *ty).unwrap_or_default();
                            format!("interface conversion: {have} is not {want}: missing method {missing}")
                        }
                    } else {
                        format!("interface conversion: interface {{}} is {have}, not {want}")
                    };
                    return Err(Flow::Panic(V::Iface(Rc::new(IfaceV {
                        ty: RUNTIME_ERROR,
                        val: V::string(&msg),
                        boxed: None,
                    }))));
                }
            }
            Op::TypeIs(t) => {
                let v = self.pop(gi);
                let ok = match t {
                    None => v.is_nil(),
                    Some(t) => self.type_matches(&v, Some(*t)),
                };
                self.push(gi, V::Bool(ok));
            }
            Op::MapGet { ty, comma_ok } => {
                let k = self.pop(gi);
                let m = self.pop(gi);
                let vty = match self.prog.types.under(*ty) {
                    Type::Map { value, .. } => *value,
                    _ => TypeId(0),
                };
                let found = match m {
                    V::Map(a) => self.map_get(a, &k),
                    _ => None,
                };
                let ok = found.is_some();
                let v = match found {
                    Some(v) => v,
                    None => self.zero(vty),
                };
                self.push(gi, v);
                if *comma_ok {
                    self.push(gi, V::Bool(ok));
                }
            }
            Op::MapSet { .. } => {
                let v = self.pop(gi);
                let k = self.pop(gi);
                let m = self.pop(gi);
                match m {
                    V::Map(a) => self.map_set(a, k, v)?,
                    _ => return Err(Flow::Panic(plain_error("assignment to entry in nil map"))),
                }
            }
            Op::Recv { elem, .. } => {
                let ch = self.gs[gi].stack.last().cloned().unwrap_or_default();
                let r = self.chan_recv(gi, &ch, *elem)?;
                self.pop(gi);
                self.push(gi, r.0);
                self.push(gi, V::Bool(r.1));
            }
            Op::Send => {
                let n = self.gs[gi].stack.len();
                if n < 2 {
                    return Ok(());
                }
                let ch = self.gs[gi].stack[n - 2].clone();
                let v = self.gs[gi].stack[n - 1].clone();
                self.chan_send(gi, &ch, v)?;
                self.popn(gi, 2);
            }
            Op::Select(cases) => return self.select(gi, cases),
            Op::Len => {
                let v = self.pop(gi);
                let n = match &v {
                    V::Str(s) => s.len() as i64,
                    V::Slice(s) => s.len as i64,
                    V::Map(a) => match self.alloc(*a).map(|a| &a.extra) {
                        Some(Extra::Map(m)) => m.len as i64,
                        _ => 0,
                    },
                    V::Chan(a) => match self.alloc(*a).map(|a| &a.extra) {
                        Some(Extra::Chan(c)) => c.buf.len() as i64,
                        _ => 0,
                    },
                    V::Keys(k) => k.len() as i64,
                    V::Agg(a) => a.len() as i64,
                    V::Bytes(b) => b.len() as i64,
                    _ => 0,
                };
                self.push(gi, V::Int(n));
            }
            Op::Cap => {
                let v = self.pop(gi);
                let n = match &v {
                    V::Slice(s) => s.cap as i64,
                    V::Chan(a) => match self.alloc(*a).map(|a| &a.extra) {
                        Some(Extra::Chan(c)) => c.cap as i64,
                        _ => 0,
                    },
                    _ => 0,
                };
                self.push(gi, V::Int(n));
            }
            Op::Append {
                elem,
                n,
                spread,
                site,
                grow_in_buffer,
            } => {
                let extra = if *spread {
                    let s = self.pop(gi);
                    self.slice_elems(&s, *elem)?
                } else {
                    self.popn(gi, *n as usize)
                };
                let s = self.pop(gi);
                let r = self.append(gi, s, *elem, extra, *site, *spread, *grow_in_buffer)?;
                self.push(gi, r);
            }
            Op::ComplexPart { imag } => {
                let (re, im) = self.pop(gi).complex();
                self.push(gi, V::Float(if *imag { im } else { re }));
            }
            Op::MakeComplex => {
                let im = self.pop(gi).float();
                let re = self.pop(gi).float();
                self.push(gi, V::Complex(re, im));
            }
            Op::MoveSliceToHeap {
                elem,
                keep_cap,
                site,
            } => {
                let s = self.pop(gi);
                let r = self.move_slice_to_heap(s, *elem, *keep_cap, *site)?;
                self.push(gi, r);
            }
            Op::Copy { esize } => {
                let src = self.pop(gi);
                let dst = self.pop(gi);
                let n = self.copy_slices(dst, src, *esize)?;
                self.push(gi, V::Int(n as i64));
            }
            Op::Delete => {
                let k = self.pop(gi);
                let m = self.pop(gi);
                if let V::Map(a) = m {
                    self.map_delete(a, &k);
                }
            }
            Op::Clear => {
                let m = self.pop(gi);
                if let V::Map(a) = m {
                    if let Some(al) = self.alloc_mut(a) {
                        al.extra = Extra::Map(Box::default());
                    }
                }
            }
            Op::Close => {
                let ch = self.pop(gi);
                self.chan_close(&ch)?;
            }
            Op::Panic => {
                let v = self.pop(gi);
                let v = if v.is_nil() {
                    V::Iface(Rc::new(IfaceV {
                        ty: PANIC_NIL_ERROR,
                        val: V::string("runtime error: panic called with nil argument"),
                        boxed: None,
                    }))
                } else {
                    v
                };
                return Err(Flow::Panic(v));
            }
            Op::Recover => {
                // recover works only directly in a deferred call while panicking.
                let nframes = self.gs[gi].frames.len();
                let ok = nframes >= 2
                    && self.gs[gi].frames[nframes - 1].deferred
                    && self.gs[gi].frames[nframes - 2].mode == Mode::Panicking;
                let mut r = V::Nil;
                if ok {
                    if let Some(p) = self.gs[gi].panics.last_mut() {
                        if !p.recovered {
                            p.recovered = true;
                            r = p.val.clone();
                            self.rec.event(Event::Recover {
                                goroutine: GoroutineId(self.gs[gi].id),
                            });
                        }
                    }
                }
                self.push(gi, r);
            }
            Op::Print { n, ln, types } => {
                let args = self.popn(gi, *n as usize);
                let mut out = String::new();
                for (i, (a, t)) in args.iter().zip(types.iter()).enumerate() {
                    if *ln && i > 0 {
                        out.push(' ');
                    }
                    out.push_str(&super::fmt::print_builtin(self, a, *t));
                }
                if *ln {
                    out.push('\n');
                }
                self.write(Stream::Stderr, out.as_bytes());
            }
            Op::MinMax { n, max, num } => {
                let args = self.popn(gi, *n as usize);
                let mut best: Option<V> = None;
                for a in args {
                    best = Some(match best {
                        None => a,
                        Some(b) => {
                            let less = self
                                .binary(BinaryOp::Lt, *num, a.clone(), b.clone())?
                                .bool();
                            let isnan = matches!(a, V::Float(f) if f.is_nan());
                            if isnan || (less != *max && a != b) {
                                a
                            } else {
                                b
                            }
                        }
                    });
                }
                self.push(gi, best.unwrap_or_default());
            }
            Op::FreshVar {
                slot,
                ty,
                site,
                copy,
            } => {
                let old = self.frame_slot(gi, *slot);
                let init = match (copy, old) {
                    (true, V::Ptr(p)) => self.load(p, *ty)?,
                    _ => self.zero(*ty),
                };
                let p = self.heap_alloc(*ty, init, *site)?;
                self.set_frame_slot(gi, *slot, V::Ptr(p));
                self.gs[gi].dirty = true;
            }
            Op::MapKeys => {
                let m = self.pop(gi);
                let keys = match m {
                    V::Map(a) => match self.alloc(a).map(|a| &a.extra) {
                        Some(Extra::Map(md)) => md
                            .entries
                            .iter()
                            .flatten()
                            .map(|(k, _)| k.clone())
                            .collect(),
                        _ => vec![],
                    },
                    _ => vec![],
                };
                self.push(gi, V::Keys(Rc::new(keys)));
            }
            Op::MapIterGet { ty } => {
                let i = self.pop(gi).int();
                let keys = self.pop(gi);
                let m = self.pop(gi);
                let k = match &keys {
                    V::Keys(k) => k.get(i as usize).cloned().unwrap_or_default(),
                    _ => V::Nil,
                };
                let found = match m {
                    V::Map(a) => self.map_get(a, &k),
                    _ => None,
                };
                let vty = match self.prog.types.under(*ty) {
                    Type::Map { value, .. } => *value,
                    _ => TypeId(0),
                };
                let ok = found.is_some();
                let v = match found {
                    Some(v) => v,
                    None => self.zero(vty),
                };
                self.push(gi, k);
                self.push(gi, v);
                self.push(gi, V::Bool(ok));
            }
            Op::DecodeRune => {
                let i = self.pop(gi).int() as usize;
                let s = self.pop(gi);
                let (r, w) = decode_rune(s.str().get(i..).unwrap_or(b""));
                self.push(gi, V::Int(r as i64));
                self.push(gi, V::Int(w as i64));
            }
            Op::Unsupported(what) => return Err(Flow::Unsupported(what.to_string())),
        }
        Ok(())
    }

    fn unwind_wrap(&mut self, gi: usize) -> R<()> {
        match self.unwind(gi) {
            Err(Flow::Block("sync-return")) | Err(Flow::Block("sync-panic")) => {
                self.sync_done = true;
                Ok(())
            }
            r => r,
        }
    }

    fn jump(&mut self, gi: usize, t: u32) {
        if let Some(f) = self.gs[gi].frames.last_mut() {
            f.pc = t as usize;
        }
    }
}

/// Integer arithmetic and comparison of type `k`, wrapping as Go does;
/// the error is the runtime error's message.
#[inline(always)]
fn int_binary(op: BinaryOp, k: IntKind, x: i64, y: i64) -> Result<V, &'static str> {
    use BinaryOp::*;
    Ok(match op {
        Add => V::Int(k.wrap(x.wrapping_add(y))),
        Sub => V::Int(k.wrap(x.wrapping_sub(y))),
        Mul => V::Int(k.wrap(x.wrapping_mul(y))),
        Div | Rem => {
            if y == 0 {
                return Err("integer divide by zero");
            }
            let r = if k.signed {
                if op == Div {
                    x.wrapping_div(y)
                } else {
                    x.wrapping_rem(y)
                }
            } else {
                let (ux, uy) = (x as u64, y as u64);
                (if op == Div { ux / uy } else { ux % uy }) as i64
            };
            V::Int(k.wrap(r))
        }
        And => V::Int(x & y),
        Or => V::Int(x | y),
        Xor => V::Int(k.wrap(x ^ y)),
        AndNot => V::Int(x & !y),
        Shl => {
            if y < 0 {
                return Err("negative shift amount");
            }
            V::Int(if y >= 64 {
                0
            } else {
                k.wrap(x.wrapping_shl(y as u32))
            })
        }
        Shr => {
            if y < 0 {
                return Err("negative shift amount");
            }
            let y = y.min(63) as u32;
            V::Int(if k.signed {
                x >> y
            } else if y >= 64 {
                0
            } else {
                k.wrap(((x as u64) >> y) as i64)
            })
        }
        Eq => V::Bool(x == y),
        Ne => V::Bool(x != y),
        Lt | Le | Gt | Ge => {
            let ord = if k.signed {
                x.cmp(&y)
            } else {
                (x as u64).cmp(&(y as u64))
            };
            V::Bool(cmp_op(op, ord))
        }
        LogAnd => V::Bool(x != 0 && y != 0),
        LogOr => V::Bool(x != 0 || y != 0),
    })
}

pub fn nil_deref() -> Flow {
    Flow::Panic(V::Iface(Rc::new(IfaceV {
        ty: RUNTIME_ERROR,
        val: V::string("runtime error: invalid memory address or nil pointer dereference"),
        boxed: None,
    })))
}

pub fn rt_error(msg: String) -> Flow {
    let ty = if msg.starts_with("index out of range") || msg.starts_with("slice bounds") {
        BOUNDS_ERROR
    } else {
        RUNTIME_ERROR
    };
    Flow::Panic(V::Iface(Rc::new(IfaceV {
        ty,
        val: V::string(&format!("runtime error: {msg}")),
        boxed: None,
    })))
}

pub fn plain_error(msg: &str) -> V {
    V::Iface(Rc::new(IfaceV {
        ty: PLAIN_ERROR,
        val: V::string(msg),
        boxed: None,
    }))
}

fn unbox(v: V) -> V {
    match v {
        V::Iface(i) => i.val.clone(),
        v => v,
    }
}

fn values_identical(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Iface(x), V::Iface(y)) => Rc::ptr_eq(x, y) || (x.ty == y.ty && x.val == y.val),
        _ => a == b,
    }
}

pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    if b.is_empty() {
        return (0xFFFD, 0);
    }
    let c0 = b[0];
    if c0 < 0x80 {
        return (c0 as u32, 1);
    }
    let n = if c0 & 0xE0 == 0xC0 {
        2
    } else if c0 & 0xF0 == 0xE0 {
        3
    } else if c0 & 0xF8 == 0xF0 {
        4
    } else {
        return (0xFFFD, 1);
    };
    if b.len() < n {
        return (0xFFFD, 1);
    }
    match std::str::from_utf8(&b[..n]) {
        Ok(s) => (s.chars().next().map(|c| c as u32).unwrap_or(0xFFFD), n),
        Err(_) => (0xFFFD, 1),
    }
}

fn unary(op: UnaryOp, n: Num, v: V) -> V {
    match (op, v) {
        (UnaryOp::Neg, V::Int(i)) => V::Int(wrap(n, i.wrapping_neg())),
        (UnaryOp::Neg, V::Float(f)) => V::Float(round_f(n, -f)),
        (UnaryOp::Neg, V::Complex(re, im)) => V::Complex(round_f(n, -re), round_f(n, -im)),
        (UnaryOp::Not, V::Bool(b)) => V::Bool(!b),
        (UnaryOp::BitNot, V::Int(i)) => V::Int(wrap(n, !i)),
        (_, v) => v,
    }
}

/// The runtime's `complex128div`: like the textbook formula, but a
/// zero or infinite divisor gives the infinities and NaNs IEEE implies.
fn complex_div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let (e, f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        // Correct final result to infinities and zeros if applicable.
        // Matches C99: ISO/IEC 9899:1999 - G.5.1  Multiplicative operators.
        let (mut a, mut b, mut c, mut d) = (a, b, c, d);
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            return (f64::INFINITY.copysign(c) * a, f64::INFINITY.copysign(c) * b);
        }
        if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            a = (if a.is_infinite() { 1.0f64 } else { 0.0f64 }).copysign(a);
            b = (if b.is_infinite() { 1.0f64 } else { 0.0f64 }).copysign(b);
            return (
                f64::INFINITY * (a * c + b * d),
                f64::INFINITY * (b * c - a * d),
            );
        }
        if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            c = (if c.is_infinite() { 1.0f64 } else { 0.0f64 }).copysign(c);
            d = (if d.is_infinite() { 1.0f64 } else { 0.0f64 }).copysign(d);
            return (0.0 * (a * c + b * d), 0.0 * (b * c - a * d));
        }
    }
    (e, f)
}

pub fn wrap(n: Num, v: i64) -> i64 {
    match n {
        Num::Int { bits, signed } => IntKind { bits, signed }.wrap(v),
        _ => v,
    }
}

fn round_f(n: Num, f: f64) -> f64 {
    match n {
        Num::Float(32) | Num::Complex(64) => f as f32 as f64,
        _ => f,
    }
}

impl<'p> Machine<'p> {
    pub fn binary(&mut self, op: BinaryOp, n: Num, a: V, b: V) -> R<V> {
        use BinaryOp::*;
        Ok(match (a, b) {
            (V::Int(x), V::Int(y)) => {
                let k = match n {
                    Num::Int { bits, signed } => IntKind { bits, signed },
                    _ => IntKind {
                        bits: 64,
                        signed: true,
                    },
                };
                return int_binary(op, k, x, y).map_err(|m| rt_error(m.into()));
            }
            (V::Complex(a, b), V::Complex(c, d)) => {
                let r = |x: f64| round_f(n, x);
                match op {
                    Add => V::Complex(r(a + c), r(b + d)),
                    Sub => V::Complex(r(a - c), r(b - d)),
                    Mul => V::Complex(r(a * c - b * d), r(a * d + b * c)),
                    Div => {
                        let (re, im) = complex_div(a, b, c, d);
                        V::Complex(r(re), r(im))
                    }
                    Eq => V::Bool(a == c && b == d),
                    Ne => V::Bool(a != c || b != d),
                    _ => V::Complex(a, b),
                }
            }
            (V::Float(x), V::Float(y)) => match op {
                Add => V::Float(round_f(n, x + y)),
                Sub => V::Float(round_f(n, x - y)),
                Mul => V::Float(round_f(n, x * y)),
                Div => V::Float(round_f(n, x / y)),
                Eq => V::Bool(x == y),
                Ne => V::Bool(x != y),
                Lt => V::Bool(x < y),
                Le => V::Bool(x <= y),
                Gt => V::Bool(x > y),
                Ge => V::Bool(x >= y),
                _ => V::Float(x),
            },
            (V::Str(x), V::Str(y)) => match op {
                Add => {
                    let mut s = Vec::with_capacity(x.len() + y.len());
                    s.extend_from_slice(&x);
                    s.extend_from_slice(&y);
                    V::Str(Rc::from(s))
                }
                Eq => V::Bool(x == y),
                Ne => V::Bool(x != y),
                Lt | Le | Gt | Ge => V::Bool(cmp_op(op, x.cmp(&y))),
                _ => V::Str(x),
            },
            (V::Bool(x), V::Bool(y)) => match op {
                Eq => V::Bool(x == y),
                Ne => V::Bool(x != y),
                LogAnd => V::Bool(x && y),
                LogOr => V::Bool(x || y),
                _ => V::Bool(x),
            },
            (a, b) => match op {
                Eq => V::Bool(self.equal(&a, &b)?),
                Ne => V::Bool(!self.equal(&a, &b)?),
                _ => a,
            },
        })
    }

    pub fn equal(&mut self, a: &V, b: &V) -> R<bool> {
        Ok(match (a, b) {
            (V::Iface(x), V::Iface(y)) => {
                if x.ty != y.ty && !self.prog.types.identical(x.ty, y.ty) {
                    return Ok(false);
                }
                if matches!(x.ty, ERROR_STRING | WRAP_ERROR | NUM_ERROR | JOIN_ERROR) {
                    return Ok(Rc::ptr_eq(x, y) || (x.boxed.is_some() && x.boxed == y.boxed));
                }
                if matches!(x.val, V::Func(_))
                    || matches!(
                        self.prog.types.under(x.ty),
                        Type::Slice(_) | Type::Map { .. } | Type::Func(_)
                    )
                {
                    let t = super::fmt::type_name(self, x.ty);
                    return Err(rt_error(format!("comparing uncomparable type {t}")));
                }
                self.equal(&x.val, &y.val)?
            }
            (V::Agg(x), V::Agg(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    if !self.equal(p, q)? {
                        return Ok(false);
                    }
                }
                true
            }
            (V::Float(x), V::Float(y)) => x == y,
            (V::Func(_), V::Func(_)) => false,
            _ => a == b,
        })
    }

    pub fn convert(&mut self, v: V, from: TypeId, to: TypeId) -> R<V> {
        let ft = self.tc.get(&self.prog.types, from);
        let tt = self.tc.get(&self.prog.types, to);
        Ok(match (&ft.shape, &tt.shape, v) {
            (_, Shape::Int(k), V::Int(i)) => V::Int(k.wrap(i)),
            (_, Shape::Int(k), V::Float(f)) => {
                let i = if k.signed || f < 0.0 {
                    f as i64
                } else {
                    f as u64 as i64
                };
                V::Int(k.wrap(i))
            }
            (Shape::Int(k), Shape::Float(b), V::Int(i)) => {
                let f = if k.signed { i as f64 } else { i as u64 as f64 };
                V::Float(if *b == 32 { f as f32 as f64 } else { f })
            }
            (_, Shape::Float(b), V::Float(f)) => {
                V::Float(if *b == 32 { f as f32 as f64 } else { f })
            }
            (_, Shape::Complex, V::Complex(re, im)) => {
                let small = self
                    .prog
                    .types
                    .basic_kind(to)
                    .is_some_and(|k| k.canonical() == crate::ir::BasicKind::Complex64);
                if small {
                    V::Complex(re as f32 as f64, im as f32 as f64)
                } else {
                    V::Complex(re, im)
                }
            }
            (Shape::Int(_), Shape::String, V::Int(i)) => {
                let c = char::from_u32(i as u32)
                    .filter(|_| (0..=0x10FFFF).contains(&i))
                    .unwrap_or('\u{FFFD}');
                V::string(&c.to_string())
            }
            (Shape::String, Shape::Slice(e), V::Str(s)) => {
                let e = *e;
                if is_byte(&self.prog.types, e) {
                    let n = s.len() as u64;
                    let sl = self.make_slice(self.cur, e, n, n, None)?;
                    if let Some(a) = self.alloc_mut(sl.ptr.alloc) {
                        if let V::Bytes(b) = &mut a.val {
                            b.write_at(0, &s);
                        }
                    }
                    V::Slice(sl)
                } else {
                    let runes: Vec<i64> = String::from_utf8_lossy(&s)
                        .chars()
                        .map(|c| c as i64)
                        .collect();
                    let n = runes.len() as u64;
                    let sl = self.make_slice(self.cur, e, n, n, None)?;
                    if let Some(a) = self.alloc_mut(sl.ptr.alloc) {
                        if let V::Agg(items) = &mut a.val {
                            for (i, r) in runes.into_iter().enumerate() {
                                items[i] = V::Int(r);
                            }
                        }
                    }
                    V::Slice(sl)
                }
            }
            (Shape::Slice(e), Shape::String, v) => {
                let e = *e;
                let items = self.slice_elems(&v, e)?;
                if is_byte(&self.prog.types, e) {
                    let b: Vec<u8> = items.iter().map(|x| x.int() as u8).collect();
                    V::Str(Rc::from(b))
                } else {
                    let s: String = items
                        .iter()
                        .map(|x| char::from_u32(x.int() as u32).unwrap_or('\u{FFFD}'))
                        .collect();
                    V::string(&s)
                }
            }
            (_, _, v) => v,
        })
    }

    pub fn type_matches(&mut self, v: &V, t: Option<TypeId>) -> bool {
        let Some(t) = t else { return v.is_nil() };
        let V::Iface(i) = v else { return false };
        if self.prog.types.is_interface(t) {
            return self.missing_method(v, t).is_none();
        }
        i.ty == t || (i.ty.0 < u32::MAX - 16 && self.prog.types.identical(i.ty, t))
    }

    /// The first method of interface `t` that `v`'s dynamic type lacks.
    pub fn missing_method(&mut self, v: &V, t: TypeId) -> Option<String> {
        let V::Iface(i) = v else {
            return Some(String::new());
        };
        let methods: Vec<String> = match self.prog.types.under(t) {
            Type::Interface(it) => it.methods.iter().map(|m| m.name.clone()).collect(),
            _ => vec![],
        };
        methods
            .into_iter()
            .find(|m| self.find_method(i.ty, m).is_none())
    }

    /// Finds method `name` for dynamic type `ty`: the function and the path
    /// of embedded fields to reach its receiver.
    pub fn find_method(&self, ty: TypeId, name: &str) -> Option<MethodPath> {
        if ty.0 >= u32::MAX - 16 {
            return if name == "Error"
                && (is_rt(ty) || matches!(ty, ERROR_STRING | WRAP_ERROR | NUM_ERROR | JOIN_ERROR))
            {
                Some((FuncId(u32::MAX), vec![], false))
            } else if name == "Unwrap" && matches!(ty, WRAP_ERROR | NUM_ERROR) {
                Some((FuncId(u32::MAX - 1), vec![], false))
            } else {
                None
            };
        }
        let types = &self.prog.types;
        let (base, is_ptr) = match types.get(types.unalias(ty)) {
            Type::Pointer(e) => (*e, true),
            _ => (ty, false),
        };
        self.find_method_in(base, is_ptr, name, 0)
    }

    fn find_method_in(
        &self,
        base: TypeId,
        is_ptr: bool,
        name: &str,
        depth: u32,
    ) -> Option<MethodPath> {
        if depth > 8 {
            return None;
        }
        let types = &self.prog.types;
        if let Some(n) = types.named_of(base) {
            for m in &types.named[n].methods {
                if m.name == name && (!m.pointer_receiver || is_ptr || depth > 0) {
                    return Some((m.func, vec![], m.pointer_receiver));
                }
            }
        }
        if let Type::Struct(fields) = types.under(base) {
            let offs = types.field_offsets(base);
            for (i, f) in fields.iter().enumerate() {
                if !f.embedded {
                    continue;
                }
                let (fb, fp) = match types.get(types.unalias(f.ty)) {
                    Type::Pointer(e) => (*e, true),
                    _ => (f.ty, is_ptr),
                };
                if let Some((func, mut path, pr)) = self.find_method_in(fb, fp, name, depth + 1) {
                    path.insert(0, (i as u32, offs.get(i).copied().unwrap_or(0)));
                    return Some((func, path, pr));
                }
            }
        }
        None
    }
}

fn cmp_op(op: BinaryOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        BinaryOp::Lt => ord == Less,
        BinaryOp::Le => ord != Greater,
        BinaryOp::Gt => ord == Greater,
        BinaryOp::Ge => ord != Less,
        _ => false,
    }
}
