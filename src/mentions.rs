//! Mentions: every lexicon phrase found with one trie walk per word start, then actor phrases built on
//! the tokens of each sentence: names, capitals and seats of power, possessive and
//! adjectival actors (`Niger's junta`, `French troops`, `the government of Niger`), people
//! with titles (`Col Amadou Abdramane`), and the definite phrases and pronouns that
//! [`crate::coref`] resolves.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Input, MatchKind};

use crate::lexicon::{Lexicon, NameRole, PhraseUse};
use crate::model::{EntityId, EntityKind, Span};
use crate::text::{Token, TokenKind, char_at, is_alphanumeric, load};

/// The compiled multi-pattern matcher over every phrase of a lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    /// The automaton over the same patterns, for [`Matcher::bare_scan`] and the tests'
    /// reference walk: built on first use, as the scan walks the trie and the automaton
    /// takes longer to build than the rest of the extractor.
    nfa: std::sync::OnceLock<contiguous::NFA>,
    /// The patterns, kept to build that automaton.
    keys: Vec<String>,
    /// The patterns as a trie, walked from each word start.
    trie: Trie,
    /// The words patterns start with, so that most words are stepped over unwalked.
    first_words: FirstWords,
    /// For each automaton pattern (a lower-cased phrase), the lexicon phrases written
    /// that way in any case (`Prime Minister` the title, `prime minister` the sector).
    groups: Vec<Vec<usize>>,
    /// For each pattern, whether its last char is a letter or digit: after a phrase, a
    /// word starts only if not.
    ends_alnum: Vec<bool>,
}

/// A phrase found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: Span,
    pub phrase: usize,
}

impl Matcher {
    pub(crate) fn new(lex: &Lexicon) -> Matcher {
        // Each phrase is compiled in every spelling its case rule allows, so the automaton
        // matches case-sensitively: `US` never stops at `us`, and the longest match is
        // always one that counts.
        let mut keys: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (i, p) in lex.phrases.iter().enumerate() {
            for key in spellings(&p.text) {
                match index.get(&key) {
                    Some(&g) => {
                        if !groups[g].contains(&i) {
                            groups[g].push(i)
                        }
                    }
                    None => {
                        index.insert(key.clone(), keys.len());
                        keys.push(key);
                        groups.push(vec![i]);
                    }
                }
            }
        }
        let trie = Trie::new(&keys);
        let first_words = FirstWords::new(&keys);
        let ends_alnum = keys
            .iter()
            .map(|k| k.chars().next_back().is_some_and(is_alphanumeric))
            .collect();
        Matcher {
            nfa: std::sync::OnceLock::new(),
            keys,
            trie,
            first_words,
            groups,
            ends_alnum,
        }
    }

    /// The aho-corasick automaton over the patterns (leftmost-longest), built once.
    fn nfa(&self) -> &contiguous::NFA {
        self.nfa.get_or_init(|| {
            contiguous::NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.keys)
                .expect("a lexicon of bounded phrases always compiles")
        })
    }

    /// The automaton's raw matches over every byte, counted: no word boundary check, no
    /// lookup. A reference for benchmarks: [`Matcher::scan`] does less than this.
    pub(crate) fn bare_scan(&self, text: &str) -> usize {
        self.nfa()
            .try_find_iter(Input::new(text))
            .map_or(0, |matches| matches.count())
    }

    /// Every phrase that matches with word boundaries; phrases written alike give one hit
    /// each, with the same span.
    ///
    /// A phrase can only start where a word starts, so the trie is walked from each such
    /// position whose first byte begins some phrase, rather than over every byte: inside
    /// words it never runs at all. The longest phrase from a position wins;
    /// the next search starts after it.
    pub(crate) fn scan(&self, text: &str) -> Vec<Hit> {
        // news text has a phrase every 30 to 50 bytes
        let mut out = Vec::with_capacity(text.len() / 32);
        let bytes = text.as_bytes();
        let mut i = 0usize;
        // whether a phrase may start at `i`: the char before it is not a letter or digit
        let mut word_start = true;
        while let Some(&b) = bytes.get(i) {
            // the end of the word at `i`, once found: a failed walk steps over it
            let mut word = None;
            // the state after the first byte, if some pattern starts with it
            let first = if word_start { self.trie.first(b) } else { 0 };
            if first != 0 {
                // a word that no pattern starts with is stepped over whole: two words in
                // three, whose walks would reach the trie's deeper, colder states
                let e = word_end(text, i);
                if e > i && !self.first_words.may_start(&bytes[i..e]) {
                    i = e;
                    word_start = bytes.get(i) == Some(&b' ');
                    i += usize::from(word_start);
                    continue;
                }
                word = Some(e).filter(|&e| e > i);
                let found = self
                    .trie
                    .walk_from(first, bytes.get(i + 1..).unwrap_or(&[]))
                    .map(|(p, len)| (p, i + len))
                    .filter(|&(_, e)| !is_alnum_at(text, e));
                if let Some((pattern, e)) = found {
                    for &phrase in &self.groups[pattern] {
                        out.push(Hit {
                            span: Span::new(i, e),
                            phrase,
                        });
                    }
                    // go on after the phrase (its last char is the pattern's), and after
                    // the space that ends a phrase ending a word
                    word_start = !self.ends_alnum.get(pattern).is_some_and(|&a| a);
                    i = e.max(i + 1);
                    if !word_start && bytes.get(i) == Some(&b' ') {
                        i += 1;
                        word_start = true;
                    }
                    continue;
                }
            }
            // step over one char, or over the rest of a word at once; ASCII, most of the
            // text, without decoding
            let alnum = if let Some(e) = word {
                i = e;
                true
            } else if b.is_ascii() {
                i += 1;
                b.is_ascii_alphanumeric()
            } else {
                let (c, len) = char_at(text, i);
                i += len;
                is_alphanumeric(c)
            };
            if alnum {
                i = word_end(text, i);
                // the space after a word, the commonest separator, is stepped over here
                // rather than by a turn of the loop of its own
                if bytes.get(i) == Some(&b' ') {
                    i += 1;
                    word_start = true;
                    continue;
                }
            }
            word_start = !alnum;
        }
        out
    }
}

/// The first words of the patterns (their opening runs of letters and digits), as a set
/// of bits over a hash of the word. A phrase matches only on word boundaries, so a
/// pattern that starts at a word starts with that whole word: a word whose bit is clear
/// starts none. Some words share a bit with a first word; they are walked as before.
#[derive(Clone, Debug)]
struct FirstWords(Box<[u64; FirstWords::WORDS]>);

impl FirstWords {
    /// 2^16 bits, 8 KB: it stays in the nearest cache, and about one word in ten that
    /// starts no pattern of a full lexicon (6,400 first words) shares a bit with one.
    const WORDS: usize = 1 << 10;

    fn new<K: AsRef<str>>(keys: &[K]) -> FirstWords {
        let mut bits = Box::new([0u64; Self::WORDS]);
        for key in keys {
            let key = key.as_ref();
            let e = word_end(key, 0);
            if e > 0 {
                let b = Self::bit(&key.as_bytes()[..e]);
                bits[b / 64] |= 1 << (b % 64);
            }
        }
        FirstWords(bits)
    }

    /// The bit of a word: a multiplicative hash of its first and last eight bytes and
    /// its length.
    #[inline]
    fn bit(word: &[u8]) -> usize {
        let n = word.len();
        let head = load(&word[..n.min(8)]);
        let tail = if n > 8 { load(&word[n - 8..]) } else { 0 };
        let h = (head ^ tail.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 48) as usize
    }

    /// Whether some pattern may start with `word` (a whole run of letters and digits).
    #[inline]
    fn may_start(&self, word: &[u8]) -> bool {
        let b = Self::bit(word);
        self.0[b / 64] >> (b % 64) & 1 == 1
    }
}

/// The end of the run of letters and digits that starts at or goes on at byte `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    /// Per byte: an ASCII letter or digit (one load per byte of a word, where
    /// `is_ascii_alphanumeric` takes two range tests).
    const ASCII_ALNUM: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if ASCII_ALNUM[usize::from(b)] {
            i += 1;
        } else if b.is_ascii() {
            break;
        } else {
            let (c, len) = char_at(text, i);
            if !is_alphanumeric(c) {
                break;
            }
            i += len;
        }
    }
    i
}

