import type { Actor } from '../actor/actor.js';
import type { ComplaintStatement } from './complaint-events.js';

interface ComplaintCommandBase<T extends string> {
  readonly type: T;
  readonly actor: Actor;
}

/** P1: receipt number and query code hash are drawn by the caller (random, or derived from a retry key). */
export type ReceiveComplaint = ComplaintCommandBase<'ReceiveComplaint'> &
  ComplaintStatement & { readonly queryCodeHash: string };
export type StartComplaintInvestigation = ComplaintCommandBase<'StartComplaintInvestigation'> & {
  readonly note: string;
};
export type ConcludeStandaloneComplaint = ComplaintCommandBase<'ConcludeStandaloneComplaint'> & {
  readonly substantiated: boolean;
  readonly reply: string;
};
/** Supervision asks whether the complaint is over its limit (T10, P2). */
export type SuperviseComplaint = ComplaintCommandBase<'SuperviseComplaint'>;

export type ComplaintCommand =
  ReceiveComplaint | StartComplaintInvestigation | ConcludeStandaloneComplaint | SuperviseComplaint;
