//! rustc's computed `FnAbi` → Cranelift signatures.
//!
//! rustc has already decided how each argument travels (`PassMode`); this
//! module only spells that decision in Cranelift's terms. How values are
//! split into and rebuilt from those parameters at calls and function entry
//! is in `lower::call`.

use cranelift_codegen::ir::{AbiParam, ArgumentPurpose, Signature, Type, types};
use cranelift_codegen::isa::CallConv;
use rustc_abi::{BackendRepr, CanonAbi, Reg, RegKind, Size, X86Call};
use rustc_middle::ty::Ty;
use rustc_target::callconv::{ArgAbi, ArgAttributes, ArgExtension, CastTarget, FnAbi, PassMode};

use crate::cx::CodegenCx;
use crate::lower::scalar_type;
use crate::target::{ArgPlacement, VaListFormat, Variadics};

pub fn call_conv(cx: &CodegenCx<'_>, conv: CanonAbi) -> CallConv {
    let default = cx.isa().default_call_conv();
    match conv {
        CanonAbi::C | CanonAbi::Rust | CanonAbi::RustCold => default,
        CanonAbi::X86(X86Call::SysV64) => CallConv::SystemV,
        CanonAbi::X86(X86Call::Win64) => CallConv::WindowsFastcall,
        other => cx.tcx.dcx().fatal(format!(
            "the clif backend does not support the calling convention {other:?} yet"
        )),
    }
}

/// The Cranelift signature of `fn_abi`.
pub fn signature<'tcx>(cx: &CodegenCx<'tcx>, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> Signature {
    params(cx, fn_abi).sig
}

/// The signature a function is defined with: [`signature`], and for a
/// C-variadic definition the argument registers its fixed arguments leave
/// ([`VaStart::captured`]; calls pass the variadic arguments there).
pub fn definition_signature<'tcx>(
    cx: &CodegenCx<'tcx>,
    fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
) -> Signature {
    let mut sig = signature(cx, fn_abi);
    if fn_abi.c_variadic
        && let Ok(start) = va_start(cx.target.va_list, &sig.params)
    {
        sig.params.extend(start.captured(cx.target.va_list));
    }
    sig
}

/// A function's Cranelift signature, with where it differs from rustc's
/// arguments one for one. Between the arguments' own parameters (their
/// *natural* order) and the signature come, in this order: a different
/// memory image for some arguments (`images`), parameters that carry
/// nothing (`fillers`), and a reordering (`order`).
pub struct Params {
    pub sig: Signature,
    /// One per argument of the `FnAbi`: when it travels as 8-byte pieces of
    /// its memory image instead of its `PassMode`'s parameters.
    pub images: Vec<Option<Vec<CastPart>>>,
    /// Parameters that carry nothing, each with its position among the
    /// natural parameters it goes in front of (ascending).
    fillers: Vec<(usize, Filler)>,
    /// When the signature's parameters are not in the natural order (see
    /// [`backfill_order`]): `sig.params[i]` is the one at `order[i]`.
    order: Option<Vec<usize>>,
}

/// Where a C-variadic definition's fixed arguments leave off, so that its
/// `va_list` starts at the first variadic argument: the integer and float
/// argument registers they take and the bytes of stack arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VaStart {
    pub gprs: usize,
    pub fprs: usize,
    pub stack: u64,
}

impl VaStart {
    /// The parameters a definition appends to its signature to receive the
    /// argument registers its fixed arguments leave (full vector registers
    /// where the convention saves them whole).
    pub fn captured(self, format: VaListFormat) -> Vec<AbiParam> {
        if format == VaListFormat::Riscv64 {
            // The entry stub saved them all (`va_entry`).
            return Vec::new();
        }
        let (gprs, fprs) = format.arg_regs();
        let float = match format {
            VaListFormat::S390x => types::F64,
            _ => types::I8X16,
        };
        let ints = (self.gprs..gprs).map(|_| AbiParam::new(types::I64));
        ints.chain((self.fprs..fprs).map(|_| AbiParam::new(float)))
            .collect()
    }
}

