//! The escape graph: locations, the weighted edges between them, and holes.
//!
//! A *location* stands for storage: a variable, the object an allocating
//! expression creates, a temporary, or one of four pseudo-locations (the
//! heap, the mutator and callee sinks, and the discard sink). An *edge*
//! `dst ← src` with weight `derefs` says "the value of `src`, dereferenced
//! `derefs` times (−1 = its address), is stored in `dst`". A *hole* is the
//! context an expression is evaluated in: "the value flows into `dst` with
//! `derefs` extra dereferences", plus the notes that explain why.
//!
//! This module knows nothing about the IR: callers describe locations with
//! printed text and positions ([`Site`]).

use std::rc::Rc;

use crate::diag::Pos;

use super::leaks::Leaks;
use super::report::{Event, Explanation, Flow, FlowNote};

/// Names a location inside one [`Batch`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocId(pub u32);

/// Names a function inside one [`Batch`] (closures included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncIx(pub u32);

/// A piece of source the analysis talks about: the text Go would print for
/// it, the position Go reports, and its byte range for the editor.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Site {
    pub text: String,
    pub pos: Pos,
    pub start: u32,
    pub end: u32,
}

/// Location attributes, set monotonically by the solver.
pub mod attr {
    /// The location's address escapes: it must live on the heap.
    pub const ESCAPES: u8 = 1;
    /// Its address outlives the statement that created it.
    pub const PERSISTS: u8 = 2;
    /// Memory reachable from it may be written through.
    pub const MUTATES: u8 = 4;
    /// Closures reachable from it may be called with results untracked.
    pub const CALLS: u8 = 8;
    pub const ALL: u8 = ESCAPES | PERSISTS | MUTATES | CALLS;
}

/// What kind of Go variable a variable location is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarClass {
    Local,
    Param,
    /// A result parameter; `index` counts from 0.
    Result {
        index: usize,
    },
}

/// What an allocation location was created for; decides how it is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocKind {
    /// `new`, `&T{}`, `make`, literals, conversions, interface boxes, ...
    Plain,
    /// The backing store `append` may allocate ("append escapes to heap").
    Append,
    /// `[]byte(s)`: reported as a zero-copy conversion when never mutated.
    StringToBytes,
    /// A function literal's closure record.
    Closure { func: FuncIx },
    /// The closure a `go`/`defer` statement wraps its call in: never reported.
    GoDeferWrapper { func: FuncIx },
}

/// What a location represents.
#[derive(Clone, Debug, PartialEq)]
pub enum LocKind {
    Heap,
    Mutator,
    Callee,
    Discard,
    /// An unnamed temporary (`{temp}`).
    Temp,
    Var {
        site: Site,
        class: VarClass,
    },
    Alloc {
        site: Site,
        kind: AllocKind,
    },
}

/// One vertex of the graph.
#[derive(Clone, Debug)]
pub struct Location {
    pub kind: LocKind,
    /// The function whose frame would hold it (None for pseudo-locations).
    pub func: Option<FuncIx>,
    /// Incoming edges, in the order they were added.
    pub edges: Vec<Edge>,
    pub loop_depth: i32,
    pub attrs: u8,
    /// For parameters: where the parameter's value leaks.
    pub leaks: Leaks,
    pub captured: bool,
    pub reassigned: bool,
    pub addrtaken: bool,
    // Walk state.
    pub(crate) derefs: i32,
    pub(crate) walkgen: u32,
    pub(crate) dst: Option<(LocId, usize)>,
    pub(crate) queued: bool,
    /// The walk this location is queued in, if any.
    pub(crate) queued_walk: u32,
}

impl Location {
    pub fn has(&self, a: u8) -> bool {
        self.attrs & a != 0
    }

    pub fn is_param(&self) -> bool {
        matches!(
            self.kind,
            LocKind::Var {
                class: VarClass::Param,
                ..
            }
        )
    }

    pub fn result_index(&self) -> Option<usize> {
        match self.kind {
            LocKind::Var {
                class: VarClass::Result { index },
                ..
            } => Some(index),
            _ => None,
        }
    }

    pub fn site(&self) -> Option<&Site> {
        match &self.kind {
            LocKind::Var { site, .. } | LocKind::Alloc { site, .. } => Some(site),
            _ => None,
        }
    }
}

/// `dst ← src` with `derefs` dereferences; stored on `dst`.
#[derive(Clone, Debug)]
pub struct Edge {
    pub src: LocId,
    pub derefs: i32,
    pub notes: Notes,
}

/// One "why" for a flow: the expression or statement, and the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub site: Site,
    pub why: &'static str,
}

/// A persistent list of notes, newest first (the order Go prints them).
pub type Notes = Option<Rc<NoteCell>>;

#[derive(Debug)]
pub struct NoteCell {
    pub note: Note,
    pub next: Notes,
}

/// Iterates a note list newest first.
pub fn notes_iter(notes: &Notes) -> impl Iterator<Item = &Note> {
    let mut cur = notes.as_deref();
    std::iter::from_fn(move || {
        let cell = cur?;
        cur = cell.next.as_deref();
        Some(&cell.note)
    })
}

