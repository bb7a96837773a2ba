//! Unit tests of the IR-independent core: graphs built by hand.

use super::graph::*;
use super::report::{lines, ParamSlot};
use crate::diag::Pos;

fn site(text: &str, line: u32, col: u32) -> Site {
    Site {
        text: text.to_string(),
        pos: Pos::new(line, col),
        start: 0,
        end: 0,
    }
}

fn var(b: &mut Batch, f: FuncIx, name: &str, line: u32, col: u32, class: VarClass) -> LocId {
    b.new_loc(
        LocKind::Var {
            site: site(name, line, col),
            class,
        },
        f,
        1,
        true,
    )
}

fn slot(loc: LocId, name: &str, line: u32, col: u32) -> ParamSlot {
    ParamSlot {
        loc: Some(loc),
        site: site(name, line, col),
        has_pointers: true,
    }
}

fn run(b: &mut Batch, params: Vec<Vec<ParamSlot>>, results: Vec<Vec<String>>) -> Vec<String> {
    b.solve();
    b.finish(&params, &results);
    lines(&b.events, "x.go", 2)
}

#[test]
fn returning_the_address_of_a_local_moves_it_to_the_heap() {
    let mut b = Batch::new(true);
    let f = b.add_func("makeCar".into(), None);
    let pb = var(&mut b, f, "b", 13, 14, VarClass::Param);
    let r0 = var(&mut b, f, "~r0", 13, 20, VarClass::Result { index: 0 });
    let car = var(&mut b, f, "myCar", 14, 2, VarClass::Local);
    b.flow(
        &Hole::to(car).note(site("Car{...}", 14, 14), "struct literal element"),
        pb,
    );
    b.flow(
        &Hole::to(r0)
            .note(site("return &myCar", 15, 2), "return")
            .addr(site("&myCar", 15, 9), "address-of"),
        car,
    );
    let out = run(
        &mut b,
        vec![vec![slot(pb, "b", 13, 14)]],
        vec![vec!["~r0".into()]],
    );
    assert_eq!(
        out,
        [
            "./x.go:14:2: myCar escapes to heap in makeCar:",
            "./x.go:14:2:   flow: ~r0 ← &myCar:",
            "./x.go:14:2:     from &myCar (address-of) at ./x.go:15:9",
            "./x.go:14:2:     from return &myCar (return) at ./x.go:15:2",
            "./x.go:13:14: parameter b leaks to myCar for makeCar with derefs=0:",
            "./x.go:13:14:   flow: myCar ← b:",
            "./x.go:13:14:     from Car{...} (struct literal element) at ./x.go:14:14",
            "./x.go:13:14: leaking param: b",
            "./x.go:14:2: moved to heap: myCar",
        ]
    );
}

#[test]
fn a_parameter_returned_leaks_to_its_result() {
    let mut b = Batch::new(false);
    let f = b.add_func("identity".into(), None);
    let p = var(&mut b, f, "p", 1, 15, VarClass::Param);
    let r0 = var(&mut b, f, "~r0", 1, 20, VarClass::Result { index: 0 });
    b.flow(&Hole::to(r0), p);
    let out = run(
        &mut b,
        vec![vec![slot(p, "p", 1, 15)]],
        vec![vec!["~r0".into()]],
    );
    assert_eq!(out, ["./x.go:1:15: leaking param: p to result ~r0 level=0"]);
}

#[test]
fn content_leaks_and_unused_parameters() {
    let mut b = Batch::new(false);
    let f = b.add_func("keepContent".into(), None);
    let pp = var(&mut b, f, "pp", 1, 18, VarClass::Param);
    let q = var(&mut b, f, "q", 1, 22, VarClass::Param);
    b.flow(&Hole::to(HEAP).shift(1), pp);
    let out = run(
        &mut b,
        vec![vec![slot(pp, "pp", 1, 18), slot(q, "q", 1, 22)]],
        vec![vec![]],
    );
    assert_eq!(
        out,
        [
            "./x.go:1:18: leaking param content: pp",
            "./x.go:1:22: q does not escape"
        ]
    );
}

