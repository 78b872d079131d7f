// One lane per subject, in months from enrolment: radiotherapy, visits, toxicities (by grade),
// progression and death.
import { searchByPatients, monthsBetween, round } from '../../smart/trial.js';

const NCIT = 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl';
const ISOTOX = 'https://isotox.org/fhir/CodeSystem/isotox';
const COURSE = 'http://snomed.info/sct|1217123003';
const GRADES = { C41338: 1, C41339: 2, C41340: 3, C41337: 4, C48275: 5 };

export async function drawSwimmer(panel, fhir, trial) {
  const subjects = trial.subjects.filter((s) => s.enrolled);
  const [courses, encounters, toxicities, timepoints] = await Promise.all([
    searchByPatients(fhir, 'Procedure', subjects, `code=${encodeURIComponent(COURSE)}`),
    searchByPatients(fhir, 'Encounter', subjects, 'status=finished'),
    searchByPatients(fhir, 'Observation', subjects, `value-concept=${encodeURIComponent(`${NCIT}|`)}`),
    searchByPatients(fhir, 'Observation', subjects, `code=${encodeURIComponent(`${ISOTOX}|recist-timepoint-response`)}`),
  ]);
  const lanes = subjects.map((s) => `${s.sequence ? `#${s.sequence} ` : ''}${trial.siteCode(s.site)} ${s.patient}`);
  const rows = [['subject', 'site', 'event', 'date', 'months from enrolment', 'detail']];
  const series = { radiotherapy: [], visit: [], toxicity: [], progression: [], death: [] };
  const followUp = subjects.map((s) => 0);
  const add = (kind, index, date, detail, end) => {
    const subject = subjects[index];
    const months = round(monthsBetween(subject.enrolled, date));
    followUp[index] = Math.max(followUp[index], months, end ?? 0);
    rows.push([subject.reference, trial.siteName(subject.site), kind, date.substring(0, 10), months, detail ?? '']);
    return months;
  };
  const laneOf = (reference) => subjects.findIndex((s) => s.patient === reference);
  courses.forEach((c) => {
    const lane = laneOf(c.subject.reference);
    const period = c.performedPeriod || {};
    if (lane < 0 || !period.start) {
      return;
    }
    const end = period.end ? round(monthsBetween(subjects[lane].enrolled, period.end)) : undefined;
    const start = add('radiotherapy', lane, period.start, period.end ? `to ${period.end.substring(0, 10)}` : 'ongoing', end);
    series.radiotherapy.push([lane, start, end ?? start]);
  });
  encounters.forEach((e) => {
    const lane = laneOf(e.subject.reference);
    if (lane >= 0 && e.period?.start) {
      series.visit.push([add('visit', lane, e.period.start), lane]);
    }
  });
  toxicities.filter((o) => o.effectiveDateTime).forEach((o) => {
    const lane = laneOf(o.subject.reference);
    const grade = GRADES[o.valueCodeableConcept?.coding?.find((c) => c.system === NCIT)?.code];
    const term = o.code.coding.find((c) => c.system === NCIT)?.code;
    if (lane >= 0 && grade) {
      series.toxicity.push({ value: [add('toxicity', lane, o.effectiveDateTime, `${term} grade ${grade}`), lane], grade });
    }
  });
  timepoints.filter((o) => o.effectiveDateTime && (o.valueCodeableConcept?.coding || []).some((c) => c.code === 'PD')).forEach((o) => {
    const lane = laneOf(o.subject.reference);
    if (lane >= 0) {
      series.progression.push([add('progression', lane, o.effectiveDateTime), lane]);
    }
  });
  subjects.forEach((s, lane) => {
    const died = s.patientResource?.deceasedDateTime;
    if (died) {
      series.death.push([add('death', lane, died), lane]);
    }
  });
  const scatter = (name, data, symbol, color, extra = {}) => ({ name, type: 'scatter', data, symbol, symbolSize: 12, itemStyle: { color }, z: 5, ...extra });
  panel.draw({
    title: { text: `${subjects.length} subjects`, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: {},
    legend: { bottom: 0 },
    grid: { top: 40, bottom: 70, left: 190, right: 30 },
    xAxis: { type: 'value', name: 'months from enrolment', nameLocation: 'middle', nameGap: 25, min: 0 },
    yAxis: { type: 'category', data: lanes, inverse: true },
    series: [
      { name: 'follow-up', type: 'bar', data: followUp, barWidth: '60%', itemStyle: { color: '#e3e7ee' }, silent: true },
      {
        name: 'radiotherapy', type: 'custom', data: series.radiotherapy, encode: { x: [1, 2], y: 0 }, itemStyle: { color: '#3465a4' }, z: 4,
        renderItem: (params, api) => {
          const start = api.coord([api.value(1), api.value(0)]);
          const end = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1] * 0.35;
          return { type: 'rect', shape: { x: start[0], y: start[1] - height / 2, width: Math.max(2, end[0] - start[0]), height }, style: { fill: '#3465a4' } };
        },
      },
      scatter('visit', series.visit, 'circle', '#4e9a06', { symbolSize: 8 }),
      scatter('toxicity', series.toxicity, 'triangle', (p) => ['#fce94f', '#f5a623', '#e67e22', '#c0392b', '#000'][p.data.grade - 1],
        { label: { show: true, formatter: (p) => p.data.grade, position: 'top', fontSize: 9 } }),
      scatter('progression', series.progression, 'diamond', '#75507b'),
      scatter('death', series.death, 'rect', '#2e3436'),
    ],
  }, rows);
  panel.chart.resize({ height: Math.max(300, 90 + 26 * subjects.length) });
  panel.done(subjects.length ? 'ready' : 'empty');
}
