//! Prints each Go file's syntax errors exactly as `go build` would (without
//! the `# command-line-arguments` line): a tool for differential fuzzing
//! against the real compiler (see scripts/fuzz-syntax-oracle).
//!
//! Usage: `cargo run -p sim-core --example go_syntax_errors -- FILE.go...`;
//! the output for each file follows a `== FILE` line.

fn main() {
    for path in std::env::args().skip(1) {
        println!("== {path}");
        let Ok(source) = std::fs::read_to_string(&path) else {
            println!("unreadable");
            continue;
        };
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        print!(
            "{}",
            sim_core::syntax::syntax_report(&source, &name).go_output(&name)
        );
    }
}
