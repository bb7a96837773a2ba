//! The counters at the current step: heap allocations and bytes, live
//! heap, GC cycles, stack size per goroutine.

use sim_core::trace::Counters as Totals;
use yew::prelude::*;

use crate::layout::{bytes, thousands};

#[derive(Properties, PartialEq)]
pub struct CountersProps {
    pub counters: Totals,
}

/// `4096000000` → `4.1 GB`: big byte counts people can read aloud.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")];
    for (size, unit) in UNITS {
        if n >= size {
            return format!("{:.1} {unit}", n as f64 / size as f64);
        }
    }
    bytes(n)
}

#[function_component(Counters)]
pub fn counters(props: &CountersProps) -> Html {
    let c = &props.counters;
    let item = |name: &'static str, key: &'static str, value: String, note: Option<String>| {
        html! {
            <div class="counter" data-counter={key}>
                <dt>{ name }</dt>
                <dd><span class="counter-value">{ value }</span>
                    if let Some(n) = note { <span class="counter-note">{ n }</span> }
                </dd>
            </div>
        }
    };
    let stacks = c
        .stack_bytes
        .iter()
        .map(|(g, b)| format!("g{}: {}", g.0, bytes(*b)))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <dl class="counters" aria-label="counters">
            { item("heap allocations", "heap-allocs", thousands(c.heap_allocs), Some(human_bytes(c.heap_bytes))) }
            { item("live heap", "live", thousands(c.live_objects), Some(human_bytes(c.live_bytes))) }
            { item("GC cycles", "gc", thousands(c.gc_cycles), None) }
            { item("kept on stack", "stack-allocs", thousands(c.stack_allocs), None) }
            { item("stacks", "stacks", if stacks.is_empty() { "—".into() } else { stacks }, None) }
        </dl>
    }
}
