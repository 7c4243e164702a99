//! The recognizer behind [`recognize`](super::recognize).
//!
//! 1. A first pass over the sentences marks headlines (Title Case lines) and shouting (all
//!    capitals), and collects two sets of word hashes: the words written in lower case anywhere,
//!    and the capitalized words written inside body sentences (not at their start, not right
//!    after an opening quote). These are the evidence that a sentence-initial or headline word
//!    is, or is not, a name.
//! 2. Each sentence is cut into *chunks*: runs of capitalized words, with name particles
//!    (`al-`, `bin`, `van`), hyphens inside particles and first names (`al-Tamimi`,
//!    `Jean-Pierre`), gazetteer names (`Sahel`, `U.S.`), and the `of`/`for`/`on`/`and` of
//!    organisation and place names (`Ministry of Foreign Affairs`, `Republic of Ghana`).
//! 3. A chunk is read left to right into places and demonyms, organisations (a run ending in an
//!    organisation cue or an acronym), titles (`Deputy Foreign Minister`), honorifics and name
//!    runs. A name run gets a title from the chunk, from a lower-case role right before it
//!    (`Amal spokesperson Saleh al-Tamimi`), or from an appositive (`the head of …, NAME` and
//!    `NAME, head of …,`), and votes for person, organisation or place from its words and its
//!    neighbours (`the … delegation`, `in …`, `… said`).
//! 4. Mentions are grouped: gazetteer places by their canonical place, organisations by key,
//!    people by [`NameKey::matches`](super::NameKey::matches) (longest names first, so partial
//!    names join the fullest), single words by the nearest compatible person before them or
//!    else by their summed votes.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

use super::fx::{hash_str, Fx, FxBuild};
use super::gazetteer::{Place, PlaceKind, GAZETTEER, PERSONAL};
use super::key::{self, is_apostrophe};
use super::lexicon::{self as lx, flags_of_hash};
use super::{Entities, Entity, EntityKind, Mention, NameKey};
use crate::text::{Segmented, Token, TokenKind};

/// How many people a name is compared with beyond those that share its family name.
const FUZZY_WINDOW: usize = 48;

/// The most units a chunk is read as one; longer runs of capitals are cut.
const MAX_UNITS: usize = 16;

fn fx(s: &str) -> u64 {
    hash_str(s)
}

/// A word without a final period (`Mr.` → `Mr`), unless that is all it is.
fn strip_period(s: &str) -> &str {
    if s.len() > 1 {
        s.strip_suffix('.').unwrap_or(s)
    } else {
        s
    }
}

/// The first character that is not an apostrophe (`ʿAbd` starts with `A`).
fn first_letter(s: &str) -> Option<char> {
    s.chars().find(|c| !is_apostrophe(*c))
}

fn is_cap(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => b.is_ascii_uppercase(),
        _ => first_letter(s).is_some_and(char::is_uppercase),
    }
}

/// A brand written with a small letter before a capital (`iPhone`, `eBay`, `iTunes's`): a
/// name, though its first letter is small. Four letters at least, so units (`kWh`) stay out.
fn is_camel_name(s: &str) -> bool {
    let b = strip_possessive(s).0.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_lowercase()
        && b[1].is_ascii_uppercase()
        && b[2..].iter().all(u8::is_ascii_alphabetic)
        && b[2..].iter().any(u8::is_ascii_lowercase)
}

fn is_lower(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => b.is_ascii_lowercase(),
        _ => first_letter(s).is_some_and(char::is_lowercase),
    }
}

/// At least two letters, all capitals (`UN`, `U.S.`, `NATO`).
fn all_caps(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            n += 1;
        }
    }
    n >= 2
}

/// Splits a possessive `’s` off a word: `Russia's` → (`Russia`, true).
fn strip_possessive(s: &str) -> (&str, bool) {
    if !matches!(s.as_bytes().last(), Some(b's' | b'S')) {
        return (s, false);
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            if stem.chars().next_back().is_some_and(char::is_alphabetic) {
                return (stem, true);
            }
        }
    }
    (s, false)
}

/// Lower-cases `s` into `buf`, with curly apostrophes made straight.
fn lower_into<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        for c in s.chars() {
            if c == '’' || c == '‘' {
                buf.push('\'');
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
    buf.as_str()
}

fn squash_spaces(s: &str) -> Cow<'_, str> {
    if !s.contains(|c: char| c.is_whitespace() && c != ' ') && !s.contains("  ") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

const TK_WORD: u8 = 1;
const TK_CAP: u8 = 2;
const TK_LOWER: u8 = 4;

/// What a unit of a chunk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Place,
    Demonym,
    Honorific,
    Title,
    TitleMod,
    OrgCue,
    PlaceCue,
    Acronym,
    Function,
    NonEntity,
    Name,
}

/// One word of a chunk, or several that read as one (`al-Tamimi`, `Sahel`).
#[derive(Debug, Clone, Copy)]
struct Unit {
    t0: usize,
    t1: usize,
    start: usize,
    /// Byte end, without a possessive `’s`.
    end: usize,
    class: Class,
    flags: u32,
    place: Option<Place>,
    possessive: bool,
    /// Joined to the unit before by `of`, `for`, `on` or `and`.
    conn_before: bool,
    /// Hash of the lower-cased last word (possessive dropped).
    hash: u64,
    /// Made of a particle and a name (`al-Tamimi`).
    particle: bool,
    /// A place name that is also a first name (`Jordan`).
    personal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CandKind {
    Gaz(Place),
    PlaceRun,
    Org,
    Name,
}

#[derive(Debug, Clone, Copy, Default)]
struct Votes {
    person: f32,
    org: f32,
    place: f32,
}

/// A mention before grouping.
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    t1: usize,
    sentence: usize,
    kind: CandKind,
    title: Option<(usize, usize)>,
    votes: Votes,
    definite: bool,
    units: usize,
    /// Kept only if it joins a name found elsewhere (a sentence-initial word).
    weak: bool,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    lower_seen: HashSet<u64, FxBuild>,
    cap_seen: HashSet<u64, FxBuild>,
    buf: String,
    phrase: String,
    /// Per token: [`Ctx::key_hash`], 0 until computed.
    hashes: Vec<u64>,
    /// Per token: `TK_*` bits.
    tk: Vec<u8>,
    /// Per token: lexicon flags, `u32::MAX` until looked up.
    fl: Vec<u32>,
    cands: Vec<Cand>,
    /// The units of the chunk being read, kept from sentence to sentence for its capacity.
    units: Vec<Unit>,
}

impl<'a> Ctx<'a> {
    fn tx(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        self.tk.get(i).is_some_and(|&k| k & TK_WORD != 0)
    }

    /// Whether token `i` is a word with a capital first letter.
    fn cap(&self, i: usize) -> bool {
        self.tk.get(i).is_some_and(|&k| k & TK_CAP != 0)
    }

