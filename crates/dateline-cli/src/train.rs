//! `dateline train events`.

use std::io::Write;
use std::time::Instant;

use dateline::event::{EventModel, TrainOptions};

use crate::eval_events::read_gold;
use crate::failure::Failure;
use crate::TrainEventsArgs;

pub fn run(args: &TrainEventsArgs, out: &mut impl Write) -> Result<(), Failure> {
    let mut training = Vec::new();
    for path in &args.gold {
        training.extend(read_gold(path)?.iter().map(|d| d.training(true)));
    }
    for path in &args.extra {
        training.extend(read_gold(path)?.iter().map(|d| d.training(false)));
    }
    let events: usize = training.iter().map(|d| d.events.len()).sum();
    let options = TrainOptions {
        epochs: args.epochs as usize,
        ..TrainOptions::default()
    };
    let started = Instant::now();
    let model = EventModel::train(&training, &options);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|source| Failure::Create {
        path: args.out.display().to_string(),
        source,
    })?;
    writeln!(
        out,
        "trained on {} documents ({events} events), {} passes, in {:.1} s: {} features, {} bytes, written to {}",
        training.len(),
        options.epochs,
        started.elapsed().as_secs_f64(),
        model.len(),
        bytes.len(),
        args.out.display()
    )
    .map_err(Failure::Write)
}
