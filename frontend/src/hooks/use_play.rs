//! The play timer: while playing, one `Tick` per interval; dropping the
//! interval (pause, speed change, unmount) cancels it.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::state::Action;

#[hook]
pub fn use_play(playing: bool, tick_ms: u32, dispatch: Callback<Action>) {
    use_effect_with((playing, tick_ms), move |&(playing, tick_ms)| {
        let interval = playing.then(|| Interval::new(tick_ms, move || dispatch.emit(Action::Tick)));
        move || drop(interval)
    });
}
