//! A compact, human-readable rendering of a step: what the snapshot tests
//! compare and what a developer reads when a trace looks wrong.

use super::{Snapshot, Step, StepKind, Value};
use std::fmt::Write;

/// One step and the memory after it, as a few indented lines.
pub fn render_step(step: &Step, snap: &Snapshot) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "step {} g{} @{}:{}",
        step.index, step.goroutine.0, step.span.line, step.span.col
    );
    if let StepKind::Summary { steps, events } = &step.kind {
        let _ = write!(out, " summary of {steps} steps:");
        for (k, n) in events {
            let _ = write!(out, " {k}={n}");
        }
    }
    out.push('\n');
    for e in &step.events {
        let _ = writeln!(out, "  ! {}", event_text(e));
    }
    for g in &snap.goroutines {
        let _ = writeln!(
            out,
            "  g{} {:?} stack {}/{}",
            g.id.0, g.state, g.stack.used, g.stack.size
        );
        for f in &g.frames {
            let _ = writeln!(
                out,
                "    {}frame {} {} {:#x}+{}",
                if f.valid { "" } else { "(invalid) " },
                f.id.0,
                f.func,
                f.addr,
                f.size
            );
            for s in &f.slots {
                let _ = writeln!(out, "      {} {} = {}", s.name, s.ty, value_text(&s.value));
            }
        }
    }
    for o in &snap.heap {
        let _ = writeln!(
            out,
            "  heap #{} {:#x} {} ({}B/{}B) {}: {}",
            o.id.0,
            o.addr,
            o.ty,
            o.size,
            o.size_class,
            o.reason,
            value_text(&o.value)
        );
    }
    let c = &step.counters;
    let _ = writeln!(
        out,
        "  counters: heap {} objs {}B live {} gc {} stack_allocs {}",
        c.heap_allocs, c.heap_bytes, c.live_objects, c.gc_cycles, c.stack_allocs
    );
    out
}

fn event_text(e: &super::Event) -> String {
    let json = serde_json::to_string(e).unwrap_or_default();
    json.replace('"', "")
}

/// A value in one line.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Scalar { text } => text.clone(),
        Value::Str {
            text, truncated, ..
        } => {
            if *truncated {
                format!("{text}…")
            } else {
                text.clone()
            }
        }
        Value::Nil => "nil".into(),
        Value::Pointer(p) => format!("&#{}+{}", p.target.0, p.offset),
        Value::Slice { ptr, len, cap } => match ptr {
            Some(p) => format!("[#{}+{} len {len} cap {cap}]", p.target.0, p.offset),
            None => format!("[nil len {len} cap {cap}]"),
        },
        Value::Struct { fields } => {
            let parts: Vec<String> = fields
                .iter()
                .map(|f| format!("{}:{}", f.name, value_text(&f.value)))
                .collect();
            format!("{{{}}}", parts.join(" "))
        }
        Value::Array { elems, more } => {
            let mut parts: Vec<String> = elems.iter().map(value_text).collect();
            if *more > 0 {
                parts.push(format!("…{more} more"));
            }
            format!("[{}]", parts.join(" "))
        }
        Value::Map { target, len, .. } => format!("map#{} len {len}", target.0),
        Value::Chan { target, .. } => format!("chan#{}", target.0),
        Value::Func { name, closure } => match closure {
            Some(p) => format!("func {name} env #{}", p.target.0),
            None => format!("func {name}"),
        },
        Value::Iface { dyn_type, value } => format!("({dyn_type}) {}", value_text(value)),
        Value::Entries { entries, more } => {
            let mut parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}:{}", value_text(k), value_text(v)))
                .collect();
            if *more > 0 {
                parts.push(format!("…{more} more"));
            }
            format!("map[{}]", parts.join(" "))
        }
        Value::Opaque { text } => text.clone(),
    }
}
