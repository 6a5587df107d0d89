//! Writing and reading OCI image layout archives: one gzip layer made from
//! a root file system directory, its config (Env, Cmd, WorkingDir), the
//! manifest and `index.json`, all content-addressed by sha256 under
//! `blobs/sha256/`, in an uncompressed tar. The archive also has Docker's
//! `manifest.json`, as `docker save` writes since Docker 25, so that both
//! `podman load` (OCI) and older `docker load` (Docker's format) accept it.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::fingerprint::{sha256_file, sha256_of, to_hex, Hashing};
use crate::process::{describe, Shell};
use crate::progress::Step;

const MANIFEST_TYPE: &str = "application/vnd.oci.image.manifest.v1+json";
const CONFIG_TYPE: &str = "application/vnd.oci.image.config.v1+json";
const LAYER_TYPE: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
const INDEX_TYPE: &str = "application/vnd.oci.image.index.v1+json";

/// What the image runs with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RunConfig {
    /// `NAME=value` entries.
    pub env: Vec<String>,
    pub cmd: Vec<String>,
    pub working_dir: String,
}

/// The image config (the OCI image spec's `config.json`).
#[derive(Debug, Serialize, Deserialize)]
pub struct ImageConfig {
    pub architecture: String,
    pub os: String,
    pub config: RunConfig,
    pub rootfs: RootFs,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RootFs {
    #[serde(rename = "type")]
    pub kind: String,
    /// sha256 digests of the uncompressed layers.
    pub diff_ids: Vec<String>,
}

/// A content descriptor.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    pub media_type: String,
    pub digest: String,
    pub size: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    schema_version: u32,
    media_type: String,
    config: Descriptor,
    layers: Vec<Descriptor>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Index {
    schema_version: u32,
    media_type: String,
    manifests: Vec<Descriptor>,
}

/// Docker's `manifest.json` entry.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct DockerManifest {
    config: String,
    repo_tags: Vec<String>,
    layers: Vec<String>,
}

/// A blob written to a file, with its digest.
struct Blob {
    path: PathBuf,
    descriptor: Descriptor,
}

