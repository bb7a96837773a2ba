//! Go's `unicode` and `unicode/utf8` on runes and byte strings, from the
//! generated tables (Go's exact classes and case mappings).

use crate::unicode::{in_table, tables as t};

pub const RUNE_ERROR: u32 = 0xFFFD;
const MAX_RUNE: i64 = 0x10FFFF;

fn in_ranges(table: &[(u32, u32)], r: i64) -> bool {
    (0..=MAX_RUNE).contains(&r) && in_table(table, r as u32)
}

pub fn is_upper(r: i64) -> bool {
    in_ranges(t::UPPER, r)
}
pub fn is_lower(r: i64) -> bool {
    in_ranges(t::LOWER, r)
}
pub fn is_letter(r: i64) -> bool {
    in_ranges(t::LETTER, r)
}
pub fn is_digit(r: i64) -> bool {
    in_ranges(t::DIGIT, r)
}
pub fn is_number(r: i64) -> bool {
    in_ranges(t::NUMBER, r)
}
pub fn is_space(r: i64) -> bool {
    in_ranges(t::SPACE, r)
}
pub fn is_punct(r: i64) -> bool {
    in_ranges(t::PUNCT, r)
}

/// Which mapping of a case range: Go's `UpperCase`, `LowerCase`, `TitleCase`.
#[derive(Clone, Copy)]
enum Case {
    Upper = 0,
    Lower = 1,
    Title = 2,
}

/// The `UpperLower` delta: the range alternates upper and lower case.
const UPPER_LOWER: i32 = 0x110000;

/// Go's `unicode.To`: the rune's mapping from the case range holding it.
fn to(case: Case, r: i64) -> i64 {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    let ranges = t::CASE_RANGES;
    let Ok(i) = ranges.binary_search_by(|&(lo, hi, ..)| {
        if (hi as i64) < r {
            std::cmp::Ordering::Less
        } else if (lo as i64) > r {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) else {
        return r;
    };
    let (lo, _, up, low, title) = ranges[i];
    let delta = match case {
        Case::Upper => up,
        Case::Lower => low,
        Case::Title => title,
    };
    if delta == UPPER_LOWER {
        // Even offsets from lo are upper case, odd ones lower; title is upper.
        let lo = lo as i64;
        return lo + (((r - lo) & !1) | (case as i64 & 1));
    }
    r + delta as i64
}

pub fn to_upper(r: i64) -> i64 {
    to(Case::Upper, r)
}
pub fn to_lower(r: i64) -> i64 {
    to(Case::Lower, r)
}
pub fn to_title(r: i64) -> i64 {
    to(Case::Title, r)
}

/// `unicode.SimpleFold`: the next rune of the case-equivalence orbit —
/// the other case, except for the few orbits Go lists explicitly.
pub fn simple_fold(r: i64) -> i64 {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    if let Ok(i) = t::FOLD_ORBIT.binary_search_by_key(&(r as u32), |c| c.0) {
        return t::FOLD_ORBIT[i].1 as i64;
    }
    let lower = to_lower(r);
    if lower != r {
        lower
    } else {
        to_upper(r)
    }
}

/// `utf8.DecodeRuneInString`: (RuneError, 1) for an invalid byte,
/// (RuneError, 0) for an empty string.
pub fn decode(b: &[u8]) -> (u32, usize) {
    super::super::exec::decode_rune(b)
}

/// `utf8.DecodeLastRuneInString`.
pub fn decode_last(b: &[u8]) -> (u32, usize) {
    let end = b.len();
    if end == 0 {
        return (RUNE_ERROR, 0);
    }
    let mut start = end - 1;
    if b[start] < 0x80 {
        return (b[start] as u32, 1);
    }
    let lim = end.saturating_sub(4);
    while start > lim {
        start -= 1;
        if b[start] & 0xC0 != 0x80 {
            break;
        }
    }
    let (r, size) = decode(&b[start..end]);
    if start + size != end {
        return (RUNE_ERROR, 1);
    }
    (r, size)
}

/// The runes of a byte string as Go's `range` sees them: (offset, rune, width).
pub fn runes(b: &[u8]) -> Vec<(usize, u32, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (r, w) = decode(&b[i..]);
        out.push((i, r, w));
        i += w.max(1);
    }
    out
}

pub fn rune_count(b: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        i += decode(&b[i..]).1.max(1);
        n += 1;
    }
    n
}

/// `utf8.RuneLen`.
pub fn rune_len(r: i64) -> i64 {
    match r {
        r if r < 0 => -1,
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0xD800..=0xDFFF => -1,
        0x800..=0xFFFF => 3,
        0x10000..=MAX_RUNE => 4,
        _ => -1,
    }
}

/// `utf8.AppendRune`: invalid runes become RuneError.
pub fn push_rune(out: &mut Vec<u8>, r: i64) {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

pub fn encode(r: i64) -> Vec<u8> {
    let mut v = Vec::new();
    push_rune(&mut v, r);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of `go run` over every rune (rune, ToUpper, ToLower, ToTitle,
    /// SimpleFold), Go 1.27.3: alternating ranges, title case, the Kelvin
    /// sign's orbit, dotted İ, final sigma, Cherokee.
    #[test]
    fn case_mappings_match_go() {
        for (r, u, l, t, f) in [
            (107, 75, 107, 75, 8490),
            (304, 304, 105, 304, 304),
            (454, 452, 454, 453, 452),
            (931, 931, 963, 931, 962),
            (962, 931, 962, 931, 963),
            (5024, 5024, 43888, 5024, 43888),
            (8490, 8490, 107, 8490, 75),
        ] {
            assert_eq!(
                (to_upper(r), to_lower(r), to_title(r), simple_fold(r)),
                (u, l, t, f),
                "rune {r}"
            );
        }
    }
}