/// Replays Cranelift's assignment of a definition's fixed parameters (the
/// signature `params` made) to see where its variadic arguments start; an
/// error names what this backend cannot define a variadic function with.
pub fn va_start(format: VaListFormat, fixed: &[AbiParam]) -> Result<VaStart, &'static str> {
    if let VaListFormat::Unsupported(why) = format {
        return Err(why);
    }
    let (max_gprs, max_fprs) = format.arg_regs();
    let mut at = VaStart {
        gprs: 0,
        fprs: 0,
        stack: 0,
    };
    fn push_stack(at: &mut VaStart, size: u64) {
        at.stack = at.stack.next_multiple_of(size) + size;
    }
    for param in fixed {
        let ty = param.value_type;
        match param.purpose {
            ArgumentPurpose::StructArgument(size) => {
                at.stack += u64::from(size);
                continue;
            }
            // AAPCS64's return-area pointer has a register of its own (x8).
            ArgumentPurpose::StructReturn if format == VaListFormat::Aapcs64 => continue,
            _ => {}
        }
        if format == VaListFormat::Riscv64 && ty.is_vector() {
            return Err("with vector fixed arguments on riscv64");
        } else if format == VaListFormat::Riscv64 && ty.bytes() == 16 {
            // `i128`, `f128`: a register pair, or the last register and the
            // stack, or the stack aligned to 16.
            match max_gprs - at.gprs {
                0 => push_stack(&mut at, 16),
                1 => (at.gprs, at.stack) = (max_gprs, at.stack + 8),
                _ => at.gprs += 2,
            }
        } else if ty == types::I128 {
            match format {
                VaListFormat::Aapcs64 if at.gprs + 2 <= max_gprs => at.gprs += at.gprs % 2 + 2,
                VaListFormat::SysV64 if at.gprs + 2 <= max_gprs => at.gprs += 2,
                // Cranelift counts the register it leaves as used, so no
                // parameter could receive a variadic argument there.
                VaListFormat::SysV64 if at.gprs < max_gprs => {
                    return Err("after an `i128` that leaves an argument register");
                }
                VaListFormat::Aapcs64 | VaListFormat::SysV64 => push_stack(&mut at, 16),
                _ => return Err("with 128-bit fixed arguments on this target"),
            }
        } else if ty.is_int() {
            match at.gprs < max_gprs {
                true => at.gprs += 1,
                false => push_stack(&mut at, 8),
            }
        } else if format == VaListFormat::S390x && ty.bytes() > 8 {
            return Err("with vector or `f128` fixed arguments on s390x");
        } else {
            match at.fprs < max_fprs {
                true => at.fprs += 1,
                false => push_stack(&mut at, u64::from(ty.bytes()).max(8)),
            }
        }
    }
    if format == VaListFormat::Riscv64 && at.stack > crate::va_entry::MAX_FIXED_STACK {
        return Err("with more than 960 bytes of fixed stack arguments on riscv64");
    }
    Ok(at)
}

/// A parameter that only moves the next ones to where the convention has
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filler {
    /// An 8-byte stack padding (see [`stack_padding`]): callers pass any
    /// pointer to 8 readable bytes (the next parameter, the padded
    /// argument's own address, which has at least 16).
    StackPadding,
    /// A register the convention leaves unused: callers pass zero.
    Unused(Type),
}

impl Params {
    /// The signature's values from the natural ones: fillers are made by
    /// `filler` (given the filler and the natural value it precedes).
    pub fn to_signature_order<T: Copy>(
        &self,
        values: &[T],
        mut filler: impl FnMut(Filler, Option<T>) -> T,
    ) -> Vec<T> {
        let mut with_fillers = Vec::with_capacity(values.len() + self.fillers.len());
        let mut fillers = self.fillers.iter().peekable();
        for index in 0..=values.len() {
            while let Some((_, f)) = fillers.next_if(|(at, _)| *at == index) {
                with_fillers.push(filler(*f, values.get(index).copied()));
            }
            if let Some(&v) = values.get(index) {
                with_fillers.push(v);
            }
        }
        match &self.order {
            None => with_fillers,
            Some(order) => order.iter().map(|&i| with_fillers[i]).collect(),
        }
    }

