//! The standard-library functions the checker declares, run natively.

use super::exec::{Flow, Machine, ERROR_STRING, JOIN_ERROR, NUM_ERROR, WRAP_ERROR};
use super::value::*;
use crate::ir::{FuncId, FuncKind, Type, TypeId, TypeTable};
use crate::trace::Stream;
use std::rc::Rc;

mod pkgs;
mod sort;
mod strconv;
mod unicode;

use unicode as u;

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

/// The byte widths of a string's runes as `range` decodes them.
pub fn rune_widths(s: &[u8]) -> Vec<usize> {
    u::runes(s).into_iter().map(|x| x.2).collect()
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
    let nb = m.append(gi, buf, TypeTable::BYTE, extra, None, true, false)?;
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

/// Sets the library's package-level variables (`strconv.ErrRange`,
/// `os.ErrNotExist`, ...) before the program's own initialisation runs,
/// as Go's package init order does.
pub fn init_globals(m: &mut Machine) {
    pkgs::ensure_sentinels(m);
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
        _ => match pkgs::call(m, gi, f, &name, &args)? {
            Some(r) => r,
            None => return Err(Flow::Unsupported(format!("library function {name}"))),
        },
    };
    Ok(r)
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
