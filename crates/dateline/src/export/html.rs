//! A [`Timeline`] as HTML to look at: one self-contained page ([`timeline_html`], `dateline
//! timeline --format html`, Python's `Timeline.to_html()`) and the same view as a fragment
//! for notebooks ([`timeline_html_fragment`], Python's `_repr_html_`).
//!
//! The view is made here and only here: a time axis that opens on the densest stretch of the
//! events and zooms and pans, one table row per event with its trigger marked in its
//! sentence, and for a conflict every claim with the sentences that make it, why each weighs
//! what it weighs, and the rule's explanation. A filtered view says so. The style sheet and
//! the script are data files of the crate (`html/view.css`, `html/view.js`) written into the
//! page: nothing is fetched. Without JavaScript (a notebook viewer that strips it) the page
//! still shows the table, the claims (in `<details>`) and a static axis.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::timeline::{Event, EventMentionRef, Timeline, FOLD_BELOW};

use super::timeline::{
    claims_in_order, display_date, display_when, filter_note, one_line, participant_names, plural,
    published_words, sources, summary_trigger, trigger_in_sentence, witnesses,
};

const CSS: &str = include_str!("html/view.css");
const JS: &str = include_str!("html/view.js");

/// The share of dated events the axis opens on: the shortest stretch of days that holds them.
/// On news, the story's own weeks hold most events, its background the rest (the seeds: 0.7
/// opens on September 2022 to October 2023, 0.8 on 2019 to 2023).
const DENSEST_SHARE: f64 = 0.7;

/// Width and height of the static axis, in the units of its view box (the script draws the
/// same box).
const AXIS_WIDTH: f64 = 900.0;
const AXIS_PAD: f64 = 14.0;
const AXIS_BASE: f64 = 40.0;

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped; line breaks kept as spaces.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Days since 1970-01-01, as the script counts them.
fn epoch_day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 719_163
}

/// One event as the script's axis needs it.
#[derive(Serialize)]
struct AxisEvent {
    id: String,
    /// First and last day, days since 1970-01-01.
    s: i64,
    e: i64,
    label: String,
    text: String,
    conflict: bool,
    folded: bool,
}

/// What the script reads: the dated events, every day they cover, and the stretch to open on.
#[derive(Serialize)]
struct ViewData {
    events: Vec<AxisEvent>,
    extent: Option<[i64; 2]>,
    window: Option<[i64; 2]>,
}

/// The shortest stretch of days that holds [`DENSEST_SHARE`] of the events' first days (all
/// of them when there are few), widened by a twentieth on each side.
fn densest(starts: &mut [i64]) -> Option<[i64; 2]> {
    starts.sort_unstable();
    let n = starts.len();
    if n == 0 {
        return None;
    }
    let k = if n < 5 {
        n
    } else {
        ((n as f64 * DENSEST_SHARE).ceil() as usize).clamp(1, n)
    };
    let (lo, hi) = (0..=n - k)
        .map(|i| (starts[i], starts[i + k - 1]))
        .min_by_key(|&(a, b)| (b - a, a))?;
    let pad = ((hi - lo) / 20).max(3);
    Some([lo - pad, hi + pad])
}

fn view_data(timeline: &Timeline) -> ViewData {
    let events: Vec<AxisEvent> = timeline
        .events
        .iter()
        .filter_map(|e| {
            let iv = e.when?.interval()?;
            Some(AxisEvent {
                id: e.id.clone(),
                s: epoch_day(iv.start),
                e: epoch_day(iv.end),
                label: display_when(e.when.as_ref()),
                text: short(&e.summary, 140),
                conflict: e.conflict.is_some(),
                folded: !e.shown(),
            })
        })
        .collect();
    let extent = (!events.is_empty()).then(|| {
        let lo = events.iter().map(|a| a.s).min().unwrap_or(0);
        let hi = events.iter().map(|a| a.e).max().unwrap_or(0);
        [lo, hi]
    });
    // Folded events count too: they are where the story's own days are.
    let mut starts: Vec<i64> = events.iter().map(|a| a.s).collect();
    ViewData {
        window: densest(&mut starts),
        events,
        extent,
    }
}

