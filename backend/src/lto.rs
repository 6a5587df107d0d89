//! What `-Clto` means for this backend: nothing is optimized across crates,
//! but the link must still find every symbol.
//!
//! With `-Clto=fat` or `-Clto=thin` (cargo's `lto = true | "fat" | "thin"`),
//! rustc's linker step leaves the Rust object files of upstream rlibs out of
//! the link, because an LLVM backend has already merged them into the
//! crate's own modules. Cranelift has no link-time optimizer, so this module
//! does the merge at the object level: it copies those same object files out
//! of the rlibs and hands them to the linker as modules of this crate. The
//! program is then the code a non-LTO build links, with the same symbols.
//!
//! The set of object files is exactly the one rustc leaves out
//! (`add_static_crate` in rustc_codegen_ssa): every rlib linked statically
//! that is not ignored for LTO (`#![no_builtins]` crates and
//! compiler_builtins, which rustc links as archives anyway), and in it the
//! members that are Rust codegen-unit objects of that crate.

use std::path::Path;

use object::read::archive::ArchiveFile;
use rustc_codegen_ssa::back::link::{each_linked_rlib, ignored_for_lto};
use rustc_codegen_ssa::{CompiledModule, CrateInfo, ModuleKind, looks_like_rust_object_file};
use rustc_middle::ty::TyCtxt;
use rustc_session::config::Lto;

/// Whether rustc's linker step will leave upstream Rust objects out (the
/// condition of rustc_codegen_ssa's `are_upstream_rust_objects_already_included`).
fn upstream_objects_left_out(tcx: TyCtxt<'_>) -> bool {
    match tcx.sess.lto() {
        Lto::Fat => true,
        Lto::Thin => !tcx.sess.opts.cg.linker_plugin_lto.enabled(),
        Lto::No | Lto::ThinLocal => false,
    }
}

/// The upstream Rust objects the link would otherwise miss, extracted next to
/// this crate's own objects, as extra modules.
pub fn upstream_modules(tcx: TyCtxt<'_>, crate_info: &CrateInfo) -> Vec<CompiledModule> {
    if !upstream_objects_left_out(tcx) {
        return Vec::new();
    }
    let mut rlibs = Vec::new();
    // Fails only when the crate types' dependency formats disagree, which
    // rustc's own LTO rejects in the same way.
    let listed = each_linked_rlib(crate_info, None, &mut |cnum, path| {
        if !ignored_for_lto(tcx.sess, crate_info, cnum) {
            rlibs.push(path.to_path_buf());
        }
    });
    if listed.is_err() {
        tcx.dcx().fatal(
            "clif backend: cannot link with LTO: the crate types need different dependency formats",
        );
    }
    let mut modules = Vec::new();
    for rlib in rlibs {
        if let Err(e) = extract_rust_objects(tcx, &rlib, &mut modules) {
            tcx.dcx().fatal(format!(
                "clif backend: cannot read `{}` for LTO: {e}",
                rlib.display()
            ));
        }
    }
    modules
}

fn extract_rust_objects(
    tcx: TyCtxt<'_>,
    rlib: &Path,
    modules: &mut Vec<CompiledModule>,
) -> Result<(), String> {
    let data = std::fs::read(rlib).map_err(|e| e.to_string())?;
    let archive = ArchiveFile::parse(&*data).map_err(|e| e.to_string())?;
    let prefix = member_prefix(rlib);
    for member in archive.members() {
        let member = member.map_err(|e| e.to_string())?;
        let name = String::from_utf8_lossy(member.name()).into_owned();
        if !is_own_rust_object(&prefix, &name) {
            continue;
        }
        let bytes = member.data(&*data).map_err(|e| e.to_string())?;
        let module_name = format!("lto.{}", name.trim_end_matches(".rcgu.o"));
        let path = crate::driver::object_path(tcx, &module_name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        modules.push(crate::compile::object_module(
            module_name,
            ModuleKind::Regular,
            path,
        ));
    }
    Ok(())
}

/// What the names of an rlib's own Rust objects start with: `libfoo-<hash>.rlib`
/// holds `foo-<hash>.foo.<cgu>-cgu.0.rcgu.o`, compared with '-' and '_' alike.
fn member_prefix(rlib: &Path) -> String {
    let stem = rlib
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    stem.strip_prefix("lib").unwrap_or(stem).replace('-', "_")
}

/// Whether archive member `name` is one of the rlib's own codegen-unit
/// objects (rustc's test: a Rust object file starting with the crate's
/// name), given the rlib's [`member_prefix`].
fn is_own_rust_object(prefix: &str, name: &str) -> bool {
    looks_like_rust_object_file(name) && name.replace('-', "_").starts_with(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_crates_own_codegen_units_are_taken() {
        let prefix = member_prefix(Path::new("/deps/libmy_crate-0123abcd.rlib"));
        assert_eq!(prefix, "my_crate_0123abcd");
        let own = "my_crate-0123abcd.my_crate.9f1c2b-cgu.0.rcgu.o";
        assert!(is_own_rust_object(&prefix, own));
        // The metadata, bundled native objects and another crate's units stay out.
        for other in [
            "lib.rmeta",
            "my_crate-0123abcd.my_crate.9f1c2b-cgu.0.rcgu.bc",
            "foo.o",
            "my_crate-0123abcd.o",
            "other-89abcdef.other.1a2b3c-cgu.0.rcgu.o",
            "my_crate-fedcba98.my_crate.9f1c2b-cgu.0.rcgu.o",
        ] {
            assert!(!is_own_rust_object(&prefix, other), "{other}");
        }
    }
}
