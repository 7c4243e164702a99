//! The `export` stage: tagged documents written out for other tools.
//!
//! - [`tagged_document`] / [`timexes_json`]: the JSON line that `dateline tag` writes,
//!   `{"id", "timexes": [{"start", "end", "text", "type", "value", "mod"?}]}`, with Unicode
//!   code-point offsets (Python `str` indices), as the JSON contract requires.
//! - [`timeml`]: a TimeML document with inline `TIMEX3` tags, the format of TimeBank and
//!   TempEval-3.
//!
//! Everything here is pure: it builds strings and values, the caller writes them.

mod json;
mod timeml;

pub use json::{json_timexes, tagged_document, timexes_json, JsonTimex, TaggedDocument};
pub use timeml::timeml;
