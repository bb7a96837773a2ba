//! strings, strconv, unicode, unicode/utf8, errors, sort, math and os:
//! each function with Go's exact results, panics and error values.

use super::super::exec::{Flow, Machine, ERROR_STRING, JOIN_ERROR, NUM_ERROR, WRAP_ERROR};
use super::super::memory::{Extra, Layout};
use super::super::value::*;
use super::strconv::{self as sc, NumErr};
use super::unicode as u;
use super::{arg, error_string, new_error, recv_ptr_type, MapPanic, R};
use crate::ir::{FuncId, Type, TypeId, TypeTable};
use std::rc::Rc;

fn bs(v: &[u8]) -> V {
    V::bytes_str(v)
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    h.windows(n.len()).position(|w| w == n)
}

fn rfind(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(h.len());
    }
    if n.len() > h.len() {
        return None;
    }
    h.windows(n.len()).rposition(|w| w == n)
}

fn count(s: &[u8], sep: &[u8]) -> usize {
    if sep.is_empty() {
        return u::rune_count(s) + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find(&s[i..], sep) {
        n += 1;
        i += j + sep.len();
    }
    n
}

/// `strings.IndexRune`.
fn index_rune(s: &[u8], r: i64) -> Option<usize> {
    if (0..0x80).contains(&r) {
        return s.iter().position(|&b| b as i64 == r);
    }
    if r == u::RUNE_ERROR as i64 {
        return u::runes(s)
            .into_iter()
            .find(|x| x.1 == u::RUNE_ERROR)
            .map(|x| x.0);
    }
    if u::rune_len(r) < 0 {
        return None;
    }
    find(s, &u::encode(r))
}

/// The bytes of a `[]byte` value.
pub fn bytes_of(m: &mut Machine, v: &V) -> R<Vec<u8>> {
    Ok(m.slice_elems(v, TypeTable::BYTE)?
        .iter()
        .map(|x| x.int() as u8)
        .collect())
}

/// A new `[]string` of length `items.len()` and capacity `cap`.
fn string_slice_cap(m: &mut Machine, gi: usize, items: Vec<Vec<u8>>, cap: usize) -> R<V> {
    let n = items.len() as u64;
    let sl = m.make_slice(gi, TypeTable::STRING, n, cap.max(items.len()) as u64, None)?;
    for (i, x) in items.into_iter().enumerate() {
        m.store(
            Ptr {
                alloc: sl.ptr.alloc,
                off: sl.ptr.off + 16 * i as u64,
            },
            TypeTable::STRING,
            bs(&x),
        )?;
    }
    Ok(V::Slice(sl))
}

fn string_slice(m: &mut Machine, gi: usize, items: Vec<Vec<u8>>) -> R<V> {
    let n = items.len();
    string_slice_cap(m, gi, items, n)
}

/// Calls method `name` of interface value `recv` with `args`.
pub fn call_method(m: &mut Machine, gi: usize, recv: &V, name: &str, args: Vec<V>) -> R<Vec<V>> {
    let (f, r) = m.iface_method(recv, name)?;
    let fv = V::Func(Rc::new(FuncV {
        call: Callable::MethodExpr(f),
        env: None,
    }));
    let mut all = vec![r];
    all.extend(args);
    m.call_sync(gi, &fv, all)
}

fn first(r: Vec<V>) -> V {
    r.into_iter().next().unwrap_or_default()
}

/// The index of package-level variable `name` (`"strconv.ErrRange"`).
fn global_slot(m: &Machine, name: &str) -> Option<usize> {
    m.c.globals
        .slots
        .iter()
        .position(|s| s.hidden && s.name == name)
}

fn global_value(m: &Machine, i: usize) -> V {
    match m.alloc(m.globals).map(|a| &a.val) {
        Some(V::Agg(items)) => items.get(i).cloned().unwrap_or_default(),
        _ => V::Nil,
    }
}

const SENTINELS: [(&str, &str); 3] = [
    ("strconv.ErrRange", "value out of range"),
    ("strconv.ErrSyntax", "invalid syntax"),
    ("os.ErrNotExist", "file does not exist"),
];

fn sentinel_value(msg: &str) -> V {
    V::Iface(Rc::new(IfaceV {
        ty: ERROR_STRING,
        val: V::Agg(vec![V::string(msg)].into_boxed_slice()),
        boxed: None,
    }))
}

/// The library's error variables (`strconv.ErrRange`, `os.ErrNotExist`)
/// hold their `errors.New` values (set before the first library call).
pub fn ensure_sentinels(m: &mut Machine) {
    let c = m.c;
    for (i, s) in c.globals.slots.iter().enumerate() {
        if !s.hidden {
            continue;
        }
        let Some((_, msg)) = SENTINELS.iter().find(|(n, _)| *n == s.name) else {
            continue;
        };
        let g = m.globals;
        if let Some(a) = m.alloc_mut_pub(g) {
            if let V::Agg(items) = &mut a.val {
                if let Some(slot) = items.get_mut(i) {
                    if slot.is_nil() {
                        *slot = sentinel_value(msg);
                    }
                }
            }
        }
    }
}

fn sentinel(m: &mut Machine, name: &str) -> V {
    ensure_sentinels(m);
    match global_slot(m, name) {
        Some(i) => global_value(m, i),
        None => {
            let msg = SENTINELS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|x| x.1)
                .unwrap_or("");
            sentinel_value(msg)
        }
    }
}

/// The pointer type of a library type from one of its pointer methods.
fn ptr_type_of(m: &Machine, method: &str) -> Option<TypeId> {
    let f = m.prog.std_func(method)?;
    let t = recv_ptr_type(m, f);
    matches!(m.prog.types.under(t), Type::Pointer(_)).then_some(t)
}

fn elem_of(m: &Machine, ptr: TypeId) -> TypeId {
    match m.prog.types.under(ptr) {
        Type::Pointer(e) => *e,
        _ => TypeTable::INVALID,
    }
}

/// A heap object of library struct type `ptr`'s element, as an interface
/// holding the pointer.
fn new_struct_iface(m: &mut Machine, ptr: TypeId, fields: Vec<V>) -> R<V> {
    let p = new_struct(m, ptr, fields)?;
    Ok(V::Iface(Rc::new(IfaceV {
        ty: ptr,
        val: p,
        boxed: None,
    })))
}

