//! Constant folding and representability, for Go's exact constants
//! approximated by `i128` and `f64`.

use crate::ir::{BasicKind, BinaryOp, ConstValue, UnaryOp};

/// Folds `op x`. `None` when the operator does not apply.
pub(super) fn unary(op: UnaryOp, x: &ConstValue, kind: BasicKind) -> Option<ConstValue> {
    Some(match (op, x) {
        (UnaryOp::Plus, v) => v.clone(),
        (UnaryOp::Neg, ConstValue::Int(v)) => ConstValue::Int(v.checked_neg()?),
        (UnaryOp::Neg, ConstValue::Float(v)) => ConstValue::Float(-v),
        (UnaryOp::Neg, ConstValue::Complex(re, im)) => ConstValue::Complex(-re, -im),
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
        (Complex(..), Int(_) | Float(_) | Complex(..)) | (Int(_) | Float(_), Complex(..)) => {
            let (Some((a, b)), Some((c, d))) = (x.as_complex(), y.as_complex()) else {
                return Folded::NotApplicable;
            };
            match op {
                Add => Complex(a + c, b + d),
                Sub => Complex(a - c, b - d),
                Mul => Complex(a * c - b * d, a * d + b * c),
                Div if c == 0.0 && d == 0.0 => return Folded::DivByZero,
                Div => {
                    let den = c * c + d * d;
                    Complex((a * c + b * d) / den, (b * c - a * d) / den)
                }
                Eq => Bool(a == c && b == d),
                Ne => Bool(a != c || b != d),
                _ => return Folded::NotApplicable,
            }
        }
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let (Some(a), Some(b)) = (x.as_float(), y.as_float()) else {
                return Folded::NotApplicable;
            };
            if let Some(exact) = exact_decimal(op, a, b) {
                return Folded::Value(Float(exact));
            }
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

/// `a op b` computed exactly on the decimal values the operands print as
/// (Go's constants are exact, so `0.1 + 0.2` is 0.3, not the float sum
/// 0.30000000000000004), then rounded once to the nearest float. `None`
/// when the operation is not `+`, `-` or `*` or the digits do not fit.
fn exact_decimal(op: BinaryOp, a: f64, b: f64) -> Option<f64> {
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    let (ma, ea) = decimal_parts(a)?;
    let (mb, eb) = decimal_parts(b)?;
    let (m, e) = match op {
        BinaryOp::Add | BinaryOp::Sub => {
            let e = ea.min(eb);
            let sa = ma.checked_mul(10i128.checked_pow(u32::try_from(ea - e).ok()?)?)?;
            let sb = mb.checked_mul(10i128.checked_pow(u32::try_from(eb - e).ok()?)?)?;
            let m = if op == BinaryOp::Add {
                sa.checked_add(sb)?
            } else {
                sa.checked_sub(sb)?
            };
            (m, e)
        }
        BinaryOp::Mul => (ma.checked_mul(mb)?, ea.checked_add(eb)?),
        _ => return None,
    };
    format!("{m}e{e}").parse().ok()
}

/// `f` as `mantissa × 10^exp` with the fewest digits that read back as `f`.
fn decimal_parts(f: f64) -> Option<(i128, i32)> {
    let s = format!("{f:e}");
    let (mant, exp) = s.split_once('e')?;
    let mut exp: i32 = exp.parse().ok()?;
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    exp -= frac.len() as i32;
    let m: i128 = format!("{int}{frac}").parse().ok()?;
    Some((m, exp))
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
    if kind.is_complex() {
        let Some((re, im)) = val.as_complex() else {
            return Err(Unrepresentable::Mismatch);
        };
        if kind == BasicKind::Complex64 {
            if re.abs() > f32::MAX as f64 || im.abs() > f32::MAX as f64 {
                return Err(Unrepresentable::Overflows);
            }
            return Ok(ConstValue::Complex(re as f32 as f64, im as f32 as f64));
        }
        return Ok(ConstValue::Complex(re, im));
    }
    // A complex constant with no imaginary part is a real number.
    let real;
    let val = match val {
        ConstValue::Complex(re, im) if kind.is_numeric() => {
            if *im != 0.0 {
                return Err(Unrepresentable::Truncated);
            }
            real = ConstValue::Float(*re);
            &real
        }
        v => v,
    };
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
