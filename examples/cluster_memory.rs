//! `match_labelled_owned` (what `cluster_quotes` runs) on a tab-separated file of quotes, one
//! `speaker<TAB>text` per line (an empty speaker is none), for memory and instruction
//! profiles of the clustering without the Python layer:
//!
//!     python -c "import sys; sys.path.insert(0, 'scripts'); import benchmark_compare as b; \
//!         t, s, _ = b.make(1_000_000); \
//!         open('/tmp/q.tsv', 'w').writelines(f'{y or \"\"}\t{x}\n' for x, y in zip(t, s))"
//!     cargo build --release --example cluster_memory
//!     heaptrack target/release/examples/cluster_memory /tmp/q.tsv
//!
//! The texts are held as the bindings hold them (one buffer with offsets, freed once
//! tokenised). Prints the number of clusters and a checksum of the ids, so two builds can be
//! shown to give the same answer.

use std::hash::{Hash, Hasher};

use presslens::compare::{match_labelled_owned, Options, SpeakerLabels, Texts};

/// Texts in one buffer: text `i` is `buf[ends[i - 1]..ends[i]]`.
struct Arena {
    buf: String,
    ends: Vec<usize>,
}

impl Texts for Arena {
    fn count(&self) -> usize {
        self.ends.len()
    }
    fn text(&self, i: usize) -> &str {
        let start = i
            .checked_sub(1)
            .and_then(|p| self.ends.get(p).copied())
            .unwrap_or(0);
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.buf.get(start..end).unwrap_or("")
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cluster_memory QUOTES.tsv");
        std::process::exit(2);
    };
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut texts = Arena {
        buf: String::new(),
        ends: Vec::new(),
    };
    let mut labels: Vec<String> = Vec::new();
    let mut slot: std::collections::HashMap<String, u32> = Default::default();
    let mut of = Vec::new();
    for line in data.lines() {
        let (speaker, text) = line.split_once('\t').unwrap_or(("", line));
        texts.buf.push_str(text);
        texts.ends.push(texts.buf.len());
        let next = labels.len() as u32;
        of.push(*slot.entry(speaker.to_string()).or_insert_with(|| {
            labels.push(speaker.to_string());
            next
        }));
    }
    drop(data);
    texts.buf.shrink_to_fit();
    let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let speakers = SpeakerLabels {
        labels: &label_refs,
        of: &of,
    };
    let r = match_labelled_owned(texts, Some(speakers), &Options::default());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    r.ids.hash(&mut h);
    r.members.len().hash(&mut h);
    for m in &r.members {
        (m.cluster, m.quote, m.start, m.end).hash(&mut h);
    }
    println!(
        "{} quotes, {} clusters, {} members, checksum {:016x}",
        r.ids.len(),
        r.n_clusters,
        r.members.len(),
        h.finish()
    );
}
