/**
 * `<soh-progress>`: fills the progress table from the saved answers and handles export,
 * import and clearing. All reading and validation is in src/machines/progress.ts.
 */
import { emptyProgress, exportProgress, lessonScore, loadProgress, parseProgress, progressResetNotice, saveProgress, type Progress } from '../../machines/progress.ts';

class ProgressElement extends HTMLElement {
  connectedCallback(): void {
    let storage: Storage | undefined;
    try {
      storage = window.localStorage;
    } catch {
      storage = undefined;
    }
    const loaded = storage ? loadProgress(storage) : { progress: emptyProgress() };
    let progress: Progress = loaded.progress;
    const notice = this.querySelector<HTMLElement>('[data-notice]');
    if (loaded.resetReason !== undefined && notice !== null) {
      notice.textContent = `${progressResetNotice} (${loaded.resetReason})`;
      notice.hidden = false;
    }
    const message = this.querySelector<HTMLElement>('[data-message]');
    const say = (text: string) => {
      if (message !== null) message.textContent = text;
    };
    const replace = (next: Progress) => {
      progress = next;
      if (storage) saveProgress(storage, next);
      this.fill(progress);
    };
    this.fill(progress);

    this.querySelector('[data-action="export"]')?.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([exportProgress(progress)], { type: 'application/json' }));
      link.download = 'stack-or-heap-progress.json';
      link.click();
      URL.revokeObjectURL(link.href);
      say('Progress exported to stack-or-heap-progress.json.');
    });
    const fileInput = this.querySelector<HTMLInputElement>('[data-action="import"]');
    fileInput?.addEventListener('change', async () => {
      const file = fileInput.files?.[0];
      if (file === undefined) return;
      const parsed = parseProgress(await file.text());
      fileInput.value = '';
      if (typeof parsed === 'string') {
        say(`Nothing imported: ${file.name} is not a progress file (${parsed}).`);
        return;
      }
      replace(parsed);
      say(`Progress imported from ${file.name}.`);
    });
    this.querySelector('[data-action="clear"]')?.addEventListener('click', () => {
      if (!window.confirm('Clear every saved quiz answer in this browser?')) return;
      replace(emptyProgress());
      say('All answers cleared.');
    });
  }

  /** Writes each lesson's score into its row, and the total. */
  private fill(progress: Progress): void {
    let right = 0;
    let questions = 0;
    for (const row of this.querySelectorAll<HTMLElement>('tr[data-lesson]')) {
      const itemIds = (row.dataset.items ?? '').split(' ').filter((id) => id !== '');
      const score = lessonScore(progress, row.dataset.lesson ?? '', itemIds);
      const answered = row.querySelector('[data-answered]');
      const correct = row.querySelector('[data-correct]');
      if (answered) answered.textContent = String(score.answered);
      if (correct) correct.textContent = String(score.correct);
      right += score.correct;
      questions += score.total;
    }
    const total = this.querySelector('[data-total]');
    if (total) total.textContent = `In all: ${right} of ${questions} questions answered right.`;
  }
}

/** Registers `<soh-progress>` once. */
export function defineProgressElement(): void {
  if (!customElements.get('soh-progress')) customElements.define('soh-progress', ProgressElement);
}
