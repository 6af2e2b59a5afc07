//! VADER's constant word lists and the few words its rules name (vaderSentiment 3.3.2).

use super::B_DECR;

pub(super) const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

pub(super) const BOOSTERS_INCR: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

// Single-token dampeners; the two-word ones ("just enough", "kind of", "sort of") are matched
// by word id in the idiom check, since a token never holds a space.
pub(super) const BOOSTERS_DECR: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sorta",
    "sortof",
    "sort-of",
];

/// Words the rules compare against by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum W {
    Other,
    No,
    Or,
    Nor,
    Kind,
    Of,
    Least,
    At,
    Very,
    Never,
    So,
    This,
    Without,
    Doubt,
    But,
    The,
    Shit,
    Bomb,
    Bad,
    Ass,
    Bus,
    Stop,
    Yeah,
    Right,
    Kiss,
    Death,
    To,
    Die,
    For,
    Beating,
    Heart,
    Just,
    Enough,
    Sort,
}

pub(super) const NAMED: &[(&str, W)] = &[
    ("no", W::No),
    ("or", W::Or),
    ("nor", W::Nor),
    ("kind", W::Kind),
    ("of", W::Of),
    ("least", W::Least),
    ("at", W::At),
    ("very", W::Very),
    ("never", W::Never),
    ("so", W::So),
    ("this", W::This),
    ("without", W::Without),
    ("doubt", W::Doubt),
    ("but", W::But),
    ("the", W::The),
    ("shit", W::Shit),
    ("bomb", W::Bomb),
    ("bad", W::Bad),
    ("ass", W::Ass),
    ("bus", W::Bus),
    ("stop", W::Stop),
    ("yeah", W::Yeah),
    ("right", W::Right),
    ("kiss", W::Kiss),
    ("death", W::Death),
    ("to", W::To),
    ("die", W::Die),
    ("for", W::For),
    ("beating", W::Beating),
    ("heart", W::Heart),
    ("just", W::Just),
    ("enough", W::Enough),
    ("sort", W::Sort),
];

/// Each [`W`] at its own code (`W::Other` elsewhere): turns a code back into a word without a
/// branch (see `Rec::info` in `table`, which masks the code of a missed lookup to 0).
pub(super) static BY_CODE: [W; 256] = {
    let mut t = [W::Other; 256];
    let mut k = 0;
    while k < NAMED.len() {
        let w = NAMED[k].1;
        t[w as usize] = w;
        k += 1;
    }
    t
};

/// SPECIAL_CASES entries of two words.
pub(super) fn special2(a: W, b: W) -> Option<f64> {
    match (a, b) {
        (W::The, W::Shit) | (W::The, W::Bomb) => Some(3.0),
        (W::Bad, W::Ass) => Some(1.5),
        (W::Bus, W::Stop) => Some(0.0),
        (W::Yeah, W::Right) => Some(-2.0),
        (W::Beating, W::Heart) => Some(3.5),
        _ => None,
    }
}

/// SPECIAL_CASES entries of three words.
pub(super) fn special3(a: W, b: W, c: W) -> Option<f64> {
    match (a, b, c) {
        (W::Kiss, W::Of, W::Death) => Some(-1.5),
        (W::To, W::Die, W::For) => Some(3.0),
        _ => None,
    }
}

/// Two-word BOOSTER_DICT entries (all dampeners).
pub(super) fn booster2(a: W, b: W) -> Option<f64> {
    match (a, b) {
        (W::Just, W::Enough) | (W::Kind, W::Of) | (W::Sort, W::Of) => Some(B_DECR),
        _ => None,
    }
}
