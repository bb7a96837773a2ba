//! Where a node came from: Go's reported position plus a byte range.

use crate::diag::Pos;

/// A node's source location.
///
/// `pos` follows cmd/compile/internal/syntax's conventions (a call is at its
/// `(`, a selector at its `.`, a binary expression at its operator, an
/// assignment at its `=`/`:=`, ...), because that is what the compiler
/// prints. `start..end` is the node's whole byte range, for the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub pos: Pos,
    pub start: u32,
    pub end: u32,
}

impl Default for Pos {
    fn default() -> Self {
        Pos::new(1, 1)
    }
}

impl Span {
    pub fn new(pos: Pos, start: usize, end: usize) -> Self {
        Span {
            pos,
            start: start as u32,
            end: end as u32,
        }
    }
}
