//! Records the triple this binary is compiled for, which is the host the
//! toolchain is built on and the default `--target`.

fn main() {
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=TOOLCHAIN_BUILDER_HOST={target}");
    println!("cargo:rerun-if-changed=build.rs");
}
