//! Politeness: requests to one host start at least `delay` apart. The
//! clock is a trait so the spacing is tested without waiting for it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a wait sleeps before looking at the cancel flag again.
const CANCEL_CHECK: Duration = Duration::from_millis(50);

/// Time as the pacer sees it.
pub trait Clock: Send {
    fn now(&self) -> Instant;
    fn sleep(&self, d: Duration);
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&self, d: Duration) {
        std::thread::sleep(d);
    }
}

/// Set from another thread (the TUI's Esc) to stop a fetch at its next
/// step: a wait ends early, nothing more is requested or stored.
#[derive(Debug, Default, Clone)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// When each host was last asked for something.
pub struct Pacer {
    delay: Duration,
    last: HashMap<String, Instant>,
    clock: Box<dyn Clock>,
}

impl Pacer {
    pub fn new(delay: Duration, clock: Box<dyn Clock>) -> Pacer {
        Pacer {
            delay,
            last: HashMap::new(),
            clock,
        }
    }

    /// Waits until `host` may be asked again and records that it is asked
    /// now. `on_wait` hears how long the wait is, before it starts. False
    /// when `cancel` was set meanwhile (the turn is then not taken).
    pub fn wait_turn(
        &mut self,
        host: &str,
        cancel: &Cancel,
        mut on_wait: impl FnMut(Duration),
    ) -> bool {
        let host = host.to_ascii_lowercase();
        if let Some(&last) = self.last.get(&host) {
            let due = last + self.delay;
            let now = self.clock.now();
            if due > now {
                on_wait(due - now);
            }
            loop {
                if cancel.is_cancelled() {
                    return false;
                }
                let now = self.clock.now();
                if now >= due {
                    break;
                }
                self.clock.sleep((due - now).min(CANCEL_CHECK));
            }
        }
        if cancel.is_cancelled() {
            return false;
        }
        self.last.insert(host, self.clock.now());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// A clock that moves only when slept on, recording every sleep.
    #[derive(Clone)]
    struct FakeClock {
        now: Arc<Mutex<Instant>>,
        slept: Arc<Mutex<Duration>>,
    }

    impl FakeClock {
        fn new() -> FakeClock {
            FakeClock {
                now: Arc::new(Mutex::new(Instant::now())),
                slept: Arc::new(Mutex::new(Duration::ZERO)),
            }
        }

        fn advance(&self, d: Duration) {
            *self.now.lock().unwrap() += d;
        }

        fn slept(&self) -> Duration {
            *self.slept.lock().unwrap()
        }
    }

    impl Clock for FakeClock {
        fn now(&self) -> Instant {
            *self.now.lock().unwrap()
        }

        fn sleep(&self, d: Duration) {
            self.advance(d);
            *self.slept.lock().unwrap() += d;
        }
    }

    #[test]
    fn one_host_waits_the_delay_others_do_not() {
        let clock = FakeClock::new();
        let mut pacer = Pacer::new(Duration::from_secs(1), Box::new(clock.clone()));
        let cancel = Cancel::new();
        let mut waits = Vec::new();
        assert!(pacer.wait_turn("mp.weixin.qq.com", &cancel, |d| waits.push(d)));
        assert!(pacer.wait_turn("example.org", &cancel, |d| waits.push(d)));
        assert_eq!(clock.slept(), Duration::ZERO, "first visits do not wait");
        clock.advance(Duration::from_millis(300));
        assert!(pacer.wait_turn("MP.weixin.qq.com", &cancel, |d| waits.push(d)));
        assert_eq!(clock.slept(), Duration::from_millis(700));
        assert_eq!(waits, vec![Duration::from_millis(700)]);
    }

    #[test]
    fn a_host_asked_long_ago_does_not_wait() {
        let clock = FakeClock::new();
        let mut pacer = Pacer::new(Duration::from_secs(1), Box::new(clock.clone()));
        let cancel = Cancel::new();
        pacer.wait_turn("a", &cancel, |_| {});
        clock.advance(Duration::from_secs(5));
        pacer.wait_turn("a", &cancel, |_| {});
        assert_eq!(clock.slept(), Duration::ZERO);
    }

    #[test]
    fn cancelling_ends_a_wait_without_taking_the_turn() {
        let clock = FakeClock::new();
        let mut pacer = Pacer::new(Duration::from_secs(10), Box::new(clock.clone()));
        let cancel = Cancel::new();
        pacer.wait_turn("a", &cancel, |_| {});
        cancel.cancel();
        assert!(!pacer.wait_turn("a", &cancel, |_| {}));
        assert_eq!(clock.slept(), Duration::ZERO);
    }
}
