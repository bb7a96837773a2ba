//! Go's formatting: `fmt` verbs and flags, `println`, and the runtime's
//! panic value printing. Type-directed, because machine values do not
//! carry their types.

use super::exec::{
    Flow, Machine, ERROR_STRING, JOIN_ERROR, NUM_ERROR, OS_FILE, RUNTIME_ERROR, WRAP_ERROR,
};
use super::memory::{Home, NIL_PTR};
use super::value::*;
use crate::ir::{BasicKind, ChanDir, Type, TypeId};
use std::fmt::Write;

type R<T> = Result<T, Flow>;

/// `%T`: the type as reflect prints it (`main.Car`, `*main.Car`, `[]int`).
pub fn type_name(m: &Machine, ty: TypeId) -> String {
    match ty {
        RUNTIME_ERROR => return "runtime.errorString".into(),
        super::exec::BOUNDS_ERROR => return "runtime.boundsError".into(),
        super::exec::PLAIN_ERROR => return "runtime.plainError".into(),
        super::exec::PANIC_NIL_ERROR => return "*runtime.PanicNilError".into(),
        ERROR_STRING => return "*errors.errorString".into(),
        WRAP_ERROR => return "*fmt.wrapError".into(),
        NUM_ERROR => return "*strconv.NumError".into(),
        JOIN_ERROR => return "*errors.joinError".into(),
        OS_FILE => return "*os.File".into(),
        _ => {}
    }
    let mut s = String::new();
    write_type(m, &mut s, ty, 0);
    s
}

fn write_type(m: &Machine, out: &mut String, ty: TypeId, depth: u32) {
    if depth > 16 || ty.0 as usize >= m.prog.types.len() {
        out.push('?');
        return;
    }
    let t = &m.prog.types;
    match t.get(ty) {
        Type::Basic(k) => out.push_str(match k {
            BasicKind::UntypedInt => "int",
            BasicKind::UntypedFloat => "float64",
            BasicKind::UntypedRune => "int32",
            BasicKind::UntypedString => "string",
            BasicKind::UntypedBool => "bool",
            BasicKind::Byte => "uint8",
            BasicKind::Rune => "int32",
            k => k.name(),
        }),
        Type::Pointer(e) => {
            out.push('*');
            write_type(m, out, *e, depth + 1);
        }
        Type::Slice(e) => {
            out.push_str("[]");
            write_type(m, out, *e, depth + 1);
        }
        Type::Array { len, elem } => {
            let _ = write!(out, "[{len}]");
            write_type(m, out, *elem, depth + 1);
        }
        Type::Map { key, value } => {
            out.push_str("map[");
            write_type(m, out, *key, depth + 1);
            out.push(']');
            write_type(m, out, *value, depth + 1);
        }
        Type::Chan { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::SendOnly => "chan<- ",
                ChanDir::RecvOnly => "<-chan ",
            });
            write_type(m, out, *elem, depth + 1);
        }
        Type::Struct(fields) => {
            out.push_str("struct {");
            for (i, f) in fields.iter().enumerate() {
                out.push_str(if i == 0 { " " } else { "; " });
                if !f.embedded {
                    out.push_str(&f.name);
                    out.push(' ');
                }
                write_type(m, out, f.ty, depth + 1);
            }
            out.push_str(if fields.is_empty() { "}" } else { " }" });
        }
        Type::Func(sig) => {
            out.push_str("func(");
            for (i, p) in sig.params.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if sig.variadic && i + 1 == sig.params.len() {
                    out.push_str("...");
                    if let Type::Slice(e) = t.get(*p) {
                        write_type(m, out, *e, depth + 1);
                        continue;
                    }
                }
                write_type(m, out, *p, depth + 1);
            }
            out.push(')');
            match sig.results.len() {
                0 => {}
                1 => {
                    out.push(' ');
                    write_type(m, out, sig.results[0], depth + 1);
                }
                _ => {
                    out.push_str(" (");
                    for (i, r) in sig.results.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        write_type(m, out, *r, depth + 1);
                    }
                    out.push(')');
                }
            }
        }
        Type::Interface(i) => {
            if i.methods.is_empty() {
                out.push_str("interface {}");
            } else {
                out.push_str("interface { ");
                for (k, meth) in i.methods.iter().enumerate() {
                    if k > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(&meth.name);
                    let mut sig = String::new();
                    write_type(m, &mut sig, meth.sig, depth + 1);
                    out.push_str(sig.strip_prefix("func").unwrap_or(&sig));
                }
                out.push_str(" }");
            }
        }
        Type::Named(n) => {
            let named = &t.named[*n];
            match &named.pkg {
                Some(p) => {
                    out.push_str(p.rsplit('/').next().unwrap_or(p));
                    out.push('.');
                }
                None if named.name != "error" => out.push_str("main."),
                None => {}
            }
            out.push_str(&named.name);
            if !named.targs.is_empty() {
                out.push('[');
                for (i, a) in named.targs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_type(m, out, *a, depth + 1);
                }
                out.push(']');
            }
        }
        Type::Alias { target, .. } => write_type(m, out, *target, depth + 1),
        Type::Tuple(_) => out.push_str("tuple"),
    }
}