fn new_struct(m: &mut Machine, ptr: TypeId, fields: Vec<V>) -> R<V> {
    let st = elem_of(m, ptr);
    let size = m.prog.types.size_of(st);
    let hp = m.prog.types.has_pointers(st);
    let p = m.heap_alloc_raw(
        Layout::Typed(st),
        st,
        V::Agg(fields.into_boxed_slice()),
        size,
        hp,
        None,
        Extra::None,
    )?;
    Ok(V::Ptr(p))
}

/// `&strconv.NumError{fn, s, err}` as an `error`.
fn num_error(m: &mut Machine, func: &str, input: &[u8], e: NumErr, n: i64) -> R<V> {
    let err = match e {
        NumErr::Syntax => sentinel(m, "strconv.ErrSyntax"),
        NumErr::Range => sentinel(m, "strconv.ErrRange"),
        NumErr::Base => new_plain_error(m, &format!("invalid base {n}"))?,
        NumErr::BitSize => new_plain_error(m, &format!("invalid bit size {n}"))?,
    };
    match ptr_type_of(m, "(*strconv.NumError).Error") {
        Some(t) => new_struct_iface(m, t, vec![V::string(func), bs(input), err]),
        None => {
            let msg = error_string(m, 0, &err)?;
            let text = format!(
                "strconv.{func}: parsing {}: {msg}",
                crate::quote::quote_bytes(input, false)
            );
            new_error(
                m,
                NUM_ERROR,
                V::Agg(vec![V::string(&text), err].into_boxed_slice()),
            )
        }
    }
}

/// `errors.New(msg)`.
fn new_plain_error(m: &mut Machine, msg: &str) -> R<V> {
    new_error(
        m,
        ERROR_STRING,
        V::Agg(vec![V::string(msg)].into_boxed_slice()),
    )
}

fn panic_str(m: &Machine, msg: &str) -> Flow {
    Flow::Panic(V::string(msg)).map_panic(m)
}

/// What `Unwrap` gives for an error value.
enum Unwrapped {
    One(V),
    Many(Vec<V>),
    Nothing,
}

fn unwrap_of(m: &mut Machine, gi: usize, e: &V) -> R<Unwrapped> {
    let V::Iface(i) = e else {
        return Ok(Unwrapped::Nothing);
    };
    match i.ty {
        WRAP_ERROR => {
            return Ok(Unwrapped::One(match &i.val {
                V::Agg(items) => items.get(1).cloned().unwrap_or_default(),
                _ => V::Nil,
            }))
        }
        NUM_ERROR => {
            return Ok(Unwrapped::One(match &i.val {
                V::Agg(items) => items.get(1).cloned().unwrap_or_default(),
                _ => V::Nil,
            }))
        }
        JOIN_ERROR => {
            return Ok(Unwrapped::Many(match &i.val {
                V::Agg(items) => items.iter().skip(1).cloned().collect(),
                _ => vec![],
            }))
        }
        t if t.0 >= u32::MAX - 16 => return Ok(Unwrapped::Nothing),
        _ => {}
    }
    let Some((f, _, _)) = m.find_method(i.ty, "Unwrap") else {
        return Ok(Unwrapped::Nothing);
    };
    if !m.prog.func(f).params.is_empty() || m.prog.func(f).results.len() != 1 {
        return Ok(Unwrapped::Nothing);
    }
    let rty = m.prog.var(m.prog.func(f).results[0]).ty;
    let r = first(call_method(m, gi, e, "Unwrap", vec![])?);
    match m.prog.types.under(rty) {
        Type::Slice(et) => {
            let et = *et;
            Ok(Unwrapped::Many(m.slice_elems(&r, et)?))
        }
        Type::Interface(_) => Ok(Unwrapped::One(r)),
        _ => Ok(Unwrapped::Nothing),
    }
}

/// Whether `e` has a method `name(error) bool` / `name(any) bool`.
fn has_bool_method(m: &Machine, e: &V, name: &str) -> bool {
    let V::Iface(i) = e else { return false };
    if i.ty.0 >= u32::MAX - 16 {
        return false;
    }
    match m.find_method(i.ty, name) {
        Some((f, _, _)) => {
            let func = m.prog.func(f);
            func.params.len() == 1
                && func.results.len() == 1
                && m.prog.types.is_interface(m.prog.var(func.params[0]).ty)
                && matches!(
                    m.prog.types.under(m.prog.var(func.results[0]).ty),
                    Type::Basic(crate::ir::BasicKind::Bool)
                )
        }
        None => false,
    }
}

fn comparable(m: &Machine, v: &V) -> bool {
    match v {
        V::Iface(i) if i.ty.0 < u32::MAX - 16 => !matches!(
            m.prog.types.under(i.ty),
            Type::Slice(_) | Type::Map { .. } | Type::Func(_)
        ),
        _ => true,
    }
}

