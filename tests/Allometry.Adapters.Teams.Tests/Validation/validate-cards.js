// Validates Adaptive Cards with the official renderer package (adaptivecards): parse with a 1.5
// serialization context, then validateProperties(). Input: a JSON file [{name, card}] (argv[2]).
// Output (stdout): [{name, errors: [..], warnings: [..]}]. Teams chart elements (Chart.*) are
// unknown to the renderer: they are warnings when they carry a fallback, errors when not.
// Also checks the Teams rules the renderer cannot know: version 1.5, every Action.Execute has an
// Action.Submit fallback, refresh is an Action.Execute with at most 60 userIds.
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

const root = findRepoRoot(__dirname);
// The package's "main" is an ES module build with extension-less imports; the UMD bundle loads in Node without a DOM.
const AC = require(path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const eventName = (e) => AC.ValidationEvent[e] || String(e);
const warningEvents = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function walk(node, visit, where) {
  if (Array.isArray(node)) { node.forEach((n, i) => walk(n, visit, `${where}[${i}]`)); return; }
  if (node && typeof node === 'object') {
    visit(node, where);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${where}.${k}`);
  }
}

function teamsChecks(card, errors) {
  if (card.type !== 'AdaptiveCard') errors.push('teams: root type is not AdaptiveCard');
  if (card.version !== '1.5') errors.push(`teams: version is ${card.version}, Universal Actions need "1.5"`);
  const charts = new Set();
  walk(card, (o, where) => {
    if (o.type === 'Action.Execute' && where !== '$.refresh.action') {
      if (!o.fallback || o.fallback.type !== 'Action.Submit') errors.push(`teams: ${where} Action.Execute without an Action.Submit fallback`);
      if (typeof o.verb !== 'string' || o.verb.length === 0) errors.push(`teams: ${where} Action.Execute without a verb`);
    }
    if (typeof o.type === 'string' && o.type.startsWith('Chart.')) {
      charts.add(o.type);
      if (!o.fallback) errors.push(`teams: ${where} ${o.type} has no fallback for hosts without charts`);
    }
  }, '$');
  if (card.refresh) {
    if (!card.refresh.action || card.refresh.action.type !== 'Action.Execute') errors.push('teams: refresh.action is not an Action.Execute');
    if ((card.refresh.userIds || []).length > 60) errors.push('teams: refresh.userIds has more than 60 users');
  }
  return charts;
}

function validate(name, card) {
  const errors = [];
  const warnings = [];
  const charts = teamsChecks(card, errors);
  // The official 1.5 schema has no "msteams" property: strip it before the renderer sees the card.
  const json = JSON.parse(JSON.stringify(card));
  delete json.msteams;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    const chart = /^Unknown element type "(Chart\.[A-Za-z.]+)"/.exec(e.message);
    if (e.event === AC.ValidationEvent.UnknownElementType && chart && charts.has(chart[1])) {
      warnings.push(`parse: ${e.message} (Teams chart element; hosts without it show the fallback)`);
    } else {
      errors.push(`parse ${eventName(e.event)}: ${e.message}`);
    }
  }
  for (const e of parsed.validateProperties().validationEvents) {
    (warningEvents.has(e.event) ? warnings : errors).push(`validate ${eventName(e.event)}: ${e.message}`);
  }
  return { name, errors, warnings };
}

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
process.stdout.write(JSON.stringify(input.map((x) => validate(x.name, x.card))));
