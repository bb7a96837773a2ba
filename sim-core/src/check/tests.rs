//! The IR's contract with later stages, one property per test.

use crate::ir::{Callee, ExprKind, FuncKind, Program, StmtKind, VarKind};

/// Checks `src`, which must be valid, and returns its program.
fn program(src: &str) -> Program {
    let checked = super::check(src);
    assert!(
        checked.diagnostics.is_empty(),
        "unexpected diagnostics: {:?}",
        checked.diagnostics
    );
    match checked.program {
        Some(p) => p,
        None => panic!("no program"),
    }
}

fn exprs_where(p: &Program, pred: impl Fn(&ExprKind) -> bool) -> Vec<(u32, u32)> {
    p.exprs
        .iter()
        .filter(|(_, e)| pred(&e.kind))
        .map(|(_, e)| (e.span.pos.line, e.span.pos.col))
        .collect()
}

#[test]
fn interface_arguments_and_variadic_slices_are_explicit() {
    let p = program(
        r#"package main

import "fmt"

func main() {
	x := 42
	fmt.Println(x, "hi")
}
"#,
    );
    // Both arguments are boxed, inside one hidden slice at the call's `(`.
    assert_eq!(
        exprs_where(&p, |k| matches!(k, ExprKind::ConvIface(_))),
        [(7, 14), (7, 17)]
    );
    assert_eq!(
        exprs_where(
            &p,
            |k| matches!(k, ExprKind::VarArgsSlice(v) if v.len() == 2)
        ),
        [(7, 13)]
    );
    let println = p.std_func("fmt.Println");
    assert!(println.is_some());
    let static_call = p.exprs.iter().any(|(_, e)| {
        matches!(&e.kind, ExprKind::Call(c) if matches!(c.callee, Callee::Func(f) if Some(f) == println))
    });
    assert!(static_call);
}

#[test]
fn allocation_sites_have_their_own_nodes_at_gc_positions() {
    let p = program(
        r#"package main

type T struct{ n int }

func (t *T) Inc() { t.n++ }

func main() {
	a := &T{}
	b := new(int)
	c := make([]byte, 4)
	d := []int{1}
	e := map[string]int{}
	f := func() int { return *b }
	g := a.Inc
	_, _, _, _, _ = c, d, e, f, g
}
"#,
    );
    assert_eq!(
        exprs_where(&p, |k| matches!(k, ExprKind::PtrLit(_))),
        [(8, 7)]
    );
    assert_eq!(
        exprs_where(&p, |k| matches!(k, ExprKind::New(_))),
        [(9, 10)]
    );
    assert_eq!(
        exprs_where(&p, |k| matches!(k, ExprKind::Make { .. })),
        [(10, 11)]
    );
    assert_eq!(
        exprs_where(&p, |k| matches!(k, ExprKind::FuncLit(_))),
        [(13, 7)]
    );
    assert_eq!(
        exprs_where(&p, |k| matches!(k, ExprKind::MethodValue { .. })),
        [(14, 8)]
    );
    // The closure is main.func1 and captures b.
    let closure = p
        .funcs
        .iter()
        .find(|(_, f)| f.is_closure())
        .map(|(_, f)| f.clone());
    let closure = closure.expect("closure");
    assert_eq!(closure.name, "main.func1");
    let captured: Vec<&str> = closure
        .captures
        .iter()
        .map(|v| p.vars[*v].name.as_str())
        .collect();
    assert_eq!(captured, ["b"]);
    // The method is named as gc names it.
    assert!(p.funcs.iter().any(|(_, f)| f.name == "(*T).Inc"
        && matches!(
            f.kind,
            FuncKind::Method {
                pointer_receiver: true,
                ..
            }
        )));
}

