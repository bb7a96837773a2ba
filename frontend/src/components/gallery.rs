//! The gallery: every sample program, the tutorial's first. Plain links,
//! so `?example=NAME` is also how readers share one.

use yew::prelude::*;

use crate::examples::EXAMPLES;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub current: &'static str,
}

#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let items = EXAMPLES.iter().map(|e| {
        let current = e.name == props.current;
        html! {
            <li class={classes!(current.then_some("current"))}>
                <a href={format!("?example={}", e.name)} aria-current={current.then_some("page")}>{ e.title }</a>
            </li>
        }
    });
    html! {
        <details class="gallery">
            <summary>{ "Examples" }</summary>
            <ul>
                { for items }
                <li class="compare-link"><a href="?compare=fill_bad,fill">{ "Compare: fillBad and fill side by side" }</a></li>
            </ul>
        </details>
    }
}
