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
    // Most words are ASCII, where a byte is a character: one pass over the bytes.
    let (first_upper, rest_upper, rest_lower) = match raw.as_bytes().split_first() {
        Some((first, rest)) if raw.is_ascii() => (
            first.is_ascii_uppercase(),
            rest.iter().any(u8::is_ascii_uppercase),
            rest.iter().any(u8::is_ascii_lowercase),
        ),
        _ => (
            raw.chars().next().is_some_and(char::is_uppercase),
            raw.chars().skip(1).any(char::is_uppercase),
            raw.chars().skip(1).any(char::is_lowercase),
        ),
    };
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

/// What the model reads of one word (its shape aside: see [`shape_of`]).
pub(crate) fn word_info(t: ModelToken<'_>) -> WordInfo {
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
    let (lemma, senses) = if t.kind == TokenKind::Word && !never_event(c) && !t.lower.is_empty() {
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
        shape: shape_of(t),
        suffix2: suffix(t.lower, 2),
        suffix3: suffix(t.lower, 3),
        suffix4: suffix(t.lower, 4),
    }
}

/// The shape of a word as [`WordInfo`] keeps it: all that differs between two occurrences of
/// one lower-case word.
pub(crate) fn shape_of(t: ModelToken<'_>) -> u8 {
    if t.in_timex {
        0
    } else {
        shape(t.raw, t.kind)
    }
}

impl WordInfo {
    /// The same word with another shape.
    pub(crate) fn with_shape(mut self, shape: u8) -> Self {
        self.shape = shape;
        self
    }
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

/// The bits of what WordNet says a word can be: noun, verb, adjective.
fn pos_bits(me: &WordInfo) -> u64 {
    me.senses.map_or(0u64, |s| {
        u64::from(s.noun != 0) | u64::from(s.verb != 0) << 1 | u64::from(s.adjective) << 2
    })
}

/// The most values [`pos_bits`] takes.
pub(crate) const POS_VALUES: usize = 8;
/// The most values a word's shape takes.
pub(crate) const SHAPE_VALUES: usize = 5;
/// The most values `aux_before`'s distance takes (1 to 5).
pub(crate) const AUX_DISTANCES: usize = 6;

// One function per template that reads only closed-class values: the model sums their weights
// in advance, once per value (`model::ClassTables`), and `features` lists them for training.

pub(crate) fn bias_feature() -> u64 {
    mix(BIAS, 0, 0)
}
pub(crate) fn shape_feature(shape: u8, first: bool) -> u64 {
    mix(SHAPE, u64::from(shape), u64::from(first))
}
pub(crate) fn prev_cue_feature(prev: u64) -> u64 {
    mix(PREV_CUE, prev, 0)
}
pub(crate) fn prev_cues_feature(prev2: u64, prev: u64) -> u64 {
    mix(PREV_CUES, prev2, prev)
}
pub(crate) fn next_cue_feature(next: u64) -> u64 {
    mix(NEXT_CUE, next, 0)
}
pub(crate) fn aux_feature(aux: u64, distance: u64) -> u64 {
    mix(AUX, aux, distance)
}
pub(crate) fn pos_aux_feature(pos: u64, aux: u64) -> u64 {
    mix(WN_POS_PREV_CUE, pos, aux)
}
pub(crate) fn in_name_feature(shape: u8) -> u64 {
    mix(IN_NAME, u64::from(shape), 0)
}

/// The features that read word `me` alone, the same wherever it stands: its form, lemma,
/// three suffixes and WordNet parts of speech ...
pub(crate) fn own_features(me: &WordInfo) -> [u64; 6] {
    [
        mix(WORD, me.word, 0),
        mix(LEMMA, me.lemma, 0),
        mix(SUF2, me.suffix2, 0),
        mix(SUF3, me.suffix3, 0),
        mix(SUF4, me.suffix4, 0),
        mix(WN_POS, pos_bits(me), 0),
    ]
}

/// ... and, appended, what WordNet says of its senses.
pub(crate) fn sense_features(me: &WordInfo, out: &mut Vec<u64>) {
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
}

/// The features a word reads of its neighbour `offset` words away (-2, -1, 1 or 2): `w`, or
/// the sentence's edge when there is no word there. Its form, and for a next neighbour
/// (-1 or 1) its lemma.
pub(crate) fn neighbour_features(w: Option<&WordInfo>, offset: isize) -> (u64, Option<u64>) {
    let word = w.map_or(NONE_HASH.wrapping_add(offset as u64), |w| w.word);
    let lemma = w.map_or(NONE_HASH, |w| w.lemma);
    match offset {
        -1 => (mix(PREV1, word, 0), Some(mix(PREV_LEMMA, lemma, 0))),
        1 => (mix(NEXT1, word, 0), Some(mix(NEXT_LEMMA, lemma, 0))),
        2 => (mix(NEXT2, word, 0), None),
        _ => (mix(PREV2, word, 0), None),
    }
}

/// The closed-class values the features of word `i` read: its shape, the cues of its
/// neighbours, the auxiliary before it and its distance, and its WordNet parts of speech.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    pub shape: u8,
    pub first: bool,
    pub prev2: u64,
    pub prev: u64,
    pub next: u64,
    pub aux: u64,
    pub distance: u64,
    pub pos: u64,
}

