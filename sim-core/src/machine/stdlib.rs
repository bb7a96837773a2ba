//! The standard-library functions the checker declares, run natively.

use super::exec::{Flow, Machine, ERROR_STRING, JOIN_ERROR, NUM_ERROR, WRAP_ERROR};
use super::value::*;
use crate::ir::{FuncId, FuncKind, Type, TypeId, TypeTable};
use crate::trace::Stream;
use std::rc::Rc;

type R<T> = Result<T, Flow>;

fn s(v: &V) -> String {
    String::from_utf8_lossy(v.str()).into_owned()
}

fn vs(x: &str) -> V {
    V::string(x)
}

fn arg(args: &[V], i: usize) -> V {
    args.get(i).cloned().unwrap_or_default()
}

/// The message of a runtime-made error value.
pub fn sentinel_msg(v: &V) -> Vec<u8> {
    match v {
        V::Agg(items) => items.first().map(|x| x.str().to_vec()).unwrap_or_default(),
        v => v.str().to_vec(),
    }
}

pub fn new_error(m: &mut Machine, ty: TypeId, val: V) -> R<V> {
    // errors.New / fmt.Errorf allocate their error on the heap.
    let size = if ty == ERROR_STRING { 16 } else { 32 };
    let p = m.heap_alloc_raw(
        super::memory::Layout::Record,
        ty,
        val.clone(),
        size,
        true,
        None,
        super::memory::Extra::None,
    )?;
    Ok(V::Iface(Rc::new(IfaceV {
        ty,
        val,
        boxed: Some(p.alloc),
    })))
}

/// Variadic `...any` arguments arrive as one slice.
fn varargs(m: &mut Machine, v: &V) -> R<Vec<V>> {
    m.slice_elems(v, TypeTable::INVALID)
}

fn string_slice(m: &mut Machine, items: Vec<String>) -> R<V> {
    let n = items.len() as u64;
    if n == 0 {
        return Ok(V::Nil);
    }
    let sl = m.make_slice(m.cur, TypeTable::STRING, n, n, None)?;
    for (i, x) in items.into_iter().enumerate() {
        m.store(
            Ptr {
                alloc: sl.ptr.alloc,
                off: sl.ptr.off + 16 * i as u64,
            },
            TypeTable::STRING,
            vs(&x),
        )?;
    }
    Ok(V::Slice(sl))
}

fn num_error(m: &mut Machine, func: &str, input: &str, msg: &str) -> R<V> {
    let text = format!(
        "strconv.{func}: parsing {}: {msg}",
        crate::ir::quote_go(input)
    );
    new_error(
        m,
        NUM_ERROR,
        V::Agg(vec![vs(&text), vs(msg)].into_boxed_slice()),
    )
}

fn writer_write(m: &mut Machine, gi: usize, w: &V, bytes: &[u8]) -> R<()> {
    match w {
        V::Iface(i) => match &i.val {
            V::Int(1) => m.write(Stream::Stdout, bytes),
            V::Int(2) => m.write(Stream::Stderr, bytes),
            V::Ptr(p) if super::fmt::type_name(m, i.ty) == "*strings.Builder" => {
                builder_append(m, gi, *p, i.ty, bytes)?;
            }
            _ => {
                let n = bytes.len() as u64;
                let sl = m.make_slice(gi, TypeTable::BYTE, n, n, None)?;
                if let Some(a) = m.alloc_mut_pub(sl.ptr.alloc) {
                    if let V::Bytes(b) = &mut a.val {
                        b.write_at(0, bytes);
                    }
                }
                let (f, r) = m.iface_method(w, "Write")?;
                let fv = V::Func(Rc::new(FuncV {
                    call: Callable::MethodExpr(f),
                    env: None,
                }));
                m.call_sync(gi, &fv, vec![r, V::Slice(sl)])?;
            }
        },
        _ => return Err(super::exec::nil_deref()),
    }
    Ok(())
}

/// The `buf []byte` field of a strings.Builder (offset 8).
fn builder_buf_ty(m: &Machine, ptr_ty: TypeId) -> TypeId {
    let t = match m.prog.types.under(ptr_ty) {
        Type::Pointer(e) => *e,
        _ => ptr_ty,
    };
    match m.prog.types.under(t) {
        Type::Struct(f) => f.get(1).map(|x| x.ty).unwrap_or(TypeTable::INVALID),
        _ => TypeTable::INVALID,
    }
}

