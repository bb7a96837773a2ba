//! The page: picks the program (from `?example=` or the default) and holds
//! the text the reader is editing.

use crate::components::editor::Editor;
use crate::examples;
use yew::prelude::*;

/// Reads `?example=NAME` from the page's address.
fn example_from_url() -> &'static examples::Example {
    let name = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("example"));
    name.as_deref()
        .and_then(examples::find)
        .unwrap_or_else(examples::default_example)
}

#[function_component(App)]
pub fn app() -> Html {
    let example = use_memo((), |_| example_from_url());
    let source = use_state(|| example.source.to_string());
    let on_change = {
        let source = source.clone();
        Callback::from(move |text: String| source.set(text))
    };
    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "Escapade" }</h1>
                <p class="tagline">{ "Where do your Go values live — the stack or the heap?" }</p>
            </header>
            <section class="code-pane" aria-label="Go program">
                <h2>{ example.title }</h2>
                <Editor source={(*source).clone()} {on_change} />
            </section>
        </main>
    }
}
