//! Plain-English sentences for one recorded step, from its events: what the
//! explanation panel says. Pure, so it is tested natively.

use sim_core::trace::{Event, Snapshot, Step, StepKind};

use crate::layout::{bytes, hex, short_func, thousands};

/// What a reader should take from one step, a sentence per event.
pub fn sentences(step: &Step, snap: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    if let StepKind::Summary { steps, events } = &step.kind {
        let mut s = format!(
            "Fast-forward: this loop already ran the same way many times, so {} more machine steps are counted here without being drawn one by one",
            thousands(*steps)
        );
        let tallies: Vec<String> = events
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| tally(k, *n))
            .collect();
        if tallies.is_empty() {
            s.push('.');
        } else {
            s.push_str(": ");
            s.push_str(&tallies.join(", "));
            s.push('.');
        }
        out.push(s);
    }
    for event in &step.events {
        if let Some(s) = sentence(event, snap) {
            out.push(s);
        }
    }
    out
}

fn tally(kind: &str, n: u64) -> String {
    let n_text = thousands(n);
    match kind {
        "heap_alloc" => format!("{n_text} heap allocations"),
        "gc" => format!("{n_text} garbage collections"),
        "call" => format!("{n_text} calls"),
        "return" => format!("{n_text} returns"),
        "stack_alloc" => format!("{n_text} values kept in stack frames"),
        "output" => format!("{n_text} writes to the output"),
        "goroutine" => format!("{n_text} goroutines started"),
        other => format!("{n_text} × {}", other.replace('_', " ")),
    }
}

fn object_name(snap: &Snapshot, id: sim_core::trace::ObjectId) -> Option<String> {
    for g in &snap.goroutines {
        for f in &g.frames {
            if let Some(s) = f.slots.iter().find(|s| s.object == id) {
                return Some(format!("{} in {}", s.name, short_func(&f.func)));
            }
        }
    }
    if let Some(s) = snap.globals.iter().find(|s| s.object == id) {
        return Some(format!("the global {}", s.name));
    }
    snap.heap
        .iter()
        .find(|o| o.id == id)
        .map(|o| format!("the {} at {}", o.ty, hex(o.addr)))
}

fn sentence(event: &Event, snap: &Snapshot) -> Option<String> {
    Some(match event {
        Event::Call { frame, func, .. } => {
            let size = snap
                .goroutines
                .iter()
                .flat_map(|g| &g.frames)
                .find(|f| f.id == *frame)
                .map(|f| format!(" of {}", bytes(f.size)))
                .unwrap_or_default();
            format!(
                "{} is called: a new frame{size} is carved out of the stack for its parameters and locals.",
                short_func(func)
            )
        }
        Event::Return { func, .. } => format!(
            "{} returns: the stack pointer moves back, and its frame becomes invalid memory. Nothing is freed and the garbage collector is not involved.",
            short_func(func)
        ),
        Event::StackAlloc { frame, name, size, .. } => {
            let func = snap
                .goroutines
                .iter()
                .flat_map(|g| &g.frames)
                .find(|f| f.id == *frame)
                .map(|f| short_func(&f.func))
                .unwrap_or_else(|| "its function".into());
            format!(
                "{name} ({}) stays in {func}'s frame: the compiler proved nothing uses it after {func} returns.",
                bytes(*size)
            )
        }
        Event::HeapAlloc {
            ty,
            size,
            size_class,
            reason,
            ..
        } => {
            let class = if size_class != size {
                format!(" (the allocator rounds it up to {})", bytes(*size_class))
            } else {
                String::new()
            };
            let why = if reason.is_empty() {
                String::new()
            } else {
                format!(" The compiler's verdict: “{reason}”.")
            };
            format!(
                "A {ty} of {}{class} is allocated on the heap, where the garbage collector will have to track it.{why}",
                bytes(*size)
            )
        }
        Event::PointerWrite { object, target, .. } => {
            let who = object_name(snap, *object)?;
            match target.and_then(|t| object_name(snap, t)) {
                Some(t) => format!("{who} now points at {t}."),
                None => format!("{who} now holds nil."),
            }
        }
        Event::GoroutineStart { goroutine, func } => format!(
            "A go statement starts goroutine {} running {}, with its own stack of 2,048 bytes. It cannot point into another goroutine's stack, so anything they share lives on the heap.",
            goroutine.0,
            short_func(func)
        ),
        Event::GoroutineBlock { goroutine, reason } => {
            format!("Goroutine {} waits ({reason}).", goroutine.0)
        }
        Event::GoroutineUnblock { goroutine } => {
            format!("Goroutine {} can run again.", goroutine.0)
        }
        Event::GoroutineExit { goroutine } => {
            format!("Goroutine {} has finished; its stack is released.", goroutine.0)
        }
        Event::StackGrowth {
            goroutine,
            old_size,
            new_size,
        } => format!(
            "Goroutine {}'s stack is full: the runtime copies it into a new block of {} (was {}). Pointers into the stack are adjusted; heap objects do not move.",
            goroutine.0,
            bytes(*new_size),
            bytes(*old_size)
        ),
        Event::GcStart {
            cycle,
            live_bytes,
            goal,
        } => format!(
            "Garbage collection #{cycle} starts: the heap reached {} (goal {}). It marks everything reachable from the globals and the live stack frames.",
            bytes(*live_bytes),
            bytes(*goal)
        ),
        Event::GcMark { marked, .. } => format!(
            "Marking found {} reachable heap object{}.",
            thousands(marked.len() as u64),
            if marked.len() == 1 { "" } else { "s" }
        ),
        Event::GcSweep {
            freed, freed_bytes, ..
        } => format!(
            "Sweeping reclaims {} unreachable object{} ({}).",
            thousands(freed.len() as u64),
            if freed.len() == 1 { "" } else { "s" },
            bytes(*freed_bytes)
        ),
        Event::Output { text, .. } => {
            format!("The program prints {:?}.", text.trim_end_matches('\n'))
        }
        Event::Panic { message, .. } => format!("panic: {message}"),
        Event::Recover { .. } => "recover() stops the panic.".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::trace::{FrameId, GoroutineId, ObjectId};

    #[test]
    fn calls_returns_and_allocations_read_as_sentences() {
        let step = Step {
            events: vec![
                Event::Return {
                    goroutine: GoroutineId(1),
                    frame: FrameId(2),
                    func: "main.makeCar".into(),
                },
                Event::HeapAlloc {
                    object: ObjectId(3),
                    ty: "[]byte".into(),
                    size: 4096,
                    size_class: 4096,
                    reason: "make([]byte, 4096) escapes to heap".into(),
                },
            ],
            ..Step::default()
        };
        let s = sentences(&step, &Snapshot::default());
        assert_eq!(s.len(), 2);
        assert!(s[0].starts_with("makeCar returns: the stack pointer moves back"));
        assert!(s[1].starts_with("A []byte of 4,096 B is allocated on the heap"));
        assert!(s[1].ends_with("“make([]byte, 4096) escapes to heap”."));
    }

    #[test]
    fn a_summary_tallies_what_it_skipped() {
        let step = Step {
            kind: StepKind::Summary {
                steps: 5_000_000,
                events: vec![("heap_alloc".into(), 999_997), ("gc".into(), 0)],
            },
            ..Step::default()
        };
        let s = sentences(&step, &Snapshot::default());
        assert_eq!(s.len(), 1);
        assert!(s[0].contains("5,000,000 more machine steps"));
        assert!(s[0].ends_with(": 999,997 heap allocations."), "{}", s[0]);
    }
}
