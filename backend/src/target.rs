//! The target description: everything this backend does differently from
//! one target to the next, derived once from rustc's target spec
//! (architecture × OS × object format). Other modules ask a [`TargetDesc`]
//! instead of reading the spec, so that a new target is a new row here
//! plus, where an architecture needs its own code (the `asm!` wrapper, the
//! vendor intrinsics), a module fenced by [`Arch`].

use rustc_session::Session;
use rustc_span::Symbol;
use rustc_target::spec::PanicStrategy;

/// The instruction sets this backend generates code for (each one a
/// Cranelift ISA).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    X86_64,
    Aarch64,
    Riscv64,
    S390x,
}

/// The object file format the module writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ObjectFormat {
    Elf,
    MachO,
    Coff,
}

/// How the target's unwinder finds frames and landing pads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnwindFormat {
    /// DWARF call frame information in `.eh_frame` (Mach-O: `__eh_frame`)
    /// and LSDAs in `.gcc_except_table`, read by libgcc's or LLVM's
    /// unwinder.
    Dwarf,
    /// Windows' structured exception handling (`.pdata`/`.xdata`); not
    /// written by this backend yet.
    WindowsSeh,
}

/// What a call to a C-variadic function needs beyond the fixed-argument
/// convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variadics {
    /// Variadic arguments travel like fixed ones; where the convention
    /// differs for them (riscv64's floats in integer registers), rustc's
    /// `FnAbi` already says so.
    LikeFixed,
    /// x86_64 System V: the caller puts an upper bound of the vector
    /// registers used in `%al`, which Cranelift cannot express; calls go
    /// through a trampoline that sets it (`lower::call::variadic_entry`).
    AlRegister,
    /// RISC-V: variadic floats travel in integer registers, and so do fixed
    /// ones once the eight float argument registers are taken (the psABI's
    /// rule, which rustc leaves to the code generator and Cranelift's own
    /// assignment does not follow). `abi::params` makes those parameters
    /// integers of the same width.
    FloatsInIntegerRegisters,
}

/// The `va_list` of a C-variadic definition (`core::ffi::VaList`'s layout
/// on the target), and so which argument registers the definition saves
/// for `va_arg` (`lower::va_list`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaListFormat {
    /// x86_64 System V: `{gp_offset, fp_offset, overflow_arg_area,
    /// reg_save_area}` over rdi..r9 and xmm0-xmm7.
    SysV64,
    /// AAPCS64: `{stack, gr_top, vr_top, gr_offs, vr_offs}` over x0-x7 and
    /// q0-q7.
    Aapcs64,
    /// s390x: `{gpr, fpr, overflow_arg_area, reg_save_area}` over r2-r6 and
    /// f0/f2/f4/f6, saved in the register save area the caller provides.
    S390x,
    /// RISC-V LP64: one pointer, walking a0-a7 saved right below the
    /// caller's stack arguments and then those. Cranelift's frame keeps its
    /// return address there, so the definition is entered through a stub
    /// that makes the save area (`va_entry`); variadic floats travel in
    /// integer registers, so there is no float save area.
    Riscv64,
    /// Not yet, and why.
    Unsupported(&'static str),
}

impl VaListFormat {
    /// The integer and float argument registers the fixed arguments take
    /// first and a variadic argument may travel in after them (riscv64's
    /// variadic floats take integer registers).
    pub fn arg_regs(self) -> (usize, usize) {
        match self {
            VaListFormat::SysV64 => (6, 8),
            VaListFormat::Aapcs64 => (8, 8),
            VaListFormat::S390x => (5, 4),
            VaListFormat::Riscv64 => (8, 8),
            VaListFormat::Unsupported(_) => (0, 0),
        }
    }
}

/// How arguments are placed, where Cranelift's assignment is not the
/// convention's (`abi::params` corrects the difference).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgPlacement {
    /// Cranelift's assignment is the convention's.
    Cranelift,
    /// x86_64 System V: by-value aggregates aligned to 16 at 16-byte stack
    /// offsets, and an `i128` that does not fit leaves its register to the
    /// next argument (`abi::StackArgs`, `abi::backfill_order`).
    SysV,
    /// AAPCS64 (not Apple's): an aggregate or `i128` that does not fit in
    /// the registers left goes to the stack whole, in one piece of memory,
    /// and no later argument of its register class takes a register
    /// (`abi::Aapcs64`).
    Aapcs64,
    /// RISC-V LP64: a 2×XLEN scalar passed wholly on the stack is aligned
    /// to 16 there (`abi::Riscv64Stack`).
    Riscv64,
}

