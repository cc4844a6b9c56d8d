//! Relations: for every trigger found in a sentence, the argument frame of its rule
//! (`data/triggers.tsv`) is filled from the actor mentions around it.
//!
//! - a verb takes its source from the subject (the nearest actor to its left that is not
//!   inside a prepositional phrase or a parenthesis; the main subject when the verb is
//!   the second of two coordinated verb phrases) and its target from the object or a
//!   prepositional phrase after it;
//! - a passive verb (`were kicked out`) turns its subject into the object and takes its
//!   agent from `by X`, or from the context when there is none;
//! - a noun (`the threat of reprisals by X against Y`) takes its arguments from a
//!   possessive, from prepositional phrases, or from the subject of its clause;
//! - coordinated actors (`Niger, along with Mali and Burkina Faso,`) each make a fact;
//! - modality (negated, future, hypothetical, alleged), the speaker (`X said`) and the
//!   date of the sentence are attached to every assertion.
//!
//! A stated future cooperative act is a pledge and a stated future hostile act is a
//! threat (PLOVER's AGREE and THREATEN): `Mali will expel the envoy` is a threat by Mali.

use crate::dates;
use crate::lexicon::{Lexicon, NameRole, Slot, TriggerPos};
use crate::mentions::{Actor, Analysed, Item, Referent};
use crate::model::{Assertion, Date, EntityId, EntityKind, Modality, RelationKind, Span};
use crate::text::{TokenKind, load};

/// Bits of [`word_classes`], named after their lists.
#[allow(non_snake_case)]
mod class {
    pub const DETS: u64 = 1;
    pub const PREPS: u64 = 1 << 1;
    pub const CLAUSE: u64 = 1 << 2;
    pub const SPEECH: u64 = 1 << 3;
    pub const BE: u64 = 1 << 4;
    pub const AUX: u64 = 1 << 5;
    pub const ADVERB_SKIP: u64 = 1 << 6;
    pub const LIGHT_VERBS: u64 = 1 << 7;
    pub const QUANTITIES: u64 = 1 << 8;
    pub const LINKS: u64 = 1 << 10;
    pub const ALONG: u64 = 1 << 11;
    pub const JOIN_GAP: u64 = 1 << 12;
    pub const BEFORE_ACTOR: u64 = 1 << 13;
    pub const BEFORE_QUANTITY: u64 = 1 << 14;
    pub const RELATIVES: u64 = 1 << 15;
    pub const WHICH_WHO: u64 = 1 << 16;
    pub const HAVE_DO: u64 = 1 << 17;
    pub const QUOTE_STOPS: u64 = 1 << 18;
    pub const CLAUSE_STOPS: u64 = 1 << 19;
    pub const COMMA_CLAUSE: u64 = 1 << 20;
    pub const PLACE_PREPS: u64 = 1 << 21;
    pub const UNITS: u64 = 1 << 22;
    pub const PEOPLE: u64 = 1 << 23;
    pub const CLAUSE_VERBS: u64 = 1 << 24;
    pub const TO_THAN: u64 = 1 << 25;
    pub const AND_OR_TO: u64 = 1 << 26;
    pub const PREP_STOPS: u64 = 1 << 27;
    pub const MODAL_STOPS: u64 = 1 << 28;
    pub const CLAIMS: u64 = 1 << 29;
    pub const ACCUSES: u64 = 1 << 30;
    pub const PARTICIPLES: u64 = 1 << 31;
    pub const NOUN_MODIFIERS: u64 = 1 << 32;
    pub const PUNCT_STOPS: u64 = 1 << 33;
    pub const NEGATORS: u64 = 1 << 34;
    pub const FUTURE: u64 = 1 << 35;
    pub const INTENT: u64 = 1 << 36;
    pub const HYPOTHETICAL: u64 = 1 << 37;
    pub const TRYING: u64 = 1 << 38;
    pub const ALLEGEDLY: u64 = 1 << 39;
    pub const ALLEGED: u64 = 1 << 40;
    pub const THAT: u64 = 1 << 41;
    pub const OF: u64 = 1 << 42;
    pub const TO: u64 = 1 << 43;
    pub const WITH: u64 = 1 << 44;
    pub const UP_MORE_LESS: u64 = 1 << 45;
    pub const AT: u64 = 1 << 46;
    pub const LEAST: u64 = 1 << 47;
    pub const TERRITORY: u64 = 1 << 48;
    pub const ORDERS: u64 = 1 << 49;
    pub const DISASTERS: u64 = 1 << 50;
    pub const PUBLISHED: u64 = 1 << 51;
    pub const HELD: u64 = 1 << 52;
    pub const AGENTS: u64 = 1 << 53;
    pub const VICTIMS: u64 = 1 << 54;
    /// Not a list: the lower-cased word ends in `ly` and is longer than 4 bytes.
    pub const LY: u64 = 1 << 62;
    /// Not a list: the token has been looked up (a cache of 0 means "not yet").
    pub const KNOWN: u64 = 1 << 63;
}

/// Every word list with its bit, in the order of the bits.
const LISTS: &[(u64, &[&str])] = &[
    (class::DETS, DETS),
    (class::PREPS, PREPS),
    (class::CLAUSE, CLAUSE),
    (class::SPEECH, SPEECH),
    (class::BE, BE),
    (class::AUX, AUX),
    (class::ADVERB_SKIP, ADVERB_SKIP),
    (class::LIGHT_VERBS, LIGHT_VERBS),
    (class::QUANTITIES, QUANTITIES),
    (class::LINKS, LINKS),
    (class::ALONG, ALONG),
    (class::JOIN_GAP, JOIN_GAP),
    (class::BEFORE_ACTOR, BEFORE_ACTOR),
    (class::BEFORE_QUANTITY, BEFORE_QUANTITY),
    (class::RELATIVES, RELATIVES),
    (class::WHICH_WHO, WHICH_WHO),
    (class::HAVE_DO, HAVE_DO),
    (class::QUOTE_STOPS, QUOTE_STOPS),
    (class::CLAUSE_STOPS, CLAUSE_STOPS),
    (class::COMMA_CLAUSE, COMMA_CLAUSE),
    (class::PLACE_PREPS, PLACE_PREPS),
    (class::UNITS, UNITS),
    (class::PEOPLE, PEOPLE),
    (class::CLAUSE_VERBS, CLAUSE_VERBS),
    (class::TO_THAN, TO_THAN),
    (class::AND_OR_TO, AND_OR_TO),
    (class::PREP_STOPS, PREP_STOPS),
    (class::MODAL_STOPS, MODAL_STOPS),
    (class::CLAIMS, CLAIMS),
    (class::ACCUSES, ACCUSES),
    (class::PARTICIPLES, PARTICIPLES),
    (class::NOUN_MODIFIERS, NOUN_MODIFIERS),
    (class::PUNCT_STOPS, PUNCT_STOPS),
    (class::NEGATORS, NEGATORS),
    (class::FUTURE, FUTURE),
    (class::INTENT, INTENT),
    (class::HYPOTHETICAL, HYPOTHETICAL),
    (class::TRYING, TRYING),
    (class::ALLEGEDLY, ALLEGEDLY),
    (class::ALLEGED, ALLEGED),
    (class::THAT, &["that"]),
    (class::OF, &["of"]),
    (class::TO, &["to"]),
    (class::WITH, &["with"]),
    (class::UP_MORE_LESS, &["up", "more", "less"]),
    (class::AT, &["at"]),
    (class::LEAST, &["least"]),
    (class::TERRITORY, TERRITORY),
    (class::ORDERS, ORDERS),
    (class::DISASTERS, DISASTERS),
    (class::PUBLISHED, PUBLISHED),
    (class::HELD, HELD),
    (class::AGENTS, AGENTS),
    (class::VICTIMS, VICTIMS),
];

/// The longest word any list may hold: a key packs the word and its length in 16 bytes.
const MAX_KEY: usize = 15;

/// A word as a table key: its bytes ASCII-lower-cased (so equal keys mean
/// `eq_ignore_ascii_case`) with the length in the last byte; 0 for a word no list can hold.
fn key(b: &[u8]) -> u128 {
    if b.is_empty() || b.len() > MAX_KEY {
        return 0;
    }
    let n = b.len();
    let lo = ascii_lower(load(&b[..n.min(8)]));
    // the length byte is no letter, so lower-casing leaves it
    let hi = if n > 8 { ascii_lower(load(&b[8..])) } else { 0 } | (n as u64) << 56;
    u128::from(hi) << 64 | u128::from(lo)
}

/// Every byte `A`-`Z` of `x` made lower-case, all at once (other bytes, the length byte
/// and non-ASCII ones, stay as they are).
fn ascii_lower(x: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7f; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let h = x & LOW7;
    // bit 7 of each byte: at least `A`, more than `Z` (no carry leaves a byte)
    let from_a = h + u64::from_le_bytes([0x80 - b'A'; 8]);
    let past_z = h + u64::from_le_bytes([0x7f - b'Z'; 8]);
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// The word lists as one open-addressing table from [`key`] to bits: a lookup costs a
/// lower-casing copy, a multiply and (nearly always) one probe.
struct WordTable {
    slots: Vec<(u128, u64)>,
    /// Per first byte with the ASCII case bit set: the lists holding a word that starts
    /// so, and [`class::LY`] everywhere (so never 0, and never [`class::KNOWN`]).
    by_first: [u64; 256],
}

impl WordTable {
    const BITS: u32 = 11;

    fn slot(k: u128) -> usize {
        let h =
            ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - Self::BITS)) as usize
    }

    fn build() -> WordTable {
        let mut slots = vec![(0u128, 0u64); 1 << Self::BITS];
        let mask = slots.len() - 1;
        for (bit, list) in LISTS {
            for w in *list {
                let k = key(w.as_bytes());
                assert!(
                    k != 0 && w.len() <= MAX_KEY,
                    "word list entry too long: {w}"
                );
                let mut i = Self::slot(k);
                while slots[i].0 != 0 && slots[i].0 != k {
                    i = (i + 1) & mask;
                }
                slots[i].0 = k;
                slots[i].1 |= bit;
            }
        }
        let mut by_first = [class::LY; 256];
        for (bit, list) in LISTS {
            for w in *list {
                by_first[usize::from(w.as_bytes()[0] | 0x20)] |= bit;
            }
        }
        WordTable { slots, by_first }
    }

    fn get(&self, w: &[u8]) -> u64 {
        let k = key(w);
        if k == 0 {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::slot(k);
        loop {
            let (sk, bits) = self.slots[i];
            if sk == k {
                return bits;
            }
            if sk == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The word lists, built once.
fn word_classes() -> &'static WordTable {
    static CLASSES: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    CLASSES.get_or_init(WordTable::build)
}

/// The bits of a word: its lists, and the derived [`class::LY`].
fn classify(b: &[u8]) -> u64 {
    let mut c = word_classes().get(b) | class::KNOWN;
    // as `text::Lower` sees it: an ASCII word of up to 24 bytes is lower-cased, another
    // word is kept as it is
    let ly = b.len() > 4 && {
        let tail = &b[b.len() - 2..];
        tail == b"ly" || tail.eq_ignore_ascii_case(b"ly") && b.len() <= 24 && b.is_ascii()
    };
    if ly {
        c |= class::LY;
    }
    c
}

/// Whether `text::Lower::new(w).as_str()` ends with one of `suffixes` (ASCII lower case),
/// without the copy: an ASCII word of up to 24 bytes is compared but for case, another
/// exactly (the ASCII test made once for all suffixes). The reference of
/// [`participle_ending`].
fn lower_ends_with(w: &str, suffixes: &[&str]) -> bool {
    let b = w.as_bytes();
    let fold = b.len() <= 24 && w.is_ascii();
    suffixes.iter().any(|s| {
        let s = s.as_bytes();
        if fold {
            b.len() >= s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s)
        } else {
            b.ends_with(s)
        }
    })
}

/// `lower_ends_with(w, &["ed", "en", "wn"])` on the word's bytes: an exact lower-case
/// ending needs no ASCII test (it matches folded or not), so only an upper-case one
/// makes it.
fn participle_ending(b: &[u8]) -> bool {
    let Some(&[x, y]) = b.len().checked_sub(2).and_then(|i| b.get(i..)) else {
        return false;
    };
    let exact = |x: u8, y: u8| matches!([x, y], [b'e', b'd' | b'n'] | [b'w', b'n']);
    exact(x, y) || exact(x | 0x20, y | 0x20) && b.len() <= 24 && b.is_ascii()
}

/// Is token `i` the one-byte word `c`? (Its bytes compared: a token starts and ends at
/// char boundaries, so no `str` slice is needed.)
fn is_char(text: &str, s: &Analysed, i: usize, c: u8) -> bool {
    s.tokens.get(i).is_some_and(|t| {
        t.span.end == t.span.start + 1 && text.as_bytes().get(t.span.start) == Some(&c)
    })
}

/// An argument: the actor mention it came from (if any) and the entity.
type Arg = (Option<usize>, EntityId);

/// What the relation stage remembers across the sentences of a document.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    last_source: Option<EntityId>,
    state_counts: Vec<(EntityId, u32)>,
}

impl DocState {
    pub(crate) fn count(&mut self, lex: &Lexicon, actors: &[Actor]) {
        for a in actors {
            if a.media || matches!(a.referent, Referent::Pronoun(_)) {
                continue;
            }
            for e in &a.entities {
                // a state counted before, by the same allocation (most ids are clones of
                // the lexicon's): no need to ask the lexicon again
                if let Some((_, c)) = self
                    .state_counts
                    .iter_mut()
                    .find(|(id, _)| std::ptr::eq(id.as_str(), e.as_str()))
                {
                    *c += 1;
                    continue;
                }
                if lex.entity(e).is_some_and(|x| x.kind == EntityKind::Country) {
                    match self.state_counts.iter_mut().find(|(id, _)| id == e) {
                        Some((_, c)) => *c += 1,
                        None => {
                            // a first state: room for a few at once (no growing from 0)
                            if self.state_counts.capacity() == 0 {
                                self.state_counts = Vec::with_capacity(8);
                            }
                            self.state_counts.push((e.clone(), 1));
                        }
                    }
                }
            }
        }
    }
}

const DETS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "any", "new",
    "fresh", "further", "renewed", "first", "latest", "possible",
];
const PREPS: &[&str] = &[
    "in",
    "at",
    "into",
    "from",
    "to",
    "for",
    "on",
    "against",
    "with",
    "of",
    "over",
    "near",
    "across",
    "inside",
    "within",
    "toward",
    "towards",
    "by",
    "about",
    "between",
    "among",
    "during",
    "under",
    "through",
    "throughout",
    "via",
    "than",
    "like",
    "including",
    "outside",
    "beyond",
    "behind",
    "around",
    "upon",
    "onto",
    "amid",
    "despite",
];
const CLAUSE: &[&str] = &[
    "that", "which", "who", "whom", "whose", "said", "says", "but", "while", "because", "although",
    "though", "whereas", "where", "when", "if", "unless",
];
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "insisted",
    "explained",
    "noted",
    "wrote",
    "tweeted",
    "reported",
];
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten", "remain",
    "remains", "remained",
];
const PARTICIPLES: &[&str] = &[
    "held",
    "struck",
    "fought",
    "sent",
    "shot",
    "hit",
    "cut",
    "met",
    "built",
    "bound",
    "kept",
    "left",
    "put",
    "set",
    "told",
    "won",
    "led",
    "fed",
    "spread",
    "dealt",
    "paid",
    "laid",
    "caught",
    "bought",
    "sought",
    "brought",
    "hurt",
    "slain",
    "kicked out",
    "thrown",
    "freed",
];
const QUANTITIES: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "millions",
    "scores",
    "some",
    "many",
    "most",
    "several",
    "members",
    "member",
    "supporters",
    "group",
    "groups",
    "number",
    "majority",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "all",
    "part",
    "units",
    "unit",
    "contingent",
    "delegation",
    "team",
    "leaders",
    "leader",
    "inhabitants",
    "residents",
    "citizens",
    "people",
    "nationals",
    "natives",
];
/// How far (in tokens) the search for a trigger's arguments reaches: clause-level
/// analysis needs no more, and it keeps a pathological one-sentence text linear.
const WINDOW: usize = 60;

/// The most actors a coordinated list (`Mali, Niger and Burkina Faso`) may hold.
const MAX_LIST: usize = 12;

/// Verbs that take an event noun as object (`provide aid`, `impose a curfew`).
const LIGHT_VERBS: &[&str] = &[
    "provide",
    "provides",
    "provided",
    "providing",
    "give",
    "gives",
    "gave",
    "given",
    "send",
    "sends",
    "sent",
    "deliver",
    "delivers",
    "delivered",
    "offer",
    "offers",
    "offered",
    "hold",
    "holds",
    "held",
    "impose",
    "imposes",
    "imposed",
    "imposing",
    "launch",
    "launches",
    "launched",
    "stage",
    "staged",
    "stages",
    "issue",
    "issued",
    "issues",
    "make",
    "made",
    "extend",
    "extended",
    "extends",
    "announce",
    "announced",
    "announces",
    "institute",
    "declare",
    "declared",
    "begin",
    "began",
    "begun",
    "start",
    "started",
    "continue",
    "continued",
    "renew",
    "renewed",
    "resume",
    "resumed",
    "undertake",
    "undertook",
    "conduct",
    "conducts",
    "conducted",
    "conducting",
    // (done to each other: `traded accusations`, `exchanged threats`)
    "exchange",
    "exchanged",
    "exchanging",
    "trade",
    "traded",
    "trading",
];
const AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "do", "be", "been", "not", "n't", "to",
    // (the halves of a contraction: `didn`, `'`, `t`)
    "t", "didn", "doesn", "don", "isn", "wasn", "aren", "weren", "hasn", "haven", "hadn", "couldn",
    "wouldn", "shouldn", "mustn",
];
const ADVERB_SKIP: &[&str] = &[
    "also",
    "reportedly",
    "allegedly",
    "now",
    "then",
    "already",
    "later",
    "recently",
    "again",
    "largely",
    "formally",
    "officially",
    "effectively",
    "finally",
    "quickly",
    "abruptly",
    "strongly",
    "repeatedly",
    "jointly",
    "publicly",
    "still",
    "just",
    "further",
    "once",
    "twice",
    "previously",
    "subsequently",
    "immediately",
    "unilaterally",
    "partially",
    "partly",
    "fully",
    "swiftly",
    "eventually",
    "successfully",
    "increasingly",
];

/// `Pakistan, a key U.S. ally in the war, has refused`: what opens an appositive.
const APPOSITION: &[&str] = &["a", "an", "the", "its", "another", "one"];
/// What makes a run of actors a list (`and`, `along with`, `as well as`).
const LINKS: &[&str] = &["and", "or", "along", "together", "well", "plus", "&"];
/// `along with`, `together with`.
const ALONG: &[&str] = &["along", "together"];
/// What may stand between two actors of a list.
const JOIN_GAP: &[&str] = &[
    "and",
    "or",
    ",",
    "along",
    "with",
    "together",
    "as",
    "well",
    "plus",
    "&",
    "neighboring",
    "neighbouring",
    "fellow",
    "its",
    "ally",
    "the",
    "both",
];
/// Determiners and adjectives skipped before an actor to find its preposition.
const BEFORE_ACTOR: &[&str] = &[
    "the",
    "a",
    "an",
    "neighboring",
    "neighbouring",
    "fellow",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "its",
    "their",
];
/// Words skipped before a quantity (`up to thousands of`, `more than 300 of`).
const BEFORE_QUANTITY: &[&str] = &[
    "of", "than", "the", "a", "up", "to", "more", "least", "at", "about", "some", "tens",
    "hundreds",
];
const RELATIVES: &[&str] = &["that", "which", "who"];
const WHICH_WHO: &[&str] = &["which", "who"];
const HAVE_DO: &[&str] = &["has", "have", "had", "did", "does"];
/// Punctuation that ends the search for an actor in the clause.
const QUOTE_STOPS: &[&str] = &[";", ":", "“", "”"];
/// More clause ends for [`Cx::any_in_clause`], besides [`QUOTE_STOPS`].
const CLAUSE_STOPS: &[&str] = &["\"", "(", "as"];
/// A new clause after a comma.
const COMMA_CLAUSE: &[&str] = &[
    "and", "but", "while", "as", "saying", "adding", "who", "which",
];
/// `met in Abuja`: prepositions of place.
const PLACE_PREPS: &[&str] = &["in", "at", "near", "outside", "into"];
/// `arresting 12,` counts people; `13,703.9 billion yen` does not.
const UNITS: &[&str] = &[
    "billion",
    "million",
    "trillion",
    "percent",
    "per",
    "%",
    "yen",
    "dollars",
    "euros",
    "pounds",
    "tons",
    "tonnes",
    "barrels",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "years",
    "months",
    "days",
    "hours",
    "weeks",
    "times",
    "points",
    "shares",
    "cents",
];
/// People as the object of a domestic act (`detained activists`).
const PEOPLE: &[&str] = &[
    "people",
    "civilians",
    "opponents",
    "protesters",
    "demonstrators",
    "activists",
    "journalists",
    "students",
    "members",
    "supporters",
    "leaders",
    "soldiers",
    "villagers",
    "dozens",
    "hundreds",
    "thousands",
];
/// People named by what they did to others (`the kidnappers of two French reporters`,
/// `their captors`): who they did it to is no actor of theirs.
const AGENTS: &[&str] = &[
    "kidnappers",
    "kidnapper",
    "captors",
    "captor",
    "abductors",
    "abductor",
    "hostage-takers",
    "killers",
    "killer",
    "attackers",
    "attacker",
    "assailants",
    "assailant",
    "assassins",
    "assassin",
    "murderers",
    "murderer",
    "hijackers",
    "hijacker",
    "jailers",
    "jailors",
    "torturers",
    "executioners",
];
/// People a state holds or represses at home (`detained a Tibetan monk`): with
/// [`PEOPLE`], the object of a domestic detention or repression.
const HELD: &[&str] = &[
    "dissidents",
    "dissident",
    "monks",
    "monk",
    "priests",
    "priest",
    "clerics",
    "cleric",
    "bloggers",
    "blogger",
    "lawyers",
    "lawyer",
    "politicians",
    "politician",
    "suspects",
    "suspect",
    "prisoners",
    "detainees",
    "critics",
    "critic",
    "lawmakers",
    "lawmaker",
    "candidates",
    "candidate",
    "journalist",
    "activist",
    "student",
    "leader",
    "opponent",
    "member",
];
/// People named by a noun alone, besides [`PEOPLE`], [`HELD`] and the sector nouns,
/// who are harmed in an attack (`a journalist was killed`, `two men were wounded`).
const VICTIMS: &[&str] = &[
    "person",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "boy",
    "boys",
    "girl",
    "girls",
    "soldier",
    "policeman",
    "policemen",
    "officer",
    "officers",
    "civilian",
    "worker",
    "workers",
    "tourist",
    "tourists",
    "official",
    "officials",
    "reporter",
    "reporters",
    "guard",
    "guards",
    "pilgrims",
    "passengers",
    "bystanders",
];
/// Verbs, besides [`SPEECH`], that introduce a clause someone said.
const CLAUSE_VERBS: &[&str] = &[
    "reiterated",
    "concluded",
    "stressed",
    "urged",
    "argued",
    "believes",
    "believe",
    "thinks",
];
const TO_THAN: &[&str] = &["to", "than"];
/// Things released by publishing them (`released a video`, `a survey released by`).
const PUBLISHED: &[&str] = &[
    "statement",
    "statements",
    "report",
    "reports",
    "video",
    "videos",
    "footage",
    "tape",
    "tapes",
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "image",
    "images",
    "audio",
    "recording",
    "recordings",
    "names",
    "figures",
    "data",
    "details",
    "survey",
    "results",
    "findings",
    "budget",
    "document",
    "documents",
    "list",
    "transcript",
    "letter",
    "book",
    "album",
    "film",
    "information",
    "map",
    "maps",
    "estimate",
    "estimates",
    "poll",
    "study",
    "text",
    "communique",
    "communiqué",
];
/// What a state proposes or holds, which words, not arms, attack (`attacked a German
/// proposal`).
const STANCES: &[&str] = &[
    "proposal",
    "proposals",
    "plan",
    "plans",
    "idea",
    "ideas",
    "bill",
    "motion",
    "resolution",
    "policy",
    "policies",
    "decision",
    "draft",
    "stance",
    "initiative",
    "scheme",
    "remarks",
    "comments",
    "claims",
];
/// Accidents and disasters, which kill without an attacker (`floods killed`, `killed in a
/// bus crash`).
const DISASTERS: &[&str] = &[
    "flood",
    "floods",
    "flooding",
    "earthquake",
    "earthquakes",
    "quake",
    "quakes",
    "crash",
    "crashes",
    "accident",
    "accidents",
    "collision",
    "storm",
    "storms",
    "typhoon",
    "hurricane",
    "cyclone",
    "landslide",
    "landslides",
    "mudslide",
    "avalanche",
    "tsunami",
    "heatwave",
    "wildfire",
    "wildfires",
    "epidemic",
    "outbreak",
    "disease",
];
/// Verbs of ordering someone to go (`ordered ... to leave`); asking is a demand.
const ORDERS: &[&str] = &[
    "order",
    "orders",
    "ordered",
    "ordering",
    "tell",
    "tells",
    "told",
    "telling",
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "instruct",
    "instructs",
    "instructed",
];
/// Places an army takes (`captured the town of`, `seized part of a stronghold`).
const TERRITORY: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "territory",
    "territories",
    "area",
    "areas",
    "region",
    "province",
    "district",
    "stronghold",
    "strongholds",
    "base",
    "bases",
    "airport",
    "airbase",
    "outpost",
    "outposts",
    "positions",
    "hill",
    "hills",
    "island",
    "islands",
    "enclave",
    "crossing",
    "crossings",
    "checkpoint",
    "checkpoints",
];
const AND_OR_TO: &[&str] = &["and", "or", "to"];
/// Prepositions that end a `PREP X` phrase before its actor.
const PREP_STOPS: &[&str] = &[
    "to", "by", "against", "with", "on", "from", "in", "after", "for",
];
/// Words that end the modality search leftwards (besides [`PUNCT_STOPS`]).
const MODAL_STOPS: &[&str] = &["that", "which", "who", "but"];
const PUNCT_STOPS: &[&str] = &[",", ";", ":", "—", "(", "."];
/// `he alleged that ...`: what follows is alleged.
const CLAIMS: &[&str] = &["alleged", "claimed", "claims", "alleges", "alleging"];
const ACCUSES: &[&str] = &["accused", "accusing", "accuses"];
/// Words before a trigger that make it a noun (matched case-sensitively).
const NOUN_MODIFIERS: &[&str] = &[
    "no",
    "of",
    "military",
    "economic",
    "humanitarian",
    "diplomatic",
    "security",
    "joint",
    "western",
    "international",
    "new",
];
/// Modality words (the lists are disjoint: each word has one reading).
/// Words that deny what follows, or stop it happening (`to avert a clash`, `prevented the
/// demonstration`).
const NEGATORS: &[&str] = &[
    "not",
    "n't",
    // (`didn't` is tokenized `didn`, `'`, `t`: the `t` after an apostrophe)
    "t",
    "never",
    "neither",
    "nor",
    "without",
    "refused",
    "refuses",
    "refuse",
    "declined",
    "declines",
    "failed",
    "fails",
    "denied",
    "denies",
    "cannot",
    "avert",
    "averts",
    "averted",
    "averting",
    "avoid",
    "avoids",
    "avoided",
    "avoiding",
    "prevent",
    "prevents",
    "prevented",
    "preventing",
];
const FUTURE: &[&str] = &["will", "'ll", "shall", "would", "wo"];
/// Future only with a `to` before the trigger (`plans to`, `vowed to`).
const INTENT: &[&str] = &[
    "going",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "expected",
    "set",
    "ready",
    "prepared",
    "willing",
    "vowed",
    "vows",
    "vow",
    "sworn",
    "swore",
    "swear",
    "swears",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "agreed",
    "agrees",
    "offered",
    "offers",
    "threatened",
    "threatens",
    "decided",
    "decides",
    "seeks",
    "sought",
    "wants",
    "hopes",
    "able",
    "committed",
    "willingness",
    "readiness",
    "determination",
    "intention",
    "desire",
    "determined",
    "proposed",
    "proposes",
];
const HYPOTHETICAL: &[&str] = &[
    "could",
    "can",
    "might",
    "may",
    "if",
    "unless",
    "should",
    "considering",
    "consider",
    "considers",
    "mulling",
];
/// Verbs (stems) that take the adverb `back`: `took back`, `came back`, `fought back`.
const TAKES_BACK: &[&str] = &[
    "take", "took", "come", "came", "go", "went", "gone", "send", "sent", "bring", "brought",
    "get", "got", "win", "won", "claw", "roll", "push", "pull", "drive", "drove", "driven",
    "fight", "fought", "hit", "strike", "struck", "arriv", "return", "fly", "flew", "flown",
    "turn", "hold", "held", "pay", "paid", "call", "look", "step", "fall", "fell", "give", "gave",
    "move", "head", "scale", "hand", "play", "cut", "set", "date", "trac", "wound", "stay", "kept",
    "keep", "stand", "talk", "answer", "report", "writ", "wrote", "ship",
];
/// Words after `back` that show it is no verb: `back home`, `back control`.
const NOT_BACKED: &[&str] = &[
    "home", "control", "power", "again", "down", "up", "off", "out", "away", "here", "there",
    "then", "later", "and",
];
/// Hypothetical only with a `to` before the trigger: an act tried, sought or judged
/// unlikely has not happened (`tried to`, `attempted to`, `its bid to join`, `unlikely
/// to attack`, `on track to join`).
const TRYING: &[&str] = &[
    "trying",
    "tries",
    "tried",
    "try",
    "attempt",
    "attempts",
    "attempted",
    "attempting",
    "bid",
    "bids",
    "seeking",
    "seek",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "apply",
    "applies",
    "applied",
    "applying",
    "unlikely",
    "likely",
    "want",
    "wanted",
    "wanting",
    "hope",
    "hoped",
    "hoping",
    "struggling",
    "struggled",
    "struggles",
    "track",
    "effort",
    "efforts",
    "eager",
    "keen",
];
const ALLEGEDLY: &[&str] = &["allegedly", "reportedly", "purportedly", "supposedly"];
/// Alleged when close before a noun (`alleged attack`).
const ALLEGED: &[&str] = &["alleged", "suspected"];

