//! The suite's sources and workspace under `build/libtests/`: `src/` mirrors
//! rust-src's `library/` (a symbolic link per top-level entry, except
//! `coretests/` and `alloctests/`, which are real directories of links to
//! the files, so that relative `mod` and `#[path]` lookups stay inside the
//! mirror), with the files declaring an excluded module replaced by edited
//! copies (elsewhere, e.g. in stdarch, only the directories on the way to
//! such a file are real); `workspace/` holds `Cargo.toml` (from the template) and the
//! library's `Cargo.lock`.
//!
//! The mirror is rebuilt from scratch, and cargo's target directories are
//! removed, whenever the exclusions or the library path change (a stamp file
//! records them): a file turning back from an edited copy into a link keeps
//! an old modification time, so cargo could otherwise miss the change.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};

use super::lists::{Excluded, ExcludedModule};

/// The mirrored (not linked) package directories.
const MIRRORED: &[&str] = &["coretests", "alloctests"];

/// What [`prepare`] needs.
pub struct Plan<'a> {
    /// rust-src's `library/` (canonical).
    pub library: &'a Path,
    /// `build/libtests/`.
    pub out_dir: &'a Path,
    pub template: &'a str,
    pub placeholder: &'a str,
    /// Each binary's crate root, relative to `library/`.
    pub roots: &'a [(&'a str, PathBuf)],
    pub excluded: &'a Excluded,
}

/// Writes the mirror and the workspace; returns the workspace directory.
pub fn prepare(plan: &Plan<'_>) -> anyhow::Result<PathBuf> {
    let edits = edits(plan)?;
    let src = plan.out_dir.join("src");
    let stamp_path = plan.out_dir.join("src.stamp");
    let stamp = stamp(plan.library, &edits);
    let old_stamp = std::fs::read_to_string(&stamp_path).unwrap_or_default();
    if old_stamp != stamp || !src.is_dir() {
        for dir in ["src", "target-llvm", "target-clif"] {
            remove_dir(&plan.out_dir.join(dir))?;
        }
        write_mirror(plan.library, &src, &edits)
            .with_context(|| format!("cannot write the source mirror {}", src.display()))?;
        std::fs::write(&stamp_path, stamp)
            .with_context(|| format!("cannot write {}", stamp_path.display()))?;
    }
    let Some(src_str) = src.to_str() else {
        bail!("the build path {} is not UTF-8", src.display());
    };
    let workspace = plan.out_dir.join("workspace");
    std::fs::create_dir_all(&workspace)
        .with_context(|| format!("cannot create {}", workspace.display()))?;
    let manifest = plan.template.replace(plan.placeholder, src_str);
    write_if_changed(&workspace.join("Cargo.toml"), manifest.as_bytes())?;
    let lock = std::fs::read(plan.library.join("Cargo.lock"))
        .context("cannot read the library's Cargo.lock")?;
    write_if_changed(&workspace.join("Cargo.lock"), &lock)?;
    Ok(workspace)
}

fn remove_dir(dir: &Path) -> anyhow::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            Err(err).with_context(|| format!("cannot remove {}", dir.display()))
        }
        _ => Ok(()),
    }
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    match std::fs::read(path) {
        Ok(old) if old == bytes => Ok(()),
        _ => {
            std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
        }
    }
}

/// The stamp: the library path and every edited file with its contents.
fn stamp(library: &Path, edits: &BTreeMap<PathBuf, String>) -> String {
    let mut fp = crate::fingerprint::Fingerprint::new("clif libtests mirror v2");
    fp.add("library", library.as_os_str().as_encoded_bytes());
    for (path, text) in edits {
        fp.add("path", path.as_os_str().as_encoded_bytes());
        fp.add("text", text.as_bytes());
    }
    fp.finish()
}

