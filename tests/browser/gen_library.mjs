// Writes a synthetic BibTeX library large enough to draw a 2,000-node, 20,000-link map:
// works in a dozen topics over 30 years, each citing about fifteen earlier works (litrev's own
// `cites` field), mostly of its topic and preferring the already well cited. Seeded: the same
// file every run.
//   node gen_library.mjs OUT.bib [WORKS]
import { writeFileSync } from 'node:fs';

const [out, worksArg] = process.argv.slice(2);
const works = Number(worksArg || 3200);
let seed = 20240611;
const random = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const topics = [
  ['algorithmic', 'accountability', 'audit', 'transparency'],
  ['institutional', 'isomorphism', 'legitimacy', 'organizations'],
  ['certification', 'labels', 'standards', 'compliance'],
  ['fairness', 'discrimination', 'bias', 'machine learning'],
  ['corporate', 'responsibility', 'sustainability', 'reporting'],
  ['public', 'action', 'policy', 'instruments'],
  ['ethics', 'principles', 'guidelines', 'governance'],
  ['valuation', 'markets', 'economic sociology', 'prices'],
  ['quantification', 'indicators', 'rankings', 'commensuration'],
  ['platforms', 'data', 'surveillance', 'capitalism'],
  ['regulation', 'european', 'law', 'risk'],
  ['expertise', 'science', 'technology', 'studies'],
];
const families = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Müller',
  'Schmidt', 'Rossi', 'Russo', 'Kowalski', 'Nowak', 'Jensen', 'Hansen', 'Tanaka', 'Suzuki', 'Chen', 'Wang', 'Li',
  'Kim', 'Park', 'Silva', 'Santos', 'Costa', 'García', 'López', 'Fernández', 'Novák', 'Horváth', 'Nagy'];
const given = ['Anne', 'Marc', 'Julie', 'Paul', 'Claire', 'Luc', 'Sophie', 'Jean', 'Maria', 'David', 'Laura', 'Peter'];

const entries = [];
const citations = new Array(works).fill(0);
for (let i = 0; i < works; i++) {
  const topic = Math.floor(random() * topics.length);
  const year = 1995 + Math.floor(30 * Math.sqrt(i / works));
  const words = topics[topic];
  const title = `${pick(words)} and ${pick(words)}: ${pick(words)} of ${pick(words)} in ${pick(topics[(topic + 1) % topics.length])} (${i})`;
  const authors = Array.from({ length: 1 + Math.floor(random() * 3) }, () => `${pick(families)}, ${pick(given)}`).join(' and ');
  const cited = new Set();
  if (i > 20) {
    for (let k = 0; k < 15; k++) {
      // Same topic 85% of the time; preferential attachment by rejection sampling.
      for (let tries = 0; tries < 30; tries++) {
        const j = Math.floor(random() * i);
        if (entries[j].topic !== topic && random() < 0.85) continue;
        if (random() > (citations[j] + 1) / 12) continue;
        cited.add(j);
        break;
      }
    }
  }
  for (const j of cited) citations[j]++;
  entries.push({ topic, year, title, authors, cited: Array.from(cited) });
}
const bib = entries.map((e, i) => `@article{w${i},
  author = {${e.authors}},
  title = {${e.title.charAt(0).toUpperCase() + e.title.slice(1)}},
  journal = {Journal of ${topics[e.topic][0]} studies},
  year = {${e.year}},
  doi = {10.5555/synthetic.${i}},
  keywords = {${topics[e.topic].join(', ')}},${e.cited.length ? `\n  cites = {${e.cited.map((j) => 'w' + j).join(', ')}},` : ''}
}
`).join('\n');
writeFileSync(out, bib);
console.log(`${works} works written to ${out}`);
