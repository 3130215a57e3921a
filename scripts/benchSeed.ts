// The bench's stored assessments: what an operator group holds after years of quarterly cycles,
// built on the shipped question set and checked against the file contract, so that the browser
// figures are taken with the amount and kind of data the app really keeps.
import { assessmentFormat, currentFormatVersion } from '../src/core/assessment/model.ts';
import type { Answer, Assessment } from '../src/core/assessment/model.ts';
import { parseAssessmentValue } from '../src/core/assessment/parseFile.ts';
import type { QuestionSet } from '../src/core/questionSet/schema.ts';
import { membersOf } from '../src/core/group/members.ts';
import type { Group } from '../src/core/group/model.ts';
import { groupFixture } from '../tests/support/groupFixtures.ts';

/** A deterministic pseudo-random generator, so that every run measures the same data. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const subsidiaries = [
  'Northwind Mobile Kenya',
  'Northwind Mobile Tanzania',
  'Northwind Telecom Egypt',
  'Northwind Mobile Pakistan',
  'Northwind Telecom Malaysia',
  'Northwind Mobile Philippines',
  'Northwind Telecom Kazakhstan',
  'Northwind Mobile Ghana',
];
const quarters = Array.from(
  { length: 20 },
  (_, i) => `${2022 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
);
const assessors = ['Amina Odhiambo', 'Rahul Mehta', 'Sofia Lindqvist', 'Tariq Aziz'];
const owners = [
  'Head of Network Security',
  'NOC operations lead',
  'IAM team (J. Wanjiru)',
  'SOC manager',
  'Core network engineering',
  'OSS/BSS platform owner',
  'Windows infrastructure lead',
  'CISO office',
];
const sentences = [
  'Confirmed in the workshop with the core network and security operations teams.',
  'The answer covers the production estate; the lab and the disaster-recovery site were not reviewed this cycle.',
  'Two legacy OSS hosts are still outside the scope of the tooling and are tracked as an exception.',
  'The vendor managed service for the roaming platform reports monthly; its last report was checked.',
  'Evidence was sampled on ten hosts chosen by the assessor rather than by the owning team.',
  'The change was rolled out in the last quarter and is still being verified in the secondary data centre.',
  'Budget for the remaining work is approved; procurement is under way.',
  'The team disagreed on whether the jump hosts count; we took the stricter reading.',
  'Alerts go to the 24/7 SOC queue; response times were checked against the runbook.',
  'This depends on the asset inventory, which is known to miss some billing mediation servers.',
  'The control exists on paper but the last review found it had been switched off for a migration.',
  'A penetration test in the spring confirmed the finding and the fix was re-tested.',
];
const evidenceKinds = [
  'Configuration export reviewed with the platform owner',
  'Screenshots of the console and the alert rule, stored in the audit share',
  'Ticket export from the ITSM tool',
  'Report of the external penetration test',
  'Sampled logs from the SIEM for the last 30 days',
  'Signed policy and the last quarterly review minutes',
];

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const day = (date: Date) => date.toISOString().slice(0, 10);

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function note(title: string, random: () => number): string {
  const count = 1 + Math.floor(random() * 4);
  return [`${title}:`, ...Array.from({ length: count }, () => pick(sentences, random))].join(' ');
}

/**
 * One cycle's answers: every question answered, options drifting towards the better ones as the
 * cycles go by, "Don't know" and "Not applicable" now and then, notes of a few sentences on most
 * answers, and evidence, owners and due dates on many controls.
 */
function answersFor(
  set: QuestionSet,
  quarter: number,
  created: Date,
  random: () => number,
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  const maturity = quarter / (quarters.length - 1);
  for (const question of set.questions) {
    if (question.kind === 'scope') {
      // The first option ("yes") keeps every dependent question in the assessment.
      answers[question.id] = { choice: question.options[0]?.id ?? 'unknown' };
      continue;
    }
    const roll = random();
    const answer: Answer = {};
    if (roll < 0.05) answer.choice = 'unknown';
    else if (roll < 0.08) {
      answer.choice = 'na';
      answer.note = note(question.title, random);
      if (question.critical) {
        answer.compensatingControl = pick(sentences, random);
        answer.riskAcceptedBy = 'Chief Technology Officer';
      }
    } else {
      const position = Math.min(0.99, Math.max(0, 0.15 + 0.6 * maturity + (random() - 0.5) * 0.7));
      answer.choice =
        question.options[Math.floor(position * question.options.length)]?.id ?? 'unknown';
    }
    if (answer.note === undefined && random() < 0.6) answer.note = note(question.title, random);
    if (random() < 0.45) {
      answer.evidence = `${pick(evidenceKinds, random)}. ${pick(sentences, random)}`;
      answer.evidenceDate = day(addDays(created, -Math.floor(random() * 400)));
    }
    if (random() < 0.5) {
      answer.owner = pick(owners, random);
      answer.due = day(addDays(created, 30 + Math.floor(random() * 240)));
    }
    // The cycle in progress still has answers carried over from the last one, not yet confirmed.
    if (quarter === quarters.length - 1 && random() < 0.15) answer.carriedOver = true;
    answers[question.id] = answer;
  }
  return answers;
}

