//! Splits the source into styled runs for the highlighted editor layer.
//!
//! Pure data in, pure data out, so it is tested natively; the editor
//! component only turns runs into `<span>`s.

use sim_core::{Diagnostic, HighlightSpan};

/// A run of source text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: &'a str,
    /// CSS class from the highlighter, if any.
    pub class: Option<&'static str>,
    /// Index into the diagnostics when the run is inside an error range.
    pub error: Option<usize>,
    /// Extra classes from the marks covering the run (the running
    /// statement, a lit-up escape chain).
    pub marks: Vec<&'static str>,
}

/// A byte range to mark with a CSS class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub class: &'static str,
}

/// Cuts `source` at every highlight and error boundary. Runs cover the
/// whole source in order; concatenating their text gives it back.
pub fn runs<'a>(
    source: &'a str,
    spans: &[HighlightSpan],
    errors: &[Diagnostic],
    marks: &[Mark],
) -> Vec<Run<'a>> {
    let mut cuts: Vec<usize> = vec![0, source.len()];
    for m in marks {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    for s in spans {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    let error_ranges: Vec<(usize, usize)> = errors.iter().map(visible_range(source)).collect();
    for &(start, end) in &error_ranges {
        cuts.push(start);
        cuts.push(end);
    }
    cuts.retain(|&c| c <= source.len() && source.is_char_boundary(c));
    sim_core::sort::ascending(&mut cuts);
    cuts.dedup();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let class = spans
            .iter()
            .find(|s| s.start <= start && end <= s.end)
            .map(|s| s.class.css_class());
        let error = error_ranges
            .iter()
            .position(|&(s, e)| s <= start && end <= e);
        let marks = marks
            .iter()
            .filter(|m| m.start <= start && end <= m.end && m.start < m.end)
            .map(|m| m.class)
            .collect();
        out.push(Run {
            text: &source[start..end],
            class,
            error,
            marks,
        });
    }
    out
}

/// The range to underline for a diagnostic: never empty (an error at a
/// newline or at the end of the file underlines one visible character).
fn visible_range(source: &str) -> impl Fn(&Diagnostic) -> (usize, usize) + '_ {
    move |d| {
        let start = d.start.min(source.len());
        let mut end = d.end.min(source.len()).max(start);
        if end == start || source[start..end] == *"\n" {
            end = source[start..]
                .char_indices()
                .nth(1)
                .map_or(source.len(), |(i, _)| start + i);
        }
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_the_source_and_mark_errors() {
        let src = "package main\n\nfunc main() {\n\tx := 1 +\n}\n";
        let tree = sim_core::parse(src);
        let spans = sim_core::highlight(&tree);
        let lit = [Mark {
            start: 0,
            end: 7,
            class: "lit",
        }];
        let runs = runs(src, &spans, tree.errors(), &lit);
        let joined: String = runs.iter().map(|r| r.text).collect();
        assert_eq!(joined, src);
        assert!(runs.iter().any(|r| r.error == Some(0)));
        assert!(runs
            .iter()
            .any(|r| r.text == "package" && r.class == Some("tok-keyword") && r.marks == ["lit"]));
    }
}