#[test]
fn an_allocation_stored_in_an_outer_loop_variable_escapes() {
    let mut b = Batch::new(false);
    let f = b.add_func("f".into(), None);
    let l = var(&mut b, f, "l", 2, 6, VarClass::Local);
    let alloc = b.new_loc(
        LocKind::Alloc {
            site: site("new(int)", 4, 7),
            kind: AllocKind::Plain,
        },
        f,
        2,
        true,
    );
    let inner = b.new_loc(
        LocKind::Alloc {
            site: site("new(int)", 5, 7),
            kind: AllocKind::Plain,
        },
        f,
        1,
        true,
    );
    b.flow(&Hole::to(l).shift(-1), alloc);
    b.flow(&Hole::to(l).shift(-1), inner);
    let out = run(&mut b, vec![vec![]], vec![vec![]]);
    assert_eq!(
        out,
        [
            "./x.go:4:7: new(int) escapes to heap",
            "./x.go:5:7: new(int) does not escape"
        ]
    );
}

#[test]
fn dereference_after_address_is_clamped() {
    // ~r0 = &l; l = x: l's address reaches the result, x's does not.
    let mut b = Batch::new(false);
    let f = b.add_func("f".into(), None);
    let x = var(&mut b, f, "x", 1, 1, VarClass::Local);
    let l = var(&mut b, f, "l", 2, 1, VarClass::Local);
    let r0 = var(&mut b, f, "~r0", 3, 1, VarClass::Result { index: 0 });
    b.flow(&Hole::to(l), x);
    b.flow(&Hole::to(r0).shift(-1), l);
    let out = run(&mut b, vec![vec![]], vec![vec![]]);
    assert_eq!(out, ["./x.go:2:1: moved to heap: l"]);
}

#[test]
fn escaping_is_sticky_and_propagates() {
    // ~r0 = &l; l = &x: once l is on the heap, so is x.
    let mut b = Batch::new(false);
    let f = b.add_func("f".into(), None);
    let x = var(&mut b, f, "x", 1, 1, VarClass::Local);
    let l = var(&mut b, f, "l", 2, 1, VarClass::Local);
    let r0 = var(&mut b, f, "~r0", 3, 1, VarClass::Result { index: 0 });
    b.flow(&Hole::to(l).shift(-1), x);
    b.flow(&Hole::to(r0).shift(-1), l);
    let out = run(&mut b, vec![vec![]], vec![vec![]]);
    assert_eq!(
        out,
        [
            "./x.go:1:1: moved to heap: x",
            "./x.go:2:1: moved to heap: l"
        ]
    );
}

#[test]
fn closure_result_with_known_callers_does_not_force_heap() {
    let mut b = Batch::new(false);
    let outer = b.add_func("main".into(), None);
    let clo = b.add_func("main.func1".into(), Some(outer));
    let u = var(&mut b, outer, "u", 1, 6, VarClass::Local);
    let r = var(&mut b, clo, "~r0", 2, 1, VarClass::Result { index: 0 });
    b.flow(&Hole::to(r).shift(-1), u);
    let out = run(&mut b, vec![vec![], vec![]], vec![vec![], vec![]]);
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn a_closure_called_indirectly_loses_its_results() {
    let mut b = Batch::new(false);
    let outer = b.add_func("main".into(), None);
    let clo = b.add_func("main.func1".into(), Some(outer));
    let u = var(&mut b, outer, "u", 1, 6, VarClass::Local);
    let r = var(&mut b, clo, "~r0", 2, 1, VarClass::Result { index: 0 });
    let rec = b.new_loc(
        LocKind::Alloc {
            site: site("func literal", 2, 7),
            kind: AllocKind::Closure { func: clo },
        },
        outer,
        1,
        true,
    );
    b.flow(&Hole::to(r).shift(-1), u);
    b.flow(&Hole::to(CALLEE), rec);
    let out = run(&mut b, vec![vec![], vec![]], vec![vec![], vec![]]);
    assert_eq!(
        out,
        [
            "./x.go:1:6: moved to heap: u",
            "./x.go:2:7: func literal does not escape"
        ]
    );
}

#[test]
fn flowing_an_address_into_an_escaping_location_explains_at_once() {
    let mut b = Batch::new(true);
    let f = b.add_func("store".into(), None);
    let x = var(&mut b, f, "x", 7, 2, VarClass::Local);
    b.flow(
        &Hole::to(HEAP)
            .note(site("global = &x", 8, 9), "assign")
            .addr(site("&x", 8, 11), "address-of"),
        x,
    );
    let out = run(&mut b, vec![vec![]], vec![vec![]]);
    assert_eq!(
        out,
        [
            "./x.go:7:2: x escapes to heap in store:",
            "./x.go:7:2:   flow: {heap} ← &x:",
            "./x.go:7:2:     from &x (address-of) at ./x.go:8:11",
            "./x.go:7:2:     from global = &x (assign) at ./x.go:8:9",
            "./x.go:7:2: moved to heap: x",
        ]
    );
}
