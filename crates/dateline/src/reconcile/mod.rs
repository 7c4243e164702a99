//! The `reconcile` stage: per event, the date claims of its mentions become one date.
//!
//! Compatible claims intersect ("2020" and "March 2020" give March 2020; "Thursday" and
//! "16 March 2023" give that Thursday). Incompatible claims are a [`Conflict`]: every claim is
//! kept with its documents and weight, and a [`Policy`] chooses one with an explanation.
//!
//! Entry point: [`reconcile`].

use std::fmt::Write as _;

use chrono::Datelike;

use crate::document::PublishedSource;
use crate::event::EventAnchoring;
use crate::time::{DateValue, Interval};

/// How much a mention's date counts, by how it was fixed: an explicit date more than one
/// resolved against a publication date, more than one inherited from the narrative. The
/// weight of an anchoring alone; a claim weighs by its [`Basis`], which knows the words.
pub fn anchoring_weight(anchoring: EventAnchoring, value: &DateValue) -> f64 {
    match anchoring {
        EventAnchoring::Explicit => 1.0,
        EventAnchoring::Publication => 0.8,
        EventAnchoring::Narrative => 0.7,
        EventAnchoring::Inherited => 0.4,
        // A date the text gives whole but for its year ("9 September", with no publication
        // date to place it) is nearly as good as an explicit one.
        EventAnchoring::None => {
            if matches!(value, DateValue::Day { .. } | DateValue::Month { .. }) {
                0.9
            } else {
                0.3
            }
        }
    }
}

/// Why a mention's date weighs what it weighs: what its sentence says, and what the date
/// was resolved against.
///
/// The weight depends on the words only, never on how much is known of the publication
/// date: "9 September" weighs the same whether its year stays unknown or comes from a
/// publication date, given or inferred, so that learning more about a source never makes its
/// claims count less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The sentence gives the whole date ("on 12 September 2022").
    Explicit,
    /// The sentence gives the day and month, or the month, but no year ("on 9 September");
    /// `year_from` says where the year came from, `None` when it is not known.
    NoYear {
        /// The publication date that gave the year, if one did.
        year_from: Option<PublishedSource>,
    },
    /// A weekday ("on Thursday") resolved against the publication date.
    Weekday {
        /// Where that publication date came from.
        published: PublishedSource,
    },
    /// A date relative to the publication ("yesterday", "last week"), or none at all (the
    /// lede's happening is the news of the publication day): resolved against the
    /// publication date.
    Publication {
        /// Where that publication date came from.
        published: PublishedSource,
        /// Whether the sentence has a temporal expression.
        expression: bool,
    },
    /// Resolved against the date the story had reached ("the day after the meeting").
    Narrative,
    /// No date in the sentence: the date of the sentences around it.
    Inherited,
    /// A date that nothing fixes (a weekday without a publication date, a vague period).
    Vague,
}

impl Basis {
    /// How much a mention on this basis counts (before its source's weight).
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::reconcile::Basis;
    /// use dateline::timeline::PublishedSource;
    ///
    /// let unknown = Basis::NoYear { year_from: None };
    /// let given = Basis::NoYear { year_from: Some(PublishedSource::Given) };
    /// assert_eq!(unknown.weight(), given.weight()); // knowing the year costs nothing
    /// assert!(Basis::Explicit.weight() > given.weight());
    /// ```
    pub fn weight(self) -> f64 {
        match self {
            Basis::Explicit => 1.0,
            Basis::NoYear { .. } => 0.9,
            Basis::Weekday { .. } | Basis::Publication { .. } => 0.8,
            Basis::Narrative => 0.7,
            Basis::Inherited => 0.4,
            Basis::Vague => 0.3,
        }
    }

