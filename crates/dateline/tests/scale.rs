//! Time and memory grow linearly with the input, for prose and for adversarial shapes of text:
//! each shape is built at one size and at twice that size, and the larger build must cost
//! about twice as much, not four times.
//!
//! The default sizes keep the test quick in a debug build; the ignored test runs the same
//! shapes at megabytes (`cargo test --release -p dateline --test scale -- --ignored
//! --nocapture --test-threads 1`; `SCALE_SHAPE=brackets` runs only the shapes whose name holds
//! that text).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dateline::{Document, TimelineBuilder};

/// The system allocator, counting the bytes live and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is the system allocator's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            let live = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Held by each test that times builds, and by each that builds a large input: run side by
/// side, they would slow down what another one times.
static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn timing() -> std::sync::MutexGuard<'static, ()> {
    // A test that failed while holding it leaves it poisoned; the others still time alone.
    TIMING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A shape of input: the documents of about `bytes` bytes.
struct Shape {
    name: &'static str,
    make: fn(usize) -> Vec<Document>,
}

/// `unit` repeated to about `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn one(id: &str, text: String) -> Vec<Document> {
    vec![Document::new(id, text)]
}

/// Documents of about `bytes` bytes in all, the `i`-th of them `text(i)`.
fn many(prefix: &str, bytes: usize, text: impl Fn(usize) -> String) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let t = text(docs.len());
        total += t.len();
        docs.push(Document::new(format!("{prefix}-{}", docs.len()), t));
    }
    docs
}

/// All the seed articles, end to end.
fn seed_text() -> String {
    common::seeds()
        .iter()
        .map(|d| d.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A deterministic stream of numbers (a linear congruential generator): varied text without
/// a dependency on a random source.
fn numbers(seed: u64) -> impl Iterator<Item = u64> {
    let mut x = seed;
    std::iter::repeat_with(move || {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        x >> 33
    })
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "news prose in one document",
            make: |n| one("prose", repeat(&(seed_text() + "\n\n"), n)),
        },
        Shape {
            // One story run by many outlets: every copy reports the same events.
            name: "copies of the seeds as many documents",
            make: |n| {
                let seeds = common::seeds();
                let mut docs = Vec::new();
                let mut total = 0;
                while total < n {
                    let s = &seeds[docs.len() % seeds.len()];
                    total += s.text.len();
                    docs.push(Document::new(
                        format!("copy-{}", docs.len()),
                        s.text.clone(),
                    ));
                }
                docs
            },
        },
        Shape {
            name: "distinct short reports sharing days and names",
            make: |n| {
                let people = [
                    "Ana Silva",
                    "Omar Haddad",
                    "Li Wei",
                    "John Carter",
                    "Eva Novak",
                ];
                let verbs = ["met", "visited", "called", "criticized", "thanked"];
                let places = ["Paris", "Cairo", "Lima", "Oslo", "Delhi"];
                let mut r = numbers(7);
                let mut docs = Vec::new();
                let mut total = 0;
                let mut pick = |k: usize| usize::try_from(r.next().unwrap_or(0)).unwrap_or(0) % k;
                while total < n {
                    let text = format!(
                        "{} {} {} in {} on {} March 2021. The talks lasted {} hours.",
                        people[pick(5)],
                        verbs[pick(5)],
                        people[pick(5)],
                        places[pick(5)],
                        1 + pick(28),
                        1 + pick(9),
                    );
                    total += text.len();
                    docs.push(Document::new(format!("r{}", docs.len()), text));
                }
                docs
            },
        },
        Shape {
            name: "one line without punctuation",
            make: |n| {
                let unit = "the minister met the delegation on Thursday in March 2020 and three \
                            days later she said that next week the talks would last 10 hours ";
                one("line", repeat(unit, n))
            },
        },
        Shape {
            name: "date-like tokens in a row",
            make: |n| one("dates", repeat("March 16 2023-10-26 16.03.2023 1987 ", n)),
        },
        Shape {
            name: "nested brackets and quotes",
            make: |n| {
                let depth = 64;
                let unit = format!(
                    "{}Lavrov met Smith on 3 March 2021 in Moscow{} ",
                    "([{\"\u{201c}'".repeat(depth),
                    "'\u{201d}\"}])".repeat(depth)
                );
                one("nested", repeat(&unit, n))
            },
        },
        Shape {
            name: "a table of numbers",
            make: |n| {
                let mut r = numbers(11);
                let mut text = String::new();
                while text.len() < n {
                    let row: Vec<String> = (0..8)
                        .map(|_| format!("{}", r.next().unwrap_or(0) % 100_000))
                        .collect();
                    text.push_str(&row.join(" | "));
                    text.push('\n');
                }
                one("table", text)
            },
        },
        Shape {
            name: "a list of capitalized names",
            make: |n| {
                let syllables = [
                    "ka", "lo", "mir", "an", "sev", "du", "ra", "tel", "os", "vin",
                ];
                let mut r = numbers(3);
                let mut text = String::new();
                while text.len() < n {
                    for _ in 0..2 {
                        let mut name = String::new();
                        for _ in 0..3 {
                            let k = usize::try_from(r.next().unwrap_or(0)).unwrap_or(0);
                            name.push_str(syllables[k % syllables.len()]);
                        }
                        let mut chars = name.chars();
                        if let Some(c) = chars.next() {
                            text.extend(c.to_uppercase());
                            text.push_str(chars.as_str());
                        }
                        text.push(' ');
                    }
                    text.push_str("met Omar Haddad on 3 March 2021, ");
                }
                one("names", text)
            },
        },
        Shape {
            name: "meetings of different people of one sound class",
            make: |n| {
                // Every name starts with K: one merge block and one name class for all.
                let mut r = numbers(11);
                let mut name = move || {
                    let mut k = || usize::try_from(r.next().unwrap_or(0)).unwrap_or(0);
                    let len = 5 + k() % 5;
                    let mut name = String::from("K");
                    name.extend((0..len).map(|_| char::from(b'a' + (k() % 26) as u8)));
                    name
                };
                let mut docs = Vec::new();
                let mut total = 0;
                while total < n {
                    let mut text = String::new();
                    while text.len() < n / 8 {
                        text.push_str(&format!(
                            "{} met {} in Moscow on 16 March 2022. ",
                            name(),
                            name()
                        ));
                    }
                    total += text.len();
                    docs.push(Document::new(format!("k{}", docs.len()), text));
                }
                docs
            },
        },
        Shape {
            // No publication dates: the weekday stays a bare weekday that any day of any
            // report may be, and every report names the same person.
            name: "undated reports naming one person on a bare weekday",
            make: |n| {
                many("weekday", n, |_| {
                    "John Smith said on Monday that the talks would resume.".to_owned()
                })
            },
        },
        Shape {
            // Half the reports name one person, the others another: each name is one few
            // documents give, which a weekday mention joins through.
            name: "undated reports naming one of two people on a bare weekday",
            make: |n| {
                many("pair", n, |i| {
                    if i % 2 == 0 {
                        "John Smith said on Monday that the talks would resume.".to_owned()
                    } else {
                        "Mary Jones said on Tuesday that the talks had ended.".to_owned()
                    }
                })
            },
        },
        Shape {
            name: "a bare weekday in one line without punctuation",
            make: |n| {
                one(
                    "weekdays",
                    repeat("Smith said Monday the talks would resume and ", n),
                )
            },
        },
        Shape {
            // One wire story run by every outlet: one event, a claim from each of them.
            name: "one wire story in many documents",
            make: |n| {
                many("wire", n, |_| {
                    "Foreign Minister Ana Silva met Omar Haddad in Lima on 3 March 2021.".to_owned()
                })
            },
        },
    ]
}

