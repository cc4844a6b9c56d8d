//! The embedded store (placeholder).
