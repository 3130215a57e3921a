import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/survey-core.fontless.min.css';
import { Survey } from 'survey-react-ui';
import questionSet from 'virtual:cellguard/question-set';
import { toSurveyJson } from './toSurveyJson.ts';

const container = document.getElementById('root');
if (!container) throw new Error('no #root');
createRoot(container).render(<Survey model={new Model(toSurveyJson(questionSet))} />);
