//! Constant folding and representability, for Go's exact constants
//! approximated by `i128` and `f64`.

use crate::ir::{BasicKind, BinaryOp, ConstValue, UnaryOp};

/// Folds `op x`. `None` when the operator does not apply.
pub(super) fn unary(op: UnaryOp, x: &ConstValue, kind: BasicKind) -> Option<ConstValue> {
    Some(match (op, x) {
        (UnaryOp::Plus, v) => v.clone(),
        (UnaryOp::Neg, ConstValue::Int(v)) => ConstValue::Int(v.checked_neg()?),
        (UnaryOp::Neg, ConstValue::Float(v)) => ConstValue::Float(-v),
        (UnaryOp::Not, ConstValue::Bool(b)) => ConstValue::Bool(!b),
        (UnaryOp::BitNot, ConstValue::Int(v)) => {
            // For unsigned typed constants ^x flips only the type's bits.
            match kind.int_bits() {
                Some((bits, false)) => {
                    let mask = if bits >= 128 { -1 } else { (1i128 << bits) - 1 };
                    ConstValue::Int(!v & mask)
                }
                _ => ConstValue::Int(!v),
            }
        }
        _ => return None,
    })
}

/// The result of folding a binary operation.
pub(super) enum Folded {
    Value(ConstValue),
    DivByZero,
    Overflow,
    NotApplicable,
}

/// Folds `x op y`; `integer` says whether division truncates.
pub(super) fn binary(op: BinaryOp, x: &ConstValue, y: &ConstValue, integer: bool) -> Folded {
    use BinaryOp::*;
    use ConstValue::*;
    let v = match (x, y) {
        (Int(a), Int(b)) if integer || !matches!(op, Div) => {
            let (a, b) = (*a, *b);
            let r = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                Div | Rem if b == 0 => return Folded::DivByZero,
                Div => a.checked_div(b),
                Rem => a.checked_rem(b),
                And => Some(a & b),
                Or => Some(a | b),
                Xor => Some(a ^ b),
                AndNot => Some(a & !b),
                Shl => {
                    if !(0..127).contains(&b) {
                        return Folded::Overflow;
                    }
                    let r = a.checked_shl(b as u32);
                    match r {
                        Some(r) if (r >> b) == a => Some(r),
                        _ => None,
                    }
                }
                Shr => {
                    if b < 0 {
                        return Folded::Overflow;
                    }
                    Some(a >> b.min(127))
                }
                Eq => return Folded::Value(Bool(a == b)),
                Ne => return Folded::Value(Bool(a != b)),
                Lt => return Folded::Value(Bool(a < b)),
                Le => return Folded::Value(Bool(a <= b)),
                Gt => return Folded::Value(Bool(a > b)),
                Ge => return Folded::Value(Bool(a >= b)),
                LogAnd | LogOr => return Folded::NotApplicable,
            };
            match r {
                Some(r) => Int(r),
                None => return Folded::Overflow,
            }
        }
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let (Some(a), Some(b)) = (x.as_float(), y.as_float()) else {
                return Folded::NotApplicable;
            };
            match op {
                Add => Float(a + b),
                Sub => Float(a - b),
                Mul => Float(a * b),
                Div if b == 0.0 => return Folded::DivByZero,
                Div => Float(a / b),
                Eq => Bool(a == b),
                Ne => Bool(a != b),
                Lt => Bool(a < b),
                Le => Bool(a <= b),
                Gt => Bool(a > b),
                Ge => Bool(a >= b),
                _ => return Folded::NotApplicable,
            }
        }
        (String(a), String(b)) => match op {
            Add => String(format!("{a}{b}")),
            Eq => Bool(a == b),
            Ne => Bool(a != b),
            Lt => Bool(a < b),
            Le => Bool(a <= b),
            Gt => Bool(a > b),
            Ge => Bool(a >= b),
            _ => return Folded::NotApplicable,
        },
        (Bool(a), Bool(b)) => match op {
            LogAnd => Bool(*a && *b),
            LogOr => Bool(*a || *b),
            Eq => Bool(a == b),
            Ne => Bool(a != b),
            _ => return Folded::NotApplicable,
        },
        _ => return Folded::NotApplicable,
    };
    Folded::Value(v)
}

/// Why a constant does not fit a type.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Unrepresentable {
    Overflows,
    Truncated,
    /// Wrong kind altogether (string as int, ...).
    Mismatch,
}

/// Converts constant `val` to basic type `kind`, as an implicit
/// conversion of an untyped constant would.
pub(super) fn represent(val: &ConstValue, kind: BasicKind) -> Result<ConstValue, Unrepresentable> {
    let kind = kind.canonical();
    if kind.is_integer() {
        let v = match val {
            ConstValue::Int(v) => *v,
            ConstValue::Float(f) => {
                if f.fract() != 0.0 || !f.is_finite() {
                    return Err(Unrepresentable::Truncated);
                }
                if f.abs() > 1.7e38 {
                    return Err(Unrepresentable::Overflows);
                }
                *f as i128
            }
            _ => return Err(Unrepresentable::Mismatch),
        };
        if let Some((bits, signed)) = kind.int_bits() {
            let (min, max) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if v < min || v > max {
                return Err(Unrepresentable::Overflows);
            }
        }
        return Ok(ConstValue::Int(v));
    }
    if kind.is_float() {
        let f = match val {
            ConstValue::Int(v) => *v as f64,
            ConstValue::Float(f) => *f,
            _ => return Err(Unrepresentable::Mismatch),
        };
        let f = if kind == BasicKind::Float32 {
            if f.abs() > f32::MAX as f64 {
                return Err(Unrepresentable::Overflows);
            }
            f as f32 as f64
        } else {
            f
        };
        return Ok(ConstValue::Float(f));
    }
    if kind.is_string() {
        return match val {
            ConstValue::String(_) => Ok(val.clone()),
            _ => Err(Unrepresentable::Mismatch),
        };
    }
    if kind.is_boolean() {
        return match val {
            ConstValue::Bool(_) => Ok(val.clone()),
            _ => Err(Unrepresentable::Mismatch),
        };
    }
    Err(Unrepresentable::Mismatch)
}
