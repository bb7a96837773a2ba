//! Expressions: typed, with every implicit operation made explicit.
//!
//! Allocation sites are their own node kinds ([`ExprKind::New`],
//! [`ExprKind::PtrLit`], [`ExprKind::Composite`] of slice/map type,
//! [`ExprKind::Make`], [`ExprKind::FuncLit`], [`ExprKind::MethodValue`],
//! [`ExprKind::ConvIface`], string conversions in [`ExprKind::Conv`],
//! [`ExprKind::VarArgsSlice`]) so the escape analysis can give each a
//! location without re-deriving Go's typing rules.

use super::constant::ConstValue;
use super::ids::{ExprId, FuncId, TypeId, VarId};
use super::span::Span;

/// One expression node. `ty` is its type after checking: untyped
/// constants already carry the type the context gave them.
#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: TypeId,
    pub span: Span,
    /// Inserted by the checker, not written by the programmer (automatic
    /// `&v`/`*p` for method receivers, embedded-field steps, interface
    /// conversions, the variadic slice). Printers may elide these.
    pub implicit: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    Shr,
    LogAnd,
    LogOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
            LogAnd => "&&",
            LogOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }

    pub fn is_comparison(self) -> bool {
        use BinaryOp::*;
        matches!(self, Eq | Ne | Lt | Le | Gt | Ge)
    }
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Plus => "+",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "^",
        }
    }
}

/// Go's builtin functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    /// Package unsafe's functions (not universe names).
    Sizeof,
    Alignof,
    Offsetof,
    UnsafeAdd,
    UnsafeSlice,
    UnsafeString,
    UnsafeStringData,
    UnsafeSliceData,
}

impl Builtin {
    /// Package unsafe's functions, in its documentation's order.
    pub const UNSAFE: [Builtin; 8] = [
        Builtin::Sizeof,
        Builtin::Alignof,
        Builtin::Offsetof,
        Builtin::UnsafeAdd,
        Builtin::UnsafeSlice,
        Builtin::UnsafeString,
        Builtin::UnsafeStringData,
        Builtin::UnsafeSliceData,
    ];

    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Imag => "imag",
            Real => "real",
            Copy => "copy",
            Delete => "delete",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Recover => "recover",
            Sizeof => "unsafe.Sizeof",
            Alignof => "unsafe.Alignof",
            Offsetof => "unsafe.Offsetof",
            UnsafeAdd => "unsafe.Add",
            UnsafeSlice => "unsafe.Slice",
            UnsafeString => "unsafe.String",
            UnsafeStringData => "unsafe.StringData",
            UnsafeSliceData => "unsafe.SliceData",
        }
    }

    pub fn from_name(name: &str) -> Option<Builtin> {
        use Builtin::*;
        Some(match name {
            "append" => Append,
            "cap" => Cap,
            "clear" => Clear,
            "close" => Close,
            "complex" => Complex,
            "imag" => Imag,
            "real" => Real,
            "copy" => Copy,
            "delete" => Delete,
            "len" => Len,
            "make" => Make,
            "max" => Max,
            "min" => Min,
            "new" => New,
            "panic" => Panic,
            "print" => Print,
            "println" => Println,
            "recover" => Recover,
            _ => return None,
        })
    }
}

/// What a call calls.
#[derive(Clone, Debug)]
pub enum Callee {
    /// A statically known function: top-level or standard library.
    Func(FuncId),
    /// A statically known method; `recv` is already adjusted to the
    /// method's receiver type (implicit `&v` or `*p` inserted).
    Method {
        func: FuncId,
        recv: ExprId,
    },
    /// A method called through an interface: dynamic dispatch.
    Interface {
        recv: ExprId,
        method: String,
    },
    /// A call of a function value (variable, field, closure, result of a
    /// call): the callee is not known statically.
    Value(ExprId),
    Builtin(Builtin),
}

/// A call. For a variadic callee the arguments are the fixed parameters
/// followed by exactly one slice: a [`ExprKind::VarArgsSlice`] holding the
/// extra arguments, or the `x` of `f(..., x...)` when `spread` is set.
#[derive(Clone, Debug)]
pub struct Call {
    pub callee: Callee,
    pub args: Vec<ExprId>,
    /// The call was written with a trailing `...`.
    pub spread: bool,
}

/// Which kind of composite literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompositeKind {
    Struct,
    Array,
    /// Allocates a backing array.
    Slice,
    /// Allocates a map.
    Map,
}