/// What one build cost: the fastest of `runs`, and the most memory live at once above what
/// was live before it.
fn measure(docs: &[Document], runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut peak = 0;
    for _ in 0..runs {
        let docs = docs.to_vec();
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t0 = Instant::now();
        let timeline = TimelineBuilder::new()
            .documents(docs)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let json = dateline::export::timeline_json(&timeline);
        best = best.min(t0.elapsed());
        peak = peak.max(PEAK.load(Ordering::Relaxed).saturating_sub(before));
        drop((timeline, json));
    }
    (best, peak)
}

/// Builds `shape` at `bytes` and `2 * bytes`: how many times the time and the memory per byte
/// grow, doubled (2 for a linear build).
fn doubled(shape: &Shape, bytes: usize, runs: usize) -> (f64, f64) {
    let small = (shape.make)(bytes);
    let large = (shape.make)(2 * bytes);
    let size = |d: &[Document]| d.iter().map(|d| d.text.len()).sum::<usize>();
    let (t1, m1) = measure(&small, runs);
    let (t2, m2) = measure(&large, runs);
    // Per byte, as if the larger input were exactly twice the smaller.
    let growth = 2.0 * size(&small) as f64 / size(&large) as f64;
    let time_ratio = growth * t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    let memory_ratio = growth * m2 as f64 / m1.max(1) as f64;
    eprintln!(
        "{:<48} {:>9} B {:>9.3?} {:>6.1} MB | {:>9} B {:>9.3?} {:>6.1} MB | time x{time_ratio:.2}, memory x{memory_ratio:.2} (per byte, doubled), memory/input {:.0}",
        shape.name,
        size(&small),
        t1,
        m1 as f64 / 1e6,
        size(&large),
        t2,
        m2 as f64 / 1e6,
        m2 as f64 / size(&large) as f64,
    );
    (time_ratio, memory_ratio)
}

