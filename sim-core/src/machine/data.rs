//! Loads and stores through pointers, allocation (heap or frame, as the
//! analysis decided), slices with the runtime's growth, maps, and the
//! garbage collector.

use super::code::*;
use super::exec::{nil_deref, rt_error, Flow, GState, Machine};
use super::memory::*;
use super::move2heap::STACK_BUFFER_BYTES;
use super::types::{is_byte, zero};
use super::value::*;
use crate::ir::{Type, TypeId};
use crate::trace::Event;
use std::rc::Rc;

type R<T> = Result<T, Flow>;

const MIN_HEAP: u64 = 4 << 20;

impl<'p> Machine<'p> {
    // ----- loads and stores -----------------------------------------

    pub fn load(&mut self, p: Ptr, ty: TypeId) -> R<V> {
        let Machine {
            allocs,
            prog,
            tc,
            c,
            ..
        } = self;
        let Some(Some(a)) = allocs.get_mut(p.alloc as usize) else {
            return Err(nil_deref());
        };
        let layout = a.layout.clone();
        match locate(&prog.types, tc, &c.globals, &layout, &mut a.val, p.off, ty) {
            Some(Place::Val(v)) => Ok(v.clone()),
            Some(Place::Byte(b)) => Ok(V::Int(*b as i64)),
            None => {
                if prog.types.size_of(ty) == 0 {
                    Ok(zero(prog, tc, ty))
                } else {
                    Err(Flow::Unsupported(format!(
                        "load at offset {} of object {}",
                        p.off, p.alloc
                    )))
                }
            }
        }
    }

    pub fn load_v(&mut self, p: &V, ty: TypeId) -> R<V> {
        match p {
            V::Ptr(p) => self.load(*p, ty),
            _ => Err(nil_deref()),
        }
    }

    /// An allocation's whole value (closure records).
    pub fn load_raw(&self, p: Ptr) -> V {
        self.alloc(p.alloc)
            .map(|a| a.val.clone())
            .unwrap_or_default()
    }

    pub fn store(&mut self, p: Ptr, ty: TypeId, v: V) -> R<()> {
        let detailed = self.rec.active();
        if detailed {
            if let V::Ptr(t) = &v {
                self.rec.event(Event::PointerWrite {
                    object: crate::trace::ObjectId(p.alloc),
                    offset: p.off,
                    target: Some(crate::trace::ObjectId(t.alloc)),
                });
            }
        }
        let Machine {
            allocs,
            prog,
            tc,
            c,
            gs,
            rec,
            ..
        } = self;
        let Some(Some(a)) = allocs.get_mut(p.alloc as usize) else {
            return Err(nil_deref());
        };
        let layout = a.layout.clone();
        match &a.home {
            Home::Frame { g } | Home::StackSite { g, .. } => {
                if let Some(g) = gs.get_mut(*g as usize) {
                    g.dirty = true;
                }
            }
            Home::Heap => rec.touch(p.alloc),
            Home::Globals => rec.touch_globals(),
        }
        match locate(&prog.types, tc, &c.globals, &layout, &mut a.val, p.off, ty) {
            Some(Place::Val(slot)) => {
                *slot = v;
                Ok(())
            }
            Some(Place::Byte(b)) => {
                *b = v.int() as u8;
                Ok(())
            }
            None if prog.types.size_of(ty) == 0 => Ok(()),
            None => Err(Flow::Unsupported(format!(
                "store at offset {} of object {}",
                p.off, p.alloc
            ))),
        }
    }

    // ----- allocation -------------------------------------------------

    fn type_size(&self, ty: TypeId, val: &V) -> (u64, bool) {
        if ty.0 as usize >= self.prog.types.len() {
            let n = match val {
                V::Agg(a) => a.len() as u64,
                _ => 1,
            };
            return (8 + 8 * n, true);
        }
        (
            self.prog.types.size_of(ty),
            self.prog.types.has_pointers(ty),
        )
    }

    /// Allocates `val` where site `site` says: the heap, or its slot in the
    /// current frame (reused on each execution).
    pub fn allocate(&mut self, gi: usize, ty: TypeId, val: V, site: SiteIx) -> R<Ptr> {
        let layout = if ty.0 as usize >= self.prog.types.len() {
            Layout::Record
        } else {
            Layout::Typed(ty)
        };
        self.allocate_in(gi, layout, ty, val, site)
    }

