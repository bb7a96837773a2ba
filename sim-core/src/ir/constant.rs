//! Folded constant values.
//!
//! Go constants are exact; we keep integers as `i128` (enough for every
//! typed Go integer and for the untyped arithmetic teaching programs do) and
//! report an overflow diagnostic beyond that.

use std::fmt;

/// The value of a constant expression after folding.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// Any integer constant, including runes.
    Int(i128),
    Float(f64),
    /// A complex constant: real and imaginary parts.
    Complex(f64, f64),
    String(String),
}

impl ConstValue {
    pub fn as_int(&self) -> Option<i128> {
        match self {
            ConstValue::Int(v) => Some(*v),
            ConstValue::Float(f) if f.fract() == 0.0 && f.abs() < 1e38 => Some(*f as i128),
            ConstValue::Complex(f, im) if *im == 0.0 && f.fract() == 0.0 && f.abs() < 1e38 => {
                Some(*f as i128)
            }
            _ => None,
        }
    }

    pub fn as_float(&self) -> Option<f64> {
        match self {
            ConstValue::Int(v) => Some(*v as f64),
            ConstValue::Float(f) => Some(*f),
            ConstValue::Complex(re, im) if *im == 0.0 => Some(*re),
            _ => None,
        }
    }

    /// The value as a complex number, for any numeric constant.
    pub fn as_complex(&self) -> Option<(f64, f64)> {
        match self {
            ConstValue::Complex(re, im) => Some((*re, *im)),
            v => v.as_float().map(|f| (f, 0.0)),
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            ConstValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            ConstValue::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Formats a float the way gc's `%v` of a constant does for the common
/// cases (`1.5`, `3`, `1e+06`).
pub fn format_float(f: f64) -> String {
    if f == f.trunc() && f.abs() < 1e21 {
        let s = format!("{f:.0}");
        if f.abs() >= 1e6 || s.len() > 21 {
            return format_exp(f);
        }
        return s;
    }
    if f.abs() < 1e-4 || f.abs() >= 1e21 {
        return format_exp(f);
    }
    format!("{f}")
}

fn format_exp(f: f64) -> String {
    let s = format!("{f:e}");
    match s.split_once('e') {
        Some((mant, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            let digits = if digits.len() < 2 {
                format!("0{digits}")
            } else {
                digits.to_string()
            };
            format!("{mant}e{sign}{digits}")
        }
        None => s,
    }
}

impl fmt::Display for ConstValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConstValue::Bool(b) => write!(f, "{b}"),
            ConstValue::Int(v) => write!(f, "{v}"),
            ConstValue::Float(v) => write!(f, "{}", format_float(*v)),
            ConstValue::Complex(re, im) => {
                write!(f, "({} + {}i)", format_float(*re), format_float(*im))
            }
            ConstValue::String(s) => write!(f, "{}", crate::quote::quote_str(s)),
        }
    }
}
