// One part of `nat-optimizer demo`: what it prints on a terminal and, for --format html, its part of the page.
import type { HtmlSection } from '../../report/html-page';

export interface DemoSection {
  title: string;
  /** Text for the terminal. */
  text: string;
  /** The same part for --format html: sections of the page, and markup above them (headline figures). */
  html: { lead?: string; sections: HtmlSection[] };
}

export type DemoStep = (examplePath: string) => Promise<DemoSection>;
