//! The features the event model reads of each word: the word, its lemma and affixes, its
//! neighbours, the function words around it, what WordNet says of it, and whether it lies in a
//! name. Each feature is a 64-bit hash of its template and its values, the same on every
//! platform and in every version that keeps [`FEATURE_SET`]: the shipped weights are keyed by
//! these numbers.

use crate::text::TokenKind;
use crate::vocab::wordnet::{self, WordSenses};

/// The version of the feature templates; a model trained on another set cannot be read.
pub(crate) const FEATURE_SET: u16 = 2;

/// One word of a sentence as the model sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ModelToken<'a> {
    /// The word lower-cased (ASCII letters folded, curly apostrophes straightened); may be
    /// empty for long or unusual words.
    pub lower: &'a str,
    /// The word as written.
    pub raw: &'a str,
    pub kind: TokenKind,
    /// Inside a temporal expression: its neighbours see "a time", not the words.
    pub in_timex: bool,
}

/// Function-word classes: what a neighbour tells of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub(crate) enum Cue {
    Other,
    Determiner,
    Be,
    Have,
    Do,
    Modal,
    Will,
    To,
    Of,
    By,
    Preposition,
    Conjunction,
    Pronoun,
    Negation,
    Wh,
    That,
    Comma,
    Stop,
    Quote,
    Bracket,
    Number,
    Adverb,
    Start,
    End,
    /// A word of a temporal expression ("2006" of "the 2006 elections").
    Timex,
}

/// The cue class of a lower-case word.
pub(crate) fn cue(lower: &str, kind: TokenKind) -> Cue {
    match kind {
        TokenKind::Number | TokenKind::Alnum => return Cue::Number,
        TokenKind::Punct => {
            return match lower {
                "," => Cue::Comma,
                "." | "!" | "?" | ";" | ":" | "…" => Cue::Stop,
                "\"" | "'" | "“" | "”" | "‘" | "’" | "`" => Cue::Quote,
                "(" | ")" | "[" | "]" => Cue::Bracket,
                _ => Cue::Other,
            }
        }
        TokenKind::Word => {}
    }
    match lower {
        "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "his" | "her"
        | "our" | "my" | "your" | "whose" | "any" | "some" | "every" | "each" | "no" | "all"
        | "both" | "such" | "another" | "other" | "several" | "many" | "more" | "most" | "few"
        | "much" => Cue::Determiner,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'s" | "'re" | "'m" => {
            Cue::Be
        }
        "has" | "have" | "had" | "having" | "'ve" | "'d" => Cue::Have,
        "do" | "does" | "did" | "doing" => Cue::Do,
        "would" | "could" | "may" | "might" | "should" | "can" | "must" | "ought" => Cue::Modal,
        "will" | "'ll" | "shall" | "wo" => Cue::Will,
        "to" => Cue::To,
        "of" => Cue::Of,
        "by" => Cue::By,
        "in" | "on" | "at" | "for" | "with" | "from" | "into" | "about" | "over" | "after"
        | "before" | "under" | "against" | "during" | "between" | "without" | "through"
        | "since" | "until" | "among" | "amid" | "despite" | "toward" | "towards" | "across"
        | "per" | "via" | "within" | "upon" | "near" | "off" | "out" | "up" | "down" => {
            Cue::Preposition
        }
        "and" | "or" | "but" | "nor" | "yet" | "so" | "because" | "although" | "though"
        | "while" | "if" | "unless" | "whereas" | "as" | "than" => Cue::Conjunction,
        "he" | "she" | "it" | "they" | "we" | "i" | "you" | "him" | "them" | "us" | "me"
        | "himself" | "herself" | "itself" | "themselves" | "there" => Cue::Pronoun,
        "not" | "n't" | "never" => Cue::Negation,
        "which" | "who" | "whom" | "what" | "when" | "where" | "why" | "how" => Cue::Wh,
        "that" => Cue::That,
        "also" | "already" | "still" | "just" | "now" | "then" | "recently" | "only" | "even"
        | "yet," | "again" | "later" | "earlier" | "soon" | "once" => Cue::Adverb,
        _ => Cue::Other,
    }
}

/// Whether a word is a function word that is never an event: no features are computed for it.
pub(crate) fn never_event(c: Cue) -> bool {
    matches!(
        c,
        Cue::Timex
            | Cue::Determiner
            | Cue::To
            | Cue::Of
            | Cue::By
            | Cue::Preposition
            | Cue::Conjunction
            | Cue::Pronoun
            | Cue::Negation
            | Cue::Wh
            | Cue::That
            | Cue::Comma
            | Cue::Stop
            | Cue::Quote
            | Cue::Bracket
            | Cue::Number
            | Cue::Modal
            | Cue::Will
    )
}

