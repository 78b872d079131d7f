// The call list: overdue visits and questionnaires per site ($overdue as of today). A site
// investigator asks for his own site only, as the server requires.
import { parts, value } from '../../smart/fhir.js';

export async function drawOverdue(panel, fhir, trial, asOf) {
  const site = trial.userSite ? `&site=${trial.userSite}` : '';
  const overdue = await fhir.get(`ResearchStudy/${trial.study.id}/$overdue?asOf=${asOf}${site}`);
  const rows = [['site', 'subject', 'patient', 'activity', 'scheduled', 'due', 'days overdue']];
  const perSite = new Map();
  parts(overdue, 'subject').forEach((subject) => {
    const site = value(subject, 'site')?.reference;
    const siteName = trial.siteName(site);
    parts(subject, 'activity').forEach((activity) => {
      rows.push([siteName, value(subject, 'researchSubject').reference, value(subject, 'patient').reference,
        value(activity, 'description'), value(activity, 'scheduledDate'), value(activity, 'dueDate'), value(activity, 'daysOverdue')]);
      perSite.set(trial.siteCode(site), (perSite.get(trial.siteCode(site)) || 0) + 1);
    });
  });
  panel.table(rows);
  const sites = [...perSite.keys()].sort();
  panel.draw({
    title: { text: `${rows.length - 1} overdue activities as of ${asOf}`, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: {},
    grid: { top: 40, bottom: 30, left: 100, right: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sites },
    series: [{ type: 'bar', data: sites.map((s) => perSite.get(s)), label: { show: true, position: 'right' } }],
  }, rows);
  panel.done(rows.length > 1 ? 'ready' : 'empty');
}
