//! `escapade`: the command-line face of sim-core.
//!
//! `escapade check FILE.go` prints problems exactly as `go build` would and
//! exits 1 when there are any; for a clean program it prints the escape
//! verdicts of `go build -gcflags='-m -l'` (`check -m=2 FILE.go`: with the
//! reasons, as `-m=2`). `escapade parse FILE.go` prints the syntax tree.

use std::process::ExitCode;

const USAGE: &str = "usage: escapade check [-m|-m=2] FILE.go\n       escapade parse FILE.go";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // The -m level of the escape report (gc's -m / -m=2).
    let mut level = 1u8;
    args.retain(|a| match a.as_str() {
        "-m" | "-m=1" => {
            level = 1;
            false
        }
        "-m=2" => {
            level = 2;
            false
        }
        _ => true,
    });
    let (command, path) = match args.as_slice() {
        [command, path] => (command.as_str(), path.as_str()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let source = match std::fs::read_to_string(path) {
        Ok(source) => source,
        Err(err) => {
            eprintln!("escapade: {path}: {err}");
            return ExitCode::from(2);
        }
    };
    let file_name = std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned());
    let tree = sim_core::parse(&source);
    match command {
        "parse" => {
            print!("{}", tree.to_sexp());
            ExitCode::SUCCESS
        }
        "check" => {
            // Like `go build`: a package header, then one line per error.
            let checked = sim_core::check(&source);
            if checked.diagnostics.is_empty() {
                if let Some(program) = &checked.program {
                    let report = sim_core::escape::analyze(program).render(&file_name, level);
                    if !report.is_empty() {
                        eprintln!("# command-line-arguments");
                        eprint!("{report}");
                    }
                }
                return ExitCode::SUCCESS;
            }
            if checked.reporter == sim_core::syntax::Reporter::Compiler {
                eprintln!("# command-line-arguments");
            }
            for line in checked.go_lines(&file_name) {
                eprintln!("{line}");
            }
            ExitCode::from(1)
        }
        _ => {
            eprintln!("escapade: unknown command {command:?}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