fn errors_is(m: &mut Machine, gi: usize, err: V, target: &V, tc: bool, depth: u32) -> R<bool> {
    let mut err = err;
    for _ in 0..10_000 {
        if depth > 100 {
            return Ok(false);
        }
        if tc {
            let same_ty = match (&err, target) {
                (V::Iface(a), V::Iface(b)) => {
                    a.ty == b.ty
                        || a.ty.0 < u32::MAX - 16
                            && b.ty.0 < u32::MAX - 16
                            && m.prog.types.identical(a.ty, b.ty)
                }
                _ => false,
            };
            if same_ty && m.equal(&err, target)? {
                return Ok(true);
            }
        }
        if has_bool_method(m, &err, "Is")
            && first(call_method(m, gi, &err, "Is", vec![target.clone()])?).bool()
        {
            return Ok(true);
        }
        match unwrap_of(m, gi, &err)? {
            Unwrapped::One(e) => {
                if e.is_nil() {
                    return Ok(false);
                }
                err = e;
            }
            Unwrapped::Many(es) => {
                for e in es {
                    if !e.is_nil() && errors_is(m, gi, e, target, tc, depth + 1)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Unwrapped::Nothing => return Ok(false),
        }
    }
    Ok(false)
}

fn errors_as(
    m: &mut Machine,
    gi: usize,
    err: V,
    target: &V,
    tp: Ptr,
    elem: TypeId,
    depth: u32,
) -> R<bool> {
    let mut err = err;
    for _ in 0..10_000 {
        if depth > 100 {
            return Ok(false);
        }
        if m.type_matches(&err, Some(elem)) {
            let v = if m.prog.types.is_interface(elem) {
                err.clone()
            } else {
                match &err {
                    V::Iface(i) => i.val.clone(),
                    v => v.clone(),
                }
            };
            m.store(tp, elem, v)?;
            return Ok(true);
        }
        if has_bool_method(m, &err, "As")
            && first(call_method(m, gi, &err, "As", vec![target.clone()])?).bool()
        {
            return Ok(true);
        }
        match unwrap_of(m, gi, &err)? {
            Unwrapped::One(e) => {
                if e.is_nil() {
                    return Ok(false);
                }
                err = e;
            }
            Unwrapped::Many(es) => {
                for e in es {
                    if !e.is_nil() && errors_as(m, gi, e, target, tp, elem, depth + 1)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Unwrapped::Nothing => return Ok(false),
        }
    }
    Ok(false)
}

// ----- sort ------------------------------------------------------------

/// `sort.Interface` data: the user's methods through the interface.
struct IfaceData<'a, 'p> {
    m: &'a mut Machine<'p>,
    gi: usize,
    data: V,
}

impl super::sort::Data for IfaceData<'_, '_> {
    fn less(&mut self, i: usize, j: usize) -> R<bool> {
        let r = call_method(
            self.m,
            self.gi,
            &self.data,
            "Less",
            vec![V::Int(i as i64), V::Int(j as i64)],
        )?;
        Ok(first(r).bool())
    }
    fn swap(&mut self, i: usize, j: usize) -> R<()> {
        call_method(
            self.m,
            self.gi,
            &self.data,
            "Swap",
            vec![V::Int(i as i64), V::Int(j as i64)],
        )?;
        Ok(())
    }
}

/// `sort.Slice` data: the user's less, and a native swap of the elements.
struct FuncData<'a, 'p> {
    m: &'a mut Machine<'p>,
    gi: usize,
    less: V,
    sl: V,
    elem: TypeId,
    esize: u64,
}

impl super::sort::Data for FuncData<'_, '_> {
    fn less(&mut self, i: usize, j: usize) -> R<bool> {
        let r = self.m.call_sync(
            self.gi,
            &self.less,
            vec![V::Int(i as i64), V::Int(j as i64)],
        )?;
        Ok(first(r).bool())
    }
    fn swap(&mut self, i: usize, j: usize) -> R<()> {
        swap_elems(self.m, &self.sl, self.elem, self.esize, i, j)
    }
}

fn elem_ptr(sl: &V, esize: u64, i: usize) -> Option<Ptr> {
    match sl {
        V::Slice(s) => Some(Ptr {
            alloc: s.ptr.alloc,
            off: s.ptr.off + i as u64 * esize,
        }),
        _ => None,
    }
}

fn swap_elems(m: &mut Machine, sl: &V, ty: TypeId, esize: u64, i: usize, j: usize) -> R<()> {
    let (Some(pi), Some(pj)) = (elem_ptr(sl, esize, i), elem_ptr(sl, esize, j)) else {
        return Ok(());
    };
    let a = m.load(pi, ty)?;
    let b = m.load(pj, ty)?;
    m.store(pi, ty, b)?;
    m.store(pj, ty, a)
}

fn slice_len(v: &V) -> usize {
    match v {
        V::Slice(s) => s.len as usize,
        _ => 0,
    }
}

/// `cmp.Compare` order for slices.Sort: NaNs first.
fn ordered(a: &V, b: &V) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (V::Float(x), V::Float(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Equal,
            (true, false) => Less,
            (false, true) => Greater,
            _ => x.partial_cmp(y).unwrap_or(Equal),
        },
        (V::Str(x), V::Str(y)) => x.cmp(y),
        _ => a.int().cmp(&b.int()),
    }
}

fn store_all(m: &mut Machine, sl: &V, ty: TypeId, esize: u64, xs: Vec<V>) -> R<()> {
    for (i, v) in xs.into_iter().enumerate() {
        if let Some(p) = elem_ptr(sl, esize, i) {
            m.store(p, ty, v)?;
        }
    }
    Ok(())
}

// ----- math ------------------------------------------------------------

fn frexp(f: f64) -> (f64, i64) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let (mut f, mut exp) = (f, 0i64);
    if f.abs() < f64::MIN_POSITIVE {
        f *= (1u64 << 52) as f64;
        exp = -52;
    }
    let mut x = f.to_bits();
    exp += ((x >> 52) & 0x7ff) as i64 - 1022;
    x &= !(0x7ff << 52);
    x |= 1022 << 52;
    (f64::from_bits(x), exp)
}

fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || !frac.is_finite() {
        return frac;
    }
    let (frac, e) = frexp(frac);
    let mut exp = exp + e;
    let x = frac.to_bits();
    exp += ((x >> 52) & 0x7ff) as i64 - 1023;
    if exp < -1075 {
        return 0f64.copysign(frac);
    }
    if exp > 1023 {
        return if frac < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    let x = (x & !(0x7ff << 52)) | (((exp + 1023) as u64) << 52);
    m * f64::from_bits(x)
}

fn is_odd_int(x: f64) -> bool {
    if x.abs() >= (1u64 << 53) as f64 {
        return false;
    }
    let (xi, xf) = (x.trunc(), x - x.trunc());
    xf == 0.0 && (xi as i64) & 1 == 1
}

/// Go's `math.Pow` (pure Go: repeated squaring for the integer part).
fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 {
        if y < 0.0 {
            return if x.is_sign_negative() && is_odd_int(y) {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
        }
        return if x.is_sign_negative() && is_odd_int(y) {
            x
        } else {
            0.0
        };
    }
    if y.is_infinite() {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if x.is_infinite() {
        if x < 0.0 {
            return pow(1.0 / x, -y);
        }
        return if y < 0.0 { 0.0 } else { f64::INFINITY };
    }
    if y == 0.5 {
        return x.sqrt();
    }
    if y == -0.5 {
        return 1.0 / x.sqrt();
    }
    let ay = y.abs();
    let (mut yi, mut yf) = (ay.trunc(), ay - ay.trunc());
    if yf != 0.0 && x < 0.0 {
        return f64::NAN;
    }
    if yi >= (1u64 << 63) as f64 {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = (yf * x.ln()).exp();
    }
    let (mut x1, mut xe) = frexp(x);
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

const SIN: [f64; 6] = [
    f64::from_bits(0x3de5d8fd1fd19ccd),
    f64::from_bits(0xbe5ae5e5a9291f5d),
    f64::from_bits(0x3ec71de3567d48a1),
    f64::from_bits(0xbf2a01a019bfdf03),
    f64::from_bits(0x3f8111111110f7d0),
    f64::from_bits(0xbfc5555555555548),
];
const COS: [f64; 6] = [
    f64::from_bits(0xbda8fa49a0861a9b),
    f64::from_bits(0x3e21ee9d7b4e3f05),
    f64::from_bits(0xbe927e4f7eac4bc6),
    f64::from_bits(0x3efa01a019c844f5),
    f64::from_bits(0xbf56c16c16c14f91),
    f64::from_bits(0x3fa555555555554b),
];

/// Go's `sin`/`cos` (Cephes) for |x| below the Payne-Hanek threshold;
/// `None` above it.
fn trig(x: f64, want_sin: bool) -> Option<f64> {
    const PI4A: f64 = f64::from_bits(0x3fe921fb40000000);
    const PI4B: f64 = f64::from_bits(0x3e64442d00000000);
    const PI4C: f64 = f64::from_bits(0x3ce8469898cc5170);
    if want_sin && (x == 0.0 || x.is_nan()) {
        return Some(x);
    }
    if x.is_nan() || x.is_infinite() {
        return Some(f64::NAN);
    }
    let mut sign = false;
    let mut x = x;
    if x < 0.0 {
        x = -x;
        sign = want_sin;
    }
    if x >= (1u64 << 29) as f64 {
        return None;
    }
    let mut j = (x * (std::f64::consts::FRAC_2_PI * 2.0)) as u64;
    let mut y = j as f64;
    if j & 1 == 1 {
        j += 1;
        y += 1.0;
    }
    j &= 7;
    let z = ((x - y * PI4A) - y * PI4B) - y * PI4C;
    if j > 3 {
        j -= 4;
        sign = !sign;
    }
    if !want_sin && j > 1 {
        sign = !sign;
    }
    let zz = z * z;
    let sin_poly = |z: f64| {
        z + z
            * zz
            * (((((SIN[0] * zz + SIN[1]) * zz + SIN[2]) * zz + SIN[3]) * zz + SIN[4]) * zz + SIN[5])
    };
    let cos_poly = || {
        1.0 - 0.5 * zz
            + zz * zz
                * (((((COS[0] * zz + COS[1]) * zz + COS[2]) * zz + COS[3]) * zz + COS[4]) * zz
                    + COS[5])
    };
    let r = if (j == 1 || j == 2) == want_sin {
        cos_poly()
    } else {
        sin_poly(z)
    };
    Some(if sign { -r } else { r })
}

fn hypot(p: f64, q: f64) -> f64 {
    let (p, q) = (p.abs(), q.abs());
    if p.is_infinite() || q.is_infinite() {
        return f64::INFINITY;
    }
    if p.is_nan() || q.is_nan() {
        return f64::NAN;
    }
    if p == 0.0 && q == 0.0 {
        return 0.0;
    }
    let (big, small) = if p >= q { (p, q) } else { (q, p) };
    let r = small / big;
    big * (1.0 + r * r).sqrt()
}

fn fmax(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

fn fmin(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

// ----- strings ---------------------------------------------------------

/// `strings.Map` with a callback per rune (negative: dropped).
fn map_runes(s: &[u8], mut f: impl FnMut(i64) -> R<i64>) -> R<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for (_, r, _) in u::runes(s) {
        let x = f(r as i64)?;
        if x >= 0 {
            u::push_rune(&mut out, x);
        }
    }
    Ok(out)
}

fn is_separator(r: i64) -> bool {
    if r <= 0x7F {
        let c = r as u8;
        return !(c.is_ascii_alphanumeric() || c == b'_');
    }
    if u::is_letter(r) || u::is_digit(r) {
        return false;
    }
    u::is_space(r)
}

fn trim_left(s: &[u8], mut keep: impl FnMut(i64) -> R<bool>) -> R<usize> {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = u::decode(&s[i..]);
        if !keep(r as i64)? {
            return Ok(i);
        }
        i += w.max(1);
    }
    Ok(s.len())
}

fn trim_right(s: &[u8], mut trim: impl FnMut(i64) -> R<bool>) -> R<usize> {
    let mut i = s.len();
    while i > 0 {
        let (r, w) = u::decode_last(&s[..i]);
        if !trim(r as i64)? {
            return Ok(i);
        }
        i -= w.max(1);
    }
    Ok(0)
}

fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let (mut s, mut t) = (s, t);
    while !s.is_empty() && !t.is_empty() {
        let (sr, sw) = u::decode(s);
        let (tr, tw) = u::decode(t);
        s = &s[sw.max(1)..];
        t = &t[tw.max(1)..];
        let (mut sr, mut tr) = (sr as i64, tr as i64);
        if sr == tr {
            continue;
        }
        if tr < sr {
            std::mem::swap(&mut sr, &mut tr);
        }
        if tr < 0x80 {
            if (b'A' as i64..=b'Z' as i64).contains(&sr) && tr == sr + 32 {
                continue;
            }
            return false;
        }
        let mut r = u::simple_fold(sr);
        while r != sr && r < tr {
            r = u::simple_fold(r);
        }
        if r == tr {
            continue;
        }
        return false;
    }
    s.len() == t.len()
}

/// `genSplit(s, sep, 0, n)`: the parts and the slice's capacity.
/// strings' `genSplit`: `keep_sep` keeps each separator at the end of its
/// part (`SplitAfter`).
fn split(s: &[u8], sep: &[u8], n: i64, keep_sep: bool) -> Option<(Vec<Vec<u8>>, usize)> {
    if n == 0 {
        return None;
    }
    if sep.is_empty() {
        let l = u::rune_count(s) as i64;
        let n = if n < 0 || n > l { l } else { n } as usize;
        let mut out = Vec::with_capacity(n);
        let mut rest = s;
        for _ in 0..n.saturating_sub(1) {
            let w = u::decode(rest).1.max(1);
            out.push(rest[..w].to_vec());
            rest = &rest[w..];
        }
        if n > 0 {
            out.push(rest.to_vec());
        }
        return Some((out, n));
    }
    let mut n = if n < 0 { count(s, sep) as i64 + 1 } else { n };
    if n > s.len() as i64 + 1 {
        n = s.len() as i64 + 1;
    }
    let cap = n as usize;
    let mut out = Vec::new();
    let mut rest = s;
    while (out.len() as i64) < n - 1 {
        let Some(m) = find(rest, sep) else { break };
        out.push(rest[..m + if keep_sep { sep.len() } else { 0 }].to_vec());
        rest = &rest[m + sep.len()..];
    }
    out.push(rest.to_vec());
    Some((out, cap))
}

fn replace(s: &[u8], old: &[u8], new: &[u8], n: i64) -> Vec<u8> {
    if old == new || n == 0 {
        return s.to_vec();
    }
    let m = count(s, old) as i64;
    if m == 0 {
        return s.to_vec();
    }
    let n = if n < 0 || m < n { m } else { n };
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                j += u::decode(&s[start..]).1;
            }
        } else {
            j += find(&s[start..], old).unwrap_or(0);
        }
        out.extend_from_slice(&s[start..j]);
        out.extend_from_slice(new);
        start = j + old.len();
    }
    out.extend_from_slice(&s[start.min(s.len())..]);
    out
}

