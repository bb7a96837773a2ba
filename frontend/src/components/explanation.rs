//! The explanation panel: what this step did in plain English, and for
//! the heap object in focus, why the compiler put it on the heap, with the
//! compiler's `-m=2` flow chain.

use std::rc::Rc;

use sim_core::trace::{HeapObject, Outcome, Snapshot};
use yew::prelude::*;

use crate::explain::{plain_reason, sentences};
use crate::layout::thousands;
use crate::state::{Run, Shared};

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub run: Rc<Run>,
    pub cursor: usize,
    pub snapshot: Shared<Snapshot>,
    pub focus: Option<u32>,
}

fn why(obj: &HeapObject) -> Html {
    let plain = plain_reason(&obj.reason, &obj.flow);
    let flow = obj
        .flow
        .iter()
        .map(|l| html! { <li><code>{ l }</code></li> });
    html! {
        <div class="why" data-object={obj.id.0.to_string()}>
            <h3>{ format!("Why is this {} on the heap?", obj.ty) }</h3>
            <p><span class="verdict-quote">{ &obj.reason }</span></p>
            if let Some(p) = plain { <p>{ p }</p> }
            if !obj.flow.is_empty() {
                <p class="flow-title">{ "The compiler's reasoning (-m=2), lit up in the code:" }</p>
                <ol class="flow">{ for flow }</ol>
            }
        </div>
    }
}

#[function_component(Explanation)]
pub fn explanation(props: &ExplanationProps) -> Html {
    let step = &props.run.trace.steps[props.cursor.min(props.run.len() - 1)];
    let snap = &*props.snapshot;
    let said = sentences(step, snap);
    let focus = props
        .focus
        .and_then(|id| snap.heap.iter().find(|o| o.id.0 == id));
    let at_end = props.cursor + 1 == props.run.len();
    let trace = &props.run.trace;
    html! {
        <section class="explanation" aria-live="polite" aria-label="What happens">
            <p class="where">{ format!("Line {}", step.span.line) }</p>
            if said.is_empty() {
                <p>{ "This step computes without touching memory the picture shows." }</p>
            } else {
                <ul class="sentences">{ for said.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            }
            if let Some(obj) = focus { { why(obj) } }
            if at_end && props.run.preview {
                <div class="outcome">
                    <p>{ "These are the first steps; the rest of the program is still running." }</p>
                </div>
            } else if at_end {
                <div class="outcome" data-outcome={outcome_kind(&trace.outcome)}>
                    <p>{ outcome_sentence(&trace.outcome) }</p>
                    if !trace.stdout.is_empty() || !trace.stderr.is_empty() {
                        <pre class="output">{ &trace.stdout }{ &trace.stderr }</pre>
                    }
                </div>
            }
        </section>
    }
}

/// How the run ended, for `data-outcome` (tests and styling).
fn outcome_kind(o: &Outcome) -> &'static str {
    match o {
        Outcome::Exited | Outcome::ExitCode { .. } => "exited",
        Outcome::Panicked { .. } => "panicked",
        Outcome::StepLimit { .. } => "step-limit",
        Outcome::Unsupported { .. } => "unsupported",
    }
}

/// How the run ended, in a sentence.
fn outcome_sentence(o: &Outcome) -> String {
    match o {
        Outcome::Exited => "The program has finished (exit status 0).".to_string(),
        Outcome::ExitCode { code } => format!("The program called os.Exit({code})."),
        Outcome::Panicked { .. } => {
            "The program crashed (exit status 2): Go's message is below.".to_string()
        }
        Outcome::StepLimit { limit } => format!(
            "Escapade stopped the program after {} steps (its step budget: an endless loop?). Everything up to here can be explored.",
            thousands(*limit)
        ),
        Outcome::Unsupported { message } => {
            format!("Escapade cannot run this yet: {message}. The steps up to here can be explored.")
        }
    }
}
