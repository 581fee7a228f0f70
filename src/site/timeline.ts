import type { Period } from '../audit/types.ts';
import type { SourceHealth } from '../model/backup-health.ts';
import { daysBetween } from '../time/dates.ts';
import { describeHours } from '../time/duration.ts';
import { instantText } from '../time/dates.ts';

/**
 * Geometry of a backup timeline, worked out at build time so the chart is plain SVG (no
 * JavaScript): one column per day of the window, successful jobs rising above the axis,
 * failed ones hanging below it, and every RPO breach as a band across the days it spans.
 */
export interface Timeline {
  width: number;
  height: number;
  axisY: number;
  bars: { x: number; y: number; width: number; height: number; kind: 'success' | 'failure'; label: string }[];
  breaches: { x: number; width: number; label: string }[];
  ticks: { x: number; label: string }[];
}

const WIDTH = 720;
const LANE = 28;
const TOP = 14;

export function timeline(s: Pick<SourceHealth, 'days' | 'breaches'>, window: Period): Timeline {
  const days = daysBetween(window.start, window.end) + 1;
  const step = WIDTH / Math.max(days, 1);
  const x = (day: string) => Math.max(0, Math.min(days, daysBetween(window.start, day))) * step;
  const max = Math.max(1, ...s.days.map((d) => Math.max(d.succeeded, d.failed)));
  const axisY = TOP + LANE;
  const bars: Timeline['bars'] = [];
  for (const d of s.days) {
    if (d.day < window.start || d.day > window.end) continue;
    if (d.succeeded) bars.push({ x: x(d.day), y: axisY - (d.succeeded / max) * LANE, width: Math.max(step - 0.5, 0.5), height: (d.succeeded / max) * LANE, kind: 'success', label: `${d.day}: ${d.succeeded} successful` });
    if (d.failed) bars.push({ x: x(d.day), y: axisY, width: Math.max(step - 0.5, 1.5), height: Math.max((d.failed / max) * LANE, 4), kind: 'failure', label: `${d.day}: ${d.failed} failed` });
  }
  const breaches = s.breaches
    .filter((g) => g.to.slice(0, 10) >= window.start && g.from.slice(0, 10) <= window.end)
    .map((g) => ({ x: x(g.from.slice(0, 10)), width: Math.max(x(g.to.slice(0, 10)) - x(g.from.slice(0, 10)) + step, 3), label: `RPO breach: ${describeHours(g.hours)} without a successful backup, ${instantText(g.from)} to ${instantText(g.to)}` }));
  const ticks: Timeline['ticks'] = [];
  for (let i = 0; i < days; i++) {
    const day = new Date(Date.parse(`${window.start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    if (day.endsWith('-01') || i === 0) ticks.push({ x: i * step, label: day.slice(0, 7) });
  }
  return { width: WIDTH, height: axisY + LANE + 16, axisY, bars, breaches, ticks };
}
