//! Bytes → (optional `YYYY-MM-DD\n` publication date) text → `dateline::tag`, with the span
//! invariants of `dateline_fuzz::check_tag`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::check_tag(data);
});
