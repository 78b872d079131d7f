// The safety tracker: subjects with a severe toxicity among the first n1 against the stopping
// boundary (n1 - r1), and every CTCAE term by grade.
import { searchByPatients } from '../../smart/trial.js';

const NCIT = 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl';

export function drawSafety(panel, simon) {
  const boundary = simon.n1 - simon.r1;
  const stageOne = Math.min(simon.enrolled, simon.n1);
  const rows = [['measure', 'subjects'],
    ['enrolled in stage 1', stageOne], ['evaluable', simon.evaluable],
    ['severe toxicity in stage 1', simon.stageOneSevere], ['stopping boundary', boundary]];
  panel.draw({
    title: { text: `${simon.stageOneSevere} of ${boundary} severe toxicities that stop the trial`, left: 'center' },
    tooltip: {},
    grid: { top: 60, bottom: 40, left: 170, right: 60 },
    xAxis: { type: 'value', max: simon.n1, minInterval: 1, name: 'subjects' },
    yAxis: { type: 'category', data: ['severe toxicity', 'evaluable', `enrolled (first ${simon.n1})`] },
    series: [{
      type: 'bar',
      data: [
        { value: simon.stageOneSevere, itemStyle: { color: simon.stageOneSevere >= boundary ? '#c0392b' : '#e67e22' } },
        simon.evaluable > simon.n1 ? simon.n1 : simon.evaluable,
        stageOne,
      ],
      label: { show: true, position: 'right' },
      markLine: {
        symbol: 'none', lineStyle: { color: '#c0392b', width: 2 },
        data: [{ xAxis: boundary, label: { formatter: `stop at ${boundary}` } }],
      },
    }],
  }, rows);
  drawPending(panel, simon);
  panel.done();
}

/** Who is not evaluable yet and why, and the severe toxicities dated after a subject's window: no silent stall. */
function drawPending(panel, simon) {
  const lines = [
    ...simon.pending.map((p) => [p.enrolmentSequence, p.reason, p.lastFraction, p.evaluableOn]),
    ...simon.late.map((l) => [l.enrolmentSequence, 'severe toxicity after the window (not counted)', l.date, '']),
  ];
  panel.fillTable(panel.element('table.pending'), lines.length
    ? [['subject', 'not yet evaluable: reason', 'last fraction / dated', 'evaluable on'], ...lines]
    : []);
}

export async function drawToxicityTable(panel, fhir, trial) {
  const [observations, codeSystems] = await Promise.all([
    searchByPatients(fhir, 'Observation', trial.subjects, `value-concept=${encodeURIComponent(`${NCIT}|`)}`),
    fhir.search(`CodeSystem?url=${encodeURIComponent(NCIT)}`),
  ]);
  const names = new Map((codeSystems[0]?.concept || []).map((c) => [c.code, c.display]));
  const grades = [1, 2, 3, 4, 5];
  const counts = new Map();
  observations.filter((o) => o.status !== 'entered-in-error').forEach((o) => {
    const term = o.code.coding.find((c) => c.system === NCIT)?.code;
    const gradeCode = o.valueCodeableConcept?.coding?.find((c) => c.system === NCIT)?.code;
    const grade = Number((names.get(gradeCode) || '').match(/Grade (\d)/)?.[1]);
    if (!term || !grade) {
      return;
    }
    const name = names.get(term) || term;
    const subjects = counts.get(name) || grades.map(() => new Set());
    subjects[grade - 1].add(o.subject.reference);
    counts.set(name, subjects);
  });
  const terms = [...counts.keys()].sort();
  const rows = [['CTCAE term', ...grades.map((g) => `grade ${g}`)],
    ...terms.map((t) => [t, ...counts.get(t).map((s) => s.size)])];
  panel.table(rows);
  panel.draw({
    title: { text: 'Patients with a record of each term and grade', left: 'center', textStyle: { fontSize: 13 } },
    tooltip: {},
    grid: { top: 40, bottom: 60, left: 150, right: 40 },
    xAxis: { type: 'category', data: grades.map((g) => `grade ${g}`) },
    yAxis: { type: 'category', data: terms },
    visualMap: { min: 0, max: Math.max(1, ...rows.slice(1).flatMap((r) => r.slice(1))), orient: 'horizontal', left: 'center', bottom: 0, calculable: false },
    series: [{
      type: 'heatmap', label: { show: true },
      data: terms.flatMap((t, y) => counts.get(t).map((s, x) => [x, y, s.size])),
    }],
  }, rows);
  panel.done(terms.length ? 'ready' : 'empty');
}
