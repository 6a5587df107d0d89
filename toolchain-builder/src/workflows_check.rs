//! Checks of the files that run the builder where no test can run them:
//! the GitHub workflows (`.github/workflows/*.yml`) and the container image
//! (`docker/Dockerfile`).
//!
//! - Every workflow parses as YAML and has the structure GitHub requires
//!   (`on`, `jobs`; each job `runs-on` with `steps` and `timeout-minutes`,
//!   or `uses`; each step `run` or `uses`).
//! - Every `run:` line that invokes the builder (`cargo run ... -p
//!   toolchain-builder -- ARGS`, `toolchain-builder ARGS` or
//!   `.../toolchain-builder ARGS`) is parsed by [`Cli`], once per
//!   combination of its job's matrix with `${{ matrix.KEY }}` replaced by
//!   the combination's value, so that a renamed command or option fails
//!   here rather than on GitHub.
//! - The cross-target matrix of ci.yml is the set of cross targets of
//!   `targets/*.toml`.
//! - The Dockerfile sets `CARGO_TARGET_<T>_LINKER` and `_RUNNER` for every
//!   cross target to the linker and runner its toml file gives, and takes
//!   the targets' packages from them (`tools/setup.sh --targets-only`).
//!
//! actionlint (`tools/check-workflows.sh`, run by `.ci/run`) checks the
//! workflows against GitHub's own rules (expressions, contexts, action
//! inputs); these tests check them against this repository.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Parser as _;
use yaml_rust2::{Yaml, YamlLoader};

use crate::cli::Cli;
use crate::targets::Targets;

/// One value per matrix key.
type Combination = BTreeMap<String, String>;

/// A builder invocation found in a workflow.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Invocation {
    /// `file: job `name`, step N` and the matrix combination.
    location: String,
    /// The arguments after the program name.
    args: Vec<String>,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The workflow files, sorted.
fn workflow_files() -> Vec<PathBuf> {
    let dir = repo().join(".github/workflows");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "yml" || ext == "yaml")
        })
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Yaml {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    let mut docs = YamlLoader::load_from_str(&text)
        .unwrap_or_else(|err| panic!("{} is not valid YAML: {err}", path.display()));
    assert_eq!(docs.len(), 1, "{}: one YAML document", path.display());
    docs.remove(0)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A scalar as the string GitHub substitutes for it.
fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        Yaml::Null => Some(String::new()),
        _ => None,
    }
}

/// The structure problems of one workflow.
fn structure_problems(name: &str, workflow: &Yaml) -> Vec<String> {
    let mut problems = Vec::new();
    if workflow["on"].is_badvalue() {
        problems.push(format!("{name}: no `on`"));
    }
    let Some(jobs) = workflow["jobs"].as_hash().filter(|jobs| !jobs.is_empty()) else {
        problems.push(format!("{name}: no `jobs`"));
        return problems;
    };
    for (id, job) in jobs {
        let id = scalar(id).unwrap_or_default();
        let at = format!("{name}: job `{id}`");
        match (job["runs-on"].is_badvalue(), job["uses"].is_badvalue()) {
            (false, false) => problems.push(format!("{at}: both `runs-on` and `uses`")),
            (true, true) => problems.push(format!("{at}: neither `runs-on` nor `uses`")),
            (true, false) => {
                if !job["steps"].is_badvalue() {
                    problems.push(format!("{at}: a called workflow has no `steps`"));
                }
            }
            (false, true) => {
                if job["timeout-minutes"].is_badvalue() {
                    problems.push(format!("{at}: no `timeout-minutes`"));
                }
                let Some(steps) = job["steps"].as_vec().filter(|steps| !steps.is_empty()) else {
                    problems.push(format!("{at}: no `steps`"));
                    continue;
                };
                for (n, step) in steps.iter().enumerate() {
                    let run = step["run"].as_str().is_some();
                    let uses = step["uses"].as_str().is_some();
                    if run == uses {
                        problems.push(format!(
                            "{at}, step {}: needs exactly one of `run` and `uses`",
                            n + 1
                        ));
                    }
                }
            }
        }
    }
    problems
}

