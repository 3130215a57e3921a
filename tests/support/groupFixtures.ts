import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeAssessmentFile } from '../../src/core/assessment/exportFile.ts';
import {
  assessmentFormat,
  currentFormatVersion,
  type Answer,
  type Assessment,
} from '../../src/core/assessment/model.ts';
import { controlQuestions } from '../../src/core/questionSet/coverage.ts';
import { visibleQuestionIds } from '../../src/core/scoring/visibility.ts';
import { loadShippedSet } from './shippedSet.ts';

/**
 * A group of operating companies for the group view's tests and bench: each answers the shipped
 * Soft Cell set in two cycles, 2026-Q3 and 2026-Q4, with a profile of its own, from strong to weak,
 * drawn from a seeded generator so that every run gets the same answers. Names are invented; one
 * is Arabic and one Hebrew, as a group's subsidiaries name themselves.
 */

const set = loadShippedSet();
const controls = controlQuestions(set);

export interface Subsidiary {
  organisation: string;
  scope: string;
  /** Roughly the share of the estate its controls cover in 2026-Q3, 0 to 1. */
  strength: number;
  /** How its answers move in 2026-Q4: up (better), down (worse) or hardly at all. */
  trend: 'better' | 'worse' | 'steady';
  /** It runs no web application on the internet: the web-tier questions are hidden for it. */
  noWebTier?: true;
}

/** The twelve named subsidiaries, strongest first. */
export const subsidiaries: readonly Subsidiary[] = [
  {
    organisation: 'Aurora Mobile AS',
    scope: 'Mobile core and IT',
    strength: 0.95,
    trend: 'steady',
  },
  {
    organisation: 'Baltic Wave Telecom',
    scope: 'Mobile core and IT',
    strength: 0.88,
    trend: 'better',
  },
  {
    organisation: 'Cordillera Móvil S.A.',
    scope: 'Mobile core and OSS/BSS',
    strength: 0.8,
    trend: 'worse',
  },
  { organisation: 'Danube Connect', scope: 'Mobile core and IT', strength: 0.72, trend: 'better' },
  {
    organisation: 'شبكة الواحة للاتصالات',
    scope: 'Mobile core and IT',
    strength: 0.65,
    trend: 'better',
  },
  {
    organisation: 'Equator Cellular',
    scope: 'Mobile core',
    strength: 0.58,
    trend: 'worse',
    noWebTier: true,
  },
  { organisation: 'רשת תקשורת הגליל', scope: 'Mobile core and IT', strength: 0.5, trend: 'better' },
  { organisation: 'Fjord Mobil', scope: 'Mobile core and IT', strength: 0.43, trend: 'steady' },
  {
    organisation: 'Highland Telecom',
    scope: 'Mobile core and OSS/BSS',
    strength: 0.35,
    trend: 'better',
  },
  { organisation: 'Isthmus Wireless', scope: 'Mobile core and IT', strength: 0.28, trend: 'worse' },
  {
    organisation: 'Jade Coast Mobile',
    scope: 'Mobile core and IT',
    strength: 0.2,
    trend: 'better',
  },
  {
    organisation: 'Kalahari Cellular',
    scope: 'Mobile core and IT',
    strength: 0.12,
    trend: 'better',
  },
];

/** The subsidiaries of a group of `count`: the twelve named ones, then numbered ones. */
export function subsidiariesOf(count: number): Subsidiary[] {
  return Array.from({ length: count }, (_, index) => {
    const named = subsidiaries[index];
    if (named) return named;
    const trends = ['better', 'worse', 'steady'] as const;
    return {
      organisation: `Operating company ${String(index + 1).padStart(2, '0')}`,
      scope: 'Mobile core and IT',
      // Spread from strong to weak, as the named ones are.
      strength: 0.95 - (0.85 * (index % 12)) / 11,
      trend: trends[index % 3] ?? 'steady',
    };
  });
}

