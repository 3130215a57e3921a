/** Saves bytes as a file through the browser's own download, without any server round trip. */
export function downloadFile(bytes: Uint8Array | string, fileName: string, type: string) {
  const blob = new Blob([typeof bytes === 'string' ? bytes : bytes.slice().buffer], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from free text: letters and digits of any script kept, everything else a hyphen. */
export function fileSafe(text: string, fallback: string): string {
  const safe = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return safe || fallback;
}

/**
 * A downloaded file's name for one assessment: "cellguard-<set>-<organisation>-<cycle><suffix>", so
 * that the files of two sets, or of two cycles, never overwrite each other in Downloads.
 */
export function assessmentFileName(
  assessment: { questionSet: { id: string }; organisation: string; cycle: string },
  suffix: string,
  kind = '',
): string {
  const parts = [
    'cellguard',
    kind,
    assessment.questionSet.id,
    fileSafe(assessment.organisation, 'assessment'),
    fileSafe(assessment.cycle, 'cycle'),
  ];
  return `${parts.filter(Boolean).join('-')}${suffix}`;
}
