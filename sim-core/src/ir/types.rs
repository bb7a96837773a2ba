//! Go types, interned in a [`TypeTable`] and named by [`TypeId`].
//!
//! Structural types are hash-consed, so two spellings of `[]int` share an
//! id; but Go's identity also ignores aliases (`byte`/`uint8`, `any`,
//! user `type A = B`), which keep their own ids so messages can print the
//! name the programmer wrote. Use [`TypeTable::identical`] for identity.

use super::ids::{Arena, FuncId, NamedId, TypeId};
use super::span::Span;
use crate::hash::HashMap;

/// Predeclared and untyped basic types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    /// `byte`: identical to `uint8`, printed as `byte`.
    Byte,
    /// `rune`: identical to `int32`, printed as `rune`.
    Rune,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,
    UntypedComplex,
}

impl BasicKind {
    /// The kind with byte/rune mapped to uint8/int32.
    pub fn canonical(self) -> BasicKind {
        match self {
            BasicKind::Byte => BasicKind::Uint8,
            BasicKind::Rune => BasicKind::Int32,
            k => k,
        }
    }

    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            Byte => "byte",
            Rune => "rune",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            UntypedComplex => "untyped complex",
        }
    }

    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self.canonical(),
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(
            self.canonical(),
            Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr
        )
    }

    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }

    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }

    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedString
                | UntypedNil
                | UntypedComplex
        )
    }

    /// Bit size of a sized integer kind (int/uint/uintptr are 64 on amd64).
    pub fn int_bits(self) -> Option<(u32, bool)> {
        use BasicKind::*;
        Some(match self.canonical() {
            Int | Int64 => (64, true),
            Int8 => (8, true),
            Int16 => (16, true),
            Int32 => (32, true),
            Uint | Uint64 | Uintptr => (64, false),
            Uint8 => (8, false),
            Uint16 => (16, false),
            Uint32 => (32, false),
            _ => return None,
        })
    }
}

/// A channel's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    SendOnly,
    RecvOnly,
}

/// A struct field. Embedded fields have the type's name as `name`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
}

/// A function signature. With `variadic`, the last parameter is a slice.
/// Parameter and result names only matter for printing (`func(s string)
/// int`); identity ignores them, so compare with [`TypeTable::identical`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub variadic: bool,
    /// One name per parameter, or empty when the parameters are unnamed.
    pub param_names: Vec<String>,
    /// One name per result, or empty when the results are unnamed.
    pub result_names: Vec<String>,
}

/// One method of an interface's full method set.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    /// A [`Type::Func`] without receiver.
    pub sig: TypeId,
    /// Where the method is declared (its name), for reports about the
    /// wrappers gc generates per interface method.
    pub span: Span,
    /// The declared parameters' names and positions (an empty name, at
    /// the parameter's type, for an unnamed parameter).
    pub params: Vec<(String, Span)>,
}

/// An interface: its complete method set sorted by name (embedded
/// interfaces already flattened) and, for printing, what was written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InterfaceType {
    pub methods: Vec<IfaceMethod>,
    /// Explicitly declared methods, in source order (for printing).
    pub declared: Vec<IfaceMethod>,
    /// Embedded interfaces, in source order (for printing).
    pub embedded: Vec<TypeId>,
    /// A constraint's type set: the intersection of these unions of
    /// `(tilde, type)` terms (empty: no restriction).
    pub unions: Vec<Vec<(bool, TypeId)>>,
    /// The predeclared `comparable` (or a constraint embedding it).
    pub comparable: bool,
}

/// A type's shape.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array {
        len: u64,
        elem: TypeId,
    },
    Map {
        key: TypeId,
        value: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Struct(Vec<Field>),
    Func(Signature),
    Interface(InterfaceType),
    /// A defined type; its name, underlying type and methods are in
    /// [`TypeTable::named`].
    Named(NamedId),
    /// An alias (`type A = B`, `any`): identical to `target`, printed as
    /// `name`. A type parameter of a generic instance is an alias of its
    /// type argument with `type_param` set (gc prints it as its shape);
    /// `basic` says its constraint is a basic interface (methods only), so
    /// gc shapes a pointer argument as `*uint8`.
    Alias {
        name: String,
        pkg: Option<String>,
        target: TypeId,
        type_param: bool,
        basic: bool,
    },
    /// The results of a multi-value call.
    Tuple(Vec<TypeId>),
}

/// A method attached to a named type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodDecl {
    pub name: String,
    pub func: FuncId,
    /// Declared on `*T` rather than `T`.
    pub pointer_receiver: bool,
}