/// Extracts the relations of one analysed sentence.
pub(crate) fn sentence(
    lex: &Lexicon,
    text: &str,
    s: &Analysed,
    published: Option<Date>,
    state: &mut DocState,
    out: &mut Vec<Assertion>,
) {
    let triggers = || {
        s.items.iter().filter_map(|(a, b, it)| match it {
            Item::Trigger(rows) => Some((*a, *b, rows)),
            _ => None,
        })
    };
    // every assertion needs a usable actor of this sentence: its source or target comes
    // from one (even a source taken from the document state needs a target here)
    if triggers().next().is_none() || !s.actors.iter().any(|a| !a.media && !a.entities.is_empty()) {
        return;
    }
    let mut cx = Cx::new(lex, text, s);
    // dates are looked for once, and only in sentences that assert something
    let mut found_dates: Option<Vec<dates::Found>> = None;
    // the speaker is looked for when the first assertion is made
    let mut speaker: Option<Option<EntityId>> = None;
    // choose each trigger's rule: a noun reading after a determiner, else a verb
    let chosen: Vec<(usize, usize, &crate::lexicon::Trigger)> = triggers()
        .filter(|(t0, t1, _)| !cx.inside_actor(*t0, *t1))
        .filter_map(|(t0, t1, rows)| {
            // (a trigger with noun rules only chooses among them, below)
            let noun_ctx = !rows
                .iter()
                .all(|&r| lex.triggers[r].pos == TriggerPos::Noun)
                && (cx.noun_context(t0)
                    // `talks on sanctions`, `called for sanctions`, `with support from`:
                    // after a preposition, the noun (an infinitive follows `to`)
                    || t0 > 0
                        && cx.has(t0 - 1, class::PREPS)
                        && !cx.has(t0 - 1, class::TO_THAN)
                        && !cx.w(t0).ends_with("ing")
                    // `on spying charges`, `over terrorism attacks`: a plural after a
                    // preposition and a lower-case modifier (not a gerund's object, `for
                    // defying sanctions`, nor `in turn backs`)
                    || t1 == t0 + 1
                        && t0 > 1
                        && cx.w(t0).ends_with('s')
                        && cx.has(t0 - 2, class::PREPS)
                        && !cx.has(t0 - 2, class::TO_THAN)
                        && s.tokens[t0 - 1].kind == TokenKind::Word
                        && cx.w(t0 - 1).starts_with(char::is_lowercase)
                        && !cx.has(t0 - 1, class::AUX | class::DETS)
                        && (!cx.w(t0 - 1).ends_with("ing") || cx.is(t0 - 2, "on"))
                        && !cx.is(t0 - 1, "turn"));
            // a verb form after a determiner (`the visit`) is a noun with no rule of its own;
            // of the verb rules sharing a form, the first whose condition holds
            // (`suspended` + aid, else `suspended` + a treaty)
            let fits = |r: &&crate::lexicon::Trigger| (r.pos == TriggerPos::Noun) == noun_ctx;
            let mut fitting = rows.iter().map(|&r| &lex.triggers[r]).filter(fits);
            let holds = |r: &crate::lexicon::Trigger| {
                cx.object_noun_ok(t0, t1, r)
                    && cx.target_kind_ok(t0, t1, r)
                    && cx.particle_ok(t1, r)
            };
            match fitting.next() {
                Some(r) if r.pos == TriggerPos::Noun || holds(r) => Some(r),
                // (all verb rules: the first failed its condition)
                Some(_) => fitting.find(|r| holds(r)),
                None if noun_ctx => None,
                // of noun rules sharing a form, the first whose frame names its target
                // after a preposition (`military drills with Belarus` are cooperation,
                // `military drills around Taiwan` a show of force), else the first
                None if rows.len() > 1 => rows
                    .iter()
                    .map(|&r| &lex.triggers[r])
                    .find(|n| cx.prep_target(t1, n))
                    .or_else(|| rows.first().map(|&r| &lex.triggers[r])),
                None => rows.first().map(|&r| &lex.triggers[r]),
            }
            .map(|r| (t0, t1, r))
        })
        // `a heavily armed minority`, `loyal to ousted President Aristide`: a participle
        // used as an adjective; `an appeal for deploying troops`: a gerund after a
        // preposition has no subject of its own, nor has the infinitive after one
        // (`criticized the US for trying to deny`)
        .filter(|(t0, t1, r)| {
            r.pos == TriggerPos::Noun
                || !(*t0 >= 2 && cx.w(t0 - 1).ends_with("ly") && cx.has(t0 - 2, class::DETS)
                    || *t0 >= 1 && cx.has(t0 - 1, class::PREPS) && cx.w(*t0).ends_with("ing")
                    || *t0 >= 1
                        && *t1 == t0 + 1
                        && cx.w(*t0).ends_with("ed")
                        && cx.has(t0 - 1, class::PREPS)
                        && !cx.is(t0 - 1, "by")
                        && s.tokens.get(*t1).is_some_and(|t| t.kind == TokenKind::Word)
                    || cx.infinitive_after_gerund(*t0))
        })
        // `The United States beat Brazil 2-1`: a score makes it a game
        .filter(|(t0, t1, r)| {
            !(r.kind == RelationKind::Attack
                && r.pos == TriggerPos::Verb
                && cx.begins(*t0, b"beat")
                && (*t1..(t1 + 6).min(s.tokens.len())).any(|j| {
                    let w = cx.bytes(j);
                    w.first().is_some_and(u8::is_ascii_digit)
                        && w.contains(&b'-')
                        && w.last().is_some_and(u8::is_ascii_digit)
                }))
        })
        // `Kick him out.`, `Stop the war now`: a bare verb that opens the sentence,
        // followed by a lower-case word, is a command, no act (a headline's verb has
        // its subject before it, and a title-case headline has no lower-case word)
        .filter(|(t0, t1, r)| {
            !(r.pos == TriggerPos::Verb
                && s.tokens[..*t0].iter().all(|t| t.kind != TokenKind::Word)
                && !lower_ends_with(cx.w(*t0), &["s", "ed", "ing", "en"])
                && s.tokens.get(*t1).is_some_and(|t| t.kind == TokenKind::Word)
                && cx.w(*t1).starts_with(char::is_lowercase))
        })
        // `Ivorian exports still blocked`: a passive of blocking is no protest by anyone
        .filter(|(t0, t1, r)| {
            !(r.kind == RelationKind::Protest
                && r.pos == TriggerPos::Verb
                && cx.begins(*t0, b"block")
                && (cx.is_passive(*t0, *t1)
                    || t0 + 1 == *t1 && (*t1 >= s.tokens.len() || cx.has(*t1, class::PUNCT_STOPS))))
        })
        // `demonstrating Russia's new clout`, `demonstrated its resolve`, `demonstrated
        // that`: `demonstrate` with an object shows something; the protest has none
        .filter(|(t0, t1, r)| {
            !(r.kind == RelationKind::Protest
                && r.pos == TriggerPos::Verb
                && *t1 == t0 + 1
                && cx.begins(*t0, b"demonstra")
                && (cx.has(*t1, class::DETS)
                    || cx
                        .toks
                        .get(*t1)
                        .and_then(|t| t.start)
                        .is_some_and(|k| s.actors[k].possessive)))
        })
        // `visa free travel`, `a violence free protest`: `free` after a word that is no
        // auxiliary, `to`, adverb or pronoun is an adjective (`will free`, `to free`,
        // `they free` are verbs)
        .filter(|(t0, t1, r)| {
            !(r.pos == TriggerPos::Verb
                && *t1 == t0 + 1
                && *t0 > 0
                && cx.is(*t0, "free")
                && s.tokens[t0 - 1].kind == TokenKind::Word
                && cx.w(t0 - 1).starts_with(char::is_lowercase)
                && !cx.has(
                    t0 - 1,
                    class::AUX | class::ADVERB_SKIP | class::LY | class::AND_OR_TO,
                )
                && ![
                    "they",
                    "we",
                    "i",
                    "you",
                    "who",
                    "soon",
                    "never",
                    "eventually",
                ]
                .iter()
                .any(|w| cx.is(t0 - 1, w)))
        })
        // `leave`: `Colin Powell, left, shakes hands` is a caption; `leaves the region
        // open to`, `left 10 dead`, `leaves the country with no end` put something in a
        // state, and leave no place; nor does a passive
        .filter(|(t0, t1, r)| {
            let leave = r.kind == RelationKind::Withdrawal
                && r.pos == TriggerPos::Verb
                && *t1 == t0 + 1
                && (cx.bytes(*t0).eq_ignore_ascii_case(b"left") || cx.begins(*t0, b"leav"));
            if !leave {
                return true;
            }
            let caption = *t0 > 0
                && (cx.is_char(t0 - 1, b',') || cx.is_char(t0 - 1, b'('))
                && (cx.is_char(*t1, b',') || cx.is_char(*t1, b')'));
            let state = (*t1..(t1 + 6).min(s.tokens.len()))
                .take_while(|&j| !cx.has(j, class::PUNCT_STOPS))
                .any(|j| {
                    [
                        "open",
                        "vulnerable",
                        "exposed",
                        "alone",
                        "mercy",
                        "rot",
                        "stranded",
                        "homeless",
                        "dead",
                        "injured",
                        "wounded",
                        "unclear",
                        "intact",
                    ]
                    .iter()
                    .any(|w| cx.is(j, w))
                        || cx.is(j, "with")
                            && ["no", "less", "more", "little", "few", "even", "only"]
                                .iter()
                                .any(|w| cx.is(j + 1, w))
                });
            // (`Mounties left in dark by U.S.`: what is left is no one leaving; `leaves it
            // with control over`: a pronoun put in a state)
            let pronoun_with = ["it", "them", "him", "her", "us"]
                .iter()
                .any(|w| cx.is(*t1, w))
                && cx.is(t1 + 1, "with");
            // (`earthquakes kill 23, leave thousands in shelters`: people left somewhere
            // are put there; one leaves a place)
            let people = cx.toks.get(*t1).is_some_and(|t| t.start.is_none())
                && (cx.has(*t1, class::PEOPLE) || cx.head_count(*t1));
            !(caption || state || pronoun_with || people || cx.is_passive(*t0, *t1))
        })
        // `taken back`, `came back from`, `take their citizens back`: the adverb
        .filter(|(t0, t1, r)| r.pos == TriggerPos::Noun || *t1 != t0 + 1 || !cx.adverb_back(*t0))
        // `a Turkish attack`, `chemical attacks`, `Iraqi attacks kill`: a present verb
        // form right after an adjective is a noun
        // (`financial sanctions against X` keeps its reading: it has no noun rule)
        .filter(|(t0, _, r)| {
            r.pos == TriggerPos::Noun
                || r.kind == RelationKind::Sanctions
                || !cx.after_adjective(*t0)
        })
        // `pressure from the Kremlin`, `support from Iran`, `under attack`: a noun, whose
        // actor after `from` is its agent, not the verb's object (`deployed from`, a
        // participle, stays a verb)
        .filter(|(t0, t1, r)| {
            r.pos == TriggerPos::Noun
                || !(cx.is(*t1, "from")
                    && !cx.w(t1 - 1).ends_with("ed")
                    && !r
                        .target
                        .iter()
                        .chain(&r.source)
                        .any(|s| matches!(s, Slot::Prep(p) if p == "from"))
                    || *t0 > 0 && cx.is(t0 - 1, "under"))
        })
        // `United States-backed fighters`, `UN-brokered deal`: part of a compound modifier
        .filter(|(t0, _, _)| {
            !(*t0 > 0
                && cx.is_char(t0 - 1, b'-')
                && cx.s.tokens[t0 - 1].span.end == cx.s.tokens[*t0].span.start)
        })
        .collect();
    for &(_, t1, r) in &chosen {
        if r.pos == TriggerPos::Verb && t1 <= cx.toks.len() {
            cx.toks[t1 - 1].verb_end = true;
            cx.toks[t1 - 1].reacts_end = reacts_to(r.kind);
        }
    }
    if chosen.is_empty() {
        return;
    }
    // the coordinated groups are needed only from here on
    cx.groups = cx.compute_groups();
    let cx = cx;
    for &(t0, t1, rule) in &chosen {
        // `he alleged that the US had accused Niger`: a verb of saying whose clause holds
        // a trigger of its own is the frame of that event, not an event
        if rule.pos == TriggerPos::Verb
            && rule.kind == RelationKind::Accusation
            && cx.w(t1 - 1).eq_ignore_ascii_case("that")
            && chosen
                .iter()
                .any(|(v0, _, r)| r.pos == TriggerPos::Verb && *v0 > t1 && *v0 <= t1 + 10)
        {
            continue;
        }
        // `demanded that its partners refuse to recognise`, `urged Israel to ease the
        // blockade`, `Libya must hand over`, `threatened to expel`, `agreed to withdraw`,
        // `refused to recognise`: an act that is asked for, threatened, promised or
        // refused has not happened; PLOVER codes the demand, threat, pledge or refusal
        if rule.pos == TriggerPos::Verb
            && chosen.iter().any(|&(_, d1, d)| {
                // (a demand noun projects its `that` clause: `its demand that Israel
                // ease restrictions`, the `that` in the form or just after it)
                (d.pos == TriggerPos::Verb
                    || d.kind == RelationKind::Demand
                        && (d1.saturating_sub(1)..d1 + 3).any(|j| cx.has(j, class::THAT))
                    // (`Turkey's threat to invade`, `its pledge to withdraw`: a noun
                    // projects the infinitive right after it)
                    || t0 == d1 + 1 && cx.has(d1, class::TO))
                    && cx.projected_act(d.kind, d1, t0)
            })
        {
            continue;
        }
        // `demonstrated in Kirkuk calling for independence`, `began a hunger strike to
        // demand the return of their land`: what a protest demands is its cause, and
        // PLOVER codes the protest alone
        if rule.pos == TriggerPos::Verb
            && rule.kind == RelationKind::Demand
            && (cx.w(t0).ends_with("ing") || t0 > 0 && cx.has(t0 - 1, class::TO))
            && chosen
                .iter()
                .any(|&(_, p1, p)| p.kind == RelationKind::Protest && p1 <= t0 && t0 - p1 <= 12)
        {
            continue;
        }
        // a noun that is the object of a trigger verb just before it (`signed new
        // security agreements`, `renounced the grain deal`) belongs to that verb
        if rule.pos == TriggerPos::Noun
            && chosen.iter().any(|(v0, v1, r)| {
                r.pos == TriggerPos::Verb
                    && ((*v1 <= t0 && t0 - *v1 <= 4 && objects_of(r.kind, rule.kind))
                        || (rule.kind == RelationKind::AgreementSigned
                            && r.kind == RelationKind::AgreementEnded
                            && *v0 > t0
                            && *v0 - t0 <= 8))
            })
        {
            continue;
        }
        // `negotiations on an Israeli troop pullback`, `talks about sanctions`,
        // `discussed the withdrawal`: the topic of talks has not happened
        if rule.pos == TriggerPos::Noun
            && chosen.iter().any(|&(_, v1, r)| {
                r.kind == RelationKind::Talks
                    && v1 <= t0
                    && t0 - v1 <= 6
                    && ((v1..t0).any(|j| cx.is(j, "on") || cx.is(j, "over") || cx.is(j, "about"))
                        || r.pos == TriggerPos::Verb && t0 - v1 <= 2)
            })
        {
            continue;
        }
        // `recalled its ambassador in protest`, `resigned in protest`: the manner of
        // another act (`in protest at/against X` names a protest of its own)
        if rule.pos == TriggerPos::Noun
            && rule.kind == RelationKind::Protest
            && t0 > 0
            && cx.is(t0 - 1, "in")
            && !(cx.is(t1, "at") || cx.is(t1, "against") || cx.is(t1, "over"))
        {
            continue;
        }
        // (`Chinese engineers kidnapped in Pakistan`, `Three Iraqis killed in bomb
        // attack`: a headline's reduced passive of a verb of harm)
        // `Afghans expelled from Pakistan`, `mercenaries accused of plotting a coup`: the
        // noun phrase right before is the expelled or accused
        let named_before_passive = matches!(
            rule.kind,
            RelationKind::Expulsion | RelationKind::Accusation
        ) && rule.pos == TriggerPos::Verb
            && cx.participle_from_or_of(t0, t1, rule.kind)
            && !cx.is_passive(t0, t1);
        // (`two French reporters still held hostage in Iraq`: the words together are
        // a passive, the active holds someone hostage)
        let held_hostage = t1 == t0 + 2
            && (cx.is(t0, "held") || cx.is(t0, "taken"))
            && (cx.is(t0 + 1, "hostage") || cx.is(t0 + 1, "captive"));
        let passive = rule.pos == TriggerPos::Verb
            && (cx.is_passive(t0, t1)
                || held_hostage
                || matches!(rule.kind, RelationKind::Attack | RelationKind::Detention)
                    && cx.reduced_passive(t0, t1)
                || named_before_passive);
        // `floods killed 40 people`, `the worst flooding in a century killed`, `killed
        // in a bus crash`: no attack (a disaster noun heads the subject: no actor and no
        // punctuation between it and the verb)
        if rule.kind == RelationKind::Attack
            && rule.pos == TriggerPos::Verb
            && (t0 > 0 && cx.has(t0 - 1, class::DISASTERS)
                || (t0.saturating_sub(6)..t0)
                    .rev()
                    .take_while(|&j| !cx.has(j, class::PUNCT_STOPS) && cx.ending(j + 1).is_none())
                    .any(|j| cx.has(j, class::DISASTERS))
                // (`An earthquake rocked Taiwan, injuring several people`: a participle
                // after a comma has the sentence's subject, here a disaster named before
                // any actor)
                || cx.w(t0).ends_with("ing")
                    && (t0.saturating_sub(12)..t0).any(|j| cx.is_char(j, b','))
                    && (0..s.actors.first().map_or(0, |a| a.t0).min(6))
                        .any(|j| cx.has(j, class::DISASTERS))
                // (`Bus Crash Kills Seven, Injures 24`, `quakes killed 23 people and
                // injured 900`: a second verb of the same subject, after `and` or a comma)
                || (t0.saturating_sub(14)..t0)
                    .rev()
                    .take_while(|&j| cx.ending(j + 1).is_none() && !cx.is_char(j, b'.'))
                    .any(|j| {
                        cx.has(j, class::DISASTERS)
                            && (j + 1..t0).any(|v| cx.is(v, "and") || cx.is_char(v, b','))
                            && (j + 1..t0).any(|v| cx.toks[v].verb_end)
                    })
                // (`killed in a fire`, `in a blaze`, not `in an exchange of fire`)
                || passive
                    && (t1..(t1 + 7).min(s.tokens.len()))
                        .take_while(|&j| !cx.has(j, class::PUNCT_STOPS))
                        .any(|j| {
                            cx.has(j, class::DISASTERS)
                                || cx.is(j, "coal")
                                || (cx.is(j, "fire") || cx.begins(j, b"blaze"))
                                    && cx.has(j - 1, class::DETS)
                        })
                // (`A bus ... collided with a truck, killing at least seven people`: a
                // participle after an accident's verb)
                || cx.w(t0).ends_with("ing")
                    && (t0.saturating_sub(20)..t0).any(|j| {
                        [
                            "collided",
                            "crashed",
                            "capsized",
                            "derailed",
                            "overturned",
                            "sank",
                        ]
                        .iter()
                        .any(|w| cx.is(j, w))
                    }))
        {
            continue;
        }
        // `released a video`, `a survey released by`, `the names were released`:
        // publishing, not freeing anyone (the thing is the object, or the subject of a
        // passive or participle)
        if rule.kind == RelationKind::Concession
            && rule.pos == TriggerPos::Verb
            && cx.begins(t0, b"releas")
            && ((t1..(t1 + 5).min(s.tokens.len()))
                .take_while(|&j| !cx.has(j, class::PUNCT_STOPS | class::PREPS))
                .any(|j| cx.has(j, class::PUBLISHED))
                || (t0.saturating_sub(4)..t0)
                    .rev()
                    .take_while(|&j| !cx.has(j, class::PUNCT_STOPS))
                    .any(|j| cx.has(j, class::PUBLISHED)))
        {
            continue;
        }
        let mut confidence: f32 = 0.9;
        // people held or repressed at home (`detained a Tibetan monk`)
        let held_kind = matches!(
            rule.kind,
            RelationKind::Detention | RelationKind::Repression
        );

        let source: Option<usize>;
        let target: Option<usize>;
        // `Mali ordered French troops to leave`, `gave the ambassador 72 hours to leave`
        let ordered_out = (rule.kind == RelationKind::Withdrawal && rule.pos == TriggerPos::Verb)
            .then(|| cx.ordered_to_leave(t0))
            .flatten();
        if let Some((giver, told)) = ordered_out {
            source = Some(giver);
            target = Some(told);
        } else if passive {
            // `Assad's regime, backed by Moscow`: a participle set off by a comma right
            // after an actor modifies that actor, whatever governs it (`a settlement with
            // Assad's regime, backed by Moscow`)
            let modified = (t0 >= 2 && cx.is_char(t0 - 1, b','))
                .then(|| cx.ending(t0 - 1))
                .flatten()
                .filter(|&k| cx.usable(k));
            // `A camp for Congolese refugees was attacked`: the actor inside the subject
            let subject = if named_before_passive {
                cx.ending(t0).filter(|&k| cx.usable(k))
            } else {
                modified.or_else(|| cx.subject(t0, rule.pos)).or_else(|| {
                    cx.actors_before(t0)
                        .find(|&k| cx.usable(k) && !cx.is_speaker(k))
                })
            };
            // (`Refugees expelled from Pakistan`: expelled, but no one named)
            if named_before_passive && subject.is_none() {
                continue;
            }
            // (`the meeting was cancelled`: talks have two sides, and which of them
            // called them off is not said)
            let talks_halted = rule.target.contains(&Slot::Needs(RelationKind::Talks));
            let agent = cx.prep(t1, "by", cx.members(None)).or_else(|| {
                // `Afghans expelled from Pakistan`, `Russia was expelled from the G8`,
                // `West Africans ordered out of Nigeria`: where they are expelled from
                // expels them
                (rule.kind == RelationKind::Expulsion)
                    .then(|| {
                        if cx.is(t1, "of") && t1 > 0 && cx.is(t1 - 1, "out") {
                            cx.prep(t1, "of", cx.members(None))
                        } else {
                            cx.prep(t1, "from", cx.members(None))
                        }
                    })
                    .flatten()
            });
            if talks_halted && agent.is_none() {
                continue;
            }
            if rule.target.contains(&Slot::Obj) {
                source = agent;
                // `was pledged to Somalia by the UAE`: the subject is a thing, the target
                // is in a prepositional phrase; `The agreement with France was ended`
                target = subject
                    .or_else(|| cx.fill(&rule.target, t0, t1, rule.pos, source, true))
                    .or_else(|| {
                        rule.target.iter().find_map(|slot| match slot {
                            Slot::Prep(p) => cx.prep_before(t0, p),
                            _ => None,
                        })
                    });
            } else {
                source = subject.or(agent);
                target = cx.fill(&rule.target, t0, t1, rule.pos, source, true);
            }
        } else {
            let found = cx.fill(&rule.source, t0, t1, rule.pos, None, false);
            // `holding the Isis fighters while withdrawing US troops from Syria`: forces
            // of a state, moved by no state or organisation named, are moved by their
            // own state
            let state_like = |k: usize| {
                s.actors[k].entities.iter().any(|e| {
                    lex.entity(e).is_some_and(|x| {
                        matches!(x.kind, EntityKind::Country | EntityKind::Organization)
                    })
                })
            };
            source = match (rule.kind, rule.pos) {
                (RelationKind::Deployment | RelationKind::Withdrawal, TriggerPos::Verb)
                    if found.is_none_or(|k| !state_like(k)) =>
                {
                    cx.object(t1)
                        .filter(|&o| {
                            s.actors[o].sector.as_deref() == Some("MIL")
                                && s.actors[o].entities.len() == 1
                                && state_like(o)
                        })
                        .or(found)
                }
                _ => found,
            };
            // `denounced the attack on its embassy`, `protested over the detention of a
            // businessman`: the subject of a verb that reacts to an event is not the
            // agent of the event its object names, who stays unnamed
            if rule.pos == TriggerPos::Noun
                && let Some(k) = source
                && s.actors[k].t1 <= t0
                && chosen.iter().any(|&(v0, _, r)| {
                    r.pos == TriggerPos::Verb
                        && reacts_to(r.kind)
                        && (s.actors[k].t1..t0).contains(&v0)
                })
                && source == cx.subject(t0, rule.pos)
                && cx.between(t1).is_none()
            {
                continue;
            }
            // `Putin offered to negotiate ... following the invasions of Dagestan`: an event
            // noun after a preposition of time (not `during`) is no act of the clause's
            // subject
            if rule.pos == TriggerPos::Noun
                && let Some(k) = source
                && s.actors[k].t1 <= t0
                && cx.after_time_prep(t0)
                && source == cx.subject(t0, rule.pos)
            {
                continue;
            }
            target = cx
                .fill(&rule.target, t0, t1, rule.pos, source, false)
                .or_else(|| {
                    // `demanded on Monday that Albania ...`, `its demand today that Israel
                    // ...`: a demand's that-clause past a time adverbial
                    (rule.kind == RelationKind::Demand && rule.target.contains(&Slot::Obj))
                        .then(|| cx.that_after_time(t1))
                        .flatten()
                        .and_then(|j| cx.object(j))
                        .filter(|&k| Some(k) != source)
                })
                // `condemned the sanctions imposed by the United States`: a reaction to
                // an act whose agent follows a participle reacts to that agent
                .or_else(|| {
                    (rule.pos == TriggerPos::Verb && reacts_to(rule.kind))
                        .then(|| cx.participle_agent(t1))
                        .flatten()
                        .filter(|&k| Some(k) != source)
                });
        }
        // `Border agents abused Mexican immigrants, a rights group charged on Saturday`:
        // an accusation said after what it accuses is made by the phrase right before
        // it, against the clause before the comma (none when that phrase names no one)
        let target = match (rule.kind, rule.pos) {
            (RelationKind::Accusation, TriggerPos::Verb)
                if !passive
                    && cx.clause_final(t1)
                    && let Some(c) = (t0.saturating_sub(8)..t0)
                        .rev()
                        .find(|&j| cx.is_char(j, b',')) =>
            {
                if !source.is_some_and(|k| s.actors[k].t0 > c && s.actors[k].t1 <= t0) {
                    continue;
                }
                (0..s.actors.len())
                    .take_while(|&a| s.actors[a].t1 <= c)
                    .find(|&a| cx.usable(a) && !cx.is_speaker(a))
            }
            _ => target,
        };
        // `police dispersed a protest against Israel`, `prevented the demonstration
        // staged by students ... to protest the sending of troops to Iraq`: a protest
        // broken up is the protesters', at home unless an agent of it is named; what
        // they protest is no target of the repression
        let protest_object = rule.kind == RelationKind::Repression
            && rule.pos == TriggerPos::Verb
            && chosen.iter().any(|&(n0, _, n)| {
                n.pos == TriggerPos::Noun
                    && n.kind == RelationKind::Protest
                    && n0 >= t1
                    && n0 <= t1 + 3
            });
        let target = if protest_object { None } else { target };
        let target_entities = cx.members(target);
        let mut sources: Vec<Arg> = source.map(|a| cx.args(a)).unwrap_or_default();
        // unnamed protesters (`hundreds of thousands of people`) act against their own
        // state's authorities or the named target: the first actor of the sentence
        // (`a sit-in outside the US embassy in Seoul`: the state of the place they protest
        // in, before the first actor named, who is then the target)
        let mut protested: Option<Arg> = None;
        if sources.is_empty()
            && rule.kind == RelationKind::Protest
            && let first = cx
                .actors_before(s.tokens.len())
                .last()
                .filter(|&k| cx.usable(k))
                .and_then(|k| s.actors[k].entities.first().map(|e| (Some(k), e.clone())))
            && let Some(e) = cx.scene(t0, t1).or_else(|| first.clone().map(|f| f.1))
        {
            // the protesters' own state, not the actor phrase (which may be the target)
            protested = first.filter(|f| f.1 != e && f.0.is_some_and(|k| s.actors[k].t0 >= t1));
            sources.push((None, e));
            confidence = 0.4;
        }
        let from_subject = !sources.is_empty();
        // asked only when no target was found, and then at most once
        let subject_noun_once = std::cell::OnceCell::new();
        let subject_noun = || {
            *subject_noun_once.get_or_init(|| {
                rule.pos == TriggerPos::Verb
                    || (source.is_some()
                        && source == cx.subject(t0, rule.pos)
                        && source.is_some_and(|k| {
                            s.actors[k].t1 < t0
                                && (cx.noun_context(t0)
                                    || (s.actors[k].t1..t0).any(|j| cx.has(j, class::LIGHT_VERBS)))
                        }))
            })
        };
        // `The government declared a state of emergency in Ethiopia`, `the army imposed a
        // curfew in Mandalay`: an authority named by a noun alone, of no state known yet,
        // coerces at home, in the state its target is in
        if sources.is_empty()
            && matches!(
                rule.kind,
                RelationKind::Repression | RelationKind::Detention
            )
            && !passive
            && let Some(k) = cx.bare_authority_before(t0)
            && let Some(e) = target
                .and_then(|t| cx.args(t).into_iter().next())
                .map(|(_, e)| e)
                .filter(|e| lex.entity(e).is_some_and(|x| x.kind == EntityKind::Country))
                // `police arrested 30 opposition supporters in Harare`, `In Harare,
                // police arrested ...`: the state of the place it happens in
                .or_else(|| cx.scene(t0, t1))
        {
            sources.push((Some(k), e));
            confidence = confidence.min(0.5);
        }
        let mut passive_scene = false;
        // `Five Palestinians were killed in an Israeli air strike in Gaza`, `wounded
        // during a Turkish raid`: a state right before an event noun after the passive
        // did it (before the place of the scene may be taken for the agent)
        let mut event_agent = false;
        if sources.is_empty()
            && passive
            && rule.kind == RelationKind::Attack
            && let Some(k) = cx.event_agent_after(t1)
            && !target_entities.contains(&s.actors[k].entities[0])
        {
            sources.push((Some(k), s.actors[k].entities[0].clone()));
            event_agent = true;
            confidence = 0.6;
        }
        // `Former Saddam deputy arrested in Iraq`, `an Australian engineer had been
        // abducted in Yemen by armed tribesmen`, `Six Iraqi guards wounded in Mosul`: a
        // passive detention or attack whose agent is no actor, by the state of the
        // place named after it (the victims' own state too)
        // (`A journalist was killed in a car bomb explosion in Beirut`, `Five people were
        // wounded in Kabul`: people of no state named, harmed by no one named, are of the
        // place too)
        if sources.is_empty()
            && passive
            && matches!(rule.kind, RelationKind::Detention | RelationKind::Attack)
            && let Some(k) = cx.scene_actor(t0, t1, false)
            // (with no victim named, no other actor between: `people detained during
            // Isis's reign in Syria`)
            && (!target_entities.is_empty()
                || cx.people_subject(t0)
                    && !s.items.iter().any(|(a, _, it)| {
                        (t1..s.actors[k].t0).contains(a) && matches!(it, Item::Entity(..))
                    }))
        {
            let e = s.actors[k].entities[0].clone();
            sources.push((None, e));
            passive_scene = true;
            confidence = 0.4;
        }
        // (`a resolution that aims to impose a blockade`: a subject named, no actor)
        if sources.is_empty()
            && !target_entities.is_empty()
            && governed(rule.kind)
            && !(rule.pos == TriggerPos::Verb
                && !passive
                && cx.relative_antecedent(t0) == Some(None))
        {
            // the governing actor of the context
            if let Some((i, e)) = cx.context_source(target_entities, t0) {
                sources.push((i, e));
            } else if let Some(e) = state
                .last_source
                .clone()
                .filter(|e| !target_entities.contains(e))
                .or_else(|| {
                    let mut counts = state.state_counts.clone();
                    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
                    counts
                        .into_iter()
                        .map(|(e, _)| e)
                        .find(|e| !target_entities.contains(e))
                })
            {
                sources.push((None, e));
            }
            confidence = 0.6;
        }
        // `A US national was put under investigation in Italy`: by the state of the place
        if sources.is_empty()
            && passive
            && rule.kind == RelationKind::Investigation
            && let Some(e) = cx.scene(t0, t1).filter(|e| !target_entities.contains(e))
        {
            sources.push((None, e));
            confidence = 0.5;
        }
        // `Three US servicemen were killed by a bomb outside the Iraqi city of Basra`:
        // an attack whose agent is no actor is coded to the place it happened
        if sources.is_empty()
            && passive
            && rule.kind == RelationKind::Attack
            && !target_entities.is_empty()
            && let Some(k) = (0..s.actors.len()).find(|&k| {
                cx.usable(k)
                    && s.actors[k].t0 > t1
                    && s.actors[k].t0 < t1 + WINDOW
                    // (`if it is attacked, Norway's foreign minister said`: the speaker is
                    // no place)
                    && !cx.is_speaker(k)
                    // (a place: `in`, `near`, `outside` ... at most two words before it;
                    // `killed when a suicide car bomber attacked a U.S. convoy` names no
                    // place)
                    && (s.actors[k].t0.saturating_sub(3)..s.actors[k].t0)
                        .any(|j| cx.has(j, class::PLACE_PREPS) || cx.is(j, "inside"))
                    && !s.actors[k]
                        .entities
                        .iter()
                        .any(|e| target_entities.contains(e))
            })
        {
            sources.push((Some(k), s.actors[k].entities[0].clone()));
            confidence = 0.4;
        }
        let mut scene_source = false;
        // `Rebels ambushed a convoy in northern Mali`, `a suicide bomber killed 20 people at
        // a mosque in Kabul`: armed men of no named group attack in the state of the place
        // named in the clause
        if sources.is_empty()
            && !passive
            && rule.kind == RelationKind::Attack
            && rule.pos == TriggerPos::Verb
            && cx.armed_subject(t0, true)
            && let Some(e) = cx.scene(t0, t1)
        {
            sources.push((None, e));
            scene_source = true;
            confidence = 0.4;
        }
        // `Tamil rebels ambushed a Sri Lankan army patrol`: rebels of no named state who
        // attack a state's forces, no place named, rise against that state at home
        let mut rebels_at_home = false;
        if sources.is_empty()
            && !passive
            && rule.kind == RelationKind::Attack
            && rule.pos == TriggerPos::Verb
            && cx.armed_subject(t0, false)
            && let Some(k) = target
                .filter(|&k| matches!(s.actors[k].sector.as_deref(), Some("MIL" | "POL" | "GOV")))
            && let [e] = s.actors[k].entities.as_slice()
            && lex.entity(e).is_some_and(|x| x.kind == EntityKind::Country)
        {
            sources.push((None, e.clone()));
            rebels_at_home = true;
            confidence = 0.4;
        }
        dedup_by_entity(&mut sources);
        let mut targets: Vec<Arg> = target.map(|t| cx.args(t)).unwrap_or_default();
        // `massed troops on the Syrian border`, `deployed tanks along the Polish
        // frontier`: forces moved to a state's border face that state (the border is no
        // actor: what happens there is not the state's doing)
        if targets.is_empty()
            && !passive
            && matches!(
                rule.kind,
                RelationKind::Mobilization | RelationKind::Deployment
            )
            && let Some(e) = cx.border_state(t1)
            && !sources.iter().any(|(_, src)| *src == e)
        {
            targets.push((None, e));
        }
        // (and, no one else named, the people of that state)
        if (scene_source || passive_scene) && targets.is_empty() {
            targets = sources.clone();
        }
        // (no victim named: the people of the place it happened in)
        if event_agent
            && targets.is_empty()
            && let Some(e) = cx
                .scene(t0, t1)
                .filter(|e| !sources.iter().any(|(_, src)| src == e))
        {
            targets.push((None, e));
        }
        if targets.is_empty()
            && let Some(p) = protested
        {
            targets.push(p);
        }
        let mut pairs: Vec<(Arg, Arg)> = Vec::new();
        // `talks between Serbia and Kosovo`, `a deal between X and Y`
        if rule.pos == TriggerPos::Noun
            && (rule.kind.is_symmetric() || rule.target.contains(&Slot::Prep("between".into())))
            && let Some(k) = cx.between(t1)
        {
            let members = cx.args(k);
            if members.len() >= 2 {
                // a mediator named as subject talks with each side
                // (`Qatar led mediation between Israel and Hamas`); one who reacts to
                // it does not (`Saudi Arabia welcomed the agreement between Iran and Iraq`)
                let reacted = source.is_some_and(|k| {
                    chosen.iter().any(|&(v0, _, r)| {
                        r.pos == TriggerPos::Verb
                            && reacts_to(r.kind)
                            && (s.actors[k].t1..t0).contains(&v0)
                    })
                });
                let mediator: Vec<Arg> = sources
                    .iter()
                    .filter(|(_, e)| !reacted && !members.iter().any(|(_, m)| m == e))
                    .cloned()
                    .collect();
                for m in &mediator {
                    for member in &members {
                        pairs.push((m.clone(), member.clone()));
                    }
                }
                sources = vec![members[0].clone()];
                targets = members[1..].to_vec();
            }
        }
        if targets.is_empty() {
            // an explicit coordinated subject right before the verb (`Israel and Lebanon
            // renewed talks`), not a pronoun's group and not a list far away
            let explicit = source.is_some_and(|k| {
                let a = &s.actors[k];
                let named_here = a
                    .entities
                    .iter()
                    .all(|e| s.actors[..k].iter().any(|b| b.entities.contains(e)));
                matches!(a.referent, Referent::Entity(_) | Referent::Pair) || named_here
            });
            // (acts done to each other: `China and Russia vetoed the resolution` is no
            // veto of Russia by China)
            // (an attack, pledge or concession is mutual only when its frame says `with`
            // or what follows says so: `X and Y exchanged fire`, `fought a war`, `fought
            // pitched battles`, `promised to work together`, `pledged to deepen
            // cooperation`, `agreed to boost trade`; `Malian troops and Wagner
            // fighters killed dozens of civilians` is no attack on each other)
            // `accused each other`, `expelled one another's diplomats`, `traded
            // accusations`, `exchanged threats`: each side did it to the other
            let reciprocal = (cx.is(t1, "each") && cx.is(t1 + 1, "other"))
                || (cx.is(t1, "one") && cx.is(t1 + 1, "another"))
                || (rule.pos == TriggerPos::Noun
                    && t0 > 0
                    && (cx.begins(t0 - 1, b"exchang") || cx.begins(t0 - 1, b"trad")))
                // `X and Y exchanged prisoners` (fire exchanged stays one fact)
                || (rule.pos == TriggerPos::Verb
                    && rule.kind != RelationKind::Attack
                    && (cx.begins(t0, b"exchang") || cx.begins(t0, b"swap")));
            let mutual = || {
                reciprocal
                    || rule.kind.is_symmetric()
                    || matches!(
                        rule.kind,
                        RelationKind::Attack | RelationKind::Pledge | RelationKind::Concession
                    ) && (rule
                        .target
                        .iter()
                        .any(|t| matches!(t, Slot::Prep(p) if p == "with"))
                        || cx.begins(t0, b"exchang")
                        || (t1..(t1 + 6).min(s.tokens.len())).any(|j| {
                            [
                                "war",
                                "battle",
                                "battles",
                                "together",
                                "other",
                                "another",
                                "cooperation",
                                "ties",
                                "relations",
                                "partnership",
                                "trade",
                            ]
                            .iter()
                            .any(|w| cx.is(j, w))
                        }))
            };
            let coordinated = sources.len() >= 2 && from_subject && subject_noun() && explicit;
            if coordinated && !mutual() {
                // no target named and none to guess
            } else if coordinated {
                // X and Y agreed / clashed / held talks: reciprocal
                for i in 0..sources.len() {
                    for j in i + 1..sources.len() {
                        pairs.push((sources[i].clone(), sources[j].clone()));
                        // (an act that has a direction, done by each to the other)
                        if reciprocal && !rule.kind.is_symmetric() {
                            pairs.push((sources[j].clone(), sources[i].clone()));
                        }
                    }
                }
                confidence = confidence.min(0.75);
            } else if let Some(src) = sources.first()
                // `we need to talk with the Turks`: a target that is the subject comes
                // before the trigger or not at all; a frame of `between` alone names both
                // sides or none (`the UN's failure to end the fighting in the area`)
                && !rule.target.iter().all(|t| {
                    matches!(t, Slot::Subj) || matches!(t, Slot::Prep(p) if p == "between")
                })
            {
                // no target in the frame: the first other actor after the trigger, else
                // for a sub-state actor (protesters, rebels, the opposition) its own state
                let first = src.0;
                // `Russia's invasion of Ukraine has killed thousands`: the subject is an
                // act (a noun trigger after the actor), whose own frame names its target;
                // the people it hit are not the actor's own
                let act_subject = first.is_some_and(|k| {
                    chosen.iter().any(|&(n0, _, n)| {
                        n.pos == TriggerPos::Noun && n0 >= s.actors[k].t1 && n0 < t0
                    })
                });
                // (both searches stand for nothing unless the subject is the noun's)
                // (a demand names whom it asks; only what it asks for, an act of its
                // own, may name its target: `called for sanctions against Guinea`)
                // (a participle set off by a comma modifies the noun before it, its
                // target: what follows its closing comma is the main clause's, `tribes,
                // backed by a US-led coalition, are fighting Isis`)
                let aside_end = (passive && t0 > 0 && cx.is_char(t0 - 1, b','))
                    .then(|| (t1..s.tokens.len()).find(|&j| cx.is_char(j, b',')))
                    .flatten();
                if subject_noun()
                    && !protest_object
                    && !cx.own_thing_object(t1)
                    && (rule.kind != RelationKind::Demand
                        || chosen.iter().any(|&(n0, _, n)| {
                            n.pos == TriggerPos::Noun && n0 >= t1 && n0 - t1 <= 3
                        }))
                    && let Some(k) =
                        cx.any_in_clause(t0, t1, first, rule.kind.is_symmetric(), held_kind)
                    && aside_end.is_none_or(|e| s.actors[k].t0 < e)
                    // (the forces a deployment or withdrawal moves are no target)
                    && !cx.forces_moved(rule.kind, k)
                {
                    for tgt in cx.args(k) {
                        pairs.push((src.clone(), tgt));
                    }
                    confidence = confidence.min(0.5);
                } else if subject_noun()
                    && !act_subject
                    && let Some(k) = cx.same_state_target(t1, first)
                    // (`deployed Russian troops`, `sent British troops into combat`:
                    // the forces moved are the actor's own, not a target)
                    && !cx.forces_moved(rule.kind, k)
                {
                    // `Kostunica promised to democratize Serbia`: the actor's own state,
                    // named after the trigger
                    pairs.push((src.clone(), (Some(k), src.1.clone())));
                    confidence = confidence.min(0.5);
                } else if rule.kind == RelationKind::Attack
                    && subject_noun()
                    && cx.people_follow(t1, false)
                    && let Some(k) = cx
                        .main_object(t0, &src.1)
                        .or_else(|| cx.place_before(t0, &src.1))
                {
                    // `planes bombed targets in Iraq, killing two people`: the people of
                    // the place named before, not of the attacker's state
                    for tgt in cx.args(k) {
                        pairs.push((src.clone(), tgt));
                    }
                    confidence = confidence.min(0.5);
                } else if matches!(rule.kind, RelationKind::Protest | RelationKind::Repression)
                    || subject_noun()
                        && !act_subject
                        && domestic(rule.kind)
                        && (first.is_some_and(|i| cx.sub_state(i))
                            || cx.people_follow(t1, held_kind))
                        // `refugees left their homes`, `leave the camps`: a withdrawal
                        // from a thing, not from a state
                        && !(rule.kind == RelationKind::Withdrawal
                            && rule.pos == TriggerPos::Verb
                            && cx.has(t1, class::DETS))
                    // `Sudan's government held talks with rebels`: a state's own rebels
                    || subject_noun() && !act_subject && cx.with_sub_state(t1)
                {
                    // only a state acts at home
                    for src in sources.iter().filter(|(_, e)| {
                        lex.entity(e).is_some_and(|x| x.kind == EntityKind::Country)
                    }) {
                        pairs.push((src.clone(), (None, src.1.clone())));
                    }
                    confidence = confidence.min(0.4);
                }
            }
        } else {
            for src in &sources {
                for tgt in &targets {
                    pairs.push((src.clone(), tgt.clone()));
                }
            }
        }
        // one actor phrase is both ends only of a symmetric act (`they had signed new
        // security agreements`) or as `the two countries` (`they beat me`, `they carried
        // out the airstrikes` were never right in the corpus)
        pairs.retain(|((a, _), (b, _))| {
            a.is_none()
                || a != b
                || rule.kind.is_symmetric()
                || a.is_some_and(|k| s.actors[k].referent == Referent::Pair)
        });
        // `=kind`: however the target was found, it must be such an entity, named as
        // itself (`joined NATO`, not `joined an African Union force`)
        for slot in &rule.target {
            if let Slot::TargetKind(kind) = *slot {
                pairs.retain(|(_, (k, e))| cx.kind_fits(*k, e, kind));
            }
        }
        if pairs.is_empty() {
            continue;
        }
        let mut modality = cx.modality(t0, rule.pos);
        // a stated future act: cooperation pledged, hostility threatened
        let mut kind = rule.kind;
        if modality == Modality::Future
            && let Some(k) = future_kind(kind)
        {
            kind = k;
            modality = Modality::Asserted;
        }
        // `may halt mediation`, `could impose sanctions`: a hostile act the actor holds
        // out as possible is a threat, like one it says it will do
        if modality == Modality::Hypothetical
            && rule.pos == TriggerPos::Verb
            && future_kind(kind) == Some(RelationKind::Threat)
            && !passive
            && (t0.saturating_sub(2)..t0).any(|j| {
                // (`the police, who could assault them`: a relative clause; `may have
                // massacred`: a possibility in the past)
                let relative = j > 0 && ["who", "which", "that"].iter().any(|w| cx.is(j - 1, w));
                ["may", "might", "could", "can"].iter().any(|w| cx.is(j, w))
                    && !cx.month_may(j)
                    && !relative
                    && !cx.is(j + 1, "have")
            })
        {
            kind = RelationKind::Threat;
            modality = Modality::Asserted;
        }
        if ordered_out.is_some() {
            kind = RelationKind::Expulsion;
        }
        // `attacked a German proposal`, `shot down the Russian plan`: words against a
        // state's proposal are criticism, not force
        if kind == RelationKind::Attack
            && rule.pos == TriggerPos::Verb
            && !passive
            && (t1..(t1 + 5).min(s.tokens.len()))
                .take_while(|&j| {
                    s.tokens[j].kind == TokenKind::Word && !cx.has(j, class::PREPS | class::CLAUSE)
                })
                // (the noun right after the actor that holds it: `a German proposal`)
                .any(|j| STANCES.iter().any(|w| cx.is(j, w)) && cx.ending(j).is_some())
        {
            // (`shot down a proposal` turns it down)
            kind = if cx.is(t1 - 1, "down") {
                RelationKind::Rejection
            } else {
                RelationKind::Condemnation
            };
        }
        // `captured part of a guerrilla stronghold`, `seized the town of`: taking ground
        // is an assault, not a detention
        if kind == RelationKind::Detention
            && rule.pos == TriggerPos::Verb
            && !passive
            && (t1..(t1 + 6).min(s.tokens.len()))
                // the object only: `captured in Isis territory` took people
                .take_while(|&j| {
                    s.tokens[j].kind == TokenKind::Word
                        && (cx.has(j, class::OF) || !cx.has(j, class::PREPS))
                })
                .any(|j| cx.has(j, class::TERRITORY))
        {
            kind = RelationKind::Attack;
        }
        // leaving an international organisation ends the membership agreement: `withdrew
        // from ECOWAS`, `pulled out of NATO`, `quit the African Union`
        if kind == RelationKind::Withdrawal
            && !pairs.is_empty()
            && pairs.iter().all(|(_, (ti, _))| {
                ti.is_some_and(|k| {
                    // the word before the actor, past an article
                    let mut a0 = s.actors[k].t0;
                    if a0 > t1 && cx.is(a0 - 1, "the") {
                        a0 -= 1;
                    }
                    a0 == t1 || (a0 > 0 && (cx.is(a0 - 1, "from") || cx.is(a0 - 1, "of")))
                })
            })
            && pairs.iter().all(|(_, (_, t))| {
                lex.entity(t)
                    .is_some_and(|e| e.org_type == Some(crate::model::OrgType::Igo))
            })
        {
            kind = RelationKind::AgreementEnded;
        }
        let trigger_span = Span::new(s.tokens[t0].span.start, s.tokens[t1 - 1].span.end);
        // the date expression nearest the trigger
        let date = found_dates
            .get_or_insert_with(|| dates::find(s.span.slice(text), s.span.start, published))
            .iter()
            .min_by_key(|f| {
                if f.span.start >= trigger_span.end {
                    f.span.start - trigger_span.end
                } else {
                    trigger_span.start.saturating_sub(f.span.end) + 1
                }
            })
            .map(|f| f.date);
        for ((si, se), (ti, te)) in pairs {
            if se == te {
                // domestic events need two distinct phrases with different sectors, or a
                // sub-state actor acting at home
                let distinct = match (si, ti) {
                    // (`the junta detained Aung San Suu Kyi`: a named person of the state
                    // is not its government)
                    (Some(a), Some(b)) => {
                        a != b
                            && (s.actors[a].sector != s.actors[b].sector || cx.person_apart(a, b))
                    }
                    (a, None) => {
                        matches!(rule.kind, RelationKind::Protest | RelationKind::Repression)
                            || a.is_some_and(|i| cx.sub_state(i))
                            || cx.people_follow(t1, held_kind)
                            || cx.with_sub_state(t1)
                            // (armed men of no named group, at home where they strike;
                            // people of no state harmed in a place)
                            || scene_source
                            || passive_scene
                    }
                    // unnamed protesters of the target's own state
                    // (and the victims of a passive coded to the place: `Iraqi guards
                    // wounded in Mosul`)
                    (None, Some(_)) => {
                        rule.kind == RelationKind::Protest || passive_scene || rebels_at_home
                    }
                };
                // only a state has a home: an organisation or a person acting on itself
                // is a misreading (`the UN sent staff to investigate`, `a UN spokesman`)
                if !distinct
                    || lex
                        .entity(&se)
                        .is_none_or(|e| e.kind != EntityKind::Country)
                {
                    continue;
                }
            }
            let sa = si.map(|i| &s.actors[i]);
            let ta = ti.map(|i| &s.actors[i]);
            let mut conf = confidence;
            if sa.is_some_and(|a| !matches!(a.referent, Referent::Entity(_))) {
                conf -= 0.1;
            }
            if ta.is_some_and(|a| !matches!(a.referent, Referent::Entity(_))) {
                conf -= 0.1;
            }
            state.last_source = Some(se.clone());
            out.push(Assertion {
                kind,
                source: se,
                target: te,
                modality,
                speaker: speaker.get_or_insert_with(|| cx.speaker()).clone(),
                date,
                confidence: conf.clamp(0.05, 1.0),
                rule: rule.id.clone(),
                sentence: s.index,
                sentence_span: s.span,
                source_span: sa.map_or(trigger_span, |a| a.span),
                trigger_span,
                target_span: ta.map_or(trigger_span, |a| a.span),
                trigger: trigger_span.slice(text).to_string(),
                source_sector: sa.and_then(|a| a.sector.clone()),
                source_person: sa.and_then(|a| a.person.clone()),
            });
        }
    }
}

