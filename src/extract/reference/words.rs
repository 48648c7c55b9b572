//! Word tables and word-shape tests the reference parser relies on: initials, name
//! particles, journal abbreviations, months, labels, organisation and publisher cues.

use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Lower-case particles that start or sit inside a family name.
pub const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "ter", "ten", "bin", "ibn", "al", "el", "al-", "el-", "y", "zu", "vander", "d'", "l'", "st.",
    "in't", "in", "'t", "op", "het", "te", "degli", "dei", "delle", "do", "das", "e",
];

/// Abbreviated words of journal and proceedings titles: a dot after them does not end a
/// sentence. Compared without the dot, case-insensitively.
const ABBREVIATIONS: &[&str] = &[
    "acad",
    "acta",
    "adv",
    "agric",
    "am",
    "anal",
    "ann",
    "annu",
    "anthropol",
    "appl",
    "arch",
    "assoc",
    "astron",
    "astrophys",
    "bacteriol",
    "behav",
    "biochem",
    "biol",
    "biophys",
    "bot",
    "bull",
    "cardiol",
    "chem",
    "chim",
    "clin",
    "cogn",
    "commun",
    "comp",
    "comput",
    "conf",
    "cong",
    "curr",
    "dept",
    "dermatol",
    "dev",
    "dis",
    "ecol",
    "econ",
    "educ",
    "endocrinol",
    "eng",
    "environ",
    "epidemiol",
    "eur",
    "evol",
    "exp",
    "front",
    "gastroenterol",
    "genet",
    "geol",
    "geophys",
    "gynecol",
    "hematol",
    "hepatol",
    "hist",
    "immunol",
    "infect",
    "inf",
    "inst",
    "instrum",
    "int",
    "intell",
    "j",
    "jpn",
    "lett",
    "manag",
    "mater",
    "math",
    "mech",
    "med",
    "metab",
    "microbiol",
    "mol",
    "natl",
    "nephrol",
    "neurol",
    "neurosci",
    "nucl",
    "nutr",
    "obstet",
    "oncol",
    "oper",
    "ophthalmol",
    "opin",
    "opt",
    "optim",
    "otolaryngol",
    "pathol",
    "pediatr",
    "pharm",
    "pharmacol",
    "philos",
    "phys",
    "physiol",
    "proc",
    "psychiatr",
    "psychol",
    "quant",
    "radiol",
    "rep",
    "res",
    "rev",
    "rheumatol",
    "sci",
    "ser",
    "soc",
    "sociol",
    "stat",
    "statist",
    "struct",
    "stud",
    "suppl",
    "surg",
    "symp",
    "syst",
    "technol",
    "theor",
    "ther",
    "toxicol",
    "trans",
    "univ",
    "urol",
    "vet",
    "virol",
    "zool",
    "vs",
    "e.g",
    "i.e",
    "cf",
    "st",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "no",
    "vol",
    "pp",
    "eds",
    "ed",
    "al",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "fig",
    "ref",
    "approx",
    "ca",
    "sect",
    "ch",
    "chap",
    "pt",
    "repr",
    "rev",
    "n",
    "s",
    "u",
    "engl",
    "germ",
    "fr",
    "mag",
    "rec",
    "q",
    "z",
    "zh",
    "ber",
    "bd",
    "abh",
    "akad",
    "wiss",
    "nat",
    "hum",
    "gen",
    "syst",
    "micro",
    "nano",
    "lond",
    "geogr",
    "meteorol",
    "oceanogr",
    "hydrol",
    "biomed",
    "mat",
    "fiz",
    "izv",
    "dokl",
    "sov",
    "zh.",
    "ukr",
    "pis'ma",
    "prog",
    "progr",
    "sel",
    "bus",
    "regen",
    "coast",
    "marit",
    "accel",
    "front",
    "quart",
    "roy",
    "rept",
    "rel",
    "grav",
    "cosmol",
    "nuovo",
    "cim",
    "sol",
    "solidi",
    "ibid",
    "jetp",
    "eksp",
    "teor",
    "fiz",
    "usp",
    "nauk",
    "sb",
    "funct",
    "geom",
    "topol",
    "diff",
    "eq",
    "equ",
    "ergod",
    "dyn",
    "numer",
    "spectrosc",
    "cryst",
    "surf",
    "catal",
    "polym",
    "macromol",
    "neurophysiol",
    "physik",
    "rend",
    "sem",
    "publ",
    "mem",
    "amer",
    "ital",
    "nachr",
    "angew",
    "reine",
    "lect",
    "softw",
    "lang",
    "netw",
    "artif",
    "recogn",
    "vis",
    "graph",
    "robot",
    "autom",
    "inform",
    "ieee",
    "acm",
    "siam",
    "biomech",
    "orthop",
    "neurosurg",
    "anesth",
    "anesthesiol",
    "emerg",
    "intern",
    "fam",
    "prev",
    "nurs",
    "psychosom",
    "pers",
    "abnorm",
    "couns",
    "financ",
    "polit",
    "lit",
    "ling",
    "philol",
    "archaeol",
    "paleontol",
    "tecton",
    "volcanol",
    "seismol",
    "atmos",
    "limnol",
    "hydrobiol",
    "ornithol",
    "entomol",
    "parasitol",
    "mycol",
    "phytopathol",
    "agron",
    "hortic",
    "ecotoxicol",
    "biotechnol",
    "bioeng",
    "pharmacokinet",
    "transl",
    // Earth-science journal words (Copernicus and AGU titles: `Geosci. Model Dev.`,
    // `Remote Sens. Environ.`, `Clim. Dynam.`, `J. Hydraul. Res.`).
    "geosci",
    "biogeosci",
    "sens",
    "meas",
    "dynam",
    "clim",
    "hydraul",
    "hydromech",
    "glaciol",
    "meteor",
    "nonlin",
    "modell",
];