    /// A short name: `explicit`, `no_year`, `weekday`, `publication`, `narrative`,
    /// `inherited` or `vague`, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Explicit => "explicit",
            Basis::NoYear { .. } => "no_year",
            Basis::Weekday { .. } => "weekday",
            Basis::Publication { .. } => "publication",
            Basis::Narrative => "narrative",
            Basis::Inherited => "inherited",
            Basis::Vague => "vague",
        }
    }

    /// The reason in plain words: "explicit date in the same sentence", "weekday resolved
    /// against an inferred publication date", …
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::reconcile::Basis;
    /// use dateline::timeline::PublishedSource;
    ///
    /// assert_eq!(Basis::Explicit.reason(), "explicit date in the same sentence");
    /// let weekday = Basis::Weekday { published: PublishedSource::Inferred };
    /// assert_eq!(weekday.reason(), "weekday resolved against an inferred publication date");
    /// ```
    pub fn reason(self) -> String {
        let against = |p: PublishedSource| match p {
            PublishedSource::Inferred => "an inferred publication date",
            PublishedSource::Dateline => "the publication date of its dateline",
            _ => "the publication date",
        };
        match self {
            Basis::Explicit => "explicit date in the same sentence".to_owned(),
            Basis::NoYear { year_from: None } => {
                "date in the same sentence, without its year".to_owned()
            }
            Basis::NoYear { year_from: Some(p) } => {
                format!("date in the same sentence, its year from {}", against(p))
            }
            Basis::Weekday { published } => {
                format!("weekday resolved against {}", against(published))
            }
            Basis::Publication {
                published,
                expression: true,
            } => format!("date resolved against {}", against(published)),
            Basis::Publication {
                published: PublishedSource::Inferred,
                expression: false,
            } => "no date in its sentence: inferred from the inferred publication date".to_owned(),
            Basis::Publication {
                expression: false, ..
            } => "no date in its sentence: inferred from the publication date".to_owned(),
            Basis::Narrative => "date resolved against the date the story had reached".to_owned(),
            Basis::Inherited => {
                "no date in its sentence: the date of the sentences around it".to_owned()
            }
            Basis::Vague => "a date that nothing in the text fixes".to_owned(),
        }
    }

    /// The basis of a mention dated `when` with `anchoring`, whose temporal expression (if
    /// any) reads `expression`, in a document whose publication date came from `published`.
    ///
    /// An expression resolved against the publication date is read again without one, to
    /// tell a date without its year ("9 September") from a weekday or a relative date.
    pub fn of(
        anchoring: EventAnchoring,
        expression: Option<&str>,
        when: &DateValue,
        published: PublishedSource,
    ) -> Basis {
        let yearless = |v: &DateValue| {
            matches!(
                v,
                DateValue::Day { year: None, .. } | DateValue::Month { year: None, .. }
            )
        };
        match anchoring {
            EventAnchoring::Explicit => Basis::Explicit,
            EventAnchoring::Narrative => Basis::Narrative,
            EventAnchoring::Inherited => Basis::Inherited,
            EventAnchoring::None if yearless(when) => Basis::NoYear { year_from: None },
            EventAnchoring::None => Basis::Vague,
            EventAnchoring::Publication => {
                let Some(text) = expression else {
                    return Basis::Publication {
                        published,
                        expression: false,
                    };
                };
                let alone = crate::tag(text, None)
                    .into_iter()
                    .next()
                    .and_then(|t| t.value.date().copied());
                match alone {
                    Some(v) if yearless(&v) => Basis::NoYear {
                        year_from: Some(published),
                    },
                    Some(DateValue::Weekday(_)) => Basis::Weekday { published },
                    _ => Basis::Publication {
                        published,
                        expression: true,
                    },
                }
            }
        }
    }
}

/// One date that some sources give for an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The date claimed (compatible claims intersected).
    pub when: DateValue,
    /// The documents that claim it, sorted.
    pub docs: Vec<String>,
    /// The claim's weight: its mentions' anchoring weights times their sources' weights.
    pub weight: f64,
    /// How many of its mentions date the event with an explicit expression.
    pub explicit: usize,
    /// Each mention that makes the claim, in the event's order of mentions: its sentence is
    /// `event.mentions[evidence.mention]`, and why it weighs what it weighs.
    pub evidence: Vec<Evidence>,
}

/// One mention behind a [`Claim`]: where it is, the date it gives, and why it weighs what it
/// weighs.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Index into the event's [`mentions`](crate::timeline::Event::mentions): the sentence, trigger and time.
    pub mention: usize,
    /// The document.
    pub doc: String,
    /// The date this mention gives (with the year placed, see [`year_placed`](Self::year_placed)).
    pub when: DateValue,
    /// What its sentence says and what the date was resolved against.
    pub basis: Basis,
    /// Its weight: the basis's weight times the source's.
    pub weight: f64,
    /// The weight of its source (1 unless set).
    pub source_weight: f64,
    /// Whether a year-less date was given the year, among those its publication bounds
    /// allow, nearest the other claims.
    pub year_placed: bool,
}

