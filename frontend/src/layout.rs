//! Where everything goes in the picture: a pure function from a snapshot to
//! positioned boxes and arrows, in SVG user units.
//!
//! The view draws what this returns and never asks the DOM where anything
//! ended up, so arrows are computed here from the same numbers that place
//! the boxes, and everything is tested natively.
//!
//! The drawing follows the tutorial's diagrams: stacks on the left, one
//! column per goroutine, `main`'s frame at the top and each call's frame
//! below its caller (Go stacks grow towards lower addresses), returned
//! frames greyed as invalid memory under the live ones; the heap on the
//! right as bubbles, each keeping its cell from birth to death.

use std::collections::{BTreeMap, BTreeSet};

use sim_core::trace::{
    Event, Frame, GoroutineState, HeapObject, ObjectId, ObjectState, Pointer, Slot, Snapshot,
    Trace, Value,
};

/// Geometry, in SVG user units (one unit is one CSS pixel at scale 1).
pub const PAD: f32 = 12.0;
pub const COL_W: f32 = 340.0;
pub const COL_GAP: f32 = 28.0;
pub const G_HEAD_H: f32 = 54.0;
pub const F_HEAD_H: f32 = 34.0;
pub const ROW_H: f32 = 30.0;
pub const FRAME_GAP: f32 = 4.0;
pub const SP_H: f32 = 26.0;
pub const CELL_W: f32 = 270.0;
pub const CELL_H: f32 = 168.0;
pub const CELL_GAP: f32 = 16.0;
/// Width of one character of the picture's monospace text (0.6 em at 16).
pub const CHAR_W: f32 = 9.6;
/// Average width of a character of the badge's 13-unit sans-serif text.
pub const BADGE_CHAR_W: f32 = 7.0;
/// Bubbles drawn at most; the rest are counted in [`Scene::hidden`].
pub const MAX_BUBBLES: usize = 120;
/// Field rows shown inside a bubble.
pub const BUBBLE_ROWS: usize = 3;

/// Wide: heap to the right of the stacks. Narrow (phones): everything in
/// one column, heap under the stacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Wide,
    Narrow,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub globals: Option<BoxLayout>,
    pub goroutines: Vec<GoroutineBox>,
    pub frames: Vec<FrameBox>,
    pub heap_x: f32,
    pub heap_y: f32,
    pub bubbles: Vec<Bubble>,
    /// Live heap objects not drawn because there are too many.
    pub hidden: usize,
    pub arrows: Vec<Arrow>,
}

/// The globals box: a frame-like box of slots.
#[derive(Clone, Debug, PartialEq)]
pub struct BoxLayout {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub slots: Vec<SlotBox>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoroutineBox {
    pub id: u32,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub title: String,
    pub detail: String,
    pub exited: bool,
    /// The stack pointer marker: its y and label.
    pub sp_y: f32,
    pub sp_label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameBox {
    pub id: u32,
    pub goroutine: u32,
    /// gc's full name, e.g. `main.makeCar`.
    pub func: String,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub title: String,
    pub size: String,
    pub valid: bool,
    pub slots: Vec<SlotBox>,
}

/// One slot row; `x`, `y` are absolute so arrows and the view agree.
#[derive(Clone, Debug, PartialEq)]
pub struct SlotBox {
    pub object: u32,
    pub name: String,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub left: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bubble {
    pub id: u32,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub ty: String,
    pub title: String,
    pub addr: String,
    pub size: String,
    pub rows: Vec<String>,
    pub badge: String,
    pub state: ObjectState,
}

/// A pointer from a slot (or a heap object) to a slot or a bubble.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Stable: the source allocation and the pointer's rank inside it.
    pub key: String,
    pub from: u32,
    pub to: u32,
    /// SVG path data.
    pub path: String,
    /// The source or target is greyed (an invalid frame, a freed object).
    pub faded: bool,
}

/// Heap cells assigned once for the whole run: an object keeps its cell
/// from allocation to sweep, and a freed cell goes to the next allocation,
/// so bubbles never jump around when others come and go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeapPlaces {
    cells: BTreeMap<u32, usize>,
}

impl HeapPlaces {
    pub fn of(trace: &Trace) -> HeapPlaces {
        let mut places = HeapPlaces::default();
        let mut free: BTreeSet<usize> = Default::default();
        let mut next = 0usize;
        let mut take = |places: &mut HeapPlaces, free: &mut BTreeSet<usize>, id: u32| {
            if places.cells.contains_key(&id) {
                return;
            }
            let cell = match free.pop_first() {
                Some(c) => c,
                None => {
                    next += 1;
                    next - 1
                }
            };
            places.cells.insert(id, cell);
        };
        let mut live: BTreeSet<u32> = Default::default();
        if let Some(first) = trace.checkpoints.first() {
            for o in &first.heap {
                take(&mut places, &mut free, o.id.0);
                live.insert(o.id.0);
            }
        }
        for step in &trace.steps {
            for id in &step.delta.heap_removed {
                if let Some(&c) = places.cells.get(&id.0) {
                    if live.remove(&id.0) {
                        free.insert(c);
                    }
                }
            }
            for event in &step.events {
                if let Event::HeapAlloc { object, .. } = event {
                    take(&mut places, &mut free, object.0);
                    live.insert(object.0);
                }
            }
            for o in &step.delta.heap {
                if !places.cells.contains_key(&o.id.0) {
                    take(&mut places, &mut free, o.id.0);
                    live.insert(o.id.0);
                }
            }
        }
        places
    }

