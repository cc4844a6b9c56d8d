//! The knowledge graph (placeholder).
