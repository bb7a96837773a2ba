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
mod flat;
mod header;
mod highlight;
mod printer;
mod recognizer;
mod scanner;
/// Cutting a file for two parser threads: none in the browser.
#[cfg(not(target_arch = "wasm32"))]
mod split;

use flat::FlatTree;
pub use flat::{field_id, Node};
pub use highlight::{highlight, HighlightClass, HighlightSpan};

use crate::diag::Diagnostic;

/// A parsed Go file: the source, its tree and its syntax errors.
pub struct SyntaxTree {
    source: String,
    /// tree-sitter's tree of the whole file, from [`parse`].
    tree: Option<tree_sitter::Tree>,
    /// The checker's flat copies, from [`parse_for_check`] and
    /// [`parse_trusted`]: the whole file's, or one per part when the file
    /// was cut in two.
    parts: Vec<FlatTree>,
    errors: Vec<Diagnostic>,
    reporter: Reporter,
}

impl SyntaxTree {
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The tree's root node, or `None` in the unlikely case that tree-sitter
    /// gave up (it only does so on cancellation, which we never request).
    /// Only [`parse`] keeps tree-sitter's tree.
    pub fn root(&self) -> Option<tree_sitter::Node<'_>> {
        self.tree.as_ref().map(|t| t.root_node())
    }

    /// The checker's view of the file: its top-level nodes (package
    /// clause, imports, declarations and comments) in source order, across
    /// all parts. `None` when tree-sitter gave up, or for a tree from
    /// [`parse`].
    pub fn top_level(&self) -> Option<Vec<Node<'_>>> {
        if self.parts.is_empty() {
            return None;
        }
        let roots = self.parts.iter().map(FlatTree::root);
        Some(roots.flat_map(|root| root.named_children()).collect())
    }

    /// Whether the checker's trees exist and tree-sitter found nothing
    /// wrong in them (Go's own verdict is in [`SyntaxTree::errors`]).
    fn is_well_formed(&self) -> bool {
        !self.parts.is_empty() && self.parts.iter().all(|p| !p.has_error())
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

impl Default for SyntaxReport {
    /// No errors.
    fn default() -> SyntaxReport {
        SyntaxReport {
            reporter: Reporter::Compiler,
            errors: Vec::new(),
        }
    }
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

/// Parses Go source known to be valid (the standard-library declarations)
/// for the checker, without looking for syntax errors.
pub(crate) fn parse_trusted(source: &str) -> SyntaxTree {
    SyntaxTree {
        source: source.to_string(),
        tree: None,
        parts: parse_range(source, None)
            .into_iter()
            .map(FlatTree::new)
            .collect(),
        errors: Vec::new(),
        reporter: Reporter::Compiler,
    }
}

/// Parses Go source. Always returns a tree; syntax errors are in
/// [`SyntaxTree::errors`].
pub fn parse(source: &str) -> SyntaxTree {
    let tree = parse_range(source, None);
    let report = syntax_report(source, DEFAULT_FILE_NAME);
    let loaded = tree.is_some();
    with_report(source, tree, Vec::new(), loaded, report)
}

/// Parses Go source for the checker, which reads it through
/// [`SyntaxTree::top_level`], and runs `meanwhile` on the trees while the
/// syntax errors are still being collected. `meanwhile` runs only when
/// tree-sitter found the file well formed, and its result is `None`
/// otherwise; a caller must still look at the errors before trusting it.
///
/// On a native build a large file is cut between two declarations (see
/// [`split`]): its halves are parsed and copied on two threads, and the
/// second thread goes on to collect the syntax errors while this one runs
/// `meanwhile`. Nodes carry the whole file's offsets either way.
pub(crate) fn parse_for_check<R>(
    source: &str,
    meanwhile: impl FnOnce(&SyntaxTree) -> R,
) -> (SyntaxTree, Option<R>) {
    let flat = |range| parse_range(source, range).map(FlatTree::new);
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(cut) = split::split_point(source).filter(|_| may_cut()) {
        return std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(1);
            let second = scope.spawn(move || {
                // If the receiver is gone this thread's tree is not needed.
                let _ = send.send(flat(Some(cut..source.len())));
                syntax_report(source, DEFAULT_FILE_NAME)
            });
            let first = flat(Some(0..cut));
            let second_tree = receive.recv().ok().flatten();
            let parts: Vec<FlatTree> = first.into_iter().chain(second_tree).collect();
            let loaded = parts.len() == 2;
            let mut tree = with_report(source, None, parts, loaded, SyntaxReport::default());
            let result = tree.is_well_formed().then(|| meanwhile(&tree));
            let report = second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            if loaded {
                tree.errors = report.errors;
                tree.reporter = report.reporter;
            }
            (tree, result)
        });
    }
    let parts: Vec<FlatTree> = flat(None).into_iter().collect();
    let loaded = !parts.is_empty();
    let tree = with_report(
        source,
        None,
        parts,
        loaded,
        syntax_report(source, DEFAULT_FILE_NAME),
    );
    let result = tree.is_well_formed().then(|| meanwhile(&tree));
    (tree, result)
}

