//! The full picture of memory at one step: what the page draws.
//!
//! Every id here is stable for the whole trace and never reused, so the
//! view can key its boxes by id and animate them from step to step.

use serde::{Deserialize, Serialize};

/// A goroutine, numbered as the Go runtime numbers them (`main` is 1).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct GoroutineId(pub u32);

/// One activation of a function; never reused, even when a later call
/// lands on the same stack bytes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct FrameId(pub u32);

/// One allocation: a stack slot, a heap object or a global. Pointers name
/// their target by this id plus a byte offset.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct ObjectId(pub u32);

/// Where a source construct is: Go's line:column plus the byte range the
/// editor highlights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    pub line: u32,
    pub col: u32,
    pub start: u32,
    pub end: u32,
}

/// Everything in memory at one step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The step this snapshot belongs to (the machine's step number).
    pub step: u64,
    /// Package-level variables (the GC's other roots).
    pub globals: Vec<Slot>,
    /// Every goroutine ever started, in id order; exited ones stay with
    /// state `Exited` so the view can fade them.
    pub goroutines: Vec<Goroutine>,
    /// Heap objects in id order, including swept ones (`state: Freed`)
    /// until the end of the GC cycle that freed them.
    pub heap: Vec<HeapObject>,
}

/// Why a goroutine cannot run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum GoroutineState {
    Running,
    Runnable,
    /// Waiting, with the runtime's wait reason (`chan receive`,
    /// `chan send`, `select`, `sync.WaitGroup.Wait`, `sync.Mutex.Lock`).
    Blocked {
        reason: String,
    },
    Exited,
}

/// One goroutine and its stack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goroutine {
    pub id: GoroutineId,
    /// The function it was started with (`main.main`, `main.worker`).
    pub func: String,
    #[serde(flatten)]
    pub state: GoroutineState,
    pub stack: Stack,
    /// Frames from the bottom of the stack (the goroutine's first call) to
    /// the top, followed by returned frames whose bytes are not yet reused
    /// (`valid: false`), so the view can grey them in place.
    pub frames: Vec<Frame>,
    /// Live frames left out of `frames` in a very deep stack (runaway
    /// recursion): the bottom few and the top ones are kept, the middle
    /// is counted here.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hidden_frames: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A goroutine's contiguous stack. Go stacks grow downwards: `hi` is the
/// base, `sp` the current top, `hi - size` the limit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stack {
    /// Address one past the highest byte.
    pub hi: u64,
    /// Bytes reserved (2,048 at start, doubled on growth).
    pub size: u64,
    /// The stack pointer.
    pub sp: u64,
    /// Bytes in use: `hi - sp`.
    pub used: u64,
}

/// One function activation on a stack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub id: FrameId,
    /// gc's name: `main.makeCar`, `main.(*Car).Drive`, `main.main.func1`.
    pub func: String,
    /// Lowest address of the frame (its stack pointer while it runs).
    pub addr: u64,
    pub size: u64,
    /// False once the function returned: the bytes are still there but
    /// nothing may use them.
    pub valid: bool,
    /// The statement the frame is executing (or, for callers, the call).
    pub span: SourceSpan,
    /// Locals, parameters and results, plus the stack homes of
    /// allocations the analysis kept in the frame, in offset order.
    pub slots: Vec<Slot>,
}

/// A named place in a frame or among the globals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    /// The variable's name; `&x` when `x` was moved to the heap (the slot
    /// then holds the pointer), or the allocation's source text
    /// (`make([]byte, 4096)`) for a stack-allocated backing store.
    pub name: String,
    /// The allocation pointers to this slot name.
    pub object: ObjectId,
    /// Address of its first byte.
    pub addr: u64,
    /// Byte offset inside the frame (0 for globals).
    pub offset: u64,
    pub size: u64,
    /// In Go syntax.
    #[serde(rename = "type")]
    pub ty: String,
    pub value: Value,
}

/// Whether a heap object is still in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectState {
    /// Allocated and not (yet) found unreachable.
    Live,
    /// Reached from a root in the GC cycle now marking.
    Marked,
    /// Reclaimed by a sweep: kept one step so the view can fade it.
    Freed,
}

/// A heap object: the picture's bubble.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeapObject {
    pub id: ObjectId,
    /// Go-style address (`0xc000012000`), deterministic.
    pub addr: u64,
    #[serde(rename = "type")]
    pub ty: String,
    /// Bytes requested.
    pub size: u64,
    /// Bytes the runtime really takes: the malloc size class (or whole
    /// pages for large objects).
    pub size_class: u64,
    /// The escape analysis's verdict, in the compiler's words
    /// (`make([]byte, 4096) escapes to heap`, `moved to heap: myCar`);
    /// runtime-internal objects (map buckets, channels, goroutine
    /// records) say what they are.
    pub reason: String,
    /// The compiler's flow chain explaining the escape, one line per flow
    /// (`~r0 = &myCar (return) at 21:9`); empty when there is none.
    pub flow: Vec<String>,
    /// Where it was allocated.
    pub site: SourceSpan,
    /// The step that allocated it.
    pub born: u64,
    pub state: ObjectState,
    pub value: Value,
}

/// A value as the view shows it. Long values are abbreviated here, in the
/// core, never in the view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    /// Numbers, booleans, runes: already formatted as Go's `%v` would.
    Scalar {
        text: String,
    },
    /// A string, Go-quoted, cut after a limit (`truncated` says so).
    Str {
        text: String,
        len: u64,
        truncated: bool,
    },
    /// A nil pointer, slice, map, channel, func or interface.
    Nil,
    Pointer(Pointer),
    Slice {
        ptr: Option<Pointer>,
        len: u64,
        cap: u64,
    },
    Struct {
        fields: Vec<FieldValue>,
    },
    /// Elements, cut after a limit: `more` counts the elements not shown.
    Array {
        elems: Vec<Value>,
        more: u64,
    },
    /// A map header: points at the runtime's map object.
    Map {
        target: ObjectId,
        addr: u64,
        len: u64,
    },
    /// A channel: points at the runtime's `hchan` object.
    Chan {
        target: ObjectId,
        addr: u64,
    },
    /// A func value: the function's name, and its closure record when it
    /// has one.
    Func {
        name: String,
        closure: Option<Pointer>,
    },
    /// An interface: dynamic type and value (boxed values point at their
    /// heap copy through `value`).
    Iface {
        dyn_type: String,
        value: Box<Value>,
    },
    /// Map contents (in a map object): key/value pairs in Go's print order.
    Entries {
        entries: Vec<(Value, Value)>,
        more: u64,
    },
    /// Anything else, described in words (channel buffers, closure records).
    Opaque {
        text: String,
    },
}

/// A struct field's name and value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldValue {
    pub name: String,
    pub value: Value,
}

/// A pointer: an allocation plus a byte offset, and the address that makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pointer {
    pub target: ObjectId,
    pub offset: u64,
    pub addr: u64,
}
