//! The code editor: a transparent textarea over a layer that shows the
//! program highlighted from its syntax tree, with syntax errors underlined
//! and marked in the gutter at their line.

use crate::segments::runs;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub source: String,
    pub on_change: Callback<String>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let parsed = use_memo(props.source.clone(), |source| {
        let tree = sim_core::parse(source);
        let spans = sim_core::highlight(&tree);
        (spans, tree.errors().to_vec())
    });
    let (spans, errors) = &*parsed;
    let source = props.source.as_str();

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
        let class = classes!("gutter-line", error.map(|_| "has-error"));
        let title = error.map(|d| d.message.clone());
        html! { <div {class} {title} data-line={line.to_string()}>{ line }</div> }
    });

    let highlighted = runs(source, spans, errors).into_iter().map(|run| {
        let class = classes!(run.class, run.error.map(|_| "syntax-error"));
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

    html! {
        <div class="editor-wrap">
            <div class="editor">
                <div class="gutter" aria-hidden="true">{ for gutter }</div>
                <div class="code-area">
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
            if errors.is_empty() {
                <p class="status ok">{ "Parsed without syntax errors." }</p>
            } else {
                <ul class="diagnostics" aria-live="polite">{ for messages }</ul>
            }
        </div>
    }
}
