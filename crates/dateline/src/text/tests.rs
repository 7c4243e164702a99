//! Tests of the text stage: tokens, sentences, datelines, invariants and the seed articles.

use proptest::prelude::*;

use super::*;

fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
    segment(text)
        .tokens
        .iter()
        .map(|t| (t.text(text), t.kind))
        .collect()
}

fn words(text: &str) -> Vec<&str> {
    tokens(text).into_iter().map(|(t, _)| t).collect()
}

fn sentences(text: &str) -> Vec<&str> {
    segment(text)
        .sentences
        .iter()
        .map(|s| s.text(text))
        .collect()
}

fn dateline(text: &str) -> Option<(DatelineKind, DateValue, &str)> {
    segment(text)
        .dateline
        .map(|d| (d.kind, d.date, &text[d.start..d.end]))
}

fn day(year: Option<i32>, month: u8, day: u8) -> DateValue {
    DateValue::Day { year, month, day }
}

/// Checks the invariants every segmentation keeps.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let s = segment(text);
    let mut prev_end = 0;
    for t in &s.tokens {
        prop_assert!(t.start < t.end, "empty token {t:?}");
        prop_assert!(
            t.start >= prev_end,
            "tokens overlap or are unsorted at {t:?}"
        );
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert!(t.end <= text.len());
        let between = &text[prev_end..t.start];
        prop_assert!(
            between.chars().all(char::is_whitespace),
            "uncovered text {between:?}"
        );
        if t.kind == TokenKind::Punct {
            prop_assert_eq!(t.text(text).chars().count(), 1);
        }
        prev_end = t.end;
    }
    prop_assert!(text[prev_end..].chars().all(char::is_whitespace));
    let mut next = 0;
    for x in &s.sentences {
        prop_assert_eq!(
            x.tokens.start,
            next,
            "sentences do not partition the tokens"
        );
        prop_assert!(x.tokens.end > x.tokens.start, "empty sentence");
        prop_assert_eq!(x.start, s.tokens[x.tokens.start].start);
        prop_assert_eq!(x.end, s.tokens[x.tokens.end - 1].end);
        next = x.tokens.end;
    }
    prop_assert_eq!(next, s.tokens.len());
    if let Some(d) = s.dateline {
        prop_assert!(d.start < d.end && d.end <= text.len());
        prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        let known_day = d.date.interval().is_some();
        let yearless_day = matches!(d.date, DateValue::Day { year: None, .. });
        prop_assert!(known_day || yearless_day);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[test]
fn token_kinds() {
    assert_eq!(
        tokens("In mid-1990s, 1,000 people paid $3.5m on the 16th at 10am."),
        vec![
            ("In", TokenKind::Word),
            ("mid", TokenKind::Word),
            ("-", TokenKind::Punct),
            ("1990s", TokenKind::Alnum),
            (",", TokenKind::Punct),
            ("1,000", TokenKind::Number),
            ("people", TokenKind::Word),
            ("paid", TokenKind::Word),
            ("$", TokenKind::Punct),
            ("3.5m", TokenKind::Alnum),
            ("on", TokenKind::Word),
            ("the", TokenKind::Word),
            ("16th", TokenKind::Alnum),
            ("at", TokenKind::Word),
            ("10am", TokenKind::Alnum),
            (".", TokenKind::Punct),
        ]
    );
}

#[test]
fn numbers_keep_inner_separators_only() {
    assert_eq!(
        words("at 10.30, 2,500 or 3."),
        ["at", "10.30", ",", "2,500", "or", "3", "."]
    );
    assert_eq!(words("1,000,000.5"), ["1,000,000.5"]);
    assert_eq!(words("1,,2 3.,4"), ["1", ",", ",", "2", "3", ".", ",", "4"]);
    assert_eq!(words("Q3 4G 2nd"), ["Q3", "4G", "2nd"]);
    assert!(tokens("Q3 4G 2nd")
        .iter()
        .all(|(_, k)| *k == TokenKind::Alnum));
    assert_eq!(words("2023-10-26"), ["2023", "-", "10", "-", "26"]);
}

#[test]
fn apostrophes_inside_words() {
    assert_eq!(words("Ra'id don't Ra’id"), ["Ra'id", "don't", "Ra’id"]);
    assert_eq!(words("Velas’ office"), ["Velas", "’", "office"]);
    assert_eq!(
        words("the 'quote' ends"),
        ["the", "'", "quote", "'", "ends"]
    );
    assert_eq!(words("Russia's"), ["Russia's"]);
    assert_eq!(words("Al-‘Arouri"), ["Al", "-", "‘", "Arouri"]);
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        words("Mr. Smith met Gen. Lee on Sept. 5, etc."),
        ["Mr.", "Smith", "met", "Gen.", "Lee", "on", "Sept.", "5", ",", "etc."]
    );
    assert_eq!(words("MR. SMITH"), ["MR.", "SMITH"]);
    assert_eq!(
        words("Acme Inc. and Foo Corp."),
        ["Acme", "Inc.", "and", "Foo", "Corp."]
    );
    assert_eq!(
        words("in Sacramento, Calif."),
        ["in", "Sacramento", ",", "Calif."]
    );
    assert_eq!(words("Roe v. Wade"), ["Roe", "v.", "Wade"]);
    assert_eq!(words("a Ph.D. student"), ["a", "Ph.D.", "student"]);
    // Not abbreviations: ordinary words, and state names that are also words, in lower case.
    assert_eq!(words("he fell ill."), ["he", "fell", "ill", "."]);
    assert_eq!(words("the mass."), ["the", "mass", "."]);
    assert_eq!(words("he said no."), ["he", "said", "no", "."]);
    assert_eq!(words("team no. 225"), ["team", "no.", "225"]);
    assert_eq!(words("No. 1"), ["No.", "1"]);
}

