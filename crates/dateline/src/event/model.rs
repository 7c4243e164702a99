//! The learned event model: which words are events, and their TimeML class, tense and aspect.
//!
//! Averaged perceptrons (Collins 2002; Freund and Schapire's averaging) over sparse features
//! ([`super::features`]): one multiclass head decides whether a word is an event and its class,
//! two more its tense and aspect. A perceptron trains in seconds on TimeBank, is deterministic
//! given the order of its examples, needs no tuning beyond the number of passes, and predicts
//! with one table lookup per feature; averaging makes it as accurate as a maximum-entropy model
//! on this kind of task. The shipped weights (`data/event_model.bin`) are made by
//! `dateline train events` and read once, at first use.

use std::sync::LazyLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::features::{self, Cue, ModelToken, WordInfo, FEATURE_SET};
use super::{Aspect, EventClass, Tense};
use crate::entity::Entities;
use crate::text::{Segmented, TokenKind};
use crate::time::Timex;
use crate::vocab::wordnet;
use crate::Error;

/// The most labels a head has.
const MAX_LABELS: usize = 8;

/// The labels of the class head: no event, then the TimeML classes.
const CLASS_LABELS: [&str; 8] = [
    "NONE",
    "OCCURRENCE",
    "REPORTING",
    "I_ACTION",
    "STATE",
    "I_STATE",
    "ASPECTUAL",
    "PERCEPTION",
];
const TENSE_LABELS: [&str; 7] = [
    "NONE",
    "PAST",
    "PRESENT",
    "FUTURE",
    "INFINITIVE",
    "PRESPART",
    "PASTPART",
];
const ASPECT_LABELS: [&str; 4] = [
    "NONE",
    "PERFECTIVE",
    "PROGRESSIVE",
    "PERFECTIVE_PROGRESSIVE",
];

/// The heads of the model, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadKind {
    Class,
    Tense,
    Aspect,
    Anchor,
}

/// The one "label" of the anchor head: it scores a candidate anchor, and the best-scoring
/// candidate wins ([`super::anchor`]).
const ANCHOR_LABELS: [&str; 1] = ["SCORE"];

const N_HEADS: usize = 4;

const HEADS: [(HeadKind, &str, &[&str]); N_HEADS] = [
    (HeadKind::Class, "class", &CLASS_LABELS),
    (HeadKind::Tense, "tense", &TENSE_LABELS),
    (HeadKind::Aspect, "aspect", &ASPECT_LABELS),
    (HeadKind::Anchor, "anchor", &ANCHOR_LABELS),
];

/// The file's first bytes and its format version.
const MAGIC: &[u8; 8] = b"DLEVENT\n";
const FORMAT: u16 = 2;

/// The weights of one feature: per head, one per label.
type Row = [[i16; MAX_LABELS]; N_HEADS];

/// A slot of the feature table holds a row number in its low bits and the key's high bits
/// above them, so that a look-up reads one 8-byte word.
const ROW_BITS: u32 = 20;
const ROW_MASK: u64 = (1 << ROW_BITS) - 1;
/// The most rows a model may have.
const MAX_ROWS: usize = 1 << ROW_BITS;

/// The part of a key a slot keeps: never 0, which marks an empty slot. Two keys that share
/// these 44 bits and a probe run would read each other's weights; among the few hundred
/// thousand keys of a model and the dozens of look-ups per word this does not happen in
/// practice, and the table builder keeps the first such key (see `with_weights`).
#[inline]
fn fingerprint(key: u64) -> u64 {
    (key >> ROW_BITS).max(1)
}

/// A trained event model.
///
/// # Examples
///
/// The shipped model, saved and read back:
///
/// ```
/// use dateline::event::EventModel;
///
/// let model = EventModel::shipped();
/// let bytes = model.to_bytes();
/// let again = EventModel::from_bytes(&bytes).unwrap();
/// assert_eq!(again.to_bytes(), bytes);
/// assert!(EventModel::from_bytes(b"not a model").is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EventModel {
    /// Feature keys with the row of their weights: an open-addressing table, 0 for an empty
    /// slot; its length is a power of 2. Every word reads the class head and only events the
    /// others, so the class weights have a table of their own: what every word touches is a
    /// few megabytes, which the caches hold (see `benches/tag.rs`, group `events`).
    slots: Vec<u64>,
    /// The class head's weights, scaled to `i16`, one row per feature.
    class_weights: Vec<[i16; MAX_LABELS]>,
    /// The other heads' weights (tense, aspect, anchor), likewise.
    other_weights: Vec<[[i16; MAX_LABELS]; N_HEADS - 1]>,
    /// Per head, what one unit of an `i16` weight is worth.
    scales: [f32; N_HEADS],
    /// Per head, how many labels it has.
    labels: [usize; N_HEADS],
    /// The key of each row, in row order (for writing the file back).
    keys: Vec<u64>,
    /// Added to an event label's score against "no event": above 0 the model finds more
    /// events, fewer of them right (see [`TrainOptions::event_bias`]).
    event_bias: f32,
    /// The class head's weights summed in advance over closed-class feature values.
    tables: ClassTables,
    /// The anchor head's weights, the only ones [`Self::rank`] reads (see [`AnchorWeights`]).
    anchors: AnchorWeights,
    /// Names this model's entries in the per-thread memo of word sums.
    id: ModelId,
}

/// The anchor head's weights by the fingerprint of their key: a few thousand, where the
/// feature table has a hundred thousand rows, so that ranking an event's anchors reads a table
/// the caches hold. Each weight is that of the row [`EventModel::row`] finds for the key (`None`
/// where keys of one fingerprint differ): a feature whose fingerprint is not here finds a row
/// without anchor weight, or none, in the feature table too.
type AnchorWeights = FxHashMap<u64, Option<(u64, i16)>>;

/// The class head's score parts: one per label.
type Sums = [i32; MAX_LABELS];

/// Of the features of a word, those that read only small closed sets of values (shape, cues,
/// the auxiliary before it, WordNet's parts of speech), with the class head's weights summed
/// per value: a word's class score adds a handful of these to its memoized word sums
/// ([`WordSums`]) and looks up only the features that pair it with a neighbour.
#[derive(Debug, Clone, PartialEq, Default)]
struct ClassTables {
    bias: Sums,
    /// By shape × whether the word opens the sentence.
    shape: Vec<Sums>,
    prev_cue: Vec<Sums>,
    /// By the cue two words before × the cue one word before.
    prev_cues: Vec<Sums>,
    next_cue: Vec<Sums>,
    /// By auxiliary cue × distance.
    aux: Vec<Sums>,
    /// By WordNet parts of speech × auxiliary cue.
    pos_aux: Vec<Sums>,
    /// By shape, for a word in a name.
    in_name: Vec<Sums>,
    /// What the sentence's edge adds where a word has no neighbour at -2, -1, 1, 2.
    edge: [Sums; 4],
}

