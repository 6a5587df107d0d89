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
use crate::target::Variadics;

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

/// A function's Cranelift signature, with where it differs from rustc's
/// arguments one for one.
pub struct Params {
    pub sig: Signature,
    /// One per argument of the `FnAbi`: whether an 8-byte stack padding
    /// parameter (see [`stack_padding`]) comes right before its parameters.
    /// Callers pass any pointer to 8 readable bytes for it (the padded
    /// argument's own, which is at least 16 bytes long); callees ignore it.
    pub padded: Vec<bool>,
    /// When the signature's parameters are not in the order of the
    /// arguments (see [`backfill_order`]): `sig.params[i]` is the value at
    /// `order[i]` of the arguments' parameters, in order.
    order: Option<Vec<usize>>,
}

impl Params {
    /// The values of the arguments' parameters, in the signature's order.
    pub fn to_signature_order<T: Copy>(&self, values: &[T]) -> Vec<T> {
        match &self.order {
            None => values.to_vec(),
            Some(order) => order.iter().map(|&i| values[i]).collect(),
        }
    }

    /// The signature's parameters (a function's block parameters), in the
    /// order of the arguments.
    pub fn to_argument_order<T: Copy>(&self, values: &[T]) -> Vec<T> {
        match &self.order {
            None => values.to_vec(),
            Some(order) => {
                let mut out = values.to_vec();
                for (position, &i) in order.iter().enumerate() {
                    out[i] = values[position];
                }
                out
            }
        }
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
    let mut stack = StackArgs::new(cx, call_conv);
    stack.place_all(&sig.params);
    let mut padded = Vec::with_capacity(fn_abi.args.len());
    let mut float_regs = FloatRegs::new(cx);
    for (index, arg) in fn_abi.args.iter().enumerate() {
        let mut arg_params = arg_params(ptr, arg);
        // Past `fixed_count` are also a "rust-call" function's untupled
        // arguments and the caller location, which are not variadic.
        let variadic = fn_abi.c_variadic && index >= fn_abi.fixed_count as usize;
        float_regs.assign(&mut arg_params, variadic);
        let pad = stack.padding_before(cx, arg);
        if pad {
            sig.params.push(stack_padding(ptr));
        }
        padded.push(pad);
        stack.place_all(&arg_params);
        sig.params.extend(arg_params);
    }
    let order = stack.sysv.then(|| backfill_order(&sig.params)).flatten();
    if let Some(order) = &order {
        sig.params = order.iter().map(|&i| sig.params[i]).collect();
    }
    Params { sig, padded, order }
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
    fn new(cx: &CodegenCx<'_>, call_conv: CallConv) -> Self {
        StackArgs {
            sysv: cx.target.sysv_stack_aggregates && call_conv == CallConv::SystemV,
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
}
