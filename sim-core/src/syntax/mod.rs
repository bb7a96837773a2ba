//! Go source → tree-sitter-go syntax tree.
//!
//! This is the only module that touches tree-sitter. It never fails: a
//! source that does not parse still gives a tree (with error nodes) and a
//! list of syntax errors. The errors do not come from tree-sitter: a Go
//! scanner and a recognizer that mirrors the Go compiler's parser produce
//! them with the compiler's exact words and positions.

mod ast;
mod branches;
mod errors;
mod header;
mod highlight;
mod printer;
mod recognizer;
mod scanner;

pub use highlight::{highlight, HighlightClass, HighlightSpan};

use crate::diag::Diagnostic;

/// A parsed Go file: the source, its tree and its syntax errors.
pub struct SyntaxTree {
    source: String,
    tree: Option<tree_sitter::Tree>,
    errors: Vec<Diagnostic>,
    reporter: Reporter,
}

impl SyntaxTree {
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The tree's root node, or `None` in the unlikely case that tree-sitter
    /// gave up (it only does so on cancellation, which we never request).
    pub fn root(&self) -> Option<tree_sitter::Node<'_>> {
        self.tree.as_ref().map(|t| t.root_node())
    }

    /// Syntax errors as `go build` reports them: sorted by position, at
    /// most one "syntax error" per line, at most ten then "too many errors".
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }

    /// Who reports [`SyntaxTree::errors`] in `go build`, which decides how
    /// they are printed (see [`SyntaxReport::go_output`]).
    pub fn reporter(&self) -> Reporter {
        self.reporter
    }

    /// The tree as an S-expression with byte ranges: a compact, stable
    /// rendering used to check that native and wasm builds agree.
    pub fn to_sexp(&self) -> String {
        let mut out = String::new();
        if let Some(root) = self.root() {
            write_sexp(root, &mut out, 0);
        }
        out
    }
}

fn write_sexp(node: tree_sitter::Node<'_>, out: &mut String, depth: usize) {
    use std::fmt::Write;
    for _ in 0..depth {
        out.push_str("  ");
    }
    let kind = if node.is_missing() {
        format!("MISSING {}", node.kind())
    } else {
        node.kind().to_string()
    };
    let _ = writeln!(out, "{kind} {}..{}", node.start_byte(), node.end_byte());
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        write_sexp(child, out, depth + 1);
    }
}

/// The file name [`parse`] assumes when a message quotes a position.
pub const DEFAULT_FILE_NAME: &str = "main.go";

/// Who reports a file's syntax errors in `go build`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reporter {
    /// The compiler: `./FILE:L:C: msg` lines after a package header line.
    Compiler,
    /// The go command, which parses the package clause and imports itself
    /// first and stops at the first error there: one `FILE:L:C: msg` line.
    GoCommand,
    /// The go command failing to read the file: `go: reading FILE: msg`.
    GoCommandRead,
}

/// A file's syntax errors as `go build` reports them.
#[derive(Clone, Debug)]
pub struct SyntaxReport {
    pub reporter: Reporter,
    pub errors: Vec<Diagnostic>,
}

impl SyntaxReport {
    /// The report as `go build` prints it, without the
    /// `# command-line-arguments` line the compiler's errors come after.
    pub fn go_output(&self, file_name: &str) -> String {
        let mut out = String::new();
        for d in &self.errors {
            match self.reporter {
                Reporter::Compiler => out.push_str(&d.go_format(file_name)),
                Reporter::GoCommand => {
                    out.push_str(&format!("{file_name}:{}: {}", d.pos, d.message))
                }
                Reporter::GoCommandRead => {
                    out.push_str(&format!("go: reading {file_name}: {}", d.message))
                }
            }
            out.push('\n');
        }
        out
    }
}

