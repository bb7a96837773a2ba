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
        Event::StackAlloc {
            frame,
            name,
            size,
            until,
            ..
        } => {
            let func = snap
                .goroutines
                .iter()
                .flat_map(|g| &g.frames)
                .find(|f| f.id == *frame)
                .map(|f| short_func(&f.func))
                .unwrap_or_else(|| "its function".into());
            if until.is_empty() {
                format!(
                    "{name} ({}) stays in {func}'s frame: the compiler proved nothing uses it after {func} returns.",
                    bytes(*size)
                )
            } else {
                format!(
                    "{name} ({}) grows in a buffer in {func}'s frame for now. The slice leaves {func} in only one place, so Go copies it to the heap once, right there, instead of at every growth (the compiler still prints “append escapes to heap”).",
                    bytes(*size)
                )
            }
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

/// Why a heap object is on the heap, in plain words, from the compiler's
/// reason (`moved to heap: myCar`) and the last step of its `-m=2` flow
/// chain (`(from return &myCar (return) at 21:2)`).
pub fn plain_reason(reason: &str, flow: &[String]) -> Option<String> {
    let cause = flow
        .last()
        .and_then(|l| last_note(l))
        .and_then(cause)
        .map(|c| capitalized(&c));
    if let Some(var) = reason.strip_prefix("moved to heap: ") {
        return Some(match cause {
            Some(c) => format!("{c}, so {var} must outlive the frame that declared it: the compiler moved {var} to the heap."),
            None => format!("Its address is still needed after the function that declared {var} returns, so {var} cannot live in that frame: the compiler gave it heap lifetime."),
        });
    }
    if let Some(expr) = reason.strip_suffix(" escapes to heap") {
        return Some(match cause {
            Some(c) => format!("{c}, so {expr} is allocated on the heap."),
            None => format!("{expr} may be used after its frame is gone (or by code the compiler cannot see into), so it is allocated on the heap."),
        });
    }
    None
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The last `(from TEXT (WHY) at L:C)` note of a flow line: (TEXT, WHY).
fn last_note(line: &str) -> Option<(&str, &str)> {
    let rest = &line[line.rfind("(from ")? + "(from ".len()..];
    let body = &rest[..rest.rfind(" at ")?];
    let open = body.rfind(" (")?;
    let why = body[open + 2..].strip_suffix(')')?;
    Some((&body[..open], why))
}

/// A clause saying what the compiler saw, for the reasons it names.
fn cause((text, why): (&str, &str)) -> Option<String> {
    Some(match why {
        "return" => format!("`{text}` hands it to the caller, whose frame outlives this one"),
        "captured by a closure" => "a closure captures it by reference and outlives the frame".to_string(),
        "call parameter" => format!("it is passed to {}, which keeps it beyond the call (or the compiler cannot see into it)", callee(text)),
        "assign" => format!("`{text}` stores it somewhere that outlives the frame"),
        "send" => format!("`{text}` sends it on a channel, where another goroutine can pick it up"),
        "too large for stack" => "it is too large for a stack frame".to_string(),
        "interface-converted" => "it is converted to an interface value that escapes".to_string(),
        _ => return None,
    })
}

/// The function a call expression calls: `fmt.Printf(...)` → `fmt.Printf`,
/// `(*sync.WaitGroup).Add(wg, 1)` → `(*sync.WaitGroup).Add`.
fn callee(call: &str) -> &str {
    let skip = if call.starts_with('(') {
        call.find(')').map_or(0, |i| i + 1)
    } else {
        0
    };
    match call[skip..].find('(') {
        Some(i) => &call[..skip + i],
        None => call,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_reasons_name_what_the_compiler_saw() {
        let flow = |l: &str| vec![l.to_string()];
        assert_eq!(
            plain_reason(
                "moved to heap: myCar",
                &flow("~r0 ← &myCar (from &myCar (address-of) at 21:9) (from return &myCar (return) at 21:2)")
            )
            .as_deref(),
            Some("`return &myCar` hands it to the caller, whose frame outlives this one, so myCar must outlive the frame that declared it: the compiler moved myCar to the heap.")
        );
        let printf = flow("{heap} ← {storage for ... argument} (from ... argument (spill) at 13:12) (from fmt.Printf(\"%s\\n\", ... argument...) (call parameter) at 13:12)");
        assert!(plain_reason("carPtr.Brand escapes to heap", &printf)
            .unwrap()
            .starts_with("It is passed to fmt.Printf, which keeps it"));
        let add = flow("{heap} ← &wg (from wg (address-of) at 8:4) (from (*sync.WaitGroup).Add(wg, 1) (call parameter) at 8:8)");
        assert!(plain_reason("moved to heap: wg", &add)
            .unwrap()
            .contains("passed to (*sync.WaitGroup).Add,"));
        let big = flow("{heap} ← &big (from big (too large for stack) at 5:6)");
        assert!(plain_reason("moved to heap: big", &big)
            .unwrap()
            .starts_with("It is too large for a stack frame, so big"));
        // Without a chain the sentence stays general.
        assert!(plain_reason("moved to heap: x", &[])
            .unwrap()
            .starts_with("Its address is still needed"));
        assert_eq!(plain_reason("leaking param: p", &[]), None);
    }

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