/// The number of cue classes (the last is [`Cue::Timex`]).
const N_CUES: usize = Cue::Timex as usize + 1;
/// The neighbour offsets whose features a word's sums cover, in [`WordSums`] order after its own.
const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// What one word type adds to a class score: as the word scored, and as its neighbour at
/// -2, -1, 1 and 2.
type WordSums = [Sums; 5];

/// A model's identity for memos: every model built gets a new one. Models that are equal
/// (a clone) may share memo entries, so equality ignores it.
#[derive(Debug, Clone, Copy)]
struct ModelId(u64);

impl PartialEq for ModelId {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl ModelId {
    fn next() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        ModelId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// The most word types a thread keeps (about 250 bytes each).
const MEMO_CAPACITY: usize = 1 << 16;

/// A word type as the model reads it, and its class sums for the model `model` names.
struct WordMemo {
    info: WordInfo,
    model: u64,
    sums: WordSums,
}

/// The word types a thread has met: a small index of their keys, the memos end to end in the
/// order met. A look-up reads the index, which the caches hold, and one memo; the frequent
/// words, met first, sit together at the front.
#[derive(Default)]
struct WordMemos {
    /// (hash of the lower-case word, its kind, whether in a temporal expression) → where its
    /// memo is in `memos`.
    index: FxHashMap<(u64, u8, bool), u32>,
    memos: Vec<WordMemo>,
}

thread_local! {
    /// Per thread, what the model reads of each word type. News repeats its words: most are
    /// looked up here, not in WordNet and the weight table again.
    static WORDS: std::cell::RefCell<WordMemos> = std::cell::RefCell::new(WordMemos::default());
}

impl ClassTables {
    /// The tables of a model's weights.
    fn of(model: &EventModel) -> Self {
        let one = |key: u64| model.class_row(key);
        let cues = 0..N_CUES as u64;
        let edge = NEIGHBOURS.map(|offset| model.neighbour_sum(None, offset));
        ClassTables {
            bias: one(features::bias_feature()),
            shape: (0..features::SHAPE_VALUES as u8)
                .flat_map(|shape| {
                    [false, true].map(|first| one(features::shape_feature(shape, first)))
                })
                .collect(),
            prev_cue: cues
                .clone()
                .map(|c| one(features::prev_cue_feature(c)))
                .collect(),
            prev_cues: cues
                .clone()
                .flat_map(|c2| cues.clone().map(move |c1| (c2, c1)))
                .map(|(c2, c1)| one(features::prev_cues_feature(c2, c1)))
                .collect(),
            next_cue: cues
                .clone()
                .map(|c| one(features::next_cue_feature(c)))
                .collect(),
            aux: cues
                .clone()
                .flat_map(|c| (0..features::AUX_DISTANCES as u64).map(move |d| (c, d)))
                .map(|(c, d)| one(features::aux_feature(c, d)))
                .collect(),
            pos_aux: (0..features::POS_VALUES as u64)
                .flat_map(|p| cues.clone().map(move |c| (p, c)))
                .map(|(p, c)| one(features::pos_aux_feature(p, c)))
                .collect(),
            in_name: (0..features::SHAPE_VALUES as u8)
                .map(|shape| one(features::in_name_feature(shape)))
                .collect(),
            edge,
        }
    }

    /// Adds the tables' part of a word's class score.
    fn add_to(&self, sum: &mut Sums, c: &features::Context, in_name: bool) {
        let at = |table: &[Sums], i: u64| {
            usize::try_from(i)
                .ok()
                .and_then(|i| table.get(i))
                .copied()
                .unwrap_or([0; MAX_LABELS])
        };
        let n = N_CUES as u64;
        add(sum, &self.bias);
        add(
            sum,
            &at(&self.shape, u64::from(c.shape) * 2 + u64::from(c.first)),
        );
        add(sum, &at(&self.prev_cue, c.prev));
        add(sum, &at(&self.prev_cues, c.prev2 * n + c.prev));
        add(sum, &at(&self.next_cue, c.next));
        add(
            sum,
            &at(
                &self.aux,
                c.aux * features::AUX_DISTANCES as u64 + c.distance,
            ),
        );
        add(sum, &at(&self.pos_aux, c.pos * n + c.aux));
        if in_name {
            add(sum, &at(&self.in_name, u64::from(c.shape)));
        }
    }
}

fn add(a: &mut Sums, b: &Sums) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

static SHIPPED: LazyLock<EventModel> = LazyLock::new(|| {
    // The file is part of the crate and tested; an unreadable one gives a model that finds no
    // events rather than a panic.
    EventModel::from_bytes(include_bytes!("../../data/event_model.bin"))
        .unwrap_or_else(|_| EventModel::empty())
});

/// What the model says of one word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Prediction {
    pub class: Option<EventClass>,
    /// The margin of the best label over "no event" (or of "no event" over the best, negative),
    /// in weight units: how sure the model is.
    pub margin: f32,
    pub tense: Tense,
    pub aspect: Aspect,
}

impl EventModel {
    /// The model shipped with the crate, trained on TimeBank and AQUAINT
    /// (`dateline train events`).
    pub fn shipped() -> &'static EventModel {
        &SHIPPED
    }

    fn empty() -> Self {
        EventModel {
            slots: vec![0; 1],
            class_weights: Vec::new(),
            other_weights: Vec::new(),
            scales: [1.0; N_HEADS],
            labels: HEADS.map(|h| h.2.len()),
            keys: Vec::new(),
            event_bias: 0.0,
            tables: ClassTables::default(),
            anchors: AnchorWeights::default(),
            id: ModelId::next(),
        }
    }

