import { Fragment } from 'react';

/**
 * Values a user typed, such as owners or people, in a line of the page: "Ana Ruiz, فريق الشبكات".
 * Each is a <bdi> of its own, so that an Arabic or Hebrew value keeps its own direction and the
 * separators stay between the values instead of moving to the wrong end.
 */
export function UserTextList({
  items,
  separator = ', ',
}: {
  items: readonly string[];
  separator?: string;
}) {
  return (
    <>
      {items.map((item, index) => (
        // The list never reorders and two values may read alike: the position is the identity.
        <Fragment key={index}>
          {index > 0 && separator}
          <bdi>{item}</bdi>
        </Fragment>
      ))}
    </>
  );
}

/**
 * "Example Mobile · Mobile core · 2026-Q4", as assessmentTitle writes it, each part isolated: one
 * <bdi> around the whole line would lay out a Hebrew organisation and an English scope as one
 * right-to-left run, and put the cycle first.
 */
export function AssessmentName({
  assessment,
}: {
  assessment: { organisation: string; scope: string; cycle: string };
}) {
  return (
    <UserTextList
      items={[assessment.organisation, assessment.scope, assessment.cycle].filter(Boolean)}
      separator=" · "
    />
  );
}

/**
 * A user's value inside text that cannot hold a <bdi>, such as an <option> or an SVG <title>:
 * wrapped in the Unicode isolates FSI and PDI, the plain-text equivalent of <bdi>. Only for the
 * page: the PDF shows these controls as □.
 */
export const isolated = (text: string): string => `\u2068${text}\u2069`;