/// `(*strings.Replacer).Replace`: at each position the first pair (in
/// argument order) whose old string matches, without overlaps.
fn replacer_replace(s: &[u8], pairs: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev_empty = false;
    while i <= s.len() {
        let hit = pairs
            .iter()
            .find(|(o, _)| (!o.is_empty() || !prev_empty) && s[i..].starts_with(o));
        match hit {
            Some((o, n)) => {
                out.extend_from_slice(n);
                prev_empty = o.is_empty();
                if !o.is_empty() {
                    i += o.len();
                }
            }
            None => {
                prev_empty = false;
                if i < s.len() {
                    out.push(s[i]);
                }
                i += 1;
            }
        }
    }
    out
}

fn fields(s: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, r, _) in u::runes(s) {
        if u::is_space(r as i64) {
            if let Some(st) = start.take() {
                out.push(s[st..i].to_vec());
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(s[st..].to_vec());
    }
    out
}

/// Runs package function `name`; `None` if it is not one of these.
pub fn call(m: &mut Machine, gi: usize, f: FuncId, name: &str, args: &[V]) -> R<Option<Vec<V>>> {
    let a0 = arg(args, 0);
    let a1 = arg(args, 1);
    let a2 = arg(args, 2);
    let a3 = arg(args, 3);
    let (s0, s1, s2) = (a0.str(), a1.str(), a2.str());
    let b = V::Bool;
    let i = |x: i64| V::Int(x);
    let fl = V::Float;
    let r = match name {
        // ----- strings
        "strings.Join" => {
            let xs = m.slice_elems(&a0, TypeTable::STRING)?;
            let mut out = Vec::new();
            for (k, x) in xs.iter().enumerate() {
                if k > 0 {
                    out.extend_from_slice(s1);
                }
                out.extend_from_slice(x.str());
            }
            vec![bs(&out)]
        }
        "strings.Repeat" => {
            let n = a1.int();
            if n < 0 {
                return Err(panic_str(m, "strings: negative Repeat count"));
            }
            if !s0.is_empty() && s0.len() as i64 > i64::MAX / n.max(1) {
                return Err(panic_str(m, "strings: Repeat output length overflow"));
            }
            if (s0.len() as u64).saturating_mul(n as u64) > 1 << 30 {
                return Err(Flow::Unsupported("a string over 1 GiB".into()));
            }
            vec![bs(&s0.repeat(n as usize))]
        }
        "strings.ToUpper" => vec![bs(&map_runes(s0, |r| Ok(u::to_upper(r)))?)],
        "strings.ToLower" => vec![bs(&map_runes(s0, |r| Ok(u::to_lower(r)))?)],
        "strings.Title" => {
            let mut prev = ' ' as i64;
            vec![bs(&map_runes(s0, |r| {
                let sep = is_separator(prev);
                prev = r;
                Ok(if sep { u::to_title(r) } else { r })
            })?)]
        }
        "strings.Split" | "strings.SplitN" | "strings.SplitAfter" | "strings.SplitAfterN" => {
            let n = if name.ends_with('N') { a2.int() } else { -1 };
            match split(s0, s1, n, name.contains("After")) {
                None => vec![V::Nil],
                Some((parts, cap)) => vec![string_slice_cap(m, gi, parts, cap)?],
            }
        }
        "strings.Fields" => {
            let parts = fields(s0);
            vec![string_slice(m, gi, parts)?]
        }
        "strings.Contains" => vec![b(find(s0, s1).is_some())],
        "strings.ContainsRune" => vec![b(index_rune(s0, a1.int()).is_some())],
        "strings.HasPrefix" => vec![b(s0.starts_with(s1))],
        "strings.HasSuffix" => vec![b(s0.ends_with(s1))],
        "strings.TrimSpace" => {
            let st = trim_left(s0, |r| Ok(u::is_space(r)))?;
            let end = st + trim_right(&s0[st..], |r| Ok(u::is_space(r)))?;
            vec![bs(&s0[st..end])]
        }
        "strings.Trim" => {
            if s0.is_empty() || s1.is_empty() {
                vec![a0.clone()]
            } else {
                let inset = |r: i64| Ok(index_rune(s1, r).is_some());
                let st = trim_left(s0, inset)?;
                let end = st + trim_right(&s0[st..], inset)?;
                vec![bs(&s0[st..end])]
            }
        }
        "strings.TrimFunc" => {
            let fv = a1.clone();
            let mut call_f =
                |r: i64| -> R<bool> { Ok(first(m.call_sync(gi, &fv, vec![V::Int(r)])?).bool()) };
            let st = trim_left(s0, &mut call_f)?;
            let end = st + trim_right(&s0[st..], &mut call_f)?;
            vec![bs(&s0[st..end])]
        }
        "strings.Map" => {
            let fv = a0.clone();
            let out = map_runes(s1, |r| {
                Ok(first(m.call_sync(gi, &fv, vec![V::Int(r)])?).int())
            })?;
            vec![bs(&out)]
        }
        "strings.TrimPrefix" => vec![bs(s0.strip_prefix(s1).unwrap_or(s0))],
        "strings.TrimSuffix" => vec![bs(s0.strip_suffix(s1).unwrap_or(s0))],
        "strings.Index" => vec![i(find(s0, s1).map(|x| x as i64).unwrap_or(-1))],
        "strings.LastIndex" => vec![i(rfind(s0, s1).map(|x| x as i64).unwrap_or(-1))],
        "strings.IndexByte" => vec![i(s0
            .iter()
            .position(|&c| c as i64 == a1.int() & 0xff)
            .map(|x| x as i64)
            .unwrap_or(-1))],
        "strings.Count" => vec![i(count(s0, s1) as i64)],
        "strings.Replace" => vec![bs(&replace(s0, s1, s2, a3.int()))],
        "strings.ReplaceAll" => vec![bs(&replace(s0, s1, s2, -1))],
        "strings.EqualFold" => vec![b(equal_fold(s0, s1))],
        "strings.Cut" => match find(s0, s1) {
            Some(k) => vec![bs(&s0[..k]), bs(&s0[k + s1.len()..]), b(true)],
            None => vec![a0.clone(), V::string(""), b(false)],
        },
        "strings.NewReplacer" => {
            let xs = m.slice_elems(&a0, TypeTable::STRING)?;
            if xs.len() % 2 == 1 {
                return Err(panic_str(m, "strings.NewReplacer: odd argument count"));
            }
            let Some(pt) = ptr_type_of(m, "(*strings.Replacer).Replace") else {
                return Err(Flow::Unsupported("strings.Replacer".into()));
            };
            let copy = string_slice(m, gi, xs.iter().map(|x| x.str().to_vec()).collect())?;
            let copy = if xs.is_empty() { V::Nil } else { copy };
            vec![new_struct(m, pt, vec![V::Int(0), V::Nil, copy])?]
        }
        "(*strings.Replacer).Replace" => {
            let V::Ptr(p) = a0 else {
                return Err(super::super::exec::nil_deref());
            };
            let st = elem_of(m, recv_ptr_type(m, f));
            let v = m.load(p, st)?;
            let oldnew = match &v {
                V::Agg(items) => items.get(2).cloned().unwrap_or_default(),
                _ => V::Nil,
            };
            let xs = m.slice_elems(&oldnew, TypeTable::STRING)?;
            let pairs: Vec<(Vec<u8>, Vec<u8>)> = xs
                .chunks(2)
                .map(|c| {
                    (
                        c[0].str().to_vec(),
                        c.get(1).map(|x| x.str().to_vec()).unwrap_or_default(),
                    )
                })
                .collect();
            vec![bs(&replacer_replace(s1, &pairs))]
        }
        // ----- strconv
        "strconv.Itoa" => vec![V::string(&sc::format_int(a0.int(), 10))],
        "strconv.FormatInt" | "strconv.AppendInt" => {
            let (x, base) = if name == "strconv.AppendInt" {
                (a1.int(), a2.int())
            } else {
                (a0.int(), a1.int())
            };
            if !(2..=36).contains(&base) {
                return Err(panic_str(m, "strconv: illegal AppendInt/FormatInt base"));
            }
            let digits = sc::format_int(x, base as u32);
            if name == "strconv.AppendInt" {
                let extra: Vec<V> = digits.bytes().map(|c| V::Int(c as i64)).collect();
                vec![m.append(gi, a0.clone(), TypeTable::BYTE, extra, None, true, false)?]
            } else {
                vec![V::string(&digits)]
            }
        }
        "strconv.Atoi" => {
            let (v, e) = sc::atoi(s0);
            match e {
                None => vec![i(v), V::Nil],
                Some(e) => vec![i(v), num_error(m, "Atoi", s0, e, 0)?],
            }
        }
        "strconv.ParseInt" => {
            let (v, e) = sc::parse_int(s0, a1.int(), a2.int());
            match e {
                None => vec![i(v), V::Nil],
                Some(e) => {
                    let n = if e == NumErr::Base {
                        a1.int()
                    } else {
                        a2.int()
                    };
                    vec![i(v), num_error(m, "ParseInt", s0, e, n)?]
                }
            }
        }
        "strconv.ParseFloat" => {
            let (v, e) = sc::parse_float(s0, a1.int());
            match e {
                None => vec![fl(v), V::Nil],
                Some(e) => vec![fl(v), num_error(m, "ParseFloat", s0, e, a1.int())?],
            }
        }
        "strconv.FormatFloat" => vec![V::string(&sc::format_float(
            a0.float(),
            a1.int() as u8,
            a2.int(),
            a3.int(),
        ))],
        "strconv.ParseBool" => match s0 {
            b"1" | b"t" | b"T" | b"true" | b"TRUE" | b"True" => vec![b(true), V::Nil],
            b"0" | b"f" | b"F" | b"false" | b"FALSE" | b"False" => vec![b(false), V::Nil],
            _ => vec![b(false), num_error(m, "ParseBool", s0, NumErr::Syntax, 0)?],
        },
        "strconv.FormatBool" => vec![V::string(if a0.bool() { "true" } else { "false" })],
        "strconv.Quote" => vec![V::string(&crate::quote::quote_bytes(s0, false))],
        "(*strconv.NumError).Error" | "(*strconv.NumError).Unwrap" => {
            let V::Ptr(p) = a0 else {
                return Err(super::super::exec::nil_deref());
            };
            let st = elem_of(m, recv_ptr_type(m, f));
            let v = m.load(p, st)?;
            let V::Agg(items) = v else {
                return Err(super::super::exec::nil_deref());
            };
            let err = items.get(2).cloned().unwrap_or_default();
            if name.ends_with("Unwrap") {
                vec![err]
            } else {
                let func = items.first().cloned().unwrap_or_default();
                let num = items.get(1).cloned().unwrap_or_default();
                let msg = error_string(m, gi, &err)?;
                let mut out = b"strconv.".to_vec();
                out.extend_from_slice(func.str());
                out.extend_from_slice(b": parsing ");
                out.extend_from_slice(crate::quote::quote_bytes(num.str(), false).as_bytes());
                out.extend_from_slice(b": ");
                out.extend_from_slice(msg.as_bytes());
                vec![bs(&out)]
            }
        }
        // ----- unicode
        "unicode.IsUpper" => vec![b(u::is_upper(a0.int()))],
        "unicode.IsLower" => vec![b(u::is_lower(a0.int()))],
        "unicode.IsDigit" => vec![b(u::is_digit(a0.int()))],
        "unicode.IsNumber" => vec![b(u::is_number(a0.int()))],
        "unicode.IsLetter" => vec![b(u::is_letter(a0.int()))],
        "unicode.IsSpace" => vec![b(u::is_space(a0.int()))],
        "unicode.IsPunct" => vec![b(u::is_punct(a0.int()))],
        "unicode.ToUpper" => vec![i(u::to_upper(a0.int()))],
        "unicode.ToLower" => vec![i(u::to_lower(a0.int()))],
        "unicode.ToTitle" => vec![i(u::to_title(a0.int()))],
        // ----- unicode/utf8
        "unicode/utf8.RuneCountInString" => vec![i(u::rune_count(s0) as i64)],
        "unicode/utf8.RuneCount" => {
            let bytes = bytes_of(m, &a0)?;
            vec![i(u::rune_count(&bytes) as i64)]
        }
        "unicode/utf8.RuneLen" => vec![i(u::rune_len(a0.int()))],
        "unicode/utf8.DecodeRuneInString" => {
            let (r, w) = u::decode(s0);
            vec![i(r as i64), i(w as i64)]
        }
        "unicode/utf8.DecodeLastRuneInString" => {
            let (r, w) = u::decode_last(s0);
            vec![i(r as i64), i(w as i64)]
        }
        "unicode/utf8.ValidString" => vec![b(std::str::from_utf8(s0).is_ok())],
        // ----- errors
        "errors.New" => vec![new_error(
            m,
            ERROR_STRING,
            V::Agg(vec![a0.clone()].into_boxed_slice()),
        )?],
        "errors.Unwrap" => vec![match unwrap_of(m, gi, &a0)? {
            Unwrapped::One(e) => e,
            _ => V::Nil,
        }],
        "errors.Is" => {
            if a0.is_nil() || a1.is_nil() {
                let same = a0.is_nil() && a1.is_nil();
                vec![b(same)]
            } else {
                let tc = comparable(m, &a1);
                vec![b(errors_is(m, gi, a0.clone(), &a1, tc, 0)?)]
            }
        }
        "errors.As" => {
            if a0.is_nil() {
                vec![b(false)]
            } else {
                let target = match &a1 {
                    V::Iface(t) => Some(t.clone()),
                    _ => None,
                };
                let Some(t) = target else {
                    return Err(panic_str(m, "errors: target cannot be nil"));
                };
                let elem = match m.prog.types.under(t.ty) {
                    Type::Pointer(e) => Some(*e),
                    _ => None,
                };
                let (Some(elem), V::Ptr(tp)) = (elem, t.val.clone()) else {
                    return Err(panic_str(m, "errors: target must be a non-nil pointer"));
                };
                vec![b(errors_as(m, gi, a0.clone(), &a1, tp, elem, 0)?)]
            }
        }
        "errors.Join" => {
            let errs: Vec<V> = m
                .slice_elems(&a0, TypeTable::INVALID)?
                .into_iter()
                .filter(|e| !e.is_nil())
                .collect();
            if errs.is_empty() {
                vec![V::Nil]
            } else {
                let mut items = vec![V::string("")];
                items.extend(errs);
                vec![new_error(m, JOIN_ERROR, V::Agg(items.into_boxed_slice()))?]
            }
        }
        // ----- sort
        "sort.Ints" | "sort.Strings" | "sort.Float64s" => {
            let (ty, esize) = match name {
                "sort.Ints" => (TypeTable::INT, 8),
                "sort.Strings" => (TypeTable::STRING, 16),
                _ => (TypeTable::FLOAT64, 8),
            };
            let mut xs = m.slice_elems(&a0, ty)?;
            crate::sort::by(&mut xs, ordered);
            store_all(m, &a0, ty, esize, xs)?;
            vec![]
        }
        "sort.Slice" | "sort.SliceStable" => {
            let V::Iface(it) = &a0 else {
                return Err(panic_str(m, "reflect: call of Swapper on zero Value"));
            };
            let sl = it.val.clone();
            let elem = match m.prog.types.under(it.ty) {
                Type::Slice(e) => *e,
                _ => {
                    let tn = super::super::fmt::type_name(m, it.ty);
                    return Err(panic_str(
                        m,
                        &format!(
                            "reflect: call of Swapper on {} Value",
                            kind_name(m, it.ty, &tn)
                        ),
                    ));
                }
            };
            let esize = m.prog.types.size_of(elem);
            let n = slice_len(&sl);
            let mut d = FuncData {
                m,
                gi,
                less: a1.clone(),
                sl,
                elem,
                esize,
            };
            if name == "sort.Slice" {
                super::sort::sort(&mut d, n)?;
            } else {
                super::sort::stable(&mut d, n)?;
            }
            vec![]
        }
        "sort.Sort" | "sort.Stable" => {
            if a0.is_nil() {
                return Err(super::super::exec::nil_deref());
            }
            let n = first(call_method(m, gi, &a0, "Len", vec![])?).int().max(0) as usize;
            let mut d = IfaceData {
                m,
                gi,
                data: a0.clone(),
            };
            if name == "sort.Stable" {
                super::sort::stable(&mut d, n)?;
            } else if n > 1 {
                super::sort::sort(&mut d, n)?;
            }
            vec![]
        }
        "sort.Reverse" => {
            let Some(pt) = ptr_type_of(m, "(*sort.reverse).Less") else {
                return Err(Flow::Unsupported("sort.Reverse".into()));
            };
            vec![new_struct_iface(m, pt, vec![a0.clone()])?]
        }
        "(*sort.reverse).Len" | "(*sort.reverse).Less" | "(*sort.reverse).Swap" => {
            let V::Ptr(p) = a0 else {
                return Err(super::super::exec::nil_deref());
            };
            let st = elem_of(m, recv_ptr_type(m, f));
            let data = match m.load(p, st)? {
                V::Agg(items) => items.first().cloned().unwrap_or_default(),
                _ => V::Nil,
            };
            if data.is_nil() {
                return Err(super::super::exec::nil_deref());
            }
            match name {
                "(*sort.reverse).Len" => call_method(m, gi, &data, "Len", vec![])?,
                "(*sort.reverse).Less" => {
                    call_method(m, gi, &data, "Less", vec![a2.clone(), a1.clone()])?
                }
                _ => call_method(m, gi, &data, "Swap", vec![a1.clone(), a2.clone()])?,
            }
        }
        "sort.IntSlice.Len" | "sort.StringSlice.Len" => vec![i(slice_len(&a0) as i64)],
        "sort.IntSlice.Less"
        | "sort.StringSlice.Less"
        | "sort.IntSlice.Swap"
        | "sort.StringSlice.Swap" => {
            let (ty, esize) = if name.starts_with("sort.Int") {
                (TypeTable::INT, 8)
            } else {
                (TypeTable::STRING, 16)
            };
            let n = slice_len(&a0) as i64;
            for k in [a1.int(), a2.int()] {
                if k < 0 || k >= n {
                    return Err(super::super::exec::rt_error(format!(
                        "index out of range [{k}] with length {n}"
                    )));
                }
            }
            let (x, y) = (a1.int() as usize, a2.int() as usize);
            if name.ends_with("Swap") {
                swap_elems(m, &a0, ty, esize, x, y)?;
                vec![]
            } else {
                let (px, py) = (elem_ptr(&a0, esize, x), elem_ptr(&a0, esize, y));
                let (Some(px), Some(py)) = (px, py) else {
                    return Err(super::super::exec::nil_deref());
                };
                let (vx, vy) = (m.load(px, ty)?, m.load(py, ty)?);
                vec![b(ordered(&vx, &vy) == std::cmp::Ordering::Less)]
            }
        }
        "sort.Search" => {
            let (mut lo, mut hi) = (0i64, a0.int());
            while lo < hi {
                let h = ((lo as u64 + hi as u64) >> 1) as i64;
                if !first(m.call_sync(gi, &a1, vec![V::Int(h)])?).bool() {
                    lo = h + 1;
                } else {
                    hi = h;
                }
            }
            vec![i(lo)]
        }
        "sort.SearchInts" => {
            let xs = m.slice_elems(&a0, TypeTable::INT)?;
            vec![i(xs.partition_point(|v| v.int() < a1.int()) as i64)]
        }
        "sort.IntsAreSorted" => {
            let xs = m.slice_elems(&a0, TypeTable::INT)?;
            vec![b(xs.windows(2).all(|w| w[0].int() <= w[1].int()))]
        }
        // ----- math
        "math.Sqrt" => vec![fl(a0.float().sqrt())],
        "math.Abs" => vec![fl(a0.float().abs())],
        "math.Max" => vec![fl(fmax(a0.float(), a1.float()))],
        "math.Min" => vec![fl(fmin(a0.float(), a1.float()))],
        "math.Floor" => vec![fl(a0.float().floor())],
        "math.Ceil" => vec![fl(a0.float().ceil())],
        "math.Round" => vec![fl(a0.float().round())],
        "math.Trunc" => vec![fl(a0.float().trunc())],
        "math.Pow" => vec![fl(pow(a0.float(), a1.float()))],
        "math.Mod" => vec![fl(a0.float() % a1.float())],
        "math.Log" => vec![fl(a0.float().ln())],
        "math.Exp" => vec![fl(a0.float().exp())],
        "math.Sin" => vec![fl(
            trig(a0.float(), true).unwrap_or_else(|| a0.float().sin())
        )],
        "math.Cos" => vec![fl(
            trig(a0.float(), false).unwrap_or_else(|| a0.float().cos())
        )],
        "math.Hypot" => vec![fl(hypot(a0.float(), a1.float()))],
        "math.Inf" => vec![fl(if a0.int() >= 0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        })],
        "math.IsNaN" => vec![b(a0.float().is_nan())],
        "math.NaN" => vec![fl(f64::NAN)],
        // ----- os
        "os.Open" => {
            let not_exist = sentinel(m, "os.ErrNotExist");
            let mut msg = b"open ".to_vec();
            msg.extend_from_slice(s0);
            msg.extend_from_slice(b": no such file or directory");
            let e = new_error(
                m,
                WRAP_ERROR,
                V::Agg(vec![bs(&msg), not_exist].into_boxed_slice()),
            )?;
            vec![V::Nil, e]
        }
        "(*os.File).Close" => match a0 {
            V::Nil => vec![new_plain_error(m, "invalid argument")?],
            _ => vec![V::Nil],
        },
        "(*os.File).Name" => match a0 {
            V::Int(1) => vec![V::string("/dev/stdout")],
            V::Int(2) => vec![V::string("/dev/stderr")],
            _ => return Err(super::super::exec::nil_deref()),
        },
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn kind_name(m: &Machine, ty: TypeId, _tn: &str) -> &'static str {
    match m.prog.types.under(ty) {
        Type::Basic(k) => match k.name() {
            "int" => "int",
            "string" => "string",
            "bool" => "bool",
            "float64" => "float64",
            _ => "non-slice",
        },
        Type::Struct(_) => "struct",
        Type::Map { .. } => "map",
        Type::Pointer(_) => "ptr",
        Type::Array { .. } => "array",
        _ => "non-slice",
    }
}
