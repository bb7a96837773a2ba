//! Arbitrary bytes → (lossy UTF-8) Go source → parse + check. Must never
//! panic, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let checked = sim_core::check(&source);
    // Formatting must not panic either.
    let _ = checked.go_lines("fuzz.go");
});
