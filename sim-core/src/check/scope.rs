//! Names in scope: the universe, package main, and nested blocks.

use crate::hash::HashMap;
use crate::ir::{Builtin, ConstValue, FuncId, TypeId, VarId};
use crate::syntax::Node;

/// What a name denotes.
#[derive(Clone, Debug)]
pub(super) enum Entity {
    Var(VarId),
    Const {
        ty: TypeId,
        val: ConstValue,
    },
    Type(TypeId),
    Func(FuncId),
    Builtin(Builtin),
    /// An imported package: index into the checker's imports.
    Package(usize),
    Nil,
    Iota,
    /// A package-level declaration not resolved yet.
    Pending(usize),
    /// A declaration whose resolution failed (already reported).
    Invalid,
    /// A generic function or type: index into the checker's generics.
    Generic(usize),
}

/// A package-level declaration awaiting resolution.
#[derive(Clone, Debug)]
pub(super) struct PendingDecl<'t> {
    pub name: String,
    pub kind: PendingKind<'t>,
    pub state: PendingState,
}

#[derive(Clone, Debug)]
pub(super) enum PendingKind<'t> {
    Type {
        spec: Node<'t>,
    },
    Const {
        name: Node<'t>,
        /// The spec whose type and values apply (the last one with values,
        /// for implicit repetition).
        spec: Node<'t>,
        index: usize,
        iota: i128,
    },
    Var {
        spec: Node<'t>,
        index: usize,
    },
}

#[derive(Clone, Debug)]
pub(super) enum PendingState {
    Unresolved,
    InProgress,
    Done(Entity),
}

/// The stack of scopes being lowered, over package main's scope.
pub(super) struct Scopes<'t> {
    pub package: HashMap<String, Entity>,
    pub pending: Vec<PendingDecl<'t>>,
    blocks: Vec<HashMap<String, Entity>>,
}

impl<'t> Scopes<'t> {
    pub fn new() -> Self {
        Scopes {
            package: HashMap::default(),
            pending: Vec::new(),
            blocks: Vec::new(),
        }
    }

    pub fn push(&mut self) {
        self.blocks.push(HashMap::default());
    }

    pub fn pop(&mut self) {
        self.blocks.pop();
    }

    /// Swaps the block scopes for `blocks`, returning the old ones.
    pub fn replace_blocks(
        &mut self,
        blocks: Vec<HashMap<String, Entity>>,
    ) -> Vec<HashMap<String, Entity>> {
        std::mem::replace(&mut self.blocks, blocks)
    }

    pub fn depth(&self) -> usize {
        self.blocks.len()
    }

    /// Declares `name` in the innermost block; returns false if it was
    /// already declared there.
    pub fn declare(&mut self, name: &str, entity: Entity) -> bool {
        if name == "_" {
            return true;
        }
        match self.blocks.last_mut() {
            Some(block) => block.insert(name.to_string(), entity).is_none(),
            None => self.package.insert(name.to_string(), entity).is_none(),
        }
    }

    pub fn declared_in_innermost(&self, name: &str) -> bool {
        match self.blocks.last() {
            Some(block) => block.contains_key(name),
            None => self.package.contains_key(name),
        }
    }

    /// The innermost block declaration of `name`, with the block depth.
    pub fn lookup_block(&self, name: &str) -> Option<(usize, Entity)> {
        self.blocks
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, b)| b.get(name).map(|e| (i, e.clone())))
    }
}

/// The predeclared names.
pub(super) fn universe(name: &str) -> Option<Entity> {
    use crate::ir::TypeTable as T;
    Some(match name {
        "bool" => Entity::Type(T::BOOL),
        "int" => Entity::Type(T::INT),
        "int8" => Entity::Type(TypeId(3)),
        "int16" => Entity::Type(TypeId(4)),
        "int32" => Entity::Type(T::INT32),
        "int64" => Entity::Type(T::INT64),
        "uint" => Entity::Type(TypeId(7)),
        "uint8" => Entity::Type(T::UINT8),
        "uint16" => Entity::Type(TypeId(9)),
        "uint32" => Entity::Type(TypeId(10)),
        "uint64" => Entity::Type(TypeId(11)),
        "uintptr" => Entity::Type(T::UINTPTR),
        "float32" => Entity::Type(TypeId(13)),
        "float64" => Entity::Type(T::FLOAT64),
        "complex64" => Entity::Type(TypeId(15)),
        "complex128" => Entity::Type(TypeId(16)),
        "string" => Entity::Type(T::STRING),
        "byte" => Entity::Type(T::BYTE),
        "rune" => Entity::Type(T::RUNE),
        "true" => Entity::Const {
            ty: T::UNTYPED_BOOL,
            val: ConstValue::Bool(true),
        },
        "false" => Entity::Const {
            ty: T::UNTYPED_BOOL,
            val: ConstValue::Bool(false),
        },
        "nil" => Entity::Nil,
        "iota" => Entity::Iota,
        _ => return Builtin::from_name(name).map(Entity::Builtin),
    })
}
