//! The data model shared by every stage: documents, entities, relation kinds and
//! the assertions the extractor produces.
//!
//! These are plain values: `Clone`, `Send + Sync`, serialisable with serde. Nothing here
//! does I/O.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the original text of a [`Document`].
///
/// Spans never move once the text is segmented: every mention and relation carries
/// spans into the text exactly as it was given, so a fact can be traced back to it.
///
/// ```
/// use newsgraph::Span;
/// let text = "Niger ended it.";
/// let span = Span::new(0, 5);
/// assert_eq!(span.slice(text), "Niger");
/// assert_eq!(span.len(), 5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text covered by the span, or `""` when it does not lie on char boundaries
    /// inside `text`.
    ///
    /// ```
    /// use newsgraph::Span;
    /// assert_eq!(Span::new(3, 99).slice("abc"), "");
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The identifier of a document (its file name, or the `id` of a JSON Lines record).
///
/// ```
/// use newsgraph::DocId;
/// let id = DocId::new("niger-2024-03-17");
/// assert_eq!(id.to_string(), "niger-2024-03-17");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    /// Wraps a document identifier.
    pub fn new(id: impl Into<String>) -> Self {
        DocId(id.into())
    }

    /// The identifier as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The identifier of an entity: an ISO 3166-1 alpha-3 code for a state (`NER`), a
/// kebab-case slug of the canonical name for everything else (`africa-corps`).
///
/// ```
/// use newsgraph::EntityId;
/// assert_eq!(EntityId::new("NER").as_str(), "NER");
/// assert_eq!(EntityId::slug("Amadou Abdramane").as_str(), "amadou-abdramane");
/// assert_eq!(EntityId::slug("Côte d’Ivoire's army").as_str(), "cote-d-ivoire-s-army");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(std::sync::Arc<str>);

impl EntityId {
    /// Wraps an identifier as given.
    pub fn new(id: impl Into<String>) -> Self {
        EntityId(std::sync::Arc::from(id.into()))
    }

    /// The kebab-case slug of a name: ASCII letters and digits lower-cased, common
    /// Latin accents folded, every other run of characters one `-`.
    pub fn slug(name: &str) -> Self {
        let mut out = String::with_capacity(name.len());
        let mut dash = false;
        for c in name.chars() {
            let folded = fold_accent(c);
            if folded.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(folded.to_ascii_lowercase());
            } else {
                dash = true;
            }
        }
        EntityId(std::sync::Arc::from(out))
    }

    /// The identifier as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for a state code: three upper-case ASCII letters.
    ///
    /// ```
    /// use newsgraph::EntityId;
    /// assert!(EntityId::new("USA").is_state_code());
    /// assert!(!EntityId::new("africa-corps").is_state_code());
    /// ```
    pub fn is_state_code(&self) -> bool {
        self.0.len() == 3 && self.0.bytes().all(|b| b.is_ascii_uppercase())
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'č' | 'ć' => 'c',
        'Ç' | 'Č' | 'Ć' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
        'ñ' | 'ń' => 'n',
        'Ñ' | 'Ń' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'š' | 'ś' | 'ş' => 's',
        'Š' | 'Ś' | 'Ş' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        other => other,
    }
}

/// What an entity is.
///
/// ```
/// use newsgraph::EntityKind;
/// assert_eq!(EntityKind::ArmedGroup.as_str(), "armed_group");
/// assert_eq!("country".parse::<EntityKind>(), Ok(EntityKind::Country));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A sovereign or de-facto state (ISO 3166-1 alpha-3 id).
    Country,
    /// An organisation: international, non-governmental, media or company.
    Organization,
    /// An armed group, militia or private military contractor.
    ArmedGroup,
    /// A person.
    Person,
}

impl EntityKind {
    /// Every kind, in a fixed order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Country,
        EntityKind::Organization,
        EntityKind::ArmedGroup,
        EntityKind::Person,
    ];

    /// The snake-case name used in JSON and RDF.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::ArmedGroup => "armed_group",
            EntityKind::Person => "person",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for EntityKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown entity kind {s:?}"))
    }
}