/// Month names and abbreviations (lower-case, without dot).
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    // French, German, Spanish, Italian and Portuguese month names (`mai 2014`, `15 novembre
    // 1925`); `mars` is left out: it is a planet in English titles.
    "janvier",
    "février",
    "mai",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];

/// Words that make a name an organisation (a group author).
const ORGANISATION_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "association",
    "society",
    "institute",
    "institution",
    "council",
    "committee",
    "group",
    "agency",
    "ministry",
    "office",
    "commission",
    "board",
    "foundation",
    "consortium",
    "collaboration",
    "bureau",
    "center",
    "centre",
    "university",
    "federation",
    "network",
    "service",
    "services",
    "administration",
    "union",
    "department",
    "authority",
    "corporation",
    "company",
    "team",
    "investigators",
    "collaborators",
    "collaborative",
    "coalition",
    "partnership",
    "registry",
    "working",
    "project",
    "academy",
    "college",
    "program",
    "programme",
    "inc.",
    "ltd",
    "ltd.",
    "nations",
    "bank",
    "fund",
    "forum",
    "alliance",
    "initiative",
    "panel",
    "taskforce",
    "trust",
    "unit",
];

/// Words that mark a publisher or a publisher's place (`Springer, Berlin`).
const PUBLISHER_WORDS: &[&str] = &[
    "press",
    "publisher",
    "publishers",
    "publishing",
    "publications",
    "verlag",
    "books",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "co.",
    "wiley",
    "springer",
    "elsevier",
    "kluwer",
    "routledge",
    "sons",
    "editions",
    "éditions",
    "edition",
    "ed.",
    "edn",
    "edn.",
    "academic",
    "mcgraw-hill",
    "prentice",
    "addison-wesley",
    "pearson",
    "sage",
    "blackwell",
    "harper",
    "penguin",
    "macmillan",
    "norton",
    "dover",
    "cambridge",
    "oxford",
    "birkhäuser",
    "pergamon",
    "gallimard",
    "taylor",
    "francis",
    "crc",
    "world",
    "scientific",
    "elsevier,",
    "mit",
    "springer-verlag",
    "hill",
    "house",
    "univ.",
    "university",
];

/// Words that say the container is a conference.
const CONFERENCE_WORDS: &[&str] = &[
    "proceedings",
    "proc.",
    "proc",
    "conference",
    "conf.",
    "symposium",
    "symp.",
    "workshop",
    "congress",
    "meeting",
    "colloquium",
    "summit",
];

