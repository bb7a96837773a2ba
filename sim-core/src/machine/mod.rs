//! The stepping machine: runs the typed IR with Go's semantics and records
//! a [`Trace`].
//!
//! - [`compile`] lowers each function to stack-machine [`code::Op`]s and a
//!   frame layout, placing every variable and allocation site where the
//!   escape analysis put it;
//! - [`memory`] holds allocations (frames, stack homes, heap objects,
//!   globals), addresses and size classes;
//! - [`exec`] runs goroutines op by op (no host recursion for Go calls),
//!   with the scheduler, channels, defer/panic/recover and the GC;
//! - [`fmt`] and [`stdlib`] are the standard library the checker supports;
//! - [`record`] turns machine state into the trace's snapshots and deltas;
//! - [`memo`] replays repeated pure calls (a hot helper called a million
//!   times runs once or twice, its effect replayed with exact counters).
//!
//! Scheduling policy (deterministic, modelled on Go's `runnext`): the
//! running goroutine runs until it blocks or exits; `go f()` and a wake-up
//! put the goroutine in the `next` slot (the previous occupant moves to the
//! back of the run queue); when the running goroutine blocks, `next` runs,
//! else the head of the queue. `select` with several ready cases takes the
//! first in source order. There is no preemption: an endless loop ends at
//! the step budget.
//!
//! Scaled limits: the stack limit is 64 MiB instead of Go's 1 GB (the
//! message still says what Go says), so unbounded recursion ends quickly.

mod calls;
pub mod code;
pub mod compile;
mod data;
mod exec;
mod fmt;
mod memo;
pub mod memory;
pub mod move2heap;
mod record;
mod stdlib;
pub mod types;
pub mod value;

use crate::escape::EscapeResult;
use crate::ir::Program;
use crate::trace::Trace;

/// Limits and recording policy.
#[derive(Clone, Debug)]
pub struct Options {
    /// Machine steps before the run stops.
    pub step_limit: u64,
    /// How many executions of one statement are recorded in detail.
    pub detail_limit: u32,
    /// Recorded steps between full snapshots.
    pub checkpoint_every: u32,
    /// At most this many recorded steps; later ones are summarized.
    pub max_recorded: usize,
    /// Largest goroutine stack, bytes (Go: 1,000,000,000; scaled down).
    pub max_stack: u64,
    /// Whether to record steps at all (`escapade run`/`stats` do not).
    pub record: bool,
    /// Replay repeated pure calls instead of executing them (see `memo`).
    /// Off only to check that replaying changes nothing.
    pub memoize: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            step_limit: 50_000_000,
            detail_limit: 12,
            checkpoint_every: 64,
            max_recorded: 20_000,
            max_stack: 64 << 20,
            record: true,
            memoize: true,
        }
    }
}

/// Runs a checked program. Never panics; unsupported constructs end the
/// run with [`crate::trace::Outcome::Unsupported`].
pub fn run(prog: &Program, esc: &EscapeResult, opts: &Options) -> Trace {
    let compiled = compile::compile(prog, esc);
    let mut m = exec::Machine::new(prog, &compiled, opts.clone());
    m.run();
    m.finish()
}

/// What `escapade run` needs: the trace, or the compile errors.
pub enum SourceRun {
    Ran(Box<Trace>),
    /// The program does not build: Go's error lines.
    Rejected(Vec<crate::Diagnostic>),
    /// It builds but is not a main package: `go run`'s one-line refusal.
    NotMain(String),
}

/// Parses, checks, analyses and runs one file.
pub fn run_source(source: &str, opts: &Options) -> SourceRun {
    let checked = crate::check::check(source);
    match checked.program {
        Some(prog) if checked.diagnostics.is_empty() => {
            if !prog.bodyless.is_empty() {
                return SourceRun::Rejected(prog.missing_bodies());
            }
            if !prog.is_main_package() {
                return SourceRun::NotMain(prog.not_runnable().unwrap_or_default());
            }
            let esc = crate::escape::analyze(&prog);
            if let Some(e) = &esc.link_error {
                return SourceRun::Rejected(vec![crate::Diagnostic {
                    pos: crate::diag::Pos::new(0, 0),
                    start: 0,
                    end: 0,
                    message: e.clone(),
                }]);
            }
            SourceRun::Ran(Box::new(run(&prog, &esc, opts)))
        }
        _ => SourceRun::Rejected(checked.diagnostics),
    }
}
