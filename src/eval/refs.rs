//! Scoring the reference parser against gold reference strings (`eval refs`).
