export function ensureFreshBuild(): boolean;
