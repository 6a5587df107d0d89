//! The `--seeds` argument: a half-open range of generator seeds, `A..B`
//! (seeds A to B-1, as in Rust), or one seed `N`.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// A non-empty range of rustlantis seeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedRange(Range<u64>);

impl SeedRange {
    /// The seeds, in increasing order.
    pub fn iter(&self) -> Range<u64> {
        self.0.clone()
    }

    /// How many seeds the range holds.
    pub fn len(&self) -> u64 {
        self.0.end - self.0.start
    }
}

impl FromStr for SeedRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let number = |part: &str| {
            part.trim().parse::<u64>().map_err(|err| {
                format!(
                    "`{part}` is not a seed (a number from 0 to {}): {err}",
                    u64::MAX
                )
            })
        };
        let range = match text.split_once("..") {
            Some((start, end)) => number(start)?..number(end)?,
            None => {
                let seed = number(text)?;
                let end = seed
                    .checked_add(1)
                    .ok_or_else(|| format!("seed {seed} is too large"))?;
                seed..end
            }
        };
        if range.is_empty() {
            return Err(format!(
                "`{text}` is empty: the range A..B holds the seeds A to B-1, so B must be \
                 greater than A"
            ));
        }
        Ok(Self(range))
    }
}

impl fmt::Display for SeedRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.0.start, self.0.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<u64>, String> {
        text.parse::<SeedRange>().map(|r| r.iter().collect())
    }

    #[test]
    fn ranges_are_half_open() {
        assert_eq!(parse("0..3"), Ok(vec![0, 1, 2]));
        assert_eq!(parse("10..11"), Ok(vec![10]));
        assert_eq!(parse(" 5 .. 7 "), Ok(vec![5, 6]));
        let range: SeedRange = "0..5000".parse().expect("parses");
        assert_eq!(range.len(), 5000);
        assert_eq!(range.to_string(), "0..5000");
    }

    #[test]
    fn a_single_number_is_one_seed() {
        assert_eq!(parse("42"), Ok(vec![42]));
        assert_eq!(parse("42").map(|v| v.len()), Ok(1));
        assert!(parse(&u64::MAX.to_string()).is_err());
    }

    #[test]
    fn empty_and_malformed_ranges_are_rejected() {
        for bad in [
            "5..5", "7..3", "", "a..3", "1..b", "1..=3", "-1..2", "1...3",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be rejected");
        }
        let err = parse("5..5").expect_err("empty");
        assert!(err.contains("B must be greater than A"), "{err}");
    }
}
