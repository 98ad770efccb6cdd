// One part of `nat-optimizer demo`: what it prints on a terminal and, for --format html, as a page fragment.

export interface DemoSection {
  title: string;
  /** Text for the terminal. */
  text: string;
  /** The same part as an HTML fragment, for --format html. */
  html?: string;
}

export type DemoStep = (examplePath: string) => Promise<DemoSection>;