fn builder_append(m: &mut Machine, gi: usize, p: Ptr, ptr_ty: TypeId, bytes: &[u8]) -> R<()> {
    let bt = builder_buf_ty(m, ptr_ty);
    let bufp = Ptr {
        alloc: p.alloc,
        off: p.off + 8,
    };
    let buf = m.load(bufp, bt)?;
    let extra: Vec<V> = bytes.iter().map(|b| V::Int(*b as i64)).collect();
    let nb = m.append(gi, buf, TypeTable::BYTE, extra, None, true)?;
    m.store(bufp, bt, nb)
}

fn builder_string(m: &mut Machine, p: &V, recv_ty: TypeId) -> R<Vec<u8>> {
    let V::Ptr(p) = p else {
        return Err(super::exec::nil_deref());
    };
    let bt = builder_buf_ty(m, recv_ty);
    let buf = m.load(
        Ptr {
            alloc: p.alloc,
            off: p.off + 8,
        },
        bt,
    )?;
    Ok(m.slice_elems(&buf, TypeTable::BYTE)?
        .iter()
        .map(|x| x.int() as u8)
        .collect())
}

/// The receiver pointer type of a std method, from its declaration.
fn recv_ptr_type(m: &Machine, f: FuncId) -> TypeId {
    let func = m.prog.func(f);
    if let Some(r) = func.receiver {
        return m.prog.var(r).ty;
    }
    if let FuncKind::Std {
        receiver: Some((n, _)),
        ..
    } = &func.kind
    {
        let named = *n;
        for i in 0..m.prog.types.len() {
            let id = TypeId(i as u32);
            if let Type::Pointer(e) = m.prog.types.get(id) {
                if m.prog.types.named_of(*e) == Some(named) {
                    return id;
                }
            }
        }
    }
    TypeTable::INVALID
}

fn field_int(m: &mut Machine, p: &V, off: u64, ty: TypeId) -> R<i64> {
    let V::Ptr(p) = p else {
        return Err(super::exec::nil_deref());
    };
    Ok(m.load(
        Ptr {
            alloc: p.alloc,
            off: p.off + off,
        },
        ty,
    )?
    .int())
}

fn set_field_int(m: &mut Machine, p: &V, off: u64, ty: TypeId, v: i64) -> R<()> {
    let V::Ptr(p) = p else {
        return Err(super::exec::nil_deref());
    };
    m.store(
        Ptr {
            alloc: p.alloc,
            off: p.off + off,
        },
        ty,
        V::Int(v),
    )
}

fn unwrap_err(v: &V) -> V {
    match v {
        V::Iface(i) if i.ty == WRAP_ERROR => match &i.val {
            V::Agg(items) => items.get(1).cloned().unwrap_or_default(),
            _ => V::Nil,
        },
        _ => V::Nil,
    }
}

