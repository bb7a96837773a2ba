//! Per-type facts the machine needs on every access (shape, size, field
//! offsets), computed once per type from the IR's gc layout.

use super::value::V;
use crate::ir::{BasicKind, Program, Type, TypeId, TypeTable};
use std::rc::Rc;

/// How integers of a type wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntKind {
    pub bits: u32,
    pub signed: bool,
}

impl IntKind {
    /// Truncates `v` to this width (sign- or zero-extending back to i64).
    pub fn wrap(self, v: i64) -> i64 {
        match (self.bits, self.signed) {
            (8, true) => v as i8 as i64,
            (16, true) => v as i16 as i64,
            (32, true) => v as i32 as i64,
            (8, false) => v as u8 as i64,
            (16, false) => v as u16 as i64,
            (32, false) => v as u32 as i64,
            _ => v,
        }
    }
}

/// A type's shape, with what the machine needs inline.
#[derive(Clone, Debug)]
pub enum Shape {
    Bool,
    Int(IntKind),
    Float(u32),
    Complex,
    String,
    Ptr(TypeId),
    Slice(TypeId),
    Array { len: u64, elem: TypeId },
    Struct(Vec<FieldInfo>),
    Map { key: TypeId, value: TypeId },
    Chan(TypeId),
    Func,
    Iface { empty: bool },
    UnsafePtr,
    Other,
}

#[derive(Clone, Debug)]
pub struct FieldInfo {
    pub name: String,
    pub ty: TypeId,
    pub off: u64,
    pub size: u64,
    pub embedded: bool,
}

#[derive(Clone, Debug)]
pub struct TyInfo {
    pub size: u64,
    pub shape: Shape,
    /// Contains pointers (decides the size class's "noscan" rounding).
    pub has_ptr: bool,
}

/// Lazily filled cache indexed by type id.
#[derive(Default)]
pub struct TypeCache {
    infos: Vec<Option<Rc<TyInfo>>>,
}

impl TypeCache {
    pub fn get(&mut self, types: &TypeTable, id: TypeId) -> Rc<TyInfo> {
        let i = id.0 as usize;
        if i >= types.len() {
            return Rc::new(TyInfo {
                size: 8,
                shape: Shape::Other,
                has_ptr: true,
            });
        }
        if i >= self.infos.len() {
            self.infos.resize(i + 1, None);
        }
        if let Some(info) = &self.infos[i] {
            return info.clone();
        }
        let info = Rc::new(compute(types, id));
        self.infos[i] = Some(info.clone());
        info
    }
}

fn compute(types: &TypeTable, id: TypeId) -> TyInfo {
    let size = types.size_of(id);
    let has_ptr = types.has_pointers(id);
    let shape = match types.under(id) {
        Type::Basic(k) => basic_shape(*k),
        Type::Pointer(e) => Shape::Ptr(*e),
        Type::Slice(e) => Shape::Slice(*e),
        Type::Array { len, elem } => Shape::Array {
            len: *len,
            elem: *elem,
        },
        Type::Struct(fields) => {
            let offs = types.field_offsets(id);
            Shape::Struct(
                fields
                    .iter()
                    .zip(offs)
                    .map(|(f, off)| FieldInfo {
                        name: f.name.clone(),
                        ty: f.ty,
                        off,
                        size: types.size_of(f.ty),
                        embedded: f.embedded,
                    })
                    .collect(),
            )
        }
        Type::Map { key, value } => Shape::Map {
            key: *key,
            value: *value,
        },
        Type::Chan { elem, .. } => Shape::Chan(*elem),
        Type::Func(_) => Shape::Func,
        Type::Interface(i) => Shape::Iface {
            empty: i.methods.is_empty(),
        },
        _ => Shape::Other,
    };
    TyInfo {
        size,
        shape,
        has_ptr,
    }
}

fn basic_shape(k: BasicKind) -> Shape {
    use BasicKind::*;
    match k.canonical() {
        Bool | UntypedBool => Shape::Bool,
        Float32 => Shape::Float(32),
        Float64 | UntypedFloat => Shape::Float(64),
        Complex64 | Complex128 => Shape::Complex,
        String | UntypedString => Shape::String,
        UnsafePointer => Shape::UnsafePtr,
        UntypedNil | Invalid => Shape::Other,
        k => {
            let (bits, signed) = k.int_bits().unwrap_or((64, true));
            Shape::Int(IntKind { bits, signed })
        }
    }
}

/// Whether a value of this type is a byte array stored compactly.
pub fn is_byte(types: &TypeTable, id: TypeId) -> bool {
    matches!(
        types.basic_kind(id).map(|k| k.canonical()),
        Some(BasicKind::Uint8)
    )
}

/// The zero value of a type.
pub fn zero(prog: &Program, cache: &mut TypeCache, id: TypeId) -> V {
    zero_depth(prog, cache, id, 0)
}

fn zero_depth(prog: &Program, cache: &mut TypeCache, id: TypeId, depth: u32) -> V {
    if depth > 64 {
        return V::Nil;
    }
    let info = cache.get(&prog.types, id);
    match &info.shape {
        Shape::Bool => V::Bool(false),
        Shape::Int(_) => V::Int(0),
        Shape::Float(_) => V::Float(0.0),
        Shape::Complex => V::Complex(0.0, 0.0),
        Shape::String => V::Str(Rc::from(&b""[..])),
        Shape::Array { len, elem } => {
            if is_byte(&prog.types, *elem) {
                V::Bytes(super::value::ByteArr::zeroed((*len).min(1 << 31) as usize))
            } else {
                let z = zero_depth(prog, cache, *elem, depth + 1);
                V::Agg(vec![z; (*len).min(1 << 28) as usize].into_boxed_slice())
            }
        }
        Shape::Struct(fields) => {
            let mut out = Vec::with_capacity(fields.len());
            for f in fields {
                out.push(zero_depth(prog, cache, f.ty, depth + 1));
            }
            V::Agg(out.into_boxed_slice())
        }
        _ => V::Nil,
    }
}
