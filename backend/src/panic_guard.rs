//! A panic inside Cranelift is a Cranelift bug, not a rustc one:
//! [`guarded`] runs a Cranelift call so that such a panic comes back as an
//! error message (with the panic's location) instead of rustc's "the
//! compiler unexpectedly panicked" report. Every other panic still reaches
//! rustc's own panic hook.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside [`guarded`].
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// The message and location of the panic [`guarded`] is unwinding from.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Wraps the process's panic hook, once: a panic on a thread inside
/// [`guarded`] is recorded for it instead of being reported.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDED.get() {
                let location = info
                    .location()
                    .map(|l| format!(" at {l}"))
                    .unwrap_or_default();
                CAUGHT.set(Some(format!("{}{location}", payload_text(info.payload()))));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it is returned as its message and location.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let outer = GUARDED.replace(true);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.set(outer);
    result.map_err(|payload| CAUGHT.take().unwrap_or_else(|| payload_text(&*payload)))
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_location() {
        install();
        let err = guarded(|| -> u32 { panic!("assertion {} failed", 7) }).expect_err("panicked");
        assert!(err.starts_with("assertion 7 failed at "), "{err}");
        assert!(err.contains("panic_guard.rs"), "{err}");
        assert_eq!(guarded(|| 5), Ok(5));
    }
}
