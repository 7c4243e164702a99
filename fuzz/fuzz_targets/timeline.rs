//! Bytes → documents (cut on NUL, each with an optional publication date) → timeline → every
//! export, and the same timeline from the documents in reverse order
//! (`dateline_fuzz::check_timeline`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::check_timeline(data);
});
