use super::*;

fn sents(text: &str) -> Vec<&str> {
    split(text).iter().map(|s| s.of(text)).collect()
}

#[track_caller]
fn check(text: &str, want: &[&str]) {
    assert_eq!(sents(text), want, "text: {text:?}");
}

#[test]
fn empty_and_blank() {
    assert!(split("").is_empty());
    assert!(split(" \n\u{a0}\r\n\t\u{2028}").is_empty());
}

#[test]
fn line_breaks_end_sentences() {
    check(
        "Trump and Putin meet\nANCHORAGE — They met. It ended.\n\nMore in News",
        &[
            "Trump and Putin meet",
            "ANCHORAGE — They met.",
            "It ended.",
            "More in News",
        ],
    );
    check(
        "One\r\nTwo\rThree\u{2028}Four\u{85}Five",
        &["One", "Two", "Three", "Four", "Five"],
    );
}

#[test]
fn whitespace_is_trimmed_including_nbsp() {
    check(
        "\u{a0} Hello there.\u{a0}\u{2009}World. \u{3000}",
        &["Hello there.", "World."],
    );
}

#[test]
fn titles_and_abbreviations() {
    check(
        "Mr. Trump met Sen. Chris Murphy, D-Conn., and Gov. Abbott in St. Louis on Aug. 15. \
         Rep. Smith, R-Texas, and Dr. Jones of the U.N. agency came.",
        &[
            "Mr. Trump met Sen. Chris Murphy, D-Conn., and Gov. Abbott in St. Louis on Aug. 15.",
            "Rep. Smith, R-Texas, and Dr. Jones of the U.N. agency came.",
        ],
    );
    check(
        "He works for the U.S. Government in Virginia. He left the U.S. The end came.",
        &[
            "He works for the U.S. Government in Virginia.",
            "He left the U.S.",
            "The end came.",
        ],
    );
    check(
        "Apple Inc. Chief Executive Tim Cook spoke. He met Acme Co. It closed.",
        &[
            "Apple Inc. Chief Executive Tim Cook spoke.",
            "He met Acme Co.",
            "It closed.",
        ],
    );
    check(
        "It ranked No. 1 in Sept. 2024 with Jr. members.",
        &["It ranked No. 1 in Sept. 2024 with Jr. members."],
    );
}

#[test]
fn initials() {
    check(
        "Vladimir V. Putin met George W. Bush and read J.R.R. Tolkien. You and I. Did it?",
        &[
            "Vladimir V. Putin met George W. Bush and read J.R.R. Tolkien.",
            "You and I.",
            "Did it?",
        ],
    );
}

#[test]
fn numbers_money_times_versions() {
    check(
        "It cost $7.2 million, or 1.5 million euros, at 10:13 p.m. ET in version 2.0 with 3½ \
         points. Rates rose 0.25%. Then 2025. 2026 came.",
        &[
            "It cost $7.2 million, or 1.5 million euros, at 10:13 p.m. ET in version 2.0 with \
             3½ points.",
            "Rates rose 0.25%.",
            "Then 2025.",
            "2026 came.",
        ],
    );
}

#[test]
fn clock_times_can_end_a_sentence() {
    check(
        "The play will open on Nov. 14 at 7 p.m. Photo courtesy of Travis Lawson",
        &[
            "The play will open on Nov. 14 at 7 p.m.",
            "Photo courtesy of Travis Lawson",
        ],
    );
    check(
        "At 5 a.m. Mr. Smith left. The meeting is at 3 p.m. Friday in Anchorage.",
        &[
            "At 5 a.m. Mr. Smith left.",
            "The meeting is at 3 p.m. Friday in Anchorage.",
        ],
    );
    check(
        "It starts at 9 a.m. Eastern time.",
        &["It starts at 9 a.m. Eastern time."],
    );
}

#[test]
fn emoji_between_sentences() {
    check(
        "Trump 😀 met Putin. 👍🏽 They talked. 🇺🇸 U.S. flags flew. Nice 🎉.",
        &[
            "Trump 😀 met Putin.",
            "👍🏽 They talked.",
            "🇺🇸 U.S. flags flew.",
            "Nice 🎉.",
        ],
    );
}

