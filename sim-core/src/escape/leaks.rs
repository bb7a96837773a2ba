//! Parameter summaries ("tags"): where a parameter's value can leak.
//!
//! For each parameter the solver records the smallest dereference count of
//! any flow to the heap, to each of the first [`NUM_RESULTS`] results, to
//! the mutator sink and to the callee sink. Callers use the summary instead
//! of the callee's body: see [`Leaks::call_site_hole`].

use super::graph::{Batch, FuncIx, Hole, CALLEE, HEAP, MUTATOR};

/// How many result parameters a summary can name (more go to the heap).
pub const NUM_RESULTS: usize = 5;

const HEAP_SLOT: usize = 0;
const MUTATOR_SLOT: usize = 1;
const CALLEE_SLOT: usize = 2;
const RESULT0_SLOT: usize = 3;

/// A leak set: per sink, `0` for "no flow" or `derefs + 1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Leaks([u8; RESULT0_SLOT + NUM_RESULTS]);

impl Leaks {
    /// The summary Go assumes for a function without a body: everything
    /// leaks to the heap.
    pub fn leak_all() -> Leaks {
        let mut l = Leaks::default();
        l.add_heap(0);
        l
    }

    pub fn is_empty(&self) -> bool {
        *self == Leaks::default()
    }

    fn get(&self, slot: usize) -> Option<i32> {
        match self.0.get(slot).copied().unwrap_or(0) {
            0 => None,
            v => Some(v as i32 - 1),
        }
    }

    fn set(&mut self, slot: usize, derefs: Option<i32>) {
        if let Some(s) = self.0.get_mut(slot) {
            *s = match derefs {
                None => 0,
                Some(d) => (d.max(0) + 1).min(255) as u8,
            };
        }
    }

    fn add(&mut self, slot: usize, derefs: i32) {
        match self.get(slot) {
            Some(old) if old <= derefs => {}
            _ => self.set(slot, Some(derefs)),
        }
    }

    pub fn heap(&self) -> Option<i32> {
        self.get(HEAP_SLOT)
    }
    pub fn mutator(&self) -> Option<i32> {
        self.get(MUTATOR_SLOT)
    }
    pub fn callee(&self) -> Option<i32> {
        self.get(CALLEE_SLOT)
    }
    pub fn result(&self, i: usize) -> Option<i32> {
        if i < NUM_RESULTS {
            self.get(RESULT0_SLOT + i)
        } else {
            None
        }
    }

    pub fn add_heap(&mut self, derefs: i32) {
        self.add(HEAP_SLOT, derefs)
    }
    pub fn add_mutator(&mut self, derefs: i32) {
        self.add(MUTATOR_SLOT, derefs)
    }
    pub fn add_callee(&mut self, derefs: i32) {
        self.add(CALLEE_SLOT, derefs)
    }
    pub fn add_result(&mut self, i: usize, derefs: i32) {
        if i < NUM_RESULTS {
            self.add(RESULT0_SLOT + i, derefs)
        }
    }

    /// Drops flows that a heap flow makes redundant: any other sink reached
    /// with at least as many dereferences as the heap.
    pub fn optimize(&mut self) {
        if let Some(h) = self.heap() {
            for slot in MUTATOR_SLOT..self.0.len() {
                if self.get(slot).is_some_and(|d| d >= h) {
                    self.set(slot, None);
                }
            }
        }
    }

    /// A compact text form, e.g. `heap=1 r0=0`, used by the stdlib table.
    pub fn to_text(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = self.heap() {
            parts.push(format!("heap={d}"));
        }
        for i in 0..NUM_RESULTS {
            if let Some(d) = self.result(i) {
                parts.push(format!("r{i}={d}"));
            }
        }
        if let Some(d) = self.mutator() {
            parts.push(format!("mutator={d}"));
        }
        if let Some(d) = self.callee() {
            parts.push(format!("callee={d}"));
        }
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(" ")
        }
    }

    /// Parses [`Leaks::to_text`]'s form; unknown words are ignored.
    pub fn from_text(text: &str) -> Leaks {
        let mut l = Leaks::default();
        for word in text.split_whitespace() {
            let Some((key, value)) = word.split_once('=') else {
                continue;
            };
            let Ok(d) = value.parse::<i32>() else {
                continue;
            };
            match key {
                "heap" => l.add_heap(d),
                "mutator" => l.add_mutator(d),
                "callee" => l.add_callee(d),
                _ => {
                    if let Some(i) = key.strip_prefix('r').and_then(|i| i.parse().ok()) {
                        l.add_result(i, d)
                    }
                }
            }
        }
        l
    }

    /// The hole an argument is evaluated into at a call of a function with
    /// this summary for the matching parameter. `results` are the caller's
    /// holes for the call's results (None when they are unused).
    pub fn call_site_hole(
        &self,
        batch: &mut Batch,
        results: Option<&[Hole]>,
        func: FuncIx,
        loop_depth: i32,
    ) -> Hole {
        let mut ks = Vec::new();
        if let Some(d) = self.heap() {
            ks.push(Hole::to(HEAP).shift(d));
        }
        if let Some(d) = self.mutator() {
            ks.push(Hole::to(MUTATOR).shift(d));
        }
        if let Some(d) = self.callee() {
            ks.push(Hole::to(CALLEE).shift(d));
        }
        if let Some(results) = results {
            for (i, k) in results.iter().enumerate().take(NUM_RESULTS) {
                if let Some(d) = self.result(i) {
                    ks.push(k.shift(d));
                }
            }
        }
        batch.tee(&ks, func, loop_depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_keeps_the_minimum() {
        let mut l = Leaks::default();
        assert!(l.is_empty());
        l.add_heap(2);
        l.add_heap(1);
        l.add_heap(3);
        assert_eq!(l.heap(), Some(1));
        assert_eq!(l.result(0), None);
    }

    #[test]
    fn optimize_drops_results_no_shorter_than_heap() {
        let mut l = Leaks::default();
        l.add_heap(1);
        l.add_result(0, 0);
        l.add_result(1, 1);
        l.add_mutator(2);
        l.optimize();
        assert_eq!(l.result(0), Some(0));
        assert_eq!(l.result(1), None);
        assert_eq!(l.mutator(), None);
    }

    #[test]
    fn text_round_trips() {
        let mut l = Leaks::default();
        l.add_heap(1);
        l.add_result(2, 0);
        l.add_callee(0);
        assert_eq!(l.to_text(), "heap=1 r2=0 callee=0");
        assert_eq!(Leaks::from_text(&l.to_text()), l);
        assert_eq!(Leaks::from_text("none"), Leaks::default());
    }

    #[test]
    fn results_beyond_the_limit_are_ignored() {
        let mut l = Leaks::default();
        l.add_result(NUM_RESULTS, 0);
        assert!(l.is_empty());
    }
}
