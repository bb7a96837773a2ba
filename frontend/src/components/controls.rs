//! Step, play and jump buttons. Children get callbacks, not the player.

use yew::prelude::*;

use crate::state::{Action, MarkKind, SPEEDS};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub cursor: usize,
    pub len: usize,
    pub playing: bool,
    pub speed: usize,
    /// The run has fast-forwarded loop spans to jump over.
    pub has_summaries: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let button = |label: &'static str, text: &'static str, action: Action, disabled: bool| {
        let d = props.dispatch.clone();
        let onclick = Callback::from(move |_| d.emit(action.clone()));
        html! {
            <button class="ctl" aria-label={label} title={label} {disabled} {onclick}>{ text }</button>
        }
    };
    let at_start = props.cursor == 0;
    let at_end = props.cursor + 1 >= props.len;
    let empty = props.len == 0;
    let onspeed = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse() {
                d.emit(Action::SetSpeed(i));
            }
        })
    };
    let speeds = SPEEDS.iter().enumerate().map(|(i, s)| {
        html! { <option value={i.to_string()} selected={i == props.speed}>{ format!("{s} steps/s") }</option> }
    });
    let jump = |kind: MarkKind, what: &'static str| {
        html! {
            <span class={classes!("jump", format!("jump-{what}"))}>
                { button(match kind { MarkKind::Alloc => "previous allocation", MarkKind::Escape => "previous escape", _ => "previous GC" }, "‹", Action::Prev(kind), empty) }
                <span class="jump-label">{ what }</span>
                { button(match kind { MarkKind::Alloc => "next allocation", MarkKind::Escape => "next escape", _ => "next GC" }, "›", Action::Next(kind), empty) }
            </span>
        }
    };
    html! {
        <div class="controls" role="toolbar" aria-label="Step through the run">
            <div class="transport">
                { button("first step (Home)", "|◀", Action::First, empty || at_start) }
                { button("step back (←)", "◀", Action::Back, empty || at_start) }
                <button class="ctl play" aria-label={if props.playing { "pause (space)" } else { "play (space)" }}
                        title="play / pause (space)" disabled={empty}
                        onclick={let d = props.dispatch.clone(); Callback::from(move |_| d.emit(Action::TogglePlay))}>
                    { if props.playing { "⏸ pause" } else { "▶ play" } }
                </button>
                { button("step forward (→)", "▶", Action::Forward, empty || at_end) }
                { button("last step (End)", "▶|", Action::Last, empty || at_end) }
                <span class="step-count" aria-live="polite">
                    { if empty { "no steps".to_string() } else { format!("step {} / {}", props.cursor + 1, props.len) } }
                </span>
                <label class="speed">
                    <span class="visually-hidden">{ "speed" }</span>
                    <select aria-label="playback speed" onchange={onspeed}>{ for speeds }</select>
                </label>
            </div>
            <div class="jumps">
                { jump(MarkKind::Alloc, "alloc") }
                { jump(MarkKind::Escape, "escape") }
                { jump(MarkKind::Gc, "GC") }
                if props.has_summaries {
                    { button("jump over the fast-forwarded loop", "▶▶ skip loop", Action::SkipLoop, empty) }
                }
            </div>
        </div>
    }
}
