//! Where a Go file can be cut in two so each half parses on its own core.
//!
//! tree-sitter's parse is the largest single cost of `escapade check`, and
//! it is sequential. A file's top-level declarations parse independently,
//! so two parsers, each limited to one half of the text, give two trees
//! whose nodes carry the file's own byte offsets and rows. The cut must
//! fall between two declarations and must not separate a declaration from
//! the comments before it (a `//go:` directive applies to the next
//! declaration, and the checker finds it among the previous siblings).

/// A cut point near the middle of `source`: the start of a line that
/// begins a `func` or `type` declaration at nesting depth 0, right after a
/// blank line that itself follows a line holding only `}` or `)` (the end
/// of the previous declaration, so no comment block is split off). `None`
/// when the file has no such line or is too small to be worth two threads.
pub(crate) fn split_point(source: &str) -> Option<usize> {
    /// Below this size a second thread costs more than it saves.
    const MIN_SPLIT_SOURCE: usize = 16 << 10;
    if source.len() < MIN_SPLIT_SOURCE {
        return None;
    }
    let middle = source.len() / 2;
    let mut best: Option<usize> = None;
    for start in top_level_line_starts(source.as_bytes()) {
        if !is_cut_line(source, start) {
            continue;
        }
        let closer = best.is_none_or(|b| start.abs_diff(middle) < b.abs_diff(middle));
        if closer {
            best = Some(start);
        } else if start > middle {
            break;
        }
    }
    best
}

/// Whether a declaration starting at `start` (a line start at depth 0)
/// may begin the second half.
fn is_cut_line(source: &str, start: usize) -> bool {
    let rest = &source[start..];
    let starts_decl = ["func ", "func(", "type "]
        .iter()
        .any(|k| rest.starts_with(k));
    if !starts_decl || start < 2 {
        return false;
    }
    let before = &source[..start - 1];
    let Some(blank_at) = before.rfind('\n') else {
        return false;
    };
    if !before[blank_at + 1..].trim().is_empty() {
        return false;
    }
    let previous = before[..blank_at]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim_end();
    previous == "}" || previous == ")"
}

/// Byte offsets of the line starts that lie outside every bracket,
/// comment and literal, in order.
fn top_level_line_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut depth = 0i32;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            match b {
                b'\n' if depth == 0 && i < bytes.len() => return Some(i),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'/' if bytes.get(i) == Some(&b'/') => {
                    // A line comment ends before its newline, which the
                    // next round sees.
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if bytes.get(i) == Some(&b'*') => {
                    i += 1;
                    while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/'))
                    {
                        i += 1;
                    }
                    i += 2;
                }
                b'"' | b'\'' => {
                    while i < bytes.len() && bytes[i] != b && bytes[i] != b'\n' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'`' => {
                    while i < bytes.len() && bytes[i] != b'`' {
                        i += 1;
                    }
                    i += 1;
                }
                _ => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(funcs: usize, body: &str) -> String {
        let mut src = String::from("package main\n\n");
        for i in 0..funcs {
            src.push_str(&format!("func f{i}() {{\n{body}}}\n\n"));
        }
        src
    }

    #[test]
    fn small_files_are_not_split() {
        assert_eq!(split_point(&program(3, "\tprintln()\n")), None);
    }

    #[test]
    fn the_cut_is_a_declaration_near_the_middle() {
        let src = program(1000, "\tprintln(1)\n");
        let at = split_point(&src).expect("a cut");
        assert!(src[at..].starts_with("func f"), "{:?}", &src[at..at + 10]);
        assert!(at.abs_diff(src.len() / 2) < 40, "{at} of {}", src.len());
    }

    #[test]
    fn declarations_inside_literals_and_comments_are_not_cut_points() {
        // Every `func` line but the last two sits inside a raw string, a
        // block comment or a function body; only `b` follows a `}` line
        // that ends a declaration.
        let fake = "}\n\nfunc g() {\n}\n\n".repeat(1000);
        let src = format!(
            "package main\n\nvar s = `\n{fake}`\n\nfunc a() {{\n\t_ = \"{{\"\n\t_ = '{{'\n\t// {{\n}}\n\n/*\n{fake}*/\n\nfunc pad() {{\n}}\n\nfunc b() {{\n}}\n"
        );
        let at = split_point(&src).expect("a cut");
        assert!(src[at..].starts_with("func b"), "{:?}", &src[at..at + 10]);
    }

    #[test]
    fn a_declaration_with_a_comment_before_it_is_not_cut_off_from_it() {
        let body = "\tprintln(1)\n".repeat(4);
        let mut src = String::from("package main\n\n");
        for i in 0..300 {
            src.push_str(&format!(
                "func f{i}() {{\n{body}}}\n\n//go:noinline\nfunc g{i}() {{\n}}\n\n"
            ));
        }
        let at = split_point(&src).expect("a cut");
        assert!(src[at..].starts_with("func f"), "{:?}", &src[at..at + 10]);
    }
}
