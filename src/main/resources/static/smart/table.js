/** Fills {@code table} with {@code rows}, the first its header; empties it when there are none. */
export function fillTable(table, rows) {
  table.replaceChildren();
  if (!rows.length) {
    return;
  }
  const [header, ...body] = rows;
  const head = table.createTHead().insertRow();
  header.forEach((cell) => {
    const th = document.createElement('th');
    th.textContent = cell;
    head.appendChild(th);
  });
  const tbody = table.createTBody();
  body.forEach((row) => {
    const tr = tbody.insertRow();
    row.forEach((cell) => { tr.insertCell().textContent = cell ?? ''; });
  });
}