    /// Whether token `i` is a word with a lower-case first letter.
    fn low(&self, i: usize) -> bool {
        self.tk.get(i).is_some_and(|&k| k & TK_LOWER != 0)
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokenKind::Punct)
            .map(|t| t.text(self.text))
    }

    fn adjacent(&self, i: usize, j: usize) -> bool {
        match (self.toks.get(i), self.toks.get(j)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The hash of word token `i` lower-cased, without a possessive `'s` or a final period:
    /// the key of the lexicons and of the evidence sets.
    fn key_hash(&mut self, i: usize) -> u64 {
        match self.hashes.get(i) {
            Some(&h) if h != 0 => h,
            Some(_) => {
                let s = strip_period(strip_possessive(self.tx(i)).0);
                let h = if s.bytes().all(|b| b.is_ascii_lowercase()) {
                    fx(s)
                } else {
                    fx(lower_into(s, &mut self.buf))
                };
                self.hashes[i] = h;
                h
            }
            None => 0,
        }
    }

    /// Lexicon flags of word token `i` (lower-cased, possessive and final period dropped).
    /// Whether the words `i..t1` stand beside a day's number ("Jan 12", "12 May"): a month
    /// that is also a first name is then the month.
    fn by_day(&self, i: usize, t1: usize) -> bool {
        let day = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                let w = t.text(self.text).as_bytes();
                (t.kind == TokenKind::Number && w.len() <= 2)
                    || (t.kind == TokenKind::Alnum
                        && w.first().is_some_and(u8::is_ascii_digit)
                        && w.len() <= 4)
            })
        };
        day(t1) || i.checked_sub(1).is_some_and(day)
    }

    fn lflags(&mut self, i: usize) -> u32 {
        if !self.is_word(i) {
            return 0;
        }
        match self.fl.get(i) {
            Some(&f) if f != u32::MAX => f,
            _ => {
                let h = self.key_hash(i);
                let f = flags_of_hash(h);
                if let Some(slot) = self.fl.get_mut(i) {
                    *slot = f;
                }
                f
            }
        }
    }

    /// Whether token `i` is an opening quote (or a colon or dash) after which a capital says
    /// nothing about names.
    fn opens(&self, i: usize) -> bool {
        match self.punct(i) {
            Some("“" | "«" | ":" | "—" | "–" | "•" | "*" | "…") => true,
            Some("\"" | "'" | "‘") => {
                i == 0 || !self.adjacent(i - 1, i) || self.punct(i - 1).is_some()
            }
            _ => false,
        }
    }

    /// Whether token `i` starts its sentence (`first` is the sentence's first token that is not
    /// punctuation) or follows an opening quote.
    fn initial_like(&self, i: usize, first: usize) -> bool {
        i <= first || (i > 0 && self.opens(i - 1))
    }

    /// The first token of `s0..s1` that is not punctuation.
    fn first_word(&self, s0: usize, s1: usize) -> usize {
        (s0..s1)
            .find(|&k| self.toks.get(k).is_some_and(|t| t.kind != TokenKind::Punct))
            .unwrap_or(s1)
    }

    /// A particle that joins the next word into one unit: `al-Tamimi`, `bin Salman`,
    /// `van Gogh`. Returns the token end of the unit.
    fn particle_join(&mut self, i: usize, end: usize) -> Option<usize> {
        // What every join needs, checked before the lexicon (most short words are asked):
        // a hyphen next, or a capitalized word within the next three tokens.
        if self.punct(i + 1) != Some("-") && !(i + 1..=i + 3).any(|k| self.cap(k)) {
            return None;
        }
        let s = self.tx(i);
        if s.len() > 5 || self.lflags(i) & lx::PARTICLE == 0 {
            return None;
        }
        let mut small = [0u8; 5];
        for (d, b) in small.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        let lower = std::str::from_utf8(&small[..s.len()]).unwrap_or("");
        // Hyphenated: al-Tamimi, Al-‘Tamimi, as-Sisi, Abu-Salem.
        if self.punct(i + 1) == Some("-") && self.adjacent(i, i + 1) {
            let mut k = i + 2;
            if self
                .punct(k)
                .and_then(|p| p.chars().next())
                .is_some_and(is_apostrophe)
                && self.adjacent(k - 1, k)
            {
                k += 1;
            }
            if k < end && self.is_word(k) && self.adjacent(k - 1, k) {
                return Some(k + 1);
            }
            return None;
        }
        // Spaced: lower-case particles, and Al / El: "al Aqsa", "bin Laden", "von der Leyen".
        let spaced = flags_of_hash(hash_str(lower)) & lx::PARTICLE_SPACED != 0;
        if !spaced || !(is_lower(s) || matches!(lower, "al" | "el")) {
            return None;
        }
        let mut k = i + 1;
        while k < end && k < i + 3 && self.is_word(k) && self.low(k) {
            if self.lflags(k) & lx::PARTICLE == 0 {
                return None;
            }
            k += 1;
        }
        (k < end && self.is_word(k) && self.cap(k)).then_some(k + 1)
    }

    /// Whether a chunk unit can start at token `i`.
    fn starts_unit(&mut self, i: usize, end: usize) -> bool {
        if i >= end {
            return false;
        }
        let k = self.tk.get(i).copied().unwrap_or(0);
        if k & TK_CAP != 0 {
            return true;
        }
        if k & TK_LOWER == 0 || self.toks.get(i).is_none_or(|t| t.end - t.start > 5) {
            return false;
        }
        // A lower-case particle of the lexicon ("al", "bin", "von") that joins the next word.
        self.particle_join(i, end).is_some()
    }

    /// The longest gazetteer name starting at token `i`: (token end, place, possessive).
    fn gaz_match(&mut self, i: usize, end: usize) -> Option<(usize, Place, bool)> {
        let s = self.tx(i);
        if !is_cap(s) {
            return None;
        }
        if !GAZETTEER.starts.contains_key(&self.key_hash(i)) {
            return None;
        }
        let (stem, poss) = strip_possessive(s);
        let mut phrase = std::mem::take(&mut self.phrase);
        lower_into(stem, &mut phrase);
        let found = self.gaz_extend(i, end, &mut phrase, poss);
        self.phrase = phrase;
        found
    }

    fn gaz_extend(
        &mut self,
        i: usize,
        end: usize,
        phrase: &mut String,
        poss: bool,
    ) -> Option<(usize, Place, bool)> {
        let max_words = GAZETTEER
            .starts
            .get(&self.key_hash(i))
            .copied()
            .unwrap_or(0);
        if max_words == 0 {
            return None;
        }
        let mut best = GAZETTEER
            .names
            .get(phrase.as_str())
            .map(|p| (i + 1, *p, poss));
        if poss || max_words <= 1 {
            return best;
        }
        let mut j = i + 1;
        let mut words = 1;
        let mut steps = 0;
        while words < max_words && j < end && steps < 8 {
            steps += 1;
            let (next, last_tok) = if self.punct(j) == Some("-")
                && self.adjacent(j - 1, j)
                && self.is_word(j + 1)
                && j + 1 < end
                && self.adjacent(j, j + 1)
            {
                phrase.push('-');
                (j + 2, j + 1)
            } else if self.is_word(j) {
                phrase.push(' ');
                words += 1;
                (j + 1, j)
            } else {
                break;
            };
            let w = self.tx(last_tok);
            let (w_stem, w_poss) = strip_possessive(w);
            let lw = lower_into(w_stem, &mut self.buf);
            let connector = matches!(
                lw,
                "of" | "and" | "the" | "de" | "es" | "da" | "du" | "la" | "au" | "del"
            );
            if !is_cap(w) && !connector && last_tok == j {
                break;
            }
            phrase.push_str(lw);
            j = next;
            if is_cap(w) {
                if let Some(p) = GAZETTEER.names.get(phrase.as_str()) {
                    best = Some((j, *p, w_poss));
                }
            }
            if w_poss {
                break;
            }
        }
        best
    }

    /// Reads the unit that starts at token `i` (a unit start).
    fn read_unit(&mut self, i: usize, end: usize) -> Unit {
        let tok = self.toks[i];
        if let Some((t1, place, poss)) = self.gaz_match(i, end) {
            let last = self.tx(t1 - 1);
            let stem_len = strip_possessive(last).0.len();
            let unit_end = self.toks[t1 - 1].start + stem_len;
            let fl = if t1 == i + 1 { self.lflags(i) } else { 0 };
            let lower = lower_into(strip_possessive(last).0, &mut self.buf);
            let personal = t1 == i + 1 && PERSONAL.contains(&lower);
            let hash = self.key_hash(t1 - 1);
            return Unit {
                t0: i,
                t1,
                start: tok.start,
                end: unit_end,
                class: if place.demonym {
                    Class::Demonym
                } else {
                    Class::Place
                },
                flags: fl,
                place: Some(place),
                possessive: poss,
                conn_before: false,
                hash,
                particle: false,
                personal,
            };
        }
        if let Some(t1) = self.particle_join(i, end) {
            let last = self.tx(t1 - 1);
            let (stem, poss) = strip_possessive(last);
            return Unit {
                t0: i,
                t1,
                start: tok.start,
                end: self.toks[t1 - 1].start + stem.len(),
                class: Class::Name,
                flags: lx::PARTICLE,
                place: None,
                possessive: poss,
                conn_before: false,
                hash: self.key_hash(t1 - 1),
                particle: true,
                personal: false,
            };
        }
        let s = self.tx(i);
        let (stem, poss) = strip_possessive(s);
        let fl = self.lflags(i);
        let mut t1 = i + 1;
        // Hyphenated first names and titles: Jean-Pierre, Secretary-General.
        if !poss
            && fl & (lx::FIRST_NAME | lx::TITLE | lx::TITLE_MOD) != 0
            && self.punct(i + 1) == Some("-")
            && self.adjacent(i, i + 1)
            && i + 2 < end
            && self.is_word(i + 2)
            && self.adjacent(i + 1, i + 2)
            && self.cap(i + 2)
        {
            let f2 = self.lflags(i + 2);
            if (fl & lx::FIRST_NAME != 0 && f2 & (lx::TITLE | lx::TITLE_MOD) == 0)
                || (fl & (lx::TITLE | lx::TITLE_MOD) != 0 && f2 & (lx::TITLE | lx::TITLE_MOD) != 0)
            {
                t1 = i + 3;
            }
        }
        // A model after a brand written in camel case: "iPhone 4", "iPad 2", "iPhone 3G".
        if t1 == i + 1 && !poss && i + 1 < end && is_camel_name(s) {
            if let Some(next) = self.toks.get(i + 1) {
                let w = next.text(self.text).as_bytes();
                let model = match next.kind {
                    TokenKind::Number => w.len() <= 2,
                    TokenKind::Alnum => {
                        w.len() <= 3
                            && w.first().is_some_and(u8::is_ascii_digit)
                            && w.last().is_some_and(u8::is_ascii_uppercase)
                    }
                    _ => false,
                };
                if model && next.start == tok.end + 1 {
                    t1 = i + 2;
                }
            }
        }
        let (last_stem, last_poss) = if t1 == i + 1 {
            (stem, poss)
        } else {
            strip_possessive(self.tx(t1 - 1))
        };
        let unit_end = self.toks[t1 - 1].start + last_stem.len();
        let hash = self.key_hash(t1 - 1);
        let class = if fl & lx::HONORIFIC != 0 {
            Class::Honorific
        } else if fl & lx::TITLE != 0 {
            Class::Title
        } else if fl & lx::ORG_CUE != 0 {
            Class::OrgCue
        } else if fl & lx::PLACE_CUE != 0 {
            Class::PlaceCue
        } else if all_caps(s) && s.chars().filter(|c| c.is_alphabetic()).count() <= 8 {
            if fl & (lx::FUNCTION | lx::NON_ENTITY) != 0 {
                Class::NonEntity
            } else {
                Class::Acronym
            }
        } else if fl & lx::FIRST_NAME != 0 && !(fl & lx::NON_ENTITY != 0 && self.by_day(i, t1)) {
            Class::Name
        } else if fl & lx::FUNCTION != 0 {
            Class::Function
        } else if fl & lx::NON_ENTITY != 0 {
            Class::NonEntity
        } else if fl & lx::TITLE_MOD != 0 {
            Class::TitleMod
        } else {
            Class::Name
        };
        Unit {
            t0: i,
            t1,
            start: tok.start,
            end: unit_end,
            class,
            flags: fl,
            place: None,
            possessive: last_poss,
            conn_before: false,
            hash,
            particle: false,
            personal: false,
        }
    }

    /// The connector after a unit that continues an organisation or place name: the token
    /// index of the next unit.
    fn connector(&mut self, j: usize, end: usize, last: &Unit, crossed: bool) -> Option<usize> {
        if !self.is_word(j) || last.possessive {
            return None;
        }
        let w = self.tx(j);
        if !matches!(w, "of" | "for" | "on" | "and") {
            return None;
        }
        let cue = matches!(last.class, Class::OrgCue | Class::PlaceCue);
        let ok = match w {
            "of" => {
                cue || last.flags & lx::TAKES_OF != 0 || (crossed && last.class != Class::Title)
            }
            "for" | "on" => cue || crossed,
            "and" => crossed,
            _ => false,
        };
        if !ok {
            return None;
        }
        let mut k = j + 1;
        if w == "of" && self.is_word(k) && self.tx(k) == "the" {
            k += 1;
        }
        if k >= end || !self.is_word(k) || !self.cap(k) {
            return None;
        }
        // "the Port Authority on Tuesday": a day or month after "on" or "for" dates the
        // clause, it does not name.
        if w != "of" {
            let lower = self.tx(k).to_ascii_lowercase();
            if crate::vocab::calendar::is_weekday(lower.as_bytes())
                || crate::vocab::calendar::month_of(lower.as_bytes()).is_some()
            {
                return None;
            }
        }
        // "the Politburo of the Kenyan group": a demonym before a lower-case noun is an
        // adjective, not the rest of the name.
        if self
            .gaz_match(k, end)
            .is_some_and(|(t, p, _)| p.demonym && self.is_word(t) && self.low(t))
        {
            return None;
        }
        if w == "and" {
            let f = self.lflags(k);
            if f & lx::FIRST_NAME != 0 || self.gaz_match(k, end).is_some() || all_caps(self.tx(k)) {
                return None;
            }
        }
        Some(k)
    }

    // -----------------------------------------------------------------------------------------
    // Reading chunks

    fn sentence(&mut self, si: usize, s0: usize, s1: usize, headline: bool, shouting: bool) {
        let first = self.first_word(s0, s1);
        let mut i = s0;
        let mut units = std::mem::take(&mut self.units);
        while i < s1 {
            if !self.starts_unit(i, s1) {
                i += 1;
                continue;
            }
            let initial = self.initial_like(i, first);
            units.clear();
            let mut j = i;
            let mut conn = false;
            let mut crossed = false;
            loop {
                let mut u = self.read_unit(j, s1);
                u.conn_before = conn;
                conn = false;
                units.push(u);
                j = u.t1.max(j + 1);
                if j >= s1 || units.len() >= MAX_UNITS {
                    break;
                }
                if self.starts_unit(j, s1) {
                    continue;
                }
                if let Some(k) = self.connector(j, s1, &u, crossed) {
                    conn = true;
                    crossed = true;
                    j = k;
                    continue;
                }
                break;
            }
            self.chunk(&units, si, s0, s1, initial, headline, shouting);
            i = j;
        }
        self.units = units;
    }

    #[allow(clippy::too_many_arguments)]
    fn chunk(
        &mut self,
        units: &[Unit],
        si: usize,
        s0: usize,
        s1: usize,
        initial: bool,
        headline: bool,
        shouting: bool,
    ) {
        let Some(first) = units.first() else { return };
        if shouting {
            for u in units {
                if let Some(p) = u.place {
                    self.push_gaz(u, p, si);
                }
            }
            return;
        }
        let mut us = units;
        if initial {
            let known = first.flags & lx::FIRST_NAME != 0 || first.particle;
            match first.class {
                Class::Function | Class::NonEntity => us = &us[1..],
                Class::TitleMod => {
                    let titled = us
                        .get(1)
                        .is_some_and(|u| matches!(u.class, Class::Title | Class::TitleMod));
                    if !titled {
                        us = &us[1..];
                    }
                }
                Class::Name if !known => {
                    if self.lower_seen.contains(&first.hash) {
                        us = &us[1..];
                    } else if us.len() == 1 && !self.cap_seen.contains(&first.hash) {
                        // Kept only if it abbreviates a name of the text.
                        let before = self.cands.len();
                        self.piece(us, si, s0, s1, headline);
                        for c in &mut self.cands[before..] {
                            c.weak = true;
                        }
                        return;
                    }
                }
                _ => {}
            }
        }
        let before = self.cands.len();
        let mut piece_start = 0;
        for k in 0..=us.len() {
            let split = k == us.len() || us[k].class == Class::Function;
            if split {
                if k > piece_start {
                    self.piece(&us[piece_start..k], si, s0, s1, headline);
                }
                piece_start = k + 1;
            }
        }
        // "the Russian foreign ministry", "Russia's government": a demonym or a country's
        // possessive with a lower-case organisation noun.
        if self.cands.len() > before {
            let Some(last_unit) = us.last() else { return };
            let Some(last) = self.cands.last() else {
                return;
            };
            if matches!(last.kind, CandKind::Gaz(p) if p.kind == PlaceKind::Country)
                && last.t1 == last_unit.t1
            {
                let mut k = last.t1;
                let mut n = 0;
                while k < s1 && n < 3 && self.is_word(k) && self.low(k) {
                    let f = self.lflags(k);
                    if f & lx::LC_ORG != 0 {
                        let end = self.toks[k].end;
                        if let Some(c) = self.cands.last_mut() {
                            c.kind = CandKind::Org;
                            c.end = end;
                            c.t1 = k + 1;
                        }
                        break;
                    }
                    if f & lx::TITLE_MOD == 0 || f & lx::TITLE != 0 {
                        break;
                    }
                    k += 1;
                    n += 1;
                }
            }
        }
    }

    /// An organisation or place run starting at unit `k`: (last unit, kind).
    fn cue_run(us: &[Unit], k: usize) -> Option<(usize, CandKind)> {
        let mut last: Option<(usize, CandKind)> = None;
        let mut after_conn = false;
        let mut m = k;
        while m < us.len() {
            let u = &us[m];
            if m > k {
                let prev = &us[m - 1];
                let country_poss = m - 1 == k
                    && prev.possessive
                    && matches!(prev.class, Class::Place | Class::Demonym);
                if prev.possessive && !country_poss {
                    break;
                }
                if u.conn_before {
                    if last.is_none() {
                        break;
                    }
                    after_conn = true;
                }
            }
            match u.class {
                Class::OrgCue => last = Some((m, CandKind::Org)),
                Class::PlaceCue => last = Some((m, CandKind::PlaceRun)),
                Class::Honorific | Class::Function => break,
                Class::Title if after_conn => break,
                Class::Name if after_conn && u.flags & lx::FIRST_NAME != 0 => break,
                _ => {
                    if u.flags & lx::TAKES_OF != 0
                        && us.get(m + 1).is_some_and(|n| n.conn_before)
                        && u.class != Class::Title
                    {
                        let kind = if u.flags & lx::ORG_CUE != 0 {
                            CandKind::Org
                        } else {
                            CandKind::PlaceRun
                        };
                        last = Some((m, kind));
                    } else if after_conn {
                        if let Some((_, kind)) = last {
                            last = Some((m, kind));
                        }
                    }
                }
            }
            m += 1;
        }
        // An acronym before an organisation cue is part of it ("UN Security Council"); an
        // acronym alone is read by the caller.
        last
    }

    /// Reads one piece of a chunk (a chunk split at function words).
    fn piece(&mut self, us: &[Unit], si: usize, s0: usize, s1: usize, headline: bool) {
        let n = us.len();
        let mut k = 0;
        let mut title: Option<(usize, usize)> = None;
        let mut honorific = false;
        while k < n {
            if let Some((e, kind)) = Self::cue_run(us, k) {
                let evident = !headline
                    || us[k..=e]
                        .iter()
                        .all(|u| u.place.is_some() || u.class == Class::Acronym || self.evident(u));
                if !evident {
                    for u in &us[k..=e] {
                        if let Some(p) = u.place {
                            self.push_gaz(u, p, si);
                        }
                    }
                    title = None;
                    honorific = false;
                    k = e + 1;
                    continue;
                }
                // A possessive country before an organisation is part of its name
                // ("Russia's Foreign Ministry").
                let c = Cand {
                    start: us[k].start,
                    end: us[e].end,
                    t1: us[e].t1,
                    sentence: si,
                    kind,
                    title: None,
                    votes: Votes::default(),
                    definite: false,
                    units: e + 1 - k,
                    weak: false,
                };
                self.cands.push(c);
                title = None;
                honorific = false;
                k = e + 1;
                continue;
            }
            let u = us[k];
            match u.class {
                Class::Place | Class::Demonym => {
                    let next_is_name = us.get(k + 1).is_some_and(|v| {
                        v.class == Class::Name && !v.conn_before && v.flags & lx::FIRST_NAME == 0
                    });
                    if !u.personal || !next_is_name || u.possessive || headline {
                        if let Some(p) = u.place {
                            self.push_gaz(&u, p, si);
                        }
                        title = None;
                        k += 1;
                        continue;
                    }
                }
                Class::Honorific => {
                    honorific = true;
                    k += 1;
                    continue;
                }
                Class::Title | Class::TitleMod => {
                    let mut m = k;
                    let mut head = None;
                    while m < n && matches!(us[m].class, Class::Title | Class::TitleMod) {
                        if m > k && us[m].conn_before && us[m - 1].flags & lx::TAKES_OF == 0 {
                            break;
                        }
                        if us[m].class == Class::Title {
                            head = Some(m);
                        }
                        if us[m].possessive {
                            break;
                        }
                        m += 1;
                    }
                    if let Some(h) = head {
                        title = (!us[h].possessive).then_some((us[k].start, us[h].end));
                        k = h + 1;
                        continue;
                    }
                }
                Class::Acronym => {
                    self.cands.push(Cand {
                        start: u.start,
                        end: u.end,
                        t1: u.t1,
                        sentence: si,
                        kind: CandKind::Org,
                        title: None,
                        votes: Votes::default(),
                        definite: false,
                        units: 1,
                        weak: false,
                    });
                    title = None;
                    k += 1;
                    continue;
                }
                Class::Function | Class::NonEntity | Class::OrgCue | Class::PlaceCue => {
                    k += 1;
                    continue;
                }
                Class::Name => {}
            }
            // East Berlin, Northern Iraq.
            if u.flags & lx::DIRECTION != 0
                && !u.possessive
                && us
                    .get(k + 1)
                    .is_some_and(|v| v.class == Class::Place && !v.conn_before)
            {
                let v = us[k + 1];
                let kind = match v.place {
                    // Eastern/Western/Central … X is a part of X.
                    Some(p) if lower_ends_ern(self.tx(u.t0)) => CandKind::Gaz(p),
                    _ => CandKind::PlaceRun,
                };
                self.cands.push(Cand {
                    start: u.start,
                    end: v.end,
                    t1: v.t1,
                    sentence: si,
                    kind,
                    title: None,
                    votes: Votes::default(),
                    definite: false,
                    units: 2,
                    weak: false,
                });
                title = None;
                k += 2;
                continue;
            }
            // A name run.
            let mut m = k;
            while m < n {
                let v = &us[m];
                if m > k && (v.conn_before || us[m - 1].possessive) {
                    break;
                }
                let ok = match v.class {
                    Class::Name => true,
                    Class::Place | Class::Demonym if m == k => true,
                    Class::Place => {
                        us[m - 1].flags & lx::FIRST_NAME != 0
                            && us.get(m + 1).is_none_or(|w| w.class != Class::Name)
                    }
                    Class::TitleMod => {
                        // Unless a title head follows: "Amal Political Chief …".
                        let mut q = m;
                        while q < n && us[q].class == Class::TitleMod {
                            q += 1;
                        }
                        !us.get(q).is_some_and(|w| w.class == Class::Title)
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                m += 1;
            }
            if m == k {
                k += 1;
                continue;
            }
            // "the West", "the East".
            if m == k + 1 && u.flags & lx::DIRECTION != 0 && u.flags & lx::TITLE_MOD == 0 {
                let mut c = self.bare(&u, si, CandKind::PlaceRun);
                c.t1 = u.t1;
                self.cands.push(c);
                title = None;
                k = m;
                continue;
            }
            self.name_run(&us[k..m], title.take(), honorific, si, s0, s1, headline);
            honorific = false;
            k = m;
        }
    }

    fn bare(&self, u: &Unit, si: usize, kind: CandKind) -> Cand {
        Cand {
            start: u.start,
            end: u.end,
            t1: u.t1,
            sentence: si,
            kind,
            title: None,
            votes: Votes::default(),
            definite: false,
            units: 1,
            weak: false,
        }
    }

    /// Whether the body writes a headline word as a name: capitalized inside a sentence and
    /// never in lower case.
    fn evident(&self, u: &Unit) -> bool {
        self.cap_seen.contains(&u.hash) && !self.lower_seen.contains(&u.hash)
    }

    fn push_gaz(&mut self, u: &Unit, p: Place, si: usize) {
        self.cands.push(Cand {
            start: u.start,
            end: u.end,
            t1: u.t1,
            sentence: si,
            kind: CandKind::Gaz(p),
            title: None,
            votes: Votes::default(),
            definite: false,
            units: 1,
            weak: false,
        });
    }

    /// A run of name words: a person, organisation or place to be decided by its votes.
    #[allow(clippy::too_many_arguments)]
    fn name_run(
        &mut self,
        us: &[Unit],
        title: Option<(usize, usize)>,
        honorific: bool,
        si: usize,
        s0: usize,
        s1: usize,
        headline: bool,
    ) {
        let (Some(first), Some(last)) = (us.first(), us.last()) else {
            return;
        };
        if headline {
            let first_name = first.flags & lx::FIRST_NAME != 0 && us.len() > 1;
            let evident = us.iter().all(|u| self.evident(u));
            if !(first_name || evident) {
                // Keep only the words the body also writes as names.
                for u in us {
                    if self.evident(u) && u.class == Class::Name {
                        self.name_run(std::slice::from_ref(u), None, false, si, s0, s1, false);
                    }
                }
                return;
            }
        }
        let (t0, t1) = (first.t0, last.t1);
        let mut votes = Votes::default();
        let mut title = title;
        let definite = title.is_some() || honorific;
        let n = us.len();
        if n >= 2 {
            if us.iter().any(|u| u.class == Class::TitleMod) {
                votes.org += 1.5;
            } else {
                votes.person += 1.0;
            }
            if first.flags & lx::FIRST_NAME != 0 {
                votes.person += 3.0;
            }
            if us.iter().any(|u| u.particle || u.flags & lx::PARTICLE != 0) {
                votes.person += 2.0;
            }
        } else {
            votes.org += 0.5;
            if first.flags & lx::FIRST_NAME != 0 {
                votes.person += 1.5;
            }
            if first.particle {
                votes.person += 1.0;
            }
        }
        let last_lower = lower_into(
            strip_possessive(self.text.get(last.start..last.end).unwrap_or("")).0,
            &mut self.buf,
        );
        if lx::surname_like(last_lower) && last.class == Class::Name {
            votes.person += 1.0;
        }
        // Before the run.
        if t0 > s0 {
            let p = t0 - 1;
            let f = self.lflags(p);
            let pw = self.tx(p);
            if self.is_word(p) && is_lower(pw) {
                if f & lx::TITLE != 0 && title.is_none() && !honorific {
                    // A lower-case role right before the name: "Amal spokesperson X".
                    let mut left = p;
                    while left > s0 && left + 4 > p {
                        let q = left - 1;
                        if !(self.is_word(q) && self.low(q)) {
                            break;
                        }
                        let fq = self.lflags(q);
                        if fq & (lx::TITLE | lx::TITLE_MOD) == 0 || fq & lx::DET != 0 {
                            break;
                        }
                        left = q;
                    }
                    title = Some((self.toks[left].start, self.toks[p].end));
                    votes.person += 3.0;
                }
                if f & lx::ORG_BEFORE != 0 {
                    votes.org += 3.0;
                }
                if f & lx::PLACE_PREP != 0 {
                    votes.place += 2.0;
                } else if f & lx::PLACE_PREP_WEAK != 0 {
                    votes.place += 0.7;
                }
                if f & lx::PLACE_NOUN != 0 {
                    votes.place += 2.0;
                }
                if pw == "of" && p > s0 && self.lflags(p - 1) & lx::PLACE_NOUN != 0 {
                    votes.place += 3.0;
                }
            }
            if pw == "the" || pw == "The" {
                votes.org += 1.0;
            }
            if matches!(pw, "and" | "or" | ",") {
                if let Some(prev) = self.cands.last() {
                    if prev.t1 + 1 == t0 {
                        match prev.kind {
                            CandKind::Gaz(_) | CandKind::PlaceRun => votes.place += 1.5,
                            CandKind::Org => votes.org += 1.0,
                            CandKind::Name => {
                                let v = prev.votes;
                                if v.place > v.org && v.place > v.person {
                                    votes.place += 1.5;
                                }
                            }
                        }
                    }
                }
            }
        }
        // After the run.
        if t1 < s1 {
            let f = self.lflags(t1);
            let w = self.tx(t1);
            if self.is_word(t1) && is_lower(w) {
                if f & lx::ORG_AFTER != 0 && !last.possessive {
                    votes.org += 2.0;
                }
                if f & lx::SPEECH != 0 {
                    votes.person += 1.0;
                }
                if f & lx::PLACE_CUE != 0 && !last.possessive {
                    votes.place += 2.0;
                }
            }
            if w == "," {
                let mut k = t1 + 1;
                if self.lflags(k) & lx::DET != 0 {
                    k += 1;
                }
                let fk = self.lflags(k);
                if self.tx(t1 + 1) == "who" {
                    votes.person += 2.0;
                } else if fk & lx::PLACE_NOUN != 0 && fk & lx::TITLE == 0 {
                    votes.place += 3.0;
                }
            }
        }
        // Appositive roles.
        if title.is_none() && !honorific {
            if let Some(span) = self
                .role_before_comma(t0, s0)
                .or_else(|| self.role_after_comma(t1, s1))
            {
                title = Some(span);
                votes.person += 4.0;
            }
        }
        self.cands.push(Cand {
            start: first.start,
            end: last.end,
            t1,
            sentence: si,
            kind: CandKind::Name,
            title,
            votes,
            definite,
            units: n,
            weak: false,
        });
    }

    fn is_role_punct(&self, i: usize) -> bool {
        matches!(self.punct(i), Some("-" | "’" | "'"))
    }

    /// `the head of the movement's International Relations Office, NAME`: the role before a
    /// comma right before the name.
    fn role_before_comma(&mut self, t0: usize, s0: usize) -> Option<(usize, usize)> {
        if t0 < s0 + 2 || self.punct(t0 - 1) != Some(",") {
            return None;
        }
        let c = t0 - 1;
        let mut lo = c;
        while lo > s0 && c - lo < 14 && (self.is_word(lo - 1) || self.is_role_punct(lo - 1)) {
            lo -= 1;
        }
        let mut h = None;
        for k in (lo..c).rev() {
            if self.is_word(k) && self.lflags(k) & lx::TITLE != 0 {
                h = Some(k);
                break;
            }
        }
        let h = h?;
        if h + 1 < c && self.lflags(h + 1) & (lx::ROLE_PREP | lx::TITLE | lx::TITLE_MOD) == 0 {
            return None;
        }
        // "spokesman for the president": an earlier head joined by a preposition.
        let mut hl = h;
        loop {
            let mut k = hl;
            let mut found = None;
            let mut prep = false;
            while k > lo {
                k -= 1;
                let f = self.lflags(k);
                if f & lx::TITLE != 0 {
                    found = Some(k);
                    break;
                }
                if !self.is_word(k) || f & (lx::ROLE_PREP | lx::DET | lx::TITLE_MOD) == 0 {
                    break;
                }
                prep |= f & lx::ROLE_PREP != 0;
            }
            match found {
                Some(k2) if prep => hl = k2,
                _ => break,
            }
        }
        let mut left = hl;
        while left > lo && self.is_word(left - 1) {
            let f = self.lflags(left - 1);
            if f & (lx::TITLE | lx::TITLE_MOD) == 0 || f & lx::DET != 0 {
                break;
            }
            if self.cap(left - 1) && self.gaz_match(left - 1, c).is_some() {
                break;
            }
            left -= 1;
        }
        Some((self.toks[left].start, self.toks[c - 1].end))
    }

    /// `NAME, head of the Amal political bureau,`: the role in an appositive after the name.
    fn role_after_comma(&mut self, t1: usize, s1: usize) -> Option<(usize, usize)> {
        if t1 >= s1 || self.punct(t1) != Some(",") {
            return None;
        }
        let mut k = t1 + 1;
        let mut pre = 0;
        while k < s1 && pre < 2 && self.is_word(k) {
            let det = self.lflags(k) & lx::DET != 0 && self.low(k);
            if !(det || strip_possessive(self.tx(k)).1) {
                break;
            }
            k += 1;
            pre += 1;
        }
        let first = k;
        let mut mods = 0;
        while k < s1 && self.is_word(k) && mods < 3 {
            let f = self.lflags(k);
            if f & lx::TITLE != 0 || f & lx::TITLE_MOD == 0 {
                break;
            }
            k += 1;
            mods += 1;
        }
        if k >= s1 || !self.is_word(k) || self.lflags(k) & lx::TITLE == 0 {
            return None;
        }
        let mut head_end = k;
        while head_end + 1 < s1
            && self.is_word(head_end + 1)
            && self.lflags(head_end + 1) & (lx::TITLE | lx::TITLE_MOD) != 0
            && self.lflags(head_end + 1) & lx::ROLE_PREP == 0
        {
            head_end += 1;
        }
        let mut end = self.toks[head_end].end;
        let e = head_end + 1;
        if e < s1 && self.is_word(e) && self.lflags(e) & lx::ROLE_PREP != 0 {
            let mut m = e;
            let mut boundary = None;
            while m < s1 && m < e + 14 {
                if let Some(p) = self.punct(m) {
                    if matches!(
                        p,
                        "," | ";"
                            | "."
                            | ")"
                            | "("
                            | ":"
                            | "—"
                            | "–"
                            | "“"
                            | "”"
                            | "\""
                            | "!"
                            | "?"
                    ) {
                        boundary = Some(m);
                        break;
                    }
                }
                m += 1;
            }
            if boundary.is_none() && m == s1 {
                boundary = Some(s1);
            }
            if let Some(b) = boundary {
                if b > e + 1 {
                    end = self.toks[b - 1].end;
                }
            }
        }
        Some((self.toks[first].start, end))
    }
}

fn lower_ends_ern(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.ends_with("ern") || l == "central"
}

// ---------------------------------------------------------------------------------------------
// Grouping

#[derive(Debug)]
struct Group {
    kind: EntityKind,
    members: Vec<usize>,
    /// Index of the group's (longest) key.
    key: usize,
    canonical: Option<&'static str>,
}

fn argmax(v: Votes) -> EntityKind {
    if v.person > v.org && v.person >= v.place {
        EntityKind::Person
    } else if v.place > v.org {
        EntityKind::Place
    } else {
        EntityKind::Organization
    }
}

pub(crate) fn recognize(text: &str, seg: &Segmented) -> Entities {
    let toks = &seg.tokens[..];
    let mut ctx = Ctx {
        text,
        toks,
        lower_seen: HashSet::default(),
        cap_seen: HashSet::with_capacity_and_hasher(toks.len() / 10 + 8, FxBuild),
        buf: String::new(),
        phrase: String::new(),
        hashes: vec![0; toks.len()],
        fl: vec![u32::MAX; toks.len()],
        tk: toks
            .iter()
            .map(|t| {
                if t.kind != TokenKind::Word {
                    return 0;
                }
                let w = t.text(text);
                if is_camel_name(w) {
                    return TK_WORD | TK_CAP;
                }
                TK_WORD
                    | if is_cap(w) { TK_CAP } else { 0 }
                    | if is_lower(w) { TK_LOWER } else { 0 }
            })
            .collect(),
        // About one name in ten tokens in news: sized once rather than grown by doubling.
        cands: Vec::with_capacity(toks.len() / 10 + 1),
        units: Vec::with_capacity(MAX_UNITS),
    };
    // Pass 1: headlines, shouting, and the evidence sets.
    let mut wanted: HashSet<u64, FxBuild> = HashSet::default();
    let mut want_first = [false; 256];
    let mut want_len: u64 = 0;
    let mut seen: Vec<(u64, u8, usize, bool)> = Vec::new();
    let mut info: Vec<(bool, bool)> = Vec::with_capacity(seg.sentences.len());
    for s in &seg.sentences {
        let (s0, s1) = (s.tokens.start.min(toks.len()), s.tokens.end.min(toks.len()));
        let (mut caps, mut lows, mut shout) = (0usize, 0usize, 0usize);
        let first = ctx.first_word(s0, s1);
        seen.clear();
        for (i, tok) in toks.iter().enumerate().take(s1).skip(s0) {
            let k = ctx.tk[i];
            if k & TK_WORD == 0 {
                continue;
            }
            let w = tok.text(text);
            if k & TK_CAP != 0 {
                caps += 1;
                if all_caps(w) && w.len() > 2 {
                    shout += 1;
                }
                let h = ctx.key_hash(i);
                if ctx.initial_like(i, first) {
                    // Only words no lexicon knows need the lower-case evidence.
                    if ctx.lflags(i) != 0 {
                        continue;
                    }
                    wanted.insert(h);
                    let stem = strip_period(strip_possessive(w).0);
                    if let Some(b) = stem.as_bytes().first() {
                        want_first[usize::from(b.to_ascii_lowercase())] = true;
                    }
                    want_len |= 1 << stem.len().min(63);
                } else {
                    let stem = strip_period(strip_possessive(w).0);
                    let b = stem.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
                    seen.push((h, b, stem.len().min(63), ctx.lflags(i) == 0));
                }
            } else if !matches!(
                w,
                "a" | "an"
                    | "the"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "from"
                    | "with"
                    | "by"
                    | "and"
                    | "or"
                    | "as"
                    | "vs"
                    | "is"
                    | "are"
                    | "but"
                    | "into"
                    | "over"
                    | "after"
                    | "about"
                    | "up"
                    | "out"
                    | "off"
            ) {
                lows += 1;
            }
        }
        let words = caps + lows;
        let final_stop = toks[s0..s1]
            .iter()
            .rev()
            .map(|t| t.text(text))
            .find(|w| !matches!(*w, "”" | "\"" | "’" | "'" | ")" | "]" | "»"))
            .is_some_and(|w| matches!(w, "." | "!" | "?" | "…"));
        let ratio = if words == 0 {
            0.0
        } else {
            caps as f32 / words as f32
        };
        // A Title Case line: mostly capitals and no final stop (a sentence that ends with one
        // is a headline only when it has no lower-case content word at all).
        let headline = words > 0
            && if final_stop {
                lows == 0 && words >= 4
            } else {
                ratio >= 0.6
            };
        let shouting = shout >= 3 && shout * 10 >= (caps + lows) * 7;
        info.push((headline, shouting));
        if !headline && !shouting {
            ctx.cap_seen.extend(seen.iter().map(|x| x.0));
        } else if headline {
            // Headline words the lexicons do not know are names only if the body never
            // writes them in lower case.
            for &(h, b, len, unknown) in &seen {
                if unknown {
                    wanted.insert(h);
                    want_first[usize::from(b)] = true;
                    want_len |= 1 << len;
                }
            }
        }
    }
    // Which sentence-initial words the text also writes in lower case.
    let bytes = text.as_bytes();
    if !wanted.is_empty() {
        for (i, t) in toks.iter().enumerate() {
            if ctx.tk[i] & TK_LOWER == 0 {
                continue;
            }
            let b = bytes.get(t.start).copied().unwrap_or(0);
            if b.is_ascii_lowercase() {
                // A cheap filter on first letter and length (with or without "'s" / "’s").
                let len = t.end - t.start;
                let lens = (1u64 << len.min(63))
                    | (1u64 << len.saturating_sub(2).min(63))
                    | (1u64 << len.saturating_sub(4).min(63))
                    | (1u64 << len.saturating_sub(1).min(63));
                if !want_first[usize::from(b)] || want_len & lens == 0 {
                    continue;
                }
            }
            let h = ctx.key_hash(i);
            if wanted.contains(&h) {
                ctx.lower_seen.insert(h);
            }
        }
    }
    // Pass 2: chunks.
    for (si, s) in seg.sentences.iter().enumerate() {
        let (s0, s1) = (s.tokens.start.min(toks.len()), s.tokens.end.min(toks.len()));
        let (headline, shouting) = info.get(si).copied().unwrap_or((false, false));
        ctx.sentence(si, s0, s1, headline, shouting);
    }
    let mut cands = std::mem::take(&mut ctx.cands);
    cands.sort_by_key(|c| (c.start, c.end));
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        let ok = c.start < c.end
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end)
            && c.end <= text.len()
            && kept.last().is_none_or(|p| p.end <= c.start);
        if ok {
            kept.push(c);
        }
    }
    group(text, kept)
}

