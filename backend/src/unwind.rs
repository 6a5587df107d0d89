//! Object modules with `.eh_frame`: every function Cranelift compiles gets a
//! DWARF frame description, so backtraces (and, one day, unwinding) walk
//! through our frames as through LLVM's.
//!
//! cranelift-object can write `.eh_frame` itself, but with absolute
//! function addresses (`R_X86_64_64`), which lld refuses in a PIE ("recompile
//! with -fPIC"; GNU ld quietly rewrites them). So the table is written here
//! the way LLVM writes it: FDE addresses PC-relative (`DW_EH_PE_pcrel |
//! DW_EH_PE_sdata4`), relocated against the section symbol of the
//! function's section rather than the function's symbol, which a shared
//! object could let another definition preempt (GNU ld refuses such a
//! relocation in `libstd.so`).

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use cranelift_codegen::Context;
use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_module::{FuncId, Module, ModuleResult};
use cranelift_object::{ObjectModule, ObjectProduct};
use gimli::constants::{DW_EH_PE_pcrel, DW_EH_PE_sdata4};
use gimli::write::{
    Address, CieId, EhFrame, EndianVec, FrameTable, RelocateWriter, Relocation, RelocationTarget,
};
use gimli::{DwEhPe, RunTimeEndian};
use object::write::{Relocation as ObjectRelocation, StandardSection, SymbolSection};
use object::{RelocationEncoding, RelocationFlags, RelocationKind};

/// An `ObjectModule` that records each defined function's frame
/// description; use it like the module itself (it dereferences to it).
pub struct ClifModule {
    module: ObjectModule,
    isa: Arc<dyn TargetIsa>,
    frames: FrameTable,
    /// Created with the first frame description.
    cie: Option<CieId>,
    /// The functions described, in order: gimli's symbol `i` is `described[i]`.
    described: Vec<FuncId>,
}

impl ClifModule {
    pub fn new(module: ObjectModule, isa: Arc<dyn TargetIsa>) -> Self {
        ClifModule {
            module,
            isa,
            frames: FrameTable::default(),
            cie: None,
            described: Vec::new(),
        }
    }

    /// Compiles and defines `id` (as `Module::define_function`), and
    /// records its frame description.
    pub fn define_function(&mut self, id: FuncId, ctx: &mut Context) -> ModuleResult<()> {
        self.module.define_function(id, ctx)?;
        let compiled = ctx.compiled_code().expect("define_function compiled it");
        let Some(UnwindInfo::SystemV(info)) = compiled.create_unwind_info(&*self.isa)? else {
            return Ok(());
        };
        let cie = match self.cie {
            Some(cie) => cie,
            None => {
                let Some(mut cie) = self.isa.create_systemv_cie() else {
                    return Ok(());
                };
                cie.fde_address_encoding = DwEhPe(DW_EH_PE_pcrel.0 | DW_EH_PE_sdata4.0);
                *self.cie.insert(self.frames.add_cie(cie))
            }
        };
        let address = Address::Symbol {
            symbol: self.described.len(),
            addend: 0,
        };
        self.frames.add_fde(cie, info.to_fde(address));
        self.described.push(id);
        Ok(())
    }

    /// Finishes the module and appends its `.eh_frame`.
    pub fn finish(self) -> Result<ObjectProduct, String> {
        let mut product = self.module.finish();
        if self.cie.is_none() {
            return Ok(product);
        }
        let endian = match self.isa.endianness() {
            cranelift_codegen::ir::Endianness::Little => RunTimeEndian::Little,
            cranelift_codegen::ir::Endianness::Big => RunTimeEndian::Big,
        };
        let mut eh_frame = EhFrame(Section {
            writer: EndianVec::new(endian),
            relocations: Vec::new(),
        });
        self.frames
            .write_eh_frame(&mut eh_frame)
            .map_err(|e| format!("clif backend: cannot write .eh_frame: {e}"))?;
        let EhFrame(Section {
            writer,
            relocations,
        }) = eh_frame;
        let object = &mut product.object;
        let section = object.section_id(StandardSection::EhFrame);
        let base = object.append_section_data(section, &writer.into_vec(), 8);
        for relocation in relocations {
            let RelocationTarget::Symbol(index) = relocation.target else {
                return Err("clif backend: .eh_frame refers to a section".to_owned());
            };
            let (function, _) =
                product.functions[self.described[index]].expect("a defined function has a symbol");
            let symbol = object.symbol(function);
            let SymbolSection::Section(function_section) = symbol.section else {
                return Err(format!(
                    "clif backend: .eh_frame describes `{}`, which has no section",
                    String::from_utf8_lossy(&symbol.name)
                ));
            };
            let addend = relocation.addend + symbol.value as i64;
            let section_symbol = object.section_symbol(function_section);
            object
                .add_relocation(
                    section,
                    ObjectRelocation {
                        offset: base + relocation.offset as u64,
                        symbol: section_symbol,
                        addend,
                        flags: RelocationFlags::Generic {
                            kind: RelocationKind::Relative,
                            encoding: RelocationEncoding::Generic,
                            size: relocation.size * 8,
                        },
                    },
                )
                .map_err(|e| format!("clif backend: cannot relocate .eh_frame: {e}"))?;
        }
        Ok(product)
    }
}

impl Deref for ClifModule {
    type Target = ObjectModule;

    fn deref(&self) -> &ObjectModule {
        &self.module
    }
}

impl DerefMut for ClifModule {
    fn deref_mut(&mut self) -> &mut ObjectModule {
        &mut self.module
    }
}

/// `.eh_frame` bytes and the relocations gimli asks for.
struct Section {
    writer: EndianVec<RunTimeEndian>,
    relocations: Vec<Relocation>,
}

impl RelocateWriter for Section {
    type Writer = EndianVec<RunTimeEndian>;

    fn writer(&self) -> &Self::Writer {
        &self.writer
    }

    fn writer_mut(&mut self) -> &mut Self::Writer {
        &mut self.writer
    }

    fn relocate(&mut self, relocation: Relocation) {
        self.relocations.push(relocation);
    }
}
