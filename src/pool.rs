//! A small ordered worker pool: items go in, results come out in the order
//! the items went in, computed on every core. Hand-written on std threads
//! because the one cache writer must take each result as soon as it and
//! all before it are ready, with a bounded number in flight; rayon's
//! ordered collect works a chunk at a time and would wait for each
//! chunk's slowest file.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::Scope;
use std::time::Instant;

/// How many threads parse: one per core (the writer mostly waits on
/// SQLite and the disk, so it does not need a core of its own).
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16)
}

/// What a worker gives back: the result, or the panic that ended the item
/// (as its message), so one item's crash fails that item only.
pub type Done<U> = Result<U, String>;

/// The pool, alive for one `std::thread::scope`.
pub struct Ordered<T, U> {
    input: Option<mpsc::Sender<(usize, T)>>,
    /// Set when the pool is dropped: items still queued are left undone.
    cancelled: Arc<AtomicBool>,
    output: mpsc::Receiver<(usize, Done<U>)>,
    /// Results of items after the next one owed, that came early.
    early: VecDeque<Option<Done<U>>>,
    submitted: usize,
    taken: usize,
}

/// Whether [`Ordered::next_until`] got the next result in time.
pub enum Next<U> {
    Ready(Done<U>),
    /// Nothing in flight.
    Empty,
    /// The deadline passed first; the item is still owed.
    Late,
}

impl<T: Send, U: Send> Ordered<T, U> {
    /// Starts `threads` workers in `scope` running `work` on each item.
    pub fn start<'scope, 'env, F>(
        scope: &'scope Scope<'scope, 'env>,
        threads: usize,
        work: &'scope F,
    ) -> Self
    where
        F: Fn(T) -> U + Sync,
        T: 'scope,
        U: 'scope,
    {
        let (input, jobs) = mpsc::channel::<(usize, T)>();
        let (results, output) = mpsc::channel();
        let jobs = Arc::new(Mutex::new(jobs));
        let cancelled = Arc::new(AtomicBool::new(false));
        for _ in 0..threads.max(1) {
            let jobs = Arc::clone(&jobs);
            let cancelled = Arc::clone(&cancelled);
            let results = results.clone();
            scope.spawn(move || loop {
                // The lock is held only to take an item, not to work on it.
                let job = match jobs.lock() {
                    Ok(jobs) => jobs.recv(),
                    Err(_) => return,
                };
                let Ok((n, item)) = job else { return };
                if cancelled.load(Ordering::Relaxed) {
                    return;
                }
                let done = panic::catch_unwind(AssertUnwindSafe(|| work(item)))
                    .map_err(|payload| panic_message(payload.as_ref()));
                if results.send((n, done)).is_err() {
                    return;
                }
            });
        }
        Ordered {
            input: Some(input),
            cancelled,
            output,
            early: VecDeque::new(),
            submitted: 0,
            taken: 0,
        }
    }

    pub fn submit(&mut self, item: T) {
        if let Some(input) = &self.input {
            // Workers end only when the input closes, so this cannot fail.
            let _ = input.send((self.submitted, item));
            self.submitted += 1;
        }
    }

    /// Items submitted whose results were not taken yet.
    pub fn in_flight(&self) -> usize {
        self.submitted - self.taken
    }

    /// The next result in submission order, waiting for it; None when
    /// nothing is in flight.
    pub fn take(&mut self) -> Option<Done<U>> {
        match self.next_until(None) {
            Next::Ready(done) => Some(done),
            Next::Empty | Next::Late => None,
        }
    }

    /// [`Ordered::take`], waiting at most until `deadline`.
    pub fn next_until(&mut self, deadline: Option<Instant>) -> Next<U> {
        if self.in_flight() == 0 {
            return Next::Empty;
        }
        loop {
            if let Some(Some(_)) = self.early.front() {
                self.taken += 1;
                let done = self.early.pop_front().flatten();
                return done.map_or(Next::Empty, Next::Ready);
            }
            let received = match deadline {
                None => self.output.recv().map_err(|_| true),
                Some(at) => self
                    .output
                    .recv_timeout(at.saturating_duration_since(Instant::now()))
                    .map_err(|e| e == mpsc::RecvTimeoutError::Disconnected),
            };
            match received {
                Ok((n, done)) => {
                    let at = n - self.taken;
                    if self.early.len() <= at {
                        self.early.resize_with(at + 1, || None);
                    }
                    self.early[at] = Some(done);
                }
                Err(false) => return Next::Late,
                // Every worker is gone (they never are while the input is
                // open, but an owed result must not hang the caller).
                Err(true) => {
                    self.taken = self.submitted;
                    self.early.clear();
                    return Next::Empty;
                }
            }
        }
    }
}

impl<T, U> Drop for Ordered<T, U> {
    fn drop(&mut self) {
        // Closing the input lets the workers finish and the scope end.
        self.cancelled.store(true, Ordering::Relaxed);
        self.input.take();
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_come_in_submission_order_whatever_order_they_finish_in() {
        let work = |n: u64| {
            // Early items take longest, so later ones finish first.
            std::thread::sleep(Duration::from_millis(20u64.saturating_sub(n * 4)));
            n * 10
        };
        let got: Vec<u64> = std::thread::scope(|scope| {
            let mut pool = Ordered::start(scope, 3, &work);
            for n in 0..6 {
                pool.submit(n);
            }
            std::iter::from_fn(|| pool.take())
                .map(Result::unwrap)
                .collect()
        });
        assert_eq!(got, vec![0, 10, 20, 30, 40, 50]);
    }

    #[test]
    fn a_panic_fails_only_its_own_item() {
        let work = |n: u32| {
            if n == 1 {
                panic!("item one is broken");
            }
            n
        };
        let got: Vec<Done<u32>> = std::thread::scope(|scope| {
            let mut pool = Ordered::start(scope, 2, &work);
            for n in 0..3 {
                pool.submit(n);
            }
            std::iter::from_fn(|| pool.take()).collect()
        });
        assert_eq!(got, vec![Ok(0), Err("item one is broken".into()), Ok(2)]);
    }

    #[test]
    fn a_deadline_returns_late_and_the_result_still_comes() {
        let work = |_: ()| std::thread::sleep(Duration::from_millis(200));
        std::thread::scope(|scope| {
            let mut pool = Ordered::start(scope, 1, &work);
            assert!(matches!(pool.next_until(Some(Instant::now())), Next::Empty));
            pool.submit(());
            let soon = Instant::now() + Duration::from_millis(10);
            assert!(matches!(pool.next_until(Some(soon)), Next::Late));
            assert!(matches!(pool.next_until(None), Next::Ready(Ok(()))));
            assert_eq!(pool.in_flight(), 0);
        });
    }
}
