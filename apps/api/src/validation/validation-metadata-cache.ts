/**
 * class-validator looks up a class's rules on every validation of every object, body and nested
 * alike: it filters the class's own rules and walks every class it knows with `instanceof` for
 * inherited ones (the largest single entry of validation in the bench:api profile, issue 13). The
 * rules of a class change only when a decorator adds one, so the answer is kept per class and
 * options, and forgotten whenever a rule is added. Neither class-validator nor Nest's pipe changes
 * the arrays it returns (they filter into new ones), so one array may serve every request.
 */
import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;
type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;

const cached = new WeakSet<MetadataStorage>();

/** Keeps the rule lookups of `storage` (class-validator's global one by default); idempotent. */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let found = new Map<Target, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, Grouped>();

  // addValidationSchema adds through this method too.
  storage.addValidationMetadata = (metadata) => {
    found = new Map();
    grouped = new WeakMap();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // No groups and an empty list of groups select the same rules.
    const key = `${typeof schema === 'string' ? `s${schema}` : '-'}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0000')}`;
    let byOptions = found.get(target);
    if (!byOptions) found.set(target, (byOptions = new Map()));
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = lookUp(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) grouped.set(metadatas, (byProperty = group(metadatas)));
    return byProperty;
  };
}
