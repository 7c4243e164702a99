//! Vocabularies compiled into the crate from data files: general English knowledge that several
//! stages read.

pub(crate) mod concepts;
pub(crate) mod wordnet;
