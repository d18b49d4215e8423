/**
 * `<soh-playground>`: the only script a lesson page loads for its snippets. It waits for the
 * reader to ask for the editor (Edit, a click in the code, or saved edits to restore) and only
 * then imports the interactive editor, so reading costs almost nothing.
 */
import { hasSavedEdits } from '../../machines/editor-storage.ts';
import { prefersPlainEditor } from './editor-choice.ts';

/**
 * Loads the interactive editor module, and Monaco beside it (not after it) where Monaco will
 * be used. Modules load once, so calling this early (on hover or focus) only warms them up.
 */
function loadInteractive(): Promise<typeof import('./interactive.ts')> {
  if (!prefersPlainEditor()) void import('./monaco-editor.ts');
  return import('./interactive.ts');
}

/** The playground custom element; the static markup inside it is rendered at build time. */
class PlaygroundElement extends HTMLElement {
  /** Set once the editor has been asked for, so repeated clicks do nothing. */
  opening = false;
  /** Reads the editor's text once it is open. */
  readText: (() => string) | undefined;

  /** The reader's current text: the editor's once open, else the snippet's. */
  get text(): string {
    return this.readText?.() ?? this.dataset.code ?? '';
  }

  connectedCallback(): void {
    const edit = this.querySelector<HTMLButtonElement>('[data-action="edit"]');
    edit?.addEventListener('click', () => void this.open(true));
    const code = this.querySelector<HTMLElement>('[data-role="static-code"]');
    code?.addEventListener('click', () => void this.open(true));
    // Pointing at the snippet or focusing it warms the modules up without taking the reader anywhere.
    for (const target of [edit, code]) {
      target?.addEventListener('pointerenter', () => void loadInteractive(), { once: true });
      target?.addEventListener('focusin', () => void loadInteractive(), { once: true });
    }
    if (this.dataset.mode === 'page' || hasSavedEdits(this.dataset.id ?? '')) void this.open(false);
  }

  /** Replaces the static view with the editor; focuses it when the reader asked. */
  async open(focus: boolean): Promise<void> {
    if (this.opening) return;
    this.opening = true;
    const edit = this.querySelector<HTMLButtonElement>('[data-action="edit"]');
    if (edit !== null) {
      edit.disabled = true;
      edit.textContent = 'Loading editor…';
    }
    try {
      const module = await loadInteractive();
      this.readText = await module.mountPlayground(this, { focus });
    } catch (error) {
      // Loading failed (offline, blocked script): keep the static view and let the reader retry.
      this.opening = false;
      if (edit !== null) {
        edit.disabled = false;
        edit.textContent = 'Edit (loading failed, try again)';
      }
      throw error;
    }
  }
}

if (customElements.get('soh-playground') === undefined) customElements.define('soh-playground', PlaygroundElement);
