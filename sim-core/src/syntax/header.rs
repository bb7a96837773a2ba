//! The go command's own look at a file's package clause and imports.
//!
//! Before compiling, `go build` reads each file's header (package clause and
//! import declarations) with the standard library's Go parser; an error
//! there is reported by the go command, in that parser's words, and the
//! compiler never runs.

use crate::diag::Diagnostic;

pub(super) fn check(_source: &str) -> Option<Diagnostic> {
    None
}
