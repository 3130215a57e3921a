/** How much of this browser's storage Cellguard uses, and whether the browser keeps it for sure. */
export interface StorageUse {
  usedBytes: number;
  quotaBytes: number;
  /** True when the browser will not clear Cellguard's data under storage pressure. */
  persisted: boolean;
}

const storageManager = (): StorageManager | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

/** Undefined where the browser does not tell (older browsers, some private modes). */
export async function storageUse(): Promise<StorageUse | undefined> {
  const manager = storageManager();
  if (!manager?.estimate) return undefined;
  try {
    const [estimate, persisted] = await Promise.all([
      manager.estimate(),
      manager.persisted ? manager.persisted() : Promise.resolve(false),
    ]);
    return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
  } catch {
    return undefined;
  }
}

/** Asks the browser to keep Cellguard's data; true when it agreed. */
export async function askToKeepData(): Promise<boolean> {
  const manager = storageManager();
  if (!manager?.persist) return false;
  try {
    return await manager.persist();
  } catch {
    return false;
  }
}
