//! `dateline timeline`: one merged timeline of all the documents read.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use dateline::reconcile::{DefaultPolicy, Earliest, Latest, TrustedFirst};
use dateline::time::Interval;
use dateline::{export, Timeline, TimelineBuilder};

use crate::failure::Failure;
use crate::input::{self, Document};
use crate::progress::Progress;
use crate::{PolicyName, TimelineArgs, TimelineFormat};

pub fn run(args: &TimelineArgs, out: &mut impl Write) -> Result<(), Failure> {
    // Everything the arguments say is checked before any document is read.
    let range = range(args)?;
    let weights = weights(&args.weight)?;
    let policy = policy(args)?;
    let published = args.sources.check()?;

    let mut documents = Vec::new();
    let outcome = args
        .sources
        .for_each(published, &Progress::documents("loading"), |doc| {
            documents.push(doc.clone());
            Ok(())
        })?;
    // An empty timeline would look like a result; the errors above say why there is none.
    if outcome.nothing_usable() {
        return outcome.finish();
    }
    let read: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    for (flag, id) in weights
        .keys()
        .map(|id| ("--weight", id))
        .chain(args.trust.iter().map(|id| ("--trust", id)))
    {
        if !read.contains(&id.as_str()) {
            eprintln!("dateline: warning: {flag} names document {id:?}, which was not read");
        }
    }

    let timeline = build(documents, policy, &weights)?;
    let timeline = match &args.about {
        Some(name) => {
            let about = timeline.about(name);
            if about.events.is_empty() && !timeline.events.is_empty() {
                let close = closest_names(name, &timeline.participant_names(), 3);
                let hint = if close.is_empty() {
                    String::new()
                } else {
                    let close: Vec<String> = close.iter().map(|n| format!("{n:?}")).collect();
                    format!("; the closest names it knows: {}", close.join(", "))
                };
                eprintln!(
                    "dateline: warning: --about {name:?} matches no event of the timeline{hint}"
                );
            }
            about
        }
        None => timeline,
    };
    let timeline = match range {
        Some(iv) => timeline.between(iv.start, iv.end),
        None => timeline,
    };
    // The formats that have no place for it (CSV, JSON Lines) still get it said.
    if let Some(note) = export::filter_note(&timeline) {
        eprintln!("dateline: note: {note}");
    }
    // The JSON of a big timeline is written as it is made, not held whole first.
    let written = match args.format {
        TimelineFormat::Json => {
            export::write_timeline_json(&timeline, &mut *out).and_then(|()| out.write_all(b"\n"))
        }
        TimelineFormat::Jsonl => export::write_timeline_jsonl(&timeline, &mut *out),
        TimelineFormat::Md => out.write_all(export::timeline_markdown(&timeline).as_bytes()),
        TimelineFormat::Csv => out.write_all(export::timeline_csv(&timeline).as_bytes()),
        TimelineFormat::Timelinejs => {
            out.write_all((export::timeline_timelinejs(&timeline) + "\n").as_bytes())
        }
        TimelineFormat::Html => out.write_all(export::timeline_html(&timeline).as_bytes()),
    };
    written.map_err(Failure::Write)?;
    outcome.finish()
}

/// The `n` names most like `wanted` (whole names and their words compared, letter case
/// ignored), most alike first; only those at least a little alike.
fn closest_names<'a>(wanted: &str, names: &[&'a str], n: usize) -> Vec<&'a str> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = names
        .iter()
        .map(|&name| {
            let lower = name.to_lowercase();
            let best = std::iter::once(lower.as_str())
                .chain(lower.split_whitespace())
                .map(|part| strsim::normalized_damerau_levenshtein(&wanted, part))
                .fold(0.0, f64::max);
            (best, name)
        })
        .filter(|&(score, _)| score >= 0.4)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, name)| name).collect()
}

/// The policies `--policy` names.
enum Policy {
    Default,
    Earliest,
    Latest,
    Trusted(Vec<String>),
}

