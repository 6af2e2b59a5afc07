//! Cross-document comparison: which quotes render the same remark ([`cluster`]) and which
//! speaker names are one person ([`names`]), across articles and outlets.

pub mod cluster;
pub mod names;
pub mod normalize;

pub use cluster::{
    cluster_quotes, match_labelled, match_labelled_owned, match_quotes, Member, Options,
    QuoteClusters, SpeakerLabels, Texts,
};
pub use names::{link_speakers, parse_name, Linked, PersonName};