/// A trie of byte strings as a double array: the child of state `s` on byte `b` is slot
/// `base(s) + b` when that slot's `check` names `s`. One step of a walk is one add and one
/// compare on one slot, where a general automaton decodes a state representation per
/// byte; the phrase scan takes about one step per byte of text.
#[derive(Clone, Debug)]
struct Trie {
    slots: Vec<Slot>,
    /// The state after each first byte (0, the root's slot: no pattern starts with it),
    /// so that the test whether to walk at all is also the walk's first step.
    first: [u32; 256],
}

/// What a walk that stops at a state has found, so the walk need not keep track of it.
#[derive(Clone, Copy, Debug)]
struct End {
    /// The longest pattern that ends at this state or on the way to it (`NONE`: none).
    found: u32,
    /// That pattern's length in bytes.
    len: u32,
}

/// A state of the trie, 16 bytes: what a walk needs to step on, and what it has found
/// when it stops here, in the same cache line (the walk's last load is the one that
/// misses the cache most often).
#[derive(Clone, Copy, Debug)]
struct Slot {
    /// Where the children of this state start (their bytes are added to it).
    base: u32,
    /// The state this slot is a child of; `FREE` for an unused slot.
    check: u32,
    end: End,
}

/// The free slots of a growing double array, in order, as a doubly linked list: the
/// search for a place to put a state's children hops from free slot to free slot.
struct FreeSlots {
    /// For each slot: the next and the previous free slot (`NIL`: none). Only the entries
    /// of free slots mean anything.
    next: Vec<usize>,
    prev: Vec<usize>,
    /// The first and the last free slot (`NIL` when none is free).
    head: usize,
    tail: usize,
}

impl FreeSlots {
    const NIL: usize = usize::MAX;

    fn new() -> FreeSlots {
        FreeSlots {
            next: Vec::new(),
            prev: Vec::new(),
            head: Self::NIL,
            tail: Self::NIL,
        }
    }

    fn first(&self) -> Option<usize> {
        Some(self.head).filter(|&h| h != Self::NIL)
    }

    /// The free slot after free slot `p`.
    fn after(&self, p: usize) -> Option<usize> {
        Some(self.next[p]).filter(|&n| n != Self::NIL)
    }

    /// Slots `from..to` are new and free.
    fn extend(&mut self, from: usize, to: usize) {
        self.next.resize(to, Self::NIL);
        self.prev.resize(to, Self::NIL);
        for k in from..to {
            if self.tail == Self::NIL {
                self.head = k;
            } else {
                self.next[self.tail] = k;
                self.prev[k] = self.tail;
            }
            self.tail = k;
        }
    }

    /// Free slot `t` is taken.
    fn take(&mut self, t: usize) {
        let (p, n) = (self.prev[t], self.next[t]);
        if p == Self::NIL {
            self.head = n;
        } else {
            self.next[p] = n;
        }
        if n == Self::NIL {
            self.tail = p;
        } else {
            self.prev[n] = p;
        }
    }
}

impl Trie {
    const FREE: u32 = u32::MAX;
    const NONE: u32 = u32::MAX;

    /// The trie of `keys` (distinct, non-empty); pattern `k` is `keys[k]`.
    fn new<K: AsRef<[u8]>>(keys: &[K]) -> Trie {
        // a plain trie first: children as sorted (byte, node) lists
        let mut children: Vec<Vec<(u8, usize)>> = vec![Vec::new()];
        let mut ends: Vec<u32> = vec![Self::NONE];
        for (k, key) in keys.iter().enumerate() {
            let mut node = 0;
            for &b in key.as_ref() {
                node = match children[node].binary_search_by_key(&b, |&(c, _)| c) {
                    Ok(x) => children[node][x].1,
                    Err(x) => {
                        let new = children.len();
                        children[node].insert(x, (b, new));
                        children.push(Vec::new());
                        ends.push(Self::NONE);
                        new
                    }
                };
            }
            ends[node] = u32::try_from(k).expect("fewer than 2^32 patterns");
        }
        // then each node's children placed where all their slots are free, in breadth-first
        // order; slot 0 is the root
        let none = End {
            found: Self::NONE,
            len: 0,
        };
        // (patterns are not empty: nothing ends at the root)
        let mut slots = vec![Slot {
            base: 0,
            check: 0,
            end: none,
        }];
        let len_of = |k: u32| {
            keys.get(k as usize).map_or(0, |key| {
                u32::try_from(key.as_ref().len()).expect("patterns shorter than 4 GB")
            })
        };
        let mut free = FreeSlots::new();
        // (node, its slot, its depth)
        let mut queue = std::collections::VecDeque::from([(0usize, 0usize, 0u32)]);
        while let Some((node, slot, depth)) = queue.pop_front() {
            let kids = &children[node];
            let (Some(&(b0, _)), Some(&(last, _))) = (kids.first(), kids.last()) else {
                continue;
            };
            let (b0, last) = (usize::from(b0), usize::from(last));
            // the first free slot for the first child where the others' slots are free too;
            // after a few tries, past the end, where all are (a node of one child, most of
            // them, takes the first free slot, so few stay unused)
            let mut at = free.first();
            let mut tries = 0;
            let base = loop {
                match at {
                    Some(p) if tries < 64 => {
                        if p > b0
                            && kids.iter().all(|&(b, _)| {
                                slots
                                    .get(p - b0 + usize::from(b))
                                    .is_none_or(|s| s.check == Self::FREE)
                            })
                        {
                            break p - b0;
                        }
                        at = free.after(p);
                        tries += 1;
                    }
                    _ => break slots.len().max(b0 + 1) - b0,
                }
            };
            if slots.len() <= base + last {
                free.extend(slots.len(), base + last + 1);
                slots.resize(
                    base + last + 1,
                    Slot {
                        base: 0,
                        check: Self::FREE,
                        end: none,
                    },
                );
            }
            let state = u32::try_from(slot).expect("fewer than 2^32 slots");
            slots[slot].base = u32::try_from(base).expect("fewer than 2^32 slots");
            for &(b, child) in kids {
                let t = base + usize::from(b);
                free.take(t);
                let up = slots[slot].end;
                let found = if ends[child] == Self::NONE {
                    up.found
                } else {
                    ends[child]
                };
                slots[t] = Slot {
                    base: 0,
                    check: state,
                    end: End {
                        found,
                        len: if found == up.found {
                            up.len
                        } else {
                            len_of(found)
                        },
                    },
                };
                queue.push_back((child, t, depth + 1));
            }
        }
        let root_base = slots.first().map_or(0, |s| s.base as usize);
        let first = std::array::from_fn(|b| {
            // children are never at slot 0, the root's
            let t = root_base + b;
            match slots.get(t) {
                Some(s) if t != 0 && s.check == 0 => u32::try_from(t).unwrap_or(0),
                _ => 0,
            }
        });
        Trie { slots, first }
    }

    /// The longest pattern that is a prefix of `bytes`, as (pattern, length).
    #[cfg(test)]
    fn longest(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        match bytes.split_first() {
            Some((&b, rest)) if self.first(b) != 0 => self.walk_from(self.first(b), rest),
            // (patterns are not empty)
            _ => None,
        }
    }

    /// The state after byte `b` from the root (0: none).
    #[inline]
    fn first(&self, b: u8) -> usize {
        self.first[usize::from(b)] as usize
    }

    /// The longest pattern that is a prefix of the first byte's and `bytes`, as
    /// (pattern, length), after the walk's first step, which went to `state`.
    #[inline]
    fn walk_from(&self, mut state: usize, bytes: &[u8]) -> Option<(usize, usize)> {
        let mut base = self.slots.get(state).map_or(0, |s| s.base as usize);
        for &b in bytes {
            let t = base + usize::from(b);
            match self.slots.get(t) {
                Some(s) if s.check as usize == state => {
                    state = t;
                    base = s.base as usize;
                }
                _ => break,
            }
        }
        let end = self.slots.get(state)?.end;
        (end.found != Self::NONE).then_some((end.found as usize, end.len as usize))
    }
}