/// The address a pointer denotes, in Go's style.
pub fn address(m: &Machine, p: Ptr) -> u64 {
    if p == NIL_PTR {
        return 0;
    }
    match m.alloc(p.alloc) {
        Some(a) => match &a.home {
            Home::Heap | Home::Globals => a.addr + p.off,
            Home::Frame { g } => frame_addr(m, *g as usize, p.alloc) + p.off,
            Home::StackSite { g, frame, slot } => {
                let base = frame_addr(m, *g as usize, *frame);
                let off =
                    m.gs.get(*g as usize)
                        .and_then(|g| g.frames.iter().find(|f| f.alloc == *frame))
                        .and_then(|f| f.code.layout.slots.get(*slot as usize))
                        .map(|s| s.off)
                        .unwrap_or(0);
                base + off + p.off
            }
        },
        None => 0xc000000000 + p.off,
    }
}

pub fn frame_addr(m: &Machine, g: usize, frame: AllocId) -> u64 {
    let Some(g) = m.gs.get(g) else { return 0 };
    match g.frames.iter().find(|f| f.alloc == frame) {
        Some(f) => g.stack_hi - f.depth - f.code.layout.size,
        None => g.stack_hi,
    }
}

// ----- float formatting ---------------------------------------------

/// Shortest decimal digits and decimal exponent: `(digits, exp)` with
/// value = 0.d1d2... × 10^exp.
fn shortest(f: f64, f32: bool) -> (String, i32) {
    let s = if f32 {
        format!("{:e}", f as f32)
    } else {
        format!("{f:e}")
    };
    let s = s.trim_start_matches('-');
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

fn exp_str(e: i32) -> String {
    if e < 0 {
        format!("-{:02}", -e)
    } else {
        format!("+{e:02}")
    }
}

/// `strconv.FormatFloat(f, 'g', -1, bits)`: what `%v` prints.
/// `%v` of a complex number: `(1+2i)`, each part as `%g` of its float
/// size, the imaginary part always signed.
pub fn fmt_complex_g(re: f64, im: f64, f32: bool) -> String {
    let im_s = fmt_float_g(im, f32);
    let sign = if im_s.starts_with('+') || im_s.starts_with('-') {
        ""
    } else {
        "+"
    };
    format!("({}{sign}{im_s}i)", fmt_float_g(re, f32))
}

pub fn fmt_float_g(f: f64, f32: bool) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let neg = f < 0.0;
    let (d, dp) = shortest(f, f32);
    let x = dp - 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    // strconv's %g with the shortest digits: %e below 1e-4 or from 1e6
    // (`eprec = 6` in ftoa's fmtEFG).
    if !(-4..6).contains(&x) {
        out.push_str(&d[..1]);
        if d.len() > 1 {
            out.push('.');
            out.push_str(&d[1..]);
        }
        out.push('e');
        out.push_str(&exp_str(x));
    } else {
        out.push_str(&fixed_from_digits(&d, dp));
    }
    out
}

fn fixed_from_digits(d: &str, dp: i32) -> String {
    let mut out = String::new();
    if dp <= 0 {
        out.push_str("0.");
        for _ in 0..(-dp) {
            out.push('0');
        }
        out.push_str(d);
    } else if dp as usize >= d.len() {
        out.push_str(d);
        for _ in 0..(dp as usize - d.len()) {
            out.push('0');
        }
    } else {
        out.push_str(&d[..dp as usize]);
        out.push('.');
        out.push_str(&d[dp as usize..]);
    }
    out
}

