/**
 * The accountability projection as the projector ran it at version 4: a case's document held the
 * case's whole event list (`events`, about 845 bytes pushed per event) for the detector to re-read,
 * and no detection state. A store it builds is what that projector left behind; the current
 * projection (version 5) must notice, rebuild beside it and swap (issue 19).
 */
import type { RecordedCaseEvent } from '#domain/accountability/detection-step.js';
import {
  decodeAccountabilityCase,
  type AccountabilityCaseDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import type { Built, Projection } from '../../../apps/projector/src/projection/projection.js';
import { accountabilityProjection } from '../../../apps/projector/src/projections/accountability/accountability.projection.js';
import type { CaseOrComplaintInput } from '../../../apps/projector/src/projections/case-stream/case-or-complaint.js';

/** Version 4's document: the events in place of the detection state and the center. */
type Version4Unit = Omit<Built<AccountabilityCaseDocument>, 'detection' | 'centerId'> & {
  events: RecordedCaseEvent[];
};

const version4: Projection<null, Version4Unit, Version4Unit, CaseOrComplaintInput> = {
  ...accountabilityProjection,
  version: 4,
  unitCodec: { encode: (d) => d, decode: (d) => d },
  apply(unit, input, context) {
    // The current document of the same events (the codec folds version 4's events), then its events kept.
    const step = accountabilityProjection.apply(unit && current(unit), input, context);
    const { detection: _d, centerId: _c, ...rest } = step.unit;
    const events = input.stream === 'case' ? [...(unit?.events ?? []), input.event] : [];
    return { unit: { ...rest, events }, shared: step.shared ?? [] };
  },
};

function current(unit: Version4Unit): Built<AccountabilityCaseDocument> {
  const { _position: _p, ...decoded } = decodeAccountabilityCase({ ...unit, _position: '' });
  return decoded;
}

export const accountabilityVersion4: Projection = version4;
