//! The README's quick start for Rust (`cargo run -p dateline --example quick_start`): two
//! reports of one meeting become one event; the timeline is also written as an HTML page.

use dateline::{export, Document, TimelineBuilder};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = Document::new(
        "a",
        "Foreign Minister Sergey Lavrov met the delegation in Moscow on 12 September 2022.",
    );
    let b = Document::new(
        "b",
        "Sergei Lavrov received the delegation in Moscow on September 12, 2022.",
    )
    .with_published_str("2022-09-13")?;
    let timeline = TimelineBuilder::new().documents([a, b]).build()?;
    for event in &timeline.events {
        let when = event
            .when
            .map(|w| export::display_date(&w))
            .unwrap_or_default();
        println!(
            "{when}: {} ({} mentions)",
            event.summary,
            event.mentions.len()
        );
    }
    std::fs::write(
        std::env::temp_dir().join("timeline.html"),
        export::timeline_html(&timeline),
    )?;
    Ok(())
}