/// Whether a verb of this kind reacts to an event named as its object (`condemned the
/// raid`, `protested over the arrest`) rather than performing it.
fn reacts_to(kind: RelationKind) -> bool {
    use RelationKind::*;
    matches!(
        kind,
        Condemnation | Accusation | Protest | Investigation | Rejection | Support
    )
}

/// Whether a noun of kind `noun` right after a verb of kind `verb` is that verb's object
/// rather than a relation of its own (`signed new agreements`, `suspended its aid`).
fn objects_of(verb: RelationKind, noun: RelationKind) -> bool {
    use RelationKind::*;
    verb == noun
        || matches!(
            (verb, noun),
            (
                AgreementEnded,
                AgreementSigned | MilitaryCooperation | EconomicCooperation | Alliance
            ) | (AidSuspension, Aid)
                | (Withdrawal, Deployment)
                // `broke off talks with`, `boycotted the summit`: the talks do not happen
                | (BreakRelations | Sanctions, Talks)
                | (Concession, Sanctions | Repression | Protest)
                // `called for sanctions`, `demanded a meeting`, `threatened sanctions`,
                // `agreed to postpone the demonstration`: what is asked for, threatened
                // or promised
                | (Demand | Threat | Pledge, _)
                | (Repression, Protest)
                // `lifted the blockade`, `halted its offensive`: what is eased off
                | (DeEscalation, Sanctions | Repression | Attack)
        )
}

/// Kinds that a sub-state actor can direct at its own state when no target is named
/// (`Bosnian Serbs demanded a truce`, `rebels rejected the plan`).
fn domestic(kind: RelationKind) -> bool {
    use RelationKind::*;
    matches!(
        kind,
        Protest
            | Demand
            | Rejection
            | Threat
            | Detention
            | Repression
            | Attack
            | Pledge
            | Concession
            | Mobilization
            | Accusation
            | Condemnation
            | Withdrawal
            | DeEscalation
    )
}

/// Kinds whose agent, when a passive or a noun leaves it unsaid, is the governing actor
/// of the context (`French troops were kicked out`: by the junta in power).
fn governed(kind: RelationKind) -> bool {
    use RelationKind::*;
    matches!(
        kind,
        Expulsion | Detention | Sanctions | AidSuspension | AgreementEnded | BreakRelations
    )
}

/// Keeps the first argument of each entity, in order.
fn dedup_by_entity(v: &mut Vec<(Option<usize>, EntityId)>) {
    let mut kept = 0;
    for i in 0..v.len() {
        if !v[..kept].iter().any(|(_, e)| *e == v[i].1) {
            v.swap(kept, i);
            kept += 1;
        }
    }
    v.truncate(kept);
}

/// The kind a stated future act is coded as.
fn future_kind(kind: RelationKind) -> Option<RelationKind> {
    use RelationKind::*;
    match kind {
        Talks | Support | Aid | MilitaryCooperation | EconomicCooperation | Concession
        | Deployment | Withdrawal | DeEscalation | AgreementSigned | Alliance => Some(Pledge),
        Sanctions | Expulsion | Attack | BreakRelations | AidSuspension | AgreementEnded
        | Detention | Repression | Mobilization => Some(Threat),
        _ => None,
    }
}

/// The entities of a coordinated group (`Cx::groups`): those of its usable actors,
/// tested in place rather than collected.
#[derive(Clone, Copy)]
struct Members<'a>(&'a [Actor]);

impl Members<'_> {
    fn contains(&self, e: &EntityId) -> bool {
        self.0.iter().any(|a| !a.media && a.entities.contains(e))
    }

    fn is_empty(&self) -> bool {
        self.0.iter().all(|a| a.media || a.entities.is_empty())
    }
}

/// The analysis context of one sentence.
struct Cx<'a> {
    lex: &'a Lexicon,
    table: &'static WordTable,
    text: &'a str,
    s: &'a Analysed,
    /// Per token (one vector: one allocation per sentence).
    toks: Vec<Tok>,
    /// Per actor: its coordinated group as a range of actors (filled by `sentence` once
    /// a trigger is kept).
    groups: Vec<(usize, usize)>,
    /// The last answer of [`Cx::subject`]: the trigger, its reading and the subject.
    last_subject: std::cell::Cell<Option<(usize, TriggerPos, Option<usize>)>>,
    /// Bit `k`: actor `k` (of the first 64) is no actor here: a city that names an
    /// agreement or a process (`the Paris agreement`, `the Minsk accords`), the victims
    /// of an agent noun (`the kidnappers of two French reporters`, `their captors`), or a
    /// former union naming its member (`the former Soviet republic of Belarus`).
    unusable: u64,
}

/// What the relation stage knows of one token.
#[derive(Clone, Default)]
struct Tok {
    /// The word lists it belongs to (bits of `class` with `KNOWN`); before the look-up,
    /// without `KNOWN`, the lists its first byte allows (0 = not asked yet).
    class: std::cell::Cell<u64>,
    /// The index of the actor starting here.
    start: Option<usize>,
    /// The id of the parenthesis it is in (0 = none).
    paren: u32,
    /// A verb trigger ends here.
    verb_end: bool,
    /// A verb trigger that reacts to an event ends here (`condemned`, `denounced`).
    reacts_end: bool,
    /// [`Cx::introduced_by_prep`] of an actor starting here (0 = not asked yet, 1 = no,
    /// 2 = yes): the subject search asks again for every trigger.
    after_prep: std::cell::Cell<u8>,
}

impl<'a> Cx<'a> {
    fn new(lex: &'a Lexicon, text: &'a str, s: &'a Analysed) -> Self {
        let n = s.tokens.len();
        let mut toks = vec![Tok::default(); n];
        let mut open: Option<(usize, &str)> = None;
        let mut id = 0;
        // only `(`, `)` and the dashes (E2 80 93/94) open or close: their bytes are
        // searched for, and a token starting at one is looked at, in text order (most
        // sentences hold none, and a walk over every token cost more)
        let bytes = text.as_bytes();
        let to = s.tokens.last().map_or(0, |t| t.span.end);
        let mut at = s.tokens.first().map_or(0, |t| t.span.start);
        let mut i = 0;
        while let Some(p) = bytes
            .get(at..to)
            .and_then(|b| memchr::memchr3(b'(', b')', 0xE2, b))
        {
            let pos = at + p;
            at = pos + 1;
            // a curly quote (also E2 80 ..) neither opens nor closes
            if bytes[pos] == 0xE2
                && !matches!(bytes.get(pos + 1..pos + 3), Some([0x80, 0x93 | 0x94]))
            {
                continue;
            }
            i += s.tokens[i..].partition_point(|t| t.span.start < pos);
            if s.tokens.get(i).is_none_or(|t| t.span.start != pos) {
                continue;
            }
            let w = s.word(text, i);
            match (open, w) {
                (None, "(" | "—" | "–") => open = Some((i, w)),
                (Some((o, ow)), w2)
                    if (ow == "(" && w2 == ")") || (ow != "(" && (w2 == "—" || w2 == "–")) =>
                {
                    id += 1;
                    for t in &mut toks[o..=i] {
                        t.paren = id;
                    }
                    open = None;
                }
                _ => {}
            }
        }
        // `Pakistan, a key U.S. ally in the war, has refused`: an appositive after an actor
        for a in &s.actors {
            let c = a.t1;
            if c + 1 < n
                && is_char(text, s, c, b',')
                && s.is_any(text, c + 1, APPOSITION)
                && toks[c].paren == 0
                && let Some(close) = (c + 2..(c + 16).min(n)).find(|&j| is_char(text, s, j, b','))
            {
                id += 1;
                for t in &mut toks[c..=close] {
                    t.paren = id;
                }
            }
        }
        for (k, a) in s.actors.iter().enumerate() {
            if a.t0 < n && toks[a.t0].start.is_none() {
                toks[a.t0].start = Some(k);
            }
        }
        Cx {
            lex,
            table: word_classes(),
            text,
            s,
            toks,
            groups: Vec::new(),
            last_subject: std::cell::Cell::new(None),
            unusable: 0,
        }
        .with_named_after()
        .with_victims()
    }

    /// Marks the cities that name an agreement or a process (`the Paris climate
    /// agreement`, `the Oslo peace accords`, `the Astana talks`): a capital or place
    /// followed by such a noun, past at most two modifiers of a short list.
    fn with_named_after(mut self) -> Self {
        const NAMED: &[&str] = &[
            "agreement",
            "agreements",
            "accord",
            "accords",
            "treaty",
            "protocol",
            "convention",
            "conventions",
            "process",
            "format",
            "declaration",
            "communique",
            "talks",
            "deal",
        ];
        const MODIFIERS: &[&str] = &[
            "climate",
            "peace",
            "nuclear",
            "ceasefire",
            "trade",
            "security",
            "arms",
            "border",
        ];
        let s = self.s;
        for (k, a) in s.actors.iter().enumerate().take(64) {
            // (the words after first: they rule out nearly every actor without a look
            // at the items)
            let mut j = a.t1;
            while j < a.t1 + 2 && MODIFIERS.iter().any(|m| self.is(j, m)) {
                j += 1;
            }
            if !NAMED.iter().any(|n| self.is(j, n)) {
                continue;
            }
            let city = s.items.iter().any(|(i0, _, it)| {
                *i0 == a.t0 && matches!(it, Item::Entity(_, NameRole::Capital | NameRole::Place))
            });
            if city {
                self.unusable |= 1 << k;
            }
        }
        self
    }

    /// Marks the actors that only qualify another noun: the victims of an agent noun
    /// (`the kidnappers of two French reporters`, `their captors`, `the Iraqi
    /// kidnappers of French reporters`) and a former union before `republic of` and its
    /// member (`the former Soviet republic of Belarus`, `the former Yugoslav republic of
    /// Macedonia`).
    fn with_victims(mut self) -> Self {
        let s = self.s;
        let n = s.tokens.len();
        for (k, a) in s.actors.iter().enumerate().take(64) {
            // `the kidnappers of [two] [French] reporters`: `of`, at most three words
            // (a number, a determiner, lower-case modifiers) before the actor
            let mut j = a.t0;
            let mut words = 0;
            while j > 0
                && words < 3
                && s.tokens[j - 1].kind == TokenKind::Word
                && !self.has(j - 1, class::OF)
                && !self.has(j - 1, class::PREPS)
                && !self.w(j - 1).starts_with(char::is_uppercase)
            {
                j -= 1;
                words += 1;
            }
            let of_agent = j >= 2 && self.has(j - 1, class::OF) && self.has(j - 2, class::AGENTS);
            // `Niger's kidnappers`, `their captors`: an owner right before the agent noun
            let owner_agent = a.possessive && a.t1 < n && self.has(a.t1, class::AGENTS);
            // `the former Soviet republic of Belarus`: the union is no actor when a member
            // is named right after
            let former = a.t1 + 2 < n
                && a.t0 > 0
                && self.is(a.t0 - 1, "former")
                && (self.is(a.t1, "republic") || self.is(a.t1, "republics"))
                && self.has(a.t1 + 1, class::OF)
                && self.toks[a.t1 + 2].start.is_some();
            if of_agent || owner_agent || former {
                self.unusable |= 1 << k;
            }
        }
        self
    }

    /// For every actor, the first and last actor of its coordinated group; a list needs
    /// a real conjunction somewhere (`In Mali, Russia ...` is no list).
    fn compute_groups(&self) -> Vec<(usize, usize)> {
        let m = self.s.actors.len();
        let actors = &self.s.actors;
        let mut out = Vec::with_capacity(m);
        // `Following talks in Ankara, Turkey and Iraq signed a deal`: an opening phrase
        // ends at the comma after its first actor, which joins no list
        let opening = m > 1
            && actors[0].t0 > 0
            && actors[0].t0 <= 8
            && self.is_char(actors[0].t1, b',')
            && self.has(actors[0].t0 - 1, class::PREPS)
            && (self.has(0, class::PREPS)
                || [
                    "after",
                    "following",
                    "before",
                    "amid",
                    "despite",
                    "since",
                    "ahead",
                ]
                .iter()
                .any(|w| self.is(0, w)));
        let mut lo = 0;
        while lo < m {
            let mut hi = lo;
            // each link is asked at most once
            while hi + 1 < m && !(hi == 0 && opening) && self.joined(hi) {
                hi += 1;
            }
            let conj = (lo..hi)
                .any(|i| (actors[i].t1..actors[i + 1].t0).any(|t| self.has(t, class::LINKS)));
            // a real list names a handful of actors, not hundreds; three or more joined
            // by commas alone are a list too (`to Iran, Libya, North Korea, Sudan, and
            // with strings attached, Cuba`), two may be an apposition
            // (`Ghana, Togo sign security pact`: a headline's pair opening the sentence,
            // before a trigger in the plural, with no -s)
            let headline_pair = hi == lo + 1
                && actors[lo].t0 == 0
                && actors[lo].t1 < actors[hi].t0
                && self.is_char(actors[lo].t1, b',')
                && {
                    let t = actors[hi].t1;
                    let w = self.w(t);
                    w.starts_with(|c: char| c.is_ascii_lowercase())
                        && !w.ends_with('s')
                        && !w.ends_with("ed")
                        && self
                            .s
                            .items
                            .iter()
                            .any(|(a, _, it)| *a == t && matches!(it, Item::Trigger(_)))
                };
            let list = (conj || hi - lo >= 2 || headline_pair) && hi - lo < MAX_LIST;
            for k in lo..=hi {
                out.push(if list { (lo, hi) } else { (k, k) });
            }
            lo = hi + 1;
        }
        out
    }

    /// Actors ending at or before token `t`, nearest first, within the window.
    fn actors_before(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        let actors = &self.s.actors;
        let end = actors.partition_point(|a| a.t1 <= t);
        (0..end)
            .rev()
            .take_while(move |&k| actors[k].t1 + WINDOW >= t)
    }

    /// The index of the first actor starting at or after token `t`.
    fn first_after(&self, t: usize) -> usize {
        self.s.actors.partition_point(|a| a.t0 < t)
    }

    /// The actor ending exactly at token `t` (exclusive end).
    fn ending(&self, t: usize) -> Option<usize> {
        let actors = &self.s.actors;
        let k = actors.partition_point(|a| a.t1 < t);
        (k < actors.len() && actors[k].t1 == t).then_some(k)
    }

    /// Is the token range inside an actor phrase?
    fn inside_actor(&self, t0: usize, t1: usize) -> bool {
        let actors = &self.s.actors;
        let k = actors.partition_point(|a| a.t1 < t1);
        (k.saturating_sub(1)..(k + 2).min(actors.len()))
            .any(|i| actors[i].t0 <= t0 && t1 <= actors[i].t1)
    }

    /// The bits of token `i` (0 past the end).
    #[inline]
    fn class(&self, i: usize) -> u64 {
        let Some(cell) = self.toks.get(i).map(|t| &t.class) else {
            return 0;
        };
        match cell.get() {
            // looked up on first use: most tokens are never asked about
            c if c & class::KNOWN == 0 => self.look_up(i, cell),
            c => c,
        }
    }

