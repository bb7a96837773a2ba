//! Positions and diagnostics, shared by every stage.
//!
//! Positions follow the Go toolchain: lines and columns start at 1 and the
//! column counts bytes, so a tab is one column.

use std::fmt;

/// A place in the source, as Go prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(line: u32, col: u32) -> Self {
        Pos { line, col }
    }

    /// The position of a byte offset in `source` (clamped to its end).
    pub fn of_offset(source: &str, offset: usize) -> Pos {
        let offset = offset.min(source.len());
        let before = &source.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Pos::new(line, (offset - line_start) as u32 + 1)
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One message about the program, anchored at a position.
///
/// `start..end` is the byte range to underline in an editor; `pos` is where
/// Go would report it (usually `start`'s position).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub pos: Pos,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

impl Diagnostic {
    /// Formats the diagnostic the way `go build` prints it. Messages that
    /// quote another position (`other declaration of x`) spell the file as
    /// `./main.go`; it is renamed here.
    pub fn go_format(&self, file_name: &str) -> String {
        let message = if file_name == "main.go" {
            self.message.clone()
        } else {
            self.message
                .replace("./main.go:", &format!("./{file_name}:"))
        };
        if self.pos.line == 0 {
            // The linker's errors carry no position.
            return message;
        }
        format!("./{}:{}: {}", file_name, self.pos, message)
    }
}
