import type { Plan } from '../planning/plan.ts';

/**
 * A cell as RFC 4180 wants it, and defused for spreadsheets: text starting with = + - @ (or a tab
 * or carriage return) would run as a formula in Excel or LibreOffice, so it gets a leading quote.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const planCsvHeader = [
  'Priority',
  'Action id',
  'Action',
  'Details',
  'Questions',
  'Owner',
  'Due',
  'Horizon (days)',
  'Risk reduction',
  'Effort',
  'Critical gap',
  'Recommendations',
  'ATT&CK',
  'NIST CSF 2.0',
  'CIS Controls v8',
  'Kind',
  'Programme',
  'Comes after',
  'Due after horizon',
];

/** The plan as CSV for ticketing tools: one row per action, in plan order, UTF-8 with BOM. */
export function planCsv(plan: Plan): string {
  const rows = plan.actions.map((action, index) => [
    index + 1,
    action.id,
    action.action,
    action.detail,
    action.questionIds.join(' '),
    action.owners.join('; '),
    action.due ?? '',
    action.horizon,
    Number(action.riskReduction.toFixed(2)),
    action.effort,
    action.critical ? 'yes' : 'no',
    action.recommendations.join(' '),
    action.attack.join(' '),
    action.nistCsf.join(' '),
    action.cisV8.join(' '),
    action.kind,
    action.programme ?? '',
    action.after.map((a) => a.actionId).join(' '),
    action.dueAfterHorizon ? 'yes' : 'no',
  ]);
  // The byte-order mark makes Excel read the file as UTF-8, so owners in any script survive.
  return `\uFEFF${[planCsvHeader, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
