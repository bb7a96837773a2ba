//! Hash maps and sets keyed by small values (ids, names, byte offsets) with
//! a fast, deterministic hash instead of the standard library's SipHash.
//! SipHash resists hash flooding, which no program here can mount: the keys
//! come from one Go file the user wrote. It cost 3% of `escapade check`.
//!
//! The hash is the multiply-rotate scheme rustc uses for its own tables:
//! each word is mixed in with one rotate, xor and multiply.

use std::hash::{BuildHasherDefault, Hasher};

pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type HashSet<T> = std::collections::HashSet<T, BuildHasherDefault<WordHasher>>;

/// Hashes word by word; see the module comment.
#[derive(Clone, Copy, Default)]
pub struct WordHasher {
    hash: u64,
}

/// An odd constant with well-spread bits (from the golden ratio).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.mix(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.mix(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of(v: impl Hash) -> u64 {
        BuildHasherDefault::<WordHasher>::default().hash_one(v)
    }

    #[test]
    fn equal_keys_hash_equal_and_different_keys_differ() {
        assert_eq!(hash_of("escape"), hash_of("escape"));
        assert_ne!(hash_of("a"), hash_of("a\0"));
        assert_ne!(hash_of(1u32), hash_of(2u32));
        assert_ne!(hash_of((1u32, 2u32)), hash_of((2u32, 1u32)));
    }

    #[test]
    fn maps_work_as_usual() {
        let mut m: HashMap<String, usize> = HashMap::default();
        for (i, w) in ["x", "y", "z", "x"].iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.len(), 3);
        assert_eq!(m["x"], 3);
    }
}