/// `%e` with precision.
pub fn fmt_float_e(f: f64, prec: usize, upper: bool) -> String {
    if !f.is_finite() {
        return fmt_float_g(f, false);
    }
    let s = format!("{f:.prec$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let r = format!("{mant}e{}", exp_str(e));
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

/// `%g` with an explicit precision (significant digits).
pub fn fmt_float_gp(f: f64, prec: usize, sharp: bool) -> String {
    if !f.is_finite() {
        return fmt_float_g(f, false);
    }
    let prec = prec.max(1);
    let s = format!("{:.*e}", prec - 1, f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let x: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let mut d: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    if !sharp {
        while d.len() > 1 && d.ends_with('0') {
            d.pop();
        }
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if x < -4 || x >= prec as i32 {
        out.push_str(&d[..1]);
        if d.len() > 1 {
            out.push('.');
            out.push_str(&d[1..]);
        }
        out.push('e');
        out.push_str(&exp_str(x));
    } else {
        out.push_str(&fixed_from_digits(&d, x + 1));
    }
    out
}

// ----- println ------------------------------------------------------------

/// How the builtin `println` prints one operand.
pub fn print_builtin(m: &mut Machine, v: &V, ty: TypeId) -> String {
    let t = &m.prog.types;
    match (t.under(ty), v) {
        (_, V::Str(s)) => String::from_utf8_lossy(s).into_owned(),
        (Type::Basic(k), V::Int(i)) if k.is_unsigned() => (*i as u64).to_string(),
        (_, V::Int(i)) => i.to_string(),
        (Type::Basic(BasicKind::Float32), V::Float(f)) => fmt_float_g(*f, true),
        (_, V::Float(f)) => fmt_float_g(*f, false),
        (Type::Basic(BasicKind::Complex64), V::Complex(re, im)) => fmt_complex_g(*re, *im, true),
        (_, V::Complex(re, im)) => fmt_complex_g(*re, *im, false),
        (_, V::Bool(b)) => b.to_string(),
        (Type::Interface(_), V::Nil) => "(0x0,0x0)".into(),
        (_, V::Nil) => "0x0".into(),
        (_, V::Ptr(p)) => format!("{:#x}", address(m, *p)),
        (_, V::Slice(s)) => format!("[{}/{}]{:#x}", s.len, s.cap, address(m, s.ptr)),
        (_, V::Iface(i)) => format!(
            "(0x{:x},0x{:x})",
            0x4a0000 + (i.ty.0 as u64) * 32,
            i.boxed
                .and_then(|b| m.alloc(b))
                .map(|a| a.addr)
                .unwrap_or(0xc000010000)
        ),
        (_, V::Map(a)) | (_, V::Chan(a)) => {
            format!("{:#x}", m.alloc(*a).map(|x| x.addr).unwrap_or(0))
        }
        _ => "?".into(),
    }
}

// ----- panics -------------------------------------------------------------

/// The runtime's `printpanicval`: errors by `Error()`, stringers by
/// `String()`, basic kinds of named types as `main.T(v)`.
pub fn panic_value(m: &mut Machine, v: &V) -> String {
    match v {
        V::Nil => "nil".into(),
        V::Iface(i) => {
            let ty = i.ty;
            if super::exec::is_rt(ty) {
                return String::from_utf8_lossy(&super::stdlib::sentinel_msg(&i.val)).into_owned();
            }
            let gi = m.cur;
            if m.find_method(ty, "Error").is_some() {
                if let Ok(r) = m.call_method_sync(gi, v, "Error") {
                    return String::from_utf8_lossy(r.first().map(|x| x.str()).unwrap_or(b""))
                        .into_owned();
                }
            }
            if m.find_method(ty, "String").is_some() {
                if let Ok(r) = m.call_method_sync(gi, v, "String") {
                    return String::from_utf8_lossy(r.first().map(|x| x.str()).unwrap_or(b""))
                        .into_owned();
                }
            }
            let named = m.prog.types.named_of(ty).is_some();
            let tn = type_name(m, ty);
            let inner = match (&i.val, m.prog.types.under(ty)) {
                (V::Str(s), _) => {
                    if named {
                        return format!("{tn}({})", crate::quote::quote_bytes(s, false));
                    }
                    return String::from_utf8_lossy(s).into_owned();
                }
                (V::Int(x), Type::Basic(k)) if k.is_unsigned() => (*x as u64).to_string(),
                (V::Int(x), _) => x.to_string(),
                (V::Float(f), _) => fmt_float_e(*f, 6, false)
                    .replace("e+", "e+0")
                    .replace("e-", "e-0"),
                (V::Bool(b), _) => b.to_string(),
                _ => {
                    let addr = i
                        .boxed
                        .and_then(|b| m.alloc(b))
                        .map(|a| a.addr)
                        .unwrap_or(0xc000012000);
                    return format!("({tn}) {addr:#x}");
                }
            };
            let inner = match &i.val {
                V::Float(f) => {
                    let s = fmt_float_e(*f, 6, false);
                    let s = if f.is_sign_negative() {
                        s
                    } else {
                        format!("+{s}")
                    };
                    // The runtime prints three exponent digits.
                    match s.split_once('e') {
                        Some((a, b)) => {
                            let (sign, digits) = b.split_at(1);
                            format!("{a}e{sign}{:0>3}", digits)
                        }
                        None => s,
                    }
                }
                _ => inner,
            };
            if named {
                format!("{tn}({inner})")
            } else {
                inner
            }
        }
        other => format!("{other:?}"),
    }
}

// ----- fmt ------------------------------------------------------------------

#[derive(Clone, Copy, Default)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
    verb: char,
}

/// `fmt.Sprintf`.
pub fn sprintf(m: &mut Machine, format: &[u8], args: &[V]) -> R<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    let mut i = 0;
    let mut argi = 0;
    let f = format;
    while i < f.len() {
        if f[i] != b'%' {
            let start = i;
            while i < f.len() && f[i] != b'%' {
                i += 1;
            }
            out.extend_from_slice(&f[start..i]);
            continue;
        }
        i += 1;
        let mut sp = Spec::default();
        while i < f.len() {
            match f[i] {
                b'-' => sp.minus = true,
                b'+' => sp.plus = true,
                b'#' => sp.sharp = true,
                b' ' => sp.space = true,
                b'0' => sp.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < f.len() && f[i] == b'*' {
            i += 1;
            if let Some(V::Iface(a)) = args.get(argi) {
                sp.width = Some(a.val.int().max(0) as usize);
            }
            argi += 1;
        } else {
            let mut w = None;
            while i < f.len() && f[i].is_ascii_digit() {
                w = Some(w.unwrap_or(0) * 10 + (f[i] - b'0') as usize);
                i += 1;
            }
            sp.width = w;
        }
        if i < f.len() && f[i] == b'.' {
            i += 1;
            if i < f.len() && f[i] == b'*' {
                i += 1;
                if let Some(V::Iface(a)) = args.get(argi) {
                    sp.prec = Some(a.val.int().max(0) as usize);
                }
                argi += 1;
            } else {
                let mut p = 0;
                while i < f.len() && f[i].is_ascii_digit() {
                    p = p * 10 + (f[i] - b'0') as usize;
                    i += 1;
                }
                sp.prec = Some(p);
            }
        }
        if i >= f.len() {
            out.extend_from_slice(b"%!(NOVERB)");
            break;
        }
        let (c, w) = super::exec::decode_rune(&f[i..]);
        i += w.max(1);
        sp.verb = char::from_u32(c).unwrap_or('?');
        if sp.verb == '%' {
            out.push(b'%');
            continue;
        }
        let Some(arg) = args.get(argi) else {
            let _ = write!(VecWriter(&mut out), "%!{}(MISSING)", sp.verb);
            continue;
        };
        argi += 1;
        let s = fmt_arg(m, arg, sp)?;
        out.extend_from_slice(&s);
    }
    if argi < args.len() {
        out.extend_from_slice(b"%!(EXTRA ");
        for (k, a) in args[argi..].iter().enumerate() {
            if k > 0 {
                out.extend_from_slice(b", ");
            }
            let (tn, v) = match a {
                V::Iface(x) => (
                    type_name(m, x.ty),
                    fmt_arg(
                        m,
                        a,
                        Spec {
                            verb: 'v',
                            ..Default::default()
                        },
                    )?,
                ),
                _ => ("<nil>".into(), b"".to_vec()),
            };
            out.extend_from_slice(tn.as_bytes());
            out.push(b'=');
            out.extend_from_slice(&v);
        }
        out.push(b')');
    }
    Ok(out)
}

struct VecWriter<'a>(&'a mut Vec<u8>);
impl std::fmt::Write for VecWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// `fmt.Sprint` (`ln`: `Sprintln`).
pub fn sprint(m: &mut Machine, args: &[V], ln: bool) -> R<Vec<u8>> {
    let mut out = Vec::new();
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_string = matches!(a, V::Iface(x) if matches!(m.prog.types.under(x.ty), Type::Basic(k) if k.is_string()));
        if i > 0 && (ln || (!is_string && !prev_string)) {
            out.push(b' ');
        }
        out.extend(fmt_arg(
            m,
            a,
            Spec {
                verb: 'v',
                ..Default::default()
            },
        )?);
        prev_string = is_string;
    }
    if ln {
        out.push(b'\n');
    }
    Ok(out)
}

fn pad(s: Vec<u8>, sp: Spec) -> Vec<u8> {
    let Some(w) = sp.width else { return s };
    let n = String::from_utf8_lossy(&s).chars().count();
    if n >= w {
        return s;
    }
    let fill = w - n;
    if sp.minus {
        let mut s = s;
        s.extend(std::iter::repeat_n(b' ', fill));
        s
    } else if sp.zero
        && sp.verb != 's'
        && sp.verb != 'v'
        && sp.verb != 'q'
        && sp.verb != 'c'
        && sp.verb != 't'
    {
        let (sign, rest) = if s.first().map(|c| *c == b'-' || *c == b'+').unwrap_or(false) {
            (vec![s[0]], s[1..].to_vec())
        } else {
            (vec![], s)
        };
        let mut out = sign;
        out.extend(std::iter::repeat_n(b'0', fill));
        out.extend(rest);
        out
    } else {
        let mut out: Vec<u8> = std::iter::repeat_n(b' ', fill).collect();
        out.extend(s);
        out
    }
}

/// Formats one operand (an `any`) with a verb.
fn fmt_arg(m: &mut Machine, arg: &V, sp: Spec) -> R<Vec<u8>> {
    match arg {
        V::Nil => Ok(pad(
            match sp.verb {
                'v' | 's' => b"<nil>".to_vec(),
                'T' => b"<nil>".to_vec(),
                c => format!("%!{c}(<nil>)").into_bytes(),
            },
            sp,
        )),
        V::Iface(i) => {
            if sp.verb == 'T' {
                return Ok(pad(type_name(m, i.ty).into_bytes(), sp));
            }
            if sp.verb == 'p' {
                let a = match &i.val {
                    V::Ptr(p) => address(m, *p),
                    _ => 0,
                };
                return Ok(pad(format!("{a:#x}").into_bytes(), sp));
            }
            let (ty, val) = (i.ty, i.val.clone());
            let s = fmt_value(m, arg, &val, ty, sp, 0)?;
            Ok(pad(s, sp))
        }
        other => Ok(format!("{other:?}").into_bytes()),
    }
}

/// Calls `Error()`/`String()` when the verb allows (fmt's handleMethods).
fn methods(m: &mut Machine, whole: &V, ty: TypeId, sp: Spec) -> R<Option<Vec<u8>>> {
    if !matches!(sp.verb, 'v' | 's' | 'q' | 'x' | 'X') || sp.sharp && sp.verb == 'v' {
        return Ok(None);
    }
    let gi = m.cur;
    if super::exec::is_rt(ty) || ty == ERROR_STRING {
        if let V::Iface(i) = whole {
            return Ok(Some(super::stdlib::sentinel_msg(&i.val)));
        }
    }
    for name in ["Error", "String"] {
        if m.find_method(ty, name).is_some() {
            if ty.0 < u32::MAX - 16 {
                // A nil pointer receiver with a value method: fmt prints <nil>.
                if let (V::Iface(i), Type::Pointer(_)) = (whole, m.prog.types.under(ty)) {
                    if i.val.is_nil() {
                        if let Some((f, _, ptr)) = m.find_method(ty, name) {
                            let _ = f;
                            if !ptr {
                                return Ok(Some(b"<nil>".to_vec()));
                            }
                        }
                    }
                }
            }
            let r = m.call_method_sync(gi, whole, name)?;
            let s = r.first().map(|x| x.str().to_vec()).unwrap_or_default();
            return Ok(Some(match sp.verb {
                'q' => fmt_q(&s, sp),
                'x' => hex(&s, false),
                'X' => hex(&s, true),
                _ => s,
            }));
        }
    }
    Ok(None)
}

fn hex(b: &[u8], upper: bool) -> Vec<u8> {
    let mut s = String::new();
    for c in b {
        if upper {
            let _ = write!(s, "{c:02X}");
        } else {
            let _ = write!(s, "{c:02x}");
        }
    }
    s.into_bytes()
}

fn bad_verb(m: &Machine, sp: Spec, ty: TypeId, text: &[u8]) -> Vec<u8> {
    let mut out = format!("%!{}({}=", sp.verb, type_name(m, ty)).into_bytes();
    out.extend_from_slice(text);
    out.push(b')');
    out
}

fn fmt_int(i: i64, unsigned: bool, sp: Spec) -> Option<Vec<u8>> {
    let neg = !unsigned && i < 0;
    let mag: u128 = if unsigned {
        i as u64 as u128
    } else {
        (i as i128).unsigned_abs()
    };
    let digits = match sp.verb {
        'd' | 'v' => mag.to_string(),
        'x' => format!("{mag:x}"),
        'X' => format!("{mag:X}"),
        'o' => format!("{mag:o}"),
        'O' => format!("0o{mag:o}"),
        'b' => format!("{mag:b}"),
        _ => return None,
    };
    let mut digits = digits;
    if let Some(p) = sp.prec {
        while digits.len() < p {
            digits.insert(0, '0');
        }
        if p == 0 && mag == 0 {
            digits.clear();
        }
    }
    let mut s = String::new();
    if neg {
        s.push('-');
    } else if sp.plus {
        s.push('+');
    } else if sp.space {
        s.push(' ');
    }
    if sp.sharp {
        match sp.verb {
            'x' => s.push_str("0x"),
            'X' => s.push_str("0X"),
            'o' => s.push('0'),
            'b' => s.push_str("0b"),
            _ => {}
        }
    }
    s.push_str(&digits);
    Some(s.into_bytes())
}

fn fmt_float(f: f64, f32: bool, sp: Spec) -> Option<Vec<u8>> {
    let sp = if sp.verb == 'v' {
        Spec { plus: false, ..sp }
    } else {
        sp
    };
    let mut s = match sp.verb {
        'v' => match sp.prec {
            Some(p) => fmt_float_gp(f, p, sp.sharp),
            None => fmt_float_g(f, f32),
        },
        'g' | 'G' => {
            let s = match sp.prec {
                Some(p) => fmt_float_gp(f, p, sp.sharp),
                None => fmt_float_g(f, f32),
            };
            if sp.verb == 'G' {
                s.replace('e', "E")
            } else {
                s
            }
        }
        'f' | 'F' => {
            if f.is_finite() {
                format!("{:.*}", sp.prec.unwrap_or(6), f)
            } else {
                fmt_float_g(f, f32)
            }
        }
        'e' | 'E' => fmt_float_e(f, sp.prec.unwrap_or(6), sp.verb == 'E'),
        _ => return None,
    };
    if sp.plus && !s.starts_with('-') && !s.starts_with('+') {
        s.insert(0, '+');
    } else if sp.space && !s.starts_with('-') {
        s.insert(0, ' ');
    }
    if s == "+Inf" && !sp.plus {
        s = "+Inf".into();
    }
    Some(s.into_bytes())
}

/// Formats `val` of type `ty`. `whole` is the interface holding it (for
/// method calls); `depth` > 0 inside composites.
fn fmt_value(m: &mut Machine, whole: &V, val: &V, ty: TypeId, sp: Spec, depth: u32) -> R<Vec<u8>> {
    if depth > 20 {
        return Ok(b"...".to_vec());
    }
    if let Some(s) = methods(m, whole, ty, sp)? {
        return Ok(s);
    }
    if ty.0 as usize >= m.prog.types.len() {
        // Runtime-made errors.
        if let V::Iface(i) = whole {
            return Ok(error_text(m, i));
        }
        return Ok(b"?".to_vec());
    }
    let under = m.prog.types.under(ty).clone();
    let verb = sp.verb;
    let plus_v = sp.plus && verb == 'v';
    let sharp_v = sp.sharp && verb == 'v';
    match (&under, val) {
        (Type::Basic(k), V::Bool(b)) if k.is_boolean() => Ok(match verb {
            'v' | 't' => b.to_string().into_bytes(),
            _ => bad_verb(m, sp, ty, b.to_string().as_bytes()),
        }),
        (Type::Basic(k), V::Int(i)) if k.is_integer() => {
            let unsigned = k.is_unsigned();
            match verb {
                'c' => Ok(char::from_u32(*i as u32)
                    .unwrap_or('\u{FFFD}')
                    .to_string()
                    .into_bytes()),
                'q' => Ok(crate::quote::quote_rune(*i, sp.plus).into_bytes()),
                'U' => Ok(format!("U+{:04X}", *i as u32).into_bytes()),
                _ => match fmt_int(
                    *i,
                    unsigned,
                    if verb == 'v' {
                        Spec {
                            verb: 'd',
                            plus: false,
                            ..sp
                        }
                    } else {
                        sp
                    },
                ) {
                    Some(s) => Ok(s),
                    None => {
                        let t = if unsigned {
                            (*i as u64).to_string()
                        } else {
                            i.to_string()
                        };
                        Ok(bad_verb(m, sp, ty, t.as_bytes()))
                    }
                },
            }
        }
        (Type::Basic(k), V::Complex(re, im)) if k.is_complex() => {
            let f32 = k.canonical() == BasicKind::Complex64;
            // fmt's fmtComplex: each part as a float, `%v` as `%g`, the
            // imaginary part always signed.
            let part = |x: f64, signed: bool| {
                let mut s = sp;
                if s.verb == 'v' {
                    s.verb = 'g';
                }
                s.plus |= signed;
                fmt_float(x, f32, s)
            };
            let (Some(r), Some(i)) = (part(*re, false), part(*im, true)) else {
                return Ok(bad_verb(m, sp, ty, fmt_complex_g(*re, *im, f32).as_bytes()));
            };
            let mut out = b"(".to_vec();
            out.extend_from_slice(&r);
            out.extend_from_slice(&i);
            out.extend_from_slice(b"i)");
            Ok(out)
        }
        (Type::Basic(k), V::Float(f)) if k.is_float() => {
            let f32 = k.canonical() == BasicKind::Float32;
            match fmt_float(*f, f32, sp) {
                Some(s) => Ok(s),
                None => Ok(bad_verb(m, sp, ty, fmt_float_g(*f, f32).as_bytes())),
            }
        }
        (Type::Basic(k), V::Str(s)) if k.is_string() => Ok(match verb {
            'v' if sharp_v => crate::quote::quote_bytes(s, false).into_bytes(),
            'v' | 's' => {
                let mut b = s.to_vec();
                if let Some(p) = sp.prec {
                    b = String::from_utf8_lossy(&b)
                        .chars()
                        .take(p)
                        .collect::<String>()
                        .into_bytes();
                }
                b
            }
            'q' => fmt_q(s, sp),
            'x' => hex(s, false),
            'X' => hex(s, true),
            _ => bad_verb(m, sp, ty, s),
        }),
        (Type::Pointer(e), V::Ptr(p)) => {
            let e = *e;
            let is_comp = matches!(
                m.prog.types.under(e),
                Type::Struct(_) | Type::Array { .. } | Type::Slice(_) | Type::Map { .. }
            );
            if depth == 0 && is_comp && matches!(verb, 'v' | 's' | 'd' | 'x') {
                let inner = m.load(*p, e)?;
                let iw = V::Iface(std::rc::Rc::new(IfaceV {
                    ty: e,
                    val: inner.clone(),
                    boxed: None,
                }));
                let mut out = if sharp_v {
                    format!("&{}", type_name(m, e)).into_bytes()
                } else {
                    b"&".to_vec()
                };
                let s = fmt_value(m, &iw, &inner, e, sp, depth + 1)?;
                if sharp_v {
                    // type name already printed
                    let tn = type_name(m, e);
                    out.extend_from_slice(s.strip_prefix(tn.as_bytes()).unwrap_or(&s));
                } else {
                    out.extend(s);
                }
                return Ok(out);
            }
            let a = address(m, *p);
            if sharp_v {
                return Ok(format!("({})({a:#x})", type_name(m, ty)).into_bytes());
            }
            Ok(format!("{a:#x}").into_bytes())
        }
        (Type::Pointer(_), _) => Ok(if sharp_v {
            format!("({})(nil)", type_name(m, ty)).into_bytes()
        } else {
            b"<nil>".to_vec()
        }),
        (Type::Struct(fields), V::Agg(items)) => {
            let mut out = Vec::new();
            if sharp_v {
                out.extend(type_name(m, ty).into_bytes());
            }
            out.push(b'{');
            for (i, (f, v)) in fields.iter().zip(items.iter()).enumerate() {
                if i > 0 {
                    out.extend_from_slice(if sharp_v { b", " } else { b" " });
                }
                if plus_v || sharp_v {
                    out.extend_from_slice(f.name.as_bytes());
                    out.push(b':');
                }
                let exported = f
                    .name
                    .chars()
                    .next()
                    .map(|c| c.is_uppercase())
                    .unwrap_or(false);
                out.extend(fmt_field(m, v, f.ty, sp, depth + 1, exported)?);
            }
            out.push(b'}');
            Ok(out)
        }
        (Type::Array { elem, .. }, _) => {
            let elem = *elem;
            let items: Vec<V> = match val {
                V::Agg(a) => a.to_vec(),
                V::Bytes(b) => b.iter().map(|x| V::Int(x as i64)).collect(),
                _ => vec![],
            };
            fmt_list(m, &items, elem, ty, sp, depth)
        }
        (Type::Slice(elem), _) => {
            let elem = *elem;
            if val.is_nil() && sharp_v {
                return Ok(format!("{}(nil)", type_name(m, ty)).into_bytes());
            }
            let items = m.slice_elems(val, elem)?;
            if super::types::is_byte(&m.prog.types, elem) && matches!(verb, 's' | 'q' | 'x' | 'X') {
                let b: Vec<u8> = items.iter().map(|x| x.int() as u8).collect();
                return Ok(match verb {
                    's' => b,
                    'q' => fmt_q(&b, sp),
                    'x' => hex(&b, false),
                    _ => hex(&b, true),
                });
            }
            fmt_list(m, &items, elem, ty, sp, depth)
        }
        (Type::Map { key, value }, _) => {
            let (key, value) = (*key, *value);
            let mut entries = match val {
                V::Map(a) => m.map_entries(*a),
                _ => vec![],
            };
            crate::sort::by(&mut entries, |a, b| compare_keys(&a.0, &b.0));
            let mut out = if sharp_v {
                type_name(m, ty).into_bytes()
            } else {
                b"map".to_vec()
            };
            if sharp_v && val.is_nil() {
                out.extend_from_slice(b"(nil)");
                return Ok(out);
            }
            out.push(if sharp_v { b'{' } else { b'[' });
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(if sharp_v { b", " } else { b" " });
                }
                out.extend(fmt_field(m, k, key, sp, depth + 1, true)?);
                out.push(b':');
                out.extend(fmt_field(m, v, value, sp, depth + 1, true)?);
            }
            out.push(if sharp_v { b'}' } else { b']' });
            Ok(out)
        }
        (Type::Interface(_), V::Nil) => Ok(if sharp_v {
            format!("{}(nil)", type_name(m, ty)).into_bytes()
        } else {
            b"<nil>".to_vec()
        }),
        (Type::Interface(_), V::Iface(i)) => {
            let inner = i.val.clone();
            let t = i.ty;
            fmt_value(m, val, &inner, t, sp, depth)
        }
        (Type::Chan { .. }, V::Chan(a)) => {
            Ok(format!("{:#x}", m.alloc(*a).map(|x| x.addr).unwrap_or(0)).into_bytes())
        }
        (Type::Func(_), V::Func(_)) => Ok(b"0x47b0e0".to_vec()),
        (_, V::Nil) => Ok(b"<nil>".to_vec()),
        _ => Ok(b"?".to_vec()),
    }
}

