//! The wrappers gc generates for generic instances. Every instance
//! `Max[int]` is a small function that calls the shaped body with its
//! dictionary: `Max[int](a, b) = Max[go.shape.int](&.dict.Max[int], a, b)`.
//! Its parameters leak as the shaped body's do; gc analyses the wrappers
//! last, newest instance first, and at `-m=2` explains each leak (no `-m`
//! verdicts: wrappers are DUPOK).
//!
//! Each explanation follows the graph gc builds for the wrapper: an
//! argument whose parameter leaks to more than one place goes through a
//! `{temp}` (gc's `teeHole`), results of a call with several results go
//! through `.autotmp_N` temporaries, and the walk from each root visits
//! direct flows before flows through a temporary.

use super::leaks::{Leaks, NUM_RESULTS};
use super::print::{func_decl_pos, gc_func_name, instance_name, Printer, Rewrites};
use super::report::{Event, Explanation, Flow, FlowNote};
use super::walk::Tags;
use crate::ir::{FuncId, Program, VarId};

/// One parameter's leak to one root.
struct Leak {
    param: VarId,
    derefs: i32,
    /// The argument goes through a `{temp}` first.
    via_temp: bool,
}

/// The `-m=2` explanations of every instance wrapper, in gc's order.
pub fn instance_wrapper_events(prog: &Program, tags: &Tags) -> Vec<Event> {
    let mut instances: Vec<FuncId> = prog
        .funcs
        .iter()
        .filter(|(_, f)| f.instance.is_some() && f.body.is_some())
        .map(|(id, _)| id)
        .collect();
    instances.reverse();
    let mut events = Vec::new();
    for f in instances {
        if let Some(leaks) = tags.get(&f) {
            wrapper(prog, f, leaks, &mut events);
        }
    }
    events
}

fn wrapper(prog: &Program, f: FuncId, leaks: &[Leaks], events: &mut Vec<Event>) {
    let func = prog.func(f);
    let Some(inst) = &func.instance else { return };
    let rewrites = Rewrites::default();
    let printer = Printer {
        prog,
        rewrites: &rewrites,
        shapes: false,
    };
    let targs = printer.type_args(&inst.targs, false);
    let name = instance_name(inst, &targs);
    let params: Vec<VarId> = func.receiver.iter().chain(&func.params).copied().collect();
    let dict = format!("&.dict.{}{targs}", inst.generic);
    let mut args: Vec<String> = params.iter().map(|v| prog.var(*v).name.clone()).collect();
    let at = usize::from(func.receiver.is_some());
    args.insert(at.min(args.len()), dict);
    let variadic = prog.types.signature(func.sig).is_some_and(|s| s.variadic);
    let mut call = format!("{}({}", gc_func_name(prog, f), args.join(", "));
    if variadic {
        call.push_str("...");
    }
    call.push(')');
    let fpos = func_decl_pos(prog, f);
    let note = |text: &str, why: &str| FlowNote {
        text: text.to_string(),
        why: why.to_string(),
        pos: fpos,
        start: func.span.start,
        end: func.span.end,
    };
    let holes = |l: &Leaks| {
        usize::from(l.heap().is_some())
            + usize::from(l.mutator().is_some())
            + usize::from(l.callee().is_some())
            + (0..NUM_RESULTS).filter(|i| l.result(*i).is_some()).count()
    };
    let collect = |pick: &dyn Fn(&Leaks) -> Option<i32>| -> Vec<Leak> {
        let mut direct = Vec::new();
        let mut temp = Vec::new();
        for (p, l) in params.iter().zip(leaks) {
            if !prog.types.has_pointers(prog.var(*p).ty) {
                continue;
            }
            let Some(derefs) = pick(l) else { continue };
            let leak = Leak {
                param: *p,
                derefs,
                via_temp: holes(l) > 1,
            };
            if leak.via_temp {
                temp.push(leak);
            } else {
                direct.push(leak);
            }
        }
        direct.extend(temp);
        direct
    };
    let site = |v: VarId| {
        let var = prog.var(v);
        super::graph::Site {
            text: var.name.clone(),
            pos: var.span.pos,
            start: var.span.start,
            end: var.span.end,
        }
    };
    let stars = |n: i32| "*".repeat(n.max(0) as usize);
    // The walk from the heap comes first.
    for leak in collect(&|l: &Leaks| l.heap()) {
        let p = prog.var(leak.param).name.clone();
        let mut flows = Vec::new();
        if leak.via_temp {
            flows.push(flow("{temp}", "", &p, vec![note(&call, "call parameter")]));
            flows.push(flow("{heap}", &stars(leak.derefs), "{temp}", vec![]));
        } else {
            flows.push(flow(
                "{heap}",
                &stars(leak.derefs),
                &p,
                vec![note(&call, "call parameter")],
            ));
        }
        events.push(Event::Explain(Explanation {
            site: site(leak.param),
            headline: format!(
                "parameter {p} leaks to {{heap}} for {name} with derefs={}",
                leak.derefs
            ),
            flows,
            truncated: false,
        }));
    }
    // Then each result: a call with several results is first assigned to
    // temporaries, numbered after the wrapper's parameters and results.
    let results = &func.results;
    let first_tmp = params.len() + results.len();
    let tmps: Vec<String> = (0..results.len())
        .map(|i| format!(".autotmp_{}", first_tmp + i))
        .collect();
    for (k, r) in results.iter().enumerate().take(NUM_RESULTS) {
        let rname = prog.var(*r).name.clone();
        for leak in collect(&|l: &Leaks| l.result(k)) {
            let p = prog.var(leak.param).name.clone();
            let d = stars(leak.derefs);
            let mut flows = Vec::new();
            let (src, src_ops) = if leak.via_temp {
                flows.push(flow("{temp}", "", &p, vec![note(&call, "call parameter")]));
                ("{temp}".to_string(), d.clone())
            } else {
                (p.clone(), d.clone())
            };
            if results.len() == 1 {
                let mut notes = Vec::new();
                if !leak.via_temp {
                    notes.push(note(&call, "call parameter"));
                }
                notes.push(note(&format!("return {call}"), "return"));
                flows.push(flow(&rname, &src_ops, &src, notes));
            } else {
                let notes = if leak.via_temp {
                    Vec::new()
                } else {
                    vec![note(&call, "call parameter")]
                };
                flows.push(flow(&tmps[k], &src_ops, &src, notes));
                flows.push(flow(
                    &rname,
                    "",
                    &tmps[k],
                    vec![note(&format!("return {}", tmps.join(", ")), "return")],
                ));
            }
            events.push(Event::Explain(Explanation {
                site: site(leak.param),
                headline: format!(
                    "parameter {p} leaks to {rname} for {name} with derefs={}",
                    leak.derefs
                ),
                flows,
                truncated: false,
            }));
        }
    }
}

fn flow(dst: &str, ops: &str, src: &str, notes: Vec<FlowNote>) -> Flow {
    Flow {
        dst: dst.to_string(),
        ops: ops.to_string(),
        src: src.to_string(),
        notes,
    }
}
