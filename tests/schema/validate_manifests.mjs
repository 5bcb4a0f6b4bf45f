// Checks docs/manifest.schema.json (JSON Schema draft-07, as yaml-language-server reads
// it) against roster's own manifests:
//   - every manifests/**/*.yaml, valid fixture and tests/schema/valid/*.yaml passes it;
//   - every tests/schema/invalid/*.yaml fails it, with the error its `# expect:` line names;
//   - every tests/schema/roster_only/*.yaml passes it: these break rules only roster can
//     check (duplicates, merged defaults, transfer targets, protected members).
// With `--roster PATH`, `roster validate` must agree: exit 0 on the valid files, 1 on
// the others, so that the schema never drifts from the loader.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

let Ajv;
let YAML;
try {
  Ajv = (await import("ajv")).default;
  YAML = await import("yaml");
} catch (error) {
  console.error(
    `schema test: cannot load the npm packages ajv and yaml (${error.code ?? error.message}).\n` +
      `Install them with "npm ci" in tests/schema (scripts/test does this when ` +
      `tests/schema/node_modules is missing).`,
  );
  process.exit(1);
}

// The fixtures shared with the C++ tests: each must be classified here, so that a new
// fixture is not silently left out.
const k_fixtures = {
  "in_sync.yaml": { kind: "valid" },
  "in_sync_pending.yaml": { kind: "valid" },
  "typo.yaml": { kind: "invalid", expect: "/members/1 additionalProperties" },
  "no_version.yaml": { kind: "invalid", expect: " required" },
  "empty.yaml": { kind: "invalid", expect: " type" },
  "duplicate.yaml": { kind: "roster_only" },
  "bad_lifecycle.yaml": { kind: "invalid", expect: "/defaults/remove/after_suspended_days maximum" },
  "malformed.yaml": { kind: "not_yaml" },
};

function yamlFilesUnder(dir, recursive) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (recursive) out.push(...yamlFilesUnder(path, true));
    } else if (name.endsWith(".yaml")) {
      out.push(path);
    }
  }
  return out;
}

function compileSchema() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  // Annotations that yaml-language-server shows instead of its generic messages.
  ajv.addKeyword({ keyword: "errorMessage", schemaType: "string" });
  ajv.addKeyword({ keyword: "patternErrorMessage", schemaType: "string" });
  const schema = JSON.parse(readFileSync(join(root, "docs", "manifest.schema.json"), "utf8"));
  return ajv.compile(schema);
}

function parseYaml(path) {
  const doc = YAML.parseDocument(readFileSync(path, "utf8"));
  if (doc.errors.length > 0) return { error: doc.errors[0].message };
  return { value: doc.toJS() };
}

// `# expect: /members/0/state enum` → the instance path and keyword of one schema error.
function expectationOf(path) {
  const match = readFileSync(path, "utf8").match(/^# expect: (\S*) (\S+)$/m);
  return match ? `${match[1]} ${match[2]}` : undefined;
}

function describeErrors(errors) {
  return (errors ?? []).map((e) => `    ${e.instancePath || "(top)"} ${e.keyword}: ${e.message}`);
}

function rosterAgrees(roster, path, shouldPass) {
  const run = spawnSync(roster, ["validate", "-f", path], { encoding: "utf8" });
  if (run.error) return `cannot run ${roster}: ${run.error.message}`;
  const expected = shouldPass ? 0 : 1;
  if (run.status === expected) return undefined;
  return `roster validate exited ${run.status}, expected ${expected}\n${run.stdout}${run.stderr}`;
}

function main(argv) {
  const rosterAt = argv.indexOf("--roster");
  const roster = rosterAt >= 0 ? argv[rosterAt + 1] : undefined;
  const validate = compileSchema();
  const cases = [];
  for (const path of yamlFilesUnder(join(root, "manifests"), true)) cases.push({ path, kind: "valid" });
  const fixtures = join(root, "tests", "fixtures", "manifests");
  for (const path of yamlFilesUnder(fixtures, false)) {
    const known = k_fixtures[basename(path)];
    cases.push(known ? { path, ...known } : { path, kind: "unclassified" });
  }
  for (const kind of ["valid", "invalid", "roster_only"]) {
    for (const path of yamlFilesUnder(join(here, kind), false)) {
      cases.push({ path, kind, expect: kind === "invalid" ? expectationOf(path) : undefined });
    }
  }

  const failures = [];
  const counts = { valid: 0, invalid: 0, roster_only: 0 };
  for (const c of cases) {
    const name = relative(root, c.path);
    if (c.kind === "unclassified") {
      failures.push(`${name}: new fixture: classify it in tests/schema/validate_manifests.mjs`);
      continue;
    }
    if (c.kind === "not_yaml") continue;
    const parsed = parseYaml(c.path);
    if (parsed.error) {
      failures.push(`${name}: not YAML: ${parsed.error}`);
      continue;
    }
    const passes = validate(parsed.value);
    const errors = validate.errors;
    if (c.kind === "invalid") {
      if (!c.expect) {
        failures.push(`${name}: no "# expect: PATH KEYWORD" line`);
      } else if (passes) {
        failures.push(`${name}: passes the schema, expected ${c.expect}`);
      } else if (!errors.some((e) => `${e.instancePath} ${e.keyword}` === c.expect)) {
        failures.push(`${name}: fails, but not with ${c.expect}:\n${describeErrors(errors).join("\n")}`);
      }
    } else if (!passes) {
      failures.push(`${name}: fails the schema:\n${describeErrors(errors).join("\n")}`);
    }
    if (roster) {
      const disagreement = rosterAgrees(roster, c.path, c.kind === "valid");
      if (disagreement) failures.push(`${name}: ${disagreement}`);
    }
    counts[c.kind] += 1;
  }

  if (failures.length > 0) {
    console.error(failures.join("\n"));
    console.error(`schema test: ${failures.length} problem(s)`);
    return 1;
  }
  console.log(
    `schema test: ${counts.valid} valid, ${counts.invalid} invalid and ` +
      `${counts.roster_only} roster-only manifests as expected` +
      (roster ? " (roster validate agrees)" : ""),
  );
  return 0;
}

process.exit(main(process.argv.slice(2)));
