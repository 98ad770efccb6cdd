// EC2 `Filters`: names AND-ed, values OR-ed, `*` and `?` wildcards, `tag:<key>` and `tag-key`.
import type { Filter } from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import { invalidParameterValue, listGiven } from './ec2-errors';

/** The values an item exposes under each filter name it supports. */
export type FilterFields<T> = Record<string, (item: T) => ReadonlyArray<string | undefined>>;

const TAG_FILTER_PREFIX = 'tag:';

function globPattern(value: string): RegExp {
  let source = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value.charAt(i);
    if (char === '\\' && i + 1 < value.length) {
      i += 1;
      source += value.charAt(i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function candidateValues<T>(
  item: T,
  name: string,
  fields: FilterFields<T>,
  tagsOf: ((item: T) => Record<string, string> | undefined) | undefined,
): ReadonlyArray<string | undefined> | undefined {
  if (tagsOf && name.startsWith(TAG_FILTER_PREFIX)) {
    const key = name.slice(TAG_FILTER_PREFIX.length);
    const tags = tagsOf(item) ?? {};
    return Object.hasOwn(tags, key) ? [tags[key]] : [];
  }
  if (tagsOf && name === 'tag-key') return Object.keys(tagsOf(item) ?? {});
  if (tagsOf && name === 'tag-value') return Object.values(tagsOf(item) ?? {});
  return fields[name]?.(item);
}

export function applyFilters<T>(
  sim: SimAccount,
  items: T[],
  filters: Filter[] | undefined,
  fields: FilterFields<T>,
  tagsOf?: (item: T) => Record<string, string> | undefined,
): T[] {
  if (!listGiven(filters)) return items;
  const compiled = filters.map((filter) => {
    const name = filter.Name ?? '';
    const supported =
      Object.hasOwn(fields, name) ||
      (tagsOf !== undefined &&
        (name.startsWith(TAG_FILTER_PREFIX) || name === 'tag-key' || name === 'tag-value'));
    if (!supported) throw invalidParameterValue(sim, `The filter '${name}' is invalid`);
    // An empty Values list is not serialized by the SDK; AWS then sees a filter without a value.
    if (!listGiven(filter.Values)) throw invalidParameterValue(sim, `The filter '${name}' requires a value`);
    return { name, patterns: filter.Values.map(globPattern) };
  });
  return items.filter((item) =>
    compiled.every(({ name, patterns }) => {
      const values = candidateValues(item, name, fields, tagsOf) ?? [];
      return values.some((value) => value !== undefined && patterns.some((pattern) => pattern.test(value)));
    }),
  );
}