    /// The natural values from the signature's (a function's block
    /// parameters), fillers dropped.
    pub fn to_natural_order<T: Copy>(&self, values: &[T]) -> Vec<T> {
        let mut unordered = values.to_vec();
        if let Some(order) = &self.order {
            for (position, &i) in order.iter().enumerate() {
                unordered[i] = values[position];
            }
        }
        let mut filler_positions = Vec::with_capacity(self.fillers.len());
        for (n, (at, _)) in self.fillers.iter().enumerate() {
            // Earlier fillers shift the later ones' positions.
            filler_positions.push(at + n);
        }
        unordered
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !filler_positions.contains(i))
            .map(|(_, v)| v)
            .collect()
    }
}

/// Spells `fn_abi` as Cranelift parameters (see [`Params`]).
pub fn params<'tcx>(cx: &CodegenCx<'tcx>, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> Params {
    let call_conv = call_conv(cx, fn_abi.conv);
    let mut sig = Signature::new(call_conv);
    let ptr = cx.pointer_ty;
    match &fn_abi.ret.mode {
        PassMode::Ignore => {}
        PassMode::Indirect { .. } => {
            sig.params
                .push(AbiParam::special(ptr, ArgumentPurpose::StructReturn));
        }
        _ => sig.returns.extend(arg_params(ptr, &fn_abi.ret)),
    }
    // (The default convention of every target but Windows is `SystemV`.)
    let placement = match call_conv {
        CallConv::SystemV => cx.target.arg_placement,
        _ => ArgPlacement::Cranelift,
    };
    let mut stack = StackArgs::new(placement == ArgPlacement::SysV);
    stack.place_all(&sig.params);
    let mut aapcs = (placement == ArgPlacement::Aapcs64).then(Aapcs64::default);
    let mut riscv = (placement == ArgPlacement::Riscv64).then(Riscv64Stack::default);
    // The natural parameters, and the fillers among them.
    let mut natural: Vec<AbiParam> = sig.params.clone();
    let mut fillers = Vec::new();
    if let Some(riscv) = &mut riscv {
        // A return-area pointer takes a0 (an integer, so no filler).
        riscv.place(&sig.params, 0, false, &mut fillers);
    }
    let mut images = Vec::with_capacity(fn_abi.args.len());
    let mut float_regs = FloatRegs::new(cx);
    for (index, arg) in fn_abi.args.iter().enumerate() {
        let mut arg_params = arg_params(ptr, arg);
        // Past `fixed_count` are also a "rust-call" function's untupled
        // arguments and the caller location, which are not variadic.
        let variadic = fn_abi.c_variadic && index >= fn_abi.fixed_count as usize;
        float_regs.assign(&mut arg_params, variadic);
        if stack.padding_before(cx, arg) {
            fillers.push((natural.len(), Filler::StackPadding));
        }
        let image = match &mut aapcs {
            Some(aapcs) => aapcs.place(arg, &mut arg_params, natural.len(), &mut fillers),
            None => None,
        };
        if let Some(riscv) = &mut riscv {
            riscv.place(&arg_params, natural.len(), variadic, &mut fillers);
        }
        images.push(image);
        stack.place_all(&arg_params);
        natural.extend(arg_params);
    }
    let mut all = Vec::with_capacity(natural.len() + fillers.len());
    let mut next_filler = fillers.iter().peekable();
    for index in 0..=natural.len() {
        while let Some((_, f)) = next_filler.next_if(|(at, _)| *at == index) {
            all.push(match f {
                Filler::StackPadding => stack_padding(ptr),
                Filler::Unused(ty) => AbiParam::new(*ty),
            });
        }
        all.extend(natural.get(index).copied());
    }
    let order = (placement == ArgPlacement::SysV)
        .then(|| backfill_order(&all))
        .flatten();
    sig.params = match &order {
        Some(order) => order.iter().map(|&i| all[i]).collect(),
        None => all,
    };
    Params {
        sig,
        images,
        fillers,
        order,
    }
}

