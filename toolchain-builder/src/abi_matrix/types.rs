//! The types the ABI matrix passes: scalars and a catalogue of aggregates,
//! how each is spelled in Rust and in C, and values of them, rendered as
//! Rust and C expressions and compared on both sides.

use std::fmt::Write as _;

/// What the target's compilers can do with the half- and quad-precision
/// types (asked of rustc and of the C compiler by the suite, not assumed).
#[derive(Debug, Clone, Copy, Default)]
pub struct Features {
    /// `cfg(target_has_reliable_f16)` / `f128`: rustc's own word on whether
    /// the types work on the target.
    pub rust_f16: bool,
    pub rust_f128: bool,
    /// The C compiler accepts `_Float16` / `_Float128`.
    pub c_f16: bool,
    pub c_f128: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    I128,
    U128,
    Isize,
    Usize,
    Bool,
    Char,
    F16,
    F32,
    F64,
    F128,
    Ptr,
}

use Scalar::*;

/// Every scalar, each of which is also passed on its own.
pub const SCALARS: &[Scalar] = &[
    I8, U8, I16, U16, I32, U32, I64, U64, I128, U128, Isize, Usize, Bool, Char, F16, F32, F64,
    F128, Ptr,
];

impl Scalar {
    pub fn rust(self) -> &'static str {
        match self {
            I8 => "i8",
            U8 => "u8",
            I16 => "i16",
            U16 => "u16",
            I32 => "i32",
            U32 => "u32",
            I64 => "i64",
            U64 => "u64",
            I128 => "i128",
            U128 => "u128",
            Isize => "isize",
            Usize => "usize",
            Bool => "bool",
            Char => "char",
            F16 => "f16",
            F32 => "f32",
            F64 => "f64",
            F128 => "f128",
            Ptr => "*const u8",
        }
    }

    /// The C spelling; `None` for `char`, which C has no equivalent of.
    pub fn c(self) -> Option<&'static str> {
        Some(match self {
            I8 => "int8_t",
            U8 => "uint8_t",
            I16 => "int16_t",
            U16 => "uint16_t",
            I32 => "int32_t",
            U32 => "uint32_t",
            I64 => "int64_t",
            U64 => "uint64_t",
            I128 => "__int128",
            U128 => "unsigned __int128",
            Isize => "intptr_t",
            Usize => "uintptr_t",
            Bool => "bool",
            Char => return None,
            F16 => "_Float16",
            F32 => "float",
            F64 => "double",
            F128 => "_Float128",
            Ptr => "const unsigned char *",
        })
    }

    /// Integer and float widths in bits (pointers: 64, every target is LP64).
    fn bits(self) -> u32 {
        match self {
            I8 | U8 | Bool => 8,
            I16 | U16 | F16 => 16,
            I32 | U32 | F32 | Char => 32,
            I64 | U64 | F64 | Isize | Usize | Ptr => 64,
            I128 | U128 | F128 => 128,
        }
    }

    fn is_float(self) -> bool {
        matches!(self, F16 | F32 | F64 | F128)
    }

    fn usable(self, features: Features, in_c: bool) -> bool {
        match self {
            F16 => features.rust_f16 && (!in_c || features.c_f16),
            F128 => features.rust_f128 && (!in_c || features.c_f128),
            Char => !in_c,
            _ => true,
        }
    }
}

