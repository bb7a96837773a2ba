//! Small copyable ids naming IR nodes, and the arena that hands them out.
//!
//! Ids are indices into a [`Arena`]; they are stable for the life of a
//! [`crate::ir::Program`] and never reused.

use std::marker::PhantomData;

/// An id type usable as an arena index.
pub trait Id: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug {
    fn from_index(index: usize) -> Self;
    fn index(self) -> usize;
}

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub struct $name(pub u32);
        impl Id for $name {
            fn from_index(index: usize) -> Self {
                $name(index as u32)
            }
            fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

define_id!(
    /// A function: top-level, method, closure or standard-library declaration.
    FuncId
);
define_id!(
    /// A variable: local, parameter, result, receiver or package-level.
    VarId
);
define_id!(
    /// An expression node.
    ExprId
);
define_id!(
    /// A statement node.
    StmtId
);
define_id!(
    /// An interned type.
    TypeId
);
define_id!(
    /// A named (defined) type's declaration: name, package, methods.
    NamedId
);
define_id!(
    /// A statement label (`outer:`), unique per function.
    LabelId
);

/// A growable vector of nodes indexed by a typed id.
#[derive(Clone, Debug)]
pub struct Arena<I: Id, T> {
    items: Vec<T>,
    _id: PhantomData<I>,
}

impl<I: Id, T> Default for Arena<I, T> {
    fn default() -> Self {
        Arena {
            items: Vec::new(),
            _id: PhantomData,
        }
    }
}

impl<I: Id, T> Arena<I, T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores `item` and returns its new id.
    pub fn alloc(&mut self, item: T) -> I {
        let id = I::from_index(self.items.len());
        self.items.push(item);
        id
    }

    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(id.index())
    }

    pub fn get_mut(&mut self, id: I) -> Option<&mut T> {
        self.items.get_mut(id.index())
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// All `(id, item)` pairs in allocation order.
    pub fn iter(&self) -> impl Iterator<Item = (I, &T)> {
        self.items
            .iter()
            .enumerate()
            .map(|(i, item)| (I::from_index(i), item))
    }

    pub fn ids(&self) -> impl Iterator<Item = I> {
        (0..self.items.len()).map(I::from_index)
    }
}

impl<I: Id, T> std::ops::Index<I> for Arena<I, T> {
    type Output = T;
    /// Ids come from this arena, so indexing cannot fail for ids the IR
    /// itself hands out.
    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: Id, T> std::ops::IndexMut<I> for Arena<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}
