//! Unit tests of quote clustering.

use super::*;

#[test]
fn variants_fragments_and_speakers() {
    let texts = [
        "There’s no deal until there’s a deal.",
        "there's no deal until there is a deal,",
        "We really made some great progress today. I’ve always had a fantastic relationship with President Putin.",
        "We really made some great progress today,",
        "I’ve always had a fantastic relationship with President Putin, with Vladimir.",
        "some great progress",
        "There’s no deal until there’s a deal.",
        "Completely unrelated words about the weather in Anchorage.",
    ];
    let sp = [
        Some("Donald Trump"),
        Some("Trump"),
        Some("Trump"),
        None,
        Some("Mr. Trump"),
        Some("Donald Trump"),
        Some("Vladimir Putin"),
        None,
    ];
    let r = match_quotes(&texts, Some(&sp), &Options::default());
    let ids = &r.ids;
    assert_eq!(ids[0], ids[1]);
    assert_ne!(ids[0], ids[6], "different speakers never merge");
    // Quote 2 carries both remarks; its id is one of them, and the two stay apart.
    assert_ne!(ids[3], ids[4]);
    assert!(ids[2] == ids[3] || ids[2] == ids[4]);
    assert_eq!(ids[3], ids[5]);
    assert_ne!(ids[0], ids[7]);
    // Quote 2 carries two remarks: two clusters, not one.
    let of = |q: usize| {
        r.members
            .iter()
            .filter(|m| m.quote == q)
            .map(|m| m.cluster)
            .collect::<Vec<_>>()
    };
    assert_eq!(of(2).len(), 2);
    assert!(!of(3).contains(&of(4)[0]));
    assert!(of(7).is_empty());
}

#[test]
fn widely_quoted_remark_stays_one_cluster_within_the_scan_budget() {
    // 136 distinct renderings of one remark (one or two words dropped), next to 300
    // unrelated remarks on the same topic: every key of the remark has more holders than
    // a unit may read, yet the renderings still chain into one cluster.
    let base: Vec<&str> = "The ceasefire talks in Geneva collapsed over the border question \
        and nobody expects a second round before winter"
        .split_whitespace()
        .collect();
    let n = base.len();
    let mut texts: Vec<String> = Vec::new();
    for a in 0..n {
        for b in a..n {
            let kept: Vec<&str> = base
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != a && k != b)
                .map(|(_, w)| *w)
                .collect();
            texts.push(kept.join(" "));
        }
    }
    let renderings = texts.len();
    assert!(renderings > Options::default().scan_budget);
    texts.extend((0..300).map(|i| {
        format!(
            "Officials in Geneva said talks on the border were moving, case {i} item {}",
            i * 7
        )
    }));
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let ids = cluster_quotes(&refs, None);
    let first = ids.first().copied();
    assert!(ids.iter().take(renderings).all(|&i| Some(i) == first));
    assert!(ids.iter().skip(renderings).all(|&i| Some(i) != first));
    let none = match_quotes(
        &refs,
        None,
        &Options {
            scan_budget: 0,
            ..Options::default()
        },
    );
    assert!(
        none.members.iter().all(|m| m.quote >= renderings),
        "no postings read: only identical sentences could still unite"
    );
}

#[test]
fn empty_and_wordless_inputs() {
    assert!(cluster_quotes(&[], None).is_empty());
    assert_eq!(cluster_quotes(&["", "...", "“”"], None), vec![0, 1, 2]);
}
