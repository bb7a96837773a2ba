//! The one place the page asks sim-core about a program: check it, get
//! the escape verdicts with their reasons, and record a run. Everything
//! the view draws comes from the [`Analysis`] this returns.

use std::rc::Rc;

use sim_core::escape::{self, Event as EscapeEvent, VerdictKind};
use sim_core::trace::{Outcome, Trace};
use sim_core::Diagnostic;

use crate::state::Run;

/// Where a verdict puts its value, for the gutter icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Stack,
    Heap,
    /// A parameter whose value flows out of its function (`leaking param`):
    /// the value itself lives wherever the caller put it.
    Leak,
}

/// One `-m` verdict with its `-m=2` reason chain, placed on its line.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub line: u32,
    pub col: u32,
    pub place: Place,
    /// The compiler's words: `moved to heap: myCar`.
    pub message: String,
    /// The `-m=2` explanation: a headline then `flow:` and `from` lines.
    pub chain: Vec<String>,
    /// Byte ranges in the source that the chain passes through, so the
    /// editor can light them up.
    pub spans: Vec<(u32, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Go's compile errors; empty when the program checks clean.
    pub diagnostics: Vec<Diagnostic>,
    pub verdicts: Vec<Verdict>,
    /// The recorded run, when the program compiled and the machine ran.
    pub run: Option<Rc<Run>>,
}

impl Analysis {
    pub fn is_good(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Executed steps the quick first run may take: enough for the first
/// screens of any program, quick enough to draw at once. A program that
/// ends within it needs no second run.
pub const PREVIEW_STEPS: u64 = 20_000;

/// Executed steps the full run may take in the page: a few seconds at
/// most, so an endless loop typed by mistake does not freeze the tab for
/// long. (Replayed calls are not counted: the tutorial's million-call hot
/// path fits easily.)
pub const FULL_STEPS: u64 = 10_000_000;

/// The largest goroutine stack in the page (Go's is 1 GB, the native
/// tool's 64 MiB): a runaway recursion stops after ~100,000 small frames
/// instead of filling the tab's memory with millions. The message is still
/// Go's.
pub const MAX_STACK: u64 = 4 << 20;

/// How much of the program to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    /// Check and analyse only: the verdicts show before anything runs.
    Static,
    /// Run at most [`PREVIEW_STEPS`] steps.
    Preview,
    Full,
}

/// Checks, analyses and runs `source`. Never panics on bad input: a broken
/// program gives diagnostics and no run.
pub fn analyse(source: &str) -> Analysis {
    analyse_to(source, Extent::Full)
}

/// Checks and analyses without running: fast, so the verdicts can show
/// while the program (perhaps a million loop iterations) runs.
pub fn analyse_static(source: &str) -> Analysis {
    analyse_to(source, Extent::Static)
}

pub fn analyse_to(source: &str, extent: Extent) -> Analysis {
    let checked = sim_core::check(source);
    let Some(program) = checked.program.filter(|_| checked.diagnostics.is_empty()) else {
        return Analysis {
            diagnostics: checked.diagnostics,
            verdicts: Vec::new(),
            run: None,
        };
    };
    let result = escape::analyze(&program);
    let verdicts = verdicts(&result);
    if !program.bodyless.is_empty() {
        // gc analyses declarations without a body; nothing can run them.
        let diagnostics = program
            .missing_bodies()
            .into_iter()
            .map(|mut d| {
                d.message =
                    "missing function body: there is nothing to run, but the escape verdicts hold"
                        .into();
                d
            })
            .collect();
        return Analysis {
            diagnostics,
            verdicts,
            run: None,
        };
    }
    if let Some(reason) = program.not_runnable() {
        // It compiles (the verdicts stand) but cannot be linked or run.
        let message = if program.is_main_package() {
            escape::NO_MAIN.to_string()
        } else {
            format!("{reason}: only package main runs, but the escape verdicts hold")
        };
        return Analysis {
            diagnostics: vec![sim_core::Diagnostic {
                pos: sim_core::diag::Pos::new(1, 1),
                start: 0,
                end: 0,
                message,
            }],
            verdicts,
            run: None,
        };
    }
    let run = match extent {
        Extent::Static => None,
        Extent::Preview => record(&program, &result, PREVIEW_STEPS).map(|t| {
            let stopped = matches!(t.outcome, Outcome::StepLimit { .. });
            Rc::new(if stopped {
                Run::preview(t)
            } else {
                Run::new(t)
            })
        }),
        Extent::Full => record(&program, &result, FULL_STEPS).map(|t| Rc::new(Run::new(t))),
    };
    Analysis {
        diagnostics: Vec::new(),
        verdicts,
        run,
    }
}

/// Runs the stepping machine for at most `step_limit` steps. A run with
/// no recorded steps (nothing the machine could model) draws no picture.
fn record(
    program: &sim_core::ir::Program,
    result: &escape::EscapeResult,
    step_limit: u64,
) -> Option<Trace> {
    let opts = sim_core::machine::Options {
        step_limit,
        max_stack: MAX_STACK,
        ..Default::default()
    };
    let trace = sim_core::machine::run(program, result, &opts);
    (!trace.steps.is_empty()).then_some(trace)
}

/// The `-m` verdicts, each with the `-m=2` explanation given at its position.
pub fn verdicts(result: &escape::EscapeResult) -> Vec<Verdict> {
    let explanations: Vec<&escape::Explanation> = result
        .events
        .iter()
        .filter_map(|e| match e {
            EscapeEvent::Explain(x) => Some(x),
            _ => None,
        })
        .collect();
    result
        .verdicts()
        .filter_map(|v| {
            let place = match v.kind {
                VerdictKind::MovedToHeap | VerdictKind::Escapes => Place::Heap,
                VerdictKind::LeakingParam
                | VerdictKind::LeakingParamContent
                | VerdictKind::LeakingParamToResult => Place::Leak,
                VerdictKind::DoesNotEscape | VerdictKind::ParamDoesNotEscape => Place::Stack,
                _ => return None,
            };
            let mut chain = Vec::new();
            let mut spans = vec![(v.site.start, v.site.end)];
            for x in explanations.iter().filter(|x| x.site.pos == v.site.pos) {
                chain.push(format!("{}:", x.headline));
                for f in &x.flows {
                    chain.push(format!("flow: {} ← {}{}", f.dst, f.ops, f.src));
                    for n in &f.notes {
                        chain.push(format!("  from {} ({}) at {}", n.text, n.why, n.pos));
                        spans.push((n.start, n.end));
                    }
                }
            }
            Some(Verdict {
                line: v.site.pos.line,
                col: v.site.pos.col,
                place,
                message: v.message.clone(),
                chain,
                spans,
            })
        })
        .collect()
}

/// A one-click fix for a compile error, when there is an obvious one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub label: String,
    pub source: String,
}

