/**
 * A small bar chart drawn as SVG (no charting library: a few bars per day or category are all the
 * dashboard needs), with the same figures as a table for screen readers. Bars of several series
 * stand side by side per row; colours come from CSS variables, so both themes work.
 */

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  values: Record<string, number | null>;
}

interface Props {
  id: string;
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  format?(value: number): string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 36, left: 44 };

export function BarChart({ id, title, series, rows, format = (v) => String(Math.round(v * 100) / 100) }: Props) {
  const max = Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.key] ?? 0)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const groupWidth = rows.length > 0 ? plotWidth / rows.length : plotWidth;
  // A few rows should not make slabs: bars stay at most 40 units wide, centred in their group.
  const barWidth = Math.min(40, Math.max(2, (groupWidth * 0.8) / series.length));
  const groupPad = (groupWidth - barWidth * series.length) / 2;
  // Label every row when they fit, else every nth.
  const labelEvery = Math.max(1, Math.ceil(rows.length / 10));

  return (
    <figure class="chart" data-chart={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} preserveAspectRatio="xMidYMid meet">
        <line x1={PAD.left} y1={PAD.top + plotHeight} x2={WIDTH - PAD.right} y2={PAD.top + plotHeight} class="chart__axis" />
        <text x={PAD.left - 6} y={PAD.top + 4} class="chart__tick" text-anchor="end">
          {format(max)}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotHeight} class="chart__tick" text-anchor="end">
          0
        </text>
        {rows.map((row, rowIndex) => (
          <g key={row.label}>
            {series.map((s, seriesIndex) => {
              const value = row.values[s.key] ?? 0;
              const height = (value / max) * plotHeight;
              const x = PAD.left + rowIndex * groupWidth + groupPad + seriesIndex * barWidth;
              return (
                <rect key={s.key} class={`chart__bar chart__bar--${seriesIndex}`} x={x} y={PAD.top + plotHeight - height} width={barWidth} height={height}>
                  <title>{`${row.label} · ${s.label}: ${format(value)}`}</title>
                </rect>
              );
            })}
            {rowIndex % labelEvery === 0 ? (
              <text x={PAD.left + rowIndex * groupWidth + groupWidth / 2} y={HEIGHT - PAD.bottom + 14} class="chart__tick" text-anchor="middle">
                {/^\d{4}-\d{2}-\d{2}$/.test(row.label) ? row.label.slice(5) : row.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      {series.length > 1 ? (
        <ul class="chart__legend" aria-hidden="true">
          {series.map((s, index) => (
            <li key={s.key}>
              <span class={`chart__swatch chart__bar--${index}`} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {series.map((s) => (
              <th scope="col" key={s.key}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {series.map((s) => (
                <td key={s.key}>{row.values[s.key] === null ? '–' : format(row.values[s.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
