//! The syntax tree of the tutorial's makeCar program, pinned as a golden
//! file. The frontend's wasm test compares the browser's parse with the same
//! file, so native and wasm builds are held to the same tree.

#[test]
fn share_up_parses_to_the_golden_tree() {
    let source = include_str!("../../static/examples/share_up.go");
    let golden = include_str!("golden/share_up.sexp");
    let tree = sim_core::parse(source);
    assert!(tree.errors().is_empty(), "{:?}", tree.errors());
    assert_eq!(tree.to_sexp(), golden);
}
