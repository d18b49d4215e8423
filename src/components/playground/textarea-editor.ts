/**
 * The plain editor for touch and narrow screens: a `<textarea>` with a gutter that shows line
 * numbers, stack/heap marks and error marks beside each line.
 */
import type { Position } from '../../sim/api.ts';
import type { CodeEditor, EditorMarks } from './code-editor.ts';
import { byteColumn, characterColumn, siteSummary } from './code-editor.ts';
import { element } from './dom.ts';

/** Character offset in `text` of a gc position (1-based line, 1-based byte column). */
export function offsetOf(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let index = 0; index < position.line - 1 && index < lines.length; index++) offset += lines[index]!.length + 1;
  return offset + characterColumn(lines[position.line - 1] ?? '', position.column) - 1;
}

/** Options for the textarea editor. */
export interface TextareaEditorOptions {
  /** The starting text. */
  text: string;
  /** Accessible name of the text area. */
  label: string;
  /** Whether Tab starts out moving focus rather than inserting a tab. */
  tabMovesFocus: boolean;
  /** Tells the reader when Tab starts or stops moving focus out of the editor. */
  announceTabMode: (tabMovesFocus: boolean) => void;
}

/** Creates the textarea editor inside `host`. */
export function createTextareaEditor(host: HTMLElement, options: TextareaEditorOptions): CodeEditor {
  const gutter = element('div', { class: 'soh-ta__gutter', 'aria-hidden': 'true' });
  const textarea = element('textarea', {
    class: 'soh-ta__text',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    wrap: 'off',
    'aria-label': options.label,
  });
  textarea.value = options.text;
  const root = element('div', { class: 'soh-ta' }, [gutter, textarea]);
  host.replaceChildren(root);

  let marks: EditorMarks = { sites: [], diagnostics: [] };
  let tabMovesFocus = options.tabMovesFocus;
  const listeners: Array<(text: string) => void> = [];

  const drawGutter = () => {
    const count = textarea.value.split('\n').length;
    const rows: HTMLElement[] = [];
    for (let line = 1; line <= count; line++) {
      const row = element('div', { class: 'soh-ta__row' }, [element('span', { class: 'soh-ta__number' }, [String(line)])]);
      for (const site of marks.sites.filter((candidate) => candidate.line === line)) {
        row.append(element('span', { class: `soh-badge soh-badge--${site.placement}`, title: siteSummary(site) }, [site.placement === 'heap' ? 'H' : 'S']));
      }
      const diagnostic = marks.diagnostics.find((candidate) => candidate.line === line);
      if (diagnostic !== undefined) {
        row.classList.add(`soh-ta__row--${diagnostic.severity}`);
        row.title = `${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}`;
      }
      rows.push(row);
    }
    gutter.replaceChildren(...rows);
    gutter.scrollTop = textarea.scrollTop;
  };

  textarea.addEventListener('input', () => {
    drawGutter();
    for (const listener of listeners) listener(textarea.value);
  });
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'm' && event.ctrlKey && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      tabMovesFocus = !tabMovesFocus;
      options.announceTabMode(tabMovesFocus);
      return;
    }
    if (event.key === 'Tab' && !tabMovesFocus && !event.shiftKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      textarea.setRangeText('\t', textarea.selectionStart, textarea.selectionEnd, 'end');
      textarea.dispatchEvent(new Event('input'));
    }
  });
  drawGutter();

  return {
    getText: () => textarea.value,
    setText(text) {
      textarea.value = text;
      drawGutter();
    },
    onChange(listener) {
      listeners.push(listener);
    },
    focus: () => textarea.focus(),
    reveal(position) {
      const offset = offsetOf(textarea.value, position);
      textarea.focus();
      textarea.setSelectionRange(offset, offset);
    },
    cursor() {
      const before = textarea.value.slice(0, textarea.selectionStart).split('\n');
      return { line: before.length, column: byteColumn(before.at(-1)!, before.at(-1)!.length + 1) };
    },
    mark(next) {
      marks = next;
      drawGutter();
    },
    dispose: () => root.remove(),
  };
}
