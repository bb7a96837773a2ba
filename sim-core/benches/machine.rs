//! Machine benchmarks (run with `cargo bench -p sim-core --bench machine`):
//! the tutorial's `seed_fill_bad.go` end to end (run only, and with the
//! trace recorded and serialized), and steps per second on a tight loop.

use sim_core::machine::{run_source, Options, SourceRun};
use std::time::Instant;

fn run(source: &str, opts: &Options) -> Box<sim_core::trace::Trace> {
    match run_source(source, opts) {
        SourceRun::Ran(t) => t,
        SourceRun::Rejected(d) => panic!("rejected: {d:?}"),
        SourceRun::NotMain(why) => panic!("{why}"),
    }
}

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..n {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        last = Some(r);
    }
    (best, last.expect("ran at least once"))
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let bad = std::fs::read_to_string(format!("{root}/../../shared/corpus/seed_fill_bad.go"))
        .expect("seed_fill_bad.go");
    let quiet = Options {
        record: false,
        ..Default::default()
    };
    let (t, trace) = best_of(3, || run(&bad, &quiet));
    println!(
        "seed_fill_bad run: {t:.3} s, {} steps, {} heap allocs, {} heap bytes, {} GC cycles",
        trace.counters.steps,
        trace.counters.heap_allocs,
        trace.counters.heap_bytes,
        trace.counters.gc_cycles
    );
    let (t, json) = best_of(3, || run(&bad, &Options::default()).to_json());
    println!(
        "seed_fill_bad trace: {t:.3} s, {} bytes of JSON",
        json.len()
    );

    let tight = "package main\n\nfunc main() {\n\tsum := 0\n\tfor i := 0; i < 5_000_000; i++ {\n\t\tsum += i\n\t}\n\tprintln(sum)\n}\n";
    let (t, trace) = best_of(3, || run(tight, &quiet));
    println!(
        "tight loop: {} steps in {t:.3} s = {:.1} M steps/s",
        trace.counters.steps,
        trace.counters.steps as f64 / t / 1e6
    );
}