/** mulberry32: a small seeded generator, so each member's answers are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** The 2026-Q3 answers: each shown control near the member's strength, some "Don't know" and N/A. */
function firstCycleAnswers(member: Subsidiary, random: () => number): Record<string, Answer> {
  const answers: Record<string, Answer> = {
    'EXP-01': { choice: member.noWebTier ? 'no' : 'yes' },
    'RAE-01': { choice: 'yes' },
  };
  const shown = visibleQuestionIds(set, answers);
  for (const question of controls) {
    if (!shown.has(question.id)) continue;
    const draw = random();
    if (draw < 0.06 * (1 - member.strength)) {
      answers[question.id] = { choice: 'unknown' };
      continue;
    }
    if (!question.critical && draw > 0.985) {
      answers[question.id] = {
        choice: 'na',
        naReason: 'Not run by this operating company: the group runs it for all.',
      };
      continue;
    }
    const target = clamp(member.strength + (random() - 0.5) * 0.6);
    const nearest = question.options.reduce((best, option) =>
      Math.abs((option.coverage ?? 0) - target) < Math.abs((best.coverage ?? 0) - target)
        ? option
        : best,
    );
    answers[question.id] = { choice: nearest.id };
  }
  return answers;
}

/** 2026-Q4: about a third of the answers move one option in the member's direction; a few stay unconfirmed. */
function secondCycleAnswers(
  member: Subsidiary,
  previous: Record<string, Answer>,
  random: () => number,
  leaveUnconfirmed: boolean,
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  const step = member.trend === 'better' ? 1 : member.trend === 'worse' ? -1 : 0;
  let unconfirmed = 0;
  for (const [id, answer] of Object.entries(previous)) {
    const question = controls.find((q) => q.id === id);
    const index = question?.options.findIndex((o) => o.id === answer.choice) ?? -1;
    const moved = question?.options[index + step];
    if (question && index >= 0 && moved && step !== 0 && random() < 0.35) {
      answers[id] = { choice: moved.id };
    } else if (question && leaveUnconfirmed && unconfirmed < 6 && random() < 0.2) {
      answers[id] = { ...answer, carriedOver: true };
      unconfirmed += 1;
    } else answers[id] = { ...answer };
  }
  return answers;
}

const stamp = (day: string, time: string) => `${day}T${time}:00.000Z`;

/**
 * Every subsidiary's two cycles, in member order, 2026-Q3 before 2026-Q4. Each member's answers
 * come from its own seed (its position), so adding members never changes the earlier ones.
 */
export function groupFixture(count = 12): Assessment[] {
  return subsidiariesOf(count).flatMap((member, index) => {
    const random = seeded(2026_0 + index * 7919);
    const day = String(1 + (index % 28)).padStart(2, '0');
    const base = {
      format: assessmentFormat,
      formatVersion: currentFormatVersion,
      questionSet: { id: set.id, version: set.version },
      organisation: member.organisation,
      scope: member.scope,
      assessor: `Security office of ${member.organisation}`,
    } as const;
    const third = firstCycleAnswers(member, random);
    const q3: Assessment = {
      ...base,
      cycle: '2026-Q3',
      createdAt: stamp(`2026-07-${day}`, '09:00'),
      updatedAt: stamp(`2026-09-${day}`, '16:30'),
      answers: third,
    };
    const q4: Assessment = {
      ...base,
      cycle: '2026-Q4',
      carriedFrom: '2026-Q3',
      createdAt: stamp(`2026-10-${day}`, '09:00'),
      updatedAt: stamp(`2026-12-${day}`, '16:30'),
      answers: secondCycleAnswers(member, third, random, index % 3 === 1),
    };
    return [q3, q4];
  });
}

/** The twelve subsidiaries' 24 assessments. */
export const twelveSubsidiaries = (): Assessment[] => groupFixture(12);

/** Assessments as the store holds them, each with an id, for groupDashboard. */
export const storedOf = (assessments: readonly Assessment[]) =>
  assessments.map((assessment, index) => ({ id: `fixture-${index + 1}`, assessment }));

/**
 * Writes each assessment as the app exports it (with its digest) into `folder`, one file per
 * member and cycle named subsidiary-01-2026-Q3.json and so on; returns the paths in order.
 */
export function writeGroupFixtureFiles(
  folder: string,
  assessments: readonly Assessment[] = twelveSubsidiaries(),
  exportedAt = new Date('2026-12-31T12:00:00Z'),
): string[] {
  mkdirSync(folder, { recursive: true });
  const numbers = new Map<string, number>();
  return assessments.map((assessment) => {
    const number = numbers.get(assessment.organisation) ?? numbers.size + 1;
    numbers.set(assessment.organisation, number);
    const path = join(
      folder,
      `subsidiary-${String(number).padStart(2, '0')}-${assessment.cycle}.json`,
    );
    writeFileSync(path, serializeAssessmentFile(assessment, exportedAt));
    return path;
  });
}
