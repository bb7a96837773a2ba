//! Syntax errors from tree-sitter's error recovery, phrased the way the Go
//! parser phrases them ("syntax error: unexpected newline, expected ...").
//!
//! tree-sitter marks skipped tokens with ERROR nodes and invented tokens with
//! MISSING nodes. Go reports the first token it could not use, so for each
//! such node we find that token, applying Go's automatic semicolon rule to
//! decide when the unexpected token is really the end of a line.

use crate::diag::{Diagnostic, Pos};
use tree_sitter::Node;

/// Collects syntax errors in source order, at most one per line (Go stops
/// reporting further errors on a line once it has reported one there).
pub(super) fn collect(source: &str, root: Node<'_>) -> Vec<Diagnostic> {
    let tokens = tokens(root);
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut stack = vec![root];
    let mut problems: Vec<Node<'_>> = Vec::new();
    while let Some(node) = stack.pop() {
        if node.is_error() || node.is_missing() {
            problems.push(node);
            continue;
        }
        if node.has_error() {
            let mut cursor = node.walk();
            let children: Vec<_> = node.children(&mut cursor).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    problems.sort_by_key(|n| n.start_byte());
    for node in problems {
        let diag = describe_problem(source, &tokens, node);
        if out.last().is_none_or(|last| last.pos.line != diag.pos.line) {
            out.push(diag);
        }
    }
    out
}

/// The leaf tokens of the tree in order, comments left out.
fn tokens(root: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.kind() == "comment" {
            continue;
        }
        if node.child_count() == 0 || is_atomic_token(node.kind()) {
            out.push(node);
            continue;
        }
        let mut cursor = node.walk();
        let children: Vec<_> = node.children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}

/// Nodes that the Go scanner sees as a single token even though
/// tree-sitter gives them children.
fn is_atomic_token(kind: &str) -> bool {
    matches!(
        kind,
        "interpreted_string_literal" | "raw_string_literal" | "rune_literal"
    )
}

fn describe_problem(source: &str, tokens: &[Node<'_>], node: Node<'_>) -> Diagnostic {
    // The first real token at or after the problem is what Go stumbled on.
    let first_inside = tokens
        .iter()
        .position(|t| t.start_byte() >= node.start_byte() && !t.is_missing());
    let expected = node.is_missing().then(|| expected_name(node.kind()));
    let mut index = first_inside.unwrap_or(tokens.len());
    let mut expected = expected;
    // A skipped run that ends in an operator wanted an operand after it:
    // Go reports the token that follows, which is not an expression.
    if node.is_error() && expected.is_none() {
        let last = tokens
            .iter()
            .rposition(|t| t.end_byte() <= node.end_byte() && t.start_byte() >= node.start_byte());
        if let Some(last) = last.filter(|&i| wants_operand(tokens[i].kind())) {
            index = last + 1;
            expected = Some("expression".into());
        } else if node.parent().is_some_and(|p| p.kind() == "source_file")
            && tokens
                .get(index)
                .is_some_and(|t| !starts_declaration(t.kind()))
        {
            let at = tokens[index];
            return Diagnostic {
                pos: Pos::of_offset(source, at.start_byte()),
                start: at.start_byte(),
                end: at.end_byte(),
                message: "syntax error: non-declaration statement outside function body".into(),
            };
        }
    }
    let (pos, start, end, found) = unexpected_token(source, tokens, index, node.start_byte());
    let message = match expected {
        Some(expected) => format!("syntax error: unexpected {found}, expected {expected}"),
        None => format!("syntax error: unexpected {found}"),
    };
    Diagnostic {
        pos,
        start,
        end,
        message,
    }
}

/// The token Go would report as unexpected when the parser is at token
/// `index`: a newline if Go's scanner inserted a semicolon before it.
fn unexpected_token(
    source: &str,
    tokens: &[Node<'_>],
    index: usize,
    fallback_offset: usize,
) -> (Pos, usize, usize, String) {
    let previous = tokens[..index.min(tokens.len())]
        .iter()
        .rev()
        .find(|t| !t.is_missing() && t.end_byte() > t.start_byte());
    let next = tokens.get(index);
    if let Some(prev) = previous {
        let on_new_line = match next {
            Some(next) => next.start_position().row > prev.end_position().row,
            None => true,
        };
        if on_new_line && inserts_semicolon(prev.kind()) {
            let at = prev.end_byte();
            let newline_end = source[at..].find('\n').map_or(source.len(), |i| at + i + 1);
            return (
                Pos::of_offset(source, at),
                at,
                newline_end,
                "newline".into(),
            );
        }
    }
    match next {
        Some(tok) => (
            Pos::of_offset(source, tok.start_byte()),
            tok.start_byte(),
            tok.end_byte(),
            describe_token(source, *tok),
        ),
        None => {
            let at = fallback_offset.max(source.len());
            (Pos::of_offset(source, at), at, at, "EOF".into())
        }
    }
}

/// Binary and unary operators: the parser needs an operand after them.
fn wants_operand(kind: &str) -> bool {
    matches!(
        kind,
        "+" | "-"
            | "*"
            | "/"
            | "%"
            | "&"
            | "|"
            | "^"
            | "<<"
            | ">>"
            | "&^"
            | "&&"
            | "||"
            | "=="
            | "!="
            | "<"
            | "<="
            | ">"
            | ">="
            | "!"
            | "<-"
            | "="
            | ":="
            | "+="
            | "-="
            | "*="
            | "/="
            | "%="
    )
}

/// Tokens that may begin a top-level declaration.
fn starts_declaration(kind: &str) -> bool {
    matches!(
        kind,
        "func" | "var" | "const" | "type" | "import" | "package"
    )
}

/// Go's scanner inserts a semicolon at a newline after these tokens.
fn inserts_semicolon(kind: &str) -> bool {
    matches!(
        kind,
        "identifier"
            | "field_identifier"
            | "type_identifier"
            | "package_identifier"
            | "label_name"
            | "int_literal"
            | "float_literal"
            | "imaginary_literal"
            | "rune_literal"
            | "interpreted_string_literal"
            | "raw_string_literal"
            | "true"
            | "false"
            | "nil"
            | "iota"
            | "break"
            | "continue"
            | "fallthrough"
            | "return"
            | "++"
            | "--"
            | ")"
            | "]"
            | "}"
    )
}

/// How Go names a token in "unexpected X": `name x`, `literal 42`,
/// `keyword func`, or the operator itself.
fn describe_token(source: &str, token: Node<'_>) -> String {
    let text = &source[token.start_byte()..token.end_byte()];
    match token.kind() {
        "identifier" | "field_identifier" | "type_identifier" | "package_identifier"
        | "label_name" | "true" | "false" | "nil" | "iota" | "blank_identifier" => {
            format!("name {text}")
        }
        "int_literal"
        | "float_literal"
        | "imaginary_literal"
        | "rune_literal"
        | "interpreted_string_literal"
        | "raw_string_literal" => format!("literal {text}"),
        kind if is_keyword(kind) => format!("keyword {text}"),
        _ => text.to_string(),
    }
}

pub(super) fn is_keyword(kind: &str) -> bool {
    matches!(
        kind,
        "break"
            | "case"
            | "chan"
            | "const"
            | "continue"
            | "default"
            | "defer"
            | "else"
            | "fallthrough"
            | "for"
            | "func"
            | "go"
            | "goto"
            | "if"
            | "import"
            | "interface"
            | "map"
            | "package"
            | "range"
            | "return"
            | "select"
            | "struct"
            | "switch"
            | "type"
            | "var"
    )
}

/// What Go calls the thing a MISSING node stands for.
fn expected_name(kind: &str) -> String {
    match kind {
        "identifier" | "field_identifier" | "type_identifier" => "name".into(),
        "}" => "}".into(),
        ")" => ")".into(),
        _ => kind.to_string(),
    }
}