/// A 128-bit compare-and-swap, `cas(expected, new, ptr) -> old`,
/// sequentially consistent.
#[derive(Clone, Copy, Debug)]
pub enum Cas128 {
    /// A function of the target's runtime: on aarch64 Linux
    /// compiler-builtins' outline atomic `__aarch64_cas16_acq_rel`
    /// (LDAXP/STLXP, or CASPAL where the CPU has LSE), as LLVM's code calls
    /// it.
    Extern(&'static str),
    /// An assembly function each unit defines, with these instructions.
    Asm(&'static str),
}

/// s390x's CDSG (which serializes, so it is sequentially consistent) on
/// even/odd register pairs. Cranelift passes the i128s by reference and
/// returns the i128 through a buffer: `%r2` is the result's address, `%r3`
/// and `%r4` those of `expected` and `new`, `%r5` the atomic's.
const S390X_CAS16: &str = "lmg %r0,%r1,0(%r3)\nlgr %r3,%r5\nlmg %r4,%r5,0(%r4)\n\
                           cdsg %r0,%r4,0(%r3)\nstmg %r0,%r1,0(%r2)";

/// The target as this backend sees it.
#[derive(Clone, Copy, Debug)]
pub struct TargetDesc {
    pub arch: Arch,
    pub unwind: UnwindFormat,
    pub variadics: Variadics,
    pub va_list: VaListFormat,
    /// Cranelift's `tls_model` setting for thread-locals, if the object
    /// format has one this backend writes.
    pub tls_model: Option<&'static str>,
    /// Whether every CPU of the target has 128-bit vector registers that
    /// Cranelift's vector instructions use (SSE2, NEON), so 128-bit SIMD
    /// intrinsics may take one vector instruction instead of a lane loop.
    pub simd128: bool,
    /// Where Cranelift's own assignment of arguments to registers and stack
    /// slots differs from the convention's, and `abi::params` corrects it.
    pub arg_placement: ArgPlacement,
    /// Whether the address of a symbol that another module may define must
    /// be loaded from a pointer in data: Cranelift's s390x code has no GOT
    /// relocations and would hold it as an absolute address, which a
    /// position-independent executable cannot relocate in read-only code.
    pub indirect_imports: bool,
    /// Whether the target is big-endian (s390x). Memory contents come from
    /// rustc in the target's byte order already; this matters where the
    /// backend itself puts bytes or bits in order (`simd_bitmask`).
    pub big_endian: bool,
    /// Whether calls to functions another module may define are still
    /// PC-relative calls, which the linker sends through the PLT where the
    /// function is in a shared library: on s390x (`brasl`, as LLVM calls),
    /// whose Cranelift far calls load an absolute address from the code.
    pub near_calls: bool,
    /// The instruction that returns from an assembly function.
    pub asm_return: &'static str,
    /// What assembly writes before a symbol name (Mach-O's `_`).
    pub symbol_prefix: &'static str,
    /// Whether Rust's default assembly syntax for the architecture (Intel's
    /// on x86) must be switched on for the GNU assembler.
    pub intel_syntax: bool,
    /// The compare-and-swap function 128-bit atomics are built on, where
    /// Cranelift has no 128-bit atomic instructions but the target has
    /// 128-bit atomics (`max_atomic_width`).
    pub cas128: Option<Cas128>,
    /// The target features every CPU of the target has (before the
    /// features they imply), besides those of the target spec.
    baseline_features: &'static [&'static str],
    is_mingw: bool,
    is_linux_gnu_64: bool,
}

impl TargetDesc {
    /// The description of the session's target, or why this backend cannot
    /// compile for it.
    pub fn of(sess: &Session) -> Result<Self, String> {
        let spec = &sess.target;
        let arch = match spec.arch.desc() {
            "x86_64" => Arch::X86_64,
            "aarch64" => Arch::Aarch64,
            "riscv64" => Arch::Riscv64,
            "s390x" => Arch::S390x,
            other => {
                return Err(format!(
                    "clif backend: the architecture `{other}` of target `{}` is not supported \
                     (supported: x86_64, aarch64, riscv64, s390x)",
                    spec.llvm_target
                ));
            }
        };
        let format = if spec.options.is_like_darwin {
            ObjectFormat::MachO
        } else if spec.options.is_like_windows {
            ObjectFormat::Coff
        } else {
            ObjectFormat::Elf
        };
        let unwind = match format {
            ObjectFormat::Coff => UnwindFormat::WindowsSeh,
            ObjectFormat::Elf | ObjectFormat::MachO => UnwindFormat::Dwarf,
        };
        let variadics = match (arch, format) {
            (Arch::X86_64, ObjectFormat::Elf | ObjectFormat::MachO) => Variadics::AlRegister,
            (Arch::Riscv64, _) => Variadics::FloatsInIntegerRegisters,
            _ => Variadics::LikeFixed,
        };
        let tls_model = match format {
            ObjectFormat::Elf => Some("elf_gd"),
            // Not written for these object formats yet.
            ObjectFormat::MachO | ObjectFormat::Coff => None,
        };
        let baseline_features: &[&str] = match arch {
            Arch::X86_64 => &["fxsr", "sse", "sse2", "x87"],
            Arch::Aarch64 => &["neon"],
            Arch::Riscv64 | Arch::S390x => &[],
        };
        let os = spec.options.os.desc();
        let pic = sess.relocation_model() != rustc_target::spec::RelocModel::Static;
        let env = spec.options.env.desc();
        Ok(TargetDesc {
            arch,
            unwind,
            variadics,
            va_list: match (arch, format) {
                (Arch::X86_64, ObjectFormat::Elf) => VaListFormat::SysV64,
                (Arch::Aarch64, ObjectFormat::Elf) => VaListFormat::Aapcs64,
                (Arch::S390x, _) => VaListFormat::S390x,
                (Arch::Riscv64, ObjectFormat::Elf) => VaListFormat::Riscv64,
                _ => VaListFormat::Unsupported("for this target"),
            },
            tls_model,
            simd128: matches!(arch, Arch::X86_64 | Arch::Aarch64),
            arg_placement: match arch {
                Arch::X86_64 if format != ObjectFormat::Coff => ArgPlacement::SysV,
                Arch::Aarch64 if format != ObjectFormat::MachO => ArgPlacement::Aapcs64,
                Arch::Riscv64 => ArgPlacement::Riscv64,
                _ => ArgPlacement::Cranelift,
            },
            indirect_imports: arch == Arch::S390x && pic,
            big_endian: spec.endian == rustc_abi::Endian::Big,
            near_calls: arch == Arch::S390x,
            symbol_prefix: if format == ObjectFormat::MachO {
                "_"
            } else {
                ""
            },
            intel_syntax: arch == Arch::X86_64,
            asm_return: match arch {
                Arch::S390x => "br %r14",
                Arch::X86_64 | Arch::Aarch64 | Arch::Riscv64 => "ret",
            },
            cas128: match arch {
                Arch::Aarch64 if os == "linux" => Some(Cas128::Extern("__aarch64_cas16_acq_rel")),
                Arch::S390x => Some(Cas128::Asm(S390X_CAS16)),
                _ => None,
            },
            baseline_features,
            is_mingw: arch == Arch::X86_64 && os == "windows" && env == "gnu",
            is_linux_gnu_64: os == "linux" && env == "gnu" && spec.pointer_width == 64,
        })
    }

