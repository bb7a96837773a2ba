//! One component per file.

pub mod app;
pub mod compare;
pub mod controls;
pub mod counters;
pub mod editor;
pub mod explanation;
pub mod gallery;
pub mod picture;
pub mod timeline;