/// FNV-1a: word tables are looked up for almost every token, SipHash is too slow there.
#[derive(Default)]
struct Fnv(u64);

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
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A word table compiled once: lower-case entries with a value, plus cheap prefilters
/// (longest entry, first letters) so most tokens are rejected without hashing.
struct WordSet {
    /// Keyed by bytes, so a word lower-cased into a byte buffer needs no UTF-8 check.
    map: HashMap<Box<[u8]>, u8, BuildHasherDefault<Fnv>>,
    /// The ASCII entries of at most [`SHORT_KEY_BYTES`] bytes again, keyed by their bytes
    /// packed into one number ([`short_key`]): a short ASCII word is looked up with no
    /// byte-string hashing or comparison.
    short: FxHashMap<u128, u8>,
    max_len: usize,
    first_bytes: [bool; 256],
    /// Per lower-case first byte, bit `n` set when an entry of `n` bytes starts with it
    /// (bit 63 for 63 bytes or more): an ASCII word of another length is not there.
    lengths: [u64; 256],
    /// Per lower-case ASCII first byte, bit `b` set when an entry's second byte is the
    /// ASCII byte `b`: a word whose first two bytes are ASCII and start no entry is turned
    /// away before the hashing (their lower case is that of the word's first two bytes).
    second_bytes: [u128; 128],
}

impl WordSet {
    fn new(table: &[&str]) -> Self {
        Self::with_values(&table.iter().map(|w| (*w, 0u8)).collect::<Vec<_>>())
    }

    fn with_values(table: &[(&str, u8)]) -> Self {
        let mut set = WordSet {
            map: HashMap::default(),
            short: FxHashMap::default(),
            max_len: 0,
            first_bytes: [false; 256],
            lengths: [0; 256],
            second_bytes: [0; 128],
        };
        for (w, v) in table {
            let lower = w.to_lowercase();
            set.max_len = set.max_len.max(lower.len());
            let first = usize::from(lower.as_bytes()[0]);
            set.first_bytes[first] = true;
            set.lengths[first] |= Self::length_bit(lower.len());
            if let [a, b, ..] = *lower.as_bytes() {
                if a.is_ascii() && b.is_ascii() {
                    set.second_bytes[usize::from(a)] |= 1 << b;
                }
            }
            set.map.insert(lower.into_bytes().into_boxed_slice(), *v);
        }
        // From the map, so that a repeated entry keeps the value the map kept.
        for (entry, &v) in &set.map {
            if entry.len() <= SHORT_KEY_BYTES && entry.is_ascii() {
                let mut buf = [0u8; 16];
                buf[..entry.len()].copy_from_slice(entry);
                set.short.insert(short_key(buf, entry.len()), v);
            }
        }
        set
    }

    /// Whether an entry may start with the byte that starts a word (any byte of a
    /// character of several bytes may, as its lower case is not looked at here).
    fn may_start_with(&self, first: u8) -> bool {
        !first.is_ascii() || self.first_bytes[usize::from(first.to_ascii_lowercase())]
    }

    fn length_bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Case-insensitive lookup without allocating for short ASCII words. Most words are
    /// turned away here, inline, by the first letters and lengths of the entries.
    #[inline]
    fn get(&self, word: &str) -> Option<u8> {
        // `word.trim_end_matches(['.', ','])`, on bytes.
        let mut w = word.as_bytes();
        while let [rest @ .., b'.' | b','] = w {
            w = rest;
        }
        let first = *w.first()?;
        let first_lower = usize::from(first.to_ascii_lowercase());
        if w.len() > self.max_len || !self.first_bytes[first_lower] && first.is_ascii() {
            return None;
        }
        // ASCII lower-casing keeps the length: no entry of this length, no lookup.
        if self.lengths[first_lower] & Self::length_bit(w.len()) == 0 && w.is_ascii() {
            return None;
        }
        if let [a, b, ..] = *w {
            if a.is_ascii()
                && b.is_ascii()
                && self.second_bytes[usize::from(a.to_ascii_lowercase())] >> b.to_ascii_lowercase()
                    & 1
                    == 0
            {
                return None;
            }
        }
        self.look_up(word, w)
    }

