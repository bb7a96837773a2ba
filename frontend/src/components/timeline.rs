//! The timeline: a slider over the recorded steps with markers for
//! allocations, escapes, GC cycles and fast-forwarded loop spans. Markers
//! differ in shape and label as well as colour.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, Run};

/// Markers drawn per kind at most; more would be a solid smear anyway.
const MAX_MARKERS: usize = 300;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub run: Rc<Run>,
    pub cursor: usize,
    pub dispatch: Callback<Action>,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let len = props.run.len();
    let last = len.saturating_sub(1).max(1) as f32;
    let oninput = {
        let d = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(i) = input.value().parse() {
                d.emit(Action::Seek(i));
            }
        })
    };
    let marks = &props.run.marks;
    let markers = |list: &[usize], class: &'static str, what: &'static str| {
        let stride = list.len().div_ceil(MAX_MARKERS).max(1);
        list.iter()
            .step_by(stride)
            .map(|&i| {
                let style = format!("left: {:.2}%", i as f32 / last * 100.0);
                html! { <span class={classes!("marker", class)} {style} title={format!("{what} at step {}", i + 1)}></span> }
            })
            .collect::<Html>()
    };
    html! {
        <div class="timeline">
            <input type="range" class="slider" min="0" max={len.saturating_sub(1).to_string()}
                   value={props.cursor.to_string()} aria-label="step" {oninput} />
            <div class="markers" aria-hidden="true">
                { markers(&marks.summary, "m-summary", "fast-forwarded loop") }
                { markers(&marks.alloc, "m-alloc", "heap allocation") }
                { markers(&marks.escape, "m-escape", "escape") }
                { markers(&marks.gc, "m-gc", "GC cycle") }
            </div>
            <div class="legend" aria-hidden="true">
                <span class="marker m-alloc"></span>{ "allocation" }
                <span class="marker m-escape"></span>{ "escape" }
                <span class="marker m-gc"></span>{ "GC" }
                <span class="marker m-summary"></span>{ "fast-forward" }
            </div>
        </div>
    }
}
