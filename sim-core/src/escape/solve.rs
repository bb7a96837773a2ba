//! Solving the graph: a shortest-path walk from every location, repeated
//! until nothing changes.
//!
//! Each walk starts at a root and follows incoming edges backwards,
//! tracking the fewest dereferences from each location to the root
//! (Bellman-Ford, because address-of edges weigh −1). A location reached
//! with −1 has its address held by the root; if the root outlives it, it
//! escapes. Parameters reached from the heap or a result record leaks.
//! Newly escaping or persisting locations are walked again, so the result
//! is a fixed point.

use std::collections::VecDeque;

use super::graph::{attr, AllocKind, Batch, LocId, LocKind, CALLEE, HEAP, MUTATOR};
use super::leaks::NUM_RESULTS;
use super::report::{Event, Explanation};

impl Batch {
    /// Runs walks from every location (the heap first) to a fixed point.
    ///
    /// The work queue starts as heap, callee, mutator, then the locations
    /// newest first; a location that starts escaping is walked again next,
    /// one that only starts persisting goes to the back.
    pub fn solve(&mut self) {
        let mut todo: VecDeque<LocId> = VecDeque::with_capacity(self.locs.len());
        let real: Vec<LocId> = self.real_locs().collect();
        for id in real {
            todo.push_front(id);
            self.loc_mut(id).queued = true;
        }
        for id in [MUTATOR, CALLEE, HEAP] {
            todo.push_front(id);
            self.loc_mut(id).queued = true;
        }
        let mut walkgen = 0u32;
        while let Some(root) = todo.pop_front() {
            self.loc_mut(root).queued = false;
            walkgen += 1;
            let again = self.walk_one(root, walkgen);
            for id in again {
                let loc = self.loc_mut(id);
                if !loc.queued {
                    loc.queued = true;
                    if loc.has(attr::ESCAPES) {
                        todo.push_front(id);
                    } else {
                        todo.push_back(id);
                    }
                }
            }
        }
    }

    /// One breadth-first walk from `root`; returns the locations to walk
    /// again, in the order Go enqueues them.
    fn walk_one(&mut self, root: LocId, walkgen: u32) -> Vec<LocId> {
        let mut requeue = Vec::new();
        {
            let r = self.loc_mut(root);
            r.walkgen = walkgen;
            r.derefs = 0;
            r.dst = None;
        }

        // A closure that may be called with its results untracked: its
        // results can no longer be assumed to stay within its callers.
        if self.loc(root).has(attr::CALLS) {
            if let LocKind::Alloc {
                kind: AllocKind::Closure { func },
                ..
            } = self.loc(root).kind
            {
                if let Some(f) = self.funcs.get_mut(func.0 as usize) {
                    if !f.closure_results_lost {
                        f.closure_results_lost = true;
                        requeue.extend(f.results.iter().copied());
                    }
                }
            }
        }

        let mut todo = VecDeque::from([root]);
        self.loc_mut(root).queued_walk = walkgen;
        while let Some(l) = todo.pop_front() {
            self.loc_mut(l).queued_walk = 0;
            let mut derefs = self.loc(l).derefs;
            let mut new_attrs = 0u8;

            // derefs < 0: l's address flows to root.
            if derefs < 0 {
                // For "root = &l; l = x", x's address does not flow to root.
                derefs = 0;
                if self.outlives(root, l) {
                    if !self.loc(l).has(attr::ESCAPES) && self.explain {
                        let site = self.loc(l).site().cloned().unwrap_or_default();
                        let headline = format!(
                            "{} escapes to heap in {}",
                            site.text,
                            self.func_name(self.loc(l).func)
                        );
                        self.push_path_explanation(root, l, site, headline);
                    }
                    new_attrs |= attr::ALL;
                } else if self.loc(root).has(attr::PERSISTS) {
                    new_attrs |= attr::PERSISTS;
                }
            }

            if derefs == 0 {
                new_attrs |= self.loc(root).attrs & (attr::MUTATES | attr::CALLS);
            }

            // Parameter flows into the heap or a result: a leak to record.
            if self.loc(l).is_param() {
                if self.outlives(root, l) {
                    if !self.loc(l).has(attr::ESCAPES) && self.explain {
                        let site = self.loc(l).site().cloned().unwrap_or_default();
                        let headline = format!(
                            "parameter {} leaks to {} for {} with derefs={}",
                            site.text,
                            self.loc_label(root),
                            self.func_name(self.loc(l).func),
                            derefs
                        );
                        self.push_path_explanation(root, l, site, headline);
                    }
                    self.leak_to(l, root, derefs);
                }
                if self.loc(root).has(attr::MUTATES) {
                    self.loc_mut(l).leaks.add_mutator(derefs);
                }
                if self.loc(root).has(attr::CALLS) {
                    self.loc_mut(l).leaks.add_callee(derefs);
                }
            }

            let loc = self.loc_mut(l);
            if new_attrs & !loc.attrs != 0 {
                loc.attrs |= new_attrs;
                requeue.push(l);
                if loc.attrs & attr::ESCAPES != 0 {
                    continue;
                }
            }

            for i in 0..self.loc(l).edges.len() {
                let (src, edge_derefs) = {
                    let e = &self.loc(l).edges[i];
                    (e.src, e.derefs)
                };
                if self.loc(src).has(attr::ESCAPES) {
                    continue;
                }
                let d = derefs + edge_derefs;
                let s = self.loc_mut(src);
                if s.walkgen != walkgen || s.derefs > d {
                    s.walkgen = walkgen;
                    s.derefs = d;
                    s.dst = Some((l, i));
                    if s.queued_walk != walkgen {
                        s.queued_walk = walkgen;
                        todo.push_back(src);
                    }
                }
            }
        }
        requeue
    }

