//! Cross-document comparison: which quotes render the same remark, which names are one person.

/// Cluster ids, one per quote: equal ids mean the same remark.
pub fn cluster_quotes(texts: &[&str], _speakers: Option<&[Option<&str>]>) -> Vec<usize> {
    (0..texts.len()).collect()
}
