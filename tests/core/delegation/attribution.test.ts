import { describe, expect, it } from 'vitest';
import {
  attributionLine,
  attributionOf,
  historyAfterChoice,
  historyWith,
  leadOf,
  withHistory,
  type Actor,
} from '../../../src/core/delegation/attribution.ts';
import { maxHistoryEntries } from '../../../src/core/delegation/fields.ts';
import type { HistoryEntry } from '../../../src/core/delegation/schema.ts';
import { formatDate } from '../../../src/core/format.ts';

const lead: Actor = { name: 'J. Smith', role: 'lead', via: 'lead' };
const ana: Actor = { name: 'Ana Ruiz', role: 'network operations', via: 'questionnaire' };
const start = new Date('2026-03-12T09:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('leadOf', () => {
  it('names the assessor as the lead, or "the lead" when nobody is named', () => {
    expect(leadOf({ assessor: '  J. Smith ' })).toEqual({
      name: 'J. Smith',
      role: 'lead',
      via: 'lead',
    });
    expect(leadOf({ assessor: '   ' }).name).toBe('the lead');
    expect(leadOf({}).name).toBe('the lead');
  });
});

describe('historyAfterChoice', () => {
  it('records a first answer with who, when, how and what, and no "from"', () => {
    expect(historyAfterChoice([], undefined, 'some', lead, start)).toEqual([
      {
        at: start.toISOString(),
        event: 'answered',
        by: 'J. Smith',
        role: 'lead',
        via: 'lead',
        to: 'some',
      },
    ]);
  });

  it('records a change from one choice to another, and a cleared choice without "to"', () => {
    const earlier = historyAfterChoice([], undefined, 'some', lead, start);
    const changed = historyAfterChoice(earlier, 'some', 'most', ana, minutes(60));
    expect(changed).toHaveLength(2);
    expect(changed[1]).toMatchObject({
      by: 'Ana Ruiz',
      via: 'questionnaire',
      from: 'some',
      to: 'most',
    });
    const cleared = historyAfterChoice(changed, 'most', undefined, lead, minutes(120));
    expect(cleared[2]).toMatchObject({ event: 'answered', from: 'most' });
    expect(cleared[2]).not.toHaveProperty('to');
  });

  it('leaves the history as it is when the choice did not change, without sharing the array', () => {
    const history = historyAfterChoice([], undefined, 'some', lead, start);
    const same = historyAfterChoice(history, 'some', 'some', lead, minutes(1));
    expect(same).toEqual(history);
    expect(same).not.toBe(history);
  });

  it('makes one entry of quick changes by the same person: from the first choice to the last, at the last time', () => {
    let history: HistoryEntry[] = historyAfterChoice([], 'none', 'some', lead, start);
    history = historyAfterChoice(history, 'some', 'most', lead, minutes(2));
    history = historyAfterChoice(history, 'most', 'all', lead, minutes(9));
    expect(history).toEqual([
      {
        at: minutes(9).toISOString(),
        event: 'answered',
        by: 'J. Smith',
        role: 'lead',
        via: 'lead',
        from: 'none',
        to: 'all',
      },
    ]);
  });

  it('drops the entry when a quick change brings the choice back to where it started', () => {
    const earlier = historyAfterChoice([], undefined, 'none', lead, start);
    const slip = historyAfterChoice(earlier, 'none', 'some', lead, minutes(30));
    expect(slip).toHaveLength(2);
    expect(historyAfterChoice(slip, 'some', 'none', lead, minutes(31))).toEqual(earlier);
    // A first answer taken back at once leaves no trace at all.
    const tried = historyAfterChoice([], undefined, 'some', lead, start);
    expect(historyAfterChoice(tried, 'some', undefined, lead, minutes(1))).toEqual([]);
  });

  it('keeps separate entries for another person, another route, or a change after ten minutes', () => {
    const first = historyAfterChoice([], undefined, 'some', lead, start);
    expect(historyAfterChoice(first, 'some', 'most', ana, minutes(1))).toHaveLength(2);
    expect(
      historyAfterChoice(first, 'some', 'most', { ...lead, via: 'other-set' }, minutes(1)),
    ).toHaveLength(2);
    expect(historyAfterChoice(first, 'some', 'most', lead, minutes(10))).toHaveLength(2);
    expect(historyAfterChoice(first, 'some', 'most', lead, minutes(9.9))).toHaveLength(1);
    // A confirmation in between ends the decision: the next change is a new one.
    const confirmed = historyWith(first, 'confirmed', lead, minutes(1));
    expect(historyAfterChoice(confirmed, 'some', 'most', lead, minutes(2))).toHaveLength(3);
  });

  it(`keeps only the latest ${maxHistoryEntries} entries, however often the answer moves`, () => {
    const choices = ['none', 'some', 'most', 'all'];
    let history: HistoryEntry[] = [];
    for (let i = 0; i < maxHistoryEntries + 5; i++)
      history = historyAfterChoice(
        history,
        choices[i % 4],
        choices[(i + 1) % 4],
        lead,
        minutes(i * 11),
      );
    expect(history).toHaveLength(maxHistoryEntries);
    // The five oldest are gone; the newest is last.
    expect(history[0]?.at).toBe(minutes(5 * 11).toISOString());
    expect(history.at(-1)?.at).toBe(minutes((maxHistoryEntries + 4) * 11).toISOString());
    const full = historyWith(history, 'confirmed', lead, minutes(1000));
    expect(full).toHaveLength(maxHistoryEntries);
    expect(full.at(-1)?.event).toBe('confirmed');
  });
});

