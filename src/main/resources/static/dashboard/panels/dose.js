// Dose: the isotoxic total dose of each subject (ResearchSubject/$isotoxic-prescription, from the
// stored DVHs) and the constraint that limited it; one subject's DVHs at that dose with the
// organ-at-risk limits drawn on them.
import { parts, value } from '../../smart/fhir.js';

const ISOTOX = 'https://isotox.org/fhir/CodeSystem/isotox';
const SD = 'https://isotox.org/fhir/StructureDefinition/';

export async function loadPrescriptions(fhir, trial) {
  const answers = await Promise.all(trial.subjects.map((s) => fhir.get(`ResearchSubject/${s.id}/$isotoxic-prescription`)
    .then((p) => ({ subject: s, prescription: p }))
    .catch(() => null))); // no DVH stored yet: no prescription to show
  return answers.filter((a) => a && value(a.prescription, 'feasible') !== undefined);
}

export function drawDoses(panel, prescriptions) {
  const doses = [];
  for (let dose = 45; dose <= 72; dose += 3) {
    doses.push(dose);
  }
  const rows = [['subject', 'feasible', 'total dose (Gy)', 'fractions', 'limiting constraint']];
  const byConstraint = new Map();
  prescriptions.forEach(({ subject, prescription }) => {
    const feasible = value(prescription, 'feasible');
    const total = feasible ? value(prescription, 'totalDose').value : null;
    const limiting = value(prescription, 'limitingConstraint');
    rows.push([subject.reference, feasible, total, value(prescription, 'fractions'), limiting]);
    if (feasible) {
      const counts = byConstraint.get(limiting) || doses.map(() => 0);
      counts[doses.indexOf(total)] += 1;
      byConstraint.set(limiting, counts);
    }
  });
  const infeasible = prescriptions.length - [...byConstraint.values()].flat().reduce((a, b) => a + b, 0);
  panel.draw({
    title: { text: `Total dose of ${prescriptions.length} plans${infeasible ? `, ${infeasible} not feasible` : ''}`, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { top: 40, bottom: 70, left: 50, right: 20 },
    xAxis: { type: 'category', name: 'total dose (Gy)', nameLocation: 'middle', nameGap: 25, data: doses },
    yAxis: { type: 'value', name: 'subjects', minInterval: 1 },
    series: [...byConstraint.entries()].map(([name, data]) => ({ name, type: 'bar', stack: 'dose', data })),
  }, rows);
  panel.done(prescriptions.length ? 'ready' : 'empty');
}

export async function drawDvh(panel, fhir, chosen) {
  const { subject, prescription } = chosen;
  const observations = await fhir.search(`Observation?subject=${subject.patient}&code=${encodeURIComponent(`${ISOTOX}|dvh`)}&_count=100`);
  const feasible = value(prescription, 'feasible');
  const total = (feasible ? value(prescription, 'totalDose') : value(prescription, 'evaluatedAt')).value;
  const fractions = total / value(prescription, 'fractionDose').value;
  const rows = [['structure', 'dose (Gy)', 'volume (%)']];
  const series = observations.map((dvh) => {
    const structure = dvh.bodySite?.coding?.[0]?.code || dvh.id;
    const components = dvh.component || [];
    const reference = components.find((c) => hasCode(c, 'reference-dose'))?.valueQuantity?.value;
    const scale = reference ? total / reference : 1;
    const points = components.filter((c) => hasCode(c, 'dvh-point')).map((c) => {
      const dose = (c.extension || []).find((e) => e.url === `${SD}dvh-point-dose`)?.valueQuantity?.value;
      return [round(dose * scale), c.valueQuantity.value];
    }).sort((a, b) => a[0] - b[0]);
    points.forEach(([dose, volume]) => rows.push([structure, dose, volume]));
    return { name: structure, type: 'line', data: points, showSymbol: false, ...limitsOn(structure, prescription, fractions) };
  });
  panel.draw({
    title: { text: `${subject.reference}: DVHs at ${total} Gy (limiting: ${value(prescription, 'limitingConstraint')})`, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { top: 40, bottom: 60, left: 50, right: 30 },
    xAxis: { type: 'value', name: 'Gy' },
    yAxis: { type: 'value', name: 'volume %', max: 100 },
    series,
  }, rows);
  panel.done(series.length ? 'ready' : 'empty');
}

/** The structure's limits: Vx as a point (x Gy, limit %), dose limits as vertical lines. */
function limitsOn(structure, prescription, fractions) {
  const points = [];
  const lines = [];
  parts(prescription, 'constraint').forEach((constraint) => {
    const name = value(constraint, 'name');
    if (!name.startsWith(`${structure} `)) {
      return;
    }
    const metric = name.substring(structure.length + 1);
    const limit = value(constraint, 'limit').value;
    const volume = metric.match(/^V(\d+(?:\.\d+)?)$/);
    const label = `${metric} ≤ ${limit}${volume ? '%' : ' Gy'}`;
    if (volume) {
      points.push({ coord: [Number(volume[1]), limit], name: label, value: label });
    } else if (metric === 'Dmax per fraction') {
      lines.push({ xAxis: round(limit * fractions), label: { formatter: `${structure} ${label}/fx` } });
    } else {
      lines.push({ xAxis: limit, label: { formatter: `${structure} ${label}` } });
    }
  });
  return {
    markPoint: { symbol: 'pin', symbolSize: 36, data: points, label: { formatter: (p) => p.name, fontSize: 9, offset: [0, -20] } },
    markLine: { symbol: 'none', lineStyle: { type: 'dashed' }, data: lines, label: { fontSize: 9 } },
  };
}

function hasCode(component, code) {
  return (component.code?.coding || []).some((c) => c.system === ISOTOX && c.code === code);
}

function round(value) {
  return Math.round(value * 100) / 100;
}
