//! The page: picks the program (`?example=NAME`) or the compare view
//! (`?compare=A,B`), holds the text being edited, the analysis of it and
//! the one player reducer, and hands each child what it draws.

use std::rc::Rc;

use sim_core::trace::StepKind;
use yew::prelude::*;

use crate::analysis::{fix_for, Place};
use crate::components::compare::Compare;
use crate::components::controls::Controls;
use crate::components::counters::Counters;
use crate::components::editor::Editor;
use crate::components::explanation::Explanation;
use crate::components::gallery::Gallery;
use crate::components::picture::{snapshot_at, Picture};
use crate::components::timeline::Timeline;
use crate::examples::{self, Example};
use crate::hooks::use_analysis::use_analysis;
use crate::hooks::use_keys::use_keys;
use crate::hooks::use_narrow::use_narrow;
use crate::hooks::use_play::use_play;
use crate::segments::Mark;
use crate::state::{Action, Player};

fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Reads `?example=NAME` from the page's address.
fn example_from_url() -> &'static Example {
    query("example")
        .as_deref()
        .and_then(examples::find)
        .unwrap_or_else(examples::default_example)
}

/// Reads `?compare=A,B` (unknown names fall back to fill_bad and fill).
fn compare_from_url() -> Option<(&'static str, &'static str)> {
    let value = query("compare")?;
    let mut names = value
        .split(',')
        .map(|n| examples::find(n.trim()).map(|e| e.name));
    let left = names.next().flatten().unwrap_or("fill_bad");
    let right = names.next().flatten().unwrap_or("fill");
    Some((left, right))
}

#[function_component(App)]
pub fn app() -> Html {
    let compare = use_memo((), |_| compare_from_url());
    html! {
        <main class="app">
            <header class="app-header">
                <h1><a href="?">{ "Escapade" }</a></h1>
                <p class="tagline">{ "Where do your Go values live — the stack or the heap?" }</p>
                <Gallery current={if compare.is_some() { "" } else { example_from_url().name }} />
            </header>
            if let Some((left, right)) = *compare {
                <Compare {left} {right} />
            } else {
                <Workspace />
            }
        </main>
    }
}