/// One element of a composite literal, with its key made explicit: the
/// field index for structs, the element index for arrays and slices, the
/// key expression for maps.
#[derive(Clone, Debug)]
pub struct CompositeElem {
    pub key: ElemKey,
    pub value: ExprId,
}

#[derive(Clone, Debug)]
pub enum ElemKey {
    Field(u32),
    Index(u64),
    MapKey(ExprId),
}

/// Which kind of `make`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MakeKind {
    Slice,
    Map,
    Chan,
}

/// A non-interface conversion `T(x)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvKind {
    /// Same underlying type, numeric ↔ numeric, pointer ↔ pointer with
    /// identical bases, int → string of a constant: no allocation.
    Value,
    /// `[]byte(s)`: allocates.
    StringToBytes,
    /// `[]rune(s)`: allocates.
    StringToRunes,
    /// `string(b)`: allocates.
    BytesToString,
    /// `string(r)` for a rune slice: allocates.
    RunesToString,
    /// `string(i)` for a non-constant integer: allocates.
    IntToString,
    /// Interface to interface (`any(err)`), no allocation.
    IfaceToIface,
    /// To or from `unsafe.Pointer` (from any pointer or a `uintptr`).
    Unsafe,
}

/// A reference to a method for method values and expressions.
#[derive(Clone, Debug)]
pub enum MethodRef {
    /// A concrete method declaration.
    Func(FuncId),
    /// An interface's method, by name.
    Interface(String),
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A folded constant: literal, named constant, `iota`, or constant
    /// expression. gc prints these by value.
    Const(ConstValue),
    /// `nil`, typed by its context.
    Nil,
    /// A variable: local, parameter, result, receiver or package-level.
    Var(VarId),
    /// A function used as a value (not called).
    Func(FuncId),
    Unary {
        op: UnaryOp,
        operand: ExprId,
    },
    Binary {
        op: BinaryOp,
        left: ExprId,
        right: ExprId,
    },
    /// `*p`, explicit or implicit (`p.f` through a pointer is a
    /// [`ExprKind::Field`] with `through_pointer`, not a `Deref`).
    Deref(ExprId),
    /// `&x` of an addressable operand (`&T{}` is [`ExprKind::PtrLit`]).
    AddrOf(ExprId),
    /// `x.f`; promoted fields are a chain of implicit `Field` nodes.
    Field {
        base: ExprId,
        index: u32,
        name: String,
        /// `base` is a pointer to the struct.
        through_pointer: bool,
    },
    /// `a[i]` of an array, pointer to array, slice or string.
    Index {
        base: ExprId,
        index: ExprId,
    },
    /// `m[k]`; with `comma_ok` the type is a 2-tuple.
    MapIndex {
        map: ExprId,
        key: ExprId,
        comma_ok: bool,
    },
    /// `a[lo:hi:max]`.
    Slice {
        base: ExprId,
        low: Option<ExprId>,
        high: Option<ExprId>,
        max: Option<ExprId>,
    },
    Call(Call),
    /// `T{...}`. Slice and map literals allocate.
    Composite {
        kind: CompositeKind,
        elems: Vec<CompositeElem>,
    },
    /// `&T{...}`: allocates a `T` initialised by the literal (the operand
    /// is a `Composite`).
    PtrLit(ExprId),
    /// `new(T)`: allocates; the expression's type is `*T`.
    New(TypeId),
    /// `make(T, len, cap)`: allocates.
    Make {
        kind: MakeKind,
        len: Option<ExprId>,
        cap: Option<ExprId>,
    },
    /// `func(...) {...}`: allocates a closure when it captures.
    FuncLit(FuncId),
    /// `x.M` not called: allocates a closure binding the receiver.
    MethodValue {
        recv: ExprId,
        method: MethodRef,
    },
    /// `T.M` or `(*T).M`: a plain function whose first parameter is the
    /// receiver.
    MethodExpr {
        recv_type: TypeId,
        method: MethodRef,
    },
    /// A non-interface value converted to the interface type `ty`:
    /// boxes unless the value is pointer-shaped.
    ConvIface(ExprId),
    /// `T(x)` other than to an interface.
    Conv {
        kind: ConvKind,
        operand: ExprId,
    },
    /// The hidden slice holding a variadic call's extra arguments.
    VarArgsSlice(Vec<ExprId>),
    /// `x.(T)`; with `comma_ok` the type is a 2-tuple.
    TypeAssert {
        operand: ExprId,
        comma_ok: bool,
    },
    /// `<-ch`; with `comma_ok` the type is a 2-tuple.
    Recv {
        chan: ExprId,
        comma_ok: bool,
    },
}