/// Whether a letter or digit starts at byte `i` of `text`.
fn is_alnum_at(text: &str, i: usize) -> bool {
    i < text.len() && is_alphanumeric(char_at(text, i).0)
}

/// The spellings a phrase matches: as written; a lower-case entry also with a capital
/// first letter; an entry starting with `The ` also with `the `.
fn spellings(text: &str) -> Vec<String> {
    let mut out = vec![text.to_string()];
    let mut chars = text.chars();
    if let Some(first) = chars.next()
        && !text.chars().any(char::is_uppercase)
        && first.is_ascii_lowercase()
    {
        out.push(format!("{}{}", first.to_ascii_uppercase(), chars.as_str()));
    }
    if let Some(rest) = text.strip_prefix("The ") {
        out.push(format!("the {rest}"));
    }
    out
}

/// What an actor mention refers to before coreference.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Referent {
    /// A lexicon entity or a person: resolved.
    Entity(EntityId),
    /// `the junta`, `the government`: the noun, resolved by coref.
    Definite(String),
    /// `Police arrested ...`, `troops opened fire`: a bare plural of a state's forces
    /// opening a clause, the noun; coref gives it the state last named with that noun or
    /// one named before it in its sentence, never a guess from earlier sentences.
    Bare(String),
    /// `the country`.
    Country,
    /// `the bloc`, `the alliance` (an organisation), `the group` (an armed group).
    Body(EntityKind),
    /// `the two countries`.
    Pair,
    /// `he`, `she`, `it`, `they`.
    Pronoun(&'static str),
}

/// An actor mention in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Actor {
    /// Token range in the sentence's tokens.
    pub t0: usize,
    pub t1: usize,
    pub span: Span,
    pub referent: Referent,
    /// After coreference: the acting entities (a person's state where known).
    pub entities: Vec<EntityId>,
    /// The person named, when the actor is one.
    pub person: Option<EntityId>,
    pub sector: Option<String>,
    /// Media are recognised but never actors of relations.
    pub media: bool,
    /// Written as a possessive (`Niger's`): the owner of what follows, not its head.
    pub possessive: bool,
}

/// A person found in a document.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Person {
    pub id: EntityId,
    pub name: String,
    pub country: Option<EntityId>,
    pub sector: Option<String>,
}

/// A lexical item on the tokens of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Item {
    Entity(usize, NameRole),
    Sector(String),
    Title(Option<String>),
    Trigger(Vec<usize>),
}

/// One sentence, analysed.
#[derive(Clone, Debug)]
pub(crate) struct Analysed {
    pub index: usize,
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Items by token range.
    pub items: Vec<(usize, usize, Item)>,
    pub actors: Vec<Actor>,
}

impl Analysed {
    pub(crate) fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.slice(text))
    }

    pub(crate) fn is(&self, text: &str, i: usize, w: &str) -> bool {
        self.bytes(text, i).eq_ignore_ascii_case(w.as_bytes())
    }

    pub(crate) fn is_any(&self, text: &str, i: usize, ws: &[&str]) -> bool {
        let t = self.bytes(text, i);
        ws.iter().any(|w| t.eq_ignore_ascii_case(w.as_bytes()))
    }

    /// The bytes of token `i`, for [`Analysed::is`] and [`Analysed::is_any`]: a compare
    /// with a word needs no check that the token starts and ends at char boundaries, as
    /// [`Analysed::word`] makes (a token always does; and bytes equal to a word, ASCII
    /// case aside, start and end where its chars do).
    fn bytes<'t>(&self, text: &'t str, i: usize) -> &'t [u8] {
        self.tokens
            .get(i)
            .and_then(|t| text.as_bytes().get(t.span.start..t.span.end))
            .unwrap_or_default()
    }
}

const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "de", "van", "der", "von", "el", "da", "du", "la", "le", "abu", "bint",
];
const MODIFIERS: &[&str] = &[
    "military",
    "senior",
    "top",
    "former",
    "deputy",
    "acting",
    "interim",
    "chief",
    "new",
    "own",
    "transitional",
    "ruling",
    "then",
    "current",
    "foreign",
    "defence",
    "defense",
    "state",
    "official",
    "national",
    "regional",
    "federal",
    "main",
    "local",
    "elite",
    "special",
];
/// Capitalised words that are not names.
const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    // (prepositions of headlines in title case: `Niger Orders French Envoy Out`,
    // `Pakistan Summons Afghan Envoy Over Border Attack`)
    "Out",
    "Over",
    "To",
    "For",
    "With",
    "From",
    "Of",
    "By",
    "Into",
    "Against",
    "Amid",
    "Under",
    "Off",
    "After",
    "Before",
    "Following",
    "Meanwhile",
    "However",
    "Officials",
    "Sources",
    "Witnesses",
    "Police",
    "Reuters",
    "Today",
    "Yesterday",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "As",
    "If",
    "When",
    "While",
    "Since",
    "Also",
    "Some",
    "Many",
    "Both",
    "All",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "God",
    "Islam",
    "Christian",
    "Muslim",
    "Muslims",
    "Christians",
];
/// Plural nouns after a state adjective that are not groups of people.
const NOT_GROUPS: &[&str] = &[
    "efforts",
    "interests",
    "policies",
    "relations",
    "elections",
    "affairs",
    "waters",
    "lands",
    "borders",
    "claims",
    "demands",
    "plans",
    "sales",
    "exports",
    "imports",
    "talks",
    "assets",
    "goods",
    "products",
    "weapons",
    "arms",
    "missiles",
    "airlines",
    "ports",
    "cities",
    "towns",
    "villages",
    "territories",
    "regions",
    "provinces",
    "areas",
    "positions",
    "sanctions",
    "reforms",
    "rights",
    "laws",
    "proposals",
    "issues",
    "news",
    "bonds",
    "markets",
    "funds",
    "companies",
    "firms",
    "banks",
    "media",
    "vessels",
    "ships",
    "aircraft",
    "jets",
];
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "declared",
    "warned",
    "announced",
    "insisted",
    "explained",
    "noted",
    "wrote",
    "tweeted",
];

/// Maps hits to token ranges of one sentence and builds its items.
pub(crate) fn items(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    hits: &[Hit],
) -> Vec<(usize, usize, Item)> {
    // at most one item per hit
    let mut out = Vec::with_capacity(hits.len());
    // a headline in title case (`Russia Expels Two British Diplomats`) writes its verbs
    // with capitals too (worked out once, when a capitalised trigger asks)
    let title_case = std::cell::OnceCell::new();
    let mut i = 0;
    while i < hits.len() {
        let h = hits[i];
        let mut j = i + 1;
        while j < hits.len() && hits[j].span == h.span {
            j += 1;
        }
        let same = &hits[i..j];
        i = j;
        let Ok(t0) = tokens.binary_search_by(|t| t.span.start.cmp(&h.span.start)) else {
            continue;
        };
        let Some(t1) = tokens[t0..]
            .iter()
            .position(|t| t.span.end == h.span.end)
            .map(|p| t0 + p + 1)
        else {
            continue;
        };
        let mut entity = None;
        let mut sector = None;
        let mut title = None;
        let mut has_trigger = false;
        // a lower-case trigger written with a capital inside a sentence is a name
        // (`last March`, `Rally for Peace`)
        // (worked out only when a trigger would be the item: most phrases have none)
        let capital_inside = || {
            t0 > 0
                && h.span.slice(text).starts_with(char::is_uppercase)
                && !matches!(
                    tokens[t0 - 1].span.slice(text),
                    "\"" | "“" | "‘" | "'" | "(" | ":" | "—"
                )
                && !*title_case.get_or_init(|| is_title_case(text, tokens))
        };
        // (plain loops: a flat_map over the phrases' uses cost twice as much)
        let phrases = || {
            same.iter().map(|h| &lex.phrases[h.phrase]).filter(|p| {
                !(p.ambiguous
                    && ambiguous_reject(text, tokens, t0, t1, || {
                        // `Turkey Backs Azerbaijan`: in a headline in title case, a
                        // capitalised trigger after the name is its verb, no surname
                        *title_case.get_or_init(|| is_title_case(text, tokens))
                            && tokens.get(t1).is_some_and(|next| {
                                hits[j..]
                                    .iter()
                                    .take_while(|x| x.span.start <= next.span.start)
                                    .filter(|x| x.span.start == next.span.start)
                                    .any(|x| {
                                        lex.phrases[x.phrase]
                                            .uses
                                            .iter()
                                            .any(|u| matches!(u, PhraseUse::Trigger(_)))
                                    })
                            })
                    }))
            })
        };
        for p in phrases() {
            for u in &p.uses {
                match u {
                    PhraseUse::Entity(e, r) => entity = Some((*e, *r)),
                    PhraseUse::Sector(c) => sector = Some(c),
                    PhraseUse::Title(s) => title = Some(s),
                    PhraseUse::Trigger(_) => has_trigger = true,
                }
            }
        }
        // (only a title looks at the next token)
        let next_cap = title.is_some()
            && tokens.get(t1).is_some_and(|t| {
                t.kind == TokenKind::Word && t.span.slice(text).starts_with(char::is_uppercase)
            })
            && !hits[j..]
                .iter()
                .take_while(|x| x.span.start <= tokens[t1].span.start)
                .any(|x| x.span.start == tokens[t1].span.start);
        // the uses are borrowed until one is chosen: a sector or title overwritten by a
        // later use of the same phrase is never copied
        let item = if let Some((e, r)) = entity {
            Item::Entity(e, r)
        } else if let (Some(t), true) = (title, next_cap) {
            Item::Title(t.clone())
        } else if let Some(s) = sector {
            Item::Sector(s.clone())
        } else if has_trigger && !capital_inside() {
            // the triggers are gathered only now: a Vec per span whose item is an entity,
            // a title or a sector was allocated for nothing
            let triggers = phrases()
                .flat_map(|p| &p.uses)
                .filter_map(|u| match u {
                    PhraseUse::Trigger(i) => Some(*i),
                    _ => None,
                })
                .collect();
            Item::Trigger(triggers)
        } else if let Some(t) = title {
            Item::Title(t.clone())
        } else {
            continue;
        };
        out.push((t0, t1, item));
    }
    out
}

