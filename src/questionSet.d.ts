declare module 'virtual:cellguard/question-set' {
  import type { QuestionSet } from './core/questionSet/schema.ts';
  const set: QuestionSet;
  export default set;
}
