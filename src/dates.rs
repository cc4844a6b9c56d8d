//! Dates in a sentence, resolved against the publication date: `in December`,
//! `last July`, `Saturday`, `last year`, `on 16 March 2024`, `March 16`, `in 2023`,
//! `yesterday`.
//!
//! A month without a year is its latest occurrence not after the publication month; a
//! weekday is its latest occurrence before the publication day. Without a publication
//! date only absolute dates resolve.
//!
//! The expressions were first found by one regular expression, which cost a tenth of a
//! whole extraction. They are now found by hand, word by word, exactly as that expression
//! found them (leftmost-first alternation, greedy quantifiers, ASCII word boundaries), and
//! only around a few anchors that every match holds (see [`find`]). The expression is kept
//! in the tests as the reference the scanner is compared with:
//!
//! ```text
//! \b(?: (?P<d1>[0-9]{1,2})[ \t]+(?P<m1>MONTH)(?:,?[ \t]+(?P<y1>[0-9]{4}))?
//!     | (?P<m2>MONTH)[ \t]+(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?(?:,?[ \t]+(?P<y2>[0-9]{4}))?
//!     | (?P<last>[Ll]ast|[Tt]his|[Nn]ext)[ \t]+(?P<unit>year|month|week|MONTH|WEEKDAY)
//!     | (?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil)[ \t]+(?P<m3>MONTH)(?:[ \t]+(?P<y3>[0-9]{4}))?
//!     | (?:[Ii]n|[Ss]ince|[Dd]uring)[ \t]+(?P<y4>(?:19|20)[0-9]{2})
//!     | (?P<wd>WEEKDAY)
//!     | (?P<rel>[Yy]esterday|[Tt]oday)
//!     | (?P<ago>[A-Za-z0-9]+)[ \t]+(?P<agounit>days?|weeks?|months?|years?)[ \t]+ago
//! )\b
//! ```
//!
//! where `\b` is the ASCII word boundary, MONTH is `January|…|December|Jan\.?|Feb\.?|
//! Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?` and WEEKDAY is
//! `Monday|…|Sunday`, all case-sensitive.

use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::{Input, MatchKind, dfa, packed};

use crate::model::{Date, Span};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A date expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Found {
    pub span: Span,
    pub date: Date,
}

/// The test that once ruled out sentences before the regular expression ran: every date
/// expression holds a digit, a capitalised month or weekday, or one of a few words. It
/// missed one form (`last`, `this` or `next`, then a tab, then `year`, `month` or `week`),
/// which it made unfindable in a sentence without any other cue; the scanner keeps that.
fn may_hold_date(sentence: &str) -> bool {
    const CUES: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "day",
        "ast ", "his ", "ext ", "esterday", "ago",
    ];
    sentence.bytes().any(|b| b.is_ascii_digit()) || CUES.iter().any(|c| sentence.contains(c))
}

fn number_word(s: &str) -> Option<i64> {
    s.parse().ok().or_else(|| {
        let words = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ];
        words
            .iter()
            .position(|w| s.eq_ignore_ascii_case(w))
            .map(|i| i as i64 + 1)
    })
}

/// What `last`, `this` or `next` is followed by.
#[derive(Clone, Copy)]
enum Period {
    Year,
    Month,
    Week,
    /// 1 = January
    Named(u8),
    /// 0 = Monday
    Weekday(u8),
}

/// The unit of `… ago`.
#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// One match of the date expression, with what its groups captured.
#[derive(Clone, Copy)]
enum Expr<'a> {
    /// `16 March 2024`, `March 16th`: day and month (1 = January), maybe a year.
    DayMonth {
        day: u8,
        month: u8,
        year: Option<i32>,
    },
    /// `in March`, `until May 2020`
    PrepMonth {
        month: u8,
        year: Option<i32>,
    },
    /// `since 2019`
    PrepYear(i32),
    /// `last year`, `next Monday`: -1, 0 (this) or 1.
    Shift {
        delta: i32,
        period: Period,
    },
    /// 0 = Monday
    Weekday(u8),
    Yesterday,
    Today,
    /// `three weeks ago`: the count as written, and the unit.
    Ago {
        count: &'a str,
        unit: Unit,
    },
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// An ASCII word boundary (`(?-u:\b)`) at byte `i`.
fn boundary(b: &[u8], i: usize) -> bool {
    let before = i > 0 && is_word(b[i - 1]);
    let after = b.get(i).is_some_and(|&c| is_word(c));
    before != after
}

