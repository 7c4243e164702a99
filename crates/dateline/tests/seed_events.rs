//! The event stage on the seed articles, with no publication dates given: the September 2022
//! visit to Moscow as the three articles that report it tell it.

mod common;

use dateline::entity::NameKey;
use dateline::event::{Modality, Role, TriggerClass};
use dateline::{extract, Document, Extraction};

fn seed(stem: &str) -> (String, Extraction) {
    let text = common::seed_text(stem);
    let x = extract(&Document::new(stem, text.clone()));
    (text, x)
}

/// (trigger, date) of the events of one class that happened.
fn dated(stem: &str, class: TriggerClass) -> Vec<(String, String)> {
    let (text, x) = seed(stem);
    x.events
        .iter()
        .filter(|e| e.class == class && e.modality == Modality::Actual)
        .map(|e| {
            (
                text[e.trigger_start..e.trigger_end].to_owned(),
                e.when.map(|w| w.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

fn has(found: &[(String, String)], trigger: &str, when: &str) -> bool {
    found.iter().any(|(t, w)| t == trigger && w == when)
}

#[test]
fn the_visit_in_three_articles() {
    // Article 001: the welcome on 12 September, the arrival on 9 September (year unknown
    // until publication dates are inferred).
    let meetings = dated("001_81fdf5034d92bce2", TriggerClass::Meeting);
    assert!(has(&meetings, "welcomed", "XXXX-09-12"), "{meetings:?}");
    let arrivals = dated("001_81fdf5034d92bce2", TriggerClass::Arrival);
    assert!(has(&arrivals, "arrived", "XXXX-09-09"), "{arrivals:?}");
    // Article 002: received on September 12.
    let meetings = dated("002_9702e96eff6568ce", TriggerClass::Meeting);
    assert!(has(&meetings, "received", "XXXX-09-12"), "{meetings:?}");
    // Article 003: the visit from 10 September 2022, the meeting on the 12th, the day after.
    let visits = dated("003_ee77a87f937499ff", TriggerClass::Visit);
    assert!(has(&visits, "visit", "2022-09-10"), "{visits:?}");
    let meetings = dated("003_ee77a87f937499ff", TriggerClass::Meeting);
    assert!(has(&meetings, "met", "2022-09-12"), "{meetings:?}");
    assert!(has(&meetings, "met", "2022-09-13"), "{meetings:?}");
}

#[test]
fn negated_and_planned_events_are_not_facts() {
    let x = extract(&Document::new(
        "t",
        "The minister will not give a statement. The delegation plans to visit Kazan.",
    ));
    let modality: Vec<Modality> = x.events.iter().map(|e| e.modality).collect();
    assert!(modality.contains(&Modality::Negated), "{modality:?}");
    // "plans to visit": the visit is part of the plan, not a happening of its own; it is
    // planned or folded into the plan.
    let visit = x.events.iter().any(|e| {
        (e.lemma == "visit" && e.modality == Modality::Future)
            || e.folded
                .iter()
                .any(|f| f.lemma == "visit" && f.kind == dateline::event::FoldKind::Argument)
    });
    assert!(visit, "{:?}", x.events);
    assert!(x.events.iter().all(|e| !e.timeline), "{:?}", x.events);
}

#[test]
fn each_event_takes_the_time_of_its_own_clause() {
    let text =
        "The delegation arrived on 9 September 2022 and met the minister on 12 September 2022.";
    let x = extract(&Document::new("t", text));
    let got: Vec<(&str, String)> = x
        .events
        .iter()
        .map(|e| {
            (
                &text[e.trigger_start..e.trigger_end],
                e.when.map(|w| w.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("arrived", "2022-09-09".to_owned()),
            ("met", "2022-09-12".to_owned())
        ]
    );
}

/// The participants of the event with this trigger and date, by entity name.
fn participants(stem: &str, trigger: &str, when: &str) -> Vec<(String, Role)> {
    let (text, x) = seed(stem);
    x.events
        .iter()
        .filter(|e| {
            &text[e.trigger_start..e.trigger_end] == trigger
                && e.when.map(|w| w.to_string()).as_deref() == Some(when)
        })
        .flat_map(|e| e.participants.iter())
        .map(|p| (x.entities.entities[p.entity].name.clone(), p.role))
        .collect()
}

fn names(found: &[(String, Role)], name: &str, role: Role) -> bool {
    let key = NameKey::new(name);
    found
        .iter()
        .any(|(n, r)| *r == role && NameKey::new(n).matches(&key))
}

#[test]
fn the_visit_has_the_same_people_in_three_articles() {
    // However each article spells them, the minister is the one who met the delegation.
    let p = participants("001_81fdf5034d92bce2", "welcomed", "XXXX-09-12");
    assert!(names(&p, "Sergei Lavrov", Role::Agent), "{p:?}");
    assert!(names(&p, "Hamas", Role::Patient), "{p:?}");
    let p = participants("002_9702e96eff6568ce", "received", "XXXX-09-12");
    assert!(names(&p, "Sergei Lavrov", Role::Agent), "{p:?}");
    assert!(names(&p, "Ismail Haniyeh", Role::Patient), "{p:?}");
    let p = participants("003_ee77a87f937499ff", "met", "2022-09-12");
    assert!(names(&p, "Sergei Lavrov", Role::Patient), "{p:?}");
    // "a delegation, led by …, made an official visit": the visit is the happening, and the
    // leaders of the delegation make it ("led" describes the delegation).
    let p = participants("003_ee77a87f937499ff", "visit", "2022-09-10");
    assert!(names(&p, "Ismail Haniyeh", Role::Agent), "{p:?}");
    assert!(names(&p, "Musa Abu Marzouk", Role::Agent), "{p:?}");
}

#[test]
fn undated_background_states_are_not_timeline_events() {
    let text = "The minister met the envoy on 16 March 2023. \
                The visit comes as the army has been stepping up its raids in the region.";
    let x = extract(&Document::new("t", text));
    let by_trigger = |t: &str| {
        x.events
            .iter()
            .find(|e| &text[e.trigger_start..e.trigger_end] == t)
            .unwrap_or_else(|| panic!("no event {t}: {:?}", x.events))
    };
    assert!(by_trigger("met").timeline);
    assert!(!by_trigger("stepping").timeline);
}

#[test]
fn a_light_verb_leaves_the_event_to_its_noun() {
    let text = "The delegation made an official visit to Paris on 3 May 2021. \
                The ministers held talks in Rome on 4 May 2021. They paid tribute to the victims.";
    let x = extract(&Document::new("t", text));
    let triggers: Vec<&str> = x
        .events
        .iter()
        .map(|e| &text[e.trigger_start..e.trigger_end])
        .collect();
    assert!(
        triggers.contains(&"visit") && triggers.contains(&"talks"),
        "{triggers:?}"
    );
    assert!(
        !triggers.contains(&"made") && !triggers.contains(&"held"),
        "{triggers:?}"
    );
    // The noun takes the verb's subject.
    let visit = x
        .events
        .iter()
        .find(|e| &text[e.trigger_start..e.trigger_end] == "visit");
    assert!(visit.is_some_and(|v| v.when.is_some_and(|w| w.to_string() == "2021-05-03")));
}

#[test]
fn a_participle_that_describes_a_noun_is_not_on_the_timeline() {
    let text =
        "On 3 May 2021 a delegation, led by the foreign minister Ana Diaz, arrived in Paris. \
                The company, founded by two students in 1976, grew fast.";
    let x = extract(&Document::new("t", text));
    let on_timeline = |word: &str| {
        x.events
            .iter()
            .find(|e| &text[e.trigger_start..e.trigger_end] == word)
            .map(|e| e.timeline)
    };
    // "led by" says who heads the delegation: no happening at all, or one off the timeline.
    assert_ne!(on_timeline("led"), Some(true));
    assert_eq!(on_timeline("arrived"), Some(true));
    // With a date of its own, the participle is a happening.
    assert_eq!(on_timeline("founded"), Some(true));
}
