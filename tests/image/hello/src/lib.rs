//! Formatting through a crates.io dependency, and a panic that unwinds.

/// `n` in decimal, by `itoa`.
pub fn decimal(n: i64) -> String {
    itoa::Buffer::new().format(n).to_owned()
}

/// The sum of `values`, or a panic message when it overflows.
pub fn checked_sum(values: &[i64]) -> Result<i64, String> {
    std::panic::catch_unwind(|| values.iter().fold(0i64, |a, &b| a.checked_add(b).expect("overflow")))
        .map_err(|payload| payload.downcast_ref::<&str>().map_or("?".to_owned(), |s| (*s).to_owned()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimals() {
        assert_eq!(super::decimal(-1234567890123), "-1234567890123");
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn panics_unwind_to_the_harness() {
        panic!("boom");
    }
}