/// Whether a sentence is a headline in title case: of its words of four letters or more
/// (the short ones, `in`, `to`, `of`, are often lower case), at least three (`Iran Rejects
/// EU Proposal`), and all but one in ten, begin with a capital.
fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    let (mut long, mut capital) = (0usize, 0usize);
    for t in tokens {
        let w = t.span.slice(text);
        if t.kind != TokenKind::Word || w.len() < 4 || !w.starts_with(char::is_alphabetic) {
            continue;
        }
        long += 1;
        capital += usize::from(w.starts_with(char::is_uppercase));
    }
    long >= 3 && capital * 10 >= long * 9
}

/// A name marked ambiguous (`Chad`, `Jordan`, `Georgia`, `Turkey`) is rejected before a
/// capitalised word (a first name: `Chad Smith`), after a title, or beside US-state or
/// food context.
fn ambiguous_reject(
    text: &str,
    tokens: &[Token],
    t0: usize,
    t1: usize,
    headline_verb_next: impl FnOnce() -> bool,
) -> bool {
    let w = |i: usize| tokens.get(i).map_or("", |t| t.span.slice(text));
    let next = w(t1);
    if next.starts_with(char::is_uppercase)
        && tokens[t1].kind == TokenKind::Word
        && !headline_verb_next()
    {
        return true;
    }
    let prev = if t0 > 0 { w(t0 - 1) } else { "" };
    let prev2 = if t0 > 1 { w(t0 - 2) } else { "" };
    const US: &[&str] = &[
        "Atlanta", "Savannah", "Senator", "Sen.", "Gov.", "Governor", "Rep.", "state", "State",
        "southern", "rural",
    ];
    const FOOD: &[&str] = &[
        "roast",
        "stuffed",
        "wild",
        "Thanksgiving",
        "eat",
        "ate",
        "cook",
        "cooked",
        "carved",
    ];
    let after = [w(t1), w(t1 + 1)];
    // a US state: its governor, its cities, its parties anywhere near
    const US_NEAR: &[&str] = &[
        "governor",
        "Governor",
        "Atlanta",
        "Savannah",
        "Macon",
        "Republican",
        "Republicans",
        "Democrat",
        "Democrats",
        "county",
        "County",
        "legislature",
        "Peach",
    ];
    // (the neighbourhood is read for Georgia only)
    let near = || {
        tokens[t0.saturating_sub(8)..(t1 + 8).min(tokens.len())]
            .iter()
            .any(|t| US_NEAR.contains(&t.span.slice(text)))
    };
    let georgia = tokens[t0].span.slice(text) == "Georgia";
    (georgia && near())
        || US.contains(&prev)
        || (prev == "," && US.contains(&prev2))
        || FOOD.contains(&prev)
        || after.iter().any(|a| {
            [
                "dinner",
                "sandwich",
                "meat",
                "legislature",
                "Democrats",
                "Republicans",
                "voters",
                "county",
                "County",
            ]
            .contains(a)
        })
        || (prev == "of" && prev2.eq_ignore_ascii_case("state"))
}

/// What [`actors`] looks up about a token.
#[derive(Clone, Copy, Default)]
struct Tok {
    /// The first item starting at this token and the first item ending before it, as
    /// item index + 1 (0: none): a table of them starts zeroed, without padding bytes
    /// that would make its initialisation a store per field.
    start: u32,
    end: u32,
}

impl Tok {
    fn item(k: usize) -> u32 {
        u32::try_from(k + 1).expect("fewer than 2^32 items in a sentence")
    }
}

/// Sentences of up to this many tokens (nearly all) keep [`actors`]' per-token tables on
/// the stack: two allocations fewer per sentence.
const STACK_TOKENS: usize = 128;

