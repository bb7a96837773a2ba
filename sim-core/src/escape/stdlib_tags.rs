//! Parameter summaries of the supported standard-library functions.