    /// The look-up of [`WordSet::get`] for a word (`trimmed`: `word` without its trailing
    /// dots and commas) that the prefilters let through.
    #[inline(never)]
    fn look_up(&self, word: &str, trimmed: &[u8]) -> Option<u8> {
        if trimmed.is_ascii() {
            if trimmed.len() <= SHORT_KEY_BYTES {
                let mut key = [0u8; 16];
                for (b, c) in key.iter_mut().zip(trimmed) {
                    *b = c.to_ascii_lowercase();
                }
                return self.short.get(&short_key(key, trimmed.len())).copied();
            }
            let mut buf = [0u8; 32];
            if let Some(buf) = buf.get_mut(..trimmed.len()) {
                for (b, c) in buf.iter_mut().zip(trimmed) {
                    *b = c.to_ascii_lowercase();
                }
                return self.map.get(&*buf).copied();
            }
        }
        // Trimming took ASCII bytes off the end only: `trimmed` ends on a character boundary.
        let w = word.get(..trimmed.len())?;
        self.map.get(w.to_lowercase().as_bytes()).copied()
    }
}

/// The longest entry [`WordSet::short`] holds: its bytes and its length fill 16 bytes.
const SHORT_KEY_BYTES: usize = 15;

/// Lower-case ASCII bytes (the first `len` of `bytes`, the rest zero) and their length
/// as one number: two words give the same key only when they are the same word.
fn short_key(mut bytes: [u8; 16], len: usize) -> u128 {
    bytes[15] = len as u8;
    u128::from_le_bytes(bytes)
}

static PARTICLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PARTICLES));
static ABBREVIATION_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ABBREVIATIONS));
static MONTH_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MONTHS));
static ORGANISATION_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORGANISATION_WORDS));
static PUBLISHER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PUBLISHER_WORDS));
static CONFERENCE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(CONFERENCE_WORDS));

/// A name particle (`van`, `de`, `In't`), compared case-insensitively only when it is
/// printed in lower case (capitalised `Van` at the start of a name is a family word anyway).
pub fn is_particle(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c == '\'' || c == '’')
        && PARTICLE_SET.contains(word)
}

/// Whether `word` (with its trailing dot) abbreviates a word of a journal title or is a
/// common abbreviation: a dot after it does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    if bare.is_empty() {
        return true;
    }
    if bare.as_bytes().contains(&b'.') {
        // `e.g`, `U.S`, `J.-P`; not a version number (`version 6.0. Mol. Biol.`).
        return bare.contains(char::is_alphabetic);
    }
    if bare.starts_with(char::is_lowercase) {
        return LOWER_ABBREVIATION_SET.contains(bare);
    }
    ABBREVIATION_SET.contains(bare)
}

/// Abbreviations printed in lower case; a lower-case word with a dot is otherwise a
/// sentence end (`methods.`).
const LOWER_ABBREVIATIONS: &[&str] = &[
    "vs", "e.g", "i.e", "cf", "etc", "al", "pp", "vol", "no", "ed", "eds", "approx", "ca", "ch",
    "chap", "pt", "repr", "rev", "n", "s", "u", "p", "fig", "ref", "sect", "suppl", "jr", "sr",
    "nr", "op", "cit", "ibid", "viz", "v", "vols", "edn", "trans", "transl", "comp", "ser", "st",
];

static LOWER_ABBREVIATION_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(LOWER_ABBREVIATIONS));

/// Whether `word` with its ASCII letters lower-cased is one of `table` (whose entries hold
/// no ASCII capitals): `word.to_ascii_lowercase()` compared without the copy.
pub fn ascii_lowercase_is_one_of(word: &str, table: &[&str]) -> bool {
    table.iter().any(|entry| word.eq_ignore_ascii_case(entry))
}

/// Whether `word` lower-cased is one of `table` (lower-case entries); an ASCII word is
/// compared without a lower-cased copy.
pub fn lowercase_is_one_of(word: &str, table: &[&str]) -> bool {
    if word.is_ascii() {
        return ascii_lowercase_is_one_of(word, table);
    }
    let lower = word.to_lowercase();
    table.contains(&lower.as_str())
}

