//! `escapade`: the command-line face of sim-core.
//!
//! `escapade check FILE.go` prints problems exactly as `go build` would and
//! exits 1 when there are any; for a clean program it prints the escape
//! verdicts of `go build -gcflags='-m -l'` (`check -m=2 FILE.go`: with the
//! reasons, as `-m=2`). `escapade parse FILE.go` prints the syntax tree.

use std::process::ExitCode;

mod arena;

#[global_allocator]
static ALLOCATOR: arena::Allocator = arena::Allocator;

const USAGE: &str = "usage: escapade check [-m|-m=2] FILE.go\n       escapade parse FILE.go\n       escapade run|stats|trace FILE.go";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // The -m level of the escape report (gc's -m / -m=2; like gc, a
    // repeated -m counts up: `-m -m` is -m=2).
    let mut level = 1u8;
    let mut plain_m = 0u8;
    args.retain(|a| match a.as_str() {
        "-m" => {
            plain_m += 1;
            level = plain_m.min(2);
            false
        }
        "-m=1" => {
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
    match command {
        "parse" => {
            print!("{}", sim_core::parse(&source).to_sexp());
            ExitCode::SUCCESS
        }
        "check" => {
            arena::use_arena();
            // Like `go build`: a package header, then one line per error.
            let checked = sim_core::check_then_exit(&source);
            if checked.diagnostics.is_empty() {
                if let Some(program) = &checked.program {
                    let result = sim_core::escape::analyze(program);
                    let report = result.render(&file_name, level);
                    if !report.is_empty() {
                        eprint!("# command-line-arguments\n{report}");
                    }
                    if result.link_error.is_some() {
                        return ExitCode::from(1);
                    }
                    // The process ends here: freeing the program and the
                    // analysis piece by piece would only cost time.
                    std::mem::forget(result);
                }
                std::mem::forget(checked);
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
        "run" | "stats" | "trace" => machine_command(command, &source, &file_name),
        _ => {
            eprintln!("escapade: unknown command {command:?}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `run` behaves like the compiled program (its output and exit status);
/// `stats` prints the final counters as one JSON object; `trace` prints the
/// whole recorded trace as JSON.
fn machine_command(command: &str, source: &str, file_name: &str) -> ExitCode {
    use std::io::Write;
    let opts = sim_core::machine::Options {
        record: command == "trace",
        ..Default::default()
    };
    let trace = match sim_core::machine::run_source(source, &opts) {
        sim_core::machine::SourceRun::Ran(trace) => trace,
        sim_core::machine::SourceRun::Rejected(lines) => {
            eprintln!("# command-line-arguments");
            for d in lines {
                eprintln!("{}", d.go_format(file_name));
            }
            return ExitCode::from(1);
        }
        sim_core::machine::SourceRun::NotMain(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    match command {
        "run" => {
            for chunk in &trace.output {
                let _ = match chunk.stream {
                    sim_core::trace::Stream::Stdout => {
                        std::io::stdout().write_all(chunk.text.as_bytes())
                    }
                    sim_core::trace::Stream::Stderr => {
                        let _ = std::io::stdout().flush();
                        std::io::stderr().write_all(chunk.text.as_bytes())
                    }
                };
            }
            let _ = std::io::stdout().flush();
            ExitCode::from(trace.exit_code().clamp(0, 255) as u8)
        }
        "stats" => {
            let c = &trace.counters;
            println!(
                "{{\"steps\":{},\"heap_allocs\":{},\"heap_bytes\":{},\"stack_allocs\":{},\"gc_cycles\":{},\"max_stack_bytes\":{},\"goroutines\":{}}}",
                c.steps, c.heap_allocs, c.heap_bytes, c.stack_allocs, c.gc_cycles, c.max_stack_bytes, c.goroutines
            );
            ExitCode::SUCCESS
        }
        _ => {
            println!("{}", trace.to_json());
            ExitCode::SUCCESS
        }
    }
}