    /// How many features have weights.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the model has no weights (it finds no event).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn from_rows(rows: Vec<(u64, [[f32; MAX_LABELS]; N_HEADS])>) -> Self {
        let mut max = [0f32; N_HEADS];
        for (_, w) in &rows {
            for h in 0..N_HEADS {
                for &x in &w[h] {
                    max[h] = max[h].max(x.abs());
                }
            }
        }
        let scales = max.map(|m| {
            if m > 0.0 {
                m / f32::from(i16::MAX)
            } else {
                1.0
            }
        });
        let mut keys = Vec::with_capacity(rows.len());
        let mut weights: Vec<Row> = Vec::with_capacity(rows.len());
        for (key, w) in rows {
            let q: [[i16; MAX_LABELS]; N_HEADS] = std::array::from_fn(|h| {
                std::array::from_fn(|l| {
                    // Within ±i16::MAX by the choice of scale.
                    (w[h][l] / scales[h]).round() as i16
                })
            });
            if q.iter().all(|r| r.iter().all(|&x| x == 0)) {
                continue;
            }
            keys.push(key);
            weights.push(q);
        }
        Self::with_weights(keys, weights, scales)
    }

    /// The model of `keys` and their rows of `weights` (at most [`MAX_ROWS`]; `from_bytes`
    /// checks, and training makes far fewer).
    fn with_weights(keys: Vec<u64>, weights: Vec<Row>, scales: [f32; N_HEADS]) -> Self {
        let cap = (keys.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u64; cap];
        'keys: for (row, &key) in keys.iter().enumerate().take(MAX_ROWS) {
            let fp = fingerprint(key);
            let mut s = slot_of(key, cap);
            while slots[s] != 0 {
                if slots[s] >> ROW_BITS == fp {
                    // A key whose fingerprint an earlier key of its probe run has: unreachable.
                    continue 'keys;
                }
                s = (s + 1) & (cap - 1);
            }
            slots[s] = fp << ROW_BITS | row as u64;
        }
        let class_weights = weights.iter().map(|w| w[0]).collect();
        let other_weights = weights.iter().map(|w| [w[1], w[2], w[3]]).collect();
        let mut model = EventModel {
            slots,
            class_weights,
            other_weights,
            scales,
            labels: HEADS.map(|h| h.2.len()),
            keys,
            event_bias: 0.0,
            tables: ClassTables::default(),
            anchors: AnchorWeights::default(),
            id: ModelId::next(),
        };
        model.tables = ClassTables::of(&model);
        model.anchors = model.anchor_weights();
        model
    }

    /// The anchor head's weights of every key, by fingerprint (see [`AnchorWeights`]).
    fn anchor_weights(&self) -> AnchorWeights {
        let mut anchors = AnchorWeights::default();
        for &key in &self.keys {
            let w = self.anchor_row(key);
            if w == 0 {
                continue;
            }
            anchors
                .entry(fingerprint(key))
                .and_modify(|e| {
                    if e.is_some_and(|(k, _)| k != key) {
                        *e = None;
                    }
                })
                .or_insert(Some((key, w)));
        }
        anchors
    }

    /// The anchor head's weight of a feature, from the feature table.
    fn anchor_row(&self, key: u64) -> i16 {
        self.row(key)
            .and_then(|r| self.head_row(3, r))
            .map_or(0, |w| w[0])
    }

    /// The anchor head's weight of a feature: [`Self::anchor_row`], from the small table.
    #[inline]
    fn anchor_weight(&self, key: u64) -> i16 {
        match self.anchors.get(&fingerprint(key)) {
            None => 0,
            Some(&Some((k, w))) if k == key => w,
            Some(_) => self.anchor_row(key),
        }
    }

    /// The class head's weights of one feature, or zeros.
    fn class_row(&self, key: u64) -> Sums {
        self.row(key)
            .and_then(|r| self.class_weights.get(r))
            .map_or([0; MAX_LABELS], |w| w.map(i32::from))
    }

    /// The class head's weights summed over `keys`.
    fn class_sum(&self, keys: &[u64]) -> Sums {
        let mut sum = [0; MAX_LABELS];
        for &k in keys {
            add(&mut sum, &self.class_row(k));
        }
        sum
    }

    /// What a word type adds to the class scores of the words around it and its own.
    fn word_sums(&self, w: &WordInfo) -> WordSums {
        let mut keys = features::own_features(w).to_vec();
        features::sense_features(w, &mut keys);
        let mut sums = [[0; MAX_LABELS]; 5];
        sums[0] = self.class_sum(&keys);
        for (k, &offset) in NEIGHBOURS.iter().enumerate() {
            // What the word `-offset` away reads of this word, its neighbour at `offset`.
            sums[k + 1] = self.neighbour_sum(Some(w), offset);
        }
        sums
    }

    /// The class sums of the features a word reads of its neighbour at `offset`.
    fn neighbour_sum(&self, w: Option<&WordInfo>, offset: isize) -> Sums {
        let (word, lemma) = features::neighbour_features(w, offset);
        let mut sum = self.class_row(word);
        if let Some(lemma) = lemma {
            add(&mut sum, &self.class_row(lemma));
        }
        sum
    }

    /// The weights of `head` in row `row`.
    #[inline]
    fn head_row(&self, head: usize, row: usize) -> Option<&[i16; MAX_LABELS]> {
        match head {
            0 => self.class_weights.get(row),
            h => self.other_weights.get(row).and_then(|w| w.get(h - 1)),
        }
    }

    #[inline]
    fn row(&self, key: u64) -> Option<usize> {
        let cap = self.slots.len();
        let fp = fingerprint(key);
        let mut s = slot_of(key, cap);
        loop {
            let slot = self.slots[s];
            if slot >> ROW_BITS == fp {
                return Some((slot & ROW_MASK) as usize);
            }
            if slot == 0 {
                return None;
            }
            s = (s + 1) & (cap - 1);
        }
    }

    /// The model as its file: a header, then per head its labels, then the rows.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.keys.len() * (9 + 2 * MAX_LABELS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        out.extend_from_slice(&(HEADS.len() as u16).to_le_bytes());
        for (h, (_, name, labels)) in HEADS.iter().enumerate() {
            out.push(name.len() as u8);
            out.extend_from_slice(name.as_bytes());
            out.push(labels.len() as u8);
            for l in *labels {
                out.push(l.len() as u8);
                out.extend_from_slice(l.as_bytes());
            }
            out.extend_from_slice(&self.scales[h].to_le_bytes());
        }
        out.extend_from_slice(&self.event_bias.to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        // Each row: its key, a byte whose bit h says head h has weights there, then those.
        for (row, key) in self.keys.iter().enumerate() {
            out.extend_from_slice(&key.to_le_bytes());
            let of = |h: usize| {
                self.head_row(h, row)
                    .map_or(&[][..], |w| &w[..self.labels[h]])
            };
            let mask = (0..N_HEADS).fold(0u8, |m, h| {
                m | (u8::from(of(h).iter().any(|&w| w != 0)) << h)
            });
            out.push(mask);
            for h in (0..N_HEADS).filter(|h| mask >> h & 1 == 1) {
                for &w in of(h) {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        out
    }

    /// Reads a model file.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidModel`] when the bytes are not a model file of this version, or were
    /// made with other features or labels.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(invalid(
                "not a dateline event model (bad magic bytes)".into(),
            ));
        }
        let format = r.u16()?;
        if format != FORMAT {
            return Err(invalid(format!(
                "file format {format}, this version reads format {FORMAT}"
            )));
        }
        let set = r.u16()?;
        if set != FEATURE_SET {
            return Err(invalid(format!(
                "made with feature set {set}, this version computes set {FEATURE_SET}: train it again"
            )));
        }
        if usize::from(r.u16()?) != HEADS.len() {
            return Err(invalid("wrong number of heads".into()));
        }
        let mut scales = [1f32; N_HEADS];
        for (h, (_, name, labels)) in HEADS.iter().enumerate() {
            let n = usize::from(r.u8()?);
            if r.take(n)? != name.as_bytes() {
                return Err(invalid(format!("head {h} is not {name:?}")));
            }
            let count = usize::from(r.u8()?);
            if count != labels.len() {
                return Err(invalid(format!("head {name:?} has {count} labels")));
            }
            for l in *labels {
                let n = usize::from(r.u8()?);
                if r.take(n)? != l.as_bytes() {
                    return Err(invalid(format!("head {name:?} lacks label {l}")));
                }
            }
            scales[h] = r.f32()?;
            if !scales[h].is_finite() || scales[h] <= 0.0 {
                return Err(invalid(format!("head {name:?} has scale {}", scales[h])));
            }
        }
        let event_bias = r.f32()?;
        if !event_bias.is_finite() {
            return Err(invalid(format!("event bias {event_bias}")));
        }
        let n = r.u32()? as usize;
        // Every row takes at least its key and mask.
        if bytes.len().saturating_sub(r.at) < n.saturating_mul(9) {
            return Err(invalid(format!(
                "{n} rows need at least {} bytes, the file has {} after its header",
                n.saturating_mul(9),
                bytes.len().saturating_sub(r.at)
            )));
        }
        let mut keys = Vec::with_capacity(n);
        if n > MAX_ROWS {
            return Err(invalid(format!(
                "{n} rows, this version reads at most {MAX_ROWS}"
            )));
        }
        let mut weights: Vec<Row> = vec![Row::default(); n];
        for (row, w) in weights.iter_mut().enumerate() {
            let key = r.u64()?;
            if key == 0 {
                return Err(invalid(format!("row {row} has key 0")));
            }
            keys.push(key);
            let mask = r.u8()?;
            for (h, (_, _, labels)) in HEADS.iter().enumerate() {
                if mask >> h & 1 == 0 {
                    continue;
                }
                // A head's weights in one read: a hundred thousand rows load at first use.
                let bytes = r.take(2 * labels.len())?;
                for (x, le) in w[h].iter_mut().zip(bytes.chunks_exact(2)) {
                    *x = i16::from_le_bytes([le[0], le[1]]);
                }
            }
        }
        if r.at != bytes.len() {
            return Err(invalid(format!(
                "{} bytes after the last row",
                bytes.len() - r.at
            )));
        }
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[0] == w[1]) {
            return Err(invalid("a feature key is given twice".into()));
        }
        let mut model = Self::with_weights(keys, weights, scales);
        model.event_bias = event_bias;
        Ok(model)
    }

    /// Scores of one head for a word's features, in weight units.
    fn scores(&self, head: usize, rows: &[usize]) -> [f32; MAX_LABELS] {
        let mut sum = [0i32; MAX_LABELS];
        for &row in rows {
            let Some(r) = self.head_row(head, row) else {
                continue;
            };
            for (s, &x) in sum.iter_mut().zip(r) {
                *s += i32::from(x);
            }
        }
        let scale = self.scales[head];
        sum.map(|s| s as f32 * scale)
    }

    /// What the model says of a word from its features (what [`Self::predict_word`] computes
    /// faster; the tests check they agree).
    #[cfg(test)]
    pub(crate) fn predict(&self, feats: &[u64], rows: &mut Vec<usize>) -> Prediction {
        rows.clear();
        rows.extend(feats.iter().filter_map(|&f| self.row(f)));
        let s = self.scores(0, rows);
        self.decide(s, rows)
    }

    /// What the model says of word `i` of a prepared sentence: the same as [`Self::predict`]
    /// over its features, with the class score summed from memoized parts and the features
    /// listed only for an event (for its tense and aspect).
    pub(crate) fn predict_word(
        &self,
        words: &SentenceTokens,
        i: usize,
        feats: &mut Vec<u64>,
        rows: &mut Vec<usize>,
    ) -> Prediction {
        let scale = self.scales[0];
        let s = words.class_sums(self, i).map(|x| x as f32 * scale);
        rows.clear();
        let n = self.labels[0];
        let event = 1 + argmax(&s[1..n]);
        if s[event] - s[0] + self.event_bias > 0.0 {
            feats.clear();
            words.features_of(i, feats);
            rows.extend(feats.iter().filter_map(|&f| self.row(f)));
        }
        self.decide(s, rows)
    }

    /// The class from the class head's scores; tense and aspect, for an event, from the rows
    /// of its features.
    fn decide(&self, s: [f32; MAX_LABELS], rows: &[usize]) -> Prediction {
        let n = self.labels[0];
        let event = 1 + argmax(&s[1..n]);
        let margin = s[event] - s[0];
        let best = if margin + self.event_bias > 0.0 {
            event
        } else {
            0
        };
        let class = EventClass::from_label(CLASS_LABELS[best]);
        let (tense, aspect) = if class.is_some() {
            let t = self.scores(1, rows);
            let a = self.scores(2, rows);
            (
                Tense::from_label(TENSE_LABELS[argmax(&t[..self.labels[1]])]),
                Aspect::from_label(ASPECT_LABELS[argmax(&a[..self.labels[2]])]),
            )
        } else {
            (Tense::None, Aspect::None)
        };
        Prediction {
            class,
            margin,
            tense,
            aspect,
        }
    }

    /// The best of an event's candidate anchors, by their features, and its margin over the
    /// next best (in weight units).
    pub(crate) fn rank(&self, candidates: &[&[u64]]) -> (usize, f32) {
        let scale = self.scales[3];
        let mut best = (0usize, f32::NEG_INFINITY);
        let mut second = f32::NEG_INFINITY;
        for (j, feats) in candidates.iter().enumerate() {
            let s: i32 = feats
                .iter()
                .map(|&f| i32::from(self.anchor_weight(f)))
                .sum();
            let s = s as f32 * scale;
            if s > best.1 {
                second = best.1;
                best = (j, s);
            } else if s > second {
                second = s;
            }
        }
        (best.0, best.1 - second)
    }

    /// Trains a model on annotated documents.
    ///
    /// Each document is read as [`extract`](crate::extract) reads it (sentences, temporal
    /// expressions, names); each of its words that the features cover is an example, labelled
    /// with the class, tense and aspect of the annotated event it falls in, or with "no event".
    /// Examples are visited in an order fixed by `options.seed`: the same documents and options
    /// give the same model.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::event::{Aspect, EventClass, EventModel, Tense, TrainOptions, TrainingDocument, TrainingEvent};
    ///
    /// let text = "The minister resigned on Monday. Protesters gathered outside.";
    /// let event = |word: &str, tense| {
    ///     let start = text.find(word).unwrap();
    ///     TrainingEvent {
    ///         start,
    ///         end: start + word.len(),
    ///         class: EventClass::Occurrence,
    ///         tense: Some(tense),
    ///         aspect: Some(Aspect::None),
    ///         anchors: Vec::new(),
    ///     }
    /// };
    /// let doc = TrainingDocument {
    ///     text: text.to_owned(),
    ///     published: None,
    ///     events: vec![event("resigned", Tense::Past), event("gathered", Tense::Past)],
    /// };
    /// let model = EventModel::train(&[doc], &TrainOptions::default());
    /// assert!(!model.is_empty());
    /// ```
    pub fn train(documents: &[TrainingDocument], options: &TrainOptions) -> EventModel {
        let mut examples = Examples::of(documents);
        examples.drop_rare(options.min_count);
        let mut heads: Vec<Perceptron> = HEADS.iter().map(|_| Perceptron::default()).collect();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = options.seed | 1;
        for _ in 0..options.epochs {
            shuffle(&mut order, &mut rng);
            for &i in &order {
                let feats = examples.features(i);
                let (class, tense, aspect) = examples.labels[i];
                heads[0].learn(feats, usize::from(class), CLASS_LABELS.len());
                // Attributes are learned on events only: they are read only for events.
                if class != 0 {
                    if let Some(t) = tense {
                        heads[1].learn(feats, usize::from(t), TENSE_LABELS.len());
                    }
                    if let Some(a) = aspect {
                        heads[2].learn(feats, usize::from(a), ASPECT_LABELS.len());
                    }
                }
            }
        }
        let anchor_head = heads.pop().unwrap_or_default();
        let mut words = Self::from_heads(heads.into_iter().map(Perceptron::averaged).collect());
        words.event_bias = options.event_bias;
        // Anchoring is learned on what the pipeline sees: each training document is read with
        // the word model just trained, and each trigger that is an annotated event with an
        // anchor gives one ranking of its candidates.
        let rankings = rankings(documents, &words);
        let mut anchor_head = anchor_head;
        let mut ranking_order: Vec<usize> = (0..rankings.len()).collect();
        for _ in 0..options.epochs {
            shuffle(&mut ranking_order, &mut rng);
            for &r in &ranking_order {
                let ranking = &rankings[r];
                let feats: Vec<&[u64]> = ranking.candidates.iter().map(Vec::as_slice).collect();
                anchor_head.learn_rank(&feats, &ranking.right);
            }
        }
        let mut averaged = words.heads_averaged();
        averaged[3] = anchor_head.averaged();
        let mut model = Self::from_heads(averaged);
        model.event_bias = options.event_bias;
        model
    }

    /// A model from the averaged weights of each head.
    fn from_heads(averaged: Vec<FxHashMap<u64, [f32; MAX_LABELS]>>) -> Self {
        let mut keys: Vec<u64> = averaged.iter().flat_map(|h| h.keys().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        let rows = keys
            .into_iter()
            .map(|k| {
                let w: [[f32; MAX_LABELS]; N_HEADS] = std::array::from_fn(|h| {
                    averaged
                        .get(h)
                        .and_then(|m| m.get(&k))
                        .copied()
                        .unwrap_or_default()
                });
                (k, w)
            })
            .collect();
        Self::from_rows(rows)
    }

    /// The weights of each head, read back from the table (as quantized).
    fn heads_averaged(&self) -> Vec<FxHashMap<u64, [f32; MAX_LABELS]>> {
        (0..N_HEADS)
            .map(|h| {
                self.keys
                    .iter()
                    .enumerate()
                    .filter_map(|(row, &k)| {
                        let w = self.head_row(h, row)?;
                        w.iter()
                            .any(|&x| x != 0)
                            .then(|| (k, std::array::from_fn(|l| f32::from(w[l]) * self.scales[h])))
                    })
                    .collect()
            })
            .collect()
    }
}

