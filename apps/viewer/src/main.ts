// The viewer page: a file picker that shows what it can about a chosen trace.
import { describeTraceFile, schemaLine, type TraceFileSummary } from './describe';

function render(target: HTMLElement, summary: TraceFileSummary): void {
  const list = document.createElement('dl');
  for (const [label, value] of summary.rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = summary.note;
  target.replaceChildren(list, note);
  target.hidden = false;
}

const input = document.querySelector<HTMLInputElement>('#trace-file');
const info = document.querySelector<HTMLElement>('#trace-info');
const footer = document.querySelector<HTMLElement>('#schema');
if (!input || !info || !footer) throw new Error('viewer page is missing #trace-file, #trace-info or #schema');

footer.textContent = schemaLine();
input.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file) render(info, describeTraceFile(file));
  else info.hidden = true;
});