#[test]
fn statements_sit_at_gc_positions_and_results_are_named() {
    let p = program(
        r#"package main

func pair() (int, string) {
	return 1, "a"
}

func main() {
	for i := 0; i < 3; i++ {
		n, s := pair()
		_, _ = n, s
	}
}
"#,
    );
    let pair = p
        .funcs
        .iter()
        .find(|(_, f)| f.name == "pair")
        .map(|(_, f)| f.clone());
    let pair = pair.expect("pair");
    let results: Vec<&str> = pair
        .results
        .iter()
        .map(|v| p.vars[*v].name.as_str())
        .collect();
    assert_eq!(results, ["~r0", "~r1"]);
    assert!(pair
        .results
        .iter()
        .all(|v| p.vars[*v].kind == VarKind::Result));
    let positions = |pred: &dyn Fn(&StmtKind) -> bool| -> Vec<(u32, u32)> {
        p.stmts
            .iter()
            .filter(|(_, s)| pred(&s.kind))
            .map(|(_, s)| (s.span.pos.line, s.span.pos.col))
            .collect()
    };
    assert_eq!(
        positions(&|k| matches!(k, StmtKind::Return { .. })),
        [(4, 2)]
    );
    // `i := 0` and `n, s := pair()` at their `:=`; `_, _ = n, s` at `=`.
    assert_eq!(
        positions(&|k| matches!(k, StmtKind::Assign { .. })),
        [(8, 8), (9, 8), (10, 8)]
    );
    // The three-clause loop declares i per iteration.
    let loop_vars: Vec<usize> = p
        .stmts
        .iter()
        .filter_map(|(_, s)| match &s.kind {
            StmtKind::For { loop_vars, .. } => Some(loop_vars.len()),
            _ => None,
        })
        .collect();
    assert_eq!(loop_vars, [1]);
}

#[test]
fn constants_are_folded_with_their_final_type() {
    let p = program(
        r#"package main

const K = 1 << 10

func main() {
	var x int64 = K * 2
	println(x, len("abc"))
}
"#,
    );
    let consts: Vec<String> = p
        .exprs
        .iter()
        .filter_map(|(_, e)| match &e.kind {
            ExprKind::Const(v) if e.span.pos.line == 6 => {
                Some(format!("{v}:{}", p.types.display(e.ty)))
            }
            _ => None,
        })
        .collect();
    assert!(consts.contains(&"2048:int64".to_string()), "{consts:?}");
}

/// A large file is parsed in two halves on two threads; its diagnostics,
/// verdicts and reasons are those of the same file parsed whole.
#[test]
fn a_file_parsed_in_halves_checks_as_it_does_whole() {
    let part = |i: usize| {
        format!(
            r#"type Node{i} struct {{
	val  int
	next *Node{i}
	tags []string
}}

func (n *Node{i}) Push(v int) *Node{i} {{
	return &Node{i}{{val: v, next: n}}
}}

func (n Node{i}) String() string {{
	return fmt.Sprintf("%d", n.val)
}}

func use{i}(xs []int) (total int) {{
	var head *Node{i}
	for _, x := range xs {{
		head = head.Push(x)
	}}
	done := make(chan int)
	go func() {{
		done <- head.val
	}}()
	f := func(k int) int {{ return k + total }}
	var s fmt.Stringer = *head
	fmt.Println(s, f(<-done))
	return total
}}

"#
        )
    };
    let mut src = String::from("package main\n\nimport \"fmt\"\n\n");
    for i in 0..60 {
        src.push_str(&part(i));
    }
    src.push_str("func main() {\n\tfmt.Println(use0([]int{1, 2}))\n}\n");
    assert!(src.len() > 16 << 10, "{} bytes", src.len());
    let report = |src: &str| {
        let checked = super::check(src);
        let escape = checked
            .program
            .as_ref()
            .map(|p| crate::escape::analyze(p).render("a.go", 2));
        (checked.diagnostics, escape)
    };
    let halves = report(&src);
    let whole = crate::syntax::tests::without_cutting(|| report(&src));
    assert!(halves.0.is_empty() && halves.1.as_ref().is_some_and(|r| r.lines().count() > 1000));
    assert_eq!(halves, whole);
    // A type error late in the file, and a syntax error, come out alike.
    for broken in [
        src.replace(
            "return total\n}\n\nfunc main",
            "return \"x\"\n}\n\nfunc main",
        ),
        src.replace("func main() {", "func main() {{"),
    ] {
        let halves = report(&broken);
        assert!(!halves.0.is_empty());
        assert_eq!(
            halves,
            crate::syntax::tests::without_cutting(|| report(&broken))
        );
    }
}