/// FNV-1a over bytes: the hash of a feature's text value.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One feature from its template number and two values.
#[inline]
fn mix(template: u64, a: u64, b: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a;
    h = h.rotate_left(29).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ b;
    h ^= h >> 31;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    // 0 marks an empty slot of the weight table.
    h | 1
}

/// What is computed once per word and read by its neighbours' features.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordInfo {
    pub word: u64,
    pub lemma: u64,
    pub cue: Cue,
    pub senses: Option<WordSenses>,
    shape: u8,
    suffix2: u64,
    suffix3: u64,
    suffix4: u64,
}

const NONE_HASH: u64 = 0x5bd1_e995;
/// Every word of a temporal expression, as its neighbours see it.
const TIMEX_HASH: u64 = 0x27d4_eb2f_1656_67c5;

/// The word's shape: capitalization and content.
fn shape(raw: &str, kind: TokenKind) -> u8 {
    if kind != TokenKind::Word {
        return 0;
    }
    let mut chars = raw.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_upper = raw.chars().skip(1).any(char::is_uppercase);
    let rest_lower = raw.chars().skip(1).any(char::is_lowercase);
    match (first_upper, rest_upper, rest_lower) {
        (false, _, _) => 1,
        (true, true, false) => 2,
        (true, false, _) => 3,
        (true, true, true) => 4,
    }
}

/// The lemma the model reads: the verb lemma where the word is a verb form WordNet knows, else
/// its noun lemma, else the word.
pub(crate) fn lemma_of(lower: &str) -> &str {
    match wordnet::lemmas(lower) {
        (Some(v), _) => v,
        (None, Some(n)) => n,
        (None, None) => lower,
    }
}

fn suffix(lower: &str, n: usize) -> u64 {
    match lower.len().checked_sub(n) {
        Some(at) if at > 0 => lower.get(at..).map_or(NONE_HASH, |s| fnv(s.as_bytes())),
        _ => NONE_HASH,
    }
}

/// The per-word values of a sentence's words.
pub(crate) fn word_infos<'a>(
    tokens: impl Iterator<Item = ModelToken<'a>>,
    out: &mut Vec<WordInfo>,
) {
    out.clear();
    out.extend(tokens.map(|t| {
        if t.in_timex {
            return WordInfo {
                word: TIMEX_HASH,
                lemma: TIMEX_HASH,
                cue: Cue::Timex,
                senses: None,
                shape: 0,
                suffix2: NONE_HASH,
                suffix3: NONE_HASH,
                suffix4: NONE_HASH,
            };
        }
        let c = cue(t.lower, t.kind);
        let (lemma, senses) = if t.kind == TokenKind::Word && !never_event(c) && !t.lower.is_empty()
        {
            let l = lemma_of(t.lower);
            (fnv(l.as_bytes()), wordnet::senses(l))
        } else {
            (fnv(t.lower.as_bytes()), None)
        };
        WordInfo {
            word: fnv(t.lower.as_bytes()),
            lemma,
            cue: c,
            senses,
            shape: shape(t.raw, t.kind),
            suffix2: suffix(t.lower, 2),
            suffix3: suffix(t.lower, 3),
            suffix4: suffix(t.lower, 4),
        }
    }));
}

// Template numbers: changing one changes every weight's key (bump FEATURE_SET).
const BIAS: u64 = 1;
const WORD: u64 = 2;
const LEMMA: u64 = 3;
const SUF2: u64 = 4;
const SUF3: u64 = 5;
const SUF4: u64 = 6;
const SHAPE: u64 = 7;
const PREV1: u64 = 8;
const PREV2: u64 = 9;
const NEXT1: u64 = 10;
const NEXT2: u64 = 11;
const PREV_WORD: u64 = 12;
const WORD_NEXT: u64 = 13;
const PREV_CUE: u64 = 14;
const PREV_CUES: u64 = 15;
const NEXT_CUE: u64 = 16;
const LEMMA_PREV_CUE: u64 = 17;
const WN_POS: u64 = 18;
const WN_FIRST_NOUN: u64 = 19;
const WN_FIRST_VERB: u64 = 20;
const WN_FILE: u64 = 21;
const IN_NAME: u64 = 22;
const AUX: u64 = 23;
const SUF3_PREV_CUE: u64 = 24;
const NEXT_LEMMA: u64 = 25;
const PREV_LEMMA: u64 = 26;
const WN_POS_PREV_CUE: u64 = 27;
const LEMMA_NEXT_CUE: u64 = 28;

