// Terminal colours by ANSI escape codes, or none at all: a style is the identity when colour is off.

export type Style = (text: string) => string;

export interface AnsiStyles {
  bold: Style;
  dim: Style;
  red: Style;
  yellow: Style;
  green: Style;
  cyan: Style;
}

const ESC = '\u001b[';
const RESET = `${ESC}0m`;

function sgr(code: string): Style {
  return (text) => (text === '' ? text : `${ESC}${code}m${text}${RESET}`);
}

const identity: Style = (text) => text;

export function ansiStyles(enabled: boolean): AnsiStyles {
  if (!enabled) {
    return {
      bold: identity,
      dim: identity,
      red: identity,
      yellow: identity,
      green: identity,
      cyan: identity,
    };
  }
  return {
    bold: sgr('1'),
    dim: sgr('2'),
    red: sgr('31'),
    yellow: sgr('33'),
    green: sgr('32'),
    cyan: sgr('36'),
  };
}
