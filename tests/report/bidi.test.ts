import { describe, expect, it } from 'vitest';
import { startsRightToLeft } from '../../src/core/reporting/model/index.ts';
import { visualLine, visualLines, type Isolate } from '../../src/report/bidi.ts';

const whole = (text: string, rtl = startsRightToLeft(text)): Isolate[] => [
  { start: 0, end: text.length, rtl },
];

describe('visual order of a drawn line', () => {
  it('leaves a line without right-to-left letters as it is', () => {
    const text = 'Risk 43.7 / 100 (High), 2026-Q4';
    expect(visualLine(text, 0, text.length, [])).toBe(text);
  });

  it('reverses Hebrew letters and keeps digits and Latin words in their own order', () => {
    const note = 'שלב 2: WAF פעיל';
    expect(visualLine(note, 0, note.length, whole(note))).toBe('ליעפ WAF :2 בלש');
  });

  it('keeps a right-to-left user text between the report words around it', () => {
    const name = 'חברת תקשורת';
    const line = `Cellguard · ${name} · 2026-Q4`;
    const start = line.indexOf(name);
    expect(visualLine(line, 0, line.length, [{ start, end: start + name.length, rtl: true }])).toBe(
      'Cellguard · תרושקת תרבח · 2026-Q4',
    );
  });

  it('turns brackets round inside right-to-left text, as a reader expects them', () => {
    const note = 'גיבוי (שבועי)';
    expect(visualLine(note, 0, note.length, whole(note))).toBe('(יעובש) יוביג');
  });

  it('keeps a character outside the basic plane whole when its run is reversed', () => {
    const note = 'שלום 🙂 עולם';
    const drawn = visualLine(note, 0, note.length, whole(note));
    expect(drawn).toContain('🙂');
    expect(drawn).toBe('םלוע 🙂 םולש');
  });

  it('orders each wrapped line of a user text on its own, its first words on the first line', () => {
    const text = 'Owner: فريق قواعد البيانات';
    const start = text.indexOf('ف');
    const isolates = [{ start, end: text.length, rtl: true }];
    expect(visualLines(text, ['Owner: فريق قواعد', 'البيانات'], isolates)).toEqual([
      { text: 'Owner: دعاوق قيرف', rightToLeft: false },
      // Not right-aligned: its paragraph starts with the report's "Owner:".
      { text: 'تانايبلا', rightToLeft: false },
    ]);
  });

  it('marks a line right-to-left only when its paragraph is the user text alone', () => {
    const text = 'Reason: אין גישה\nאין גישה מבחוץ';
    const isolates: Isolate[] = [
      { start: 8, end: 16, rtl: true },
      { start: 17, end: text.length, rtl: true },
    ];
    expect(visualLines(text, ['Reason: אין גישה', 'אין גישה מבחוץ'], isolates)).toEqual([
      { text: 'Reason: השיג ןיא', rightToLeft: false },
      { text: 'ץוחבמ השיג ןיא', rightToLeft: true },
    ]);
  });
});