/// A field of a struct in the catalogue.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    Scalar(Scalar),
    Array(Scalar, usize),
    /// `[u32; 0]` (C: a GNU zero-length array): no size, alignment 4.
    Zst,
    /// Another aggregate of the catalogue, by name.
    Nested(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repr {
    C,
    /// Rust's own layout (field order chosen by rustc): Rust only.
    Rust,
    /// `repr(C, align(N))`.
    Align(u32),
    /// `repr(C, packed)`.
    Packed,
}

#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Struct(Repr, &'static [Field]),
    /// `repr(transparent)` around one scalar: C sees the scalar.
    Transparent(Scalar),
    /// `repr(C)` union; values are written and compared through field 0,
    /// which is the widest.
    Union(&'static [Scalar]),
    /// A field-less `repr(C)` enum with these discriminants.
    CEnum(&'static [i64]),
    /// `repr(C, u8)` enum with data (RFC 2195: C sees a tag and a union of
    /// structs); one list of fields per variant.
    Tagged(&'static [&'static [Scalar]]),
    /// A Rust enum with data (Rust only).
    DataEnum(&'static [&'static [Scalar]]),
    /// A tuple (Rust only).
    Tuple(&'static [Scalar]),
    /// `Option<NonZeroU32>` (Rust only; a niche).
    OptionNonZero,
}

#[derive(Debug, Clone, Copy)]
pub struct Aggregate {
    pub name: &'static str,
    pub shape: Shape,
}

const fn agg(name: &'static str, shape: Shape) -> Aggregate {
    Aggregate { name, shape }
}

const fn c(fields: &'static [Field]) -> Shape {
    Shape::Struct(Repr::C, fields)
}

use Field::{Array as A, Nested as N, Scalar as S};

/// The aggregates, nested ones before those that contain them. They cover
/// what the calling conventions treat specially: small integer structs,
/// homogeneous float aggregates of 1-5 members (aarch64 HFAs, riscv64
/// float pairs), mixed int/float pairs, arrays inside structs, large
/// (memory) structs, over-aligned, packed, zero-sized fields, unions,
/// enums and Rust-only layouts.
pub const AGGREGATES: &[Aggregate] = &[
    agg("SU8", c(&[S(U8)])),
    agg("SU8U16", c(&[S(U8), S(U16)])),
    agg("SI32x2", c(&[S(I32), S(I32)])),
    agg("SU8x3", c(&[A(U8, 3)])),
    agg("SI16x5", c(&[A(I16, 5)])),
    agg("SF32", c(&[S(F32)])),
    agg("SF32x2", c(&[S(F32), S(F32)])),
    agg("SF32x3", c(&[S(F32), S(F32), S(F32)])),
    agg("SF32x4", c(&[S(F32), S(F32), S(F32), S(F32)])),
    agg("SF32x5", c(&[S(F32), S(F32), S(F32), S(F32), S(F32)])),
    agg("SF64x2", c(&[S(F64), S(F64)])),
    agg("SF64x4", c(&[S(F64), S(F64), S(F64), S(F64)])),
    agg("SF32Arr2", c(&[A(F32, 2)])),
    agg("SF64Arr3", c(&[A(F64, 3)])),
    agg("SF64I32", c(&[S(F64), S(I32)])),
    agg("SI64F32", c(&[S(I64), S(F32)])),
    agg("SF32I16", c(&[S(F32), S(I16)])),
    agg("SI8F64", c(&[S(I8), S(F64)])),
    agg("SF32U32F32", c(&[S(F32), S(U32), S(F32)])),
    agg("SU64x2", c(&[S(U64), S(U64)])),
    agg("SU64x3", c(&[S(U64), S(U64), S(U64)])),
    agg("SU64x5", c(&[S(U64), S(U64), S(U64), S(U64), S(U64)])),
    agg("SI128", c(&[S(U8), S(I128)])),
    agg("SPtrU32", c(&[S(Ptr), S(U32)])),
    agg("SBoolU8", c(&[S(Bool), S(U8), S(Bool)])),
    agg("SZst", c(&[S(U8), Field::Zst, S(F32)])),
    agg("SZstOnlyF64", c(&[Field::Zst, S(F64), Field::Zst])),
    agg("SNested", c(&[N("SF32x2"), S(F64)])),
    agg("SNestedMixed", c(&[N("SU8U16"), N("SF64I32"), S(I8)])),
    agg("SAlign16", agg_shape(Repr::Align(16), &[S(U32), S(U64)])),
    agg("SAlign8", agg_shape(Repr::Align(8), &[S(U8)])),
    agg("SPacked", agg_shape(Repr::Packed, &[S(U8), S(U32), S(U16)])),
    agg("SF16x2", c(&[S(F16), S(F16)])),
    agg("SF16F32", c(&[S(F16), S(F32)])),
    agg("SF128", c(&[S(F128)])),
    agg("SF128U8", c(&[S(U8), S(F128)])),
    agg("TF64", Shape::Transparent(F64)),
    agg("TU16", Shape::Transparent(U16)),
    agg("UU64F32", Shape::Union(&[U64, F32])),
    agg("UF32U32", Shape::Union(&[F32, U32])),
    agg("UU8x3", Shape::Union(&[U16, U8])),
    agg("ECSmall", Shape::CEnum(&[0, 3, 7])),
    agg("ECWide", Shape::CEnum(&[-5, 0x7fff_0000, 12])),
    agg(
        "ETagged",
        Shape::Tagged(&[&[U32], &[F64, U8], &[], &[I16, I16, I16]]),
    ),
    agg("ETaggedF32", Shape::Tagged(&[&[F32, F32], &[I8]])),
    agg(
        "EData",
        Shape::DataEnum(&[&[], &[U8, I64], &[F32, U16], &[I128]]),
    ),
    agg("EDataF64", Shape::DataEnum(&[&[F64], &[F64, F64]])),
    agg("TupU8F64U16", Shape::Tuple(&[U8, F64, U16])),
    agg("TupF32x2", Shape::Tuple(&[F32, F32])),
    agg(
        "SRust",
        agg_shape(Repr::Rust, &[S(U8), S(F64), S(U16), S(Char)]),
    ),
    agg("OptNonZero", Shape::OptionNonZero),
];

const fn agg_shape(repr: Repr, fields: &'static [Field]) -> Shape {
    Shape::Struct(repr, fields)
}

/// A type of an argument or a return value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Scalar(Scalar),
    /// Index into [`AGGREGATES`].
    Agg(usize),
    /// A shared reference (C: a pointer to const) to an aggregate; the
    /// callee checks the pointee.
    Ref(usize),
}