/// The cue of the auxiliary or particle nearest before word `i` within its verb group: what
/// makes "attack" a verb after "to" and a noun after "the".
fn aux_before(infos: &[WordInfo], i: usize) -> (Cue, usize) {
    for d in 1..=4usize {
        let Some(j) = i.checked_sub(d) else {
            return (Cue::Start, d);
        };
        match infos[j].cue {
            c @ (Cue::Be
            | Cue::Have
            | Cue::Do
            | Cue::Modal
            | Cue::Will
            | Cue::To
            | Cue::Determiner
            | Cue::Preposition
            | Cue::Of
            | Cue::By) => return (c, d),
            Cue::Negation | Cue::Adverb => continue,
            c @ (Cue::Comma | Cue::Stop | Cue::Conjunction | Cue::Wh | Cue::That) => return (c, d),
            _ if d == 1 => continue,
            _ => return (Cue::Other, d),
        }
    }
    (Cue::Other, 5)
}

/// Appends the features of word `i` of a sentence to `out`; `in_name` says whether it lies in
/// the name of a person, organisation or place.
pub(crate) fn features(infos: &[WordInfo], i: usize, in_name: bool, out: &mut Vec<u64>) {
    let me = &infos[i];
    let at = |k: isize| -> Option<&WordInfo> { i.checked_add_signed(k).and_then(|j| infos.get(j)) };
    let word_at = |k: isize| at(k).map_or(NONE_HASH.wrapping_add(k as u64), |w| w.word);
    let cue_at =
        |k: isize| at(k).map_or(if k < 0 { Cue::Start } else { Cue::End }, |w| w.cue) as u64;
    out.push(mix(BIAS, 0, 0));
    out.push(mix(WORD, me.word, 0));
    out.push(mix(LEMMA, me.lemma, 0));
    out.push(mix(SUF2, me.suffix2, 0));
    out.push(mix(SUF3, me.suffix3, 0));
    out.push(mix(SUF4, me.suffix4, 0));
    out.push(mix(SHAPE, u64::from(me.shape), u64::from(i == 0)));
    out.push(mix(PREV1, word_at(-1), 0));
    out.push(mix(PREV2, word_at(-2), 0));
    out.push(mix(NEXT1, word_at(1), 0));
    out.push(mix(NEXT2, word_at(2), 0));
    out.push(mix(PREV_WORD, word_at(-1), me.word));
    out.push(mix(WORD_NEXT, me.word, word_at(1)));
    out.push(mix(PREV_CUE, cue_at(-1), 0));
    out.push(mix(PREV_CUES, cue_at(-2), cue_at(-1)));
    out.push(mix(NEXT_CUE, cue_at(1), 0));
    out.push(mix(LEMMA_PREV_CUE, me.lemma, cue_at(-1)));
    out.push(mix(LEMMA_NEXT_CUE, me.lemma, cue_at(1)));
    out.push(mix(NEXT_LEMMA, at(1).map_or(NONE_HASH, |w| w.lemma), 0));
    out.push(mix(PREV_LEMMA, at(-1).map_or(NONE_HASH, |w| w.lemma), 0));
    let (aux, distance) = aux_before(infos, i);
    out.push(mix(AUX, aux as u64, distance as u64));
    out.push(mix(SUF3_PREV_CUE, me.suffix3, aux as u64));
    let pos = me.senses.map_or(0u64, |s| {
        u64::from(s.noun != 0) | u64::from(s.verb != 0) << 1 | u64::from(s.adjective) << 2
    });
    out.push(mix(WN_POS, pos, 0));
    out.push(mix(WN_POS_PREV_CUE, pos, aux as u64));
    if let Some(s) = me.senses {
        out.push(mix(WN_FIRST_NOUN, s.first_noun.map_or(255, u64::from), 0));
        out.push(mix(WN_FIRST_VERB, s.first_verb.map_or(255, u64::from), 0));
        let mut files = s.noun | s.verb;
        while files != 0 {
            let f = u64::from(files.trailing_zeros());
            out.push(mix(WN_FILE, f, 0));
            files &= files - 1;
        }
    }
    if in_name {
        out.push(mix(IN_NAME, u64::from(me.shape), 0));
    }
}