/// The syntax errors `go build` reports for a file named `file_name`, in
/// its order (sorted by position, at most ten then "too many errors").
pub fn syntax_report(source: &str, file_name: &str) -> SyntaxReport {
    match header::check(source) {
        Some(header::HeaderError::Parse(error)) => {
            return SyntaxReport {
                reporter: Reporter::GoCommand,
                errors: vec![error],
            }
        }
        Some(header::HeaderError::Read(error)) => {
            return SyntaxReport {
                reporter: Reporter::GoCommandRead,
                errors: vec![error],
            }
        }
        None => {}
    }
    SyntaxReport {
        reporter: Reporter::Compiler,
        errors: errors::collect(source, file_name),
    }
}

/// Parses Go source known to be valid (the standard-library declarations):
/// the tree only, without looking for syntax errors.
pub(crate) fn parse_trusted(source: &str) -> SyntaxTree {
    let mut parser = tree_sitter::Parser::new();
    let language: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
    let tree = match parser.set_language(&language) {
        Ok(()) => parser.parse(source, None),
        Err(_) => None,
    };
    SyntaxTree {
        source: source.to_string(),
        tree,
        errors: Vec::new(),
        reporter: Reporter::Compiler,
    }
}

/// Parses Go source. Always returns a tree; syntax errors are in
/// [`SyntaxTree::errors`].
pub fn parse(source: &str) -> SyntaxTree {
    let mut parser = tree_sitter::Parser::new();
    let language: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
    let tree = match parser.set_language(&language) {
        Ok(()) => parser.parse(source, None),
        Err(_) => None,
    };
    let report = match &tree {
        Some(_) => syntax_report(source, DEFAULT_FILE_NAME),
        None => SyntaxReport {
            reporter: Reporter::Compiler,
            errors: vec![Diagnostic {
                pos: crate::Pos::new(1, 1),
                start: 0,
                end: 0,
                message: "internal error: the Go grammar could not be loaded".into(),
            }],
        },
    };
    SyntaxTree {
        source: source.to_string(),
        tree,
        errors: report.errors,
        reporter: report.reporter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(src: &str) -> Vec<String> {
        parse(src)
            .errors()
            .iter()
            .map(|d| format!("{}: {}", d.pos, d.message))
            .collect()
    }

    #[test]
    fn clean_program_has_no_errors() {
        let src = "package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n}\n";
        assert_eq!(errors_of(src), Vec::<String>::new());
    }

    #[test]
    fn unexpected_token_is_reported_at_its_line_and_column() {
        let src = "package main\n\nfunc main() {\n\tx := 1 +\n}\n";
        // Recorded from go1.27.3: ./a.go:5:1: syntax error: unexpected }, expected expression
        assert_eq!(
            errors_of(src),
            ["5:1: syntax error: unexpected }, expected expression"]
        );
    }

    #[test]
    fn stray_closing_brace_is_reported() {
        let src = "package main\n\nfunc main() {\n}\n}\n";
        // Recorded from go1.27.3.
        assert_eq!(
            errors_of(src),
            ["5:1: syntax error: non-declaration statement outside function body"]
        );
    }

    #[test]
    fn spans_cover_the_offending_token_or_one_character() {
        let src = "package main\n\nfunc main() {\n\tf(a b)\n\tg(1\n}\n";
        let tree = parse(src);
        let spans: Vec<(&str, &str)> = tree
            .errors()
            .iter()
            .map(|d| (d.message.as_str(), &src[d.start..d.end]))
            .collect();
        // Messages recorded from go1.27.3.
        assert_eq!(
            spans,
            [
                (
                    "syntax error: unexpected name b in argument list; possibly missing comma or )",
                    "b"
                ),
                (
                    "syntax error: unexpected newline in argument list; possibly missing comma or )",
                    "\n"
                ),
            ]
        );
    }

    #[test]
    fn sexp_names_every_node_with_its_range() {
        let sexp = parse("package main\n").to_sexp();
        assert!(sexp.starts_with("source_file 0..13\n"), "{sexp}");
        assert!(sexp.contains("package_clause 0..12"), "{sexp}");
    }
}
