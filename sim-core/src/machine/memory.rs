//! Memory as the runtime sees it: allocations (frames, stack homes of
//! non-escaping sites, heap objects, globals) named by stable ids, pointers
//! as (allocation, offset), deterministic Go-style addresses and the
//! malloc size classes.

use super::code::FuncCode;
use super::types::{Shape, TypeCache};
use super::value::{AllocId, Ptr, V};
use crate::hash::HashMap;
use crate::ir::{TypeId, TypeTable};
use std::collections::VecDeque;
use std::rc::Rc;

/// Where an allocation lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Home {
    Heap,
    /// A goroutine's frame (its locals).
    Frame {
        g: u32,
    },
    /// A non-escaping allocation site's home inside a frame.
    StackSite {
        g: u32,
        frame: AllocId,
        slot: u32,
    },
    Globals,
}

/// What an allocation's bytes are laid out as.
#[derive(Clone, Debug)]
pub enum Layout {
    Typed(TypeId),
    /// A backing array of `len` elements (its type need not be interned).
    Array {
        elem: TypeId,
        len: u64,
    },
    /// A closure record or bound method value: opaque words.
    Record,
    Frame(Rc<FuncCode>),
    Globals,
}

/// A map's contents, in insertion order (deleted entries leave holes).
#[derive(Clone, Debug, Default)]
pub struct MapData {
    pub entries: Vec<Option<(V, V)>>,
    pub index: HashMap<Key, usize>,
    pub len: usize,
}

/// A channel: the runtime's `hchan`.
#[derive(Clone, Debug)]
pub struct ChanData {
    pub elem: TypeId,
    pub cap: u64,
    pub buf: VecDeque<V>,
    pub closed: bool,
    /// Goroutines blocked receiving, in arrival order.
    pub recvq: VecDeque<u32>,
    /// Goroutines blocked sending, with their values.
    pub sendq: VecDeque<(u32, V)>,
}

#[derive(Clone, Debug)]
pub enum Extra {
    None,
    Map(Box<MapData>),
    Chan(Box<ChanData>),
}

#[derive(Clone, Debug)]
pub struct Alloc {
    pub layout: Layout,
    pub val: V,
    pub home: Home,
    /// Requested bytes and size-class bytes (heap only).
    pub size: u64,
    pub class: u64,
    /// Heap address (stack addresses come from the frame's position).
    pub addr: u64,
    pub site: Option<u32>,
    pub born: u64,
    pub marked: bool,
    pub extra: Extra,
}

/// A hashable image of a map key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Nil,
    Int(i64),
    Float(u64),
    Str(Rc<[u8]>),
    Ptr(u32, u64),
    Agg(Vec<Key>),
    Iface(u32, Box<Key>),
    Other(u32),
}

pub fn key_of(v: &V) -> Key {
    match v {
        V::Nil => Key::Nil,
        V::Bool(b) => Key::Int(*b as i64),
        V::Int(i) => Key::Int(*i),
        V::Float(f) => Key::Float(if *f == 0.0 { 0 } else { f.to_bits() }),
        V::Complex(re, im) => Key::Agg(vec![key_of(&V::Float(*re)), key_of(&V::Float(*im))]),
        V::Str(s) => Key::Str(s.clone()),
        V::Ptr(p) => Key::Ptr(p.alloc, p.off),
        V::Agg(a) => Key::Agg(a.iter().map(key_of).collect()),
        V::Bytes(b) => Key::Agg(b.iter().map(|x| Key::Int(x as i64)).collect()),
        V::Iface(i) => Key::Iface(i.ty.0, Box::new(key_of(&i.val))),
        V::Map(a) | V::Chan(a) => Key::Ptr(*a, 0),
        _ => Key::Other(0),
    }
}