/// Writes the image of the root file system `root` as an OCI archive at
/// `out` (through a temporary file next to it). `tag` is `name:tag`;
/// `mtime` is every file's modification time in the layer, so that the
/// same root gives the same archive.
pub fn write_archive(
    root: &Path,
    architecture: &str,
    run: &RunConfig,
    tag: &str,
    mtime: u64,
    out: &Path,
    shell: Shell,
) -> anyhow::Result<()> {
    let work = tempfile::tempdir_in(out.parent().unwrap_or(Path::new(".")))
        .context("cannot create a temporary directory for the image")?;
    let (layer, diff_id) = write_layer(root, mtime, work.path(), shell)?;
    let config = ImageConfig {
        architecture: architecture.to_owned(),
        os: "linux".to_owned(),
        config: run.clone(),
        rootfs: RootFs {
            kind: "layers".to_owned(),
            diff_ids: vec![diff_id],
        },
    };
    let config = json_blob(work.path(), CONFIG_TYPE, &config)?;
    let manifest = Manifest {
        schema_version: 2,
        media_type: MANIFEST_TYPE.to_owned(),
        config: config.descriptor.clone(),
        layers: vec![layer.descriptor.clone()],
    };
    let mut manifest = json_blob(work.path(), MANIFEST_TYPE, &manifest)?;
    let (_, reference) = tag.rsplit_once(':').unwrap_or((tag, "latest"));
    manifest.descriptor.annotations = Some(
        [
            ("io.containerd.image.name", tag),
            ("org.opencontainers.image.ref.name", reference),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    );
    let index = Index {
        schema_version: 2,
        media_type: INDEX_TYPE.to_owned(),
        manifests: vec![manifest.descriptor.clone()],
    };
    let docker = [DockerManifest {
        config: blob_name(&config.descriptor),
        repo_tags: vec![tag.to_owned()],
        layers: vec![blob_name(&layer.descriptor)],
    }];

    let partial = work.path().join("image.tar");
    let mut archive = tar::Builder::new(BufWriter::new(File::create(&partial)?));
    let small = |archive: &mut tar::Builder<_>, name: &str, bytes: &[u8]| {
        append(archive, name, bytes.len() as u64, mtime, bytes)
    };
    small(
        &mut archive,
        "oci-layout",
        br#"{"imageLayoutVersion":"1.0.0"}"#,
    )?;
    small(&mut archive, "index.json", &serde_json::to_vec(&index)?)?;
    small(&mut archive, "manifest.json", &serde_json::to_vec(&docker)?)?;
    for blob in [&config, &manifest, &layer] {
        let file = File::open(&blob.path)?;
        append(
            &mut archive,
            &blob_name(&blob.descriptor),
            blob.descriptor.size,
            mtime,
            BufReader::new(file),
        )?;
    }
    archive.into_inner()?.flush()?;
    std::fs::rename(&partial, out)
        .with_context(|| format!("cannot move the image to {}", out.display()))?;
    Ok(())
}

/// `blobs/sha256/<hex>` for a descriptor.
fn blob_name(descriptor: &Descriptor) -> String {
    format!(
        "blobs/sha256/{}",
        descriptor.digest.trim_start_matches("sha256:")
    )
}

fn append(
    archive: &mut tar::Builder<impl Write>,
    name: &str,
    size: u64,
    mtime: u64,
    data: impl Read,
) -> io::Result<()> {
    let mut header = tar::Header::new_ustar();
    header.set_size(size);
    header.set_mode(0o644);
    header.set_mtime(mtime);
    header.set_entry_type(tar::EntryType::Regular);
    archive.append_data(&mut header, name, data)
}

/// A JSON blob in `dir`.
fn json_blob(dir: &Path, media_type: &str, value: &impl Serialize) -> anyhow::Result<Blob> {
    let bytes = serde_json::to_vec(value)?;
    let digest = format!("sha256:{}", to_hex(&Sha256::digest(&bytes)));
    let path = dir.join(digest.trim_start_matches("sha256:"));
    std::fs::write(&path, &bytes)?;
    Ok(Blob {
        path,
        descriptor: Descriptor {
            media_type: media_type.to_owned(),
            digest,
            size: bytes.len() as u64,
            annotations: None,
        },
    })
}

/// The gzip layer of `root` in `dir`, and its diff id (the digest of the
/// uncompressed tar). GNU tar writes the tar: the root has device nodes,
/// hard links and owners that it keeps as they are.
fn write_layer(
    root: &Path,
    mtime: u64,
    dir: &Path,
    shell: Shell,
) -> anyhow::Result<(Blob, String)> {
    let mut cmd = Command::new("tar");
    cmd.arg("--create")
        .arg("--file=-")
        .arg(format!("--directory={}", root.display()))
        .args(["--sort=name", "--numeric-owner", "--format=gnu"])
        .arg(format!("--mtime=@{mtime}"))
        .arg(".")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    shell.echo(&cmd);
    let step = Step::spinner("image: writing the layer (tar, gzip)");
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot run `{}`", describe(&cmd)))?;
    let path = dir.join("layer.tar.gz");
    let file = Hashing::new(BufWriter::new(File::create(&path)?));
    let mut gzip = flate2::GzBuilder::new()
        .mtime(0)
        .write(file, flate2::Compression::default());
    let mut diff = Sha256::new();
    let mut stdout = child.stdout.take().context("tar has no stdout")?;
    let mut buf = vec![0; 1 << 20];
    loop {
        let n = stdout.read(&mut buf)?;
        if n == 0 {
            break;
        }
        diff.update(&buf[..n]);
        gzip.write_all(&buf[..n])?;
    }
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr)?;
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("`{}` failed ({status}):\n{stderr}", describe(&cmd));
    }
    let mut file = gzip.finish()?;
    file.flush()?;
    let written = file.finish();
    step.finish(&format!("{} MB compressed", written.size >> 20));
    let blob = Blob {
        path,
        descriptor: Descriptor {
            media_type: LAYER_TYPE.to_owned(),
            digest: format!("sha256:{}", written.sha256),
            size: written.size,
            annotations: None,
        },
    };
    Ok((blob, format!("sha256:{}", to_hex(&diff.finalize()))))
}

/// An OCI archive read back: its config and its layers (in order), each
/// checked against its digest.
#[derive(Debug)]
pub struct Loaded {
    pub config: ImageConfig,
    /// The layers, as gzip files unpacked from the archive into a directory.
    pub layers: Vec<PathBuf>,
}

/// Reads the OCI archive `archive` (as `docker load` would: `index.json`,
/// the manifest, the config, the layers), unpacking its blobs into `dir`
/// and checking every digest and size.
pub fn load(archive: &Path, dir: &Path) -> anyhow::Result<Loaded> {
    let file = File::open(archive).with_context(|| format!("cannot open {}", archive.display()))?;
    tar::Archive::new(BufReader::new(file))
        .unpack(dir)
        .with_context(|| format!("cannot unpack {}", archive.display()))?;
    read_layout(dir).with_context(|| format!("{} is not a valid image", archive.display()))
}

/// [`load`] of an unpacked archive in `dir`.
fn read_layout(dir: &Path) -> anyhow::Result<Loaded> {
    let layout: serde_json::Value = read_json(&dir.join("oci-layout"))?;
    if layout["imageLayoutVersion"] != "1.0.0" {
        bail!("not an OCI image layout (oci-layout)");
    }
    let index: Index = read_json(&dir.join("index.json"))?;
    let [manifest] = &index.manifests[..] else {
        bail!("index.json has {} manifests, not 1", index.manifests.len());
    };
    let manifest: Manifest = serde_json::from_slice(&verified_blob(dir, manifest)?)?;
    let config: ImageConfig = serde_json::from_slice(&verified_blob(dir, &manifest.config)?)?;
    if manifest.layers.len() != config.rootfs.diff_ids.len() {
        bail!("the manifest's layers and the config's diff_ids differ in number");
    }
    let mut layers = Vec::new();
    for (layer, diff_id) in manifest.layers.iter().zip(&config.rootfs.diff_ids) {
        // Hashed as a stream: a layer is hundreds of megabytes.
        let path = dir.join(blob_name(layer));
        let size = std::fs::metadata(&path)
            .with_context(|| format!("the archive has no {}", path.display()))?
            .len();
        check_blob(layer, &sha256_file(&path, None)?, size)?;
        let gunzip = flate2::read::GzDecoder::new(BufReader::new(File::open(&path)?));
        let actual = format!("sha256:{}", sha256_of(gunzip)?);
        if &actual != diff_id {
            bail!(
                "layer {}: uncompressed digest {actual}, config says {diff_id}",
                layer.digest
            );
        }
        layers.push(path);
    }
    Ok(Loaded { config, layers })
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<T> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("{} is not valid", path.display()))
}