/// The anchoring examples of the training documents, read with `model`.
fn rankings(documents: &[TrainingDocument], model: &EventModel) -> Vec<Ranking> {
    let mut out = Vec::new();
    let mut log = Vec::new();
    for doc in documents {
        if doc.events.iter().all(|e| e.anchors.is_empty()) {
            continue;
        }
        let text = doc.text.as_str();
        let segmented = crate::text::segment(text);
        let timexes = crate::time::tag(text, &segmented, doc.published);
        let entities = crate::entity::recognize(text, &segmented);
        log.clear();
        super::find::find_events(
            text,
            &segmented,
            &timexes,
            &entities,
            doc.published,
            super::find::Predictions::Model(model),
            Some(&mut log),
        );
        let mut events: Vec<&TrainingEvent> = doc.events.iter().collect();
        events.sort_by_key(|e| e.start);
        for choice in log.drain(..) {
            let (start, end) = choice.trigger;
            let k = events.partition_point(|e| e.end <= start);
            let Some(e) = events.get(k).filter(|e| e.start < end) else {
                continue;
            };
            if e.anchors.is_empty() {
                continue;
            }
            let right: Vec<bool> = choice
                .candidates
                .iter()
                .map(|c| match *c {
                    None => e.anchors.contains(&TrainingAnchor::Creation),
                    Some((ts, te)) => e.anchors.iter().any(|a| match *a {
                        TrainingAnchor::Span { start, end } => ts < end && start < te,
                        TrainingAnchor::Creation => false,
                    }),
                })
                .collect();
            if right.contains(&true) {
                out.push(Ranking {
                    candidates: choice.features,
                    right,
                });
            }
        }
    }
    out
}

