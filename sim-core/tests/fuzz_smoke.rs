//! A deterministic stand-in for the `parse_check` fuzz target (which needs
//! nightly and cargo-fuzz): mutate the oracle programs with a fixed
//! pseudo-random sequence and check that parse + check never panics.

use std::fs;
use std::path::PathBuf;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that steer mutations toward interesting Go.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ";",
    ":=",
    "=",
    "...",
    ".",
    "&",
    "*",
    "<-",
    "\n",
    "func",
    "go",
    "defer",
    "return",
    "range",
    "for",
    "if",
    "else",
    "switch",
    "case",
    "default",
    "select",
    "chan",
    "map",
    "struct",
    "interface",
    "type",
    "var",
    "const",
    "nil",
    "iota",
    "_",
    "x",
    "T",
    "int",
    "string",
    "any",
    "error",
    "make",
    "new",
    "append",
    "len",
    "panic",
    "recover",
    "1<<62",
    "\"s\"",
    "'r'",
    "1.5",
    "[]byte",
    "fmt.Println",
    "goto L",
    "L:",
    "break",
    "continue",
    "fallthrough",
    "x.(type)",
];

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut bytes = src.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let len = 1 + rng.below(16);
                let end = (at + len).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            1 => {
                let tok = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, tok.bytes());
            }
            2 if !bytes.is_empty() => {
                // Duplicate a slice elsewhere.
                let from = rng.below(bytes.len());
                let len = (1 + rng.below(40)).min(bytes.len() - from);
                let piece: Vec<u8> = bytes[from..from + len].to_vec();
                let at = at.min(bytes.len());
                bytes.splice(at..at, piece);
            }
            3 => bytes.truncate(at),
            _ => {
                let b = (rng.next() & 0xff) as u8;
                let at = at.min(bytes.len());
                bytes.insert(at, b);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn mutated_programs_never_panic() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for dir in [root.join("tests/go"), root.join("../../shared/corpus")] {
        if let Ok(rd) = fs::read_dir(dir) {
            let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            for f in files
                .iter()
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
            {
                if let Ok(s) = fs::read_to_string(f) {
                    seeds.push(s);
                }
            }
        }
    }
    assert!(!seeds.is_empty());
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let iterations = 2000;
    for i in 0..iterations {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        let result = std::panic::catch_unwind(|| {
            let checked = sim_core::check(&input);
            checked.go_lines("fuzz.go").len()
        });
        assert!(result.is_ok(), "iteration {i}: check panicked on:\n{input}");
    }
}