/// RISC-V LP64's stack arguments where they differ from Cranelift's: a
/// 2×XLEN scalar (`i128`, `f128`, an aggregate aligned to 16) that goes to
/// the stack whole is aligned to 16 there; Cranelift gives each half the
/// next 8-byte slot. And a variadic one aligned to 16 takes an aligned
/// (even-odd) register pair, where Cranelift takes the next register. An
/// unused filler moves either.
#[derive(Default)]
struct Riscv64Stack {
    gprs: usize,
    stack: u64,
}

impl Riscv64Stack {
    fn place(
        &mut self,
        params: &[AbiParam],
        at: usize,
        variadic: bool,
        fillers: &mut Vec<(usize, Filler)>,
    ) {
        for (i, param) in params.iter().enumerate() {
            let ty = param.value_type;
            if ty.is_float() && ty != types::F128 {
                // In a float register (`FloatRegs` made the others integers).
                continue;
            }
            let words = ty.bytes().div_ceil(8);
            // (Only `i128` and `f128` are aligned to 16 among these.)
            if variadic && words == 2 && self.gprs < 8 && self.gprs % 2 == 1 {
                fillers.push((at + i, Filler::Unused(types::I64)));
                self.gprs += 1;
            }
            if words == 2 && self.gprs >= 8 && !self.stack.is_multiple_of(16) {
                fillers.push((at + i, Filler::Unused(types::I64)));
                self.stack += 8;
            }
            for _ in 0..words {
                if self.gprs < 8 {
                    self.gprs += 1;
                } else {
                    self.stack += 8;
                }
            }
        }
    }
}

/// AAPCS64's register assignment (NGRN, NSRN and the stack offset) where
/// it differs from Cranelift's, which assigns every parameter on its own:
/// an aggregate that does not fit in the registers left of its class goes
/// to the stack whole, and so does an `i128` that finds one register left;
/// either way no later argument of the class takes a register. Unused
/// fillers close the class in Cranelift too, and the aggregate travels as
/// 8-byte pieces of its memory image, which Cranelift gives consecutive
/// stack slots.
#[derive(Default)]
struct Aapcs64 {
    gprs: usize,
    fprs: usize,
    /// Bytes of stack arguments so far.
    stack: u64,
}

const AAPCS64_REGS: usize = 8;

impl Aapcs64 {
    /// Places one argument whose parameters start at natural position
    /// `at`; returns its memory image when it goes to the stack whole.
    fn place<'tcx>(
        &mut self,
        arg: &ArgAbi<'tcx, Ty<'tcx>>,
        params: &mut Vec<AbiParam>,
        at: usize,
        fillers: &mut Vec<(usize, Filler)>,
    ) -> Option<Vec<CastPart>> {
        // A cast to one `i128` (an aggregate aligned to 16) is placed as the
        // scalar below.
        let cast = match &arg.mode {
            PassMode::Cast { cast, .. } => Some(cast_parts(cast)),
            _ => None,
        }
        .filter(|parts| parts.iter().all(|p| p.ty != types::I128));
        if let Some(parts) = cast {
            let float = parts.iter().all(|p| !p.ty.is_int());
            let (used, piece) = match float {
                true => (&mut self.fprs, types::F64),
                false => (&mut self.gprs, types::I64),
            };
            // The cast's unit decides the stack alignment, not the type's:
            // rustc casts by the alignment AAPCS64 uses (the unadjusted one,
            // without `repr(align)`), as LLVM and gcc place it.
            let align16 = parts.iter().any(|p| p.ty.bytes() >= 16);
            if *used + parts.len() <= AAPCS64_REGS {
                *used += parts.len();
                return None;
            }
            fillers.extend((*used..AAPCS64_REGS).map(|_| (at, Filler::Unused(piece))));
            *used = AAPCS64_REGS;
            if align16 && !self.stack.is_multiple_of(16) {
                fillers.push((at, Filler::Unused(piece)));
                self.stack += 8;
            }
            let words = arg.layout.size.bytes().div_ceil(8);
            let image: Vec<CastPart> = (0..words)
                .map(|k| CastPart {
                    ty: piece,
                    offset: Size::from_bytes(8 * k),
                    bytes: 8,
                })
                .collect();
            *params = image.iter().map(|p| AbiParam::new(p.ty)).collect();
            self.stack += 8 * words;
            return Some(image);
        }
        let mut pending = Vec::new();
        for (i, param) in params.iter().enumerate() {
            let ty = param.value_type;
            if ty == types::I128 {
                if self.gprs + 1 == AAPCS64_REGS {
                    // Cranelift puts it on the stack but keeps x7 free.
                    pending.push(i + 1);
                    self.gprs = AAPCS64_REGS;
                } else if self.gprs + 2 <= AAPCS64_REGS {
                    self.gprs += self.gprs % 2 + 2;
                    continue;
                }
                self.stack = self.stack.next_multiple_of(16) + 16;
                continue;
            }
            let (used, size) = match ty.is_int() {
                true => (&mut self.gprs, 8),
                false => (&mut self.fprs, u64::from(ty.bytes()).max(8)),
            };
            if *used < AAPCS64_REGS {
                *used += 1;
            } else {
                self.stack = self.stack.next_multiple_of(size) + size;
            }
        }
        // x7 after such an `i128` is closed for whatever comes next; the
        // filler takes it (it goes before the next parameter, which may be
        // of this argument or, at its end, of the next one).
        fillers.extend(
            pending
                .into_iter()
                .map(|i| (at + i, Filler::Unused(types::I64))),
        );
        None
    }
}

