//! Bytes → `Reading::from_bytes` (as given, or a valid reading of their first half damaged by
//! their second) → timeline → JSON (`dateline_fuzz::check_reading`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::check_reading(data);
});
