//! The Escapade page: a Yew app over sim-core, compiled to wasm.
//!
//! The view never re-analyses on its own: it asks sim-core for results and
//! draws them. Pure helpers (token segmentation) live outside components so
//! they can be tested natively.

pub mod components;
pub mod examples;
pub mod segments;

/// Mounts the app on the page's body.
pub fn run() {
    yew::Renderer::<components::app::App>::new().render();
}
