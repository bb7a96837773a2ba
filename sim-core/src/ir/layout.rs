//! Sizes, alignments and field offsets exactly as gc computes them on
//! amd64 (cmd/compile/internal/types/size.go): the escape analysis needs
//! them for its stack-size limits, the picture to draw frames.

use super::ids::TypeId;
use super::types::{BasicKind, Type, TypeTable};

/// Pointer size and register width on amd64.
pub const PTR_SIZE: u64 = 8;

/// Recursion guard: a valid Go type cannot nest deeper than this in
/// practice, and invalid recursive types are rejected by the checker.
const MAX_DEPTH: u32 = 100;

impl TypeTable {
    /// `unsafe.Sizeof` of a value of type `id`.
    pub fn size_of(&self, id: TypeId) -> u64 {
        self.size_align(id, 0).0
    }

    /// `unsafe.Alignof` of a value of type `id`.
    pub fn align_of(&self, id: TypeId) -> u64 {
        self.size_align(id, 0).1
    }

    /// Byte offsets of a struct's fields (empty for non-structs).
    pub fn field_offsets(&self, id: TypeId) -> Vec<u64> {
        match self.under(id) {
            Type::Struct(fields) => {
                let tys: Vec<TypeId> = fields.iter().map(|f| f.ty).collect();
                self.struct_layout(&tys, 0).0
            }
            _ => Vec::new(),
        }
    }

    /// Whether values of type `id` contain pointers the GC must scan.
    pub fn has_pointers(&self, id: TypeId) -> bool {
        self.has_pointers_depth(id, 0)
    }

    fn has_pointers_depth(&self, id: TypeId, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self.under(id) {
            Type::Basic(k) => matches!(
                k,
                BasicKind::String
                    | BasicKind::UntypedString
                    | BasicKind::UnsafePointer
                    | BasicKind::UntypedNil
            ),
            Type::Array { len, elem } => *len > 0 && self.has_pointers_depth(*elem, depth + 1),
            Type::Struct(fields) => fields
                .iter()
                .any(|f| self.has_pointers_depth(f.ty, depth + 1)),
            Type::Tuple(items) => items.iter().any(|t| self.has_pointers_depth(*t, depth + 1)),
            Type::Pointer(_)
            | Type::Slice(_)
            | Type::Map { .. }
            | Type::Chan { .. }
            | Type::Func(_)
            | Type::Interface(_) => true,
            Type::Named(_) | Type::Alias { .. } => false,
        }
    }

    fn size_align(&self, id: TypeId, depth: u32) -> (u64, u64) {
        if depth > MAX_DEPTH {
            return (0, 1);
        }
        match self.under(id) {
            Type::Basic(k) => basic_size_align(*k),
            Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => {
                (PTR_SIZE, PTR_SIZE)
            }
            Type::Slice(_) => (3 * PTR_SIZE, PTR_SIZE),
            Type::Interface(_) => (2 * PTR_SIZE, PTR_SIZE),
            Type::Array { len, elem } => {
                let (size, align) = self.size_align(*elem, depth + 1);
                (size.saturating_mul(*len), align)
            }
            Type::Struct(fields) => {
                let tys: Vec<TypeId> = fields.iter().map(|f| f.ty).collect();
                let (_, size, align) = self.struct_layout(&tys, depth + 1);
                (size, align)
            }
            Type::Tuple(items) => {
                let (_, size, align) = self.struct_layout(items, depth + 1);
                (size, align)
            }
            Type::Named(_) | Type::Alias { .. } => (0, 1),
        }
    }

    /// Offsets, total size and alignment of a struct with these field
    /// types. Like gc, a struct whose last field has size zero gets one
    /// byte of padding so that a pointer to that field stays inside it.
    fn struct_layout(&self, fields: &[TypeId], depth: u32) -> (Vec<u64>, u64, u64) {
        let mut offsets = Vec::with_capacity(fields.len());
        let mut offset = 0u64;
        let mut max_align = 1u64;
        let mut last_size = None;
        for &ty in fields {
            let (size, align) = self.size_align(ty, depth);
            max_align = max_align.max(align);
            offset = round_up(offset, align);
            offsets.push(offset);
            offset = offset.saturating_add(size);
            last_size = Some(size);
        }
        if last_size == Some(0) && offset > 0 {
            offset += 1;
        }
        (offsets, round_up(offset, max_align), max_align)
    }
}

fn basic_size_align(kind: BasicKind) -> (u64, u64) {
    use BasicKind::*;
    match kind.canonical() {
        Bool | Int8 | Uint8 | UntypedBool => (1, 1),
        Int16 | Uint16 => (2, 2),
        Int32 | Uint32 | Float32 | UntypedRune => (4, 4),
        Int | Int64 | Uint | Uint64 | Uintptr | Float64 | UntypedInt | UntypedFloat
        | UnsafePointer | UntypedNil => (8, 8),
        Complex64 => (8, 4),
        Complex128 | UntypedComplex => (16, 8),
        String | UntypedString => (16, 8),
        Invalid | Byte | Rune => (0, 1),
    }
}

fn round_up(n: u64, align: u64) -> u64 {
    if align <= 1 {
        n
    } else {
        n.div_ceil(align).saturating_mul(align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::types::Field;

    fn field(name: &str, ty: TypeId) -> Field {
        Field {
            name: name.into(),
            ty,
            embedded: false,
        }
    }

    #[test]
    fn basic_sizes_match_amd64() {
        let mut t = TypeTable::new();
        assert_eq!(t.size_of(TypeTable::INT), 8);
        assert_eq!(t.size_of(TypeTable::STRING), 16);
        assert_eq!(t.size_of(TypeTable::BYTE), 1);
        let s = t.slice(TypeTable::INT);
        assert_eq!(t.size_of(s), 24);
        assert_eq!(t.size_of(t.any), 16);
        assert_eq!(t.size_of(t.error), 16);
    }

    #[test]
    fn struct_padding_and_trailing_zero_size_field() {
        let mut t = TypeTable::new();
        // struct{ a bool; b int64; c bool } = 24, offsets 0, 8, 16
        let s = t.intern(Type::Struct(vec![
            field("a", TypeTable::BOOL),
            field("b", TypeTable::INT64),
            field("c", TypeTable::BOOL),
        ]));
        assert_eq!(t.size_of(s), 24);
        assert_eq!(t.field_offsets(s), vec![0, 8, 16]);
        // struct{ a int32; z struct{} } = 8 (4 + 1 padding, rounded to 4)
        let empty = t.intern(Type::Struct(vec![]));
        let z = t.intern(Type::Struct(vec![
            field("a", TypeTable::INT32),
            field("z", empty),
        ]));
        assert_eq!(t.size_of(z), 8);
        assert_eq!(t.size_of(empty), 0);
        assert!(!t.has_pointers(z));
    }
}