/// System V (and LLVM, and gcc) pass an `i128` that finds one integer
/// register left on the stack and give that register to the next integer
/// argument; Cranelift's x86_64 lowering leaves it unused. Moving that next
/// argument in front of the `i128` gets it the register in Cranelift too,
/// and changes no stack offset. Returns the new order, if any.
fn backfill_order(params: &[AbiParam]) -> Option<Vec<usize>> {
    let is_gpr = |p: &AbiParam| {
        !matches!(p.purpose, ArgumentPurpose::StructArgument(_))
            && p.value_type.is_int()
            && p.value_type.bits() <= 64
    };
    let mut gprs = 0;
    for (index, param) in params.iter().enumerate() {
        if param.value_type == types::I128 {
            if gprs + 2 <= SYSV_GPRS {
                gprs += 2;
                continue;
            }
            if gprs + 1 == SYSV_GPRS {
                let next = (index + 1..params.len()).find(|&j| is_gpr(&params[j]))?;
                let mut order: Vec<usize> = (0..params.len()).collect();
                let moved = order.remove(next);
                order.insert(index, moved);
                return Some(order);
            }
            return None;
        } else if is_gpr(param) {
            gprs += 1;
        }
    }
    None
}

/// The float argument registers of [`Variadics::FloatsInIntegerRegisters`]
/// (RISC-V's fa0-fa7), as the arguments take them.
struct FloatRegs {
    /// `None` on targets without the rule.
    free: Option<usize>,
}

impl FloatRegs {
    fn new(cx: &CodegenCx<'_>) -> Self {
        let rule = cx.target.variadics == Variadics::FloatsInIntegerRegisters;
        FloatRegs {
            free: rule.then_some(8),
        }
    }

    /// Turns the float parameters of one argument that go to integer
    /// registers into integers of their width (`lower::call` bitcasts).
    fn assign(&mut self, params: &mut [AbiParam], variadic: bool) {
        let Some(free) = &mut self.free else {
            return;
        };
        for param in params.iter_mut().filter(|p| p.value_type.is_float()) {
            if !variadic && *free > 0 {
                *free -= 1;
            } else {
                param.value_type = param.value_type.as_int();
            }
        }
    }
}

