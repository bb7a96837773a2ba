//! The global allocator of the `escapade` binary.
//!
//! `escapade check` is a compiler pass: it reads one file, builds its
//! tables, prints and exits. Like gc, it need not give memory back before
//! the process ends, so once [`use_arena`] is called every allocation is a
//! bump of a pointer through large chunks, and freeing does nothing. That
//! took malloc and free (13% of its instructions) out of `check`. Commands
//! that run Go programs (`run`, `trace`) allocate without bound, so they
//! keep the system allocator. Tree-sitter's C allocations (half of the
//! remaining malloc calls, from the parser's stacks) go to the same arena.
//! Each thread bumps through chunks of its own: `check` parses the two
//! halves of a large file on two threads at once.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicBool, Ordering};

/// Chunks are this large unless one allocation needs more.
const CHUNK: usize = 4 << 20;

/// Chunks are aligned for 2 MiB pages: a fresh 4 KiB page costs a fault
/// each, and a bump allocator touches fresh pages all the time.
const HUGE_PAGE: usize = 2 << 20;

/// Asks Linux to back `chunk` with transparent huge pages (a hint; where
/// that is off or unknown nothing changes).
#[cfg(target_os = "linux")]
fn huge_pages(chunk: *mut u8, size: usize) {
    extern "C" {
        fn madvise(addr: *mut c_void, len: usize, advice: i32) -> i32;
    }
    const MADV_HUGEPAGE: i32 = 14;
    // SAFETY: the range is one live allocation of `size` bytes.
    unsafe { madvise(chunk.cast(), size, MADV_HUGEPAGE) };
}

#[cfg(not(target_os = "linux"))]
fn huge_pages(_: *mut u8, _: usize) {}

pub struct Allocator;

static ARENA_ON: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// This thread's chunk: the next free address and the chunk's end.
    /// Each thread bumps its own, so the parser threads never wait on one
    /// another. A const-initialised cell without `Drop` needs no
    /// allocation or destructor, as an allocator's state must.
    static CHUNK_LEFT: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}
/// From now on, allocate from the arena and never free. Call before the
/// first tree-sitter call.
pub fn use_arena() {
    ARENA_ON.store(true, Ordering::SeqCst);
    // SAFETY: no tree-sitter object exists yet, and the four functions
    // below are one family that returns malloc-aligned blocks.
    unsafe {
        tree_sitter::set_allocator(Some(tree_sitter::Allocator {
            malloc: c_malloc,
            calloc: c_calloc,
            realloc: c_realloc,
            free: c_free,
        }))
    };
}

/// C's blocks carry their size in a header, because C's `realloc` is not
/// told the old size; `HEADER` keeps malloc's 16-byte alignment.
const HEADER: usize = 16;

unsafe extern "C" fn c_malloc(size: usize) -> *mut c_void {
    let block = bump(Layout::from_size_align_unchecked(size + HEADER, HEADER));
    if block.is_null() {
        return block.cast();
    }
    block.cast::<usize>().write(size);
    block.add(HEADER).cast()
}

unsafe extern "C" fn c_calloc(count: usize, size: usize) -> *mut c_void {
    let Some(total) = count.checked_mul(size) else {
        return std::ptr::null_mut();
    };
    let p = c_malloc(total);
    if !p.is_null() {
        // The system does not promise zeroed chunks.
        std::ptr::write_bytes(p.cast::<u8>(), 0, total);
    }
    p
}

unsafe extern "C" fn c_realloc(ptr: *mut c_void, size: usize) -> *mut c_void {
    if ptr.is_null() {
        return c_malloc(size);
    }
    let old = ptr.cast::<u8>().sub(HEADER).cast::<usize>().read();
    let new = c_malloc(size);
    if !new.is_null() {
        std::ptr::copy_nonoverlapping(ptr.cast::<u8>(), new.cast::<u8>(), old.min(size));
    }
    new
}

unsafe extern "C" fn c_free(_: *mut c_void) {}

/// Bumps this thread's chunk for `layout`, taking a new chunk when it is
/// full.
unsafe fn bump(layout: Layout) -> *mut u8 {
    CHUNK_LEFT
        .try_with(|left| {
            let (next, end) = left.get();
            let start = next.next_multiple_of(layout.align());
            if next != 0 && start + layout.size() <= end {
                left.set((start + layout.size(), end));
                return start as *mut u8;
            }
            let size = CHUNK.max(layout.size() + layout.align());
            let chunk = System.alloc(Layout::from_size_align_unchecked(size, HUGE_PAGE));
            if chunk.is_null() {
                return chunk;
            }
            huge_pages(chunk, size);
            let start = (chunk as usize).next_multiple_of(layout.align());
            left.set((start + layout.size(), chunk as usize + size));
            start as *mut u8
        })
        // A thread being torn down allocates from the system (and never
        // frees: `dealloc` cannot tell such a block apart).
        .unwrap_or_else(|_| System.alloc(layout))
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !ARENA_ON.load(Ordering::Relaxed) {
            return System.alloc(layout);
        }
        bump(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // In arena mode nothing is freed: a block from before the switch
        // simply stays allocated until the process ends.
        if !ARENA_ON.load(Ordering::Relaxed) {
            System.dealloc(ptr, layout);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !ARENA_ON.load(Ordering::Relaxed) {
            return System.realloc(ptr, layout, new_size);
        }
        // The newest block grows in place when its chunk has room: the
        // usual case for a vector being filled.
        let end = ptr as usize + layout.size();
        let grown = CHUNK_LEFT
            .try_with(|left| {
                let (next, chunk_end) = left.get();
                let fits = end == next && ptr as usize + new_size <= chunk_end;
                if fits {
                    left.set((ptr as usize + new_size, chunk_end));
                }
                fits
            })
            .unwrap_or(false);
        if grown {
            return ptr;
        }
        let new = bump(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
        }
        new
    }
}