/// At most `max` characters, cut at a word with an ellipsis.
fn short(s: &str, max: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) if i > 0 => format!("{}…", &cut[..i]),
        _ => format!("{cut}…"),
    }
}

/// JSON for a `<script type="application/json">`: `<` written `\u003c`, so that no text of a
/// document can close the element.
fn script_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "{\"events\":[]}".to_owned())
        .replace('<', "\\u003c")
}

/// `text` with the byte ranges `marks` (sorted, not overlapping) wrapped in elements.
fn marked(text: &str, marks: &[(usize, usize, &str)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(start, end, open) in marks {
        let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(&esc(before));
        let close = open
            .split([' ', '>'])
            .next()
            .unwrap_or("span")
            .trim_start_matches('<');
        let _ = write!(out, "{open}{}</{close}>", esc(inside));
        at = end;
    }
    out.push_str(&esc(text.get(at..).unwrap_or("")));
    out
}

/// A mention's sentence with its trigger marked and the words that date it underlined.
fn sentence_html(m: &EventMentionRef) -> String {
    let mut marks: Vec<(usize, usize, &str)> = Vec::new();
    if let Some((s, e)) = trigger_in_sentence(m) {
        marks.push((s, e, "<mark class=\"dl-trigger\">"));
    }
    if let Some((t, _)) = &m.time {
        let s = t.start.checked_sub(m.sentence.start);
        let e = t.end.checked_sub(m.sentence.start);
        if let (Some(s), Some(e)) = (s, e) {
            let overlaps = marks.iter().any(|&(a, b, _)| s < b && a < e);
            if s < e && !overlaps && m.sentence.text.get(s..e) == Some(t.text.as_str()) {
                marks.push((s, e, "<span class=\"dl-time\">"));
            }
        }
    }
    marks.sort_by_key(|&(s, _, _)| s);
    one_line(&marked(&m.sentence.text, &marks))
}

fn summary_html(e: &Event) -> String {
    match summary_trigger(e) {
        Some((s, t)) => marked(&e.summary, &[(s, t, "<mark class=\"dl-trigger\">")]),
        None => esc(&e.summary),
    }
}

fn row(out: &mut String, e: &Event) {
    let conflict = e.conflict.is_some();
    let _ = write!(
        out,
        "<tr class=\"dl-row{}\" data-event=\"{}\"><td class=\"dl-when\">{}{}</td><td class=\"dl-what\">{}",
        if conflict { " dl-conflict" } else { "" },
        esc(&e.id),
        if conflict { "⚠ " } else { "" },
        esc(&display_when(e.when.as_ref())),
        summary_html(e)
    );
    let mut facts = Vec::new();
    let names = participant_names(e);
    if !names.is_empty() {
        facts.push(format!("with {}", esc(&names.join(", "))));
    }
    if let Some(place) = &e.location {
        facts.push(format!("in {}", esc(place)));
    }
    if !facts.is_empty() {
        let _ = write!(out, "<div class=\"dl-facts\">{}</div>", facts.join(" · "));
    }
    if let Some(c) = &e.conflict {
        let _ = write!(
            out,
            "<details class=\"dl-claims\"><summary>The sources disagree on the date: {}</summary><ol>",
            plural(c.claims.len(), "claim", "claims")
        );
        for (chosen, claim) in claims_in_order(c) {
            let _ = write!(
                out,
                "<li class=\"dl-claim{}\"><span class=\"dl-claim-date\">{}</span>{} — weight {:.2} — {}<ul>",
                if chosen { " dl-chosen" } else { "" },
                esc(&display_date(&claim.when)),
                if chosen { " (chosen)" } else { "" },
                claim.weight,
                claim
                    .docs
                    .iter()
                    .map(|d| format!("<span class=\"dl-doc\">{}</span>", esc(d)))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for w in witnesses(e, claim) {
                let _ = write!(
                    out,
                    "<li><span class=\"dl-doc\">{}</span>: “{}” — {} (weight {:.2})</li>",
                    esc(w.doc),
                    w.mention.map_or_else(String::new, sentence_html),
                    esc(&w.reason),
                    w.weight
                );
            }
            out.push_str("</ul></li>");
        }
        let _ = write!(
            out,
            "</ol><p class=\"dl-why\">Why: {} (rule <code>{}</code>)</p></details>",
            esc(&c.explanation),
            esc(&c.rule)
        );
    }
    let docs: Vec<String> = sources(e)
        .iter()
        .map(|d| format!("<span class=\"dl-doc\">{}</span>", esc(d)))
        .collect();
    let _ = write!(
        out,
        "</td><td class=\"dl-sources\">{}</td></tr>",
        docs.join("<br>")
    );
}

/// The axis as drawn before the script runs (and where no script runs): the events of the
/// densest stretch, and its first and last day.
fn static_axis(data: &ViewData) -> String {
    let (Some([lo, hi]), true) = (data.window, !data.events.is_empty()) else {
        return String::new();
    };
    let span = (hi - lo).max(1) as f64;
    let x = |d: i64| AXIS_PAD + (d - lo) as f64 / span * (AXIS_WIDTH - 2.0 * AXIS_PAD);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {AXIS_WIDTH} 74\" role=\"img\" \
         aria-label=\"time axis\"><line x1=\"{AXIS_PAD}\" y1=\"{AXIS_BASE}\" x2=\"{}\" \
         y2=\"{AXIS_BASE}\" stroke=\"#999\"/>",
        AXIS_WIDTH - AXIS_PAD
    );
    for a in &data.events {
        if a.e < lo || a.s > hi {
            continue;
        }
        let colour = if a.conflict { "#c62828" } else { "#1565c0" };
        let _ = write!(
            svg,
            "<line x1=\"{0:.1}\" y1=\"{1}\" x2=\"{0:.1}\" y2=\"{AXIS_BASE}\" stroke=\"{colour}\" \
             stroke-width=\"2\"><title>{2}: {3}</title></line>",
            x(a.s.max(lo)),
            AXIS_BASE - 18.0,
            esc(&a.label),
            esc(&a.text)
        );
    }
    let day = |d: i64| {
        NaiveDate::from_num_days_from_ce_opt((d + 719_163).clamp(1, i64::from(i32::MAX)) as i32)
            .map(|d| {
                esc(&display_date(&crate::time::DateValue::Day {
                    year: Some(d.year()),
                    month: d.month() as u8,
                    day: d.day() as u8,
                }))
            })
            .unwrap_or_default()
    };
    let _ = write!(
        svg,
        "<text x=\"{AXIS_PAD}\" y=\"{0}\" font-size=\"12\" fill=\"#444\">{1}</text>\
         <text x=\"{2}\" y=\"{0}\" font-size=\"12\" fill=\"#444\" text-anchor=\"end\">{3}</text></svg>",
        AXIS_BASE + 19.0,
        day(lo),
        AXIS_WIDTH - AXIS_PAD,
        day(hi)
    );
    format!(
        "<div class=\"dl-axis\">{svg}<div class=\"dl-controls\"><button type=\"button\" \
         class=\"dl-out\" title=\"zoom out\">−</button><button type=\"button\" class=\"dl-in\" \
         title=\"zoom in\">+</button><button type=\"button\" class=\"dl-densest\">densest \
         stretch</button><button type=\"button\" class=\"dl-all\">all</button><span>scroll to \
         zoom, drag to pan</span><span class=\"dl-range\"></span></div></div>"
    )
}

/// The timeline view as an HTML fragment: one `<div class="dl-view">` with its style sheet,
/// data and script inside, for a notebook cell (Python's `_repr_html_`) or a page of one's
/// own. Several fragments may share a page.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let html = dateline::export::timeline_html_fragment(&timeline);
/// assert!(html.starts_with("<div class=\"dl-view\">"));
/// assert!(html.contains("<mark class=\"dl-trigger\">met</mark>"));
/// # Ok::<(), dateline::Error>(())
/// ```
pub fn timeline_html_fragment(timeline: &Timeline) -> String {
    let data = view_data(timeline);
    let mut out = String::from("<div class=\"dl-view\">");
    let _ = write!(out, "<style>{CSS}</style><h1>Timeline</h1>");
    let conflicts = timeline.conflicts().count();
    let _ = write!(
        out,
        "<p class=\"dl-counts\">{} from {}{}.</p>",
        plural(timeline.events.len(), "event", "events"),
        plural(timeline.documents.len(), "document", "documents"),
        if conflicts > 0 {
            format!(
                "; ⚠ {} whose sources disagree on the date (click a red row for its claims)",
                plural(conflicts, "event", "events")
            )
        } else {
            String::new()
        }
    );
    if let Some(note) = filter_note(timeline) {
        let _ = write!(out, "<p class=\"dl-filter\">{}</p>", esc(&note));
    }
    out.push_str(&static_axis(&data));
    out.push_str(
        "<table class=\"dl-events\"><thead><tr><th>When</th><th>What happened</th>\
         <th>Sources</th></tr></thead><tbody>",
    );
    let (shown, folded): (Vec<&Event>, Vec<&Event>) =
        timeline.events.iter().partition(|e| e.shown());
    for e in shown {
        row(&mut out, e);
    }
    out.push_str("</tbody>");
    if !folded.is_empty() {
        let _ = write!(
            out,
            "<tbody class=\"dl-folded\"><tr class=\"dl-fold-head\"><td colspan=\"3\">▸ {} less \
             sure (confidence below {FOLD_BELOW}): click to show or hide</td></tr>",
            plural(folded.len(), "event", "events")
        );
        for e in folded {
            row(&mut out, e);
        }
        out.push_str("</tbody>");
    }
    out.push_str("</table>");
    if !timeline.documents.is_empty() {
        let _ = write!(
            out,
            "<details class=\"dl-sources\"><summary>{}</summary><ul>",
            plural(timeline.documents.len(), "source", "sources")
        );
        for d in &timeline.documents {
            let _ = write!(
                out,
                "<li><span class=\"dl-doc\">{}</span>: {}</li>",
                esc(&d.id),
                esc(&published_words(d))
            );
        }
        out.push_str("</ul></details>");
    }
    let _ = write!(
        out,
        "<script type=\"application/json\" class=\"dl-data\">{}</script><script>{JS}</script></div>",
        script_json(&data)
    );
    out
}

/// The timeline as one self-contained HTML page (`dateline timeline --format html`): the view
/// of [`timeline_html_fragment`] in a document of its own, with nothing to fetch.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let page = dateline::export::timeline_html(&timeline);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
/// # Ok::<(), dateline::Error>(())
/// ```
pub fn timeline_html(timeline: &Timeline) -> String {
    let title = match filter_note(timeline) {
        Some(_) => "Timeline (filtered)",
        None => "Timeline",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body>{}</body></html>\n",
        timeline_html_fragment(timeline)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_densest_stretch_holds_most_events() {
        // Two old events and a cluster: the axis opens on the cluster.
        let mut days = vec![-4000, -3000, 19_000, 19_010, 19_020, 19_030, 19_040, 19_300];
        let [lo, hi] = densest(&mut days).unwrap_or([0, 0]);
        assert!(lo > -3000 && lo <= 19_000, "{lo}");
        assert!(hi >= 19_300, "{hi}");
        let mut few = vec![5, 1];
        assert_eq!(densest(&mut few), Some([-2, 8]));
        assert_eq!(densest(&mut []), None);
    }

    #[test]
    fn text_is_escaped_and_marks_nest() {
        assert_eq!(
            esc("<a href='x'>&\u{1b}"),
            "&lt;a href=&#39;x&#39;&gt;&amp;\\u{1b}"
        );
        assert_eq!(
            marked("they met <now>", &[(5, 8, "<mark class=\"dl-trigger\">")]),
            "they <mark class=\"dl-trigger\">met</mark> &lt;now&gt;"
        );
        assert_eq!(script_json(&"</script>"), "\"\\u003c/script>\"");
    }
}
