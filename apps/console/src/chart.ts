import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from './dom.js';

// Okabe–Ito: distinguishable with every common colour-vision deficiency; the reference line is
// also dashed, so it never depends on colour alone.
export const PALETTE = { bar: '#0072B2', reference: '#D55E00', second: '#009E73', grid: '#d0d7de' };

export interface BarChartSpec {
  title: string;
  labels: string[];
  values: Array<number | null>;
  unit: string;
  reference?: { label: string; value: number };
  /** Read aloud instead of the canvas: the figures are also in the table beside it. */
  summary: string;
}

/** A category bar chart with an optional dashed reference line (department mean, guideline). */
export function barChart(spec: BarChartSpec): HTMLElement {
  const holder = h('figure', { class: 'chart', role: 'img', 'aria-label': `${spec.title}. ${spec.summary}` });
  const xs = spec.labels.map((_, i) => i);
  const data: uPlot.AlignedData = [xs, spec.values];
  const series: uPlot.Series[] = [
    {},
    {
      label: spec.unit,
      fill: PALETTE.bar,
      stroke: PALETTE.bar,
      paths: uPlot.paths.bars!({ size: [0.6, 64] }),
      points: { show: false },
    },
  ];
  if (spec.reference) {
    data.push(xs.map(() => spec.reference!.value));
    series.push({
      label: spec.reference.label,
      stroke: PALETTE.reference,
      width: 2,
      dash: [8, 5],
      points: { show: false },
    });
  }
  const draw = (): void => {
    if (!holder.isConnected) return void requestAnimationFrame(draw);
    const width = Math.max(240, Math.min(holder.getBoundingClientRect().width || 520, 720));
    holder.replaceChildren();
    new uPlot(
      {
        width,
        height: 220,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, Math.max(xs.length - 0.5, 0.5)] },
          y: { range: (_u, _min, max) => [0, Math.max(max, spec.reference?.value ?? 0, 1) * 1.1] },
        },
        axes: [
          {
            values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (spec.labels[s] ?? '') : '')),
            splits: () => xs,
            grid: { show: false },
          },
          { label: spec.unit, grid: { stroke: PALETTE.grid, width: 1 } },
        ],
        series,
      },
      data,
      holder,
    );
    holder.querySelector('canvas')?.setAttribute('aria-hidden', 'true');
  };
  requestAnimationFrame(draw);
  return holder;
}

/** A line over time (follow-through rate per week), points marked so a single week still shows. */
export function lineChart(spec: {
  title: string;
  labels: string[];
  values: Array<number | null>;
  unit: string;
  summary: string;
}): HTMLElement {
  const holder = h('figure', { class: 'chart', role: 'img', 'aria-label': `${spec.title}. ${spec.summary}` });
  const xs = spec.labels.map((_, i) => i);
  const draw = (): void => {
    if (!holder.isConnected) return void requestAnimationFrame(draw);
    const width = Math.max(240, Math.min(holder.getBoundingClientRect().width || 520, 720));
    new uPlot(
      {
        width,
        height: 200,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, Math.max(xs.length - 0.5, 0.5)] }, y: { range: [0, 100] } },
        axes: [
          {
            values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (spec.labels[s] ?? '') : '')),
            splits: () => xs,
            grid: { show: false },
          },
          { label: spec.unit, grid: { stroke: PALETTE.grid, width: 1 } },
        ],
        series: [
          {},
          {
            label: spec.unit,
            stroke: PALETTE.second,
            width: 2,
            spanGaps: false,
            points: { show: true, size: 8, fill: PALETTE.second },
          },
        ],
      },
      [xs, spec.values],
      holder,
    );
    holder.querySelector('canvas')?.setAttribute('aria-hidden', 'true');
  };
  requestAnimationFrame(draw);
  return holder;
}
