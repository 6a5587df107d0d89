//! Where things are: the repository root (found by walking up from the
//! current directory) and every path under it and under the build directory
//! that the commands read or write. All paths are absolute.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};

/// The repository and build directory paths used by all commands.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Root of the clif-toolchain repository.
    pub repo: PathBuf,
    /// The build directory (`build/` in the repository unless `--build-dir`).
    pub build: PathBuf,
}

impl Layout {
    /// Finds the repository from the current directory; `build_dir` (relative
    /// to the current directory) overrides `<repo>/build`.
    pub fn discover(build_dir: Option<&Path>) -> anyhow::Result<Self> {
        let cwd = std::env::current_dir().context("cannot read the current directory")?;
        let Some(repo) = find_repo_root(&cwd) else {
            bail!(
                "{} is not inside the clif-toolchain repository (no parent directory \
                 has toolchain-builder/Cargo.toml); run toolchain-builder from the repository",
                cwd.display()
            );
        };
        let build = match build_dir {
            Some(dir) => cwd.join(dir),
            None => repo.join("build"),
        };
        Ok(Self { repo, build })
    }

    /// `backend/`: the codegen backend crate.
    pub fn backend_dir(&self) -> PathBuf {
        self.repo.join("backend")
    }

    /// `targets/`: one TOML file per supported target.
    pub fn targets_dir(&self) -> PathBuf {
        self.repo.join("targets")
    }

    /// `tests/no_core/`: mini_core.rs and the test programs.
    pub fn no_core_tests_dir(&self) -> PathBuf {
        self.repo.join("tests").join("no_core")
    }

    /// `build/base/`: unpacked base toolchain archives, one dir per checksum.
    pub fn base_cache_dir(&self) -> PathBuf {
        self.build.join("base")
    }

    /// `build/backend-target/`: cargo's target dir for the backend.
    pub fn backend_target_dir(&self) -> PathBuf {
        self.build.join("backend-target")
    }

    /// `build/backend/`: built backends, one dir per input fingerprint.
    pub fn backend_cache_dir(&self) -> PathBuf {
        self.build.join("backend")
    }

    /// `dist-pkg/`: what `package` and `image` write by default.
    pub fn packages_dir(&self) -> PathBuf {
        self.repo.join("dist-pkg")
    }

    /// `build/launcher-target/`: cargo's target dir for the launcher.
    pub fn launcher_target_dir(&self) -> PathBuf {
        self.build.join("launcher-target")
    }

    /// `build/launcher/`: built launchers, one dir per input fingerprint.
    pub fn launcher_cache_dir(&self) -> PathBuf {
        self.build.join("launcher")
    }

    /// `build/clippy-workspace/`: the generated clippy workspace.
    pub fn clippy_workspace_dir(&self) -> PathBuf {
        self.build.join("clippy-workspace")
    }

    /// `build/clippy-target/`: cargo's target dir for clippy.
    pub fn clippy_target_dir(&self) -> PathBuf {
        self.build.join("clippy-target")
    }

    /// `build/clippy/`: built clippies, one dir per input fingerprint.
    pub fn clippy_cache_dir(&self) -> PathBuf {
        self.build.join("clippy")
    }

    /// `build/tests/no_core/`: compiled tests, one dir per backend.
    pub fn no_core_out_dir(&self) -> PathBuf {
        self.build.join("tests").join("no_core")
    }

    /// `tests/std/`: the std test programs.
    pub fn std_tests_dir(&self) -> PathBuf {
        self.repo.join("tests").join("std")
    }

    /// `build/tests/std/`: compiled std tests, one dir per side.
    pub fn std_out_dir(&self) -> PathBuf {
        self.build.join("tests").join("std")
    }

    /// `tests/cargo/`: the cargo workspace of the cargo suite.
    pub fn cargo_tests_dir(&self) -> PathBuf {
        self.repo.join("tests").join("cargo")
    }

    /// `build/tests/cargo/`: cargo's target dirs (one per side) and logs.
    pub fn cargo_out_dir(&self) -> PathBuf {
        self.build.join("tests").join("cargo")
    }

    /// `bench/`: the benchmark workspace of `bench`.
    pub fn bench_dir(&self) -> PathBuf {
        self.repo.join("bench")
    }

    /// `build/bench/`: the benchmarks' target dirs, logs and results.
    pub fn bench_out_dir(&self) -> PathBuf {
        self.build.join("bench")
    }

    /// `sysroot/Cargo.toml.in`: the template of the sysroot workspace.
    pub fn sysroot_template(&self) -> PathBuf {
        self.repo.join("sysroot").join("Cargo.toml.in")
    }

    /// `build/sysroot-workspace/`: the generated sysroot workspace.
    pub fn sysroot_workspace_dir(&self) -> PathBuf {
        self.build.join("sysroot-workspace")
    }

    /// `build/sysroot-target/<backend kind>/<triple>/`: cargo's target dir
    /// for the standard library.
    pub fn sysroot_target_dir(&self, backend_kind: &str, triple: &str) -> PathBuf {
        self.build
            .join("sysroot-target")
            .join(backend_kind)
            .join(triple)
    }

    /// `build/sysroot/`: built sysroots, one dir per input fingerprint.
    pub fn sysroot_cache_dir(&self) -> PathBuf {
        self.build.join("sysroot")
    }

    /// The default dist directory: `dist/` in the repository for the
    /// Cranelift toolchain, `build/dist-llvm/` for the LLVM developer mode
    /// (so that mode never replaces the real toolchain).
    pub fn default_dist_dir(&self, backend_kind: &str) -> PathBuf {
        match backend_kind {
            "clif" => self.repo.join("dist"),
            other => self.build.join(format!("dist-{other}")),
        }
    }
}

/// The nearest ancestor of `start` (or `start` itself) holding
/// `toolchain-builder/Cargo.toml`.
fn find_repo_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("toolchain-builder").join("Cargo.toml").is_file())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_root_is_found_from_a_subdirectory() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let repo = tmp.path().join("main");
        std::fs::create_dir_all(repo.join("toolchain-builder")).expect("mkdir");
        std::fs::write(repo.join("toolchain-builder/Cargo.toml"), "").expect("write");
        let deep = repo.join("tests/no_core");
        std::fs::create_dir_all(&deep).expect("mkdir");
        assert_eq!(find_repo_root(&deep), Some(repo.clone()));
        assert_eq!(find_repo_root(&repo), Some(repo));
        assert_eq!(find_repo_root(tmp.path()), None);
    }
}