/// The Cranelift parameters one argument (or a non-indirect return) becomes.
pub fn arg_params<'tcx>(ptr: Type, arg: &ArgAbi<'tcx, Ty<'tcx>>) -> Vec<AbiParam> {
    match &arg.mode {
        PassMode::Ignore => vec![],
        PassMode::Direct(attrs) => match arg.layout.backend_repr {
            BackendRepr::Scalar(s) => vec![extend(AbiParam::new(scalar_type(ptr, s)), attrs)],
            _ => unreachable!("direct argument of non-scalar {:?}", arg.layout.ty),
        },
        PassMode::Pair(a_attrs, b_attrs) => match arg.layout.backend_repr {
            BackendRepr::ScalarPair(a, b) => vec![
                extend(AbiParam::new(scalar_type(ptr, a)), a_attrs),
                extend(AbiParam::new(scalar_type(ptr, b)), b_attrs),
            ],
            _ => unreachable!("pair argument of non-pair {:?}", arg.layout.ty),
        },
        PassMode::Cast { pad_i32, cast } => {
            let mut params = Vec::new();
            if *pad_i32 {
                params.push(AbiParam::new(types::I32));
            }
            params.extend(
                cast_parts(cast)
                    .into_iter()
                    .map(|part| AbiParam::new(part.ty)),
            );
            params
        }
        PassMode::Indirect { on_stack: true, .. } => {
            vec![AbiParam::special(
                ptr,
                ArgumentPurpose::StructArgument(by_value_size(arg)),
            )]
        }
        PassMode::Indirect {
            meta_attrs: Some(_),
            ..
        } => vec![AbiParam::new(ptr), AbiParam::new(ptr)],
        PassMode::Indirect {
            meta_attrs: None, ..
        } => vec![AbiParam::new(ptr)],
    }
}

fn extend(param: AbiParam, attrs: &ArgAttributes) -> AbiParam {
    match attrs.arg_ext {
        ArgExtension::None => param,
        ArgExtension::Zext => param.uext(),
        ArgExtension::Sext => param.sext(),
    }
}

/// One register of a `PassMode::Cast`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CastPart {
    pub ty: Type,
    /// Where its bytes are in the value's memory image.
    pub offset: Size,
    /// How many bytes of the image it carries: fewer than `ty` has for an
    /// integer of an odd size (3, 5, 6, 7 bytes), which holds them in its
    /// low-order bits (what matters on a big-endian target).
    pub bytes: u64,
}

/// The registers of a `PassMode::Cast`.
pub fn cast_parts(cast: &CastTarget) -> Vec<CastPart> {
    let mut parts = Vec::new();
    let mut offset = Size::ZERO;
    for reg in cast.prefix.iter().flatten() {
        offset = offset.align_to(reg_align(*reg));
        parts.push(CastPart {
            ty: reg_type(*reg),
            offset,
            bytes: reg.size.bytes(),
        });
        offset += reg.size;
    }
    if let Some(rest_offset) = cast.rest_offset {
        offset = rest_offset;
    } else {
        offset = offset.align_to(reg_align(cast.rest.unit));
    }
    let unit = cast.rest.unit;
    let total = cast.rest.total;
    let full_units = total.bytes() / unit.size.bytes();
    for _ in 0..full_units {
        parts.push(CastPart {
            ty: reg_type(unit),
            offset,
            bytes: unit.size.bytes(),
        });
        offset += unit.size;
    }
    let rem = total.bytes() % unit.size.bytes();
    if rem != 0 {
        // rustc passes the tail as an integer of the remaining size, rounded
        // up to a register; reads past the end stay inside our padded slots.
        let bits = (rem * 8).next_power_of_two().max(8);
        parts.push(CastPart {
            ty: Type::int(bits as u16).expect("integer register type"),
            offset,
            bytes: rem,
        });
    }
    parts
}

fn reg_type(reg: Reg) -> Type {
    let bits = reg.size.bits();
    match reg.kind {
        RegKind::Integer => {
            Type::int(bits.next_power_of_two().max(8) as u16).expect("integer register")
        }
        RegKind::Float => match bits {
            16 => types::F16,
            32 => types::F32,
            64 => types::F64,
            128 => types::F128,
            _ => unreachable!("float register of {bits} bits"),
        },
        RegKind::Vector => types::I8
            .by(reg.size.bytes() as u32)
            .expect("vector register"),
    }
}

/// A register's natural alignment (its size, capped at 16 bytes).
fn reg_align(reg: Reg) -> rustc_abi::Align {
    rustc_abi::Align::from_bytes(reg.size.bytes().next_power_of_two().min(16))
        .expect("power of two")
}

