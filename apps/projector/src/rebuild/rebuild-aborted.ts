/** A rebuild stopped by its signal (the projector stopping): its checkpoint stays, to resume from. */
export class RebuildAborted extends Error {
  override readonly name = 'RebuildAborted';
  constructor() {
    super('rebuild stopped before it finished; it resumes from its checkpoint when run again');
  }
}
