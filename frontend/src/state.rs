//! The player: one reducer over the recorded run and where the reader is in
//! it. Plain Rust apart from the `Reducible` impl, so it is tested natively.
//!
//! The player never runs the program: it is handed a finished [`Run`] and
//! only moves a cursor over its recorded steps.

use std::rc::Rc;

use sim_core::trace::{Event, StepKind, Trace};
use yew::Reducible;

use crate::layout::HeapPlaces;

/// A recorded run with the indexes the controls need, computed once.
#[derive(Debug)]
pub struct Run {
    pub trace: Trace,
    pub marks: Marks,
    pub places: HeapPlaces,
    /// The first steps only: the run stopped at the preview budget and the
    /// whole run is still to come (see `use_analysis`).
    pub preview: bool,
}

/// Runs are compared by identity: a run is immutable once recorded, and
/// comparing two traces value by value on every render would be slow.
impl PartialEq for Run {
    fn eq(&self, other: &Run) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Run {
    pub fn new(trace: Trace) -> Run {
        let marks = Marks::of(&trace);
        let places = HeapPlaces::of(&trace);
        Run {
            trace,
            marks,
            places,
            preview: false,
        }
    }

    /// The first steps of a longer run, drawn while the rest runs.
    pub fn preview(trace: Trace) -> Run {
        Run {
            preview: true,
            ..Run::new(trace)
        }
    }

    pub fn len(&self) -> usize {
        self.trace.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.trace.steps.is_empty()
    }
}

/// A shared, immutable value compared by identity, for props: comparing
/// snapshots field by field on every render would cost more than drawing.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Recorded step indexes worth jumping to, each list ascending.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Steps that allocated on the heap.
    pub alloc: Vec<usize>,
    /// Steps where a value outlived its frame: a function returned while
    /// an object allocated during its call was still on the heap.
    pub escape: Vec<usize>,
    /// Steps where a GC cycle started.
    pub gc: Vec<usize>,
    /// Fast-forward steps standing for many iterations of hot code.
    pub summary: Vec<usize>,
}

impl Marks {
    pub fn of(trace: &Trace) -> Marks {
        let mut marks = Marks::default();
        // Heap objects allocated while each frame was on top, so a return
        // that leaves one alive is an escape the reader can jump to.
        let mut born_in: Vec<(sim_core::trace::FrameId, u32)> = Vec::new();
        let mut top: std::collections::BTreeMap<u32, Vec<sim_core::trace::FrameId>> =
            Default::default();
        for (i, step) in trace.steps.iter().enumerate() {
            if let StepKind::Summary { events, .. } = &step.kind {
                marks.summary.push(i);
                if events.iter().any(|(k, n)| k == "heap_alloc" && *n > 0) {
                    marks.alloc.push(i);
                }
                if events.iter().any(|(k, n)| k == "gc" && *n > 0) {
                    marks.gc.push(i);
                }
            }
            let mut alloc = false;
            let mut escape = false;
            let mut gc = false;
            for event in &step.events {
                match event {
                    Event::Call {
                        goroutine, frame, ..
                    } => top.entry(goroutine.0).or_default().push(*frame),
                    Event::Return {
                        goroutine, frame, ..
                    } => {
                        if let Some(stack) = top.get_mut(&goroutine.0) {
                            stack.retain(|f| f != frame);
                        }
                        let before = born_in.len();
                        born_in.retain(|(f, _)| f != frame);
                        escape |= born_in.len() != before;
                    }
                    Event::HeapAlloc { object, .. } => {
                        alloc = true;
                        let frame = top.get(&step.goroutine.0).and_then(|s| s.last());
                        if let Some(f) = frame {
                            born_in.push((*f, object.0));
                        }
                    }
                    Event::GcStart { .. } => gc = true,
                    _ => {}
                }
            }
            if alloc && marks.alloc.last() != Some(&i) {
                marks.alloc.push(i);
            }
            if escape {
                marks.escape.push(i);
            }
            if gc && marks.gc.last() != Some(&i) {
                marks.gc.push(i);
            }
        }
        marks
    }

    pub fn list(&self, kind: MarkKind) -> &[usize] {
        match kind {
            MarkKind::Alloc => &self.alloc,
            MarkKind::Escape => &self.escape,
            MarkKind::Gc => &self.gc,
            MarkKind::Summary => &self.summary,
        }
    }
}

/// What the "next/previous" buttons jump to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    Alloc,
    Escape,
    Gc,
    Summary,
}

/// Playback speeds in steps per second; the reader picks one by index.
pub const SPEEDS: [u32; 5] = [1, 2, 4, 8, 16];

#[derive(Clone, Debug, PartialEq)]
pub struct Player {
    pub run: Option<Rc<Run>>,
    /// Index into the recorded steps; always valid when `run` has steps.
    pub cursor: usize,
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
}

