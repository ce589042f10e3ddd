// Hand-made SVG bar chart (no chart library: nothing to download, full control of the
// accessible markup). A <figure> with a caption, an SVG image summarised by aria-label,
// numbers on every bar (never colour alone) and the data table behind it.

export interface ChartPoint {
  label: string;
  value: number;
}

/**
 * What every chart shows: a title, a one-sentence text alternative, what the numbers
 * count (the data table's column heading) and its bars. lib/findings' Chart fits it.
 */
export interface ChartSpec {
  id: string;
  title: string;
  summary: string;
  unit: string;
  series: ChartPoint[];
}

// Sized for a half-width column at 13px text: up to about 8px a character, so 26
// characters fit the label column; the full label is always in the data table.
const WIDTH = 560;
const LABEL_WIDTH = 230;
const VALUE_ROOM = 48;
const BAR_HEIGHT = 22;
const GAP = 8;
const MAX_LABEL_CHARS = 26;

function shorten(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/** The number as shown on the bar and in the table (working days are whole; keep one decimal otherwise). */
function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * A horizontal bar chart. `idPrefix` keeps ids unique when one chart id appears twice on a
 * page; `labelHeading` names the data table's first column; `showTotal` adds a total row
 * (right for counts, wrong for measures such as working days).
 */
export function BarChart({
  chart,
  idPrefix = "chart",
  labelHeading = "Category",
  showTotal = true,
  openData = false,
}: {
  chart: ChartSpec;
  idPrefix?: string;
  labelHeading?: string;
  showTotal?: boolean;
  openData?: boolean;
}) {
  const id = `${idPrefix}-${chart.id}`;
  const { series } = chart;
  const max = Math.max(1, ...series.map((p) => p.value));
  const barRoom = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const height = Math.max(1, series.length) * (BAR_HEIGHT + GAP) + GAP;
  const total = series.reduce((sum, p) => sum + p.value, 0);
  return (
    <figure className="chart" id={id}>
      <figcaption id={`${id}-caption`}>
        <span className="chart-title">{chart.title}</span>
        <span className="chart-summary">{chart.summary}</span>
      </figcaption>
      {series.length === 0 ? (
        <p className="empty">Nothing to show yet.</p>
      ) : (
        <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={chart.summary} preserveAspectRatio="xMinYMin meet">
          {series.map((p, i) => {
            const y = GAP + i * (BAR_HEIGHT + GAP);
            const w = p.value > 0 ? Math.max(2, (p.value / max) * barRoom) : 0;
            return (
              <g key={`${p.label}-${i}`}>
                <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="central" className="chart-label">
                  {shorten(p.label)}
                </text>
                <rect x={LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} className="chart-bar" />
                <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="central" className="chart-value">
                  {formatValue(p.value)}
                </text>
              </g>
            );
          })}
          <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} className="chart-axis" />
        </svg>
      )}
      {series.length > 0 ? (
        <details className="chart-data" open={openData}>
          <summary>Show the data</summary>
          <table>
            <caption>{chart.title}: the data</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                <th scope="col" className="number">
                  {chart.unit}
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((p, i) => (
                <tr key={`${p.label}-${i}`}>
                  <th scope="row">{p.label}</th>
                  <td className="number">{formatValue(p.value)}</td>
                </tr>
              ))}
            </tbody>
            {!showTotal ? null : (
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="number">{formatValue(total)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </details>
      ) : null}
    </figure>
  );
}
