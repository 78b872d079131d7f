// Enrolment over time, cumulative per site, against the Simon stage boundaries, with the
// current $simon-status decision.
import { value } from '../../smart/fhir.js';

export function simonNumbers(status) {
  const audit = status.parameter.find((p) => p.name === 'designAudit');
  return {
    decision: value(status, 'decision'),
    stage: value(status, 'stage'),
    enrolled: value(status, 'enrolled'),
    evaluable: value(status, 'evaluable'),
    stageOneSevere: value(status, 'stage1SevereToxicities'),
    severe: value(status, 'severeToxicities'),
    pending: subjectParts(status, 'notYetEvaluable'),
    late: subjectParts(status, 'lateSevereToxicity'),
    n1: value(audit, 'n1'),
    r1: value(audit, 'r1'),
    n: value(audit, 'n'),
    r: value(audit, 'r'),
  };
}

/** Each repeated per-subject parameter as an object of its parts' values. */
function subjectParts(status, name) {
  return status.parameter.filter((p) => p.name === name).map((p) => Object.fromEntries(p.part.map((part) => {
    const [key, v] = Object.entries(part).find(([k]) => k.startsWith('value'));
    return [part.name, key === 'valueReference' ? v.reference : v];
  })));
}

export function drawEnrolment(panel, trial, simon) {
  const bySite = new Map();
  trial.subjects.filter((s) => s.enrolled).forEach((s) => {
    const site = trial.siteName(s.site);
    bySite.set(site, [...(bySite.get(site) || []), s.enrolled]);
  });
  const rows = [['site', 'date', 'cumulative enrolled']];
  const series = [...bySite.entries()].sort().map(([site, dates]) => {
    const points = dates.sort().map((date, i) => [date, i + 1]);
    points.forEach(([date, count]) => rows.push([site, date, count]));
    return { name: site, type: 'line', step: 'end', data: points, symbolSize: 6 };
  });
  const total = trial.subjects.length;
  series.push({
    name: 'all sites', type: 'line', step: 'end', lineStyle: { type: 'dashed' },
    data: trial.subjects.map((s) => s.enrolled).filter(Boolean).sort().map((date, i) => [date, i + 1]),
    markLine: {
      symbol: 'none',
      data: [
        { yAxis: simon.n1, name: 'stage 1', label: { formatter: `stage 1 ends: n1 = ${simon.n1}` } },
        { yAxis: simon.n, name: 'total', label: { formatter: `study complete: n = ${simon.n}` } },
      ],
    },
  });
  panel.draw({
    title: { text: `Decision: ${simon.decision}`, subtext: `stage ${simon.stage}, ${simon.enrolled} enrolled in the study, ${total} visible here`, left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { top: 70, bottom: 60, left: 50, right: 150 },
    xAxis: { type: 'time', name: 'enrolment', axisLabel: { formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true } },
    yAxis: { type: 'value', name: 'subjects', max: Math.max(simon.n, total) + 2, minInterval: 1 },
    series,
  }, rows);
  panel.element('.decision').textContent = simon.decision;
  panel.done(total ? 'ready' : 'empty');
}