/// The stack bytes a by-value (`byval`) aggregate occupies: its size rounded
/// up to 8, the unit in which Cranelift's x64 lowering allocates a
/// `StructArgument` (it asserts the size is a multiple of 8) and System V's
/// eightbyte. The caller copies that many bytes from its buffer (which
/// `lower::call::to_abi` makes large enough); the callee reads only the
/// value's own bytes.
pub fn by_value_size(arg: &ArgAbi<'_, Ty<'_>>) -> u32 {
    let size = arg.layout.size.bytes().next_multiple_of(8);
    u32::try_from(size).expect("by-value argument larger than 4 GiB")
}

/// An 8-byte `StructArgument` that only moves the next stack argument up.
fn stack_padding(ptr: Type) -> AbiParam {
    AbiParam::special(ptr, ArgumentPurpose::StructArgument(8))
}

/// System V x86_64's argument registers of each class.
const SYSV_GPRS: usize = 6;
const SYSV_XMMS: usize = 8;

/// Where Cranelift's x86_64 System V lowering puts stack arguments: a
/// replica of its register and stack assignment
/// (`cranelift_codegen::isa::x64::abi`, `compute_arg_locs`), for the one
/// thing it does differently from System V: it places a `StructArgument` at
/// the next 8-byte offset, while System V (and LLVM's `byval`) put an
/// aggregate aligned to 16 at a 16-byte offset of the argument area. An
/// 8-byte padding `StructArgument` in front of it makes up the difference.
struct StackArgs {
    /// Whether this is x86_64 System V, the only convention in which
    /// `PassMode::Indirect { on_stack: true }` meets alignments above 8.
    sysv: bool,
    gprs: usize,
    xmms: usize,
    offset: u64,
}

impl StackArgs {
    fn new(sysv: bool) -> Self {
        StackArgs {
            sysv,
            gprs: 0,
            xmms: 0,
            offset: 0,
        }
    }

    /// Whether `arg` needs a padding parameter in front of its own.
    fn padding_before<'tcx>(&mut self, cx: &CodegenCx<'tcx>, arg: &ArgAbi<'tcx, Ty<'tcx>>) -> bool {
        let PassMode::Indirect {
            attrs,
            on_stack: true,
            ..
        } = &arg.mode
        else {
            return false;
        };
        let align = attrs.pointee_align.unwrap_or(arg.layout.align.abi).bytes();
        if align <= 8 {
            return false;
        }
        if !self.sysv || align > 16 {
            cx.tcx.dcx().fatal(format!(
                "the clif backend does not support passing `{}` (aligned to {align} bytes) \
                 by value on the stack with this calling convention yet",
                arg.layout.ty
            ));
        }
        if self.offset.is_multiple_of(16) {
            return false;
        }
        self.offset += 8;
        true
    }

    fn place_all(&mut self, params: &[AbiParam]) {
        if self.sysv {
            params.iter().for_each(|p| self.place(p));
        }
    }

    /// Advances past one parameter as Cranelift assigns it.
    fn place(&mut self, param: &AbiParam) {
        if let ArgumentPurpose::StructArgument(size) = param.purpose {
            self.offset += u64::from(size);
            return;
        }
        let ty = param.value_type;
        if ty == types::I128 {
            // Both halves in registers, or both on the stack; the registers
            // count as used either way.
            if self.gprs + 2 > SYSV_GPRS {
                self.push_stack(16);
            }
            self.gprs += 2;
        } else if ty.is_int() {
            if self.gprs < SYSV_GPRS {
                self.gprs += 1;
            } else {
                self.push_stack(8);
            }
        } else if self.xmms < SYSV_XMMS {
            self.xmms += 1;
        } else {
            self.push_stack(u64::from(ty.bytes()).max(8));
        }
    }

    fn push_stack(&mut self, size: u64) {
        self.offset = self.offset.next_multiple_of(size) + size;
    }
}

#[cfg(test)]
mod tests {
    use rustc_target::callconv::Uniform;

    use super::*;

    fn parts(cast: CastTarget) -> Vec<(Type, u64)> {
        cast_parts(&cast)
            .into_iter()
            .map(|part| (part.ty, part.offset.bytes()))
            .collect()
    }

