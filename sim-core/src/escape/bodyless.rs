//! Functions declared without a body (their code would be assembly). gc
//! cannot look inside, so it assumes the worst of each pointer parameter,
//! unless `//go:noescape` says it does not escape, and assumes a `uintptr`
//! parameter may hold a pointer that must stay alive (its `paramTag`).

use super::graph::Site;
use super::leaks::Leaks;
use super::report::{Event, Verdict, VerdictKind};
use crate::ir::{BasicKind, FuncId, Program, Type};

/// Whether `f` is one of the package's own functions without a body.
pub fn is_bodyless(prog: &Program, f: FuncId) -> bool {
    prog.bodyless.contains(&f)
}

/// The verdicts gc prints for bodyless `f` and its parameter summaries.
pub fn summarize(prog: &Program, f: FuncId) -> (Vec<Event>, Vec<Leaks>) {
    let func = prog.func(f);
    let mut events = Vec::new();
    let mut tags = Vec::new();
    let params = func.receiver.iter().chain(&func.params);
    for (i, v) in params.enumerate() {
        let var = prog.var(*v);
        // gc names a blank or unnamed parameter `~pN` (N counting from the
        // first after the receiver), and reports a leak only for one that
        // was written with a name, `_` included.
        let named = !var.unnamed;
        let name = if var.name.is_empty() || var.name == "_" {
            format!(
                "~p{}",
                i.saturating_sub(usize::from(func.receiver.is_some()))
            )
        } else {
            var.name.clone()
        };
        let site = Site {
            text: name.clone(),
            pos: var.span.pos,
            start: var.span.start,
            end: var.span.end,
        };
        let mut verdict = |kind, message| {
            events.push(Event::Verdict(Verdict {
                site: site.clone(),
                kind,
                message,
            }))
        };
        let uintptr = matches!(
            prog.types.get(prog.types.underlying(var.ty)),
            Type::Basic(BasicKind::Uintptr)
        );
        if uintptr {
            verdict(
                VerdictKind::AssumedUnsafeUintptr,
                format!("assuming {name} is unsafe uintptr"),
            );
            tags.push(Leaks::default());
        } else if !prog.types.has_pointers(var.ty) {
            tags.push(Leaks::default());
        } else if func.noescape {
            if named {
                verdict(
                    VerdictKind::ParamDoesNotEscape,
                    format!("{name} does not escape"),
                );
            }
            tags.push(Leaks::default());
        } else {
            if named {
                verdict(VerdictKind::LeakingParam, format!("leaking param: {name}"));
            }
            tags.push(Leaks::leak_all());
        }
    }
    (events, tags)
}
