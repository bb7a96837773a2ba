//! Re-analyses the program as the reader types, after a pause, and keeps
//! the last program that compiled so its picture stays up while the code
//! is broken.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::analysis::{analyse, Analysis};

/// Quiet time after the last keystroke before analysing again.
pub const DEBOUNCE_MS: u32 = 300;

#[derive(Clone, PartialEq)]
pub struct Analysed {
    /// The source the analysis below belongs to.
    pub source: String,
    /// The latest analysis, possibly with errors.
    pub latest: Rc<Analysis>,
    /// The latest analysis without errors, if any.
    pub good: Option<Rc<Analysis>>,
}

impl Analysed {
    fn of(source: &str, previous_good: Option<Rc<Analysis>>) -> Analysed {
        let latest = Rc::new(analyse(source));
        let good = if latest.is_good() {
            Some(latest.clone())
        } else {
            previous_good
        };
        Analysed {
            source: source.to_string(),
            latest,
            good,
        }
    }
}

#[hook]
pub fn use_analysis(source: &str) -> Analysed {
    // The first program is analysed at once: it is what the reader came for.
    let state = {
        let source = source.to_string();
        use_state(move || Analysed::of(&source, None))
    };
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let state = state.clone();
        use_effect_with(source.to_string(), move |source| {
            if *source != state.source {
                let source = source.clone();
                let state = state.clone();
                // Replacing the timeout drops (cancels) the previous one.
                *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                    state.set(Analysed::of(&source, state.good.clone()));
                }));
            }
        });
    }
    (*state).clone()
}