/// The subtype of an [`EntityKind::Organization`].
///
/// ```
/// use newsgraph::OrgType;
/// assert_eq!("igo".parse::<OrgType>(), Ok(OrgType::Igo));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrgType {
    /// An intergovernmental organisation or alliance (UN, NATO, ECOWAS).
    Igo,
    /// A non-governmental organisation (Amnesty International, MSF).
    Ngo,
    /// A news organisation; never an actor of a geopolitical relation.
    Media,
    /// A company.
    Company,
    /// A political party or movement (the ANC, the Muslim Brotherhood, Likud): coded as
    /// its state's, below the government.
    Party,
}

impl OrgType {
    /// The snake-case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            OrgType::Igo => "igo",
            OrgType::Ngo => "ngo",
            OrgType::Media => "media",
            OrgType::Company => "company",
            OrgType::Party => "party",
        }
    }
}

impl std::str::FromStr for OrgType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "igo" => Ok(OrgType::Igo),
            "ngo" => Ok(OrgType::Ngo),
            "media" => Ok(OrgType::Media),
            "company" => Ok(OrgType::Company),
            "party" => Ok(OrgType::Party),
            _ => Err(format!("unknown organisation type {s:?}")),
        }
    }
}

/// An entity as the extractor knows it from one document (or, in the graph, merged
/// across documents).
///
/// ```
/// use newsgraph::{Entity, EntityId, EntityKind};
/// let e = Entity::new(EntityId::new("NER"), EntityKind::Country, "Niger");
/// assert_eq!(e.country.as_ref().map(|c| c.as_str()), Some("NER"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier.
    pub id: EntityId,
    /// What it is.
    pub kind: EntityKind,
    /// Organisation subtype, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_type: Option<OrgType>,
    /// Canonical name.
    pub name: String,
    /// Other names it was seen under, sorted, without the canonical name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The state it belongs to (the state itself for a country), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<EntityId>,
    /// PLOVER-style sector code (`GOV`, `MIL`, `REB`, ...), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Wikidata item (`Q1032`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Number of mentions seen.
    #[serde(default)]
    pub mentions: u32,
}

impl Entity {
    /// A new entity with no aliases and no mentions; a country belongs to itself.
    pub fn new(id: EntityId, kind: EntityKind, name: impl Into<String>) -> Self {
        let country = (kind == EntityKind::Country).then(|| id.clone());
        Entity {
            id,
            kind,
            org_type: None,
            name: name.into(),
            aliases: Vec::new(),
            country,
            sector: None,
            wikidata: None,
            mentions: 0,
        }
    }
}

/// A PLOVER v2 event category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl Plover {
    /// The upper-case category name (`SANCTION`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Concede => "CONCEDE",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Retreat => "RETREAT",
            Plover::Request => "REQUEST",
            Plover::Accuse => "ACCUSE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Sanction => "SANCTION",
            Plover::Mobilize => "MOBILIZE",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
        }
    }

    /// True for the cooperative categories (drawn green or blue).
    pub const fn is_cooperative(self) -> bool {
        matches!(
            self,
            Plover::Agree
                | Plover::Consult
                | Plover::Support
                | Plover::Concede
                | Plover::Cooperate
                | Plover::Aid
                | Plover::Retreat
        )
    }
}

