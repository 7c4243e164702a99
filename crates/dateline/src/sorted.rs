//! Sorted lists.

/// How many items two sorted lists without repeats share, counted up to `enough`: a linear
/// walk of both.
pub(crate) fn common<T: Ord>(a: &[T], b: &[T], enough: usize) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() && n < enough {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