/// Builds the actor mentions of one sentence. Persons are looked up and added in
/// `persons` (surnames map to earlier full names).
pub(crate) fn actors(
    lex: &Lexicon,
    text: &str,
    s: &Analysed,
    persons: &mut Vec<Person>,
) -> Vec<Actor> {
    let n = s.tokens.len();
    let (mut used_stack, mut used_heap);
    let used: &mut [bool] = if n <= STACK_TOKENS {
        used_stack = [false; STACK_TOKENS];
        &mut used_stack[..n]
    } else {
        used_heap = vec![false; n];
        &mut used_heap
    };
    // (nearly every sentence has an actor; four is what the first push would reserve)
    let mut out: Vec<Actor> = Vec::with_capacity(4);
    // per token: the item starting there, the item ending there, and whether an item
    // covers it; one more entry for the end of the sentence, where an item can end
    let (mut toks_stack, mut toks_heap, mut covered_stack, mut covered_heap);
    let (toks, covered): (&mut [Tok], &mut [bool]) = if n < STACK_TOKENS {
        toks_stack = [Tok::default(); STACK_TOKENS];
        covered_stack = [false; STACK_TOKENS];
        (&mut toks_stack[..=n], &mut covered_stack[..n])
    } else {
        toks_heap = vec![Tok::default(); n + 1];
        covered_heap = vec![false; n];
        (&mut toks_heap, &mut covered_heap)
    };
    for (k, (a, b, _)) in s.items.iter().enumerate() {
        if *a < n && toks[*a].start == 0 {
            toks[*a].start = Tok::item(k);
        }
        for c in &mut covered[(*a).min(n)..(*b).min(n)] {
            *c = true;
        }
    }
    for (k, (_, b, _)) in s.items.iter().enumerate() {
        if *b <= n && toks[*b].end == 0 {
            toks[*b].end = Tok::item(k);
        }
    }
    let (toks, covered): (&[Tok], &[bool]) = (toks, covered);
    let item = |k: u32| (k as usize).checked_sub(1).and_then(|k| s.items.get(k));
    let item_ending = |t: usize| toks.get(t).and_then(|x| item(x.end));
    let item_at = |t: usize| toks.get(t).and_then(|x| item(x.start));
    let in_item = |t: usize| covered.get(t).is_some_and(|&c| c);
    let bytes = text.as_bytes();
    let is_cap_word = |t: usize| {
        s.tokens.get(t).is_some_and(|tok| {
            tok.kind == TokenKind::Word
                && match bytes.get(tok.span.start) {
                    // an ASCII first letter without decoding
                    Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => tok.span.slice(text).starts_with(char::is_uppercase),
                }
        })
    };
    let word = |t: usize| s.word(text, t);
    // on the token's bytes: no char-boundary checks, as slicing a word makes
    let is = |t: usize, w: &str| s.is(text, t, w);
    let is_any = |t: usize, ws: &[&str]| s.is_any(text, t, ws);
    let entity_of = |t: usize| match item_at(t) {
        Some((_, t1, Item::Entity(e, role))) => Some((*e, *role, *t1)),
        _ => None,
    };
    let make = |t0: usize, t1: usize, referent: Referent, sector: Option<String>| Actor {
        t0,
        t1,
        span: Span::new(s.tokens[t0].span.start, s.tokens[t1 - 1].span.end),
        referent,
        entities: Vec::new(),
        person: None,
        sector,
        media: false,
        possessive: false,
    };

    // 1. People with titles: [STATE ['s]] [modifiers/sectors] TITLE Name+
    for (t0, t1, item) in &s.items {
        let Item::Title(tsector) = item else { continue };
        let mut end = *t1;
        let mut names = Vec::new();
        while end < n && names.len() < 5 {
            let w = word(end);
            if is_cap_word(end)
                && item_at(end).is_none()
                && !w.contains('.')
                && !NOT_NAMES.contains(&w)
            {
                names.push(w);
                end += 1;
            } else if !names.is_empty()
                && w.split_once('-').is_some_and(|(p, rest)| {
                    PARTICLES.contains(&p) && rest.starts_with(char::is_uppercase)
                })
            {
                // al-Bashir, el-Sisi
                names.push(w);
                end += 1;
            } else if PARTICLES.contains(&w.trim_end_matches('-'))
                && is_cap_word(end + 1)
                && !names.is_empty()
            {
                names.push(w);
                end += 1;
            } else {
                break;
            }
        }
        // `President Juvenal Habyarimana`: a person of the lexicon after the title (or
        // after a first name) is that person
        let lexicon_person =
            entity_of(end).filter(|(e, _, _)| lex.entities[*e].kind == EntityKind::Person);
        if let Some((e, _, pt1)) = lexicon_person {
            if !used[*t0] && names.len() <= 2 {
                let id = lex.entities[e].id.clone();
                for u in &mut used[*t0..pt1] {
                    *u = true;
                }
                let mut a = make(*t0, pt1, Referent::Entity(id.clone()), tsector.clone());
                a.person = Some(id);
                out.push(a);
            }
            continue;
        }
        if names.is_empty() || used[*t0] {
            continue;
        }
        // look left for the state
        let mut start = *t0;
        let mut country = None;
        let mut sector = tsector.clone();
        let mut k = *t0;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            let p = k - 1;
            if let Some((a, _, Item::Sector(code))) = item_ending(k) {
                sector.get_or_insert_with(|| code.clone());
                k = *a;
                steps += 1;
                continue;
            }
            let w = word(p);
            // (modifiers are lower-case ASCII: the compare ignoring ASCII case is the
            // lower-cased lookup)
            if is_any(p, MODIFIERS) {
                k = p;
                steps += 1;
                continue;
            }
            if w == "'s" || w == "’s" {
                if let Some((a, _, Item::Entity(e, _))) = item_ending(p) {
                    country = affiliation(lex, *e);
                    start = *a;
                }
                break;
            }
            if let Some((a, _, Item::Entity(e, _))) = item_ending(k) {
                country = affiliation(lex, *e);
                start = *a;
            }
            break;
        }
        if country.is_some() {
            for u in &mut used[start..*t0] {
                *u = true;
            }
        } else {
            start = *t0;
        }
        let country =
            country.or_else(|| names.last().and_then(|n| lex.surname_country(n)).cloned());
        let country =
            country.or_else(|| names.last().and_then(|n| lex.surname_country(n)).cloned());
        let person = person_for(persons, &names, country.clone(), sector.clone());
        for u in &mut used[start..end] {
            *u = true;
        }
        let mut a = make(start, end, Referent::Entity(person.clone()), sector);
        a.person = Some(person);
        out.push(a);
    }

    // 2. Lexicon entities, possessive and adjectival phrases.
    let mut i = 0;
    while i < s.items.len() {
        let (t0, t1, item) = &s.items[i];
        i += 1;
        if used[*t0] {
            continue;
        }
        match item {
            Item::Entity(e, role) => {
                let ent = &lex.entities[*e];
                let media = ent.org_type == Some(crate::model::OrgType::Media);
                // `ethnic Albanians`, `ethnic Russians`: a people, not the state
                // `ethnic Albanians in southern Serbia`, `the Albanians of Serbia`: a people
                // is coded by the state it lives in, when the text names it; `ethnic X`
                // alone is not the state X
                // (only adjectives are looked at: most entities are names)
                let adjective = *role == NameRole::Adjective;
                let ethnic = adjective && *t0 > 0 && is(*t0 - 1, "ethnic");
                let plural = adjective && word(*t1 - 1).ends_with('s');
                if adjective && (ethnic || plural) && is_any(*t1, &["in", "of", "from"]) {
                    let mut k = *t1 + 1;
                    while k < n
                        && is_any(
                            k,
                            &[
                                "the", "northern", "southern", "eastern", "western", "central",
                                "north", "south", "east", "west",
                            ],
                        )
                    {
                        k += 1;
                    }
                    if let Some((e2, role2, et1)) = entity_of(k)
                        && lex.entities[e2].kind == EntityKind::Country
                        && matches!(role2, NameRole::Name | NameRole::Place)
                    {
                        let start = if ethnic { *t0 - 1 } else { *t0 };
                        for u in &mut used[start..et1] {
                            *u = true;
                        }
                        out.push(make(
                            start,
                            et1,
                            Referent::Entity(lex.entities[e2].id.clone()),
                            Some("CVL".into()),
                        ));
                        continue;
                    }
                }
                if *role == NameRole::Adjective && ethnic {
                    continue;
                }
                if *role == NameRole::Adjective {
                    // chain: ADJ (and|, ADJ)* [modifiers] SECTOR
                    // `Bosnian Serbs`: a demonym after a state adjective is a group of the
                    // first state
                    if let Some((_, NameRole::Adjective, t1b)) = entity_of(*t1) {
                        out.push(make(
                            *t0,
                            t1b,
                            Referent::Entity(ent.id.clone()),
                            Some("CVL".into()),
                        ));
                        for u in &mut used[*t0..t1b] {
                            *u = true;
                        }
                        i += 1;
                        continue;
                    }
                    let mut adjs = vec![(*t0, *t1, *e)];
                    let mut k = *t1;
                    loop {
                        if is_any(k, &["and", ",", "or"])
                            && let Some((e2, NameRole::Adjective, t1b)) = entity_of(k + 1)
                        {
                            adjs.push((k + 1, t1b, e2));
                            k = t1b;
                            continue;
                        }
                        break;
                    }
                    let mut m = k;
                    while m < n && m < k + 3 && item_at(m).is_none() && is_any(m, MODIFIERS) {
                        m += 1;
                    }
                    if let Some((_, st1, Item::Sector(code))) = item_at(m) {
                        let st1 = *st1;
                        for (a0, a1, ae) in &adjs {
                            let mut a = make(
                                *a0,
                                if adjs.len() == 1 { st1 } else { *a1 },
                                Referent::Entity(lex.entities[*ae].id.clone()),
                                Some(code.clone()),
                            );
                            a.media = media;
                            out.push(a);
                        }
                        for u in &mut used[*t0..st1] {
                            *u = true;
                        }
                        continue;
                    }
                    // `on the Thai border`, `near the rugged Afghan frontier`: a place, not
                    // an actor of what happens there (`inside Turkish borders` is Turkey)
                    let at_edge = || {
                        (t0.saturating_sub(4)..*t0).rev().find_map(|j| {
                            if is_any(j, &["on", "near", "along", "at", "to", "toward", "towards"])
                            {
                                Some(true)
                            } else {
                                (s.tokens[j].kind != TokenKind::Word
                                    || is_any(j, &["inside", "within", "in", "across", "beyond"]))
                                .then_some(false)
                            }
                        }) == Some(true)
                    };
                    if is_any(k, &["border", "borders", "frontier", "frontiers"]) && at_edge() {
                        for u in &mut used[*t0..k] {
                            *u = true;
                        }
                        continue;
                    }
                    // plural demonym standing alone (`Palestinians`, `Israelis`)
                    let w = word(*t0);
                    let sing = w.strip_suffix('s').unwrap_or("");
                    let plural = adjs.len() == 1 && !sing.is_empty() && lex.has_phrase(sing);
                    // `Bosnian Serbs`, `French paper workers`: a group of people of a state
                    let mut group_end = None;
                    let mut g = k;
                    while g < n
                        && g < k + 3
                        && s.tokens[g].kind == TokenKind::Word
                        && item_at(g).is_none()
                        && !in_item(g)
                    {
                        let w = word(g);
                        if w.len() > 3
                            && w.ends_with('s')
                            && !w.ends_with("ss")
                            && !w.ends_with("us")
                            && w.chars().all(char::is_alphabetic)
                            && !NOT_GROUPS.contains(&w)
                        {
                            group_end = Some(g + 1);
                            break;
                        }
                        g += 1;
                    }
                    for (a0, a1, ae) in &adjs {
                        // `an Indian proposal`: the state of the thing named
                        let sector = (plural || group_end.is_some()).then(|| "CVL".to_string());
                        let end = if adjs.len() == 1 {
                            group_end.unwrap_or(*a1)
                        } else {
                            *a1
                        };
                        out.push(make(
                            *a0,
                            end,
                            Referent::Entity(lex.entities[*ae].id.clone()),
                            sector,
                        ));
                        for u in &mut used[*a0..end] {
                            *u = true;
                        }
                    }
                    continue;
                }
                // NAME 's [modifiers] SECTOR
                let mut end = *t1;
                let mut sector = None;
                let mut possessive = false;
                if is_any(*t1, &["'s", "’s"]) {
                    possessive = true;
                    // `Niger's military government`, `Nicaragua's Sandinista government`
                    let mut m = *t1 + 1;
                    while m < n
                        && m < *t1 + 4
                        && item_at(m).is_none()
                        && s.tokens[m].kind == TokenKind::Word
                        && !in_item(m)
                    {
                        m += 1;
                    }
                    if !matches!(item_at(m), Some((_, _, Item::Sector(_)))) {
                        m = *t1 + 1;
                    }
                    if let Some((_, st1, Item::Sector(code))) = item_at(m) {
                        sector = Some(code.clone());
                        end = *st1;
                        possessive = false;
                    }
                } else if let Some((_, st1, Item::Sector(code))) = item_at(*t1) {
                    // `Hamas fighters`, `UN peacekeepers`, `Kremlin officials`
                    sector = Some(code.clone());
                    end = *st1;
                }
                // (the words before are read only for a capital or seat with no sector)
                let located = || {
                    *t0 > 0
                        && is_any(
                            *t0 - 1,
                            &[
                                "in", "at", "near", "outside", "inside", "into", "across",
                                "around", "from",
                            ],
                        )
                };
                if sector.is_none()
                    && matches!(role, NameRole::Capital | NameRole::Seat)
                    && !located()
                {
                    sector = Some("GOV".into());
                }
                for u in &mut used[*t0..end] {
                    *u = true;
                }
                let mut a = make(*t0, end, Referent::Entity(ent.id.clone()), sector);
                a.media = media;
                a.possessive = possessive;
                out.push(a);
            }
            Item::Sector(code) => {
                // `Turkey said its troops killed ...`: `its` or `their` right after a
                // speech verb (and `that`) is its speaker, a state or an organisation
                // (the word before is read first: most sector nouns follow no `its`)
                let verb = || {
                    if *t0 >= 3 && is(*t0 - 2, "that") {
                        *t0 - 3
                    } else {
                        *t0 - 2
                    }
                };
                if *t0 >= 2
                    && is_any(*t0 - 1, &["its", "their"])
                    && let v = verb()
                    && is_any(v, SPEECH)
                    && let Some(speaker) = out.last().filter(|a| {
                        a.t1 == v
                            && a.person.is_none()
                            && !a.media
                            && matches!(a.referent, Referent::Entity(_))
                    })
                {
                    let referent = speaker.referent.clone();
                    for u in &mut used[*t0 - 1..*t1] {
                        *u = true;
                    }
                    out.push(make(*t0 - 1, *t1, referent, Some(code.clone())));
                    continue;
                }
                // SECTOR (of|from|in) [the] ENTITY
                let k = *t1;
                // (`the government in Kabul`, `authorities in Niger`: a government in a
                // place is its own; troops, diplomats or `US officials` there are not)
                // (`security forces in Bahrain`, `the army in Mali`: a state's own arms
                // at home; `troops in Iraq` may be anyone's)
                let home_forces = code == "MIL"
                    && (is(*t0, "security")
                        || is(*t0, "armed")
                        || is(*t0, "national")
                        || *t1 == *t0 + 1 && (is(*t0, "army") || is(*t0, "military")));
                let prep_ok = is(k, "of")
                    || (is(k, "from") && code != "MIL")
                    || (is(k, "in")
                        && (!matches!(code.as_str(), "MIL" | "DIP" | "GOV")
                            || home_forces
                            || code == "GOV"
                                && (*t0 > 0 && is(*t0 - 1, "the")
                                    || is(*t0, "authorities")
                                        && (*t0 == 0 || !is_cap_word(*t0 - 1)))));
                // (the article is read only after a preposition that fits)
                let det = if prep_ok {
                    usize::from(is(k + 1, "the"))
                } else {
                    0
                };
                if prep_ok
                    && let Some((e, role, et1)) = entity_of(k + 1 + det)
                    && role != NameRole::Adjective
                    && !used[k + 1 + det]
                    // (`talks with rebels in Nairobi`: armed men and refugees in a capital
                    // are there, not of it)
                    && !(is(k, "in")
                        && role == NameRole::Capital
                        && matches!(code.as_str(), "REB" | "INS" | "REF"))
                {
                    let start = if *t0 > 0 && is_any(*t0 - 1, &["the", "a"]) {
                        *t0 - 1
                    } else {
                        *t0
                    };
                    for u in &mut used[start..et1] {
                        *u = true;
                    }
                    out.push(make(
                        start,
                        et1,
                        Referent::Entity(lex.entities[e].id.clone()),
                        Some(code.clone()),
                    ));
                    continue;
                }
                // the junta / the government / the police: resolved by coref
                let the = *t0 > 0 && is_any(*t0 - 1, &["the", "this", "that"]) && !used[*t0 - 1];
                // `Police arrested ...`, `..., troops opened fire`: a bare plural of the
                // state's own forces opening a clause
                let bare = !the
                    && (*t0 == 0 || is(*t0 - 1, ","))
                    && {
                        let w = word(*t1 - 1);
                        matches!(code.as_str(), "POL" | "MIL")
                            && (w.ends_with('s') || w.eq_ignore_ascii_case("police"))
                            || w.eq_ignore_ascii_case("authorities")
                    }
                    // (`police said`: a source of the news, not an actor in it;
                    // `shot soldiers, police officers and civilians`: a list)
                    && !is_any(*t1, SPEECH)
                    && !is_any(*t1, &["and", "or", ","]);
                if the || bare {
                    let noun = word(*t1 - 1).to_ascii_lowercase();
                    if bare
                        || matches!(code.as_str(), "GOV" | "MIL" | "LEG" | "DIP" | "POL")
                            && !noun.ends_with('s')
                        || noun == "authorities"
                    {
                        let start = if the { *t0 - 1 } else { *t0 };
                        let next_of = is_any(*t1, &["of", "from"]);
                        if !next_of {
                            for u in &mut used[start..*t1] {
                                *u = true;
                            }
                            out.push(make(
                                start,
                                *t1,
                                if bare {
                                    Referent::Bare(noun)
                                } else {
                                    Referent::Definite(noun)
                                },
                                Some(code.clone()),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    // 3. the country / the two countries / pronouns / bare surnames and names before
    //    speech verbs.
    let mut t = 0;
    while t < n {
        // a token that is neither `the`, `both` or a pronoun nor a capitalised word is
        // passed over by its first byte
        let first = s.tokens[t].span.start;
        if bytes
            .get(first)
            .is_some_and(|&b| !STEP_3_FIRST[usize::from(b)])
            || used[t]
        {
            t += 1;
            continue;
        }
        // only `the`, `both` and the pronouns are looked at in lower case
        // (by length first: most capitalised words are longer, and need no slicing)
        let span = s.tokens[t].span;
        let lw = if (2..=4).contains(&span.len()) {
            determiner_or_pronoun(s.bytes(text, t))
        } else {
            ""
        };
        if lw == "the" && t + 1 < n && !used[t + 1] {
            if is_any(
                t + 1,
                &[
                    "bloc",
                    "alliance",
                    "organisation",
                    "organization",
                    "coalition",
                    "group",
                    "movement",
                    "militia",
                ],
            ) && !is_any(t + 2, &["of", "'s", "’s"])
            {
                let noun = word(t + 1).to_ascii_lowercase();
                out.push(make(
                    t,
                    t + 2,
                    Referent::Body(
                        if matches!(noun.as_str(), "group" | "movement" | "militia") {
                            EntityKind::ArmedGroup
                        } else {
                            EntityKind::Organization
                        },
                    ),
                    None,
                ));
                used[t] = true;
                used[t + 1] = true;
                t += 2;
                continue;
            }
            if is_any(t + 1, &["country", "nation"]) {
                out.push(make(t, t + 2, Referent::Country, None));
                used[t] = true;
                used[t + 1] = true;
                t += 2;
                continue;
            }
            if is_any(t + 1, &["two", "both"])
                && is_any(
                    t + 2,
                    &[
                        "countries",
                        "nations",
                        "states",
                        "sides",
                        "neighbours",
                        "neighbors",
                    ],
                )
            {
                out.push(make(t, t + 3, Referent::Pair, None));
                t += 3;
                continue;
            }
        }
        if lw == "both" && is_any(t + 1, &["countries", "nations", "sides"]) {
            out.push(make(t, t + 2, Referent::Pair, None));
            t += 2;
            continue;
        }
        let pron = match lw {
            "he" | "him" => Some("he"),
            "she" | "her"
                if lw == "she"
                    || !is_cap_word(t + 1)
                        && s.tokens
                            .get(t + 1)
                            .is_none_or(|x| x.kind == TokenKind::Punct) =>
            {
                Some("she")
            }
            "it" => Some("it"),
            "they" | "them" => Some("they"),
            _ => None,
        };
        if let Some(p) = pron {
            out.push(make(t, t + 1, Referent::Pronoun(p), None));
            t += 1;
            continue;
        }
        if is_cap_word(t) && entity_of(t).is_none() && !in_item(t) {
            // a run of capitalised words (token t, not used, passed the tests already)
            let mut end = t + 1;
            while end < n
                && end < t + 4
                && is_cap_word(end)
                && !used[end]
                && entity_of(end).is_none()
                && !in_item(end)
            {
                end += 1;
            }
            // at most four words: no allocation
            let mut words = [""; 4];
            for (w, k) in words.iter_mut().zip(t..end) {
                *w = word(k);
            }
            let run = &words[..end - t];
            let known = if let [single] = run {
                persons.iter().find(|p| last_name_is(&p.name, single))
            } else {
                persons.iter().find(|p| joined_is(&p.name, run))
            }
            .map(|p| p.id.clone());
            // a new person: only beside a speech verb, and only a plausible name
            let id = known.or_else(|| {
                let before_speech = is_any(end, SPEECH)
                    || (is(end, "also") && is_any(end + 1, SPEECH))
                    || (is(end, ",") && t > 0 && is_any(t - 1, SPEECH));
                let after_speech = t > 0 && is_any(t - 1, SPEECH);
                let plausible = || {
                    run.iter().all(|w| {
                        w.chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                            && !NOT_NAMES.contains(w)
                    }) && !(t == 0 && run.len() == 1 && !before_speech)
                };
                ((before_speech || after_speech) && plausible())
                    .then(|| person_for(persons, run, None, None))
            });
            if let Some(id) = id {
                for u in &mut used[t..end] {
                    *u = true;
                }
                let mut a = make(t, end, Referent::Entity(id.clone()), None);
                a.person = Some(id);
                out.push(a);
            }
            t = end.max(t + 1);
            continue;
        }
        t += 1;
    }
    out.sort_by_key(|a| (a.t0, a.t1));
    out
}

/// The first bytes of the tokens step 3 of [`actors`] looks at: capitals, the first
/// letters of `the`, `both` and the pronouns, and any non-ASCII byte (a capital letter
/// may start with one).
const STEP_3_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = !c.is_ascii()
            || c.is_ascii_uppercase()
            || matches!(c, b't' | b'b' | b'h' | b's' | b'i');
        b += 1;
    }
    t
};

/// `w` in lower case when it is `the`, `both` or one of the pronouns [`actors`] looks
/// for, else "": no lower-casing of other words.
fn determiner_or_pronoun(w: &[u8]) -> &'static str {
    if !(2..=4).contains(&w.len()) {
        return "";
    }
    [
        "the", "both", "he", "him", "she", "her", "it", "they", "them",
    ]
    .into_iter()
    .find(|x| x.as_bytes().eq_ignore_ascii_case(w))
    .unwrap_or("")
}

/// Whether the last word of `name` (after its last space) is `w`, or `name` is `w`:
/// `name.rsplit(' ').next() == Some(w) || name == w` without splitting.
fn last_name_is(name: &str, w: &str) -> bool {
    // most names end in another letter: one byte compared before a call to memcmp
    if let (Some(a), Some(b)) = (name.as_bytes().last(), w.as_bytes().last())
        && a != b
    {
        return false;
    }
    name.strip_suffix(w)
        .is_some_and(|rest| (rest.is_empty() || rest.ends_with(' ')) && !w.contains(' '))
        || name == w
}

/// Whether `name` is `words` joined with spaces, without joining them.
fn joined_is(name: &str, words: &[&str]) -> bool {
    // (most names differ in length: no compare)
    let joined_len = words.iter().map(|w| w.len()).sum::<usize>() + words.len().saturating_sub(1);
    if name.len() != joined_len {
        return false;
    }
    let mut rest = name;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            let Some(r) = rest.strip_prefix(' ') else {
                return false;
            };
            rest = r;
        }
        let Some(r) = rest.strip_prefix(w) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

/// The state (or, for an international body, the body itself) a person named after
/// this entity acts for: `Russian President X`, `Arab League Secretary General X`.
fn affiliation(lex: &Lexicon, e: usize) -> Option<EntityId> {
    let ent = &lex.entities[e];
    match ent.kind {
        EntityKind::Country => Some(ent.id.clone()),
        EntityKind::Person => ent.country.clone(),
        _ => ent.country.clone().or_else(|| {
            (ent.org_type != Some(crate::model::OrgType::Media)).then(|| ent.id.clone())
        }),
    }
}

/// The id of the person with these name tokens: a single name matches the surname of a
/// person seen earlier in the document.
fn person_for(
    persons: &mut Vec<Person>,
    names: &[&str],
    country: Option<EntityId>,
    sector: Option<String>,
) -> EntityId {
    let name = names.join(" ");
    let found = if names.len() == 1 {
        persons
            .iter()
            .position(|p| p.name == name || p.name.rsplit(' ').next() == Some(names[0]))
    } else {
        persons.iter().position(|p| {
            p.name == name
                || (p.name.split(' ').count() == 1 && names.last() == Some(&p.name.as_str()))
        })
    };
    match found {
        Some(i) => {
            let p = &mut persons[i];
            if names.len() > p.name.split(' ').count() {
                p.name = name;
                p.id = EntityId::slug(&p.name);
            }
            if p.country.is_none() {
                p.country = country;
            }
            if p.sector.is_none() {
                p.sector = sector;
            }
            p.id.clone()
        }
        None => {
            let id = EntityId::slug(&name);
            persons.push(Person {
                id: id.clone(),
                name,
                country,
                sector,
            });
            id
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert_eq!(spellings("US"), ["US"]);
        assert_eq!(spellings("government"), ["government", "Government"]);
        assert_eq!(
            spellings("The Washington Post"),
            ["The Washington Post", "the Washington Post"]
        );
        let lex = Lexicon::builtin();
        let m = Matcher::new(&lex);
        let found = |t: &str| -> Vec<String> {
            m.scan(t)
                .iter()
                .map(|h| h.span.slice(t).to_string())
                .collect()
        };
        assert!(found("let us talk, as it is").is_empty());
        assert_eq!(found("The US said"), ["US"]);
        assert!(found("NIGER").is_empty());
    }

    #[test]
    fn name_helpers_agree_with_split_and_join() {
        let names = [
            "",
            " ",
            "Ali",
            "Ali Bongo",
            "Bongo",
            "Ali  Bongo",
            "Ali Bongo ",
            "al-Assad",
        ];
        let words = [
            "",
            " ",
            "Ali",
            "Bongo",
            "Ali Bongo",
            "o",
            "Assad",
            "al-Assad",
        ];
        for name in names {
            for w in words {
                let want = name.rsplit(' ').next() == Some(w) || name == w;
                assert_eq!(last_name_is(name, w), want, "{name:?} {w:?}");
            }
            for a in words {
                for b in words {
                    for run in [&[a][..], &[a, b], &[a, b, a]] {
                        assert_eq!(
                            joined_is(name, run),
                            name == run.join(" "),
                            "{name:?} {run:?}"
                        );
                    }
                }
            }
        }
        for w in [
            "the", "The", "THE", "both", "He", "him", "SHE", "her", "It", "they", "Them",
        ] {
            assert_eq!(
                determiner_or_pronoun(w.as_bytes()),
                crate::text::Lower::new(w).as_str()
            );
        }
        for w in ["", "t", "then", "thee", "hers", "its", "bot", "éh", "sheep"] {
            assert_eq!(determiner_or_pronoun(w.as_bytes()), "");
        }
    }

    /// The longest pattern at the start of `bytes` by the aho-corasick automaton, as the
    /// scan found it before the double-array trie: the reference for the trie.
    fn reference_longest(nfa: &contiguous::NFA, bytes: &[u8]) -> Option<(usize, usize)> {
        use aho_corasick::Anchored;
        let mut sid = nfa.start_state(Anchored::Yes).ok()?;
        let mut best = None;
        for (j, &b) in bytes.iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if !nfa.is_special(sid) {
                continue;
            }
            if nfa.is_dead(sid) {
                break;
            }
            best = (0..nfa.match_len(sid))
                .map(|k| nfa.match_pattern(sid, k))
                .find(|&p| nfa.pattern_len(p) == j + 1)
                .map(|p| (p.as_usize(), j + 1))
                .or(best);
        }
        best
    }

    /// The phrase scan as it was before the trie: char by char, the automaton from each
    /// word start.
    fn reference_scan(m: &Matcher, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut word_start = true;
        while i < text.len() {
            if word_start {
                let found = reference_longest(m.nfa(), &text.as_bytes()[i..])
                    .map(|(p, len)| (p, i + len))
                    .filter(|&(_, e)| !text[e..].starts_with(char::is_alphanumeric));
                if let Some((pattern, e)) = found {
                    for &phrase in &m.groups[pattern] {
                        out.push(Hit {
                            span: Span::new(i, e),
                            phrase,
                        });
                    }
                    word_start = !text[..e].ends_with(char::is_alphanumeric);
                    i = e.max(i + 1);
                    continue;
                }
            }
            let c = text[i..].chars().next().unwrap_or('\0');
            i += c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(d) = text[i..].chars().next().filter(|d| d.is_alphanumeric()) {
                    i += d.len_utf8();
                }
            }
            word_start = !c.is_alphanumeric();
        }
        out
    }

    /// Every pattern's first word passes the first-word set, and most words that start
    /// no pattern do not (the set would be useless if they did).
    #[test]
    fn first_words_pass_every_pattern_start_and_stop_most_others() {
        let lex = Lexicon::builtin();
        let m = Matcher::new(&lex);
        for key in &m.keys {
            let e = word_end(key, 0);
            if e > 0 {
                assert!(m.first_words.may_start(&key.as_bytes()[..e]), "{key:?}");
            }
        }
        let mut rng = crate::test_rng::Rng(0x2545_f491_4f6c_dd1d);
        let (mut tried, mut passed) = (0, 0);
        for _ in 0..2000 {
            let word: String = (0..3 + rng.below(8))
                .map(|_| char::from(b'a' + rng.below(26) as u8))
                .collect();
            if m.keys.iter().any(|k| k.starts_with(&word)) {
                continue;
            }
            tried += 1;
            passed += usize::from(m.first_words.may_start(word.as_bytes()));
        }
        assert!(
            tried > 1500 && passed * 5 < tried,
            "{passed} of {tried} passed"
        );
    }

    /// The trie finds the same longest pattern as the automaton, from every position of
    /// texts made of pieces of the patterns, odd bytes and case flips.
    #[test]
    fn trie_agrees_with_the_automaton() {
        let lex = Lexicon::builtin();
        let m = Matcher::new(&lex);
        let keys: Vec<String> = lex
            .phrases
            .iter()
            .flat_map(|p| spellings(&p.text))
            .collect();
        let noise = [
            "", " ", "s", "-", "é", "’", ".", "X", "\u{0}", "ing", "\u{2070}", "ğ",
        ];
        let mut rng = crate::test_rng::Rng(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let mut found = 0;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..6 {
                let k = &keys[next(keys.len())];
                // a whole pattern, or a prefix of one
                let cut = if next(3) == 0 {
                    next(k.len() + 1)
                } else {
                    k.len()
                };
                let piece = k.get(..cut).unwrap_or(k);
                if next(5) == 0 {
                    text.push_str(&piece.to_uppercase());
                } else {
                    text.push_str(piece);
                }
                text.push_str(noise[next(noise.len())]);
            }
            let bytes = text.as_bytes();
            for i in 0..bytes.len() {
                let want = reference_longest(m.nfa(), &bytes[i..]);
                let got = m.trie.longest(&bytes[i..]);
                assert_eq!(got, want, "{text:?} at {i}");
                found += usize::from(want.is_some());
            }
            assert_eq!(m.scan(&text), reference_scan(&m, &text), "{text:?}");
        }
        assert!(found > 10_000, "{found}");
        // every pattern is found whole
        for (k, key) in keys.iter().enumerate().step_by(7) {
            let p = m.trie.longest(key.as_bytes()).map(|(_, len)| len);
            assert_eq!(p, Some(key.len()), "{key:?} ({k})");
        }
        // a tiny trie, by hand
        let t = Trie::new(&["a", "ab", "abc", "b", "\u{ff}"]);
        assert_eq!(t.longest(b"abd"), Some((1, 2)));
        assert_eq!(t.longest(b"abcd"), Some((2, 3)));
        assert_eq!(t.longest(b"c"), None);
        assert_eq!(t.longest(b""), None);
        assert_eq!(t.longest("\u{ff}".as_bytes()), Some((4, 2)));
        assert_eq!(Trie::new::<&str>(&[]).longest(b"a"), None);
    }

    /// Regression: the scan used to run over every byte, so a phrase that failed its word
    /// boundary (`foreign minister` in `foreign ministers`) swallowed the phrase starting
    /// inside it (`ministers`), and a phrase starting inside a word could hide one at the
    /// next word. Phrases are now looked for only where words start.
    #[test]
    fn a_rejected_phrase_hides_nothing() {
        let lex = Lexicon::builtin();
        let m = Matcher::new(&lex);
        let t = "The foreign ministers of India and Pakistan held talks.";
        let found: Vec<&str> = m.scan(t).iter().map(|h| h.span.slice(t)).collect();
        assert!(found.contains(&"ministers"), "{found:?}");
        assert!(
            found.contains(&"India") && found.contains(&"Pakistan"),
            "{found:?}"
        );
        // nothing is found inside a word
        let t = "Chadian Nigeriens";
        assert!(
            m.scan(t)
                .iter()
                .all(|h| h.span.start == 0 || h.span.start == 8),
            "{:?}",
            m.scan(t)
        );
        // the walk stops at the end of the text and at a dead state
        assert!(m.scan("Nige").is_empty());
        assert_eq!(m.scan("Niger").len(), m.scan("Niger.").len());
        assert!(m.bare_scan("Nigeria and Niger") >= 2);
    }
}
