import { describe, expect, it } from 'vitest';
import { parseQuestionSet } from '../../../src/core/questionSet/parse.ts';
import { formatSetProblem } from '../../../src/core/questionSet/problems.ts';
import { shippedSetFiles } from '../../support/shippedSet.ts';

/** Parses the shipped set after one textual edit to one file, and returns the problems as text. */
function problemsAfter(file: string, edit: (source: string) => string): string[] {
  const files = shippedSetFiles();
  const source = files.get(file);
  if (source === undefined) throw new Error(`no ${file}`);
  const edited = edit(source);
  expect(edited, 'the edit must change the file').not.toBe(source);
  files.set(file, edited);
  const result = parseQuestionSet(files);
  return result.ok ? [] : result.problems.map(formatSetProblem);
}

describe('parseQuestionSet', () => {
  it('accepts the shipped Soft Cell set', () => {
    const result = parseQuestionSet(shippedSetFiles());
    expect(result.ok ? [] : result.problems.map(formatSetProblem)).toEqual([]);
  });

  it('reports a missing required field with file, question and field', () => {
    const problems = problemsAfter('credentials.yaml', (s) =>
      s.replace(
        "    weightReason: Credential dumping from LSASS is the documented engine of the intrusion's spread.\n",
        '',
      ),
    );
    expect(problems).toEqual(['credentials.yaml › CRD-01 › weightReason: is required']);
  });

  it('reports a misspelt field instead of ignoring it', () => {
    const problems = problemsAfter('credentials.yaml', (s) =>
      s.replace(
        '    weight: 5\n    weightReason: Credential',
        '    wieght: 5\n    weightReason: Credential',
      ),
    );
    expect(problems).toContain('credentials.yaml › CRD-01: has unknown field "wieght"');
    expect(problems).toContain('credentials.yaml › CRD-01 › weight: is required');
  });

  it('reports a duplicate question id and where the first one is', () => {
    const problems = problemsAfter('privileged.yaml', (s) => s.replace('id: PRV-06', 'id: CRD-02'));
    expect(problems).toEqual([
      'privileged.yaml › CRD-02 › id: is already used by a question in credentials.yaml; ids must be unique',
    ]);
  });

  it('reports a recommendation that does not exist', () => {
    const problems = problemsAfter('privileged.yaml', (s) =>
      s.replace('recommendations: [D2, D6]', 'recommendations: [D2, D66]'),
    );
    expect(problems).toEqual([
      'privileged.yaml › PRV-01 › recommendations: D66 is not a recommendation of this set',
    ]);
  });

  it('reports a condition on a question that does not exist', () => {
    const problems = problemsAfter('exposure.yaml', (s) =>
      s.replace(
        'showIf: { question: EXP-01, anyOf: ["yes"] }\n    recommendations: [R1]',
        'showIf: { question: EXP-99, anyOf: ["yes"] }\n    recommendations: [R1]',
      ),
    );
    expect(problems).toEqual(['exposure.yaml › EXP-02 › showIf.question: EXP-99 does not exist']);
  });

  it('reports a coverage outside 0 to 1', () => {
    const problems = problemsAfter('credentials.yaml', (s) =>
      s.replace('coverage: 0.35\n', 'coverage: 1.35\n'),
    );
    expect(problems).toEqual([
      'credentials.yaml › CRD-01 › options[1].coverage: must be between 0 and 1',
    ]);
  });

  it('reports a control with no full-coverage option', () => {
    const problems = problemsAfter('vulnerability.yaml', (s) =>
      s.replace(/(id: VUL-04[\s\S]*?)coverage: 1\n/, '$1coverage: 0.9\n'),
    );
    expect(problems).toEqual([
      'vulnerability.yaml › VUL-04 › options: needs an option with coverage 1 (fully in place and verified)',
    ]);
  });

  it('reports options that are not graded from weakest to strongest', () => {
    const problems = problemsAfter('vulnerability.yaml', (s) =>
      s.replace(/(id: VUL-04[\s\S]*?)coverage: 0.7\n/, '$1coverage: 0.3\n'),
    );
    expect(problems).toEqual([
      'vulnerability.yaml › VUL-04 › options[2].coverage: options must be listed from weakest to strongest, each with a higher coverage',
    ]);
  });

  it('reports a cycle of conditions', () => {
    const files = shippedSetFiles();
    files.set(
      'exposure.yaml',
      (files.get('exposure.yaml') ?? '').replace(
        '  - id: EXP-01\n    kind: scope\n',
        '  - id: EXP-01\n    kind: scope\n    showIf: { question: RAE-01, anyOf: ["yes"] }\n',
      ),
    );
    files.set(
      'remote-access.yaml',
      (files.get('remote-access.yaml') ?? '').replace(
        '  - id: RAE-01\n    kind: scope\n',
        '  - id: RAE-01\n    kind: scope\n    showIf: { question: EXP-01, anyOf: ["yes"] }\n',
      ),
    );
    const result = parseQuestionSet(files);
    expect(result.ok ? [] : result.problems.map(formatSetProblem)).toEqual([
      'exposure.yaml › EXP-01 › showIf: conditions form a cycle: EXP-01 → RAE-01 → EXP-01',
    ]);
  });

  it('refuses a scored control as the gate of a condition', () => {
    const problems = problemsAfter('exposure.yaml', (s) =>
      s.replace(
        'showIf: { question: EXP-01, anyOf: ["yes"] }\n    recommendations: [R1]',
        'showIf: { question: EXP-03, anyOf: ["verified"] }\n    recommendations: [R1]',
      ),
    );
    expect(problems).toEqual([
      'exposure.yaml › EXP-02 › showIf.question: EXP-03 is a scored control; only a scoping question may hide others',
    ]);
  });

  it('refuses framework ids that do not exist', () => {
    const problems = problemsAfter('exposure.yaml', (s) =>
      s
        .replace('nistCsf: [PR.IR-01, DE.CM-01]', 'nistCsf: [PR.IR-07, DE.CM-01]')
        .replace('cisV8: ["13.10"]', 'cisV8: ["13.12"]'),
    );
    expect(problems).toEqual([
      'exposure.yaml › EXP-02 › refs.nistCsf: PR.IR-07 is not a NIST CSF 2.0 subcategory',
      'exposure.yaml › EXP-02 › refs.cisV8: 13.12 is not a CIS Controls v8 safeguard',
    ]);
  });

  it('refuses an ATT&CK technique outside the attack chain', () => {
    const problems = problemsAfter('credentials.yaml', (s) =>
      s.replace('attack: [T1003.002]', 'attack: [T1003.004]'),
    );
    expect(problems).toEqual([
      "credentials.yaml › CRD-02 › attack: T1003.004 is not a technique of this set's attack chain",
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    const problems = problemsAfter('logging.yaml', (s) =>
      s.replace('  - id: LOG-02\n    title:', '  - id: LOG-02\n   title:'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^logging\.yaml: YAML syntax error on line \d+: /);
  });

  it('reports a recommendation that no question covers', () => {
    const problems = problemsAfter('set.yaml', (s) =>
      s.replace(
        'recommendations:\n  - id: R1',
        'recommendations:\n  - id: R9\n    title: Unused\n    origin: derived\n    summary: Nobody covers it.\n  - id: R1',
      ),
    );
    expect(problems).toEqual([
      'set.yaml › recommendations.R9: no question covers this recommendation',
    ]);
  });

  it('reports a shared remediation that does not exist', () => {
    const problems = problemsAfter('endpoint.yaml', (s) =>
      s.replace(
        'remediation: EDR-SERVER-ROLLOUT\n    refs:\n      nistCsf: [DE.CM-09, DE.AE-02]',
        'remediation: EDR-ROLLOUT\n    refs:\n      nistCsf: [DE.CM-09, DE.AE-02]',
      ),
    );
    expect(problems).toEqual([
      'endpoint.yaml › EDR-01 › remediation: EDR-ROLLOUT is not a shared remediation in set.yaml',
    ]);
  });

  it('refuses YAML aliases, which could expand into a huge document', () => {
    const problems = problemsAfter('set.yaml', (s) =>
      s.replace(
        'title: Operation Soft Cell exposure assessment',
        'title: &t Operation Soft Cell exposure assessment\nx: *t',
      ),
    );
    expect(problems).toEqual([
      'set.yaml: uses YAML anchors and aliases (& and *), which question files must not',
    ]);
  });

  describe('the rules of question set 2.0', () => {
    it('refuses a help text that tells what the intruders did without naming its sources', () => {
      const problems = problemsAfter('credentials.yaml', (s) =>
        s.replace(
          '    sources: [CR, ATTACK]\n    recommendations: [D1]\n',
          '    recommendations: [D1]\n',
        ),
      );
      expect(problems).toEqual([
        'credentials.yaml › CRD-01 › sources: the help text tells what the intruders or victims did, so it must name its sources; otherwise word it as reasoning',
      ]);
    });

    it('refuses a source the set does not list', () => {
      const problems = problemsAfter('credentials.yaml', (s) =>
        s.replace(
          '    sources: [CR, ATTACK]\n    recommendations: [D1]\n',
          '    sources: [CR, BLOG]\n    recommendations: [D1]\n',
        ),
      );
      expect(problems).toEqual([
        'credentials.yaml › CRD-01 › sources: BLOG is not a source of this set',
      ]);
    });

    it('gives "logged, but nobody is alerted" one coverage, and makes every "Logged" option say so', () => {
      const flagged = 'coverage: 0.3\n        loggedNotAlerted: true\n';
      expect(
        problemsAfter('credentials.yaml', (s) =>
          s.replace(flagged, 'coverage: 0.4\n        loggedNotAlerted: true\n'),
        ),
      ).toEqual([
        'credentials.yaml › CRD-09 › options[1].coverage: an option that is logged but not alerted has coverage 0.3 in every question',
      ]);
      expect(
        problemsAfter('credentials.yaml', (s) => s.replace(flagged, 'coverage: 0.3\n')),
      ).toEqual([
        'credentials.yaml › CRD-09 › options[1]: an option labelled "Logged" must be marked loggedNotAlerted: true',
      ]);
    });

    it('requires a critical control to have an "in place, not yet verified" option, so that verification alone never holds the band', () => {
      const problems = problemsAfter('exposure.yaml', (s) =>
        s.replace(/(id: EXP-03[\s\S]*?)coverage: 0.8\n/, '$1coverage: 0.65\n'),
      );
      expect(problems).toEqual([
        'exposure.yaml › EXP-03 › options: a critical control needs an option from 0.7 to below 1, so that "in place but not yet verified" does not hold the band',
      ]);
    });

    it('maps a foundation to no phase: a log store stops nothing by itself', () => {
      const problems = problemsAfter('logging.yaml', (s) =>
        s.replace(/(id: LOG-01[\s\S]*?)phases: \[\]/, '$1phases: [P6]'),
      );
      expect(problems).toEqual([
        'logging.yaml › LOG-01 › phases: a foundation control stops no phase by itself, so it names none (other controls require it instead)',
      ]);
    });

    it('refuses requirements that would order the plan in a circle', () => {
      const problems = problemsAfter('endpoint.yaml', (s) =>
        s.replace(
          '    recommendations: [R3]\n    effect: [detect]\n    attack: [T1505.003, T1018, T1003.001, T1047, T1059.001]',
          '    recommendations: [R3]\n    requires:\n      - { anyOf: [EDR-08], why: A circular example. }\n    effect: [detect]\n    attack: [T1505.003, T1018, T1003.001, T1047, T1059.001]',
        ),
      );
      expect(problems).toEqual([
        'endpoint.yaml › EDR-01 › requires: requirements form a cycle between remediations: EDR-SERVER-ROLLOUT → EDR-08 → EDR-SERVER-ROLLOUT',
      ]);
    });

    it('requires each recommendation of the report to be quoted or marked unverified', () => {
      const problems = problemsAfter('set.yaml', (s) => s.replace('    unverified: true\n', ''));
      expect(problems).toEqual([
        "set.yaml › recommendations.R2: a recommendation of the report needs either its checked wording (quote) or 'unverified: true'",
      ]);
    });

    it('refuses a programme the set does not define, and a stop-gap for a control that is not critical', () => {
      expect(
        problemsAfter('endpoint.yaml', (s) =>
          s.replace('programme: EXECUTION', 'programme: EXECUTE'),
        ),
      ).toEqual([
        'endpoint.yaml › EDR-05 › remediation.programme: EXECUTE is not a programme of set.yaml',
      ]);
      expect(
        problemsAfter('vulnerability.yaml', (s) =>
          s.replace(
            '      effort: L\n      programme: EXPOSURE\n    refs:\n      nistCsf: [ID.AM-01, ID.AM-02]',
            '      effort: L\n      programme: EXPOSURE\n      containment: { action: Contain, detail: Example. }\n    refs:\n      nistCsf: [ID.AM-01, ID.AM-02]',
          ),
        ),
      ).toEqual([
        'vulnerability.yaml › VUL-01 › remediation.containment: only a remediation of a critical control gets a containment step',
      ]);
    });
  });
});