    fn allocate_in(
        &mut self,
        gi: usize,
        layout: Layout,
        ty: TypeId,
        val: V,
        site: SiteIx,
    ) -> R<Ptr> {
        let info = self.c.sites.get(site as usize).cloned();
        let (size, has_ptr) = match &layout {
            Layout::Array { elem, len } => (
                self.prog.types.size_of(*elem).saturating_mul(*len),
                self.prog.types.has_pointers(*elem),
            ),
            _ => self.type_size(ty, &val),
        };
        match info {
            Some(AllocSite {
                heap: false,
                slot: Some(slot),
                ..
            }) if !self.gs[gi].frames.is_empty() => {
                let frame = self.gs[gi].frames.last().map(|f| f.alloc).unwrap_or(0);
                // Reuse this frame's home for the site.
                if let Some(a) = self.frame_home(gi, slot) {
                    if let Some(al) = self.alloc_mut_pub(a) {
                        al.val = val;
                        al.layout = layout;
                        al.size = size;
                    }
                    self.gs[gi].dirty = true;
                    return Ok(Ptr { alloc: a, off: 0 });
                }
                self.allocs.push(Some(Box::new(Alloc {
                    layout,
                    val,
                    home: Home::StackSite {
                        g: gi as u32,
                        frame,
                        slot,
                    },
                    size,
                    class: 0,
                    addr: 0,
                    site: Some(site),
                    born: self.n.steps,
                    marked: false,
                    extra: Extra::None,
                })));
                let id = (self.allocs.len() - 1) as AllocId;
                if let Some(f) = self.gs[gi].frames.last_mut() {
                    f.sites.push(id);
                }
                self.gs[gi].dirty = true;
                self.n.stack_allocs += 1;
                if self.rec.active() {
                    let info = &self.c.sites[site as usize];
                    let name = info.text.to_string();
                    let until = if info.until_moved {
                        info.reason.to_string()
                    } else {
                        String::new()
                    };
                    let fid = self.gs[gi].frames.last().map(|f| f.id).unwrap_or(0);
                    self.rec.event(Event::StackAlloc {
                        frame: crate::trace::FrameId(fid),
                        object: crate::trace::ObjectId(id),
                        name,
                        size,
                        until,
                    });
                }
                Ok(Ptr { alloc: id, off: 0 })
            }
            _ => self.heap_alloc_raw(layout, ty, val, size, has_ptr, Some(site), Extra::None),
        }
    }

    pub fn alloc_mut_pub(&mut self, id: AllocId) -> Option<&mut Alloc> {
        self.allocs
            .get_mut(id as usize)
            .and_then(|a| a.as_deref_mut())
    }