/// Go's malloc size classes (runtime/sizeclasses.go).
pub const SIZE_CLASSES: [u64; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// Bytes per span of each size class (runtime/sizeclasses.go, `bytes/span`).
fn span_bytes(class: u64) -> u64 {
    match class {
        0..=1024 => 8192,
        1025..=3072 => 16384,
        3073..=4096 => 8192 * 3,
        4097..=8192 => 8192 * 4,
        _ => (class.div_ceil(8192) * 8192).max(8192) * 2,
    }
}

const PAGE: u64 = 8192;
const MAX_SMALL: u64 = 32768;
const MALLOC_HEADER: u64 = 8;

/// The runtime's `roundupsize`: bytes malloc really takes for `size`.
pub fn roundupsize(size: u64, noscan: bool) -> u64 {
    let mut req = size;
    if req <= MAX_SMALL - MALLOC_HEADER {
        if !noscan && req > 512 {
            req += MALLOC_HEADER;
        }
        let class = SIZE_CLASSES
            .iter()
            .copied()
            .find(|&c| c >= req)
            .unwrap_or(MAX_SMALL);
        return class - (req - size);
    }
    req = req.saturating_add(PAGE - 1);
    req & !(PAGE - 1)
}

/// The size class an object of `size` bytes is allocated from.
pub fn size_class(size: u64, noscan: bool) -> u64 {
    if size == 0 {
        return 0;
    }
    let mut req = size;
    if !noscan && req > 512 && req <= MAX_SMALL - MALLOC_HEADER {
        req += MALLOC_HEADER;
    }
    if req <= MAX_SMALL {
        SIZE_CLASSES
            .iter()
            .copied()
            .find(|&c| c >= req)
            .unwrap_or(MAX_SMALL)
    } else {
        req.div_ceil(PAGE).saturating_mul(PAGE)
    }
}

/// The runtime's `nextslicecap` + `roundupsize`: the capacity `append`
/// gives a slice of `old_cap` elements of `esize` bytes that must hold
/// `new_len`.
pub fn grow_cap(old_cap: u64, new_len: u64, esize: u64, noscan: bool) -> u64 {
    let mut newcap = old_cap;
    let doublecap = newcap.saturating_add(newcap);
    if new_len > doublecap {
        newcap = new_len;
    } else {
        const THRESHOLD: u64 = 256;
        if old_cap < THRESHOLD {
            newcap = doublecap;
        } else {
            loop {
                newcap = newcap.saturating_add((newcap + 3 * THRESHOLD) >> 2);
                if newcap >= new_len {
                    break;
                }
            }
        }
    }
    if esize == 0 {
        return newcap;
    }
    let mem = roundupsize(newcap.saturating_mul(esize), noscan);
    mem / esize
}

/// Deterministic addresses in Go's style: spans carved per size class
/// from an arena starting at 0xc000000000, freed slots reused lowest
/// first.
#[derive(Debug)]
pub struct AddressSpace {
    next: u64,
    /// Free slots per size class, kept sorted high to low so the lowest
    /// address is reused first.
    free: Vec<(u64, Vec<u64>)>,
}

pub const ARENA_START: u64 = 0xc000000000;

impl Default for AddressSpace {
    fn default() -> Self {
        AddressSpace {
            next: ARENA_START + 0x10000,
            free: Vec::new(),
        }
    }
}

impl AddressSpace {
    fn list(&mut self, class: u64) -> &mut Vec<u64> {
        let i = match self.free.iter().position(|(c, _)| *c == class) {
            Some(i) => i,
            None => {
                self.free.push((class, Vec::new()));
                self.free.len() - 1
            }
        };
        &mut self.free[i].1
    }

    pub fn alloc(&mut self, class: u64) -> u64 {
        let class = class.max(8);
        if let Some(a) = self.list(class).pop() {
            return a;
        }
        let span = span_bytes(class).max(class);
        let base = self.next;
        self.next += span.div_ceil(PAGE) * PAGE;
        let n = span / class;
        let list = self.list(class);
        for i in (1..n).rev() {
            list.push(base + i * class);
        }
        base
    }

    /// Returns a slot; the sweep frees in batches, so the list is re-sorted
    /// lazily by the caller's order (lowest address on top).
    pub fn free(&mut self, class: u64, addr: u64) {
        let list = self.list(class.max(8));
        list.push(addr);
    }

    /// Restores lowest-first order after a sweep.
    pub fn settle(&mut self) {
        for (_, l) in &mut self.free {
            l.sort_unstable_by(|a, b| b.cmp(a));
        }
    }

    /// A fresh region for a goroutine stack.
    pub fn stack(&mut self, size: u64) -> u64 {
        let base = self.next.div_ceil(size.max(PAGE)) * size.max(PAGE);
        self.next = base + size.max(PAGE);
        base
    }
}

/// A place found by offset: a value, or one byte of a byte array.
pub enum Place<'a> {
    Val(&'a mut V),
    Byte(&'a mut u8),
}

/// Finds the value of type `want` at `off` inside `root` (laid out as
/// `layout`). `None` when the offset does not name such a value.
pub fn locate<'a>(
    types: &TypeTable,
    cache: &mut TypeCache,
    globals: &super::code::FrameLayout,
    layout: &Layout,
    root: &'a mut V,
    off: u64,
    want: TypeId,
) -> Option<Place<'a>> {
    let mut cur = root;
    let mut off = off;
    let mut cty = match layout {
        Layout::Typed(t) => *t,
        Layout::Record => {
            return if off == 0 {
                Some(Place::Val(cur))
            } else {
                None
            }
        }
        Layout::Array { elem, .. } => {
            let esize = types.size_of(*elem);
            if esize == 0 {
                return None;
            }
            let idx = (off / esize) as usize;
            off -= idx as u64 * esize;
            match cur {
                V::Bytes(b) => return b.get_mut(idx).map(Place::Byte),
                V::Agg(a) => cur = a.get_mut(idx)?,
                _ => return None,
            }
            *elem
        }
        Layout::Frame(code) => {
            let slots = &code.layout.slots;
            let i = slot_at(slots.iter().map(|s| (s.off, s.size)), off)?;
            let s = &slots[i];
            off -= s.off;
            cur = match cur {
                V::Agg(a) => a.get_mut(i)?,
                _ => return None,
            };
            s.ty
        }
        Layout::Globals => {
            let slots = &globals.slots;
            let i = slot_at(slots.iter().map(|s| (s.off, s.size)), off)?;
            let s = &slots[i];
            off -= s.off;
            cur = match cur {
                V::Agg(a) => a.get_mut(i)?,
                _ => return None,
            };
            s.ty
        }
    };
    let want_u = types.underlying(want);
    for _ in 0..256 {
        if off == 0 && (cty == want || types.underlying(cty) == want_u) {
            return Some(Place::Val(cur));
        }
        let info = cache.get(types, cty);
        match &info.shape {
            Shape::Struct(fields) => {
                let i = slot_at(fields.iter().map(|f| (f.off, f.size)), off)?;
                let f = &fields[i];
                off -= f.off;
                cty = f.ty;
                cur = match cur {
                    V::Agg(a) => a.get_mut(i)?,
                    _ => return None,
                };
            }
            Shape::Array { elem, .. } => {
                let esize = types.size_of(*elem);
                if esize == 0 {
                    return None;
                }
                let idx = (off / esize) as usize;
                off -= idx as u64 * esize;
                match cur {
                    V::Bytes(b) => return b.get_mut(idx).map(Place::Byte),
                    V::Agg(a) => {
                        cur = a.get_mut(idx)?;
                        cty = *elem;
                    }
                    _ => return None,
                }
            }
            _ => {
                return if off == 0 {
                    Some(Place::Val(cur))
                } else {
                    None
                };
            }
        }
    }
    None
}

