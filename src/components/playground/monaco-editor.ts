/**
 * The Monaco editor, loaded only when a desktop reader opens the playground: the core
 * `editor.api` with the Go tokenizer and the editor worker, nothing else.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import { conf, language } from 'monaco-editor/languages/definitions/go/go';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { CodeEditor, EditorMarks } from './code-editor.ts';
import { byteColumn, characterColumn, siteSummary } from './code-editor.ts';
import { plainFlowStep } from './flow-words.ts';

(globalThis as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

if (!monaco.languages.getLanguages().some((candidate) => candidate.id === 'go')) {
  monaco.languages.register({ id: 'go', extensions: ['.go'], aliases: ['Go'] });
  monaco.languages.setMonarchTokensProvider('go', language);
  monaco.languages.setLanguageConfiguration('go', conf);
}

/** Escapes text for Monaco's markdown hovers, so code reads as text, never as markup. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (character) => `\\${character}`);
}

// vs-dark's comment green is too faint on its background for WCAG AA; this one passes.
monaco.editor.defineTheme('soh-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '7CB772' }], colors: {} });

/** Monaco's theme for the site's current colour scheme. */
function themeName(): string {
  return document.documentElement.dataset.theme === 'dark' ? 'soh-dark' : 'vs';
}

/** Options for the Monaco editor. */
export interface MonacoEditorOptions {
  /** The starting text. */
  text: string;
  /** Accessible name of the editor. */
  label: string;
  /** Whether Tab starts out moving focus rather than inserting a tab. */
  tabMovesFocus: boolean;
  /** Tells the reader when Tab starts or stops moving focus out of the editor. */
  announceTabMode: (tabMovesFocus: boolean) => void;
}

/** Creates a Monaco editor inside `host`. */
export function createMonacoEditor(host: HTMLElement, options: MonacoEditorOptions): CodeEditor {
  const editor = monaco.editor.create(host, {
    value: options.text,
    language: 'go',
    theme: themeName(),
    ariaLabel: options.label,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 4,
    insertSpaces: false,
    renderLineHighlight: 'line',
    fixedOverflowWidgets: true,
    // A dimmed final line number is too faint to meet contrast requirements.
    renderFinalNewline: 'on',
    tabFocusMode: options.tabMovesFocus,
  });
  const model = editor.getModel()!;
  const decorations = editor.createDecorationsCollection();

  // Follow the site's light/dark switch.
  const themeObserver = new MutationObserver(() => monaco.editor.setTheme(themeName()));
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  let tabMovesFocus = options.tabMovesFocus;
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () => {
    tabMovesFocus = !tabMovesFocus;
    editor.updateOptions({ tabFocusMode: tabMovesFocus });
    options.announceTabMode(tabMovesFocus);
  });

  const toMonaco = (line: number, byteColumn: number) => {
    const safeLine = Math.min(Math.max(line, 1), model.getLineCount());
    return { lineNumber: safeLine, column: characterColumn(model.getLineContent(safeLine), byteColumn) };
  };

  return {
    getText: () => model.getValue(),
    setText(text) {
      // pushEditOperations keeps undo: a reset or an example can be undone with Ctrl+Z.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    },
    onChange(listener) {
      model.onDidChangeContent(() => listener(model.getValue()));
    },
    focus: () => editor.focus(),
    reveal(position) {
      const target = toMonaco(position.line, position.column);
      editor.setPosition(target);
      editor.revealPositionInCenterIfOutsideViewport(target);
      editor.focus();
    },
    cursor() {
      const position = editor.getPosition() ?? { lineNumber: 1, column: 1 };
      return { line: position.lineNumber, column: byteColumn(model.getLineContent(position.lineNumber), position.column) };
    },
    mark(marks: EditorMarks) {
      const entries: monaco.editor.IModelDeltaDecoration[] = [];
      for (const site of marks.sites) {
        const start = toMonaco(site.line, site.column);
        const end = site.end.line === site.line ? toMonaco(site.end.line, site.end.column) : { lineNumber: start.lineNumber, column: start.column + 1 };
        const steps = site.reason.map((step) => `- ${markdownText(plainFlowStep(step.text) ?? step.text)} (line ${step.line}:${step.column})`);
        entries.push({
          range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, Math.max(end.column, start.column + 1)),
          options: {
            inlineClassName: `soh-site soh-site--${site.placement}`,
            hoverMessage: { value: [markdownText(siteSummary(site)), ...steps].join('\n\n') },
          },
        });
        const lineEnd = model.getLineMaxColumn(start.lineNumber);
        entries.push({
          range: new monaco.Range(start.lineNumber, lineEnd, start.lineNumber, lineEnd),
          options: {
            showIfCollapsed: true,
            after: { content: `${site.placement} · ${site.what}`, inlineClassName: `soh-inline-badge soh-inline-badge--${site.placement}` },
          },
        });
      }
      decorations.set(entries);
      monaco.editor.setModelMarkers(
        model,
        'stackorheap',
        marks.diagnostics.map((diagnostic) => {
          const start = toMonaco(diagnostic.line, diagnostic.column);
          return {
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: start.lineNumber,
            endColumn: start.column + 1,
            message: diagnostic.message,
            severity: diagnostic.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Info,
          };
        }),
      );
    },
    dispose() {
      themeObserver.disconnect();
      editor.dispose();
    },
  };
}
