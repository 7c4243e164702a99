//! What the merge joins across sources and what it keeps apart, on made-up reports of made-up
//! stories (none of the seeds' or the story sets' words).

use dateline::timeline::Timeline;
use dateline::{Document, TimelineBuilder};

fn doc(id: &str, published: Option<&str>, text: &str) -> Document {
    let d = Document::new(id, text);
    match published {
        Some(p) => d.with_published_str(p).unwrap_or_else(|e| panic!("{e}")),
        None => d,
    }
}

fn build(docs: Vec<Document>) -> Timeline {
    TimelineBuilder::new()
        .documents(docs)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The row whose mentions include the word `trigger` of document `id`.
fn row_of<'a>(t: &'a Timeline, id: &str, trigger: &str) -> &'a dateline::timeline::Event {
    t.events
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.doc == id && m.trigger.text == trigger)
        })
        .unwrap_or_else(|| {
            let rows: Vec<String> = t
                .events
                .iter()
                .map(|e| {
                    let ms: Vec<String> = e
                        .mentions
                        .iter()
                        .map(|m| format!("{}:{}", m.doc, m.trigger.text))
                        .collect();
                    format!("{:?} [{}]", e.when, ms.join(", "))
                })
                .collect();
            panic!("no row has {id}:{trigger}; rows:\n{}", rows.join("\n"))
        })
}

/// The document `id` and the days it was inferred to be published in.
fn inferred_bounds<'a>(
    t: &'a Timeline,
    id: &str,
) -> (
    &'a dateline::timeline::DocumentInfo,
    dateline::time::Interval,
) {
    let info = t
        .documents
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("{:?}", t.documents));
    let bounds = info
        .published_bounds
        .unwrap_or_else(|| panic!("no bounds: {info:?}"));
    (info, bounds)
}

fn docs_of(e: &dateline::timeline::Event) -> Vec<&str> {
    let mut d: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    d.sort_unstable();
    d.dedup();
    d
}

/// Three reports of one made-up story: a flood in a made-up valley.
fn flood_story(blog: &str) -> Vec<Document> {
    vec![
        doc(
            "wire",
            Some("2031-06-15"),
            "TALVERA (Wire) - Floodwater swept through the Orsk valley town of Pelmora on \
             Saturday after the Venra river burst its banks, officials said.\n\n\
             Governor Ilse Marwick ordered the evacuation of Pelmora on Saturday. \
             The Venra embankment was built in 1931 by the Orsk Water Board.\n\n\
             The rain began on Wednesday, and some weather stations recorded a month's \
             rainfall in a day.\n\n\
             The water board said it would inspect every embankment on the Venra.",
        ),
        doc(
            "paper",
            Some("2031-06-16"),
            "Pelmora counts the cost\n\n\
             Governor Ilse Marwick said on Monday that the Orsk Water Board would pay for \
             repairs in Pelmora.\n\n\
             The embankment on the Venra, which the Orsk Water Board raised in 1931, \
             has not been strengthened since.",
        ),
        doc("blog", None, blog),
    ]
}

/// Asserts that the row holding the word `trigger` of the flood story's blog `blog` is dated
/// `day`.
fn assert_blog_row_on(blog: &str, trigger: &str, day: &str) {
    let t = build(flood_story(blog));
    let row = row_of(&t, "blog", trigger);
    assert_eq!(
        row.when.map(|w| w.to_string()).as_deref(),
        Some(day),
        "{row:?}"
    );
}

#[test]
fn an_undated_reports_day_of_the_year_joins_the_dated_day() {
    // The blog gives "14 June" with no year; the wire dates the evacuation of the same town
    // on Saturday, 14 June 2031. One row, dated in full.
    let t = build(flood_story(
        "Notes from the Orsk valley\n\n\
         Governor Ilse Marwick ordered the evacuation of Pelmora on 14 June, and by the \
         evening the Orsk Water Board had opened the sluices at Venra.",
    ));
    let row = row_of(&t, "blog", "ordered");
    assert_eq!(docs_of(row), ["blog", "wire"], "{row:?}");
    assert_eq!(
        row.when.map(|w| w.to_string()).as_deref(),
        Some("2031-06-14")
    );
}