#[test]
fn initialisms_and_initials() {
    assert_eq!(
        words("the U.S. and U.N. at 10 a.m. or 3 p.m., e.g. here, i.e. there"),
        [
            "the", "U.S.", "and", "U.N.", "at", "10", "a.m.", "or", "3", "p.m.", ",", "e.g.",
            "here", ",", "i.e.", "there"
        ]
    );
    assert_eq!(words("John F. Kennedy"), ["John", "F.", "Kennedy"]);
    assert_eq!(words("J.R.R. Tolkien"), ["J.R.R.", "Tolkien"]);
    assert_eq!(words("U.S.-led"), ["U.S.", "-", "led"]);
    assert_eq!(words("option a. b"), ["option", "a", ".", "b"]);
    assert_eq!(words("the U.S.'s role"), ["the", "U.S.", "'", "s", "role"]);
}

#[test]
fn unicode_tokens() {
    assert_eq!(
        words("Café «Zürich» — naïve"),
        ["Café", "«", "Zürich", "»", "—", "naïve"]
    );
    // Decomposed accents stay in their word; a lone mark is a token of its own.
    assert_eq!(
        words("Cafe\u{301} x \u{301}"),
        ["Cafe\u{301}", "x", "\u{301}"]
    );
    assert_eq!(words("مرحبا بالعالم."), ["مرحبا", "بالعالم", "."]);
    assert_eq!(words("北京 2008年"), ["北京", "2008年"]);
    assert_eq!(
        words("a\u{a0}b\u{3000}c\u{200b}d"),
        ["a", "b", "c", "\u{200b}", "d"]
    );
    assert_eq!(words("a\0b"), ["a", "\0", "b"]);
}

#[test]
fn whitespace_only() {
    for text in ["", " ", "\n\n\t \r\n", "\u{a0}\u{2028}"] {
        let s = segment(text);
        assert!(s.tokens.is_empty() && s.sentences.is_empty() && s.dateline.is_none());
    }
}

// ---------------------------------------------------------------------------------------------
// Sentences

