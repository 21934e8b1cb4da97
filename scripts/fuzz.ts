/**
 * `npm run fuzz`: the property tests' properties (`test/support/postProperties.ts`) for a long
 * time: posts from the grammar and mutated corpus posts, robustness and fix safety.
 *
 *     npm run fuzz                                  # a million cases, or an hour, whichever first
 *     npm run fuzz -- --runs 20000 --minutes 5      # a shorter run
 *     npm run fuzz -- --only 2 --seed 42 --path 17:3:0   # replay a failure it printed
 *     npm run fuzz -- --only 3 --runs 50000         # one property alone: all the runs and minutes
 *
 * The cases are shared among the four properties (robustness 45% each for generated and mutated
 * posts, fix safety 5% each: it re-lints once per fix). It stops at the first failure, shrunk,
 * and exits with 1; otherwise prints how many cases passed and exits with 0.
 */
import fc from 'fast-check';
import { corpusCases } from '../test/support/corpusCases';
import { generatedPost, mutatedPost, type PostCase } from '../test/support/postArbitraries';
import { checkFixes, checkRobust } from '../test/support/postProperties';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

const runs = option('runs', 1_000_000);
const minutes = option('minutes', 60);
const seed = process.argv.includes('--seed') ? option('seed', 0) : Date.now() ^ (Math.random() * 0x7fffffff);
const only = process.argv.includes('--only') ? option('only', 0) : undefined;
const pathIndex = process.argv.indexOf('--path');
const path = pathIndex >= 0 ? process.argv[pathIndex + 1] : undefined;

const corpus = corpusCases();
if (!corpus.length) console.log('fuzz: the corpus (../shared/corpus) is absent; mutated posts are left out');
const properties: [string, number, fc.IProperty<[PostCase]>][] = [
  ['generated posts: robust', 0.45, fc.property(generatedPost, checkRobust)],
  ['generated posts: fixes safe', 0.05, fc.property(generatedPost, checkFixes)],
  ...(corpus.length
    ? ([
        ['mutated corpus posts: robust', 0.45, fc.property(mutatedPost(corpus), checkRobust)],
        ['mutated corpus posts: fixes safe', 0.05, fc.property(mutatedPost(corpus), checkFixes)],
      ] as [string, number, fc.IProperty<[PostCase]>][])
    : []),
];
// With --only, the one property gets all the cases and all the time asked for (a replay, or the
// rest of a run that stopped at a failure in that property).
const shares = properties.reduce(
  (sum, [, share], index) => (only === undefined || index === only ? sum + share : sum),
  0,
);

const deadline = Date.now() + minutes * 60_000;
let total = 0;
let failed = false;
const started = Date.now();
for (const [index, [name, share, property]] of properties.entries()) {
  // A replay path belongs to one property.
  if (only !== undefined && index !== only) continue;
  const numRuns = Math.max(1, Math.round((runs * share) / shares));
  const left = deadline - Date.now();
  if (left <= 0) break;
  // Each property gets its share of the time too, so that a time limit still runs them all.
  const timeLimit = Math.max(1_000, Math.round((left * share) / shares));
  const result = fc.check(property, {
    numRuns,
    seed,
    path,
    interruptAfterTimeLimit: timeLimit,
    markInterruptAsFailure: false,
  });
  total += result.numRuns;
  console.log(
    `fuzz: ${name}: ${result.numRuns} cases${result.interrupted ? ' (time share used up)' : ''}${result.failed ? ': FAILED' : ''}`,
  );
  if (result.failed) {
    failed = true;
    console.log(fc.defaultReportMessage(result));
    console.log(`replay: npm run fuzz -- --only ${index} --seed ${result.seed} --path ${result.counterexamplePath}`);
    break;
  }
}
console.log(
  `fuzz: ${total} passed, ${failed ? 1 : 0} failed in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed})`,
);
process.exitCode = failed ? 1 : 0;
