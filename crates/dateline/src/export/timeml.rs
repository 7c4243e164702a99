//! TimeML output: the document text with inline `TIMEX3` tags.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::time::{Anchoring, Timex};

/// Writes a TimeML document: `DOCID`, the publication date as the creation-time `TIMEX3`
/// (`tid="t0"`, inside `DCT`; left out when `published` is `None`), and the text with each
/// timex tagged inline (`tid="t1"`, `t2`, … in text order).
///
/// Timexes that are anchored to the publication date point at `t0` through `anchorTimeID`.
/// XML cannot nest or cross `TIMEX3` elements, so a timex that overlaps one already written is
/// left out, as is one whose offsets are not character boundaries of `text`. Characters XML 1.0
/// cannot carry at all (most C0 controls) become U+FFFD; `\r` is written as `&#13;` so that a
/// parser gives the text back unchanged.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use dateline::export::timeml;
/// use dateline::time::{Anchoring, DateValue, Modifier, Timex, TimexType, TimexValue};
///
/// let text = "Talks began in early 2023 & ended.";
/// let start = text.find("early 2023").unwrap();
/// let timex = Timex {
///     start,
///     end: start + "early 2023".len(),
///     kind: TimexType::Date,
///     value: TimexValue::Date(DateValue::Year(2023)),
///     modifier: Some(Modifier::Start),
///     anchoring: Anchoring::Explicit,
/// };
/// let xml = timeml("doc-1", text, NaiveDate::from_ymd_opt(2023, 3, 17), &[timex]);
/// assert!(xml.contains(r#"<DOCID>doc-1</DOCID>"#));
/// assert!(xml.contains(r#"functionInDocument="CREATION_TIME">2023-03-17</TIMEX3>"#));
/// assert!(xml.contains(
///     r#"began in <TIMEX3 tid="t1" type="DATE" value="2023" mod="START" temporalFunction="false">early 2023</TIMEX3> &amp; ended."#
/// ));
/// ```
pub fn timeml(doc_id: &str, text: &str, published: Option<NaiveDate>, timexes: &[Timex]) -> String {
    let mut out = String::with_capacity(text.len() + 256 + timexes.len() * 96);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>");
    escape_text(&mut out, doc_id);
    out.push_str("</DOCID>\n");
    if let Some(day) = published {
        let day = day.format("%Y-%m-%d").to_string();
        out.push_str("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"");
        out.push_str(&day);
        out.push_str("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
        out.push_str(&day);
        out.push_str("</TIMEX3></DCT>\n");
    }
    out.push_str("<TEXT>");

    let mut order: Vec<&Timex> = timexes.iter().collect();
    // Text order; at one start the longer first, so that it wins over what it contains.
    order.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let mut at = 0; // bytes of `text` written so far
    let mut tid = 0;
    for t in order {
        let Some(inner) = text.get(t.start..t.end) else {
            continue;
        };
        if t.start < at || t.start >= t.end {
            continue;
        }
        escape_text(&mut out, &text[at..t.start]);
        tid += 1;
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"",
            t.kind.as_str()
        );
        escape_attr(&mut out, &t.value.timex());
        out.push('"');
        if let Some(m) = t.modifier {
            let _ = write!(out, " mod=\"{}\"", m.as_str());
        }
        match (t.anchoring, published) {
            (Anchoring::Publication, Some(_)) => {
                out.push_str(" temporalFunction=\"true\" anchorTimeID=\"t0\"");
            }
            (Anchoring::Publication | Anchoring::Narrative, _) => {
                out.push_str(" temporalFunction=\"true\"");
            }
            (Anchoring::Explicit | Anchoring::None, _) => {
                out.push_str(" temporalFunction=\"false\"");
            }
        }
        out.push('>');
        escape_text(&mut out, inner);
        out.push_str("</TIMEX3>");
        at = t.end;
    }
    escape_text(&mut out, &text[at..]);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// Escapes character data: `&`, `<`, `>` (the last for `]]>`), `\r`, and characters XML 1.0
/// forbids.
fn escape_text(out: &mut String, s: &str) {
    escape(out, s, false);
}

/// Escapes an attribute value written between double quotes.
fn escape_attr(out: &mut String, s: &str) {
    escape(out, s, true);
}

fn escape(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            // Parsers normalize literal line breaks and tabs in attributes to spaces.
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            // Parsers turn a literal "\r\n" into "\n"; a reference survives.
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// The `Char` production of XML 1.0.
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{DateValue, Duration, DurationUnit, Modifier, TimexType, TimexValue};

    fn timex(text: &str, needle: &str, value: TimexValue, anchoring: Anchoring) -> Timex {
        let start = text.find(needle).expect("needle in text");
        Timex {
            start,
            end: start + needle.len(),
            kind: match value {
                TimexValue::Duration(_) => TimexType::Duration,
                _ => TimexType::Date,
            },
            value,
            modifier: None,
            anchoring,
        }
    }

    fn day(y: i32, m: u32, d: u32) -> TimexValue {
        TimexValue::Date(DateValue::from_date(
            NaiveDate::from_ymd_opt(y, m, d).expect("valid date"),
        ))
    }

    /// The text content of `xml`'s TEXT element with tags removed and entities decoded,
    /// as an XML parser would give it.
    fn plain_text(xml: &str) -> String {
        let body = &xml[xml.find("<TEXT>").expect("TEXT") + 6..xml.find("</TEXT>").expect("/TEXT")];
        let mut out = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#13;", "\r")
            .replace("&amp;", "&")
    }

    #[test]
    fn escapes_markup_characters() {
        let text = "A <b> & \"quoted\" on 16 March 2023 > then.";
        let t = timex(text, "16 March 2023", day(2023, 3, 16), Anchoring::Explicit);
        let xml = timeml("a&b<\"c\">", text, None, &[t]);
        assert!(xml.contains("<DOCID>a&amp;b&lt;\"c\"&gt;</DOCID>"), "{xml}");
        assert!(
            xml.contains("A &lt;b&gt; &amp; \"quoted\" on <TIMEX3"),
            "{xml}"
        );
        assert!(
            xml.contains(">16 March 2023</TIMEX3> &gt; then.</TEXT>"),
            "{xml}"
        );
        assert!(!xml.contains("<DCT>"), "no DCT without a publication date");
        assert_eq!(plain_text(&xml), text);
    }

    #[test]
    fn escapes_attribute_quotes() {
        let mut out = String::new();
        escape_attr(&mut out, "a\"b<c>&d");
        assert_eq!(out, "a&quot;b&lt;c&gt;&amp;d");
    }

    #[test]
    fn non_ascii_text_and_tids() {
        let text = "Le 16 mars, « trois jours » après — Москва, 2023.";
        let a = timex(text, "16 mars", day(2023, 3, 16), Anchoring::Publication);
        let dur = TimexValue::Duration(Duration {
            amount: Some(3),
            and_a_half: false,
            unit: DurationUnit::Day,
        });
        let mut b = timex(text, "trois jours", dur, Anchoring::None);
        b.modifier = Some(Modifier::Approx);
        let c = timex(
            text,
            "2023",
            TimexValue::Date(DateValue::Year(2023)),
            Anchoring::Explicit,
        );
        // Given out of order: tids follow the text.
        let xml = timeml("fr", text, NaiveDate::from_ymd_opt(2023, 3, 17), &[c, b, a]);
        assert!(xml.contains(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-03-17\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">2023-03-17</TIMEX3></DCT>"
        ));
        assert!(xml.contains(
            "Le <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-03-16\" temporalFunction=\"true\" \
             anchorTimeID=\"t0\">16 mars</TIMEX3>"
        ));
        assert!(xml.contains(
            "« <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\" mod=\"APPROX\" \
             temporalFunction=\"false\">trois jours</TIMEX3> »"
        ));
        assert!(xml.contains("Москва, <TIMEX3 tid=\"t3\""));
        assert_eq!(plain_text(&xml), text);
    }

    #[test]
    fn overlapping_and_bad_spans_are_skipped() {
        let text = "From March 2023 to é.";
        let outer = timex(text, "March 2023", day(2023, 3, 1), Anchoring::Explicit);
        let inner = timex(
            text,
            "2023",
            TimexValue::Date(DateValue::Year(2023)),
            Anchoring::Explicit,
        );
        let e = text.find('é').expect("é");
        let mut broken = inner.clone();
        broken.start = e + 1; // inside "é"
        broken.end = e + 2;
        let xml = timeml("x", text, None, &[inner, broken, outer]);
        assert_eq!(xml.matches("<TIMEX3").count(), 1, "{xml}");
        assert!(xml.contains(">March 2023</TIMEX3>"));
        assert_eq!(plain_text(&xml), text);
    }

    #[test]
    fn carriage_returns_and_controls() {
        let text = "line\r\nnext\u{1}end";
        let xml = timeml("x", text, None, &[]);
        assert!(
            xml.contains("<TEXT>line&#13;\nnext\u{FFFD}end</TEXT>"),
            "{xml}"
        );
    }
}
