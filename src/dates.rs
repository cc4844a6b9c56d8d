//! Dates in a sentence, resolved against the publication date: `in December`,
//! `last July`, `Saturday`, `last year`, `on 16 March 2024`, `March 16`, `in 2023`,
//! `yesterday`.
//!
//! A month without a year is its latest occurrence not after the publication month; a
//! weekday is its latest occurrence before the publication day. Without a publication
//! date only absolute dates resolve.

use std::sync::LazyLock;

use regex::Regex;

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

/// A date expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Found {
    pub span: Span,
    pub date: Date,
}

/// A cheap test that rules out most sentences before the date pattern runs: every date
/// expression holds a digit, a capitalised month or weekday, or one of a few words.
fn may_hold_date(sentence: &str) -> bool {
    const CUES: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "day",
        "ast ", "his ", "ext ", "esterday", "ago",
    ];
    sentence.bytes().any(|b| b.is_ascii_digit()) || CUES.iter().any(|c| sentence.contains(c))
}

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

/// Every resolvable date expression in `sentence` (whose text starts at byte `offset`).
pub(crate) fn find(sentence: &str, offset: usize, published: Option<Date>) -> Vec<Found> {
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
        let date = if let (Some(d), Some(mo)) = (get("d1").or(get("d2")), get("m1").or(get("m2"))) {
            let (Some(mo), Ok(d)) = (month_index(mo), d.parse::<u8>()) else {
                continue;
            };
            match year_of(get("y1").or(get("y2"))).or_else(|| month_back(mo).map(|x| x.year)) {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn without_publication_only_absolute_dates() {
        assert_eq!(find("on Saturday", 0, None), vec![]);
        assert_eq!(
            find("on 5 May 2021", 0, None)[0].date.to_string(),
            "2021-05-05"
        );
    }
}