/// The index of the item whose `[off, off+size)` contains `off` (the last
/// one starting at or before it, for zero-size items).
fn slot_at(items: impl Iterator<Item = (u64, u64)>, off: u64) -> Option<usize> {
    let mut best = None;
    for (i, (o, s)) in items.enumerate() {
        if o <= off && (off < o + s.max(1) || (s == 0 && o == off)) {
            best = Some(i);
            if s > 0 {
                return best;
            }
        }
        if o > off {
            break;
        }
    }
    best
}

/// Pointers held directly by a value (for the GC).
pub fn children(v: &V, out: &mut Vec<AllocId>) {
    match v {
        V::Ptr(p) => out.push(p.alloc),
        V::Slice(s) => out.push(s.ptr.alloc),
        V::Map(a) | V::Chan(a) => out.push(*a),
        V::Agg(items) => {
            for x in items.iter() {
                children(x, out);
            }
        }
        V::Func(f) => {
            if let Some(p) = f.env {
                out.push(p.alloc);
            }
        }
        V::Iface(i) => {
            if let Some(b) = i.boxed {
                out.push(b);
            }
            children(&i.val, out);
        }
        V::Keys(k) => {
            for x in k.iter() {
                children(x, out);
            }
        }
        _ => {}
    }
}

/// A null pointer sentinel used for nil slices' data pointer.
pub const NIL_PTR: Ptr = Ptr {
    alloc: u32::MAX,
    off: 0,
};