#[test]
fn a_shared_day_gives_its_year_to_the_other_days_of_an_undated_report() {
    // The evacuation on 14 June joins the wire's Saturday, 14 June 2031, which dates the blog
    // within a year after it; a past-tense day it gives a week later ("20 June") is then in
    // 2031 at every publication day allowed, not partial.
    assert_blog_row_on(
        "Notes from the Orsk valley\n\n\
         Governor Ilse Marwick ordered the evacuation of Pelmora on 14 June.\n\n\
         On 20 June the Orsk Water Board reopened the Venra bridge to traffic.",
        "reopened",
        "2031-06-20",
    );
}

#[test]
fn an_undated_report_that_shares_nothing_is_dated_around_its_story() {
    // Nothing in the blog is told by the others, but it is read with them: published around
    // them, its "Friday, 13 June" is the Friday of 2031, the day before the flood.
    assert_blog_row_on(
        "Notes from the Orsk valley\n\n\
         The miller Tomas Brenk closed the old mill at Stavel on Friday, 13 June, fearing the \
         worst.",
        "closed",
        "2031-06-13",
    );
}

#[test]
fn an_undated_report_is_published_after_the_past_day_it_tells_near_its_story() {
    // Nothing in the blog is told by the others, which date the flood in mid-June. The one 14
    // August around their story is 14 August 2031 (a Thursday): told as past, the blog was
    // written after it, so the day keeps its year at every publication day allowed, and "on
    // Sunday" after it is 17 August.
    let blog = "Notes from the Orsk valley\n\n\
         The miller Tomas Brenk closed the old mill at Stavel on 14 August, fearing \
         another flood.\n\nOn Sunday he reopened it, when the water had gone down.";
    assert_blog_row_on(blog, "closed", "2031-08-14");
    assert_blog_row_on(blog, "reopened", "2031-08-17");
}

#[test]
fn an_undated_reports_past_day_bounds_it_at_every_pass() {
    // The first pass dates the blog after 2 June; the next reads it again within those
    // bounds, where "2 June" has its year from them. The day is still told without a
    // year, so it bounds the blog as before: the bounds do not fall back to the story's
    // wide window, which opens a month before the wire.
    let t = build(flood_story(
        "Notes from the Orsk valley\n\n\
         The miller Tomas Brenk closed the old mill at Stavel on 2 June, fearing \
         another flood.",
    ));
    let blog = t.documents.iter().find(|d| d.id == "blog");
    let bounds = blog.and_then(|d| d.published_bounds);
    assert_eq!(
        bounds.map(|b| b.start.to_string()).as_deref(),
        Some("2031-06-02"),
        "{blog:?}"
    );
}

#[test]
fn an_undated_reports_happening_after_after_keeps_its_own_day() {
    // The blog's days have their year only from the bounds the story gives it; "a survey that
    // began on 2 June" is still a happening of its own day, not a reference to be dropped.
    assert_blog_row_on(
        "Notes from the Orsk valley\n\n\
         The water board closed the Stavel weir on 14 June after a survey that began on 2 June.",
        "survey",
        "2031-06-02",
    );
}

#[test]
fn an_undated_reports_weekday_counts_from_the_day_it_told() {
    // Dated around its story, the blog's "Friday, 13 June" is 13 June 2031; "the Monday" after
    // it is the Monday that follows, whatever day of the window the blog was published on.
    assert_blog_row_on(
        "Notes from the Orsk valley\n\n\
         The miller Tomas Brenk closed the old mill at Stavel on Friday, 13 June, fearing the \
         worst.\n\nHe reopened it on the Monday, when the water had gone down.",
        "reopened",
        "2031-06-16",
    );
}

