/**
 * `<soh-quiz>`: the behaviour of the Quiz component. Each question is driven by a
 * quiz-item actor; this element only renders the actor's state into the server-rendered
 * markup and saves answers. It holds no state of its own.
 */
import { createActor, type ActorRefFrom } from 'xstate';
import { quizItemMachine } from '../../machines/quiz.machine.ts';
import { forgetAnswer, lessonScore, loadProgress, progressResetNotice, recordAnswer, saveProgress, type Progress } from '../../machines/progress.ts';

/** Storage that survives a browser refusing localStorage (the quiz still works, unsaved). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

class QuizElement extends HTMLElement {
  connectedCallback(): void {
    const lessonId = this.dataset.lesson ?? '';
    const storage = browserStorage();
    const loaded = storage ? loadProgress(storage) : undefined;
    let progress: Progress | undefined = loaded?.progress;
    const notice = this.querySelector<HTMLElement>('[data-notice]');
    if (loaded?.resetReason !== undefined && notice !== null) {
      notice.textContent = `${progressResetNotice} (${loaded.resetReason})`;
      notice.hidden = false;
    }
    const itemElements = [...this.querySelectorAll<HTMLElement>('[data-item]')];
    const itemIds = itemElements.map((element) => element.dataset.item ?? '');
    const scoreElement = this.querySelector<HTMLElement>('[data-score]');
    const showScore = () => {
      if (progress === undefined || scoreElement === null) return;
      const score = lessonScore(progress, lessonId, itemIds);
      scoreElement.textContent =
        score.answered === 0 ? '' : `Score: ${score.correct} of ${score.total} right (${score.answered} answered).`;
    };
    const save = (next: Progress) => {
      progress = next;
      if (storage) saveProgress(storage, next);
      showScore();
    };

    for (const element of itemElements) {
      const itemId = element.dataset.item ?? '';
      const radios = [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      const actor = createActor(quizItemMachine, {
        input: { correctChoice: Number(element.dataset.correct), choiceCount: radios.length },
      });
      actor.subscribe(() => this.render(element, actor, radios));
      actor.start();
      const saved = progress?.lessons[lessonId]?.[itemId];
      if (saved !== undefined) actor.send({ type: 'RESTORE', choice: saved.choice });

      for (const radio of radios) {
        radio.addEventListener('change', () => actor.send({ type: 'SELECT', choice: Number(radio.value) }));
      }
      element.querySelector('[data-action="check"]')?.addEventListener('click', () => {
        actor.send({ type: 'CHECK' });
        const snapshot = actor.getSnapshot();
        if (!snapshot.matches('answered')) {
          this.say(element, 'Pick an answer first.');
          return;
        }
        const choice = snapshot.context.selected ?? 0;
        if (progress !== undefined) {
          save(recordAnswer(progress, lessonId, itemId, { choice, correct: snapshot.matches({ answered: 'correct' }), answeredAt: new Date().toISOString() }));
        }
        actor.send({ type: 'EXPLAIN' });
        element.querySelector<HTMLElement>('[data-verdict]')?.focus();
      });
      element.querySelector('[data-action="retry"]')?.addEventListener('click', () => {
        actor.send({ type: 'RETRY' });
        if (progress !== undefined) save(forgetAnswer(progress, lessonId, itemId));
        radios[0]?.focus();
      });
    }
    showScore();
  }

  /** Shows a short message in a question's verdict line. */
  private say(element: HTMLElement, text: string): void {
    const verdict = element.querySelector<HTMLElement>('[data-verdict]');
    if (verdict !== null) verdict.textContent = text;
  }

  /** Puts one question's markup in line with its actor's state. */
  private render(element: HTMLElement, actor: ActorRefFrom<typeof quizItemMachine>, radios: HTMLInputElement[]): void {
    const snapshot = actor.getSnapshot();
    const { selected, correctChoice } = snapshot.context;
    const settled = !snapshot.matches('unanswered');
    const correct = selected === correctChoice;
    element.dataset.state = settled ? (correct ? 'correct' : 'incorrect') : 'unanswered';
    radios.forEach((radio, index) => {
      radio.checked = index === selected;
      radio.disabled = settled;
      const label = radio.parentElement;
      if (label === null) return;
      if (settled && index === correctChoice) label.dataset.mark = 'right';
      else if (settled && index === selected) label.dataset.mark = 'wrong';
      else delete label.dataset.mark;
    });
    const check = element.querySelector<HTMLButtonElement>('[data-action="check"]');
    const retry = element.querySelector<HTMLButtonElement>('[data-action="retry"]');
    const verdict = element.querySelector<HTMLElement>('[data-verdict]');
    const explanation = element.querySelector<HTMLElement>('[data-explanation]');
    if (check) check.hidden = settled;
    if (retry) retry.hidden = !settled;
    if (explanation) explanation.hidden = !snapshot.matches('explained');
    if (verdict) {
      verdict.tabIndex = -1;
      const chosen = radios[selected ?? 0]?.parentElement?.textContent?.trim() ?? '';
      verdict.textContent = !settled ? '' : correct ? `Correct: ${chosen}.` : `Not quite: you chose ${chosen}.`;
    }
  }
}

/** Registers `<soh-quiz>` once. */
export function defineQuizElement(): void {
  if (!customElements.get('soh-quiz')) customElements.define('soh-quiz', QuizElement);
}