impl fmt::Display for Plover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! relation_kinds {
    ($( $variant:ident = $name:literal, $plover:expr, $cameo:expr, $sym:expr, $doc:literal; )*) => {
        /// A kind of relation between two entities: the ontology, mapped to PLOVER
        /// and CAMEO (see the table in `DESIGN.md`).
        ///
        /// ```
        /// use newsgraph::{Plover, RelationKind};
        /// let k: RelationKind = "expulsion".parse()?;
        /// assert_eq!(k.plover(), Some(Plover::Sanction));
        /// assert_eq!(k.cameo(), Some("166"));
        /// assert!(RelationKind::Talks.is_symmetric());
        /// # Ok::<(), String>(())
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum RelationKind {
            $( #[doc = $doc] $variant, )*
        }

        impl RelationKind {
            /// Every kind, in table order.
            pub const ALL: &'static [RelationKind] = &[$(RelationKind::$variant),*];

            /// The snake-case name (`agreement_ended`).
            pub const fn as_str(self) -> &'static str {
                match self { $(RelationKind::$variant => $name,)* }
            }

            /// The PLOVER category, `None` for structural kinds.
            pub const fn plover(self) -> Option<Plover> {
                match self { $(RelationKind::$variant => $plover,)* }
            }

            /// The CAMEO code, `None` for structural kinds.
            pub const fn cameo(self) -> Option<&'static str> {
                match self { $(RelationKind::$variant => $cameo,)* }
            }

            /// True when the relation holds both ways (stored once).
            pub const fn is_symmetric(self) -> bool {
                match self { $(RelationKind::$variant => $sym,)* }
            }
        }
    };
}

relation_kinds! {
    Talks = "talks", Some(Plover::Consult), Some("040"), true, "Meet, visit, hold talks, negotiate, phone.";
    Pledge = "pledge", Some(Plover::Agree), Some("030"), false, "Agree or promise to cooperate, offer.";
    AgreementSigned = "agreement_signed", Some(Plover::Support), Some("057"), true, "Sign, conclude, ratify an agreement.";
    Alliance = "alliance", Some(Plover::Support), Some("050"), true, "Ally with, partnership, move closer, strengthen ties.";
    Support = "support", Some(Plover::Support), Some("051"), false, "Back, endorse, praise, defend verbally.";
    Concession = "concession", Some(Plover::Concede), Some("080"), false, "Ease or lift sanctions, release prisoners, allow, grant.";
    MilitaryCooperation = "military_cooperation", Some(Plover::Cooperate), Some("062"), true, "Fight alongside, train, joint exercises, arm.";
    EconomicCooperation = "economic_cooperation", Some(Plover::Cooperate), Some("061"), true, "Trade deal in force, invest, joint venture.";
    Deployment = "deployment", Some(Plover::Cooperate), Some("062"), false, "Deploy or station forces in a country.";
    Aid = "aid", Some(Plover::Aid), Some("070"), false, "Provide economic, military or humanitarian aid.";
    Withdrawal = "withdrawal", Some(Plover::Retreat), Some("0874"), false, "Pull troops or personnel out of a country.";
    DeEscalation = "de_escalation", Some(Plover::Retreat), Some("087"), false, "Declare a ceasefire, lift a siege or blockade, halt an offensive.";
    Demand = "demand", Some(Plover::Request), Some("100"), false, "Demand, call on, urge, appeal to.";
    Accusation = "accusation", Some(Plover::Accuse), Some("112"), false, "Accuse, allege, blame.";
    Condemnation = "condemnation", Some(Plover::Accuse), Some("111"), false, "Condemn, denounce, criticise, object to.";
    Investigation = "investigation", Some(Plover::Accuse), Some("090"), false, "Investigate, probe.";
    Rejection = "rejection", Some(Plover::Reject), Some("120"), false, "Reject, refuse, veto.";
    Threat = "threat", Some(Plover::Threaten), Some("130"), false, "Threaten, warn of reprisals, ultimatum.";
    Protest = "protest", Some(Plover::Protest), Some("140"), false, "Demonstrate, protest against.";
    AgreementEnded = "agreement_ended", Some(Plover::Sanction), Some("160"), false, "End, terminate, revoke, withdraw from an agreement.";
    BreakRelations = "break_relations", Some(Plover::Sanction), Some("161"), false, "Sever ties, recall or expel an ambassador, close an embassy.";
    AidSuspension = "aid_suspension", Some(Plover::Sanction), Some("162"), false, "Suspend, cut, halt aid.";
    Sanctions = "sanctions", Some(Plover::Sanction), Some("163"), false, "Impose sanctions, embargo, boycott.";
    Expulsion = "expulsion", Some(Plover::Sanction), Some("166"), false, "Expel, kick out, order out troops, diplomats, agencies.";
    Mobilization = "mobilization", Some(Plover::Mobilize), Some("154"), false, "Mass troops on a border, raise alert.";
    Detention = "detention", Some(Plover::Coerce), Some("173"), false, "Arrest, detain, hold, abduct.";
    Repression = "repression", Some(Plover::Coerce), Some("175"), false, "Crack down, ban, disperse, impose a curfew or martial law.";
    Attack = "attack", Some(Plover::Assault), Some("190"), false, "Attack, strike, bomb, fight against, kill.";
    MemberOf = "member_of", None, None, false, "A person or unit belongs to a state or organisation.";
    SuccessorOf = "successor_of", None, None, false, "An organisation succeeds another.";
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for RelationKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        RelationKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown relation kind {s:?}"))
    }
}

