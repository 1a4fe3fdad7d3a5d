import type { ThumbnailModel, ThumbnailNode } from './thumbnail';

/** Drawing size, SVG user units; CSS scales it to the card. */
const WIDTH = 240;
const HEIGHT = 120;
const NODE_WIDTH = 44;
const NODE_HEIGHT = 18;
/** Most partition stripes or consumer dots drawn in one node. */
const MARKS_MAX = 8;

interface Placed {
  node: ThumbnailNode;
  x: number;
  y: number;
}

/**
 * A scenario's topology as a small static picture. Decorative: the card says the same in words
 * (the model's summary), so the picture is hidden from screen readers.
 */
export function Thumbnail({ model }: { model: ThumbnailModel }) {
  const placed = new Map<string, Placed>();
  const columnCount = model.columns.length;
  model.columns.forEach((column, c) => {
    const x = columnCount === 1 ? WIDTH / 2 : 16 + NODE_WIDTH / 2 + (c * (WIDTH - 32 - NODE_WIDTH)) / (columnCount - 1);
    column.forEach((node, r) => {
      const y = ((r + 1) * HEIGHT) / (column.length + 1);
      placed.set(node.key, { node, x, y });
    });
  });
  return (
    <svg className="thumbnail" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      {model.edges.map(({ from, to }) => {
        const a = placed.get(from);
        const b = placed.get(to);
        return a && b ? <path key={`${from}>${to}`} className={b.x > a.x ? 'thumbnail-edge' : 'thumbnail-edge thumbnail-edge-back'} d={edgePath(a, b)} /> : null;
      })}
      {[...placed.values()].map((p) => (
        <ThumbnailShape key={p.node.key} placed={p} />
      ))}
    </svg>
  );
}

/** Half the drawn width of a node, so that flows start and end at its outline. */
function halfWidth(node: ThumbnailNode): number {
  if (node.kind === 'producer') return NODE_HEIGHT / 2;
  if (node.kind === 'router') return 12;
  return NODE_WIDTH / 2;
}

/** A flow to the right leaves a node's right side; a flow back (dead-lettering) or within a column curves around the right. */
function edgePath(a: Placed, b: Placed): string {
  if (b.x > a.x) {
    const x1 = a.x + halfWidth(a.node);
    const x2 = b.x - halfWidth(b.node);
    const bend = (x2 - x1) / 2;
    return `M${x1},${a.y} C${x1 + bend},${a.y} ${x2 - bend},${b.y} ${x2},${b.y}`;
  }
  const x1 = a.x + halfWidth(a.node);
  const x2 = b.x + halfWidth(b.node);
  const reach = Math.max(x1, x2) + 14;
  return `M${x1},${a.y} C${reach},${a.y} ${reach},${b.y} ${x2},${b.y}`;
}

function ThumbnailShape({ placed: { node, x, y } }: { placed: Placed }) {
  const left = x - NODE_WIDTH / 2;
  const top = y - NODE_HEIGHT / 2;
  const marks = Math.min(node.count, MARKS_MAX);
  switch (node.kind) {
    case 'producer':
      return <circle className="thumbnail-producer" cx={x} cy={y} r={NODE_HEIGHT / 2} />;
    case 'router':
      return <path className="thumbnail-router" d={`M${x},${top - 2} L${x + 12},${y} L${x},${y + NODE_HEIGHT / 2 + 2} L${x - 12},${y} Z`} />;
    case 'topic':
      // One stripe per partition: the log the records are appended to.
      return (
        <g className="thumbnail-topic">
          {Array.from({ length: marks }, (_, i) => {
            const stripe = NODE_HEIGHT / marks;
            return <rect key={i} x={left} y={top + i * stripe} width={NODE_WIDTH} height={Math.max(stripe - 1, 1)} rx={1} />;
          })}
        </g>
      );
    case 'queue':
      return <rect className="thumbnail-queue" x={left} y={top} width={NODE_WIDTH} height={NODE_HEIGHT} rx={NODE_HEIGHT / 2} />;
    case 'consumer':
      return (
        <g className="thumbnail-consumer">
          <rect x={left} y={top} width={NODE_WIDTH} height={NODE_HEIGHT} rx={4} />
          {Array.from({ length: marks }, (_, i) => (
            <circle key={i} className="thumbnail-dot" cx={left + ((i + 1) * NODE_WIDTH) / (marks + 1)} cy={y} r={2.5} />
          ))}
        </g>
      );
  }
}
