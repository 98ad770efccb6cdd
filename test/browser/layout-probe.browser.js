// Runs inside the page under test (page.evaluate of this file's text, untouched by any bundler): what a person
// would notice, measured from the laid-out page. The result is checked against LayoutReport in layout-probe.ts.
(() => {
  const SLACK_PX = 1;
  const scrolls = (el) => {
    const style = getComputedStyle(el);
    return ['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY);
  };
  const insideScroller = (el) => {
    for (let parent = el.parentElement; parent; parent = parent.parentElement)
      if (scrolls(parent)) return true;
    return false;
  };
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const cls =
      typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id}${cls} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  };
  const visible = (el) => el.getClientRects().length > 0;

  const overflowing = [];
  let smallestHtmlText = Number.POSITIVE_INFINITY;
  for (const el of document.body.querySelectorAll('*')) {
    if (el instanceof SVGElement || !visible(el)) continue;
    const ownText = [...el.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
    );
    if (ownText)
      smallestHtmlText = Math.min(smallestHtmlText, Number.parseFloat(getComputedStyle(el).fontSize));
    if (scrolls(el) || insideScroller(el)) continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + SLACK_PX) {
      overflowing.push(`${describe(el)}: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
    }
    const rect = el.getBoundingClientRect();
    if (rect.right > document.documentElement.clientWidth + SLACK_PX) {
      overflowing.push(`${describe(el)}: ends at ${Math.round(rect.right)} px, past the page`);
    }
  }

  let smallestSvgText = Number.POSITIVE_INFINITY;
  for (const text of document.querySelectorAll('svg text')) {
    if (!visible(text) || (text.textContent ?? '').trim() === '') continue;
    smallestSvgText = Math.min(
      smallestSvgText,
      Number.parseFloat(getComputedStyle(text).fontSize) * scaleOf(text),
    );
  }

  function scaleOf(el) {
    const svg = el.closest('svg');
    if (!svg) return 1;
    const box = svg.viewBox.baseVal;
    const rect = svg.getBoundingClientRect();
    return box && box.width > 0 ? rect.width / box.width : 1;
  }

  const charts = [...document.querySelectorAll('svg.chart')].map((svg) => {
    const rect = svg.getBoundingClientRect();
    return {
      what: svg.getAttribute('aria-label') ?? 'chart',
      width: rect.width,
      height: rect.height,
      right: rect.right,
    };
  });
  const table = document.querySelector('#gateways table');
  const box = table?.closest('.scroll-box');
  return {
    pageWidth: document.documentElement.scrollWidth,
    pageHeight: document.documentElement.scrollHeight,
    charts,
    overflowing,
    smallestSvgText: Number.isFinite(smallestSvgText) ? smallestSvgText : null,
    smallestHtmlText: Number.isFinite(smallestHtmlText) ? smallestHtmlText : null,
    tableRows: table ? table.querySelectorAll('tbody tr').length : 0,
    tableBoxHeight: box ? box.getBoundingClientRect().height : null,
    requested: [],
  };
})();
