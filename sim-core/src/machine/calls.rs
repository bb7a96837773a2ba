//! Calls: static, through func values, closures, method values and
//! interfaces; `go` statements; and synchronous callbacks from natively
//! run library code (`sort.Slice`'s less, `Error()` for fmt).

use super::code::*;
use super::exec::{nil_deref, Flow, GState, Machine, Mode};
use super::value::*;
use crate::ir::{FuncId, Type, TypeId};

type R<T> = Result<T, Flow>;

/// What a func value or interface method resolves to.
struct Resolved {
    func: FuncId,
    args: Vec<V>,
    env: Option<Ptr>,
}

impl<'p> Machine<'p> {
    fn resolve(
        &mut self,
        target: Target,
        callee: Option<V>,
        mut args: Vec<V>,
    ) -> R<Option<Resolved>> {
        Ok(Some(match target {
            Target::User(f) | Target::Std(f) => Resolved {
                func: f,
                args,
                env: None,
            },
            Target::Builtin(..) => return Ok(None),
            Target::Iface(name) => {
                let recv = if args.is_empty() {
                    V::Nil
                } else {
                    args.remove(0)
                };
                let (f, r) = self.iface_method(&recv, &name)?;
                args.insert(0, r);
                Resolved {
                    func: f,
                    args,
                    env: None,
                }
            }
            Target::Value => {
                let Some(V::Func(fv)) = callee else {
                    return Err(nil_deref());
                };
                match &fv.call {
                    Callable::Func(f) | Callable::MethodExpr(f) => Resolved {
                        func: *f,
                        args,
                        env: None,
                    },
                    Callable::Closure(f) => Resolved {
                        func: *f,
                        args,
                        env: fv.env,
                    },
                    Callable::Bound(f) => {
                        let recv = match fv.env.map(|p| self.load_raw(p)) {
                            Some(V::Agg(items)) => items.first().cloned().unwrap_or_default(),
                            _ => V::Nil,
                        };
                        args.insert(0, recv);
                        Resolved {
                            func: *f,
                            args,
                            env: None,
                        }
                    }
                    Callable::BoundIface(name) => {
                        let recv = match fv.env.map(|p| self.load_raw(p)) {
                            Some(V::Agg(items)) => items.first().cloned().unwrap_or_default(),
                            _ => V::Nil,
                        };
                        let (f, r) = self.iface_method(&recv, name)?;
                        args.insert(0, r);
                        Resolved {
                            func: f,
                            args,
                            env: None,
                        }
                    }
                    Callable::IfaceMethodExpr(name) => {
                        let recv = if args.is_empty() {
                            V::Nil
                        } else {
                            args.remove(0)
                        };
                        let (f, r) = self.iface_method(&recv, name)?;
                        args.insert(0, r);
                        Resolved {
                            func: f,
                            args,
                            env: None,
                        }
                    }
                }
            }
        }))
    }

    /// The method `name` of interface value `recv` and the receiver to pass.
    pub fn iface_method(&mut self, recv: &V, name: &str) -> R<(FuncId, V)> {
        let V::Iface(i) = recv else {
            return Err(nil_deref());
        };
        let Some((f, path, _)) = self.find_method(i.ty, name) else {
            return Err(Flow::Unsupported(format!("method {name} not found")));
        };
        if f.0 >= u32::MAX - 1 {
            // Runtime-made errors: the native method takes the interface.
            return Ok((f, recv.clone()));
        }
        let mut cur = i.val.clone();
        let mut cur_ty = i.ty;
        for (idx, off) in path {
            let fty = self.field_type(cur_ty, idx);
            match cur {
                V::Ptr(p) => {
                    let fp = Ptr {
                        alloc: p.alloc,
                        off: p.off + off,
                    };
                    if matches!(self.prog.types.under(fty), Type::Pointer(_)) {
                        cur = self.load(fp, fty)?;
                    } else {
                        cur = V::Ptr(fp);
                    }
                }
                V::Agg(items) => {
                    cur = items.get(idx as usize).cloned().unwrap_or_default();
                }
                _ => return Err(nil_deref()),
            }
            cur_ty = fty;
        }
        // Adjust to the receiver's declared type.
        let func = self.prog.func(f);
        let recv_ty = func.receiver.map(|r| self.prog.var(r).ty);
        let wants_ptr = recv_ty
            .map(|t| matches!(self.prog.types.under(t), Type::Pointer(_)))
            .unwrap_or(false);
        if let (V::Ptr(p), false, Some(rt)) = (&cur, wants_ptr, recv_ty) {
            let is_ptr_named = matches!(self.prog.types.under(rt), Type::Pointer(_));
            if !is_ptr_named {
                cur = self.load(*p, rt)?;
            }
        }
        Ok((f, cur))
    }

