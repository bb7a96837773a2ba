//! Go source → typed IR, with Go's own type-checking errors.
//!
//! [`check`] parses the source; if the syntax stage reports errors it
//! returns them unchanged (Go does not type-check a file that does not
//! parse). Otherwise it lowers the tree-sitter tree into an
//! [`ir::Program`], checking types as types2 does and phrasing every error
//! the way `go build` prints it. Errors are kept in the order types2 would
//! report them, then cut and sorted like cmd/compile does (at most ten,
//! then `too many errors`).
//!
//! Invariant: this module never panics on any input; unsupported Go gets a
//! `not supported yet: ...` diagnostic at its position.

/// The grammar's id of field `$name`, looked up once per call site (a
/// lookup by name compares strings every time).
macro_rules! field {
    ($name:literal) => {{
        static ID: std::sync::OnceLock<u16> = std::sync::OnceLock::new();
        *ID.get_or_init(|| crate::check::field_id($name))
    }};
}

mod assign;
mod call;
mod decls;
mod exprs;
mod exprstring;
mod fold;
mod generics;
mod lookup;
mod operand;
mod scope;
mod stdlib;
mod stmts;
mod terminating;

use crate::diag::{Diagnostic, Pos};
use crate::hash::HashMap;
use crate::ir::{self, Program, Span};
use crate::syntax::Node;
use crate::syntax::Reporter;
use scope::Scopes;

/// The result of checking: a program when the source is valid Go that
/// Escapade supports, and the diagnostics otherwise.
#[derive(Debug)]
pub struct Checked {
    pub program: Option<Program>,
    pub diagnostics: Vec<Diagnostic>,
    /// Who would print the errors in `go build`: the compiler, or (for a
    /// broken package clause or import list) the go command itself.
    pub reporter: Reporter,
}

impl Checked {
    /// The diagnostics as `go build` prints them (one entry per line, the
    /// `# command-line-arguments` header left out).
    pub fn go_lines(&self, file_name: &str) -> Vec<String> {
        let report = crate::syntax::SyntaxReport {
            reporter: self.reporter,
            errors: self.diagnostics.clone(),
        };
        report
            .go_output(file_name)
            .lines()
            .map(str::to_string)
            .collect()
    }
}

/// How many errors cmd/compile prints before giving up.
const MAX_ERRORS: usize = 10;

/// Deepest expression/statement nesting we lower; deeper input gets a
/// diagnostic instead of overflowing the stack.
const MAX_NESTING: u32 = 200;

/// Parses and checks one `package main` file.
pub fn check(source: &str) -> Checked {
    check_inner(source, false)
}

/// [`check`] for a process that ends right after (the CLI): the syntax tree
/// and the checker's working state are never freed, which saves the time
/// of freeing them piece by piece.
pub fn check_then_exit(source: &str) -> Checked {
    check_inner(source, true)
}

fn check_inner(source: &str, leak: bool) -> Checked {
    // The checker starts while the syntax errors are still being collected
    // (see `parse_for_check`); its work is dropped if they stop the build.
    let (tree, early) = crate::syntax::parse_for_check(source, |tree| check_tree(tree, leak));
    // Go's parser also checks break/continue/goto/labels; those errors do
    // not stop type checking, every other syntax error does.
    let only_branch_errors = tree.reporter() == Reporter::Compiler
        && tree.errors().iter().all(|d| is_branch_error(&d.message));
    if !only_branch_errors {
        return Checked {
            program: None,
            diagnostics: tree.errors().to_vec(),
            reporter: tree.reporter(),
        };
    }
    // tree-sitter's grammar may see an error where Go's sees none; then
    // the checker has not run yet.
    let Some(TreeChecked { prog, errors }) = early.flatten().or_else(|| check_tree(&tree, leak))
    else {
        return Checked {
            program: None,
            diagnostics: vec![Diagnostic {
                pos: Pos::new(1, 1),
                start: 0,
                end: 0,
                message: "internal error: no syntax tree".into(),
            }],
            reporter: Reporter::Compiler,
        };
    };
    // The syntax stage's branch errors come first, as the parser reports
    // them before type checking starts; ours would only repeat them.
    let mut all = tree.errors().to_vec();
    all.extend(errors.into_iter().filter(|d| !is_branch_error(&d.message)));
    let diagnostics = finish_diagnostics(all);
    if leak {
        std::mem::forget(tree);
    }
    Checked {
        program: diagnostics.is_empty().then_some(prog),
        diagnostics,
        reporter: Reporter::Compiler,
    }
}