/// The context an expression is evaluated in.
#[derive(Clone, Debug)]
pub struct Hole {
    pub dst: LocId,
    pub derefs: i32,
    pub notes: Notes,
    /// Whether this context takes the expression's address.
    pub addrtaken: bool,
}

impl Hole {
    pub fn to(dst: LocId) -> Hole {
        Hole {
            dst,
            derefs: 0,
            notes: None,
            addrtaken: false,
        }
    }

    /// Adds `delta` dereferences (−1 takes the address). Saturates at −1:
    /// Go's `&` cannot be applied twice, so lower counts cannot arise from
    /// valid programs.
    pub fn shift(&self, delta: i32) -> Hole {
        let mut k = self.clone();
        k.derefs = (k.derefs + delta).max(-1);
        k.addrtaken = delta < 0;
        k
    }

    pub fn note(&self, site: Site, why: &'static str) -> Hole {
        let mut k = self.clone();
        k.notes = Some(Rc::new(NoteCell {
            note: Note { site, why },
            next: self.notes.clone(),
        }));
        k
    }

    pub fn deref(&self, site: Site, why: &'static str) -> Hole {
        self.shift(1).note(site, why)
    }

    pub fn addr(&self, site: Site, why: &'static str) -> Hole {
        self.shift(-1).note(site, why)
    }
}

/// Per-function facts the solver needs.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// Go's name for it: `main`, `(*T).M`, `main.func1`.
    pub name: String,
    /// The enclosing function, for closures.
    pub parent: Option<FuncIx>,
    /// Result parameter locations, in order.
    pub results: Vec<LocId>,
    /// Set once a closure is found called from somewhere its results
    /// cannot be followed.
    pub closure_results_lost: bool,
    /// A generic instance (gc's DUPOK): no parameter verdicts printed.
    pub dupok: bool,
    /// A `go`/`defer` wrapper that captures nothing: gc analyses it as a
    /// batch of its own, before the function holding it, so its verdicts
    /// print first.
    pub standalone: bool,
}

/// The graph for one batch of functions (a strongly connected component
/// of the call graph, with its closures), plus the log of what the
/// analysis printed while building and solving it.
#[derive(Debug)]
pub struct Batch {
    pub locs: Vec<Location>,
    pub funcs: Vec<FuncInfo>,
    pub events: Vec<Event>,
    /// Whether to record -m=2 explanations (they cost time).
    pub explain: bool,
    /// `(new, old)` text of an expression gc rewrites only after building
    /// the graph: explanations made on the spot still show the old text.
    pub immediate_alias: Option<(String, String)>,
}

pub const HEAP: LocId = LocId(0);
pub const MUTATOR: LocId = LocId(1);
pub const CALLEE: LocId = LocId(2);
pub const DISCARD: LocId = LocId(3);
/// Pseudo-locations come first; real ones start here.
pub const FIRST_REAL: u32 = 4;

impl Batch {
    pub fn new(explain: bool) -> Batch {
        let mut b = Batch {
            locs: Vec::new(),
            funcs: Vec::new(),
            events: Vec::new(),
            explain,
            immediate_alias: None,
        };
        for (kind, attrs) in [
            (LocKind::Heap, attr::ALL),
            (LocKind::Mutator, attr::MUTATES),
            (LocKind::Callee, attr::CALLS),
            (LocKind::Discard, 0),
        ] {
            b.locs.push(Location {
                kind,
                func: None,
                edges: Vec::new(),
                loop_depth: 0,
                attrs,
                leaks: Leaks::default(),
                captured: false,
                reassigned: false,
                addrtaken: false,
                derefs: 0,
                walkgen: 0,
                dst: None,
                queued: false,
                queued_walk: 0,
            });
        }
        b
    }

    pub fn add_func(&mut self, name: String, parent: Option<FuncIx>) -> FuncIx {
        self.funcs.push(FuncInfo {
            name,
            parent,
            results: Vec::new(),
            closure_results_lost: false,
            dupok: false,
            standalone: false,
        });
        FuncIx(self.funcs.len() as u32 - 1)
    }

    pub fn new_loc(
        &mut self,
        kind: LocKind,
        func: FuncIx,
        loop_depth: i32,
        persists: bool,
    ) -> LocId {
        let id = LocId(self.locs.len() as u32);
        if let LocKind::Var {
            class: VarClass::Result { .. },
            ..
        } = kind
        {
            if let Some(f) = self.funcs.get_mut(func.0 as usize) {
                f.results.push(id);
            }
        }
        self.locs.push(Location {
            kind,
            func: Some(func),
            edges: Vec::new(),
            loop_depth,
            attrs: if persists { attr::PERSISTS } else { 0 },
            leaks: Leaks::default(),
            captured: false,
            reassigned: false,
            addrtaken: false,
            derefs: 0,
            walkgen: 0,
            dst: None,
            queued: false,
            queued_walk: 0,
        });
        id
    }

    pub fn loc(&self, id: LocId) -> &Location {
        &self.locs[id.0 as usize]
    }

    pub fn loc_mut(&mut self, id: LocId) -> &mut Location {
        &mut self.locs[id.0 as usize]
    }

