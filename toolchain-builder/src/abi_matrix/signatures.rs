//! The signatures of the ABI matrix: for every type, the same few shapes
//! (alone; between other arguments; after the integer or the float
//! argument registers are used up, or all but one; many of it; by
//! reference), then random
//! mixes, in the Rust and the C convention; and C variadic functions.

use super::types::{Features, Rng, Scalar, Shape, Ty, AGGREGATES, SCALARS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    Rust,
    C,
}

#[derive(Debug, Clone)]
pub struct Signature {
    /// The function's symbol: `abi_r_<n>`, `abi_c_<n>` or `abi_v_<n>`.
    pub name: String,
    pub conv: Conv,
    pub args: Vec<Ty>,
    pub ret: Option<Ty>,
    /// Arguments passed through `...` (C variadic functions only).
    pub varargs: Vec<Scalar>,
    pub variadic: bool,
}

impl Signature {
    /// Whether C can call or define the function (C convention, every
    /// type has a C spelling on the target).
    pub fn in_c(&self, features: Features) -> bool {
        self.conv == Conv::C
            && self
                .args
                .iter()
                .chain(&self.ret)
                .all(|ty| ty.usable(features, true))
    }
}

impl std::fmt::Display for Signature {
    /// `extern "C" fn abi_c_3(SF32x2, u8, ...) -> f32`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut params: Vec<String> = self.args.iter().map(|t| t.rust()).collect();
        if self.variadic {
            let varargs: Vec<&str> = self.varargs.iter().map(|s| s.rust()).collect();
            params.push(format!("...[{}]", varargs.join(", ")));
        }
        let abi = match self.conv {
            Conv::Rust => "",
            Conv::C => "extern \"C\" ",
        };
        write!(f, "{abi}fn {}({})", self.name, params.join(", "))?;
        match self.ret {
            Some(ret) => write!(f, " -> {}", ret.rust()),
            None => Ok(()),
        }
    }
}

/// The types a variadic call can pass (Rust's `VaArgSafe` ones; C's
/// default argument promotions leave them unchanged).
pub const VA_TYPES: &[Scalar] = &[
    Scalar::I32,
    Scalar::U32,
    Scalar::I64,
    Scalar::U64,
    Scalar::F64,
    Scalar::Isize,
    Scalar::Usize,
    Scalar::Ptr,
];

/// Random mixes per convention.
const MIXES: usize = 40;
/// Variadic functions.
const VARIADICS: usize = 24;

/// Every signature, for a target with `features`.
pub fn generate(features: Features) -> Vec<Signature> {
    let types: Vec<Ty> = SCALARS
        .iter()
        .map(|s| Ty::Scalar(*s))
        .chain((0..AGGREGATES.len()).map(Ty::Agg))
        .filter(|ty| ty.usable(features, false))
        .collect();
    let mut out = Vec::new();
    for conv in [Conv::Rust, Conv::C] {
        let mut shapes = Vec::new();
        for &ty in &types {
            shapes.extend(per_type(ty));
        }
        let mut rng = Rng::new(match conv {
            Conv::Rust => 1,
            Conv::C => 2,
        });
        for _ in 0..MIXES {
            let args = (0..1 + rng.below(14))
                .map(|_| types[rng.below(types.len())])
                .collect();
            let ret = match rng.below(4) {
                0 => None,
                _ => Some(types[rng.below(types.len())]),
            };
            shapes.push((args, ret));
        }
        let prefix = match conv {
            Conv::Rust => "r",
            Conv::C => "c",
        };
        for (n, (args, ret)) in shapes.into_iter().enumerate() {
            out.push(Signature {
                name: format!("abi_{prefix}_{n}"),
                conv,
                args,
                ret,
                varargs: Vec::new(),
                variadic: false,
            });
        }
    }
    let mut rng = Rng::new(3);
    for n in 0..VARIADICS {
        let mut args = vec![Ty::Scalar(Scalar::I32)];
        if n % 3 == 1 {
            args.push(Ty::Scalar(Scalar::F64));
        }
        let varargs = (0..n % 15)
            .map(|_| VA_TYPES[rng.below(VA_TYPES.len())])
            .collect();
        out.push(Signature {
            name: format!("abi_v_{n}"),
            conv: Conv::C,
            args,
            ret: Some(Ty::Scalar(Scalar::I64)),
            varargs,
            variadic: true,
        });
    }
    out
}

/// The fixed shapes for one type.
fn per_type(ty: Ty) -> Vec<(Vec<Ty>, Option<Ty>)> {
    let s = |s| Ty::Scalar(s);
    let mut shapes = vec![
        (vec![ty], Some(ty)),
        (vec![s(Scalar::U8), ty, s(Scalar::F32), ty], Some(ty)),
        (
            [vec![s(Scalar::I64); 8], vec![ty, s(Scalar::I8)]].concat(),
            Some(ty),
        ),
        (
            [vec![s(Scalar::F64); 8], vec![ty, s(Scalar::F32)]].concat(),
            None,
        ),
        // One integer register left (x86_64: 6, aarch64/riscv64: 8), and
        // an argument after it that may take it.
        (
            [vec![s(Scalar::I64); 5], vec![ty, s(Scalar::I64)]].concat(),
            None,
        ),
        (
            [vec![s(Scalar::I64); 7], vec![ty, s(Scalar::U32)]].concat(),
            None,
        ),
        (vec![ty; 6], Some(ty)),
    ];
    if let Ty::Agg(i) = ty {
        if matches!(
            AGGREGATES[i].shape,
            Shape::Struct(..) | Shape::Union(_) | Shape::Tagged(_)
        ) {
            shapes.push((vec![Ty::Ref(i), s(Scalar::U16)], None));
        }
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_c_functions_exclude_rust_only_types() {
        let features = Features {
            rust_f16: true,
            rust_f128: true,
            c_f16: false,
            c_f128: false,
        };
        let sigs = generate(features);
        let mut names: Vec<&str> = sigs.iter().map(|s| s.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), sigs.len());
        let char_fn = sigs
            .iter()
            .find(|s| s.conv == Conv::C && s.args == [Ty::Scalar(Scalar::Char)])
            .expect("a C-convention char function");
        assert!(!char_fn.in_c(features));
        assert!(sigs.iter().filter(|s| s.variadic).all(|s| s.in_c(features)));
        assert!(sigs.iter().any(|s| s.varargs.len() >= 12));
    }
}