/// What checking a tree gives before the syntax stage's errors join in.
struct TreeChecked {
    prog: Program,
    errors: Vec<Diagnostic>,
}

/// Lowers and checks a parsed file; `None` when it has no tree.
fn check_tree(tree: &crate::syntax::SyntaxTree, leak: bool) -> Option<TreeChecked> {
    let items = tree.top_level()?;
    let mut checker = Checker::new(tree.source());
    checker.check_file(items);
    let errors = std::mem::take(&mut checker.errors);
    let prog = std::mem::take(&mut checker.prog);
    if leak {
        std::mem::forget(checker);
    }
    Some(TreeChecked { prog, errors })
}

/// cmd/compile's rule: stop at the tenth error, sort what was collected,
/// and print `too many errors` at the tenth's position.
fn finish_diagnostics(mut errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let too_many = errors.len() >= MAX_ERRORS;
    errors.truncate(MAX_ERRORS);
    let last = errors.last().cloned();
    crate::sort::by_key(&mut errors, |d| (d.pos, d.start));
    errors.dedup_by(|a, b| a.pos == b.pos && a.message == b.message);
    if too_many {
        if let Some(last) = last {
            errors.push(Diagnostic {
                message: "too many errors".into(),
                ..last
            });
        }
    }
    errors
}

/// Byte offset → line:column, by binary search over line starts.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(src: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            src.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    fn pos(&self, offset: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        Pos::new(line as u32, (offset.saturating_sub(start)) as u32 + 1)
    }
}

/// One import of package main.
struct Import {
    name: String,
    path: String,
    used: bool,
    span: Span,
}

/// The function whose body is being lowered.
struct FuncCtx {
    func: ir::FuncId,
    results: Vec<ir::TypeId>,
    named_results: bool,
    /// Labels declared in the body, by name.
    labels: HashMap<String, ir::LabelId>,
    /// Labels used by goto/break/continue (to report unused ones).
    used_labels: Vec<ir::LabelId>,
    /// Enclosing breakable statements, innermost last: (label, stmt,
    /// is_loop).
    targets: Vec<(Option<ir::LabelId>, ir::StmtId, bool)>,
    /// Scope depth where this function's scopes start.
    scope_base: usize,
    closure_count: u32,
}

pub(crate) struct Checker<'t> {
    src: &'t str,
    lines: LineIndex,
    prog: Program,
    /// Errors in the order types2 reports them.
    errors: Vec<Diagnostic>,
    scopes: Scopes<'t>,
    imports: Vec<Import>,
    /// Loaded standard-library packages by path.
    std_pkgs: HashMap<String, HashMap<String, scope::Entity>>,
    funcs: Vec<FuncCtx>,
    used: Vec<bool>,
    /// Whether an `iota` is in scope, and its value.
    iota: Option<i128>,
    depth: u32,
    /// The package being declared (`None` for main).
    current_pkg: Option<String>,
    /// Package-level variables by (spec start, name), so that every name
    /// of a multi-name spec finds the variable lowered with the spec.
    global_by_name: HashMap<(usize, String), scope::Entity>,
    /// Function literals in package-level initialisers so far (gc numbers
    /// them `init.func1`, `init.func2`, ... across the package).
    package_closures: u32,
    /// Where each package-level name was declared (for "other
    /// declaration of" notes).
    decl_pos: HashMap<String, Pos>,
    /// Package-level declarations being resolved, outermost first.
    resolving: Vec<usize>,
    /// Generic functions and types, named by `Entity::Generic`.
    generics: Vec<generics::Generic<'t>>,
    /// Methods declared on generic types, by the type's name.
    generic_methods: HashMap<String, Vec<Node<'t>>>,
    /// Instance bodies still to lower.
    instance_bodies: std::collections::VecDeque<generics::InstanceBody<'t>>,
    /// Types declared inside functions so far.
    local_types: u32,
    /// The placeholder types standing for type parameters in inference.
    placeholders: crate::hash::HashSet<ir::TypeId>,
}