    /// Heap columns in the wide picture: one while few objects are ever
    /// alive at once (bigger text), two for busy heaps. Fixed for a run so
    /// bubbles never move.
    pub fn columns(&self) -> usize {
        let used = self.cells.values().max().map_or(0, |m| m + 1);
        if used <= 4 {
            1
        } else {
            2
        }
    }

    pub fn cell(&self, id: ObjectId) -> Option<usize> {
        self.cells.get(&id.0).copied()
    }
}

/// Places everything in `snap`.
pub fn layout(snap: &Snapshot, places: &HeapPlaces, shape: Shape) -> Scene {
    let mut scene = Scene::default();
    let mut y0 = PAD;

    if !snap.globals.is_empty() {
        let h = F_HEAD_H + ROW_H * snap.globals.len() as f32;
        let slots = slot_rows(&snap.globals, PAD, y0 + F_HEAD_H, COL_W);
        scene.globals = Some(BoxLayout {
            x: PAD,
            y: y0,
            w: COL_W,
            h,
            slots,
        });
        y0 += h + COL_GAP;
    }

    // Stacks: side by side when wide, one under another when narrow.
    let mut x = PAD;
    let mut y = y0;
    let mut stacks_bottom = y0;
    for g in &snap.goroutines {
        let top = y;
        let mut fy = top + G_HEAD_H;
        let mut sp_y = fy;
        let mut sp_placed = false;
        for frame in stack_order(&g.frames) {
            if !frame.valid && !sp_placed {
                // The stack pointer gets its own band between the live
                // frames and the invalid memory below them.
                sp_placed = true;
                sp_y = fy;
                fy += SP_H;
            }
            let fb = frame_box(frame, g.id.0, x, fy);
            fy += fb.h + FRAME_GAP;
            scene.frames.push(fb);
        }
        if !sp_placed {
            sp_y = fy;
            fy += SP_H;
        }
        let bottom = fy + PAD;
        let (title, detail) = goroutine_text(g);
        scene.goroutines.push(GoroutineBox {
            id: g.id.0,
            x,
            y: top,
            w: COL_W,
            h: bottom - top,
            title,
            detail,
            exited: g.state == GoroutineState::Exited,
            sp_y,
            sp_label: format!("SP {}", hex(g.stack.sp)),
        });
        stacks_bottom = stacks_bottom.max(bottom);
        match shape {
            Shape::Wide => x += COL_W + COL_GAP,
            Shape::Narrow => y = bottom + COL_GAP,
        }
    }
    let stacks_right = match shape {
        Shape::Wide => x.max(PAD + COL_W + COL_GAP),
        Shape::Narrow => PAD + COL_W + COL_GAP,
    };

    // The heap.
    let (heap_x, heap_y, cols) = match shape {
        Shape::Wide => (stacks_right + 40.0, PAD, places.columns()),
        Shape::Narrow => (PAD, stacks_bottom + COL_GAP, 1),
    };
    let cell_w = match shape {
        Shape::Wide => CELL_W,
        Shape::Narrow => COL_W,
    };
    scene.heap_x = heap_x;
    scene.heap_y = heap_y;
    let heap_top = heap_y + G_HEAD_H;
    let mut overflow = Vec::new();
    let mut max_row = 0usize;
    let mut drawn = 0usize;
    for obj in &snap.heap {
        let cell = places.cell(obj.id);
        match cell {
            Some(c) if c < MAX_BUBBLES => {
                let (cx, cy) = cell_origin(c, cols, heap_x, heap_top, cell_w);
                max_row = max_row.max(c / cols);
                scene.bubbles.push(bubble(obj, cx, cy, cell_w));
                drawn += 1;
            }
            Some(_) => scene.hidden += 1,
            None => overflow.push(obj),
        }
    }
    // Objects the run's index does not know (should not happen): after
    // the known cells, in id order, so they are still drawn.
    let first_free = places.cells.values().max().map_or(0, |m| m + 1);
    for (c, obj) in (first_free..).zip(overflow) {
        if c < MAX_BUBBLES {
            let (cx, cy) = cell_origin(c, cols, heap_x, heap_top, cell_w);
            max_row = max_row.max(c / cols);
            scene.bubbles.push(bubble(obj, cx, cy, cell_w));
            drawn += 1;
        } else {
            scene.hidden += 1;
        }
    }
    let heap_bottom = if drawn == 0 {
        heap_top + CELL_H / 2.0
    } else {
        heap_top + (max_row + 1) as f32 * (CELL_H + CELL_GAP)
    };
    // Room on the right for arrows that loop out of a bubble and back.
    let arrow_room = match shape {
        Shape::Wide => 48.0,
        Shape::Narrow => 20.0,
    };
    scene.width = heap_x + cols as f32 * (cell_w + CELL_GAP) - CELL_GAP + PAD + arrow_room;
    scene.height = stacks_bottom.max(heap_bottom) + PAD;

    scene.arrows = arrows(snap, &scene);
    scene
}

fn cell_origin(cell: usize, cols: usize, x0: f32, y0: f32, w: f32) -> (f32, f32) {
    let (row, col) = (cell / cols, cell % cols);
    (
        x0 + col as f32 * (w + CELL_GAP),
        y0 + row as f32 * (CELL_H + CELL_GAP),
    )
}

/// Frames in memory order, highest address first: the caller above its
/// callees, each returned frame where its bytes are. Goroutine stacks grow
/// down, so this is the tutorial's top-to-bottom.
fn stack_order(frames: &[Frame]) -> Vec<&Frame> {
    let mut out: Vec<&Frame> = frames.iter().collect();
    sim_core::sort::by_key(&mut out, |f| (std::cmp::Reverse(f.addr + f.size), f.id));
    out
}

fn frame_box(frame: &Frame, goroutine: u32, x: f32, y: f32) -> FrameBox {
    let h = F_HEAD_H + ROW_H * frame.slots.len().max(1) as f32;
    FrameBox {
        id: frame.id.0,
        goroutine,
        func: frame.func.clone(),
        x,
        y,
        w: COL_W,
        h,
        title: fit(&short_func(&frame.func), 24),
        size: format!("{} B", frame.size),
        valid: frame.valid,
        slots: slot_rows(&frame.slots, x, y + F_HEAD_H, COL_W),
    }
}

fn slot_rows(slots: &[Slot], x: f32, y: f32, w: f32) -> Vec<SlotBox> {
    let budget = ((w - 20.0) / CHAR_W) as usize;
    slots
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let value = value_text(&s.value);
            let left_full = format!("{} {}", s.name, s.ty);
            let value_budget = value
                .chars()
                .count()
                .min(budget.saturating_sub(left_full.chars().count().min(budget / 2) + 1));
            let left_budget = budget.saturating_sub(value_budget + 1);
            SlotBox {
                object: s.object.0,
                name: s.name.clone(),
                x,
                y: y + i as f32 * ROW_H,
                w,
                h: ROW_H,
                left: fit(&left_full, left_budget),
                value: fit(&value, value_budget.max(1)),
            }
        })
        .collect()
}

