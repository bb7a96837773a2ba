//! The code editor: a transparent textarea over a layer that shows the
//! program highlighted from its syntax tree. The gutter carries line
//! numbers, error marks, the running line and each escape verdict
//! (stack or heap); hovering a verdict shows the compiler's reason chain,
//! clicking it pins the chain and lights it up in the code.

use std::rc::Rc;

use crate::analysis::{Place, Verdict};
use crate::segments::{runs, Mark};
use sim_core::Diagnostic;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub source: String,
    pub on_change: Callback<String>,
    /// Compile errors from the last analysis (type errors and the like);
    /// syntax errors are found here on every keystroke.
    #[prop_or_default]
    pub diagnostics: Rc<Vec<Diagnostic>>,
    #[prop_or_default]
    pub verdicts: Rc<Vec<Verdict>>,
    /// The line the current step runs, if any.
    #[prop_or_default]
    pub current_line: Option<u32>,
    /// Byte ranges to light up (the running statement, an escape chain).
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
    /// The line whose verdicts are pinned open.
    #[prop_or_default]
    pub selected_line: Option<u32>,
    #[prop_or_default]
    pub on_select_line: Callback<Option<u32>>,
    /// The analysis has not caught up with the latest keystrokes.
    #[prop_or_default]
    pub pending: bool,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let parsed = use_memo(props.source.clone(), |source| {
        let tree = sim_core::parse(source);
        let spans = sim_core::highlight(&tree);
        (spans, tree.errors().to_vec())
    });
    let (spans, syntax_errors) = &*parsed;
    let source = props.source.as_str();
    // Syntax errors are current; other errors come from the analysis,
    // which lags the typing by a moment.
    let errors: &[Diagnostic] = if syntax_errors.is_empty() {
        &props.diagnostics
    } else {
        syntax_errors
    };

    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_change.emit(area.value());
        })
    };

    let line_count = source.split('\n').count();
    let gutter = (1..=line_count).map(|line| {
        let error = errors.iter().find(|d| d.pos.line as usize == line);
        let here: Vec<&Verdict> = props
            .verdicts
            .iter()
            .filter(|v| v.line as usize == line)
            .collect();
        let current = props.current_line == Some(line as u32);
        let class = classes!(
            "gutter-line",
            error.map(|_| "has-error"),
            current.then_some("current"),
        );
        let title = error.map(|d| d.message.clone());
        let verdict = (!here.is_empty()).then(|| {
            let heap = here.iter().any(|v| v.place == Place::Heap);
            let leak = !heap && here.iter().any(|v| v.place == Place::Leak);
            let tip: Vec<String> = here
                .iter()
                .flat_map(|v| std::iter::once(v.message.clone()).chain(v.chain.iter().cloned()))
                .collect();
            let selected = props.selected_line == Some(line as u32);
            let onclick = {
                let cb = props.on_select_line.clone();
                let line = line as u32;
                Callback::from(move |_| cb.emit(if selected { None } else { Some(line) }))
            };
            let (label, text) = if heap {
                ("heap", "▲ heap")
            } else if leak {
                ("leak", "↗ leaks")
            } else {
                ("stack", "■ stack")
            };
            html! {
                <button
                    class={classes!("verdict", label, selected.then_some("selected"))}
                    title={tip.join("\n")}
                    aria-label={format!("line {line}: {}", here.iter().map(|v| v.message.as_str()).collect::<Vec<_>>().join("; "))}
                    aria-pressed={selected.to_string()}
                    data-place={label}
                    {onclick}
                >{ text }</button>
            }
        });
        html! {
            <div {class} {title} data-line={line.to_string()}>
                { verdict }
                <span class="line-no">{ line }</span>
            </div>
        }
    });

    let highlighted = runs(source, spans, errors, &props.marks)
        .into_iter()
        .map(|run| {
            let class = classes!(run.class, run.error.map(|_| "syntax-error"), run.marks);
            let title = run.error.map(|i| errors[i].message.clone());
            html! { <span {class} {title}>{ run.text }</span> }
        });

    let messages = errors.iter().map(|d| {
        html! {
            <li class="diagnostic" data-line={d.pos.line.to_string()} data-col={d.pos.col.to_string()}>
                <span class="diagnostic-pos">{ format!("line {}, column {}", d.pos.line, d.pos.col) }</span>
                { ": " }{ &d.message }
            </li>
        }
    });

    // The running line's band: placed by arithmetic on the shared line
    // metrics, never by measuring.
    let band = props.current_line.map(|line| {
        let style = format!(
            "top: calc(10px + {} * var(--code-size) * var(--code-line))",
            line.saturating_sub(1)
        );
        html! { <div class="current-band" {style} aria-hidden="true"></div> }
    });

    html! {
        <div class="editor-wrap">
            <div class="editor">
                <div class="gutter">{ for gutter }</div>
                <div class="code-area">
                    { band }
                    // A trailing newline keeps the layer as tall as the textarea.
                    <pre class="highlight" aria-hidden="true">{ for highlighted }{ "\n" }</pre>
                    <textarea
                        class="code-input"
                        spellcheck="false"
                        autocapitalize="off"
                        autocomplete="off"
                        aria-label="Go source code"
                        value={props.source.clone()}
                        {oninput}
                    />
                </div>
            </div>
            if errors.is_empty() && props.pending {
                <p class="status pending">{ "Checking…" }</p>
            } else if errors.is_empty() {
                <p class="status ok">{ "Compiles: the gutter shows where each value lives." }</p>
            } else {
                <ul class="diagnostics" aria-live="polite">{ for messages }</ul>
            }
        </div>
    }
}
