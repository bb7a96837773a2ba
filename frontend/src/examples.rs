//! The sample programs the page can open, by the name used in `?example=`.

/// A sample program shipped with the page.
pub struct Example {
    pub name: &'static str,
    pub title: &'static str,
    pub source: &'static str,
}

pub const EXAMPLES: &[Example] = &[Example {
    name: "share_up",
    title: "Sharing up: makeCar returns a pointer",
    source: include_str!("../../static/examples/share_up.go"),
}];

/// The example opened when the URL names none (or an unknown one).
pub fn default_example() -> &'static Example {
    &EXAMPLES[0]
}

/// Looks up an example by its `?example=` name.
pub fn find(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}
