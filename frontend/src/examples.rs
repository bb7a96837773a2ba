//! The gallery: sample programs by the name used in `?example=`, the
//! tutorial's own first, then the classic ways a value escapes.

/// A sample program shipped with the page.
pub struct Example {
    pub name: &'static str,
    pub title: &'static str,
    /// What to watch for, in a sentence or two.
    pub blurb: &'static str,
    pub source: &'static str,
}

macro_rules! example {
    ($name:literal, $title:literal, $blurb:literal) => {
        Example {
            name: $name,
            title: $title,
            blurb: $blurb,
            source: include_str!(concat!("../../static/examples/", $name, ".go")),
        }
    };
}

pub static EXAMPLES: &[Example] = &[
    example!(
        "share_up",
        "Sharing up: makeCar returns a pointer",
        "makeCar returns the address of its local myCar. Its frame dies when it returns, so the Car has to live somewhere that outlasts it: watch it appear on the heap and carPtr keep pointing at it."
    ),
    example!(
        "share_down",
        "Sharing down: multiply(&n)",
        "main lends multiply a pointer to n. The pointer only travels down the call stack, into a frame that ends first, so n stays in main's frame and the heap is never touched."
    ),
    example!(
        "share_down_tutorial",
        "Sharing down, exactly as the tutorial prints it",
        "The tutorial's listing imports fmt without using it, and Go refuses to compile that. See the error and fix it with one click."
    ),
    example!(
        "fill_bad",
        "Hot path: fillBad makes a new buffer every call",
        "fillBad returns the slice it made, so every one of the million calls puts a fresh 4 KB buffer on the heap. Jump to the end and read the allocation counter."
    ),
    example!(
        "fill",
        "Hot path: fill reuses the caller's buffer",
        "hotPath makes one buffer and lends it to fill a million times. The buffer never leaves hotPath, so it lives in its frame: zero heap allocations."
    ),
    example!(
        "append_return",
        "Appending, then returning the slice",
        "collect's slice leaves only through its return. The compiler still says append escapes, but Go 1.26+ builds the slice in a 32-byte buffer in the frame and copies it to the heap once, at the return: watch the counter for 3 elements, then for 10."
    ),
    example!(
        "closure",
        "A closure that outlives its function",
        "counter returns a func that keeps using x after counter's frame is gone, so x moves to the heap along with the closure."
    ),
    example!(
        "interface",
        "Converting to an interface",
        "Passing a value to fmt.Println boxes it in an interface. The box may be kept by Println, so it goes on the heap; the original variable stays put."
    ),
    example!(
        "goroutine",
        "Sharing with a goroutine",
        "The goroutine changes count, and a goroutine may never point into another goroutine's stack, so count moves to the heap where both can reach it."
    ),
    example!(
        "global",
        "Storing an address in a global",
        "A package-level variable lives as long as the program. Storing &x in it means x must outlive store's frame: it moves to the heap."
    ),
    example!(
        "channel",
        "Sending a pointer on a channel",
        "Whoever receives from a channel may be another goroutine, so the compiler assumes anything sent escapes: x moves to the heap."
    ),
    example!(
        "map",
        "Storing a pointer in a map",
        "A map's storage is on the heap, and the compiler does not follow what is inside it, so a pointer stored there makes its target escape."
    ),
    example!(
        "large_array",
        "A local array too large for a frame",
        "Small arrays live in the frame. An array larger than the compiler's limit for stack variables (128 KB) is put on the heap even though it never escapes."
    ),
    example!(
        "slice_of_array",
        "Returning a slice of a local array",
        "A slice is a pointer to its backing array. Returning arr[:3] hands out a pointer into arr, so the whole array moves to the heap."
    ),
    example!(
        "method_value",
        "Method values",
        "t.Inc bound to a variable is a closure holding t. Used locally, it stays on the stack; returned, it escapes and takes t with it."
    ),
    example!(
        "new_stays",
        "new and &T{} can stay on the stack",
        "new(Point) sounds like a heap allocation, but the compiler only looks at where the pointer goes. Here it never leaves dist2, so both points stay in the frame."
    ),
    example!(
        "linked_list",
        "A linked list of 60 nodes",
        "Each push returns a pointer to a new node, so every node is on the heap, linked to the one before: a busy picture for the collector."
    ),
    example!(
        "generic_stack",
        "Generics: one body per shape",
        "Stack[int] and Stack[ID] share one compiled body, (*Stack[go.shape.int]).Push, and get a dictionary naming the real type. Escape analysis runs on that shaped body: the verdicts in the gutter name the shapes."
    ),
];

/// The example opened when the URL names none (or an unknown one).
pub fn default_example() -> &'static Example {
    &EXAMPLES[0]
}

/// Looks up an example by its `?example=` name.
pub fn find(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example but the deliberately broken one compiles cleanly.
    #[test]
    fn every_example_checks_clean_except_the_tutorial_listing() {
        for e in EXAMPLES {
            let diags = sim_core::check(e.source).diagnostics;
            if e.name == "share_down_tutorial" {
                assert_eq!(diags.len(), 1, "{}", e.name);
            } else {
                assert!(diags.is_empty(), "{}: {:?}", e.name, diags);
            }
        }
    }

    #[test]
    fn names_are_unique_and_found() {
        for e in EXAMPLES {
            assert!(std::ptr::eq(find(e.name).unwrap(), e));
        }
        assert!(find("nope").is_none());
    }
}