/// The edited files (relative to `library/`) and their new contents.
fn edits(plan: &Plan<'_>) -> anyhow::Result<BTreeMap<PathBuf, String>> {
    let mut edits: BTreeMap<PathBuf, String> = BTreeMap::new();
    for module in &plan.excluded.entries {
        let Some((_, root)) = plan.roots.iter().find(|(b, _)| *b == module.binary) else {
            bail!(
                "excluded module `{}`: unknown test binary `{}` (known: {})",
                module.module,
                module.binary,
                plan.roots
                    .iter()
                    .map(|(b, _)| *b)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        };
        let file = declaring_file(plan.library, root, module)?;
        let text = match edits.get(&file) {
            Some(text) => text.clone(),
            None => std::fs::read_to_string(plan.library.join(&file))
                .with_context(|| format!("cannot read {}", plan.library.join(&file).display()))?,
        };
        let Some(name) = module.path.last() else {
            bail!("excluded module `{}` has no path", module.module);
        };
        let Some(edited) = exclude_item(&text, name) else {
            bail!(
                "excluded item `{}`: neither one line `mod {name};` nor a `fn {name}(` in {}",
                module.module,
                plan.library.join(&file).display()
            );
        };
        edits.insert(file, edited);
    }
    Ok(edits)
}

/// The file (relative to `library/`) that declares `module`: the crate root
/// for a top-level module, else the parent module's `name.rs` or
/// `name/mod.rs` next to the root.
fn declaring_file(library: &Path, root: &Path, module: &ExcludedModule) -> anyhow::Result<PathBuf> {
    let parents = &module.path[..module.path.len() - 1];
    if parents.is_empty() {
        return Ok(root.to_owned());
    }
    let mut dir = root.parent().map(Path::to_path_buf).unwrap_or_default();
    for parent in &parents[..parents.len() - 1] {
        dir.push(parent);
    }
    let last = &parents[parents.len() - 1];
    let candidates = [
        dir.join(format!("{last}.rs")),
        dir.join(last).join("mod.rs"),
    ];
    match candidates.iter().find(|c| library.join(c).is_file()) {
        Some(file) => Ok(file.clone()),
        None => bail!(
            "excluded module `{}`: neither {} nor {} exists",
            module.module,
            library.join(&candidates[0]).display(),
            library.join(&candidates[1]).display()
        ),
    }
}

/// `text` with the item `name` left out: its one `mod NAME;` declaration
/// (optionally `pub`) turned into `mod NAME {}` (which keeps attributes
/// above it valid), or else every `fn NAME(` line (also inside a macro's
/// body) prefixed with `#[cfg(any())]`.
fn exclude_item(text: &str, name: &str) -> Option<String> {
    const MARK: &str = "// excluded by tests/libtests/excluded.txt";
    let visibilities = ["", "pub ", "pub(crate) "];
    let is_mod = |trimmed: &str| {
        visibilities
            .iter()
            .find(|vis| trimmed == format!("{vis}mod {name};"))
    };
    let is_fn = |trimmed: &str| {
        ["", "const "].iter().any(|constness| {
            visibilities
                .iter()
                .any(|vis| trimmed.starts_with(&format!("{vis}{constness}fn {name}(")))
        })
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let indent = |line: &str| line[..line.len() - line.trim_start().len()].to_owned();
    let mods = lines
        .iter()
        .filter(|l| is_mod(l.trim_start()).is_some())
        .count();
    let edited: Vec<String> = if mods == 1 {
        lines
            .iter()
            .map(|line| match is_mod(line.trim_start()) {
                Some(vis) => format!("{}{vis}mod {name} {{}} {MARK}", indent(line)),
                None => (*line).to_owned(),
            })
            .collect()
    } else if mods == 0 && lines.iter().any(|l| is_fn(l.trim_start())) {
        lines
            .iter()
            .map(|line| {
                if is_fn(line.trim_start()) {
                    format!("{}#[cfg(any())] {} {MARK}", indent(line), line.trim_start())
                } else {
                    (*line).to_owned()
                }
            })
            .collect()
    } else {
        return None;
    };
    Some(edited.join("\n"))
}

/// Creates `src/`: links to `library/`'s entries, [`MIRRORED`] packages as
/// directories of links, the directories on the way to an edited file
/// elsewhere (stdarch's `core_arch`) as real directories, and the edited
/// files.
fn write_mirror(library: &Path, src: &Path, edits: &BTreeMap<PathBuf, String>) -> io::Result<()> {
    std::fs::create_dir_all(src)?;
    for entry in std::fs::read_dir(library)? {
        let entry = entry?;
        let name = entry.file_name();
        let rel = PathBuf::from(&name);
        if MIRRORED.iter().any(|m| name == *m) {
            mirror_dir(library, &rel, src, edits, true)?;
        } else if edits.keys().any(|edited| edited.starts_with(&rel)) {
            mirror_dir(library, &rel, src, edits, false)?;
        } else {
            std::os::unix::fs::symlink(entry.path(), src.join(&name))?;
        }
    }
    Ok(())
}

/// Mirrors `rel`: its files as links (or edited copies), its directories
/// as real directories if `whole` or if they hold an edited file, else as
/// links.
fn mirror_dir(
    library: &Path,
    rel: &Path,
    src: &Path,
    edits: &BTreeMap<PathBuf, String>,
    whole: bool,
) -> io::Result<()> {
    std::fs::create_dir_all(src.join(rel))?;
    for entry in std::fs::read_dir(library.join(rel))? {
        let entry = entry?;
        let rel = rel.join(entry.file_name());
        let is_dir = entry.file_type()?.is_dir();
        if is_dir && (whole || edits.keys().any(|edited| edited.starts_with(&rel))) {
            mirror_dir(library, &rel, src, edits, whole)?;
        } else if let Some(text) = edits.get(&rel) {
            std::fs::write(src.join(&rel), text)?;
        } else {
            std::os::unix::fs::symlink(entry.path(), src.join(&rel))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(binary: &str, path: &[&str]) -> ExcludedModule {
        ExcludedModule {
            module: format!("{binary}::{}", path.join("::")),
            binary: binary.to_owned(),
            path: path.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn excluded_items_keep_attributes_and_indentation() {
        let text = "#[cfg(test)]\nmod future;\n  pub mod num;\nmod futures;\n";
        assert_eq!(
            exclude_item(text, "future").as_deref(),
            Some(
                "#[cfg(test)]\nmod future {} // excluded by tests/libtests/excluded.txt\n  \
                 pub mod num;\nmod futures;\n"
            )
        );
        assert!(exclude_item(text, "num")
            .expect("found")
            .contains("  pub mod num {}"));
        assert_eq!(exclude_item(text, "missing"), None);
        let text = "    #[test]\n    fn test_f128() {\n    const fn test_f128(x: u8) {}\n";
        assert_eq!(
            exclude_item(text, "test_f128").as_deref(),
            Some(
                "    #[test]\n    #[cfg(any())] fn test_f128() { // excluded by \
                 tests/libtests/excluded.txt\n    #[cfg(any())] const fn test_f128(x: u8) {} // \
                 excluded by tests/libtests/excluded.txt\n"
            )
        );
    }

    #[test]
    fn mirror_links_files_and_edits_declarations() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let library = tmp.path().join("library");
        let tests = library.join("coretests/tests");
        std::fs::create_dir_all(tests.join("num")).expect("mkdir");
        std::fs::create_dir_all(library.join("core")).expect("mkdir");
        let arch = library.join("stdarch/crates/core_arch/src");
        std::fs::create_dir_all(arch.join("x86")).expect("mkdir");
        std::fs::create_dir_all(arch.join("arm")).expect("mkdir");
        std::fs::write(arch.join("lib.rs"), "mod x86;\n").expect("write");
        std::fs::write(arch.join("x86/mod.rs"), "mod avx;\nmod sse;\n").expect("write");
        std::fs::write(tests.join("lib.rs"), "mod num;\nmod future;\n").expect("write");
        std::fs::write(tests.join("num/mod.rs"), "mod i128;\n").expect("write");
        std::fs::write(library.join("Cargo.lock"), "# lock\n").expect("write");
        let roots = [
            ("coretests", PathBuf::from("coretests/tests/lib.rs")),
            (
                "core_arch",
                PathBuf::from("stdarch/crates/core_arch/src/lib.rs"),
            ),
        ];
        let excluded = Excluded {
            entries: vec![
                module("coretests", &["future"]),
                module("coretests", &["num", "i128"]),
                module("core_arch", &["x86", "avx"]),
            ],
        };
        let out = tmp.path().join("out");
        let plan = Plan {
            library: &library,
            out_dir: &out,
            template: "path = \"@SRC@/coretests/tests/lib.rs\"\n",
            placeholder: "@SRC@",
            roots: &roots,
            excluded: &excluded,
        };
        let workspace = prepare(&plan).expect("prepares");
        let src = out.join("src");
        let manifest = std::fs::read_to_string(workspace.join("Cargo.toml")).expect("manifest");
        assert_eq!(
            manifest,
            format!("path = \"{}/coretests/tests/lib.rs\"\n", src.display())
        );
        assert!(std::fs::symlink_metadata(src.join("core"))
            .expect("core")
            .is_symlink());
        let lib = std::fs::read_to_string(src.join("coretests/tests/lib.rs")).expect("lib");
        assert!(lib.contains("mod future {}") && lib.contains("mod num;\n"));
        let num = std::fs::read_to_string(src.join("coretests/tests/num/mod.rs")).expect("num");
        assert!(num.starts_with("mod i128 {}"));
        assert!(
            !std::fs::symlink_metadata(src.join("coretests/tests/num/mod.rs"))
                .expect("num")
                .is_symlink()
        );
        // Outside the mirrored packages only the way to an edit is copied.
        let x86 = src.join("stdarch/crates/core_arch/src/x86/mod.rs");
        let x86 = std::fs::read_to_string(x86).expect("x86");
        assert!(x86.starts_with("mod avx {}") && x86.contains("mod sse;\n"));
        let arm = src.join("stdarch/crates/core_arch/src/arm");
        assert!(std::fs::symlink_metadata(arm).expect("arm").is_symlink());
        // Unchanged inputs keep the mirror; an unknown module is an error.
        prepare(&plan).expect("prepares again");
        let bad = Excluded {
            entries: vec![module("coretests", &["nothere", "x"])],
        };
        assert!(prepare(&Plan {
            excluded: &bad,
            ..plan
        })
        .is_err());
    }
}