/// A defined type: `type Car struct{...}`, `error`, `strings.Builder`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedType {
    pub name: String,
    /// The package path (`"strings"`), or `None` for package main and the
    /// universe (`error`).
    pub pkg: Option<String>,
    pub underlying: TypeId,
    pub methods: Vec<MethodDecl>,
    /// The type arguments of an instance of a generic type (`Stack[int]`
    /// has name `Stack` and targs `[int]`); empty otherwise.
    pub targs: Vec<TypeId>,
    /// For a type declared inside a function: its 1-based number among
    /// the package's local types (gc's symbol names say `main.T·1`).
    pub local: u32,
    /// The declaration's name (default for the universe and the standard
    /// library): sort by it for source order.
    pub span: Span,
}

impl NamedType {
    /// [`NamedType::local`] of the stand-ins the checker uses for type
    /// parameters while inferring type arguments: not types of the program.
    pub const PLACEHOLDER: u32 = u32::MAX;
}

/// All types of one program.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Arena<TypeId, Type>,
    interned: HashMap<Type, TypeId>,
    pub named: Arena<NamedId, NamedType>,
    /// The universe's `error` type.
    pub error: TypeId,
    /// The universe's `any` alias.
    pub any: TypeId,
    /// `interface{}` as a type literal.
    pub empty_interface: TypeId,
}

