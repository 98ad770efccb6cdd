// The part of CloudWatch metric math the optimizer's alarms use, evaluated one period at a time: numbers, query
// ids, + - * /, comparisons (1 or 0), AND/&& and OR/||, IF(condition, a, b) and FILL(x, value). A missing value
// (no datapoint) stays missing through arithmetic, comparisons and IF; FILL replaces it.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
import { SimUnsupportedCommandError } from './sim-errors';

export type Value = number | null;

type Node =
  | { kind: 'number'; value: number }
  | { kind: 'id'; name: string }
  | { kind: 'negate'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

export class MetricMathError extends SimUnsupportedCommandError {
  override name = 'MetricMathError';
}

const TOKEN = /\s*(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|>=|<=|==|!=|&&|\|\||[-+*/()<>,])/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    if (!match?.[1]) throw new MetricMathError(`metric math: cannot read "${text.slice(TOKEN.lastIndex)}"`);
    tokens.push(match[1]);
  }
  return tokens;
}

/** Lowest binding first. */
const LEVELS: readonly (readonly string[])[] = [
  ['OR', '||'],
  ['AND', '&&'],
  ['>', '<', '>=', '<=', '==', '!='],
  ['+', '-'],
  ['*', '/'],
];

export function parseExpression(text: string): Node {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at];
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new MetricMathError(`metric math: expected ${expected ?? 'more'} in "${text}"`);
    at += 1;
    return token;
  };
  const level = (depth: number): Node => {
    const ops = LEVELS[depth];
    if (!ops) return unary();
    let left = level(depth + 1);
    for (let op = peek(); op !== undefined && ops.includes(op); op = peek()) {
      take();
      left = { kind: 'binary', op, left, right: level(depth + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      return { kind: 'negate', operand: unary() };
    }
    const token = take();
    if (token === '(') {
      const inner = level(0);
      take(')');
      return inner;
    }
    if (/^\d/.test(token)) return { kind: 'number', value: Number(token) };
    if (peek() !== '(') return { kind: 'id', name: token };
    take('(');
    const args: Node[] = [];
    while (peek() !== ')') {
      args.push(level(0));
      if (peek() === ',') take(',');
    }
    take(')');
    return { kind: 'call', name: token.toUpperCase(), args };
  };
  const tree = level(0);
  if (at !== tokens.length) throw new MetricMathError(`metric math: unexpected "${tokens[at]}" in "${text}"`);
  return tree;
}

function binary(op: string, a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    case '>':
      return a > b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case 'AND':
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    default:
      return a !== 0 || b !== 0 ? 1 : 0;
  }
}

/** One period's value of the expression; `lookup` gives the period's value of another query by its id. */
export function evaluate(node: Node, lookup: (id: string) => Value): Value {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'id':
      return lookup(node.name);
    case 'negate': {
      const v = evaluate(node.operand, lookup);
      return v === null ? null : -v;
    }
    case 'binary':
      return binary(node.op, evaluate(node.left, lookup), evaluate(node.right, lookup));
    case 'call': {
      const [first, second, third] = node.args.map((arg) => () => evaluate(arg, lookup));
      if (node.name === 'FILL' && first && second && node.args.length === 2) return first() ?? second();
      if (node.name === 'IF' && first && second && node.args.length <= 3) {
        const condition = first();
        if (condition === null) return null;
        return condition !== 0 ? second() : third ? third() : null;
      }
      throw new MetricMathError(
        `metric math: ${node.name}() with ${node.args.length} arguments is not simulated`,
      );
    }
  }
}
