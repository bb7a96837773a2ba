//! `sim_core::check` against the real Go compiler's verdicts.
//!
//! Every `NAME.go` in `../shared/corpus` and `tests/go` comes with Go's
//! recorded output. For a program Go rejects (its `.out.txt` holds exactly
//! the compile errors of `.m.txt`, then `exit=1`) our diagnostics must print
//! the same lines; for one Go accepts we must report nothing (or, for
//! `check_generic_*`, only `not supported yet` diagnostics).
//!
//! Cases we still get wrong are listed in `check_oracle.known-failures.txt`;
//! the test fails when that list is out of date in either direction, so a
//! fix or a regression always shows up.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const KNOWN_FAILURES: &str = "tests/check_oracle.known-failures.txt";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn lines_of(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with("# "))
        .map(str::to_string)
        .collect()
}

/// Go's expected compile errors, or `None` when Go accepts the program.
fn expected_errors(go_file: &Path) -> Option<Vec<String>> {
    let out = lines_of(&go_file.with_extension("out.txt"));
    let m = lines_of(&go_file.with_extension("m.txt"));
    let (last, body) = out.split_last()?;
    (last == "exit=1" && body == m.as_slice() && !m.is_empty()).then_some(m)
}

/// Checks one program; `Err` explains the difference.
fn check(go_file: &Path) -> Result<(), String> {
    let source = fs::read_to_string(go_file).map_err(|e| e.to_string())?;
    let name = go_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let checked = sim_core::check(&source);
    let ours = checked.go_lines(&name);
    match expected_errors(go_file) {
        Some(want) => {
            if ours == want {
                Ok(())
            } else {
                Err(format!(
                    "want:\n{}\ngot:\n{}",
                    want.join("\n"),
                    ours.join("\n")
                ))
            }
        }
        None => {
            if ours.is_empty() && checked.program.is_some() {
                Ok(())
            } else {
                Err(format!("Go accepts it, we said:\n{}", ours.join("\n")))
            }
        }
    }
}

#[test]
fn check_matches_go_on_the_oracle_corpus() {
    let root = manifest_dir();
    let mut files = go_files(&root.join("../../shared/corpus"));
    files.extend(go_files(&root.join("tests/go")));
    assert!(!files.is_empty(), "no oracle programs found");
    let mut failing = BTreeSet::new();
    let mut report = String::new();
    for file in &files {
        if let Err(why) = check(file) {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            report.push_str(&format!("--- {name}\n{why}\n"));
            failing.insert(name);
        }
    }
    let known: BTreeSet<String> = fs::read_to_string(root.join(KNOWN_FAILURES))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    println!(
        "check oracle: {} of {} programs match Go ({} known failures)",
        files.len() - failing.len(),
        files.len(),
        known.len()
    );
    print!("{report}");
    let newly_failing: Vec<_> = failing.difference(&known).collect();
    let newly_passing: Vec<_> = known.difference(&failing).collect();
    assert!(
        newly_failing.is_empty() && newly_passing.is_empty(),
        "update {KNOWN_FAILURES}: newly failing {newly_failing:?}, newly passing {newly_passing:?}"
    );
}
