//! How merging and reconciliation scale with the number of event mentions, with peak memory.
//!
//! A synthetic news set: many stories, each with its people (invented names, some spelt two
//! ways), its city and its days (a visit, a meeting, an agreement, statements), each told by
//! several dated articles in varied date formats, a few of them a day off. The articles are
//! read first (not timed); then [`ReadDocuments::build`] merges the mentions and reconciles the
//! dates, timed on one thread. Each size runs in a child process so that its peak resident
//! memory (`VmHWM`) is its own.
//!
//! Run with `cargo bench -p dateline --bench scaling` (sizes 1k to 1M mentions, a few minutes)
//! or choose sizes: `cargo bench -p dateline --bench scaling -- 1000 10000`.

use std::collections::BTreeMap;
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use chrono::{Datelike, Days, NaiveDate};
use dateline::pipeline::ReadDocuments;
use dateline::reconcile::DefaultPolicy;
use dateline::Document;

/// A small deterministic generator (SplitMix64), so every run reads the same articles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ri", "mo", "sa", "le", "vo", "na", "di", "ter", "ban", "gor", "lin", "mar", "ros",
    "tel", "vik", "hal", "dun", "bre", "sol", "pra", "zen", "tur", "mel",
];
const SURNAME_ENDS: &[&str] = &["ov", "ez", "son", "ski", "ani", "er", "ard", "ini"];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defence Minister",
    "Trade Minister",
    "Ambassador",
];
const CITIES: &[&str] = &[
    "Paris", "Berlin", "Madrid", "Rome", "Vienna", "Warsaw", "Cairo", "Tokyo", "Ottawa", "Lima",
    "Nairobi", "Jakarta", "Hanoi", "Manila", "Oslo", "Dublin", "Lisbon", "Athens", "Ankara",
    "Doha",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

struct Person {
    first: String,
    last: String,
    /// Another spelling of the family name ("-ov" as "-off", "k" as "c").
    variant: String,
    title: &'static str,
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn person(rng: &mut Rng) -> Person {
    let first = capitalized(&format!("{}{}", rng.pick(SYLLABLES), rng.pick(SYLLABLES)));
    let last = capitalized(&format!(
        "{}{}{}",
        rng.pick(SYLLABLES),
        rng.pick(SYLLABLES),
        rng.pick(SURNAME_ENDS)
    ));
    let variant = if last.ends_with("ov") {
        format!("{last}f")
    } else {
        last.replacen('k', "c", 1)
    };
    Person {
        first,
        last,
        variant,
        title: rng.pick(TITLES),
    }
}

/// A date in one of the forms news uses.
fn written(rng: &mut Rng, d: NaiveDate) -> String {
    let month = MONTHS[d.month0() as usize];
    match rng.below(3) {
        0 => format!("on {} {month} {}", d.day(), d.year()),
        1 => format!("on {month} {}, {}", d.day(), d.year()),
        _ => format!("on {} {month}", d.day()),
    }
}

/// One article about a story: its people and city, its days, told in `sentences` sentences.
fn article(rng: &mut Rng, id: String, story: &Story, sentences: usize) -> Document {
    let mut text = String::new();
    for _ in 0..sentences {
        let (a, b) = (&story.people[0], &story.people[1]);
        let name = |p: &Person, rng: &mut Rng| {
            let last = if rng.below(5) == 0 {
                &p.variant
            } else {
                &p.last
            };
            format!("{} {} {last}", p.title, p.first)
        };
        // Now and then a source is a day off.
        let shift = |d: NaiveDate, rng: &mut Rng| {
            if rng.below(12) == 0 {
                d + Days::new(1)
            } else {
                d
            }
        };
        let (who, other) = (name(a, rng), name(b, rng));
        let city = story.city;
        let s = match rng.below(5) {
            0 => {
                let d = shift(story.day, rng);
                format!(
                    "{who} arrived in {city} {}.",
                    written(rng, d - Days::new(1))
                )
            }
            1 => {
                let d = shift(story.day, rng);
                format!("{who} met {other} in {city} {}.", written(rng, d))
            }
            2 => {
                let d = shift(story.day + Days::new(1), rng);
                format!(
                    "{who} and {other} signed a trade agreement in {city} {}.",
                    written(rng, d)
                )
            }
            3 => {
                let d = story.day + Days::new(2);
                format!(
                    "{who} said {} that the talks with {} had been useful.",
                    written(rng, d),
                    b.last
                )
            }
            _ => {
                let d = story.day + Days::new(3);
                format!("{who} left {city} {}.", written(rng, d))
            }
        };
        text.push_str(&s);
        text.push(' ');
    }
    let published = story.day + Days::new(4);
    Document {
        id,
        text,
        published: Some(published),
    }
}

struct Story {
    people: [Person; 2],
    city: &'static str,
    day: NaiveDate,
}

/// About `mentions` event mentions: stories told by five articles of eight sentences each,
/// spread over ten years.
fn corpus(mentions: usize) -> Vec<Document> {
    const SOURCES: usize = 5;
    const SENTENCES: usize = 8;
    let mut rng = Rng(42);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let stories = (mentions / (SOURCES * SENTENCES)).max(1);
    let mut docs = Vec::with_capacity(stories * SOURCES);
    for s in 0..stories {
        let story = Story {
            people: [person(&mut rng), person(&mut rng)],
            city: rng.pick(CITIES),
            day: start + Days::new(rng.below(3650) as u64),
        };
        for k in 0..SOURCES {
            docs.push(article(&mut rng, format!("s{s}-{k}"), &story, SENTENCES));
        }
    }
    docs
}

/// The process's peak resident memory in MiB, where the system tells it.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs one size in this process and prints one tab-separated line of figures.
fn one(size: usize) {
    let docs = corpus(size);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let started = Instant::now();
    let read = ReadDocuments::new(docs).unwrap_or_else(|e| panic!("{e}"));
    let read_s = started.elapsed().as_secs_f64();
    let mentions = read.mention_count();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let timeline = pool.install(|| read.build(Arc::new(DefaultPolicy), &BTreeMap::new()));
    let merge_s = started.elapsed().as_secs_f64();
    let conflicts = timeline.conflicts().count();
    println!(
        "{mentions}\t{bytes}\t{read_s:.3}\t{merge_s:.3}\t{}\t{conflicts}\t{:.0}",
        timeline.events.len(),
        peak_mib().unwrap_or(f64::NAN)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(pos) = args.iter().position(|a| a == "--one") {
        let size = args
            .get(pos + 1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(1000);
        one(size);
        return;
    }
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![1_000, 10_000, 100_000, 1_000_000];
    }
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    println!(
        "{:>9} {:>8} {:>9} {:>10} {:>12} {:>12} {:>9} {:>9} {:>9}",
        "mentions",
        "MB",
        "read s",
        "merge s",
        "mentions/s",
        "vs n·log n",
        "events",
        "conflicts",
        "peak MiB"
    );
    let mut first: Option<(f64, f64)> = None;
    for size in sizes {
        let out = Command::new(&exe)
            .args(["--one", &size.to_string()])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let line = String::from_utf8_lossy(&out.stdout);
        let f: Vec<&str> = line.trim().split('\t').collect();
        if f.len() < 7 || !out.status.success() {
            eprintln!(
                "size {size} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            continue;
        }
        let num = |i: usize| f[i].parse::<f64>().unwrap_or(f64::NAN);
        let (n, merge_s) = (num(0), num(3));
        // Time per n·log2(n), relative to the smallest size: flat or falling means n log n or
        // better.
        let per = merge_s / (n * n.log2());
        let base = *first.get_or_insert((n, per));
        println!(
            "{:>9} {:>8.1} {:>9.2} {:>10.3} {:>12.0} {:>12.2} {:>9} {:>9} {:>9}",
            f[0],
            num(1) / 1e6,
            num(2),
            merge_s,
            n / merge_s,
            per / base.1,
            f[4],
            f[5],
            f[6]
        );
    }
}