    #[test]
    fn a_pair_aligns_its_second_register() {
        let cast = CastTarget::pair(Reg::i32(), Reg::f64());
        assert_eq!(parts(cast), [(types::I32, 0), (types::F64, 8)]);
        let cast = CastTarget::pair(Reg::f32(), Reg::f32());
        assert_eq!(parts(cast), [(types::F32, 0), (types::F32, 4)]);
    }

    #[test]
    fn an_explicit_rest_offset_wins() {
        let cast = CastTarget::offset_pair(Reg::i64(), Size::from_bytes(16), Reg::i32());
        assert_eq!(parts(cast), [(types::I64, 0), (types::I32, 16)]);
    }

    #[test]
    fn a_uniform_tail_is_a_rounded_up_integer() {
        let uniform = |bytes| CastTarget::from(Uniform::new(Reg::i64(), Size::from_bytes(bytes)));
        assert_eq!(parts(uniform(16)), [(types::I64, 0), (types::I64, 8)]);
        assert_eq!(
            parts(uniform(20)),
            [(types::I64, 0), (types::I64, 8), (types::I32, 16)]
        );
        // Three bytes travel in an i32, never an i24.
        assert_eq!(parts(uniform(11)), [(types::I64, 0), (types::I32, 8)]);
        let tail = cast_parts(&uniform(11))[1];
        assert_eq!(tail.bytes, 3);
        assert_eq!(parts(uniform(1)), [(types::I8, 0)]);
    }

    #[test]
    fn vector_registers_are_byte_vectors() {
        let cast = CastTarget::from(Reg {
            kind: RegKind::Vector,
            size: Size::from_bytes(16),
        });
        assert_eq!(parts(cast), [(types::I8X16, 0)]);
    }

    fn va(format: VaListFormat, tys: &[Type]) -> Result<(usize, usize, u64), &'static str> {
        let params: Vec<AbiParam> = tys.iter().map(|&t| AbiParam::new(t)).collect();
        va_start(format, &params).map(|at| (at.gprs, at.fprs, at.stack))
    }

    #[test]
    fn variadic_arguments_start_where_the_fixed_ones_end() {
        use types::{F64, F128, I32, I64, I128};
        let sysv = VaListFormat::SysV64;
        assert_eq!(va(sysv, &[I32, F64, I64]), Ok((2, 1, 0)));
        assert_eq!(va(sysv, &[I64; 8]), Ok((6, 0, 16)));
        // An i128 that leaves r9: Cranelift would not give it to a parameter.
        assert!(va(sysv, &[I64, I64, I64, I64, I64, I128]).is_err());
        assert_eq!(
            va(sysv, &[I64, I64, I64, I64, I64, I64, I128]),
            Ok((6, 0, 16))
        );
        // AAPCS64: an i128 starts at an even register.
        let aapcs = VaListFormat::Aapcs64;
        assert_eq!(va(aapcs, &[I32, I128]), Ok((4, 0, 0)));
        assert_eq!(va(aapcs, &[F64; 10]), Ok((0, 8, 16)));
        // s390x: five integer and four float registers.
        let s390x = VaListFormat::S390x;
        assert_eq!(va(s390x, &[I64; 6]), Ok((5, 0, 8)));
        assert_eq!(va(s390x, &[F64; 5]), Ok((0, 4, 8)));
        assert!(va(s390x, &[I128]).is_err());
        // riscv64: an i128 or f128 takes a register pair, not an even one;
        // with one register left, that one and 8 bytes of stack.
        let riscv = VaListFormat::Riscv64;
        assert_eq!(va(riscv, &[I32, I128, F64]), Ok((3, 1, 0)));
        assert_eq!(
            va(riscv, &[I64, I64, I64, I64, I64, I64, I64, F128]),
            Ok((8, 0, 8))
        );
        assert_eq!(va(riscv, &[I64; 9]), Ok((8, 0, 8)));
        assert_eq!(
            va(riscv, &[I64, I64, I64, I64, I64, I64, I64, I64, I64, I128]),
            Ok((8, 0, 32))
        );
        assert!(va(riscv, &[I64; 8 + 121]).is_err());
        assert!(va(VaListFormat::Unsupported("here"), &[]).is_err());
    }
}
