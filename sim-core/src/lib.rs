//! Escapade's core: Go source in, facts about where its values live out.
//!
//! The stages, each a module that depends only on the ones before it:
//! 1. [`syntax`] — the only module that touches tree-sitter: parses Go source,
//!    reports syntax errors at Go's line and column, and classifies tokens
//!    for highlighting.
//!
//! Later stages (typed IR, escape analysis, the stepping machine and its
//! trace) build on [`syntax`]; see ARCHITECTURE.md for the map.
//!
//! Nothing here does I/O or panics on bad input: every entry point returns a
//! value together with a list of [`Diagnostic`]s.

pub mod check;
pub mod diag;
pub mod escape;
pub mod hash;
pub mod ir;
pub mod machine;
pub mod quote;
pub mod sort;
pub mod syntax;
pub mod trace;
mod unicode;

pub use check::{check, check_then_exit, Checked};
pub use diag::{Diagnostic, Pos};
pub use syntax::{highlight, parse, HighlightClass, HighlightSpan, SyntaxTree};