pub fn aggregate(name: &str) -> usize {
    AGGREGATES
        .iter()
        .position(|a| a.name == name)
        .unwrap_or_else(|| panic!("no aggregate {name} in the catalogue"))
}

impl Ty {
    /// Whether the type can be passed at all on the target, and whether C
    /// has it (`in_c`).
    pub fn usable(self, features: Features, in_c: bool) -> bool {
        match self {
            Ty::Scalar(s) => s.usable(features, in_c),
            Ty::Agg(i) | Ty::Ref(i) => agg_usable(i, features, in_c),
        }
    }

    pub fn rust(self) -> String {
        match self {
            Ty::Scalar(s) => s.rust().to_owned(),
            Ty::Agg(i) => agg_rust_type(i),
            Ty::Ref(i) => format!("&{}", agg_rust_type(i)),
        }
    }

    /// The C spelling (the type must be usable in C).
    pub fn c(self) -> String {
        match self {
            Ty::Scalar(s) => s.c().expect("C type").to_owned(),
            Ty::Agg(i) => agg_c_type(i),
            Ty::Ref(i) => format!("const {} *", agg_c_type(i)),
        }
    }
}

fn agg_usable(index: usize, features: Features, in_c: bool) -> bool {
    let field_ok = |f: &Field| match f {
        Field::Scalar(s) | Field::Array(s, _) => s.usable(features, in_c),
        Field::Zst => true,
        Field::Nested(name) => agg_usable(aggregate(name), features, in_c),
    };
    let all = |scalars: &[Scalar]| scalars.iter().all(|s| s.usable(features, in_c));
    match AGGREGATES[index].shape {
        Shape::Struct(repr, fields) => !(in_c && repr == Repr::Rust) && fields.iter().all(field_ok),
        Shape::Transparent(s) => s.usable(features, in_c),
        Shape::Union(fields) => all(fields),
        Shape::CEnum(_) => true,
        Shape::Tagged(variants) => variants.iter().all(|v| all(v)),
        Shape::DataEnum(variants) => !in_c && variants.iter().all(|v| all(v)),
        Shape::Tuple(fields) => !in_c && all(fields),
        Shape::OptionNonZero => !in_c,
    }
}

fn agg_rust_type(index: usize) -> String {
    let a = &AGGREGATES[index];
    match a.shape {
        Shape::Tuple(fields) => {
            let names: Vec<&str> = fields.iter().map(|s| s.rust()).collect();
            format!("({},)", names.join(", "))
        }
        Shape::OptionNonZero => "Option<core::num::NonZeroU32>".to_owned(),
        _ => a.name.to_owned(),
    }
}

fn agg_c_type(index: usize) -> String {
    let a = &AGGREGATES[index];
    match a.shape {
        Shape::Transparent(s) => s.c().expect("C type").to_owned(),
        Shape::CEnum(_) => format!("enum {}", a.name),
        _ => a.name.to_owned(),
    }
}

