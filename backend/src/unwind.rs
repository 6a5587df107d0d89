//! Object modules with `.eh_frame`: every function Cranelift compiles gets a
//! DWARF frame description, so backtraces and unwinding walk through our
//! frames as through LLVM's. A function with landing pads (`try_call`s) also
//! gets an LSDA in `.gcc_except_table` (see `lsda`), and its frame
//! description a CIE naming the personality routine, through a local
//! `DW.ref.<personality>` pointer as LLVM does (an indirect reference works
//! wherever the routine ends up, in this object, the executable or a
//! shared library).
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

use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_codegen::{CompiledCode, Context, FinalizedMachExceptionHandler};
use cranelift_module::{
    DataDescription, DataId, FuncId, Linkage, Module, ModuleReloc, ModuleResult,
};
use cranelift_object::{ObjectModule, ObjectProduct};
use gimli::constants::{DW_EH_PE_indirect, DW_EH_PE_pcrel, DW_EH_PE_sdata4};
use gimli::write::{
    Address, CallFrameInstruction, CieId, EhFrame, EndianVec, FrameDescriptionEntry, FrameTable,
    RelocateWriter, Relocation, RelocationTarget,
};
use gimli::{DwEhPe, RunTimeEndian};
use object::write::{Relocation as ObjectRelocation, StandardSection, SymbolId, SymbolSection};
use object::{RelocationEncoding, RelocationFlags, RelocationKind, SectionKind};

use crate::lsda::{self, Action, LandingSite};

/// The exception tags of our `try_call`s: what the landing pad is for.
pub const TAG_CLEANUP: u32 = 0;
pub const TAG_CATCH: u32 = 1;

/// PC-relative, 4 bytes: how every address in our `.eh_frame` is written.
const PCREL_SDATA4: DwEhPe = DwEhPe(DW_EH_PE_pcrel.0 | DW_EH_PE_sdata4.0);

/// What gimli's symbol indices in the frame table stand for.
#[derive(Clone, Copy)]
enum FrameSymbol {
    Function(FuncId),
    /// The `DW.ref` pointer to the personality routine.
    PersonalityRef,
    /// The start of `.gcc_except_table` (LSDAs are addends).
    ExceptTable,
}

/// An `ObjectModule` that records each defined function's frame
/// description; use it like the module itself (it dereferences to it).
pub struct ClifModule {
    module: ObjectModule,
    isa: Arc<dyn TargetIsa>,
    frames: FrameTable,
    /// Created with the first frame description of each kind: without and
    /// with a personality routine.
    cie: Option<CieId>,
    eh_cie: Option<CieId>,
    /// gimli's symbol `i` is `symbols[i]`.
    symbols: Vec<FrameSymbol>,
    /// The personality routine of the landing pads, set by the first
    /// function that has one.
    personality: Option<FuncId>,
    /// The contents of `.gcc_except_table`.
    except_table: Vec<u8>,
}

impl ClifModule {
    pub fn new(module: ObjectModule, isa: Arc<dyn TargetIsa>) -> Self {
        ClifModule {
            module,
            isa,
            frames: FrameTable::default(),
            cie: None,
            eh_cie: None,
            symbols: Vec::new(),
            personality: None,
            except_table: Vec::new(),
        }
    }

    /// Names the personality routine of the unit's landing pads.
    pub fn set_personality(&mut self, personality: FuncId) {
        self.personality = Some(personality);
    }

    /// Compiles and defines `id` (as `Module::define_function`), and
    /// records its frame description and, if it has landing pads, its LSDA.
    pub fn define_function(&mut self, id: FuncId, ctx: &mut Context) -> ModuleResult<()> {
        self.module.define_function(id, ctx)?;
        let compiled = ctx.compiled_code().expect("define_function compiled it");
        let Some(UnwindInfo::SystemV(info)) = compiled.create_unwind_info(&*self.isa)? else {
            return Ok(());
        };
        let sites = landing_sites(compiled);
        let Some(cie) = self.cie(!sites.is_empty()) else {
            return Ok(());
        };
        let function = self.symbol(FrameSymbol::Function(id));
        let mut fde = info.to_fde(Address::Symbol {
            symbol: function,
            addend: 0,
        });
        if !sites.is_empty() {
            let aligned = self.except_table.len().next_multiple_of(4);
            self.except_table.resize(aligned, 0);
            let offset = self.except_table.len() as i64;
            let code_len = compiled.code_info().total_size;
            self.except_table
                .extend_from_slice(&lsda::encode(&sites, code_len));
            fde.lsda = Some(Address::Symbol {
                symbol: self.symbol(FrameSymbol::ExceptTable),
                addend: offset,
            });
        }
        self.frames.add_fde(cie, fde);
        Ok(())
    }

    /// Defines `id` as the machine code `code` (as
    /// `Module::define_function_bytes`), with a frame description of the
    /// call frame instructions `frame` (code offset, instruction).
    pub fn define_stub(
        &mut self,
        id: FuncId,
        code: &[u8],
        relocs: &[ModuleReloc],
        frame: Vec<(u32, CallFrameInstruction)>,
    ) -> ModuleResult<()> {
        self.module.define_function_bytes(id, 4, code, relocs)?;
        let Some(cie) = self.cie(false) else {
            return Ok(());
        };
        let function = self.symbol(FrameSymbol::Function(id));
        let address = Address::Symbol {
            symbol: function,
            addend: 0,
        };
        let mut fde = FrameDescriptionEntry::new(address, code.len() as u32);
        for (offset, instruction) in frame {
            fde.add_instruction(offset, instruction);
        }
        self.frames.add_fde(cie, fde);
        Ok(())
    }

