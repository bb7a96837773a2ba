//! Tests that run in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown`, driven by wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The C parser compiled to wasm must build the same tree as the native one.
#[wasm_bindgen_test]
fn wasm_parse_matches_the_native_golden_tree() {
    let source = include_str!("../../static/examples/share_up.go");
    let golden = include_str!("../../sim-core/tests/golden/share_up.sexp");
    assert_eq!(sim_core::parse(source).to_sexp(), golden);
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts the whole app and checks what a reader sees: the makeCar program,
/// highlighted, with no syntax errors.
#[wasm_bindgen_test]
async fn app_renders_the_highlighted_example() {
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<frontend::components::app::App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;

    let area = root
        .query_selector("textarea.code-input")
        .unwrap()
        .expect("the editor's textarea")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert!(area.value().contains("func makeCar(b, m string) *Car"));

    let keywords = root.query_selector_all(".highlight .tok-keyword").unwrap();
    // package, import, type, struct, func, func, return
    assert_eq!(keywords.length(), 7);
    let first = keywords.get(0).unwrap().text_content().unwrap();
    assert_eq!(first, "package");
    assert!(root.query_selector(".diagnostic").unwrap().is_none());
    assert!(root.query_selector(".status.ok").unwrap().is_some());
}
