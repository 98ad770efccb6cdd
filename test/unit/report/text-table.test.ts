import { describe, expect, it } from 'vitest';
import { renderTextTable, singleLine, truncate, wrapText } from '../../../lib/report/text-table';

describe('renderTextTable', () => {
  it('should size columns to the widest cell and align numbers right', () => {
    // Prepare
    const headers = ['Name', 'Cost'];
    const rows = [
      ['prod', '$1,234.56'],
      ['dev-nat-a', '$9.00'],
    ];

    // Act
    const table = renderTextTable(headers, rows, { align: ['left', 'right'] });

    // Assess
    expect(table.split('\n')).toEqual([
      'Name            Cost',
      '---------  ---------',
      'prod       $1,234.56',
      'dev-nat-a      $9.00',
    ]);
  });

  it('should lay out cells of several lines side by side', () => {
    // Act
    const table = renderTextTable(['A', 'B'], [['one\ntwo', 'x']]);

    // Assess
    expect(table.split('\n').slice(2)).toEqual(['one  x', 'two']);
  });

  it('should not count ANSI colour codes in column widths', () => {
    // Prepare
    const red = '\u001b[31mred\u001b[0m';

    // Act
    const table = renderTextTable(['Colour', 'N'], [[red, '1']]);

    // Assess
    expect(table.split('\n')[2]).toBe(`${red}     1`);
  });

  it('should set a footer row off with a rule', () => {
    // Act
    const table = renderTextTable(['Name', 'N'], [['a', '1']], { footer: ['Total', '1'] });

    // Assess
    expect(table.split('\n').slice(2)).toEqual(['a      1', '-----  -', 'Total  1']);
  });
});

describe('text fitting', () => {
  it('should mark a truncated text with an ellipsis', () => {
    expect(truncate('forgotten-nat-gateway', 10)).toBe('forgotten…');
  });

  it('should wrap words to the width', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('should turn line breaks and control characters of user text into spaces', () => {
    expect(singleLine('evil\r\nSubject: x\u0007')).toBe('evil Subject: x');
  });
});