    /// The CIE of frame descriptions without or with landing pads (the
    /// latter names the personality routine), created on first use; `None`
    /// if the ISA has no System V CIE.
    fn cie(&mut self, landing_pads: bool) -> Option<CieId> {
        if let Some(cie) = if landing_pads { self.eh_cie } else { self.cie } {
            return Some(cie);
        }
        let mut cie = self.isa.create_systemv_cie()?;
        cie.fde_address_encoding = PCREL_SDATA4;
        if landing_pads {
            cie.lsda_encoding = Some(PCREL_SDATA4);
            let personality = self.symbol(FrameSymbol::PersonalityRef);
            cie.personality = Some((
                DwEhPe(DW_EH_PE_indirect.0 | PCREL_SDATA4.0),
                Address::Symbol {
                    symbol: personality,
                    addend: 0,
                },
            ));
        }
        let id = self.frames.add_cie(cie);
        *if landing_pads {
            &mut self.eh_cie
        } else {
            &mut self.cie
        } = Some(id);
        Some(id)
    }

    /// gimli's index of `symbol`: a new one per function, one for each of
    /// the others.
    fn symbol(&mut self, symbol: FrameSymbol) -> usize {
        let kind = std::mem::discriminant(&symbol);
        let shared = !matches!(symbol, FrameSymbol::Function(_));
        if let Some(i) = self
            .symbols
            .iter()
            .position(|s| shared && std::mem::discriminant(s) == kind)
        {
            return i;
        }
        self.symbols.push(symbol);
        self.symbols.len() - 1
    }

    /// Defines the `DW.ref` pointer to the personality routine.
    fn define_personality_ref(&mut self) -> Result<DataId, String> {
        let personality = self
            .personality
            .ok_or("clif backend: landing pads without a personality routine")?;
        let name = format!(
            "DW.ref.{}",
            self.module
                .declarations()
                .get_function_decl(personality)
                .linkage_name(personality)
        );
        let error = |e| format!("clif backend: cannot define `{name}`: {e}");
        let id = self
            .module
            .declare_data(&name, Linkage::Local, false, false)
            .map_err(error)?;
        let mut data = DataDescription::new();
        // Not `define_zeroinit`: zero-initialised objects go to .bss, where
        // GNU ld drops their relocations (the pointer stays null, and no
        // personality routine is ever called).
        let bytes = self.isa.pointer_bytes();
        data.define(vec![0; bytes.into()].into_boxed_slice());
        data.set_align(bytes.into());
        let func = self.module.declare_func_in_data(personality, &mut data);
        data.write_function_addr(0, func);
        self.module.define_data(id, &data).map_err(error)?;
        Ok(id)
    }

    /// Finishes the module and appends its `.eh_frame` (and
    /// `.gcc_except_table`).
    pub fn finish(mut self) -> Result<ObjectProduct, String> {
        let personality_ref = match self.eh_cie {
            Some(_) => Some(self.define_personality_ref()?),
            None => None,
        };
        let mut product = self.module.finish();
        if self.cie.is_none() && self.eh_cie.is_none() {
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
        let except_table = (!self.except_table.is_empty()).then(|| {
            let section = object.add_section(
                Vec::new(),
                b".gcc_except_table".to_vec(),
                SectionKind::ReadOnlyData,
            );
            object.append_section_data(section, &self.except_table, 4);
            object.section_symbol(section)
        });
        let section = object.section_id(StandardSection::EhFrame);
        let base = object.append_section_data(section, &writer.into_vec(), 8);
        for relocation in relocations {
            let RelocationTarget::Symbol(index) = relocation.target else {
                return Err("clif backend: .eh_frame refers to a section".to_owned());
            };
            // Every address in the table is PC-relative (see `PCREL_SDATA4`).
            debug_assert_eq!(
                relocation.eh_pe.map(|pe| pe.application()),
                Some(DW_EH_PE_pcrel)
            );
            let (symbol, addend): (SymbolId, i64) = match self.symbols[index] {
                FrameSymbol::Function(id) => {
                    let (function, _) =
                        product.functions[id].expect("a defined function has a symbol");
                    let symbol = object.symbol(function);
                    let SymbolSection::Section(function_section) = symbol.section else {
                        return Err(format!(
                            "clif backend: .eh_frame describes `{}`, which has no section",
                            String::from_utf8_lossy(&symbol.name)
                        ));
                    };
                    let value = symbol.value as i64;
                    (object.section_symbol(function_section), value)
                }
                FrameSymbol::PersonalityRef => {
                    let id = personality_ref.expect("defined with the CIE that uses it");
                    let (symbol, _) = product.data_objects[id].expect("a defined data object");
                    (symbol, 0)
                }
                FrameSymbol::ExceptTable => (except_table.expect("an LSDA was written"), 0),
            };
            object
                .add_relocation(
                    section,
                    ObjectRelocation {
                        offset: base + relocation.offset as u64,
                        symbol,
                        addend: addend + relocation.addend,
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

/// The calls of a compiled function that have a landing pad.
fn landing_sites(compiled: &CompiledCode) -> Vec<LandingSite> {
    compiled
        .buffer
        .call_sites()
        .filter_map(|site| {
            site.exception_handlers
                .iter()
                .find_map(|handler| match *handler {
                    FinalizedMachExceptionHandler::Tag(tag, pad) => Some(LandingSite {
                        ret_addr: site.ret_addr,
                        pad,
                        action: if tag.as_u32() == TAG_CATCH {
                            Action::Catch
                        } else {
                            Action::Cleanup
                        },
                    }),
                    _ => None,
                })
        })
        .collect()
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
