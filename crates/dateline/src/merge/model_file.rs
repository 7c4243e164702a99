//! The model files of the merge (`data/rows.tsv`, `data/pairs.tsv`): `name<TAB>weight` lines
//! and `#` comments, read once.

/// The weights of a model file, in the order of `names`: a name that is not a feature is
/// skipped, and a feature the file does not give weighs 0, so that a file made for other
/// features is not read as this one's.
pub(super) fn parse<const N: usize>(text: &str, names: &[&str; N]) -> [f32; N] {
    let mut w = [0f32; N];
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((name, value)) = line.split_once('\t') else {
            continue;
        };
        if let (Some(i), Ok(v)) = (
            names.iter().position(|n| *n == name),
            value.trim().parse::<f32>(),
        ) {
            w[i] = v;
        }
    }
    w
}

/// The feature names of a model file, in its order.
#[cfg(test)]
pub(super) fn names(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(n, _)| n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_and_bad_values_are_skipped() {
        let w = parse(
            "# a comment\nbias\t1.5\nno_such_feature\t3\nrule\tx\nconflict\t-2\n",
            &["bias", "rule", "conflict"],
        );
        assert_eq!(w, [1.5, 0.0, -2.0]);
    }

    #[test]
    fn names_are_listed_in_file_order() {
        assert_eq!(names("# c\nb\t1\na\t2\n"), ["b", "a"]);
    }
}