/// The catalogue's aggregates usable on the target (in C, with `in_c`).
fn usable_aggregates(features: Features, in_c: bool) -> impl Iterator<Item = &'static Aggregate> {
    AGGREGATES
        .iter()
        .enumerate()
        .filter(move |(index, _)| agg_usable(*index, features, in_c))
        .map(|(_, a)| a)
}

/// Rust declarations of the catalogue's named types usable on the target.
pub fn rust_declarations(features: Features) -> String {
    let mut out = String::new();
    for a in usable_aggregates(features, false) {
        let name = a.name;
        let derive = "#[derive(Clone, Copy, PartialEq, Debug)]";
        match a.shape {
            Shape::Struct(repr, fields) => {
                let repr = match repr {
                    Repr::C => "#[repr(C)]\n".to_owned(),
                    Repr::Rust => String::new(),
                    Repr::Align(n) => format!("#[repr(C, align({n}))]\n"),
                    Repr::Packed => "#[repr(C, packed)]\n".to_owned(),
                };
                let _ = writeln!(out, "{repr}{derive}\npub struct {name} {{");
                for (i, f) in fields.iter().enumerate() {
                    let ty = match f {
                        Field::Scalar(s) => s.rust().to_owned(),
                        Field::Array(s, n) => format!("[{}; {n}]", s.rust()),
                        Field::Zst => "[u32; 0]".to_owned(),
                        Field::Nested(n) => (*n).to_owned(),
                    };
                    let _ = writeln!(out, "    pub f{i}: {ty},");
                }
                out.push_str("}\n");
            }
            Shape::Transparent(s) => {
                let _ = writeln!(
                    out,
                    "#[repr(transparent)]\n{derive}\npub struct {name}(pub {});",
                    s.rust()
                );
            }
            Shape::Union(fields) => {
                let _ = writeln!(
                    out,
                    "#[repr(C)]\n#[derive(Clone, Copy)]\npub union {name} {{"
                );
                for (i, s) in fields.iter().enumerate() {
                    let _ = writeln!(out, "    pub f{i}: {},", s.rust());
                }
                let _ = writeln!(
                    out,
                    "}}\nimpl PartialEq for {name} {{\n    fn eq(&self, other: &Self) -> bool {{ unsafe {{ self.f0 == other.f0 }} }}\n}}\n\
                     impl core::fmt::Debug for {name} {{\n    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{ \
                     write!(f, \"{name} {{{{ f0: {{:?}} }}}}\", unsafe {{ self.f0 }}) }}\n}}"
                );
            }
            Shape::CEnum(values) => {
                let _ = writeln!(out, "#[repr(C)]\n{derive}\npub enum {name} {{");
                for (i, v) in values.iter().enumerate() {
                    let _ = writeln!(out, "    V{i} = {v},");
                }
                out.push_str("}\n");
            }
            Shape::Tagged(variants) | Shape::DataEnum(variants) => {
                let repr = match a.shape {
                    Shape::Tagged(_) => "#[repr(C, u8)]\n",
                    _ => "",
                };
                let _ = writeln!(out, "{repr}{derive}\npub enum {name} {{");
                for (i, fields) in variants.iter().enumerate() {
                    if fields.is_empty() {
                        let _ = writeln!(out, "    V{i},");
                    } else {
                        let tys: Vec<&str> = fields.iter().map(|s| s.rust()).collect();
                        let _ = writeln!(out, "    V{i}({}),", tys.join(", "));
                    }
                }
                out.push_str("}\n");
            }
            Shape::Tuple(_) | Shape::OptionNonZero => {}
        }
    }
    out
}

