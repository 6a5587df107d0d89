//! The one way the backend refuses input: an error that names the construct
//! it cannot compile yet, at the span of the code that uses it. Nothing is
//! silently miscompiled.
//!
//! Refusing is not fatal at once: [`unsupported`] reports the error and
//! unwinds out of the item being lowered ([`recover`] catches that at the
//! item boundary), so one compilation reports every unsupported construct
//! of a crate. The driver stops after the crate with `abort_if_errors`, so
//! no object file with a missing item is ever linked.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use rustc_middle::ty::TyCtxt;
use rustc_span::Span;

/// The unwind payload of a refused item (not a panic: no hook, no ICE).
struct Refused;

/// Reports `error: the clif backend does not support <what> yet` and
/// abandons the current item.
pub fn unsupported(tcx: TyCtxt<'_>, span: Span, what: impl std::fmt::Display) -> ! {
    tcx.dcx().span_err(
        span,
        format!("the clif backend does not support {what} yet"),
    );
    resume_unwind(Box::new(Refused))
}

/// Runs `f` (the lowering of one item); returns `None` when the item was
/// refused by [`unsupported`]. Real panics keep unwinding.
pub fn recover<R>(f: impl FnOnce() -> R) -> Option<R> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => Some(r),
        Err(payload) if payload.is::<Refused>() => None,
        Err(payload) => resume_unwind(payload),
    }
}
