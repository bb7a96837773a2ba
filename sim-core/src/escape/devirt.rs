//! gc's static devirtualization: an interface method call whose receiver is
//! known to hold one concrete type becomes a direct method call before
//! escape analysis runs (`devirtualizing s.String to Temp`).

use crate::hash::HashMap;

use super::print::Printer;
use super::report::{Event, Verdict, VerdictKind};
use super::static_value::StaticFacts;
use super::visit::{visit_block, Node};
use crate::ir::{Callee, ExprId, ExprKind, FuncId, Program, StmtKind, Type, TypeId};

/// Devirtualized calls: call expression → (concrete method, concrete type).
pub type Devirtualized = HashMap<ExprId, (FuncId, TypeId)>;

/// Finds every call gc devirtualizes, and the `-m` lines it prints for
/// them, in gc's order (batches bottom-up, then each function's calls).
pub fn devirtualize(
    prog: &Program,
    facts: &StaticFacts,
    batches: &[Vec<FuncId>],
) -> (Devirtualized, Vec<Event>) {
    let mut found = Devirtualized::default();
    let mut events = Vec::new();
    for batch in batches {
        for &f in batch {
            let Some(body) = &prog.func(f).body else {
                continue;
            };
            // Calls that a go/defer statement makes are left alone.
            let mut go_defer = Vec::new();
            let mut calls = Vec::new();
            visit_block(prog, body, false, &mut |n| match n {
                Node::Stmt(s) => {
                    if let StmtKind::Go(c) | StmtKind::Defer(c) = prog.stmt(s).kind {
                        go_defer.push(c);
                    }
                }
                Node::Expr(e) => calls.push(e),
            });
            for e in calls {
                if go_defer.contains(&e) {
                    continue;
                }
                if let Some((m, t)) = concrete_callee(prog, facts, e) {
                    found.insert(e, (m, t));
                    let rewrites = super::print::Rewrites::default();
                    let p = Printer {
                        prog,
                        rewrites: &rewrites,
                        shapes: false,
                    };
                    let ExprKind::Call(call) = &prog.expr(e).kind else {
                        continue;
                    };
                    let Callee::Interface { recv, method } = &call.callee else {
                        continue;
                    };
                    let span = prog.expr(e).span;
                    events.push(Event::Verdict(Verdict {
                        site: super::graph::Site {
                            text: String::new(),
                            pos: span.pos,
                            start: span.start,
                            end: span.end,
                        },
                        kind: VerdictKind::Devirtualized,
                        message: format!(
                            "devirtualizing {}.{} to {}",
                            p.expr(*recv),
                            method,
                            p.ty(t)
                        ),
                    }));
                }
            }
        }
    }
    (found, events)
}

/// The concrete method an interface call `e` must reach, if gc can tell.
fn concrete_callee(prog: &Program, facts: &StaticFacts, e: ExprId) -> Option<(FuncId, TypeId)> {
    let ExprKind::Call(call) = &prog.expr(e).kind else {
        return None;
    };
    let Callee::Interface { recv, method } = &call.callee else {
        return None;
    };
    let v = facts.static_value(prog, *recv);
    let ExprKind::ConvIface(x) = prog.expr(v).kind else {
        return None;
    };
    let typ = prog.expr(x).ty;
    if prog.types.is_interface(typ) {
        return None;
    }
    let (named, is_ptr) = match prog.types.get(prog.types.unalias(typ)) {
        Type::Named(n) => (*n, false),
        Type::Pointer(inner) => match prog.types.get(prog.types.unalias(*inner)) {
            Type::Named(n) => (*n, true),
            _ => return None,
        },
        _ => return None,
    };
    if let Some(m) = prog.types.named[named]
        .methods
        .iter()
        .find(|m| &m.name == method && (is_ptr || !m.pointer_receiver))
    {
        return Some((m.func, typ));
    }
    // A method promoted from an embedded field.
    let base = if is_ptr {
        match prog.types.get(prog.types.unalias(typ)) {
            Type::Pointer(e) => *e,
            _ => typ,
        }
    } else {
        typ
    };
    let (_, m, path) = super::wrappers::promoted_methods(prog, base)
        .into_iter()
        .find(|(n, _, _)| n == method)?;
    let in_set = is_ptr || !m.pointer_receiver || path.iter().any(|(_, p)| *p);
    in_set.then_some((m.func, typ))
}

/// The embedded fields a devirtualized call goes through to reach method
/// `m` of concrete type `typ`: (field, field is a pointer).
pub fn receiver_path(prog: &Program, typ: TypeId, m: FuncId) -> Vec<(String, bool)> {
    let base = match prog.types.get(prog.types.unalias(typ)) {
        Type::Pointer(e) => *e,
        _ => typ,
    };
    super::wrappers::promoted_methods(prog, base)
        .into_iter()
        .find(|(_, d, _)| d.func == m)
        .map(|(_, _, p)| p)
        .unwrap_or_default()
}