#[test]
fn an_undated_reports_day_of_the_year_is_the_same_date_as_the_day_in_full() {
    // Nobody named on either side: the same word on the same day of the year is what joins.
    let t = build(flood_story(
        "Notes from Pelmora\n\nThe rain that started on 11 June was extraordinary. Nobody in \
         Pelmora had seen the Venra so high.",
    ));
    let row = row_of(&t, "blog", "rain");
    assert_eq!(docs_of(row), ["blog", "wire"], "{row:?}");
}

#[test]
fn a_date_each_report_gives_one_happening_joins_their_words() {
    // "built" and "raised" in 1931: WordNet does not relate them, but each report of the
    // story gives 1931 to that one happening, with the water board in both.
    let t = build(flood_story(
        "Notes from the Orsk valley\n\nThe Venra rose again on 14 June.",
    ));
    let row = row_of(&t, "wire", "built");
    assert_eq!(docs_of(row), ["paper", "wire"], "{row:?}");
}

#[test]
fn a_shared_year_without_a_shared_story_joins_nothing() {
    // Two unrelated reports that each give 1931 to one happening, naming one place in common.
    let t = build(vec![
        doc(
            "a",
            Some("2031-06-14"),
            "The Venra embankment was built in 1931 by the Orsk Water Board.",
        ),
        doc(
            "b",
            Some("2031-06-15"),
            "The Talvera opera house, which the Orsk Water Board sold in 1931, reopened on Friday.",
        ),
    ]);
    let a = row_of(&t, "a", "built");
    assert_eq!(docs_of(a), ["a"], "{a:?}");
}

/// The wire report of a made-up rescue, published the day after it.
fn velmo_wire() -> Document {
    doc(
        "wire",
        Some("2031-11-10"),
        "Girl found alive in Velmo\n\nRescuers pulled a nine-year-old girl alive from the rubble \
         in Velmo on Sunday, the fire service said.",
    )
}

#[test]
fn reports_naming_the_same_things_in_other_words_join() {
    // "pulled" and "rescued" are not related in WordNet; on one day, in one place, with the
    // girl and the rubble named around both, they tell one happening.
    let t = build(vec![
        velmo_wire(),
        doc(
            "paper",
            Some("2031-11-11"),
            "Velmo mourns\n\nThe nine-year-old girl who was rescued from the rubble in Velmo on \
             Sunday is recovering in hospital.",
        ),
    ]);
    let row = row_of(&t, "paper", "rescued");
    assert_eq!(docs_of(row), ["paper", "wire"], "{row:?}");
}

#[test]
fn the_same_place_and_day_without_common_words_joins_nothing() {
    // Two happenings of one day in one town, told in other words about other things: a kind
    // of change in common ("pulled", "closed") and the place are not enough.
    let t = build(vec![
        velmo_wire(),
        doc(
            "paper",
            Some("2031-11-11"),
            "Velmo mourns\n\nThe council closed the library in Velmo on Sunday to house \
             families from the upper streets.",
        ),
    ]);
    let row = row_of(&t, "paper", "closed");
    assert_eq!(docs_of(row), ["paper"], "{row:?}");
}

/// Two reports of one decision a day apart: one introduces the board's acronym and uses it,
/// the other gives only the full name.
fn acronym_story() -> Vec<Document> {
    vec![
        doc(
            "gazette",
            Some("2031-08-20"),
            "Quarry plan cleared\n\nThe Upland Water Standards Board (UWSB) approved the \
             quarry plan on Aug. 14. The UWSB approved the plan on Aug. 14 after a long \
             hearing.",
        ),
        doc(
            "weekly",
            Some("2031-08-21"),
            "Quarry goes ahead\n\nThe Upland Water Standards Board approved the quarry plan \
             on 15 August, ending two years of dispute.",
        ),
    ]
}