impl Evidence {
    /// Why the mention weighs what it weighs, in plain words: the basis, the year placed, and
    /// a source weight other than 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::reconcile::Basis;
    /// use dateline::time::DateValue;
    /// use dateline::timeline::Evidence;
    ///
    /// let e = Evidence {
    ///     mention: 0,
    ///     doc: "wire".into(),
    ///     when: DateValue::Year(2022),
    ///     basis: Basis::Explicit,
    ///     weight: 2.0,
    ///     source_weight: 2.0,
    ///     year_placed: false,
    /// };
    /// assert_eq!(e.reason(), "explicit date in the same sentence; its source counts 2 times");
    /// ```
    pub fn reason(&self) -> String {
        let mut out = self.basis.reason();
        if self.year_placed {
            if let Some(y) = self.when.year() {
                let _ = write!(
                    out,
                    "; read as {}, the year within its publication bounds nearest the other claims",
                    crate::time::display_date(&DateValue::Year(y))
                );
            }
        }
        if self.source_weight != 1.0 {
            let _ = write!(out, "; its source counts {} times", self.source_weight);
        }
        out
    }
}

/// Disagreeing dates for one event, every claim kept, and the rule that chose among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Every claim, strongest first.
    pub claims: Vec<Claim>,
    /// Index of the chosen claim.
    pub chosen: usize,
    /// The name of the rule that chose.
    pub rule: String,
    /// One line saying why.
    pub explanation: String,
}

/// Chooses among incompatible claims.
pub trait Policy: Send + Sync {
    /// The rule's name, as the conflict records it.
    fn name(&self) -> &str;
    /// The rule with its settings, to tell whether two timelines chose alike (merging needs
    /// one policy); the name unless the policy has settings.
    fn config(&self) -> String {
        self.name().to_owned()
    }
    /// The index of the chosen claim among `claims` (strongest first) and a one-line reason.
    fn choose(&self, claims: &[Claim]) -> (usize, String);
}

fn describe(c: &Claim) -> String {
    format!(
        "{} ({} source{}, weight {:.1})",
        crate::time::display_date(&c.when),
        c.docs.len(),
        if c.docs.len() == 1 { "" } else { "s" },
        c.weight
    )
}

/// The default rule: the heaviest claim (explicit dates count most, then dates resolved against
/// a publication date, then narrative ones; each source's weight multiplies), then the more
/// specific, then the one more documents give, then the earliest.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultPolicy;

impl Policy for DefaultPolicy {
    fn name(&self) -> &str {
        "weight"
    }

    fn choose(&self, claims: &[Claim]) -> (usize, String) {
        let best = (0..claims.len())
            .max_by(|&a, &b| {
                let (x, y) = (&claims[a], &claims[b]);
                x.weight
                    .total_cmp(&y.weight)
                    .then(x.when.granularity().cmp(&y.when.granularity()))
                    .then(x.docs.len().cmp(&y.docs.len()))
                    .then_with(|| start(&y.when).cmp(&start(&x.when)))
            })
            .unwrap_or(0);
        let others: Vec<String> = claims
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != best)
            .map(|(_, c)| describe(c))
            .collect();
        (
            best,
            format!(
                "chose {} over {}: its evidence weighs more",
                describe(&claims[best]),
                others.join(", ")
            ),
        )
    }
}

fn start(v: &DateValue) -> Option<chrono::NaiveDate> {
    v.interval().map(|iv| iv.start)
}

/// Chooses the earliest claim.
#[derive(Debug, Clone, Copy, Default)]
pub struct Earliest;

impl Policy for Earliest {
    fn name(&self) -> &str {
        "earliest"
    }

    fn choose(&self, claims: &[Claim]) -> (usize, String) {
        let best = (0..claims.len())
            .min_by_key(|&i| (start(&claims[i].when).is_none(), start(&claims[i].when)))
            .unwrap_or(0);
        (
            best,
            format!("chose the earliest claim, {}", describe(&claims[best])),
        )
    }
}

/// Chooses the latest claim.
#[derive(Debug, Clone, Copy, Default)]
pub struct Latest;

