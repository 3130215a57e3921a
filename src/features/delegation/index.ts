export { DelegatePage } from './DelegatePage.tsx';
export { MergePage } from './MergePage.tsx';