fn invalid(reason: String) -> Error {
    Error::InvalidModel { reason }
}

#[inline]
fn slot_of(key: u64, cap: usize) -> usize {
    // The key is a well-mixed hash already.
    (key >> 7) as usize & (cap - 1)
}

fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in s.iter().enumerate() {
        if x > s[best] {
            best = i;
        }
    }
    best
}

/// A deterministic Fisher-Yates shuffle (xorshift).
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(invalid(format!(
                "the file ends at byte {} inside its header",
                self.bytes.len()
            )));
        };
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.array::<1>()?[0])
    }
    fn u16(&mut self) -> Result<u16, Error> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_le_bytes(self.array()?))
    }
}

/// One head being trained: current weights and the sums that averaging needs.
#[derive(Default)]
struct Perceptron {
    index: FxHashMap<u64, usize>,
    weights: Vec<[f32; MAX_LABELS]>,
    /// Per weight, the sum of (update step × update): averaged weight = w − sum / steps.
    sums: Vec<[f64; MAX_LABELS]>,
    step: u64,
}

impl Perceptron {
    fn learn(&mut self, feats: &[u64], gold: usize, labels: usize) {
        self.step += 1;
        let mut s = [0f32; MAX_LABELS];
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for (x, w) in s.iter_mut().zip(&self.weights[r]) {
                    *x += w;
                }
            }
        }
        let guess = argmax(&s[..labels]);
        if guess == gold {
            return;
        }
        let step = self.step as f64;
        for &f in feats {
            let r = *self.index.entry(f).or_insert_with(|| {
                self.weights.push([0.0; MAX_LABELS]);
                self.sums.push([0.0; MAX_LABELS]);
                self.weights.len() - 1
            });
            self.weights[r][gold] += 1.0;
            self.weights[r][guess] -= 1.0;
            self.sums[r][gold] += step;
            self.sums[r][guess] -= step;
        }
    }

    /// One ranking update: the best-scoring candidate should be a right one.
    fn learn_rank(&mut self, candidates: &[&[u64]], right: &[bool]) {
        self.step += 1;
        let score = |feats: &[u64]| -> f32 {
            feats
                .iter()
                .filter_map(|f| self.index.get(f))
                .map(|&r| self.weights[r][0])
                .sum()
        };
        let scores: Vec<f32> = candidates.iter().map(|f| score(f)).collect();
        let guess = argmax(&scores);
        if right.get(guess) == Some(&true) {
            return;
        }
        // Towards the best-scoring right candidate.
        let Some(gold) = (0..candidates.len())
            .filter(|&j| right[j])
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        else {
            return;
        };
        let step = self.step as f64;
        for (j, delta) in [(gold, 1.0f32), (guess, -1.0)] {
            for &f in candidates[j] {
                let r = *self.index.entry(f).or_insert_with(|| {
                    self.weights.push([0.0; MAX_LABELS]);
                    self.sums.push([0.0; MAX_LABELS]);
                    self.weights.len() - 1
                });
                self.weights[r][0] += delta;
                self.sums[r][0] += step * f64::from(delta);
            }
        }
    }

    fn averaged(self) -> FxHashMap<u64, [f32; MAX_LABELS]> {
        let steps = self.step.max(1) as f64;
        self.index
            .into_iter()
            .map(|(k, r)| {
                let w = self.weights[r];
                let s = self.sums[r];
                let avg: [f32; MAX_LABELS] =
                    std::array::from_fn(|l| (f64::from(w[l]) - s[l] / steps) as f32);
                (k, avg)
            })
            .collect()
    }
}

