//! Renders recognizer syntax the way the Go compiler quotes code in its
//! syntax errors (its "short form": function bodies and composite literal
//! contents become `…`).

use super::ast::{ChanDir, Expr, Field, SimpleStmt};

pub(crate) fn expr_string(x: &Expr) -> String {
    let mut out = String::new();
    write_expr(x, &mut out);
    out
}

pub(crate) fn stmt_string(s: &SimpleStmt) -> String {
    let mut out = String::new();
    match s {
        SimpleStmt::Expr(x) => write_expr(x, &mut out),
        SimpleStmt::Send(_, ch, v) => {
            write_expr(ch, &mut out);
            out.push_str(" <- ");
            write_expr(v, &mut out);
        }
        SimpleStmt::Assign { op, lhs, rhs, .. } => {
            write_expr(lhs, &mut out);
            match rhs {
                None => {
                    out.push_str(op.as_str());
                    out.push_str(op.as_str());
                }
                Some(rhs) => {
                    out.push(' ');
                    out.push_str(op.as_str());
                    out.push_str("= ");
                    write_expr(rhs, &mut out);
                }
            }
        }
        SimpleStmt::Range { lhs, def, x, .. } => {
            if let Some(lhs) = lhs {
                write_expr(lhs, &mut out);
                out.push_str(if *def { " := " } else { " = " });
            }
            out.push_str("range ");
            write_expr(x, &mut out);
        }
    }
    out
}

/// Like [`expr_string`], with a binary expression put in parentheses.
pub(crate) fn emphasize(x: &Expr) -> String {
    let s = expr_string(x);
    match x {
        Expr::Operation { y: Some(_), .. } => format!("({s})"),
        _ => s,
    }
}

fn write_list(list: &[Expr], out: &mut String) {
    for (i, x) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(x, out);
    }
}