/// The combinations of a job's `strategy.matrix` (one empty combination
/// without a matrix). `include` entries extend the combinations they match
/// and are added when they match none, as on GitHub; `exclude` removes.
fn matrix_combinations(job: &Yaml) -> Result<Vec<Combination>, String> {
    let matrix = &job["strategy"]["matrix"];
    if matrix.is_badvalue() {
        return Ok(vec![Combination::new()]);
    }
    let Some(matrix) = matrix.as_hash() else {
        return Err("`strategy.matrix` is not a mapping (an expression?)".to_owned());
    };
    let entry = |value: &Yaml| -> Result<Combination, String> {
        value
            .as_hash()
            .ok_or("an include/exclude entry is not a mapping")?
            .iter()
            .map(|(key, value)| match (scalar(key), scalar(value)) {
                (Some(key), Some(value)) => Ok((key, value)),
                _ => Err(format!("include/exclude entry {key:?}: not a scalar")),
            })
            .collect()
    };
    let mut combinations = vec![Combination::new()];
    let mut base_keys = Vec::new();
    for (key, values) in matrix {
        let key = scalar(key).unwrap_or_default();
        if key == "include" || key == "exclude" {
            continue;
        }
        let values = values
            .as_vec()
            .ok_or_else(|| format!("matrix key `{key}` is not a list"))?
            .iter()
            .map(|value| scalar(value).ok_or_else(|| format!("matrix key `{key}`: not a scalar")))
            .collect::<Result<Vec<_>, _>>()?;
        combinations = combinations
            .iter()
            .flat_map(|combination| {
                values.iter().map(|value| {
                    let mut combination = combination.clone();
                    combination.insert(key.clone(), value.clone());
                    combination
                })
            })
            .collect();
        base_keys.push(key);
    }
    if base_keys.is_empty() {
        combinations.clear();
    }
    let matches = |combination: &Combination, entry: &Combination| {
        entry
            .iter()
            .filter(|(key, _)| base_keys.contains(key))
            .all(|(key, value)| combination.get(key) == Some(value))
    };
    for excluded in matrix
        .get(&Yaml::String("exclude".to_owned()))
        .and_then(Yaml::as_vec)
        .into_iter()
        .flatten()
    {
        let excluded = entry(excluded)?;
        combinations.retain(|combination| !matches(combination, &excluded));
    }
    for included in matrix
        .get(&Yaml::String("include".to_owned()))
        .and_then(Yaml::as_vec)
        .into_iter()
        .flatten()
    {
        let included = entry(included)?;
        let mut matched = false;
        for combination in &mut combinations {
            if !base_keys.is_empty() && matches(combination, &included) {
                combination.extend(included.clone());
                matched = true;
            }
        }
        if !matched {
            combinations.push(included);
        }
    }
    Ok(combinations)
}

/// `text` with every `${{ matrix.KEY }}` of `combination` replaced.
fn substitute(text: &str, combination: &Combination) -> String {
    let mut text = text.to_owned();
    for (key, value) in combination {
        for pattern in [
            format!("${{{{ matrix.{key} }}}}"),
            format!("${{{{matrix.{key}}}}}"),
        ] {
            text = text.replace(&pattern, value);
        }
    }
    text
}

/// The builder invocations in a shell script: for each command (words
/// between `&&`, `||`, `;`, `|`, after `VAR=value` assignments), the
/// arguments of `cargo run ... -p toolchain-builder -- ARGS`,
/// `toolchain-builder ARGS` or `PATH/toolchain-builder ARGS`. Backslash
/// line continuations are joined; comment lines are skipped.
fn builder_invocations(script: &str) -> Result<Vec<Vec<String>>, String> {
    let joined = script.replace("\\\n", " ");
    let mut found = Vec::new();
    for line in joined.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || !line.contains("toolchain-builder") {
            continue;
        }
        let words = shlex::split(line).ok_or_else(|| format!("cannot split `{line}`"))?;
        // `a; b` splits into `a;` and `b`: the `;` ends a command too.
        let words: Vec<String> = words
            .into_iter()
            .flat_map(|word| match word.strip_suffix(';') {
                Some(word) if !word.is_empty() => vec![word.to_owned(), ";".to_owned()],
                _ => vec![word],
            })
            .collect();
        for command in words.split(|word| matches!(word.as_str(), "&&" | "||" | ";" | "|")) {
            let command: Vec<&str> = command
                .iter()
                .map(String::as_str)
                .skip_while(|word| is_assignment(word))
                .collect();
            match command.as_slice() {
                ["cargo", "run", rest @ ..] => {
                    let Some(dashes) = rest.iter().position(|word| *word == "--") else {
                        continue;
                    };
                    let options = &rest[..dashes];
                    let package = options
                        .windows(2)
                        .any(|pair| matches!(pair, ["-p" | "--package", "toolchain-builder"]))
                        || options.contains(&"--package=toolchain-builder")
                        || options.contains(&"-ptoolchain-builder");
                    if package {
                        found.push(rest[dashes + 1..].iter().map(|s| s.to_string()).collect());
                    }
                }
                [program, args @ ..]
                    if *program == "toolchain-builder"
                        || program.ends_with("/toolchain-builder") =>
                {
                    found.push(args.iter().map(|s| s.to_string()).collect());
                }
                _ => {}
            }
        }
    }
    Ok(found)
}

fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// Every builder invocation of every workflow, and the problems found while
/// collecting them.
fn all_invocations() -> (Vec<Invocation>, Vec<String>) {
    let mut invocations = Vec::new();
    let mut problems = Vec::new();
    for path in workflow_files() {
        let name = file_name(&path);
        let workflow = load(&path);
        let Some(jobs) = workflow["jobs"].as_hash() else {
            continue;
        };
        for (id, job) in jobs {
            let id = scalar(id).unwrap_or_default();
            let combinations = match matrix_combinations(job) {
                Ok(combinations) => combinations,
                Err(err) => {
                    problems.push(format!("{name}: job `{id}`: {err}"));
                    continue;
                }
            };
            for (n, step) in job["steps"].as_vec().into_iter().flatten().enumerate() {
                let Some(script) = step["run"].as_str() else {
                    continue;
                };
                for combination in &combinations {
                    let script = substitute(script, combination);
                    let location = if combination.is_empty() {
                        format!("{name}: job `{id}`, step {}", n + 1)
                    } else {
                        format!("{name}: job `{id}` {combination:?}, step {}", n + 1)
                    };
                    match builder_invocations(&script) {
                        Ok(found) => invocations.extend(found.into_iter().map(|args| Invocation {
                            location: location.clone(),
                            args,
                        })),
                        Err(err) => problems.push(format!("{location}: {err}")),
                    }
                }
            }
        }
    }
    (invocations, problems)
}

/// Why `args` is not a valid builder command line, if it is not.
fn cli_error(args: &[String]) -> Option<String> {
    if let Some(arg) = args.iter().find(|arg| arg.contains("${{")) {
        return Some(format!("unsubstituted expression in `{arg}`"));
    }
    let argv = std::iter::once("toolchain-builder").chain(args.iter().map(String::as_str));
    match Cli::try_parse_from(argv) {
        Ok(_) => None,
        Err(err) => Some(err.to_string().lines().next().unwrap_or("").to_owned()),
    }
}