#[test]
fn final_punctuation() {
    assert_eq!(
        sentences("It rained. Did it? Yes! Well… Maybe."),
        ["It rained.", "Did it?", "Yes!", "Well…", "Maybe."]
    );
    assert_eq!(sentences("Wait... what? Fine."), ["Wait... what?", "Fine."]);
    assert_eq!(sentences("Stop!! Now."), ["Stop!!", "Now."]);
}

#[test]
fn closing_quotes_and_brackets_stay() {
    assert_eq!(
        sentences(r#"He said "no." Then he left. (It was late.) She said ‘yes?’ They met."#),
        [
            r#"He said "no.""#,
            "Then he left.",
            "(It was late.)",
            "She said ‘yes?’",
            "They met."
        ]
    );
    assert_eq!(
        sentences("“It was important.” The visit ended."),
        ["“It was important.”", "The visit ended."]
    );
    assert_eq!(
        sentences("He won.'' ``Great,'' she said."),
        ["He won.''", "``Great,'' she said."]
    );
    // A question inside a quotation goes on when a lower-case word follows.
    assert_eq!(
        sentences("“Why?” he asked. Then."),
        ["“Why?” he asked.", "Then."]
    );
}

#[test]
fn abbreviations_and_sentences() {
    assert_eq!(
        sentences("Mr. Smith met Dr. Jones. They talked."),
        ["Mr. Smith met Dr. Jones.", "They talked."]
    );
    assert_eq!(
        sentences("He moved to the U.S. The next day he left."),
        ["He moved to the U.S.", "The next day he left."]
    );
    assert_eq!(
        sentences("The U.S. President spoke."),
        ["The U.S. President spoke."]
    );
    assert_eq!(
        sentences("It opened on Sept. 5 in Sacramento, Calif. Officials came."),
        [
            "It opened on Sept. 5 in Sacramento, Calif.",
            "Officials came."
        ]
    );
    assert_eq!(
        sentences("Gen. Lee and Sen. Warren met. Apple Inc. Chief Executive Tim Cook spoke."),
        [
            "Gen. Lee and Sen. Warren met.",
            "Apple Inc. Chief Executive Tim Cook spoke."
        ]
    );
    assert_eq!(
        sentences("It was sold to Acme Corp. The price was low."),
        ["It was sold to Acme Corp.", "The price was low."]
    );
    assert_eq!(
        sentences("Bring food, water, etc. Then go."),
        ["Bring food, water, etc.", "Then go."]
    );
    assert_eq!(sentences("They met e.g. Nolan."), ["They met e.g. Nolan."]);
    assert_eq!(
        sentences(r#"He said "No." The end."#),
        [r#"He said "No.""#, "The end."]
    );
    assert_eq!(
        sentences("Flight No. RPC-727 crashed."),
        ["Flight No. RPC-727 crashed."]
    );
}

#[test]
fn initials_do_not_end_sentences() {
    assert_eq!(
        sentences("John F. Kennedy was elected. J. Smith agreed."),
        ["John F. Kennedy was elected.", "J. Smith agreed."]
    );
    assert_eq!(
        sentences("He is single, so am I. We go out."),
        ["He is single, so am I.", "We go out."]
    );
}

#[test]
fn decimals_and_times() {
    assert_eq!(
        sentences("It rose 3.5 percent at 10 a.m. on Friday. It fell."),
        ["It rose 3.5 percent at 10 a.m. on Friday.", "It fell."]
    );
    assert_eq!(
        sentences("They met at 10 a.m. He said it went well."),
        ["They met at 10 a.m.", "He said it went well."]
    );
    assert_eq!(
        sentences("It ends at 3 p.m. Friday."),
        ["It ends at 3 p.m. Friday."]
    );
    assert_eq!(
        sentences("The meeting began at 10.30. Nothing happened."),
        ["The meeting began at 10.30.", "Nothing happened."]
    );
}

#[test]
fn title_case_headlines() {
    assert_eq!(
        sentences(
            "Harbour Council Mouthpiece: U.S. And Norvia “Slander” Velda\nThe senator spoke."
        ),
        [
            "Harbour Council Mouthpiece: U.S. And Norvia “Slander” Velda",
            "The senator spoke."
        ]
    );
}

#[test]
fn lone_punctuation_does_not_end_a_sentence() {
    assert_eq!(
        sentences("“…Maria Okafor said so. He left."),
        ["“…Maria Okafor said so.", "He left."]
    );
    assert_eq!(
        sentences("ended… ‘\n“Okafor said so."),
        ["ended… ‘", "“Okafor said so."]
    );
}

#[test]
fn blank_lines_end_sentences() {
    assert_eq!(
        sentences("Share it...\n\nLeave a Reply"),
        ["Share it...", "Leave a Reply"]
    );
    assert_eq!(
        sentences("one clause and\n  \n  another"),
        ["one clause and", "another"]
    );
    assert_eq!(sentences("a\r\n\r\nb"), ["a", "b"]);
    assert_eq!(sentences("a\u{2029}b"), ["a", "b"]);
}

#[test]
fn headlines_without_punctuation() {
    let text = "Velda delegation visits Tarvik\nThe delegation met officials on Thursday.\n\"We are pleased,\" it said.\n2023 was a hard year.\n• first item\n• second item";
    assert_eq!(
        sentences(text),
        [
            "Velda delegation visits Tarvik",
            "The delegation met officials on Thursday.",
            "\"We are pleased,\" it said.",
            "2023 was a hard year.",
            "• first item",
            "• second item",
        ]
    );
    // A line that ends in a comma or a dash goes on.
    assert_eq!(
        sentences("MOSCOW, March 16 (Reuters) -\nRussia said so."),
        ["MOSCOW, March 16 (Reuters) -\nRussia said so."]
    );
    assert_eq!(sentences("He met,\nMr. Smith."), ["He met,\nMr. Smith."]);
}

#[test]
fn numbered_list_items() {
    assert_eq!(
        sentences("The list:\n14.\nApril 1997 Nippon Credit\n15.\nMay 1997 Foo"),
        [
            "The list:",
            "14.\nApril 1997 Nippon Credit",
            "15.\nMay 1997 Foo"
        ]
    );
}

#[test]
fn wrapped_lines_stay_in_one_sentence() {
    let text = "The delegation met with Kestran Foreign Minister Sergei Varkov and his\n\
                deputy Mikhail Borodkin in Vienna on Thursday, a source in the movement\n\
                told Al-Sahrawan news. The talks focused on the situation in the East\n\
                Bank and on the visit of the Sulmarinian President Mahmoud Azzam to\n\
                Vienna.\n\
                \n\
                Short headline\n\
                Another paragraph starts here and it goes on for a while before the\n\
                line is wrapped.";
    assert_eq!(
        sentences(text),
        [
            "The delegation met with Kestran Foreign Minister Sergei Varkov and his\n\
             deputy Mikhail Borodkin in Vienna on Thursday, a source in the movement\n\
             told Al-Sahrawan news.",
            "The talks focused on the situation in the East\n\
             Bank and on the visit of the Sulmarinian President Mahmoud Azzam to\n\
             Vienna.",
            "Short headline",
            "Another paragraph starts here and it goes on for a while before the\n\
             line is wrapped.",
        ]
    );
}

#[test]
fn lists_of_lines() {
    // From a wire story: a table of figures, one per line.
    let text =
        "KENYA:\nTotal Dead: 192\nAmericans: 12\nInjured: 4,877\n\nTANZANIA:\nTotal dead: 10";
    assert_eq!(
        sentences(text),
        [
            "KENYA:",
            "Total Dead: 192",
            "Americans: 12",
            "Injured: 4,877",
            "TANZANIA:",
            "Total dead: 10"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Datelines

#[test]
fn labelled_datelines() {
    let text = " date 2023-10-26 The Israeli Foreign Ministry called it a step\n\nIsrael said so.";
    assert_eq!(
        dateline(text),
        Some((
            DatelineKind::Labelled,
            day(Some(2023), 10, 26),
            "2023-10-26"
        ))
    );
    assert_eq!(
        sentences(text),
        [
            "date 2023-10-26",
            "The Israeli Foreign Ministry called it a step",
            "Israel said so."
        ]
    );
    assert_eq!(
        dateline("Date: 2023-10-26\nText."),
        Some((
            DatelineKind::Labelled,
            day(Some(2023), 10, 26),
            "2023-10-26"
        ))
    );
    assert_eq!(
        dateline("Headline here\nPublished: May 7, 2005\nText."),
        Some((DatelineKind::Labelled, day(Some(2005), 5, 7), "May 7, 2005"))
    );
    assert_eq!(
        dateline("Posted on 7 May 2005 by staff"),
        Some((DatelineKind::Labelled, day(Some(2005), 5, 7), "7 May 2005"))
    );
    assert_eq!(
        dateline("PUBLICATION DATE: Sept. 30"),
        Some((DatelineKind::Labelled, day(None, 9, 30), "Sept. 30"))
    );
    assert_eq!(
        dateline("Dated 2005/05/07"),
        Some((DatelineKind::Labelled, day(Some(2005), 5, 7), "2005/05/07"))
    );
    assert_eq!(dateline("Date rape cases rose in 2005."), None);
    assert_eq!(
        sentences("Published May 7, 2005. The text."),
        ["Published May 7, 2005.", "The text."]
    );
    assert_eq!(
        sentences(
            "Posted on 7 May 2005, by staff
The text."
        ),
        ["Posted on 7 May 2005, by staff", "The text."]
    );
}

#[test]
fn date_lines() {
    let text = "Reactions to Apple's OS X Tiger\nMay 7, 2005\nIn chatrooms, users are buzzing.";
    assert_eq!(
        dateline(text),
        Some((DatelineKind::DateLine, day(Some(2005), 5, 7), "May 7, 2005"))
    );
    assert_eq!(
        sentences(text),
        [
            "Reactions to Apple's OS X Tiger",
            "May 7, 2005",
            "In chatrooms, users are buzzing."
        ]
    );
    for (line, date) in [
        ("7 May 2005", "7 May 2005"),
        ("2005-05-07", "2005-05-07"),
        ("Thursday, May 7, 2005", "Thursday, May 7, 2005"),
        ("Thu 7 May, 2005", "Thu 7 May, 2005"),
        ("October 04, 2005", "October 04, 2005"),
        ("may 7th, 2005 10:30 a.m. EDT", "may 7th, 2005"),
    ] {
        let found = dateline(line).map(|(k, _, s)| (k, s));
        assert_eq!(found, Some((DatelineKind::DateLine, date)), "{line}");
    }
    assert_eq!(
        dateline("October 04, 2005").map(|d| d.1),
        Some(day(Some(2005), 10, 4))
    );
    // A sentence that starts with a date is not a date line, nor is a date without a year.
    assert_eq!(dateline("May 7, 2005 was a turning point."), None);
    assert_eq!(dateline("May 7\nText."), None);
}

#[test]
fn wire_datelines() {
    let text = "MOSCOW, March 16 (Reuters) - Russia's deputy minister met them.";
    assert_eq!(
        dateline(text),
        Some((DatelineKind::Wire, day(None, 3, 16), "March 16"))
    );
    assert_eq!(sentences(text).len(), 1);
    assert_eq!(
        dateline("\n\nJOHANNESBURG, August 7 (Xinhua) --\n\nSouth Africa deplored it."),
        Some((DatelineKind::Wire, day(None, 8, 7), "August 7"))
    );
    assert_eq!(
        dateline("Headline\n\nby A Writer\n\nRAFAH, Gaza Strip, Nov. 25 (Xinhua) -- It is."),
        Some((DatelineKind::Wire, day(None, 11, 25), "Nov. 25"))
    );
    assert_eq!(
        dateline("ST. LOUIS, Mo., Dec. 3, 2004 /PRNewswire/ -- A company said."),
        Some((DatelineKind::Wire, day(Some(2004), 12, 3), "Dec. 3, 2004"))
    );
    assert_eq!(
        dateline("Paris, 16 March — The talks began."),
        Some((DatelineKind::Wire, day(None, 3, 16), "16 March"))
    );
    assert_eq!(dateline("NAIROBI, Kenya (AP) _ The figures are in."), None);
    assert_eq!(dateline("WASHINGTON (AP) — The figures are in."), None);
    assert_eq!(dateline("Tensions, March 16 are high."), None);
}

#[test]
fn invalid_dates_give_no_dateline() {
    assert_eq!(dateline("Date: 2023-02-30"), None);
    assert_eq!(dateline("February 30, 2005"), None);
    assert_eq!(dateline("MOSCOW, Feb. 30 (Reuters) - Text."), None);
    assert_eq!(dateline("MOSCOW, April 31 (Reuters) - Text."), None);
    assert_eq!(dateline("2023-13-01"), None);
    assert_eq!(
        dateline("MOSCOW, Feb. 29 (Reuters) - Text."),
        Some((DatelineKind::Wire, day(None, 2, 29), "Feb. 29"))
    );
    assert_eq!(dateline("February 29, 2023"), None);
    assert!(dateline("February 29, 2024").is_some());
}

#[test]
fn datelines_only_at_the_head() {
    let text = "One.\nTwo.\nThree.\nPublished: May 7, 2005";
    assert_eq!(dateline(text), None);
    let long = format!("{}\nMay 7, 2005", "word ".repeat(100));
    assert_eq!(dateline(&long), None);
}

// ---------------------------------------------------------------------------------------------
// Robustness

#[test]
fn long_and_odd_inputs() {
    let long = "a".repeat(1 << 20) + ". " + &"1.".repeat(1 << 16) + &"\u{301}".repeat(1000);
    check_invariants(&long).unwrap();
    let dots = ".".repeat(100_000);
    assert_eq!(segment(&dots).sentences.len(), 1);
    let abbrevs = "U.S. a.m. Mr. ".repeat(10_000);
    check_invariants(&abbrevs).unwrap();
    let lines = "x\n".repeat(50_000);
    check_invariants(&lines).unwrap();
    for text in [
        "\u{202e}abc. \u{202d}Def.",
        "\u{feff}Text.",
        "a.\u{301}B",
        "'''",
        "‘’",
        "1.2.3.",
        "...",
    ] {
        check_invariants(text).unwrap();
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Mr.",
            "U.S.",
            "a.m.",
            "e.g.",
            "J.",
            "Inc.",
            "Sept.",
            "etc.",
            "No.",
            "Ph.D",
            "the",
            "The",
            "He",
            "Tarvik",
            "TARVIK",
            "March",
            "May",
            "16",
            "2005",
            "1,000",
            "3.5",
            "2023-10-26",
            "16th",
            "1990s",
            "Ra'id",
            "Velas’",
            "don’t",
            "date",
            "Published:",
            "(Reuters)",
            "(",
            ")",
            "-",
            "—",
            ",",
            ".",
            "!",
            "?",
            "…",
            "...",
            "\"",
            "'",
            "“",
            "”",
            "‘",
            "’",
            "«",
            "»",
            "\n",
            "\n\n",
            " \n ",
            "\r\n",
            "\t",
            " ",
            "\u{a0}",
            "\u{2028}",
            "\u{2029}",
            "é",
            "e\u{301}",
            "\u{301}",
            "北京",
            "مرحبا",
            "\u{202e}",
            "\0",
            "•",
            "*",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z0-9.,'’ \n]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::ANY), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariants_on_any_string(text in ".*") {
        check_invariants(&text)?;
    }

    #[test]
    fn invariants_on_mixed_text(text in mixed_text()) {
        check_invariants(&text)?;
    }

    #[test]
    fn invariants_on_bytes_like_text(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        check_invariants(&text)?;
    }
}

// ---------------------------------------------------------------------------------------------
// The seed articles

fn seed(name: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .join(name);
    std::fs::read_to_string(path).ok()
}

fn seed_names() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn seeds_segment_sensibly() {
    let names = seed_names();
    if names.is_empty() {
        eprintln!("no seeds/ directory next to the workspace; skipping");
        return;
    }
    for name in &names {
        let Some(text) = seed(name) else { continue };
        check_invariants(&text).unwrap();
        let s = segment(&text);
        let paragraphs = text.split('\n').filter(|l| !l.trim().is_empty()).count();
        let stops = text.matches(['.', '!', '?', '…']).count();
        assert!(
            (paragraphs..=paragraphs + stops).contains(&s.sentences.len()),
            "{name}: {} sentences for {paragraphs} non-empty lines and {stops} stops",
            s.sentences.len()
        );
        for x in &s.sentences {
            let sentence = x.text(&text);
            // No sentence spans a blank line or starts in the middle of a word.
            assert!(!sentence.contains("\n\n"), "{name}: {sentence:?}");
            let first = sentence.chars().next().unwrap();
            let has_dateline = s
                .dateline
                .is_some_and(|d| x.start <= d.start && d.end <= x.end);
            assert!(
                !first.is_lowercase() || has_dateline,
                "{name}: {sentence:?}"
            );
            // Sentences end at final punctuation or at the end of a line.
            let at_line_end = matches!(
                text[x.end..]
                    .chars()
                    .find(|c| !c.is_whitespace() || *c == '\n'),
                None | Some('\n')
            );
            let last = sentence.chars().next_back().unwrap();
            let at_dateline = s.dateline.is_some_and(|d| d.end == x.end);
            assert!(
                at_line_end
                    || at_dateline
                    || matches!(last, '.' | '!' | '?' | '…' | '"' | '”' | '’' | ')'),
                "{name}: {sentence:?}"
            );
        }
    }
}

#[test]
fn seed_boundaries() {
    let Some(text) = seed("000_e7ff0e64a7849bbc.txt") else {
        eprintln!("seed 000 not found; skipping");
        return;
    };
    let s = sentences(&text);
    assert!(s[0].ends_with("on 16 March."), "{:?}", s[0]);
    assert!(s[1].starts_with("The delegation had previously met"));
    assert!(s[1].ends_with("global actors.\""));
    assert_eq!(*s.last().unwrap(), "Comments");
    assert_eq!(segment(&text).dateline, None);

    if let Some(text) = seed("002_9702e96eff6568ce.txt") {
        let s = sentences(&text);
        assert!(s[0].ends_with("to meet Russian officials"), "{:?}", s[0]);
        assert!(s[1].starts_with("The Russian Deputy Foreign Minister"));
        assert_eq!(s[s.len() - 2..], ["Share it...", "Leave a Reply"]);
    }
    if let Some(text) = seed("003_ee77a87f937499ff.txt") {
        let s = sentences(&text);
        assert!(s.contains(&"Federation Council Mouthpiece: U.S. And Israel “Slander” Hamas"));
        assert!(s.contains(
            &"This position was expressed, for example, by Hamas official Isma’il Radwan."
        ));
        assert!(s.iter().all(|x| x.len() > 3), "{s:?}");
    }
    if let Some(text) = seed("004_4be500a43fb9c99e.txt") {
        let seg = segment(&text);
        let d = seg.dateline.expect("seed 004 has a dateline");
        assert_eq!(d.kind, DatelineKind::Labelled);
        assert_eq!(d.date, day(Some(2023), 10, 26));
        assert_eq!(&text[d.start..d.end], "2023-10-26");
        let s = sentences(&text);
        assert_eq!(s[0], "date 2023-10-26");
        assert!(s[1].starts_with("The Israeli Foreign Ministry"));
        assert!(s[1].ends_with("an unworthy step"));
    }
}

#[test]
fn code_points_agree_with_python_indices() {
    let text = "Ra’id – 14 October";
    let cp = CodePoints::new(text);
    let s = segment(text);
    let last = s.tokens.last().unwrap();
    assert_eq!(
        cp.to_code_point(last.start),
        text[..last.start].chars().count()
    );
}
