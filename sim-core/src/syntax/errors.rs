//! Syntax errors as `go build` prints them.
//!
//! The recognizer reports errors in the order the compiler's parser finds
//! them; this module applies what the compiler does with them before
//! printing: at most one "syntax error" per line, no repeated identical
//! message on a line, stop after the tenth error with "too many errors",
//! then sort by position and drop exact duplicates.

use super::recognizer;
use super::scanner::RawError;
use crate::diag::{Diagnostic, Pos};

/// How many errors the compiler reports before giving up.
const MAX_ERRORS: usize = 10;

/// The syntax errors of a Go file named `file` (the name only appears in
/// messages that quote another position).
pub(super) fn collect(source: &str, file: &str) -> Vec<Diagnostic> {
    let raw = recognizer::recognize(source, file);
    let lines = LineTable::new(source);

    let mut kept: Vec<&RawError> = Vec::new();
    let mut last_syntax_line: Option<u32> = None;
    let mut last_other: Option<(u32, &str)> = None;
    let mut too_many: Option<&RawError> = None;
    for err in &raw {
        if err.msg.starts_with("syntax error") {
            if last_syntax_line == Some(err.line) {
                continue;
            }
            last_syntax_line = Some(err.line);
        } else {
            if last_other == Some((err.line, err.msg.as_str())) {
                continue;
            }
            last_other = Some((err.line, err.msg.as_str()));
        }
        kept.push(err);
        if kept.len() >= MAX_ERRORS {
            too_many = Some(err);
            break;
        }
    }

    crate::sort::by_key(&mut kept, |e| (e.line, e.col));
    kept.dedup_by(|a, b| a.line == b.line && a.col == b.col && a.msg == b.msg);
    let mut out: Vec<Diagnostic> = kept.iter().map(|e| lines.diagnostic(e, &e.msg)).collect();
    if let Some(last) = too_many {
        out.push(lines.diagnostic(last, "too many errors"));
    }
    out
}

/// Byte offsets of line starts, to turn Go's (line, column) into spans.
struct LineTable {
    starts: Vec<usize>,
    len: usize,
}

impl LineTable {
    fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineTable {
            starts,
            len: source.len(),
        }
    }

    fn offset(&self, line: u32, col: u32) -> usize {
        let index = (line.max(1) as usize - 1).min(self.starts.len() - 1);
        (self.starts[index] + col.max(1) as usize - 1).min(self.len)
    }

    fn diagnostic(&self, err: &RawError, message: &str) -> Diagnostic {
        let start = self.offset(err.line, err.col);
        Diagnostic {
            pos: Pos::new(err.line, err.col),
            start,
            end: (start + err.len as usize).min(self.len),
            message: message.to_string(),
        }
    }
}
