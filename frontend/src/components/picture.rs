//! The memory picture for one step: goroutine stacks with their frames and
//! slots, heap bubbles, and pointer arrows, as SVG.
//!
//! Positions come from [`crate::layout`]; this component only turns the
//! scene into elements. Every frame, slot, object and arrow is a group
//! keyed by its trace id, so the same DOM node moves (by a CSS transition
//! on `transform`) from step to step instead of being redrawn.

use std::rc::Rc;

use sim_core::trace::{Event, ObjectState, Snapshot};
use yew::prelude::*;

use crate::layout::{bytes, layout, Bubble, FrameBox, Shape, SlotBox, CHAR_W};
use crate::state::{Run, Shared};

#[derive(Properties, PartialEq)]
pub struct PictureProps {
    pub run: Rc<Run>,
    pub cursor: usize,
    /// The snapshot at `cursor`, rebuilt once per step by the parent.
    pub snapshot: Shared<Snapshot>,
    #[prop_or_default]
    pub narrow: bool,
    /// The heap object whose escape is lit up (selected or just born).
    #[prop_or_default]
    pub focus: Option<u32>,
    #[prop_or_default]
    pub on_select: Callback<Option<u32>>,
}

fn translate(x: f32, y: f32) -> String {
    format!("transform: translate({x:.1}px, {y:.1}px)")
}

/// The snapshot at a step, or an empty one past the end.
pub fn snapshot_at(run: &Run, cursor: usize) -> Shared<Snapshot> {
    Shared(Rc::new(run.trace.snapshot(cursor).unwrap_or_default()))
}

/// Notes on the page when the first picture was drawn (milliseconds since
/// navigation, as `data-first-picture-ms` on `<html>`), once per page, so
/// tests and readers' tools can measure it without polling.
fn note_first_picture() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    if root.has_attribute("data-first-picture-ms") {
        return;
    }
    let now = window.performance().map(|p| p.now()).unwrap_or(0.0);
    let _ = root.set_attribute("data-first-picture-ms", &format!("{now:.0}"));
}