impl RelationKind {
    /// True for kinds that end a state another kind began (an agreement ended after
    /// one signed, relations broken after an alliance).
    ///
    /// ```
    /// use newsgraph::RelationKind;
    /// assert_eq!(RelationKind::AgreementEnded.ends(), Some(RelationKind::AgreementSigned));
    /// assert_eq!(RelationKind::Talks.ends(), None);
    /// ```
    pub const fn ends(self) -> Option<RelationKind> {
        match self {
            RelationKind::AgreementEnded => Some(RelationKind::AgreementSigned),
            RelationKind::BreakRelations => Some(RelationKind::Alliance),
            RelationKind::AidSuspension => Some(RelationKind::Aid),
            RelationKind::Withdrawal => Some(RelationKind::Deployment),
            RelationKind::Expulsion => Some(RelationKind::Deployment),
            _ => None,
        }
    }
}

/// How an assertion is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Attributed to a claim or allegation (`allegedly`, `he alleged that`).
    Alleged,
    /// Denied or negated (`did not sign`).
    Negated,
    /// Announced for the future (`will sign`, `plans to`).
    Future,
    /// Conditional or possible (`could`, `if`).
    Hypothetical,
}

impl Modality {
    /// The snake-case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Alleged => "alleged",
            Modality::Negated => "negated",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A day.
    Day,
    /// A month (the date is its first day).
    Month,
    /// A year (the date is its first day).
    Year,
}

/// A calendar date (proleptic Gregorian), with its precision.
///
/// ```
/// use newsgraph::{Date, DatePrecision};
/// let d: Date = "2024-03-17".parse()?;
/// assert_eq!(d.to_string(), "2024-03-17");
/// assert_eq!(d.weekday(), 6); // Sunday (Monday = 0)
/// assert_eq!(d.add_days(-1).to_string(), "2024-03-16");
/// assert_eq!(Date::month_of(2023, 12).to_string(), "2023-12");
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
    /// Precision.
    pub precision: DatePrecision,
}

impl Date {
    /// A day, if it exists in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (0..=9999).contains(&year);
        valid.then_some(Date {
            year,
            month,
            day,
            precision: DatePrecision::Day,
        })
    }

    /// A month (day 1, month precision). `month` is clamped to 1–12.
    pub fn month_of(year: i32, month: u8) -> Date {
        Date {
            year,
            month: month.clamp(1, 12),
            day: 1,
            precision: DatePrecision::Month,
        }
    }

    /// A year (1 January, year precision).
    pub fn year_of(year: i32) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
            precision: DatePrecision::Year,
        }
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` since 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date {
            year,
            month,
            day,
            precision: DatePrecision::Day,
        }
    }

    /// This date moved by `n` days (day precision).
    pub fn add_days(&self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(&self) -> u8 {
        ((self.days() + 3).rem_euclid(7)) as u8
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            DatePrecision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            DatePrecision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            DatePrecision::Year => write!(f, "{:04}", self.year),
        }
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a longer ISO timestamp keeps its date.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("expected a date as YYYY-MM-DD, found {s:?}");
        let head = s.get(..10.min(s.len())).ok_or_else(bad)?;
        let parts: Vec<&str> = head.split('-').collect();
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        match parts.as_slice() {
            [y] if y.len() == 4 => Ok(Date::year_of(num(y)? as i32)),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let m = num(m)?;
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                Ok(Date::month_of(num(y)? as i32, m as u8))
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                Date::ymd(num(y)? as i32, num(m)? as u8, num(d)? as u8).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An article to extract from.
///
/// ```
/// use newsgraph::Document;
/// let doc = Document::new("a1", "Niger expelled French troops.").published("2024-03-17".parse()?);
/// assert_eq!(doc.id.as_str(), "a1");
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier.
    pub id: DocId,
    /// The full text.
    pub text: String,
    /// Publication date: relative dates (`last July`, `Saturday`) resolve against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

