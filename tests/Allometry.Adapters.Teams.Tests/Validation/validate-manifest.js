// Validates a Teams app manifest (argv[2]) and, when given, its localization files (argv[3..]) offline
// against the v1.24 schemas shipped in @microsoft/app-manifest, with ajv's draft-04 build (the
// schemas are draft-04; ajv-draft-04 is listed in package.json). Output (stdout):
// [{file, errors: ["<path> <message>", ...]}].
'use strict';
const fs = require('fs');
const path = require('path');

function findRepoRoot(start) {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'Allometry.Bot.sln'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Allometry.Bot.sln not found above ' + start);
    dir = parent;
  }
  return dir;
}

const modules = path.join(findRepoRoot(__dirname), 'node_modules');
const Ajv = require(path.join(modules, 'ajv-draft-04'));
const addFormats = require(path.join(modules, 'ajv-formats'));
const schemas = path.join(modules, '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', 'v1.24');

// strict: false — the published schemas use keywords draft-04 does not define (const, examples);
// unicodeRegExp: false — the localization schema has patterns ("…\\b]…") that are only valid without the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const manifestSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, 'MicrosoftTeams.schema.json'), 'utf8')));
const localizationSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, 'MicrosoftTeams.Localization.schema.json'), 'utf8')));

function check(file, validate) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const ok = validate(json);
  return { file: path.basename(file), errors: ok ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`) };
}

const [manifest, ...localizations] = process.argv.slice(2);
const results = [check(manifest, manifestSchema), ...localizations.map((f) => check(f, localizationSchema))];
process.stdout.write(JSON.stringify(results));
