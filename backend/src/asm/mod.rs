//! Assembly: `global_asm!`, `#[unsafe(naked)]` functions and the wrappers
//! that implement inline `asm!` blocks (see [`inline`]). Cranelift has no
//! assembler, so each codegen unit collects its assembly as text and the
//! target's C compiler driver (the linker rustc was told to use, else `cc`)
//! assembles it into one more object file of that unit.
//!
//! Symbols defined in assembly but used from Cranelift code live in another
//! object file, so they are always global; rustc's internal items get
//! hidden visibility instead of being local.

pub mod inline;

use std::path::PathBuf;
use std::process::Command;

use rustc_abi::{HasDataLayout, TargetDataLayout};
use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_codegen_ssa::traits::{AsmCodegenMethods, GlobalAsmOperandRef};
use rustc_codegen_ssa::{CompiledModule, ModuleKind};
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers,
};
use rustc_middle::ty::{self, Instance, Ty, TyCtxt};
use rustc_session::config::OutputType;
use rustc_span::Span;
use rustc_target::spec::{HasTargetSpec, Target};

use crate::cx::LayoutCx;
use crate::target::TargetDesc;

/// Appends `global_asm!` items and naked functions of one codegen unit to
/// its assembly text; what rustc_codegen_ssa's shared code talks to.
pub struct GlobalAsmCx<'a, 'tcx> {
    pub lcx: LayoutCx<'tcx>,
    pub text: &'a mut String,
}

impl<'tcx> HasTyCtxt<'tcx> for GlobalAsmCx<'_, 'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.lcx.0
    }
}
impl<'tcx> HasTypingEnv<'tcx> for GlobalAsmCx<'_, 'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        self.lcx.typing_env()
    }
}
impl HasDataLayout for GlobalAsmCx<'_, '_> {
    fn data_layout(&self) -> &TargetDataLayout {
        self.lcx.data_layout()
    }
}
impl HasTargetSpec for GlobalAsmCx<'_, '_> {
    fn target_spec(&self) -> &Target {
        self.lcx.target_spec()
    }
}
impl<'tcx> LayoutOfHelpers<'tcx> for GlobalAsmCx<'_, 'tcx> {
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        self.lcx.handle_layout_err(err, span, ty)
    }
}
impl<'tcx> FnAbiOfHelpers<'tcx> for GlobalAsmCx<'_, 'tcx> {
    fn handle_fn_abi_err(&self, err: FnAbiError<'tcx>, span: Span, req: FnAbiRequest<'tcx>) -> ! {
        self.lcx.handle_fn_abi_err(err, span, req)
    }
}

impl<'tcx> AsmCodegenMethods<'tcx> for GlobalAsmCx<'_, 'tcx> {
    fn codegen_global_asm(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        operands: &[GlobalAsmOperandRef<'tcx>],
        options: InlineAsmOptions,
        _line_spans: &[Span],
    ) {
        let tcx = self.lcx.0;
        let intel = uses_intel_syntax(tcx, options);
        if intel {
            self.text.push_str(".intel_syntax noprefix\n");
        }
        for piece in template {
            match piece {
                InlineAsmTemplatePiece::String(s) => self.text.push_str(s),
                InlineAsmTemplatePiece::Placeholder { operand_idx, .. } => {
                    let operand = match &operands[*operand_idx] {
                        GlobalAsmOperandRef::Const { string } => string.clone(),
                        GlobalAsmOperandRef::SymFn { instance } => self.mangled_name(*instance),
                        GlobalAsmOperandRef::SymStatic { def_id } => {
                            self.mangled_name(Instance::mono(tcx, *def_id))
                        }
                    };
                    self.text.push_str(&operand);
                }
            }
        }
        self.text.push('\n');
        if intel {
            self.text.push_str(".att_syntax\n");
        }
    }

    fn mangled_name(&self, instance: Instance<'tcx>) -> String {
        symbol_for_asm(self.lcx.0, instance)
    }
}

/// The name assembly uses for `instance` (with the target's
/// [`TargetDesc::symbol_prefix`]).
pub fn symbol_for_asm<'tcx>(tcx: TyCtxt<'tcx>, instance: Instance<'tcx>) -> String {
    let name = tcx.symbol_name(instance).name;
    format!("{}{name}", target(tcx).symbol_prefix)
}

