//! The lexicon: states, organisations, armed groups, sector nouns, titles and relation
//! triggers, read from tab-separated data files (see `data/FORMAT.md`).
//!
//! The built-in files are embedded in the crate; users add files of the same shapes at
//! run time. Every file is validated when it is loaded, and errors name the file, the
//! line and the entry.
//!
//! ```
//! use newsgraph::lexicon::Lexicon;
//! let mut lex = Lexicon::builtin();
//! lex.add_str("mine.tsv", "id\tname\taliases\tcountry\tsuccessor_of\twikidata\nsahel-brigade\tSahel Brigade\t-\tNER\t-\t-\n")?;
//! assert!(lex.entity(&"sahel-brigade".into()).is_some());
//! let err = lex.add_str("bad.tsv", "id\tname\taliases\tcountry\tsuccessor_of\twikidata\nx\tX\t-\tZZZ\t-\t-\n").unwrap_err();
//! assert_eq!(err.to_string(), "bad.tsv:2: entry \"x\": unknown country \"ZZZ\"");
//! # Ok::<(), newsgraph::Error>(())
//! ```

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{EntityId, EntityKind, OrgType, RelationKind};

const STATES: &str = include_str!("../data/states.tsv");
const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
const ARMED_GROUPS: &str = include_str!("../data/armed_groups.tsv");
const SECTORS: &str = include_str!("../data/sectors.tsv");
const TITLES: &str = include_str!("../data/titles.tsv");
const TRIGGERS: &str = include_str!("../data/triggers.tsv");
const PEOPLE: &str = include_str!("../data/people.tsv");
const PLACES: &str = include_str!("../data/places.tsv");
const NOUNS: &str = include_str!("../data/nouns.tsv");

const H_STATES: &str = "iso3\tiso2\twikidata\tname\taliases\tadjectives\tcapitals\tseats";
const H_ORGS: &str = "id\ttype\tname\taliases\tcountry\twikidata";
const H_GROUPS: &str = "id\tname\taliases\tcountry\tsuccessor_of\twikidata";
const H_SECTORS: &str = "code\tforms";
const H_TITLES: &str = "title\tforms\tsector";
const H_PEOPLE: &str = "id\tname\taliases\tcountry\tsector\twikidata";
const H_TRIGGERS: &str = "id\tkind\tpos\tforms\tsource\ttarget\texample\texpect";
const H_PLACES: &str = "place\taliases\tcountry";
const H_NOUNS: &str = "class\tforms\texample";

/// FNV-1a: the lexicon's keys are short strings looked up on every mention, where the
/// standard SipHash costs more than the lookup itself; no key comes from an adversary
/// that could not also just send a longer text.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with the FNV hasher.
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

impl From<&str> for EntityId {
    fn from(s: &str) -> Self {
        EntityId::new(s)
    }
}

/// An entity the lexicon knows.
#[derive(Clone, Debug, PartialEq)]
pub struct LexEntity {
    /// Identifier.
    pub id: EntityId,
    /// What it is.
    pub kind: EntityKind,
    /// Organisation subtype.
    pub org_type: Option<OrgType>,
    /// Canonical name.
    pub name: String,
    /// The state it belongs to.
    pub country: Option<EntityId>,
    /// Wikidata item.
    pub wikidata: Option<String>,
    /// The organisation it succeeds.
    pub successor_of: Option<EntityId>,
    /// ISO 3166-1 alpha-2 code (states).
    pub iso2: Option<String>,
    /// Sector code (people).
    pub sector: Option<String>,
}

/// How a lexicon phrase names an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameRole {
    /// A name or alias.
    Name,
    /// An adjective or demonym (`Nigerien`).
    Adjective,
    /// A capital used for its government (`Niamey`).
    Capital,
    /// A seat of power (`Kremlin`).
    Seat,
    /// A city, town or region, for the state it lies in (`Aleppo`, `Darfur`).
    Place,
}

/// What a phrase of the lexicon stands for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PhraseUse {
    /// Names an entity (index into `entities`).
    Entity(usize, NameRole),
    /// A sector noun with its code.
    Sector(String),
    /// A person's title with its sector.
    Title(Option<String>),
    /// A relation trigger (index into `triggers`).
    Trigger(usize),
}

/// A phrase to find in text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Phrase {
    pub text: String,
    pub ambiguous: bool,
    pub uses: Vec<PhraseUse>,
}

/// Where an argument of a relation trigger is found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The subject before a verb (or of the clause of a noun).
    Subj,
    /// The direct object after the trigger.
    Obj,
    /// A possessive before a noun (`Niger's withdrawal`).
    Poss,
    /// The first other actor anywhere after the trigger in the sentence (a weak guess).
    Any,
    /// The one who says the clause the trigger is in (`Russia said Sudan must ...`).
    Speaker,
    /// Not a place but a condition, written `~kind`: a one-word verb form fires only
    /// when a noun of that kind's noun rules follows it (`ended` + `agreement`).
    Needs(RelationKind),
    /// Not a place but a condition, written `~class`: a one-word verb form fires only
    /// when a noun of that class of `nouns.tsv` follows it (`sent` + `warships`).
    NeedsNoun(String),
    /// Not a place but a condition, written `=kind`: the target found must be an entity
    /// of this kind (`joined` + an organisation is an alliance, `joined` + a state's
    /// forces is not).
    TargetKind(EntityKind),
    /// Not a place but a condition, written `+particle`: the verb's particle stands right
    /// after its object (`ordered French troops out`, `kicked the envoy out`), the object
    /// a few words with no punctuation, preposition or `to` among them.
    Particle(String),
    /// A prepositional phrase (`by`, `with`, `against`, ...).
    Prep(String),
}