    #[inline(never)]
    fn look_up(&self, i: usize, cell: &std::cell::Cell<u64>) -> u64 {
        // the token's bytes: a token starts and ends at char boundaries, so no `str`
        // slice (and its boundary checks) is needed
        let b = self
            .s
            .tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.start..t.span.end));
        let c = classify(b.unwrap_or_default());
        cell.set(c);
        c
    }

    /// The first byte of token `i` with the ASCII case bit set (a letter lower-cased): a
    /// test that needs no look-up, and that a word of a list must pass, so it may go
    /// first (0 past the end).
    fn first_lower(&self, i: usize) -> u8 {
        self.s
            .tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.start))
            .map_or(0, |b| b | 0x20)
    }

    /// Does token `i` belong to one of the word lists `bits`?
    #[inline]
    fn has(&self, i: usize, bits: u64) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let mut c = t.class.get();
        if c & class::KNOWN == 0 {
            if c == 0 {
                // first ask: the lists its first byte allows, kept until a look-up
                c = self.table.by_first[usize::from(self.first_lower(i))];
                t.class.set(c);
            }
            if c & bits == 0 {
                return false;
            }
            c = self.look_up(i, &t.class);
        }
        c & bits != 0
    }

    fn is_char(&self, i: usize, c: u8) -> bool {
        is_char(self.text, self.s, i, c)
    }

    /// The bytes of token `i` (empty past the end), as [`Cx::look_up`] reads them.
    fn bytes(&self, i: usize) -> &'a [u8] {
        self.s
            .tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.start..t.span.end))
            .unwrap_or_default()
    }

    fn w(&self, i: usize) -> &'a str {
        self.s.word(self.text, i)
    }

    fn usable(&self, k: usize) -> bool {
        let a = &self.s.actors[k];
        !a.media && !a.entities.is_empty() && (k >= 64 || self.unusable & (1 << k) == 0)
    }

    /// Is the trigger at `t0` used as a noun here?
    fn noun_context(&self, t0: usize) -> bool {
        if t0 == 0 {
            return false;
        }
        // compared as bytes (no `str` slice: a token starts and ends at char boundaries)
        let p = self.bytes(t0 - 1);
        const ADJ: &[&str] = &[
            "al", "ent", "ant", "ive", "ous", "ic", "ary", "ful", "ed", "ing", "est", "er",
        ];
        let possessive = |b: &[u8]| b == b"'s" || b == "’s".as_bytes();
        // (`the military bombed`, `the security forces attacked`: a past tense after a
        // head noun that also serves as an adjective is a verb; `no need to` is a noun)
        let past = self.bytes(t0).ends_with(b"ed") && !self.bytes(t0).eq_ignore_ascii_case(b"need");
        // the cheap tests first
        let adjective_after_det = || {
            !past
                && t0 >= 2
                && p.first()
                    .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && (self.has(t0 - 2, class::DETS) || possessive(self.bytes(t0 - 2)))
                && (ADJ.iter().any(|x| p.ends_with(x.as_bytes()))
                    || p.contains(&b'-')
                    || self.bytes(t0).ends_with(b"ing"))
                // (`Brazil's president visited`: the head of an actor, not an adjective)
                && self.ending(t0).is_none()
        };
        // (`the Lockerbie bombing`: a name between the article and an -ing form)
        let name_after_det = || {
            t0 >= 2
                && self.has(t0 - 2, class::DETS)
                && p.first().is_some_and(u8::is_ascii_uppercase)
                && (self.bytes(t0).ends_with(b"ing") || self.bytes(t0).ends_with(b"ings"))
        };
        self.has(t0 - 1, class::DETS)
            || possessive(p)
            // (`an immediate end to`, `a complete halt to`: an act stopped, a noun)
            || t0 >= 2
                && self.has(t0 - 2, class::DETS)
                && self.is(t0 + 1, "to")
                && ["end", "halt", "stop"].iter().any(|w| self.is(t0, w))
            // (`under arrest`, `spent years under house arrest`: no verb)
            || (p.eq_ignore_ascii_case(b"under") || p.eq_ignore_ascii_case(b"house"))
                && self.bytes(t0).eq_ignore_ascii_case(b"arrest")
            // (`where more protests ended`)
            || p.eq_ignore_ascii_case(b"more") && self.bytes(t0).ends_with(b"s")
            || adjective_after_det()
            || name_after_det()
            || !past
                && self.has(t0 - 1, class::NOUN_MODIFIERS)
                && !p.iter().any(u8::is_ascii_uppercase)
    }

    /// Skips adverbs and auxiliaries leftwards from `t` (exclusive); returns the index of
    /// the first other token.
    fn skip_left(&self, mut t: usize) -> Option<usize> {
        while t > 0 {
            let p = t - 1;
            if self.has(p, class::ADVERB_SKIP | class::LY) {
                t = p;
                continue;
            }
            return Some(p);
        }
        None
    }

    /// The first token left of `t0` past adverbs and auxiliaries; with `stop_at_to`, an
    /// infinitive's `to` ends the walk and is returned.
    fn before_auxiliaries(&self, t0: usize, stop_at_to: bool) -> Option<usize> {
        let mut q = self.skip_left(t0);
        while let Some(p) =
            q.filter(|&p| self.has(p, class::AUX) && !(stop_at_to && self.has(p, class::TO)))
        {
            q = self.skip_left(p);
        }
        q
    }

    fn is_passive(&self, t0: usize, t1: usize) -> bool {
        let participle = participle_ending(self.bytes(t0)) || self.has(t0, class::PARTICIPLES);
        // `were kicked out`; `Eritreans deported by Libya` (a reduced passive)
        participle
            && (self.skip_left(t0).is_some_and(|p| self.has(p, class::BE))
                || self.is(t1, "by")
                || self.agent_after_phrase(t0, t1))
    }

    /// Whether a word that is in none of the word classes `classes` stands right before
    /// `t0` (the noun phrase a reduced passive follows).
    fn after_word_but(&self, t0: usize, classes: u64) -> bool {
        t0 > 0 && self.s.tokens[t0 - 1].kind == TokenKind::Word && !self.has(t0 - 1, classes)
    }

    /// `Afghans expelled from Pakistan`, `West Africans ordered out of Nigeria`,
    /// `mercenaries accused of plotting`: a participle after a word that is no auxiliary,
    /// with no object before `from` or `out of` (an expulsion) or `of` (an accusation).
    fn participle_from_or_of(&self, t0: usize, t1: usize, kind: RelationKind) -> bool {
        (participle_ending(self.bytes(t0)) || self.has(t0, class::PARTICIPLES))
            // (`have been arrested and accused of`: the auxiliary before `and` governs)
            && self.after_word_but(t0, class::AUX | class::HAVE_DO | class::AND_OR_TO)
            && if kind == RelationKind::Accusation {
                self.is(t1, "of")
            } else {
                self.is(t1, "from") || self.is(t1, "of") && self.is(t1 - 1, "out")
            }
    }

    /// `Sanctions imposed on Iran by the United States`, `troops deployed to Mali by
    /// France`: a participle after a word that is no auxiliary, then a prepositional phrase,
    /// then `by` and an actor within the clause: a reduced passive whose agent follows
    /// the phrase.
    fn agent_after_phrase(&self, t0: usize, t1: usize) -> bool {
        let n = self.s.tokens.len();
        // (`protested against a decision by Italy`: `against`, `over` and `about` open
        // what an active verb reacts to)
        self.has(t1, class::PREPS)
            && !["against", "over", "about"].iter().any(|w| self.is(t1, w))
            && self.after_word_but(t0, class::AUX | class::HAVE_DO)
            && (t1 + 1..(t1 + 8).min(n))
                // (`protested over the violation of its airspace by Turkish jets`: a `by`
                // after a second preposition is the agent of the noun before it)
                .take_while(|&j| {
                    self.s.tokens[j].kind == TokenKind::Word
                        && !self.has(j, class::CLAUSE)
                        && (self.is(j, "by") || !self.has(j, class::PREPS))
                })
                .find(|&j| self.is(j, "by"))
                .is_some_and(|b| self.prep(b, "by", self.members(None)).is_some())
    }

    /// A one-word `-ed` trigger right after an actor (an adverb between allowed) and
    /// right before `in`, `near`, `outside`, `during`, `after` or the end of the
    /// sentence, with no object: `engineers kidnapped in Pakistan`, `two soldiers
    /// reportedly killed`. (`Hamas attacked on October 7` keeps its active reading.)
    ///
    /// The phrase before may also be a noun or a number of no actor (`Australian employee
    /// of Canadian oil company reportedly abducted in Yemen`, `US diplomat among 7
    /// injured in Islamabad`), and `shot dead` is one too.
    fn reduced_passive(&self, t0: usize, t1: usize) -> bool {
        // (`shot dead`, `gunned down`: a participle and its particle, one form)
        let particle = t1 == t0 + 2 && (self.is(t0 + 1, "dead") || self.is(t0 + 1, "down"));
        (t1 == t0 + 1 || particle)
            && (self.w(t0).ends_with("ed") || self.is(t0, "shot"))
            && self
                .skip_left(t0)
                .is_some_and(|p| match self.ending(p + 1) {
                    Some(k) => !self.s.actors[k].possessive,
                    None => {
                        self.s.tokens[p].kind == TokenKind::Word
                            && !self.has(
                                p,
                                class::AUX
                                    | class::HAVE_DO
                                    | class::CLAUSE
                                    | class::AND_OR_TO
                                    | class::PREPS
                                    | class::DETS
                                    | class::SPEECH,
                            )
                            && !["they", "he", "she", "we", "i", "you", "it", "police"]
                                .iter()
                                .any(|w| self.is(p, w))
                    }
                })
            && {
                // (past a day: `five Palestinians killed Saturday in Gaza`)
                let t1 = if ["today", "yesterday", "overnight"]
                    .iter()
                    .chain(&crate::dates::WEEKDAYS)
                    .any(|w| self.w(t1).eq_ignore_ascii_case(w))
                {
                    t1 + 1
                } else {
                    t1
                };
                t1 >= self.s.tokens.len()
                    || self.is_char(t1, b'.')
                    || ["in", "near", "outside", "during", "after", "dead"]
                        .iter()
                        .any(|w| self.is(t1, w))
            }
    }

    /// `thousands of`, `dozens of`, `members of`: a quantity before `of` (transparent).
    fn quantity_of(&self, of: usize) -> bool {
        self.has(of, class::OF)
            && of > 0
            && (self.has(of - 1, class::QUANTITIES)
                || self.w(of - 1).starts_with(|c: char| c.is_ascii_digit()))
    }

    /// [`Cx::introduced_by_prep_at`] the start of actor `k`, remembered per token.
    fn introduced_by_prep(&self, k: usize) -> bool {
        let t0 = self.s.actors[k].t0;
        let Some(cell) = self.toks.get(t0).map(|t| &t.after_prep) else {
            return self.introduced_by_prep_at(t0);
        };
        match cell.get() {
            0 => {
                let yes = self.introduced_by_prep_at(t0);
                cell.set(1 + u8::from(yes));
                yes
            }
            c => c == 2,
        }
    }

    /// The token just before the coordinated group starting at token `t0`, skipping
    /// determiners and a few adjectives.
    fn introduced_by_prep_at(&self, t0: usize) -> bool {
        let mut t = t0;
        while t > 0 {
            let p = t - 1;
            if self.has(p, class::BEFORE_ACTOR) {
                t = p;
                continue;
            }
            if self.quantity_of(p) {
                // `Thousands of Malians`: look before the quantity
                t = p - 1;
                while t > 0
                    && (self.has(t - 1, class::BEFORE_QUANTITY)
                        || self.w(t - 1).starts_with(|c: char| c.is_ascii_digit()))
                {
                    t -= 1;
                }
                continue;
            }
            return self.has(p, class::PREPS)
                && !(self.has(p, class::WITH) && p > 0 && self.has(p - 1, class::ALONG));
        }
        false
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.s.is(self.text, i, w)
    }

    /// Whether the word at `i` is the adverb `back` rather than the verb (to support):
    /// after a verb that takes it (`taken back`, `fought back`, `clawed back control`),
    /// or with no object after it (`sent back to`, `their citizens back.`).
    fn adverb_back(&self, i: usize) -> bool {
        if !self.is(i, "back") {
            return false;
        }
        let before = if i > 0 { self.w(i - 1).as_bytes() } else { b"" };
        // a stem and any ending: `took`, `clawed`, `returning`
        if TAKES_BACK.iter().any(|w| {
            before.len() >= w.len() && before[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        }) {
            return true;
        }
        self.s
            .tokens
            .get(i + 1)
            .is_none_or(|t| t.kind == TokenKind::Punct)
            || self.has(i + 1, class::PREPS)
            || NOT_BACKED
                .iter()
                .any(|w| self.w(i + 1).eq_ignore_ascii_case(w))
    }

    /// Is actor `k` followed by a verb of saying (a speaker, not a subject)?
    fn is_speaker(&self, k: usize) -> bool {
        let t1 = self.s.actors[k].t1;
        // (`Thai police here said`, `officials later said`)
        self.has(t1, class::SPEECH)
            || [
                "also",
                "here",
                "there",
                "later",
                "earlier",
                "privately",
                "separately",
            ]
            .iter()
            .any(|w| self.is(t1, w))
                && self.has(t1 + 1, class::SPEECH)
    }

    /// Whether actors `a` and `a + 1` are joined by `and`, `,`, `along with`, `as well as`.
    fn joined(&self, a: usize) -> bool {
        let actors = &self.s.actors;
        let (x, y) = (&actors[a], &actors[a + 1]);
        // pure tests, the cheap ones first
        if y.t0 < x.t1 || x.media || y.media {
            return false;
        }
        let gap = x.t1..y.t0;
        if gap.len() > 5 || gap.is_empty() {
            return false;
        }
        let has_link = gap
            .clone()
            .any(|g| self.has(g, class::LINKS) || self.is_char(g, b','));
        let with_ok = || {
            gap.clone()
                .filter(|&g| self.has(g, class::WITH))
                .all(|g| g > x.t1 && self.has(g - 1, class::ALONG))
        };
        // `According to the Kremlin, Russia and China discussed`: the source named
        // before the comma is no member of the list after it
        let according = || {
            let t = x.t0 - usize::from(x.t0 > 0 && self.is(x.t0 - 1, "the"));
            t >= 2
                && self.is(t - 1, "to")
                && self.is(t - 2, "according")
                && gap.clone().any(|g| self.is_char(g, b','))
        };
        has_link
            && gap.clone().all(|g| self.has(g, class::JOIN_GAP))
            && with_ok()
            && !self.is_speaker(a + 1)
            && !self.is_speaker(a)
            && !according()
    }

    /// The arguments an actor stands for: every entity of the usable actors of its
    /// coordinated group, each once, with the actor it came from.
    fn args(&self, k: usize) -> Vec<Arg> {
        let (lo, hi) = self.groups[k];
        let usable = || (lo..=hi).filter(|&i| self.usable(i));
        let mut v: Vec<Arg> =
            Vec::with_capacity(usable().map(|i| self.s.actors[i].entities.len()).sum());
        for i in usable() {
            v.extend(
                self.s.actors[i]
                    .entities
                    .iter()
                    .map(|e| (Some(i), e.clone())),
            );
        }
        dedup_by_entity(&mut v);
        v
    }

    /// The entities of actor `k`'s coordinated group (none for `None`).
    fn members(&self, k: Option<usize>) -> Members<'a> {
        Members(k.map_or(&[], |k| {
            let (lo, hi) = self.groups[k];
            &self.s.actors[lo..=hi]
        }))
    }

    /// [`Cx::subject_of`], remembered for the last trigger asked about (the slots of
    /// both frames and the tests after them ask again for the same trigger).
    fn subject(&self, t0: usize, pos: TriggerPos) -> Option<usize> {
        if let Some((t, p, found)) = self.last_subject.get()
            && t == t0
            && p == pos
        {
            return found;
        }
        let found = self.subject_of(t0, pos);
        self.last_subject.set(Some((t0, pos, found)));
        found
    }

    /// The subject of a verb in a relative clause: `Some` of its antecedent, the actor
    /// right before the relative (`Bazoum, who ...`), or `Some(None)` when the antecedent
    /// is no actor (`an agreement that allowed ...`); also of an infinitive governed by
    /// the relative clause's verb (`a resolution that aims to impose a blockade`). `None`:
    /// the verb is in no relative clause.
    fn relative_antecedent(&self, t0: usize) -> Option<Option<usize>> {
        let relative = |q: Option<usize>| q.filter(|&p| self.has(p, class::RELATIVES));
        let governed = || {
            let to = self
                .before_auxiliaries(t0, true)
                .filter(|&p| self.has(p, class::TO) && self.ending(p).is_none())?;
            let verb = self.skip_left(to).filter(|&v| {
                self.s.tokens[v].kind == TokenKind::Word
                    && self.w(v).starts_with(|c: char| c.is_ascii_lowercase())
                    && !self.has(v, class::PREPS | class::DETS)
            })?;
            relative(self.before_auxiliaries(verb, false))
        };
        let p = relative(self.before_auxiliaries(t0, false)).or_else(governed)?;
        let before = if p > 0 && self.is_char(p - 1, b',') {
            p - 1
        } else {
            p
        };
        Some(self.ending(before).filter(|&k| self.usable(k)))
    }

    /// The subject of the verb (or the clause of the noun) at `t0`.
    fn subject_of(&self, t0: usize, pos: TriggerPos) -> Option<usize> {
        let actors = &self.s.actors;
        if pos == TriggerPos::Verb
            && let Some(antecedent) = self.relative_antecedent(t0)
        {
            return antecedent;
        }
        // `A bus collided in Morocco, killing 24 people`: a participial clause after a comma
        // has the main clause's subject
        if pos == TriggerPos::Verb
            && self.w(t0).ends_with("ing")
            && t0 > 0
            && self.is_char(t0 - 1, b',')
        {
            return self.main_subject(t0);
        }
        // `Baghdad Bombings Kill One US Soldier, Wound 13`: a title-case verb right after
        // a comma, a verb trigger shortly before it, is that verb's second (no actor
        // stands between the comma and the verb)
        if pos == TriggerPos::Verb
            && t0 > 1
            && self.is_char(t0 - 1, b',')
            && self.w(t0).starts_with(|c: char| c.is_ascii_uppercase())
            && let Some(v) = (t0.saturating_sub(8)..t0 - 1)
                .rev()
                .find(|&j| self.toks[j].verb_end)
        {
            return self.subject_of(v, pos);
        }
        // `An attack by al-Shabaab killed 20 people`: the agent of an event noun that
        // ends right before the verb is its subject
        if pos == TriggerPos::Verb
            && let Some(p) = self.skip_left(t0)
            && let Some(k) = self.ending(p + 1)
            && actors[k].t0 >= 2
            && self.is(actors[k].t0 - 1, "by")
            && self.usable(k)
            && self
                .s
                .items
                .iter()
                .any(|(_, b, it)| *b == actors[k].t0 - 1 && matches!(it, Item::Trigger(_)))
            && !self.toks[actors[k].t0 - 2].verb_end
        {
            return Some(k);
        }
        // `..., and criticized X`: the second of two verb phrases takes the main subject
        if pos == TriggerPos::Verb
            && let Some(p) = self.skip_left(t0)
        {
            let p = if self.has(p, class::HAVE_DO) {
                self.skip_left(p).unwrap_or(p)
            } else {
                p
            };
            if self.is(p, "and") && self.ending(p).is_none() {
                // `Erdogan said it would be a joint operation ..., and urged Nato to act`:
                // after a comma, the second verb phrase of a sentence that opens with a
                // speaker is the speaker's
                if p > 0
                    && self.is_char(p - 1, b',')
                    && let Some(k) = (0..actors.len()).find(|&k| self.usable(k))
                    && self.is_speaker(k)
                    && !self.introduced_by_prep(k)
                    && (0..actors[k].t0).all(|j| !self.toks[j].verb_end)
                {
                    return Some(k);
                }
                return self.main_subject(t0);
            }
        }
        let mut found = self
            .actors_before(t0)
            .find(|&k| self.eligible_subject(k, t0));
        if pos == TriggerPos::Noun {
            // a noun's subject is the subject of a light verb right before it (`X held
            // talks`), not the object of another trigger (`accused X of ... negotiations`)
            found = found.filter(|&k| {
                let a = &actors[k];
                let light = (a.t1..t0).any(|j| self.has(j, class::LIGHT_VERBS));
                (t0 - a.t1 <= 6 || light && t0 - a.t1 <= 12)
                    && !(a.t0.saturating_sub(3)..a.t0).any(|j| self.toks[j].verb_end)
            });
        }
        // `Russia, which has made efforts ... via partnerships`: inside a relative clause
        // the subject is its antecedent (only a relative after the subject found counts,
        // so it is looked for only there)
        let k = found?;
        // `uncertainty over whether their kidnappers had demanded a ransom`, `said that
        // troops attacked`: a clause opened after the actor found, whose own subject (a
        // lower-case noun right before the verb, past auxiliaries and adverbs) is no
        // actor, has no subject named
        // (an infinitive's subject is its governing verb's: `said the US would leave
        // while continuing to fight ISIS`; a noun of the speaker's own side is left
        // to the actor found: `said his country does not plan to deploy`)
        if pos == TriggerPos::Verb
            && let Some(p) = self.before_auxiliaries(t0, true)
            && p >= actors[k].t1
            && !self.has(p, class::TO)
            && ![
                "country",
                "government",
                "administration",
                "nation",
                "army",
                "military",
                "forces",
                "troops",
                "regime",
                "leadership",
                "authorities",
            ]
            .iter()
            .any(|w| self.is(p, w))
            && self.ending(p + 1).is_none()
            && self.s.tokens[p].kind == TokenKind::Word
            && self.w(p).starts_with(|c: char| c.is_ascii_lowercase())
            && !self.has(
                p,
                class::CLAUSE
                    | class::PREPS
                    | class::DETS
                    | class::AND_OR_TO
                    | class::SPEECH
                    | class::LY,
            )
            && (actors[k].t1..p).any(|j| {
                // (`Russia and Turkey, whose ministers met`: the antecedent's own)
                self.has(j, class::CLAUSE)
                    && !self.has(j, class::WHICH_WHO)
                    && !self.is(j, "whose")
                    && !self.is(j, "whom")
                    || self.is(j, "whether")
            })
        {
            return None;
        }
        // `Mali, which borders Niger, signed`: an actor of a relative clause closed before
        // the verb is not the verb's subject; the clause's antecedent is
        // (`The Saudi-led coalition, which is fighting the Houthis, bombed`: the
        // antecedent's head noun may follow its actor; an antecedent that is no actor
        // leaves the verb with no subject, never one from inside the clause)
        if pos == TriggerPos::Verb
            && (actors[k].t1..t0).any(|j| self.is_char(j, b','))
            && let Some(r) = self.relative_before(actors[k].t0 + 1, 0)
        {
            return (r.saturating_sub(5)..r)
                .rev()
                .take_while(|&j| {
                    j + 1 == r || self.s.tokens[j].kind == TokenKind::Word || self.is_char(j, b'-')
                })
                .find_map(|j| self.ending(j))
                .filter(|&a| self.usable(a));
        }
        match self.relative_before(t0, actors[k].t1) {
            Some(r) => self.ending(r - 1).filter(|&a| self.usable(a)),
            None => found,
        }
    }

    /// The subject of the sentence's main clause, for a second verb phrase or a
    /// participial clause at `t0`: the first eligible actor, named before the first verb
    /// trigger (`Militants said they had beheaded an American hostage and threatened
    /// to kill a British captive`: the hostage is the first verb's object, and the
    /// subject is no actor).
    fn main_subject(&self, t0: usize) -> Option<usize> {
        let first_verb = (0..t0).find(|&j| self.toks[j].verb_end);
        let first = self.actors_before(t0).last();
        first
            .into_iter()
            .flat_map(|f| f..self.first_after(t0))
            .find(|&k| self.eligible_subject(k, t0))
            .filter(|&k| first_verb.is_none_or(|v| self.s.actors[k].t0 <= v))
    }

    /// The last `which`/`who` right after a comma before `t0` and after token `past`,
    /// within the window: the commas are searched for in the bytes from the right (a walk
    /// over every token cost more, and commas are few).
    fn relative_before(&self, t0: usize, past: usize) -> Option<usize> {
        let lo = t0.saturating_sub(WINDOW).max(1).max(past + 1);
        if t0 < 2 || lo >= t0 {
            return None;
        }
        // the comma is a token from `lo - 1` to `t0 - 2` (no token past the end is one)
        let toks = &self.s.tokens[..t0.min(self.s.tokens.len())];
        let from = toks.get(lo - 1)?.span.start;
        let mut to = toks.last()?.span.start;
        while let Some(p) = self
            .text
            .as_bytes()
            .get(from..to)
            .and_then(|b| memchr::memrchr(b',', b))
        {
            let pos = from + p;
            to = pos;
            let c = toks.partition_point(|t| t.span.start < pos);
            let j = c + 1;
            if j < t0
                && toks[c].span.start == pos
                && self.is_char(c, b',')
                && self.first_lower(j) == b'w'
                && self.has(j, class::WHICH_WHO)
            {
                return Some(j);
            }
        }
        None
    }

    /// `Germany, which had opposed the plan, backed sending tanks to Ukraine`: the comma
    /// that closes the relative clause a trigger (`t0..t1`) stands in, if it stands in
    /// one. What the clause's verb is about lies inside it.
    fn relative_clause_end(&self, t0: usize, t1: usize) -> Option<usize> {
        let r = self.relative_before(t0, 0)?;
        if (r..t0).any(|j| self.is_char(j, b',')) {
            return None;
        }
        (t1..self.s.tokens.len()).find(|&j| self.is_char(j, b','))
    }

    fn eligible_subject(&self, k: usize, t0: usize) -> bool {
        let a = &self.s.actors[k];
        if !self.usable(k) {
            return false;
        }
        let inside_other_paren = a.t0 < self.toks.len()
            && self.toks[a.t0].paren != 0
            && self
                .toks
                .get(t0)
                .is_none_or(|t| t.paren != self.toks[a.t0].paren);
        // (a speech verb right after the actor that is the trigger itself, `Russia
        // insisted that Ukraine pay`, makes it the subject, not a speaker)
        if inside_other_paren || self.is_speaker(k) && a.t1 != t0 {
            return false;
        }
        // `objected to Sweden's bid to join NATO`: the owner of the noun right before an
        // infinitive is its subject, in a prepositional phrase or not
        if a.possessive
            && t0 > a.t1 + 2
            && t0 - a.t1 <= 5
            && self.has(t0 - 1, class::TO)
            && (a.t1 + 1..t0 - 1).all(|j| self.s.tokens[j].kind == TokenKind::Word)
        {
            return true;
        }
        // the first actor of its coordinated group decides whether it is in a PP
        let first = (self.groups[k].0..=self.groups[k].1)
            .find(|&i| self.usable(i))
            .unwrap_or(k);
        !self.introduced_by_prep(first) || self.spokesperson_for(k)
    }

    /// `for trying to deny`, `of seeking “to undermine`: the infinitive at `t0` of a
    /// gerund after a preposition (a quote mark between allowed).
    fn infinitive_after_gerund(&self, t0: usize) -> bool {
        if t0 < 3 || !self.has(t0 - 1, class::TO) {
            return false;
        }
        let quote = |j: usize| {
            self.s.tokens[j].kind == TokenKind::Punct && matches!(self.w(j), "“" | "\"" | "‘" | "'")
        };
        let mut g = t0 - 2;
        if quote(g) {
            g -= 1;
        }
        g > 0 && self.w(g).ends_with("ing") && self.has(g - 1, class::PREPS)
    }

    /// `A spokesman for the Iranian foreign ministry condemned`, `Officials at the State
    /// Department accused`, `diplomats from France met`: the actor that people speaking
    /// for it stand for acts through them.
    fn spokesperson_for(&self, k: usize) -> bool {
        let mut j = self.s.actors[k].t0;
        if j > 0 && self.has(j - 1, class::DETS) {
            j -= 1;
        }
        if j < 2 {
            return false;
        }
        let spokes = ["spokesman", "spokeswoman", "spokesperson"];
        let officials = ["official", "officials"];
        let envoys = [
            "diplomat",
            "diplomats",
            "envoy",
            "envoys",
            "representative",
            "representatives",
            "delegation",
            "delegates",
        ];
        let any = |words: &[&str]| words.iter().any(|w| self.is(j - 2, w));
        // (`the UK representative at the UN` is posted there; `US troops from Syria`
        // may leave it)
        match self.w(j - 1) {
            "for" | "of" => any(&spokes) || any(&officials) || any(&envoys),
            "at" => any(&spokes) || any(&officials),
            "from" => any(&officials) || any(&envoys),
            _ => false,
        }
    }

    /// Fills a slot list; `avoid` is the source actor (the target must differ).
    fn fill(
        &self,
        slots: &[Slot],
        t0: usize,
        t1: usize,
        pos: TriggerPos,
        avoid: Option<usize>,
        passive: bool,
    ) -> Option<usize> {
        let avoid_e = self.members(avoid);
        let warning = pos == TriggerPos::Verb && self.begins(t0, b"warn");
        let ok = |k: usize| {
            Some(k).filter(|&k| {
                Some(k) != avoid
                    && (!self.s.actors[k]
                        .entities
                        .iter()
                        .all(|e| avoid_e.contains(e))
                        || avoid.is_some_and(|a| self.person_apart(a, k)))
                    || avoid.is_none()
            })
        };
        // where a search of any actor after the trigger stops, found when first needed
        let any_end = std::cell::OnceCell::new();
        for slot in slots {
            let found = match slot {
                Slot::Subj => self.subject(t0, pos),
                Slot::Speaker => self.clause_speaker(t0),
                Slot::Obj if passive => None,
                Slot::Obj => self.object(t1),
                Slot::Poss => self.possessor(t0),
                // `demonstrations by students`, `the threat of reprisals by X`: the agent
                // of a noun stands close to it
                // (`demonstrations against violations by the Israeli military`: an agent
                // after the noun's `against` phrase is that phrase's)
                Slot::Prep(p) if p == "by" && pos == TriggerPos::Noun => {
                    self.prep(t1, p, avoid_e).filter(|&k| {
                        self.s.actors[k].t0 <= t1 + 6
                            && !(t1..self.s.actors[k].t0).any(|j| self.is(j, "against"))
                    })
                }
                Slot::Prep(p) => self
                    .prep(t1, p, avoid_e)
                    .or_else(|| if p == "in" { self.fronted_in(t0) } else { None }),
                Slot::Needs(_) | Slot::NeedsNoun(_) | Slot::TargetKind(_) | Slot::Particle(_) => {
                    None
                }
                Slot::Any => (self.first_after(t1)..self.s.actors.len())
                    .take_while(|&k| {
                        self.s.actors[k].t0 < t1 + WINDOW
                            && any_end
                                .get_or_init(|| self.relative_clause_end(t0, t1))
                                .is_none_or(|e| self.s.actors[k].t0 < e)
                    })
                    .find(|&k| {
                        self.usable(k)
                            && !self.is_speaker(k)
                            // `warned that Iran is delivering missiles` states a fact
                            // about Iran; `warned that the US and Britain would face
                            // retaliation` is aimed at them: a warning's target is the
                            // subject of what will or may happen
                            && (!warning || self.modal_after(self.s.actors[k].t1))
                            && self.s.actors[k]
                                .entities
                                .iter()
                                .any(|e| !avoid_e.contains(e))
                    }),
            };
            if let Some(k) = found.and_then(ok) {
                return Some(k);
            }
        }
        None
    }

    /// Whether the token at `t` (a verb form without `-ed`, `-en` or `-ing`) follows an
    /// adjective: a state's (`Turkish`, `Iraqi`; not a plural demonym) or a lower-case
    /// word with an adjective's ending (`chemical`, `terrorist`, `militant`).
    fn after_adjective(&self, t: usize) -> bool {
        if t == 0 {
            return false;
        }
        let ends = |x: &[u8], e: &[u8]| {
            x.len() > e.len() + 2 && x[x.len() - e.len()..].eq_ignore_ascii_case(e)
        };
        let w = self.bytes(t);
        if participle_ending(w) || ends(w, b"ing") {
            return false;
        }
        // a plural demonym is a noun, the verb's subject (`Palestinians kill`)
        let adjective_of_state = self.s.items.iter().any(|(a, b, it)| {
            *b == t
                && *a < t
                && matches!(it, Item::Entity(_, NameRole::Adjective))
                && !self.bytes(t - 1).ends_with(b"s")
        });
        let p = self.bytes(t - 1);
        adjective_of_state
            || p.first().is_some_and(u8::is_ascii_lowercase)
                && [&b"ical"[..], b"ic", b"al", b"ist", b"ant"]
                    .iter()
                    .any(|e| ends(p, e))
    }

    /// Whether `will`, `would`, `could`, `may`, ... comes within three words after `t`
    /// (`the US and Britain would face`).
    fn modal_after(&self, t: usize) -> bool {
        (t..t + 3).any(|j| self.has(j, class::FUTURE | class::HYPOTHETICAL))
    }

    /// An actor below the state: citizens, protesters, rebels, the opposition, parties,
    /// courts, business.
    fn sub_state(&self, k: usize) -> bool {
        self.s.actors[k]
            .sector
            .as_deref()
            .is_some_and(|c| !matches!(c, "GOV" | "MIL" | "DIP"))
    }

    /// The first actor after the trigger in the same clause, other than `avoid`'s.
    fn any_in_clause(
        &self,
        t0: usize,
        t1: usize,
        avoid: Option<usize>,
        skip_places: bool,
        held: bool,
    ) -> Option<usize> {
        let avoid_e = self.members(avoid);
        let n = self.s.tokens.len().min(t1 + WINDOW);
        // (a relative clause ends at its comma)
        let n = self.relative_clause_end(t0, t1).map_or(n, |e| e.min(n));
        let mut j = t1;
        while j < n {
            if self.has(j, class::QUOTE_STOPS | class::CLAUSE_STOPS | class::CLAUSE)
                || (self.is_char(j, b',') && self.has(j + 1, class::COMMA_CLAUSE))
            {
                return None;
            }
            // `sentenced one man to death for the bombing of a French tanker`,
            // `arrested on charges of spying for Iran`: the reason one is held for
            // names no target
            if held && j > t1 && (self.is(j, "for") || self.is(j, "charges")) {
                return None;
            }
            // `executed two men accused of spying for Israel`: what the object is
            // accused of names no target (an apposition after a dash or comma may:
            // `captured three foreigners suspected of being fighters – a British ...`)
            if j > t1
                && ["accused", "suspected", "convicted", "charged", "wanted"]
                    .iter()
                    .any(|w| self.is(j, w))
                && ["of", "with", "for", "over"]
                    .iter()
                    .any(|w| self.is(j + 1, w))
            {
                j += 2;
                while j < n && self.s.tokens[j].kind != TokenKind::Punct {
                    j += 1;
                }
                continue;
            }
            // `met in Abuja`: a place is no partner of talks or agreements
            let place = skip_places && j > 0 && self.has(j - 1, class::PLACE_PREPS);
            // `continue to pound the area, backed by Iranian and Russian allies`: the agent
            // of a participle is no guess at this verb's target (the agent of a noun is:
            // `condemned actions by Rwanda`)
            let before = j.checked_sub(1 + usize::from(j > 1 && self.has(j - 1, class::DETS)));
            let agent = before
                .is_some_and(|b| b > 0 && self.is(b, "by") && participle_ending(self.bytes(b - 1)));
            if let Some(k) = self.toks[j].start
                && !place
                && !agent
                && self.usable(k)
                && !self.is_speaker(k)
                && self.s.actors[k]
                    .entities
                    .iter()
                    .any(|e| !avoid_e.contains(e))
            {
                return Some(k);
            }
            j += 1;
        }
        None
    }

    /// The first actor after the trigger in the clause that names the same state as
    /// `src` in another phrase.
    fn same_state_target(&self, t1: usize, src: Option<usize>) -> Option<usize> {
        let src = src?;
        let want = &self.s.actors[src].entities;
        let n = self.s.tokens.len();
        (t1..n.min(t1 + WINDOW))
            .take_while(|&j| !self.has(j, class::QUOTE_STOPS | class::CLAUSE))
            .find_map(|j| self.toks[j].start)
            .filter(|&k| {
                k != src
                    && self.usable(k)
                    && &self.s.actors[k].entities == want
                    && self.s.actors[k].sector != self.s.actors[src].sector
                    // (`is to meet amid signs it will ...`: a pronoun before an
                    // auxiliary is the subject of a clause of its own)
                    && !(matches!(self.s.actors[k].referent, Referent::Pronoun(_))
                        && self.has(self.s.actors[k].t1, class::AUX)
                        && !self.has(self.s.actors[k].t1, class::TO))
            })
    }

    /// `Israeli helicopters attacked a Hamas training camp, killing 14 militants`: for a
    /// participle after a comma, the first actor after the main clause's verb trigger
    /// (no comma between) other than `source`: those its people belong to.
    fn main_object(&self, t0: usize, source: &EntityId) -> Option<usize> {
        if !(t0 > 1 && self.is_char(t0 - 1, b',') && self.w(t0).ends_with("ing")) {
            return None;
        }
        // (the clause's first verb: `attacked a Hamas training camp`)
        let lo = (t0.saturating_sub(WINDOW)..t0 - 1)
            .rev()
            .find(|&j| self.is_char(j, b','))
            .map_or(t0.saturating_sub(WINDOW), |c| c + 1);
        let v = (lo..t0 - 1).find(|&j| self.toks[j].verb_end)?;
        (0..self.s.actors.len()).find(|&k| {
            let a = &self.s.actors[k];
            a.t0 > v
                && a.t1 < t0
                && self.usable(k)
                && !self.is_speaker(k)
                && !a.entities.contains(source)
        })
    }

    /// The last state named as a place before the trigger (`in Iraq's city of Falluja`,
    /// `in Gaza`, or struck right before a participle's comma: `struck Gaza, killing`)
    /// other than `source`.
    fn place_before(&self, t0: usize, source: &EntityId) -> Option<usize> {
        (0..self.s.actors.len()).rev().find(|&k| {
            let a = &self.s.actors[k];
            a.t1 <= t0
                && a.t0 > 0
                && (self.has(a.t0 - 1, class::PLACE_PREPS)
                    || a.t1 + 1 == t0 && self.is_char(a.t1, b','))
                && self.usable(k)
                && a.entities.len() == 1
                && &a.entities[0] != source
                && self
                    .lex
                    .entity(&a.entities[0])
                    .is_some_and(|e| e.kind == EntityKind::Country)
        })
    }

    /// `held talks with rebels`, `signed a peace deal with Tuareg rebels`: `with` (the
    /// trigger's last word or one of the next five words) and, at most two words on,
    /// rebels, insurgents or the opposition of no state named.
    fn with_sub_state(&self, t1: usize) -> bool {
        let n = self.s.tokens.len();
        // (the form may end in `with`: `held talks with`)
        let Some(w) = (t1.saturating_sub(1)..(t1 + 5).min(n))
            .take_while(|&j| self.s.tokens[j].kind == TokenKind::Word)
            .find(|&j| self.is(j, "with"))
        else {
            return false;
        };
        (w + 1..(w + 4).min(n))
            .take_while(|&j| self.s.tokens[j].kind == TokenKind::Word)
            .any(|j| {
                self.s.items.iter().any(|(a, _, it)| {
                    *a == j && matches!(it, Item::Sector(c) if matches!(c.as_str(), "REB" | "INS" | "OPP"))
                })
            })
    }

    /// `arrested 12`, `killed three people`, `detained political opponents`: people (a
    /// number or a plural noun) right after the trigger.
    fn people_follow(&self, t1: usize, held: bool) -> bool {
        (t1..(t1 + 4).min(self.s.tokens.len()))
            .take_while(|&j| self.s.tokens[j].kind == TokenKind::Word)
            .any(|j| {
                let sub_state_noun = self.s.items.iter().any(|(a, _, it)| *a == j && matches!(it, Item::Sector(c) if !matches!(c.as_str(), "GOV" | "MIL" | "DIP")));
                let head_count = self.head_count(j);
                sub_state_noun
                    || head_count
                    || self.has(j, class::PEOPLE)
                    || held && self.has(j, class::HELD)
            })
    }

    /// Whether the subject of the passive at `t0` is people named by a noun alone (`a
    /// journalist was killed`, `Three soldiers wounded in Kabul`, `12 were arrested`).
    fn people_subject(&self, t0: usize) -> bool {
        self.before_auxiliaries(t0, false).is_some_and(|h| {
            self.s.tokens[h].kind == TokenKind::Word
                && !self.s.actors.iter().any(|a| (a.t0..a.t1).contains(&h))
                && (self.has(h, class::PEOPLE | class::VICTIMS | class::HELD)
                    || self.head_count(h)
                    || self.sectors_over(h).next().is_some())
        })
    }

    /// The agent of a reduced passive in the object after `t1`: `the sanctions imposed
    /// by the United States`, `the raid launched by Israel` (a noun of at most three words
    /// with no actor, a participle, `by`).
    fn participle_agent(&self, t1: usize) -> Option<usize> {
        let by = (t1 + 2..(t1 + 6).min(self.s.tokens.len())).find(|&j| self.is(j, "by"))?;
        let clean = (t1..by - 1).all(|j| {
            self.s.tokens[j].kind == TokenKind::Word
                && self.toks[j].start.is_none()
                && !self.has(j, class::PREPS | class::CLAUSE | class::AND_OR_TO)
        });
        (clean
            && participle_ending(self.bytes(by - 1))
            && !self.has(by - 1, class::PREPS | class::CLAUSE))
        .then(|| self.prep(by, "by", self.members(None)))
        .flatten()
        .filter(|&k| self.s.actors[k].t0 <= by + 3)
    }

    /// `arresting 12`: a number of people (not `13 billion`).
    fn head_count(&self, j: usize) -> bool {
        self.w(j).starts_with(|c: char| c.is_ascii_digit()) && !self.has(j + 1, class::UNITS)
    }

    /// The actor who said the clause the trigger is in: `Russia said that Sudan must`.
    fn clause_speaker(&self, t0: usize) -> Option<usize> {
        let v = (0..t0)
            .rev()
            .find(|&j| self.has(j, class::SPEECH | class::CLAUSE_VERBS))?;
        let actors = &self.s.actors;
        (0..actors.len())
            .rev()
            .find(|&k| actors[k].t1 <= v && self.usable(k) && !self.introduced_by_prep(k))
    }

    /// The direct object: the first actor after the trigger with only determiners and
    /// lower-case modifiers between.
    fn object(&self, t1: usize) -> Option<usize> {
        let n = self.s.tokens.len();
        let mut j = t1;
        let mut skipped = 0;
        while j < n {
            if let Some(k) = self.toks[j].start {
                return self.usable(k).then_some(k);
            }
            let tok = &self.s.tokens[j];
            if self.quantity_of(j) {
                j += 1;
                continue;
            }
            if self.has(j, class::UP_MORE_LESS) && self.has(j + 1, class::TO_THAN)
                || self.has(j, class::AT) && self.has(j + 1, class::LEAST)
            {
                j += 2;
                continue;
            }
            if tok.kind == TokenKind::Punct
                || self.has(j, class::PREPS)
                || self.has(j, class::CLAUSE)
                || self.has(j, class::AND_OR_TO)
            {
                return None;
            }
            let w = self.w(j);
            // (a title before a name is part of the object: `urged President Assad`)
            if w.starts_with(char::is_uppercase)
                && !self.has(j, class::DETS)
                && !self.s.items.iter().any(|(a, b, it)| {
                    (*a..*b).contains(&j) && matches!(it, Item::Title(_) | Item::Sector(_))
                })
            {
                return None;
            }
            skipped += 1;
            if skipped > 4 {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The first token from `t1` past a time adverbial or `in a statement` (at most four
    /// words: `on Monday`, `today`, `again this week`).
    fn past_time(&self, t1: usize) -> usize {
        const TIME: &[&str] = &[
            "today",
            "yesterday",
            "tonight",
            "again",
            "also",
            "repeatedly",
            "on",
            "this",
            "last",
            "in",
            "a",
            "statement",
            "week",
            "weekend",
            "morning",
            "afternoon",
            "evening",
            "night",
        ];
        let n = self.s.tokens.len();
        let mut j = t1;
        while j < n && j < t1 + 4 {
            let w = self.w(j);
            if !TIME
                .iter()
                .chain(&crate::dates::WEEKDAYS)
                .any(|t| w.eq_ignore_ascii_case(t))
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// The token after `that` when only a time adverbial or `in a statement` stands
    /// between token `t1` and it (`demanded on Monday that`, `its demand today that`).
    fn that_after_time(&self, t1: usize) -> Option<usize> {
        let j = self.past_time(t1);
        (j > t1 && self.is(j, "that")).then_some(j + 1)
    }

    /// Whether the clause ends at token `t1`, past a time adverbial (`, a rights group
    /// charged on Saturday.`).
    fn clause_final(&self, t1: usize) -> bool {
        let j = self.past_time(t1);
        j >= self.s.tokens.len() || self.has(j, class::PUNCT_STOPS) || self.is_char(j, b',')
    }

    /// `Niger's withdrawal`: the actor before a possessive right before the trigger.
    fn possessor(&self, t0: usize) -> Option<usize> {
        for back in 1..=3 {
            let Some(p) = t0.checked_sub(back) else { break };
            let w = self.w(p);
            if w == "'s" || w == "’s" {
                return self.ending(p).filter(|&k| self.usable(k));
            }
            if self.s.tokens[p].kind == TokenKind::Punct {
                break;
            }
        }
        None
    }

    /// The actor of a `PREP X` phrase after the trigger, within the clause.
    fn prep(&self, t1: usize, prep: &str, avoid: Members) -> Option<usize> {
        let n = self.s.tokens.len();
        let words = prep.bytes().filter(|&b| b == b' ').count() + 1;
        // a match starts with the first byte of the first word, but for ASCII case
        let first = prep
            .as_bytes()
            .first()
            .filter(|&&b| b != b' ')
            .map(|b| b | 0x20);
        let mut j = t1;
        let limit = (t1 + 14).min(n);
        while j < limit {
            let hit = if first.is_some_and(|f| self.first_lower(j) != f) {
                false
            } else if words == 1 {
                self.is(j, prep)
            } else {
                prep.split(' ').enumerate().all(|(o, w)| self.is(j + o, w))
            };
            if !hit
                && (self.s.tokens[j].kind == TokenKind::Punct && !self.is_char(j, b'-')
                    || self.has(j, class::CLAUSE))
            {
                return None;
            }
            if hit {
                let mut m = j + words;
                let mut skipped = 0;
                // `against the alleged violations by the Israeli military`: what is
                // opposed is the agent's act, so the agent is the target
                let agent_ok = prep == "against" || prep == "over";
                let mut agent_seen = false;
                while m < n && (skipped <= 4 || agent_ok && !agent_seen && self.is(m, "by")) {
                    if agent_ok && !agent_seen && skipped > 0 && self.is(m, "by") {
                        // (then a determiner or two before the agent)
                        agent_seen = true;
                        skipped = 3;
                        m += 1;
                        continue;
                    }
                    if let Some(k) = self.toks[m].start {
                        if self.usable(k)
                            && self.s.actors[k].entities.iter().any(|e| !avoid.contains(e))
                        {
                            return Some(k);
                        }
                        break;
                    }
                    if self.s.tokens[m].kind == TokenKind::Punct
                        || self.has(m, class::CLAUSE)
                        || self.has(m, class::PREP_STOPS)
                    {
                        break;
                    }
                    skipped += 1;
                    m += 1;
                }
            }
            j += 1;
        }
        None
    }

    /// `The agreement with France was terminated`: a `PREP X` phrase in the subject of a
    /// passive, before the trigger.
    fn prep_before(&self, t0: usize, prep: &str) -> Option<usize> {
        let start = t0.saturating_sub(10);
        (start..t0).find_map(|j| {
            if !self.is(j, prep) {
                return None;
            }
            self.actor_after(j).filter(|&k| self.s.actors[k].t1 <= t0)
        })
    }

    /// The usable actor right after token `j`, past one determiner (`between the X`).
    fn actor_after(&self, j: usize) -> Option<usize> {
        let m = if self.has(j + 1, class::DETS) {
            j + 2
        } else {
            j + 1
        };
        self.start_at(m).filter(|&k| self.usable(k))
    }

    /// The index of the actor starting at token `t` (none past the end).
    fn start_at(&self, t: usize) -> Option<usize> {
        self.toks.get(t).and_then(|x| x.start)
    }

    /// The first actor of a `between X and Y` phrase right after a noun.
    fn between(&self, t1: usize) -> Option<usize> {
        let j = (t1..(t1 + 3).min(self.s.tokens.len())).find(|&j| self.is(j, "between"))?;
        self.actor_after(j)
    }

    /// `In Burkina Faso, Russia deployed troops`: a fronted locative.
    fn fronted_in(&self, t0: usize) -> Option<usize> {
        if !self.is(0, "in") {
            return None;
        }
        let k = self.start_at(1).or_else(|| {
            if self.is(1, "the") {
                self.start_at(2)
            } else {
                None
            }
        })?;
        let a = &self.s.actors[k];
        (a.t1 < t0 && self.is_char(a.t1, b',') && self.usable(k)).then_some(k)
    }

    /// The governing actor of the sentence for an agentless passive or a bare noun: the
    /// first actor before the trigger that is not among the targets.
    fn context_source(&self, targets: Members, t0: usize) -> Option<(Option<usize>, EntityId)> {
        let actors = &self.s.actors;
        self.actors_before(t0)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find_map(|k| {
                let a = &actors[k];
                (self.usable(k) && !self.is_speaker(k))
                    .then(|| {
                        a.entities
                            .iter()
                            .find(|e| !targets.contains(e))
                            .map(|e| (Some(k), e.clone()))
                    })
                    .flatten()
            })
    }

    /// A generic verb (`ended`, `signed`, `suspended`) is about an agreement or aid only
    /// when a noun of that kind (a form of its noun rules) follows within a few words, or
    /// stands before a passive; a multi-word form (`suspended aid`) names it itself.
    fn object_noun_ok(&self, t0: usize, t1: usize, rule: &crate::lexicon::Trigger) -> bool {
        if !rule
            .target
            .iter()
            .any(|s| matches!(s, Slot::Needs(_) | Slot::NeedsNoun(_)))
        {
            return true;
        }
        let nouns = || {
            rule.target
                .iter()
                .filter_map(|s| match s {
                    Slot::Needs(k) => self.lex.noun_forms.get(k),
                    Slot::NeedsNoun(c) => self.lex.noun_classes.get(c),
                    _ => None,
                })
                .flatten()
        };
        let is_noun = |j: usize| {
            let w = self.w(j);
            nouns().any(|n| w.eq_ignore_ascii_case(n))
        };
        // (a multi-word form may name it itself: `suspended aid`)
        // (`suspended more than $500 million in aid`: a sum's sign and figures do not
        // count among the few words)
        let sum = |j: usize| {
            matches!(self.w(j), "$" | "€" | "£")
                || self.w(j).starts_with(|c: char| c.is_ascii_digit())
        };
        (t0 + 1..t1).any(is_noun)
            || (t1..self.s.tokens.len())
                // (`a day-old blockade`: a hyphen inside a compound is no break)
                .take_while(|&j| {
                    self.s.tokens[j].kind == TokenKind::Word || sum(j) || self.is_char(j, b'-')
                })
                // (`withdraw from Syria during a conversation`: a noun in a phrase of
                // time or circumstance is not the object)
                .take_while(|&j| {
                    !["during", "after", "before", "since", "amid", "despite", "until"]
                        .iter()
                        .any(|w| self.is(j, w))
                })
                .filter(|&j| !sum(j) && !self.is_char(j, b'-'))
                .take(6)
                .any(is_noun)
            // (both pure: the cheaper test first)
            || self.is_passive(t0, t1) && (t0.saturating_sub(8)..t0).any(is_noun)
    }

    /// Whether a rule's `+particle` condition holds: the particle follows the object that
    /// starts at `t1` (`ordered French troops out`), one to six words with no punctuation,
    /// preposition or `to` among them (`ordered troops to carry out raids` has none).
    fn particle_ok(&self, t1: usize, rule: &crate::lexicon::Trigger) -> bool {
        rule.target.iter().all(|slot| match slot {
            Slot::Particle(p) => (t1..(t1 + 7).min(self.s.tokens.len()))
                .take_while(|&j| {
                    self.s.tokens[j].kind == TokenKind::Word
                        && (self.w(j).eq_ignore_ascii_case(p)
                            || !self.has(j, class::PREPS | class::TO))
                })
                .any(|j| j > t1 && self.w(j).eq_ignore_ascii_case(p)),
            _ => true,
        })
    }

    /// Whether the noun at `t0` follows a preposition of time that places it apart from
    /// the clause's act (`after`, `following`, `amid`, ...; not `during`, whose talks or
    /// visit are the subject's own), past determiners and lower-case modifiers.
    fn after_time_prep(&self, t0: usize) -> bool {
        let time = |j: usize| {
            ["after", "following", "before", "since", "amid", "despite"]
                .iter()
                .any(|w| self.is(j, w))
        };
        (t0.saturating_sub(4)..t0)
            .rev()
            .find(|&j| {
                time(j)
                    || !(self.has(j, class::DETS)
                        || self.s.tokens[j].kind == TokenKind::Word
                            && self.w(j).starts_with(char::is_lowercase)
                            && !self.has(j, class::PREPS))
            })
            .is_some_and(time)
    }

    /// Whether actor `k` is the forces a deployment or withdrawal moves: armed forces
    /// (sector `MIL`) not after a preposition (`deployed Russian troops`, not `deployed
    /// troops against Russian forces`).
    fn forces_moved(&self, kind: RelationKind, k: usize) -> bool {
        matches!(kind, RelationKind::Deployment | RelationKind::Withdrawal)
            && self.s.actors[k].sector.as_deref() == Some("MIL")
            && !self.introduced_by_prep(k)
    }

    /// The state of the place a clause's act happens in: a country or a place of one,
    /// after `in`, `near`, `outside` or `inside` (past one adjective of direction), at
    /// most eight words after the trigger (`t0..t1`) with no punctuation between, or
    /// ending at most eight words before it (`In Harare, police arrested ...`).
    fn scene(&self, t0: usize, t1: usize) -> Option<EntityId> {
        self.scene_where(t0, t1, true)
    }

    /// [`Cx::scene`], after the trigger only unless `before`.
    fn scene_where(&self, t0: usize, t1: usize, before: bool) -> Option<EntityId> {
        self.scene_actor(t0, t1, before)
            .map(|k| self.s.actors[k].entities[0].clone())
    }

    /// The actor [`Cx::scene_where`] takes the state of.
    fn scene_actor(&self, t0: usize, t1: usize, before: bool) -> Option<usize> {
        let no_break = |a: usize, b: usize| !(a..b).any(|j| self.has(j, class::PUNCT_STOPS));
        let scene_prep = |j: usize| {
            ["in", "near", "outside", "inside"]
                .iter()
                .any(|w| self.is(j, w))
        };
        self.s
            .actors
            .iter()
            .enumerate()
            .filter(|&(k, a)| {
                a.t0 > 0
                    // (`in northern Mali`: past one adjective of direction; not `at` or
                    // `into`, which also name targets: `fired at`, `fired into`)
                    && (scene_prep(a.t0 - 1)
                        || a.t0 > 1
                            && scene_prep(a.t0 - 2)
                            && ["northern", "southern", "eastern", "western", "central"]
                                .iter()
                                .any(|w| self.is(a.t0 - 1, w)))
                    && self.usable(k)
                    && a.entities.len() == 1
                    && (a.t0 >= t1 && a.t0 - t1 <= 8 && no_break(t1, a.t0)
                        || before && a.t1 <= t0 && t0 - a.t1 <= 8)
                    // (`killed in U.S. air strikes`, `in Syrian and Russian raids`: a
                    // state before an event noun is who did it, no place)
                    && !self.names_an_event(k)
            })
            .find(|(_, a)| {
                self.lex
                    .entity(&a.entities[0])
                    .is_some_and(|x| x.kind == EntityKind::Country)
            })
            .map(|(k, _)| k)
    }

    /// Whether the actor `k`, or the list it begins (`Syrian and Russian`), stands right
    /// before a trigger noun: it says whose event that is. A city or region does not
    /// (`in Mosul attacks`).
    fn names_an_event(&self, k: usize) -> bool {
        let actors = &self.s.actors;
        if self.s.items.iter().any(|(i0, _, it)| {
            *i0 == actors[k].t0
                && matches!(it, Item::Entity(_, NameRole::Capital | NameRole::Place))
        }) {
            return false;
        }
        let mut end = actors[k].t1;
        for b in &actors[k + 1..] {
            if b.t0 == end + 1 && self.has(end, class::LINKS) {
                end = b.t1;
            } else {
                break;
            }
        }
        self.s
            .items
            .iter()
            .any(|(a, _, it)| *a == end && matches!(it, Item::Trigger(_)))
    }

    /// Whether the subject of the verb at `t0` is a noun of armed men with no actor
    /// (`rebels`, `gunmen`, `a suicide bomber`, `suspected Islamist militants`): a noun of
    /// the rebel sector (or, with `insurgents`, the insurgent one too) within the six
    /// words before, with no punctuation and no actor between.
    fn armed_subject(&self, t0: usize, insurgents: bool) -> bool {
        (t0.saturating_sub(6)..t0)
            .rev()
            .take_while(|&j| {
                self.s.tokens[j].kind == TokenKind::Word
                    && !self.s.actors.iter().any(|a| (a.t0..a.t1).contains(&j))
            })
            .any(|j| {
                self.sectors_over(j)
                    .any(|c| c == "REB" || insurgents && c == "INS")
            })
    }

    /// The sector codes of the sector nouns whose spans cover token `j` (`rebels`,
    /// `striking miners`).
    /// Whether the object after `t1` is a thing of the actor's own, a possessive and a
    /// noun that names no people (`defended its record in Afghanistan`, `its decision to
    /// send tanks to Ukraine`): what follows is said of that thing, no target. A place
    /// of its own (`left their base in Iraq`) or an act (`claimed its assaults into
    /// Syria`) is no such thing.
    fn own_thing_object(&self, t1: usize) -> bool {
        let j = self.past_time(t1) + 1;
        ["its", "their"].iter().any(|w| self.is(j - 1, w))
            && self
                .s
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && self.w(j).starts_with(|c: char| c.is_ascii_lowercase())
            && self.toks[j].start.is_none()
            && self.sectors_over(j).next().is_none()
            && !self.has(
                j,
                class::PEOPLE | class::VICTIMS | class::HELD | class::TERRITORY,
            )
            && !self
                .s
                .items
                .iter()
                .any(|(a, _, it)| (j..j + 2).contains(a) && matches!(it, Item::Trigger(_)))
    }

    /// The state of `on|along|near|to the ADJ border|frontier` in the clause after `t1`
    /// (at most eight words on): `massed troops on the Syrian border` is Syria.
    fn border_state(&self, t1: usize) -> Option<EntityId> {
        const EDGE_PREPS: &[&str] = &["on", "along", "near", "to", "toward", "towards", "at"];
        let n = self.s.tokens.len().min(t1 + 8);
        let prep_at = |i: usize| EDGE_PREPS.iter().any(|w| self.is(i, w));
        let mut j = t1;
        while j < n {
            if self.s.tokens[j].kind == TokenKind::Punct || self.has(j, class::CLAUSE) {
                return None;
            }
            // (a trigger may end with its preposition: `sent troops to`)
            let after = if prep_at(j) {
                Some(j + 1)
            } else {
                (j == t1 && t1 > 0 && prep_at(t1 - 1)).then_some(j)
            };
            if let Some(a) = after {
                let a = a + usize::from(self.is(a, "the"));
                if let Some((_, b, Item::Entity(e, NameRole::Adjective))) =
                    self.s.items.iter().find(|(i0, _, _)| *i0 == a)
                    && ["border", "borders", "frontier"]
                        .iter()
                        .any(|w| self.is(*b, w))
                {
                    return Some(self.lex.entities[*e].id.clone());
                }
            }
            j += 1;
        }
        None
    }

    /// The actor of `in|during|by|under [a] [lower-case words] STATE EVENT-NOUN` right
    /// after a passive ending at `t1` (`in an Israeli air strike`, `during a Turkish
    /// raid`): who did the act the passive names.
    fn event_agent_after(&self, t1: usize) -> Option<usize> {
        // (past a time word: `killed Saturday in`)
        let j = (t1..(t1 + 3).min(self.s.tokens.len()))
            .take_while(|&j| self.s.tokens[j].kind == TokenKind::Word)
            .find(|&j| {
                ["in", "during", "by", "under"]
                    .iter()
                    .any(|w| self.is(j, w))
            })?;
        let k = self.first_after(j + 1);
        let a = self.s.actors.get(k)?;
        (a.t0 > j
            && a.t0 <= j + 4
            && (j + 1..a.t0).all(|i| {
                self.s.tokens[i].kind == TokenKind::Word
                    && self.w(i).starts_with(|c: char| c.is_ascii_lowercase())
            })
            && a.entities.len() == 1
            && self.usable(k)
            && self.names_an_event(k))
        .then_some(k)
    }

    fn sectors_over(&self, j: usize) -> impl Iterator<Item = &str> {
        self.s.items.iter().filter_map(move |(a, b, it)| match it {
            Item::Sector(c) if (*a..*b).contains(&j) => Some(c.as_str()),
            _ => None,
        })
    }

    /// The nearest actor before the trigger at `t0`, if it ends at most four words before
    /// it and is an authority named by a noun alone whose state is not known (`The
    /// government`, `the army`, `the police`).
    fn bare_authority_before(&self, t0: usize) -> Option<usize> {
        let k = self.s.actors.iter().rposition(|a| a.t1 <= t0)?;
        let a = &self.s.actors[k];
        (a.entities.is_empty()
            && !a.media
            && t0 - a.t1 <= 4
            && matches!(a.referent, Referent::Definite(_) | Referent::Bare(_))
            && matches!(a.sector.as_deref(), Some("GOV" | "POL" | "MIL")))
        .then_some(k)
    }

    /// Whether a rule's frame finds a target in one of its prepositional slots after the
    /// trigger ending at token `t1`.
    fn prep_target(&self, t1: usize, rule: &crate::lexicon::Trigger) -> bool {
        rule.target.iter().any(|slot| match slot {
            Slot::Prep(p) => self.prep(t1, p, self.members(None)).is_some(),
            _ => false,
        })
    }

    /// Whether the word at `j` begins with `prefix` (lower-case ASCII), ASCII case aside.
    fn begins(&self, j: usize, prefix: &[u8]) -> bool {
        self.bytes(j)
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
    }

    /// Whether token `j` is the possessive `'s` (or `’s`), ASCII case aside.
    fn is_possessive_mark(&self, j: usize) -> bool {
        self.is(j, "'s") || self.is(j, "’s")
    }

    /// Whether a target (actor `k`, entity `e`) is of the kind a `=kind` condition asks
    /// for: such an entity named as itself, not its forces or officials; for `=person`, an
    /// actor phrase that names a person or envoys, whose state is the target (`welcomed
    /// Putin`, `welcomed a Chinese delegation`; not `welcomed Putin's decision`).
    fn kind_fits(&self, k: Option<usize>, e: &EntityId, kind: EntityKind) -> bool {
        if kind == EntityKind::Person {
            let actors = &self.s.actors;
            // whether the word at `j` ends the phrase before it: no possessive `'s`, no
            // lower-case noun that the phrase would modify (`welcome the Bush win`)
            let ends_phrase = |j: usize| {
                let Some(t) = self.s.tokens.get(j) else {
                    return true;
                };
                !self.is_possessive_mark(j)
                    && (t.kind != TokenKind::Word
                        || !self.w(j).starts_with(char::is_lowercase)
                        || self.has(
                            j,
                            class::PREPS | class::CLAUSE | class::AND_OR_TO | class::AUX,
                        ))
            };
            let named = |b: &Actor| b.person.is_some() && !b.possessive && ends_phrase(b.t1);
            // a head of state or government: the actor's last word or the word after it
            // (`the Polish president`, `his Sudanese counterpart`)
            let heads = |j: usize| {
                [
                    "counterpart",
                    "counterparts",
                    "president",
                    "leader",
                    "premier",
                    "minister",
                    "king",
                    "emir",
                    "chancellor",
                ]
                .iter()
                .any(|w| self.is(j, w))
            };
            return k.is_some_and(|k| {
                let a = &actors[k];
                let head = if a.t1 > 0 && heads(a.t1 - 1) {
                    ends_phrase(a.t1)
                } else {
                    heads(a.t1) && ends_phrase(a.t1 + 1)
                };
                named(a)
                    || !a.possessive && (a.sector.as_deref() == Some("DIP") || head)
                    // (`South African leader F.W. de Klerk`: the name right after the title;
                    // `Iran's Hassan Rouhani`: right after the possessive)
                    || actors.get(k + 1).is_some_and(|b| {
                        (b.t0 == a.t1
                            || a.possessive
                                && b.t0 == a.t1 + 1
                                && self.is_possessive_mark(a.t1))
                            && named(b)
                    })
            });
        }
        self.lex.entity(e).is_some_and(|x| x.kind == kind)
            && k.is_none_or(|k| self.s.actors[k].sector.is_none())
    }

    /// For a verb rule with `=kind` conditions: whether an actor that fits them starts
    /// within a few words after the trigger, in its clause. Tested when the rule is
    /// chosen, so that a later rule sharing the form is tried when it fails (`welcomed
    /// Putin` is a visit, `welcomed the decision` is support); of a passive, the subject
    /// (`the Cuban delegation was received by the Mexican president`).
    fn target_kind_ok(&self, t0: usize, t1: usize, rule: &crate::lexicon::Trigger) -> bool {
        if !rule.target.iter().any(|s| matches!(s, Slot::TargetKind(_))) {
            return true;
        }
        let fits = |k: usize, e: &EntityId| {
            rule.target.iter().all(|slot| match *slot {
                Slot::TargetKind(kind) => self.kind_fits(Some(k), e, kind),
                _ => true,
            })
        };
        // (the actor right before the auxiliaries: the subject is not worked out yet)
        if rule.pos == TriggerPos::Verb
            && self.is_passive(t0, t1)
            && let Some(k) = self
                .before_auxiliaries(t0, false)
                .and_then(|p| self.ending(p + 1))
        {
            return self.s.actors[k].entities.iter().any(|e| fits(k, e));
        }
        // a state named as itself is the very object (`suspended Niger`, `suspended the
        // Central African Republic`; not `suspends helicopter flights after Japan crash`)
        let near = if rule.target.contains(&Slot::TargetKind(EntityKind::Country)) {
            usize::from(self.has(t1, class::DETS))
        } else {
            4
        };
        // the object: the first actor after the trigger, a few words on, with no `by`,
        // `of` or clause break between (`welcomed the decision by Trump` is no visit)
        let k = self.first_after(t1);
        self.s.actors.get(k).is_some_and(|a| {
            a.t0 <= t1 + near
                && (t1..a.t0).all(|j| {
                    !(self.is(j, "by")
                        || self.is(j, "of")
                        || self.is_possessive_mark(j)
                        || self.has(j, class::PUNCT_STOPS))
                })
                && a.entities.iter().any(|e| fits(k, e))
        })
    }

    /// Whether the actor `target` is a named person and `source` is not: a person of a
    /// state is apart from that state's government, army or police (`the junta detained
    /// Aung San Suu Kyi`).
    fn person_apart(&self, source: usize, target: usize) -> bool {
        self.s.actors[target].person.is_some() && self.s.actors[source].person.is_none()
    }

    /// For a leaving verb at `t0` that is the infinitive of an order (`ordered French
    /// troops to leave`, `told the envoy to leave`, `gave them 72 hours to leave`): who
    /// gave the order and who was told to go, when they are of different states.
    fn ordered_to_leave(&self, t0: usize) -> Option<(usize, usize)> {
        if t0 == 0 || !self.has(t0 - 1, class::TO) {
            return None;
        }
        let o = (t0.saturating_sub(12)..t0 - 1)
            .rev()
            .take_while(|&j| !self.has(j, class::PUNCT_STOPS))
            .find(|&j| self.has(j, class::ORDERS))?;
        let actors = &self.s.actors;
        let told =
            (0..actors.len()).find(|&k| actors[k].t0 > o && actors[k].t1 < t0 && self.usable(k))?;
        // (not `subject`: `told` is also a verb of saying, whose subject is a speaker)
        let giver = (0..actors.len())
            .rev()
            .find(|&k| actors[k].t1 <= o && self.usable(k) && !self.introduced_by_prep(k))?;
        let told_e = self.members(Some(told));
        (!actors[giver].entities.iter().any(|e| told_e.contains(e))).then_some((giver, told))
    }

    /// Whether the verb at `t0` is the act that a verb of kind `kind` ending at `d1`
    /// projects rather than reports: the infinitive of a demand, threat, pledge or refusal
    /// (`urged Mali to expel`, `threatened to impose`, `agreed to withdraw`, `refused to
    /// recognise`), a verb form right after it (`must hand over`, `threatened sanctions`),
    /// and for demands also the verbs of a `that` clause (`demanded that Togo release`).
    fn projected_act(&self, kind: RelationKind, d1: usize, t0: usize) -> bool {
        use RelationKind::*;
        if !matches!(kind, Demand | Threat | Pledge | Rejection) {
            return false;
        }
        if t0 < d1 || t0 - d1 > 12 {
            return false;
        }
        if (d1..t0).any(|j| self.has(j, class::PUNCT_STOPS)) {
            return false;
        }
        // right after the verb: the act of `agreed to`, or a verb form read where the
        // object is a noun (`threatened sanctions`, `pledged support`)
        t0 == d1
            || t0 > 0 && self.has(t0 - 1, class::TO)
            || kind == Demand && (d1.saturating_sub(1)..t0).any(|j| self.has(j, class::THAT))
    }

    /// Whether the word at `t`, `May`, is the month: `in May`, `May 2017`, `May 3`.
    fn month_may(&self, t: usize) -> bool {
        self.w(t) == "May"
            && (t > 0 && self.has(t - 1, class::PREPS)
                || self
                    .s
                    .tokens
                    .get(t + 1)
                    .is_some_and(|_| self.w(t + 1).starts_with(|c: char| c.is_ascii_digit())))
    }

    fn modality(&self, t0: usize, pos: TriggerPos) -> Modality {
        let mut negated = false;
        let mut future = false;
        let mut hypothetical = false;
        let mut alleged = false;
        let mut t = t0;
        let mut steps = 0;
        while t > 0 && steps < 7 {
            t -= 1;
            steps += 1;
            let c = self.class(t);
            if c & (class::PUNCT_STOPS | class::MODAL_STOPS) != 0 {
                // `Iran denied that it had supplied drones`: what is denied did not
                // happen, as far as the one who denies says
                negated |= c & class::THAT != 0
                    && t > 0
                    && ["denied", "denies", "deny", "denying"]
                        .iter()
                        .any(|w| self.is(t - 1, w));
                break;
            }
            // the lists are disjoint, so the order of these tests is that of a `match`
            if c & class::NEGATORS != 0
                && !(self.is(t, "t")
                    && !(t > 0 && (self.is_char(t - 1, b'\'') || self.w(t - 1) == "’")))
                || pos == TriggerPos::Noun && steps <= 2 && self.w(t).eq_ignore_ascii_case("no")
            {
                negated = true;
            } else if pos == TriggerPos::Noun && self.toks[t].reacts_end {
                // `refused to condemn Russia's invasion`: what comes before a verb that
                // reacts to the event is said of the reaction, not of the event
                break;
            } else if c & class::FUTURE != 0
                || c & class::INTENT != 0 && (t + 1..t0).any(|j| self.has(j, class::TO))
            {
                future = true;
            } else if c & class::HYPOTHETICAL != 0 && !self.month_may(t)
                // (`to` right before the trigger, or one word before: `its bid to join
                // NATO was blocked` blocked it)
                || c & class::TRYING != 0
                    && (t0.saturating_sub(2).max(t + 1)..t0).any(|j| self.has(j, class::TO))
            {
                hypothetical = true;
            } else if c & class::ALLEGEDLY != 0
                || c & class::ALLEGED != 0 && steps <= 4 && pos == TriggerPos::Noun
            {
                alleged = true;
            }
        }
        // "he alleged that ...", "accused X of ...": what follows is alleged
        // (only asked when nothing stronger was found: negation, hypothesis and future
        // outrank it)
        if !(negated || hypothetical || future || alleged) {
            let from = t0.saturating_sub(WINDOW).max(1);
            let mut accused = false;
            for i in from..t0 {
                if !matches!(self.first_lower(i), b't' | b'a') {
                    continue;
                }
                let c = self.class(i);
                if c & class::THAT != 0 && self.has(i - 1, class::CLAIMS) {
                    alleged = true;
                    break;
                }
                accused |= c & class::ACCUSES != 0;
            }
            if accused && (t0.saturating_sub(6)..t0).any(|i| self.has(i, class::OF)) {
                alleged = true;
            }
        }
        if negated {
            Modality::Negated
        } else if hypothetical {
            Modality::Hypothetical
        } else if future {
            Modality::Future
        } else if alleged {
            Modality::Alleged
        } else {
            Modality::Asserted
        }
    }

    /// The person (or actor) the sentence is attributed to: `X said`, `said X`,
    /// `according to X`.
    fn speaker(&self) -> Option<EntityId> {
        let actors = &self.s.actors;
        let pick = |a: &Actor| a.person.clone().or_else(|| a.entities.first().cloned());
        for (k, a) in actors.iter().enumerate() {
            if a.media {
                continue;
            }
            if self.is_speaker(k) {
                return pick(a);
            }
            if a.t0 > 0 && self.has(a.t0 - 1, class::SPEECH)
                || a.t0 > 1 && self.is(a.t0 - 2, "according") && self.is(a.t0 - 1, "to")
            {
                return pick(a);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Modality, RelationKind};

    fn facts(text: &str) -> Vec<(String, RelationKind, String, Modality)> {
        Extractor::new()
            .extract(&Document::new("t", text))
            .assertions
            .into_iter()
            .filter(|a| a.kind != RelationKind::MemberOf)
            .map(|a| {
                (
                    a.source.to_string(),
                    a.kind,
                    a.target.to_string(),
                    a.modality,
                )
            })
            .collect()
    }

    fn has(
        f: &[(String, RelationKind, String, Modality)],
        s: &str,
        k: RelationKind,
        t: &str,
    ) -> bool {
        f.iter()
            .any(|(a, kind, b, _)| a == s && *kind == k && b == t)
    }

    /// Words for the table tests: every list word, case-flipped, cut, extended, and
    /// some non-ASCII and over-long ones.
    fn probe_words() -> Vec<String> {
        let mut v: Vec<String> = vec![
            String::new(),
            "x".repeat(15),
            "x".repeat(16),
            "Ünited".into(),
            "WİLL".into(),
            "a\0".into(),
            "\0".into(),
            "the\u{0}".into(),
            "—".into(),
            "–".into(),
            "“".into(),
            "k\u{212A}m".into(),
            "\u{e9}normLY".into(),
            "\u{e9}normly".into(),
            format!("{}LY", "x".repeat(22)),
            format!("{}LY", "x".repeat(23)),
            format!("{}ly", "x".repeat(23)),
            "ONLY".into(),
            "ABCLY".into(),
            "@[`{".into(),
            "AZaz".into(),
        ];
        for (_, list) in super::LISTS {
            for w in *list {
                v.push(w.to_string());
                v.push(w.to_uppercase());
                let mut flip: String = w
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i % 2 == 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                v.push(flip.clone());
                flip.push('s');
                v.push(flip);
                v.push(format!("{w}x"));
                v.push(format!("{w}\u{e9}"));
                v.push(w[..w.len() - w.chars().last().map_or(0, char::len_utf8)].to_string());
                v.push(format!("{w}{}", "y".repeat(20)));
            }
        }
        v
    }

    #[test]
    fn word_table_matches_ascii_case_insensitive_lists() {
        for w in probe_words() {
            let got = super::word_classes().get(w.as_bytes());
            // the first-byte filter of `Cx::has` never hides a list a word is in
            if let Some(&b) = w.as_bytes().first() {
                let by_first = super::word_classes().by_first[usize::from(b | 0x20)];
                assert_eq!(got & !by_first, 0, "{w:?}");
                assert_eq!(by_first & super::class::KNOWN, 0);
            }
            let want = super::LISTS
                .iter()
                .filter(|(_, list)| list.iter().any(|x| w.eq_ignore_ascii_case(x)))
                .fold(0, |acc, (bit, _)| acc | bit);
            assert_eq!(got, want, "{w:?}");
            let lower = crate::text::Lower::new(&w);
            let ly = lower.as_str().ends_with("ly") && lower.as_str().len() > 4;
            assert_eq!(
                super::classify(w.as_bytes()) & super::class::LY != 0,
                ly,
                "{w:?}"
            );
            for suffix in ["ed", "en", "wn", "ly"] {
                let want = lower.as_str().ends_with(suffix);
                assert_eq!(
                    super::lower_ends_with(&w, &[suffix]),
                    want,
                    "{w:?} {suffix}"
                );
                let upper = format!("{}{}", w, suffix.to_uppercase());
                let lower = crate::text::Lower::new(&upper);
                let want = lower.as_str().ends_with(suffix);
                assert_eq!(super::lower_ends_with(&upper, &[suffix]), want, "{upper:?}");
                for v in [&w, &upper, &format!("{w}{suffix}"), &format!("é{w}Ed")] {
                    assert_eq!(
                        super::participle_ending(v.as_bytes()),
                        super::lower_ends_with(v, &["ed", "en", "wn"]),
                        "{v:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn dedup_by_entity_keeps_first_of_each_in_order() {
        use crate::model::EntityId;
        let ids: Vec<EntityId> = ["A", "B", "C", "D"].map(EntityId::new).to_vec();
        // every sequence of up to 6 picks from 4 ids
        for len in 0..=6u32 {
            for code in 0..4usize.pow(len) {
                let mut v: Vec<(Option<usize>, EntityId)> = (0..len as usize)
                    .map(|p| {
                        let d = code / 4usize.pow(p as u32) % 4;
                        (Some(p), ids[d].clone())
                    })
                    .collect();
                let mut seen: Vec<EntityId> = Vec::new();
                let mut want = v.clone();
                want.retain(|(_, e)| {
                    let new = !seen.contains(e);
                    seen.push(e.clone());
                    new
                });
                super::dedup_by_entity(&mut v);
                assert_eq!(v, want);
            }
        }
    }

    #[test]
    fn ascii_lower_is_to_ascii_lowercase_per_byte() {
        for b in 0..=255u8 {
            for other in [0u8, b'A', b'z', 0x80, 0xff] {
                let mut bytes = [other; 8];
                for (i, x) in bytes.iter_mut().enumerate() {
                    if i % 3 != 0 {
                        *x = b.wrapping_add(i as u8);
                    }
                }
                let want = bytes.map(|x| x.to_ascii_lowercase());
                let got = super::ascii_lower(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(got, want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn word_lists_are_lower_case_short_and_one_bit_each() {
        let mut bits = 0u64;
        for (bit, list) in super::LISTS {
            assert_eq!(bit.count_ones(), 1);
            assert_eq!(bits & bit, 0, "bit {bit:#x} used twice");
            bits |= bit;
            for w in *list {
                assert_eq!(*w, w.to_ascii_lowercase());
                assert!(!w.is_empty() && w.len() <= super::MAX_KEY, "{w}");
            }
        }
        assert_eq!(bits & (super::class::LY | super::class::KNOWN), 0);
        // the first-byte filters before look-ups (`Cx::first_lower`) assume these
        for (list, first) in [
            (super::ACCUSES, b'a'),
            (&["that"][..], b't'),
            (super::WHICH_WHO, b'w'),
        ] {
            assert!(list.iter().all(|w| w.as_bytes()[0] == first), "{list:?}");
        }
        // the modality lists stand for the arms of one `match`: no word in two of them
        let modal = [
            super::NEGATORS,
            super::FUTURE,
            super::INTENT,
            super::HYPOTHETICAL,
            super::TRYING,
            super::ALLEGEDLY,
            super::ALLEGED,
            &["no"],
        ];
        for (i, a) in modal.iter().enumerate() {
            for b in &modal[i + 1..] {
                assert!(a.iter().all(|w| !b.contains(w)), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn agentless_passive_takes_the_governing_actor() {
        let f = facts(
            "Burkina Faso's junta, in power since 2022, says French troops were kicked out in February.",
        );
        assert!(has(&f, "BFA", RelationKind::Expulsion, "FRA"), "{f:?}");
    }

    #[test]
    fn coordination_gives_one_fact_per_member() {
        let f = facts("Mali, along with Niger and Burkina Faso, has moved closer to Russia.");
        for s in ["MLI", "NER", "BFA"] {
            assert!(has(&f, s, RelationKind::Alliance, "RUS"), "{s}: {f:?}");
        }
    }

    #[test]
    fn nominalisation_with_by_and_against() {
        let f = facts("The threat of reprisals by Washington against Niger angered Niamey.");
        assert!(has(&f, "USA", RelationKind::Threat, "NER"), "{f:?}");
    }

    #[test]
    fn future_acts_are_pledges_or_threats() {
        let f = facts("Japan will provide aid to the Philippines.");
        assert!(has(&f, "JPN", RelationKind::Pledge, "PHL"), "{f:?}");
        let f = facts("Turkey will expel the Dutch ambassador.");
        assert!(has(&f, "TUR", RelationKind::Threat, "NLD"), "{f:?}");
    }

    #[test]
    fn what_a_demand_asks_for_is_not_an_event() {
        for (text, demand, not) in [
            (
                "France urged Mali to expel the Russian ambassador.",
                ("FRA", "MLI"),
                ("MLI", RelationKind::Expulsion, "RUS"),
            ),
            (
                "Ghana demanded that Togo release the Nigerian traders.",
                ("GHA", "TGO"),
                ("TGO", RelationKind::Detention, "NGA"),
            ),
            (
                "Senegal called for sanctions against Guinea.",
                ("SEN", "GIN"),
                ("SEN", RelationKind::Sanctions, "GIN"),
            ),
            (
                "The UN reiterated its demand that Israel ease restrictions on Palestinian workers.",
                ("united-nations", "ISR"),
                ("ISR", RelationKind::Concession, "PSE"),
            ),
        ] {
            let f = facts(text);
            assert!(
                has(&f, demand.0, RelationKind::Demand, demand.1),
                "{text}: {f:?}"
            );
            assert!(!has(&f, not.0, not.1, not.2), "{text}: {f:?}");
        }
        // a noun projects the infinitive right after it
        for (text, not) in [
            (
                "Turkey's threat to invade northern Syria alarmed Washington.",
                ("TUR", RelationKind::Attack, "SYR"),
            ),
            (
                "Trump has received an invitation to visit Turkey next year.",
                ("USA", RelationKind::Talks, "TUR"),
            ),
        ] {
            let f = facts(text);
            assert!(!has(&f, not.0, not.1, not.2), "{text}: {f:?}");
        }
        let f = facts("Turkey's threat to invade northern Syria alarmed Washington.");
        assert!(has(&f, "TUR", RelationKind::Threat, "SYR"), "{f:?}");
        // `must`: the speaker's demand, not the act
        let f = facts("The minister said Niger must end its military agreement with France.");
        assert!(
            !has(&f, "NER", RelationKind::AgreementEnded, "FRA"),
            "{f:?}"
        );
        // an act of its own after the demand, joined by `and`, stays
        let f = facts("Mali expelled the French ambassador and urged Niger to do the same.");
        assert!(has(&f, "MLI", RelationKind::Expulsion, "FRA"), "{f:?}");
    }

    #[test]
    fn what_is_threatened_promised_or_refused_is_not_an_event() {
        for (text, kind, said, not) in [
            (
                "Chad threatened to expel the Sudanese ambassador.",
                RelationKind::Threat,
                ("TCD", "SDN"),
                ("TCD", RelationKind::Expulsion, "SDN"),
            ),
            (
                "Turkey threatened sanctions against Cyprus.",
                RelationKind::Threat,
                ("TUR", "CYP"),
                ("TUR", RelationKind::Sanctions, "CYP"),
            ),
            (
                "Kenya agreed to withdraw its troops from Somalia.",
                RelationKind::Pledge,
                ("KEN", "SOM"),
                ("KEN", RelationKind::Withdrawal, "SOM"),
            ),
            (
                "Serbia refused to recognise Kosovo.",
                RelationKind::Rejection,
                ("SRB", "XKX"),
                ("SRB", RelationKind::Support, "XKX"),
            ),
        ] {
            let f = facts(text);
            assert!(has(&f, said.0, kind, said.1), "{text}: {f:?}");
            assert!(!has(&f, not.0, not.1, not.2), "{text}: {f:?}");
        }
        // an act that happened, reported beside the threat, stays
        let f = facts("Chad expelled the Sudanese ambassador and threatened to close the border.");
        assert!(has(&f, "TCD", RelationKind::Expulsion, "SDN"), "{f:?}");
    }

    #[test]
    fn what_a_protest_demands_is_the_protest() {
        for text in [
            "Thousands of Malians protested in Bamako on Friday demanding the departure of French troops.",
            "Guinean traders began a hunger strike in Conakry to demand the reopening of the border with Senegal.",
        ] {
            let f = facts(text);
            assert!(
                f.iter().any(|x| x.1 == RelationKind::Protest),
                "{text}: {f:?}"
            );
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Demand),
                "{text}: {f:?}"
            );
        }
        // a demand of its own, with a finite verb, stays
        let f = facts(
            "Protesters in Bamako rallied against France, and Mali demanded an apology from Paris.",
        );
        assert!(has(&f, "MLI", RelationKind::Demand, "FRA"), "{f:?}");
    }

    #[test]
    fn the_infinitive_of_a_gerund_after_a_preposition_has_no_subject() {
        let f = facts(
            "Niger criticized the United States for trying “to deny the people of Niger the right to choose.",
        );
        assert!(has(&f, "NER", RelationKind::Condemnation, "USA"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Rejection), "{f:?}");
        let f =
            facts("Turkey needs to stop reacting to critics by trying to murder them in Syria.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        // an infinitive after a finite verb keeps its subject
        let f = facts("Russia is trying to deny Ukraine access to the sea.");
        assert!(has(&f, "RUS", RelationKind::Rejection, "UKR"), "{f:?}");
    }

    #[test]
    fn a_spokesperson_acts_for_the_actor_they_speak_for() {
        let f = facts("A spokesman for the Iranian foreign ministry condemned the Israeli strike.");
        assert!(has(&f, "IRN", RelationKind::Condemnation, "ISR"), "{f:?}");
        let f = facts("A spokeswoman for Germany's foreign office criticised Hungary.");
        assert!(has(&f, "DEU", RelationKind::Condemnation, "HUN"), "{f:?}");
        // any other actor after `for` stays out of the subject
        let f = facts("A campaign for Germany's foreign office criticised Hungary.");
        assert!(!has(&f, "DEU", RelationKind::Condemnation, "HUN"), "{f:?}");
        let f = facts("Officials at the State Department accused Niger of lying.");
        assert!(has(&f, "USA", RelationKind::Accusation, "NER"), "{f:?}");
        let f = facts("Diplomats from France met Russian officials.");
        assert!(has(&f, "FRA", RelationKind::Talks, "RUS"), "{f:?}");
        // an envoy at a body is posted there, and does not speak for it
        let f = facts("Karen Pierce, the UK representative at the UN, complained to the Russians.");
        assert!(!f.iter().any(|x| x.0 == "united-nations"), "{f:?}");
    }

    #[test]
    fn an_event_noun_after_a_preposition_of_time_is_not_the_subjects() {
        for text in [
            "Kenya offered to mediate with Somalia following the invasion of Jubaland.",
            "Egypt, after the peace deal, took steps to open its economy.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter()
                    .any(|x| matches!(x.1, RelationKind::Attack | RelationKind::AgreementSigned)),
                "{text}: {f:?}"
            );
        }
        // `during` talks are the subject's own
        let f = facts("Assad spoke during a meeting with Iran's foreign minister.");
        assert!(has(&f, "SYR", RelationKind::Talks, "IRN"), "{f:?}");
        // the speaker after an agentless passive is no place of the attack
        let f =
            facts("Norway will defend Denmark if it is attacked, Norway's foreign minister said.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
    }

    #[test]
    fn hosting_is_talks_only_with_people() {
        let f = facts("Putin hosted Iran's Hassan Rouhani in Sochi.");
        assert!(has(&f, "RUS", RelationKind::Talks, "IRN"), "{f:?}");
        let f = facts("Ghana hosted a Nigerian delegation last week.");
        assert!(has(&f, "GHA", RelationKind::Talks, "NGA"), "{f:?}");
        for text in [
            "Ankara hosts 3.5 million Syrian refugees.",
            "Belarus hosted Russian tactical nuclear weapons.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Talks),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn participles_and_passives_that_are_no_acts() {
        for text in [
            // a participle after a preposition modifies the noun after it
            "Militants loyal to ousted President Aristide of Haiti attacked the police.",
            // a passive of blocking, and blocked at the end, are nobody's protest
            "Cocoa prices fell but Ivorian exports stayed blocked.",
            "Attempts to act against Syria at the UN were blocked by Russia.",
            // a pronoun left in a state
            "The victory in Deir Ezzor leaves it with control over Syria.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| matches!(
                    x.1,
                    RelationKind::Expulsion | RelationKind::Protest | RelationKind::Withdrawal
                )),
                "{text}: {f:?}"
            );
        }
        let f = facts("Kenyan protesters blocked the highway to Uganda.");
        assert!(f.iter().any(|x| x.1 == RelationKind::Protest), "{f:?}");
        for text in [
            // an accident's participle, a game, a reduced passive of accusing
            "A bus carrying students collided with a truck in Greece, killing seven people.",
            "The United States beat Brazil 2-1 in extra time.",
            "A Bosnian Serb general accused of organising the siege of Sarajevo pleads not guilty.",
            // receiving a thing is no meeting
            "Sharon received a surprise challenge from Israel's Netanyahu.",
        ] {
            let f = facts(text);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
        let f = facts("Kenyan police beat protesters in Nairobi.");
        assert!(f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        let f = facts("Eight Egyptians have been arrested and accused by Egypt of plotting.");
        assert!(has(&f, "EGY", RelationKind::Accusation, "EGY"), "{f:?}");
    }

    #[test]
    fn demonstrate_with_an_object_is_no_protest() {
        for text in [
            "Putin met Sisi in Cairo, demonstrating Russia's new clout in Egypt.",
            "Iran demonstrated its resolve against Israel.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Protest),
                "{text}: {f:?}"
            );
        }
        let f = facts("Palestinians demonstrated outside the Israeli embassy against Israel.");
        assert!(has(&f, "PSE", RelationKind::Protest, "ISR"), "{f:?}");
    }

    #[test]
    fn a_sum_between_a_verb_and_its_aid_noun_is_no_gap() {
        let f = facts("Washington suspended more than $500 million in aid to Niger.");
        assert!(has(&f, "USA", RelationKind::AidSuspension, "NER"), "{f:?}");
        let f = facts("Washington paused some assistance programmes to Niger.");
        assert!(has(&f, "USA", RelationKind::AidSuspension, "NER"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Aid), "{f:?}");
    }

    #[test]
    fn clashes_between_two_sides_and_clashes_averted() {
        let f = facts("Heavy fighting broke out between Ethiopia and Eritrea.");
        assert!(has(&f, "ETH", RelationKind::Attack, "ERI"), "{f:?}");
        // `between` names both sides or none: no guess from the rest of the sentence
        let f = facts("The UN failed to end the fighting in the area near Damascus.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        // what is averted or prevented did not happen
        for text in [
            "The hotline is used to prevent a direct clash between US and Russian troops.",
            "To avert a military clash between US and Turkish forces, Washington gave way.",
        ] {
            let f = facts(text);
            let attacks: Vec<_> = f.iter().filter(|x| x.1 == RelationKind::Attack).collect();
            assert!(
                !attacks.is_empty() && attacks.iter().all(|x| x.3 == Modality::Negated),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_plural_after_a_preposition_and_a_modifier_is_a_noun() {
        let f = facts("Chinese authorities detained two Canadians on spying charges.");
        assert!(has(&f, "CHN", RelationKind::Detention, "CAN"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Accusation), "{f:?}");
        let f = facts("The ETA set off five bombs at petrol stations around Madrid.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Deployment), "{f:?}");
        // a verb after an idiom or a gerund's object keeps its verb reading
        let f = facts("Turkey gained the approval of Russia, which in turn backs Syria.");
        assert!(has(&f, "RUS", RelationKind::Support, "SYR"), "{f:?}");
    }

    #[test]
    fn the_adverb_back_is_no_support() {
        for text in [
            "Russia and Kazakhstan have taken back citizens from Syria.",
            "Egypt took a step back from its plan for Gaza.",
            "Ghana called on Togo to take its traders back.",
            "Turkish troops were driven back to Turkey.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter()
                    .any(|x| matches!(x.1, RelationKind::Support | RelationKind::Pledge)),
                "{text}: {f:?}"
            );
        }
        let f = facts("Poland backed Ukraine's membership bid.");
        assert!(has(&f, "POL", RelationKind::Support, "UKR"), "{f:?}");
        let f = facts("Lithuania and Latvia back Ukraine.");
        assert!(has(&f, "LTU", RelationKind::Support, "UKR"), "{f:?}");
    }

    #[test]
    fn people_killed_in_a_place_named_before_are_of_that_place() {
        let f =
            facts("Ethiopian jets bombed a market in Sudan's Blue Nile state, killing 12 people.");
        assert!(has(&f, "ETH", RelationKind::Attack, "SDN"), "{f:?}");
        assert!(!has(&f, "ETH", RelationKind::Attack, "ETH"), "{f:?}");
        // no place named: the attacker's own people, as before
        let f = facts("Malian soldiers killed 20 people on Sunday.");
        assert!(has(&f, "MLI", RelationKind::Attack, "MLI"), "{f:?}");
    }

    #[test]
    fn leaving_a_thing_is_no_withdrawal() {
        for text in [
            "Syrian refugees left their homes in Ghouta on Thursday.",
            "Afghan protesters left the square after dark.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Withdrawal),
                "{text}: {f:?}"
            );
        }
        // leaving a state, and a withdrawal with no object, stay
        let f = facts("The last French soldiers left Senegal in July.");
        assert!(has(&f, "FRA", RelationKind::Withdrawal, "SEN"), "{f:?}");
    }

    #[test]
    fn three_actors_joined_by_commas_are_a_list() {
        let f =
            facts("Canada agreed to lift its embargoes on Iran, Libya, Sudan, and later on, Cuba.");
        for t in ["IRN", "LBY", "SDN"] {
            assert!(has(&f, "CAN", RelationKind::Pledge, t), "{t}: {f:?}");
        }
        let f = facts("Washington is asking Britain, France, Germany and other allies to act.");
        for t in ["GBR", "FRA", "DEU"] {
            assert!(has(&f, "USA", RelationKind::Demand, t), "{t}: {f:?}");
        }
    }

    #[test]
    fn a_warning_is_aimed_at_who_will_suffer_not_at_who_is_named() {
        let f =
            facts("A Houthi official warned that Britain would face retaliation for the strikes.");
        assert!(has(&f, "houthis", RelationKind::Threat, "GBR"), "{f:?}");
        let f = facts("Israeli officials warned that Iran is delivering rockets to the group.");
        assert!(!has(&f, "ISR", RelationKind::Threat, "IRN"), "{f:?}");
        let f = facts("North Korea warned South Korea of consequences.");
        assert!(has(&f, "PRK", RelationKind::Threat, "KOR"), "{f:?}");
    }

    #[test]
    fn a_verb_form_after_an_adjective_is_a_noun() {
        let f = facts("Ghana and Togo said they would respond to an alleged chemical attack.");
        assert!(!has(&f, "GHA", RelationKind::Threat, "TGO"), "{f:?}");
        let f = facts("Russia vetoed an inquiry into chemical attacks in Syria.");
        assert!(!has(&f, "RUS", RelationKind::Attack, "SYR"), "{f:?}");
        // a plural demonym is the subject of the verb
        let f = facts("Palestinians kill three Israeli soldiers.");
        assert!(has(&f, "PSE", RelationKind::Attack, "ISR"), "{f:?}");
    }

    #[test]
    fn pressure_from_x_is_a_noun_whose_agent_is_x() {
        let f = facts("Sudan is unlikely to feel pressure from Egypt or Ethiopia.");
        assert!(!has(&f, "SDN", RelationKind::Demand, "EGY"), "{f:?}");
        let f = facts("The Kurds receive significant backing from Turkey.");
        assert!(!f.iter().any(|x| x.2 == "TUR"), "{f:?}");
        let f = facts("Russian ships deployed from Russia to Syria.");
        assert!(f.iter().any(|x| x.1 == RelationKind::Deployment), "{f:?}");
    }

    #[test]
    fn a_must_aimed_at_the_speaker_names_no_one_after_it() {
        let f = facts(
            "Pompeo's deputy, speaking for the United States, said: \"We need to talk with the Turks.\"",
        );
        assert!(!has(&f, "USA", RelationKind::Demand, "TUR"), "{f:?}");
        let f = facts("The United States said that Iran must release the sailors.");
        assert!(has(&f, "USA", RelationKind::Demand, "IRN"), "{f:?}");
    }

    #[test]
    fn negation_and_allegation_are_modalities() {
        let f = facts("Ghana did not expel the Nigerian traders.");
        assert!(
            f.iter().any(|x| x.0 == "GHA"
                && x.1 == RelationKind::Expulsion
                && x.3 == Modality::Negated),
            "{f:?}"
        );
        let f = facts("Iran allegedly attacked a Saudi tanker.");
        assert!(
            f.iter()
                .any(|x| x.0 == "IRN" && x.1 == RelationKind::Attack && x.3 == Modality::Alleged),
            "{f:?}"
        );
    }

    #[test]
    fn generic_verbs_need_their_object_noun() {
        assert!(facts("Russia ended the week with a parade in Moscow for Belarus.").is_empty());
        let f = facts("Russia ended its grain agreement with Ukraine.");
        assert!(has(&f, "RUS", RelationKind::AgreementEnded, "UKR"), "{f:?}");
    }

    #[test]
    fn ending_or_banning_aid_suspends_it() {
        // the aid noun is the verb's object, not aid given
        for text in [
            "Washington ended its military aid to Niger.",
            "Germany cancelled development aid to Niger.",
            "The United States banned aid to Niger.",
        ] {
            let f = facts(text);
            assert!(
                f.iter()
                    .any(|(_, k, t, _)| *k == RelationKind::AidSuspension && t == "NER"),
                "{text}: {f:?}"
            );
            assert!(!f.iter().any(|x| x.1 == RelationKind::Aid), "{text}: {f:?}");
        }
        // without an aid noun, `ended` is not about aid
        let f = facts("Russia ended its grain agreement with Ukraine.");
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::AidSuspension),
            "{f:?}"
        );
    }

    #[test]
    fn mobilising_needs_forces_or_an_enemy() {
        let f = facts("Saudi Arabia has mobilized pressure groups in the United States.");
        assert!(f.is_empty(), "{f:?}");
        let f = facts("Russia mobilised 300,000 reservists against Ukraine.");
        assert!(has(&f, "RUS", RelationKind::Mobilization, "UKR"), "{f:?}");
        let f = facts("Armenia mobilised against Azerbaijan.");
        assert!(has(&f, "ARM", RelationKind::Mobilization, "AZE"), "{f:?}");
    }

    #[test]
    fn leaving_an_organisation_ends_its_agreement() {
        let f = facts("Mali announced its withdrawal from ECOWAS.");
        assert!(
            has(&f, "MLI", RelationKind::AgreementEnded, "ecowas"),
            "{f:?}"
        );
    }

    #[test]
    fn ending_cooperation_is_no_cooperation() {
        let f = facts("Niger's junta ended its military cooperation with the United States.");
        assert_eq!(
            f.iter()
                .map(|x| (x.0.as_str(), x.1, x.2.as_str()))
                .collect::<Vec<_>>(),
            [("NER", RelationKind::AgreementEnded, "USA")]
        );
        let f = facts("Italy scrapped its strategic partnership with China.");
        assert!(has(&f, "ITA", RelationKind::AgreementEnded, "CHN"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Alliance), "{f:?}");
        // military operations are no agreement: ending them is a de-escalation
        let f = facts("Russia ended its military operations in Syria.");
        assert!(
            f.iter()
                .all(|x| x.1 == RelationKind::DeEscalation && x.0 == "RUS" && x.2 == "SYR"),
            "{f:?}"
        );
        assert!(!f.is_empty());
    }

    #[test]
    fn welcoming_a_leader_is_a_visit_and_welcoming_a_decision_is_support() {
        for text in [
            "Egypt's president welcomed his Sudanese counterpart in Cairo on Sunday.",
            "Chirac welcomed Putin in Paris.",
            "Ghana welcomed a Togolese delegation in Accra.",
            "Mitterrand gave a warm welcome on Thursday to South African leader F.W. de Klerk.",
        ] {
            let f = facts(text);
            assert!(
                f.iter().any(|x| x.1 == RelationKind::Talks),
                "{text}: {f:?}"
            );
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Support),
                "{text}: {f:?}"
            );
        }
        // the person owns or modifies the object, or stands after `by`: the later rule
        for text in [
            "Chirac welcomed Putin's decision.",
            "Macron welcomed the Polish president's decision.",
            "Senator Rand Paul welcomed the decision by Donald Trump.",
            "Berlusconi and Putin said they welcome the Bush win.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Talks),
                "{text}: {f:?}"
            );
        }
        let f = facts("Chirac welcomed Putin's decision.");
        assert!(has(&f, "FRA", RelationKind::Support, "RUS"), "{f:?}");
    }

    #[test]
    fn accepting_an_offer_or_a_plan_is_a_pledge_to_its_author() {
        let f = facts("Israel accepted the Egyptian proposal for a truce.");
        assert!(has(&f, "ISR", RelationKind::Pledge, "EGY"), "{f:?}");
        let f = facts("Kenya accepted an invitation from China to attend the summit.");
        assert!(has(&f, "KEN", RelationKind::Pledge, "CHN"), "{f:?}");
        // nothing offered: no pledge
        let f = facts("Hamas accepted responsibility for the attack on Israel.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Pledge), "{f:?}");
        // an offer's author is its possessor, never a state far after it
        let f =
            facts("Two senators opposed a proposal to ban US companies from boycotting Israel.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Pledge), "{f:?}");
    }

    #[test]
    fn a_state_that_holds_its_own_people_acts_at_home() {
        for text in [
            "Chinese authorities detained a Tibetan monk.",
            "Chinese authorities arrested two dissidents.",
            "Egyptian police detained a journalist.",
        ] {
            let f = facts(text);
            assert!(
                f.iter().any(|x| x.1 == RelationKind::Detention),
                "{text}: {f:?}"
            );
        }
        // children and women are no one held: an attack on them names its own target
        let f = facts("They beat all my four children.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn what_one_is_held_or_accused_for_names_no_target() {
        for text in [
            "Iran executed two men accused of spying for Israel.",
            "A court in Yemen sentenced one man to death for the bombing of a French tanker.",
            "China arrested a businessman on charges of spying for Taiwan.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter()
                    .any(|x| ["ISR", "FRA", "TWN"].contains(&x.2.as_str())),
                "{text}: {f:?}"
            );
        }
        let f = facts("Egypt sentenced three Israelis to prison for spying.");
        assert!(has(&f, "EGY", RelationKind::Detention, "ISR"), "{f:?}");
    }

    #[test]
    fn exchanges_go_both_ways_and_a_welcome_mediates_nothing() {
        let f = facts("Iran and Iraq exchanged prisoners.");
        assert!(has(&f, "IRN", RelationKind::Concession, "IRQ"), "{f:?}");
        assert!(has(&f, "IRQ", RelationKind::Concession, "IRN"), "{f:?}");
        let f = facts("Saudi Arabia welcomed the agreement between Iran and Iraq.");
        assert!(
            has(&f, "IRN", RelationKind::AgreementSigned, "IRQ"),
            "{f:?}"
        );
        assert!(
            !f.iter()
                .any(|x| x.0 == "SAU" && x.1 == RelationKind::AgreementSigned),
            "{f:?}"
        );
        // assets frozen are sanctions on their owner, however they are named
        let f = facts("Switzerland froze accounts linked to Libya.");
        assert!(has(&f, "CHE", RelationKind::Sanctions, "LBY"), "{f:?}");
    }

    #[test]
    fn coming_under_attack_from_x_is_an_attack_by_x() {
        let f = facts("Syrian forces came under attack from Turkish troops.");
        assert!(has(&f, "TUR", RelationKind::Attack, "SYR"), "{f:?}");
        let f = facts("Kyiv came under heavy shelling from Russian forces.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
        // `under pressure from` is still no act of the subject's
        let f = facts("Syria came under pressure from Turkey.");
        assert!(f.is_empty(), "{f:?}");
        // a strike is a protest at home
        let f = facts("Workers in South Korea went on strike against the government.");
        assert!(has(&f, "KOR", RelationKind::Protest, "KOR"), "{f:?}");
    }

    #[test]
    fn what_is_opposed_is_its_agents_act() {
        for text in [
            "Palestinians held demonstrations against the alleged human rights violations \
             by the Israeli military.",
            "Pakistanis protested against the killing of civilians by US drones.",
        ] {
            let f = facts(text);
            assert!(
                f.iter().any(|x| x.1 == RelationKind::Protest),
                "{text}: {f:?}"
            );
            assert!(
                f.iter()
                    .all(|x| x.1 != RelationKind::Protest || x.2 == "ISR" || x.2 == "USA"),
                "{text}: {f:?}"
            );
        }
        // an active verb reacting to a noun with an agent is no reduced passive
        let f = facts("France protested against a decision by Italy.");
        assert!(has(&f, "FRA", RelationKind::Protest, "ITA"), "{f:?}");
        assert!(!has(&f, "ITA", RelationKind::Protest, "FRA"), "{f:?}");
    }

    #[test]
    fn a_protest_broken_up_is_the_protesters_at_home() {
        let f = facts("Egyptian police dispersed a protest against Israel.");
        assert!(has(&f, "EGY", RelationKind::Repression, "EGY"), "{f:?}");
        assert!(!has(&f, "EGY", RelationKind::Repression, "ISR"), "{f:?}");
        let f = facts(
            "Turkish police prevented a demonstration by students to protest the sending \
             of troops to Iraq.",
        );
        assert!(has(&f, "TUR", RelationKind::Repression, "TUR"), "{f:?}");
        assert!(!has(&f, "TUR", RelationKind::Repression, "IRQ"), "{f:?}");
    }

    #[test]
    fn a_charge_said_after_the_act_is_against_its_actor() {
        let f = facts("Russian jets bombed a hospital in Syria, the United States charged.");
        assert!(has(&f, "USA", RelationKind::Accusation, "RUS"), "{f:?}");
        // by no one named, no accusation (it had been the victims' state against itself)
        let f = facts(
            "US border agents abused Mexican immigrants, a human rights group charged on Saturday.",
        );
        assert!(!f.iter().any(|x| x.1 == RelationKind::Accusation), "{f:?}");
        // with an object, the verb keeps its frame
        let f = facts("Britain charged two Russians with the poisoning.");
        assert!(has(&f, "GBR", RelationKind::Accusation, "RUS"), "{f:?}");
    }

    #[test]
    fn a_government_and_its_own_rebels() {
        let f = facts("Sudan's government held talks with rebels.");
        assert!(has(&f, "SDN", RelationKind::Talks, "SDN"), "{f:?}");
        let f = facts("The Colombian government signed a peace deal with rebels.");
        assert!(
            has(&f, "COL", RelationKind::AgreementSigned, "COL"),
            "{f:?}"
        );
        // rebels of a state named are that state's
        let f = facts("Russia held talks with Syrian rebels.");
        assert!(has(&f, "RUS", RelationKind::Talks, "SYR"), "{f:?}");
        // a partner of no kind named is none
        assert!(facts("Sudan's government held talks with envoys.").is_empty());
    }

    #[test]
    fn saying_who_was_behind_an_attack_accuses_them() {
        let f = facts("The US said Iran was behind the attack on the tanker.");
        assert!(has(&f, "USA", RelationKind::Accusation, "IRN"), "{f:?}");
        // responsible for something else is no accusation
        assert!(facts("Britain said France was responsible for security at the port.").is_empty());
    }

    #[test]
    fn a_city_that_names_an_agreement_is_no_actor() {
        for text in [
            "The US pulled out of the Paris agreement.",
            "The US pulled out of the Paris climate agreement.",
        ] {
            let f = facts(text);
            assert!(!f.iter().any(|x| x.2 == "FRA"), "{text}: {f:?}");
        }
        // a capital for its government still acts
        let f = facts("Moscow signed a deal with Kiev.");
        assert!(
            has(&f, "RUS", RelationKind::AgreementSigned, "UKR"),
            "{f:?}"
        );
    }

    #[test]
    fn willingness_to_act_is_a_pledge() {
        let f = facts("India expressed willingness to resume talks with Pakistan.");
        assert!(has(&f, "IND", RelationKind::Pledge, "PAK"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Talks), "{f:?}");
        let f = facts("Syrian rebels are determined to stand by Turkey.");
        assert!(has(&f, "SYR", RelationKind::Pledge, "TUR"), "{f:?}");
    }

    #[test]
    fn a_station_is_no_stationing() {
        for text in [
            "Iraqi insurgents bombed a police station in Baghdad.",
            "A bomb went off outside a busy Moscow subway station.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Deployment),
                "{text}: {f:?}"
            );
        }
        let f = facts("US troops stationed in Germany were attacked.");
        assert!(has(&f, "USA", RelationKind::Deployment, "DEU"), "{f:?}");
    }

    #[test]
    fn liberation_movements_act_for_their_state() {
        // the PLO speaks for Palestine; the IRA fought in Northern Ireland, in the UK
        let f = facts("The PLO rejected the Israeli plan.");
        assert!(has(&f, "PSE", RelationKind::Rejection, "ISR"), "{f:?}");
        let f = facts("Qatar mediated between Israel and the PLO.");
        assert!(has(&f, "QAT", RelationKind::Talks, "PSE"), "{f:?}");
        let f = facts("IRA guerrillas killed two British soldiers.");
        assert!(has(&f, "ira", RelationKind::Attack, "GBR"), "{f:?}");
        // an army is a force that can be mobilised
        let f = facts("North Korea mobilised its army against South Korea.");
        assert!(has(&f, "PRK", RelationKind::Mobilization, "KOR"), "{f:?}");
    }

    #[test]
    fn a_place_stands_for_its_state_never_its_government() {
        let f = facts("Russian jets struck Aleppo on Monday.");
        assert!(has(&f, "RUS", RelationKind::Attack, "SYR"), "{f:?}");
        let f = facts("Russia annexed Crimea in 2014.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
        let f = facts("Ukrainian forces withdrew from Bakhmut.");
        assert!(has(&f, "UKR", RelationKind::Withdrawal, "UKR"), "{f:?}");
        let ex = crate::Extractor::new();
        let sector = |text: &str, id: &str| {
            ex.mentions(&crate::Document::new("t", text))
                .mentions
                .into_iter()
                .find(|m| m.entity.as_str() == id)
                .map(|m| m.sector)
        };
        // a state's National Security Council is its government, not the UN's council
        assert_eq!(
            sector(
                "Trump met the US National Security Council on Tuesday.",
                "USA"
            ),
            Some(Some("GOV".into()))
        );
        assert_eq!(
            sector(
                "Trump met the US National Security Council on Tuesday.",
                "un-security-council"
            ),
            None
        );
        // a capital may speak for its government; a city never does
        assert_eq!(
            sector("Damascus said the talks had failed.", "SYR"),
            Some(Some("GOV".into()))
        );
        assert_eq!(sector("Aleppo fell in December.", "SYR"), Some(None));
    }

    #[test]
    fn free_after_a_noun_is_an_adjective() {
        for text in [
            "Russia agreed to visa free travel with Serbia.",
            "Egypt may sell goods made with Israeli parts duty free in America.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Concession),
                "{text}: {f:?}"
            );
        }
        let f = facts("Pakistan allowed a violence free protest in Lahore.");
        assert!(
            !f.iter()
                .any(|x| x.1 == RelationKind::Concession && x.2 != "PAK"),
            "{f:?}"
        );
        for text in [
            "Hamas to free Israeli hostages.",
            "Turkey said it would soon free the Greek soldiers.",
        ] {
            let f = facts(text);
            assert!(
                f.iter()
                    .any(|x| x.1 == RelationKind::Concession || x.1 == RelationKind::Pledge),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn opposing_is_rejection_in_either_voice() {
        let f = facts("Russia opposed the deployment of NATO troops in Estonia.");
        assert!(has(&f, "RUS", RelationKind::Rejection, "nato"), "{f:?}");
        let f = facts("The Turkish deployment is opposed by Damascus.");
        assert!(has(&f, "SYR", RelationKind::Rejection, "TUR"), "{f:?}");
        // `is opposed to` is no passive: its subject opposes
        let f = facts("Chile is opposed to the Argentine claim.");
        assert!(has(&f, "CHL", RelationKind::Rejection, "ARG"), "{f:?}");
        assert!(!has(&f, "ARG", RelationKind::Rejection, "CHL"), "{f:?}");
    }

    #[test]
    fn reducing_a_presence_is_a_withdrawal_not_a_deployment() {
        let f = facts("Turkey reduced its military presence in Qatar.");
        assert!(has(&f, "TUR", RelationKind::Withdrawal, "QAT"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Deployment), "{f:?}");
        let f = facts("France ended its deployment in Mali.");
        assert!(has(&f, "FRA", RelationKind::Withdrawal, "MLI"), "{f:?}");
        // without a deployment noun, `reduced` and `ended` are no withdrawal
        let f = facts("Turkey reduced its tariffs on Qatar.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Withdrawal), "{f:?}");
        let f = facts("Syrian intelligence officers tortured a Jordanian journalist.");
        assert!(has(&f, "SYR", RelationKind::Attack, "JOR"), "{f:?}");
    }

    #[test]
    fn the_owner_of_a_noun_before_an_infinitive_is_its_subject() {
        let f = facts("Turkey objected to Sweden's bid to join NATO.");
        assert!(has(&f, "SWE", RelationKind::Alliance, "nato"), "{f:?}");
        assert!(!has(&f, "TUR", RelationKind::Alliance, "nato"), "{f:?}");
        let f =
            facts("The envoy resigned over Donald Trump's decision to withdraw troops from Syria.");
        assert!(has(&f, "USA", RelationKind::Withdrawal, "SYR"), "{f:?}");
    }

    #[test]
    fn hitting_is_an_attack_unless_with_sanctions() {
        let f = facts("Russian missiles hit a power station in Kharkiv.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
        let f = facts("Chinese coast guard vessels rammed a Philippine supply boat.");
        assert!(has(&f, "CHN", RelationKind::Attack, "PHL"), "{f:?}");
        let f = facts("The Houthis launched drones at Saudi Arabia.");
        assert!(has(&f, "houthis", RelationKind::Attack, "SAU"), "{f:?}");
        // `hit X with sanctions` (or tariffs) is a sanction, `hit out at` a condemnation
        for text in [
            "The United States hit Iran with new sanctions.",
            "The EU hit Russia with tariffs.",
            "Iran hit out at Israel.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Attack),
                "{text}: {f:?}"
            );
        }
        let f = facts("Iran hit out at Israel.");
        assert!(has(&f, "IRN", RelationKind::Condemnation, "ISR"), "{f:?}");
    }

    #[test]
    fn invitations_calls_and_requests_for_aid() {
        let f = facts("Egypt invited Ethiopia to resume talks on the dam.");
        assert!(has(&f, "EGY", RelationKind::Pledge, "ETH"), "{f:?}");
        let f = facts("Zelensky was invited to the summit by Biden.");
        assert!(has(&f, "USA", RelationKind::Pledge, "UKR"), "{f:?}");
        let f = facts("Germany's chancellor telephoned the Russian president.");
        assert!(has(&f, "DEU", RelationKind::Talks, "RUS"), "{f:?}");
        let f = facts("The Philippines sought assistance from the United States.");
        assert!(has(&f, "PHL", RelationKind::Demand, "USA"), "{f:?}");
        // `seek to` is an attempt, not a request
        let f = facts("Iran is seeking to expand its ties with Iraq.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Demand), "{f:?}");
    }

    #[test]
    fn its_forces_after_a_speech_verb_are_the_speakers() {
        let f = facts("Turkey said its troops killed 20 Kurdish militants in Syria.");
        assert!(has(&f, "TUR", RelationKind::Attack, "SYR"), "{f:?}");
        let f = facts("Russia said that its forces had captured the town of Avdiivka.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
        // a person's `its` is no one's
        let f = facts("Putin said its troops had captured Avdiivka.");
        assert!(
            !f.iter()
                .any(|x| x.1 == RelationKind::Attack && x.0 == "RUS"),
            "{f:?}"
        );
    }

    #[test]
    fn a_headline_pair_joined_by_a_comma_acts_together() {
        let f = facts("Ghana, Togo sign security pact.");
        assert!(
            has(&f, "GHA", RelationKind::AgreementSigned, "TGO"),
            "{f:?}"
        );
        let f = facts("Israel, Hamas agree to ceasefire.");
        assert!(has(&f, "ISR", RelationKind::Pledge, "hamas"), "{f:?}");
        // an apposition or a verb with -s is no pair
        let f = facts("Kenya, the regional power, signed a pact with Uganda.");
        assert!(
            has(&f, "KEN", RelationKind::AgreementSigned, "UGA"),
            "{f:?}"
        );
        assert!(!f.iter().any(|x| x.0 == "UGA" || x.2 == "KEN"), "{f:?}");
    }

    #[test]
    fn an_actor_inside_a_closed_relative_clause_is_no_subject() {
        let f = facts("The Saudi-led coalition, which is fighting the Houthis, bombed Yemen.");
        assert!(has(&f, "SAU", RelationKind::Attack, "YEM"), "{f:?}");
        assert!(!f.iter().any(|x| x.0 == "houthis"), "{f:?}");
        // an antecedent that is no actor leaves the verb with no subject
        let f = facts("The alliance, which includes Russia, attacked Ukraine.");
        assert!(!has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
    }

    #[test]
    fn a_state_adjective_before_border_at_its_edge_is_a_place() {
        let f = facts("Pakistani troops attacked two hideouts near the rugged Afghan border.");
        assert!(!f.iter().any(|x| x.0 == "AFG" || x.2 == "AFG"), "{f:?}");
        let f = facts("Burmese troops captured a rebel stronghold on the Thai border.");
        assert!(!f.iter().any(|x| x.2 == "THA"), "{f:?}");
        // inside its borders, the state is meant
        let f = facts("The PKK fought an insurgency inside Turkish borders.");
        assert!(has(&f, "pkk", RelationKind::Attack, "TUR"), "{f:?}");
    }

    #[test]
    fn ceasefires_and_lifted_sieges_are_de_escalation() {
        let f = facts("The Israeli army lifted on Friday a day-old blockade on Gaza.");
        assert!(has(&f, "ISR", RelationKind::DeEscalation, "PSE"), "{f:?}");
        // the blockade lifted is no new sanction, nor a concession
        assert_eq!(f.len(), 1, "{f:?}");
        let f = facts("Russia declared a unilateral 36-hour ceasefire in Ukraine.");
        assert!(has(&f, "RUS", RelationKind::DeEscalation, "UKR"), "{f:?}");
        let f = facts("Turkey suspended military operations in Syria.");
        assert!(has(&f, "TUR", RelationKind::DeEscalation, "SYR"), "{f:?}");
        // a truce ended, or asked for, is none; sanctions lifted stay a concession
        for text in [
            "Yemeni rebels announced that the ceasefire had collapsed.",
            "Israel announced the end of the truce with Lebanon.",
            "France called for a ceasefire in Syria.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::DeEscalation),
                "{text}: {f:?}"
            );
        }
        let f = facts("The European Union lifted sanctions on Belarus.");
        assert!(
            has(&f, "european-union", RelationKind::Concession, "BLR"),
            "{f:?}"
        );
    }

    #[test]
    fn a_demand_reaches_its_that_clause_past_a_time_adverbial() {
        for text in [
            "Greece demanded on Monday that Albania respect minority rights.",
            "Greece demanded today that Albania respect minority rights.",
            "Greece demanded in a statement that Albania respect minority rights.",
            "Greece renewed its demand this week that Albania respect minority rights.",
        ] {
            let f = facts(text);
            assert!(has(&f, "GRC", RelationKind::Demand, "ALB"), "{text}: {f:?}");
        }
        // a that-clause past other words is not what is demanded of its subject
        let f = facts("Greece demanded more talks so that Albania would listen.");
        assert!(!has(&f, "GRC", RelationKind::Demand, "ALB"), "{f:?}");
    }

    #[test]
    fn a_speaker_may_have_an_adverb_before_the_speech_verb() {
        let f = facts(
            "Burmese troops captured part of a rebel stronghold after days of fighting, \
             Thai police here said on Monday.",
        );
        assert!(!f.iter().any(|x| x.2 == "THA"), "{f:?}");
    }

    #[test]
    fn releasing_a_video_frees_no_one() {
        for text in [
            "Indonesian police released video footage of the blast outside the Australian embassy.",
            "A survey released by Transparency International ranked India low.",
            "The figures have been released by the UNHCR to mark the anniversary in Syria.",
            "Downing Street released a statement after the call with President Trump.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Concession),
                "{text}: {f:?}"
            );
        }
        let f = facts("Turkey released a US pastor detained for two years.");
        assert!(has(&f, "TUR", RelationKind::Concession, "USA"), "{f:?}");
    }

    #[test]
    fn leaving_something_in_a_state_or_a_caption_is_no_withdrawal() {
        for text in [
            "US Secretary of State Colin Powell, left, shakes hands with the Japanese prime minister.",
            "Washington's decision would leave Syria open to Iranian advances.",
            "Iraq Attacks Leave at Least 20 Dead",
            "The killing of Saleh leaves Yemen with no clear end to the conflict.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Withdrawal),
                "{text}: {f:?}"
            );
        }
        let f = facts("The last French soldiers left Senegal with their equipment in July.");
        assert!(has(&f, "FRA", RelationKind::Withdrawal, "SEN"), "{f:?}");
    }

    #[test]
    fn a_second_verb_of_a_disaster_attacks_no_one() {
        for text in [
            "Greek School Bus Crash Kills Seven, Injures 24",
            "China's worst floods in a century kill at least 172, injure thousands",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Attack),
                "{text}: {f:?}"
            );
        }
        let f = facts("Israeli troops killed two militants and wounded five others in Gaza.");
        assert!(has(&f, "ISR", RelationKind::Attack, "PSE"), "{f:?}");
    }

    #[test]
    fn a_participle_after_a_place_struck_harms_its_people() {
        let f = facts("Israeli jets struck Gaza, killing 12 people.");
        assert!(has(&f, "ISR", RelationKind::Attack, "PSE"), "{f:?}");
        assert!(!has(&f, "ISR", RelationKind::Attack, "ISR"), "{f:?}");
        // a disaster opening the sentence is the participle's subject
        let f = facts("A strong earthquake rocked Taiwan, damaging buildings and injuring people.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
    }

    #[test]
    fn thanking_is_praise() {
        let f = facts("Putin thanked Kim for North Korea's support.");
        assert!(has(&f, "RUS", RelationKind::Support, "PRK"), "{f:?}");
        // `thanks to` is a preposition (and `thanks` no form of the rule)
        let f = facts("Thanks to Russian help, the Syrian army advanced.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Support), "{f:?}");
    }

    #[test]
    fn a_participle_after_a_comma_modifies_the_actor_before_it() {
        let f = facts(
            "Saudi Arabia sought a settlement with Bashar al-Assad's regime, backed by \
             Moscow and Tehran.",
        );
        assert!(has(&f, "RUS", RelationKind::Support, "SYR"), "{f:?}");
        assert!(has(&f, "IRN", RelationKind::Support, "SYR"), "{f:?}");
        assert!(!f.iter().any(|x| x.2 == "SAU"), "{f:?}");
    }

    #[test]
    fn allies_acting_together_do_not_attack_each_other() {
        let f = facts("Malian troops and Wagner fighters killed dozens of civilians in Moura.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        let f = facts("Syrian and Russian jets bombed rebel positions.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        // a war fought, or fire exchanged, is mutual
        let f = facts("Israel and Hezbollah fought a month-long war in 2006.");
        assert!(has(&f, "ISR", RelationKind::Attack, "hezbollah"), "{f:?}");
        let f = facts("India and Pakistan exchanged fire across the border.");
        assert!(has(&f, "IND", RelationKind::Attack, "PAK"), "{f:?}");
    }

    #[test]
    fn a_headlines_reduced_passive_of_harm() {
        let f = facts("Chinese engineers kidnapped in Pakistan");
        assert!(has(&f, "PAK", RelationKind::Detention, "CHN"), "{f:?}");
        let f = facts("Two US soldiers killed in Iraq bombing");
        assert!(has(&f, "IRQ", RelationKind::Attack, "USA"), "{f:?}");
        // an active verb keeps its reading
        let f = facts("Hamas attacked Israel on October 7.");
        assert!(has(&f, "hamas", RelationKind::Attack, "ISR"), "{f:?}");
    }

    #[test]
    fn a_pronouns_group_is_not_both_ends() {
        let f = facts(
            "The US, Britain and France struck Syria on Saturday. \
             They said they carried out the airstrikes to enforce a ban.",
        );
        assert!(!has(&f, "GBR", RelationKind::Attack, "FRA"), "{f:?}");
        assert!(has(&f, "GBR", RelationKind::Attack, "SYR"), "{f:?}");
        // `they` is both ends of a symmetric act
        let f = facts(
            "Russia and Niger met in December. They said they had signed new security \
             agreements.",
        );
        assert!(
            has(&f, "RUS", RelationKind::AgreementSigned, "NER"),
            "{f:?}"
        );
        // `the two countries` is both ends of a symmetric act
        let f = facts(
            "Turkey and Britain held talks in London. \
             The two countries signed a free trade agreement.",
        );
        assert!(
            f.iter().filter(|x| x.0 == "TUR" && x.2 == "GBR").count() >= 2,
            "{f:?}"
        );
    }

    #[test]
    fn the_agent_of_a_participle_is_no_target_guess() {
        let f = facts("Syrian forces continued to pound the area, backed by Russian allies.");
        assert!(!has(&f, "SYR", RelationKind::Attack, "RUS"), "{f:?}");
        // the agent of a noun still is one
        let f = facts("The Security Council condemned military actions by Rwanda.");
        assert!(
            has(&f, "un-security-council", RelationKind::Condemnation, "RWA"),
            "{f:?}"
        );
    }

    #[test]
    fn according_to_x_is_no_list_member() {
        let f = facts("According to the Kremlin, Russia and China discussed the war.");
        assert!(has(&f, "RUS", RelationKind::Talks, "CHN"), "{f:?}");
    }

    #[test]
    fn sending_weapons_is_aid() {
        for (text, a, b) in [
            ("Poland delivered fighter jets to Ukraine.", "POL", "UKR"),
            ("Iran supplied hundreds of drones to Russia.", "IRN", "RUS"),
            (
                "The United States provided Ukraine with air defence systems.",
                "USA",
                "UKR",
            ),
            (
                "Chemical weapons were given to Iraq by the United States.",
                "USA",
                "IRQ",
            ),
        ] {
            let f = facts(text);
            assert!(has(&f, a, RelationKind::Aid, b), "{text}: {f:?}");
        }
        // weapons used, or a verb of sending without them, are no aid
        for text in [
            "Russian tanks rolled into Ukraine.",
            "Iran sent advisers to Syria.",
            "Saddam Hussein's weapons programmes alarmed the United States.",
        ] {
            let f = facts(text);
            assert!(!f.iter().any(|x| x.1 == RelationKind::Aid), "{text}: {f:?}");
        }
    }

    #[test]
    fn freezing_participation_ends_the_agreement() {
        let f = facts("Armenia froze its participation in the CSTO.");
        assert!(
            has(&f, "ARM", RelationKind::AgreementEnded, "csto"),
            "{f:?}"
        );
    }

    #[test]
    fn congo_alone_is_the_democratic_republic() {
        let f = facts("Congo accused Rwanda of backing the rebels.");
        assert!(has(&f, "COD", RelationKind::Accusation, "RWA"), "{f:?}");
        let f = facts("The Republic of Congo accused Rwanda of backing the rebels.");
        assert!(has(&f, "COG", RelationKind::Accusation, "RWA"), "{f:?}");
    }

    #[test]
    fn joining_an_organisation_is_an_alliance() {
        let f = facts("Finland joined NATO in April.");
        assert!(has(&f, "FIN", RelationKind::Alliance, "nato"), "{f:?}");
        // `=organization`: a state's forces, or an organisation's, are not joined as allies
        let f = facts("Russian troops joined Syrian forces in the offensive.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Alliance), "{f:?}");
        let f = facts("Chad sent troops to join African Union troops in Darfur.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Alliance), "{f:?}");
    }

    #[test]
    fn what_is_tried_sought_or_unlikely_has_not_happened() {
        for text in [
            "Turkey is unlikely to join the European Union.",
            "Ukraine applied to join NATO.",
            "Al-Qaeda attempted to assassinate the Iraqi prime minister.",
        ] {
            let f = facts(text);
            assert!(!f.is_empty(), "{text}");
            assert!(
                f.iter().all(|x| x.3 == Modality::Hypothetical),
                "{text}: {f:?}"
            );
        }
        // the attempt is not what was blocked
        let f = facts("Sweden's bid to join NATO was blocked by Hungary.");
        assert!(
            f.iter()
                .any(|x| x.1 == RelationKind::Alliance && x.3 == Modality::Hypothetical),
            "{f:?}"
        );
    }

    #[test]
    fn a_government_in_a_place_is_that_places_own() {
        let f = facts("The junta in Mali expelled the French ambassador.");
        assert!(has(&f, "MLI", RelationKind::Expulsion, "FRA"), "{f:?}");
        let f = facts("The government in Kabul condemned the attack by Pakistan.");
        assert!(has(&f, "AFG", RelationKind::Condemnation, "PAK"), "{f:?}");
        let f = facts("Authorities in Niger arrested two French nationals.");
        assert!(has(&f, "NER", RelationKind::Detention, "FRA"), "{f:?}");
        // an adjective before it names someone else's government; troops and diplomats
        // in a place are not its own
        assert!(facts("The Kurdish administration in Syria accused Turkey.").is_empty());
        assert!(
            facts("US officials in Baghdad accused Iran.")
                .iter()
                .all(|(s, ..)| s == "USA")
        );
        assert!(facts("Troops in Mali attacked Niger.").is_empty());
    }

    #[test]
    fn a_named_person_is_apart_from_the_state_that_acts_on_them() {
        let f = facts("Myanmar's junta detained Aung San Suu Kyi.");
        assert!(has(&f, "MMR", RelationKind::Detention, "MMR"), "{f:?}");
        // the state and its government are still one
        assert!(facts("Myanmar's government detained Myanmar's officials.").is_empty());
    }

    #[test]
    fn the_topic_of_talks_has_not_happened() {
        let f = facts(
            "Israel and Lebanon renewed negotiations today on an Israeli troop pullback \
             from Lebanon.",
        );
        assert!(has(&f, "ISR", RelationKind::Talks, "LBN"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Withdrawal), "{f:?}");
        // a verb form after a preposition is the noun: `talks on sanctions`
        let f = facts("Iran and the EU held talks on sanctions against Russia.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Sanctions), "{f:?}");
        // an infinitive after `to` stays a verb (an intent: a threat)
        let f = facts("Japan decided to sanction Russia.");
        assert!(has(&f, "JPN", RelationKind::Threat, "RUS"), "{f:?}");
    }

    #[test]
    fn a_demand_noun_projects_its_that_clause() {
        let f = facts(
            "The ILO reiterated its demand today that Israel ease restrictions on Palestinian workers.",
        );
        assert!(!f.iter().any(|x| x.1 == RelationKind::Concession), "{f:?}");
    }

    #[test]
    fn taking_ground_is_an_assault() {
        let f = facts("Russian forces seized the town of Avdiivka from Ukraine.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
        let f = facts("Turkish troops captured part of a Kurdish guerrilla stronghold in Syria.");
        assert!(
            f.iter().all(|x| x.1 == RelationKind::Attack) && !f.is_empty(),
            "{f:?}"
        );
        // people or ships taken are detained, wherever they were
        let f = facts("Iran arrested a British man in the city of Tabriz.");
        assert!(has(&f, "IRN", RelationKind::Detention, "GBR"), "{f:?}");
        let f = facts("Iran seized a British tanker.");
        assert!(has(&f, "IRN", RelationKind::Detention, "GBR"), "{f:?}");
    }

    #[test]
    fn ordered_to_leave_is_an_expulsion() {
        for text in [
            "Mali ordered French troops to leave the country.",
            "Niger gave the French ambassador 48 hours to leave.",
            "Mali told the French ambassador to leave.",
        ] {
            let f = facts(text);
            assert!(
                f.iter()
                    .any(|x| x.1 == RelationKind::Expulsion && x.2 == "FRA"),
                "{text}: {f:?}"
            );
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Withdrawal),
                "{text}: {f:?}"
            );
        }
        // own troops told to leave withdraw
        let f = facts("The US president ordered US forces in Syria to leave.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Expulsion), "{f:?}");
    }

    #[test]
    fn a_particle_after_the_object_makes_the_phrasal_verb() {
        for (text, source, target) in [
            (
                "Niger ordered French troops out of the country.",
                "NER",
                "FRA",
            ),
            ("Niger Junta Orders French Envoy Out", "NER", "FRA"),
            ("Mali kicked the UN mission out.", "MLI", "united-nations"),
        ] {
            let f = facts(text);
            assert!(
                has(&f, source, RelationKind::Expulsion, target),
                "{text}: {f:?}"
            );
        }
        // `out` of another verb, after `to`
        let f = facts("Russia ordered its troops to carry out exercises near Ukraine.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Expulsion), "{f:?}");
        // without the particle, `ordered` is no expulsion
        let f = facts("Niger ordered French rifles for its army.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_bare_verb_opening_a_sentence_is_a_command() {
        let f = facts("Putin invaded Ukraine. Kick him out.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Expulsion), "{f:?}");
        let f = facts("Expel the Russian ambassador now, Polish lawmakers urged.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Expulsion), "{f:?}");
        // a headline's verb after its subject still acts
        let f = facts("Mali Expels French Ambassador");
        assert!(has(&f, "MLI", RelationKind::Expulsion, "FRA"), "{f:?}");
    }

    #[test]
    fn the_antecedent_of_a_closed_relative_clause_is_the_subject() {
        let f = facts("Mali, which borders Niger, signed a deal with Russia.");
        assert!(
            has(&f, "MLI", RelationKind::AgreementSigned, "RUS"),
            "{f:?}"
        );
        assert!(!f.iter().any(|x| x.0 == "NER"), "{f:?}");
        let f = facts("Russia, which had granted Turkey permission, blamed the US on Monday.");
        assert!(has(&f, "RUS", RelationKind::Accusation, "USA"), "{f:?}");
    }

    #[test]
    fn a_bloc_suspends_a_state_named_right_after_the_verb() {
        let f = facts("The African Union suspended the Central African Republic.");
        assert!(
            has(&f, "african-union", RelationKind::Expulsion, "CAF"),
            "{f:?}"
        );
        let f = facts("ECOWAS suspended Mali from the bloc after the coup.");
        assert!(has(&f, "ecowas", RelationKind::Expulsion, "MLI"), "{f:?}");
        for text in [
            "US suspends helicopter flights after Japan crash.",
            "All consular services are suspended in Syria.",
            "Mali suspended the broadcasts of France 24.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Expulsion),
                "{text}: {f:?}"
            );
        }
        // `ruled out` rejects, and a negated one is negated
        let f = facts("Israel ruled out talks with the Palestinian Authority.");
        assert!(has(&f, "ISR", RelationKind::Rejection, "PSE"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Talks), "{f:?}");
    }

    #[test]
    fn those_expelled_from_a_state_are_expelled_by_it() {
        let f = facts("Afghans expelled from Pakistan crossed into Afghanistan.");
        assert!(has(&f, "PAK", RelationKind::Expulsion, "AFG"), "{f:?}");
        assert_eq!(f.len(), 1, "{f:?}");
        let f = facts("Ghanaians ordered out of Nigeria returned home.");
        assert!(has(&f, "NGA", RelationKind::Expulsion, "GHA"), "{f:?}");
        // the expelled unnamed: no expulsion, and not the main clause's subject
        let f = facts("Benin opened its borders to West Africans ordered out of Nigeria.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Expulsion), "{f:?}");
        // the active verb keeps its frame
        let f = facts("Niger expelled French troops from the country.");
        assert!(has(&f, "NER", RelationKind::Expulsion, "FRA"), "{f:?}");
    }

    #[test]
    fn a_reduced_passive_takes_its_agent_after_a_phrase() {
        let f = facts("Sanctions imposed on Iran by the United States have hurt its economy.");
        assert!(has(&f, "USA", RelationKind::Sanctions, "IRN"), "{f:?}");
        let f = facts("Troops deployed to Mali by France will leave next year.");
        assert!(has(&f, "FRA", RelationKind::Deployment, "MLI"), "{f:?}");
        // `by` and a date is no agent; an active verb with an object is no passive
        let f = facts("Sanctions imposed on Iran by Friday will hurt.");
        assert!(!has(&f, "USA", RelationKind::Sanctions, "IRN"), "{f:?}");
        let f = facts("France deployed troops to Mali by air.");
        assert!(has(&f, "FRA", RelationKind::Deployment, "MLI"), "{f:?}");
        // what is left is no one leaving
        let f = facts("Canadian police were left in the dark by the United States.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Withdrawal), "{f:?}");
    }

    #[test]
    fn a_verb_in_a_relative_clause_finds_its_target_inside_it() {
        let f =
            facts("Germany, which had opposed the plan, later backed sending tanks to Ukraine.");
        assert!(has(&f, "DEU", RelationKind::Support, "UKR"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Rejection), "{f:?}");
        let f = facts("France, which has criticised the coup, suspended aid to Niger.");
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::Condemnation),
            "{f:?}"
        );
        // a target inside the clause still counts
        let f = facts("Germany, which had opposed Russia, later backed Ukraine.");
        assert!(has(&f, "DEU", RelationKind::Rejection, "RUS"), "{f:?}");
    }

    #[test]
    fn coordinated_subjects_act_on_each_other_only_in_mutual_acts() {
        assert!(facts("China and Russia vetoed the resolution.").is_empty());
        let f = facts("Saudi Arabia, the UAE and Bahrain criticised the decision.");
        assert!(f.is_empty(), "{f:?}");
        let f = facts("India and Pakistan agreed to a ceasefire.");
        assert!(has(&f, "IND", RelationKind::Pledge, "PAK"), "{f:?}");
        // a pledge about their ties is mutual
        let f = facts("Moscow and Beijing pledged to deepen cooperation.");
        assert!(has(&f, "RUS", RelationKind::Pledge, "CHN"), "{f:?}");
        assert!(facts("Moscow and Beijing pledged to rebuild roads.").is_empty());
        let f = facts("Ethiopia and Eritrea signed a peace deal.");
        assert!(
            has(&f, "ETH", RelationKind::AgreementSigned, "ERI"),
            "{f:?}"
        );
    }

    #[test]
    fn a_demand_names_whom_it_asks() {
        // the actor named in what is asked is not asked
        let f = facts(
            "Delegates at Iraq's national conference called on the cleric to end his \
             uprising against U.S. troops.",
        );
        assert!(!f.iter().any(|x| x.2 == "USA"), "{f:?}");
        // a title before the name asked
        let f = facts("Egypt urged President Assad to step down.");
        assert!(has(&f, "EGY", RelationKind::Demand, "SYR"), "{f:?}");
    }

    #[test]
    fn a_title_case_headline_has_verbs() {
        let f = facts("Russia Expels Two British Diplomats");
        assert!(has(&f, "RUS", RelationKind::Expulsion, "GBR"), "{f:?}");
        let f = facts("US Urges Iran to Halt Uranium Enrichment");
        assert!(has(&f, "USA", RelationKind::Demand, "IRN"), "{f:?}");
        // inside a sentence a capitalised trigger is still a name
        let f = facts("Croatian officials attended the Rally for Peace in Belgrade.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Protest), "{f:?}");
    }

    #[test]
    fn an_ambiguous_name_before_a_headline_verb_is_the_state() {
        // `Turkey Backs`: in a title-case headline the capitalised word after an
        // ambiguous name is its verb when it is a trigger
        let f = facts("Turkey Backs Azerbaijan in Dispute With Armenia");
        assert!(has(&f, "TUR", RelationKind::Support, "AZE"), "{f:?}");
        let f = facts("Jordan Condemns Israeli Raid on Gaza Hospital");
        assert!(has(&f, "JOR", RelationKind::Condemnation, "ISR"), "{f:?}");
        // a first name is still a first name
        assert!(facts("Chad Smith Wins Another Award in Georgia").is_empty());
    }

    #[test]
    fn a_headline_preposition_is_no_name() {
        for text in [
            "Niger Junta Orders French Envoy Out",
            "Pakistan Summons Afghan Envoy Over Border Attack",
        ] {
            let doc = Extractor::new().extract(&Document::new("t", text));
            let ids: Vec<String> = doc
                .assertions
                .iter()
                .flat_map(|a| [a.source.to_string(), a.target.to_string()])
                .collect();
            assert!(
                !ids.iter()
                    .any(|id| id.contains("out") || id.contains("over")),
                "{text}: {ids:?}"
            );
        }
    }

    #[test]
    fn disasters_attack_no_one() {
        assert!(facts("Japan Earthquakes Kill 23 in the North").is_empty());
        // the disaster heads a longer subject
        let f = facts("The worst flooding in a century killed 172 people in China.");
        assert!(f.is_empty(), "{f:?}");
        // an actor between them is the subject
        let f = facts("After the earthquake, Turkish troops killed two Syrian soldiers.");
        assert!(has(&f, "TUR", RelationKind::Attack, "SYR"), "{f:?}");
        assert!(facts("Two Indian pilgrims were killed in a bus crash in Nepal.").is_empty());
        let f = facts("Indian troops killed two Pakistani soldiers after the crash.");
        assert!(has(&f, "IND", RelationKind::Attack, "PAK"), "{f:?}");
    }

    #[test]
    fn an_actor_head_before_a_verb_is_no_adjective() {
        let f = facts("Brazil's president visited China.");
        assert!(has(&f, "BRA", RelationKind::Talks, "CHN"), "{f:?}");
        let f = facts("Egypt is angry. The government accused Israel of lying.");
        assert!(has(&f, "EGY", RelationKind::Accusation, "ISR"), "{f:?}");
    }

    #[test]
    fn fighters_attacked_after_crossing_into_a_state_are_of_that_state() {
        let f = facts("Ethiopian troops crossed into Somalia to attack Islamist fighters.");
        assert!(has(&f, "ETH", RelationKind::Attack, "SOM"), "{f:?}");
        assert!(!has(&f, "ETH", RelationKind::Attack, "ETH"), "{f:?}");
    }

    #[test]
    fn in_protest_is_a_manner() {
        let f = facts("Morocco recalled its ambassador to Germany in protest.");
        assert!(has(&f, "MAR", RelationKind::BreakRelations, "DEU"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Protest), "{f:?}");
        let f = facts("Thousands of Kenyans marched in Nairobi in protest against Uganda.");
        assert!(
            f.iter()
                .any(|x| x.1 == RelationKind::Protest && x.2 == "UGA"),
            "{f:?}"
        );
    }

    #[test]
    fn only_a_state_acts_at_home() {
        let f = facts(
            "The United Nations sent staff to Bosnia to investigate the plan, a U.N. \
             spokesman said.",
        );
        assert!(!f.iter().any(|x| x.0 == x.2), "{f:?}");
        // a state does (`Egyptian police arrested activists`)
        let f = facts("Egyptian police arrested dozens of activists.");
        assert!(has(&f, "EGY", RelationKind::Detention, "EGY"), "{f:?}");
    }

    #[test]
    fn a_passive_of_a_visit_names_the_guest_first() {
        // `=person` is asked of the passive's subject, not of what follows the verb
        let f = facts("The Cuban delegation was received by the Mexican foreign minister.");
        assert!(has(&f, "MEX", RelationKind::Talks, "CUB"), "{f:?}");
        let f = facts("The Polish president was hosted by his German counterpart in Berlin.");
        assert!(has(&f, "DEU", RelationKind::Talks, "POL"), "{f:?}");
        // a thing received is no guest
        let f = facts("The proposal was received by Saudi officials.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Talks), "{f:?}");
    }

    #[test]
    fn shooting_people_is_an_attack_and_shooting_down_a_plan_is_not() {
        let f = facts("Israeli soldiers shot dead five Palestinians in Gaza on Tuesday.");
        assert!(has(&f, "ISR", RelationKind::Attack, "PSE"), "{f:?}");
        let f = facts("Gunmen shot dead a Shiite cleric in Karachi.");
        assert!(has(&f, "PAK", RelationKind::Attack, "PAK"), "{f:?}");
        // a reduced passive with its particle
        let f = facts("British couple shot dead in Thailand");
        assert!(has(&f, "THA", RelationKind::Attack, "GBR"), "{f:?}");
        // a state's proposal is met with words
        let f = facts("France, Sweden and Belgium shot down a German proposal on asylum.");
        assert!(has(&f, "FRA", RelationKind::Rejection, "DEU"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        let f = facts("Italy attacked the French plan for the border.");
        assert!(has(&f, "ITA", RelationKind::Condemnation, "FRA"), "{f:?}");
        // positions are held with arms
        let f = facts("Israel attacked Hamas positions in Gaza.");
        assert!(f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
    }

    #[test]
    fn rebels_of_no_named_state_attack_the_forces_of_their_own() {
        let f = facts("Tamil rebels ambushed a Sri Lankan army patrol, killing 12 soldiers.");
        assert!(has(&f, "LKA", RelationKind::Attack, "LKA"), "{f:?}");
        // insurgents may come from anywhere: no guess
        let f = facts("Insurgents attacked US troops.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_ceasefire_is_signed_like_an_agreement() {
        let f = facts("Sudan signed a ceasefire with Chad.");
        assert!(
            has(&f, "SDN", RelationKind::AgreementSigned, "TCD"),
            "{f:?}"
        );
        let f = facts("The Sudanese government signed a truce with southern rebels.");
        assert!(
            has(&f, "SDN", RelationKind::AgreementSigned, "SDN"),
            "{f:?}"
        );
    }

    #[test]
    fn security_forces_in_a_state_are_its_own() {
        let f = facts("Security forces in Bahrain cracked down on Shiite demonstrators.");
        assert!(has(&f, "BHR", RelationKind::Repression, "BHR"), "{f:?}");
        let f = facts("The army in Mali arrested the president.");
        assert!(has(&f, "MLI", RelationKind::Detention, "MLI"), "{f:?}");
    }

    #[test]
    fn a_strike_of_some_days_is_a_protest() {
        let f = facts("Workers at the state oil company in Nigeria staged a three-day strike.");
        assert!(has(&f, "NGA", RelationKind::Protest, "NGA"), "{f:?}");
        let f = facts("Doctors in Kenya began an indefinite strike over pay.");
        assert!(has(&f, "KEN", RelationKind::Protest, "KEN"), "{f:?}");
    }

    #[test]
    fn an_infinitive_in_a_relative_clause_has_the_antecedent_for_subject() {
        // the resolution aims to impose: no actor, and no guess from the context
        let f = facts("Hungary backed a resolution that aims to impose a blockade on Serbia.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Sanctions), "{f:?}");
        // an actor antecedent acts
        let f = facts("Mali, which wants to expel French troops, met Russia.");
        assert!(f.iter().any(|x| x.0 == "MLI" && x.2 == "FRA"), "{f:?}");
    }

    #[test]
    fn an_annexation_is_an_attack_on_the_state_of_the_land() {
        let f = facts("Russia's annexation of Crimea was condemned by the West.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
    }

    #[test]
    fn trading_fire_is_mutual() {
        let f = facts("Indian and Pakistani troops traded fire across the Line of Control.");
        assert!(has(&f, "IND", RelationKind::Attack, "PAK"), "{f:?}");
    }

    #[test]
    fn a_named_event_after_an_article_is_a_noun() {
        // `the Lockerbie bombing` is no bombing by Libya; Scottish judges are British
        let f =
            facts("Libya handed over two suspects in the Lockerbie bombing to Scottish judges.");
        assert!(has(&f, "LBY", RelationKind::Concession, "GBR"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
    }

    #[test]
    fn a_pronoun_before_an_auxiliary_is_no_object() {
        let f = facts("The British Cabinet is to meet amid signs it will ban smoking.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Talks), "{f:?}");
    }

    #[test]
    fn a_negation_before_a_reaction_leaves_the_event_asserted() {
        let f = facts("India refused to condemn Russia's invasion of Ukraine.");
        assert!(
            f.iter().any(|x| x.0 == "RUS"
                && x.1 == RelationKind::Attack
                && x.2 == "UKR"
                && x.3 == Modality::Asserted),
            "{f:?}"
        );
        // a denial still denies what it names
        let f = facts("Israel denied any attack on Iranian diplomats.");
        assert!(
            !f.iter()
                .any(|x| x.1 == RelationKind::Attack && x.3 == Modality::Asserted),
            "{f:?}"
        );
    }

    #[test]
    fn groups_of_people_in_a_state_act_at_home() {
        // the sector nouns of `data/sectors.tsv` before `in` + state
        for (text, state, kind) in [
            (
                "Striking miners in Bolivia demanded higher wages.",
                "BOL",
                RelationKind::Demand,
            ),
            (
                "Rioters in Kenya attacked police stations.",
                "KEN",
                RelationKind::Attack,
            ),
            (
                "Opposition supporters in Togo demanded new elections.",
                "TGO",
                RelationKind::Demand,
            ),
            (
                "Islamists in Algeria demanded an Islamic state.",
                "DZA",
                RelationKind::Demand,
            ),
        ] {
            let f = facts(text);
            assert!(has(&f, state, kind, state), "{text}: {f:?}");
        }
    }

    #[test]
    fn who_reacts_to_an_event_is_not_its_agent() {
        let f = facts("Saudi Arabia denounced the attack on its embassy in Tehran.");
        assert!(has(&f, "SAU", RelationKind::Condemnation, "IRN"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        let f = facts("Tokyo protested to Beijing over the detention of a Japanese businessman.");
        assert!(has(&f, "JPN", RelationKind::Protest, "CHN"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Detention), "{f:?}");
        // the agent named before the noun stays
        let f = facts("Egypt condemned the Israeli raid on Gaza.");
        assert!(has(&f, "EGY", RelationKind::Condemnation, "ISR"), "{f:?}");
        // a noun after a verb that acts is still the subject's
        let f = facts("Israel launched air strikes on Hamas targets in Gaza.");
        assert!(has(&f, "ISR", RelationKind::Attack, "hamas"), "{f:?}");
    }

    #[test]
    fn speakers_are_recorded() {
        let x = Extractor::new().extract(&Document::new(
            "t",
            "Mali expelled the French ambassador, Col Abdoulaye Maiga said.",
        ));
        let a = x
            .assertions
            .iter()
            .find(|a| a.kind == RelationKind::Expulsion)
            .expect("an expulsion");
        assert_eq!(
            a.speaker.as_ref().map(|s| s.as_str()),
            Some("abdoulaye-maiga")
        );
    }

    /// The parenthesis ids of `Cx::new` (found by searching the bytes) against the walk
    /// over every token it replaced, on generated sentences of brackets, dashes, curly
    /// quotes (which share the dashes' first byte) and words.
    #[test]
    fn paren_ids_match_a_walk_over_every_token() {
        use super::Cx;
        use crate::mentions::Analysed;
        use crate::model::Span;
        let lex = crate::lexicon::Lexicon::empty();
        let pieces = [
            "(", ")", "—", "–", "’", "“", "”", "‘", "…", "-", "Mali", "x(y", "a)", "(b", "é", "—a",
            ",", "aid", "",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 59) as usize;
            for k in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if !(seed >> 20).is_multiple_of(3) || k + 1 == len {
                    text.push(' ');
                }
            }
            let span = Span::new(0, text.len());
            let s = Analysed {
                index: 0,
                span,
                tokens: crate::text::tokens(&text, span),
                items: Vec::new(),
                actors: Vec::new(),
            };
            let got: Vec<u32> = Cx::new(&lex, &text, &s)
                .toks
                .iter()
                .map(|t| t.paren)
                .collect();
            let mut want = vec![0u32; s.tokens.len()];
            let mut open: Option<(usize, &str)> = None;
            let mut id = 0;
            for i in 0..s.tokens.len() {
                let w = s.word(&text, i);
                match (open, w) {
                    (None, "(" | "—" | "–") => open = Some((i, w)),
                    (Some((o, ow)), w2)
                        if (ow == "(" && w2 == ")") || (ow != "(" && (w2 == "—" || w2 == "–")) =>
                    {
                        id += 1;
                        want[o..=i].fill(id);
                        open = None;
                    }
                    _ => {}
                }
            }
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// `Cx::relative_before` (commas searched for in the bytes) against the walk back over
    /// every token it replaced, for every trigger position of generated sentences.
    #[test]
    fn relative_before_matches_a_walk_back() {
        use super::{Cx, WINDOW, class};
        use crate::mentions::Analysed;
        use crate::model::Span;
        let lex = crate::lexicon::Lexicon::empty();
        let pieces = [
            ",", "which", "Who", "WHOM", "whose", "w", "wh", "x,y", "Mali", "who,", "1,000", ",,",
            "when", "é", "aid",
        ];
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut found = 0;
        for round in 0..3_000 {
            let len = if round % 4 == 0 {
                40 + next() % 60
            } else {
                next() % 16
            };
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(pieces[next() % pieces.len()]);
                if next() % 3 != 0 {
                    text.push(' ');
                }
            }
            let span = Span::new(0, text.len());
            let s = Analysed {
                index: 0,
                span,
                tokens: crate::text::tokens(&text, span),
                items: Vec::new(),
                actors: Vec::new(),
            };
            let cx = Cx::new(&lex, &text, &s);
            for t0 in 0..=s.tokens.len() + 1 {
                let want = (t0.saturating_sub(WINDOW).max(1)..t0).rev().find(|&j| {
                    cx.first_lower(j) == b'w'
                        && cx.has(j, class::WHICH_WHO)
                        && cx.is_char(j - 1, b',')
                });
                found += usize::from(want.is_some());
                assert_eq!(cx.relative_before(t0, 0), want, "{text:?} {t0}");
                // only one after `past` counts: the last one if it is after `past`
                let past = next() % (t0 + 2);
                let after = want.filter(|&j| j > past);
                assert_eq!(cx.relative_before(t0, past), after, "{text:?} {t0} {past}");
            }
        }
        assert!(found > 1_000);
    }

    #[test]
    fn forces_sent_or_pulled_out_go_to_or_from_the_place_named() {
        // a one-word `send`/`pull` with a noun of forces in its object (`~forces`)
        let f = facts("France sent two warships to Libya after the ceasefire broke down.");
        assert!(has(&f, "FRA", RelationKind::Deployment, "LBY"), "{f:?}");
        let f = facts("Chad sent 1,000 soldiers to Mali.");
        assert!(has(&f, "TCD", RelationKind::Deployment, "MLI"), "{f:?}");
        let f = facts("Germany moved a tank brigade into Lithuania.");
        assert!(has(&f, "DEU", RelationKind::Deployment, "LTU"), "{f:?}");
        let f = facts("France pulled its last troops out of Niger in December.");
        assert!(has(&f, "FRA", RelationKind::Withdrawal, "NER"), "{f:?}");
        let f = facts("The US has pulled 1,000 troops from Iraq.");
        assert!(has(&f, "USA", RelationKind::Withdrawal, "IRQ"), "{f:?}");
        // no forces sent: no deployment
        let f = facts("Russia sent its foreign minister to Paris.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Deployment), "{f:?}");
        let f = facts("Mali pulled its ambassador from France.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Withdrawal), "{f:?}");
        // the forces moved are the actor's own, never the target; a place after a
        // preposition still is one, of the actor's own state too
        for text in [
            "Russia deployed Russian troops.",
            "Britain sent British troops into combat.",
            "Moscow sent Russian forces in 2015.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter()
                    .any(|x| x.1 == RelationKind::Deployment && x.0 == x.2),
                "{text}: {f:?}"
            );
        }
        let f = facts("Ukrainian forces withdrew from Bakhmut.");
        assert!(has(&f, "UKR", RelationKind::Withdrawal, "UKR"), "{f:?}");
        // `in north-west Syria`: a compass word with a hyphen is skipped before the place
        let f = facts("Trump decided to withdraw its 2,000 troops in north-west Syria.");
        assert!(
            f.iter()
                .any(|x| x.0 == "USA" && x.2 == "SYR" && x.1 != RelationKind::MemberOf),
            "{f:?}"
        );
    }

    #[test]
    fn noun_rules_sharing_a_form_take_the_one_whose_preposition_names_a_target() {
        // `military drills` is cooperation with a partner, a show of force around a state
        let f = facts("China conducted military drills around Taiwan.");
        assert!(has(&f, "CHN", RelationKind::Mobilization, "TWN"), "{f:?}");
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::MilitaryCooperation),
            "{f:?}"
        );
        let f = facts("Russia held naval exercises near Japan.");
        assert!(has(&f, "RUS", RelationKind::Mobilization, "JPN"), "{f:?}");
        let f = facts("Russia held military exercises with Belarus.");
        assert!(
            has(&f, "RUS", RelationKind::MilitaryCooperation, "BLR"),
            "{f:?}"
        );
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::Mobilization),
            "{f:?}"
        );
        // neither preposition: the first rule, as before
        let f = facts("Russia and Belarus held joint military exercises.");
        assert!(
            has(&f, "RUS", RelationKind::MilitaryCooperation, "BLR"),
            "{f:?}"
        );
    }

    #[test]
    fn a_by_phrase_after_a_second_preposition_is_no_reduced_passive() {
        // the `by` belongs to `violation`: Greece protested, actively
        let f = facts("Greece protested over the violation of its airspace by Turkish jets.");
        assert!(has(&f, "GRC", RelationKind::Protest, "TUR"), "{f:?}");
        assert!(!has(&f, "TUR", RelationKind::Protest, "GRC"), "{f:?}");
        // one phrase, then `by`: still a reduced passive
        let f = facts("Sanctions imposed on Iran by the United States hit oil exports.");
        assert!(has(&f, "USA", RelationKind::Sanctions, "IRN"), "{f:?}");
    }

    #[test]
    fn an_authority_of_no_known_state_coerces_in_the_state_named() {
        let f = facts("The government declared a state of emergency in Ethiopia.");
        assert!(has(&f, "ETH", RelationKind::Repression, "ETH"), "{f:?}");
        let f = facts("The army imposed a curfew in Mandalay.");
        assert!(has(&f, "MMR", RelationKind::Repression, "MMR"), "{f:?}");
        // a state named before is the authority's: no guess
        let f = facts("Kenya's government declared a state of emergency in Somalia.");
        assert!(!has(&f, "SOM", RelationKind::Repression, "SOM"), "{f:?}");
        // not for other kinds
        let f = facts("The government criticised Ethiopia.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_vow_of_revenge_is_a_threat() {
        let f = facts("Iran vowed revenge against Israel for the killing of its general.");
        assert!(has(&f, "IRN", RelationKind::Threat, "ISR"), "{f:?}");
        let f = facts("Hezbollah swore revenge on Israel.");
        assert!(has(&f, "hezbollah", RelationKind::Threat, "ISR"), "{f:?}");
    }

    #[test]
    fn acts_done_to_each_other_go_both_ways() {
        for text in [
            "Armenia and Azerbaijan accused each other of violating the ceasefire.",
            "Armenia and Azerbaijan accused one another of provocations.",
            "Armenia and Azerbaijan traded accusations over the shelling.",
            "Armenia and Azerbaijan exchanged accusations over the shelling.",
        ] {
            let f = facts(text);
            assert!(
                has(&f, "ARM", RelationKind::Accusation, "AZE"),
                "{text}: {f:?}"
            );
            assert!(
                has(&f, "AZE", RelationKind::Accusation, "ARM"),
                "{text}: {f:?}"
            );
        }
        let f = facts("Russia and Ukraine exchanged threats.");
        assert!(has(&f, "RUS", RelationKind::Threat, "UKR"), "{f:?}");
        assert!(has(&f, "UKR", RelationKind::Threat, "RUS"), "{f:?}");
        // no reciprocal word: a coordinated subject does not act on itself
        let f = facts("Armenia and Azerbaijan accused the rebels of the attack.");
        assert!(!has(&f, "ARM", RelationKind::Accusation, "AZE"), "{f:?}");
        // a symmetric act is one fact, as before
        let f = facts("India and Pakistan exchanged fire along the border.");
        assert_eq!(
            f.iter().filter(|x| x.1 == RelationKind::Attack).count(),
            1,
            "{f:?}"
        );
    }

    #[test]
    fn cutting_aid_is_a_suspension_of_aid() {
        let f = facts("Britain cut its humanitarian aid to Yemen by half.");
        assert!(has(&f, "GBR", RelationKind::AidSuspension, "YEM"), "{f:?}");
        // `cut` with no aid near: nothing of aid
        let f = facts("Britain cut its ties with Yemen.");
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::AidSuspension),
            "{f:?}"
        );
    }

    #[test]
    fn an_act_as_subject_hits_no_one_of_its_own_actor() {
        // the invasion killed them: not Russia against Russia
        let f = facts("Russia's invasion of Ukraine has killed thousands.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
        assert!(!has(&f, "RUS", RelationKind::Attack, "RUS"), "{f:?}");
        let f = facts("Turkey's incursion into the enclave has killed dozens.");
        assert!(!has(&f, "TUR", RelationKind::Attack, "TUR"), "{f:?}");
        // an actor as subject still acts at home
        let f = facts("Syria's army killed dozens of protesters.");
        assert!(has(&f, "SYR", RelationKind::Attack, "SYR"), "{f:?}");
    }

    #[test]
    fn an_opening_phrase_ends_at_its_comma() {
        // `in Ankara,` opens the sentence: Ankara is no member of the subject
        let f = facts("Following talks in Ankara, Turkey and Iraq signed a security agreement.");
        assert!(
            has(&f, "TUR", RelationKind::AgreementSigned, "IRQ"),
            "{f:?}"
        );
        let f = facts("In Paris, France and Germany agreed to boost defence spending.");
        assert!(has(&f, "FRA", RelationKind::Pledge, "DEU"), "{f:?}");
        // a list after a preposition inside the sentence is still a list
        let f = facts("Lebanon held talks with Iran, Iraq and Syria.");
        for t in ["IRN", "IRQ", "SYR"] {
            assert!(has(&f, "LBN", RelationKind::Talks, t), "{t}: {f:?}");
        }
    }

    #[test]
    fn what_is_denied_is_negated() {
        let f = facts("Iran denied that it had supplied drones to Russia.");
        assert!(
            f.iter()
                .any(|x| x.1 == RelationKind::Aid && x.3 == Modality::Negated),
            "{f:?}"
        );
        let f = facts("Iran said that it had supplied drones to Russia.");
        assert!(
            f.iter()
                .any(|x| x.1 == RelationKind::Aid && x.3 == Modality::Asserted),
            "{f:?}"
        );
    }

    #[test]
    fn halting_talks_reduces_relations_and_the_talks_do_not_happen() {
        for text in [
            "India called off its talks with Pakistan after the attack.",
            "India broke off negotiations with Pakistan.",
            "India suspended its dialogue with Pakistan.",
            "India cancelled a summit with Pakistan.",
        ] {
            let f = facts(text);
            assert!(
                has(&f, "IND", RelationKind::BreakRelations, "PAK"),
                "{text}: {f:?}"
            );
            assert!(
                !f.iter().any(|x| x.1 == RelationKind::Talks),
                "{text}: {f:?}"
            );
        }
        // said of the future, it is a threat
        let f = facts("Iran said it would withdraw from the negotiations with the European Union.");
        assert!(
            has(&f, "IRN", RelationKind::Threat, "european-union"),
            "{f:?}"
        );
        // a cancelled meeting does not say who cancelled it
        let f = facts("China and Japan planned a summit, but the meeting was cancelled.");
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::BreakRelations),
            "{f:?}"
        );
        // a noun in a phrase of time is not what is left
        let f = facts("Trump decided to withdraw from Syria during a conversation with Erdogan.");
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::BreakRelations),
            "{f:?}"
        );
    }

    #[test]
    fn quitting_a_state_or_an_organisation() {
        let f = facts("Mali quit ECOWAS in January.");
        assert!(
            has(&f, "MLI", RelationKind::AgreementEnded, "ecowas"),
            "{f:?}"
        );
        let f = facts("Burkina Faso withdrew from the African Union.");
        assert!(
            has(&f, "BFA", RelationKind::AgreementEnded, "african-union"),
            "{f:?}"
        );
        let f = facts("Bulgaria quit Iraq at the end of 2005.");
        assert!(has(&f, "BGR", RelationKind::Withdrawal, "IRQ"), "{f:?}");
        // resigning is no withdrawal, nor is quitting an administration
        assert!(facts("The French defence minister quit after the vote.").is_empty());
        let f = facts("The American defence secretary quit the administration in Washington.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Withdrawal), "{f:?}");
    }

    #[test]
    fn a_hostile_act_held_out_as_possible_is_a_threat() {
        let f = facts("The European Union may impose sanctions on Belarus.");
        assert!(
            has(&f, "european-union", RelationKind::Threat, "BLR"),
            "{f:?}"
        );
        let f = facts("Turkey could close its border with Syria.");
        assert!(has(&f, "TUR", RelationKind::Threat, "SYR"), "{f:?}");
        // a possibility in the past is no threat
        let f = facts("Laotian troops may have massacred Hmong villagers.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Threat), "{f:?}");
        // the month is no modal
        let f = facts("A bombing in May 2017 killed 22 people in Manchester, Britain.");
        assert!(
            f.iter()
                .all(|x| x.3 != Modality::Hypothetical && x.1 != RelationKind::Threat),
            "{f:?}"
        );
    }

    #[test]
    fn bare_police_and_troops_act_for_the_state_of_the_place() {
        for text in [
            "Police arrested 30 opposition supporters in Harare.",
            "In Harare, police arrested 30 opposition supporters.",
            "The police arrested 30 students in Harare.",
        ] {
            let f = facts(text);
            assert!(
                has(&f, "ZWE", RelationKind::Detention, "ZWE"),
                "{text}: {f:?}"
            );
        }
        // police who speak are a source, not an actor; a bare noun in a list is no actor
        let f =
            facts("Police said seven people were injured when rebels detonated a bomb in Kabul.");
        assert!(
            !f.iter()
                .any(|x| x.0 == x.2 && x.1 == RelationKind::Detention),
            "{f:?}"
        );
    }

    #[test]
    fn giving_or_granting_aid_or_relief_is_aid() {
        for (text, s, t) in [
            (
                "Japan granted Vietnam a loan of 200 million dollars.",
                "JPN",
                "VNM",
            ),
            ("Germany extended a loan to Greece.", "DEU", "GRC"),
            ("The United States airlifted food to Somalia.", "USA", "SOM"),
            ("Russia sent food and medicine to Syria.", "RUS", "SYR"),
        ] {
            let f = facts(text);
            assert!(has(&f, s, RelationKind::Aid, t), "{text}: {f:?}");
        }
        // granting something else is a concession
        let f = facts("Bangladesh granted India transit rights.");
        assert!(has(&f, "BGD", RelationKind::Concession, "IND"), "{f:?}");
    }

    #[test]
    fn armed_men_of_no_named_group_strike_in_the_state_of_their_place() {
        for (text, s, t) in [
            (
                "Militants attacked a convoy in northern Mali.",
                "MLI",
                "MLI",
            ),
            (
                "A suicide bomber killed 20 people at a mosque in Kabul.",
                "AFG",
                "AFG",
            ),
            ("Rebels attacked Ugandan troops in Congo.", "COD", "UGA"),
        ] {
            let f = facts(text);
            assert!(has(&f, s, RelationKind::Attack, t), "{text}: {f:?}");
        }
        // no armed men, no attack; a target after `at` is no place
        assert!(facts("Floods killed 30 people in Pakistan.").is_empty());
        let f = facts("Insurgents launched strikes at United States outposts.");
        assert!(!f.iter().any(|x| x.0 == "USA"), "{f:?}");
    }

    #[test]
    fn the_author_of_a_plan_rejected_or_accepted_is_the_target() {
        let f = facts("Israel rejected the plan proposed by Egypt.");
        assert!(has(&f, "ISR", RelationKind::Rejection, "EGY"), "{f:?}");
        let f = facts("Belgrade accepted the peace plan proposed by the European Union.");
        assert!(
            has(&f, "SRB", RelationKind::Pledge, "european-union"),
            "{f:?}"
        );
        // `by` with no actor names no one
        assert!(facts("Israel rejected the plan by a large majority.").is_empty());
    }

    #[test]
    fn rebels_in_a_capital_are_there_not_of_it() {
        let f = facts("Sudan's government held talks with rebels in Nairobi.");
        assert!(!f.iter().any(|x| x.2 == "KEN"), "{f:?}");
        let f = facts("Rebels in Darfur attacked a town.");
        assert!(has(&f, "SDN", RelationKind::Attack, "SDN"), "{f:?}");
        let f = facts("Protesters in Cairo denounced Israel.");
        assert!(has(&f, "EGY", RelationKind::Condemnation, "ISR"), "{f:?}");
    }

    #[test]
    fn put_under_investigation_in_a_place_is_by_its_state() {
        let f = facts("A US national has been put under investigation in Italy.");
        assert!(has(&f, "ITA", RelationKind::Investigation, "USA"), "{f:?}");
        // an investigation with no agent and no place names no investigator
        assert!(facts("The French minister's role is being investigated.").is_empty());
    }

    #[test]
    fn unnamed_protesters_are_of_the_place_they_protest_in() {
        let f = facts("Students staged a sit-in outside the US embassy in Seoul.");
        assert!(has(&f, "KOR", RelationKind::Protest, "USA"), "{f:?}");
        let f = facts("Hundreds protested in London against the visit of the Chinese president.");
        assert!(has(&f, "GBR", RelationKind::Protest, "CHN"), "{f:?}");
    }

    #[test]
    fn a_short_title_case_headline_has_verbs() {
        let f = facts("Russia Warns Georgia");
        assert!(has(&f, "RUS", RelationKind::Threat, "GEO"), "{f:?}");
        let f = facts("Iran Rejects EU Proposal");
        assert!(
            has(&f, "IRN", RelationKind::Rejection, "european-union"),
            "{f:?}"
        );
    }

    #[test]
    fn a_speech_verb_that_is_the_trigger_keeps_its_subject() {
        let f = facts("Russia insisted that Ukraine pay its gas debts.");
        assert!(has(&f, "RUS", RelationKind::Demand, "UKR"), "{f:?}");
    }

    #[test]
    fn the_victims_of_an_agent_noun_are_no_actors() {
        let f = facts("The Iraqi kidnappers of two French reporters demanded a ransom.");
        assert!(
            has(&f, "IRQ", RelationKind::Demand, "IRQ") || f.is_empty(),
            "{f:?}"
        );
        assert!(!f.iter().any(|x| x.0 == "FRA"), "{f:?}");
        // a former union before `republic of` and its member
        let f = facts("The EU may impose sanctions on the former Soviet republic of Belarus.");
        assert!(!f.iter().any(|x| x.2 == "RUS"), "{f:?}");
    }

    #[test]
    fn a_clause_whose_subject_is_an_unnamed_noun_has_no_actor() {
        let f = facts(
            "Paris held talks on two French journalists amid doubts over whether \
             their captors had demanded a ransom.",
        );
        assert!(!f.iter().any(|x| x.1 == RelationKind::Demand), "{f:?}");
        // a noun of the actor's own side is the actor's
        let f = facts("Germany said the army will not deploy troops to Mali.");
        assert!(has(&f, "DEU", RelationKind::Deployment, "MLI"), "{f:?}");
        // `where more protests ended`: a noun
        let f = facts("Kenya, where more protests ended in violence, was calm.");
        assert!(has(&f, "KEN", RelationKind::Protest, "KEN"), "{f:?}");
    }

    #[test]
    fn a_second_verb_takes_the_main_subject_only_when_it_is_named_first() {
        let f = facts(
            "Gunmen said they had kidnapped an American engineer and threatened to \
             kill a British nurse.",
        );
        assert!(!f.iter().any(|x| x.0 == "USA"), "{f:?}");
        // `Kabul Blasts Kill ..., Wound ...`: a headline's second verb after a comma
        let f = facts("Kabul Blasts Kill Two German Soldiers, Wound Five");
        assert!(!has(&f, "DEU", RelationKind::Attack, "DEU"), "{f:?}");
    }

    #[test]
    fn the_people_a_participle_kills_are_of_the_main_clauses_object() {
        let f =
            facts("Israeli aircraft bombed a Hamas compound on Sunday, killing nine militants.");
        assert!(has(&f, "ISR", RelationKind::Attack, "hamas"), "{f:?}");
        assert!(!has(&f, "ISR", RelationKind::Attack, "ISR"), "{f:?}");
    }

    #[test]
    fn a_reaction_to_an_act_named_with_its_agent_reacts_to_the_agent() {
        let f = facts("Venezuela condemned the sanctions imposed by the United States.");
        assert!(has(&f, "VEN", RelationKind::Condemnation, "USA"), "{f:?}");
        let f = facts("Iran denounced the decision taken by the European Union.");
        assert!(
            has(&f, "IRN", RelationKind::Condemnation, "european-union"),
            "{f:?}"
        );
        // an agent far from the object is not its
        let f = facts(
            "Iran condemned the sanctions, which were first announced in Brussels by France.",
        );
        assert!(!has(&f, "IRN", RelationKind::Condemnation, "FRA"), "{f:?}");
    }

    #[test]
    fn dissolving_parties_is_repression_and_parliament_is_not() {
        let f = facts("The government of Burkina Faso disbanded the main opposition party.");
        assert!(has(&f, "BFA", RelationKind::Repression, "BFA"), "{f:?}");
        let f = facts("Japan's prime minister dissolved parliament and called an election.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn house_arrest_and_custody_are_detention() {
        let f = facts("Niger's junta placed President Bazoum under house arrest.");
        assert!(has(&f, "NER", RelationKind::Detention, "NER"), "{f:?}");
        let f = facts("Russian police took two Ukrainian sailors into custody.");
        assert!(has(&f, "RUS", RelationKind::Detention, "UKR"), "{f:?}");
        // `put` alone is no detention
        let f = facts("Mali put its troops on alert along the border with Niger.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Detention), "{f:?}");
    }

    #[test]
    fn ending_a_restriction_is_a_concession_not_the_restriction() {
        let f = facts("China revoked the ban on Australian coal.");
        assert!(has(&f, "CHN", RelationKind::Concession, "AUS"), "{f:?}");
        assert!(!has(&f, "CHN", RelationKind::Repression, "AUS"), "{f:?}");
        let f = facts("Sri Lanka ended the curfew in Colombo.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Repression), "{f:?}");
    }

    #[test]
    fn dropping_a_veto_or_sanctions_is_a_concession() {
        let f = facts("Turkey lifted its veto on Sweden's membership of NATO.");
        assert!(has(&f, "TUR", RelationKind::Concession, "SWE"), "{f:?}");
        let f = facts("Russia dropped sanctions on Turkish tomatoes.");
        assert!(has(&f, "RUS", RelationKind::Concession, "TUR"), "{f:?}");
        assert!(!has(&f, "RUS", RelationKind::Sanctions, "TUR"), "{f:?}");
        let f = facts("Israeli jets dropped bombs on Gaza.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Concession), "{f:?}");
    }

    #[test]
    fn a_complaint_against_a_state_is_criticism() {
        let f = facts("Iraq lodged a formal complaint against Turkey at the United Nations.");
        assert!(has(&f, "IRQ", RelationKind::Condemnation, "TUR"), "{f:?}");
    }

    #[test]
    fn acronyms_written_as_words_name_their_groups() {
        let f = facts("Turkey vowed to fight Isis in northern Syria.");
        assert!(
            has(&f, "TUR", RelationKind::Threat, "islamic-state"),
            "{f:?}"
        );
        let f = facts("Colombia signed a peace deal with the Farc.");
        assert!(
            has(&f, "COL", RelationKind::AgreementSigned, "farc"),
            "{f:?}"
        );
        let f = facts("Spanish police arrested three Eta suspects.");
        assert!(has(&f, "ESP", RelationKind::Detention, "eta"), "{f:?}");
    }

    #[test]
    fn people_of_no_state_harmed_in_a_place_are_of_that_place() {
        for (text, state) in [
            (
                "A local journalist was killed in a car bomb explosion in central Beirut.",
                "LBN",
            ),
            (
                "Five people were wounded in a grenade attack in Kabul.",
                "AFG",
            ),
            ("Twelve students were arrested in Harare on Monday.", "ZWE"),
        ] {
            let f = facts(text);
            assert!(
                f.iter().any(|x| x.0 == state && x.2 == state),
                "{text}: {f:?}"
            );
        }
        // an accident harms no one's people; a state before the event noun did it
        for text in [
            "Five people were killed in a fire in Dubai.",
            "Nine miners were killed in a blast in a coal mine in Ukraine.",
        ] {
            assert!(facts(text).is_empty(), "{text}");
        }
        let f = facts("Forty people were killed in Russian air strikes in Syria.");
        assert!(!has(&f, "RUS", RelationKind::Attack, "RUS"), "{f:?}");
    }

    #[test]
    fn a_headline_passive_is_coded_to_the_place_it_happened() {
        let f = facts("Canadian aid worker of British charity reportedly abducted in Somalia");
        assert!(has(&f, "SOM", RelationKind::Detention, "CAN"), "{f:?}");
        let f = facts("Two Kenyan policemen wounded in Nairobi");
        assert!(has(&f, "KEN", RelationKind::Attack, "KEN"), "{f:?}");
        let f = facts("Three Belgian tourists shot dead near Cairo");
        assert!(has(&f, "EGY", RelationKind::Attack, "BEL"), "{f:?}");
    }

    #[test]
    fn contractions_negate_and_can_is_a_possibility() {
        // `didn't` is tokenized `didn`, `'`, `t`
        for text in [
            "Chad didn't attack Sudan.",
            "Chad won't attack Sudan.",
            "Chad can\u{2019}t attack Sudan.",
        ] {
            let f = facts(text);
            assert!(
                f.iter().all(|x| x.3 == Modality::Negated) && !f.is_empty(),
                "{text}: {f:?}"
            );
        }
        // a hostile act a state says it can do is a threat
        let f = facts("Iranian missiles can hit any city in Israel, a general said.");
        assert!(has(&f, "IRN", RelationKind::Threat, "ISR"), "{f:?}");
        assert!(!has(&f, "IRN", RelationKind::Attack, "ISR"), "{f:?}");
    }

    #[test]
    fn held_hostage_together_is_a_passive() {
        let f = facts("Two Nepalese engineers still held hostage in Iraq were freed.");
        assert!(has(&f, "IRQ", RelationKind::Detention, "NPL"), "{f:?}");
        assert!(!has(&f, "NPL", RelationKind::Detention, "IRQ"), "{f:?}");
    }

    #[test]
    fn leaving_people_somewhere_is_no_withdrawal() {
        let f = facts("Floods in Chad killed 40 and left thousands in camps.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Withdrawal), "{f:?}");
        let f = facts("Turkish troops left Syria in 2019.");
        assert!(has(&f, "TUR", RelationKind::Withdrawal, "SYR"), "{f:?}");
    }

    #[test]
    fn claiming_an_attack_is_the_attack() {
        let f = facts("The Islamic State group claimed responsibility for the bombing in Kabul.");
        assert!(
            has(&f, "islamic-state", RelationKind::Attack, "AFG"),
            "{f:?}"
        );
        // no attack noun, no attack
        assert!(facts("Chad claimed responsibility for the delay in Niger.").is_empty());
    }

    #[test]
    fn the_agent_of_an_event_noun_is_the_verbs_subject() {
        let f = facts("An attack by al-Shabaab killed 20 people in Mogadishu.");
        assert!(has(&f, "al-shabaab", RelationKind::Attack, "SOM"), "{f:?}");
        let f = facts("A raid by Israeli troops wounded three Palestinians.");
        assert!(has(&f, "ISR", RelationKind::Attack, "PSE"), "{f:?}");
    }

    #[test]
    fn a_second_verb_after_a_speakers_clause_is_the_speakers() {
        let f = facts(
            "Erdogan said the operation would involve Syrian rebels backed by Ankara, \
             and urged Nato to help.",
        );
        assert!(has(&f, "TUR", RelationKind::Demand, "nato"), "{f:?}");
        assert!(!has(&f, "SYR", RelationKind::Demand, "nato"), "{f:?}");
    }

    #[test]
    fn a_past_tense_after_military_is_a_verb() {
        let f = facts("The Russian military bombed a Ukrainian village.");
        assert!(has(&f, "RUS", RelationKind::Attack, "UKR"), "{f:?}");
        let f = facts("The US military killed an Iranian general.");
        assert!(has(&f, "USA", RelationKind::Attack, "IRN"), "{f:?}");
        // `no need to` stays a noun: no demand
        let f = facts("Syria said Assad felt no need to negotiate with Turkey.");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Demand), "{f:?}");
    }

    #[test]
    fn a_thing_of_the_actors_own_names_no_target() {
        for text in [
            "The US army defended its record in Afghanistan.",
            "Russia drew down its presence, while the US expanded its own in Syria.",
        ] {
            let f = facts(text);
            assert!(
                !f.iter()
                    .any(|x| matches!(x.1, RelationKind::Support | RelationKind::Withdrawal)),
                "{text}: {f:?}"
            );
        }
        // its own place or its own people still lead to the target
        let f = facts("Nearly 800 British troops left their base in southern Iraq.");
        assert!(has(&f, "GBR", RelationKind::Withdrawal, "IRQ"), "{f:?}");
    }

    #[test]
    fn forces_moved_to_a_border_face_its_state() {
        let f = facts("Turkey massed troops on the Syrian border.");
        assert!(has(&f, "TUR", RelationKind::Mobilization, "SYR"), "{f:?}");
        let f = facts("Turkey sent troops to the Syrian border.");
        assert!(has(&f, "TUR", RelationKind::Deployment, "SYR"), "{f:?}");
        // fighting there is no act of that state
        assert!(facts("Fighting raged on the Thai border.").is_empty());
    }

    #[test]
    fn house_arrest_is_a_noun() {
        // released from it: a concession, no new detention
        let f = facts("Myanmar's junta released the Thai journalist from house arrest.");
        assert!(has(&f, "MMR", RelationKind::Concession, "THA"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Detention), "{f:?}");
        // the verb is still a verb
        let f = facts("Myanmar's junta arrested the Thai journalist.");
        assert!(has(&f, "MMR", RelationKind::Detention, "THA"), "{f:?}");
        let f = facts("Myanmar's junta placed the Thai journalist under arrest.");
        assert!(has(&f, "MMR", RelationKind::Detention, "THA"), "{f:?}");
    }

    #[test]
    fn doctors_sent_are_aid() {
        let f = facts("Cuba sent doctors to Venezuela.");
        assert!(has(&f, "CUB", RelationKind::Aid, "VEN"), "{f:?}");
    }

    #[test]
    fn a_state_before_the_event_noun_after_a_passive_did_it() {
        let f = facts("Five Palestinians were killed in an Israeli air strike in Gaza.");
        assert!(has(&f, "ISR", RelationKind::Attack, "PSE"), "{f:?}");
        assert!(!has(&f, "PSE", RelationKind::Attack, "PSE"), "{f:?}");
        let f = facts("Two Iraqi soldiers were wounded in a Turkish attack in Mosul.");
        assert!(has(&f, "TUR", RelationKind::Attack, "IRQ"), "{f:?}");
        // no victim named: the people of the place
        let f = facts("Forty people were killed in Russian air strikes in Syria.");
        assert!(has(&f, "RUS", RelationKind::Attack, "SYR"), "{f:?}");
        // a reduced passive past a day
        let f = facts("Five Palestinians killed Saturday in an Israeli raid.");
        assert!(has(&f, "ISR", RelationKind::Attack, "PSE"), "{f:?}");
    }

    #[test]
    fn an_attack_ended_is_a_de_escalation() {
        let f = facts("Israel ended its most powerful assault in the Gaza Strip.");
        assert!(has(&f, "ISR", RelationKind::DeEscalation, "PSE"), "{f:?}");
        let f = facts("Russia suspended its bombing campaign in Syria.");
        assert!(has(&f, "RUS", RelationKind::DeEscalation, "SYR"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == RelationKind::Attack), "{f:?}");
        // `an immediate end to` is a noun: no act of the one who asks for it
        let f =
            facts("Egypt demanded an immediate end to the Israeli offensive in the Gaza Strip.");
        assert!(
            !f.iter().any(|x| x.1 == RelationKind::DeEscalation),
            "{f:?}"
        );
    }

    #[test]
    fn a_participle_between_commas_takes_no_target_from_the_main_clause() {
        let f = facts("Kurdish tribes, backed by the United States, are fighting Isis.");
        assert!(
            !has(&f, "USA", RelationKind::Support, "islamic-state"),
            "{f:?}"
        );
        // without the commas the clause goes on
        let f = facts("Rebels backed by Rwanda seized Goma.");
        assert!(has(&f, "RWA", RelationKind::Support, "COD"), "{f:?}");
    }

    #[test]
    fn forces_of_a_state_moved_by_no_state_are_moved_by_theirs() {
        let f = facts(
            "The administration wants to hold the Isis fighters while withdrawing US troops \
             from Syria.",
        );
        assert!(f.iter().any(|x| x.0 == "USA" && x.2 == "SYR"), "{f:?}");
        assert!(!f.iter().any(|x| x.0 == "islamic-state"), "{f:?}");
        // an organisation moving other states' troops keeps them
        let f = facts("The UN deployed Pakistani troops to Congo.");
        assert!(
            has(&f, "united-nations", RelationKind::Deployment, "COD"),
            "{f:?}"
        );
    }
}
