//! The stepping machine: runs the typed IR with Go's semantics and records
//! a [`crate::trace::Trace`].