/// Month name or abbreviation.
pub fn is_month(word: &str) -> bool {
    MONTH_SET.contains(word)
}

pub fn is_organisation_word(word: &str) -> bool {
    ORGANISATION_SET.contains(word)
}

pub fn is_publisher_word(word: &str) -> bool {
    PUBLISHER_SET.contains(word)
}

pub fn is_conference_word(word: &str) -> bool {
    CONFERENCE_SET.contains(word)
}

/// Initials as printed: `G`, `G.`, `JJ`, `G.R.`, `J.-P.`, `Ch.`, `Yu.`, `OA.`.
/// Undotted clusters must be upper case and at most four letters.
pub fn is_initials(word: &str) -> bool {
    let dotted = word.as_bytes().contains(&b'.');
    let mut letters = 0usize;
    let mut chars = word.chars().peekable();
    let mut prev_upper = false;
    // Capitals since the last dot or hyphen: `Ch.` has one before its lower-case letter,
    // `VOCs.` (a plural acronym) three.
    let mut run = 0usize;
    while let Some(c) = chars.next() {
        if c.is_uppercase() {
            letters += 1;
            run += 1;
            prev_upper = true;
        } else if c.is_lowercase() {
            // `Ch.`, `Th.`, `Yu.`: one lower-case letter after a capital, then a dot.
            if !(dotted && prev_upper && run == 1 && chars.peek() == Some(&'.')) {
                return false;
            }
            prev_upper = false;
        } else if c == '.' || c == '-' || c == '‐' {
            prev_upper = false;
            run = 0;
        } else {
            return false;
        }
    }
    letters >= 1 && (dotted || letters <= 4) && letters <= 6
}

/// Initials that are dotted or hyphenated (`G.`, `J.-P.`): safe before a family name.
pub fn is_dotted_initials(word: &str) -> bool {
    word.as_bytes().contains(&b'.') && is_initials(word)
}

/// A word that can be part of a person's name: capitalised (any script), hyphenated or
/// with an apostrophe, or a particle.
pub fn is_name_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']);
    let Some(first) = w.chars().next() else {
        return false;
    };
    if is_particle(w) {
        return true;
    }
    if !(first.is_uppercase() || (first == 'd' || first == 'O') && w.contains('\'')) {
        return false;
    }
    // Most names are ASCII: their bytes are read once, as the characters below are.
    if w.is_ascii() {
        let mut letters = 0;
        for &b in w.as_bytes() {
            if b.is_ascii_alphabetic() {
                letters += 1;
            } else if !matches!(b, b'-' | b'\'') {
                return false;
            }
        }
        return letters >= 2;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '‐'))
}

/// A Suffix after a name (`Jr.`, `III`).
pub fn is_name_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "Jr" | "Sr" | "II" | "III" | "IV" | "jr" | "Jnr" | "2nd" | "3rd"
    )
}

