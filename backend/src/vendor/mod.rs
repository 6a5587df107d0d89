//! LLVM vendor intrinsics (`link_name = "llvm.<arch>.…"` in `core::arch`)
//! as data. Each architecture has a table generated from stdarch's own
//! declarations (`tools/vendor-intrinsics/`): the operand and result kinds
//! of every intrinsic and the instructions implementing it, as an
//! assembly template. The backend turns a used intrinsic into a small
//! assembly function of the unit (one per immediate value), called with
//! the platform's C convention: vectors by address, everything else in
//! general registers. The architecture's module owns the register
//! assignment and the function's prologue and epilogue.

mod aarch64;
mod aarch64_table;
mod x86_64;
mod x86_64_table;

use crate::target::Arch;
use cranelift_codegen::ir::{AbiParam, Signature, Type, types};
use cranelift_module::{FuncId, Linkage};

use crate::cx::CodegenCx;

/// How one operand (or result) of an intrinsic travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// A vector of this many bits, passed by address.
    V64,
    V128,
    V256,
    V512,
    /// `count` vectors of 64 or 128 bits, one after the other (a NEON
    /// tuple such as `int8x16x2_t`), passed by address.
    Vectors {
        bits: u16,
        count: u8,
    },
    /// An integer of this many bits in a general register.
    G8,
    G16,
    G32,
    G64,
    /// A float scalar, in a float register.
    F16,
    F32,
    F64,
    /// A pointer, in a general register.
    Ptr,
    /// A constant, written into the instruction (not passed).
    Imm,
}

impl Operand {
    /// The Cranelift type this operand is passed as (`None`: not passed
    /// by value: vectors go by address, immediates not at all).
    pub fn by_value_type(self, pointer: Type) -> Option<Type> {
        Some(match self {
            Operand::G8 => types::I8,
            Operand::G16 => types::I16,
            Operand::G32 => types::I32,
            Operand::G64 => types::I64,
            Operand::F16 => types::F16,
            Operand::F32 => types::F32,
            Operand::F64 => types::F64,
            Operand::Ptr => pointer,
            Operand::V64
            | Operand::V128
            | Operand::V256
            | Operand::V512
            | Operand::Vectors { .. }
            | Operand::Imm => return None,
        })
    }

    pub fn is_vector(self) -> bool {
        matches!(
            self,
            Operand::V64 | Operand::V128 | Operand::V256 | Operand::V512 | Operand::Vectors { .. }
        )
    }
}

/// What an intrinsic produces.
#[derive(Clone, Copy, Debug)]
pub enum Output {
    None,
    One(Operand),
    /// A tuple of two scalars (`rdrand`: value and success).
    Pair(Operand, Operand),
}

/// One intrinsic of a table.
#[derive(Debug)]
pub struct Intrinsic {
    pub name: &'static str,
    pub operands: &'static [Operand],
    pub output: Output,
    /// Instructions with placeholders: `$r` the result, `$N` operand N.
    pub asm: &'static str,
}

impl Intrinsic {
    pub fn vector_result(&self) -> bool {
        matches!(self.output, Output::One(o) if o.is_vector())
    }
}

/// A table's left-out LLVM names, each with the reason.
type LeftOut = &'static [(&'static str, &'static str)];

/// The unit's architecture's table and its left-out list.
fn tables(cx: &CodegenCx<'_>) -> Option<(&'static [Intrinsic], LeftOut)> {
    match cx.target.arch {
        Arch::X86_64 => Some((x86_64_table::TABLE, x86_64_table::LEFT_OUT)),
        Arch::Aarch64 => Some((aarch64_table::TABLE, aarch64_table::LEFT_OUT)),
        Arch::Riscv64 | Arch::S390x => None,
    }
}

/// The table entry for `name` on the unit's architecture.
pub fn lookup(cx: &CodegenCx<'_>, name: &str) -> Option<&'static Intrinsic> {
    let (table, _) = tables(cx)?;
    table
        .binary_search_by(|i| i.name.cmp(name))
        .ok()
        .map(|i| &table[i])
}

/// Why the table leaves out `name`, if it is an intrinsic of a family the
/// table covers (for the compile-time warning).
pub fn left_out(cx: &CodegenCx<'_>, name: &str) -> Option<&'static str> {
    let (_, left_out) = tables(cx)?;
    left_out
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, why)| *why)
}

/// The unit's function implementing `intrinsic` with these immediate
/// operands (one per `Operand::Imm`, in order), defined in the unit's
/// assembly text on first use. Its parameters: the result's address if the
/// result is a vector, then every operand that is not an immediate
/// (vectors by address).
pub fn declare(cx: &mut CodegenCx<'_>, intrinsic: &Intrinsic, immediates: &[i64]) -> FuncId {
    let key = format!("{}{immediates:?}", intrinsic.name);
    if let Some(&id) = cx.llvm_intrinsics.get(&key) {
        return id;
    }
    let mut kind = intrinsic.name.replace('.', "_");
    for imm in immediates {
        kind.push_str(&format!("_{}", *imm as u64));
    }
    let symbol = cx.asm_symbol_name(&kind);
    let body = match cx.target.arch {
        Arch::X86_64 => x86_64::function(&symbol, intrinsic, immediates),
        Arch::Aarch64 => aarch64::function(&symbol, intrinsic, immediates),
        arch => unreachable!("vendor intrinsic table for {arch:?}"),
    };
    cx.asm_text.push_str(&body);
    let pointer = cx.pointer_ty;
    let mut sig = Signature::new(cx.isa().default_call_conv());
    if intrinsic.vector_result() {
        sig.params.push(AbiParam::new(pointer));
    }
    for op in intrinsic.operands {
        match op.by_value_type(pointer) {
            Some(ty) => sig.params.push(AbiParam::new(ty)),
            None if op.is_vector() => sig.params.push(AbiParam::new(pointer)),
            None => {}
        }
    }
    match intrinsic.output {
        Output::One(o) => sig
            .returns
            .extend(o.by_value_type(pointer).map(AbiParam::new)),
        Output::Pair(a, b) => {
            sig.returns
                .extend(a.by_value_type(pointer).map(AbiParam::new));
            sig.returns
                .extend(b.by_value_type(pointer).map(AbiParam::new));
        }
        Output::None => {}
    }
    let id = cx.declare_fn_raw(&symbol, Linkage::Import, &sig);
    cx.llvm_intrinsics.insert(key, id);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLES: [&[Intrinsic]; 2] = [x86_64_table::TABLE, aarch64_table::TABLE];

    #[test]
    fn tables_are_sorted_and_unique() {
        for pair in TABLES.iter().flat_map(|t| t.windows(2)) {
            assert!(
                pair[0].name < pair[1].name,
                "{} / {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn templates_only_name_existing_operands() {
        for i in TABLES.iter().copied().flatten() {
            for (at, _) in i.asm.match_indices('$') {
                let next = i.asm[at + 1..].chars().next().unwrap();
                match next.to_digit(10) {
                    Some(n) => assert!((n as usize) < i.operands.len(), "{}", i.name),
                    None => assert_eq!(next, 'r', "{}", i.name),
                }
            }
        }
    }
}