/// The prepositions a slot may name: a slot that is no keyword and none of these is a
/// typo (`subject`, `objet`) that would never match, so it is an error.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "aboard", "about", "above", "across", "after", "against", "along", "alongside", "amid",
    "amidst", "among", "amongst", "around", "as", "at", "before", "behind", "below",
    "beneath", "beside", "besides", "between", "beyond", "by", "concerning", "despite", "down",
    "during", "except", "following", "for", "from", "in", "inside", "into", "like", "near",
    "of", "off", "on", "onto", "opposite", "out", "outside", "over", "past", "per",
    "regarding", "round", "since", "than", "through", "throughout", "till", "to", "toward",
    "towards", "under", "underneath", "unlike", "until", "up", "upon", "versus", "via", "with",
    "within", "without",
];

impl Slot {
    /// What a condition (`~kind`, `=entity-kind`) names, after its sign; conditions go in
    /// the target list only.
    fn condition<T: std::str::FromStr<Err = String>>(
        k: &str,
        what: &str,
    ) -> std::result::Result<T, String> {
        if what != "target" {
            let sign = &k[..1];
            return Err(format!(
                "expected a condition {sign}kind only in the target list, found {k:?} in the {what} list"
            ));
        }
        k[1..]
            .parse()
            .map_err(|e| format!("{e} in the condition {k:?}"))
    }

    /// Whether the slot is a condition rather than a place to look.
    pub(crate) fn is_condition(&self) -> bool {
        matches!(
            self,
            Slot::Needs(_) | Slot::NeedsNoun(_) | Slot::TargetKind(_) | Slot::Particle(_)
        )
    }

    /// A slot of the `source` or `target` list; `what` (`source` or `target`) is for the
    /// message.
    fn parse(s: &str, what: &str) -> std::result::Result<Slot, String> {
        Ok(match s {
            "subj" => Slot::Subj,
            "obj" => Slot::Obj,
            "poss" => Slot::Poss,
            "any" => Slot::Any,
            "speaker" => Slot::Speaker,
            // a relation kind, else a class of nouns.tsv (checked when the rule is added)
            k if k.starts_with('~') => match Self::condition::<RelationKind>(k, what) {
                Ok(kind) => Slot::Needs(kind),
                Err(_) if what == "target" && is_class_name(&k[1..]) => {
                    Slot::NeedsNoun(k[1..].to_string())
                }
                Err(e) => return Err(e),
            },
            k if k.starts_with('=') => Slot::TargetKind(Self::condition(k, what)?),
            k if k.starts_with('+') => {
                let word = Self::condition::<Particle>(k, what)?;
                Slot::Particle(word.0)
            }
            // (`out of`: words of prepositions, one space apart)
            p if p.split(' ').all(|w| PREPOSITIONS.contains(&w)) => Slot::Prep(p.to_string()),
            _ => {
                return Err(format!(
                    "expected a {what} slot (subj, obj, poss, any, speaker, a preposition, ~kind, ~class, =entity-kind or +particle), found {s:?}"
                ));
            }
        })
    }
}

/// The word of a `+particle` condition: one lower-case ASCII word.
struct Particle(String);

impl std::str::FromStr for Particle {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Particle(s.to_string()))
        } else {
            Err(format!("expected one lower-case word, found {s:?}"))
        }
    }
}

/// Whether `s` can name a class of nouns: lower-case ASCII letters, digits and `_`.
fn is_class_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Part of speech of a trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerPos {
    /// A verb or verb phrase.
    Verb,
    /// A noun (nominalisation).
    Noun,
}

/// A relation trigger: a set of surface forms with its argument frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Trigger {
    /// Rule id.
    pub id: String,
    /// The relation kind.
    pub kind: RelationKind,
    /// Verb or noun.
    pub pos: TriggerPos,
    /// Surface forms, lower case.
    pub forms: Vec<String>,
    /// Where the source is found, in order.
    pub source: Vec<Slot>,
    /// Where the target is found, in order.
    pub target: Vec<Slot>,
    /// An example sentence.
    pub example: String,
    /// The source and target ids the example gives.
    pub expect: (EntityId, EntityId),
}

/// The knowledge the extractor relies on.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub(crate) entities: Vec<LexEntity>,
    pub(crate) by_id: HashMap<EntityId, usize>,
    /// Entity indices by the address of their id, direct-mapped (`(0, _)`: empty): the
    /// ids the extractor looks up are mostly clones of the lexicon's own, found here
    /// without hashing the string. Every entry is the address of an id `entities` keeps
    /// alive, so an id at that address is that id; the others go to `by_id`.
    by_addr: Vec<(usize, u32)>,
    pub(crate) phrases: Vec<Phrase>,
    phrase_index: HashMap<String, usize>,
    pub(crate) triggers: Vec<Trigger>,
    /// One-word and last-word forms of the noun rules of each kind (`agreement`, `aid`).
    pub(crate) noun_forms: HashMap<RelationKind, Vec<String>>,
    /// The classes of nouns of `nouns.tsv`, for `~class` conditions: each class's words,
    /// lower case.
    pub(crate) noun_classes: HashMap<String, Vec<String>>,
    /// Surnames of the people table and the state they share (`None` when people of
    /// several states share the surname).
    surnames: HashMap<String, Option<EntityId>>,
    trigger_ids: HashMap<String, usize>,
}