/// Whether `acronym` is introduced in brackets right after `long` as its initials:
/// "International Monetary Fund (IMF)", "Organization of the Petroleum Exporting Countries
/// (OPEC)" (the capitalized words' first letters, in order).
fn introduces_acronym(text: &str, long: &Cand, acronym: &Cand, long_s: &str, acr_s: &str) -> bool {
    let between = text.get(long.end..acronym.start).unwrap_or("");
    let after = text.get(acronym.end..).unwrap_or("");
    if between.trim() != "(" || !after.starts_with(')') {
        return false;
    }
    let letters = acr_s.chars().filter(char::is_ascii_alphabetic).count();
    if !(2..=8).contains(&letters) || !all_caps(acr_s) {
        return false;
    }
    let initials: String = long_s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let acr: String = acr_s.chars().filter(char::is_ascii_alphabetic).collect();
    initials.len() >= 2 && initials.eq_ignore_ascii_case(&acr)
}

fn group(text: &str, cands: Vec<Cand>) -> Entities {
    let surfaces: Vec<Cow<'_, str>> = cands
        .iter()
        .map(|c| squash_spaces(text.get(c.start..c.end).unwrap_or("")))
        .collect();
    // Distinct surfaces are folded once; `kid` numbers the distinct keys. Gazetteer places
    // are grouped by their canonical place and need none.
    let mut fold_cache: HashMap<&str, usize, FxBuild> = HashMap::default();
    let mut key_ids: HashMap<u64, usize, FxBuild> = HashMap::default();
    let mut dk: Vec<Vec<String>> = vec![Vec::new()];
    let kid: Vec<usize> = surfaces
        .iter()
        .zip(&cands)
        .map(|(s, c)| {
            if matches!(c.kind, CandKind::Gaz(_)) {
                return 0;
            }
            *fold_cache.entry(s.as_ref()).or_insert_with(|| {
                let k = key::fold(s);
                let mut h = Fx::default();
                for w in &k {
                    h.write(w.as_bytes());
                    h.write_u8(0xff);
                }
                *key_ids.entry(h.finish()).or_insert_with(|| {
                    dk.push(k);
                    dk.len() - 1
                })
            })
        })
        .collect();
    let keys: Vec<&[String]> = kid.iter().map(|&k| dk[k].as_slice()).collect();
    let mut groups: Vec<Group> = Vec::with_capacity(cands.len());
    let mut assign: Vec<Option<usize>> = vec![None; cands.len()];
    let mut gaz_groups: HashMap<&'static str, usize, FxBuild> = HashMap::default();
    let mut key_groups: HashMap<(u8, usize), usize, FxBuild> = HashMap::default();
    let kind_code = |k: EntityKind| match k {
        EntityKind::Person => 0u8,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    };
    fn new_group(
        groups: &mut Vec<Group>,
        kind: EntityKind,
        key: usize,
        canonical: Option<&'static str>,
    ) -> usize {
        groups.push(Group {
            kind,
            members: Vec::new(),
            key,
            canonical,
        });
        groups.len() - 1
    }
    // Gazetteer places, organisations and place runs.
    let mut last_org: Option<(usize, usize)> = None;
    for (i, c) in cands.iter().enumerate() {
        if keys[i].is_empty() && !matches!(c.kind, CandKind::Gaz(_)) {
            continue;
        }
        let g = match c.kind {
            CandKind::Gaz(p) => *gaz_groups
                .entry(p.canonical)
                .or_insert_with(|| new_group(&mut groups, EntityKind::Place, 0, Some(p.canonical))),
            CandKind::Org | CandKind::PlaceRun => {
                let kind = if c.kind == CandKind::Org {
                    EntityKind::Organization
                } else {
                    EntityKind::Place
                };
                // "the International Monetary Fund (IMF)": the acronym the text introduces
                // names the organisation before it, here and wherever the text uses it.
                if let Some((long, lg)) = last_org.filter(|_| kind == EntityKind::Organization) {
                    if introduces_acronym(text, &cands[long], c, &surfaces[long], &surfaces[i]) {
                        key_groups.entry((kind_code(kind), kid[i])).or_insert(lg);
                    }
                }
                let g = *key_groups
                    .entry((kind_code(kind), kid[i]))
                    .or_insert_with(|| new_group(&mut groups, kind, kid[i], None));
                if kind == EntityKind::Organization {
                    last_org = Some((i, g));
                }
                g
            }
            CandKind::Name => continue,
        };
        assign[i] = Some(g);
        groups[g].members.push(i);
    }
    // Multi-word names: people cluster by name key, longest first; others by key.
    let mut multi: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].kind == CandKind::Name && cands[i].units >= 2 && !keys[i].is_empty())
        .collect();
    multi.sort_by_key(|&i| (std::cmp::Reverse(keys[i].len()), cands[i].start));
    let mut person_groups: Vec<usize> = Vec::new();
    let mut person_key_cache: HashMap<usize, usize, FxBuild> = HashMap::default();
    // People indexed by their last (family) name; a name is compared with those that share
    // it and with the most recent few others, so that grouping stays linear.
    let mut by_last: HashMap<&str, Vec<usize>, FxBuild> = HashMap::default();
    let candidates = |by_last: &HashMap<&str, Vec<usize>, FxBuild>,
                      person_groups: &[usize],
                      key: &[String]|
     -> Vec<usize> {
        let mut out: Vec<usize> = key
            .last()
            .and_then(|l| by_last.get(l.as_str()))
            .map_or_else(Vec::new, |v| {
                v.iter().rev().take(FUZZY_WINDOW).copied().collect()
            });
        let from = person_groups.len().saturating_sub(FUZZY_WINDOW);
        out.extend_from_slice(&person_groups[from..]);
        out.sort_unstable();
        out.dedup();
        out
    };
    for &i in &multi {
        let c = &cands[i];
        let kind = if c.definite {
            EntityKind::Person
        } else {
            argmax(c.votes)
        };
        let ks = kid[i];
        let g = if kind == EntityKind::Person {
            if let Some(&g) = person_key_cache.get(&ks) {
                g
            } else {
                let found = candidates(&by_last, &person_groups, keys[i])
                    .into_iter()
                    .find(|&g| key::parts_match(keys[i], &dk[groups[g].key]));
                let g = found.unwrap_or_else(|| {
                    let g = new_group(&mut groups, EntityKind::Person, kid[i], None);
                    person_groups.push(g);
                    if let Some(last) = dk[kid[i]].last() {
                        by_last.entry(last.as_str()).or_default().push(g);
                    }
                    g
                });
                person_key_cache.insert(ks, g);
                g
            }
        } else {
            *key_groups
                .entry((kind_code(kind), ks))
                .or_insert_with(|| new_group(&mut groups, kind, kid[i], None))
        };
        assign[i] = Some(g);
        groups[g].members.push(i);
    }
    // Parenthesized short forms join the name before them: "… Movement (Amal)".
    let mut alias_groups: HashMap<usize, usize, FxBuild> = HashMap::default();
    for i in 1..cands.len() {
        let c = &cands[i];
        if c.kind != CandKind::Name || c.units != 1 || assign[i].is_some() || keys[i].is_empty() {
            continue;
        }
        let p = &cands[i - 1];
        let Some(g) = assign[i - 1] else { continue };
        let between = text.get(p.end..c.start).unwrap_or("").trim();
        let after = text.get(c.end..).unwrap_or("").trim_start();
        if between == "(" && after.starts_with(')') && groups[g].kind != EntityKind::Person {
            alias_groups.entry(kid[i]).or_insert(g);
        }
    }
    // Where each person's multi-word mentions are, for the nearest one to a single word.
    let mut member_starts: HashMap<usize, Vec<usize>, FxBuild> = HashMap::default();
    for &g in &person_groups {
        let mut v: Vec<usize> = groups[g].members.iter().map(|&m| cands[m].start).collect();
        v.sort_unstable();
        member_starts.insert(g, v);
    }
    let mut last_single: HashMap<usize, usize, FxBuild> = HashMap::default();
    // Multi-word organisations and places by their last word.
    let mut other_by_last: HashMap<&str, Vec<usize>, FxBuild> = HashMap::default();
    for &g in key_groups.values() {
        let k = &dk[groups[g].key];
        if k.len() > 1 {
            if let Some(last) = k.last() {
                other_by_last.entry(last.as_str()).or_default().push(g);
            }
        }
    }
    // Single words: the nearest person they abbreviate, a known key, or their votes.
    let mut pools: HashMap<usize, (Votes, bool, Vec<usize>), FxBuild> = HashMap::default();
    let mut match_cache: HashMap<usize, Vec<usize>, FxBuild> = HashMap::default();
    let mut pool_order: Vec<usize> = Vec::new();
    for i in 0..cands.len() {
        let c = &cands[i];
        if c.kind != CandKind::Name || assign[i].is_some() || keys[i].is_empty() {
            continue;
        }
        let ks = kid[i];
        if let Some(&g) = alias_groups.get(&ks) {
            assign[i] = Some(g);
            continue;
        }
        let strongly_other = !c.definite && {
            let v = c.votes;
            v.org >= v.person + 2.0 || v.place >= v.person + 2.0
        };
        if !strongly_other {
            let matching = match_cache.entry(kid[i]).or_insert_with(|| {
                candidates(&by_last, &person_groups, keys[i])
                    .into_iter()
                    .filter(|&g| key::parts_match(keys[i], &dk[groups[g].key]))
                    .collect()
            });
            let mut best: Option<(usize, bool, usize)> = None; // (group, before, distance)
            for &g in matching.iter() {
                let starts = member_starts.get(&g).map_or(&[][..], Vec::as_slice);
                let at = starts.partition_point(|&x| x < c.start);
                let before = starts[..at]
                    .last()
                    .copied()
                    .into_iter()
                    .chain(last_single.get(&g).copied())
                    .max();
                let option = match (before, starts.get(at)) {
                    (Some(b), _) => (g, true, c.start - b),
                    (None, Some(&a)) => (g, false, a - c.start),
                    (None, None) => (g, false, usize::MAX),
                };
                let better = match best {
                    None => true,
                    Some((_, b, d)) => (option.1 && !b) || (option.1 == b && option.2 < d),
                };
                if better {
                    best = Some(option);
                }
            }
            if let Some((g, _, _)) = best {
                assign[i] = Some(g);
                last_single.insert(g, c.start);
                continue;
            }
        }
        if !c.definite {
            let known = [EntityKind::Organization, EntityKind::Place]
                .into_iter()
                .find_map(|k| key_groups.get(&(kind_code(k), ks)).copied());
            if let Some(g) = known {
                assign[i] = Some(g);
                continue;
            }
            // A single word that ends one multi-word organisation or place of the text.
            let partial: Vec<usize> = keys[i]
                .last()
                .and_then(|l| other_by_last.get(l.as_str()))
                .map_or_else(Vec::new, |v| {
                    v.iter()
                        .copied()
                        .filter(|&g| key::parts_match(keys[i], &dk[groups[g].key]))
                        .take(2)
                        .collect()
                });
            if let [g] = partial[..] {
                assign[i] = Some(g);
                continue;
            }
        }
        if c.weak {
            continue;
        }
        let pool = pools.entry(ks).or_insert_with(|| {
            pool_order.push(ks);
            (Votes::default(), false, Vec::new())
        });
        pool.0.person += c.votes.person;
        pool.0.org += c.votes.org;
        pool.0.place += c.votes.place;
        pool.1 |= c.definite;
        pool.2.push(i);
    }
    for ks in pool_order {
        let Some((votes, definite, members)) = pools.remove(&ks) else {
            continue;
        };
        let Some(&first) = members.first() else {
            continue;
        };
        let kind = if definite {
            EntityKind::Person
        } else {
            argmax(votes)
        };
        let g = new_group(&mut groups, kind, kid[first], None);
        for m in members {
            assign[m] = Some(g);
        }
    }
    // Members in text order (people's members were partly pushed above).
    for g in &mut groups {
        g.members.clear();
    }
    for (i, a) in assign.iter().enumerate() {
        if let Some(g) = *a {
            groups[g].members.push(i);
        }
    }
    // Entities in order of first mention.
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| !groups[g].members.is_empty())
        .collect();
    order.sort_by_key(|&g| groups[g].members[0]);
    let mut index = vec![usize::MAX; groups.len()];
    for (e, &g) in order.iter().enumerate() {
        index[g] = e;
    }
    let mut entities = Vec::with_capacity(order.len());
    let mut forms = Vec::new();
    // The folded key each entity takes from `dk`, moved out at its last use rather than copied.
    let mut key_of: Vec<Option<usize>> = Vec::with_capacity(order.len());
    for &g in &order {
        let (entity, k) =
            build_entity(text, &groups[g], &cands, &surfaces, &kid, &keys, &mut forms);
        entities.push(entity);
        key_of.push(k);
    }
    drop(keys);
    let mut uses = vec![0usize; dk.len()];
    for k in key_of.iter().flatten() {
        uses[*k] += 1;
    }
    for (entity, k) in entities.iter_mut().zip(key_of) {
        let Some(k) = k else { continue };
        uses[k] -= 1;
        entity.key.parts = if uses[k] == 0 {
            std::mem::take(&mut dk[k])
        } else {
            dk[k].clone()
        };
    }
    let mut mentions = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        let Some(g) = assign[i] else { continue };
        let kind = groups[g].kind;
        mentions.push(Mention {
            start: c.start,
            end: c.end,
            kind,
            entity: index[g],
            title: if kind == EntityKind::Person {
                c.title
            } else {
                None
            },
            sentence: c.sentence,
        });
    }
    Entities { mentions, entities }
}

