//! `escapade check -m` speed on the generated ~1,500-line program of the
//! `check` bench: syntax, type checking and lowering, escape analysis and
//! the `-m` report, each timed on its own.
//!
//! Run with `cargo bench -p sim-core --bench escape`. The target is 20x
//! faster than `go build -gcflags='-m -l'` on the same file.

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "check.rs"]
#[allow(dead_code)]
mod check_bench;

fn stats(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (
        times[0].as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3,
    )
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    for _ in 0..3 {
        black_box(f());
    }
    stats(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let src = check_bench::generate(1500);
    // `ESCAPADE_BENCH_WRITE=FILE.go` saves the program, to time
    // `escapade check` against `go build -gcflags='-m -l'` on it
    // (scripts/bench-vs-go does both).
    if let Ok(path) = std::env::var("ESCAPADE_BENCH_WRITE") {
        std::fs::write(&path, &src).expect("write the generated program");
    }
    let lines = src.lines().count();
    let runs = 40;
    let checked = sim_core::check(&src);
    let program = checked.program.expect("generated program checks clean");
    let result = sim_core::escape::analyze(&program);
    let report = result.render("gen.go", 1);
    let parse = time(runs, || sim_core::parse(black_box(&src)));
    let check = time(runs, || sim_core::check(black_box(&src)));
    let analyze = time(runs, || sim_core::escape::analyze(black_box(&program)));
    let render = time(runs, || result.render("gen.go", 1));
    let all = time(runs, || {
        let c = sim_core::check(black_box(&src));
        let p = c.program.expect("checks");
        sim_core::escape::analyze(&p).render("gen.go", 1)
    });
    println!("{lines} lines, {} -m lines", report.lines().count());
    for (name, (min, median)) in [
        ("parse (syntax stage)", parse),
        ("check (parse included)", check),
        ("escape analysis", analyze),
        ("-m report", render),
        ("check -m end to end", all),
    ] {
        println!("{name:<24} min {min:7.2} ms  median {median:7.2} ms");
    }
}
