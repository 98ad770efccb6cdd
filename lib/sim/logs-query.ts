// A small Logs Insights engine for the simulated account: `parse @message "…" as …`, `filter` (= != in, not in,
// and/or/not, isIpv4InSubnet), `stats sum(x)/count(*) … by …` and `limit`, evaluated over log lines.
// Anything else is refused as a malformed query, as Logs Insights refuses what it cannot parse.
import type { ResultField } from '@aws-sdk/client-cloudwatch-logs';
import { parseCidr, parseIpv4 } from './ec2/ipv4';

export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
}

type Fields = Record<string, string | undefined>;

function cidrContains(cidrText: string, address: string): boolean {
  const cidr = parseCidr(cidrText);
  const value = parseIpv4(address);
  return cidr !== undefined && value !== undefined && value >= cidr.base && value < cidr.base + cidr.size;
}
type Expr = (fields: Fields) => boolean;

interface Aggregate {
  kind: 'sum' | 'count';
  field?: string;
  as: string;
}

export interface CompiledQuery {
  parse?: { pattern: RegExp; names: string[] };
  filters: Expr[];
  stats?: { aggregates: Aggregate[]; by: string[] };
  limit?: number;
}

/** Splits on `sep` outside quotes, brackets and parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '(' || char === '[')) depth += 1;
    else if (!quoted && (char === ')' || char === ']')) depth -= 1;
    if (char === sep && !quoted && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

const TOKEN = /\s*("(?:[^"\\]|\\.)*"|!=|[()[\],=]|[A-Za-z_@][\w.@]*|\d+(?:\.\d+)?)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match?.[1]) {
      if (text.slice(at).trim() === '') break;
      throw new QuerySyntaxError(`unexpected input at "${text.slice(at, at + 20)}"`);
    }
    tokens.push(match[1]);
  }
  return tokens;
}

const literal = (token: string | undefined): string => {
  if (token === undefined) throw new QuerySyntaxError('unexpected end of filter');
  return token.startsWith('"') ? JSON.parse(token) : token;
};

class FilterParser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Expr {
    const expr = this.or();
    if (this.i < this.tokens.length)
      throw new QuerySyntaxError(`unexpected "${this.tokens[this.i]}" in filter`);
    return expr;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private take(expected?: string): string {
    const token = this.tokens[this.i];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new QuerySyntaxError(`expected ${expected ?? 'more'} in filter, found ${token ?? 'the end'}`);
    }
    this.i += 1;
    return token;
  }

  private or(): Expr {
    const terms = [this.and()];
    while (this.peek() === 'or' && this.take()) terms.push(this.and());
    return (f) => terms.some((t) => t(f));
  }

  private and(): Expr {
    const terms = [this.unary()];
    while (this.peek() === 'and' && this.take()) terms.push(this.unary());
    return (f) => terms.every((t) => t(f));
  }

  private unary(): Expr {
    if (this.peek() === 'not') {
      this.take();
      const inner = this.unary();
      return (f) => !inner(f);
    }
    if (this.peek() === '(') {
      this.take();
      const inner = this.or();
      this.take(')');
      return inner;
    }
    return this.primary();
  }

  private list(): string[] {
    this.take('[');
    const values = [literal(this.take())];
    while (this.peek() === ',' && this.take()) values.push(literal(this.take()));
    this.take(']');
    return values;
  }

  private primary(): Expr {
    const name = this.take();
    if (name === 'isIpv4InSubnet') {
      this.take('(');
      const field = this.take();
      this.take(',');
      const cidr = literal(this.take());
      this.take(')');
      return (f) => {
        const value = f[field];
        return value !== undefined && cidrContains(cidr, value);
      };
    }
    const op = this.take();
    if (op === '=' || op === '!=') {
      const value = literal(this.take());
      return (f) => f[name] !== undefined && (f[name] === value) === (op === '=');
    }
    if (op === 'in' || (op === 'not' && this.take('in'))) {
      const values = this.list();
      return (f) => {
        const value = f[name];
        return value !== undefined && values.includes(value) === (op === 'in');
      };
    }
    throw new QuerySyntaxError(`unsupported operator "${op}" after ${name}`);
  }
}

function compileParse(body: string): CompiledQuery['parse'] {
  const match = /^@message\s+"((?:[^"\\]|\\.)*)"\s+as\s+(.+)$/s.exec(body);
  if (!match?.[1] || !match[2]) throw new QuerySyntaxError('parse needs @message "pattern" as names');
  const names = match[2].split(',').map((n) => n.trim());
  const pieces = match[1].split('*');
  if (pieces.length - 1 !== names.length) {
    throw new QuerySyntaxError(`parse pattern has ${pieces.length - 1} wildcards for ${names.length} names`);
  }
  const escaped = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`^${escaped.join('(.*?)')}$`, 's'), names };
}

function compileStats(body: string): NonNullable<CompiledQuery['stats']> {
  const [aggregatePart, byPart] = body.split(/\s+by\s+/);
  const aggregates = splitTopLevel(aggregatePart ?? '', ',').map((text): Aggregate => {
    const match = /^(sum|count)\(([\w*]+)\)\s+as\s+(\w+)$/.exec(text);
    if (!match?.[1] || !match[2] || !match[3]) throw new QuerySyntaxError(`unsupported aggregate "${text}"`);
    const kind = match[1] === 'sum' ? 'sum' : 'count';
    return kind === 'sum' ? { kind, field: match[2], as: match[3] } : { kind, as: match[3] };
  });
  return { aggregates, by: byPart ? byPart.split(',').map((n) => n.trim()) : [] };
}

export function compileQuery(text: string): CompiledQuery {
  const query: CompiledQuery = { filters: [] };
  for (const command of splitTopLevel(text, '|')) {
    const [, verb, body = ''] = /^(\w+)\s*(.*)$/s.exec(command) ?? [];
    if (verb === 'parse') query.parse = compileParse(body.trim());
    else if (verb === 'filter') query.filters.push(new FilterParser(tokenize(body)).parse());
    else if (verb === 'stats') query.stats = compileStats(body.trim());
    else if (verb === 'limit' && /^\d+$/.test(body.trim())) query.limit = Number(body.trim());
    else throw new QuerySyntaxError(`unsupported command "${command.slice(0, 40)}"`);
  }
  if (!query.stats)
    throw new QuerySyntaxError('the simulated account answers aggregate (stats) queries only');
  return query;
}

export function runQuery(
  query: CompiledQuery,
  lines: readonly string[],
): { rows: ResultField[][]; matched: number } {
  const groups = new Map<string, { key: Fields; totals: number[] }>();
  const stats = query.stats ?? { aggregates: [], by: [] };
  let matched = 0;
  for (const line of lines) {
    const fields: Fields = {};
    const parsed = query.parse?.pattern.exec(line);
    query.parse?.names.forEach((name, i) => {
      fields[name] = parsed?.[i + 1];
    });
    if (!query.filters.every((filter) => filter(fields))) continue;
    matched += 1;
    const key: Fields = Object.fromEntries(stats.by.map((name) => [name, fields[name]]));
    const id = JSON.stringify(stats.by.map((name) => fields[name] ?? null));
    const group = groups.get(id) ?? { key, totals: stats.aggregates.map(() => 0) };
    stats.aggregates.forEach((aggregate, i) => {
      const value = aggregate.kind === 'count' ? 1 : Number(fields[aggregate.field ?? '']);
      if (Number.isFinite(value)) group.totals[i] = (group.totals[i] ?? 0) + value;
    });
    groups.set(id, group);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { key, totals }]) => [
      ...stats.by.flatMap((name) => (key[name] === undefined ? [] : [{ field: name, value: key[name] }])),
      ...stats.aggregates.map((aggregate, i) => ({ field: aggregate.as, value: String(totals[i] ?? 0) })),
    ]);
  return { rows: query.limit === undefined ? rows : rows.slice(0, query.limit), matched };
}
