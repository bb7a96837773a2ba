//! Escape analysis: Go's `cmd/compile/internal/escape`, verdict for verdict.
//!
//! Stages, in order:
//! - [`graph`]: locations, weighted edges and holes (no IR);
//! - [`solve`]: walks from every root to a fixed point, outlives rules,
//!   parameter leaks (no IR);
//! - [`leaks`]: parameter summaries and their use at call sites;
//! - [`report`]: verdicts and explanations as data, and Go's text;
//! - [`stdlib_tags`]: summaries of the supported standard-library calls,
//!   derived from the real compiler.

mod batches;
mod bodyless;
mod devirt;
mod generated;
pub mod graph;
mod instance_wrappers;
pub mod leaks;
mod print;
pub mod report;
pub mod solve;
mod static_init;
mod static_value;
pub mod stdlib_tags;
pub mod visit;
mod walk;
mod wrappers;

pub use report::{render, Event, Explanation, Flow, FlowNote, Verdict, VerdictKind};

/// Everything the analysis found, in Go's printing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EscapeResult {
    pub events: Vec<Event>,
    /// What the linker says after compiling, when it rejects the package
    /// (no `func main`): printed after the compiler's lines.
    pub link_error: Option<String>,
}

/// The linker's complaint about a package without `func main`.
pub use crate::ir::NO_MAIN;

impl EscapeResult {
    /// The text `go build -gcflags='-m=LEVEL -l'` prints for `file_name`.
    pub fn render(&self, file_name: &str, level: u8) -> String {
        let mut out = report::render(&self.events, file_name, level);
        if let Some(e) = &self.link_error {
            out.push_str(e);
            out.push('\n');
        }
        out
    }

    /// The `-m=2` explanations: each a chain of flows with source spans,
    /// for the page to animate.
    pub fn explanations(&self) -> impl Iterator<Item = &Explanation> {
        self.events.iter().filter_map(|e| match e {
            Event::Explain(x) => Some(x),
            _ => None,
        })
    }

    /// Just the `-m` verdicts.
    pub fn verdicts(&self) -> impl Iterator<Item = &Verdict> {
        self.events.iter().filter_map(|e| match e {
            Event::Verdict(v) => Some(v),
            _ => None,
        })
    }
}

/// Runs Go's escape analysis over a checked program.
pub fn analyze(prog: &crate::ir::Program) -> EscapeResult {
    let facts = static_value::StaticFacts::compute(prog);
    let batches = batches::bottom_up(prog);
    let (devirtualized, mut events) = devirt::devirtualize(prog, &facts, &batches);
    let mut tags = walk::Tags::default();
    // gc compiles one body per shape: instances that share a shaped body
    // with an earlier one are analysed (the machine needs their verdicts)
    // but not printed again.
    let mut shaped_bodies = crate::hash::HashSet::default();
    for batch in &batches {
        if let [f] = batch[..] {
            if bodyless::is_bodyless(prog, f) {
                let (ev, leaks) = bodyless::summarize(prog, f);
                events.extend(ev);
                tags.insert(f, leaks);
                continue;
            }
        }
        let (ev, new_tags) =
            walk::Walker::new(prog, &facts, &tags, &devirtualized).run_batch(batch);
        // Every function of the batch is noted, not only those before the
        // first new one.
        let mut repeats_shapes = true;
        for f in batch {
            let seen = prog.instance_of(*f).is_some()
                && !shaped_bodies.insert(print::gc_func_name(prog, *f));
            repeats_shapes &= seen;
        }
        if !repeats_shapes {
            events.extend(ev);
        }
        tags.extend(new_tags);
    }
    events.extend(facts.init.hidden_verdicts(prog));
    let (generated, late) = generated::generated_events(prog, &facts.init);
    events.extend(generated);
    events.extend(instance_wrappers::instance_wrapper_events(prog, &tags));
    events.extend(wrappers::wrapper_events(prog, &tags, &batches));
    events.extend(late);
    // `go build` links package main only; any other package just compiles.
    let link_error = prog.not_runnable().filter(|_| prog.is_main_package());
    EscapeResult { events, link_error }
}

#[cfg(test)]
mod tests;
