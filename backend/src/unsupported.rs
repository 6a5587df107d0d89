//! The one way the backend refuses input: a fatal diagnostic that names the
//! construct it cannot compile yet, at the span of the code that uses it.
//! Nothing is silently miscompiled; callers return `!`.

use rustc_middle::ty::TyCtxt;
use rustc_span::Span;

/// Stops compilation with `error: the clif backend does not support <what> yet`.
pub fn unsupported(tcx: TyCtxt<'_>, span: Span, what: impl std::fmt::Display) -> ! {
    tcx.dcx().span_fatal(
        span,
        format!("the clif backend does not support {what} yet"),
    )
}
