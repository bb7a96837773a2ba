//! One component per file.

pub mod app;
pub mod editor;