fn build_entity<'a>(
    text: &str,
    g: &Group,
    cands: &[Cand],
    surfaces: &'a [Cow<'_, str>],
    kid: &[usize],
    keys: &[&[String]],
    // Distinct forms with their counts, in order of first use: (form, count, first, demonym).
    // Emptied here; the caller keeps it from entity to entity for its capacity.
    forms: &mut Vec<(&'a str, usize, usize, bool)>,
) -> (Entity, Option<usize>) {
    forms.clear();
    for &m in &g.members {
        let s = surfaces[m].as_ref();
        let demonym = matches!(cands[m].kind, CandKind::Gaz(p) if p.demonym);
        match forms.iter_mut().find(|f| f.0 == s) {
            Some(f) => f.1 += 1,
            None => forms.push((s, 1, m, demonym)),
        }
    }
    let titled = |s: &str| s.split_whitespace().any(is_cap);
    let name: String = match g.kind {
        EntityKind::Person => forms
            .iter()
            .max_by_key(|f| (keys[f.2].len(), f.0.chars().count(), std::cmp::Reverse(f.2)))
            .map(|f| f.0.to_owned()),
        _ => forms
            .iter()
            .filter(|f| !f.3)
            .max_by_key(|f| {
                (
                    titled(f.0),
                    f.1,
                    f.0.chars().count(),
                    std::cmp::Reverse(f.2),
                )
            })
            .map(|f| f.0.to_owned())
            .or_else(|| g.canonical.map(str::to_owned))
            .or_else(|| forms.first().map(|f| f.0.to_owned())),
    }
    .unwrap_or_default();
    let mut aliases: Vec<String> = forms
        .iter()
        .filter(|f| f.0 != name)
        .map(|f| f.0.to_owned())
        .collect();
    aliases.sort();
    aliases.dedup();
    let mut roles: Vec<String> = Vec::new();
    if g.kind == EntityKind::Person {
        for &m in &g.members {
            if let Some((a, b)) = cands[m].title {
                let r = squash_spaces(text.get(a..b).unwrap_or(""));
                if !r.is_empty() && !roles.iter().any(|x| x.eq_ignore_ascii_case(&r)) {
                    roles.push(r.into_owned());
                }
            }
        }
    }
    // The key of the name's own form, filled in by the caller from the folded keys; a name
    // that no member wrote as such (a place's canonical name) is folded here.
    let (key, from) = match forms.iter().find(|f| f.0 == name) {
        Some(f) if !keys[f.2].is_empty() => (NameKey { parts: Vec::new() }, Some(kid[f.2])),
        _ => (NameKey::new(&name), None),
    };
    let entity = Entity {
        kind: g.kind,
        key,
        name,
        aliases,
        roles,
    };
    (entity, from)
}