fn error_text(m: &mut Machine, i: &IfaceV) -> Vec<u8> {
    let _ = m;
    super::stdlib::sentinel_msg(&i.val)
}

/// A composite's element: with fmt's method handling for exported
/// interface-able values.
fn fmt_field(
    m: &mut Machine,
    v: &V,
    ty: TypeId,
    sp: Spec,
    depth: u32,
    exported: bool,
) -> R<Vec<u8>> {
    let whole = match v {
        V::Iface(_) => v.clone(),
        _ => V::Iface(std::rc::Rc::new(IfaceV {
            ty,
            val: v.clone(),
            boxed: None,
        })),
    };
    if !exported {
        // Unexported fields: no methods (reflect cannot call them).
        let sp2 = Spec {
            verb: if sp.verb == 's' { 'v' } else { sp.verb },
            ..sp
        };
        return fmt_value_nomethods(m, &whole, v, ty, sp2, depth);
    }
    if let V::Iface(i) = v {
        let t = i.ty;
        let inner = i.val.clone();
        return fmt_value(m, v, &inner, t, sp, depth);
    }
    if v.is_nil() && m.prog.types.is_interface(ty) {
        return Ok(b"<nil>".to_vec());
    }
    fmt_value(m, &whole, v, ty, sp, depth)
}

