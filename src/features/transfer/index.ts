export { ExportPage } from './ExportPage.tsx';
export { ImportPage } from './ImportPage.tsx';