impl Policy for Latest {
    fn name(&self) -> &str {
        "latest"
    }

    fn choose(&self, claims: &[Claim]) -> (usize, String) {
        let best = (0..claims.len())
            .max_by_key(|&i| start(&claims[i].when))
            .unwrap_or(0);
        (
            best,
            format!("chose the latest claim, {}", describe(&claims[best])),
        )
    }
}

/// Chooses a claim that a trusted source gives, trusted sources in order; else the default.
#[derive(Debug, Clone, Default)]
pub struct TrustedFirst {
    /// Document ids, most trusted first.
    pub trusted: Vec<String>,
}

impl Policy for TrustedFirst {
    fn name(&self) -> &str {
        "trusted"
    }

    fn config(&self) -> String {
        format!("trusted: {}", self.trusted.join(", "))
    }

    fn choose(&self, claims: &[Claim]) -> (usize, String) {
        for id in &self.trusted {
            if let Some(i) = claims.iter().position(|c| c.docs.contains(id)) {
                return (
                    i,
                    format!(
                        "chose {}: the trusted source {id} gives it",
                        describe(&claims[i])
                    ),
                );
            }
        }
        DefaultPolicy.choose(claims)
    }
}

/// One mention's claim: its date, its document, and its weight.
#[derive(Debug, Clone)]
pub struct MentionClaim {
    /// The date claimed.
    pub when: DateValue,
    /// The document.
    pub doc: String,
    /// Its weight: its basis's weight times its source's weight.
    pub weight: f64,
    /// Why it weighs what it weighs.
    pub basis: Basis,
    /// The weight of its source (1 unless the caller set one).
    pub source_weight: f64,
    /// The mention's index among the event's mentions, as the caller numbers them.
    pub mention: usize,
    /// Whether an explicit expression gives it.
    pub explicit: bool,
    /// The days the document may have been published on, when only bounds are known: a
    /// year-less date of such a document is placed in one of the years they allow.
    pub published_within: Option<Interval>,
}

/// The reconciled date of one event: the date, the conflict if the claims disagree, and a
/// confidence.
pub fn reconcile(
    mentions: &[MentionClaim],
    policy: &dyn Policy,
) -> (Option<DateValue>, Option<Conflict>, f64) {
    // Most events have one mention: its date stands as it is (placing a year-less date needs
    // another claim with a full date).
    if let [m] = mentions {
        return (
            Some(m.when),
            None,
            single_confidence(m.weight, usize::from(m.explicit)),
        );
    }
    let placed = place_yearless(mentions);
    // Strongest claims first, so compatible weaker ones narrow them; ties in a fixed order.
    let mut order: Vec<(&MentionClaim, DateValue)> = mentions.iter().zip(placed).collect();
    order.sort_by(|(a, a_when), (b, b_when)| {
        b.weight
            .total_cmp(&a.weight)
            .then(b_when.granularity().cmp(&a_when.granularity()))
            .then_with(|| a.doc.cmp(&b.doc))
            .then_with(|| a_when.to_string().cmp(&b_when.to_string()))
    });
    // The mentions of each claim are borrowed until there is a conflict to report, and its
    // documents sorted and made distinct once at the end: a wire story that thousands of
    // outlets run is one event with thousands of claims.
    let mut claims: Vec<(Claim, Vec<(&MentionClaim, DateValue)>)> = Vec::new();
    for (m, when) in order {
        let joined = claims.iter_mut().find_map(|(c, ms)| {
            c.when.intersect(&when).map(|v| {
                c.when = v;
                (c, ms)
            })
        });
        match joined {
            Some((c, ms)) => {
                c.weight += m.weight;
                c.explicit += usize::from(m.explicit);
                ms.push((m, when));
            }
            None => claims.push((
                Claim {
                    when,
                    docs: Vec::new(),
                    weight: m.weight,
                    explicit: usize::from(m.explicit),
                    evidence: Vec::new(),
                },
                vec![(m, when)],
            )),
        }
    }
    claims.sort_by(|(a, _), (b, _)| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.when.to_string().cmp(&b.when.to_string()))
    });
    let total: f64 = claims.iter().map(|(c, _)| c.weight).sum();
    match claims.len() {
        0 => (None, None, 0.0),
        1 => {
            let c = &claims[0].0;
            (Some(c.when), None, single_confidence(c.weight, c.explicit))
        }
        _ => {
            let claims: Vec<Claim> = claims
                .into_iter()
                .map(|(c, mut ms)| {
                    let mut docs: Vec<String> = ms.iter().map(|(m, _)| m.doc.clone()).collect();
                    docs.sort_unstable();
                    docs.dedup();
                    // Each mention once, in the caller's order of mentions.
                    ms.sort_by_key(|(m, _)| m.mention);
                    ms.dedup_by_key(|(m, _)| m.mention);
                    let evidence = ms
                        .into_iter()
                        .map(|(m, when)| Evidence {
                            mention: m.mention,
                            doc: m.doc.clone(),
                            when,
                            basis: m.basis,
                            weight: m.weight,
                            source_weight: m.source_weight,
                            year_placed: when != m.when,
                        })
                        .collect();
                    Claim {
                        docs,
                        evidence,
                        ..c
                    }
                })
                .collect();
            let (chosen, explanation) = policy.choose(&claims);
            let chosen = chosen.min(claims.len() - 1);
            let share = if total > 0.0 {
                claims[chosen].weight / total
            } else {
                0.0
            };
            let when = claims[chosen].when;
            (
                Some(when),
                Some(Conflict {
                    claims,
                    chosen,
                    rule: policy.name().to_owned(),
                    explanation,
                }),
                round(share * 0.9),
            )
        }
    }
}

