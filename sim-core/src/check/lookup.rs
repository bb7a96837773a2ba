//! Field and method lookup through embedding, method sets, interface
//! satisfaction and comparability.

use super::Checker;
use crate::ir::{FuncId, Type, TypeId};

/// One step through a (possibly embedded) struct field.
#[derive(Clone, Debug)]
pub(super) struct FieldStep {
    pub index: u32,
    pub name: String,
    pub ty: TypeId,
    /// The struct was reached through a pointer.
    pub through_pointer: bool,
}

/// What `x.name` selects.
#[derive(Clone, Debug)]
pub(super) enum Member {
    /// A field; the last step is the field itself.
    Field { path: Vec<FieldStep> },
    /// A concrete method, reached after `path` (embedded fields).
    Method {
        path: Vec<FieldStep>,
        func: FuncId,
        pointer_receiver: bool,
        /// The type the method is declared on (after the path), and
        /// whether the value at that point is a pointer.
        recv_is_pointer: bool,
    },
    /// An interface method, reached after `path`.
    IfaceMethod {
        path: Vec<FieldStep>,
        name: String,
        sig: TypeId,
    },
}

/// Breadth-first search limit through embedded fields.
const MAX_EMBED_DEPTH: usize = 8;

impl<'t> Checker<'t> {
    /// Finds `name` in `ty`'s fields and methods, shallowest first.
    pub(super) fn lookup_member(&self, ty: TypeId, name: &str) -> Option<Member> {
        let types = &self.prog.types;
        let mut level: Vec<(TypeId, Vec<FieldStep>)> = vec![(ty, Vec::new())];
        for _ in 0..MAX_EMBED_DEPTH {
            let mut next = Vec::new();
            for (t, path) in level {
                let t = types.unalias(t);
                let (base, is_ptr) = match types.get(t) {
                    Type::Pointer(e)
                        if types.named_of(*e).is_some()
                            || matches!(types.under(*e), Type::Struct(_)) =>
                    {
                        (types.unalias(*e), true)
                    }
                    _ => (t, false),
                };
                if let Some(nid) = types.named_of(base) {
                    if let Some(m) = types.named[nid].methods.iter().find(|m| m.name == name) {
                        return Some(Member::Method {
                            path,
                            func: m.func,
                            pointer_receiver: m.pointer_receiver,
                            recv_is_pointer: is_ptr,
                        });
                    }
                }
                match types.under(base) {
                    Type::Struct(fields) => {
                        for (i, f) in fields.iter().enumerate() {
                            let mut p = path.clone();
                            p.push(FieldStep {
                                index: i as u32,
                                name: f.name.clone(),
                                ty: f.ty,
                                through_pointer: is_ptr,
                            });
                            if f.name == name {
                                return Some(Member::Field { path: p });
                            }
                            if f.embedded {
                                next.push((f.ty, p));
                            }
                        }
                    }
                    Type::Interface(iface) if !is_ptr => {
                        if let Some(m) = iface.methods.iter().find(|m| m.name == name) {
                            return Some(Member::IfaceMethod {
                                path,
                                name: m.name.clone(),
                                sig: m.sig,
                            });
                        }
                    }
                    _ => {}
                }
            }
            if next.is_empty() {
                return None;
            }
            level = next;
        }
        None
    }

    /// Whether `ty` implements interface `iface`; the error explains why
    /// not, as types2 does (`(missing method Error)`).
    pub(super) fn implements(&self, ty: TypeId, iface: TypeId) -> Result<(), String> {
        let types = &self.prog.types;
        let Type::Interface(target) = types.under(iface) else {
            return Err(String::new());
        };
        for m in &target.methods {
            if let Type::Interface(src) = types.under(ty) {
                match src.methods.iter().find(|x| x.name == m.name) {
                    Some(x) if types.identical(x.sig, m.sig) => continue,
                    Some(x) => return Err(self.wrong_type(&m.name, x.sig, m.sig)),
                    None => return Err(format!("(missing method {})", m.name)),
                }
            }
            match self.lookup_member(ty, &m.name) {
                Some(Member::Method {
                    path,
                    func,
                    pointer_receiver,
                    recv_is_pointer,
                }) => {
                    let sig = self.prog.funcs[func].sig;
                    if !types.identical(sig, m.sig) {
                        return Err(self.wrong_type(&m.name, sig, m.sig));
                    }
                    let via_pointer = recv_is_pointer
                        || path
                            .iter()
                            .any(|s| matches!(types.get(s.ty), Type::Pointer(_)));
                    if pointer_receiver && !via_pointer {
                        return Err(format!("(method {} has pointer receiver)", m.name));
                    }
                }
                Some(Member::IfaceMethod { sig, .. }) => {
                    if !types.identical(sig, m.sig) {
                        return Err(self.wrong_type(&m.name, sig, m.sig));
                    }
                }
                _ => return Err(format!("(missing method {})", m.name)),
            }
        }
        Ok(())
    }

    fn wrong_type(&self, name: &str, have: TypeId, want: TypeId) -> String {
        let strip = |s: String| s.strip_prefix("func").map(str::to_string).unwrap_or(s);
        format!(
            "(wrong type for method {name})\n\t\thave {name}{}\n\t\twant {name}{}",
            strip(self.type_string(have)),
            strip(self.type_string(want))
        )
    }

    /// Go's comparability (for `==` and map keys).
    pub(super) fn comparable(&self, ty: TypeId) -> bool {
        self.comparable_depth(ty, 0)
    }

    fn comparable_depth(&self, ty: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return true;
        }
        match self.prog.types.under(ty) {
            Type::Slice(_) | Type::Map { .. } | Type::Func(_) => false,
            Type::Struct(fields) => fields
                .iter()
                .all(|f| self.comparable_depth(f.ty, depth + 1)),
            Type::Array { elem, .. } => self.comparable_depth(*elem, depth + 1),
            _ => true,
        }
    }
}
