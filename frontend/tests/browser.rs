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

mod fixture {
    //! A hand-built run of the tutorial's makeCar, in the trace's own
    //! types: the picture is tested without waiting for the machine.
    use sim_core::trace::*;

    fn slot(name: &str, object: u32, ty: &str, value: Value) -> Slot {
        Slot {
            name: name.into(),
            object: ObjectId(object),
            addr: 0xc000100700 + object as u64 * 8,
            offset: 0,
            size: 8,
            ty: ty.into(),
            value,
        }
    }

    fn car_ptr() -> Value {
        Value::Pointer(Pointer {
            target: ObjectId(7),
            offset: 0,
            addr: 0xc00029fa0,
        })
    }

    fn frame(id: u32, func: &str, valid: bool, slots: Vec<Slot>) -> Frame {
        Frame {
            id: FrameId(id),
            func: func.into(),
            addr: 0xc000100700,
            size: 64,
            valid,
            span: SourceSpan::default(),
            slots,
        }
    }

    fn snap(step: u64, frames: Vec<Frame>, heap: Vec<HeapObject>) -> Snapshot {
        Snapshot {
            step,
            globals: vec![],
            goroutines: vec![Goroutine {
                id: GoroutineId(1),
                func: "main.main".into(),
                state: GoroutineState::Running,
                stack: Stack {
                    hi: 0xc000100800,
                    size: 2048,
                    sp: 0xc0001007a0,
                    used: 96,
                },
                frames,
                hidden_frames: 0,
            }],
            heap,
        }
    }

    fn car() -> HeapObject {
        HeapObject {
            id: ObjectId(7),
            addr: 0xc00029fa0,
            ty: "main.Car".into(),
            size: 32,
            size_class: 32,
            reason: "moved to heap: myCar".into(),
            flow: vec!["~r0 = &myCar (return) at 21:2".into()],
            site: SourceSpan::default(),
            born: 1,
            state: ObjectState::Live,
            value: Value::Struct { fields: vec![] },
        }
    }

    /// Step 0: makeCar running with &myCar → Car. Step 1: makeCar
    /// returned, carPtr → Car.
    pub fn share_up() -> Trace {
        let running = snap(
            1,
            vec![
                frame(
                    1,
                    "main.main",
                    true,
                    vec![slot("carPtr", 10, "*Car", Value::Nil)],
                ),
                frame(
                    2,
                    "main.makeCar",
                    true,
                    vec![slot("&myCar", 12, "*Car", car_ptr())],
                ),
            ],
            vec![car()],
        );
        let returned = snap(
            2,
            vec![
                frame(
                    1,
                    "main.main",
                    true,
                    vec![slot("carPtr", 10, "*Car", car_ptr())],
                ),
                frame(
                    2,
                    "main.makeCar",
                    false,
                    vec![slot("&myCar", 12, "*Car", car_ptr())],
                ),
            ],
            vec![car()],
        );
        let alloc = Event::HeapAlloc {
            object: ObjectId(7),
            ty: "main.Car".into(),
            size: 32,
            size_class: 32,
            reason: "moved to heap: myCar".into(),
        };
        let ret = Event::Return {
            goroutine: GoroutineId(1),
            frame: FrameId(2),
            func: "main.makeCar".into(),
        };
        Trace {
            version: FORMAT_VERSION,
            steps: vec![
                Step {
                    index: 1,
                    goroutine: GoroutineId(1),
                    events: vec![alloc],
                    ..Step::default()
                },
                Step {
                    index: 2,
                    goroutine: GoroutineId(1),
                    events: vec![ret],
                    ..Step::default()
                },
            ],
            checkpoints: vec![running, returned],
            checkpoint_every: 1,
            ..Trace::default()
        }
    }
}

fn mount_root() -> web_sys::Element {
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

fn attr(root: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

/// The picture keys every frame, slot, object and arrow by its trace id,
/// and draws the escape the tutorial describes.
#[wasm_bindgen_test]
async fn picture_draws_keyed_groups_for_the_share_up_escape() {
    use frontend::components::picture::{snapshot_at, Picture, PictureProps};
    let run = std::rc::Rc::new(frontend::state::Run::new(fixture::share_up()));
    let snapshot = snapshot_at(&run, 1);
    let root = mount_root();
    yew::Renderer::<Picture>::with_root_and_props(
        root.clone(),
        PictureProps {
            run,
            cursor: 1,
            snapshot,
            narrow: false,
            focus: Some(7),
            on_select: Default::default(),
        },
    )
    .render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;

    assert_eq!(
        attr(&root, "[data-kind=goroutine]", "data-id").as_deref(),
        Some("1")
    );
    assert_eq!(
        attr(
            &root,
            "[data-kind=frame][data-func='main.makeCar']",
            "data-valid"
        )
        .as_deref(),
        Some("false")
    );
    assert_eq!(
        attr(&root, "[data-kind=heap-object]", "data-type").as_deref(),
        Some("main.Car")
    );
    let carptr = attr(
        &root,
        "[data-kind=frame][data-func='main.main'] [data-kind=slot][data-name=carPtr]",
        "data-id",
    )
    .expect("carPtr's slot");
    let arrow = root
        .query_selector(&format!("[data-kind=pointer][data-from='{carptr}']"))
        .unwrap()
        .expect("an arrow from carPtr");
    assert_eq!(arrow.get_attribute("data-to").as_deref(), Some("7"));
    assert!(arrow
        .get_attribute("class")
        .unwrap()
        .split(' ')
        .any(|c| c == "lit"));
    // Movement is by CSS transform, never by re-creating elements.
    let style = attr(&root, "[data-kind=heap-object]", "style").unwrap();
    assert!(style.starts_with("transform: translate("), "{style}");
}

/// The editor's gutter shows the compiler's verdicts for the makeCar
/// program, with the reason chain on hover.
#[wasm_bindgen_test]
async fn the_gutter_shows_heap_verdicts_with_their_reasons() {
    let root = mount_root();
    yew::Renderer::<frontend::components::app::App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    let heap = root
        .query_selector(".gutter-line[data-line='17'] .verdict.heap")
        .unwrap()
        .expect("a heap verdict on myCar's line");
    let tip = heap.get_attribute("title").unwrap();
    assert!(tip.starts_with("moved to heap: myCar"), "{tip}");
    assert!(tip.contains("flow: ~r0 ← &myCar"), "{tip}");
    heap.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    assert!(root
        .query_selector(".verdict-detail .pinned-verdict.heap")
        .unwrap()
        .is_some());
    assert!(root.query_selector(".highlight .lit").unwrap().is_some());
}