/// A document annotated with its events, to train on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingDocument {
    /// The text.
    pub text: String,
    /// Its publication date, if known.
    pub published: Option<NaiveDate>,
    /// Its events, byte offsets into `text`.
    pub events: Vec<TrainingEvent>,
}

/// What anchors an annotated event in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingAnchor {
    /// The document creation time, the publication date.
    Creation,
    /// The time expression at these byte offsets.
    Span {
        /// Byte offset.
        start: usize,
        /// Byte offset one past it.
        end: usize,
    },
}

/// One annotated event: its span and TimeML attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingEvent {
    /// Byte offset of the event word.
    pub start: usize,
    /// Byte offset one past it.
    pub end: usize,
    /// Its TimeML class.
    pub class: EventClass,
    /// Its TimeML tense, if the annotation is to be learned from (machine-made annotations
    /// may follow other conventions for attributes than for spans).
    pub tense: Option<Tense>,
    /// Its TimeML aspect, likewise.
    pub aspect: Option<Aspect>,
    /// What anchors it (TimeBank's `IS_INCLUDED`, `DURING`, … links); empty where the
    /// annotation says nothing.
    pub anchors: Vec<TrainingAnchor>,
}

/// How to train an [`EventModel`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// Passes over the examples.
    pub epochs: usize,
    /// Fixes the order the examples are visited in.
    pub seed: u64,
    /// Features seen in fewer examples than this are left out: rare features add little and
    /// make the model file large.
    pub min_count: usize,
    /// Added to an event label's score against "no event" when the model reads: a timeline
    /// needs the happenings more than it fears a few words too many. In weight units of a
    /// model trained on TimeBank with the silver data (10-fold cross-validation on TimeBank:
    /// 0 gives span P 89.4 / R 88.0, 8 gives P 86.2 / R 90.7, F1 88.4 either way).
    pub event_bias: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 0x2545_f491_4f6c_dd1d,
            min_count: 3,
            event_bias: 8.0,
        }
    }
}

/// The examples of a set of documents: features end to end, and labels.
struct Examples {
    features: Vec<u64>,
    /// `features[at[i]..at[i + 1]]` are example i's.
    at: Vec<usize>,
    /// Class, tense and aspect label numbers; tense and aspect `None` where they are not to be
    /// learned from.
    labels: Vec<(u8, Option<u8>, Option<u8>)>,
}

/// One anchoring example: the features of an event's candidate anchors, and which of them the
/// annotation links the event to.
struct Ranking {
    candidates: Vec<Vec<u64>>,
    right: Vec<bool>,
}