impl Lexicon {
    /// An empty lexicon.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// The built-in lexicon: every state, organisations, armed groups, sectors, titles and
    /// triggers.
    ///
    /// ```
    /// use newsgraph::lexicon::Lexicon;
    /// let lex = Lexicon::builtin();
    /// assert_eq!(lex.entity(&"NER".into()).map(|e| e.name.as_str()), Some("Niger"));
    /// assert!(lex.triggers().len() > 100);
    /// ```
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::empty();
        for (name, text) in [
            ("data/states.tsv", STATES),
            ("data/organizations.tsv", ORGANIZATIONS),
            ("data/armed_groups.tsv", ARMED_GROUPS),
            ("data/sectors.tsv", SECTORS),
            ("data/titles.tsv", TITLES),
            ("data/people.tsv", PEOPLE),
            ("data/places.tsv", PLACES),
            ("data/nouns.tsv", NOUNS),
            ("data/triggers.tsv", TRIGGERS),
        ] {
            // The built-in files are tested; a failure here is a bug in the crate.
            if let Err(e) = lex.add_str(name, text) {
                panic!("built-in lexicon is invalid: {e}");
            }
        }
        lex
    }

    /// Adds the entries of a data file (its header says which table it is).
    pub fn add_file(&mut self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = path.display().to_string();
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let at = e.valid_up_to();
            Error::Data {
                file: name.clone(),
                line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
                message: format!("invalid UTF-8 at byte {at}"),
            }
        })?;
        self.add_str(&name, text)
    }

    /// Adds the entries of a data file given as a string; `name` is used in errors.
    /// Nothing is added when the file has an error.
    pub fn add_str(&mut self, name: &str, text: &str) -> Result<()> {
        let mut staged = self.clone();
        let first = staged.entities.len();
        let lines = staged.add_lines(name, text)?;
        staged.check_references(name, first, &lines)?;
        *self = staged;
        Ok(())
    }

    /// The entity with this id.
    pub fn entity(&self, id: &EntityId) -> Option<&LexEntity> {
        let addr = id_addr(id);
        if let Some(&(a, i)) = self.by_addr.get(addr_slot(addr, self.by_addr.len()))
            && a == addr
        {
            return self.entities.get(i as usize);
        }
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// Enters entity `idx` in `by_addr`, which is rebuilt four times as large when it is
    /// a quarter full; an id whose slot is taken is left to `by_id`.
    fn enter_addr(&mut self, idx: usize) {
        if self.by_addr.len() < 4 * self.entities.len() {
            let len = (8 * self.entities.len()).next_power_of_two().max(64);
            self.by_addr = vec![(0, 0); len];
            for i in 0..self.entities.len() {
                self.enter_addr(i);
            }
            return;
        }
        let Ok(i) = u32::try_from(idx) else { return };
        let addr = id_addr(&self.entities[idx].id);
        let slot = addr_slot(addr, self.by_addr.len());
        if self.by_addr[slot].0 == 0 {
            self.by_addr[slot] = (addr, i);
        }
    }

    /// Whether some entry is written exactly `text`.
    pub(crate) fn has_phrase(&self, text: &str) -> bool {
        self.phrase_index.contains_key(text)
    }

    /// Every entity, in load order.
    pub fn entities(&self) -> &[LexEntity] {
        &self.entities
    }

    /// Every trigger, in load order.
    pub fn triggers(&self) -> &[Trigger] {
        &self.triggers
    }

    /// Adds the entries of a file; gives the line of each entity it added, in order.
    fn add_lines(&mut self, file: &str, text: &str) -> Result<Vec<usize>> {
        let mut header: Option<&str> = None;
        let mut lines = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| Error::Data {
                file: file.to_string(),
                line: line_no,
                message,
            };
            let Some(h) = header else {
                let h = line.trim_end();
                if ![
                    H_STATES, H_ORGS, H_GROUPS, H_SECTORS, H_TITLES, H_PEOPLE, H_TRIGGERS,
                    H_PLACES, H_NOUNS,
                ]
                .contains(&h)
                {
                    return Err(err(format!(
                        "expected a header line naming the columns of a known table (see data/FORMAT.md), found {:?}",
                        truncate(h)
                    )));
                }
                header = Some(h);
                continue;
            };
            let want = h.split('\t').count();
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            // (more columns than the header names is a lost line break or a stray tab:
            // the extra text would be read into the last column or dropped)
            if cols.len() != want {
                return Err(err(format!(
                    "expected {want} tab-separated columns, found {}",
                    cols.len()
                )));
            }
            let entry = cols[0];
            let before = self.entities.len();
            let res = match h {
                H_STATES => self.add_state(&cols),
                H_ORGS => self.add_org(&cols),
                H_GROUPS => self.add_group(&cols),
                H_SECTORS => self.add_sector(&cols),
                H_TITLES => self.add_title(&cols),
                H_PEOPLE => self.add_person(&cols),
                H_PLACES => self.add_place(&cols),
                H_NOUNS => self.add_noun_class(&cols),
                _ => self.add_trigger(&cols),
            };
            res.map_err(|m| err(format!("entry {entry:?}: {m}")))?;
            lines.extend(std::iter::repeat_n(line_no, self.entities.len() - before));
        }
        if header.is_none() {
            return Err(Error::Data {
                file: file.to_string(),
                line: 1,
                message: "expected a header line, found an empty file".into(),
            });
        }
        Ok(lines)
    }

    /// Checks that the entities added from `file` (from index `first`, found on `lines`)
    /// name known ids.
    fn check_references(&self, file: &str, first: usize, lines: &[usize]) -> Result<()> {
        for (e, &line) in self.entities[first..].iter().zip(lines) {
            if let Some(s) = &e.successor_of
                && !self.by_id.contains_key(s)
            {
                return Err(Error::Data {
                    file: file.to_string(),
                    line,
                    message: format!(
                        "entry {:?}: successor_of names unknown id {:?}",
                        e.id.as_str(),
                        s.as_str()
                    ),
                });
            }
        }
        Ok(())
    }

    fn new_entity(&mut self, e: LexEntity) -> std::result::Result<usize, String> {
        if self.by_id.contains_key(&e.id) {
            return Err(format!("duplicate id {:?}", e.id.as_str()));
        }
        let idx = self.entities.len();
        self.by_id.insert(e.id.clone(), idx);
        self.entities.push(e);
        self.enter_addr(idx);
        Ok(idx)
    }

    fn add_phrase(&mut self, text: &str, usage: PhraseUse) -> std::result::Result<(), String> {
        let (ambiguous, text) = match text.strip_prefix('?') {
            Some(t) => (true, t),
            None => (false, text),
        };
        let text = text.trim();
        if text.is_empty() {
            return Err("empty name in a list".into());
        }
        if text.len() > 200 {
            return Err(format!("name too long: {:?}", truncate(text)));
        }
        let idx = match self.phrase_index.get(text) {
            Some(&i) => i,
            None => {
                self.phrases.push(Phrase {
                    text: text.to_string(),
                    ambiguous,
                    uses: Vec::new(),
                });
                self.phrase_index
                    .insert(text.to_string(), self.phrases.len() - 1);
                self.phrases.len() - 1
            }
        };
        let p = &mut self.phrases[idx];
        p.ambiguous |= ambiguous;
        if let (PhraseUse::Entity(new, _), true) = (&usage, true)
            && let Some(PhraseUse::Entity(old, _)) =
                p.uses.iter().find(|u| matches!(u, PhraseUse::Entity(..)))
        {
            if old != new {
                return Err(format!(
                    "name {text:?} already names {:?}",
                    self.entities[*old].id.as_str()
                ));
            }
            return Ok(());
        }
        if !p.uses.contains(&usage) {
            p.uses.push(usage);
        }
        Ok(())
    }

    fn add_names(&mut self, list: &str, usage: PhraseUse) -> std::result::Result<(), String> {
        for name in split_list(list) {
            self.add_phrase(name, usage.clone())?;
        }
        Ok(())
    }

    fn country_ref(&self, s: &str) -> std::result::Result<Option<EntityId>, String> {
        if is_none(s) {
            return Ok(None);
        }
        // the state's own id, shared: look-ups of it find it by address
        if let Some(e) = self
            .entity(&EntityId::new(s))
            .filter(|e| e.kind == EntityKind::Country)
        {
            return Ok(Some(e.id.clone()));
        }
        // Say what was written instead: an alpha-2 code, a code in lower case, no code.
        if let Some(state) = self.state_with_iso2(s) {
            return Err(format!(
                "expected an ISO alpha-3 code, found the alpha-2 code {s:?} of {:?}",
                state.id.as_str()
            ));
        }
        let upper = s.to_ascii_uppercase();
        if upper != s
            && self
                .entity(&EntityId::new(&upper))
                .is_some_and(|e| e.kind == EntityKind::Country)
        {
            return Err(format!(
                "expected an ISO alpha-3 code in capitals, found {s:?} (write {upper:?})"
            ));
        }
        if s.len() != 3 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "expected an ISO alpha-3 code of three capital letters, found {s:?}"
            ));
        }
        Err(format!("unknown country {s:?}"))
    }

    /// The state whose ISO alpha-2 code is `iso2`.
    fn state_with_iso2(&self, iso2: &str) -> Option<&LexEntity> {
        self.entities
            .iter()
            .find(|e| e.kind == EntityKind::Country && e.iso2.as_deref() == Some(iso2))
    }

    fn add_state(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let [iso3, iso2, wd, name, aliases, adjectives, capitals, seats] = c[..8] else {
            return Err("expected 8 columns".into());
        };
        if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "expected an ISO alpha-3 code of three capital letters, found {iso3:?}"
            ));
        }
        if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "expected an ISO alpha-2 code of two capital letters, found {iso2:?}"
            ));
        }
        let id = EntityId::new(iso3);
        let idx = self.new_entity(LexEntity {
            id: id.clone(),
            kind: EntityKind::Country,
            org_type: None,
            name: name.trim_start_matches('?').to_string(),
            country: Some(id),
            wikidata: wikidata(wd)?,
            successor_of: None,
            iso2: Some(iso2.to_string()),
            sector: None,
        })?;
        if let Some(state) = self.state_with_iso2(iso2).filter(|e| e.id.as_str() != iso3) {
            return Err(format!(
                "duplicate ISO alpha-2 code {iso2:?} (already the code of {:?})",
                state.id.as_str()
            ));
        }
        if is_none(name) {
            return Err("a state needs a name".into());
        }
        self.add_names(name, PhraseUse::Entity(idx, NameRole::Name))?;
        self.add_names(aliases, PhraseUse::Entity(idx, NameRole::Name))?;
        self.add_names(adjectives, PhraseUse::Entity(idx, NameRole::Adjective))?;
        self.add_names(capitals, PhraseUse::Entity(idx, NameRole::Capital))?;
        self.add_names(seats, PhraseUse::Entity(idx, NameRole::Seat))
    }

    fn add_org(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let [id, ty, name, aliases, country, wd] = c[..6] else {
            return Err("expected 6 columns".into());
        };
        let org_type: OrgType = ty.parse()?;
        let country = self.country_ref(country)?;
        check_slug(id)?;
        let idx = self.new_entity(LexEntity {
            id: EntityId::new(id),
            kind: EntityKind::Organization,
            org_type: Some(org_type),
            name: name.trim_start_matches('?').to_string(),
            country,
            wikidata: wikidata(wd)?,
            successor_of: None,
            iso2: None,
            sector: None,
        })?;
        self.add_names(name, PhraseUse::Entity(idx, NameRole::Name))?;
        self.add_names(aliases, PhraseUse::Entity(idx, NameRole::Name))
    }

    fn add_group(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let [id, name, aliases, country, successor, wd] = c[..6] else {
            return Err("expected 6 columns".into());
        };
        check_slug(id)?;
        let country = self.country_ref(country)?;
        let idx = self.new_entity(LexEntity {
            id: EntityId::new(id),
            kind: EntityKind::ArmedGroup,
            org_type: None,
            name: name.trim_start_matches('?').to_string(),
            country,
            wikidata: wikidata(wd)?,
            successor_of: (!is_none(successor)).then(|| EntityId::new(successor)),
            iso2: None,
            sector: None,
        })?;
        self.add_names(name, PhraseUse::Entity(idx, NameRole::Name))?;
        self.add_names(aliases, PhraseUse::Entity(idx, NameRole::Name))
    }

    fn add_person(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let [id, name, aliases, country, sector, wd] = c[..6] else {
            return Err("expected 6 columns".into());
        };
        check_slug(id)?;
        let country = self.country_ref(country)?;
        if !is_none(sector) && !sector.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "expected a sector code in capitals, found {sector:?}"
            ));
        }
        let idx = self.new_entity(LexEntity {
            id: EntityId::new(id),
            kind: EntityKind::Person,
            org_type: None,
            name: name.to_string(),
            country,
            wikidata: wikidata(wd)?,
            successor_of: None,
            iso2: None,
            sector: (!is_none(sector)).then(|| sector.to_string()),
        })?;
        self.add_names(name, PhraseUse::Entity(idx, NameRole::Name))?;
        self.add_names(aliases, PhraseUse::Entity(idx, NameRole::Name))?;
        if let Some(surname) = name.rsplit(' ').next().filter(|_| name.contains(' ')) {
            let country = self.entities[idx].country.clone();
            self.surnames
                .entry(surname.to_string())
                .and_modify(|c| {
                    if *c != country {
                        *c = None
                    }
                })
                .or_insert(country);
        }
        Ok(())
    }

    /// The state of the people of the table with this surname, when they all share one
    /// (`President Bush` is American whichever Bush is meant).
    pub(crate) fn surname_country(&self, surname: &str) -> Option<&EntityId> {
        self.surnames.get(surname).and_then(Option::as_ref)
    }

    /// A place (a city, town or region) stands for the state it lies in: `Russian jets struck
    /// Aleppo` is an attack on Syria. Never for its government, as a capital may.
    fn add_place(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let [place, aliases, country] = c[..3] else {
            return Err("expected 3 columns".into());
        };
        let Some(state) = self.country_ref(country)? else {
            return Err("a place needs the ISO alpha-3 code of its state".into());
        };
        let idx = self.by_id[&state];
        if is_none(place) {
            return Err("a place needs a name".into());
        }
        self.add_names(place, PhraseUse::Entity(idx, NameRole::Place))?;
        self.add_names(aliases, PhraseUse::Entity(idx, NameRole::Place))
    }

    fn add_sector(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let code = c[0];
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "expected a sector code in capitals, found {code:?}"
            ));
        }
        self.add_names(c[1], PhraseUse::Sector(code.to_string()))
    }

    /// A class of nouns (`forces`: `troops|soldiers|warships`), for `~class` conditions;
    /// a class named again gains the new words.
    fn add_noun_class(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let [class, forms, example] = c[..3] else {
            return Err("expected 3 columns".into());
        };
        if !is_class_name(class) || class.parse::<RelationKind>().is_ok() {
            return Err(format!(
                "expected a class name of lower-case letters, digits and `_` that is no relation kind, found {class:?}"
            ));
        }
        let words: Vec<String> = split_list(forms).map(str::to_lowercase).collect();
        if words.is_empty() {
            return Err("expected at least one form, found none".into());
        }
        if let Some(w) = words.iter().find(|w| !w.chars().all(char::is_alphanumeric)) {
            return Err(format!(
                "expected one word of letters and digits per form (the head noun), found {w:?}"
            ));
        }
        let lower_example = example.to_lowercase();
        if !lower_example
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| words.iter().any(|f| f == w))
        {
            return Err(format!("the example {example:?} uses none of the forms"));
        }
        let list = self.noun_classes.entry(class.to_string()).or_default();
        for w in words {
            if !list.contains(&w) {
                list.push(w);
            }
        }
        Ok(())
    }

    fn add_title(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let sector = (!is_none(c[2])).then(|| c[2].to_string());
        self.add_names(c[1], PhraseUse::Title(sector))
    }

    fn add_trigger(&mut self, c: &[&str]) -> std::result::Result<(), String> {
        let [id, kind, pos, forms, source, target, example, expect] = c[..8] else {
            return Err("expected 8 columns".into());
        };
        if id.is_empty() || self.trigger_ids.contains_key(id) {
            return Err(format!("duplicate or empty rule id {id:?}"));
        }
        let kind: RelationKind = kind.parse()?;
        let pos = match pos {
            "verb" => TriggerPos::Verb,
            "noun" => TriggerPos::Noun,
            _ => return Err(format!("expected pos `verb` or `noun`, found {pos:?}")),
        };
        let slots = |list: &str, what: &str| -> std::result::Result<Vec<Slot>, String> {
            let slots = split_list(list)
                .map(|s| Slot::parse(s, what))
                .collect::<std::result::Result<Vec<Slot>, String>>()?;
            if slots.iter().all(|s| s.is_condition()) {
                return Err(format!("expected at least one {what} slot, found {list:?}"));
            }
            Ok(slots)
        };
        let source = slots(source, "source")?;
        let target = slots(target, "target")?;
        if let Some(class) = target.iter().find_map(|s| match s {
            Slot::NeedsNoun(c) if !self.noun_classes.contains_key(c) => Some(c),
            _ => None,
        }) {
            return Err(format!(
                "the condition \"~{class}\" names neither a relation kind nor a class of nouns (nouns.tsv)"
            ));
        }
        let forms: Vec<String> = split_list(forms).map(|f| f.to_lowercase()).collect();
        if forms.is_empty() {
            return Err("expected at least one form, found none".into());
        }
        if let Some(f) = forms.iter().find(|f| {
            f.split(' ')
                .any(|w| w.is_empty() || w.contains(char::is_whitespace))
        }) {
            return Err(format!(
                "expected a form of words separated by single spaces, found {f:?}"
            ));
        }
        let mut ex = expect.split_whitespace();
        let (Some(a), Some(b), None) = (ex.next(), ex.next(), ex.next()) else {
            return Err(format!("expected two ids in `expect`, found {expect:?}"));
        };
        let lower_example = example.to_lowercase();
        if !forms.iter().any(|f| lower_example.contains(f.as_str())) {
            return Err(format!("the example {example:?} uses none of the forms"));
        }
        let idx = self.triggers.len();
        self.trigger_ids.insert(id.to_string(), idx);
        self.triggers.push(Trigger {
            id: id.to_string(),
            kind,
            pos,
            forms: forms.clone(),
            source,
            target,
            example: example.to_string(),
            expect: (EntityId::new(a), EntityId::new(b)),
        });
        if pos == TriggerPos::Noun {
            // the head noun of each form: `emergency measures` → `measures`
            let list = self.noun_forms.entry(kind).or_default();
            for f in &forms {
                let head = f
                    .rsplit(' ')
                    .find(|w| !matches!(*w, "of" | "on" | "to" | "with" | "against" | "for" | "in"))
                    .unwrap_or(f);
                if !list.iter().any(|x| x == head) {
                    list.push(head.to_string());
                }
            }
        }
        for f in &forms {
            self.add_phrase(f, PhraseUse::Trigger(idx))?;
        }
        Ok(())
    }
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty() && *x != "-")
}