    /// Records that parameter `l` leaks to `sink` with `derefs`.
    fn leak_to(&mut self, l: LocId, sink: LocId, derefs: i32) {
        let sink_loc = self.loc(sink);
        if !sink_loc.has(attr::ESCAPES) && sink_loc.func == self.loc(l).func {
            if let Some(i) = sink_loc.result_index() {
                if i < NUM_RESULTS {
                    self.loc_mut(l).leaks.add_result(i, derefs);
                    return;
                }
            }
        }
        self.loc_mut(l).leaks.add_heap(derefs);
    }

    /// Whether values stored in `l` may outlive `other` if `other` were on
    /// the stack.
    pub fn outlives(&self, l: LocId, other: LocId) -> bool {
        let lo = self.loc(l);
        // The heap (and anything escaping) outlives everything.
        if lo.has(attr::ESCAPES) {
            return true;
        }
        // Pseudo-locations that do not really exist.
        if matches!(
            lo.kind,
            LocKind::Mutator | LocKind::Callee | LocKind::Discard
        ) {
            return false;
        }
        let oo = self.loc(other);
        // Callers are unknown, so results outlive everything — except in a
        // closure whose every call site is known.
        if lo.result_index().is_some() {
            let lost = lo
                .func
                .and_then(|f| self.funcs.get(f.0 as usize))
                .is_none_or(|f| f.closure_results_lost);
            if self.contains_closure(oo.func, lo.func) && !lost {
                return false;
            }
            return true;
        }
        // Same function: declared outside other's loop.
        if lo.func == oo.func && lo.loop_depth < oo.loop_depth {
            return true;
        }
        // other lives in a closure nested inside l's function.
        self.contains_closure(lo.func, oo.func)
    }

    /// Follows the walk's `dst` links from `src` back to `root`, recording
    /// each step.
    fn push_path_explanation(
        &mut self,
        root: LocId,
        src: LocId,
        site: super::graph::Site,
        headline: String,
    ) {
        let mut flows = Vec::new();
        let mut visited = crate::hash::HashSet::default();
        let mut cur = src;
        let mut truncated = false;
        loop {
            if !visited.insert(cur) {
                truncated = true;
                break;
            }
            let Some((dst, idx)) = self.loc(cur).dst else {
                break;
            };
            let Some(edge) = self.loc(dst).edges.get(idx) else {
                break;
            };
            flows.push(self.describe_flow(dst, cur, edge.derefs, &edge.notes));
            if dst == root {
                break;
            }
            cur = dst;
        }
        self.events.push(Event::Explain(Explanation {
            site,
            headline,
            flows,
            truncated,
        }));
    }
}