/// The order basic kinds are interned in, so that [`TypeTable::basic`] is
/// a lookup.
const BASIC_ORDER: [BasicKind; 28] = [
    BasicKind::Invalid,
    BasicKind::Bool,
    BasicKind::Int,
    BasicKind::Int8,
    BasicKind::Int16,
    BasicKind::Int32,
    BasicKind::Int64,
    BasicKind::Uint,
    BasicKind::Uint8,
    BasicKind::Uint16,
    BasicKind::Uint32,
    BasicKind::Uint64,
    BasicKind::Uintptr,
    BasicKind::Float32,
    BasicKind::Float64,
    BasicKind::Complex64,
    BasicKind::Complex128,
    BasicKind::String,
    BasicKind::UnsafePointer,
    BasicKind::Byte,
    BasicKind::Rune,
    BasicKind::UntypedBool,
    BasicKind::UntypedInt,
    BasicKind::UntypedRune,
    BasicKind::UntypedFloat,
    BasicKind::UntypedString,
    BasicKind::UntypedNil,
    BasicKind::UntypedComplex,
];

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub const INVALID: TypeId = TypeId(0);
    pub const BOOL: TypeId = TypeId(1);
    pub const INT: TypeId = TypeId(2);
    pub const INT32: TypeId = TypeId(5);
    pub const INT64: TypeId = TypeId(6);
    pub const UINT8: TypeId = TypeId(8);
    pub const UINTPTR: TypeId = TypeId(12);
    pub const FLOAT64: TypeId = TypeId(14);
    pub const STRING: TypeId = TypeId(17);
    pub const BYTE: TypeId = TypeId(19);
    pub const RUNE: TypeId = TypeId(20);
    pub const UNTYPED_BOOL: TypeId = TypeId(21);
    pub const UNTYPED_INT: TypeId = TypeId(22);
    pub const UNTYPED_RUNE: TypeId = TypeId(23);
    pub const UNTYPED_FLOAT: TypeId = TypeId(24);
    pub const UNTYPED_STRING: TypeId = TypeId(25);
    pub const UNTYPED_NIL: TypeId = TypeId(26);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(27);
    pub const COMPLEX64: TypeId = TypeId(15);
    pub const COMPLEX128: TypeId = TypeId(16);
    pub const FLOAT32: TypeId = TypeId(13);

    pub fn new() -> Self {
        let mut table = TypeTable {
            types: Arena::new(),
            interned: HashMap::default(),
            named: Arena::new(),
            error: TypeId(0),
            any: TypeId(0),
            empty_interface: TypeId(0),
        };
        for kind in BASIC_ORDER {
            table.intern(Type::Basic(kind));
        }
        table.empty_interface = table.intern(Type::Interface(InterfaceType {
            methods: vec![],
            declared: vec![],
            embedded: vec![],
            unions: vec![],
            comparable: false,
        }));
        table.any = table.intern(Type::Alias {
            name: "any".into(),
            pkg: None,
            target: table.empty_interface,
            type_param: false,
            basic: false,
        });
        // error: interface{ Error() string }
        let error_sig = table.intern(Type::Func(Signature {
            results: vec![Self::STRING],
            ..Signature::default()
        }));
        let method = IfaceMethod {
            name: "Error".into(),
            sig: error_sig,
            span: Span::default(),
            params: Vec::new(),
        };
        let error_iface = table.intern(Type::Interface(InterfaceType {
            methods: vec![method.clone()],
            declared: vec![method],
            embedded: vec![],
            unions: vec![],
            comparable: false,
        }));
        let named = table.named.alloc(NamedType {
            name: "error".into(),
            pkg: None,
            underlying: error_iface,
            methods: vec![],
            targs: vec![],
            local: 0,
            span: Span::default(),
        });
        table.error = table.intern(Type::Named(named));
        table
    }

    /// The id of `ty`, creating it if new.
    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(&id) = self.interned.get(&ty) {
            return id;
        }
        let id = self.types.alloc(ty.clone());
        self.interned.insert(ty, id);
        id
    }

    /// A fresh defined type (never shared with another declaration).
    pub fn new_named(&mut self, named: NamedType) -> (NamedId, TypeId) {
        let nid = self.named.alloc(named);
        (nid, self.intern(Type::Named(nid)))
    }

    pub fn basic(&self, kind: BasicKind) -> TypeId {
        let index = BASIC_ORDER.iter().position(|&k| k == kind).unwrap_or(0);
        TypeId(index as u32)
    }

    pub fn get(&self, id: TypeId) -> &Type {
        self.types
            .get(id)
            .unwrap_or(&Type::Basic(BasicKind::Invalid))
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }

    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }

    pub fn tuple(&mut self, items: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(items))
    }

    /// `id` with aliases removed (still named if it is a defined type).
    pub fn unalias(&self, mut id: TypeId) -> TypeId {
        for _ in 0..64 {
            match self.get(id) {
                Type::Alias { target, .. } => id = *target,
                _ => return id,
            }
        }
        id
    }

    /// The underlying type: aliases and defined types resolved.
    pub fn underlying(&self, id: TypeId) -> TypeId {
        let mut id = self.unalias(id);
        for _ in 0..64 {
            match self.get(id) {
                Type::Named(n) => {
                    id = self.unalias(self.named[*n].underlying);
                }
                _ => return id,
            }
        }
        id
    }

    /// The underlying type's shape.
    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    /// The basic kind of `id`'s underlying type, if basic.
    pub fn basic_kind(&self, id: TypeId) -> Option<BasicKind> {
        match self.under(id) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    pub fn named_of(&self, id: TypeId) -> Option<NamedId> {
        match self.get(self.unalias(id)) {
            Type::Named(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(self.under(id), Type::Interface(_))
    }

    pub fn is_untyped(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Basic(k) if k.is_untyped())
    }

    pub fn signature(&self, id: TypeId) -> Option<&Signature> {
        match self.under(id) {
            Type::Func(sig) => Some(sig),
            _ => None,
        }
    }

    /// Go's type identity.
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        self.identical_depth(a, b, 0)
    }

    fn identical_depth(&self, a: TypeId, b: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        let (a, b) = (self.unalias(a), self.unalias(b));
        if a == b {
            return true;
        }
        let same = |x: TypeId, y: TypeId| self.identical_depth(x, y, depth + 1);
        match (self.get(a), self.get(b)) {
            (Type::Basic(x), Type::Basic(y)) => x.canonical() == y.canonical(),
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => same(*x, *y),
            (Type::Array { len: l1, elem: e1 }, Type::Array { len: l2, elem: e2 }) => {
                l1 == l2 && same(*e1, *e2)
            }
            (Type::Map { key: k1, value: v1 }, Type::Map { key: k2, value: v2 }) => {
                same(*k1, *k2) && same(*v1, *v2)
            }
            (Type::Chan { dir: d1, elem: e1 }, Type::Chan { dir: d2, elem: e2 }) => {
                d1 == d2 && same(*e1, *e2)
            }
            (Type::Struct(f1), Type::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(f2).all(|(x, y)| {
                        x.name == y.name && x.embedded == y.embedded && same(x.ty, y.ty)
                    })
            }
            (Type::Func(s1), Type::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(&s2.params).all(|(x, y)| same(*x, *y))
                    && s1
                        .results
                        .iter()
                        .zip(&s2.results)
                        .all(|(x, y)| same(*x, *y))
            }
            (Type::Interface(i1), Type::Interface(i2)) => {
                i1.methods.len() == i2.methods.len()
                    && i1
                        .methods
                        .iter()
                        .zip(&i2.methods)
                        .all(|(x, y)| x.name == y.name && same(x.sig, y.sig))
            }
            (Type::Tuple(t1), Type::Tuple(t2)) => {
                t1.len() == t2.len() && t1.iter().zip(t2).all(|(x, y)| same(*x, *y))
            }
            _ => false,
        }
    }

    /// The type as types2 prints it in messages, relative to package main.
    pub fn display(&self, id: TypeId) -> String {
        let mut out = String::new();
        self.write_type(&mut out, id, 0);
        out
    }

    fn write_type(&self, out: &mut String, id: TypeId, depth: u32) {
        if depth > 32 {
            out.push_str("...");
            return;
        }
        let d = depth + 1;
        match self.get(id) {
            Type::Basic(k) => out.push_str(k.name()),
            Type::Pointer(e) => {
                out.push('*');
                self.write_type(out, *e, d);
            }
            Type::Slice(e) => {
                out.push_str("[]");
                self.write_type(out, *e, d);
            }
            Type::Array { len, elem } => {
                out.push_str(&format!("[{len}]"));
                self.write_type(out, *elem, d);
            }
            Type::Map { key, value } => {
                out.push_str("map[");
                self.write_type(out, *key, d);
                out.push(']');
                self.write_type(out, *value, d);
            }
            Type::Chan { dir, elem } => {
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::SendOnly => "chan<- ",
                    ChanDir::RecvOnly => "<-chan ",
                });
                let paren = *dir != ChanDir::SendOnly
                    && matches!(
                        self.get(*elem),
                        Type::Chan {
                            dir: ChanDir::RecvOnly,
                            ..
                        }
                    );
                if paren {
                    out.push('(');
                }
                self.write_type(out, *elem, d);
                if paren {
                    out.push(')');
                }
            }
            Type::Struct(fields) => {
                out.push_str("struct{");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !f.embedded {
                        out.push_str(&f.name);
                        out.push(' ');
                    }
                    self.write_type(out, f.ty, d);
                }
                out.push('}');
            }
            Type::Func(sig) => {
                out.push_str("func");
                self.write_signature(out, sig, d);
            }
            Type::Interface(iface) => {
                if iface.declared.is_empty() && iface.embedded.is_empty() {
                    out.push_str("interface{}");
                    return;
                }
                out.push_str("interface{");
                let mut first = true;
                for m in &iface.declared {
                    if !first {
                        out.push_str("; ");
                    }
                    first = false;
                    out.push_str(&m.name);
                    if let Type::Func(sig) = self.get(m.sig) {
                        self.write_signature(out, sig, d);
                    }
                }
                for e in &iface.embedded {
                    if !first {
                        out.push_str("; ");
                    }
                    first = false;
                    self.write_type(out, *e, d);
                }
                out.push('}');
            }
            Type::Named(n) => {
                let named = &self.named[*n];
                if let Some(pkg) = &named.pkg {
                    out.push_str(pkg.rsplit('/').next().unwrap_or(pkg));
                    out.push('.');
                }
                out.push_str(&named.name);
                if !named.targs.is_empty() {
                    out.push('[');
                    for (i, a) in named.targs.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.write_type(out, *a, d);
                    }
                    out.push(']');
                }
            }
            Type::Alias { name, pkg, .. } => {
                if let Some(pkg) = pkg {
                    out.push_str(pkg);
                    out.push('.');
                }
                out.push_str(name);
            }
            Type::Tuple(items) => {
                out.push('(');
                for (i, t) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_type(out, *t, d);
                }
                out.push(')');
            }
        }
    }

    fn write_signature(&self, out: &mut String, sig: &Signature, depth: u32) {
        out.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if let Some(name) = sig.param_names.get(i) {
                out.push_str(name);
                out.push(' ');
            }
            if sig.variadic && i + 1 == sig.params.len() {
                out.push_str("...");
                match self.get(*p) {
                    Type::Slice(e) => self.write_type(out, *e, depth),
                    _ => self.write_type(out, *p, depth),
                }
            } else {
                self.write_type(out, *p, depth);
            }
        }
        out.push(')');
        match sig.results.as_slice() {
            [] => {}
            [one] if sig.result_names.is_empty() => {
                out.push(' ');
                self.write_type(out, *one, depth);
            }
            many => {
                out.push_str(" (");
                for (i, r) in many.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if let Some(name) = sig.result_names.get(i) {
                        out.push_str(name);
                        out.push(' ');
                    }
                    self.write_type(out, *r, depth);
                }
                out.push(')');
            }
        }
    }
}