fn bubble(obj: &HeapObject, x: f32, y: f32, w: f32) -> Bubble {
    let budget = ((w - 20.0) / CHAR_W) as usize;
    let mut rows: Vec<String> = match &obj.value {
        Value::Struct { fields } => fields
            .iter()
            .map(|f| format!("{}: {}", f.name, value_text(&f.value)))
            .collect(),
        v => vec![value_text(v)],
    };
    if rows.len() > BUBBLE_ROWS {
        let more = rows.len() - (BUBBLE_ROWS - 1);
        rows.truncate(BUBBLE_ROWS - 1);
        rows.push(format!("… {more} more fields"));
    }
    let rows = rows.iter().map(|r| fit(r, budget)).collect();
    Bubble {
        id: obj.id.0,
        x,
        y,
        w,
        h: CELL_H,
        ty: obj.ty.clone(),
        title: fit(&obj.ty, budget.saturating_sub(8)),
        addr: hex(obj.addr),
        size: bytes(obj.size),
        rows,
        badge: fit(&obj.reason, ((w - 36.0) / BADGE_CHAR_W) as usize),
        state: obj.state,
    }
}

fn goroutine_text(g: &sim_core::trace::Goroutine) -> (String, String) {
    let state = match &g.state {
        GoroutineState::Running => "running".to_string(),
        GoroutineState::Runnable => "runnable".to_string(),
        GoroutineState::Blocked { reason } => format!("blocked: {reason}"),
        GoroutineState::Exited => "exited".to_string(),
    };
    let title = fit(
        &format!("goroutine {} · {}", g.id.0, short_func(&g.func)),
        30,
    );
    let detail = if g.hidden_frames > 0 {
        let live = g.frames.iter().filter(|f| f.valid).count() as u64 + g.hidden_frames;
        fit(
            &format!(
                "{} frames, {} not drawn",
                thousands(live),
                thousands(g.hidden_frames)
            ),
            36,
        )
    } else {
        fit(
            &format!(
                "{state} · stack {} / {}",
                bytes(g.stack.used),
                bytes(g.stack.size)
            ),
            32,
        )
    };
    (title, detail)
}

