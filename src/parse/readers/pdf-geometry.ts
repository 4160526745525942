/** A text item as pdfjs gives it, with its font's name resolved. */
export interface RawTextItem {
  text: string;
  /** Text-space to PDF user-space matrix [a, b, c, d, e, f]. */
  transform: readonly number[];
  /** Advance width along the baseline, in user-space units. */
  width: number;
  fontName: string;
}

/** A text item placed on the page as read: x grows rightwards, y (the baseline) downwards. */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (em height) in page units. */
  size: number;
  bold: boolean;
}

export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PdfPageItems {
  box: PageBox;
  items: PdfItem[];
}

const BOLD_FONT = /bold|heavy|black/i;

/**
 * Places a page's items in reading coordinates: through the viewport (so /Rotate is applied), then turned so the
 * page's dominant text direction reads left to right. Text running in other directions (stamps, margin notes)
 * is left out.
 */
export function placePageItems(
  raw: readonly RawTextItem[],
  viewport: readonly number[],
  size: { width: number; height: number },
): PdfPageItems {
  const oriented = raw
    .filter((item) => item.text.trim() !== '')
    .map((item) => {
      const m = multiplyTransforms(viewport, item.transform);
      const quarter = (((Math.round(Math.atan2(m[1]!, m[0]!) / (Math.PI / 2)) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
      return { item, m, quarter };
    });
  const weights = [0, 0, 0, 0];
  for (const { item, quarter } of oriented) weights[quarter]! += item.text.length;
  const dominant = weights.indexOf(Math.max(...weights)) as 0 | 1 | 2 | 3;
  const items: PdfItem[] = [];
  for (const { item, m, quarter } of oriented) {
    if (quarter !== dominant) continue;
    const [x, y] = rotatePoint(m[4]!, m[5]!, dominant);
    const fontSize = Math.hypot(m[2]!, m[3]!) || Math.hypot(m[0]!, m[1]!);
    if (!(fontSize > 0) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    items.push({
      text: item.text,
      x,
      y,
      width: Math.max(0, item.width),
      size: fontSize,
      bold: BOLD_FONT.test(item.fontName),
    });
  }
  return { box: rotateBox(size.width, size.height, dominant), items };
}

function multiplyTransforms(m1: readonly number[], m2: readonly number[]): number[] {
  const [a1, b1, c1, d1, e1, f1] = m1 as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = m2 as [number, number, number, number, number, number];
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/** Turns a point by −quarter × 90° in y-down coordinates, so text of that direction runs left to right. */
function rotatePoint(x: number, y: number, quarter: 0 | 1 | 2 | 3): [number, number] {
  if (quarter === 1) return [y, -x];
  if (quarter === 2) return [-x, -y];
  if (quarter === 3) return [-y, x];
  return [x, y];
}

function rotateBox(width: number, height: number, quarter: 0 | 1 | 2 | 3): PageBox {
  const corners = [
    rotatePoint(0, 0, quarter),
    rotatePoint(width, 0, quarter),
    rotatePoint(0, height, quarter),
    rotatePoint(width, height, quarter),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}
