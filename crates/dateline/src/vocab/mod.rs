//! Vocabularies compiled into the crate from data files: general English knowledge that several
//! stages read.

pub(crate) mod calendar;
pub(crate) mod concepts;
pub(crate) mod lists;
pub(crate) mod wordnet;

/// Words after which an infinitive is a plan, a wish or an attempt rather than a fact
/// (`data/lexicon/intent.txt`), each with the readers that take it: `time` (the time lexicon)
/// and `event` (the event finder).
const INTENT: &str = include_str!("../../data/lexicon/intent.txt");

/// The intent words that `reader` (`time` or `event`) takes.
pub(crate) fn intent_words(reader: &'static str) -> impl Iterator<Item = &'static str> {
    lists::entries(INTENT)
        .filter(move |e| e.rest.split(' ').any(|r| r == reader))
        .map(|e| e.word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intent_file_parses() {
        let p = lists::problems(INTENT, &["intent"], true);
        assert!(p.is_empty(), "data/lexicon/intent.txt: {p:?}");
        for e in lists::entries(INTENT) {
            let readers: Vec<&str> = e.rest.split(' ').collect();
            assert!(
                !e.rest.is_empty()
                    && readers
                        .iter()
                        .all(|r| matches!(*r, "time" | "event" | "plan"))
                    && (1..readers.len()).all(|i| !readers[..i].contains(&readers[i])),
                "data/lexicon/intent.txt:{}: readers {:?}",
                e.line,
                e.rest
            );
        }
        assert!(intent_words("time").any(|w| w == "decided"));
        assert!(intent_words("event").any(|w| w == "slated"));
        assert!(!intent_words("event").any(|w| w == "decided"));
    }
}