    /// The type of field `idx` of struct (or pointer to struct) `ty`.
    fn field_type(&self, ty: TypeId, idx: u32) -> TypeId {
        let t = match self.prog.types.under(ty) {
            Type::Pointer(e) => *e,
            _ => ty,
        };
        match self.prog.types.under(t) {
            Type::Struct(fields) => fields.get(idx as usize).map(|f| f.ty).unwrap_or(t),
            _ => t,
        }
    }

    /// Calls `target`: pushes a frame for Go code, or runs library code
    /// natively and pushes its results.
    pub fn invoke(
        &mut self,
        gi: usize,
        target: Target,
        callee: Option<V>,
        args: Vec<V>,
        keep: bool,
        deferred: bool,
    ) -> R<()> {
        if let Target::Builtin(b, aux) = &target {
            return self.deferred_builtin(gi, *b, *aux, args);
        }
        let args = match &target {
            Target::User(f) if keep && !deferred => match self.call_memoized(gi, *f, args)? {
                Ok(()) => return Ok(()),
                Err(args) => args,
            },
            _ => args,
        };
        let saved = if matches!(target, Target::Std(_)) {
            Some((callee.clone(), args.clone()))
        } else {
            None
        };
        let Some(r) = self.resolve(target, callee, args)? else {
            return Ok(());
        };
        if r.func.0 >= u32::MAX - 1
            || self
                .prog
                .funcs
                .get(r.func)
                .map(|f| f.is_std())
                .unwrap_or(false)
        {
            let res = match super::stdlib::call(self, gi, r.func, r.args) {
                Err(Flow::Block(reason)) => {
                    // Put the operands back so the call is retried.
                    if let Some((c, a)) = saved {
                        if let Some(c) = c {
                            self.gs[gi].stack.push(c);
                        }
                        self.gs[gi].stack.extend(a);
                    }
                    return Err(Flow::Block(reason));
                }
                r => r?,
            };
            if keep {
                self.gs[gi].stack.extend(res);
            }
            return Ok(());
        }
        let Some(code) = self.c.funcs.get(r.func.0 as usize).cloned().flatten() else {
            return Err(Flow::Unsupported(format!(
                "call of {}",
                self.prog.func(r.func).name
            )));
        };
        self.push_frame(gi, code, r.args, r.env, keep, deferred)
    }