/// C declarations of the catalogue's types usable in C on the target, and
/// an `eq_<name>` function for each.
pub fn c_declarations(features: Features) -> String {
    let mut out = String::new();
    for a in usable_aggregates(features, true) {
        let name = a.name;
        match a.shape {
            Shape::Struct(repr, fields) => {
                let attr = match repr {
                    Repr::C | Repr::Rust => String::new(),
                    Repr::Align(n) => format!(" __attribute__((aligned({n})))"),
                    Repr::Packed => " __attribute__((packed))".to_owned(),
                };
                let _ = writeln!(out, "typedef struct{attr} {name} {{");
                let mut eq = Vec::new();
                for (i, f) in fields.iter().enumerate() {
                    match f {
                        Field::Scalar(s) => {
                            let _ = writeln!(out, "    {} f{i};", s.c().expect("C type"));
                            eq.push(format!("a.f{i} == b.f{i}"));
                        }
                        Field::Array(s, n) => {
                            let _ = writeln!(out, "    {} f{i}[{n}];", s.c().expect("C type"));
                            eq.extend((0..*n).map(|k| format!("a.f{i}[{k}] == b.f{i}[{k}]")));
                        }
                        Field::Zst => {
                            let _ = writeln!(out, "    uint32_t f{i}[0];");
                        }
                        Field::Nested(n) => {
                            let _ = writeln!(out, "    {n} f{i};");
                            eq.push(format!("eq_{n}(a.f{i}, b.f{i})"));
                        }
                    }
                }
                let _ = writeln!(out, "}} {name};");
                write_c_eq(&mut out, name, &eq);
            }
            Shape::Transparent(_) => {}
            Shape::Union(fields) => {
                let _ = writeln!(out, "typedef union {name} {{");
                for (i, s) in fields.iter().enumerate() {
                    let _ = writeln!(out, "    {} f{i};", s.c().expect("C type"));
                }
                let _ = writeln!(out, "}} {name};");
                write_c_eq(&mut out, name, &["a.f0 == b.f0".to_owned()]);
            }
            Shape::CEnum(values) => {
                let variants: Vec<String> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("{name}_V{i} = {v}"))
                    .collect();
                let _ = writeln!(out, "enum {name} {{ {} }};", variants.join(", "));
            }
            Shape::Tagged(variants) => {
                let _ = writeln!(
                    out,
                    "typedef struct {name} {{\n    uint8_t tag;\n    union {{"
                );
                let mut cases = String::new();
                for (v, fields) in variants.iter().enumerate() {
                    let _ = write!(out, "        struct {{");
                    let mut eq = vec!["1".to_owned()];
                    for (i, s) in fields.iter().enumerate() {
                        let _ = write!(out, " {} f{i};", s.c().expect("C type"));
                        eq.push(format!("a.v{v}.f{i} == b.v{v}.f{i}"));
                    }
                    let _ = writeln!(out, " }} v{v};");
                    let _ = writeln!(cases, "    case {v}: return {};", eq.join(" && "));
                }
                let _ = writeln!(out, "    }};\n}} {name};");
                let _ = writeln!(
                    out,
                    "static int eq_{name}({name} a, {name} b) {{\n    if (a.tag != b.tag) return 0;\n    switch (a.tag) {{\n{cases}    default: return 0;\n    }}\n}}"
                );
            }
            Shape::DataEnum(_) | Shape::Tuple(_) | Shape::OptionNonZero => {}
        }
    }
    out
}

fn write_c_eq(out: &mut String, name: &str, eq: &[String]) {
    let body = if eq.is_empty() {
        "1".to_owned()
    } else {
        eq.join(" && ")
    };
    let _ = writeln!(
        out,
        "static int eq_{name}({name} a, {name} b) {{ return {body}; }}"
    );
}

/// A deterministic source of values (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A value of a [`Ty`], rendered for both languages.
#[derive(Debug, Clone)]
pub struct Value {
    pub rust: String,
    /// `None` where the type has no C spelling.
    pub c: Option<String>,
}

impl Value {
    /// A new value of `ty`.
    pub fn new(ty: Ty, rng: &mut Rng) -> Self {
        match ty {
            Ty::Scalar(s) => {
                let (rust, c) = scalar_value(s, rng);
                Value { rust, c }
            }
            Ty::Agg(i) => {
                let (rust, c) = agg_value(i, rng);
                let c = c.map(|init| match AGGREGATES[i].shape {
                    Shape::Transparent(_) | Shape::CEnum(_) => init,
                    _ => format!("(({}){init})", agg_c_type(i)),
                });
                Value { rust, c }
            }
            Ty::Ref(i) => {
                let (rust, c) = agg_value(i, rng);
                // C: the address of a compound literal, which lives until
                // the end of the block that makes the call.
                // (References are only made to structs, unions and tagged
                // enums, whose C values are braced initializers.)
                let c = c.map(|init| format!("(&({}){init})", agg_c_type(i)));
                Value {
                    rust: format!("&{rust}"),
                    c,
                }
            }
        }
    }
}

