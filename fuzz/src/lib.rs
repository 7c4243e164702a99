//! The invariant checks of the fuzz targets. They live beside the library's regression tests
//! (`crates/dateline/tests/fuzz_checks/`) so that both run the same code.

#[path = "../../crates/dateline/tests/fuzz_checks/mod.rs"]
mod checks;

pub use checks::*;
