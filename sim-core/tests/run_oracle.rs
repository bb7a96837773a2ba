//! `escapade run` against real `go run` output for every program in the
//! shared corpus and in tests/go: stdout and stderr merged in order, then
//! the exit status exactly as the recorded file shows it (`go run` prints
//! `exit status N` and exits 1 when the program exits non-zero). Panics and
//! fatal errors are compared up to and including the `goroutine N [...]:`
//! line (the stack trace after it holds addresses).
//!
//! Programs Go rejects are skipped. Cases that still fail are listed in
//! `run_oracle.known-failures.txt`; a case that newly fails or newly passes
//! fails this test until the list is updated (`UPDATE_KNOWN=1`).

use sim_core::machine::{run_source, Options, SourceRun};
use std::path::{Path, PathBuf};

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("../../shared/corpus"), root.join("tests/go")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().map(|x| x == "go").unwrap_or(false)
                && p.with_extension("out.txt").exists()
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

const VERDICT_WORDS: [&str; 8] = [
    "escapes to heap",
    "does not escape",
    "moved to heap",
    "leaking param",
    "self-assignment",
    "zero-copy",
    "capturing by",
    "flow:",
];

/// Go rejected the program: its -m output holds compile errors.
fn rejected_by_go(p: &Path) -> bool {
    let m = std::fs::read_to_string(p.with_extension("m.txt")).unwrap_or_default();
    m.lines()
        .any(|l| !l.trim().is_empty() && !VERDICT_WORDS.iter().any(|w| l.contains(w)))
}

/// Cuts a panic/fatal report after its `goroutine N [state]:` line.
fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for l in text.lines() {
        if l.starts_with("exit status ") || l.starts_with("exit=") {
            skipping = false;
        }
        if skipping {
            continue;
        }
        // The runtime's register dump (stack overflow) and signal line
        // (nil dereference) hold addresses that differ run to run.
        if l.starts_with("runtime: sp=") || l.starts_with("[signal SIGSEGV") {
            continue;
        }
        out.push_str(l);
        out.push('\n');
        if l.starts_with("goroutine ") && l.ends_with("]:") {
            skipping = true;
        }
    }
    out
}

/// Escapade's output in the recorded format.
fn escapade_output(source: &str, file_name: &str) -> Option<String> {
    let opts = Options {
        record: false,
        ..Default::default()
    };
    match run_source(source, &opts) {
        // Compiles but does not link (a function without body).
        SourceRun::Rejected(lines)
            if !lines.is_empty() && lines.iter().all(|d| d.message == "missing function body") =>
        {
            let mut out: String = lines
                .iter()
                .map(|d| d.go_format(file_name) + "\n")
                .collect();
            out.push_str("exit=1\n");
            Some(out)
        }
        SourceRun::Rejected(_) => None,
        SourceRun::NotMain(message) => Some(format!("{message}\nexit=1\n")),
        SourceRun::Ran(trace) => {
            let mut out = String::new();
            for c in &trace.output {
                out.push_str(&c.text);
            }
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            let code = trace.exit_code();
            if code != 0 {
                out.push_str(&format!("exit status {code}\nexit=1\n"));
            } else {
                out.push_str("exit=0\n");
            }
            Some(out)
        }
    }
}

fn expected(p: &Path) -> String {
    let mut e = std::fs::read_to_string(p.with_extension("out.txt")).unwrap_or_default();
    // A program's last output line may lack its newline; the recording
    // then glues `exit=` to it. Ours is compared in the same shape.
    if !e.ends_with('\n') {
        e.push('\n');
    }
    e
}

#[test]
fn run_output_matches_go() {
    let mut failing = Vec::new();
    let mut passed = 0;
    let mut skipped = 0;
    for p in programs() {
        if rejected_by_go(&p) {
            skipped += 1;
            continue;
        }
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = std::fs::read_to_string(&p).unwrap_or_default();
        let file_name = format!("{name}.go");
        let got = escapade_output(&source, &file_name).map(|o| normalize(&o));
        let want = normalize(&expected(&p));
        if got.as_deref() == Some(want.as_str()) {
            passed += 1;
        } else {
            if std::env::var("SHOW_DIFF").is_ok() {
                eprintln!(
                    "--- {name}\nwant:\n{want}got:\n{}",
                    got.as_deref().unwrap_or("<rejected>\n")
                );
            }
            failing.push(name);
        }
    }
    let known_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run_oracle.known-failures.txt");
    if std::env::var("UPDATE_KNOWN").is_ok() {
        let mut text =
            String::from("# run_oracle cases that still fail (regenerate with UPDATE_KNOWN=1)\n");
        for f in &failing {
            text.push_str(f);
            text.push('\n');
        }
        std::fs::write(&known_path, text).ok();
    }
    let known: Vec<String> = std::fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(String::from)
        .collect();
    eprintln!(
        "run_oracle: {passed} pass, {} fail, {skipped} skipped (Go rejects them)",
        failing.len()
    );
    let newly_failing: Vec<_> = failing.iter().filter(|f| !known.contains(f)).collect();
    let newly_passing: Vec<_> = known.iter().filter(|k| !failing.contains(k)).collect();
    assert!(newly_failing.is_empty(), "newly failing: {newly_failing:?}");
    assert!(
        newly_passing.is_empty(),
        "newly passing (remove from the known-failures list): {newly_passing:?}"
    );
}