fn fmt_value_nomethods(
    m: &mut Machine,
    whole: &V,
    v: &V,
    ty: TypeId,
    sp: Spec,
    depth: u32,
) -> R<Vec<u8>> {
    if let V::Iface(i) = v {
        if ty.0 as usize >= m.prog.types.len() || i.ty.0 as usize >= m.prog.types.len() {
            return Ok(error_text(m, i));
        }
        let t = i.ty;
        let inner = i.val.clone();
        return fmt_value_nomethods(m, v, &inner, t, sp, depth);
    }
    // Temporarily treat as a type with no methods by formatting the
    // underlying type.
    let u = m.prog.types.underlying(ty);
    let _ = whole;
    let w = V::Iface(std::rc::Rc::new(IfaceV {
        ty: u,
        val: v.clone(),
        boxed: None,
    }));
    fmt_value(m, &w, v, u, sp, depth)
}

fn fmt_list(
    m: &mut Machine,
    items: &[V],
    elem: TypeId,
    ty: TypeId,
    sp: Spec,
    depth: u32,
) -> R<Vec<u8>> {
    let sharp_v = sp.sharp && sp.verb == 'v';
    let mut out = if sharp_v {
        type_name(m, ty).into_bytes()
    } else {
        vec![]
    };
    out.push(if sharp_v { b'{' } else { b'[' });
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(if sharp_v { b", " } else { b" " });
        }
        out.extend(fmt_field(m, v, elem, sp, depth + 1, true)?);
    }
    out.push(if sharp_v { b'}' } else { b']' });
    Ok(out)
}