impl<'t> Checker<'t> {
    fn new(src: &'t str) -> Self {
        Checker {
            src,
            lines: LineIndex::new(src),
            prog: Program::default(),
            errors: Vec::new(),
            scopes: Scopes::new(),
            imports: Vec::new(),
            std_pkgs: HashMap::default(),
            funcs: Vec::new(),
            used: Vec::new(),
            iota: None,
            depth: 0,
            current_pkg: None,
            global_by_name: HashMap::default(),
            package_closures: 0,
            decl_pos: HashMap::default(),
            resolving: Vec::new(),
            generics: Vec::new(),
            generic_methods: HashMap::default(),
            instance_bodies: Default::default(),
            placeholders: Default::default(),
            local_types: 0,
        }
    }

    fn text(&self, node: Node<'_>) -> &'t str {
        self.src
            .get(node.start_byte()..node.end_byte())
            .unwrap_or("")
    }

    /// A span whose reported position is at byte `at` of the node.
    fn span_at(&self, node: Node<'_>, at: usize) -> Span {
        Span::new(self.lines.pos(at), node.start_byte(), node.end_byte())
    }

    fn span(&self, node: Node<'_>) -> Span {
        self.span_at(node, node.start_byte())
    }

    /// The span of `node` positioned at its first anonymous child `token`.
    fn span_at_token(&self, node: Node<'_>, token: &str) -> Span {
        let at = node
            .children()
            .find(|c| c.kind_str() == token)
            .map_or(node.start_byte(), |c| c.start_byte());
        self.span_at(node, at)
    }

    /// Reports an error at the start of `node` (types2 reports at the
    /// leftmost position of the offending syntax).
    fn error(&mut self, node: Node<'_>, message: impl Into<String>) {
        self.error_at(node.start_byte(), node.end_byte(), message);
    }

    fn error_at(&mut self, start: usize, end: usize, message: impl Into<String>) {
        if self.current_pkg.is_some() {
            return; // the standard-library declarations are trusted
        }
        let diag = Diagnostic {
            pos: self.lines.pos(start),
            start,
            end,
            message: message.into(),
        };
        // types2 never reports the same error twice; our fallbacks might.
        if !self
            .errors
            .iter()
            .any(|d| d.pos == diag.pos && d.message == diag.message)
        {
            self.errors.push(diag);
        }
    }

    fn unsupported(&mut self, node: Node<'_>, what: &str) {
        self.error(node, format!("not supported yet: {what}"));
    }

    fn mark_used(&mut self, var: ir::VarId) {
        let i = var.0 as usize;
        if self.used.len() <= i {
            self.used.resize(i + 1, false);
        }
        self.used[i] = true;
    }

    fn is_used(&self, var: ir::VarId) -> bool {
        self.used.get(var.0 as usize).copied().unwrap_or(false)
    }
}

/// Whether a message is one of the parser's branch checks (see
/// `syntax/branches.rs`), which Go reports without stopping.
fn is_branch_error(message: &str) -> bool {
    const EXACT: [&str; 5] = [
        "break is not in a loop, switch, or select",
        "continue is not in a loop",
        "cannot fallthrough final case in switch",
        "cannot fallthrough in type switch",
        "fallthrough statement out of place",
    ];
    const PREFIXES: [&str; 6] = [
        "break label not defined: ",
        "continue label not defined: ",
        "invalid break label ",
        "invalid continue label ",
        "goto ",
        "label ",
    ];
    EXACT.contains(&message) || PREFIXES.iter().any(|p| message.starts_with(p))
}

/// Named children of a node, comments left out.
fn children<'n>(node: Node<'n>) -> Vec<Node<'n>> {
    node.named_children()
        .filter(|n| n.kind_str() != "comment")
        .collect()
}

/// The Go grammar's id for a field name (0 if there is none).
pub(crate) use crate::syntax::field_id;

/// Children of `node` under field `name`.
fn field_children<'n>(node: Node<'n>, name: &str) -> Vec<Node<'n>> {
    let id = match name {
        "name" => field!("name"),
        "type" => field!("type"),
        _ => field_id(name),
    };
    node.children_by_field_id(id)
        .filter(|n| n.kind_str() != "comment" && n.kind_str() != ",")
        .collect()
}

#[cfg(test)]
mod tests;
