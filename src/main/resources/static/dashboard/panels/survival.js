// Kaplan–Meier curves as $endpoints computes them (survival, 95 % interval, numbers at risk),
// one per analysis population: the page only draws them, the protocol's population first.
import { parts, value } from '../../smart/fhir.js';

export const PROTOCOL_POPULATION = 'protocol';

/** The analysis populations the answer has, in its order: [{ code, display }]. */
export function populationsOf(endpoints) {
  const populations = new Map();
  parts(endpoints, 'endpoint').map((e) => value(e, 'population')).filter(Boolean)
    .forEach((p) => populations.set(p.code, p.display || p.code));
  return [...populations].map(([code, display]) => ({ code, display }));
}

export function endpointOf(endpoints, name, population) {
  return parts(endpoints, 'endpoint').find((e) => value(e, 'name') === name && value(e, 'population')?.code === population);
}

export function drawSurvival(panel, endpoint, label) {
  const steps = parts(endpoint, 'step').map((s) => ({
    time: value(s, 'time'),
    survival: value(s, 'survival'),
    lower: value(s, 'lower'),
    upper: value(s, 'upper'),
    atRisk: value(s, 'atRisk'),
    events: value(s, 'events'),
    censored: value(s, 'censored'),
  }));
  const atRisk = new Map(parts(endpoint, 'numberAtRisk').map((p) => [value(p, 'time'), value(p, 'atRisk')]));
  const start = { time: 0, survival: 1, lower: 1, upper: 1 };
  const curve = [start, ...steps];
  const lower = stepped(curve.map((s) => [s.time, s.lower ?? s.survival]));
  const upper = stepped(curve.map((s) => [s.time, s.upper ?? s.survival]));
  const n = value(endpoint, 'n');
  const events = value(endpoint, 'events');
  const median = value(endpoint, 'median');
  const population = value(endpoint, 'population');
  const rows = [['time (months)', 'survival', 'lower 95%', 'upper 95%', 'at risk', 'events', 'censored'],
    ...steps.map((s) => [s.time, s.survival, s.lower, s.upper, s.atRisk, s.events, s.censored])];
  const lastTime = Math.max(12, ...atRisk.keys(), ...steps.map((s) => s.time));
  panel.draw({
    title: {
      text: `${label}: ${events} events in ${n} subjects, median ${median ? `${median.value.toFixed(1)} months` : 'not reached'}`,
      subtext: population?.display || population?.code || '',
      left: 'center', textStyle: { fontSize: 13 }, subtextStyle: { fontSize: 12, color: '#555' },
    },
    tooltip: { trigger: 'axis' },
    grid: { top: 60, bottom: 70, left: 60, right: 30 },
    xAxis: {
      type: 'value', name: 'months', nameLocation: 'middle', nameGap: 45, min: 0, max: Math.ceil(lastTime / 6) * 6, interval: 6,
      axisLabel: { formatter: (t) => `${t}\n${atRisk.has(t) ? atRisk.get(t) : ''}`, lineHeight: 16 },
    },
    yAxis: { type: 'value', min: 0, max: 1, name: 'survival' },
    graphic: [{ type: 'text', left: 4, bottom: 36, style: { text: 'at risk', fontSize: 11, fill: '#555' } }],
    series: [
      {
        name: '95% CI', type: 'custom', data: [[0, 1]], silent: true, z: 1,
        renderItem: (params, api) => ({
          type: 'polygon',
          shape: { points: [...upper, ...lower.slice().reverse()].map((point) => api.coord(point)) },
          style: { fill: 'rgba(52, 101, 164, 0.2)' },
        }),
      },
      { name: label, type: 'line', data: stepped(curve.map((s) => [s.time, s.survival])), showSymbol: false, lineStyle: { width: 2, color: '#3465a4' } },
      {
        name: 'censored', type: 'scatter', symbol: 'path://M0,-6L0,6', symbolSize: [2, 10], itemStyle: { color: '#3465a4' },
        data: steps.filter((s) => s.censored > 0).map((s) => [s.time, s.survival]),
      },
    ],
  }, rows);
  panel.done(n ? 'ready' : 'empty');
}

// The corners of a right-continuous step function, drawn point to point (the band is a polygon).
function stepped(points) {
  return points.flatMap(([time, y], i) => (i === 0 ? [[time, y]] : [[time, points[i - 1][1]], [time, y]]));
}
