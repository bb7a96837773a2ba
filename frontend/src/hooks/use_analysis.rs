//! Re-analyses the program as the reader types, after a pause, and keeps
//! the last program that compiled so its picture stays up while the code
//! is broken.
//!
//! A program is analysed in up to three passes, each painted before the
//! next starts (a run blocks the page while it executes): the verdicts
//! alone; a preview run of the first steps, which is the whole run for
//! most programs; and, only when the preview stopped early, the full run.
//! The reader sees code, verdicts and a picture at once even when the
//! program loops a million times.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::analysis::{analyse_to, Analysis, Extent};

/// Quiet time after the last keystroke before analysing again.
pub const DEBOUNCE_MS: u32 = 300;

/// Time for the browser to paint one pass before the next one starts.
pub const PAINT_DELAY_MS: u32 = 60;

#[derive(Clone, PartialEq)]
pub struct Analysed {
    /// The source the analysis below belongs to.
    pub source: String,
    /// The latest analysis, possibly with errors.
    pub latest: Rc<Analysis>,
    /// The latest analysis without errors, if any.
    pub good: Option<Rc<Analysis>>,
    /// How far the latest analysis went.
    pub extent: Extent,
    /// A further pass is still to come (the program is running).
    pub running: bool,
}

impl Analysed {
    fn of(source: &str, extent: Extent, previous_good: Option<Rc<Analysis>>) -> Analysed {
        let latest = Rc::new(analyse_to(source, extent));
        let good = if latest.is_good() {
            Some(latest.clone())
        } else {
            previous_good
        };
        let running = latest.is_good()
            && match extent {
                Extent::Static => true,
                Extent::Preview => latest.run.as_ref().map(|r| r.preview).unwrap_or(false),
                Extent::Full => false,
            };
        Analysed {
            source: source.to_string(),
            latest,
            good,
            extent,
            running,
        }
    }
}

#[hook]
pub fn use_analysis(source: &str) -> Analysed {
    // The first program is checked at once; its runs follow paint by paint.
    let state = {
        let source = source.to_string();
        use_state(move || Analysed::of(&source, Extent::Static, None))
    };
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let state = state.clone();
        let key = (source.to_string(), state.extent, state.running);
        use_effect_with(key, move |(source, _, _)| {
            let next = if *source != state.source {
                // An edit: after a pause, start again with the preview
                // (the verdicts come with it).
                Some((DEBOUNCE_MS, Extent::Preview))
            } else if state.running {
                let extent = match state.extent {
                    Extent::Static => Extent::Preview,
                    _ => Extent::Full,
                };
                Some((PAINT_DELAY_MS, extent))
            } else {
                None
            };
            if let Some((delay, extent)) = next {
                let source = source.clone();
                let state = state.clone();
                // Replacing the timeout drops (cancels) the previous one.
                *pending.borrow_mut() = Some(Timeout::new(delay, move || {
                    state.set(Analysed::of(&source, extent, state.good.clone()));
                }));
            }
        });
    }
    (*state).clone()
}
