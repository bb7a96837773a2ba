//! Token classes for syntax highlighting, read off the syntax tree.
//!
//! The editor colours exactly what the parser saw, so a reader who types
//! broken Go sees the colours change where the parse changes.

use super::{scanner::is_keyword, SyntaxTree};
use tree_sitter::Node;

/// What a highlighted token is. The frontend maps each to a CSS class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum HighlightClass {
    Keyword,
    Type,
    Function,
    String,
    Number,
    Comment,
    Constant,
    Builtin,
    Field,
    Operator,
}

impl HighlightClass {
    /// The CSS class the page uses for this token class.
    pub fn css_class(self) -> &'static str {
        match self {
            HighlightClass::Keyword => "tok-keyword",
            HighlightClass::Type => "tok-type",
            HighlightClass::Function => "tok-function",
            HighlightClass::String => "tok-string",
            HighlightClass::Number => "tok-number",
            HighlightClass::Comment => "tok-comment",
            HighlightClass::Constant => "tok-constant",
            HighlightClass::Builtin => "tok-builtin",
            HighlightClass::Field => "tok-field",
            HighlightClass::Operator => "tok-operator",
        }
    }
}

/// A highlighted byte range of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct HighlightSpan {
    pub start: usize,
    pub end: usize,
    pub class: HighlightClass,
}

const BUILTIN_FUNCS: &[&str] = &[
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
    "min", "new", "panic", "print", "println", "real", "recover",
];

const BUILTIN_TYPES: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
];

/// Highlight spans in source order, non-overlapping. Unclassified tokens
/// (plain identifiers, punctuation) get no span.
pub fn highlight(tree: &SyntaxTree) -> Vec<HighlightSpan> {
    let mut out = Vec::new();
    let Some(root) = tree.root() else {
        return out;
    };
    let source = tree.source();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if let Some(class) = classify(source, node) {
            if node.end_byte() > node.start_byte() {
                out.push(HighlightSpan {
                    start: node.start_byte(),
                    end: node.end_byte(),
                    class,
                });
            }
            continue;
        }
        let mut cursor = node.walk();
        let children: Vec<_> = node.children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}

fn classify(source: &str, node: Node<'_>) -> Option<HighlightClass> {
    let kind = node.kind();
    if node.is_missing() {
        return None;
    }
    let class = match kind {
        "comment" => HighlightClass::Comment,
        "interpreted_string_literal" | "raw_string_literal" | "rune_literal" => {
            HighlightClass::String
        }
        "int_literal" | "float_literal" | "imaginary_literal" => HighlightClass::Number,
        "true" | "false" | "nil" | "iota" => HighlightClass::Constant,
        "type_identifier" => {
            let text = &source[node.start_byte()..node.end_byte()];
            if BUILTIN_TYPES.contains(&text) {
                HighlightClass::Builtin
            } else {
                HighlightClass::Type
            }
        }
        "field_identifier" => {
            if is_called(node)
                || node
                    .parent()
                    .is_some_and(|p| p.kind() == "method_declaration")
            {
                HighlightClass::Function
            } else {
                HighlightClass::Field
            }
        }
        "identifier" => {
            let parent = node.parent()?;
            let text = &source[node.start_byte()..node.end_byte()];
            if parent.kind() == "literal_element" && is_composite_key(parent) {
                HighlightClass::Field
            } else if parent.kind() == "function_declaration" {
                HighlightClass::Function
            } else if is_called(node) {
                if BUILTIN_FUNCS.contains(&text) {
                    HighlightClass::Builtin
                } else {
                    HighlightClass::Function
                }
            } else {
                return None;
            }
        }
        k if node.child_count() == 0 && is_keyword(k) => HighlightClass::Keyword,
        ":=" | "=" | "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>" | "&^" | "+="
        | "-=" | "*=" | "/=" | "%=" | "&&" | "||" | "<-" | "++" | "--" | "==" | "<" | ">" | "!"
        | "!=" | "<=" | ">=" | "..." => HighlightClass::Operator,
        _ => return None,
    };
    Some(class)
}

/// Whether a composite-literal element is the key of a `key: value` pair.
fn is_composite_key(element: Node<'_>) -> bool {
    element
        .parent()
        .is_some_and(|p| p.kind() == "keyed_element" && p.child(0) == Some(element))
}

/// Whether `node` names the function of a call (`f(...)` or `x.f(...)`).
fn is_called(node: Node<'_>) -> bool {
    let Some(parent) = node.parent() else {
        return false;
    };
    let callee = if parent.kind() == "selector_expression" {
        if parent.child_by_field_name("field") != Some(node) {
            return false;
        }
        parent
    } else {
        node
    };
    callee.parent().is_some_and(|p| {
        p.kind() == "call_expression" && p.child_by_field_name("function") == Some(callee)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn classes(src: &str) -> Vec<(String, HighlightClass)> {
        let tree = parse(src);
        highlight(&tree)
            .into_iter()
            .map(|s| (src[s.start..s.end].to_string(), s.class))
            .collect()
    }

    #[test]
    fn classifies_the_tokens_of_a_small_program() {
        let src = "package main\n\n// hi\nfunc makeCar(b string) *Car {\n\treturn &Car{Brand: b, N: 42}\n}\n";
        let got = classes(src);
        let want = [
            ("package", HighlightClass::Keyword),
            ("// hi", HighlightClass::Comment),
            ("func", HighlightClass::Keyword),
            ("makeCar", HighlightClass::Function),
            ("string", HighlightClass::Builtin),
            ("*", HighlightClass::Operator),
            ("Car", HighlightClass::Type),
            ("return", HighlightClass::Keyword),
            ("&", HighlightClass::Operator),
            ("Car", HighlightClass::Type),
            ("Brand", HighlightClass::Field),
            ("N", HighlightClass::Field),
            ("42", HighlightClass::Number),
        ];
        let want: Vec<_> = want.iter().map(|(t, c)| (t.to_string(), *c)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn calls_are_functions_and_builtins_are_marked() {
        let got = classes("package main\nfunc f() { fmt.Println(len(\"x\")) }\n");
        assert!(
            got.contains(&("Println".into(), HighlightClass::Function)),
            "{got:?}"
        );
        assert!(
            got.contains(&("len".into(), HighlightClass::Builtin)),
            "{got:?}"
        );
        assert!(
            got.contains(&("\"x\"".into(), HighlightClass::String)),
            "{got:?}"
        );
    }
}
