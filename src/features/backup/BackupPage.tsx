import { BackUpEverything } from './BackUpEverything.tsx';
import { RestoreFromBackup } from './RestoreFromBackup.tsx';
import './backup.css';

/** Everything on this device in one file, and back again: also how to move to another machine. */
export function BackupPage() {
  return (
    <section className="narrow backup-page" aria-labelledby="backup-title">
      <h1 id="backup-title">Back up and restore</h1>
      <p className="lead">
        Keep every assessment on this device in one file, or restore one in another browser or on a
        new computer. To move Cellguard to another machine, back up here and restore there.
      </p>
      <BackUpEverything />
      <RestoreFromBackup />
    </section>
  );
}
