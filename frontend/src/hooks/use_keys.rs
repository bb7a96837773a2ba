//! Keyboard control of the player from anywhere on the page except where
//! the keys mean something else (the editor, the slider, form fields).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::state::Action;

/// The action a key stands for: ←/→ step, space plays or pauses,
/// Home/End jump to the ends.
pub fn action_for(key: &str) -> Option<Action> {
    Some(match key {
        "ArrowRight" => Action::Forward,
        "ArrowLeft" => Action::Back,
        " " | "Spacebar" => Action::TogglePlay,
        "Home" => Action::First,
        "End" => Action::Last,
        _ => return None,
    })
}

#[hook]
pub fn use_keys(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let tag = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|el| el.tag_name())
                .unwrap_or_default();
            if matches!(tag.as_str(), "TEXTAREA" | "INPUT" | "SELECT") {
                return;
            }
            // Space on a focused button already clicks it.
            if tag == "BUTTON" && e.key() == " " {
                return;
            }
            if let Some(action) = action_for(&e.key()) {
                e.prevent_default();
                dispatch.emit(action);
            }
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            let _ =
                d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(d) = &document {
                let _ = d.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    });
}
