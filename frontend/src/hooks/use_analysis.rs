//! Re-analyses the program as the reader types, after a pause, and keeps
//! the last program that compiled so its picture stays up while the code
//! is broken.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::analysis::{analyse, analyse_static, Analysis};

/// Quiet time after the last keystroke before analysing again.
pub const DEBOUNCE_MS: u32 = 300;

/// Time for the browser to paint the code before the first run starts
/// (a run blocks the page while it executes).
pub const FIRST_RUN_DELAY_MS: u32 = 120;

#[derive(Clone, PartialEq)]
pub struct Analysed {
    /// The source the analysis below belongs to.
    pub source: String,
    /// The latest analysis, possibly with errors.
    pub latest: Rc<Analysis>,
    /// The latest analysis without errors, if any.
    pub good: Option<Rc<Analysis>>,
    /// The program is still to be run (the first paint shows the code and
    /// the verdicts before the run, which can take a while).
    pub running: bool,
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
            running: false,
        }
    }

    fn without_run(source: &str) -> Analysed {
        let latest = Rc::new(analyse_static(source));
        Analysed {
            source: source.to_string(),
            good: latest.is_good().then(|| latest.clone()),
            running: latest.is_good(),
            latest,
        }
    }
}

#[hook]
pub fn use_analysis(source: &str) -> Analysed {
    // The first program is checked at once and run just after the first
    // paint: the reader sees the code and the verdicts without waiting.
    let state = {
        let source = source.to_string();
        use_state(move || Analysed::without_run(&source))
    };
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let state = state.clone();
        use_effect_with(source.to_string(), move |source| {
            if *source != state.source || state.running {
                let delay = if state.running {
                    FIRST_RUN_DELAY_MS
                } else {
                    DEBOUNCE_MS
                };
                let source = source.clone();
                let state = state.clone();
                // Replacing the timeout drops (cancels) the previous one.
                *pending.borrow_mut() = Some(Timeout::new(delay, move || {
                    state.set(Analysed::of(&source, state.good.clone()));
                }));
            }
        });
    }
    (*state).clone()
}
