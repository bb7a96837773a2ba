//! Runtime values: what a slot, a heap object or the operand stack holds.
//!
//! Values are copied on assignment as in Go (cloning a [`V`] copies a
//! struct or array deeply; strings, interface boxes and func values share
//! immutable data behind `Rc`). Pointers are an allocation id plus a byte
//! offset, never host addresses.

use crate::ir::{FuncId, TypeId};
use std::rc::Rc;

/// An allocation's id: the trace's `ObjectId`.
pub type AllocId = u32;

/// A pointer: allocation plus byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ptr {
    pub alloc: AllocId,
    pub off: u64,
}

/// A slice header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceV {
    pub ptr: Ptr,
    pub len: u64,
    pub cap: u64,
}

/// What calling a func value runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Callable {
    /// A top-level or standard-library function.
    Func(FuncId),
    /// A function literal; its captures are in the closure record.
    Closure(FuncId),
    /// A method value `x.M`: the record holds the receiver.
    Bound(FuncId),
    /// A method value of an interface `i.M`: the record holds `i`.
    BoundIface(Rc<str>),
    /// A method expression `T.M`: the receiver is the first argument.
    MethodExpr(FuncId),
    /// `I.M` of an interface type: the receiver is the first argument.
    IfaceMethodExpr(Rc<str>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncV {
    pub call: Callable,
    /// The closure record (captures or bound receiver), if any.
    pub env: Option<Ptr>,
}

/// A non-nil interface value: dynamic type and a copy of the value.
/// `boxed` is the heap (or stack) object the conversion allocated, kept
/// so the GC and the picture see it.
#[derive(Clone, Debug, PartialEq)]
pub struct IfaceV {
    pub ty: TypeId,
    pub val: V,
    pub boxed: Option<AllocId>,
}

/// One Go value.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum V {
    /// The zero pointer, slice, map, chan, func or interface.
    #[default]
    Nil,
    Bool(bool),
    /// Every integer type, kept normalised to its width (unsigned values
    /// as their bit pattern).
    Int(i64),
    Float(f64),
    /// complex64 (parts rounded to float32) and complex128.
    Complex(f64, f64),
    /// Strings are immutable bytes (not necessarily UTF-8).
    Str(Rc<[u8]>),
    Ptr(Ptr),
    Slice(SliceV),
    /// Struct fields or array elements.
    Agg(Box<[V]>),
    /// A byte array, compactly (zeros past the written prefix are implicit,
    /// so a fresh 4 KiB buffer costs nothing until written).
    Bytes(ByteArr),
    Map(AllocId),
    Chan(AllocId),
    Func(Rc<FuncV>),
    Iface(Rc<IfaceV>),
    /// Map keys captured by a `range` (hidden iteration state).
    Keys(Rc<Vec<V>>),
}

impl V {
    pub fn int(&self) -> i64 {
        match self {
            V::Int(i) => *i,
            V::Float(f) => *f as i64,
            V::Bool(b) => *b as i64,
            _ => 0,
        }
    }

    pub fn float(&self) -> f64 {
        match self {
            V::Float(f) => *f,
            V::Int(i) => *i as f64,
            _ => 0.0,
        }
    }

    pub fn complex(&self) -> (f64, f64) {
        match self {
            V::Complex(re, im) => (*re, *im),
            other => (other.float(), 0.0),
        }
    }

    pub fn bool(&self) -> bool {
        matches!(self, V::Bool(true))
    }

    pub fn str(&self) -> &[u8] {
        match self {
            V::Str(s) => s,
            _ => b"",
        }
    }

    pub fn string(s: &str) -> V {
        V::Str(Rc::from(s.as_bytes()))
    }

    pub fn bytes_str(s: &[u8]) -> V {
        V::Str(Rc::from(s))
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, V::Nil)
    }
}

/// A byte array of `len` bytes whose bytes past `data` are zero. The
/// written bytes are shared copy-on-write: copying a 4 KiB buffer value
/// (a replayed call, a snapshot) costs a reference count, not 4 KiB.
#[derive(Clone, Debug, Default)]
pub struct ByteArr {
    data: Rc<Vec<u8>>,
    len: usize,
}

impl PartialEq for ByteArr {
    fn eq(&self, other: &Self) -> bool {
        if self.len != other.len {
            return false;
        }
        // Equal up to the shorter written prefix, zeros past it.
        let (short, long) = if self.data.len() <= other.data.len() {
            (&self.data, &other.data)
        } else {
            (&other.data, &self.data)
        };
        long[..short.len()] == short[..] && long[short.len()..].iter().all(|&b| b == 0)
    }
}

impl ByteArr {
    pub fn zeroed(len: usize) -> Self {
        ByteArr {
            data: Rc::new(Vec::new()),
            len,
        }
    }

    pub fn from_vec(data: Vec<u8>) -> Self {
        let len = data.len();
        ByteArr {
            data: Rc::new(data),
            len,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<u8> {
        if i >= self.len {
            None
        } else {
            Some(self.data.get(i).copied().unwrap_or(0))
        }
    }

    pub fn get_mut(&mut self, i: usize) -> Option<&mut u8> {
        if i >= self.len {
            return None;
        }
        let data = Rc::make_mut(&mut self.data);
        if i >= data.len() {
            data.resize(i + 1, 0);
        }
        data.get_mut(i)
    }

    pub fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        self.data
            .iter()
            .copied()
            .chain(std::iter::repeat_n(0, self.len - self.data.len()))
    }

    /// Bytes `start..end` (clamped).
    pub fn range(&self, start: usize, end: usize) -> Vec<u8> {
        let end = end.min(self.len);
        let start = start.min(end);
        (start..end)
            .map(|i| self.data.get(i).copied().unwrap_or(0))
            .collect()
    }

    /// Copies `src` to the start of the array.
    pub fn write_at(&mut self, at: usize, src: &[u8]) {
        let end = (at + src.len()).min(self.len);
        if at >= end {
            return;
        }
        let data = Rc::make_mut(&mut self.data);
        if end > data.len() {
            data.resize(end, 0);
        }
        data[at..end].copy_from_slice(&src[..end - at]);
    }
}