pub fn call(m: &mut Machine, gi: usize, f: FuncId, args: Vec<V>) -> R<Vec<V>> {
    if f.0 == u32::MAX {
        // Error() of a runtime-made error.
        let msg = match args.first() {
            Some(V::Iface(i)) if i.ty == JOIN_ERROR => {
                let errs = match &i.val {
                    V::Agg(items) => items.iter().skip(1).cloned().collect::<Vec<_>>(),
                    _ => vec![],
                };
                let mut parts = Vec::new();
                for e in errs {
                    parts.push(error_string(m, gi, &e)?);
                }
                parts.join("\n").into_bytes()
            }
            Some(V::Iface(i)) => sentinel_msg(&i.val),
            _ => vec![],
        };
        return Ok(vec![V::bytes_str(&msg)]);
    }
    if f.0 == u32::MAX - 1 {
        return Ok(vec![unwrap_err(args.first().unwrap_or(&V::Nil))]);
    }
    let name = m.prog.func(f).name.clone();
    let a0 = arg(&args, 0);
    let a1 = arg(&args, 1);
    let a2 = arg(&args, 2);
    let r = match name.as_str() {
        "fmt.Println" | "fmt.Print" | "fmt.Printf" => {
            let out = match name.as_str() {
                "fmt.Printf" => {
                    let xs = varargs(m, &a1)?;
                    super::fmt::sprintf(m, a0.str(), &xs)?
                }
                _ => {
                    let xs = varargs(m, &a0)?;
                    super::fmt::sprint(m, &xs, name == "fmt.Println")?
                }
            };
            let n = out.len() as i64;
            m.write(Stream::Stdout, &out);
            vec![V::Int(n), V::Nil]
        }
        "fmt.Sprint" | "fmt.Sprintln" => {
            let xs = varargs(m, &a0)?;
            vec![V::bytes_str(&super::fmt::sprint(
                m,
                &xs,
                name == "fmt.Sprintln",
            )?)]
        }
        "fmt.Sprintf" => {
            let xs = varargs(m, &a1)?;
            vec![V::bytes_str(&super::fmt::sprintf(m, a0.str(), &xs)?)]
        }
        "fmt.Errorf" => {
            let xs = varargs(m, &a1)?;
            let fmt_s = a0.str().to_vec();
            // Which operand %w names.
            let mut wrapped = V::Nil;
            let mut k = 0;
            let mut i = 0;
            while i < fmt_s.len() {
                if fmt_s[i] == b'%' {
                    i += 1;
                    while i < fmt_s.len() && b"+-# 0123456789.".contains(&fmt_s[i]) {
                        i += 1;
                    }
                    if i < fmt_s.len() {
                        if fmt_s[i] == b'w' {
                            wrapped = xs.get(k).cloned().unwrap_or_default();
                        }
                        if fmt_s[i] != b'%' {
                            k += 1;
                        }
                    }
                }
                i += 1;
            }
            let f2: Vec<u8> = String::from_utf8_lossy(&fmt_s)
                .replace("%w", "%v")
                .into_bytes();
            let msg = super::fmt::sprintf(m, &f2, &xs)?;
            let e = if wrapped.is_nil() {
                new_error(
                    m,
                    ERROR_STRING,
                    V::Agg(vec![V::bytes_str(&msg)].into_boxed_slice()),
                )?
            } else {
                new_error(
                    m,
                    WRAP_ERROR,
                    V::Agg(vec![V::bytes_str(&msg), wrapped].into_boxed_slice()),
                )?
            };
            vec![e]
        }
        "fmt.Fprintln" | "fmt.Fprint" | "fmt.Fprintf" => {
            let out = if name == "fmt.Fprintf" {
                let xs = varargs(m, &a2)?;
                super::fmt::sprintf(m, a1.str(), &xs)?
            } else {
                let xs = varargs(m, &a1)?;
                super::fmt::sprint(m, &xs, name == "fmt.Fprintln")?
            };
            writer_write(m, gi, &a0, &out)?;
            vec![V::Int(out.len() as i64), V::Nil]
        }
        "os.Exit" => return Err(Flow::Exit(a0.int() as i32)),
        "(*os.File).Write" | "(*os.File).WriteString" => {
            let bytes: Vec<u8> = match &a1 {
                V::Str(b) => b.to_vec(),
                v => m
                    .slice_elems(v, TypeTable::BYTE)?
                    .iter()
                    .map(|x| x.int() as u8)
                    .collect(),
            };
            let stream = if a0.int() == 2 {
                Stream::Stderr
            } else {
                Stream::Stdout
            };
            m.write(stream, &bytes);
            vec![V::Int(bytes.len() as i64), V::Nil]
        }
        "(*strings.Builder).WriteString"
        | "(*strings.Builder).WriteByte"
        | "(*strings.Builder).WriteRune"
        | "(*strings.Builder).Write" => {
            let bytes: Vec<u8> = match name.as_str() {
                "(*strings.Builder).WriteString" => a1.str().to_vec(),
                "(*strings.Builder).WriteByte" => vec![a1.int() as u8],
                "(*strings.Builder).WriteRune" => char::from_u32(a1.int() as u32)
                    .unwrap_or('\u{FFFD}')
                    .to_string()
                    .into_bytes(),
                _ => m
                    .slice_elems(&a1, TypeTable::BYTE)?
                    .iter()
                    .map(|x| x.int() as u8)
                    .collect(),
            };
            let V::Ptr(p) = a0 else {
                return Err(super::exec::nil_deref());
            };
            let rt = recv_ptr_type(m, f);
            builder_append(m, gi, p, rt, &bytes)?;
            if name == "(*strings.Builder).WriteByte" {
                vec![V::Nil]
            } else {
                vec![V::Int(bytes.len() as i64), V::Nil]
            }
        }
        "(*strings.Builder).String" => {
            let rt = recv_ptr_type(m, f);
            vec![V::bytes_str(&builder_string(m, &a0, rt)?)]
        }
        "(*strings.Builder).Len" => {
            let rt = recv_ptr_type(m, f);
            vec![V::Int(builder_string(m, &a0, rt)?.len() as i64)]
        }
        "(*strings.Builder).Cap" => {
            let rt = recv_ptr_type(m, f);
            let bt = builder_buf_ty(m, rt);
            let V::Ptr(p) = a0 else {
                return Err(super::exec::nil_deref());
            };
            let buf = m.load(
                Ptr {
                    alloc: p.alloc,
                    off: p.off + 8,
                },
                bt,
            )?;
            vec![V::Int(match buf {
                V::Slice(s) => s.cap as i64,
                _ => 0,
            })]
        }
        "(*strings.Builder).Reset" => {
            let rt = recv_ptr_type(m, f);
            let bt = builder_buf_ty(m, rt);
            let V::Ptr(p) = a0 else {
                return Err(super::exec::nil_deref());
            };
            m.store(
                Ptr {
                    alloc: p.alloc,
                    off: p.off + 8,
                },
                bt,
                V::Nil,
            )?;
            vec![]
        }
        "(*strings.Builder).Grow" => {
            let rt = recv_ptr_type(m, f);
            let bt = builder_buf_ty(m, rt);
            let V::Ptr(p) = a0 else {
                return Err(super::exec::nil_deref());
            };
            let bufp = Ptr {
                alloc: p.alloc,
                off: p.off + 8,
            };
            let buf = m.load(bufp, bt)?;
            let (len, cap) = match &buf {
                V::Slice(s) => (s.len, s.cap),
                _ => (0, 0),
            };
            let n = a1.int().max(0) as u64;
            if cap - len < n {
                let items = m.slice_elems(&buf, TypeTable::BYTE)?;
                let ns = m.make_slice(gi, TypeTable::BYTE, len, 2 * cap + n, None)?;
                for (i, v) in items.into_iter().enumerate() {
                    m.store(
                        Ptr {
                            alloc: ns.ptr.alloc,
                            off: ns.ptr.off + i as u64,
                        },
                        TypeTable::BYTE,
                        v,
                    )?;
                }
                m.store(bufp, bt, V::Slice(ns))?;
            }
            vec![]
        }
        "(*sync.WaitGroup).Add" | "(*sync.WaitGroup).Done" => {
            let d = if name.ends_with("Done") { -1 } else { a1.int() };
            let n = field_int(m, &a0, 0, TypeTable::INT64)? + d;
            if n < 0 {
                return Err(Flow::Panic(vs("sync: negative WaitGroup counter")).map_panic(m));
            }
            set_field_int(m, &a0, 0, TypeTable::INT64, n)?;
            vec![]
        }
        "(*sync.WaitGroup).Wait" => {
            if field_int(m, &a0, 0, TypeTable::INT64)? != 0 {
                return Err(Flow::Block("sync.WaitGroup.Wait"));
            }
            vec![]
        }
        "(*sync.WaitGroup).Go" => {
            let n = field_int(m, &a0, 0, TypeTable::INT64)? + 1;
            set_field_int(m, &a0, 0, TypeTable::INT64, n)?;
            m.go(super::code::Target::Value, Some(a1.clone()), vec![])?;
            vec![]
        }
        "(*sync.Mutex).Lock" | "(*sync.RWMutex).Lock" | "(*sync.RWMutex).RLock" => {
            let st = field_int(m, &a0, 0, TypeTable::INT32)?;
            if name.ends_with("RLock") {
                if st == 1 {
                    return Err(Flow::Block("sync.RWMutex.RLock"));
                }
                let rc = field_int(m, &a0, 20, TypeTable::INT32)?;
                set_field_int(m, &a0, 20, TypeTable::INT32, rc + 1)?;
            } else {
                let readers = if name.contains("RW") {
                    field_int(m, &a0, 20, TypeTable::INT32)?
                } else {
                    0
                };
                if st != 0 || readers > 0 {
                    return Err(Flow::Block("sync.Mutex.Lock"));
                }
                set_field_int(m, &a0, 0, TypeTable::INT32, 1)?;
            }
            vec![]
        }
        "(*sync.Mutex).TryLock" => {
            if field_int(m, &a0, 0, TypeTable::INT32)? != 0 {
                vec![V::Bool(false)]
            } else {
                set_field_int(m, &a0, 0, TypeTable::INT32, 1)?;
                vec![V::Bool(true)]
            }
        }
        "(*sync.Mutex).Unlock" | "(*sync.RWMutex).Unlock" => {
            if field_int(m, &a0, 0, TypeTable::INT32)? == 0 {
                return Err(Flow::Fatal(
                    "fatal error: sync: unlock of unlocked mutex".into(),
                ));
            }
            set_field_int(m, &a0, 0, TypeTable::INT32, 0)?;
            vec![]
        }
        "(*sync.RWMutex).RUnlock" => {
            let rc = field_int(m, &a0, 20, TypeTable::INT32)?;
            set_field_int(m, &a0, 20, TypeTable::INT32, rc - 1)?;
            vec![]
        }
        "(*sync.Once).Do" => {
            if field_int(m, &a0, 0, TypeTable::UINT8.max(TypeId(10)))? == 0 {
                set_field_int(m, &a0, 0, TypeId(10), 1)?;
                m.call_sync(gi, &a1, vec![])?;
            }
            vec![]
        }
        "strings.Join" => {
            let xs = m.slice_elems(&a0, TypeTable::STRING)?;
            let parts: Vec<String> = xs.iter().map(s).collect();
            vec![vs(&parts.join(&s(&a1)))]
        }
        "strings.Repeat" => {
            if a1.int() < 0 {
                return Err(Flow::Panic(vs("strings: negative Repeat count")));
            }
            vec![vs(&s(&a0).repeat(a1.int() as usize))]
        }
        "strings.ToUpper" => vec![vs(&s(&a0).to_uppercase())],
        "strings.ToLower" => vec![vs(&s(&a0).to_lowercase())],
        "strings.Title" => {
            let mut out = String::new();
            let mut prev = ' ';
            for c in s(&a0).chars() {
                if !prev.is_alphanumeric() && prev != '_' && prev != '\'' {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                prev = c;
            }
            vec![vs(&out)]
        }
        "strings.Split" => {
            let (x, sep) = (s(&a0), s(&a1));
            let parts: Vec<String> = if sep.is_empty() {
                x.chars().map(|c| c.to_string()).collect()
            } else {
                x.split(sep.as_str()).map(String::from).collect()
            };
            vec![string_slice(m, parts)?]
        }
        "strings.Fields" => {
            let parts: Vec<String> = s(&a0).split_whitespace().map(String::from).collect();
            vec![string_slice(m, parts)?]
        }
        "strings.Contains" => vec![V::Bool(s(&a0).contains(s(&a1).as_str()))],
        "strings.ContainsRune" => vec![V::Bool(
            s(&a0).contains(char::from_u32(a1.int() as u32).unwrap_or('\u{FFFD}')),
        )],
        "strings.HasPrefix" => vec![V::Bool(a0.str().starts_with(a1.str()))],
        "strings.HasSuffix" => vec![V::Bool(a0.str().ends_with(a1.str()))],
        "strings.TrimSpace" => vec![vs(s(&a0).trim())],
        "strings.Trim" => {
            let cut: Vec<char> = s(&a1).chars().collect();
            vec![vs(s(&a0).trim_matches(|c| cut.contains(&c)))]
        }
        "strings.TrimPrefix" => vec![V::bytes_str(
            a0.str().strip_prefix(a1.str()).unwrap_or(a0.str()),
        )],
        "strings.TrimSuffix" => vec![V::bytes_str(
            a0.str().strip_suffix(a1.str()).unwrap_or(a0.str()),
        )],
        "strings.Index" => vec![V::Int(
            s(&a0).find(s(&a1).as_str()).map(|i| i as i64).unwrap_or(-1),
        )],
        "strings.Count" => {
            let (x, sub) = (s(&a0), s(&a1));
            let n = if sub.is_empty() {
                x.chars().count() + 1
            } else {
                x.matches(sub.as_str()).count()
            };
            vec![V::Int(n as i64)]
        }
        "strings.Replace" => {
            let n = a2.int();
            let r = if n < 0 {
                s(&a0).replace(&s(&a1), &s(&arg(&args, 2)))
            } else {
                s(&a0).replacen(&s(&a1), &s(&a2), n as usize)
            };
            let r = if n < 0 {
                s(&a0).replace(&s(&a1), &s(&a2))
            } else {
                r
            };
            let _ = r.len();
            let n4 = arg(&args, 3).int();
            let r = if n4 < 0 {
                s(&a0).replace(&s(&a1), &s(&a2))
            } else {
                s(&a0).replacen(&s(&a1), &s(&a2), n4 as usize)
            };
            vec![vs(&r)]
        }
        "strings.ReplaceAll" => vec![vs(&s(&a0).replace(&s(&a1), &s(&a2)))],
        "strings.EqualFold" => vec![V::Bool(s(&a0).to_lowercase() == s(&a1).to_lowercase())],
        "strconv.Itoa" => vec![vs(&a0.int().to_string())],
        "strconv.FormatInt" => {
            let (i, base) = (a0.int(), a1.int().clamp(2, 36) as u32);
            let mut n = (i as i128).unsigned_abs();
            let mut d = Vec::new();
            while n > 0 {
                d.push(std::char::from_digit((n % base as u128) as u32, base).unwrap_or('?'));
                n /= base as u128;
            }
            if d.is_empty() {
                d.push('0');
            }
            if i < 0 {
                d.push('-');
            }
            vec![vs(&d.iter().rev().collect::<String>())]
        }
        "strconv.Atoi" | "strconv.ParseInt" => {
            let x = s(&a0);
            let fname = if name == "strconv.Atoi" {
                "Atoi"
            } else {
                "ParseInt"
            };
            let base = if name == "strconv.Atoi" { 10 } else { a1.int() };
            let bits = if name == "strconv.Atoi" { 64 } else { a2.int() };
            let bits = if bits == 0 { 64 } else { bits };
            let parsed = if base == 0 || base == 10 {
                x.parse::<i128>().ok()
            } else {
                i128::from_str_radix(&x, base as u32).ok()
            };
            match parsed {
                Some(v) => {
                    let lim = 1i128 << (bits - 1);
                    if v >= lim || v < -lim {
                        let clamped = if v > 0 { lim - 1 } else { -lim };
                        vec![
                            V::Int(clamped as i64),
                            num_error(m, fname, &x, "value out of range")?,
                        ]
                    } else {
                        vec![V::Int(v as i64), V::Nil]
                    }
                }
                None => {
                    let e = num_error(m, fname, &x, "invalid syntax")?;
                    vec![V::Int(0), e]
                }
            }
        }
        "strconv.ParseFloat" => {
            let x = s(&a0);
            match x.parse::<f64>() {
                Ok(v) if !x.contains("inf") && !x.contains("nan") => vec![V::Float(v), V::Nil],
                _ => {
                    let e = num_error(m, "ParseFloat", &x, "invalid syntax")?;
                    vec![V::Float(0.0), e]
                }
            }
        }
        "strconv.FormatFloat" => {
            let (x, fc, prec) = (a0.float(), a1.int() as u8 as char, a2.int());
            let r = match (fc, prec) {
                ('f', p) if p >= 0 => format!("{:.*}", p as usize, x),
                ('e', p) if p >= 0 => super::fmt::fmt_float_e(x, p as usize, false),
                ('g', p) if p >= 0 => super::fmt::fmt_float_gp(x, p as usize, false),
                ('f', _) => {
                    let g = super::fmt::fmt_float_g(x, false);
                    if g.contains('e') {
                        format!("{x}")
                    } else {
                        g
                    }
                }
                _ => super::fmt::fmt_float_g(x, arg(&args, 3).int() == 32),
            };
            vec![vs(&r)]
        }
        "strconv.ParseBool" => {
            let x = s(&a0);
            match x.as_str() {
                "1" | "t" | "T" | "true" | "TRUE" | "True" => vec![V::Bool(true), V::Nil],
                "0" | "f" | "F" | "false" | "FALSE" | "False" => vec![V::Bool(false), V::Nil],
                _ => {
                    let e = num_error(m, "ParseBool", &x, "invalid syntax")?;
                    vec![V::Bool(false), e]
                }
            }
        }
        "strconv.FormatBool" => vec![vs(if a0.bool() { "true" } else { "false" })],
        "strconv.Quote" => vec![vs(&crate::ir::quote_go(&s(&a0)))],
        "errors.New" => vec![new_error(
            m,
            ERROR_STRING,
            V::Agg(vec![a0.clone()].into_boxed_slice()),
        )?],
        "errors.Unwrap" => vec![unwrap_err(&a0)],
        "errors.Is" => {
            let mut cur = a0.clone();
            let mut found = false;
            for _ in 0..100 {
                if cur.is_nil() {
                    found = a1.is_nil();
                    break;
                }
                if m.equal(&cur, &a1).unwrap_or(false) {
                    found = true;
                    break;
                }
                if let V::Iface(i) = &cur {
                    if i.ty == JOIN_ERROR {
                        let errs: Vec<V> = match &i.val {
                            V::Agg(items) => items.iter().skip(1).cloned().collect(),
                            _ => vec![],
                        };
                        for e in errs {
                            if m.equal(&e, &a1).unwrap_or(false) {
                                found = true;
                            }
                        }
                        break;
                    }
                    if i.ty.0 < u32::MAX - 16 && m.find_method(i.ty, "Unwrap").is_some() {
                        let r = m.call_method_sync(gi, &cur, "Unwrap")?;
                        cur = r.into_iter().next().unwrap_or_default();
                        continue;
                    }
                }
                cur = unwrap_err(&cur);
            }
            vec![V::Bool(found)]
        }
        "errors.As" => {
            // target is a pointer to a variable of some type T.
            let V::Iface(t) = &a1 else {
                return Ok(vec![V::Bool(false)]);
            };
            let elem = match m.prog.types.under(t.ty) {
                Type::Pointer(e) => *e,
                _ => return Ok(vec![V::Bool(false)]),
            };
            let V::Ptr(tp) = t.val.clone() else {
                return Ok(vec![V::Bool(false)]);
            };
            let mut cur = a0.clone();
            let mut found = false;
            for _ in 0..100 {
                if cur.is_nil() {
                    break;
                }
                if m.type_matches(&cur, Some(elem)) {
                    let v = if m.prog.types.is_interface(elem) {
                        cur.clone()
                    } else {
                        match &cur {
                            V::Iface(i) => i.val.clone(),
                            v => v.clone(),
                        }
                    };
                    m.store(tp, elem, v)?;
                    found = true;
                    break;
                }
                if let V::Iface(i) = &cur {
                    if i.ty.0 < u32::MAX - 16 && m.find_method(i.ty, "Unwrap").is_some() {
                        let r = m.call_method_sync(gi, &cur, "Unwrap")?;
                        cur = r.into_iter().next().unwrap_or_default();
                        continue;
                    }
                }
                cur = unwrap_err(&cur);
            }
            vec![V::Bool(found)]
        }
        "errors.Join" => {
            let errs: Vec<V> = varargs(m, &a0)?
                .into_iter()
                .filter(|e| !e.is_nil())
                .collect();
            if errs.is_empty() {
                vec![V::Nil]
            } else {
                let mut items = vec![vs("")];
                items.extend(errs);
                vec![new_error(m, JOIN_ERROR, V::Agg(items.into_boxed_slice()))?]
            }
        }
        "sort.Ints" | "sort.Strings" | "sort.Float64s" => {
            let (ty, esize) = match name.as_str() {
                "sort.Ints" => (TypeTable::INT, 8),
                "sort.Strings" => (TypeTable::STRING, 16),
                _ => (TypeTable::FLOAT64, 8),
            };
            let mut xs = m.slice_elems(&a0, ty)?;
            xs.sort_by(super::fmt::compare_keys);
            write_back(m, &a0, ty, esize, xs)?;
            vec![]
        }
        "sort.Slice" | "sort.SliceStable" => {
            let V::Iface(i) = &a0 else { return Ok(vec![]) };
            let sl = i.val.clone();
            let elem = match m.prog.types.under(i.ty) {
                Type::Slice(e) => *e,
                _ => return Ok(vec![]),
            };
            let esize = m.prog.types.size_of(elem);
            let n = match &sl {
                V::Slice(s) => s.len as usize,
                _ => 0,
            };
            // Insertion sort through the user's less: stable, and it calls
            // less on the live slice as Go's sort does.
            for k in 1..n {
                let mut j = k;
                while j > 0 {
                    let r = m.call_sync(gi, &a1, vec![V::Int(j as i64), V::Int(j as i64 - 1)])?;
                    if !r.first().map(|x| x.bool()).unwrap_or(false) {
                        break;
                    }
                    swap(m, &sl, elem, esize, j, j - 1)?;
                    j -= 1;
                }
            }
            vec![]
        }
        "sort.Search" => {
            let (mut lo, mut hi) = (0i64, a0.int());
            while lo < hi {
                let h = lo + (hi - lo) / 2;
                let r = m.call_sync(gi, &a1, vec![V::Int(h)])?;
                if !r.first().map(|x| x.bool()).unwrap_or(false) {
                    lo = h + 1;
                } else {
                    hi = h;
                }
            }
            vec![V::Int(lo)]
        }
        "sort.SearchInts" => {
            let xs = m.slice_elems(&a0, TypeTable::INT)?;
            vec![V::Int(xs.partition_point(|v| v.int() < a1.int()) as i64)]
        }
        "sort.IntsAreSorted" => {
            let xs = m.slice_elems(&a0, TypeTable::INT)?;
            vec![V::Bool(xs.windows(2).all(|w| w[0].int() <= w[1].int()))]
        }
        "math.Sqrt" => vec![V::Float(a0.float().sqrt())],
        "math.Abs" => vec![V::Float(a0.float().abs())],
        "math.Max" => vec![V::Float(if a0.float().is_nan() || a1.float().is_nan() {
            f64::NAN
        } else {
            a0.float().max(a1.float())
        })],
        "math.Min" => vec![V::Float(if a0.float().is_nan() || a1.float().is_nan() {
            f64::NAN
        } else {
            a0.float().min(a1.float())
        })],
        "math.Floor" => vec![V::Float(a0.float().floor())],
        "math.Ceil" => vec![V::Float(a0.float().ceil())],
        "math.Round" => vec![V::Float(a0.float().round())],
        "math.Trunc" => vec![V::Float(a0.float().trunc())],
        "math.Pow" => vec![V::Float(a0.float().powf(a1.float()))],
        "math.Mod" => vec![V::Float(a0.float() % a1.float())],
        "math.Log" => vec![V::Float(a0.float().ln())],
        "math.Exp" => vec![V::Float(a0.float().exp())],
        "math.Sin" => vec![V::Float(a0.float().sin())],
        "math.Cos" => vec![V::Float(a0.float().cos())],
        "math.Hypot" => vec![V::Float(a0.float().hypot(a1.float()))],
        "math.Inf" => vec![V::Float(if a0.int() >= 0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        })],
        "math.IsNaN" => vec![V::Bool(a0.float().is_nan())],
        "math.NaN" => vec![V::Float(f64::NAN)],
        "unicode.IsUpper" => vec![V::Bool(ch(&a0).is_uppercase())],
        "unicode.IsLower" => vec![V::Bool(ch(&a0).is_lowercase())],
        "unicode.IsDigit" => vec![V::Bool(ch(&a0).is_numeric())],
        "unicode.IsLetter" => vec![V::Bool(ch(&a0).is_alphabetic())],
        "unicode.IsSpace" => vec![V::Bool(ch(&a0).is_whitespace())],
        "unicode.IsPunct" => vec![V::Bool(ch(&a0).is_ascii_punctuation())],
        "unicode.ToUpper" => vec![V::Int(
            ch(&a0)
                .to_uppercase()
                .next()
                .map(|c| c as i64)
                .unwrap_or(a0.int()),
        )],
        "unicode.ToLower" => vec![V::Int(
            ch(&a0)
                .to_lowercase()
                .next()
                .map(|c| c as i64)
                .unwrap_or(a0.int()),
        )],
        "utf8.RuneCountInString" => vec![V::Int(
            String::from_utf8_lossy(a0.str()).chars().count() as i64
        )],
        "utf8.RuneCount" => {
            let b: Vec<u8> = m
                .slice_elems(&a0, TypeTable::BYTE)?
                .iter()
                .map(|x| x.int() as u8)
                .collect();
            vec![V::Int(String::from_utf8_lossy(&b).chars().count() as i64)]
        }
        "utf8.RuneLen" => vec![V::Int(
            char::from_u32(a0.int() as u32)
                .map(|c| c.len_utf8() as i64)
                .unwrap_or(-1),
        )],
        "utf8.DecodeRuneInString" => {
            let (r, w) = super::exec::decode_rune(a0.str());
            vec![V::Int(r as i64), V::Int(w as i64)]
        }
        "utf8.ValidString" => vec![V::Bool(std::str::from_utf8(a0.str()).is_ok())],
        _ => return Err(Flow::Unsupported(format!("library function {name}"))),
    };
    Ok(r)
}