    fn deferred_builtin(
        &mut self,
        gi: usize,
        b: crate::ir::Builtin,
        aux: TypeId,
        args: Vec<V>,
    ) -> R<()> {
        use crate::ir::Builtin::*;
        match b {
            Close => self.chan_close(args.first().unwrap_or(&V::Nil)),
            Panic => Err(Flow::Panic(args.into_iter().next().unwrap_or_default())),
            Print | Println => {
                let mut out = String::new();
                for (i, a) in args.iter().enumerate() {
                    if b == Println && i > 0 {
                        out.push(' ');
                    }
                    out.push_str(&super::fmt::print_builtin(self, a, aux));
                }
                if b == Println {
                    out.push('\n');
                }
                self.write(crate::trace::Stream::Stderr, out.as_bytes());
                Ok(())
            }
            Delete => {
                if let (Some(V::Map(m)), Some(k)) = (args.first(), args.get(1)) {
                    self.map_delete(*m, k);
                }
                Ok(())
            }
            Recover => {
                let _ = gi;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// `go f(args)`: a new goroutine whose first frame is `f`.
    pub fn go(&mut self, target: Target, callee: Option<V>, args: Vec<V>) -> R<()> {
        let Some(r) = self.resolve(target, callee, args)? else {
            return Ok(());
        };
        let code = self.c.funcs.get(r.func.0 as usize).cloned().flatten();
        match code {
            Some(code) => {
                let name = code.name.clone();
                self.spawn_pub(name, code, r.args, r.env);
                Ok(())
            }
            None => {
                // A library function as a goroutine: run it now.
                let gi = self.cur;
                super::stdlib::call(self, gi, r.func, r.args).map(|_| ())
            }
        }
    }

    /// Calls a func value from native code and runs it to completion on
    /// the current goroutine. Nested at most a few levels (the library
    /// calls that call back are not recursive themselves).
    pub fn call_sync(&mut self, gi: usize, f: &V, args: Vec<V>) -> R<Vec<V>> {
        let r = self.resolve(Target::Value, Some(f.clone()), args)?;
        self.run_sync(gi, r.map(|r| (r.func, r.args, r.env)))
    }

    /// Calls method `name` of interface value `recv` synchronously.
    pub fn call_method_sync(&mut self, gi: usize, recv: &V, name: &str) -> R<Vec<V>> {
        let (f, r) = self.iface_method(recv, name)?;
        self.run_sync(gi, Some((f, vec![r], None)))
    }

    fn run_sync(&mut self, gi: usize, r: Option<(FuncId, Vec<V>, Option<Ptr>)>) -> R<Vec<V>> {
        let Some((func, args, env)) = r else {
            return Ok(vec![]);
        };
        if func.0 >= u32::MAX - 1 || self.prog.func(func).is_std() {
            return super::stdlib::call(self, gi, func, args);
        }
        if self.sync_depth > 32 {
            return Err(Flow::Unsupported(
                "deeply nested callbacks from library code".into(),
            ));
        }
        let Some(code) = self.c.funcs.get(func.0 as usize).cloned().flatten() else {
            return Ok(vec![]);
        };
        let depth = self.gs[gi].frames.len();
        let base = self.gs[gi].stack.len();
        let panics_before = self.gs[gi].panics.len();
        self.push_frame(gi, code, args, env, true, false)?;
        if let Some(f) = self.gs[gi].frames.last_mut() {
            f.sync = true;
        }
        self.sync_depth += 1;
        let saved_done = self.sync_done;
        self.sync_done = false;
        let mut result = Ok(());
        while self.outcome.is_none() && !self.sync_done {
            if self.executed_steps() >= self.opts.step_limit {
                result = Err(Flow::Unsupported(
                    "step budget exhausted inside a callback".into(),
                ));
                break;
            }
            if self.gs[gi].frames.len() <= depth {
                break;
            }
            match self.step_op_pub(gi) {
                Ok(()) => {}
                Err(Flow::Panic(v)) => self.start_panic_pub(gi, v),
                Err(Flow::Block(_)) => {
                    result = Err(Flow::Unsupported(
                        "blocking inside a callback from library code".into(),
                    ));
                    break;
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.sync_done = saved_done;
        self.sync_depth -= 1;
        result?;
        if self.gs[gi].state != GState::Runnable {
            return Err(Flow::Unsupported("callback ended its goroutine".into()));
        }
        // A panic that unwound through the callback continues outside.
        if self.gs[gi].frames.len() <= depth
            && self.gs[gi].panics.len() > panics_before
            && self.gs[gi]
                .panics
                .last()
                .map(|p| !p.recovered)
                .unwrap_or(false)
            && self.gs[gi]
                .frames
                .last()
                .map(|f| f.mode != Mode::Panicking)
                .unwrap_or(true)
        {
            if let Some(p) = self.gs[gi].panics.pop() {
                return Err(Flow::Panic(p.val));
            }
        }
        let st = &mut self.gs[gi].stack;
        let res = if st.len() > base {
            st.split_off(base)
        } else {
            vec![]
        };
        Ok(res)
    }
}
