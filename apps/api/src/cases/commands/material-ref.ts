import type { MaterialRef } from '#domain/case/case-events.js';
import type { MaterialRefDto } from '../dto/material-ref.dto.js';

export const materialRef = (m: MaterialRefDto): MaterialRef => ({
  code: m.code,
  ...(m.name !== undefined && { name: m.name }),
});