/// The bytes of the (small, JSON) blob `descriptor` names, checked.
fn verified_blob(dir: &Path, descriptor: &Descriptor) -> anyhow::Result<Vec<u8>> {
    let path = dir.join(blob_name(descriptor));
    let bytes =
        std::fs::read(&path).with_context(|| format!("the archive has no {}", path.display()))?;
    check_blob(
        descriptor,
        &to_hex(&Sha256::digest(&bytes)),
        bytes.len() as u64,
    )?;
    Ok(bytes)
}

/// Fails unless a blob's SHA-256 (hex) and size are those `descriptor`
/// gives.
fn check_blob(descriptor: &Descriptor, sha256: &str, size: u64) -> anyhow::Result<()> {
    let actual = format!("sha256:{sha256}");
    if actual != descriptor.digest || size != descriptor.size {
        bail!(
            "blob {}: digest {actual} and size {size}, expected {} and {}",
            blob_name(descriptor),
            descriptor.digest,
            descriptor.size
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_loads_back_with_its_config_and_layer() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("root");
        std::fs::create_dir_all(root.join("etc")).expect("mkdir");
        std::fs::write(root.join("etc/hostname"), "clif\n").expect("write");
        let run = RunConfig {
            env: vec!["PATH=/usr/bin:/bin".into()],
            cmd: vec!["/bin/bash".into()],
            working_dir: "/src".into(),
        };
        let out = tmp.path().join("image.tar");
        let shell = Shell { verbose: false };
        write_archive(&root, "amd64", &run, "clif-toolchain:dev", 0, &out, shell).expect("write");
        let first = std::fs::read(&out).expect("read");
        write_archive(&root, "amd64", &run, "clif-toolchain:dev", 0, &out, shell)
            .expect("write again");
        assert_eq!(first, std::fs::read(&out).expect("read"), "reproducible");

        let loaded = load(&out, &tmp.path().join("loaded")).expect("load");
        assert_eq!(loaded.config.config, run);
        assert_eq!(loaded.config.architecture, "amd64");
        assert_eq!(loaded.layers.len(), 1);
        let unpacked = tmp.path().join("unpacked");
        std::fs::create_dir_all(&unpacked).expect("mkdir");
        let gz = flate2::read::GzDecoder::new(File::open(&loaded.layers[0]).expect("open"));
        tar::Archive::new(gz).unpack(&unpacked).expect("unpack");
        assert_eq!(
            std::fs::read_to_string(unpacked.join("etc/hostname")).expect("read"),
            "clif\n"
        );
        let docker: serde_json::Value =
            read_json(&tmp.path().join("loaded/manifest.json")).expect("manifest.json");
        assert_eq!(docker[0]["RepoTags"][0], "clif-toolchain:dev");
    }

    #[test]
    fn a_corrupt_blob_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("root");
        std::fs::create_dir_all(&root).expect("mkdir");
        std::fs::write(root.join("file"), "x").expect("write");
        let run = RunConfig {
            env: Vec::new(),
            cmd: Vec::new(),
            working_dir: "/".into(),
        };
        let out = tmp.path().join("image.tar");
        write_archive(
            &root,
            "amd64",
            &run,
            "t:1",
            0,
            &out,
            Shell { verbose: false },
        )
        .expect("write");
        let dir = tmp.path().join("loaded");
        load(&out, &dir).expect("intact");
        // Corrupt the config blob in the unpacked copy and load from the
        // directory's own files again.
        let index: Index = read_json(&dir.join("index.json")).expect("index");
        let manifest: Manifest =
            serde_json::from_slice(&verified_blob(&dir, &index.manifests[0]).expect("manifest"))
                .expect("parse");
        std::fs::write(dir.join(blob_name(&manifest.config)), b"{}").expect("corrupt");
        let err = verified_blob(&dir, &manifest.config).expect_err("corrupt");
        assert!(err.to_string().contains("expected sha256:"), "{err}");
        // A layer one byte longer.
        load(&out, &dir).expect("intact again");
        let layer = dir.join(blob_name(&manifest.layers[0]));
        let mut bytes = std::fs::read(&layer).expect("read");
        bytes.push(0);
        std::fs::write(&layer, bytes).expect("corrupt");
        let err = read_layout(&dir).expect_err("corrupt layer");
        assert!(err.to_string().contains("expected sha256:"), "{err}");
    }
}