/// The closed-class values of word `i`.
pub(crate) fn context(infos: &[WordInfo], i: usize) -> Context {
    let cue_at = |k: isize| {
        i.checked_add_signed(k)
            .and_then(|j| infos.get(j))
            .map_or(if k < 0 { Cue::Start } else { Cue::End }, |w| w.cue) as u64
    };
    let (aux, distance) = aux_before(infos, i);
    Context {
        shape: infos[i].shape,
        first: i == 0,
        prev2: cue_at(-2),
        prev: cue_at(-1),
        next: cue_at(1),
        aux: aux as u64,
        distance: distance as u64,
        pos: pos_bits(&infos[i]),
    }
}

/// The features of word `i` that pair it with a neighbour or a cue: those that can be summed
/// neither per word nor per closed-class value.
pub(crate) fn pair_features(infos: &[WordInfo], i: usize, c: &Context) -> [u64; 5] {
    let me = &infos[i];
    let word_at = |k: isize| {
        i.checked_add_signed(k)
            .and_then(|j| infos.get(j))
            .map_or(NONE_HASH.wrapping_add(k as u64), |w| w.word)
    };
    [
        mix(PREV_WORD, word_at(-1), me.word),
        mix(WORD_NEXT, me.word, word_at(1)),
        mix(LEMMA_PREV_CUE, me.lemma, c.prev),
        mix(LEMMA_NEXT_CUE, me.lemma, c.next),
        mix(SUF3_PREV_CUE, me.suffix3, c.aux),
    ]
}

/// Appends the features of word `i` of a sentence to `out`; `in_name` says whether it lies in
/// the name of a person, organisation or place. The model sums the same features in groups
/// (`model::ClassTables`, a test checks they agree); the order here is the one the shipped
/// weights were trained in (training sums floating-point weights in this order).
pub(crate) fn features(infos: &[WordInfo], i: usize, in_name: bool, out: &mut Vec<u64>) {
    let me = &infos[i];
    let at = |k: isize| -> Option<&WordInfo> { i.checked_add_signed(k).and_then(|j| infos.get(j)) };
    let c = context(infos, i);
    let [prev_word, word_next, lemma_prev_cue, lemma_next_cue, suf3_prev_cue] =
        pair_features(infos, i, &c);
    let (prev2, _) = neighbour_features(at(-2), -2);
    let (prev1, prev_lemma) = neighbour_features(at(-1), -1);
    let (next1, next_lemma) = neighbour_features(at(1), 1);
    let (next2, _) = neighbour_features(at(2), 2);
    let [word, lemma, suf2, suf3, suf4, wn_pos] = own_features(me);
    out.extend([bias_feature(), word, lemma, suf2, suf3, suf4]);
    out.push(shape_feature(c.shape, c.first));
    out.extend([prev1, prev2, next1, next2, prev_word, word_next]);
    out.push(prev_cue_feature(c.prev));
    out.push(prev_cues_feature(c.prev2, c.prev));
    out.push(next_cue_feature(c.next));
    out.extend([lemma_prev_cue, lemma_next_cue]);
    out.extend(next_lemma);
    out.extend(prev_lemma);
    out.push(aux_feature(c.aux, c.distance));
    out.push(suf3_prev_cue);
    out.push(wn_pos);
    out.push(pos_aux_feature(c.pos, c.aux));
    sense_features(me, out);
    if in_name {
        out.push(in_name_feature(me.shape));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape by characters, as it was read before the ASCII pass.
    fn shape_by_chars(raw: &str) -> u8 {
        let first_upper = raw.chars().next().is_some_and(char::is_uppercase);
        let rest_upper = raw.chars().skip(1).any(char::is_uppercase);
        let rest_lower = raw.chars().skip(1).any(char::is_lowercase);
        match (first_upper, rest_upper, rest_lower) {
            (false, _, _) => 1,
            (true, true, false) => 2,
            (true, false, _) => 3,
            (true, true, true) => 4,
        }
    }

    #[test]
    fn shapes_of_ascii_words_are_read_by_bytes_as_by_characters() {
        for w in [
            "", "a", "A", "ab", "Ab", "AB", "aB", "McDonald", "U.S.", "NATO", "iPhone", "x1", "X1",
            "Über", "ÜBER", "über", "Émile", "ÉMILE", "don't", "Don’t",
        ] {
            assert_eq!(shape(w, TokenKind::Word), shape_by_chars(w), "{w:?}");
        }
    }
}
