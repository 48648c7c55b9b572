//! Batch: walking folders of inputs, extracting them in parallel and writing records.