/// Go rejects unused imports; the tutorial's first program has one. The
/// fix removes the import (the whole `import` line when it is the only one).
pub fn fix_for(source: &str, d: &Diagnostic) -> Option<Fix> {
    let path = d.message.strip_suffix(" imported and not used")?;
    let start = d.start.min(source.len());
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i + 1);
    let line = &source[line_start..line_end];
    let trimmed = line.trim();
    let removable = trimmed == format!("import {path}") || trimmed == path;
    if !removable {
        return None;
    }
    let mut fixed = String::with_capacity(source.len());
    fixed.push_str(&source[..line_start]);
    let mut rest = &source[line_end..];
    // Drop the blank line the import leaves behind after `package main`.
    if trimmed.starts_with("import") && source[..line_start].ends_with("\n\n") {
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    fixed.push_str(rest);
    Some(Fix {
        label: format!("Remove the unused import {path}"),
        source: fixed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHARE_UP: &str = include_str!("../../static/examples/share_up.go");

    #[test]
    fn the_tutorial_share_down_gets_a_kind_fix() {
        let src = include_str!("../../static/examples/share_down_tutorial.go");
        let a = analyse(src);
        assert_eq!(a.diagnostics.len(), 1);
        assert_eq!(a.diagnostics[0].message, "\"fmt\" imported and not used");
        assert_eq!(
            (a.diagnostics[0].pos.line, a.diagnostics[0].pos.col),
            (3, 8)
        );
        let fix = fix_for(src, &a.diagnostics[0]).expect("a fix");
        assert_eq!(fix.label, "Remove the unused import \"fmt\"");
        assert!(!fix.source.contains("fmt"));
        assert!(fix.source.starts_with("package main\n\nfunc main() {"));
        assert!(analyse(&fix.source).is_good());
    }

    #[test]
    fn share_up_has_its_heap_verdict_with_the_reason_chain() {
        let a = analyse(SHARE_UP);
        assert!(a.is_good(), "{:?}", a.diagnostics);
        let moved = a
            .verdicts
            .iter()
            .find(|v| v.message == "moved to heap: myCar")
            .expect("the verdict");
        assert_eq!(moved.place, Place::Heap);
        assert_eq!(moved.line, 17);
        assert_eq!(moved.chain[0], "myCar escapes to heap in makeCar:");
        assert!(
            moved.chain.iter().any(|l| l.contains("(return) at 21:2")),
            "{:?}",
            moved.chain
        );
        assert!(moved.spans.len() >= 3);
        let stack = a
            .verdicts
            .iter()
            .find(|v| v.message == "... argument does not escape")
            .expect("a stack verdict");
        assert_eq!(stack.place, Place::Stack);
    }

    #[test]
    fn share_up_records_a_run_in_which_the_car_escapes() {
        let run = analyse(SHARE_UP).run.expect("a recorded run");
        assert!(!run.marks.alloc.is_empty());
        assert!(
            !run.marks.escape.is_empty(),
            "makeCar's return is an escape"
        );
        assert_eq!(
            run.trace.counters.heap_allocs,
            run.trace.steps.last().unwrap().counters.heap_allocs
        );
    }

    #[test]
    fn another_package_has_verdicts_but_no_run() {
        let a = analyse("package shapes\n\nfunc New() *int {\n\tx := 1\n\treturn &x\n}\n");
        assert_eq!(a.diagnostics.len(), 1);
        assert!(a.diagnostics[0]
            .message
            .starts_with("package command-line-arguments is not a main package"));
        assert!(!a.verdicts.is_empty(), "the compiler's verdicts still show");
        assert!(a.run.is_none());
    }

    #[test]
    fn a_program_without_main_has_verdicts_but_no_run() {
        let a =
            analyse("package main\n\nimport \"fmt\"\n\nfunc Main() {\n\tfmt.Println(\"hi\")\n}\n");
        assert_eq!(a.diagnostics.len(), 1);
        assert_eq!(a.diagnostics[0].message, escape::NO_MAIN);
        assert!(!a.verdicts.is_empty(), "the compiler's verdicts still show");
        assert!(a.run.is_none());
    }

    #[test]
    fn a_broken_program_gives_diagnostics_and_no_run() {
        let a = analyse("package main\n\nfunc main() {\n\tx := 1\n}\n");
        assert!(!a.is_good());
        assert!(a.run.is_none());
        assert!(a.verdicts.is_empty());
    }
}