impl Examples {
    fn len(&self) -> usize {
        self.labels.len()
    }

    fn features(&self, i: usize) -> &[u64] {
        &self.features[self.at[i]..self.at[i + 1]]
    }

    /// Removes the features seen in fewer than `min` examples.
    fn drop_rare(&mut self, min: usize) {
        if min <= 1 {
            return;
        }
        let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
        for &f in &self.features {
            *counts.entry(f).or_default() += 1;
        }
        let mut features = Vec::with_capacity(self.features.len());
        let mut at = Vec::with_capacity(self.at.len());
        at.push(0);
        for i in 0..self.len() {
            features.extend(
                self.features(i)
                    .iter()
                    .copied()
                    .filter(|f| counts.get(f).is_some_and(|&n| n >= min)),
            );
            at.push(features.len());
        }
        self.features = features;
        self.at = at;
    }

    fn of(documents: &[TrainingDocument]) -> Self {
        let mut ex = Examples {
            features: Vec::new(),
            at: vec![0],
            labels: Vec::new(),
        };
        let mut sentence = SentenceTokens::default();
        for doc in documents {
            let text = doc.text.as_str();
            let segmented = crate::text::segment(text);
            let timexes = crate::time::tag(text, &segmented, doc.published);
            let entities = crate::entity::recognize(text, &segmented);
            let mut events: Vec<&TrainingEvent> = doc.events.iter().collect();
            events.sort_by_key(|e| e.start);
            for si in 0..segmented.sentences.len() {
                sentence.fill(text, &segmented, si, &timexes, &entities, None);
                let s = &segmented.sentences[si];
                let tokens = &segmented.tokens[s.tokens.clone()];
                for (i, t) in tokens.iter().enumerate() {
                    if !sentence.candidate(i) {
                        continue;
                    }
                    // The annotated event this word falls in, if any.
                    let k = events.partition_point(|e| e.end <= t.start);
                    let label = match events.get(k) {
                        Some(e) if e.start < t.end => (
                            e.class.label_index(),
                            e.tense.map(|t| t as u8),
                            e.aspect.map(|a| a as u8),
                        ),
                        _ => (0, None, None),
                    };
                    sentence.features_of(i, &mut ex.features);
                    ex.at.push(ex.features.len());
                    ex.labels.push(label);
                }
            }
        }
        ex
    }
}

/// A sentence's words prepared for the model: kept from sentence to sentence for their
/// buffers.
#[derive(Default)]
pub(crate) struct SentenceTokens {
    lower: String,
    /// Where each word's lower-case form is in `lower`.
    spans: Vec<(usize, usize)>,
    raw: Vec<(usize, usize)>,
    kinds: Vec<TokenKind>,
    in_name: Vec<bool>,
    in_timex: Vec<bool>,
    infos: Vec<WordInfo>,
    text: String,
    /// Each word's memoized class sums ([`WordSums`]), for the model `sums_for` names.
    sums: Vec<WordSums>,
    sums_for: u64,
}

impl SentenceTokens {
    /// Prepares sentence `si` of a document, with the memoized class sums of its words for
    /// `model` when one is given (see [`EventModel::predict_word`]).
    pub(crate) fn fill(
        &mut self,
        text: &str,
        segmented: &Segmented,
        si: usize,
        timexes: &[Timex],
        entities: &Entities,
        model: Option<&EventModel>,
    ) {
        let Some(s) = segmented.sentences.get(si) else {
            return;
        };
        let tokens = segmented.tokens.get(s.tokens.clone()).unwrap_or_default();
        self.lower.clear();
        self.spans.clear();
        self.raw.clear();
        self.kinds.clear();
        self.in_name.clear();
        self.in_timex.clear();
        self.sums.clear();
        self.text.clear();
        self.text.push_str(text.get(s.start..s.end).unwrap_or(""));
        let t0 = timexes.partition_point(|t| t.end <= s.start);
        let m0 = entities.mentions.partition_point(|m| m.end <= s.start);
        let (mut ti, mut mi) = (t0, m0);
        for t in tokens {
            let raw = t.text(text);
            let at = self.lower.len();
            lower_into(&mut self.lower, raw);
            self.spans.push((at, self.lower.len()));
            self.raw.push((t.start - s.start, t.end - s.start));
            self.kinds.push(t.kind);
            while timexes.get(ti).is_some_and(|x| x.end <= t.start) {
                ti += 1;
            }
            self.in_timex.push(
                timexes
                    .get(ti)
                    .is_some_and(|x| x.start <= t.start && t.end <= x.end),
            );
            while entities.mentions.get(mi).is_some_and(|m| m.end <= t.start) {
                mi += 1;
            }
            self.in_name.push(
                entities
                    .mentions
                    .get(mi)
                    .is_some_and(|m| m.start <= t.start && t.end <= m.end),
            );
        }
        // A headline in title case ("Miner Quits After Spill") capitalizes its verbs and
        // nouns as a name is capitalized: there, a word WordNet knows reads as if written in
        // lower case, outside any name.
        let title_case = self.title_case();
        if title_case {
            for i in 0..self.spans.len() {
                let lower = self
                    .lower
                    .get(self.spans[i].0..self.spans[i].1)
                    .unwrap_or("");
                if wordnet::senses(features::lemma_of(lower)).is_some() {
                    self.in_name[i] = false;
                }
            }
        }
        let mut infos = std::mem::take(&mut self.infos);
        let mut sums = std::mem::take(&mut self.sums);
        infos.clear();
        sums.clear();
        WORDS.with(|memo| {
            let mut memo = memo.borrow_mut();
            let WordMemos { index, memos } = &mut *memo;
            for i in 0..self.spans.len() {
                let lower = self
                    .lower
                    .get(self.spans[i].0..self.spans[i].1)
                    .unwrap_or("");
                let raw = self.text.get(self.raw[i].0..self.raw[i].1).unwrap_or("");
                let t = ModelToken {
                    lower,
                    raw: if title_case && !self.in_name[i] {
                        lower
                    } else {
                        raw
                    },
                    kind: self.kinds[i],
                    in_timex: self.in_timex[i],
                };
                // All but the shape is the same for every occurrence of a lower-case word.
                let key = (features::fnv(lower.as_bytes()), t.kind as u8, t.in_timex);
                let new = |t| WordMemo {
                    info: features::word_info(t),
                    model: 0,
                    sums: [[0; MAX_LABELS]; 5],
                };
                let at = match index.get(&key) {
                    Some(&at) => Some(at as usize),
                    // Once full, the memo keeps the words it has, which are the frequent ones
                    // (met first), and the rare words are computed each time.
                    None if memos.len() < MEMO_CAPACITY => {
                        index.insert(key, memos.len() as u32);
                        memos.push(new(t));
                        Some(memos.len() - 1)
                    }
                    None => None,
                };
                let mut fresh;
                let entry = match at.and_then(|at| memos.get_mut(at)) {
                    Some(e) => e,
                    None => {
                        fresh = new(t);
                        &mut fresh
                    }
                };
                if let Some(m) = model {
                    if entry.model != m.id.0 {
                        entry.sums = m.word_sums(&entry.info);
                        entry.model = m.id.0;
                    }
                    sums.push(entry.sums);
                }
                infos.push(entry.info.with_shape(features::shape_of(t)));
            }
        });
        self.infos = infos;
        self.sums = sums;
        self.sums_for = model.map_or(0, |m| m.id.0);
    }

