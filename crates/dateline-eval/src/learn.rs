//! Logistic regression for the merge's small models (`dateline train rows`, `dateline train
//! pairs`): L2-regularized, full-batch gradient descent from zero, so that the same examples
//! give the same weights.

/// How strongly the weights are held towards zero (the bias, feature 0, is not).
const L2: f64 = 0.01;
/// Gradient steps, and their size.
const STEPS: usize = 4000;
const RATE: f64 = 0.5;

/// The weights of a logistic regression of the labels on the features (feature 0 is the
/// bias, always 1).
pub fn logistic<const N: usize>(examples: &[(&[f32; N], bool)]) -> [f64; N] {
    let mut w = [0f64; N];
    if examples.is_empty() {
        return w;
    }
    let n = examples.len() as f64;
    for _ in 0..STEPS {
        let mut grad = [0f64; N];
        for (features, label) in examples {
            let err = probability(&w, features) - f64::from(u8::from(*label));
            for (g, &v) in grad.iter_mut().zip(features.iter()) {
                *g += err * f64::from(v);
            }
        }
        for (k, (wk, g)) in w.iter_mut().zip(grad).enumerate() {
            let penalty = if k == 0 { 0.0 } else { L2 * *wk };
            *wk -= RATE * (g / n + penalty);
        }
    }
    w
}

/// The probability the weights give an example.
pub fn probability<const N: usize>(w: &[f64; N], f: &[f32; N]) -> f64 {
    let z: f64 = w.iter().zip(f).map(|(a, &b)| a * f64::from(b)).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Cross-validation by story: for each example, the probability a model trained on the
/// examples of the other folds gives it (stories `i` with `i % folds == k` are fold k).
pub fn held_out<T, const N: usize>(
    examples: &[T],
    folds: usize,
    story: impl Fn(&T) -> usize,
    labelled: impl Fn(&T) -> (&[f32; N], bool),
) -> Vec<f64> {
    let mut out = vec![0.0; examples.len()];
    for k in 0..folds {
        let training: Vec<(&[f32; N], bool)> = examples
            .iter()
            .filter(|x| story(x) % folds != k)
            .map(&labelled)
            .collect();
        let w = logistic(&training);
        for (p, x) in out.iter_mut().zip(examples) {
            if story(x) % folds == k {
                *p = probability(&w, labelled(x).0);
            }
        }
    }
    out
}

/// A model file: a header of `#` lines, then `name<TAB>weight`, the bias moved so that the
/// probability `line` is 0.5 (a score of 0).
pub fn model_file<const N: usize>(
    names: &[&str; N],
    mut w: [f64; N],
    line: f64,
    header: &str,
) -> String {
    use std::fmt::Write as _;
    w[0] -= (line / (1.0 - line)).ln();
    let mut out = String::new();
    for l in header.lines() {
        let _ = writeln!(out, "# {l}");
    }
    for (name, weight) in names.iter().zip(w) {
        let _ = writeln!(out, "{name}\t{weight:.4}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_which_way_a_feature_points() {
        let xs: Vec<[f32; 2]> = (0..40).map(|i| [1.0, (i % 10) as f32 / 10.0]).collect();
        let labelled: Vec<(&[f32; 2], bool)> = xs.iter().map(|x| (x, x[1] >= 0.6)).collect();
        let w = logistic(&labelled);
        assert!(w[1] > 0.0, "{w:?}");
        assert!(probability(&w, &xs[9]) > 0.5 && probability(&w, &xs[1]) < 0.5);
    }

    #[test]
    fn no_examples_give_zero_weights() {
        assert_eq!(logistic::<3>(&[]), [0.0; 3]);
    }
}
