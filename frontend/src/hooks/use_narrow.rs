//! Whether the page is phone-narrow, from a media query (not from
//! measuring any element), kept up to date when the window changes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Below this width the picture is laid out in one column.
pub const NARROW_QUERY: &str = "(max-width: 760px)";

fn query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(NARROW_QUERY).ok().flatten()
}

#[hook]
pub fn use_narrow() -> bool {
    let narrow = use_state(|| query().is_some_and(|q| q.matches()));
    {
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            let q = query();
            let listener = Closure::<dyn Fn()>::new(move || {
                narrow.set(query().is_some_and(|q| q.matches()));
            });
            if let Some(q) = &q {
                let _ =
                    q.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(q) = &q {
                    let _ = q.remove_event_listener_with_callback(
                        "change",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    *narrow
}