impl Default for Player {
    fn default() -> Self {
        Player {
            run: None,
            cursor: 0,
            playing: false,
            speed: 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A fresh run from a new analysis. `rewind` starts it from the top
    /// (a different program); otherwise the cursor stays where it was, so
    /// editing does not throw the reader back to step one.
    Load {
        run: Rc<Run>,
        rewind: bool,
    },
    Forward,
    Back,
    First,
    Last,
    Seek(usize),
    Play,
    Pause,
    TogglePlay,
    /// One tick of the play timer: advance, and stop at the end.
    Tick,
    SetSpeed(usize),
    Next(MarkKind),
    Prev(MarkKind),
    /// Jump over the next fast-forwarded loop span to the step after it.
    SkipLoop,
}

impl Player {
    pub fn len(&self) -> usize {
        self.run.as_ref().map_or(0, |r| r.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn at_end(&self) -> bool {
        self.cursor + 1 >= self.len()
    }

    fn last(&self) -> usize {
        self.len().saturating_sub(1)
    }

    fn with_cursor(&self, cursor: usize) -> Player {
        Player {
            cursor: cursor.min(self.last()),
            ..self.clone()
        }
    }

    /// The pure transition: also what `Reducible::reduce` calls.
    pub fn apply(&self, action: Action) -> Player {
        match action {
            Action::Load { run, rewind } => {
                let cursor = if rewind { 0 } else { self.cursor };
                let last = run.len().saturating_sub(1);
                Player {
                    run: Some(run),
                    cursor: cursor.min(last),
                    playing: self.playing && !rewind,
                    speed: self.speed,
                }
            }
            Action::Forward => Player {
                playing: false,
                ..self.with_cursor(self.cursor + 1)
            },
            Action::Back => Player {
                playing: false,
                ..self.with_cursor(self.cursor.saturating_sub(1))
            },
            Action::First => Player {
                playing: false,
                ..self.with_cursor(0)
            },
            Action::Last => Player {
                playing: false,
                ..self.with_cursor(self.last())
            },
            Action::Seek(i) => Player {
                playing: false,
                ..self.with_cursor(i)
            },
            Action::Play => {
                // Playing from the end starts over, as media players do.
                let cursor = if self.at_end() { 0 } else { self.cursor };
                Player {
                    playing: !self.is_empty(),
                    ..self.with_cursor(cursor)
                }
            }
            Action::Pause => Player {
                playing: false,
                ..self.clone()
            },
            Action::TogglePlay => {
                if self.playing {
                    self.apply(Action::Pause)
                } else {
                    self.apply(Action::Play)
                }
            }
            Action::Tick => {
                if !self.playing {
                    return self.clone();
                }
                let next = self.with_cursor(self.cursor + 1);
                Player {
                    playing: !next.at_end(),
                    ..next
                }
            }
            Action::SetSpeed(s) => Player {
                speed: s.min(SPEEDS.len() - 1),
                ..self.clone()
            },
            Action::Next(kind) => match self.marks(kind).iter().find(|&&i| i > self.cursor) {
                Some(&i) => self.apply(Action::Seek(i)),
                None => self.clone(),
            },
            Action::Prev(kind) => match self.marks(kind).iter().rev().find(|&&i| i < self.cursor) {
                Some(&i) => self.apply(Action::Seek(i)),
                None => self.clone(),
            },
            Action::SkipLoop => match self
                .marks(MarkKind::Summary)
                .iter()
                .find(|&&i| i >= self.cursor)
            {
                // Land just after the span, where the loop is over.
                Some(&i) => self.apply(Action::Seek((i + 1).min(self.last()))),
                None => self.clone(),
            },
        }
    }

    fn marks(&self, kind: MarkKind) -> &[usize] {
        self.run.as_ref().map_or(&[], |r| r.marks.list(kind))
    }

    /// Milliseconds between play ticks.
    pub fn tick_ms(&self) -> u32 {
        1000 / SPEEDS[self.speed.min(SPEEDS.len() - 1)]
    }
}

impl Reducible for Player {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::trace::{FrameId, GoroutineId, ObjectId, Step};

    fn step(events: Vec<Event>) -> Step {
        Step {
            goroutine: GoroutineId(1),
            events,
            ..Step::default()
        }
    }

    fn call(frame: u32, func: &str) -> Event {
        Event::Call {
            goroutine: GoroutineId(1),
            frame: FrameId(frame),
            func: func.into(),
        }
    }

    fn ret(frame: u32, func: &str) -> Event {
        Event::Return {
            goroutine: GoroutineId(1),
            frame: FrameId(frame),
            func: func.into(),
        }
    }

    fn alloc(object: u32) -> Event {
        Event::HeapAlloc {
            object: ObjectId(object),
            ty: "Car".into(),
            size: 32,
            size_class: 32,
            reason: "moved to heap: myCar".into(),
        }
    }

    /// main calls makeCar (allocates), makeCar returns (escape), a summary
    /// span, a GC cycle, the end.
    fn run() -> Rc<Run> {
        let summary = Step {
            kind: StepKind::Summary {
                steps: 1000,
                events: vec![("heap_alloc".into(), 999), ("gc".into(), 2)],
            },
            ..Step::default()
        };
        let gc = step(vec![Event::GcStart {
            cycle: 3,
            live_bytes: 0,
            goal: 0,
        }]);
        let steps = vec![
            step(vec![call(1, "main.main")]),    // 0
            step(vec![call(2, "main.makeCar")]), // 1
            step(vec![alloc(7)]),                // 2
            step(vec![ret(2, "main.makeCar")]),  // 3
            step(vec![]),                        // 4
            summary,                             // 5
            step(vec![]),                        // 6
            gc,                                  // 7
            step(vec![ret(1, "main.main")]),     // 8
        ];
        Rc::new(Run::new(Trace {
            steps,
            ..Trace::default()
        }))
    }

    fn loaded() -> Player {
        Player::default().apply(Action::Load {
            run: run(),
            rewind: true,
        })
    }

    #[test]
    fn marks_find_allocations_escapes_gc_and_summaries() {
        let r = run();
        assert_eq!(r.marks.alloc, vec![2, 5]);
        assert_eq!(r.marks.escape, vec![3]);
        assert_eq!(r.marks.gc, vec![5, 7]);
        assert_eq!(r.marks.summary, vec![5]);
    }

    #[test]
    fn stepping_is_clamped_to_the_run() {
        let p = loaded();
        assert_eq!(p.apply(Action::Back).cursor, 0);
        assert_eq!(p.apply(Action::Forward).cursor, 1);
        assert_eq!(p.apply(Action::Last).cursor, 8);
        assert_eq!(p.apply(Action::Last).apply(Action::Forward).cursor, 8);
        assert_eq!(p.apply(Action::Seek(99)).cursor, 8);
        assert_eq!(p.apply(Action::Seek(4)).apply(Action::First).cursor, 0);
    }

    #[test]
    fn an_empty_player_does_nothing() {
        let p = Player::default();
        assert_eq!(p.apply(Action::Forward), p);
        assert!(!p.apply(Action::Play).playing);
        assert_eq!(p.apply(Action::Next(MarkKind::Alloc)), p);
    }

    #[test]
    fn play_ticks_to_the_end_and_stops() {
        let mut p = loaded().apply(Action::Play);
        assert!(p.playing);
        for _ in 0..20 {
            p = p.apply(Action::Tick);
        }
        assert_eq!(p.cursor, 8);
        assert!(!p.playing);
        // Playing again from the end starts over.
        let again = p.apply(Action::TogglePlay);
        assert!(again.playing);
        assert_eq!(again.cursor, 0);
        assert!(!again.apply(Action::TogglePlay).playing);
        // A tick while paused changes nothing; stepping pauses.
        assert_eq!(p.apply(Action::Tick), p);
        assert!(!again.apply(Action::Forward).playing);
    }

    #[test]
    fn jumps_go_to_the_next_and_previous_mark() {
        let p = loaded();
        let a = p.apply(Action::Next(MarkKind::Alloc));
        assert_eq!(a.cursor, 2);
        assert_eq!(a.apply(Action::Next(MarkKind::Alloc)).cursor, 5);
        assert_eq!(a.apply(Action::Next(MarkKind::Escape)).cursor, 3);
        assert_eq!(a.apply(Action::Next(MarkKind::Gc)).cursor, 5);
        let end = p.apply(Action::Last);
        assert_eq!(end.apply(Action::Prev(MarkKind::Gc)).cursor, 7);
        assert_eq!(end.apply(Action::Prev(MarkKind::Escape)).cursor, 3);
        // No further mark: stay put.
        assert_eq!(end.apply(Action::Next(MarkKind::Alloc)).cursor, 8);
    }

    #[test]
    fn skip_loop_lands_after_the_summarized_span() {
        let p = loaded().apply(Action::Seek(3));
        assert_eq!(p.apply(Action::SkipLoop).cursor, 6);
        assert_eq!(p.apply(Action::Seek(7)).apply(Action::SkipLoop).cursor, 7);
    }

    #[test]
    fn reloading_keeps_the_cursor_unless_rewinding() {
        let p = loaded().apply(Action::Seek(4));
        let kept = p.apply(Action::Load {
            run: run(),
            rewind: false,
        });
        assert_eq!(kept.cursor, 4);
        let rewound = p.apply(Action::Load {
            run: run(),
            rewind: true,
        });
        assert_eq!(rewound.cursor, 0);
        let short = Rc::new(Run::new(Trace {
            steps: vec![Step::default(); 2],
            ..Trace::default()
        }));
        assert_eq!(
            p.apply(Action::Load {
                run: short,
                rewind: false
            })
            .cursor,
            1
        );
    }

    #[test]
    fn speed_is_clamped_and_sets_the_tick() {
        let p = loaded().apply(Action::SetSpeed(99));
        assert_eq!(p.speed, SPEEDS.len() - 1);
        assert_eq!(p.tick_ms(), 1000 / 16);
    }
}