#[test]
fn an_acronym_one_report_introduces_names_what_the_other_writes_in_full() {
    let t = build(acronym_story());
    let row = row_of(&t, "weekly", "approved");
    assert_eq!(docs_of(row), ["gazette", "weekly"], "{row:?}");
    assert!(row.conflict.is_some(), "14 or 15 August: {row:?}");
    // The entity timeline finds the full name's report under the acronym.
    let about = t.about("UWSB");
    assert!(
        about
            .events
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.doc == "weekly")),
        "{:?}",
        about.events
    );
}

#[test]
fn one_persons_two_acts_of_one_kind_on_one_day_stay_apart() {
    // "suspended" and "released" are not related words (WordNet's first senses of both are
    // acts of contact); the same day and the same athlete are what any two happenings of his
    // day share, not evidence that they are one.
    let t = build(vec![
        doc(
            "wire",
            Some("2032-06-09"),
            "Sprinter banned\n\nOfficials suspended the sprinter Ivo Marek on Tuesday, 8 June, \
             after a positive test.",
        ),
        doc(
            "blog",
            Some("2032-06-20"),
            "Marek fights back\n\nOn Tuesday, 8 June, Ivo Marek released a video saying he had \
             never taken a banned substance.",
        ),
    ]);
    let row = row_of(&t, "blog", "released");
    assert_eq!(docs_of(row), ["blog"], "{row:?}");
}

/// A vote one report dates and another counts from ("two days after the vote").
fn counted_story(counted: &str) -> Vec<Document> {
    vec![
        doc(
            "wire",
            Some("2031-03-06"),
            "ASHFORD (Wire) - The Orsk regional assembly held a confidence vote on \
             Monday, 3 March, and Premier Ilse Marwick lost it by four votes.",
        ),
        doc("analysis", None, counted),
    ]
}

#[test]
fn a_length_after_a_happening_another_report_dates_counts_from_that_day() {
    let t = build(counted_story(
        "How Marwick fell\n\n\
         The Orsk regional assembly turned on Premier Ilse Marwick this spring. \
         Two days after the vote, Marwick resigned as premier.",
    ));
    let resigned = row_of(&t, "analysis", "resigned");
    assert_eq!(
        resigned.when.map(|w| w.to_string()).as_deref(),
        Some("2031-03-05"),
        "{resigned:?}"
    );
}

#[test]
fn a_length_after_a_happening_no_report_dates_leaves_it_undated() {
    let t = build(counted_story(
        "How Marwick fell\n\n\
         The Orsk regional assembly turned on Premier Ilse Marwick this spring. \
         Two days after the merger, Marwick resigned as premier.",
    ));
    assert!(
        !t.events
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.doc == "analysis"
                && m.trigger.text == "resigned"
                && e.when.map(|w| w.to_string()).as_deref() == Some("2031-03-05"))),
        "{:?}",
        t.events
    );
}

#[test]
fn a_day_the_dated_sources_tell_as_still_to_come_does_not_date_an_undated_report_after_it() {
    let t = build(vec![
        doc(
            "wire",
            Some("2031-05-06"),
            "ASHFORD (Wire) - Orsk finance minister Ilse Marwick resigned on Monday after a row \
             over spending. The regional assembly will vote on the budget on 20 June.",
        ),
        doc(
            "blog",
            None,
            "Marwick goes\n\n\
             Ilse Marwick resigned as Orsk finance minister on Monday. With the budget vote \
             coming on 20 June, her successor has little time.",
        ),
    ]);
    let (blog, bounds) = inferred_bounds(&t, "blog");
    assert!(bounds.start.to_string().as_str() < "2031-06-20", "{blog:?}");
    let resigned = row_of(&t, "blog", "resigned");
    assert_eq!(docs_of(resigned), ["blog", "wire"], "{resigned:?}");
}