/// `%q` of a string: `strconv.Quote`, `QuoteToASCII` with `+`, or
/// backquoted with `#` when possible.
fn fmt_q(s: &[u8], sp: Spec) -> Vec<u8> {
    let s = match sp.prec {
        Some(p) => {
            let n: usize = super::stdlib::rune_widths(s).into_iter().take(p).sum();
            &s[..n]
        }
        None => s,
    };
    if sp.sharp && can_backquote(s) {
        let mut out = b"`".to_vec();
        out.extend_from_slice(s);
        out.push(b'`');
        return out;
    }
    crate::quote::quote_bytes(s, sp.plus).into_bytes()
}

/// `strconv.CanBackquote`.
fn can_backquote(s: &[u8]) -> bool {
    match std::str::from_utf8(s) {
        Ok(t) => t
            .chars()
            .all(|c| c != '`' && c != '\u{FEFF}' && (c == '\t' || c >= ' ') && c != '\u{7f}'),
        Err(_) => false,
    }
}

/// fmt's key order for printing maps.
pub fn compare_keys(a: &V, b: &V) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (V::Int(x), V::Int(y)) => x.cmp(y),
        (V::Float(x), V::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (V::Complex(a, b), V::Complex(c, d)) => a
            .partial_cmp(c)
            .unwrap_or(Ordering::Equal)
            .then(b.partial_cmp(d).unwrap_or(Ordering::Equal)),
        (V::Str(x), V::Str(y)) => x.cmp(y),
        (V::Bool(x), V::Bool(y)) => x.cmp(y),
        (V::Agg(x), V::Agg(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                let o = compare_keys(p, q);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }
        (V::Iface(x), V::Iface(y)) => x.ty.cmp(&y.ty).then_with(|| compare_keys(&x.val, &y.val)),
        (V::Nil, V::Nil) => Ordering::Equal,
        (V::Nil, _) => Ordering::Less,
        (_, V::Nil) => Ordering::Greater,
        (V::Ptr(x), V::Ptr(y)) => (x.alloc, x.off).cmp(&(y.alloc, y.off)),
        _ => Ordering::Equal,
    }
}
