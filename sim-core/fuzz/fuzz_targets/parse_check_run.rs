//! Arbitrary bytes → (lossy UTF-8) Go source → parse, check, escape
//! analysis, a bounded run with recording, and random access into the
//! trace. Must never panic and must always end, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sim_core::machine::{run_source, Options, SourceRun};

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let opts = Options {
        step_limit: 20_000,
        max_recorded: 500,
        max_stack: 1 << 20,
        ..Default::default()
    };
    if let SourceRun::Ran(trace) = run_source(&source, &opts) {
        let n = trace.steps.len();
        for i in [0, n / 2, n.saturating_sub(1)] {
            let _ = trace.snapshot(i);
        }
        let _ = trace.to_json();
    }
});