/// Rust and C expressions of a random scalar. Integers use their full
/// width (so extension to registers is checked), floats are random bit
/// patterns that are neither NaN nor infinite (so `==` can compare them).
fn scalar_value(s: Scalar, rng: &mut Rng) -> (String, Option<String>) {
    let bits = s.bits();
    let raw = (u128::from(rng.next()) << 64 | u128::from(rng.next())) & (u128::MAX >> (128 - bits));
    match s {
        Bool => {
            let b = raw & 1 == 1;
            (b.to_string(), Some(u8::from(b).to_string()))
        }
        Char => {
            const CHARS: &[char] = &['a', 'Z', '\u{e9}', '\u{263a}', '\u{1f980}', '\u{10ffff}'];
            let ch = CHARS[rng.below(CHARS.len())];
            (format!("'\\u{{{:x}}}'", ch as u32), None)
        }
        Ptr => {
            let addr = (raw as u64) & 0x0000_7fff_ffff_fff8 | 8;
            (
                format!("(0x{addr:x}usize as *const u8)"),
                Some(format!("((const unsigned char *)(uintptr_t)0x{addr:x}ULL)")),
            )
        }
        _ if s.is_float() => {
            let value = finite_float_bits(bits, raw);
            (
                format!("{}::from_bits(0x{value:x})", s.rust()),
                Some(format!(
                    "f{bits}_from_bits({})",
                    c_uint_literal(bits, value)
                )),
            )
        }
        _ => (
            format!("(0x{raw:x}u128 as {})", s.rust()),
            Some(format!(
                "(({}){})",
                s.c().expect("C type"),
                c_uint_literal(bits, raw)
            )),
        ),
    }
}

/// `raw` with the exponent moved away from all-ones (no NaN or infinity).
fn finite_float_bits(bits: u32, raw: u128) -> u128 {
    let exponent_bits = match bits {
        16 => 5,
        32 => 8,
        64 => 11,
        _ => 15,
    };
    let mantissa_bits = bits - 1 - exponent_bits;
    let exponent_max = (1u128 << exponent_bits) - 1;
    let exponent = (raw >> mantissa_bits) & exponent_max;
    if exponent == exponent_max {
        raw & !(1u128 << (mantissa_bits + exponent_bits - 1))
    } else {
        raw
    }
}

/// An unsigned C constant of `bits` bits (128-bit ones built from halves).
fn c_uint_literal(bits: u32, value: u128) -> String {
    if bits <= 64 {
        format!("0x{value:x}ULL")
    } else {
        format!(
            "(((unsigned __int128)0x{:x}ULL << 64) | 0x{:x}ULL)",
            (value >> 64) as u64,
            value as u64
        )
    }
}

