//! Where an event happened: the place after a locative word, also when a kind of place comes
//! between ("near the village of …", "in the town of …"). Made-up sentences.

use dateline::event::extract;
use dateline::Document;

/// The place of the event whose trigger is `trigger`, by name.
fn place_of(text: &str, trigger: &str) -> Option<String> {
    let doc = Document::new("d", text)
        .with_published_str("2027-03-16")
        .unwrap_or_else(|e| panic!("{e}"));
    let x = extract(&doc);
    let e = x
        .events
        .iter()
        .find(|e| &text[e.trigger_start..e.trigger_end] == trigger)
        .unwrap_or_else(|| panic!("no event {trigger:?} in {text:?}"));
    e.location.map(|mi| {
        x.entities.entities[x.entities.mentions[mi].entity]
            .name
            .clone()
    })
}

#[test]
fn a_place_after_a_kind_of_place_is_where_it_happened() {
    for (text, trigger, place) in [
        (
            "A freight train derailed near the village of Pontyr late on Sunday.",
            "derailed",
            "Pontyr",
        ),
        (
            "A fire broke out in the town of Keswold on Tuesday.",
            "fire",
            "Keswold",
        ),
        (
            "A freight train derailed near Pontyr late on Sunday.",
            "derailed",
            "Pontyr",
        ),
        (
            "Another train derailed in Pontyr on Monday.",
            "derailed",
            "Pontyr",
        ),
    ] {
        assert_eq!(place_of(text, trigger).as_deref(), Some(place), "{text}");
    }
}

#[test]
fn a_kind_of_place_without_a_locative_word_places_nothing() {
    // "the mayor of the town of Keswold": a title, not where the resignation happened.
    let text = "Officials said the mayor of the town of Keswold resigned on Tuesday.";
    assert_eq!(place_of(text, "resigned"), None);
}