#[function_component(Picture)]
pub fn picture(props: &PictureProps) -> Html {
    use_effect_with((), |_| note_first_picture());
    let scene = use_memo(
        (props.run.clone(), props.snapshot.clone(), props.narrow),
        |(run, snap, narrow)| {
            let shape = if *narrow { Shape::Narrow } else { Shape::Wide };
            layout(snap, &run.places, shape)
        },
    );
    let snap = &*props.snapshot;
    if props.run.is_empty() {
        return html! { <p class="picture-empty">{ "Nothing to draw yet." }</p> };
    }
    let step = &props.run.trace.steps[props.cursor.min(props.run.len() - 1)];
    let gc_phase = step.events.iter().rev().find_map(|e| match e {
        Event::GcStart { cycle, .. } => Some(format!("GC #{cycle}: marking from the roots")),
        Event::GcMark { cycle, .. } => Some(format!("GC #{cycle}: marked reachable objects")),
        Event::GcSweep { cycle, .. } => Some(format!("GC #{cycle}: sweeping the rest")),
        _ => None,
    });
    // The frame running this step: the top live frame of the goroutine
    // that ran.
    let active = snap
        .goroutines
        .iter()
        .find(|g| g.id == step.goroutine)
        .and_then(|g| g.frames.iter().rev().find(|f| f.valid))
        .map(|f| f.id.0);
    let lit_arrow = |to: u32| props.focus == Some(to);

    // Stacks that grew at this step: the runtime copied them to a bigger block.
    let grown = |id: u32| {
        step.events.iter().find_map(|e| match e {
            Event::StackGrowth {
                goroutine,
                old_size,
                new_size,
            } if goroutine.0 == id => Some((*old_size, *new_size)),
            _ => None,
        })
    };
    let goroutines = scene.goroutines.iter().map(|g| {
        // A stack that grew says so in its header, in place of its size.
        let growth = grown(g.id)
            .map(|(old, new)| format!("stack copied: {} → {}", bytes(old), bytes(new)));
        html! {
            <g key={format!("g{}", g.id)} class={classes!("goroutine", g.exited.then_some("exited"), growth.is_some().then_some("grown"))}
               data-kind="goroutine" data-id={g.id.to_string()} style={translate(g.x, g.y)}>
                <rect class="goroutine-box" width={g.w.to_string()} height={g.h.to_string()} rx="8" />
                <text class="g-title" x="12" y="22">{ &g.title }</text>
                if let Some(note) = growth {
                    <text class="g-detail g-grown" data-kind="stack-growth" x="12" y="44">{ note }</text>
                } else {
                    <text class="g-detail" x="12" y="44">{ &g.detail }</text>
                }
                <g class="sp" style={translate(0.0, g.sp_y - g.y)}>
                    <line x1="0" x2={g.w.to_string()} y1="0" y2="0" />
                    <text class="sp-label" x={(g.w - 8.0).to_string()} y="18" text-anchor="end">{ &g.sp_label }</text>
                </g>
            </g>
        }
    });
    let frames = scene.frames.iter().map(|f| frame(f, active == Some(f.id)));
    let bubbles = scene.bubbles.iter().map(|b| {
        let born_now = snap
            .heap
            .iter()
            .find(|o| o.id.0 == b.id)
            .is_some_and(|o| o.born == step.index);
        html! {
            <BubbleView key={format!("o{}", b.id)} bubble={b.clone()} lit={props.focus == Some(b.id)}
                        {born_now} on_select={props.on_select.clone()} />
        }
    });
    let arrows = scene.arrows.iter().map(|a| {
        let class = classes!(
            "arrow",
            a.faded.then_some("faded"),
            lit_arrow(a.to).then_some("lit")
        );
        html! {
            <path key={a.key.clone()} {class} data-kind="pointer" data-id={a.key.clone()}
                  data-from={a.from.to_string()} data-to={a.to.to_string()}
                  d={a.path.clone()} style={format!("d: path(\"{}\")", a.path)}
                  marker-end="url(#arrowhead)" />
        }
    });
    let globals = scene.globals.as_ref().map(|g| {
        let slots = g.slots.iter().map(|s| slot(s, g.x, g.y));
        html! {
            <g class="globals" data-kind="globals" style={translate(g.x, g.y)}>
                <rect class="frame-box" width={g.w.to_string()} height={g.h.to_string()} rx="6" />
                <text class="f-title" x="10" y="23">{ "globals" }</text>
                { for slots }
            </g>
        }
    });
    let hidden = (scene.hidden > 0).then(|| {
        html! {
            <text class="hidden-note" x={scene.heap_x.to_string()} y={(scene.height - 8.0).to_string()}>
                { format!("+ {} more objects not drawn", scene.hidden) }
            </text>
        }
    });
    let label = format!(
        "Memory at step {}: {} goroutine(s), {} frame(s), {} heap object(s)",
        props.cursor + 1,
        scene.goroutines.len(),
        scene.frames.iter().filter(|f| f.valid).count(),
        snap.heap
            .iter()
            .filter(|o| o.state != ObjectState::Freed)
            .count()
    );
    html! {
        <svg class="picture" viewBox={format!("0 0 {:.0} {:.0}", scene.width, scene.height)}
             role="img" aria-label={label}
             style={format!("max-width: {:.0}px", scene.width * 1.25)}
             data-step={props.cursor.to_string()}>
            <defs>
                <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" />
                </marker>
                <pattern id="hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="10" height="10" class="hatch-bg" />
                    <line x1="0" y1="0" x2="0" y2="10" class="hatch-line" />
                </pattern>
            </defs>
            { globals }
            <g class="stacks">{ for goroutines }{ for frames }</g>
            <g class="heap">
                <text class="pane-label heap-label" x={scene.heap_x.to_string()} y={(scene.heap_y + 30.0).to_string()}>
                    { "HEAP" }
                    <tspan class="pane-sub" dx="12">{ "garbage-collected" }</tspan>
                </text>
                { for bubbles }
                { hidden }
            </g>
            <g class="arrows">{ for arrows }</g>
            if let Some(phase) = gc_phase {
                <g class="gc-phase" data-kind="gc-phase">
                    <rect x={(scene.heap_x - 4.0).to_string()} y={(scene.heap_y + 36.0).to_string()} width={(phase.len() as f32 * CHAR_W * 0.9 + 24.0).to_string()} height="30" rx="15" />
                    <text x={(scene.heap_x + 8.0).to_string()} y={(scene.heap_y + 57.0).to_string()}>{ phase }</text>
                </g>
            }
        </svg>
    }
}