    /// Whether calls that unwind into cleanup code get landing pads: with
    /// panic=unwind, on targets whose unwinder reads DWARF tables. Cranelift's
    /// exception tables have payload registers for the system calling
    /// convention on all its ISAs (the registers
    /// `__builtin_eh_return_data_regno` names).
    pub fn has_landing_pads(&self, sess: &Session) -> bool {
        sess.panic_strategy() == PanicStrategy::Unwind && self.unwind == UnwindFormat::Dwarf
    }

    /// The target features every CPU of the target has, with what they
    /// imply, for `cfg(target_feature)`: the architecture's baseline and
    /// the `+feature`s of the target spec that rustc knows (riscv64gc's
    /// `m,a,f,d,c,...`, aarch64 Linux's `outline-atomics`), as LLVM
    /// reports them.
    pub fn target_features(&self, sess: &Session) -> Vec<Symbol> {
        let known: Vec<&str> = sess
            .target
            .rust_target_features()
            .iter()
            .map(|(name, ..)| *name)
            .collect();
        let from_spec = sess
            .target
            .options
            .features
            .split(',')
            .filter_map(|f| f.strip_prefix('+'))
            .filter(|f| known.contains(f));
        let mut features: Vec<Symbol> = self
            .baseline_features
            .iter()
            .copied()
            .chain(from_spec)
            .flat_map(|f| sess.target.implied_target_features(f))
            .map(Symbol::intern)
            .collect();
        features.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        features.dedup();
        features
    }

    /// Which of `f16`/`f128` (and their math) the library may rely on.
    ///
    /// Their arithmetic is lowered to compiler-builtins calls and their
    /// math to libm calls (`lower::wide_float`), so they work wherever
    /// those symbols exist and the C ABI for the types is settled. MinGW's
    /// is not (GCC bug 115054, as for the LLVM backend); the `*f128` math
    /// functions are glibc's, on 64-bit Linux.
    pub fn reliable_floats(&self) -> ReliableFloats {
        let f128 = !self.is_mingw;
        ReliableFloats {
            f16: !self.is_mingw,
            f128,
            f128_math: f128 && self.is_linux_gnu_64,
        }
    }
}

/// Which of `f16`/`f128` (and their math) the library may rely on.
pub struct ReliableFloats {
    pub f16: bool,
    pub f128: bool,
    pub f128_math: bool,
}
