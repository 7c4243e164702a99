//! Nouns that refer back to a happening told elsewhere ("the quake", "his death", "the
//! decision", "Chepkoech's win"): with no date of their own they make no row, but a reader
//! counts them as reports of the happening they name, so the merge adds them to its row.

use rustc_hash::FxHashSet;

use crate::event::{eventive_noun, Extraction};
use crate::text::TokenKind;
use crate::vocab::wordnet;

/// A definite noun that names a happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reference {
    /// The sentence it is in.
    pub sentence: usize,
    /// Byte offsets of the noun.
    pub start: usize,
    pub end: usize,
    /// Its lemma (WordNet's).
    pub lemma: &'static str,
}

/// Words that make the noun after them definite: it names something the reader knows of.
const DETERMINERS: [&str; 9] = [
    "the", "this", "that", "these", "those", "its", "his", "her", "their",
];

fn definite(word: &str) -> bool {
    DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word))
        || word.ends_with("'s")
        || word.ends_with("’s")
}

/// The definite event nouns of a document, in text order, leaving out the words at
/// `taken` (byte starts of the triggers that are already on the timeline).
pub(super) fn find(text: &str, x: &Extraction, taken: &FxHashSet<usize>) -> Vec<Reference> {
    let tokens = &x.segmented.tokens;
    // The triggers the event stage found: a noun before one is mostly its subject ("the
    // fire spread"), not a modifier (the model gives a verb it does not know no tense, so
    // verbs and nouns are not told apart here).
    let verbs: FxHashSet<usize> = x.events.iter().map(|e| e.trigger_start).collect();
    let mut out = Vec::new();
    for (si, s) in x.segmented.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        for k in range.clone().skip(1) {
            let t = &tokens[k];
            if t.kind != TokenKind::Word || taken.contains(&t.start) {
                continue;
            }
            let word = t.text(text);
            // A capitalized word is a name or a headline's word ("Search Ends").
            if word.chars().next().is_none_or(char::is_uppercase) || word.len() > 24 {
                continue;
            }
            let before = tokens[k - 1].text(text);
            let det = definite(before)
                || (k >= range.start + 2
                    && definite(tokens[k - 2].text(text))
                    && tokens[k - 1].kind == TokenKind::Word
                    && before.chars().next().is_some_and(char::is_lowercase)
                    && wordnet::senses(&before.to_lowercase()).is_some_and(|w| w.adjective));
            if !det {
                continue;
            }
            let lower = word.to_lowercase();
            let Some(lemma) = eventive_noun(&lower) else {
                continue;
            };
            // A noun before another noun modifies it ("the fire brigade"; "the fire spread"
            // is its subject).
            let modifier = tokens.get(k + 1).is_some_and(|n| {
                k + 1 < range.end
                    && n.kind == TokenKind::Word
                    && !verbs.contains(&n.start)
                    && wordnet::lemmas(&n.text(text).to_lowercase()).1.is_some()
            });
            if modifier {
                continue;
            }
            out.push(Reference {
                sentence: si,
                start: t.start,
                end: t.end,
                lemma,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn lemmas(text: &str) -> Vec<&'static str> {
        let x = crate::extract(&Document::new("d", text));
        find(text, &x, &FxHashSet::default())
            .iter()
            .map(|r| r.lemma)
            .collect()
    }

    #[test]
    fn definite_event_nouns_are_references() {
        assert_eq!(
            lemmas("His death has left the town without a mayor. Nobody expected the quake."),
            ["death", "quake"]
        );
    }

    #[test]
    fn indefinite_and_modifier_nouns_are_not() {
        assert!(lemmas("A fire broke out. The fire brigade came.").is_empty());
        assert_eq!(lemmas("Then the fire spread to the roof."), ["fire"]);
    }
}