/// The editor and the stepping picture for one program.
#[function_component(Workspace)]
fn workspace() -> Html {
    let example = use_memo((), |_| example_from_url());
    let source = use_state(|| example.source.to_string());
    let analysed = use_analysis(&source);
    let player = use_reducer(Player::default);
    let narrow = use_narrow();
    let selected_line = use_state(|| None::<u32>);
    let selected_object = use_state(|| None::<u32>);
    let dispatch = {
        let player = player.clone();
        Callback::from(move |a: Action| player.dispatch(a))
    };

    // A new good analysis loads its run; the first one starts at step one.
    {
        let player = player.clone();
        let run = analysed.good.as_ref().and_then(|a| a.run.clone());
        use_effect_with(run, move |run| {
            if let Some(run) = run {
                let rewind = player.run.is_none();
                player.dispatch(Action::Load {
                    run: run.clone(),
                    rewind,
                });
            }
        });
    }
    use_keys(dispatch.clone());
    use_play(player.playing, player.tick_ms(), dispatch.clone());

    let on_change = {
        let source = source.clone();
        Callback::from(move |text: String| source.set(text))
    };
    let pending = analysed.source != *source;
    let latest = &analysed.latest;
    let diagnostics = Rc::new(if pending {
        Vec::new()
    } else {
        latest.diagnostics.clone()
    });
    let good = analysed.good.clone();
    let verdicts = Rc::new(
        good.as_ref()
            .map(|g| g.verdicts.clone())
            .unwrap_or_default(),
    );

    let fix = if pending {
        None
    } else {
        latest.diagnostics.iter().find_map(|d| fix_for(&source, d))
    };
    let fix_button = fix.map(|fix| {
        let source = source.clone();
        let text = fix.source.clone();
        let onclick = Callback::from(move |_| source.set(text.clone()));
        html! {
            <div class="fix">
                <p>{ "Go refuses to compile a program with an unused import — it keeps programs free of dead dependencies. The tutorial's listing has one; Escapade can remove it for you." }</p>
                <button class="fix-button" {onclick}>{ fix.label }</button>
            </div>
        }
    });

    let run = player.run.clone();
    let snapshot = use_memo((run.clone(), player.cursor), |(run, cursor)| {
        run.as_ref().map(|r| snapshot_at(r, *cursor))
    });
    let step = run.as_ref().and_then(|r| r.trace.steps.get(player.cursor));
    let current_line = step.map(|s| s.span.line).filter(|&l| l > 0);

    // The object whose escape is lit: the one the reader clicked, else one
    // born at this step.
    let focus = (*selected_object).or_else(|| {
        step.and_then(|s| {
            s.events.iter().find_map(|e| match e {
                sim_core::trace::Event::HeapAlloc { object, .. } => Some(object.0),
                _ => None,
            })
        })
    });

    // Light up: the running statement, then the pinned verdict's chain, or
    // the focused object's chain.
    let mut marks = Vec::new();
    if let Some(s) = step {
        if s.span.end > s.span.start {
            marks.push(Mark {
                start: s.span.start as usize,
                end: s.span.end as usize,
                class: "now",
            });
        }
    }
    let chain_line = (*selected_line).or_else(|| {
        let id = focus?;
        let snap = (*snapshot).as_ref()?;
        snap.heap.iter().find(|o| o.id.0 == id).map(|o| o.site.line)
    });
    if let Some(line) = chain_line {
        for v in verdicts
            .iter()
            .filter(|v| v.line == line && v.place == Place::Heap)
        {
            for &(start, end) in &v.spans {
                marks.push(Mark {
                    start: start as usize,
                    end: end as usize,
                    class: "lit",
                });
            }
        }
    }
    let pinned = (*selected_line).map(|line| {
        let here = verdicts.iter().filter(|v| v.line == line).map(|v| {
            let chain = v.chain.iter().map(|l| html! { <li><code>{ l }</code></li> });
            html! {
                <div class={classes!("pinned-verdict", match v.place { Place::Heap => "heap", Place::Leak => "leak", Place::Stack => "stack" })}>
                    <p><strong>{ format!("{}:{}", v.line, v.col) }</strong>{ " " }<span class="verdict-quote">{ &v.message }</span></p>
                    if !v.chain.is_empty() { <ol class="flow">{ for chain }</ol> }
                </div>
            }
        });
        html! { <section class="verdict-detail" aria-label="the compiler's reasons">{ for here }</section> }
    });

    let on_select_line = {
        let s = selected_line.clone();
        Callback::from(move |l: Option<u32>| s.set(l))
    };
    // Stable between renders (for the picture's memoized bubbles).
    let on_select_object = {
        let s = selected_object.clone();
        use_callback(*selected_object, move |o: Option<u32>, current| {
            s.set(if o == *current { None } else { o })
        })
    };

    let stale = !latest.is_good() && good.is_some() && !pending;
    let player_pane = match &run {
        Some(run) if !run.is_empty() && snapshot.is_some() => {
            let snapshot = (*snapshot).clone().unwrap_or_else(|| snapshot_at(run, 0));
            let counters = run.trace.steps[player.cursor].counters.clone();
            let has_summaries = run
                .trace
                .steps
                .iter()
                .any(|s| matches!(s.kind, StepKind::Summary { .. }));
            html! {
                <>
                    <Controls cursor={player.cursor} len={run.len()} playing={player.playing}
                              speed={player.speed} {has_summaries} dispatch={dispatch.clone()} />
                    <Timeline run={run.clone()} cursor={player.cursor} dispatch={dispatch.clone()} />
                    if stale {
                        <p class="stale-note">{ "The code has an error: this is the picture of the last version that compiled." }</p>
                    }
                    if run.preview {
                        <p class="preview-note" role="status">{ format!("Running the rest of the program… the first {} steps are ready to explore.", run.len()) }</p>
                    }
                    <div class={classes!("picture-wrap", stale.then_some("stale"))}>
                        <Picture run={run.clone()} cursor={player.cursor} snapshot={snapshot.clone()} {narrow} {focus} on_select={on_select_object} />
                    </div>
                    <Counters {counters} />
                    <Explanation run={run.clone()} cursor={player.cursor} {snapshot} {focus} />
                </>
            }
        }
        _ => html! {
            <p class="picture-empty">
                { if analysed.running {
                    "Running the program…"
                } else if good.is_some() {
                    "The stepping machine has no run for this program yet; the gutter already shows the compiler's verdicts."
                } else {
                    "Fix the errors in the code to see its memory."
                } }
            </p>
        },
    };

    html! {
        <div class="workspace">
            <section class="code-pane" aria-label="Go program">
                if *source == example.source {
                    <h2>{ example.title }</h2>
                    <p class="blurb">{ example.blurb }</p>
                } else {
                    // The reader's own code: the example's story no longer applies.
                    <h2 class="edited-title">{ format!("Your version of: {}", example.title) }</h2>
                }
                <Editor source={(*source).clone()} {on_change} {diagnostics} {verdicts}
                        {current_line} marks={Rc::new(marks)} selected_line={*selected_line}
                        {on_select_line} {pending} />
                { fix_button }
                { pinned }
            </section>
            <section class="player-pane" aria-label="Memory, step by step">
                { player_pane }
            </section>
        </div>
    }
}