/// The address of an id's text: clones of an id share it.
fn id_addr(id: &EntityId) -> usize {
    id.as_str().as_ptr() as usize
}

/// The slot of an address in a table of `len` slots (a power of two, or 0).
fn addr_slot(addr: usize, len: usize) -> usize {
    // Fibonacci hashing: the high bits of the product mix all bits of the address
    let h = (addr as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
    h as usize & len.wrapping_sub(1)
}

fn is_none(s: &str) -> bool {
    s.is_empty() || s == "-"
}

fn wikidata(s: &str) -> std::result::Result<Option<String>, String> {
    if is_none(s) {
        return Ok(None);
    }
    if s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(s.to_string()))
    } else {
        Err(format!("expected a Wikidata id like Q1032, found {s:?}"))
    }
}

fn check_slug(id: &str) -> std::result::Result<(), String> {
    if !id.is_empty() && EntityId::slug(id).as_str() == id {
        Ok(())
    } else {
        Err(format!("expected a kebab-case id, found {id:?}"))
    }
}

fn truncate(s: &str) -> &str {
    match s.char_indices().nth(60) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_ups_by_address_agree_with_look_ups_by_text() {
        let lex = Lexicon::builtin();
        let mut by_address = 0;
        for (i, e) in lex.entities().iter().enumerate() {
            // a clone shares the address; a new id of the same text does not
            for id in [e.id.clone(), EntityId::new(e.id.as_str())] {
                let found = lex.entity(&id).map(|x| x.id.as_str());
                assert_eq!(found, Some(e.id.as_str()));
            }
            let addr = id_addr(&e.id);
            by_address += usize::from(
                lex.by_addr.get(addr_slot(addr, lex.by_addr.len())) == Some(&(addr, i as u32)),
            );
        }
        assert!(by_address * 10 > lex.entities().len() * 8, "{by_address}");
        assert!(lex.entity(&EntityId::new("no-such-id")).is_none());
        assert!(Lexicon::empty().entity(&EntityId::new("NER")).is_none());
        // a state is its own country, with the same id
        let ner = lex.entity(&"NER".into()).and_then(|e| e.country.as_ref());
        assert!(ner.is_some_and(
            |c| id_addr(c) == id_addr(&lex.entities[lex.by_id[&EntityId::new("NER")]].id)
        ));
    }

    #[test]
    fn builtin_loads_and_has_the_facts() {
        let lex = Lexicon::builtin();
        let states = lex
            .entities()
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
            .count();
        assert!(states >= 197, "{states} states");
        let orgs = lex
            .entities()
            .iter()
            .filter(|e| e.kind == EntityKind::Organization)
            .count();
        assert!(orgs >= 80, "{orgs} organisations");
        let groups = lex
            .entities()
            .iter()
            .filter(|e| e.kind == EntityKind::ArmedGroup)
            .count();
        assert!(groups >= 60, "{groups} armed groups");
        assert_eq!(
            lex.entity(&"africa-corps".into())
                .and_then(|e| e.successor_of.clone()),
            Some(EntityId::new("wagner-group"))
        );
    }

    #[test]
    fn places_stand_for_their_state_and_bad_rows_are_named() {
        let lex = Lexicon::builtin();
        let place = |name: &str| {
            lex.phrases.iter().find(|p| p.text == name).and_then(|p| {
                p.uses.iter().find_map(|u| match u {
                    PhraseUse::Entity(e, NameRole::Place) => Some(lex.entities[*e].id.as_str()),
                    _ => None,
                })
            })
        };
        assert_eq!(place("Aleppo"), Some("SYR"));
        assert_eq!(place("Kharkiv"), Some("UKR"));
        assert_eq!(place("Agadez"), Some("NER"));
        let places = lex
            .phrases
            .iter()
            .filter(|p| {
                p.uses
                    .iter()
                    .any(|u| matches!(u, PhraseUse::Entity(_, NameRole::Place)))
            })
            .count();
        assert!(places >= 500, "{places} place names");
        // no place name is also a name of another table (a state, an organisation, a
        // person, a sector or a trigger): it would stand for two things
        for p in &lex.phrases {
            let place = |u: &PhraseUse| matches!(u, PhraseUse::Entity(_, NameRole::Place));
            if p.uses.iter().any(place) {
                assert!(p.uses.iter().all(place), "{:?}: {:?}", p.text, p.uses);
            }
        }
        let mut lex = Lexicon::builtin();
        let e = lex
            .add_str("p.tsv", &format!("{H_PLACES}\nBirnin Kebbi\t-\tNG\n"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("p.tsv:2: entry \"Birnin Kebbi\""), "{e}");
        assert!(e.contains("ISO alpha-3"), "{e}");
        let e = lex
            .add_str("p.tsv", &format!("{H_PLACES}\nBirnin Kebbi\t-\t-\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("needs the ISO alpha-3 code of its state"), "{e}");
        lex.add_str(
            "p.tsv",
            &format!("{H_PLACES}\nBirnin Kebbi\tBirnin-Kebbi\tNGA\n"),
        )
        .unwrap();
    }

    #[test]
    fn errors_name_file_line_and_entry() {
        let mut lex = Lexicon::builtin();
        let e = lex.add_str("x.tsv", "# c\nnope\n").unwrap_err();
        assert!(
            e.to_string().starts_with("x.tsv:2: expected a header line"),
            "{e}"
        );
        let e = lex
            .add_str(
                "x.tsv",
                &format!("{H_STATES}\nNE\tNE\t-\tNiger\t-\t-\t-\t-\n"),
            )
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("x.tsv:2: entry \"NE\": expected an ISO alpha-3"),
            "{e}"
        );
        let e = lex
            .add_str(
                "x.tsv",
                &format!("{H_STATES}\nNER\tNE\t-\tNiger\t-\t-\t-\t-\n"),
            )
            .unwrap_err();
        assert!(e.to_string().contains("duplicate id \"NER\""), "{e}");
        let e = lex
            .add_str(
                "t.tsv",
                &format!("{H_TRIGGERS}\nhug.v\tfriendship\tverb\thug\tsubj\tobj\tMali hugs Chad.\tMLI TCD\n"),
            )
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.tsv:2: entry \"hug.v\": unknown relation kind \"friendship\""
        );
        let e = lex.add_str("e.tsv", "").unwrap_err();
        assert!(e.to_string().contains("empty file"), "{e}");
        // two rows run together (a lost line break): too many columns
        let row = "hug.v\tsupport\tverb\thug\tsubj\tobj\tMali hugs Chad.\tMLI TCD";
        let e = lex
            .add_str("t.tsv", &format!("{H_TRIGGERS}\n{row}{row}\n"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.tsv:2: expected 8 tab-separated columns, found 15"
        );
    }

    /// The message of the error of adding `text` as file `x.tsv` to the built-in lexicon.
    fn error_of(text: &str) -> String {
        let mut lex = Lexicon::builtin();
        match lex.add_str("x.tsv", text) {
            Ok(()) => panic!("expected an error for {text:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn bad_iso_codes_are_named() {
        let state = |iso3: &str, iso2: &str| {
            format!("{H_STATES}\n{iso3}\t{iso2}\t-\tZedland\t-\t-\t-\t-\n")
        };
        for (iso3, iso2, message) in [
            (
                "ZZ",
                "ZZ",
                "entry \"ZZ\": expected an ISO alpha-3 code of three capital letters, found \"ZZ\"",
            ),
            (
                "ZZZZ",
                "ZZ",
                "entry \"ZZZZ\": expected an ISO alpha-3 code of three capital letters, found \"ZZZZ\"",
            ),
            (
                "zzz",
                "ZZ",
                "entry \"zzz\": expected an ISO alpha-3 code of three capital letters, found \"zzz\"",
            ),
            (
                "Z9Z",
                "ZZ",
                "entry \"Z9Z\": expected an ISO alpha-3 code of three capital letters, found \"Z9Z\"",
            ),
            (
                "ZZZ",
                "Zz",
                "entry \"ZZZ\": expected an ISO alpha-2 code of two capital letters, found \"Zz\"",
            ),
            (
                "ZZZ",
                "Z1",
                "entry \"ZZZ\": expected an ISO alpha-2 code of two capital letters, found \"Z1\"",
            ),
            (
                "ZZZ",
                "ZZZ",
                "entry \"ZZZ\": expected an ISO alpha-2 code of two capital letters, found \"ZZZ\"",
            ),
            (
                "ÄZZ",
                "ZZ",
                "entry \"ÄZZ\": expected an ISO alpha-3 code of three capital letters, found \"ÄZZ\"",
            ),
            (
                "ZZZ",
                "NE",
                "entry \"ZZZ\": duplicate ISO alpha-2 code \"NE\" (already the code of \"NER\")",
            ),
        ] {
            assert_eq!(error_of(&state(iso3, iso2)), format!("x.tsv:2: {message}"));
        }
        let org = |country: &str| format!("{H_ORGS}\nzed\tigo\tZed Org\t-\t{country}\t-\n");
        for (country, message) in [
            (
                "NE",
                "expected an ISO alpha-3 code, found the alpha-2 code \"NE\" of \"NER\"",
            ),
            (
                "ner",
                "expected an ISO alpha-3 code in capitals, found \"ner\" (write \"NER\")",
            ),
            (
                "Niger",
                "expected an ISO alpha-3 code of three capital letters, found \"Niger\"",
            ),
            (
                "nato",
                "expected an ISO alpha-3 code of three capital letters, found \"nato\"",
            ),
            ("ZZZ", "unknown country \"ZZZ\""),
        ] {
            assert_eq!(
                error_of(&org(country)),
                format!("x.tsv:2: entry \"zed\": {message}")
            );
        }
    }

    #[test]
    fn malformed_trigger_patterns_are_named() {
        let rule = |forms: &str, source: &str, target: &str| {
            format!(
                "{H_TRIGGERS}\n# a comment\nhug.v\texpulsion\tverb\t{forms}\t{source}\t{target}\tMali hugs Chad.\tMLI TCD\n"
            )
        };
        for ((forms, source, target), message) in [
            (
                ("hug", "subject", "obj"),
                "expected a source slot (subj, obj, poss, any, speaker, a preposition, ~kind, ~class, =entity-kind or +particle), found \"subject\"",
            ),
            (
                ("hug", "subj", "obj|towrds"),
                "expected a target slot (subj, obj, poss, any, speaker, a preposition, ~kind, ~class, =entity-kind or +particle), found \"towrds\"",
            ),
            (
                ("hug", "subj", "Obj"),
                "expected a target slot (subj, obj, poss, any, speaker, a preposition, ~kind, ~class, =entity-kind or +particle), found \"Obj\"",
            ),
            (
                ("hug", "subj", "obj|~friendship"),
                "the condition \"~friendship\" names neither a relation kind nor a class of nouns (nouns.tsv)",
            ),
            (
                ("hug", "subj", "obj|~"),
                "unknown relation kind \"\" in the condition \"~\"",
            ),
            (
                ("hug", "subj|~aid", "obj"),
                "expected a condition ~kind only in the target list, found \"~aid\" in the source list",
            ),
            (
                ("hug", "subj", "~aid"),
                "expected at least one target slot, found \"~aid\"",
            ),
            (
                ("hug", "subj", "obj|=planet"),
                "unknown entity kind \"planet\" in the condition \"=planet\"",
            ),
            (
                ("hug", "subj|=country", "obj"),
                "expected a condition =kind only in the target list, found \"=country\" in the source list",
            ),
            (
                ("hug", "subj", "=organization"),
                "expected at least one target slot, found \"=organization\"",
            ),
            (
                ("hug", "subj", "obj|+Out"),
                "expected one lower-case word, found \"Out\" in the condition \"+Out\"",
            ),
            (
                ("hug", "subj|+out", "obj"),
                "expected a condition +kind only in the target list, found \"+out\" in the source list",
            ),
            (
                ("hug", "subj", "+out"),
                "expected at least one target slot, found \"+out\"",
            ),
            (
                ("hug", "-", "obj"),
                "expected at least one source slot, found \"-\"",
            ),
            (
                ("|", "subj", "obj"),
                "expected at least one form, found none",
            ),
            (
                ("hugs  up|hug", "subj", "obj"),
                "expected a form of words separated by single spaces, found \"hugs  up\"",
            ),
        ] {
            assert_eq!(
                error_of(&rule(forms, source, target)),
                format!("x.tsv:3: entry \"hug.v\": {message}")
            );
        }
        let mut lex = Lexicon::builtin();
        lex.add_str("ok.tsv", &rule("hug|hugs", "subj|by", "obj|towards|~aid"))
            .expect("a well-formed rule loads");
    }

    #[test]
    fn classes_of_nouns_load_extend_and_name_their_errors() {
        let class = |row: &str| format!("{H_NOUNS}\n{row}\n");
        for (row, message) in [
            (
                "Forces\ttroops\tTroops came.",
                "expected a class name of lower-case letters, digits and `_` that is no relation kind, found \"Forces\"",
            ),
            (
                "attack\ttroops\tTroops came.",
                "expected a class name of lower-case letters, digits and `_` that is no relation kind, found \"attack\"",
            ),
            (
                "boats\tgun boats\tGun boats came.",
                "expected one word of letters and digits per form (the head noun), found \"gun boats\"",
            ),
            (
                "boats\t-\tBoats came.",
                "expected at least one form, found none",
            ),
            (
                "boats\tdinghies\tBoats came.",
                "the example \"Boats came.\" uses none of the forms",
            ),
        ] {
            let entry = row.split('\t').next().unwrap_or_default();
            assert_eq!(
                error_of(&class(row)),
                format!("x.tsv:2: entry \"{entry}\": {message}")
            );
        }
        // a user file adds a class, or words to a built-in one, that a rule then names
        let mut lex = Lexicon::builtin();
        lex.add_str("n.tsv", &class("boats\tdinghies|rafts\tRafts came."))
            .expect("a new class");
        lex.add_str("m.tsv", &class("forces\tlegionnaires\tLegionnaires came."))
            .expect("more words for a built-in class");
        assert!(lex.noun_classes["forces"].iter().any(|w| w == "troops"));
        assert!(
            lex.noun_classes["forces"]
                .iter()
                .any(|w| w == "legionnaires")
        );
        let rule = |target: &str| {
            format!(
                "{H_TRIGGERS}\nrow.v\tdeployment\tverb\trow|rows|rowed\tsubj\t{target}\tMali rowed rafts to Chad.\tMLI TCD\n"
            )
        };
        lex.add_str("t.tsv", &rule("out of|to|~boats"))
            .expect("a known class; `out of`, words of prepositions");
        let mut lex = Lexicon::builtin();
        let e = lex
            .add_str("u.tsv", &rule("to|~ships"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "u.tsv:2: entry \"row.v\": the condition \"~ships\" names neither a relation kind nor a class of nouns (nouns.tsv)"
        );
        let e = lex
            .add_str("u.tsv", &rule("out ofx|to"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("found \"out ofx\""), "{e}");
    }

    #[test]
    fn an_unknown_successor_names_its_line() {
        let text = format!(
            "{H_GROUPS}\nfirst-group\tFirst Group\t-\t-\t-\t-\nnext-group\tNext Group\t-\t-\tno-such-group\t-\n"
        );
        assert_eq!(
            error_of(&text),
            "x.tsv:3: entry \"next-group\": successor_of names unknown id \"no-such-group\""
        );
        // a successor may come later in the same file
        let text = format!(
            "{H_GROUPS}\nnew-group\tNew Group\t-\t-\told-group\t-\nold-group\tOld Group\t-\t-\t-\t-\n"
        );
        Lexicon::builtin()
            .add_str("x.tsv", &text)
            .expect("a successor defined below");
    }

    #[test]
    fn failed_file_adds_nothing() {
        let mut lex = Lexicon::builtin();
        let before = lex.entities().len();
        let text =
            format!("{H_GROUPS}\ngood-one\tGood One\t-\t-\t-\t-\nbad one\tBad\t-\t-\t-\t-\n");
        assert!(lex.add_str("g.tsv", &text).is_err());
        assert_eq!(lex.entities().len(), before);
    }
}