/// Rust expression and C braced initializer (or plain expression for
/// transparent structs and enums) of a random value of an aggregate.
fn agg_value(index: usize, rng: &mut Rng) -> (String, Option<String>) {
    let a = &AGGREGATES[index];
    let name = a.name;
    let scalars = |fields: &[Scalar], rng: &mut Rng| -> Vec<(String, Option<String>)> {
        fields.iter().map(|s| scalar_value(*s, rng)).collect()
    };
    match a.shape {
        Shape::Struct(_, fields) => {
            let mut rust = Vec::new();
            let mut c = Vec::new();
            for (i, f) in fields.iter().enumerate() {
                let (r, cv) = match f {
                    Field::Scalar(s) => scalar_value(*s, rng),
                    Field::Array(s, n) => {
                        let items: Vec<_> = (0..*n).map(|_| scalar_value(*s, rng)).collect();
                        let r: Vec<&str> = items.iter().map(|v| v.0.as_str()).collect();
                        let cv: Option<Vec<String>> = items.iter().map(|v| v.1.clone()).collect();
                        (
                            format!("[{}]", r.join(", ")),
                            cv.map(|cv| format!("{{{}}}", cv.join(", "))),
                        )
                    }
                    Field::Zst => ("[]".to_owned(), None),
                    Field::Nested(n) => agg_value(aggregate(n), rng),
                };
                rust.push(format!("f{i}: {r}"));
                if let Some(cv) = cv {
                    c.push(format!(".f{i} = {cv}"));
                }
            }
            (
                format!("{name} {{ {} }}", rust.join(", ")),
                Some(format!("{{ {} }}", c.join(", "))),
            )
        }
        Shape::Transparent(s) => {
            let (r, cv) = scalar_value(s, rng);
            (format!("{name}({r})"), cv)
        }
        Shape::Union(fields) => {
            let (r, cv) = scalar_value(fields[0], rng);
            (
                format!("{name} {{ f0: {r} }}"),
                cv.map(|cv| format!("{{ .f0 = {cv} }}")),
            )
        }
        Shape::CEnum(values) => {
            let v = rng.below(values.len());
            (format!("{name}::V{v}"), Some(format!("{name}_V{v}")))
        }
        Shape::Tagged(variants) | Shape::DataEnum(variants) => {
            let v = rng.below(variants.len());
            let fields = scalars(variants[v], rng);
            let rust = if fields.is_empty() {
                format!("{name}::V{v}")
            } else {
                let r: Vec<&str> = fields.iter().map(|f| f.0.as_str()).collect();
                format!("{name}::V{v}({})", r.join(", "))
            };
            let c = fields
                .iter()
                .enumerate()
                .map(|(i, f)| f.1.as_ref().map(|cv| format!(".f{i} = {cv}")))
                .collect::<Option<Vec<_>>>()
                .map(|inits| format!("{{ .tag = {v}, .v{v} = {{ {} }} }}", inits.join(", ")));
            (rust, c)
        }
        Shape::Tuple(fields) => {
            let items = scalars(fields, rng);
            let r: Vec<&str> = items.iter().map(|f| f.0.as_str()).collect();
            (format!("({},)", r.join(", ")), None)
        }
        Shape::OptionNonZero => {
            let raw = rng.next() as u32;
            let r = match raw % 3 {
                0 => "None".to_owned(),
                _ => format!("core::num::NonZeroU32::new(0x{:x})", raw | 1),
            };
            (r, None)
        }
    }
}

/// The C expression that is true when `a` equals `b` (both of type `ty`).
pub fn c_equal(ty: Ty, a: &str, b: &str) -> String {
    match ty {
        Ty::Scalar(_) => format!("({a} == {b})"),
        Ty::Agg(i) => match AGGREGATES[i].shape {
            Shape::Transparent(_) | Shape::CEnum(_) => format!("({a} == {b})"),
            _ => format!("eq_{}({a}, {b})", AGGREGATES[i].name),
        },
        Ty::Ref(i) => c_equal(Ty::Agg(i), &format!("(*{a})"), &format!("(*{b})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_finite_and_integers_fit() {
        let mut rng = Rng::new(1);
        for _ in 0..1000 {
            let raw = u128::from(rng.next());
            let f = f64::from_bits(finite_float_bits(64, raw) as u64);
            assert!(f.is_finite(), "{f}");
            let f = f32::from_bits(finite_float_bits(32, raw & 0xffff_ffff) as u32);
            assert!(f.is_finite(), "{f}");
        }
        let (rust, c) = scalar_value(U8, &mut Rng::new(7));
        assert!(rust.ends_with("u128 as u8)"), "{rust}");
        assert!(c.expect("c").starts_with("((uint8_t)0x"));
    }

    #[test]
    fn nested_aggregates_come_after_what_they_contain() {
        for (index, a) in AGGREGATES.iter().enumerate() {
            if let Shape::Struct(_, fields) = a.shape {
                for f in fields {
                    if let Field::Nested(name) = f {
                        assert!(aggregate(name) < index, "{} before {name}", a.name);
                    }
                }
            }
        }
    }

    #[test]
    fn rust_only_types_are_not_offered_to_c() {
        let all = Features {
            rust_f16: true,
            rust_f128: true,
            c_f16: false,
            c_f128: true,
        };
        assert!(!Ty::Scalar(Char).usable(all, true));
        assert!(!Ty::Agg(aggregate("SF16x2")).usable(all, true));
        assert!(Ty::Agg(aggregate("SF16x2")).usable(all, false));
        assert!(!Ty::Agg(aggregate("EData")).usable(all, true));
        assert!(Ty::Agg(aggregate("ETagged")).usable(all, true));
        assert!(!c_declarations(all).contains("SF16x2"));
    }
}