export interface BenchSeed {
  /** The legacy localStorage text (`cellguard:assessments`) that holds every assessment. */
  storageText: string;
  count: number;
  /** The assessment the bench opens: the latest cycle of the first subsidiary. */
  targetId: string;
  assessments: Assessment[];
}

/**
 * The `count` most recent of 8 subsidiaries × 20 quarterly cycles (160 in all), newest first, so
 * that the opened assessment has earlier cycles behind it from 50 upwards. Throws if any of them
 * breaks the file contract: the app would refuse it, and the bench would measure something else.
 */
export function benchSeed(set: QuestionSet, count: number): BenchSeed {
  const all = quarters
    .flatMap((cycle, quarter) => subsidiaries.map((_, s) => ({ cycle, quarter, s })))
    .sort((a, b) => b.quarter - a.quarter || a.s - b.s);
  if (count > all.length) throw new Error(`at most ${all.length} assessments`);
  const entries = all.slice(0, count).map(({ cycle, quarter, s }, index) => {
    const random = seeded(1000 * quarter + s);
    const [year = 2022, q = 1] = cycle.split('-Q').map(Number);
    const created = addDays(new Date(Date.UTC(year, (q - 1) * 3, 3, 9)), s);
    const previous = quarters[quarter - 1];
    const assessment: Assessment = {
      format: assessmentFormat,
      formatVersion: currentFormatVersion,
      questionSet: { id: set.id, version: set.version },
      organisation: subsidiaries[s] ?? 'Northwind',
      scope: 'Mobile core, OSS/BSS and roaming',
      cycle,
      assessor: pick(assessors, random),
      ...(previous ? { carriedFrom: previous } : {}),
      createdAt: created.toISOString(),
      updatedAt: addDays(created, 12 + Math.floor(random() * 40)).toISOString(),
      answers: answersFor(set, quarter, created, random),
    };
    const checked = parseAssessmentValue(assessment, set);
    if (!checked.ok || checked.value.migrated.length > 0) {
      throw new Error(
        `bench assessment ${cycle} of ${assessment.organisation} is not valid: ${JSON.stringify(checked)}`,
      );
    }
    return { id: `bench-${String(index).padStart(3, '0')}`, assessment };
  });
  const state = {
    state: {
      assessments: Object.fromEntries(
        entries.map(({ id, assessment }) => [
          id,
          { id, assessment, position: { view: 'step', domainId: 'EXP' } },
        ]),
      ),
      settings: { staleEvidenceDays: 365 },
    },
    version: 3,
  };
  return {
    storageText: JSON.stringify(state),
    count,
    targetId: entries[0]?.id ?? 'bench-000',
    assessments: entries.map((entry) => entry.assessment),
  };
}

/** A group of operating companies stored beside its members' assessments (issue 21). */
export interface GroupBenchSeed extends BenchSeed {
  /** The group as the app keeps it in the database's `groups` store. */
  group: Group;
}

/**
 * The group view's data: `members` subsidiaries of the group fixture, two cycles each (2026-Q3
 * and 2026-Q4, distinct profiles from strong to weak), and a group of all of them. The same
 * fixtures as the group tests, so that the bench measures the dashboard the tests check.
 */
export function groupBenchSeed(members: number): GroupBenchSeed {
  const assessments = groupFixture(members);
  const entries = assessments.map((assessment, index) => ({
    id: `group-${String(index).padStart(3, '0')}`,
    assessment,
  }));
  const state = {
    state: {
      assessments: Object.fromEntries(
        entries.map(({ id, assessment }) => [
          id,
          { id, assessment, position: { view: 'results' } },
        ]),
      ),
      settings: { staleEvidenceDays: 365 },
    },
    version: 3,
  };
  const at = new Date().toISOString();
  return {
    storageText: JSON.stringify(state),
    count: entries.length,
    targetId: entries[0]?.id ?? 'group-000',
    assessments,
    group: {
      // Twelve hexadecimal digits, as the app's ids: "000000000040" for the group of 40.
      id: String(members).padStart(12, '0'),
      name: `Bench group of ${members}`,
      setId: assessments[0]?.questionSet.id ?? 'softcell',
      members: membersOf(assessments),
      staleAfterDays: 180,
      createdAt: at,
      updatedAt: at,
    },
  };
}