/// `main.makeCar` → `makeCar`: every user function is in package main.
pub fn short_func(name: &str) -> String {
    name.strip_prefix("main.").unwrap_or(name).to_string()
}

/// Go's way of printing an address.
pub fn hex(addr: u64) -> String {
    format!("0x{addr:x}")
}

/// `4096` → `4,096 B`.
pub fn bytes(n: u64) -> String {
    format!("{} B", thousands(n))
}

pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Cuts `s` to `max` characters, marking the cut with `…`.
pub fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A value on one line, as the picture shows it in a slot.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Scalar { text } => text.clone(),
        Value::Str {
            text, truncated, ..
        } => {
            if *truncated {
                format!("{text}…")
            } else {
                text.clone()
            }
        }
        Value::Nil => "nil".into(),
        Value::Pointer(p) => hex(p.addr),
        Value::Slice { ptr, len, cap } => match ptr {
            Some(p) => format!("{} len {len} cap {cap}", hex(p.addr)),
            None => format!("nil len {len} cap {cap}"),
        },
        Value::Struct { fields } => {
            let inner: Vec<String> = fields
                .iter()
                .map(|f| format!("{}: {}", f.name, value_text(&f.value)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        Value::Array { elems, more } => {
            let mut inner: Vec<String> = elems.iter().map(value_text).collect();
            if *more > 0 {
                inner.push(format!("+{more}"));
            }
            format!("[{}]", inner.join(" "))
        }
        Value::Map { addr, len, .. } => format!("map {} len {len}", hex(*addr)),
        Value::Chan { addr, .. } => format!("chan {}", hex(*addr)),
        Value::Func { name, closure } => match closure {
            Some(p) => format!("{} {}", short_func(name), hex(p.addr)),
            None => short_func(name),
        },
        Value::Iface { dyn_type, value } => format!("({dyn_type}) {}", value_text(value)),
        Value::Entries { entries, more } => {
            let mut inner: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", value_text(k), value_text(v)))
                .collect();
            if *more > 0 {
                inner.push(format!("+{more}"));
            }
            format!("map[{}]", inner.join(" "))
        }
        Value::Opaque { text } => text.clone(),
    }
}

/// Every allocation a value points at, in order.
pub fn targets(v: &Value, out: &mut Vec<ObjectId>) {
    let mut ptr = |p: &Pointer| out.push(p.target);
    match v {
        Value::Pointer(p) => ptr(p),
        Value::Slice { ptr: Some(p), .. } => ptr(p),
        Value::Func {
            closure: Some(p), ..
        } => ptr(p),
        Value::Map { target, .. } | Value::Chan { target, .. } => out.push(*target),
        Value::Iface { value, .. } => targets(value, out),
        Value::Struct { fields } => {
            for f in fields {
                targets(&f.value, out);
            }
        }
        Value::Array { elems, .. } => {
            for e in elems {
                targets(e, out);
            }
        }
        Value::Entries { entries, .. } => {
            for (k, v) in entries {
                targets(k, out);
                targets(v, out);
            }
        }
        _ => {}
    }
}

/// Where an arrow may end: a slot's right edge or a bubble's left edge.
#[derive(Clone, Copy)]
enum Anchor {
    Slot { x: f32, y: f32, w: f32, faded: bool },
    Bubble { x: f32, y: f32, w: f32, faded: bool },
}

fn arrows(snap: &Snapshot, scene: &Scene) -> Vec<Arrow> {
    let mut anchors: BTreeMap<u32, Anchor> = BTreeMap::new();
    let slot_anchor = |s: &SlotBox, faded: bool| Anchor::Slot {
        x: s.x,
        y: s.y + s.h / 2.0,
        w: s.w,
        faded,
    };
    if let Some(g) = &scene.globals {
        for s in &g.slots {
            anchors.insert(s.object, slot_anchor(s, false));
        }
    }
    // Live frames win over invalid ones if both name the same slot.
    for f in scene.frames.iter().filter(|f| !f.valid) {
        for s in &f.slots {
            anchors.insert(s.object, slot_anchor(s, true));
        }
    }
    for f in scene.frames.iter().filter(|f| f.valid) {
        for s in &f.slots {
            anchors.insert(s.object, slot_anchor(s, false));
        }
    }
    for b in &scene.bubbles {
        anchors.insert(
            b.id,
            Anchor::Bubble {
                x: b.x,
                y: b.y + 22.0,
                w: b.w,
                faded: b.state == ObjectState::Freed,
            },
        );
    }

    let mut out = Vec::new();
    let from_slot = |slot: &Slot, start: (f32, f32), faded: bool, out: &mut Vec<Arrow>| {
        let mut ts = Vec::new();
        targets(&slot.value, &mut ts);
        for (k, t) in ts.into_iter().enumerate() {
            if let Some(a) = anchors.get(&t.0) {
                out.push(arrow(slot.object.0, k, t.0, start, *a, faded));
            }
        }
    };
    let mut slot_boxes: Vec<(&Slot, &SlotBox, bool)> = Vec::new();
    if let Some(g) = &scene.globals {
        slot_boxes.extend(
            snap.globals
                .iter()
                .zip(&g.slots)
                .map(|(s, b)| (s, b, false)),
        );
    }
    let mut fi = scene.frames.iter();
    for g in &snap.goroutines {
        for frame in stack_order(&g.frames) {
            if let Some(fb) = fi.next() {
                slot_boxes.extend(
                    frame
                        .slots
                        .iter()
                        .zip(&fb.slots)
                        .map(|(s, b)| (s, b, !fb.valid)),
                );
            }
        }
    }
    for (slot, b, faded) in slot_boxes {
        from_slot(slot, (b.x + b.w, b.y + b.h / 2.0), faded, &mut out);
    }
    // Heap objects that hold pointers: from the bubble's right edge.
    for (obj, b) in snap.heap.iter().filter_map(|o| {
        scene
            .bubbles
            .iter()
            .find(|b| b.id == o.id.0)
            .map(|b| (o, b))
    }) {
        // Each pointer starts at the row of the field that holds it.
        let mut ts: Vec<(usize, ObjectId)> = Vec::new();
        match &obj.value {
            Value::Struct { fields } => {
                for (row, f) in fields.iter().enumerate() {
                    let mut here = Vec::new();
                    targets(&f.value, &mut here);
                    ts.extend(here.into_iter().map(|t| (row.min(BUBBLE_ROWS - 1), t)));
                }
            }
            v => {
                let mut here = Vec::new();
                targets(v, &mut here);
                ts.extend(here.into_iter().map(|t| (0, t)));
            }
        }
        for (k, (row, t)) in ts.into_iter().enumerate() {
            if let Some(a) = anchors.get(&t.0) {
                let start = (b.x + b.w, b.y + 72.0 + row as f32 * 22.0);
                out.push(arrow(
                    obj.id.0,
                    k,
                    t.0,
                    start,
                    *a,
                    b.state == ObjectState::Freed,
                ));
            }
        }
    }
    out
}

fn arrow(from: u32, k: usize, to: u32, (sx, sy): (f32, f32), end: Anchor, faded: bool) -> Arrow {
    let (path, end_faded) = match end {
        Anchor::Bubble { x, y, w, faded } => {
            let path = if x - 4.0 > sx + 20.0 {
                let (ex, ey) = (x - 4.0, y);
                let dx = ((ex - sx) / 2.0).max(30.0);
                format!(
                    "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ey:.1} {ex:.1},{ey:.1}",
                    sx + dx,
                    ex - dx
                )
            } else {
                // Target is not to the right (another bubble): loop out to
                // the right and come into its right edge.
                let (ex, ey) = (x + w + 4.0, y);
                let bulge = 30.0 + ((sy - ey).abs() / 8.0).min(40.0);
                format!(
                    "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ey:.1} {ex:.1},{ey:.1}",
                    sx + bulge,
                    ex + bulge
                )
            };
            (path, faded)
        }
        Anchor::Slot { x, y, w, faded } => {
            let ex = x + w + 4.0;
            let path = if (ex - sx - 4.0).abs() < 1.0 {
                // Same column: a C-shaped loop out to the right.
                let bulge = 36.0 + ((sy - y).abs() / 8.0).min(60.0);
                format!(
                    "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{y:.1} {ex:.1},{y:.1}",
                    sx + bulge,
                    ex + bulge
                )
            } else {
                let dx = ((ex - sx).abs() / 2.0).max(30.0);
                format!(
                    "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{y:.1} {ex:.1},{y:.1}",
                    sx + dx,
                    ex + dx
                )
            };
            (path, faded)
        }
    };
    Arrow {
        key: format!("{from}.{k}"),
        from,
        to,
        path,
        faded: faded || end_faded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::trace::{FieldValue, FrameId, Goroutine, GoroutineId, SourceSpan, Stack, Step};

    fn slot(name: &str, object: u32, ty: &str, value: Value) -> Slot {
        Slot {
            name: name.into(),
            object: ObjectId(object),
            addr: 0xc000100000 + object as u64 * 8,
            offset: 0,
            size: 8,
            ty: ty.into(),
            value,
        }
    }

    fn ptr(target: u32, addr: u64) -> Value {
        Value::Pointer(Pointer {
            target: ObjectId(target),
            offset: 0,
            addr,
        })
    }

    fn frame(id: u32, func: &str, valid: bool, slots: Vec<Slot>) -> Frame {
        Frame {
            id: FrameId(id),
            func: func.into(),
            addr: 0,
            size: 64,
            valid,
            span: SourceSpan::default(),
            slots,
        }
    }

    fn car(id: u32, state: ObjectState) -> HeapObject {
        HeapObject {
            id: ObjectId(id),
            addr: 0xc00029fa0,
            ty: "main.Car".into(),
            size: 32,
            size_class: 32,
            reason: "moved to heap: myCar".into(),
            flow: vec![],
            site: SourceSpan::default(),
            born: 3,
            state,
            value: Value::Struct {
                fields: vec![
                    FieldValue {
                        name: "Brand".into(),
                        value: Value::Str {
                            text: "\"Volkswagen\"".into(),
                            len: 10,
                            truncated: false,
                        },
                    },
                    FieldValue {
                        name: "Model".into(),
                        value: Value::Str {
                            text: "\"Golf\"".into(),
                            len: 4,
                            truncated: false,
                        },
                    },
                ],
            },
        }
    }

    /// The tutorial's picture just after makeCar returned: carPtr in main
    /// points at the Car bubble, makeCar's frame is invalid memory.
    fn share_up_after_return() -> Snapshot {
        Snapshot {
            step: 9,
            globals: vec![],
            goroutines: vec![Goroutine {
                id: GoroutineId(1),
                func: "main.main".into(),
                state: GoroutineState::Running,
                stack: Stack {
                    hi: 0xc000100800,
                    size: 2048,
                    sp: 0xc0001007a0,
                    used: 96,
                },
                frames: vec![
                    frame(
                        1,
                        "main.main",
                        true,
                        vec![slot("carPtr", 10, "*Car", ptr(7, 0xc00029fa0))],
                    ),
                    frame(
                        2,
                        "main.makeCar",
                        false,
                        vec![
                            slot(
                                "b",
                                11,
                                "string",
                                Value::Scalar {
                                    text: "\"Volkswagen\"".into(),
                                },
                            ),
                            slot("&myCar", 12, "*Car", ptr(7, 0xc00029fa0)),
                        ],
                    ),
                ],
                hidden_frames: 0,
            }],
            heap: vec![car(7, ObjectState::Live)],
        }
    }

    fn places_for(ids: &[u32]) -> HeapPlaces {
        let steps = ids
            .iter()
            .map(|&id| Step {
                events: vec![Event::HeapAlloc {
                    object: ObjectId(id),
                    ty: "T".into(),
                    size: 8,
                    size_class: 8,
                    reason: String::new(),
                }],
                ..Step::default()
            })
            .collect();
        HeapPlaces::of(&Trace {
            steps,
            ..Trace::default()
        })
    }

    #[test]
    fn frames_stack_down_from_main_and_returned_ones_stay_in_place() {
        let scene = layout(&share_up_after_return(), &places_for(&[7]), Shape::Wide);
        assert_eq!(scene.frames.len(), 2);
        let (main, make) = (&scene.frames[0], &scene.frames[1]);
        assert_eq!(main.title, "main");
        assert!(main.valid && !make.valid);
        assert!(make.y >= main.y + main.h, "callee below its caller");
        // The stack pointer sits at the bottom of the last live frame.
        let g = &scene.goroutines[0];
        assert!(g.sp_y >= main.y + main.h && g.sp_y < make.y);
        assert_eq!(g.sp_label, "SP 0xc0001007a0");
        assert_eq!(g.detail, "running · stack 96 B / 2,048 B");
    }

    #[test]
    fn the_heap_is_right_of_the_stack_and_arrows_join_slot_to_bubble() {
        let scene = layout(&share_up_after_return(), &places_for(&[7]), Shape::Wide);
        let bubble = &scene.bubbles[0];
        assert!(bubble.x > scene.frames[0].x + scene.frames[0].w);
        assert_eq!(bubble.addr, "0xc00029fa0");
        assert_eq!(
            bubble.rows,
            vec!["Brand: \"Volkswagen\"", "Model: \"Golf\""]
        );
        assert_eq!(bubble.badge, "moved to heap: myCar");
        // carPtr → Car, live; makeCar's &myCar → Car, faded with its frame.
        let keys: Vec<(&str, u32, u32, bool)> = scene
            .arrows
            .iter()
            .map(|a| (a.key.as_str(), a.from, a.to, a.faded))
            .collect();
        assert_eq!(keys, vec![("10.0", 10, 7, false), ("12.0", 12, 7, true)]);
        let carptr = &scene.frames[0].slots[0];
        let start = format!(
            "M{:.1},{:.1}",
            carptr.x + carptr.w,
            carptr.y + carptr.h / 2.0
        );
        assert!(
            scene.arrows[0].path.starts_with(&start),
            "{}",
            scene.arrows[0].path
        );
        let end = format!("{:.1},{:.1}", bubble.x - 4.0, bubble.y + 22.0);
        assert!(
            scene.arrows[0].path.ends_with(&end),
            "{}",
            scene.arrows[0].path
        );
        assert!(scene.width >= bubble.x + bubble.w);
        assert!(scene.height >= bubble.y + bubble.h);
    }

    #[test]
    fn a_pointer_down_the_stack_loops_back_to_its_slot() {
        // Sharing down: multiply's v points at n in main's frame.
        let mut snap = share_up_after_return();
        snap.heap.clear();
        snap.goroutines[0].frames = vec![
            frame(
                1,
                "main.main",
                true,
                vec![slot("n", 20, "int", Value::Scalar { text: "10".into() })],
            ),
            frame(
                2,
                "main.multiply",
                true,
                vec![slot("v", 21, "*int", ptr(20, 0xc000100000))],
            ),
        ];
        let scene = layout(&snap, &HeapPlaces::default(), Shape::Wide);
        assert_eq!(scene.arrows.len(), 1);
        let n = &scene.frames[0].slots[0];
        let a = &scene.arrows[0];
        assert_eq!((a.from, a.to), (21, 20));
        assert!(a
            .path
            .ends_with(&format!("{:.1},{:.1}", n.x + n.w + 4.0, n.y + n.h / 2.0)));
    }

    #[test]
    fn bubbles_keep_their_cell_and_reuse_freed_ones() {
        let mut steps: Vec<Step> = [1, 2, 3]
            .iter()
            .map(|&id| Step {
                events: vec![Event::HeapAlloc {
                    object: ObjectId(id),
                    ty: "T".into(),
                    size: 8,
                    size_class: 8,
                    reason: String::new(),
                }],
                ..Step::default()
            })
            .collect();
        steps.push(Step {
            delta: sim_core::trace::Delta {
                heap_removed: vec![ObjectId(2)],
                ..Default::default()
            },
            ..Step::default()
        });
        steps.push(Step {
            events: vec![Event::HeapAlloc {
                object: ObjectId(4),
                ty: "T".into(),
                size: 8,
                size_class: 8,
                reason: String::new(),
            }],
            ..Step::default()
        });
        let places = HeapPlaces::of(&Trace {
            steps,
            ..Trace::default()
        });
        assert_eq!(places.cell(ObjectId(1)), Some(0));
        assert_eq!(places.cell(ObjectId(3)), Some(2));
        assert_eq!(places.cell(ObjectId(4)), Some(1), "reuses 2's cell");

        // The same object is drawn at the same place whatever else lives.
        let mut snap = share_up_after_return();
        snap.heap = vec![car(1, ObjectState::Live), car(3, ObjectState::Live)];
        let a = layout(&snap, &places, Shape::Wide);
        snap.heap = vec![car(3, ObjectState::Live), car(4, ObjectState::Freed)];
        let b = layout(&snap, &places, Shape::Wide);
        let at = |s: &Scene, id| {
            let b = s.bubbles.iter().find(|b| b.id == id).unwrap();
            (b.x, b.y)
        };
        assert_eq!(at(&a, 3), at(&b, 3));
        assert_eq!(
            b.bubbles.iter().find(|b| b.id == 4).unwrap().state,
            ObjectState::Freed
        );
    }

    #[test]
    fn narrow_puts_the_heap_under_the_stacks_within_a_phone_width() {
        let scene = layout(&share_up_after_return(), &places_for(&[7]), Shape::Narrow);
        let bubble = &scene.bubbles[0];
        let g = &scene.goroutines[0];
        assert!(bubble.y >= g.y + g.h);
        assert!(scene.width <= 390.0, "{}", scene.width);
    }

    #[test]
    fn many_objects_are_capped_and_counted() {
        let ids: Vec<u32> = (1..=150).collect();
        let places = places_for(&ids);
        let mut snap = share_up_after_return();
        snap.heap = ids.iter().map(|&i| car(i, ObjectState::Live)).collect();
        let scene = layout(&snap, &places, Shape::Wide);
        assert_eq!(scene.bubbles.len(), MAX_BUBBLES);
        assert_eq!(scene.hidden, 30);
    }

    #[test]
    fn text_is_cut_to_fit_and_numbers_read_well() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(bytes(4096), "4,096 B");
        let s = Value::Slice {
            ptr: Some(Pointer {
                target: ObjectId(1),
                offset: 0,
                addr: 0xc000120000,
            }),
            len: 4096,
            cap: 4096,
        };
        assert_eq!(value_text(&s), "0xc000120000 len 4096 cap 4096");
        let mut t = Vec::new();
        targets(&s, &mut t);
        assert_eq!(t, vec![ObjectId(1)]);
    }
}
