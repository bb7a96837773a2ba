//! Source expressions printed the way types2 quotes them in messages
//! (syntax.String in short form): normalised spacing, composite literal
//! contents and function bodies shown as `…`.

use super::children;
use crate::syntax::Node;

/// Deepest nesting printed before giving up with `…`.
const MAX_DEPTH: u32 = 64;

pub fn expr_string(src: &str, node: Node<'_>) -> String {
    let mut out = String::new();
    write(src, node, &mut out, 0);
    out
}

fn text<'a>(src: &'a str, node: Node<'_>) -> &'a str {
    src.get(node.start_byte()..node.end_byte()).unwrap_or("")
}

fn write(src: &str, node: Node<'_>, out: &mut String, depth: u32) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    let d = depth + 1;
    let field = |name: &str| node.child_by_field_name(name);
    match node.kind_str() {
        "parenthesized_expression" | "parenthesized_type" => {
            out.push('(');
            for c in children(node) {
                write(src, c, out, d);
            }
            out.push(')');
        }
        "binary_expression" => {
            if let (Some(l), Some(op), Some(r)) = (field("left"), field("operator"), field("right"))
            {
                write(src, l, out, d);
                out.push(' ');
                out.push_str(text(src, op));
                out.push(' ');
                write(src, r, out, d);
            }
        }
        "unary_expression" => {
            if let (Some(op), Some(x)) = (field("operator"), field("operand")) {
                out.push_str(text(src, op));
                write(src, x, out, d);
            }
        }
        "call_expression" => {
            if let Some(f) = field("function") {
                write(src, f, out, d);
            }
            out.push('(');
            if let Some(args) = field("arguments") {
                let items = children(args);
                for (i, a) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write(src, *a, out, d);
                }
                // A trailing `...` is an anonymous child of the list.
                if args.children().any(|c| c.kind_str() == "...") {
                    out.push_str("...");
                }
            }
            out.push(')');
        }
        "variadic_argument" => {
            for c in children(node) {
                write(src, c, out, d);
            }
            out.push_str("...");
        }
        "selector_expression" => {
            if let Some(x) = field("operand") {
                write(src, x, out, d);
            }
            out.push('.');
            if let Some(f) = field("field") {
                out.push_str(text(src, f));
            }
        }
        "index_expression" => {
            if let Some(x) = field("operand") {
                write(src, x, out, d);
            }
            out.push('[');
            if let Some(i) = field("index") {
                write(src, i, out, d);
            }
            out.push(']');
        }
        "slice_expression" => {
            if let Some(x) = field("operand") {
                write(src, x, out, d);
            }
            out.push('[');
            if let Some(s) = field("start") {
                write(src, s, out, d);
            }
            out.push(':');
            if let Some(e) = field("end") {
                write(src, e, out, d);
            }
            if let Some(c) = field("capacity") {
                out.push(':');
                write(src, c, out, d);
            }
            out.push(']');
        }
        "type_assertion_expression" => {
            if let Some(x) = field("operand") {
                write(src, x, out, d);
            }
            out.push_str(".(");
            if let Some(t) = field("type") {
                write(src, t, out, d);
            }
            out.push(')');
        }
        "type_conversion_expression" => {
            if let Some(t) = field("type") {
                write(src, t, out, d);
            }
            out.push('(');
            if let Some(x) = field("operand") {
                write(src, x, out, d);
            }
            out.push(')');
        }
        "composite_literal" => {
            if let Some(t) = field("type") {
                write(src, t, out, d);
            }
            match field("body") {
                Some(body) => write(src, body, out, d),
                None => out.push_str("{…}"),
            }
        }
        "literal_value" => out.push_str(if children(node).is_empty() {
            "{}"
        } else {
            "{…}"
        }),
        "func_literal" => {
            out.push_str("func");
            if let Some(p) = field("parameters") {
                write(src, p, out, d);
            }
            if let Some(r) = field("result") {
                out.push(' ');
                write(src, r, out, d);
            }
            out.push_str(" {…}");
        }
        "parameter_list" => {
            out.push('(');
            for (i, p) in children(node).iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(src, *p, out, d);
            }
            out.push(')');
        }
        "parameter_declaration" | "variadic_parameter_declaration" => {
            let names: Vec<_> = node
                .children_by_field_id(field!("name"))
                .map(|n| text(src, n).to_string())
                .collect();
            if !names.is_empty() {
                out.push_str(&names.join(", "));
                out.push(' ');
            }
            if node.kind_str() == "variadic_parameter_declaration" {
                out.push_str("...");
            }
            if let Some(t) = field("type") {
                write(src, t, out, d);
            }
        }
        "pointer_type" => {
            out.push('*');
            for c in children(node) {
                write(src, c, out, d);
            }
        }
        "slice_type" => {
            out.push_str("[]");
            if let Some(e) = field("element") {
                write(src, e, out, d);
            }
        }
        "array_type" => {
            out.push('[');
            if let Some(l) = field("length") {
                write(src, l, out, d);
            }
            out.push(']');
            if let Some(e) = field("element") {
                write(src, e, out, d);
            }
        }
        "implicit_length_array_type" => {
            out.push_str("[...]");
            if let Some(e) = field("element") {
                write(src, e, out, d);
            }
        }
        "map_type" => {
            out.push_str("map[");
            if let Some(k) = field("key") {
                write(src, k, out, d);
            }
            out.push(']');
            if let Some(v) = field("value") {
                write(src, v, out, d);
            }
        }
        "channel_type" => {
            let t = text(src, node);
            if t.starts_with("<-") {
                out.push_str("<-chan ");
            } else if t.trim_start_matches("chan").trim_start().starts_with("<-") {
                out.push_str("chan<- ");
            } else {
                out.push_str("chan ");
            }
            if let Some(v) = field("value") {
                write(src, v, out, d);
            }
        }
        "function_type" => {
            out.push_str("func");
            if let Some(p) = field("parameters") {
                write(src, p, out, d);
            }
            if let Some(r) = field("result") {
                out.push(' ');
                write(src, r, out, d);
            }
        }
        "struct_type" => out.push_str("struct{…}"),
        "interface_type" => {
            if children(node).is_empty() {
                out.push_str("interface{}");
            } else {
                out.push_str("interface{…}");
            }
        }
        "qualified_type" => {
            if let Some(p) = field("package") {
                out.push_str(text(src, p));
            }
            out.push('.');
            if let Some(n) = field("name") {
                out.push_str(text(src, n));
            }
        }
        "literal_element" => {
            for c in children(node) {
                write(src, c, out, d);
            }
        }
        _ => out.push_str(text(src, node)),
    }
}