    /// Whether the sentence is written in title case: of its words of four letters or more
    /// (at least three), nearly all start with a capital.
    pub(crate) fn title_case(&self) -> bool {
        let (mut long, mut capitalized) = (0usize, 0usize);
        for i in 0..self.spans.len() {
            if self.kinds[i] != TokenKind::Word || self.spans[i].1 - self.spans[i].0 < 4 {
                continue;
            }
            long += 1;
            let raw = self.text.get(self.raw[i].0..self.raw[i].1).unwrap_or("");
            capitalized += usize::from(raw.chars().next().is_some_and(char::is_uppercase));
        }
        long >= 3 && capitalized * 5 >= long * 4
    }

    /// The lower-case form of word `i`.
    pub(crate) fn lower(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(a, b)| self.lower.get(a..b))
            .unwrap_or("")
    }

    /// What the model reads of word `i`.
    pub(crate) fn info(&self, i: usize) -> Option<&WordInfo> {
        self.infos.get(i)
    }

    /// Whether word `i` lies in a temporal expression.
    pub(crate) fn in_timex(&self, i: usize) -> bool {
        self.in_timex.get(i).copied().unwrap_or(false)
    }

    /// Whether word `i` can be an event: a word outside temporal expressions that is not a
    /// function word.
    pub(crate) fn candidate(&self, i: usize) -> bool {
        self.kinds.get(i) == Some(&TokenKind::Word)
            && !self.in_timex[i]
            && !self.lower(i).is_empty()
            && self
                .infos
                .get(i)
                .is_some_and(|w| !features::never_event(w.cue))
    }

    /// Appends the features of word `i`.
    pub(crate) fn features_of(&self, i: usize, out: &mut Vec<u64>) {
        features::features(&self.infos, i, self.in_name[i], out);
    }

    /// The class head's integer scores of word `i`: the sum of its features' class weights.
    fn class_sums(&self, model: &EventModel, i: usize) -> Sums {
        let prepared = self.sums_for == model.id.0 && self.sums.len() == self.infos.len();
        // Part `part` of word `j`'s sums, read in place: a word's sums are 160 bytes, of which
        // each use needs 32.
        let part_at = |j: usize, part: usize| -> Option<Sums> {
            let w = self.infos.get(j)?;
            if prepared {
                self.sums.get(j)?.get(part).copied()
            } else {
                model.word_sums(w).get(part).copied()
            }
        };
        let mut sum = part_at(i, 0).unwrap_or([0; MAX_LABELS]);
        for (k, &offset) in NEIGHBOURS.iter().enumerate() {
            match i.checked_add_signed(offset).and_then(|j| part_at(j, k + 1)) {
                Some(s) => add(&mut sum, &s),
                None => add(&mut sum, &model.tables.edge[k]),
            }
        }
        if i < self.infos.len() {
            let c = features::context(&self.infos, i);
            model.tables.add_to(&mut sum, &c, self.in_name[i]);
            add(
                &mut sum,
                &model.class_sum(&features::pair_features(&self.infos, i, &c)),
            );
        }
        sum
    }
}

/// Appends `s` lower-cased, curly apostrophes straightened; nothing for words of more than 32
/// bytes (numbers, URLs), which no feature needs.
fn lower_into(buf: &mut String, s: &str) {
    if s.len() > 32 {
        return;
    }
    for c in s.chars() {
        match c {
            '’' | '‘' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The small table of anchor weights gives every feature the weight the feature table does.
    #[test]
    fn anchor_weights_agree_with_the_feature_table() {
        let model = EventModel::shipped();
        assert!(!model.anchors.is_empty());
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let random = (0..10_000).map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        });
        for key in model.keys.iter().copied().chain(random) {
            assert_eq!(model.anchor_weight(key), model.anchor_row(key), "{key:x}");
        }
    }

    /// The memoized sums give every word the class scores its full feature list gives.
    #[test]
    fn word_sums_agree_with_features() {
        let text = "Acme Corp said on Monday that it had agreed to buy its rival. \
                    A fire broke out late on Tuesday, forcing the evacuation of 200 workers. \
                    Shares fell 4 percent. \"We will appeal,\" she said.";
        let model = EventModel::shipped();
        let segmented = crate::text::segment(text);
        let timexes = crate::time::tag(text, &segmented, NaiveDate::from_ymd_opt(2025, 3, 4));
        let entities = crate::entity::recognize(text, &segmented);
        let mut words = SentenceTokens::default();
        let (mut feats, mut rows) = (Vec::new(), Vec::new());
        let mut checked = 0;
        for si in 0..segmented.sentences.len() {
            for prepared in [false, true] {
                words.fill(
                    text,
                    &segmented,
                    si,
                    &timexes,
                    &entities,
                    prepared.then_some(model),
                );
                for i in 0..words.infos.len() {
                    if !words.candidate(i) {
                        continue;
                    }
                    feats.clear();
                    words.features_of(i, &mut feats);
                    assert_eq!(
                        words.class_sums(model, i),
                        model.class_sum(&feats),
                        "word {i} ({:?}) of sentence {si}",
                        words.lower(i)
                    );
                    let slow = model.predict(&feats, &mut rows);
                    assert_eq!(model.predict_word(&words, i, &mut feats, &mut rows), slow);
                    checked += 1;
                }
            }
        }
        assert!(checked > 20, "{checked} words checked");
    }
}
