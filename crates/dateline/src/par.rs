//! How the stages' work runs: on all cores with the `rayon` feature, and stopped soon after a
//! flag is set. A leaf: it uses no other module.

use std::sync::atomic::{AtomicBool, Ordering};

/// A flag another thread sets to stop a build (a Python caller's Ctrl-C, see
/// [`TimelineBuilder::interruptible`](crate::TimelineBuilder::interruptible)): looked at for
/// each document read and each step of merging, so that a build stops within about the time
/// one document takes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stop<'a>(Option<&'a AtomicBool>);

impl<'a> Stop<'a> {
    pub(crate) fn on(flag: &'a AtomicBool) -> Self {
        Stop(Some(flag))
    }

    pub(crate) fn now(self) -> bool {
        self.0.is_some_and(|f| f.load(Ordering::Relaxed))
    }
}

/// `f` over every element, on all cores with the `rayon` feature; the results keep the order.
pub(crate) fn par_map<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(usize, &T) -> U + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        items.par_iter().enumerate().map(|(i, t)| f(i, t)).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        items.iter().enumerate().map(|(i, t)| f(i, t)).collect()
    }
}

/// `f` over every element, by mutable reference, on all cores with the `rayon` feature; the
/// results keep the order.
pub(crate) fn par_map_mut<T: Send, U: Send>(
    items: &mut [T],
    f: impl Fn(&mut T) -> U + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        items.par_iter_mut().map(f).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        items.iter_mut().map(f).collect()
    }
}
