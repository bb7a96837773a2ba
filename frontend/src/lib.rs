//! The Escapade page: a Yew app over sim-core, compiled to wasm.
//!
//! The view never re-analyses on its own: [`analysis`] asks sim-core for
//! the verdicts and the recorded run, [`state`] moves a cursor over it,
//! [`layout`] places a snapshot's boxes and arrows, and the components
//! only draw. Everything outside `components/` and `hooks/` is plain Rust,
//! tested natively.

pub mod analysis;
pub mod components;
pub mod examples;
pub mod explain;
pub mod hooks;
pub mod layout;
pub mod segments;
pub mod state;

/// Mounts the app on the page's body.
pub fn run() {
    yew::Renderer::<components::app::App>::new().render();
}