/// Whether text in Rust's default x86 syntax (Intel) must be bracketed by
/// `.intel_syntax noprefix` for the GNU assembler.
pub fn uses_intel_syntax(tcx: TyCtxt<'_>, options: InlineAsmOptions) -> bool {
    target(tcx).intel_syntax && !options.contains(InlineAsmOptions::ATT_SYNTAX)
}

fn target(tcx: TyCtxt<'_>) -> TargetDesc {
    TargetDesc::of(tcx.sess).unwrap_or_else(|msg| tcx.dcx().fatal(msg))
}

/// The assembly defining a hidden function `name` in a section of its own
/// (so the linker can drop it), 4-byte aligned, whose instructions are
/// `body` (one per line, ending with its return). ELF directives, in the
/// `%` spelling every GNU assembler accepts.
pub fn function_text(name: &str, body: &str) -> String {
    format!(
        ".pushsection .text.{name},\"ax\",%progbits\n.p2align 2\n.globl {name}\n\
         .hidden {name}\n.type {name},%function\n{name}:\n{body}\n\
         .size {name}, . - {name}\n.popsection\n"
    )
}

/// Assembling one unit's text: prepared on the main thread (paths and the
/// assembler come from the session), run on a worker.
pub struct AsmJob {
    name: String,
    text: String,
    source: PathBuf,
    object: PathBuf,
    driver: PathBuf,
}

impl AsmJob {
    /// The job assembling `text`, the assembly of unit `unit`.
    pub fn new(tcx: TyCtxt<'_>, unit: &str, text: String) -> Self {
        let name = format!("{unit}.asm");
        let object = tcx.output_filenames(()).temp_path_for_cgu(
            OutputType::Object,
            &name,
            tcx.sess.invocation_temp.as_deref(),
        );
        // The linker given with `-Clinker` is a C compiler driver for the
        // target, which can assemble; `cc` otherwise.
        let driver = tcx
            .sess
            .opts
            .cg
            .linker
            .clone()
            .unwrap_or_else(|| "cc".into());
        AsmJob {
            name,
            text,
            source: object.with_extension("s"),
            object,
            driver,
        }
    }

    /// `<driver> -c -x assembler SOURCE -o OBJECT`.
    pub fn run(self) -> Result<CompiledModule, String> {
        std::fs::write(&self.source, without_line_comments(&self.text))
            .map_err(|e| format!("clif backend: cannot write {}: {e}", self.source.display()))?;
        let mut cmd = Command::new(&self.driver);
        cmd.args(["-c", "-x", "assembler"])
            .arg(&self.source)
            .arg("-o")
            .arg(&self.object);
        let describe = format!(
            "{} -c -x assembler {} -o {}",
            self.driver.display(),
            self.source.display(),
            self.object.display()
        );
        match cmd.output() {
            Ok(out) if out.status.success() => {}
            Ok(out) => {
                return Err(format!(
                    "clif backend: assembling inline/global assembly failed ({}):\n  command: {describe}\n{}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            Err(e) => {
                return Err(format!(
                    "clif backend: cannot run the assembler `{describe}` ({e}); assembling `asm!`, `global_asm!` and naked functions needs a C compiler driver for the target (set one with -Clinker)"
                ));
            }
        }
        Ok(crate::compile::object_module(
            self.name,
            ModuleKind::Regular,
            self.object,
        ))
    }
}

/// The text without `//` comments, which LLVM's assembler (the one Rust's
/// asm templates are written for) accepts but the GNU assembler does not.
/// Quoted strings are left alone.
fn without_line_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        let mut cut = line.len();
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                _ if escaped => escaped = false,
                b'\\' if in_string => escaped = true,
                b'"' => in_string = !in_string,
                b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_line_comments;

    #[test]
    fn line_comments_go_strings_stay() {
        let text = "mov r11, rax // copy\n.ascii \"a//b\" // c\n// whole line\nret";
        assert_eq!(
            without_line_comments(text),
            "mov r11, rax \n.ascii \"a//b\" \n\nret\n"
        );
    }
}
