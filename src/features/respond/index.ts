export { RespondPage } from './RespondPage.tsx';