fn write_expr(x: &Expr, out: &mut String) {
    match x {
        Expr::Bad(_) | Expr::Opaque(..) => out.push_str("<bad expr>"),
        Expr::Name(n) => out.push_str(&n.value),
        Expr::BasicLit(_, v) => out.push_str(v),
        Expr::FuncLit { ty, empty_body } => {
            write_expr(ty, out);
            out.push_str(if *empty_body { " {}" } else { " {…}" });
        }
        Expr::CompositeLit { ty, elems, .. } => {
            if let Some(ty) = ty {
                write_expr(ty, out);
            }
            out.push_str(if *elems > 0 { "{…}" } else { "{}" });
        }
        Expr::Paren(_, x) => {
            out.push('(');
            write_expr(x, out);
            out.push(')');
        }
        Expr::Selector(_, x, sel) => {
            write_expr(x, out);
            out.push('.');
            out.push_str(&sel.value);
        }
        Expr::Index(_, x, i) => {
            write_expr(x, out);
            out.push('[');
            write_expr(i, out);
            out.push(']');
        }
        Expr::Slice(_, x, idx) => {
            write_expr(x, out);
            out.push('[');
            if let Some(i) = &idx[0] {
                write_expr(i, out);
            }
            out.push(':');
            if let Some(j) = &idx[1] {
                write_expr(j, out);
            }
            if let Some(k) = &idx[2] {
                out.push(':');
                write_expr(k, out);
            }
            out.push(']');
        }
        Expr::Assert(_, x, t) => {
            write_expr(x, out);
            out.push_str(".(");
            write_expr(t, out);
            out.push(')');
        }
        Expr::TypeSwitchGuard(_, lhs, x) => {
            if let Some(lhs) = lhs {
                out.push_str(&lhs.value);
                out.push_str(" := ");
            }
            write_expr(x, out);
            out.push_str(".(type)");
        }
        Expr::Call {
            fun, args, dots, ..
        } => {
            write_expr(fun, out);
            out.push('(');
            write_list(args, out);
            if *dots {
                out.push_str("...");
            }
            out.push(')');
        }
        Expr::Operation { op, x, y, .. } => match y {
            None => {
                out.push_str(op.as_str());
                write_expr(x, out);
            }
            Some(y) => {
                write_expr(x, out);
                out.push(' ');
                out.push_str(op.as_str());
                out.push(' ');
                write_expr(y, out);
            }
        },
        Expr::List(_, list) => write_list(list, out),
        Expr::ArrayType(_, len, elem) => {
            out.push('[');
            match len {
                Some(len) => write_expr(len, out),
                None => out.push_str("..."),
            }
            out.push(']');
            write_expr(elem, out);
        }
        Expr::SliceType(_, elem) => {
            out.push_str("[]");
            write_expr(elem, out);
        }
        Expr::DotsType(_, elem) => {
            out.push_str("...");
            write_expr(elem, out);
        }
        Expr::StructType(_, fields) => {
            out.push_str("struct{");
            write_struct_fields(fields, out);
            out.push('}');
        }
        Expr::FuncType(_, params, results) => {
            out.push_str("func");
            write_signature(params, results, out);
        }
        Expr::InterfaceType(_, methods) => {
            out.push_str("interface{");
            for (i, m) in methods.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match (&m.name, &m.ty) {
                    (Some(name), Some(Expr::FuncType(_, params, results))) => {
                        out.push_str(&name.value);
                        write_signature(params, results, out);
                    }
                    (_, Some(ty)) => write_expr(ty, out),
                    _ => {}
                }
            }
            out.push('}');
        }
        Expr::MapType(_, k, v) => {
            out.push_str("map[");
            write_expr(k, out);
            out.push(']');
            write_expr(v, out);
        }
        Expr::ChanType(_, dir, elem) => {
            out.push_str(match dir {
                ChanDir::RecvOnly => "<-chan ",
                ChanDir::SendOnly => "chan<- ",
                ChanDir::Both => "chan ",
            });
            let wrap =
                *dir == ChanDir::Both && matches!(&**elem, Expr::ChanType(_, ChanDir::RecvOnly, _));
            if wrap {
                out.push('(');
            }
            write_expr(elem, out);
            if wrap {
                out.push(')');
            }
        }
    }
}

fn write_struct_fields(fields: &[Field], out: &mut String) {
    let mut i = 0;
    let mut first = true;
    while i < fields.len() {
        let mut j = i + 1;
        if fields[i].name.is_some() {
            while j < fields.len() && fields[j].name.is_some() && fields[j].group == fields[i].group
            {
                j += 1;
            }
        }
        if !first {
            out.push_str("; ");
        }
        first = false;
        if fields[i].name.is_none() {
            if let Some(ty) = &fields[i].ty {
                write_expr(ty, out);
            }
        } else {
            for (k, f) in fields[i..j].iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                if let Some(n) = &f.name {
                    out.push_str(&n.value);
                }
            }
            out.push(' ');
            if let Some(ty) = &fields[i].ty {
                write_expr(ty, out);
            }
        }
        if let Some(tag) = &fields[i].tag {
            out.push(' ');
            out.push_str(tag);
        }
        i = j;
    }
}

fn write_params(list: &[Field], out: &mut String) {
    out.push('(');
    for (i, f) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(name) = &f.name {
            out.push_str(&name.value);
            if let Some(next) = list.get(i + 1) {
                if next.name.is_some() && next.group == f.group {
                    continue;
                }
            }
            out.push(' ');
        }
        if let Some(ty) = &f.ty {
            write_expr(ty, out);
        }
    }
    out.push(')');
}

fn write_signature(params: &[Field], results: &[Field], out: &mut String) {
    write_params(params, out);
    if !results.is_empty() {
        out.push(' ');
        if results.len() == 1 && results[0].name.is_none() {
            if let Some(ty) = &results[0].ty {
                write_expr(ty, out);
            }
        } else {
            write_params(results, out);
        }
    }
}