/// Builds every shape at `bytes` and `2 * bytes`; the larger must take less than `max_ratio`
/// times as long and as much memory.
fn doubling(bytes: usize, runs: usize, max_ratio: f64) {
    let _alone = timing();
    // Lexicons and grammars are built on first use: not part of what is measured.
    measure(&(shapes()[0].make)(1024), 1);
    let mut failures = Vec::new();
    // `SCALE_SHAPE=names` measures only the shapes whose name holds that text.
    let only = std::env::var("SCALE_SHAPE").unwrap_or_default();
    for shape in shapes().into_iter().filter(|s| s.name.contains(&only)) {
        let mut ratios = doubled(&shape, bytes, runs);
        // Growth that levels off (blocks filling up to the window that bounds them) can pass
        // the bound at a small size: a shape over it is measured again at twice the size,
        // where a quadratic path still shows as four times.
        if ratios.0 > max_ratio || ratios.1 > max_ratio {
            ratios = doubled(&shape, 2 * bytes, runs);
        }
        let (time_ratio, memory_ratio) = ratios;
        if time_ratio > max_ratio || memory_ratio > max_ratio {
            failures.push(format!(
                "{}: doubling the input multiplied time by {time_ratio:.2} and memory by \
                 {memory_ratio:.2}",
                shape.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn doubling_the_input_doubles_time_and_memory() {
    // Small inputs in a debug build: timer noise is large, so the bound is loose; a quadratic
    // path still shows as four times. At this size the merge blocks of "distinct short reports
    // sharing days and names" still grow towards the window that bounds a crowded block, so
    // that shape doubles to 2.9–3.5 here (measured 2026-12-04) and levels off later: 1.84 at
    // 5 MB in release (`doubling_megabytes_doubles_time_and_memory`).
    doubling(48 * 1024, 3, 3.6);
}

#[test]
#[ignore = "megabytes of input: run in release (see the module docs)"]
fn doubling_megabytes_doubles_time_and_memory() {
    doubling(5 << 20, 1, 2.6);
}

#[test]
fn mentions_sharing_a_name_join_in_a_crowded_block() {
    // Hundreds of meetings on one day between different people whose names share a class, and
    // one meeting told at both ends of the set: its two mentions name the same people and are
    // one event, however far apart.
    let _alone = timing();
    let shape = shapes()
        .into_iter()
        .find(|s| s.name.starts_with("meetings of different people"))
        .unwrap_or_else(|| panic!("the shape is defined"));
    let mut docs = (shape.make)(64 * 1024);
    let told = "Kasimir Kowalczyk met Konstantin Karamanlis in Moscow on 16 March 2022. ";
    docs[0].text.insert_str(0, told);
    if let Some(last) = docs.last_mut() {
        last.text.push_str(told);
    }
    let last_id = docs.last().map(|d| d.id.clone()).unwrap_or_default();
    let timeline = TimelineBuilder::new()
        .documents(docs)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let meeting = timeline
        .events
        .iter()
        .find(|e| e.participants.iter().any(|p| p.name == "Kasimir Kowalczyk"))
        .unwrap_or_else(|| panic!("the meeting is on the timeline"));
    let docs: Vec<&str> = meeting.mentions.iter().map(|m| m.doc.as_str()).collect();
    assert!(
        docs.contains(&"k0") && docs.contains(&last_id.as_str()),
        "{docs:?}"
    );
}

#[test]
fn copies_of_a_report_are_one_event_each() {
    // The same report run by three outlets, and once more in another story's document: each of
    // its events is one event holding every copy.
    let _alone = timing();
    let report = "Foreign Minister Ana Silva met Omar Haddad in Lima on 3 March 2021. \
                  Haddad visited Cairo on 5 March 2021, where he met Li Wei.";
    let docs: Vec<Document> = (0..3)
        .map(|i| Document::new(format!("outlet-{i}"), report))
        .chain([Document::new(
            "digest",
            format!("{report}\n\nJohn Carter met Eva Novak in Oslo on 9 May 2022."),
        )])
        .collect();
    let timeline = TimelineBuilder::new()
        .documents(docs)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let single = TimelineBuilder::new()
        .documents([Document::new("outlet-0", report)])
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!single.events.is_empty());
    // Every event of the single report is one event of the four documents, with four sources.
    for event in &single.events {
        let joined: Vec<_> = timeline
            .events
            .iter()
            .filter(|e| {
                (e.when, &e.lemma, &e.summary) == (event.when, &event.lemma, &event.summary)
            })
            .collect();
        assert_eq!(joined.len(), 1, "{}: {joined:?}", event.summary);
        let mut docs: Vec<&str> = joined[0].mentions.iter().map(|m| m.doc.as_str()).collect();
        docs.dedup();
        assert_eq!(
            docs,
            ["digest", "outlet-0", "outlet-1", "outlet-2"],
            "{}",
            event.summary
        );
    }
    assert_eq!(timeline.events.len(), single.events.len() + 1);
}

/// Time to build the shapes named `name` at `bytes` and at four times that, as a ratio per
/// byte: 4 for a linear build, 16 for a quadratic one.
fn quadrupling(name: &str, bytes: usize) -> f64 {
    let _alone = timing();
    let shape = shapes()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no shape {name:?}"));
    measure(&(shapes()[0].make)(1024), 1);
    let (small, large) = ((shape.make)(bytes), (shape.make)(4 * bytes));
    let size = |d: &[Document]| d.iter().map(|d| d.text.len()).sum::<usize>() as f64;
    let (t1, _) = measure(&small, 2);
    let (t2, _) = measure(&large, 2);
    let ratio = size(&small) * 4.0 / size(&large) * t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    eprintln!("{name}: {t1:.3?} → {t2:.3?} at four times the input: x{ratio:.2}");
    ratio
}

#[test]
fn bare_weekdays_of_many_mentions_merge_in_linear_time() {
    // Issue 18: each weekday mention was compared with every mention sharing one of its names
    // (2,000 undated reports 1.4 s, 8,000 36.8 s). Four times the input: 16 times the time
    // then, about 4 now; 10 leaves room for a busy machine.
    for name in [
        "undated reports naming one person on a bare weekday",
        "undated reports naming one of two people on a bare weekday",
        "a bare weekday in one line without punctuation",
    ] {
        let ratio = quadrupling(name, 32 * 1024);
        assert!(
            ratio < 10.0,
            "{name}: four times the input took x{ratio:.2} the time"
        );
    }
}

#[test]
fn one_event_told_by_many_sources_reconciles_in_linear_time() {
    use dateline::event::EventAnchoring;
    use dateline::reconcile::{anchoring_weight, reconcile, Basis, DefaultPolicy, MentionClaim};
    use dateline::time::DateValue;

    // Issue 18: a wire story that every outlet runs is one event with a claim from each
    // (40,000 copies took 10 s: a search of the claim's documents and a sort after each).
    let day = DateValue::Day {
        year: Some(2021),
        month: 3,
        day: 3,
    };
    let claims = |n: usize| -> Vec<MentionClaim> {
        (0..n)
            .map(|i| MentionClaim {
                when: day,
                doc: format!("outlet-{i:06}"),
                weight: anchoring_weight(EventAnchoring::Explicit, &day),
                basis: Basis::Explicit,
                source_weight: 1.0,
                mention: i,
                explicit: true,
                published_within: None,
            })
            .collect()
    };
    let _alone = timing();
    let time = |n: usize| {
        let mentions = claims(n);
        let t0 = Instant::now();
        let (when, conflict, _) = reconcile(&mentions, &DefaultPolicy);
        assert_eq!((when, conflict), (Some(day), None));
        t0.elapsed()
    };
    time(1000);
    let (t1, t2) = (time(20_000), time(80_000));
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    eprintln!("20,000 claims {t1:.3?}, 80,000 claims {t2:.3?}: x{ratio:.2}");
    assert!(
        ratio < 10.0,
        "four times the claims took x{ratio:.2} the time"
    );
    assert!(t2 < Duration::from_secs(10), "80,000 claims took {t2:.3?}");
}

#[test]
fn an_interrupted_build_stops_soon() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    // Issue 18: a build had no way to stop before its end (Ctrl-C in Python waited for it).
    let shape = shapes()
        .into_iter()
        .find(|s| s.name == "copies of the seeds as many documents")
        .unwrap_or_else(|| panic!("the shape is defined"));
    let docs = (shape.make)(16 << 20);
    let _alone = timing();
    let flag = Arc::new(AtomicBool::new(false));
    let builder = TimelineBuilder::new()
        .documents(docs)
        .interruptible(Arc::clone(&flag));
    let (built, stopped_after) = std::thread::scope(|s| {
        let build = s.spawn(|| builder.build());
        std::thread::sleep(Duration::from_millis(300));
        let set = Instant::now();
        flag.store(true, Ordering::Relaxed);
        let built = build
            .join()
            .unwrap_or_else(|_| panic!("the build panicked"));
        (built, set.elapsed())
    });
    assert_eq!(built.err(), Some(dateline::Error::Interrupted));
    assert!(
        stopped_after < Duration::from_secs(1),
        "stopped {stopped_after:?} after the flag was set"
    );
}
