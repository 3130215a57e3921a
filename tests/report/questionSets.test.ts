import { describe, expect, it } from 'vitest';
import { sharedAnswers, withSharedAnswers } from '../../src/core/cycles/sharedAnswers.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { reportOf } from '../support/report.ts';
import { loadShippedSets } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const sets = loadShippedSets();
const setOf = (id: string) => {
  const set = sets.find((s) => s.id === id);
  if (!set) throw new Error(`no set ${id}`);
  return set;
};

async function pdfText(name: Parameters<typeof fixtureAssessment>[0]) {
  return (await pdfPages(reportOf(fixtureAssessment(name)).pdf)).join('\n');
}

describe('the report follows the question set the assessment answers', () => {
  it('titles, sources and methodology of the network-side set, with nothing of Soft Cell', async () => {
    const pages = await pdfPages(reportOf(fixtureAssessment('network-side')).pdf);
    const text = pages.join('\n');
    expect(squash(pages[0] ?? '')).toContain(
      squash('Communications infrastructure hardening assessment'),
    );
    expect(squash(text)).toContain(
      squash(
        '61 questions in 8 domains (comms-hardening 1.0.0) are derived from the recommendations of "Enhanced Visibility and Hardening Guidance for Communications Infrastructure" (CISA, NSA, FBI, ASD\'s ACSC, CCCS and NCSC-NZ, 2024-12-03) and from recommendations Cellguard derived where the source implies a defence it does not recommend (D1).',
      ),
    );
    expect(squash(text)).toContain(squash("[CISA] CISA, NSA, FBI, ASD's ACSC, CCCS and NCSC-NZ"));
    expect(squash(text)).toContain(
      squash("Every recommendation of the source below is Cellguard's summary of it"),
    );
    expect(text).toMatch(/H21\* /);
    expect(squash(text)).toContain(
      squash(
        "The attack chain shows the 7 phases of Cellguard's model of an intrusion through the systems Communications infrastructure hardening assessment covers (its source defines no attack chain)",
      ),
    );
    // Its own recommendation is listed apart from the source's, so nobody cites it as CISA's.
    expect(squash(text)).toContain(squash("Cellguard's own recommendations, not the source's: D1"));
    for (const absent of ['Cybereason', 'GALLIUM', 'Soft Cell', 'call records'])
      expect(text, absent).not.toContain(absent);
  });

  it('keeps the Soft Cell report free of the other set', async () => {
    const text = await pdfText('soft-cell-victim');
    expect(squash(text)).toContain(squash('Operation Soft Cell exposure assessment'));
    expect(text).toContain('[CR] Cybereason Nocturnus');
    expect(text).not.toContain('CISA');
  });

  it('says a draft rests on answers taken from the other set, naming it and its cycle', async () => {
    const softCell = fixtureAssessment('soft-cell-victim');
    const network = { ...fixtureAssessment('network-side'), answers: {}, cycle: '2026-Q4' };
    const offers = sharedAnswers({ set: setOf('comms-hardening'), assessment: network }, [
      { set: setOf('softcell'), assessment: softCell },
    ]);
    expect(offers.length).toBeGreaterThan(3);
    const pages = await pdfPages(reportOf(withSharedAnswers(network, offers)).pdf);
    // Each such answer is flagged in the findings, with the set and cycle it came from.
    expect(squash(pages.join(' '))).toContain(squash('TAKEN FROM softcell 2026-Q3, UNCONFIRMED'));
    expect(squash(pages[0] ?? '')).toContain(
      squash(
        `DRAFT: ${offers.length} of 61 answers were taken from Operation Soft Cell exposure assessment, 2026-Q3 and not confirmed in this cycle; for them the score rests on the answers they were taken from.`,
      ),
    );
  });
});
