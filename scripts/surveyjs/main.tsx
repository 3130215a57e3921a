import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/survey-core.fontless.min.css';
import { Survey } from 'survey-react-ui';
import questionSets from 'virtual:cellguard/question-sets';
import { toSurveyJson } from './toSurveyJson.ts';

const container = document.getElementById('root');
if (!container) throw new Error('no #root');
// The bench compares the first step of the Soft Cell set, as it did before there were several sets.
const questionSet = questionSets.find((set) => set.id === 'softcell');
if (!questionSet) throw new Error('no softcell set');
createRoot(container).render(<Survey model={new Model(toSurveyJson(questionSet))} />);
