//! The recorded run: the only serializable types, and the API boundary
//! between the stepping machine and the page.
//!
//! A [`Trace`] is a list of [`Step`]s. Each step says which source span ran,
//! which [`Event`]s it caused and the [`Counters`] after it, and carries a
//! [`Delta`]: the goroutines and heap objects that changed since the step
//! before. Every [`Trace::checkpoint_every`] steps a full [`Snapshot`] is
//! kept as a checkpoint, so [`Trace::snapshot`] gives random access to any
//! step by replaying at most that many deltas: memory stays bounded
//! without a full copy per step.
//!
//! Hot code is not recorded step by step forever: once a statement has run
//! [`Trace::detail_limit`] times, further executions are folded into one
//! [`StepKind::Summary`] step (its counters are exact, its events are
//! tallied) that the viewer can jump across, until something new runs.
//!
//! Invariant: plain data, deterministic byte for byte (no hash maps, no
//! host addresses, no time); the machine is the only producer.

mod snapshot;
pub mod text;

pub use snapshot::{
    FieldValue, Frame, FrameId, Goroutine, GoroutineId, GoroutineState, HeapObject, ObjectId,
    ObjectState, Pointer, Slot, Snapshot, SourceSpan, Stack, Value,
};

use serde::{Deserialize, Serialize};

/// Format version of the JSON; bumped on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole recorded run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub version: u32,
    /// Recorded steps in order. `steps[i].index` is the machine's step
    /// number (summaries stand for many machine steps).
    pub steps: Vec<Step>,
    /// Full snapshots after the recorded steps `0, k, 2k, ...` where
    /// `k = checkpoint_every`: `checkpoints[j]` is the snapshot after
    /// `steps[j * k]`.
    pub checkpoints: Vec<Snapshot>,
    pub checkpoint_every: u32,
    /// How many times one statement is recorded in detail before its
    /// further executions are summarized.
    pub detail_limit: u32,
    /// Counters at the end of the run.
    pub counters: Counters,
    /// How the run ended.
    pub outcome: Outcome,
    /// Everything written, in order, as chunks per stream (so standard
    /// output and standard error interleave as the program wrote them).
    pub output: Vec<OutputChunk>,
    /// The same text split by stream: standard output, and standard error
    /// (println, panics, fatal errors).
    pub stdout: String,
    pub stderr: String,
}

/// A run of text written to one stream.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputChunk {
    pub stream: Stream,
    pub text: String,
}

/// How the program ended, with the exit status `go run`'s binary gives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// `main` returned, or `os.Exit(code)` was called.
    #[default]
    Exited,
    /// `os.Exit(code)` with a non-zero code.
    ExitCode { code: i32 },
    /// A panic nobody recovered, or a fatal runtime error (deadlock, stack
    /// overflow): exit status 2; `message` is the first line printed.
    Panicked { message: String },
    /// The step budget ran out: everything so far is kept.
    StepLimit { limit: u64 },
    /// The machine met something it does not model; the message says what.
    Unsupported { message: String },
}

impl Outcome {
    /// The process exit status this outcome gives.
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Exited => 0,
            Outcome::ExitCode { code } => *code,
            Outcome::Panicked { .. } => 2,
            Outcome::StepLimit { .. } | Outcome::Unsupported { .. } => 3,
        }
    }
}

/// Running totals, exact at every step (also across summarized spans).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    /// Machine steps executed so far.
    pub steps: u64,
    /// Heap allocations ever made, and their bytes as the runtime counts
    /// them (`runtime.MemStats.TotalAlloc`: rounded up to the size class).
    pub heap_allocs: u64,
    pub heap_bytes: u64,
    /// Heap objects and bytes not yet swept.
    pub live_objects: u64,
    pub live_bytes: u64,
    /// Stack allocations: variables and allocation sites kept in frames.
    pub stack_allocs: u64,
    /// Completed GC cycles.
    pub gc_cycles: u64,
    /// The heap size at which the next GC cycle starts (the pacer's goal).
    pub next_gc: u64,
    /// Stack bytes reserved per live goroutine, in id order.
    pub stack_bytes: Vec<(GoroutineId, u64)>,
    /// The largest stack any goroutine reached (reserved bytes).
    pub max_stack_bytes: u64,
    /// Goroutines ever started, `main` included.
    pub goroutines: u64,
}

/// Whether a step is one machine step or a fast-forward over many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepKind {
    #[default]
    Detail,
    /// `steps` machine steps that were not recorded one by one; `events`
    /// tallies what they did (`heap_alloc: 999000`, `gc: 995`).
    Summary {
        steps: u64,
        events: Vec<(String, u64)>,
    },
}