#[test]
fn an_undated_report_is_published_within_a_week_of_the_news_it_shares() {
    let t = build(vec![
        doc(
            "wire",
            Some("2031-05-08"),
            "ASHFORD (Wire) - The Orsk regional assembly voted on Wednesday to approve the \
             budget of Premier Ilse Marwick by 41 votes to 38.",
        ),
        doc(
            "blog",
            None,
            "Budget passes\n\n\
             The Orsk regional assembly voted on 7 May to approve Premier Ilse Marwick's \
             budget by 41 votes to 38. Her finance minister had threatened to resign.",
        ),
    ]);
    let (blog, bounds) = inferred_bounds(&t, "blog");
    assert_eq!(
        (bounds.start.to_string(), bounds.end.to_string()),
        ("2031-05-07".to_owned(), "2031-05-14".to_owned()),
        "{blog:?}"
    );
}

#[test]
fn a_month_and_a_day_in_it_are_one_happening() {
    // One source gives the day the trial opened, the other only its month: the month is the
    // less precise date of the same happening.
    let t = build(vec![
        doc(
            "wire",
            Some("2031-03-02"),
            "VESTRA (Wire) - The trial of the harbour engineer Orin Salko opened on 12 January \
             in Vestra, and the court is due to rule in April.",
        ),
        doc(
            "paper",
            Some("2031-03-05"),
            "Engineer on trial\n\n\
             Prosecutors say Orin Salko sold the harbour plans to a foreign firm.\n\n\
             Salko's trial began in January and has heard forty witnesses.",
        ),
    ]);
    let row = row_of(&t, "paper", "trial");
    assert_eq!(docs_of(row), ["paper", "wire"], "{row:?}");
    assert_eq!(
        row.when.map(|w| w.to_string()).as_deref(),
        Some("2031-01-12")
    );
}

#[test]
fn a_year_ties_no_two_happenings_months_apart() {
    // "In 2030" fits both the March flood and the September flood: it joins neither to the
    // other.
    let t = build(vec![
        doc(
            "wire",
            Some("2031-02-02"),
            "Pelmora flooded in March 2030, when the Venra burst its banks.",
        ),
        doc(
            "paper",
            Some("2031-02-03"),
            "Pelmora flooded in September 2030, after a week of rain on the Venra.",
        ),
        doc(
            "blog",
            Some("2031-02-04"),
            "Pelmora flooded in 2030, and the Venra embankment is still broken.",
        ),
    ]);
    let march = row_of(&t, "wire", "flooded");
    let september = row_of(&t, "paper", "flooded");
    assert!(!std::ptr::eq(march, september), "{march:?}");
}

#[test]
fn a_phrasal_verb_joins_the_noun_of_its_happening() {
    // "stepped down" is a resignation; "stepped" alone is not.
    let t = build(vec![
        doc(
            "wire",
            Some("2031-03-12"),
            "ORVIK (Wire) - Halvard Trennes stepped down as chairman of the Orvik Port \
             Authority on Tuesday after an audit of its dredging contracts.",
        ),
        doc(
            "paper",
            Some("2031-03-13"),
            "The resignation of Halvard Trennes as chairman of the Orvik Port Authority on \
             Tuesday followed an audit of its dredging contracts.",
        ),
    ]);
    let row = row_of(&t, "wire", "stepped");
    assert_eq!(docs_of(row), ["paper", "wire"], "{row:?}");
}