#[test]
fn quotes() {
    check(
        "“There’s no deal until there’s a deal.” But talks went on. “Next time in Moscow,” he \
         said. “I don’t know. I’ll get a little heat.” Then silence.",
        &[
            "“There’s no deal until there’s a deal.”",
            "But talks went on.",
            "“Next time in Moscow,” he said.",
            "“I don’t know.",
            "I’ll get a little heat.”",
            "Then silence.",
        ],
    );
    check(
        "“Is it happening?” Trump asked. “High stakes!!!” he wrote. \"Yes.\" She nodded.",
        &[
            "“Is it happening?” Trump asked.",
            "“High stakes!!!” he wrote.",
            "\"Yes.\"",
            "She nodded.",
        ],
    );
}

#[test]
fn parentheses() {
    check(
        "It has a warrant. (The U.S. is not a signatory to the court.) What’s more, it sold. \
         He teaches science (He was an engineer.) at the school.",
        &[
            "It has a warrant.",
            "(The U.S. is not a signatory to the court.)",
            "What’s more, it sold.",
            "He teaches science (He was an engineer.) at the school.",
        ],
    );
    check(
        "Alaska, on Friday, Aug. 15, 2025. (Doug Mills/The New York Times)",
        &[
            "Alaska, on Friday, Aug. 15, 2025.",
            "(Doug Mills/The New York Times)",
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "Credit...Doug Mills/The New York Times",
        &["Credit...Doug Mills/The New York Times"],
    );
    check(
        "I don’t know… We’ll see. Well ... maybe.",
        &["I don’t know…", "We’ll see.", "Well ... maybe."],
    );
    check(
        "Bohr [...] said [...]. Then left.",
        &["Bohr [...] said [...].", "Then left."],
    );
}

#[test]
fn glued_sentences() {
    check(
        "They left with a warm rapport.Credit...Doug Mills/The New York Times",
        &[
            "They left with a warm rapport.",
            "Credit...Doug Mills/The New York Times",
        ],
    );
    check(
        "Mail Jane.Doe@example.com or see nytimes.com.Also www.Example.com and U.S.Army.",
        &["Mail Jane.Doe@example.com or see nytimes.com.Also www.Example.com and U.S.Army."],
    );
    check(
        "He said no.“We will,” she said.",
        &["He said no.", "“We will,” she said."],
    );
}

#[test]
fn urls_handles_emails() {
    check(
        "Read https://www.example.com/a.b/c.html?x=1. Follow @nytimes. Mail a.b@c.org. Done.",
        &[
            "Read https://www.example.com/a.b/c.html?x=1.",
            "Follow @nytimes.",
            "Mail a.b@c.org.",
            "Done.",
        ],
    );
}

#[test]
fn lists_and_bullets() {
    check(
        "• First point • Second point ▪ Third",
        &["• First point", "• Second point", "▪ Third"],
    );
    check(
        "1. Ceasefire now 2. Talks later 3. Sanctions",
        &["1. Ceasefire now", "2. Talks later", "3. Sanctions"],
    );
    check(
        "The plan: 1) a ceasefire and 2) talks.",
        &["The plan: 1) a ceasefire and 2) talks."],
    );
}

#[test]
fn datelines() {
    check(
        "By JOHN SMITH, Associated Press — Rain fell.",
        &["By JOHN SMITH, Associated Press — Rain fell."],
    );
    check(
        " date 2025-08-17 ANCHORAGE, Alaska—President Trump met Putin.",
        &[
            "date 2025-08-17",
            "ANCHORAGE, Alaska—President Trump met Putin.",
        ],
    );
    check(
        "KYIV, Ukraine (AP) — Drones hit.",
        &["KYIV, Ukraine (AP) — Drones hit."],
    );
    check(
        "The head of NATO — Mark Rutte — spoke. NEW YORK, N.Y. — Rain.",
        &[
            "The head of NATO — Mark Rutte — spoke.",
            "NEW YORK, N.Y. — Rain.",
        ],
    );
}

#[test]
fn abbreviations_before_numbers_and_codes_do_not_end() {
    check(
        "It costs Rs. 16720 in all.",
        &["It costs Rs. 16720 in all."],
    );
    check("He is 5 ft. 6 in. tall.", &["He is 5 ft. 6 in. tall."]);
    check("See no. A13 on the list.", &["See no. A13 on the list."]);
    // Capitalised, the unit words are other words.
    check("They drove to Ft. Worth.", &["They drove to Ft. Worth."]);
}

#[test]
fn abbreviations_inside_brackets_do_not_end() {
    check(
        "Read the verse (Phil. 4:8) again. It helps.",
        &["Read the verse (Phil. 4:8) again.", "It helps."],
    );
    check(
        "The team (Ala. and Ga. players) won.",
        &["The team (Ala. and Ga. players) won."],
    );
    // A sentence starter inside brackets still ends one.
    check(
        "(The talks failed. Both sides left.)",
        &["(The talks failed.", "Both sides left.)"],
    );
}

#[test]
fn degrees_eras_and_quantities_close_a_sentence() {
    check(
        "The city was founded in 753 B.C. Augustus came later.",
        &["The city was founded in 753 B.C.", "Augustus came later."],
    );
    check(
        "She finished her Ph.D. Tom was proud.",
        &["She finished her Ph.D.", "Tom was proud."],
    );
    check(
        "Rallies spread across the U.S. Millions attended.",
        &["Rallies spread across the U.S.", "Millions attended."],
    );
    check("The U.S. Army left.", &["The U.S. Army left."]);
    check(
        "In A.D. 79 the city was buried.",
        &["In A.D. 79 the city was buried."],
    );
}

#[test]
fn reference_marks_glued_numbers_and_wide_stops() {
    check(
        "He died a martyr.[1] The church grew.[2][3] Others followed.",
        &[
            "He died a martyr.[1]",
            "The church grew.[2][3]",
            "Others followed.",
        ],
    );
    check(
        "Sales hit 1,000.That was a record.",
        &["Sales hit 1,000.", "That was a record."],
    );
    check("Growth was 1.5 percent.", &["Growth was 1.5 percent."]);
    check(
        "First one．Second one。Third！",
        &["First one．", "Second one。", "Third！"],
    );
    check(
        "これは文です。次の文です。",
        &["これは文です。", "次の文です。"],
    );
}

#[test]
fn pathological_inputs_stay_valid() {
    for unit in [
        "“", ".", "Mr. ", "a", ". ", "U.S. ", "1. ", "• ", "?!", " \u{a0}", "A.", "…",
    ] {
        let text = unit.repeat(200_000 / unit.len());
        let spans = split(&text);
        let mut last = 0;
        for s in &spans {
            assert!(s.start >= last && s.end > s.start);
            last = s.end;
        }
    }
}

#[test]
fn block_scan_finds_the_same_bytes_as_the_table() {
    // Every byte value at every offset of a block, scans from inside a block, stops inside and
    // at the end of one.
    let table = |b: &[u8], from: usize, stop: usize| {
        (from..stop)
            .find(|&k| CLASS[b[k] as usize] != C_NONE)
            .unwrap_or(stop.max(from))
    };
    for v in 0..=255u8 {
        for at in 0..40 {
            let mut b = vec![b'x'; 40];
            b[at] = v;
            for stop in [0, at, at + 1, 17, 33, 40] {
                for from in [0, 1, at] {
                    assert_eq!(
                        next_candidate(&b, from, stop),
                        table(&b, from, stop),
                        "byte {v:#x} at {at}, from {from}, stop {stop}"
                    );
                }
            }
        }
    }
}

/// Blank lines (\n\n, \r\n\r\n, \r\r) between paragraphs skip the line-end and dateline
/// searches: a dateline or a list on the next line is still found, and a sentence still ends
/// at the blank line.
#[test]
fn blank_lines_keep_datelines_and_lists() {
    check(
        "Updated 10:42 a.m.\n\n date 2025-08-17 ANCHORAGE, Alaska—Talks began.\n\nMore follows",
        &[
            "Updated 10:42 a.m.",
            "date 2025-08-17",
            "ANCHORAGE, Alaska—Talks began.",
            "More follows",
        ],
    );
    check(
        "Key points\r\n\r\n1. Ceasefire now 2. Talks later\r\rEnd",
        &["Key points", "1. Ceasefire now", "2. Talks later", "End"],
    );
    check(
        "Photo: staff\n\n\n\nPARIS (AFP) — Rain fell.\n",
        &["Photo: staff", "PARIS (AFP) — Rain fell."],
    );
}
