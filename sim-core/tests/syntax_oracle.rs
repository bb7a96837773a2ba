//! Differential test of Escapade's syntax errors against the Go compiler.
//!
//! Each `tests/syntax/NAME.go` has a `NAME.err.txt` recorded from the real
//! `go build` by `scripts/regen-syntax-oracle` (never written by hand).
//! Programs that still disagree are listed in `tests/syntax/KNOWN_FAILURES`,
//! so that a newly failing or newly passing program fails this test until
//! the list is updated.

use std::collections::BTreeSet;
use std::path::Path;

/// Escapade's report for `input`, formatted as `go build` prints it.
fn report(name: &str, input: &str) -> String {
    let file = format!("{name}.go");
    sim_core::syntax::syntax_report(input, &file).go_output(&file)
}

/// Compares Escapade's report with the recorded one; `Err` shows the diff.
fn check(name: &str, input: &str, expect: &str) -> Result<(), String> {
    let got = report(name, input);
    if got.trim_end() == expect.trim_end() {
        Ok(())
    } else {
        Err(format!("--- {name}: go build\n{expect}--- escapade\n{got}"))
    }
}

#[test]
fn syntax_errors_match_go_build() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/syntax exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".go").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 60, "only {} programs", names.len());

    let mut failing = BTreeSet::new();
    let mut diffs = String::new();
    for name in &names {
        let input = std::fs::read_to_string(dir.join(format!("{name}.go"))).expect("readable");
        let expect = std::fs::read_to_string(dir.join(format!("{name}.err.txt")))
            .unwrap_or_else(|_| panic!("{name}.err.txt missing: run scripts/regen-syntax-oracle"));
        if let Err(diff) = check(name, &input, &expect) {
            failing.insert(name.clone());
            diffs.push_str(&diff);
        }
    }

    let known: BTreeSet<String> = std::fs::read_to_string(dir.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let passed = names.len() - failing.len();
    eprintln!(
        "syntax oracle: {passed}/{} programs match go build",
        names.len()
    );
    let newly_failing: Vec<_> = failing.difference(&known).collect();
    let newly_passing: Vec<_> = known.difference(&failing).collect();
    assert!(
        newly_failing.is_empty() && newly_passing.is_empty(),
        "update tests/syntax/KNOWN_FAILURES\nnewly failing: {newly_failing:?}\nnewly passing: {newly_passing:?}\n{diffs}"
    );
}
