//! Go's Unicode classes (`unicode`, `strconv.IsPrint`) and case mappings,
//! shared by the scanner and the machine's library. The tables are
//! generated from the real toolchain by `scripts/gen-unicode-tables`.

#[path = "unicode_tables.rs"]
pub(crate) mod tables;

/// Whether rune `r` lies in one of `table`'s sorted, inclusive ranges.
pub(crate) fn in_table(table: &[(u32, u32)], r: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}
