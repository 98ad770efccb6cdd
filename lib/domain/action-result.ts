// Contract 3: how one action of a run ended, the same word in every job's output.
// done: carried out; planned: would be carried out (dry run); skipped: not needed or not now; failed: refused or broke.
export type ActionResult = 'done' | 'planned' | 'skipped' | 'failed';
