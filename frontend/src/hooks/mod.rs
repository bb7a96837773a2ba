//! Custom hooks: timers and browser listeners, dropped to cancel.

pub mod use_analysis;
pub mod use_keys;
pub mod use_narrow;
pub mod use_play;
