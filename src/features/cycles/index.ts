export { ComparePage } from './ComparePage.tsx';
export { HistoryPage } from './HistoryPage.tsx';
export { NextCyclePage } from './NextCyclePage.tsx';
