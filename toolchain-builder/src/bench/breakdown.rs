//! Where a clif build's time goes: the backend appends one JSON line per
//! crate to the file named by `CLIF_TIMINGS` (see the backend's
//! `timings.rs`: lowering, Cranelift with its passes, object writing, the
//! assembler; and a separate line with the linker step), and [`Breakdown`]
//! sums them over every crate of a build.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

/// Thread seconds summed over the crates of one build.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Breakdown {
    /// CPU seconds of the profiled build itself (user + sys).
    pub build_cpu_s: f64,
    /// Crates (rustc invocations) that reported code generation.
    pub crates: usize,
    pub functions: usize,
    /// MIR → Cranelift IR, on rustc's thread, rustc's queries included.
    pub lower_s: f64,
    /// Cranelift's compilation of every function (all threads).
    pub cranelift_s: f64,
    /// Self time of each Cranelift pass (part of `cranelift_s`).
    pub passes: BTreeMap<String, f64>,
    /// Finishing modules and writing object files.
    pub object_s: f64,
    /// Assembling `asm!`/`global_asm!` text.
    pub asm_s: f64,
    /// rustc's linker step: archives, and the linker process for binaries,
    /// proc macros and build scripts.
    pub link_s: f64,
}

/// One line of a `CLIF_TIMINGS` file (code generation or link).
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    lower_s: f64,
    #[serde(default)]
    cranelift_s: f64,
    #[serde(default)]
    object_s: f64,
    #[serde(default)]
    asm_s: f64,
    #[serde(default)]
    link_s: f64,
    #[serde(default)]
    functions: usize,
    passes: Option<BTreeMap<String, f64>>,
}

/// The Cranelift passes the report names; the rest are "other passes".
pub const REGALLOC: &str = "Register allocation";
pub const ISEL: &str = "VCode lowering";
pub const EMISSION: &str = "VCode emission";

impl Breakdown {
    /// Sums the lines of `text`.
    pub fn parse(text: &str, build_cpu_s: f64) -> anyhow::Result<Self> {
        let mut sum = Breakdown {
            build_cpu_s,
            ..Breakdown::default()
        };
        for (number, line) in text.lines().enumerate() {
            let line: Line = serde_json::from_str(line)
                .with_context(|| format!("line {} is not a timings record", number + 1))?;
            sum.lower_s += line.lower_s;
            sum.cranelift_s += line.cranelift_s;
            sum.object_s += line.object_s;
            sum.asm_s += line.asm_s;
            sum.link_s += line.link_s;
            sum.functions += line.functions;
            if let Some(passes) = line.passes {
                sum.crates += 1;
                for (pass, secs) in passes {
                    *sum.passes.entry(pass).or_default() += secs;
                }
            }
        }
        Ok(sum)
    }

    /// Reads and sums the file `path`.
    pub fn read(path: &Path, build_cpu_s: f64) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Self::parse(&text, build_cpu_s).with_context(|| format!("in {}", path.display()))
    }

    /// Self time of the pass `name`.
    pub fn pass(&self, name: &str) -> f64 {
        self.passes.get(name).copied().unwrap_or(0.0)
    }

    /// Cranelift time outside register allocation, isel and emission.
    pub fn other_passes(&self) -> f64 {
        self.cranelift_s - self.pass(REGALLOC) - self.pass(ISEL) - self.pass(EMISSION)
    }

    /// Everything the backend measured.
    pub fn measured(&self) -> f64 {
        self.lower_s + self.cranelift_s + self.object_s + self.asm_s + self.link_s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_every_crate_add_up() {
        let text = r#"{"crate":"a","wall_s":0.5,"lower_s":0.25,"cranelift_s":0.5,"object_s":0.125,"asm_s":0.0,"units":2,"functions":10,"passes":{"Register allocation":0.25,"VCode lowering":0.125}}
{"crate":"a","link_s":0.5}
{"crate":"b","wall_s":0.5,"lower_s":0.25,"cranelift_s":0.25,"object_s":0.0,"asm_s":0.125,"units":1,"functions":5,"passes":{"Register allocation":0.125}}
"#;
        let b = Breakdown::parse(text, 3.0).expect("parses");
        assert_eq!(b.crates, 2);
        assert_eq!(b.functions, 15);
        assert_eq!(b.lower_s, 0.5);
        assert_eq!(b.cranelift_s, 0.75);
        assert_eq!(b.pass(REGALLOC), 0.375);
        assert_eq!(b.pass(EMISSION), 0.0);
        assert_eq!(b.other_passes(), 0.25);
        assert_eq!(b.link_s, 0.5);
        assert_eq!(b.measured(), 0.5 + 0.75 + 0.125 + 0.125 + 0.5);
        assert_eq!(b.build_cpu_s, 3.0);
    }

    #[test]
    fn a_foreign_line_is_an_error() {
        let err = Breakdown::parse("{\"crate\":\"a\"}\nnot json\n", 1.0).expect_err("fails");
        assert!(format!("{err:#}").contains("line 2"), "{err:#}");
    }
}
