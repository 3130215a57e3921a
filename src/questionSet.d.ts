declare module 'virtual:cellguard/question-sets' {
  import type { QuestionSet } from './core/questionSet/schema.ts';
  const sets: QuestionSet[];
  export default sets;
}

declare module 'virtual:cellguard/question-set-titles' {
  const titles: { id: string; title: string }[];
  export default titles;
}