/// The confidence in a date that all the claims agree on: more sources and explicit dates make
/// it surer.
fn single_confidence(weight: f64, explicit: usize) -> f64 {
    round(1.0 - 0.5f64.powf(weight + explicit as f64 * 0.5))
}

/// A year-less claim ("9 September") of a document whose publication date is known only as
/// bounds takes the year, among those the bounds allow, that brings it nearest the strongest
/// claim with a full date: the mentions are of one event, so that is the year they speak of.
/// It stays year-less when no claim has a full date, or when no year brings it within half a
/// year of it. Returns the date of each claim, placed ([`Evidence::year_placed`] tells).
fn place_yearless(mentions: &[MentionClaim]) -> Vec<DateValue> {
    let anchor = mentions
        .iter()
        .filter_map(|m| m.when.interval().map(|iv| (m, iv)))
        .max_by(|(a, _), (b, _)| {
            a.weight
                .total_cmp(&b.weight)
                .then(a.when.granularity().cmp(&b.when.granularity()))
                .then_with(|| b.doc.cmp(&a.doc))
                .then_with(|| b.when.to_string().cmp(&a.when.to_string()))
        })
        .map(|(_, iv)| iv);
    mentions
        .iter()
        .map(|m| {
            let (Some(target), Some(within), None) = (anchor, m.published_within, m.when.year())
            else {
                return m.when;
            };
            // A report speaks of dates up to about a year either side of its publication.
            (within.start.year() - 1..=within.end.year() + 1)
                .filter_map(|y| {
                    let v = m.when.with_year(y);
                    v.interval().map(|iv| (v, gap_days(&iv, &target)))
                })
                .min_by_key(|&(_, gap)| gap)
                .filter(|&(_, gap)| gap < 183)
                .map_or(m.when, |(v, _)| v)
        })
        .collect()
}