/// A four-digit year 1500–2049, optionally with a letter (`2011a`) and a trailing dot.
pub fn year_of(word: &str) -> Option<i32> {
    // Read as bytes: most words are asked, and the ones trimmed are ASCII.
    let mut w = word.as_bytes();
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    if w.len() > 5 {
        return None;
    }
    let mut digits = w;
    while let [rest @ .., b'a'..=b'z'] = digits {
        digits = rest;
    }
    let [_, _, _, _] = digits else {
        return None;
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y = digits
        .iter()
        .fold(0, |year, &digit| year * 10 + i32::from(digit - b'0'));
    (1500..2050).contains(&y).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_lookups_agree_with_lower_casing_and_comparing() {
        let table: &[(&str, u8)] = &[
            ("Jan", 1),
            ("september", 2),
            ("proceedings", 3),
            ("Transactions-on-Something-Long", 4),
            ("für", 5),
            ("ab", 6),
            ("ab", 7),
        ];
        let set = WordSet::with_values(table);
        let naive = |word: &str| {
            let lower = word.trim_end_matches(['.', ',']).to_lowercase();
            table
                .iter()
                .rev()
                .find(|(entry, _)| entry.to_lowercase() == lower)
                .map(|&(_, v)| v)
        };
        let words = [
            "jan",
            "JAN.",
            "Jan,.",
            "janu",
            "September",
            "SEPTEMBER.",
            "Proceedings,",
            "transactions-on-something-long",
            "TRANSACTIONS-ON-SOMETHING-LONG.",
            "Für",
            "FÜR.",
            "fur",
            "AB",
            "ab.",
            "a",
            "",
            ".",
            "..",
            "Ab\u{212A}",
            "x",
            "Jan\u{0}",
            // First two bytes that start no entry, and entries with capitals among them.
            "sx",
            "sEPTEMBER",
            "pRoceedings",
            "fÜR",
            "aB",
            "ſeptember",
        ];
        for word in words {
            assert_eq!(set.get(word), naive(word), "{word:?}");
        }
    }

    #[test]
    fn word_shapes() {
        for w in ["G", "G.", "JJ", "G.R.", "J.-P.", "Ch.", "OA.", "A.G."] {
            assert!(is_initials(w), "{w}");
        }
        for w in ["Gr", "Bianchi", "g.", "ABCDE", "2011", "VOCs.", "PCRs."] {
            assert!(!is_initials(w), "{w}");
        }
        assert!(is_abbreviation("Phys."));
        assert!(is_abbreviation("U.S."));
        assert!(!is_abbreviation("cells."));
        assert!(!is_abbreviation("6.0."));
        assert!(is_abbreviation("e.g."));
        assert_eq!(year_of("2011a"), Some(2011));
        assert_eq!(year_of("2011."), Some(2011));
        assert_eq!(year_of("20111"), None);
        // (word, year): the bounds, trailing letters and dots, and other digits.
        for (word, want) in [
            ("1500", Some(1500)),
            ("1499", None),
            ("2049..", Some(2049)),
            ("2050", None),
            ("2011ab", None),
            ("a2011", None),
            ("2011A", None),
            ("٢٠١١", None),
        ] {
            assert_eq!(year_of(word), want, "{word}");
        }
        assert!(is_name_word("Pérez-Higueras"));
        assert!(is_name_word("van"));
        assert!(!is_name_word("the"));
    }
}

/// A word that names the kind of a work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    Thesis,
    Report,
    Dataset,
    Software,
}

const GENRE_WORDS: &[(&str, Genre)] = &[
    ("thesis", Genre::Thesis),
    ("dissertation", Genre::Thesis),
    ("ph.d", Genre::Thesis),
    ("phd", Genre::Thesis),
    ("diss", Genre::Thesis),
    ("doctoral", Genre::Thesis),
    ("master's", Genre::Thesis),
    ("habilitation", Genre::Thesis),
    ("report", Genre::Report),
    ("rep", Genre::Report),
    ("working", Genre::Report),
    ("memorandum", Genre::Report),
    ("dataset", Genre::Dataset),
    ("software", Genre::Software),
    ("package", Genre::Software),
];

static GENRE_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let table: Vec<(&str, u8)> = GENRE_WORDS.iter().map(|(w, g)| (*w, *g as u8)).collect();
    WordSet::with_values(&table)
});

/// Whether a word that starts with `first` may name a genre ([`genre_of`]): most words
/// are turned away on their first byte, before the word is sliced and looked up.
pub fn may_name_genre(first: u8) -> bool {
    GENRE_SET.may_start_with(first)
}

/// The genre a word names, if any (`dissertation`, `Tech. Rep.`, `dataset`).
pub fn genre_of(word: &str) -> Option<Genre> {
    // `word.trim_end_matches(['.', ',', ')', ':'])`, on bytes: every word is asked.
    let mut trimmed = word.as_bytes();
    while let [rest @ .., b'.' | b',' | b')' | b':'] = trimmed {
        trimmed = rest;
    }
    // Only ASCII bytes were cut off: the rest ends on a character boundary.
    let w = word.get(..trimmed.len())?;
    GENRE_SET.get(w).and_then(|v| {
        [
            Genre::Thesis,
            Genre::Report,
            Genre::Dataset,
            Genre::Software,
        ]
        .into_iter()
        .find(|g| *g as u8 == v)
    })
}