/// Whether [`parse_for_check`] may cut a file; only tests say no, to
/// compare with the file parsed whole.
#[cfg(not(target_arch = "wasm32"))]
fn may_cut() -> bool {
    #[cfg(test)]
    return !tests::whole_only();
    #[cfg(not(test))]
    true
}

/// tree-sitter's tree of `source`, or of the lines in `range` only (a
/// range starts at a line start).
fn parse_range(source: &str, range: Option<std::ops::Range<usize>>) -> Option<tree_sitter::Tree> {
    let mut parser = tree_sitter::Parser::new();
    let language: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
    parser.set_language(&language).ok()?;
    if let Some(range) = range {
        let point = |byte: usize| {
            let before = &source.as_bytes()[..byte];
            let row = before.iter().filter(|&&b| b == b'\n').count();
            let column = byte
                - before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
            tree_sitter::Point { row, column }
        };
        let range = tree_sitter::Range {
            start_byte: range.start,
            end_byte: range.end,
            start_point: point(range.start),
            end_point: point(range.end),
        };
        parser.set_included_ranges(&[range]).ok()?;
    }
    parser.parse(source, None)
}

/// A [`SyntaxTree`] from its trees and the file's syntax report; `loaded`
/// says whether tree-sitter gave every tree asked for.
fn with_report(
    source: &str,
    tree: Option<tree_sitter::Tree>,
    parts: Vec<FlatTree>,
    loaded: bool,
    report: SyntaxReport,
) -> SyntaxTree {
    let report = if loaded {
        report
    } else {
        SyntaxReport {
            reporter: Reporter::Compiler,
            errors: vec![Diagnostic {
                pos: crate::Pos::new(1, 1),
                start: 0,
                end: 0,
                message: "internal error: the Go grammar could not be loaded".into(),
            }],
        }
    };
    SyntaxTree {
        source: source.to_string(),
        tree,
        parts: if loaded { parts } else { Vec::new() },
        errors: report.errors,
        reporter: report.reporter,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    thread_local! {
        static WHOLE_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Runs `f` with files never cut in two, for comparing the two ways.
    pub(crate) fn without_cutting<T>(f: impl FnOnce() -> T) -> T {
        WHOLE_ONLY.with(|w| w.set(true));
        let out = f();
        WHOLE_ONLY.with(|w| w.set(false));
        out
    }

    pub(super) fn whole_only() -> bool {
        WHOLE_ONLY.with(|w| w.get())
    }

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

    /// A file large enough to be cut parses into parts whose top-level
    /// nodes, and everything under them, are those of the whole file's
    /// tree; a `//go:` comment stays with its declaration.
    #[test]
    fn a_file_cut_in_two_gives_the_whole_files_nodes() {
        let mut src = String::from("package main\n\nimport \"fmt\"\n\n");
        for i in 0..300 {
            src.push_str(&format!(
                "type T{i} struct {{\n\tv int\n}}\n\n//go:noinline\nfunc f{i}(p *T{i}) string {{\n\ts := `raw\n}}\n\nfunc fake() {{`\n\treturn fmt.Sprint(p.v, s)\n}}\n\n"
            ));
        }
        let cut = split::split_point(&src).expect("a cut");
        let whole = parse(&src);
        let parted = parse_for_check(&src, |_| ()).0;
        assert_eq!(parted.parts.len(), 2, "cut at {cut}");
        assert!(parted.errors().is_empty() && whole.errors().is_empty());
        let root = whole.root().expect("a tree");
        let mut cursor = root.walk();
        let expected: Vec<_> = root.named_children(&mut cursor).collect();
        let items = parted.top_level().expect("parts");
        assert_eq!(expected.len(), items.len());
        for (ts, node) in expected.into_iter().zip(items) {
            flat::tests::assert_same(ts, node);
            if node.start_byte() == cut {
                let before = ts.prev_sibling().expect("a declaration before the cut");
                assert_ne!(before.kind(), "comment");
            }
        }
    }

    #[test]
    fn sexp_names_every_node_with_its_range() {
        let sexp = parse("package main\n").to_sexp();
        assert!(sexp.starts_with("source_file 0..13\n"), "{sexp}");
        assert!(sexp.contains("package_clause 0..12"), "{sexp}");
    }
}