/// Days between two intervals: 0 when they overlap.
fn gap_days(a: &Interval, b: &Interval) -> i64 {
    if a.end < b.start {
        (b.start - a.end).num_days()
    } else if b.end < a.start {
        (a.start - b.end).num_days()
    } else {
        0
    }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(v: &str, doc: &str, weight: f64) -> MentionClaim {
        let when = match v {
            "2020" => DateValue::Year(2020),
            "2020-03" => DateValue::Month {
                year: Some(2020),
                month: Some(3),
            },
            "XXXX-09-09" => DateValue::Day {
                year: None,
                month: 9,
                day: 9,
            },
            "2022-09-10" => DateValue::Day {
                year: Some(2022),
                month: 9,
                day: 10,
            },
            "2022-09-12" => DateValue::Day {
                year: Some(2022),
                month: 9,
                day: 12,
            },
            "XXXX-09-12" => DateValue::Day {
                year: None,
                month: 9,
                day: 12,
            },
            other => panic!("no fixture {other}"),
        };
        MentionClaim {
            when,
            doc: doc.to_owned(),
            weight,
            basis: if weight >= 1.0 {
                Basis::Explicit
            } else {
                Basis::NoYear { year_from: None }
            },
            source_weight: 1.0,
            mention: 0,
            explicit: weight >= 1.0,
            published_within: None,
        }
    }

    #[test]
    fn compatible_claims_intersect() {
        let (when, conflict, _) = reconcile(
            &[claim("2020", "a", 1.0), claim("2020-03", "b", 1.0)],
            &DefaultPolicy,
        );
        assert_eq!(when.unwrap().to_string(), "2020-03");
        assert!(conflict.is_none());
        let (when, conflict, _) = reconcile(
            &[claim("XXXX-09-12", "a", 0.9), claim("2022-09-12", "b", 1.0)],
            &DefaultPolicy,
        );
        assert_eq!(when.unwrap().to_string(), "2022-09-12");
        assert!(conflict.is_none());
    }

    #[test]
    fn incompatible_claims_are_a_conflict_with_every_claim() {
        let mentions = [
            claim("XXXX-09-09", "a", 0.9),
            claim("2022-09-10", "b", 1.0),
            claim("2022-09-10", "c", 1.0),
        ];
        let (when, conflict, confidence) = reconcile(&mentions, &DefaultPolicy);
        assert_eq!(when.unwrap().to_string(), "2022-09-10");
        let conflict = conflict.unwrap();
        assert_eq!(conflict.claims.len(), 2);
        assert_eq!(conflict.claims[conflict.chosen].docs, ["b", "c"]);
        assert_eq!(conflict.claims[1 - conflict.chosen].docs, ["a"]);
        assert_eq!(conflict.rule, "weight");
        assert!(
            conflict.explanation.contains("9 September (year unknown)"),
            "{}",
            conflict.explanation
        );
        let ev = &conflict.claims[1 - conflict.chosen].evidence;
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].doc, "a");
        assert_eq!(
            ev[0].reason(),
            "date in the same sentence, without its year"
        );
        assert!(confidence < 0.9);
        // Other policies.
        let (when, _, _) = reconcile(&mentions, &Latest);
        assert_eq!(when.unwrap().to_string(), "2022-09-10");
        let (when, c, _) = reconcile(
            &mentions,
            &TrustedFirst {
                trusted: vec!["a".into()],
            },
        );
        assert_eq!(when.unwrap().to_string(), "XXXX-09-09");
        assert_eq!(c.unwrap().rule, "trusted");
    }

    #[test]
    fn a_yearless_claim_takes_the_year_its_bounds_allow_nearest_the_others() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let within = |from, to| Interval::new(from, to);
        let mut yearless = claim("XXXX-09-09", "a", 0.9);
        yearless.published_within = within(day(2022, 9, 12), day(2023, 9, 11));
        let (when, conflict, _) = reconcile(
            &[yearless.clone(), claim("2022-09-10", "b", 1.0)],
            &DefaultPolicy,
        );
        assert_eq!(when.unwrap().to_string(), "2022-09-10");
        let conflict = conflict.unwrap();
        let whens: Vec<String> = conflict.claims.iter().map(|c| c.when.to_string()).collect();
        assert_eq!(whens, ["2022-09-10", "2022-09-09"]);
        let placed = &conflict.claims[1].evidence[0];
        assert!(placed.year_placed);
        assert_eq!(
            placed.reason(),
            "date in the same sentence, without its year; read as 2022, the year within its \
             publication bounds nearest the other claims"
        );
        // Without bounds, or with a full date far from every year the bounds allow, it stays.
        yearless.published_within = None;
        let (_, c, _) = reconcile(
            &[yearless.clone(), claim("2022-09-10", "b", 1.0)],
            &DefaultPolicy,
        );
        assert!(c
            .unwrap()
            .claims
            .iter()
            .any(|c| c.when.to_string() == "XXXX-09-09"));
        yearless.published_within = within(day(2030, 1, 1), day(2030, 12, 31));
        let (_, c, _) = reconcile(&[yearless, claim("2022-09-10", "b", 1.0)], &DefaultPolicy);
        assert!(c
            .unwrap()
            .claims
            .iter()
            .any(|c| c.when.to_string() == "XXXX-09-09"));
    }
}