fn policy(args: &TimelineArgs) -> Result<Policy, Failure> {
    let name = args.policy.unwrap_or(if args.trust.is_empty() {
        PolicyName::Default
    } else {
        PolicyName::Trusted
    });
    match name {
        PolicyName::Trusted if args.trust.is_empty() => Err(Failure::Usage(
            "--policy trusted needs the trusted sources: --trust ID (most trusted first)"
                .to_owned(),
        )),
        PolicyName::Trusted => Ok(Policy::Trusted(args.trust.clone())),
        other if !args.trust.is_empty() => Err(Failure::Usage(format!(
            "--trust goes with --policy trusted, not --policy {}",
            match other {
                PolicyName::Earliest => "earliest",
                PolicyName::Latest => "latest",
                _ => "default",
            }
        ))),
        PolicyName::Default => Ok(Policy::Default),
        PolicyName::Earliest => Ok(Policy::Earliest),
        PolicyName::Latest => Ok(Policy::Latest),
    }
}

/// The values of `--weight ID=W`: a finite, non-negative weight per document id.
fn weights(values: &[String]) -> Result<BTreeMap<String, f64>, Failure> {
    let mut out = BTreeMap::new();
    for value in values {
        let bad = |why: &str| Failure::Usage(format!("--weight {value}: {why}"));
        let (id, w) = value
            .rsplit_once('=')
            .ok_or_else(|| bad("expected ID=WEIGHT, e.g. --weight reuters=2"))?;
        if id.is_empty() {
            return Err(bad("no document id before `=`"));
        }
        let weight: f64 = w
            .trim()
            .parse()
            .map_err(|_| bad(&format!("{w:?} is not a number")))?;
        if !weight.is_finite() || weight < 0.0 {
            return Err(bad(&format!(
                "{w:?} is not a weight (a finite number, 0 or more)"
            )));
        }
        if let Some(old) = out.insert(id.to_owned(), weight) {
            if old != weight {
                return Err(bad(&format!("document {id:?} already has weight {old}")));
            }
        }
    }
    Ok(out)
}

/// A date bound given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the days it denotes. A bad one
/// is a usage error that says what is wrong with it ("no such month 13").
fn date_bound(flag: &str, value: &str) -> Result<Interval, Failure> {
    let (start, end) = dateline::parse_date_range(value).map_err(|problem| {
        Failure::Usage(format!(
            "{flag} {value:?}: {problem} (expected a date as YYYY-MM-DD, YYYY-MM or YYYY)"
        ))
    })?;
    Ok(Interval { start, end })
}

/// The date range of `--between START END` or `--from`/`--to`, if any.
fn range(args: &TimelineArgs) -> Result<Option<Interval>, Failure> {
    let (start, end) = match args.between.as_deref() {
        Some([start, end]) => (
            Some(date_bound("--between", start)?.start),
            Some(date_bound("--between", end)?.end),
        ),
        Some(_) => {
            return Err(Failure::Usage(
                "--between takes two dates: --between START END".to_owned(),
            ))
        }
        None => (
            args.from
                .as_deref()
                .map(|v| date_bound("--from", v).map(|iv| iv.start))
                .transpose()?,
            args.to
                .as_deref()
                .map(|v| date_bound("--to", v).map(|iv| iv.end))
                .transpose()?,
        ),
    };
    if start.is_none() && end.is_none() {
        return Ok(None);
    }
    let start = start.unwrap_or(NaiveDate::MIN);
    let end = end.unwrap_or(NaiveDate::MAX);
    Interval::new(start, end).map(Some).ok_or_else(|| {
        Failure::Usage(format!(
            "the date range ends ({end}) before it starts ({start})"
        ))
    })
}