    /// The ids of real (non-pseudo) locations, in creation order.
    pub fn real_locs(&self) -> impl Iterator<Item = LocId> {
        (FIRST_REAL..self.locs.len() as u32).map(LocId)
    }

    pub fn func_name(&self, f: Option<FuncIx>) -> &str {
        f.and_then(|f| self.funcs.get(f.0 as usize))
            .map_or("<nil>", |f| f.name.as_str())
    }

    /// Records `k.dst ← src` as an edge, or — when the destination already
    /// escapes and the flow stores `src`'s address — marks `src` escaping
    /// at once.
    pub fn flow(&mut self, k: &Hole, src: LocId) {
        if k.addrtaken {
            self.loc_mut(src).addrtaken = true;
        }
        let dst = k.dst;
        if dst == DISCARD {
            return;
        }
        if dst == src && k.derefs >= 0 {
            return;
        }
        if self.loc(dst).has(attr::ESCAPES) && k.derefs < 0 {
            if self.explain && !matches!(self.loc(src).kind, LocKind::Temp) {
                let site = self.loc(src).site().cloned().unwrap_or_default();
                let headline = format!(
                    "{} escapes to heap in {}",
                    site.text,
                    self.func_name(self.loc(src).func)
                );
                let mut flow = self.describe_flow(dst, src, k.derefs, &k.notes);
                let (mut site, mut headline) = (site, headline);
                if let Some((new, old)) = &self.immediate_alias {
                    let swap = |t: &mut String| {
                        if t == new {
                            *t = old.clone();
                        } else if *t == format!("{{storage for {new}}}") {
                            *t = format!("{{storage for {old}}}");
                        }
                    };
                    swap(&mut site.text);
                    swap(&mut flow.src);
                    swap(&mut flow.dst);
                    for n in &mut flow.notes {
                        swap(&mut n.text);
                    }
                    if let Some(rest) = headline.strip_prefix(new.as_str()) {
                        headline = format!("{old}{rest}");
                    }
                }
                self.events.push(Event::Explain(Explanation {
                    site,
                    headline,
                    flows: vec![flow],
                    truncated: false,
                }));
            }
            self.loc_mut(src).attrs |= attr::ALL;
            return;
        }
        self.loc_mut(dst).edges.push(Edge {
            src,
            derefs: k.derefs,
            notes: k.notes.clone(),
        });
    }

    /// A hole that flows into every hole of `ks` (through a temporary).
    pub fn tee(&mut self, ks: &[Hole], func: FuncIx, loop_depth: i32) -> Hole {
        match ks {
            [] => Hole::to(DISCARD),
            [k] => k.clone(),
            _ => {
                let tmp = self.new_loc(LocKind::Temp, func, loop_depth, false);
                for k in ks {
                    // A negative hole cannot be shared through a temporary
                    // (p = &tmp; tmp = q is not p = &q); callers never pass one.
                    self.flow(k, tmp);
                }
                Hole::to(tmp)
            }
        }
    }

    /// A hole that flows into `k` some time later: its temporary persists.
    pub fn later(&mut self, k: &Hole, func: FuncIx, loop_depth: i32) -> Hole {
        let tmp = self.new_loc(LocKind::Temp, func, loop_depth, true);
        self.flow(k, tmp);
        Hole::to(tmp)
    }

    /// How Go names a location in an explanation.
    pub fn loc_label(&self, id: LocId) -> String {
        match &self.loc(id).kind {
            LocKind::Heap => "{heap}".to_string(),
            LocKind::Var { site, .. } => site.text.clone(),
            LocKind::Alloc { site, .. } => format!("{{storage for {}}}", site.text),
            LocKind::Temp | LocKind::Mutator | LocKind::Callee | LocKind::Discard => {
                "{temp}".to_string()
            }
        }
    }

    /// One `flow: dst ← src` step with its notes.
    pub fn describe_flow(&self, dst: LocId, src: LocId, derefs: i32, notes: &Notes) -> Flow {
        let ops = if derefs < 0 {
            "&".to_string()
        } else {
            "*".repeat(derefs as usize)
        };
        Flow {
            dst: self.loc_label(dst),
            ops,
            src: self.loc_label(src),
            notes: notes_iter(notes)
                .map(|n| FlowNote {
                    text: n.site.text.clone(),
                    why: n.why.to_string(),
                    pos: n.site.pos,
                    start: n.site.start,
                    end: n.site.end,
                })
                .collect(),
        }
    }

    /// Whether `inner` is a closure nested (at any depth) inside `outer`.
    pub fn contains_closure(&self, outer: Option<FuncIx>, inner: Option<FuncIx>) -> bool {
        let (Some(outer), Some(inner)) = (outer, inner) else {
            return false;
        };
        if outer == inner {
            return false;
        }
        let mut cur = self.funcs.get(inner.0 as usize).and_then(|f| f.parent);
        let mut guard = 0;
        while let Some(f) = cur {
            if f == outer {
                return true;
            }
            guard += 1;
            if guard > self.funcs.len() {
                break;
            }
            cur = self.funcs.get(f.0 as usize).and_then(|f| f.parent);
        }
        false
    }
}
