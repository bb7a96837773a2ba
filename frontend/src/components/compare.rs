//! Two programs side by side with their counters at the end of the run:
//! by default the tutorial's fillBad against fill.

use yew::prelude::*;

use crate::analysis::analyse;
use crate::components::counters::{human_bytes, Counters};
use crate::components::picture::{snapshot_at, Picture};
use crate::examples::Example;
use crate::layout::thousands;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub left: &'static str,
    pub right: &'static str,
}

#[derive(Properties, PartialEq)]
struct SideProps {
    name: &'static str,
}

#[function_component(Side)]
fn side(props: &SideProps) -> Html {
    let example: Option<&'static Example> = crate::examples::find(props.name);
    let analysis = use_memo(props.name, |_| example.map(|e| analyse(e.source)));
    let Some(example) = example else {
        return html! { <p>{ format!("No example called {}.", props.name) }</p> };
    };
    let body = match (*analysis).as_ref().and_then(|a| a.run.clone()) {
        Some(run) => {
            let c = run.trace.counters.clone();
            let last = run.len().saturating_sub(1);
            html! {
                <>
                    <p class="headline" data-allocs={c.heap_allocs.to_string()}>
                        <strong>{ thousands(c.heap_allocs) }</strong>{ " heap allocations, " }
                        <strong>{ human_bytes(c.heap_bytes) }</strong>{ ", " }
                        <strong>{ thousands(c.gc_cycles) }</strong>{ " GC cycles" }
                    </p>
                    <Counters counters={c} />
                    <p class="compare-caption">{ "Memory when the program ends:" }</p>
                    <div class="picture-wrap compare-picture">
                        <Picture snapshot={snapshot_at(&run, last)} {run} cursor={last} narrow={true} />
                    </div>
                </>
            }
        }
        None => html! { <p class="picture-empty">{ "No recorded run for this program yet." }</p> },
    };
    html! {
        <section class="compare-side" data-example={example.name}>
            <h2><a href={format!("?example={}", example.name)}>{ example.title }</a></h2>
            <pre class="compare-code">{ example.source }</pre>
            { body }
        </section>
    }
}

#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    html! {
        <div class="compare">
            <Side name={props.left} />
            <Side name={props.right} />
        </div>
    }
}