describe('historyWith and withHistory', () => {
  it('appends a confirmation, a merge or a note without a choice, and leaves the input alone', () => {
    const history = historyAfterChoice([], undefined, 'some', ana, start);
    const merged = historyWith(history, 'merged', lead, minutes(5));
    expect(history).toHaveLength(1);
    expect(merged[1]).toEqual({
      at: minutes(5).toISOString(),
      event: 'merged',
      by: 'J. Smith',
      role: 'lead',
      via: 'lead',
    });
    expect(
      historyWith([], 'note', { name: 'Ben', via: 'questionnaire' }, start)[0],
    ).not.toHaveProperty('role');
  });

  it("sets an answer's history and leaves the field out when the history is empty", () => {
    const history = historyAfterChoice([], undefined, 'some', lead, start);
    expect(withHistory({ choice: 'some' }, history)).toEqual({ choice: 'some', history });
    expect(withHistory({ choice: 'some', history }, [])).toEqual({ choice: 'some' });
  });
});

describe('the attribution line', () => {
  const answeredByAna = historyAfterChoice(
    [],
    undefined,
    'most',
    ana,
    new Date('2026-03-12T14:00:00Z'),
  );
  const mergedByLead = historyWith(answeredByAna, 'merged', lead, new Date('2026-03-14T10:00:00Z'));

  it('says who answered via questionnaire and who merged it, with their roles and dates', () => {
    expect(attributionLine({ history: mergedByLead }, formatDate)).toBe(
      'answered by Ana Ruiz (network operations) via questionnaire, 12 Mar 2026; merged by J. Smith (lead), 14 Mar 2026',
    );
    expect(attributionOf({ history: mergedByLead })).toEqual({
      answered: {
        by: 'Ana Ruiz (network operations)',
        via: 'questionnaire',
        at: '2026-03-12T14:00:00.000Z',
      },
      merged: { by: 'J. Smith (lead)', via: 'lead', at: '2026-03-14T10:00:00.000Z' },
    });
  });

  it('says "merged by" for a merge, never "confirmed by": a merge verifies nothing', () => {
    const line = attributionLine({ history: mergedByLead }, formatDate) ?? '';
    expect(line).not.toContain('confirmed');
    // A merge without an answer since (the lead's answer kept, a note appended): merged alone.
    const mergedOnly = historyWith([], 'merged', lead, new Date('2026-03-14T10:00:00Z'));
    expect(attributionLine({ history: mergedOnly }, formatDate)).toBe(
      'merged by J. Smith (lead), 14 Mar 2026',
    );
  });

  it('says who confirmed an answer returned unchanged via questionnaire, then who merged it', () => {
    const carried = historyAfterChoice(
      [],
      undefined,
      'most',
      lead,
      new Date('2026-01-05T10:00:00Z'),
    );
    const returnedUnchanged = historyWith(
      historyWith(carried, 'confirmed', ana, new Date('2026-03-12T14:00:00Z')),
      'merged',
      lead,
      new Date('2026-03-14T10:00:00Z'),
    );
    expect(attributionLine({ history: returnedUnchanged }, formatDate)).toBe(
      'answered by J. Smith (lead), 5 Jan 2026; confirmed by Ana Ruiz (network operations) via questionnaire, 12 Mar 2026; merged by J. Smith (lead), 14 Mar 2026',
    );
    expect(attributionOf({ history: returnedUnchanged })).toEqual({
      answered: { by: 'J. Smith (lead)', via: 'lead', at: '2026-01-05T10:00:00.000Z' },
      confirmed: {
        by: 'Ana Ruiz (network operations)',
        via: 'questionnaire',
        at: '2026-03-12T14:00:00.000Z',
      },
      merged: { by: 'J. Smith (lead)', via: 'lead', at: '2026-03-14T10:00:00.000Z' },
    });
  });

  it('names the latest confirmation and the latest merge since the choice was given, and none given before it', () => {
    const confirmedTwice = historyWith(
      historyWith(mergedByLead, 'confirmed', lead, new Date('2026-03-20T10:00:00Z')),
      'confirmed',
      { name: 'A. Chief', via: 'lead' },
      new Date('2026-04-01T10:00:00Z'),
    );
    expect(attributionLine({ history: confirmedTwice }, formatDate)).toBe(
      'answered by Ana Ruiz (network operations) via questionnaire, 12 Mar 2026; confirmed by A. Chief, 1 Apr 2026; merged by J. Smith (lead), 14 Mar 2026',
    );
    const mergedAgain = historyWith(
      mergedByLead,
      'merged',
      { name: 'A. Chief', via: 'lead' },
      new Date('2026-04-02T10:00:00Z'),
    );
    expect(attributionLine({ history: mergedAgain }, formatDate)).toBe(
      'answered by Ana Ruiz (network operations) via questionnaire, 12 Mar 2026; merged by A. Chief, 2 Apr 2026',
    );
    const changedSince = historyAfterChoice(
      confirmedTwice,
      'most',
      'all',
      lead,
      new Date('2026-05-01T10:00:00Z'),
    );
    expect(attributionLine({ history: changedSince }, formatDate)).toBe(
      'answered by J. Smith (lead), 1 May 2026',
    );
    expect(attributionOf({ history: changedSince })).toEqual({
      answered: { by: 'J. Smith (lead)', via: 'lead', at: '2026-05-01T10:00:00.000Z' },
    });
  });

  it('says only who confirmed an answer given before Cellguard kept a history', () => {
    const confirmed = historyWith([], 'confirmed', lead, new Date('2026-03-14T10:00:00Z'));
    expect(attributionLine({ history: confirmed }, formatDate)).toBe(
      'confirmed by J. Smith (lead), 14 Mar 2026',
    );
  });

  it('is absent for an answer without a history, or no answer', () => {
    expect(attributionLine({}, formatDate)).toBeUndefined();
    expect(attributionLine(undefined, formatDate)).toBeUndefined();
    expect(
      attributionLine({ history: historyWith([], 'note', ana, start) }, formatDate),
    ).toBeUndefined();
  });
});
