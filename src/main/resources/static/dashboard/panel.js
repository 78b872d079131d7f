// A dashboard panel: its chart (ECharts), its data as CSV, and its state for people and tests
// (data-state: loading, ready, empty, error).
import { fillTable as fill } from '../smart/table.js';

export class Panel {
  constructor(id) {
    this.section = document.getElementById(id);
    this.id = id;
    this.rows = [];
    this.chart = null;
    this.section.querySelector('.png')?.addEventListener('click', () => this.downloadPng());
    this.section.querySelector('.csv')?.addEventListener('click', () => this.downloadCsv());
  }

  element(selector) {
    return this.section.querySelector(selector);
  }

  /** Draws the chart from an ECharts option; the CSV rows are the data behind it. */
  draw(option, rows) {
    const target = this.element('.chart');
    this.chart = echarts.getInstanceByDom(target) || echarts.init(target);
    this.chart.setOption({ animation: false, ...option }, true);
    this.rows = rows;
  }

  table(rows) {
    this.rows = rows;
    this.fillTable(this.element('table.data'), rows);
  }

  /** Fills {@code table} with {@code rows} (the first its header), leaving the CSV rows as they are. */
  fillTable(table, rows) {
    fill(table, rows);
  }

  note(text) {
    this.element('.note').textContent = text;
  }

  done(state = 'ready') {
    if (state === 'empty' && !this.element('.note').textContent) {
      this.note('Nothing recorded yet.');
    }
    this.section.dataset.state = state;
  }

  failed(error) {
    this.note(error.message);
    this.done('error');
    console.error(error);
  }

  downloadPng() {
    if (!this.chart) {
      return;
    }
    save(`${this.id}.png`, this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
  }

  downloadCsv() {
    const csv = this.rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
    save(`${this.id}.csv`, URL.createObjectURL(new Blob([csv], { type: 'text/csv' })));
  }
}

function csvCell(cell) {
  const text = cell === undefined || cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function save(name, href) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
}
