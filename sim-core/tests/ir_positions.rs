//! Every position gc reports in its escape output (`-m -l`) must be the
//! position of some IR node (expression, variable or function), so the
//! escape analysis can attach its verdicts where Go does.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

fn positions_of(program: &sim_core::ir::Program) -> HashSet<(u32, u32)> {
    let mut set = HashSet::new();
    for (_, e) in program.exprs.iter() {
        set.insert((e.span.pos.line, e.span.pos.col));
    }
    for (_, v) in program.vars.iter() {
        set.insert((v.span.pos.line, v.span.pos.col));
    }
    for (_, f) in program.funcs.iter() {
        set.insert((f.span.pos.line, f.span.pos.col));
    }
    for (_, s) in program.stmts.iter() {
        set.insert((s.span.pos.line, s.span.pos.col));
    }
    set
}

#[test]
fn escape_report_positions_are_ir_positions() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("../../shared/corpus"), root.join("tests/go")];
    let mut missing = Vec::new();
    let mut checked_lines = 0;
    for dir in dirs.drain(..) {
        let Ok(rd) = fs::read_dir(&dir) else { continue };
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for go in files
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "go"))
        {
            let Ok(src) = fs::read_to_string(go) else {
                continue;
            };
            let checked = sim_core::check(&src);
            let Some(program) = checked.program else {
                continue;
            };
            let known = positions_of(&program);
            let name = go
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let prefix = format!("./{name}:");
            let report = fs::read_to_string(go.with_extension("m.txt")).unwrap_or_default();
            for line in report.lines() {
                let Some(rest) = line.strip_prefix(&prefix) else {
                    continue;
                };
                let mut parts = rest.splitn(3, ':');
                let (Some(l), Some(c)) = (parts.next(), parts.next()) else {
                    continue;
                };
                let (Ok(l), Ok(c)) = (l.parse::<u32>(), c.parse::<u32>()) else {
                    continue;
                };
                checked_lines += 1;
                if !known.contains(&(l, c)) {
                    missing.push(format!("{name}:{l}:{c}:{}", parts.next().unwrap_or("")));
                }
            }
        }
    }
    println!("{checked_lines} reported positions checked");
    assert!(
        missing.is_empty(),
        "positions with no IR node:\n{}",
        missing.join("\n")
    );
}
