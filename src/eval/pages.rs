//! Scoring whole records against the page corpus gold (`eval pages`).
