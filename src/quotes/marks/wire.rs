//! Runs of straight apostrophes in wire copy, where `''` stands for a double quote: which
//! apostrophe of a run is which mark, and which `''` are no quote marks at all.

use super::closes_here;

/// What the run of apostrophes at byte `i` of `line` reads as, when the plain reading (`''` a
/// straight double quote, `'` a single mark or an apostrophe) is wrong; `None` keeps it.
///
/// * `'''` where a quote closes (",''' said X"): a nested single quote closes first, then the
///   double one: `'` alone here, its `''` on the next call.
/// * `''` after feet and inches (5'10'') or standing alone between spaces (a ditto mark in a
///   table): a double prime, no quote mark (the scanner ignores it).
pub(super) fn apostrophe_run(line: &str, i: usize) -> Option<(char, usize)> {
    let bytes = line.as_bytes();
    // Counted up to four (only runs of two and three read differently): the scanner asks at
    // every mark of a long run, and counting the whole run each time would be quadratic.
    let run = bytes[i..]
        .iter()
        .take(4)
        .take_while(|&&b| b == b'\'')
        .count();
    let prev = line[..i].chars().next_back();
    if run == 3 && closes_here(prev, line[i + 3..].chars().next()) {
        return Some(('\'', 1));
    }
    if run == 2 && (ditto(&line[..i], &line[i + 2..]) || after_feet(&bytes[..i])) {
        return Some(('″', 2));
    }
    None
}

/// A ditto mark in a table's column: spaces on both sides, after a word or at the line's
/// start, and no word right after ("Blue  ''  $5"). A closing `''` set off by a space after
/// punctuation (",'  '' she said", "coalitions, '' said") stays a quote mark.
fn ditto(before: &str, after: &str) -> bool {
    let spaced = |c: Option<char>| c.map_or(true, char::is_whitespace);
    let word_before = before.trim_end().chars().next_back();
    let word_after = after.trim_start().chars().next();
    spaced(before.chars().next_back())
        && spaced(after.chars().next())
        && word_before.map_or(true, char::is_alphanumeric)
        && !word_after.is_some_and(char::is_alphabetic)
}

/// Do `before` end in a height or length in feet and inches: digits, `'`, one or two digits?
fn after_feet(before: &[u8]) -> bool {
    let inches = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let rest = &before[..before.len() - inches];
    (1..=2).contains(&inches)
        && rest.len() >= 2
        && rest[rest.len() - 1] == b'\''
        && rest[rest.len() - 2].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::super::scan;

    fn contents(t: &str) -> Vec<&str> {
        scan(t).iter().map(|p| p.content.of(t)).collect()
    }

    #[test]
    fn a_nested_single_quote_closes_before_the_double_one() {
        let t = "''I told him, 'Not this year,''' she said.";
        let pairs = scan(t);
        let spans: Vec<_> = pairs
            .iter()
            .map(|p| (p.content.start, p.content.end))
            .collect();
        // The double quote ends before the last two apostrophes, the single one before the
        // third from the end.
        assert_eq!(spans, vec![(2, 30), (15, 29)]);
        assert_eq!(
            contents(t),
            vec!["I told him, 'Not this year,'", "Not this year,"]
        );
        assert_eq!(pairs[0].close.map(|c| (c.start, c.end)), Some((30, 32)));
    }

    #[test]
    fn a_nested_single_quote_at_both_ends() {
        let t = "'''Quiz Night,''' he replied. ''It is fun.''";
        assert_eq!(
            contents(t),
            vec!["'Quiz Night,'", "Quiz Night,", "It is fun."]
        );
    }

    #[test]
    fn the_plain_doubled_quote_and_a_possessive_before_the_close() {
        let t = "''Hello,'' she said. ''We met the Smiths''' he said.";
        assert_eq!(contents(t), vec!["Hello,", "We met the Smiths'"]);
    }

    #[test]
    fn a_closing_mark_set_off_by_a_space_still_closes() {
        let t = "''We tried 'Plan B,'  '' he said. ''It was late, '' she said.";
        assert_eq!(
            contents(t),
            vec!["We tried 'Plan B,'  ", "Plan B,", "It was late, "]
        );
    }

    #[test]
    fn contractions_and_possessives_inside_stay_apostrophes() {
        let t = "''We don't know the Joneses' plans,'' she said of the towns'' fund.";
        assert_eq!(contents(t), vec!["We don't know the Joneses' plans,"]);
    }

    #[test]
    fn inch_and_ditto_marks_are_no_quotes() {
        assert!(contents("He is 5'10'' tall and she is 6'1'' tall.").is_empty());
        assert!(contents("He sold 12'' records and 7'' singles.").is_empty());
        assert!(contents("Red shirts  $4\nBlue  ''  $5\nGreen  ''  $6").is_empty());
        assert!(contents("  ''  $7\nBlack  ''  $8").is_empty());
        // Inside a quote, the height does not close it.
        assert_eq!(
            contents("''He is 5'11'' and fast,'' the coach said."),
            vec!["He is 5'11'' and fast,"]
        );
    }
}
