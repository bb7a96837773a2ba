//! What the analysis says, as data and as Go's text.
//!
//! The analysis appends [`Event`]s in the order the Go compiler prints
//! them: explanations as the graph is built and solved, then per batch the
//! parameter verdicts and the location verdicts. [`render`] turns them into
//! the exact lines of `go build -gcflags='-m -l'` (level 1) or `-m=2`.

use crate::diag::Pos;

use super::graph::{attr, AllocKind, Batch, LocKind, Site};
use super::leaks::NUM_RESULTS;

/// One thing the analysis reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A `-m` line: a verdict.
    Verdict(Verdict),
    /// A `-m=2` explanation block: why something escapes or leaks.
    Explain(Explanation),
    /// A `-m=2`-only line (closure capture decisions).
    Detail { site: Site, message: String },
}

/// Which verdict a `-m` line gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerdictKind {
    MovedToHeap,
    Escapes,
    DoesNotEscape,
    LeakingParam,
    LeakingParamContent,
    LeakingParamToResult,
    ParamDoesNotEscape,
    ZeroCopy,
    SelfAssignment,
    /// An interface call turned into a direct call.
    Devirtualized,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub site: Site,
    pub kind: VerdictKind,
    pub message: String,
}

/// `x escapes to heap in F:` or `parameter p leaks to … with derefs=N:`,
/// with the chain of flows that proves it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The variable, allocation or parameter explained.
    pub site: Site,
    pub headline: String,
    pub flows: Vec<Flow>,
    /// The chain ran into a cycle and was cut (Go prints a warning).
    pub truncated: bool,
}

/// One step `dst ← ops src`, e.g. `~r0 ← &myCar`.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub dst: String,
    /// `&` for an address, `*`… for dereferences, empty for a copy.
    pub ops: String,
    pub src: String,
    pub notes: Vec<FlowNote>,
}

/// `from EXPR (why) at POS`.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowNote {
    pub text: String,
    pub why: String,
    pub pos: Pos,
    pub start: u32,
    pub end: u32,
}

/// Renders events as the Go compiler prints them for `file_name`.
/// `level` is the `-m` level: 1 prints verdicts only, 2 adds reasons.
pub fn render(events: &[Event], file_name: &str, level: u8) -> String {
    let mut out = String::new();
    for line in lines(events, file_name, level) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Like [`render`], one string per line.
pub fn lines(events: &[Event], file_name: &str, level: u8) -> Vec<String> {
    let at = |p: Pos| format!("./{file_name}:{p}");
    let mut out = Vec::new();
    for ev in events {
        match ev {
            Event::Verdict(v) => out.push(format!("{}: {}", at(v.site.pos), v.message)),
            Event::Detail { site, message } if level >= 2 => {
                out.push(format!("{}: {}", at(site.pos), message))
            }
            Event::Explain(x) if level >= 2 => {
                let pos = at(x.site.pos);
                out.push(format!("{pos}: {}:", x.headline));
                for f in &x.flows {
                    out.push(format!("{pos}:   flow: {} ← {}{}:", f.dst, f.ops, f.src));
                    for n in &f.notes {
                        out.push(format!(
                            "{pos}:     from {} ({}) at {}",
                            n.text,
                            n.why,
                            at(n.pos)
                        ));
                    }
                }
                if x.truncated {
                    out.push(format!(
                        "{pos}:   warning: truncated explanation due to assignment cycle; see golang.org/issue/35518"
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

/// A parameter as the verdicts need it.
#[derive(Clone, Debug)]
pub struct ParamSlot {
    pub loc: Option<super::graph::LocId>,
    /// Name and position of the parameter.
    pub site: Site,
    pub has_pointers: bool,
}

impl Batch {
    /// Appends the batch's verdicts: per function its parameters' leaks,
    /// then every location in creation order. Returns each function's
    /// parameter summaries (receiver first), for its callers.
    pub fn finish(
        &mut self,
        params: &[Vec<ParamSlot>],
        result_names: &[Vec<String>],
    ) -> Vec<Vec<super::leaks::Leaks>> {
        let mut tags = Vec::new();
        for (fi, slots) in params.iter().enumerate() {
            let mut fn_tags = Vec::new();
            for slot in slots {
                let mut esc = super::leaks::Leaks::default();
                if let (true, Some(loc)) = (slot.has_pointers, slot.loc) {
                    esc = self.loc(loc).leaks;
                    esc.optimize();
                    if !self.loc(loc).has(attr::ESCAPES) {
                        let names = result_names.get(fi).map(Vec::as_slice).unwrap_or(&[]);
                        self.report_leaks(&slot.site, &esc, names);
                    }
                }
                fn_tags.push(esc);
            }
            tags.push(fn_tags);
        }

        for id in self.real_locs().collect::<Vec<_>>() {
            let loc = self.loc(id);
            let escapes = loc.has(attr::ESCAPES);
            let mutates = loc.has(attr::MUTATES);
            let verdict = match &loc.kind {
                LocKind::Var { site, .. } => {
                    if escapes {
                        Some(Verdict {
                            site: site.clone(),
                            kind: VerdictKind::MovedToHeap,
                            message: format!("moved to heap: {}", site.text),
                        })
                    } else {
                        None
                    }
                }
                LocKind::Alloc { site, kind } => {
                    if matches!(kind, AllocKind::GoDeferWrapper { .. }) {
                        None
                    } else {
                        let what = if *kind == AllocKind::Append {
                            "append".to_string()
                        } else {
                            site.text.clone()
                        };
                        let (vk, text) = if escapes {
                            (VerdictKind::Escapes, format!("{what} escapes to heap"))
                        } else {
                            (
                                VerdictKind::DoesNotEscape,
                                format!("{what} does not escape"),
                            )
                        };
                        Some(Verdict {
                            site: site.clone(),
                            kind: vk,
                            message: text,
                        })
                    }
                }
                _ => None,
            };
            let zero_copy = match &loc.kind {
                LocKind::Alloc {
                    site,
                    kind: AllocKind::StringToBytes,
                } if !mutates => Some(site.clone()),
                _ => None,
            };
            if let Some(v) = verdict {
                self.events.push(Event::Verdict(v));
            }
            if let Some(site) = zero_copy {
                self.events.push(Event::Verdict(Verdict {
                    site,
                    kind: VerdictKind::ZeroCopy,
                    message: "zero-copy string->[]byte conversion".to_string(),
                }));
            }
        }
        tags
    }

    fn report_leaks(&mut self, site: &Site, esc: &super::leaks::Leaks, result_names: &[String]) {
        let name = &site.text;
        let mut warned = false;
        let push = |b: &mut Batch, kind, message| {
            b.events.push(Event::Verdict(Verdict {
                site: site.clone(),
                kind,
                message,
            }))
        };
        if let Some(x) = esc.heap() {
            if x == 0 {
                push(
                    self,
                    VerdictKind::LeakingParam,
                    format!("leaking param: {name}"),
                );
            } else {
                push(
                    self,
                    VerdictKind::LeakingParamContent,
                    format!("leaking param content: {name}"),
                );
            }
            warned = true;
        }
        for i in 0..NUM_RESULTS {
            if let Some(x) = esc.result(i) {
                let res = result_names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("~r{i}"));
                push(
                    self,
                    VerdictKind::LeakingParamToResult,
                    format!("leaking param: {name} to result {res} level={x}"),
                );
                warned = true;
            }
        }
        if !warned {
            push(
                self,
                VerdictKind::ParamDoesNotEscape,
                format!("{name} does not escape"),
            );
        }
    }
}