    /// A heap object for a variable moved to the heap.
    pub fn heap_alloc(&mut self, ty: TypeId, val: V, site: SiteIx) -> R<Ptr> {
        let (size, has_ptr) = self.type_size(ty, &val);
        self.heap_alloc_raw(
            Layout::Typed(ty),
            ty,
            val,
            size,
            has_ptr,
            Some(site),
            Extra::None,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn heap_alloc_raw(
        &mut self,
        layout: Layout,
        _ty: TypeId,
        val: V,
        size: u64,
        has_ptr: bool,
        site: Option<SiteIx>,
        extra: Extra,
    ) -> R<Ptr> {
        let class = size_class(size, !has_ptr);
        self.heap_alloc_sized(layout, val, size, class, site, extra)
    }

    /// Allocates a heap object whose size class is already known.
    pub fn heap_alloc_sized(
        &mut self,
        layout: Layout,
        val: V,
        size: u64,
        class: u64,
        site: Option<SiteIx>,
        extra: Extra,
    ) -> R<Ptr> {
        if self.n.live_bytes + class > self.heap_goal {
            self.gc();
        }
        let addr = if size == 0 {
            ARENA_START + 0x1b0000
        } else {
            self.space.alloc(class)
        };
        self.allocs.push(Some(Box::new(Alloc {
            layout,
            val,
            home: Home::Heap,
            size,
            class,
            addr,
            site,
            born: self.n.steps,
            marked: false,
            extra,
        })));
        let id = (self.allocs.len() - 1) as AllocId;
        self.heap_live.push(id);
        self.n.heap_allocs += 1;
        self.n.heap_bytes += class;
        self.n.live_objects += 1;
        self.n.live_bytes += class;
        if self.rec.active() {
            self.rec.touch(id);
            let (ty, reason) = super::record::object_labels(self, id);
            self.rec.event(Event::HeapAlloc {
                object: crate::trace::ObjectId(id),
                ty,
                size,
                size_class: class,
                reason,
            });
        }
        Ok(Ptr { alloc: id, off: 0 })
    }

    // ----- slices ------------------------------------------------------

    pub fn make_slice(
        &mut self,
        gi: usize,
        elem: TypeId,
        len: u64,
        cap: u64,
        site: Option<SiteIx>,
    ) -> R<SliceV> {
        let val = if is_byte(&self.prog.types, elem) {
            V::Bytes(ByteArr::zeroed(cap as usize))
        } else {
            let z = self.zero(elem);
            V::Agg(vec![z; cap as usize].into_boxed_slice())
        };
        let layout = Layout::Array { elem, len: cap };
        let p = match site {
            Some(s) => self.allocate_in(gi, layout, elem, val, s)?,
            None => {
                let size = self.prog.types.size_of(elem).saturating_mul(cap);
                let hp = self.prog.types.has_pointers(elem);
                self.heap_alloc_raw(layout, elem, val, size, hp, None, Extra::None)?
            }
        };
        Ok(SliceV { ptr: p, len, cap })
    }

    pub fn slice_elems(&mut self, s: &V, elem: TypeId) -> R<Vec<V>> {
        let s = match s {
            V::Slice(s) => *s,
            V::Str(b) => return Ok(b.iter().map(|x| V::Int(*x as i64)).collect()),
            _ => return Ok(vec![]),
        };
        let elem = if elem == TypeId(0) {
            self.slice_elem_type(s.ptr.alloc)
        } else {
            elem
        };
        let esize = self.prog.types.size_of(elem);
        if let Some(a) = self.alloc(s.ptr.alloc) {
            if let V::Bytes(b) = &a.val {
                if esize == 1 {
                    let start = s.ptr.off as usize;
                    return Ok(b
                        .range(start, start + s.len as usize)
                        .into_iter()
                        .map(|x| V::Int(x as i64))
                        .collect());
                }
            }
        }
        let mut out = Vec::with_capacity(s.len as usize);
        for i in 0..s.len {
            out.push(self.load(
                Ptr {
                    alloc: s.ptr.alloc,
                    off: s.ptr.off + i * esize,
                },
                elem,
            )?);
        }
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn append(
        &mut self,
        gi: usize,
        s: V,
        elem: TypeId,
        extra: Vec<V>,
        site: Option<SiteIx>,
        spread: bool,
        grow_in_buffer: bool,
    ) -> R<V> {
        let old = match s {
            V::Slice(s) => s,
            _ => SliceV {
                ptr: NIL_PTR,
                len: 0,
                cap: 0,
            },
        };
        let n = extra.len() as u64;
        if n == 0 {
            return Ok(if old.ptr == NIL_PTR {
                V::Nil
            } else {
                V::Slice(old)
            });
        }
        let esize = self.prog.types.size_of(elem);
        let new_len = old.len + n;
        let target = if new_len <= old.cap {
            old
        } else {
            let noscan = !self.prog.types.has_pointers(elem);
            let newcap = grow_cap(old.cap, new_len, esize, noscan);
            // A kept append (or one gc's slice pass chose) may use the
            // 32-byte buffer in the frame (ssagen's append).
            let stack_site = site.filter(|&s| {
                self.c
                    .sites
                    .get(s as usize)
                    .is_some_and(|x| !x.heap && x.slot.is_some())
            });
            let k = STACK_BUFFER_BYTES / esize.max(1);
            if let (Some(ss), false, true) = (stack_site, spread, esize > 0 && new_len <= k) {
                let buffer_cap = if grow_in_buffer {
                    // growsliceBuf: one size class up each time.
                    Some(size_class(new_len * esize, noscan) / esize)
                } else if old.len == 0 && !self.site_home_in_frame(gi, ss) {
                    // The buffer is used once per call of the function.
                    Some(k)
                } else {
                    None
                };
                if let Some(cap) = buffer_cap {
                    let items = self.slice_elems(&V::Slice(old), elem)?;
                    let ns = self.make_slice(gi, elem, new_len, cap, Some(ss))?;
                    self.store_elems(ns.ptr, 0, elem, items.into_iter().chain(extra))?;
                    return Ok(V::Slice(SliceV {
                        ptr: ns.ptr,
                        len: new_len,
                        cap,
                    }));
                }
            }
            let items = self.slice_elems(&V::Slice(old), elem)?;
            // growslice always allocates on the heap.
            let heap_site = site.filter(|&s| {
                self.c
                    .sites
                    .get(s as usize)
                    .map(|x| x.heap && x.reason.contains("escapes"))
                    .unwrap_or(false)
            });
            let ns = self.make_slice_heap(elem, newcap, heap_site)?;
            self.store_elems(ns.ptr, 0, elem, items)?;
            SliceV {
                ptr: ns.ptr,
                len: old.len,
                cap: newcap,
            }
        };
        self.store_elems(target.ptr, old.len, elem, extra)?;
        Ok(V::Slice(SliceV {
            ptr: target.ptr,
            len: new_len,
            cap: target.cap,
        }))
    }

    /// The running frame's home for the site kept in frame slot `slot`,
    /// if the site has run in this call.
    fn frame_home(&self, gi: usize, slot: u32) -> Option<AllocId> {
        self.gs[gi].frames.last().and_then(|f| {
            f.sites.iter().copied().find(|&a| {
                matches!(self.alloc(a).map(|x| &x.home), Some(Home::StackSite { slot: s, .. }) if *s == slot)
            })
        })
    }

    /// Whether the running frame already holds a home for `site` (its
    /// append buffer was used in this call).
    fn site_home_in_frame(&self, gi: usize, site: SiteIx) -> bool {
        self.c
            .sites
            .get(site as usize)
            .and_then(|s| s.slot)
            .is_some_and(|slot| self.frame_home(gi, slot).is_some())
    }

    /// Stores `values` into consecutive elements of a backing array,
    /// starting at element `first` of `base`.
    pub(super) fn store_elems(
        &mut self,
        base: Ptr,
        first: u64,
        elem: TypeId,
        values: impl IntoIterator<Item = V>,
    ) -> R<()> {
        let esize = self.prog.types.size_of(elem);
        for (i, v) in values.into_iter().enumerate() {
            let ptr = Ptr {
                alloc: base.alloc,
                off: base.off + (first + i as u64) * esize,
            };
            self.store(ptr, elem, v)?;
        }
        Ok(())
    }

    /// `runtime.moveSlice`: a slice whose backing store is in a frame is
    /// copied to the heap (keeping its capacity, or with the size class of
    /// its length when the capacity is never observed).
    pub fn move_slice_to_heap(&mut self, s: V, elem: TypeId, keep_cap: bool, site: SiteIx) -> R<V> {
        let V::Slice(old) = s else { return Ok(s) };
        let on_stack = self
            .alloc(old.ptr.alloc)
            .is_some_and(|a| matches!(a.home, Home::StackSite { .. } | Home::Frame { .. }));
        let esize = self.prog.types.size_of(elem);
        if !on_stack || esize == 0 || old.cap == 0 {
            return Ok(V::Slice(old));
        }
        let noscan = !self.prog.types.has_pointers(elem);
        let (copied, cap) = if keep_cap {
            (old.cap, old.cap)
        } else {
            (old.len, size_class(old.len * esize, noscan) / esize)
        };
        let items = self.slice_elems(&V::Slice(SliceV { len: copied, ..old }), elem)?;
        let ns = self.make_slice_heap(elem, cap, Some(site))?;
        self.store_elems(ns.ptr, 0, elem, items)?;
        Ok(V::Slice(SliceV {
            ptr: ns.ptr,
            len: old.len,
            cap,
        }))
    }

    fn make_slice_heap(&mut self, elem: TypeId, cap: u64, site: Option<SiteIx>) -> R<SliceV> {
        let val = if is_byte(&self.prog.types, elem) {
            V::Bytes(ByteArr::zeroed(cap as usize))
        } else {
            let z = self.zero(elem);
            V::Agg(vec![z; cap as usize].into_boxed_slice())
        };
        let size = self.prog.types.size_of(elem).saturating_mul(cap);
        let hp = self.prog.types.has_pointers(elem);
        let p = self.heap_alloc_raw(
            Layout::Array { elem, len: cap },
            elem,
            val,
            size,
            hp,
            site,
            Extra::None,
        )?;
        Ok(SliceV {
            ptr: p,
            len: cap,
            cap,
        })
    }

    pub fn copy_slices(&mut self, dst: V, src: V, esize: u64) -> R<u64> {
        let V::Slice(d) = dst else { return Ok(0) };
        let elem_ty = self.slice_elem_type(d.ptr.alloc);
        let items = match &src {
            V::Str(b) => b.iter().map(|x| V::Int(*x as i64)).collect(),
            _ => self.slice_elems(&src, elem_ty)?,
        };
        let n = (d.len as usize).min(items.len());
        for (i, v) in items.into_iter().take(n).enumerate() {
            self.store(
                Ptr {
                    alloc: d.ptr.alloc,
                    off: d.ptr.off + i as u64 * esize,
                },
                elem_ty,
                v,
            )?;
        }
        Ok(n as u64)
    }

    pub fn slice_elem_type(&self, a: AllocId) -> TypeId {
        match self.alloc(a).map(|a| &a.layout) {
            Some(Layout::Array { elem, .. }) => *elem,
            Some(Layout::Typed(t)) => match self.prog.types.under(*t) {
                Type::Array { elem, .. } => *elem,
                _ => *t,
            },
            _ => TypeId(0),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn slice_of(
        &mut self,
        gi: usize,
        kind: u8,
        base: V,
        lo: i64,
        hi: Option<i64>,
        mx: Option<i64>,
        esize: u64,
        alen: u64,
    ) -> R<()> {
        match kind {
            0 => {
                let s = base.str();
                let len = s.len() as i64;
                let h = hi.unwrap_or(len);
                if h < 0 || h > len {
                    return Err(rt_error(format!(
                        "slice bounds out of range [:{h}] with length {len}"
                    )));
                }
                if lo < 0 || lo > h {
                    return Err(rt_error(format!("slice bounds out of range [{lo}:{h}]")));
                }
                let r = V::bytes_str(&s[lo as usize..h as usize]);
                self.gs[gi].stack.push(r);
            }
            _ => {
                let (ptr, len, cap) = match (kind, &base) {
                    (1, V::Slice(s)) => (s.ptr, s.len as i64, s.cap as i64),
                    (1, _) => (NIL_PTR, 0, 0),
                    (_, V::Ptr(p)) => (*p, alen as i64, alen as i64),
                    _ => return Err(nil_deref()),
                };
                let h = hi.unwrap_or(len);
                let m = mx.unwrap_or(cap);
                let what = if kind == 1 { "capacity" } else { "length" };
                if m < 0 || m > cap {
                    return Err(rt_error(format!(
                        "slice bounds out of range [::{m}] with {what} {cap}"
                    )));
                }
                if h < 0 || h > m {
                    if mx.is_some() {
                        return Err(rt_error(format!("slice bounds out of range [:{h}:{m}]")));
                    }
                    return Err(rt_error(format!(
                        "slice bounds out of range [:{h}] with {what} {cap}"
                    )));
                }
                if lo < 0 || lo > h {
                    return Err(rt_error(format!("slice bounds out of range [{lo}:{h}]")));
                }
                let r = if ptr == NIL_PTR {
                    V::Nil
                } else {
                    V::Slice(SliceV {
                        ptr: Ptr {
                            alloc: ptr.alloc,
                            off: ptr.off + lo as u64 * esize,
                        },
                        len: (h - lo) as u64,
                        cap: (m - lo) as u64,
                    })
                };
                self.gs[gi].stack.push(r);
            }
        }
        Ok(())
    }

    // ----- maps --------------------------------------------------------

    pub fn new_map(&mut self, gi: usize, ty: TypeId, site: Option<SiteIx>) -> R<AllocId> {
        let p = match site {
            Some(s) => self.allocate_in(gi, Layout::Typed(ty), ty, V::Nil, s)?,
            None => {
                self.heap_alloc_raw(Layout::Typed(ty), ty, V::Nil, 48, true, None, Extra::None)?
            }
        };
        if let Some(a) = self.alloc_mut_pub(p.alloc) {
            a.extra = Extra::Map(Box::default());
            if a.size < 48 {
                a.size = 48;
            }
        }
        Ok(p.alloc)
    }

    pub fn map_get(&self, a: AllocId, k: &V) -> Option<V> {
        match self.alloc(a).map(|a| &a.extra) {
            Some(Extra::Map(m)) => {
                let i = *m.index.get(&key_of(k))?;
                m.entries
                    .get(i)
                    .and_then(|e| e.as_ref())
                    .map(|(_, v)| v.clone())
            }
            _ => None,
        }
    }

    pub fn map_set(&mut self, a: AllocId, k: V, v: V) -> R<()> {
        if let V::Iface(i) = &k {
            if matches!(
                self.prog.types.under(i.ty),
                Type::Slice(_) | Type::Map { .. } | Type::Func(_)
            ) {
                let t = super::fmt::type_name(self, i.ty);
                return Err(rt_error(format!("hash of unhashable type {t}")));
            }
        }
        self.rec.touch(a);
        if let Some(Home::Frame { g } | Home::StackSite { g, .. }) =
            self.alloc(a).map(|x| x.home.clone())
        {
            if let Some(g) = self.gs.get_mut(g as usize) {
                g.dirty = true;
            }
        }
        if let Some(Extra::Map(m)) = self.alloc_mut_pub(a).map(|a| &mut a.extra) {
            let key = key_of(&k);
            match m.index.get(&key) {
                Some(&i) => m.entries[i] = Some((k, v)),
                None => {
                    m.index.insert(key, m.entries.len());
                    m.entries.push(Some((k, v)));
                    m.len += 1;
                }
            }
        }
        Ok(())
    }

    pub fn map_delete(&mut self, a: AllocId, k: &V) {
        self.rec.touch(a);
        if let Some(Extra::Map(m)) = self.alloc_mut_pub(a).map(|a| &mut a.extra) {
            if let Some(i) = m.index.remove(&key_of(k)) {
                m.entries[i] = None;
                m.len -= 1;
            }
        }
    }

    /// Map entries in insertion order.
    pub fn map_entries(&self, a: AllocId) -> Vec<(V, V)> {
        match self.alloc(a).map(|a| &a.extra) {
            Some(Extra::Map(m)) => m.entries.iter().flatten().cloned().collect(),
            _ => vec![],
        }
    }

    // ----- channels ----------------------------------------------------

    pub fn new_chan(&mut self, ty: TypeId, n: u64) -> R<AllocId> {
        let elem = match self.prog.types.under(ty) {
            Type::Chan { elem, .. } => *elem,
            _ => TypeId(0),
        };
        let size = 96 + self.prog.types.size_of(elem) * n;
        let extra = Extra::Chan(Box::new(ChanData {
            elem,
            cap: n,
            buf: Default::default(),
            closed: false,
            recvq: Default::default(),
            sendq: Default::default(),
        }));
        let p = self.heap_alloc_raw(Layout::Typed(ty), ty, V::Nil, size, true, None, extra)?;
        Ok(p.alloc)
    }

    fn chan_mut(&mut self, a: AllocId) -> Option<&mut ChanData> {
        self.rec.touch(a);
        match self.alloc_mut_pub(a).map(|a| &mut a.extra) {
            Some(Extra::Chan(c)) => Some(c),
            _ => None,
        }
    }

    pub fn chan_send(&mut self, gi: usize, ch: &V, v: V) -> R<()> {
        if self.gs[gi].wake.take().is_some() {
            return Ok(());
        }
        let V::Chan(a) = ch else {
            return Err(Flow::Block("chan send (nil chan)"));
        };
        let a = *a;
        let Some(c) = self.chan_mut(a) else {
            return Ok(());
        };
        if c.closed {
            c.sendq.retain(|(g, _)| *g as usize != gi);
            return Err(Flow::Panic(super::exec::plain_error(
                "send on closed channel",
            )));
        }
        if let Some(r) = c.recvq.pop_front() {
            self.gs[r as usize].wake = Some(vec![v, V::Bool(true)]);
            self.ready(r as usize);
            return Ok(());
        }
        if (c.buf.len() as u64) < c.cap {
            c.buf.push_back(v);
            return Ok(());
        }
        c.sendq.retain(|(g, _)| *g as usize != gi);
        c.sendq.push_back((gi as u32, v));
        Err(Flow::Block("chan send"))
    }

    pub fn chan_recv(&mut self, gi: usize, ch: &V, elem: TypeId) -> R<(V, bool)> {
        if let Some(vals) = self.gs[gi].wake.take() {
            let mut it = vals.into_iter();
            let v = it.next().unwrap_or_default();
            let ok = it.next().map(|b| b.bool()).unwrap_or(false);
            return Ok((v, ok));
        }
        let V::Chan(a) = ch else {
            return Err(Flow::Block("chan receive (nil chan)"));
        };
        let a = *a;
        let z = self.zero(elem);
        let Some(c) = self.chan_mut(a) else {
            return Ok((z, false));
        };
        if let Some(v) = c.buf.pop_front() {
            if let Some((g, sv)) = c.sendq.pop_front() {
                c.buf.push_back(sv);
                self.gs[g as usize].wake = Some(vec![]);
                self.ready(g as usize);
            }
            return Ok((v, true));
        }
        if let Some((g, sv)) = c.sendq.pop_front() {
            self.gs[g as usize].wake = Some(vec![]);
            self.ready(g as usize);
            return Ok((sv, true));
        }
        if c.closed {
            return Ok((z, false));
        }
        if !c.recvq.contains(&(gi as u32)) {
            c.recvq.push_back(gi as u32);
        }
        Err(Flow::Block("chan receive"))
    }

    pub fn chan_close(&mut self, ch: &V) -> R<()> {
        let V::Chan(a) = ch else {
            return Err(Flow::Panic(super::exec::plain_error(
                "close of nil channel",
            )));
        };
        let a = *a;
        let Some(c) = self.chan_mut(a) else {
            return Ok(());
        };
        if c.closed {
            return Err(Flow::Panic(super::exec::plain_error(
                "close of closed channel",
            )));
        }
        c.closed = true;
        let elem = c.elem;
        let recvs: Vec<u32> = c.recvq.drain(..).collect();
        let sends: Vec<u32> = c.sendq.iter().map(|(g, _)| *g).collect();
        for r in recvs {
            let z = self.zero(elem);
            self.gs[r as usize].wake = Some(vec![z, V::Bool(false)]);
            self.ready(r as usize);
        }
        for s in sends {
            self.ready(s as usize);
        }
        Ok(())
    }

    fn chan_ready(&self, ch: &V, send: bool) -> bool {
        let V::Chan(a) = ch else { return false };
        match self.alloc(*a).map(|a| &a.extra) {
            Some(Extra::Chan(c)) => {
                if send {
                    c.closed || !c.recvq.is_empty() || (c.buf.len() as u64) < c.cap
                } else {
                    !c.buf.is_empty() || !c.sendq.is_empty() || c.closed
                }
            }
            _ => false,
        }
    }

    /// `select`: the first ready case in source order, else default, else
    /// park (the op is retried when the scheduler polls).
    pub fn select(&mut self, gi: usize, cases: &Rc<[SelCase]>) -> R<()> {
        let nops: usize = cases
            .iter()
            .map(|c| match c.kind {
                1 => 2,
                2 => 1,
                _ => 0,
            })
            .sum();
        let ops = {
            let st = &mut self.gs[gi].stack;
            let at = st.len().saturating_sub(nops);
            st.split_off(at)
        };
        let mut k = 0;
        let mut default = None;
        let mut chosen = None;
        for (i, c) in cases.iter().enumerate() {
            match c.kind {
                0 => default = Some(i),
                1 => {
                    if chosen.is_none() && self.chan_ready(&ops[k], true) {
                        chosen = Some((i, k));
                    }
                    k += 2;
                }
                _ => {
                    if chosen.is_none() && self.chan_ready(&ops[k], false) {
                        chosen = Some((i, k));
                    }
                    k += 1;
                }
            }
        }
        match (chosen, default) {
            (Some((i, k)), _) => {
                let c = &cases[i];
                if c.kind == 1 {
                    self.chan_send(gi, &ops[k], ops[k + 1].clone())?;
                    self.gs[gi]
                        .stack
                        .extend([V::Nil, V::Bool(false), V::Int(i as i64)]);
                } else {
                    let (v, ok) = self.chan_recv(gi, &ops[k], c.elem)?;
                    self.gs[gi].stack.extend([v, V::Bool(ok), V::Int(i as i64)]);
                }
                Ok(())
            }
            (None, Some(d)) => {
                self.gs[gi]
                    .stack
                    .extend([V::Nil, V::Bool(false), V::Int(d as i64)]);
                Ok(())
            }
            (None, None) => {
                self.gs[gi].stack.extend(ops);
                Err(Flow::Block(if cases.is_empty() {
                    "select (no cases)"
                } else {
                    "select"
                }))
            }
        }
    }

    // ----- the garbage collector ----------------------------------------

    /// One full cycle: mark from the roots (globals, every goroutine's
    /// frames, operand stacks, defers and panics), sweep the rest, and set
    /// the next goal (GOGC=100: twice the live heap, at least 4 MB).
    pub fn gc(&mut self) {
        let cycle = self.n.gc_cycles + 1;
        if self.opts.record && !self.rec.detailed() {
            let gi = self.cur;
            let span = self
                .gs
                .get(gi)
                .and_then(|g| g.frames.last())
                .map(|f| f.span)
                .unwrap_or_default();
            let mut rec = std::mem::take(&mut self.rec);
            rec.promote_gc(self, gi, span);
            self.rec = rec;
        }
        let detailed = self.rec.active();
        if detailed {
            self.rec.event(Event::GcStart {
                cycle,
                live_bytes: self.n.live_bytes,
                goal: self.heap_goal,
            });
        }
        let mut work: Vec<AllocId> = vec![self.globals];
        let mut vals: Vec<V> = self.pins.clone();
        for g in &self.gs {
            if g.state == GState::Exited {
                continue;
            }
            for f in &g.frames {
                work.push(f.alloc);
                work.extend(f.sites.iter().copied());
                for d in &f.defers {
                    vals.extend(d.args.iter().cloned());
                    if let Some(c) = &d.callee {
                        vals.push(c.clone());
                    }
                }
            }
            vals.extend(g.stack.iter().cloned());
            for p in &g.panics {
                vals.push(p.val.clone());
            }
            if let Some(w) = &g.wake {
                vals.extend(w.iter().cloned());
            }
        }
        for v in &vals {
            children(v, &mut work);
        }
        let mut visited: Vec<AllocId> = Vec::new();
        let mut marked: Vec<AllocId> = Vec::new();
        while let Some(id) = work.pop() {
            let Some(Some(a)) = self.allocs.get_mut(id as usize) else {
                continue;
            };
            if a.marked {
                continue;
            }
            a.marked = true;
            visited.push(id);
            if a.home == Home::Heap {
                marked.push(id);
            }
            children(&a.val, &mut work);
            match &a.extra {
                Extra::Map(m) => {
                    for (k, v) in m.entries.iter().flatten() {
                        children(k, &mut work);
                        children(v, &mut work);
                    }
                }
                Extra::Chan(c) => {
                    for v in &c.buf {
                        children(v, &mut work);
                    }
                    for (_, v) in &c.sendq {
                        children(v, &mut work);
                    }
                }
                Extra::None => {}
            }
        }
        let mut freed = Vec::new();
        let mut freed_bytes = 0;
        let live = std::mem::take(&mut self.heap_live);
        for id in live {
            let keep = match self.allocs.get(id as usize) {
                Some(Some(a)) => a.marked,
                _ => continue,
            };
            if keep {
                self.heap_live.push(id);
            } else if let Some(slot) = self.allocs.get_mut(id as usize) {
                if let Some(a) = slot.take() {
                    self.space.free(a.class, a.addr);
                    freed_bytes += a.class;
                    self.n.live_bytes -= a.class.min(self.n.live_bytes);
                    self.n.live_objects = self.n.live_objects.saturating_sub(1);
                    freed.push(id);
                }
            }
        }
        for id in visited {
            if let Some(Some(a)) = self.allocs.get_mut(id as usize) {
                a.marked = false;
            }
        }
        self.space.settle();
        self.heap_goal = (self.n.live_bytes * 2).max(MIN_HEAP);
        self.n.gc_cycles = cycle;
        self.n.next_gc = self.heap_goal;
        self.rec.freed(&freed);
        if detailed {
            crate::sort::ascending(&mut marked);
            self.rec.event(Event::GcMark {
                cycle,
                marked: marked.into_iter().map(crate::trace::ObjectId).collect(),
            });
            self.rec.event(Event::GcSweep {
                cycle,
                freed: freed.into_iter().map(crate::trace::ObjectId).collect(),
                freed_bytes,
                next_goal: self.heap_goal,
            });
        }
    }
}