fn frame(f: &FrameBox, active: bool) -> Html {
    let slots = f.slots.iter().map(|s| slot(s, f.x, f.y));
    let class = classes!(
        "frame",
        if f.valid { "valid" } else { "invalid" },
        active.then_some("active")
    );
    html! {
        <g key={format!("f{}", f.id)} {class} data-kind="frame" data-id={f.id.to_string()}
           data-func={f.func.clone()} data-valid={f.valid.to_string()} style={translate(f.x, f.y)}>
            <g class="frame-body">
                <rect class="frame-box" width={f.w.to_string()} height={f.h.to_string()} rx="6" />
                <text class="f-title" x="10" y="23">{ &f.title }</text>
                <text class="f-size" x={(f.w - 10.0).to_string()} y="23" text-anchor="end">
                    { if f.valid { f.size.clone() } else { format!("invalid memory · {}", f.size) } }
                </text>
                { for slots }
            </g>
        </g>
    }
}

fn slot(s: &SlotBox, ox: f32, oy: f32) -> Html {
    let (x, y) = (s.x - ox, s.y - oy);
    html! {
        <g key={format!("s{}", s.object)} class="slot" data-kind="slot" data-id={s.object.to_string()}
           data-name={s.name.clone()} style={translate(x, y)}>
            <line class="slot-rule" x1="0" x2={s.w.to_string()} y1="0" y2="0" />
            <text class="s-left" x="10" y={(s.h * 0.7).to_string()}>{ &s.left }</text>
            <text class="s-value" x={(s.w - 10.0).to_string()} y={(s.h * 0.7).to_string()} text-anchor="end">{ &s.value }</text>
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct BubbleProps {
    bubble: Bubble,
    lit: bool,
    born_now: bool,
    on_select: Callback<Option<u32>>,
}

/// One bubble as its own component, so a step that leaves an object
/// unchanged costs no re-render of it.
#[function_component(BubbleView)]
fn bubble_view(props: &BubbleProps) -> Html {
    let onclick = {
        let cb = props.on_select.clone();
        let id = props.bubble.id;
        Callback::from(move |_| cb.emit(Some(id)))
    };
    bubble(&props.bubble, props.lit, props.born_now, onclick)
}

fn bubble(b: &Bubble, lit: bool, born_now: bool, onclick: Callback<MouseEvent>) -> Html {
    let state = match b.state {
        ObjectState::Live => "live",
        ObjectState::Marked => "marked",
        ObjectState::Freed => "freed",
    };
    let class = classes!(
        "heap-object",
        state,
        lit.then_some("lit"),
        born_now.then_some("new")
    );
    let rows = b.rows.iter().enumerate().map(|(i, r)| {
        html! { <text class="b-row" x="14" y={(78.0 + i as f32 * 22.0).to_string()}>{ r }</text> }
    });
    let state_label = match b.state {
        ObjectState::Live => None,
        ObjectState::Marked => Some("✔ marked: reachable"),
        ObjectState::Freed => Some("✖ swept: unreachable"),
    };
    html! {
        <g key={format!("o{}", b.id)} {class} data-kind="heap-object" data-id={b.id.to_string()}
           data-type={b.ty.clone()} data-state={state} style={translate(b.x, b.y)} {onclick}>
            <g class="bubble-body">
                <rect class="bubble" width={b.w.to_string()} height={b.h.to_string()} rx="22" />
                <text class="b-title" x="14" y="26">{ &b.title }</text>
                <text class="b-size" x={(b.w - 14.0).to_string()} y="26" text-anchor="end">{ &b.size }</text>
                <text class="b-addr" x="14" y="50">{ &b.addr }</text>
                { for rows }
                <g class="badge" style={translate(8.0, b.h - 34.0)}>
                    <rect width={(b.w - 16.0).to_string()} height="26" rx="13" />
                    <text x="10" y="18">{ state_label.map_or_else(|| b.badge.clone(), str::to_string) }</text>
                </g>
            </g>
        </g>
    }
}