fn ch(v: &V) -> char {
    char::from_u32(v.int() as u32).unwrap_or('\u{FFFD}')
}

fn write_back(m: &mut Machine, sl: &V, ty: TypeId, esize: u64, xs: Vec<V>) -> R<()> {
    let V::Slice(s) = sl else { return Ok(()) };
    for (i, v) in xs.into_iter().enumerate() {
        m.store(
            Ptr {
                alloc: s.ptr.alloc,
                off: s.ptr.off + i as u64 * esize,
            },
            ty,
            v,
        )?;
    }
    Ok(())
}

fn swap(m: &mut Machine, sl: &V, ty: TypeId, esize: u64, i: usize, j: usize) -> R<()> {
    let V::Slice(s) = sl else { return Ok(()) };
    let pi = Ptr {
        alloc: s.ptr.alloc,
        off: s.ptr.off + i as u64 * esize,
    };
    let pj = Ptr {
        alloc: s.ptr.alloc,
        off: s.ptr.off + j as u64 * esize,
    };
    let a = m.load(pi, ty)?;
    let b = m.load(pj, ty)?;
    m.store(pi, ty, b)?;
    m.store(pj, ty, a)
}

/// `err.Error()` for any error value.
pub fn error_string(m: &mut Machine, gi: usize, e: &V) -> R<String> {
    match e {
        V::Iface(i) if i.ty.0 >= u32::MAX - 16 => {
            if super::exec::is_rt(i.ty)
                || i.ty == ERROR_STRING
                || i.ty == WRAP_ERROR
                || i.ty == NUM_ERROR
            {
                return Ok(String::from_utf8_lossy(&sentinel_msg(&i.val)).into_owned());
            }
            let r = call(m, gi, FuncId(u32::MAX), vec![e.clone()])?;
            Ok(s(&r.into_iter().next().unwrap_or_default()))
        }
        V::Iface(_) => {
            let r = m.call_method_sync(gi, e, "Error")?;
            Ok(s(&r.into_iter().next().unwrap_or_default()))
        }
        _ => Ok("<nil>".into()),
    }
}

trait MapPanic {
    fn map_panic(self, m: &Machine) -> Flow;
}

impl MapPanic for Flow {
    /// A library panic with a string value.
    fn map_panic(self, _m: &Machine) -> Flow {
        match self {
            Flow::Panic(V::Str(s)) => Flow::Panic(V::Iface(Rc::new(IfaceV {
                ty: TypeTable::STRING,
                val: V::Str(s),
                boxed: None,
            }))),
            f => f,
        }
    }
}
