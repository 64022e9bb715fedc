import type { CommandOptionsDto } from '../dto/command-options.dto.js';

/** U2: business time and the reason for a back-dated entry, as every command may carry them. */
export function commandOptions(body: CommandOptionsDto): { occurredAt?: string; lateEntryReason?: string } {
  return {
    ...(body.occurredAt !== undefined && { occurredAt: body.occurredAt }),
    ...(body.lateEntryReason !== undefined && { lateEntryReason: body.lateEntryReason }),
  };
}
