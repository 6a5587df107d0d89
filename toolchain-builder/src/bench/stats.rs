//! The arithmetic of the benchmark report: medians of repeated samples, the
//! clif/LLVM ratio and the backend share, `(clif − check) / (llvm − check)`:
//! the time Cranelift's build spends beyond `cargo check` (code generation,
//! linking, ...) relative to LLVM's.

use serde::Serialize;

/// The median of `values` (the mean of the middle two for an even count);
/// `None` for no values.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// `clif / llvm`, if both are known and `llvm` is positive.
pub fn ratio(clif: Option<f64>, llvm: Option<f64>) -> Option<f64> {
    match (clif, llvm) {
        (Some(clif), Some(llvm)) if llvm > 0.0 => Some(clif / llvm),
        _ => None,
    }
}

/// `(clif − check) / (llvm − check)`, if all are known and the LLVM build
/// took longer than the check.
pub fn backend_share(clif: Option<f64>, llvm: Option<f64>, check: Option<f64>) -> Option<f64> {
    let check = check?;
    ratio(clif.map(|c| c - check), llvm.map(|l| l - check))
}

/// Below this fraction of the LLVM build, `LLVM − check` is too small a
/// denominator for [`backend_share`] to mean much.
pub const MIN_BACKEND_PART: f64 = 0.2;

/// Whether the backend share of these times is ill-conditioned: the LLVM
/// build is mostly what `cargo check` does too (less than
/// [`MIN_BACKEND_PART`] of it remains).
pub fn ill_conditioned(llvm: Option<f64>, check: Option<f64>) -> bool {
    match (llvm, check) {
        (Some(llvm), Some(check)) => llvm - check < MIN_BACKEND_PART * llvm,
        _ => false,
    }
}

/// The samples of one measured quantity and their median.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Samples {
    pub samples: Vec<f64>,
    pub median: Option<f64>,
}

impl Samples {
    pub fn push(&mut self, value: f64) {
        self.samples.push(value);
        self.median = median(&self.samples);
    }
}

/// The median of the known values among `values` (for "median over
/// crates"); `None` if none is known.
pub fn median_of_known(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    median(&values.into_iter().flatten().collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.5]), Some(7.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn samples_keep_their_median_current() {
        let mut s = Samples::default();
        s.push(5.0);
        assert_eq!(s.median, Some(5.0));
        s.push(1.0);
        s.push(2.0);
        assert_eq!(s.samples, [5.0, 1.0, 2.0]);
        assert_eq!(s.median, Some(2.0));
    }

    #[test]
    fn ratio_and_backend_share() {
        assert_eq!(ratio(Some(3.0), Some(2.0)), Some(1.5));
        assert_eq!(ratio(Some(3.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(2.0)), None);
        // check 2 s, llvm 6 s, clif 4 s: the backend part takes half as long.
        assert_eq!(backend_share(Some(4.0), Some(6.0), Some(2.0)), Some(0.5));
        // LLVM no slower than check: no meaningful share.
        assert_eq!(backend_share(Some(4.0), Some(2.0), Some(2.0)), None);
        assert_eq!(backend_share(Some(4.0), Some(6.0), None), None);
    }

    #[test]
    fn small_denominators_are_ill_conditioned() {
        assert!(ill_conditioned(Some(10.0), Some(9.0)));
        assert!(!ill_conditioned(Some(10.0), Some(7.0)));
        assert!(!ill_conditioned(None, Some(9.0)));
    }

    #[test]
    fn median_over_known_values_only() {
        assert_eq!(median_of_known([Some(1.0), None, Some(3.0)]), Some(2.0));
        assert_eq!(median_of_known([None, None]), None);
    }
}