impl Document {
    /// A document with no date and no URL.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: DocId::new(id),
            text: text.into(),
            published: None,
            source_url: None,
        }
    }

    /// Sets the publication date.
    pub fn published(mut self, date: Date) -> Self {
        self.published = Some(date);
        self
    }

    /// Sets the source URL.
    pub fn source_url(mut self, url: impl Into<String>) -> Self {
        self.source_url = Some(url.into());
        self
    }
}

/// One relation asserted by one sentence of one document, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assertion {
    /// The kind of relation.
    pub kind: RelationKind,
    /// Who acts.
    pub source: EntityId,
    /// Who is acted upon.
    pub target: EntityId,
    /// How it is stated.
    pub modality: Modality,
    /// The person it is attributed to (`Abdramane said`), where any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<EntityId>,
    /// When it happened, resolved against the publication date, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Confidence in 0–1.
    pub confidence: f32,
    /// The id of the rule that fired (a trigger pattern id).
    pub rule: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Span of the sentence.
    pub sentence_span: Span,
    /// Span of the source mention.
    pub source_span: Span,
    /// Span of the trigger.
    pub trigger_span: Span,
    /// Span of the target mention.
    pub target_span: Span,
    /// The trigger as written.
    pub trigger: String,
    /// The sector of the acting official or body, where known (`MIL`, `GOV`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sector: Option<String>,
    /// The person acting for the source state, where one was named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_person: Option<EntityId>,
}

/// A mention of an entity in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity mentioned.
    pub entity: EntityId,
    /// Where.
    pub span: Span,
    /// Sector of the phrase (`Niger's junta` → `GOV`), where any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Sentence index.
    pub sentence: usize,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The document's id.
    pub doc: DocId,
    /// The publication date, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The source URL, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// The sentences' text (so the graph keeps evidence without the document).
    pub sentence_texts: Vec<String>,
    /// Entities mentioned, sorted by id, one each.
    pub entities: Vec<Entity>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Relation assertions in text order.
    pub assertions: Vec<Assertion>,
}

impl Extraction {
    /// The entity with this id, if mentioned.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.entities
            .binary_search_by(|e| e.id.cmp(id))
            .ok()
            .map(|i| &self.entities[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_days() {
        for d in [-800_000i64, -1, 0, 1, 19_800, 2_000_000] {
            assert_eq!(Date::from_days(d).days(), d);
        }
        assert_eq!(Date::ymd(2024, 2, 30), None);
        assert_eq!(
            Date::ymd(2024, 2, 29).map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn relation_kinds_parse_back() {
        for k in RelationKind::ALL {
            assert_eq!(k.as_str().parse::<RelationKind>(), Ok(*k));
        }
        assert!("friendship".parse::<RelationKind>().is_err());
    }

    #[test]
    fn bad_dates_are_errors() {
        for s in ["", "2024-13-01", "24-03-01", "2024-03-xx", "é"] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
        assert_eq!(
            "2024-03-17T10:00:00Z".parse::<Date>().map(|d| d.day),
            Ok(17)
        );
    }
}