/// One recorded step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The machine's step number after this step.
    pub index: u64,
    #[serde(flatten)]
    pub kind: StepKind,
    /// The goroutine that ran.
    pub goroutine: GoroutineId,
    /// The source being executed (statement or call).
    pub span: SourceSpan,
    pub events: Vec<Event>,
    pub counters: Counters,
    /// What changed in memory since the previous recorded step.
    pub delta: Delta,
}

/// Changes between two consecutive recorded snapshots. Changed items are
/// given whole, so applying a delta is replacement by id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    /// The globals, when any changed.
    pub globals: Option<Vec<Slot>>,
    /// Goroutines that are new or changed (frames, slots, state).
    pub goroutines: Vec<Goroutine>,
    /// Heap objects that are new or changed.
    pub heap: Vec<HeapObject>,
    /// Heap objects gone from the picture (swept one step earlier).
    pub heap_removed: Vec<ObjectId>,
}

/// Something a step did, for the view to animate and explain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A frame was pushed.
    Call {
        goroutine: GoroutineId,
        frame: FrameId,
        func: String,
    },
    /// A frame returned: its bytes are now invalid.
    Return {
        goroutine: GoroutineId,
        frame: FrameId,
        func: String,
    },
    /// A variable or allocation site placed in a frame.
    StackAlloc {
        frame: FrameId,
        object: ObjectId,
        name: String,
        size: u64,
        /// Set when the store stays in the frame only until a later move to
        /// the heap (gc's slice pass): what will happen, in words.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        until: String,
    },
    /// A heap allocation, with the analysis's reason.
    HeapAlloc {
        object: ObjectId,
        #[serde(rename = "type")]
        ty: String,
        size: u64,
        size_class: u64,
        reason: String,
    },
    /// A pointer was stored into `object` at `offset`.
    PointerWrite {
        object: ObjectId,
        offset: u64,
        target: Option<ObjectId>,
    },
    GoroutineStart {
        goroutine: GoroutineId,
        func: String,
    },
    GoroutineBlock {
        goroutine: GoroutineId,
        reason: String,
    },
    GoroutineUnblock {
        goroutine: GoroutineId,
    },
    GoroutineExit {
        goroutine: GoroutineId,
    },
    /// The stack was too small for a new frame: copied to one twice the
    /// size (addresses of its slots change).
    StackGrowth {
        goroutine: GoroutineId,
        old_size: u64,
        new_size: u64,
    },
    /// A GC cycle began because the heap reached the pacer's goal.
    GcStart {
        cycle: u64,
        live_bytes: u64,
        goal: u64,
    },
    /// Marking finished: these objects were reachable.
    GcMark {
        cycle: u64,
        marked: Vec<ObjectId>,
    },
    /// Sweeping freed these objects.
    GcSweep {
        cycle: u64,
        freed: Vec<ObjectId>,
        freed_bytes: u64,
        next_goal: u64,
    },
    /// Text written by the program.
    Output {
        stream: Stream,
        text: String,
    },
    /// A panic started (it may still be recovered).
    Panic {
        goroutine: GoroutineId,
        message: String,
    },
    /// `recover()` stopped a panic.
    Recover {
        goroutine: GoroutineId,
    },
}

/// Which output stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Snapshot {
    /// Applies one step's delta, producing the snapshot after that step.
    pub fn apply(&mut self, step: &Step) {
        self.step = step.index;
        let delta = &step.delta;
        if let Some(globals) = &delta.globals {
            self.globals = globals.clone();
        }
        for g in &delta.goroutines {
            match self.goroutines.binary_search_by_key(&g.id, |x| x.id) {
                Ok(i) => self.goroutines[i] = g.clone(),
                Err(i) => self.goroutines.insert(i, g.clone()),
            }
        }
        self.heap.retain(|o| !delta.heap_removed.contains(&o.id));
        for o in &delta.heap {
            match self.heap.binary_search_by_key(&o.id, |x| x.id) {
                Ok(i) => self.heap[i] = o.clone(),
                Err(i) => self.heap.insert(i, o.clone()),
            }
        }
    }
}

impl Trace {
    /// The full snapshot after recorded step `i` (an index into
    /// [`Trace::steps`]), rebuilt from the nearest checkpoint.
    pub fn snapshot(&self, i: usize) -> Option<Snapshot> {
        if i >= self.steps.len() {
            return None;
        }
        let every = self.checkpoint_every.max(1) as usize;
        let c = i / every;
        let mut snap = self.checkpoints.get(c)?.clone();
        for step in &self.steps[c * every + 1..=i] {
            snap.apply(step);
        }
        Some(snap)
    }

    /// The trace as JSON (deterministic: fields in declaration order, no
    /// maps).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The exit status the program gave.
    pub fn exit_code(&self) -> i32 {
        self.outcome.exit_code()
    }
}