#[test]
fn sources_a_year_apart_on_one_background_happening_are_a_conflict() {
    // Two sources put the opening of one plant, named by both, in two neighbouring years: one
    // happening told two ways, shown as a conflict; a third opening years later stays apart.
    let t = build(vec![
        doc(
            "wire",
            Some("2031-05-02"),
            "TARVIK (Wire) - The Orsel smelter, which Keldar Metals opened in Tarvik in 1971, \
             will close next year.",
        ),
        doc(
            "paper",
            Some("2031-05-03"),
            "Keldar Metals opened the Orsel smelter in Tarvik in 1972 and employs 900 people \
             there.",
        ),
        doc(
            "blog",
            Some("2031-05-04"),
            "Keldar Metals opened the Orsel smelter in Tarvik in 1979, or so the plaque says.",
        ),
    ]);
    let row = row_of(&t, "wire", "opened");
    assert_eq!(docs_of(row), ["paper", "wire"], "{row:?}");
    assert!(row.conflict.is_some(), "1971 or 1972: {row:?}");
    let later = row_of(&t, "blog", "opened");
    assert!(!std::ptr::eq(row, later), "{later:?}");
}

#[test]
fn a_headline_and_its_body_tell_one_happening_in_words_of_one_meaning() {
    // "quits" in the headline and "resigned" in the lede, on the same day, in one report.
    let t = build(vec![doc(
        "paper",
        Some("2031-03-13"),
        "Tarsen quits as Velmark scrambles to steady the crown\n\nBy Ana Kesk\n\n\
         Oskar Tarsen resigned as Velmark's finance minister on Wednesday, two days after the \
         crown fell to a record low.",
    )]);
    let quits = row_of(&t, "paper", "quits");
    let resigned = row_of(&t, "paper", "resigned");
    assert!(std::ptr::eq(quits, resigned), "{quits:?}\n{resigned:?}");
}

#[test]
fn reports_naming_nobody_in_common_that_date_one_happening_a_day_apart_are_a_conflict() {
    // Neither sentence names anyone: the same word, the same nouns, and reports that name the
    // same mayor and town elsewhere make one happening told on two days.
    let t = build(vec![
        doc(
            "wire",
            Some("2031-06-09"),
            "Storm batters Stelma\n\n\
             STELMA, June 9 (Wire) - The harbour mayor Orna Vell said on Monday that repairs \
             in Stelma would take months.\n\n\
             A storm wrecked the old harbour wall late on Saturday, 7 June, flooding the \
             quayside warehouses.\n\n\
             Vell asked the Ministry of Coasts for emergency funds.",
        ),
        doc(
            "paper",
            Some("2031-06-10"),
            "Stelma counts the cost\n\n\
             Orna Vell, the mayor of Stelma, has asked the Ministry of Coasts for help.\n\n\
             The storm wrecked the old harbour wall on Sunday, 8 June, and the sea poured into \
             the warehouses.\n\n\
             Fishermen say the wall had been weak for years.",
        ),
    ]);
    let row = row_of(&t, "paper", "wrecked");
    assert_eq!(docs_of(row), ["paper", "wire"], "{row:?}");
    assert!(row.conflict.is_some(), "7 or 8 June: {row:?}");
}

#[test]
fn a_daily_happening_each_report_dates_by_its_own_day_is_no_conflict() {
    // Each day's market report tells that day's close: the dates move with the publication
    // days, two closes, not one close dated two ways.
    let t = build(vec![
        doc(
            "tue",
            Some("2031-06-10"),
            "Orsk shares gain\n\n\
             ORSK, June 10 (Wire) - Shares on the Orsk Exchange closed higher on Tuesday, with \
             the Kenta index up 1.2 percent, dealers said.\n\nBanks led the gains.",
        ),
        doc(
            "wed",
            Some("2031-06-11"),
            "Orsk shares slip\n\n\
             ORSK, June 11 (Wire) - Shares on the Orsk Exchange closed lower on Wednesday, with \
             the Kenta index down 0.4 percent, dealers said.\n\nMiners led the losses.",
        ),
    ]);
    assert!(
        t.events.iter().all(|e| e.conflict.is_none()),
        "{:?}",
        t.events
    );
    let tuesday = row_of(&t, "tue", "closed");
    assert_eq!(docs_of(tuesday), ["tue"], "{tuesday:?}");
}