/// End of the run of spaces and tabs from `i`.
fn blanks(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Length of the run of ASCII digits from `i`.
fn digits(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .map_or(0, |t| t.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn value(b: &[u8]) -> i32 {
    b.iter().fold(0, |n, &c| n * 10 + i32::from(c - b'0'))
}

/// End of `word` if the text at `i` starts with it.
fn word(b: &[u8], i: usize, word: &str) -> Option<usize> {
    b.get(i..)
        .is_some_and(|t| t.starts_with(word.as_bytes()))
        .then_some(i + word.len())
}

/// End of `word` (given in lower case) if the text at `i` starts with it, its first
/// letter in either case.
fn word_either(b: &[u8], i: usize, word: &str) -> Option<usize> {
    let w = word.as_bytes();
    let t = b.get(i..i + w.len())?;
    (t[0].eq_ignore_ascii_case(&w[0]) && t[1..] == w[1..]).then_some(i + w.len())
}

/// End of the run of word characters (`[A-Za-z0-9_]`) from `i`.
fn word_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_word(c)) {
        i += 1;
    }
    i
}

/// The ways MONTH can match at `i`: the month (1 = January) and the ends in the order the
/// alternation tries them. Whatever follows MONTH in the expression needs a blank, a comma
/// or a word boundary after it, so only a whole word can be a month: a full name, or an
/// abbreviation (`Sep` or `Sept`) with its dot after it, then without.
fn months(b: &[u8], i: usize) -> Option<(u8, [usize; 2], usize)> {
    let e = word_end(b, i);
    let w = &b[i..e];
    if !(3..=9).contains(&w.len())
        || !matches!(w[0], b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
    {
        return None;
    }
    if let Some(m) = MONTHS.iter().position(|m| m.as_bytes() == w) {
        return Some((m as u8 + 1, [e, e], 1));
    }
    let m = if w == b"Sept" {
        8
    } else {
        // May has no abbreviation, and is a full name
        MONTHS
            .iter()
            .position(|m| m.as_bytes()[..3] == *w && *m != "May")?
    };
    Some(if b.get(e) == Some(&b'.') {
        (m as u8 + 1, [e + 1, e], 2)
    } else {
        (m as u8 + 1, [e, e], 1)
    })
}

/// A four-digit year and its end after a month or day that ends at `i`
/// (`,?[ \t]+[0-9]{4}\b`, the comma when `comma`).
fn year_after(b: &[u8], i: usize, comma: bool) -> Option<(i32, usize)> {
    let i = if comma && b.get(i) == Some(&b',') {
        i + 1
    } else {
        i
    };
    let j = blanks(b, i);
    (j > i && digits(b, j) >= 4 && boundary(b, j + 4)).then(|| (value(&b[j..j + 4]), j + 4))
}

/// `16 March 2024` (the day as one or two digits).
fn day_month(b: &[u8], s: usize) -> Option<(usize, Expr<'_>)> {
    let run = digits(b, s);
    for len in [2, 1] {
        if len > run {
            continue;
        }
        let i = s + len;
        let j = blanks(b, i);
        if j == i {
            continue;
        }
        let Some((month, ends, n)) = months(b, j) else {
            continue;
        };
        let day = value(&b[s..i]) as u8;
        for &e in &ends[..n] {
            if let Some(found) = day_month_at(b, e, day, month) {
                return Some(found);
            }
        }
    }
    None
}

/// A day and month whose words end at `e`: with the year that follows, else ending at
/// `e` if a word boundary is there.
fn day_month_at(b: &[u8], e: usize, day: u8, month: u8) -> Option<(usize, Expr<'_>)> {
    if let Some((year, end)) = year_after(b, e, true) {
        return Some((
            end,
            Expr::DayMonth {
                day,
                month,
                year: Some(year),
            },
        ));
    }
    boundary(b, e).then_some((
        e,
        Expr::DayMonth {
            day,
            month,
            year: None,
        },
    ))
}

/// `March 16`, `March 16th, 2024`.
fn month_day(b: &[u8], s: usize) -> Option<(usize, Expr<'_>)> {
    let (month, ends, n) = months(b, s)?;
    for &e in &ends[..n] {
        let j = blanks(b, e);
        if j == e {
            continue;
        }
        let run = digits(b, j);
        for len in [2, 1] {
            if len > run {
                continue;
            }
            let i = j + len;
            let day = value(&b[j..i]) as u8;
            let suffixed = matches!(b.get(i..i + 2), Some(b"st" | b"nd" | b"rd" | b"th"));
            let after = [suffixed.then_some(i + 2), Some(i)];
            for k in after.into_iter().flatten() {
                if let Some(found) = day_month_at(b, k, day, month) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// `last year`, `this month`, `next Monday`, `last July`. Also whether the text held one
/// of the cues of [`may_hold_date`] (it does not for a tab after `last`, `this` or `next`
/// then `year`, `month` or `week`).
fn shift(b: &[u8], s: usize) -> Option<(usize, Expr<'_>, bool)> {
    let (i, delta) = if let Some(i) = word_either(b, s, "last") {
        (i, -1)
    } else if let Some(i) = word_either(b, s, "this") {
        (i, 0)
    } else {
        (word_either(b, s, "next")?, 1)
    };
    let j = blanks(b, i);
    if j == i {
        return None;
    }
    let spaced = b[i] == b' ';
    for (w, period) in [
        ("year", Period::Year),
        ("month", Period::Month),
        ("week", Period::Week),
    ] {
        if let Some(e) = word(b, j, w).filter(|&e| boundary(b, e)) {
            return Some((e, Expr::Shift { delta, period }, spaced));
        }
    }
    if let Some((month, ends, n)) = months(b, j)
        && let Some(&e) = ends[..n].iter().find(|&&e| boundary(b, e))
    {
        let period = Period::Named(month);
        return Some((e, Expr::Shift { delta, period }, true));
    }
    let (d, e) = weekday(b, j)?;
    Some((
        e,
        Expr::Shift {
            delta,
            period: Period::Weekday(d),
        },
        true,
    ))
}

/// The end of `in`, `since`, `during` (and `by`, `until` when `all`) at `s`.
fn preposition(b: &[u8], s: usize, all: bool) -> Option<usize> {
    let few: &[&str] = if all {
        &["in", "since", "during", "by", "until"]
    } else {
        &["in", "since", "during"]
    };
    few.iter().find_map(|w| word_either(b, s, w))
}

/// `in March`, `until May 2020`.
fn prep_month(b: &[u8], s: usize) -> Option<(usize, Expr<'_>)> {
    let i = preposition(b, s, true)?;
    let j = blanks(b, i);
    if j == i {
        return None;
    }
    let (month, ends, n) = months(b, j)?;
    for &e in &ends[..n] {
        if let Some((year, end)) = year_after(b, e, false) {
            return Some((
                end,
                Expr::PrepMonth {
                    month,
                    year: Some(year),
                },
            ));
        }
        if boundary(b, e) {
            return Some((e, Expr::PrepMonth { month, year: None }));
        }
    }
    None
}

/// `since 2019` (1900 to 2099).
fn prep_year(b: &[u8], s: usize) -> Option<(usize, Expr<'_>)> {
    let i = preposition(b, s, false)?;
    let j = blanks(b, i);
    let century = b.get(j..j + 2)?;
    let ok =
        j > i && (century == b"19" || century == b"20") && digits(b, j) >= 4 && boundary(b, j + 4);
    ok.then(|| (j + 4, Expr::PrepYear(value(&b[j..j + 4]))))
}

/// A capitalised weekday at `i` followed by a word boundary: 0 = Monday, and its end.
fn weekday(b: &[u8], i: usize) -> Option<(u8, usize)> {
    let e = word_end(b, i);
    let d = WEEKDAYS.iter().position(|w| w.as_bytes() == &b[i..e])?;
    Some((d as u8, e))
}

/// `yesterday`, `today`
fn relative(b: &[u8], s: usize) -> Option<(usize, Expr<'_>)> {
    if let Some(e) = word_either(b, s, "yesterday").filter(|&e| boundary(b, e)) {
        return Some((e, Expr::Yesterday));
    }
    let e = word_either(b, s, "today").filter(|&e| boundary(b, e))?;
    Some((e, Expr::Today))
}

/// `three days ago`, `2 years ago` (the count is any letters and digits).
fn ago(sentence: &str, s: usize) -> Option<(usize, Expr<'_>)> {
    let b = sentence.as_bytes();
    let i = s + b[s..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let j = blanks(b, i);
    if j == i {
        return None;
    }
    let (e, unit) = [
        ("day", Unit::Day),
        ("week", Unit::Week),
        ("month", Unit::Month),
        ("year", Unit::Year),
    ]
    .into_iter()
    .find_map(|(w, unit)| word(b, j, w).map(|e| (e, unit)))?;
    let plural = [(b.get(e) == Some(&b's')).then_some(e + 1), Some(e)];
    for k in plural.into_iter().flatten() {
        let l = blanks(b, k);
        if l > k
            && let Some(end) = word(b, l, "ago").filter(|&end| boundary(b, end))
        {
            let count = &sentence[s..i];
            return Some((end, Expr::Ago { count, unit }));
        }
    }
    None
}

/// The match starting at word start `s` (the word ending at `e`), the alternatives tried
/// in the expression's order, and whether it holds a cue of [`may_hold_date`]. Each
/// alternative is only tried on a word that can start it: every word the expression
/// spells out is followed by a blank or a word boundary, so it is a whole word here.
fn expr_at(sentence: &str, s: usize, e: usize) -> Option<(usize, Expr<'_>, bool)> {
    fn cued(m: Option<(usize, Expr<'_>)>) -> Option<(usize, Expr<'_>, bool)> {
        m.map(|(e, x)| (e, x, true))
    }
    let b = sentence.as_bytes();
    let len = e - s;
    let first = b[s];
    let found = if first.is_ascii_digit() {
        if len <= 2 {
            cued(day_month(b, s))
        } else {
            None
        }
    } else {
        let upper = first.is_ascii_uppercase();
        let lower = first.to_ascii_lowercase();
        let found = if upper { cued(month_day(b, s)) } else { None };
        let found = found.or_else(|| {
            (len == 4 && matches!(lower, b'l' | b't' | b'n'))
                .then(|| shift(b, s))
                .flatten()
        });
        let found = found.or_else(|| {
            (len <= 6 && matches!(lower, b'i' | b's' | b'd' | b'b' | b'u'))
                .then(|| cued(prep_month(b, s)).or_else(|| cued(prep_year(b, s))))
                .flatten()
        });
        let found = found.or_else(|| {
            (upper && (6..=9).contains(&len))
                .then(|| weekday(b, s).map(|(d, e)| (e, Expr::Weekday(d), true)))
                .flatten()
        });
        found.or_else(|| {
            (matches!(lower, b'y' | b't') && (len == 5 || len == 9))
                .then(|| cued(relative(b, s)))
                .flatten()
        })
    };
    found.or_else(|| {
        matches!(b.get(e), Some(b' ' | b'\t'))
            .then(|| cued(ago(sentence, s)))
            .flatten()
    })
}

/// The date an expression stands for, if it resolves.
fn resolve(expr: Expr<'_>, published: Option<Date>) -> Option<Date> {
    // latest occurrence of a month not after publication
    let month_back = |mo: u8| {
        published.map(|p| {
            let y = if mo > p.month { p.year - 1 } else { p.year };
            Date::month_of(y, mo)
        })
    };
    // the weekday `wd` (0 = Monday) before `p`, 0 to 6 days back
    let back = |p: Date, wd: u8| (i64::from(p.weekday()) - i64::from(wd)).rem_euclid(7);
    match expr {
        Expr::DayMonth { day, month, year } => {
            let y = year.or_else(|| month_back(month).map(|x| x.year))?;
            Date::ymd(y, month, day)
        }
        Expr::PrepMonth {
            month,
            year: Some(y),
        } => Some(Date::month_of(y, month)),
        Expr::PrepMonth { month, year: None } => month_back(month),
        Expr::PrepYear(y) => Some(Date::year_of(y)),
        Expr::Shift { delta, period } => {
            let p = published?;
            Some(match period {
                Period::Year => Date::year_of(p.year + delta),
                Period::Month => {
                    let total = p.year * 12 + i32::from(p.month) - 1 + delta;
                    Date::month_of(total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
                }
                Period::Week => p.add_days(7 * i64::from(delta)),
                Period::Weekday(wd) => {
                    let back = match back(p, wd) {
                        0 => 7,
                        b => b,
                    };
                    p.add_days(-back + if delta > 0 { 7 } else { 0 })
                }
                Period::Named(mo) => {
                    // last July: the latest July strictly before this month
                    let y = if delta > 0 {
                        if mo > p.month { p.year } else { p.year + 1 }
                    } else if delta < 0 {
                        if mo >= p.month { p.year - 1 } else { p.year }
                    } else {
                        p.year
                    };
                    Date::month_of(y, mo)
                }
            })
        }
        Expr::Weekday(wd) => published.map(|p| p.add_days(-back(p, wd))),
        Expr::Yesterday => published.map(|p| p.add_days(-1)),
        Expr::Today => published,
        Expr::Ago { count, unit } => {
            let (p, n) = (published?, number_word(count)?);
            Some(match unit {
                Unit::Day => p.add_days(-n),
                Unit::Week => p.add_days(-7 * n),
                Unit::Month => {
                    let total = i64::from(p.year) * 12 + i64::from(p.month) - 1 - n;
                    Date::month_of(
                        total.div_euclid(12) as i32,
                        (total.rem_euclid(12) + 1) as u8,
                    )
                }
                Unit::Year => Date::year_of(p.year - n as i32),
            })
        }
    }
}

/// Pieces of words that every date expression holds within its first two words (which
/// only blanks separate): the first three letters of a month (so also `16 March`), `day`
/// (weekdays, `today`, `yesterday`), the units of `… ago` and `last …`, and the first
/// digits of a year after `in`. Digits are not anchors: aho-corasick's vectorised
/// prefilter (Teddy) refuses more than 16 patterns when one is a single byte.
///
/// The packed searcher (Teddy, the DFA's prefilter) is used alone where it can be built
/// (x86-64, aarch64): it finds the same leftmost-first matches, and building the DFA cost
/// as much as searching a few hundred sentences. The DFA is used as is rather than through
/// `AhoCorasick`, which would pick the same DFA: that wrapper also compiled code that
/// `mentions::Matcher::scan` shares, and scan then cost 2% more instructions (code
/// generation, measured with callgrind).
static ANCHORS: LazyLock<Anchors> = LazyLock::new(|| {
    let patterns = || {
        let others = ["day", "week", "month", "year", "19", "20"];
        MONTHS.iter().map(|m| &m[..3]).chain(others)
    };
    let packed = packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(patterns())
        .build();
    match packed {
        Some(searcher) => Anchors::Packed(searcher),
        // only leftmost matching has the vectorised prefilter
        None => Anchors::Dfa(Box::new(
            dfa::DFA::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(patterns())
                .expect("date anchors are valid"),
        )),
    }
});

/// A search for the [`ANCHORS`].
enum Anchors {
    Packed(packed::Searcher),
    /// (boxed: it is four times the size of the other, and rarely used)
    Dfa(Box<dfa::DFA>),
}

/// The starts of the anchors in `b`, left to right, each search going on after the
/// anchor found.
fn anchors<'a>(searcher: &'a Anchors, b: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        let m = match searcher {
            Anchors::Packed(p) => p.find_in(b, aho_corasick::Span::from(at..b.len())),
            // an unanchored search of a DFA cannot fail
            Anchors::Dfa(d) => d
                .try_find(&Input::new(b).range(at..))
                .expect("unanchored search"),
        }?;
        at = m.end();
        Some(m.start())
    })
}

/// Start of the run of word characters that ends at `i` (exclusive).
fn word_start(b: &[u8], mut i: usize) -> usize {
    while i > 0 && is_word(b[i - 1]) {
        i -= 1;
    }
    i
}

/// Every resolvable date expression in `sentence` (whose text starts at byte `offset`).
///
/// The expression is searched for as a regex search would: the leftmost match from where
/// the last one ended. Every match starts at the word holding its first anchor
/// ([`ANCHORS`]) or at the word before, so trying those words, left to right, in the order
/// of the anchors finds the leftmost match.
pub(crate) fn find(sentence: &str, offset: usize, published: Option<Date>) -> Vec<Found> {
    let b = sentence.as_bytes();
    let mut out = Vec::new();
    let mut cued = false;
    // where the next match may start
    let mut pos = 0;
    // words before this were tried already
    let mut tried = 0;
    for p in anchors(&ANCHORS, b) {
        if p < pos.max(tried) {
            continue;
        }
        let ws = word_start(b, p);
        let k = {
            let mut k = ws;
            while k > 0 && matches!(b[k - 1], b' ' | b'\t') {
                k -= 1;
            }
            k
        };
        let before = (k < ws && k > 0 && is_word(b[k - 1])).then(|| word_start(b, k - 1));
        let e = word_end(b, p);
        for s in [before, Some(ws)].into_iter().flatten() {
            // a word starting with `_` holds no word boundary before a letter or digit
            if s < pos.max(tried) || !b[s].is_ascii_alphanumeric() {
                continue;
            }
            let Some((end, expr, cue)) = expr_at(sentence, s, word_end(b, s)) else {
                continue;
            };
            cued |= cue;
            if let Some(date) = resolve(expr, published) {
                let span = Span::new(offset + s, offset + end);
                out.push(Found { span, date });
            }
            pos = end;
            break;
        }
        tried = e;
    }
    if !cued && !out.is_empty() && !may_hold_date(sentence) {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regular expression the scanner replaced, as it was (with the cheap test before it).
    mod reference {
        use std::sync::LazyLock;

        use regex::Regex;

        use super::{Found, may_hold_date, number_word};
        use crate::model::{Date, Span};

        const MONTHS: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        const WEEKDAYS: [&str; 7] = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];

        static DATE: LazyLock<Regex> = LazyLock::new(|| {
            let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
            let wd = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
            Regex::new(&format!(
                r"(?-u:\b)(?:(?P<d1>[0-9]{{1,2}})[ \t]+(?P<m1>{month})(?:,?[ \t]+(?P<y1>[0-9]{{4}}))?|(?P<m2>{month})[ \t]+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?[ \t]+(?P<y2>[0-9]{{4}}))?|(?P<last>[Ll]ast|[Tt]his|[Nn]ext)[ \t]+(?P<unit>year|month|week|{month}|{wd})|(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil)[ \t]+(?P<m3>{month})(?:[ \t]+(?P<y3>[0-9]{{4}}))?|(?:[Ii]n|[Ss]ince|[Dd]uring)[ \t]+(?P<y4>(?:19|20)[0-9]{{2}})|(?P<wd>{wd})|(?P<rel>[Yy]esterday|[Tt]oday)|(?P<ago>[A-Za-z0-9]+)[ \t]+(?P<agounit>days?|weeks?|months?|years?)[ \t]+ago)(?-u:\b)"
            ))
            .expect("date pattern is valid")
        });

        fn month_index(s: &str) -> Option<u8> {
            let l = s.trim_end_matches('.').to_ascii_lowercase();
            if l.len() < 3 {
                return None;
            }
            MONTHS
                .iter()
                .position(|m| m.starts_with(&l[..3]))
                .map(|i| i as u8 + 1)
        }

        /// Every resolvable date expression in `sentence` (whose text starts at byte `offset`).
        pub(super) fn find(sentence: &str, offset: usize, published: Option<Date>) -> Vec<Found> {
            let mut out = Vec::new();
            if !may_hold_date(sentence) {
                return out;
            }
            for c in DATE.captures_iter(sentence) {
                let m = c.get(0).map_or(0..0, |m| m.range());
                let span = Span::new(offset + m.start, offset + m.end);
                let get = |n: &str| c.name(n).map(|x| x.as_str());
                let year_of = |y: Option<&str>| y.and_then(|y| y.parse::<i32>().ok());
                // latest occurrence of a month not after publication
                let month_back = |mo: u8| {
                    published.map(|p| {
                        let y = if mo > p.month { p.year - 1 } else { p.year };
                        Date::month_of(y, mo)
                    })
                };
                let date = if let (Some(d), Some(mo)) =
                    (get("d1").or(get("d2")), get("m1").or(get("m2")))
                {
                    let (Some(mo), Ok(d)) = (month_index(mo), d.parse::<u8>()) else {
                        continue;
                    };
                    match year_of(get("y1").or(get("y2")))
                        .or_else(|| month_back(mo).map(|x| x.year))
                    {
                        Some(y) => Date::ymd(y, mo, d),
                        None => None,
                    }
                } else if let Some(mo) = get("m3") {
                    let Some(mo) = month_index(mo) else { continue };
                    match year_of(get("y3")) {
                        Some(y) => Some(Date::month_of(y, mo)),
                        None => month_back(mo),
                    }
                } else if let Some(y) = get("y4") {
                    year_of(Some(y)).map(Date::year_of)
                } else if let (Some(which), Some(unit)) = (get("last"), get("unit")) {
                    let Some(p) = published else { continue };
                    let delta: i32 = match which.to_ascii_lowercase().as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    let unit_l = unit.to_ascii_lowercase();
                    match unit_l.as_str() {
                        "year" => Some(Date::year_of(p.year + delta)),
                        "month" => {
                            let total = p.year * 12 + i32::from(p.month) - 1 + delta;
                            Some(Date::month_of(
                                total.div_euclid(12),
                                (total.rem_euclid(12) + 1) as u8,
                            ))
                        }
                        "week" => Some(p.add_days(7 * i64::from(delta))),
                        _ => {
                            if let Some(wd) = WEEKDAYS.iter().position(|w| *w == unit_l) {
                                let back = (i64::from(p.weekday()) - wd as i64).rem_euclid(7);
                                let back = if back == 0 { 7 } else { back };
                                Some(p.add_days(-back + if delta > 0 { 7 } else { 0 }))
                            } else if let Some(mo) = month_index(unit) {
                                // last July: the latest July strictly before this month
                                let y = if delta > 0 {
                                    if mo > p.month { p.year } else { p.year + 1 }
                                } else if delta < 0 {
                                    if mo >= p.month { p.year - 1 } else { p.year }
                                } else {
                                    p.year
                                };
                                Some(Date::month_of(y, mo))
                            } else {
                                None
                            }
                        }
                    }
                } else if let Some(wd) = get("wd") {
                    let Some(p) = published else { continue };
                    let Some(i) = WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(wd)) else {
                        continue;
                    };
                    let back = (i64::from(p.weekday()) - i as i64).rem_euclid(7);
                    Some(p.add_days(-back))
                } else if let Some(rel) = get("rel") {
                    let Some(p) = published else { continue };
                    Some(if rel.eq_ignore_ascii_case("yesterday") {
                        p.add_days(-1)
                    } else {
                        p
                    })
                } else if let (Some(n), Some(unit)) = (get("ago"), get("agounit")) {
                    let (Some(p), Some(n)) = (published, number_word(n)) else {
                        continue;
                    };
                    match unit.trim_end_matches('s') {
                        "day" => Some(p.add_days(-n)),
                        "week" => Some(p.add_days(-7 * n)),
                        "month" => {
                            let total = i64::from(p.year) * 12 + i64::from(p.month) - 1 - n;
                            Some(Date::month_of(
                                total.div_euclid(12) as i32,
                                (total.rem_euclid(12) + 1) as u8,
                            ))
                        }
                        _ => Some(Date::year_of(p.year - n as i32)),
                    }
                } else {
                    None
                };
                if let Some(date) = date {
                    out.push(Found { span, date });
                }
            }
            out
        }
    }

    fn one(s: &str) -> String {
        let p: Date = "2024-03-17".parse().unwrap();
        find(s, 0, Some(p))
            .first()
            .map(|f| f.date.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        assert_eq!(one("troops were kicked out in December"), "2023-12");
        assert_eq!(one("in power since last July"), "2023-07");
        assert_eq!(one("Abdramane said Saturday"), "2024-03-16");
        assert_eq!(one("the coup last year"), "2023");
        assert_eq!(one("an interview last month"), "2024-02");
        assert_eq!(one("on March 16"), "2024-03-16");
        assert_eq!(one("on 26 July 2023"), "2023-07-26");
        assert_eq!(one("in March"), "2024-03");
        assert_eq!(one("in 2019"), "2019");
        assert_eq!(one("yesterday"), "2024-03-16");
        assert_eq!(one("three days ago"), "2024-03-14");
        assert_eq!(one("Sunday"), "2024-03-17");
        assert_eq!(one("nothing here"), "");
    }

    /// Pieces of date expressions and of what is near them: the forms the expression
    /// accepts, their case variants, near misses, numbers of every length, punctuation and
    /// non-ASCII letters.
    const PIECES: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Jan.",
        "Feb",
        "Mar.",
        "Mar",
        "Apr",
        "Jun",
        "Jun.",
        "Jul",
        "Aug.",
        "Sep",
        "Sep.",
        "Sept",
        "Sept.",
        "Septe",
        "Oct",
        "Nov.",
        "Dec",
        "Decem",
        "may",
        "MAY",
        "march",
        "MARCH",
        "Marching",
        "Mayday",
        "Junes",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "monday",
        "FRIDAY",
        "Mondays",
        "Sun",
        "0",
        "1",
        "5",
        "9",
        "12",
        "16",
        "29",
        "30",
        "31",
        "32",
        "99",
        "123",
        "1999",
        "2019",
        "2020",
        "2024",
        "2100",
        "1800",
        "20201",
        "007",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "21st",
        "31th",
        "1stx",
        "last",
        "Last",
        "LAST",
        "this",
        "This",
        "next",
        "Next",
        "nexts",
        "year",
        "years",
        "Year",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "in",
        "In",
        "IN",
        "since",
        "Since",
        "during",
        "During",
        "by",
        "By",
        "until",
        "Until",
        "yesterday",
        "Yesterday",
        "today",
        "Today",
        "todays",
        "ago",
        "Ago",
        "agony",
        "three",
        "Three",
        "twelve",
        "thirteen",
        "a",
        "few",
        "x9",
        "99999999999999999999",
        ",",
        ".",
        "..",
        "_",
        "-",
        "'",
        "(",
        ")",
        ":",
        "/",
        "é",
        "ß",
        "—",
        "日",
        "\u{a0}",
    ];
    const GLUE: &[&str] = &[
        " ", " ", " ", " ", " ", "\t", "  ", " \t", "\t ", "", "", "\n", ",", ", ", ".", ". ", "_",
        "-", "é",
    ];

    /// Sentences put together from [`PIECES`], the same for every run.
    fn generated(count: usize) -> Vec<String> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        (0..count)
            .map(|_| {
                let mut s = String::new();
                let words = if next(4) == 0 { 40 } else { 8 };
                for _ in 0..1 + next(words) {
                    s.push_str(GLUE[next(GLUE.len())]);
                    s.push_str(PIECES[next(PIECES.len())]);
                }
                if next(3) == 0 {
                    s.push_str(GLUE[next(GLUE.len())]);
                }
                s
            })
            .collect()
    }

    fn publications() -> Vec<Option<Date>> {
        let mut all = vec![None];
        for d in ["2024-03-17", "2020-01-01", "2019-12-31", "2023-07-05"] {
            all.push(Some(d.parse().unwrap()));
        }
        all
    }

    fn same_as_reference(sentences: impl IntoIterator<Item = impl AsRef<str>>) -> usize {
        let published = publications();
        let mut found = 0;
        for s in sentences {
            let s = s.as_ref();
            for &p in &published {
                let want = reference::find(s, 7, p);
                assert_eq!(find(s, 7, p), want, "{s:?} published {p:?}");
                found += want.len();
            }
        }
        found
    }

    #[test]
    fn scanner_finds_what_the_expression_found() {
        let found = same_as_reference(generated(60_000));
        // the sentences hold many dates, not only misses
        assert!(found > 20_000, "{found}");
    }

    #[test]
    fn scanner_corner_cases() {
        same_as_reference([
            "5 Jan. 2020",
            "5 Jan. Then",
            "5 Jan.",
            "on Sept. 11",
            "Sept. 11, 2001",
            "last Sept.",
            "last Sept.x",
            "March 1st, 2020",
            "March 1stx",
            "March 5, 20201",
            "March 123",
            "123 March",
            "_5 March",
            "é5 March",
            "5 March_",
            "in 5 March",
            "in March 2020",
            "in March, 2020",
            "in\t\tMarch  2020",
            "since 1999",
            "since 19999",
            "by 2020",
            "Monday 3 days ago",
            "last days ago",
            "next week ago",
            "this\tyear",
            "this\t year",
            "this\tyear 1",
            "this\tyear ago",
            "Last\tmonth and last\tweek",
            "The x last\tyear",
            "3 years ago",
            "99999999999999999999 days ago",
            "two dayss ago",
            "two day  ago.",
            "yesterday_",
            "Today's",
            "",
            "é",
        ]);
    }

    /// Every line of the files named in `NEWSGRAPH_DATES_CORPUS` (separated by `:`), else
    /// of the shared corpus beside the project (`../shared/corpus`), split into sentences.
    #[test]
    #[ignore = "reads corpus files (NEWSGRAPH_DATES_CORPUS, else ../shared/corpus): .ci/run runs it"]
    fn scanner_finds_what_the_expression_found_in_corpus_files() {
        let paths = std::env::var("NEWSGRAPH_DATES_CORPUS").unwrap_or_else(|_| {
            let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
            format!("{corpus}/ag_news_world.jsonl:{corpus}/guardian_2019_syria.jsonl")
        });
        if paths.split(':').any(|p| !std::path::Path::new(p).exists()) {
            eprintln!("skipped: no file at one of {paths}");
            return;
        }
        let mut sentences = 0;
        for path in paths.split(':') {
            let text = std::fs::read_to_string(path).unwrap();
            for line in text.lines() {
                let split = crate::text::sentences(line);
                sentences += split.len();
                same_as_reference(split.iter().map(|s| s.span.slice(line)));
                same_as_reference([line]);
            }
        }
        assert!(sentences > 0);
    }

    /// [`anchors`] against the aho-corasick DFA it replaced (leftmost-first, the same
    /// patterns), on generated sentences and on glued pieces of anchors, short and long
    /// (the packed searcher works differently below a minimum length).
    #[test]
    fn anchors_match_the_dfa() {
        let others = ["day", "week", "month", "year", "19", "20"];
        let dfa = dfa::DFA::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(MONTHS.iter().map(|m| &m[..3]).chain(others))
            .unwrap();
        let want = |s: &str| -> Vec<usize> {
            dfa.try_find_iter(Input::new(s))
                .unwrap()
                .map(|m| m.start())
                .collect()
        };
        let mut sentences = generated(20_000);
        let bits = [
            "Ja", "Jan", "Jul", "Jun", "Ma", "May", "Mar", "Ap", "Au", "S", "Sep", "D", "de", "da",
            "day", "y", "ye", "year", "wee", "week", "mon", "month", "1", "19", "2", "20", "0",
            "9", "é", " ", "_", "Syria",
        ];
        let mut seed = 5u64;
        for round in 0..20_000 {
            let mut s = String::new();
            for _ in 0..if round % 3 == 0 { 40 } else { 8 } {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(bits[(seed >> 33) as usize % bits.len()]);
            }
            sentences.push(s);
        }
        // the searcher in use, and the fallback where the packed one cannot be built
        let fallback = super::Anchors::Dfa(Box::new(dfa.clone()));
        let mut found = 0;
        for s in &sentences {
            let w = want(s);
            found += w.len();
            assert_eq!(
                anchors(&ANCHORS, s.as_bytes()).collect::<Vec<_>>(),
                w,
                "{s:?}"
            );
            assert_eq!(
                anchors(&fallback, s.as_bytes()).collect::<Vec<_>>(),
                w,
                "{s:?}"
            );
        }
        assert!(found > 20_000, "{found}");
    }

    #[test]
    fn without_publication_only_absolute_dates() {
        assert_eq!(find("on Saturday", 0, None), vec![]);
        assert_eq!(
            find("on 5 May 2021", 0, None)[0].date.to_string(),
            "2021-05-05"
        );
    }
}