#[test]
fn workflows_have_the_required_structure() {
    let files = workflow_files();
    let names: Vec<String> = files.iter().map(|path| file_name(path)).collect();
    for expected in ["ci.yml", "toolchains.yml", "dev-release.yml"] {
        assert!(names.iter().any(|name| name == expected), "{names:?}");
    }
    let problems: Vec<String> = files
        .iter()
        .flat_map(|path| structure_problems(&file_name(path), &load(path)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `package` and `install` commands are being added on another branch;
/// until it is merged, the lines that use `package` fail here (and only
/// those).
#[test]
fn workflow_builder_invocations_parse_with_the_cli() {
    let (invocations, mut problems) = all_invocations();
    assert!(
        invocations.len() >= 8,
        "too few builder invocations found: {invocations:#?}"
    );
    for invocation in &invocations {
        if let Some(err) = cli_error(&invocation.args) {
            problems.push(format!(
                "{}: `toolchain-builder {}`: {err}",
                invocation.location,
                invocation.args.join(" ")
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn ci_cross_matrix_is_the_cross_targets() {
    let targets = Targets::load(&repo().join("targets")).expect("targets load");
    let expected: Vec<String> = targets
        .cross()
        .iter()
        .map(|target| target.triple.clone())
        .collect();
    let ci = load(&repo().join(".github/workflows/ci.yml"));
    let combinations = matrix_combinations(&ci["jobs"]["cross"]).expect("matrix");
    let mut matrix: Vec<String> = combinations
        .iter()
        .map(|combination| combination["target"].clone())
        .collect();
    matrix.sort();
    assert_eq!(matrix, expected);
    // Each combination runs the ladder for its target.
    let (invocations, _) = all_invocations();
    for triple in &expected {
        assert!(
            invocations
                .iter()
                .any(|invocation| invocation.args == ["test", "--target", triple.as_str()]),
            "no `test --target {triple}` in the workflows"
        );
    }
}

/// The variables the Dockerfile's `ENV` instructions set.
fn dockerfile_env(text: &str) -> BTreeMap<String, String> {
    let joined = text.replace("\\\n", " ");
    let mut env = BTreeMap::new();
    for line in joined.lines() {
        let Some(rest) = line.trim().strip_prefix("ENV ") else {
            continue;
        };
        let words = shlex::split(rest).unwrap_or_else(|| panic!("cannot split `{line}`"));
        for word in words {
            let (key, value) = word
                .split_once('=')
                .unwrap_or_else(|| panic!("`ENV {rest}`: use the KEY=VALUE form"));
            env.insert(key.to_owned(), value.to_owned());
        }
    }
    env
}

#[test]
fn dockerfile_matches_targets() {
    let text = std::fs::read_to_string(repo().join("docker/Dockerfile")).expect("Dockerfile");
    let env = dockerfile_env(&text);
    let targets = Targets::load(&repo().join("targets")).expect("targets load");
    let cross = targets.cross();
    assert!(!cross.is_empty());
    for target in &cross {
        let linker = target.cargo_env("LINKER");
        assert_eq!(env.get(&linker), Some(&target.linker), "{linker}");
        let runner = target.cargo_env("RUNNER");
        assert_eq!(
            env.get(&runner),
            target.runner.cargo_runner().as_ref(),
            "{runner}"
        );
    }
    // No variables for targets that are gone.
    for key in env.keys().filter(|key| key.starts_with("CARGO_TARGET_")) {
        assert!(
            cross.iter().any(|target| {
                *key == target.cargo_env("LINKER") || *key == target.cargo_env("RUNNER")
            }),
            "{key} is set for no target of targets/"
        );
    }
    // The packages come from targets/*.toml.
    assert!(text.contains("tools/setup.sh --targets-only"));
    assert!(text.contains("COPY targets/"));
}

#[test]
fn invocations_are_found_in_shell_lines() {
    let script = "tools/setup.sh && cargo run --release -p toolchain-builder -- build\n\
                  # cargo run --release -p toolchain-builder -- commented\n\
                  CLIF_TEST_BACKEND=llvm cargo run --release -p toolchain-builder -- test \\\n  --suite std\n\
                  target/release/toolchain-builder -v lint; toolchain-builder fuzz --seeds 0..4\n\
                  cargo run -p other -- build\n\
                  echo toolchain-builder\n";
    let found = builder_invocations(script).expect("splits");
    assert_eq!(
        found,
        [
            vec!["build"],
            vec!["test", "--suite", "std"],
            vec!["-v", "lint"],
            vec!["fuzz", "--seeds", "0..4"],
        ]
    );
    assert!(cli_error(&["test".into(), "--suite".into(), "std".into()]).is_none());
    assert!(cli_error(&["tset".into()]).is_some());
    assert!(cli_error(&["test".into(), "--target".into(), "${{ matrix.x }}".into()]).is_some());
}

#[test]
fn matrices_expand_and_substitute() {
    let job = &YamlLoader::load_from_str(
        "strategy:\n  matrix:\n    target: [a, b]\n    opt: [0, 1]\n    \
         exclude:\n      - { target: b, opt: 1 }\n    \
         include:\n      - { target: a, extra: x }\n      - { target: c, opt: 2 }\n",
    )
    .expect("yaml")[0];
    let combinations = matrix_combinations(job).expect("matrix");
    let rendered: Vec<String> = combinations
        .iter()
        .map(|c| {
            substitute(
                "${{ matrix.target }}/${{matrix.opt}}/${{ matrix.extra }}",
                c,
            )
        })
        .collect();
    assert_eq!(
        rendered,
        [
            "a/0/x",
            "a/1/x",
            "b/0/${{ matrix.extra }}",
            "c/2/${{ matrix.extra }}"
        ]
    );
    let include_only = &YamlLoader::load_from_str(
        "strategy:\n  matrix:\n    include:\n      - { host: h1, os: o1 }\n      - { host: h2, os: o2 }\n",
    )
    .expect("yaml")[0];
    assert_eq!(matrix_combinations(include_only).expect("matrix").len(), 2);
    assert_eq!(
        matrix_combinations(&YamlLoader::load_from_str("steps: []").expect("yaml")[0])
            .expect("matrix"),
        [Combination::new()]
    );
    // YAML 1.2: `on` is a key, not a boolean.
    let workflow = &YamlLoader::load_from_str("on: push\njobs: {}\n").expect("yaml")[0];
    assert_eq!(workflow["on"].as_str(), Some("push"));
}
