/**
 * A chart as files: a standalone SVG document of the chart as drawn (the app's CSS written onto
 * its elements, so it looks the same opened alone), a PNG of it drawn through a canvas, and the
 * download of either. Loaded on the first click of a download button (ExportButtons.tsx), so none
 * of it weighs on the page's first load.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The styles that the app's CSS gives a chart's elements, written as presentation attributes.
 * These are inherited: an element gets one only where it differs from its parent's.
 */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'direction',
  'visibility',
] as const;

/** Not inherited: written where they change what is seen (an opacity below 1, an element not shown). */
const OWN: Readonly<Record<string, (value: string) => boolean>> = {
  opacity: (value) => value !== '1',
  display: (value) => value === 'none',
};

/** A valid XML id (an NCName) for any id, such as React's `«r1»` or `:r1:`. */
function xmlId(id: string, taken: Set<string>): string {
  let safe = id.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z_]/.test(safe)) safe = `_${safe}`;
  let unique = safe;
  for (let k = 2; taken.has(unique); k++) unique = `${safe}-${k}`;
  taken.add(unique);
  return unique;
}

/** Writes the computed styles of `from` (in the page) onto `to` (its clone), then of their children. */
function inlineStyles(from: Element, to: Element, parent: CSSStyleDeclaration | undefined): void {
  const style = getComputedStyle(from);
  for (const name of INHERITED) {
    const value = style.getPropertyValue(name);
    if (value === '') continue;
    if (!parent || to.hasAttribute(name) || parent.getPropertyValue(name) !== value) to.setAttribute(name, value);
  }
  for (const [name, shows] of Object.entries(OWN)) {
    const value = style.getPropertyValue(name);
    if (value !== '' && shows(value)) to.setAttribute(name, value);
    else to.removeAttribute(name);
  }
  const kids = to.children;
  Array.from(from.children).forEach((child, i) => {
    const twin = kids[i];
    if (twin) inlineStyles(child, twin, style);
  });
}

/** Gives every id of the clone a valid XML id, and every reference to it (url(#…), href) the new one. */
function fixIds(svg: SVGSVGElement): void {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const el of svg.querySelectorAll('[id]')) {
    const id = el.getAttribute('id')!;
    const safe = xmlId(id, taken);
    renamed.set(id, safe);
    el.setAttribute('id', safe);
  }
  if (renamed.size === 0) return;
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'id') continue;
      let value = attr.value;
      for (const [id, safe] of renamed) {
        value = value
          .replaceAll(`url(#${id})`, `url(#${safe})`)
          .replaceAll(`url("#${id}")`, `url(#${safe})`)
          .replaceAll(`url('#${id}')`, `url(#${safe})`);
        if ((attr.localName === 'href' || attr.name === 'xlink:href') && value === `#${id}`) value = `#${safe}`;
      }
      if (value !== attr.value) el.setAttributeNS(attr.namespaceURI, attr.name, value);
    }
  }
}

/** The size of a chart's coordinate system, from its viewBox. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return { width: width || svg.clientWidth || 300, height: height || svg.clientHeight || 150 };
}

/**
 * A standalone SVG document of a chart as drawn: a clone with the computed styles inlined, its
 * size from the viewBox, a title, a white background, and ids that are valid XML.
 */
export function svgFile(svg: SVGSVGElement, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, undefined);
  fixIds(clone);
  const { width, height } = svgSize(svg);
  const [x = 0, y = 0] = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  // XMLSerializer declares the SVG namespace itself; an `xmlns` attribute as React writes it would be a second one.
  clone.removeAttribute('xmlns');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Only the page can focus the chart or show its hover marks.
  clone.removeAttribute('tabindex');
  clone.removeAttribute('style');
  for (const old of clone.querySelectorAll(':scope > title')) old.remove();
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of Object.entries({ x, y, width, height, fill: '#ffffff' })) {
    background.setAttribute(name, String(value));
  }
  const heading = document.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  clone.prepend(heading, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** A PNG of an SVG document, `scale` times its size, drawn through an image and a canvas. */
export async function pngBlob(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** How long a download's object URL is kept: the browser reads it after the click returns. */
const KEEP_URL_MS = 10_000;

/** Saves data as a file: a click on an `<a download>` with an object URL, revoked afterwards. */
export function downloadFile(data: Blob | string, name: string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
  }
}
