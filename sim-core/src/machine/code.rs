//! The machine's instruction set: each function's body lowered from the
//! IR to a flat list of stack-machine operations.
//!
//! Why a flat list: calls, blocking channel operations and panics must be
//! able to suspend a goroutine in the middle of an expression and resume it
//! later without host recursion, so every goroutine is just a stack of
//! frames, each with a program counter and an operand stack.

use super::value::V;
use crate::ir::{BinaryOp, Builtin, FuncId, Span, TypeId, UnaryOp, VarId};
use std::rc::Rc;

/// An index into [`Program`](super::compile::Compiled)'s allocation-site table.
pub type SiteIx = u32;

/// What a call calls (resolved at compile time where possible).
#[derive(Clone, Debug)]
pub enum Target {
    /// A function with a body.
    User(FuncId),
    /// A standard-library function or method, run natively.
    Std(FuncId),
    /// A builtin, with the type it needs (`append`'s element, ...).
    Builtin(Builtin, TypeId),
    /// A func value, below the arguments on the operand stack.
    Value,
    /// An interface method: the receiver interface is the first argument.
    Iface(Rc<str>),
}

/// How a slot's variable is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// The slot holds the value.
    Direct,
    /// The slot holds a pointer to the value (moved to heap, or captured
    /// by reference).
    Indirect,
}

/// One slot of a frame.
#[derive(Clone, Debug)]
pub struct SlotInfo {
    pub name: String,
    /// The type of what the slot holds (`*T` for indirect slots).
    pub ty: TypeId,
    /// The variable's own type.
    pub var_ty: TypeId,
    pub off: u64,
    pub size: u64,
    pub access: Access,
    pub var: Option<VarId>,
    /// Compiler temporaries: not drawn.
    pub hidden: bool,
    /// The variable was moved to the heap (its slot holds `&x`).
    pub moved: bool,
}

/// A frame's layout, fixed per function.
#[derive(Clone, Debug, Default)]
pub struct FrameLayout {
    pub slots: Vec<SlotInfo>,
    /// Bytes, including the return address and saved frame pointer.
    pub size: u64,
}

/// Bytes gc's amd64 frames spend on the return address and frame pointer.
pub const FRAME_OVERHEAD: u64 = 16;

/// A compiled function.
#[derive(Debug)]
pub struct FuncCode {
    pub func: FuncId,
    pub name: String,
    pub ops: Vec<Op>,
    pub layout: FrameLayout,
    /// Slots receiving the receiver (if any) and parameters, in order.
    pub param_slots: Vec<u32>,
    pub result_slots: Vec<u32>,
    /// Slots receiving captured variables from the closure record.
    pub capture_slots: Vec<u32>,
    /// Parameters/results moved to the heap: (slot, site).
    pub entry_sites: Vec<(u32, SiteIx)>,
    pub span: Span,
}

/// Where `New`/`MakeSlice`/... allocate: the analysis's verdict.
#[derive(Clone, Debug)]
pub struct AllocSite {
    pub heap: bool,
    /// Slot in the frame when kept on the stack (reused per execution).
    pub slot: Option<u32>,
    pub text: Rc<str>,
    pub reason: Rc<str>,
    pub flow: Rc<[String]>,
    pub span: Span,
    /// An append kept in the frame by gc's slice pass only until the slice
    /// moves to the heap (its escape verdict still says heap).
    pub until_moved: bool,
}

/// A select case, compiled.
#[derive(Clone, Debug)]
pub struct SelCase {
    /// 0 = default, 1 = send, 2 = recv.
    pub kind: u8,
    pub comma_ok: bool,
    pub elem: TypeId,
}

/// Number kinds arithmetic dispatches on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Num {
    Int {
        bits: u32,
        signed: bool,
    },
    Float(u32),
    Complex(u32),
    Str,
    Bool,
    /// Comparison of anything else (pointers, structs, interfaces, ...).
    Other(TypeId),
}

