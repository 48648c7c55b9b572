//! Evaluation: scoring extracted references and records against gold files, with strict
//! and soft matching (soft as GROBID's end-to-end evaluation defines it).

pub mod normalize;
pub mod pages;
pub mod refs;
