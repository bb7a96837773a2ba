//! Differential test: Escapade's escape verdicts against the Go compiler's.
//!
//! For every `NAME.go` with a recorded `NAME.m.txt` (`go build -gcflags='-m
//! -l'`) and `NAME.m2.txt` (`-m=2`) in ../../shared/corpus and in
//! tests/go, the output must match line for line. Cases that do not match
//! yet are listed in tests/escape_known_failures.txt; the test fails when a
//! case starts failing *or* starts passing without that list being updated
//! (run with `ESCAPE_ORACLE_UPDATE=1` to rewrite it).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cases() -> Vec<PathBuf> {
    let dirs = [
        manifest().join("../../shared/corpus"),
        manifest().join("tests/go"),
    ];
    let mut out = Vec::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "go") && p.with_extension("m.txt").exists() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// What `escapade check [-m=LEVEL]` prints for the file.
fn escapade(path: &Path, level: u8) -> Vec<String> {
    let source = std::fs::read_to_string(path).unwrap_or_default();
    let name = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let checked = sim_core::check(&source);
    match (&checked.program, checked.diagnostics.is_empty()) {
        (Some(program), true) => {
            let result = sim_core::escape::analyze(program);
            result
                .render(&name, level)
                .lines()
                .map(str::to_string)
                .collect()
        }
        _ => checked.go_lines(&name),
    }
}

/// Expected lines that also appear in order in `got` (longest common
/// subsequence), for the pass-rate report.
fn matched(expected: &[String], got: &[String]) -> usize {
    let mut prev = vec![0usize; got.len() + 1];
    for e in expected {
        let mut cur = vec![0usize; got.len() + 1];
        for (j, g) in got.iter().enumerate() {
            cur[j + 1] = if e == g {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        prev = cur;
    }
    prev[got.len()]
}

#[test]
fn escape_output_matches_the_go_compiler() {
    let known_path = manifest().join("tests/escape_known_failures.txt");
    let known: BTreeSet<String> = std::fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let mut failing = BTreeSet::new();
    let mut report = String::new();
    let (mut lines_ok, mut lines_all) = ([0usize; 2], [0usize; 2]);
    let all = cases();
    assert!(!all.is_empty(), "no oracle cases found");
    for path in &all {
        let stem = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        for (i, (level, ext)) in [(1u8, "m.txt"), (2u8, "m2.txt")].into_iter().enumerate() {
            let exp_path = path.with_extension(ext);
            let Ok(expected) = std::fs::read_to_string(&exp_path) else {
                continue;
            };
            let expected: Vec<String> = expected
                .lines()
                .filter(|l| !l.starts_with("# "))
                .map(str::to_string)
                .collect();
            let got = escapade(path, level);
            lines_all[i] += expected.len();
            lines_ok[i] += matched(&expected, &got);
            if got != expected {
                let key = format!("{}:{stem}", if level == 1 { "m" } else { "m2" });
                if !known.contains(&key) {
                    report.push_str(&format!(
                        "--- {key}\nexpected:\n{}\ngot:\n{}\n",
                        expected.join("\n"),
                        got.join("\n")
                    ));
                }
                failing.insert(key);
            }
        }
    }
    eprintln!(
        "escape oracle: {} cases; -m lines matched {}/{}; -m=2 lines matched {}/{}; {} failing",
        all.len(),
        lines_ok[0],
        lines_all[0],
        lines_ok[1],
        lines_all[1],
        failing.len()
    );
    if std::env::var_os("ESCAPE_ORACLE_UPDATE").is_some() {
        let mut text = String::from(
            "# Oracle cases whose output does not match Go's yet (m: -m, m2: -m=2).\n\
             # Maintained by `ESCAPE_ORACLE_UPDATE=1 cargo test --test escape_oracle`.\n",
        );
        for f in &failing {
            text.push_str(f);
            text.push('\n');
        }
        std::fs::write(&known_path, text).expect("write known failures");
        return;
    }
    let newly_failing: Vec<_> = failing.difference(&known).collect();
    let newly_passing: Vec<_> = known.difference(&failing).collect();
    assert!(
        newly_failing.is_empty() && newly_passing.is_empty(),
        "newly failing: {newly_failing:?}\nnewly passing (remove from the list): {newly_passing:?}\n{report}"
    );
}