#[derive(Clone, Debug)]
pub enum Op {
    /// A statement boundary: ends the previous step.
    Step(Span),
    Push(V),
    Zero(TypeId),
    Pop,
    Dup,
    Local(u32),
    SetLocal(u32),
    LocalAddr(u32),
    Global(u32),
    GlobalAddr(u32),
    /// Pop a pointer, push what it points at.
    Load(TypeId),
    /// Pop a value and a pointer (pushed first), store.
    Store(TypeId),
    NilCheck,
    FieldAddr(u64),
    Field(u32),
    /// Pop index, pop slice; push element pointer.
    SliceIndexAddr {
        esize: u64,
    },
    /// Pop index, pop array pointer; push element pointer.
    ArrayIndexAddr {
        len: u64,
        esize: u64,
    },
    /// Pop index, pop array value; push element.
    ArrayIndex {
        len: u64,
        byte: bool,
    },
    StrIndex,
    /// `a[lo:hi:max]` over a slice, string, or array pointer.
    SliceOf {
        kind: u8,
        low: bool,
        high: bool,
        max: bool,
        esize: u64,
        len: u64,
    },
    Unary(UnaryOp, Num),
    Binary(BinaryOp, Num),
    Convert {
        from: TypeId,
        to: TypeId,
    },
    Jump(u32),
    JumpIf(u32),
    JumpIfNot(u32),
    /// Peek-based jumps for `&&`/`||`: jump keeping the value, else pop.
    JumpIfKeep(u32),
    JumpIfNotKeep(u32),
    Call {
        target: Target,
        nargs: u32,
        nres: u32,
        spread: bool,
    },
    Defer {
        target: Target,
        nargs: u32,
        spread: bool,
    },
    Go {
        target: Target,
        nargs: u32,
        spread: bool,
    },
    Return,
    /// `panic`-free end of a function without `return`.
    End,
    New {
        ty: TypeId,
        site: SiteIx,
    },
    /// Pop the value, allocate it (heap or frame) and push a pointer.
    Alloc {
        ty: TypeId,
        site: SiteIx,
    },
    MakeSlice {
        elem: TypeId,
        site: SiteIx,
        cap: bool,
    },
    MakeMap {
        ty: TypeId,
        site: SiteIx,
    },
    MakeChan {
        ty: TypeId,
        size: bool,
    },
    /// Pop n values; push a struct/array value.
    MkAgg {
        n: u32,
        byte: bool,
    },
    /// Pop n values; allocate a backing array; push the slice.
    SliceLit {
        elem: TypeId,
        n: u32,
        site: SiteIx,
    },
    /// Pop 2n values (k, v); push a new map.
    MapLit {
        ty: TypeId,
        n: u32,
        site: SiteIx,
    },
    /// Set element `i` of the aggregate under the top value (for keyed
    /// composite literals): pop v, then agg[i] = v.
    SetElem(u32),
    /// Pop n captures; allocate the closure record; push the func value.
    Closure {
        func: FuncId,
        n: u32,
        site: Option<SiteIx>,
    },
    MethodValue {
        func: FuncId,
        site: Option<SiteIx>,
    },
    IfaceMethodValue {
        name: Rc<str>,
        site: Option<SiteIx>,
    },
    FuncVal(FuncId),
    MethodExpr(FuncId),
    IfaceMethodExpr(Rc<str>),
    /// Pop a value of dynamic type `ty`; push an interface.
    Box {
        ty: TypeId,
        site: Option<SiteIx>,
    },
    TypeAssert {
        ty: TypeId,
        comma_ok: bool,
    },
    /// Pop an interface; push whether its dynamic type is `ty` (`None`
    /// = nil).
    TypeIs(Option<TypeId>),
    MapGet {
        ty: TypeId,
        comma_ok: bool,
    },
    /// Pop value, key, map.
    MapSet {
        ty: TypeId,
    },
    Recv {
        comma_ok: bool,
        elem: TypeId,
    },
    Send,
    /// Pop each case's operands; push chosen index (and received values).
    Select(Rc<[SelCase]>),
    Len,
    Cap,
    Append {
        elem: TypeId,
        n: u32,
        spread: bool,
        site: Option<SiteIx>,
        /// gc's slice pass chose this append and its capacity is observed:
        /// grow one size class at a time inside the 32-byte stack buffer
        /// (`runtime.growsliceBuf`).
        grow_in_buffer: bool,
    },
    /// Pop a complex number; push its real or imaginary part.
    ComplexPart {
        imag: bool,
    },
    /// Pop the imaginary then the real part; push the complex number.
    MakeComplex,
    /// Pop a slice; push it, copied to the heap if its backing store is
    /// on the stack (`runtime.moveSlice`, or `moveSliceNoCap` when the
    /// capacity is never observed).
    MoveSliceToHeap {
        elem: TypeId,
        keep_cap: bool,
        site: SiteIx,
    },
    Copy {
        esize: u64,
    },
    Delete,
    Clear,
    Close,
    Panic,
    Recover,
    Print {
        n: u32,
        ln: bool,
        types: Rc<[TypeId]>,
    },
    MinMax {
        n: u32,
        max: bool,
        num: Num,
    },
    /// Per-iteration copy of a loop variable moved to the heap.
    /// `copy`: start from the old object's value (loop variables).
    FreshVar {
        slot: u32,
        ty: TypeId,
        site: SiteIx,
        copy: bool,
    },
    /// Range over a map: pop the map, push its keys (hidden state).
    MapKeys,
    /// Pop keys index; push `key, value, found`.
    MapIterGet {
        ty: TypeId,
    },
    /// Range over a string: pop string & byte index; push rune & width.
    DecodeRune,
    /// A runtime error found while compiling (unsupported construct).
    Unsupported(Rc<str>),
}
