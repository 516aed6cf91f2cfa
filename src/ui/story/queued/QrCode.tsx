// A QR code of an address, as SVG elements (never markup from a string): uqr computes the modules,
// one path draws the dark ones (a rectangle per run of dark modules in a row). Black on white
// whatever the theme, so a phone can read it.
import { encode } from 'uqr';

export type QrCodeProps = { value: string; label: string };

export function QrCode({ value, label }: QrCodeProps) {
  const { data, size } = encode(value, { border: 2 });
  const path = data.map((row, y) => runs(row, y)).join('');
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

function runs(row: readonly boolean[], y: number): string {
  let path = '';
  for (let x = 0; x < row.length; x++) {
    if (!row[x]) continue;
    const start = x;
    while (row[x + 1]) x++;
    const width = x - start + 1;
    // One dark run as a rectangle: move, across, down one, back, close.
    path += ['M', start, ',', y, 'h', width, 'v1h-', width, 'z'].join('');
  }
  return path;
}
