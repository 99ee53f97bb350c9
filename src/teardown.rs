//! Freeing what a run built, or leaving it to the end of the process.
//!
//! The `govlint` binary exits as soon as a command is done, and the system takes a process's
//! memory back at once. Freeing the same memory value by value is slow: the compiled policies,
//! the cache index's entry for every file and the walk's candidates took 10–20 ms of a 150 ms
//! `--changed-since` run on 10,000 files, all on one core after the parallel work was done. So
//! the binary calls [`exit_after_run`] once at start, and [`release`] then skips the frees. A
//! library caller that goes on after a run never calls it, and every value is dropped as usual.

use std::sync::atomic::{AtomicBool, Ordering};

static EXITING: AtomicBool = AtomicBool::new(false);

/// Declares that the process exits when its command is done: from then on [`release`] leaves
/// values to the end of the process instead of freeing them.
pub fn exit_after_run() {
    EXITING.store(true, Ordering::Relaxed);
}

/// Drops `value`, or, after [`exit_after_run`], leaves it to the end of the process. Only for
/// values whose drop has no effect outside the process but freeing (no buffer to flush, no
/// lock that another process waits on): memory, and open files the exit closes.
pub fn release<T>(value: T) {
    if EXITING.load(Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}