/// Builds the timeline; a panic of the library becomes a [`Failure::Internal`] that names the
/// document it happened on, when reading that document alone panics too.
fn build(
    documents: Vec<Document>,
    policy: Policy,
    weights: &BTreeMap<String, f64>,
) -> Result<Timeline, Failure> {
    let mut builder = TimelineBuilder::new().documents(documents.iter().cloned());
    builder = match policy {
        Policy::Default => builder.policy(DefaultPolicy),
        Policy::Earliest => builder.policy(Earliest),
        Policy::Latest => builder.policy(Latest),
        Policy::Trusted(trusted) => builder.policy(TrustedFirst { trusted }),
    };
    for (id, w) in weights {
        builder = builder.source_weight(id.clone(), *w);
    }
    let total: usize = documents.iter().map(|d| d.text.len()).sum();
    let progress = Progress::bytes(total as u64, "reading");
    let observer = progress.clone();
    let unread = AtomicUsize::new(documents.len());
    builder = builder.on_document_read(move |bytes| {
        observer.document(bytes);
        if unread.fetch_sub(1, Ordering::Relaxed) == 1 {
            observer.phase("merging events, reconciling dates");
        }
    });
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| builder.build()));
    progress.finish();
    match built {
        Ok(timeline) => Ok(timeline?),
        Err(_) => {
            for doc in &documents {
                input::guarded(doc, || dateline::extract(doc))?;
            }
            Err(Failure::InternalTimeline {
                documents: documents.len(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(v: &str) -> Result<(String, String), String> {
        date_bound("--from", v)
            .map(|iv| (iv.start.to_string(), iv.end.to_string()))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn date_bounds() {
        assert_eq!(
            bound("2022"),
            Ok(("2022-01-01".into(), "2022-12-31".into()))
        );
        assert_eq!(
            bound("2022-02"),
            Ok(("2022-02-01".into(), "2022-02-28".into()))
        );
        assert_eq!(
            bound("2021-06-14"),
            Ok(("2021-06-14".into(), "2021-06-14".into()))
        );
        for (bad, says) in [
            ("", "the value is empty"),
            ("22", "not a date written as digits"),
            ("2022-9", "not a date written as digits"),
            ("2022-02-30", "no such day 30 in February 2022"),
            ("2022-13", "no such month 13"),
            ("2023-13-01", "no such month 13"),
            ("soon", "not a date written as digits"),
            ("2022-01-01-01", "not a date written as digits"),
        ] {
            let e = bound(bad).expect_err(bad);
            assert_eq!(
                e,
                format!("--from {bad:?}: {says} (expected a date as YYYY-MM-DD, YYYY-MM or YYYY)")
            );
        }
    }

    #[test]
    fn closest_names_by_whole_name_or_word() {
        let names = ["Sergei Varkov", "Mikhail Dornov", "Velmar", "Ostland Radio"];
        assert_eq!(closest_names("Varkof", &names, 3), ["Sergei Varkov"]);
        assert_eq!(closest_names("Ostlund", &names, 1), ["Ostland Radio"]);
        assert!(closest_names("zzzz", &names, 3).is_empty());
    }

    #[test]
    fn weight_values() {
        let w = weights(&["a=2".into(), "b=0.5".into(), "x=y=1".into()]).expect("valid");
        assert_eq!(w["a"], 2.0);
        assert_eq!(w["b"], 0.5);
        assert_eq!(w["x=y"], 1.0);
        for (value, why) in [
            ("a", "expected ID=WEIGHT"),
            ("=2", "no document id"),
            ("a=heavy", "\"heavy\" is not a number"),
            ("a=-1", "\"-1\" is not a weight"),
            ("a=inf", "\"inf\" is not a weight"),
            ("a=NaN", "\"NaN\" is not a weight"),
        ] {
            let e = weights(&[value.to_owned()]).expect_err(value).to_string();
            assert!(e.starts_with(&format!("--weight {value}: {why}")), "{e}");
        }
        let e = weights(&["a=1".into(), "a=2".into()]).expect_err("twice");
        assert!(e.to_string().contains("already has weight 1"), "{e}");
    }
}
