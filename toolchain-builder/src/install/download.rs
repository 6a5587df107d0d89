//! HTTP downloads (reqwest, blocking, rustls with ring: no OpenSSL and no
//! C build tools needed): small texts (the manifest, `.sha256` files) and
//! tarballs streamed to a file while hashed, under a progress bar. Every
//! failure names the URL and what went wrong: the HTTP status, a refused or
//! dropped connection, a body shorter than its Content-Length.

use std::io::{Read, Write};
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::fingerprint::{Hashing, Written};
use crate::progress::Step;

/// A manifest or checksum file is never this big.
const SMALL_LIMIT: u64 = 1 << 20;

/// A client for all requests of one run.
pub fn client() -> anyhow::Result<reqwest::blocking::Client> {
    // reqwest is built without a rustls crypto provider of its own; ring
    // needs neither cmake nor nasm. Err means one is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(30))
        .user_agent(concat!("toolchain-builder/", env!("CARGO_PKG_VERSION")))
        .build()
        .context("cannot set up the HTTP client")
}

/// A successful response to `GET url`.
fn get(
    client: &reqwest::blocking::Client,
    url: &str,
    timeout: Duration,
) -> anyhow::Result<reqwest::blocking::Response> {
    let response = client
        .get(url)
        .timeout(timeout)
        .send()
        .with_context(|| format!("cannot download {url}"))?;
    let status = response.status();
    if !status.is_success() {
        bail!("cannot download {url}: the server answered HTTP {status}");
    }
    Ok(response)
}

/// The whole body of `url` (at most [`SMALL_LIMIT`] bytes).
pub fn fetch_small(client: &reqwest::blocking::Client, url: &str) -> anyhow::Result<Vec<u8>> {
    let response = get(client, url, Duration::from_secs(60))?;
    let announced = response.content_length();
    let mut body = Vec::new();
    copy_body(response, url, &mut body, announced, None, SMALL_LIMIT)?;
    Ok(body)
}

/// Streams the body of `url` into `out`, hashing it; `expected_size` (from
/// the manifest) is checked against Content-Length and what arrived.
/// Returns the body's SHA-256 and size.
pub fn fetch_to(
    client: &reqwest::blocking::Client,
    url: &str,
    out: &mut impl Write,
    expected_size: Option<u64>,
) -> anyhow::Result<Written> {
    // Long enough for a few hundred MB on a slow line; a connection that
    // stalls longer is given up.
    let response = get(client, url, Duration::from_secs(3600))?;
    if let (Some(expected), Some(length)) = (expected_size, response.content_length()) {
        if expected != length {
            bail!(
                "cannot download {url}: the server announces {length} bytes, the manifest says \
                 {expected}"
            );
        }
    }
    let name = url.rsplit('/').next().unwrap_or(url);
    let step = Step::bytes(
        &format!("download {name}"),
        response.content_length().or(expected_size).unwrap_or(0),
    );
    let announced = response.content_length();
    let mut hashing = Hashing::new(out);
    copy_body(
        step.wrap_read(response),
        url,
        &mut hashing,
        announced,
        expected_size,
        u64::MAX,
    )?;
    let written = hashing.finish();
    step.finish(&format!("{} bytes", written.size));
    Ok(written)
}

/// Copies a response body, telling a dropped connection (or a body shorter
/// than its Content-Length, `announced`, which hyper reports as an error)
/// from a failed write.
fn copy_body(
    mut body: impl Read,
    url: &str,
    out: &mut impl Write,
    announced: Option<u64>,
    expected_size: Option<u64>,
    limit: u64,
) -> anyhow::Result<u64> {
    let of = announced.map_or_else(String::new, |n| format!(" of {n}"));
    let mut buf = vec![0; 64 << 10];
    let mut got = 0u64;
    loop {
        let n = match body.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => {
                return Err(anyhow::Error::new(err).context(format!(
                    "cannot download {url}: the transfer broke off after {got}{of} bytes"
                )))
            }
        };
        got += n as u64;
        if got > limit {
            bail!("cannot download {url}: more than {limit} bytes");
        }
        out.write_all(&buf[..n])
            .context("cannot write the downloaded data")?;
    }
    if let Some(expected) = expected_size.filter(|&e| e != got) {
        bail!("cannot download {url}: got {got} bytes, the manifest says {expected}");
    }
    Ok(got)
}
