/**
 * The interactive playground, loaded on demand by `<soh-playground>`: the editor (Monaco on
 * desktop, a textarea on touch and narrow screens), the analysis worker driven by the editor
 * machine, the panels, and the controls around them (flags, examples, share, benchmark,
 * solution, reset, keyboard help).
 */
import { createActor, fromPromise, type SnapshotFrom } from 'xstate';
import type { AnalysisFlags, AnalysisResult } from '../../sim/api.ts';
import { MODELED_GO_VERSION } from '../../sim/api.ts';
import { editorMachine, crashReport, stateName, type AnalyzeInput } from '../../machines/editor.machine.ts';
import { clearEdits, loadEdits, saveEdits } from '../../machines/editor-storage.ts';
import { decodeShareHash, encodeShareHash } from '../../machines/share-link.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { goBenchmarkFile } from './benchmark.ts';
import type { CodeEditor, EditorMarks } from './code-editor.ts';
import { copyText, element } from './dom.ts';
import { flagsFromString, sameFlags as sameRecordedFlags, type FlagString } from './gc-lines.ts';
import { createPanels } from './panels.ts';
import { createTextareaEditor } from './textarea-editor.ts';
import { prefersPlainEditor } from './editor-choice.ts';

/** Options for mounting the editor. */
export interface MountOptions {
  /** Move keyboard focus into the editor once it is ready. */
  focus: boolean;
}

/** An example program for the examples menu. */
interface Example {
  /** File name, e.g. `return-pointer.go`. */
  name: string;
  /** The program. */
  code: string;
}

/** The recorded runs of the unedited snippet, as Playground.astro embeds them. */
interface RecordedRuns {
  /** The toolchain that printed them. */
  goVersion: string;
  /** One entry per recorded flag set. */
  runs: Array<{ flags: string; lines: string[] }>;
}

function equalFlags(a: AnalysisFlags, b: AnalysisFlags): boolean {
  return a.m === b.m && a.noInline === b.noInline;
}

/** The editor marks for a result. */
function marksOf(result: AnalysisResult | undefined): EditorMarks {
  if (result === undefined) return { sites: [], diagnostics: [] };
  if (result.kind === 'ok') return { sites: result.sites, diagnostics: [] };
  const severity = result.kind === 'compileError' ? 'error' : 'info';
  return { sites: [], diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, severity })) };
}

/** The status line for a state. */
function statusText(state: string, result: AnalysisResult | undefined, restarts: number): string {
  const version = result?.goVersion ?? MODELED_GO_VERSION;
  switch (state) {
    case 'idle':
    case 'debouncing':
    case 'analyzing':
      return 'Analysing…';
    case 'shown': {
      const heap = result?.kind === 'ok' ? result.sites.filter((site) => site.placement === 'heap').length : 0;
      return `Simulated with the ${version} model: ${heap} heap site${heap === 1 ? '' : 's'}.`;
    }
    case 'syntaxError':
      return `Compile error (${version} model): see the underlined position.`;
    case 'notModeled':
      return `Not modeled (${version} model): no prediction is shown rather than a guess.`;
    case 'timedOut':
      return `The analysis took longer than its limit and was stopped; the analysis worker was restarted (${restarts}×). Your text is kept: edit it or press Analyse again.`;
    default:
      return 'The analysis crashed. Your text is kept; the report below can be copied.';
  }
}

/** Replaces a playground's static view with the interactive editor; returns a reader of its text. */
export async function mountPlayground(host: HTMLElement, options: MountOptions): Promise<() => string> {
  const snippetId = host.dataset.id ?? 'playground';
  const fileName = host.dataset.fileName ?? 'main.go';
  const originalCode = host.dataset.code ?? '';
  const originalFlags = flagsFromString((host.dataset.flags ?? '-m') as FlagString);
  const solution = host.dataset.solution;
  const pageMode = host.dataset.mode === 'page';
  const examplesScript = host.querySelector('script[data-role="examples"]');
  const examples: Example[] = examplesScript === null ? [] : (JSON.parse(examplesScript.textContent ?? '[]') as Example[]);
  const recordedScript = host.querySelector('script[data-role="recorded"]');
  const recordedRuns: RecordedRuns | undefined = recordedScript === null ? undefined : (JSON.parse(recordedScript.textContent ?? '{}') as RecordedRuns);
  /** The real compiler's output for the unedited snippet under these flags, when recorded. */
  const recordedFor = (text: string, chosen: AnalysisFlags) => {
    if (recordedRuns === undefined || text !== originalCode) return undefined;
    const run = recordedRuns.runs.find((candidate) => sameRecordedFlags(candidate.flags, chosen));
    return run === undefined ? undefined : { goVersion: recordedRuns.goVersion, lines: run.lines };
  };
  const staticView = host.querySelector<HTMLElement>('[data-role="static"]');
  const root = host.querySelector<HTMLElement>('[data-role="interactive"]')!;
  const editButton = host.querySelector<HTMLElement>('[data-action="edit"]');
  const provenance = host.querySelector<HTMLElement>('[data-role="provenance"]');

  // Live region for short announcements (copied, Tab mode, notices).
  const live = element('p', { class: 'soh-sr-only', 'aria-live': 'polite', 'data-role': 'announce' });
  const announce = (message: string) => {
    live.textContent = '';
    // A fresh text node makes screen readers repeat identical messages.
    requestAnimationFrame(() => {
      live.textContent = message;
    });
  };

  // Where the text comes from: a share link (playground page), saved edits, or the snippet.
  const notices = element('div', { class: 'soh-pg__notices', 'data-role': 'notices' });
  const notice = (text: string, kind: 'info' | 'warning', action?: HTMLElement) => {
    const item = element('p', { class: `soh-pg__notice soh-pg__notice--${kind}`, role: kind === 'warning' ? 'alert' : 'status' }, [text]);
    if (action !== undefined) item.append(' · ', action);
    const dismiss = element('button', { type: 'button', class: 'soh-pg__dismiss', 'aria-label': 'Dismiss notice' }, ['×']);
    dismiss.addEventListener('click', () => item.remove());
    item.append(dismiss);
    notices.append(item);
    return item;
  };
  let source = originalCode;
  let flags = originalFlags;
  let restored = false;
  if (pageMode) {
    const shared = await decodeShareHash(location.hash);
    if (shared.kind === 'snippet') {
      source = shared.snippet.code;
      flags = shared.snippet.flags;
      notice('Opened the snippet from the share link.', 'info');
    } else if (shared.kind === 'malformed') {
      notice(`This share link could not be opened (${shared.reason}). The default example is shown instead.`, 'warning');
    }
    if (shared.kind !== 'none') history.replaceState(null, '', location.pathname + location.search);
    if (shared.kind === 'none') {
      const saved = loadEdits(snippetId);
      if (saved !== undefined) ({ source, flags, restored } = { ...saved, restored: true });
    }
  } else {
    const saved = loadEdits(snippetId);
    if (saved !== undefined) ({ source, flags, restored } = { ...saved, restored: true });
  }

  // Toolbar.
  const idPrefix = `soh-pg-${snippetId}`;
  const explainToggle = element('input', { type: 'checkbox', id: `${idPrefix}-m2`, 'data-flag': 'm2', checked: flags.m === 2 });
  const noInlineToggle = element('input', { type: 'checkbox', id: `${idPrefix}-l`, 'data-flag': 'l', checked: flags.noInline });
  const flagControls = element('fieldset', { class: 'soh-pg__flags' }, [
    element('legend', { class: 'soh-sr-only' }, ['Compiler flags']),
    element('span', { class: 'soh-pg__flag-fixed' }, ['-m']),
    explainToggle,
    element('label', { for: explainToggle.id }, ['-m=2 (explain)']),
    noInlineToggle,
    element('label', { for: noInlineToggle.id }, ['-l (no inlining)']),
  ]);
  const button = (label: string, action: string) => element('button', { type: 'button', class: 'soh-pg__button', 'data-action': action }, [label]);
  const analyseButton = button('Analyse', 'analyse');
  const shareButton = button('Share', 'share');
  const benchmarkButton = button('Copy as Go benchmark', 'benchmark');
  const solutionButton = solution === undefined ? undefined : button('Show solution', 'solution');
  const resetButton = button('Reset', 'reset');
  const helpId = `${idPrefix}-help`;
  const helpButton = element('button', { type: 'button', class: 'soh-pg__button', popovertarget: helpId }, ['Keyboard shortcuts']);
  const help = element('div', { id: helpId, popover: 'auto', class: 'soh-pg__help', role: 'dialog', 'aria-label': 'Keyboard shortcuts' }, [
    element('h3', {}, ['Keyboard shortcuts']),
    element('dl', {}, [
      element('dt', {}, [element('kbd', {}, ['Ctrl']), '+', element('kbd', {}, ['Enter'])]),
      element('dd', {}, ['Analyse now']),
      element('dt', {}, [element('kbd', {}, ['Ctrl']), '+', element('kbd', {}, ['M'])]),
      element('dd', {}, ['In the editor: switch Tab between inserting a tab and moving focus out of the editor']),
      element('dt', {}, [element('kbd', {}, ['Tab']), ' / ', element('kbd', {}, ['Shift']), '+', element('kbd', {}, ['Tab'])]),
      element('dd', {}, ['Move between the controls (Shift+Tab always leaves the editor)']),
      element('dt', {}, [element('kbd', {}, ['Enter']), ' on a position']),
      element('dd', {}, ['Put the cursor there in the editor']),
      element('dt', {}, [element('kbd', {}, ['Esc'])]),
      element('dd', {}, ['Close this list']),
    ]),
  ]);
  let exampleMenu: HTMLSelectElement | undefined;
  if (examples.length > 0) {
    exampleMenu = element('select', { 'aria-label': 'Examples', 'data-role': 'examples-menu' }, [
      element('option', { value: '' }, ['Examples…']),
      ...examples.map((example) => element('option', { value: example.name }, [example.name])),
    ]);
  }
  const toolbar = element('div', { class: 'soh-pg__toolbar', role: 'toolbar', 'aria-label': 'Playground controls' }, [
    ...(exampleMenu === undefined ? [] : [exampleMenu]),
    flagControls,
    analyseButton,
    shareButton,
    benchmarkButton,
    ...(solutionButton === undefined ? [] : [solutionButton]),
    resetButton,
    helpButton,
  ]);

  const status = element('p', { class: 'soh-pg__status', role: 'status', 'data-role': 'status' });
  const tabHint = element('p', { class: 'soh-pg__hint', 'aria-live': 'polite', 'data-role': 'tab-hint' }, [
    'Tab inserts a tab in the editor; press Ctrl+M to make Tab move focus instead.',
  ]);
  const crashPanel = element('div', { class: 'soh-pg__crash', hidden: true, 'data-role': 'crash' });
  const editorHost = element('div', { class: 'soh-pg__editor', 'data-role': 'editor' });
  // Lesson snippets get an editor as tall as their code (within limits); the page uses CSS.
  if (!pageMode) editorHost.style.setProperty('--soh-editor-height', `${Math.min(Math.max(source.split('\n').length * 21 + 24, 160), 520)}px`);

  let editor: CodeEditor;
  const panels = createPanels({ reveal: (position) => editor.reveal(position), announce });
  const workspace = element('div', { class: 'soh-pg__workspace' }, [
    element('div', { class: 'soh-pg__editor-column' }, [editorHost, tabHint, status, crashPanel]),
    panels.root,
  ]);
  root.replaceChildren(toolbar, notices, workspace, help, live);

  let tabMovesFocus = false;
  const announceTabMode = (movesFocus: boolean) => {
    tabMovesFocus = movesFocus;
    tabHint.textContent = movesFocus
      ? 'Tab now moves focus out of the editor. Press Ctrl+M to make Tab insert a tab again.'
      : 'Tab now inserts a tab. Press Ctrl+M to make Tab move focus out of the editor.';
  };
  const label = `Go source, ${fileName}`;
  const onEdit = (text: string) => {
    if (text !== actor.getSnapshot().context.source) actor.send({ type: 'EDIT', source: text });
  };
  // The plain editor is usable at once; on desktop, Monaco replaces it as soon as it has loaded.
  editor = createTextareaEditor(editorHost, { text: source, label, tabMovesFocus, announceTabMode });
  editor.onChange(onEdit);
  host.dataset.editor = 'textarea';
  if (staticView !== null) staticView.hidden = true;
  root.hidden = false;
  editButton?.remove();
  if (provenance !== null) provenance.textContent = `Live, ${MODELED_GO_VERSION} model`;

  // The machine and the worker.
  const client = new AnalysisClient();
  const machine = editorMachine.provide({
    actors: {
      workerReady: fromPromise<void>(() => client.ready),
      analyze: fromPromise<AnalysisResult, AnalyzeInput>(({ input, signal }) => client.analyze(input.request, signal)),
    },
    actions: {
      persist: ({ context }) => {
        if (context.source === originalCode && equalFlags(context.flags, originalFlags)) clearEdits(snippetId);
        else saveEdits(snippetId, { source: context.source, flags: context.flags });
      },
      restartWorker: () => client.restart(new Error('the analysis timed out')),
    },
  });
  const actor = createActor(machine, { input: { source, fileName, flags } });

  let drawnResult: AnalysisResult | undefined;
  let drawnFlags: AnalysisFlags | undefined;
  const render = (snapshot: SnapshotFrom<typeof editorMachine>) => {
    const state = stateName(snapshot.value);
    const { result } = snapshot.context;
    host.dataset.state = state;
    status.textContent = snapshot.matches({ analyzing: 'starting' }) ? 'Loading the analyser…' : statusText(state, result, client.restarts);
    if (result !== drawnResult || snapshot.context.flags !== drawnFlags) {
      drawnResult = result;
      drawnFlags = snapshot.context.flags;
      const recorded = recordedFor(snapshot.context.source, snapshot.context.flags);
      panels.render({ state, result, flags: snapshot.context.flags, fileName, recorded });
      editor.mark(marksOf(result));
    }
    if (state === 'crashed') {
      const report = crashReport(snapshot.context);
      const copy = element('button', { type: 'button', class: 'soh-pg__button' }, ['Copy report']);
      copy.addEventListener('click', async () => announce((await copyText(report)) ? 'Report copied.' : 'The browser did not allow copying; select the report instead.'));
      crashPanel.replaceChildren(
        element('p', {}, [`The analysis failed: ${snapshot.context.crashMessage ?? 'unknown error'}.`]),
        element('pre', { tabindex: '0', 'aria-label': 'Crash report' }, [report]),
        copy,
      );
      crashPanel.hidden = false;
    } else {
      crashPanel.hidden = true;
    }
  };
  actor.subscribe(render);
  actor.start();
  actor.send({ type: 'ANALYZE' });


  const currentFlags = (): AnalysisFlags => ({ m: explainToggle.checked ? 2 : 1, noInline: noInlineToggle.checked });
  explainToggle.addEventListener('change', () => actor.send({ type: 'SET_FLAGS', flags: currentFlags() }));
  noInlineToggle.addEventListener('change', () => actor.send({ type: 'SET_FLAGS', flags: currentFlags() }));
  analyseButton.addEventListener('click', () => actor.send({ type: 'ANALYZE' }));

  /** Replaces the text (the old one stays in Monaco's undo history) and re-analyses. */
  const replace = (text: string, nextFlags: AnalysisFlags) => {
    explainToggle.checked = nextFlags.m === 2;
    noInlineToggle.checked = nextFlags.noInline;
    actor.send({ type: 'REPLACE', source: text, flags: nextFlags });
    editor.setText(text);
  };
  const edited = () => actor.getSnapshot().context.source !== originalCode;

  const reset = () => {
    if (!confirm('Reset the code to the original snippet? Your edits will be discarded.')) return;
    replace(originalCode, originalFlags);
    clearEdits(snippetId);
    notices.replaceChildren();
    announce('The code was reset to the original snippet.');
  };
  resetButton.addEventListener('click', reset);
  if (restored) {
    const resetLink = element('button', { type: 'button', class: 'soh-pg__link', 'data-action': 'reset-restored' }, ['reset']);
    resetLink.addEventListener('click', reset);
    notice('Restored your edits from your last visit', 'info', resetLink);
  }

  solutionButton?.addEventListener('click', () => {
    if (edited() && !confirm('Replace your code with the solution? You can undo with Ctrl+Z in the editor, or reset.')) return;
    replace(solution!, actor.getSnapshot().context.flags);
  });

  exampleMenu?.addEventListener('change', () => {
    const example = examples.find((candidate) => candidate.name === exampleMenu.value);
    exampleMenu.value = '';
    if (example === undefined) return;
    const current = actor.getSnapshot().context.source;
    const isExample = current === originalCode || examples.some((candidate) => candidate.code === current);
    if (!isExample && !confirm(`Replace your code with the example ${example.name}?`)) return;
    replace(example.code, actor.getSnapshot().context.flags);
    announce(`Loaded the example ${example.name}.`);
  });

  shareButton.addEventListener('click', async () => {
    const { source: text, flags: chosen } = actor.getSnapshot().context;
    const written = await encodeShareHash({ code: text, flags: chosen });
    if (written.kind === 'tooLong') {
      notice(`This program is too long to share as a link (${written.length} characters, the limit is 16 KB).`, 'warning');
      return;
    }
    const url = new URL(pageMode ? location.href : new URL('/playground/', location.href).href);
    url.hash = written.hash;
    if (pageMode) history.replaceState(null, '', url.href);
    const copied = await copyText(url.href);
    const linkField = element('input', { type: 'text', readonly: true, value: url.href, 'aria-label': 'Share link', class: 'soh-pg__share-field', 'data-role': 'share-link' });
    notices.querySelectorAll('[data-role="share-notice"]').forEach((old) => old.remove());
    notice(copied ? 'Share link copied:' : 'Share link (copy it from the field):', 'info', linkField).dataset.role = 'share-notice';
    announce(copied ? 'Share link copied.' : 'Share link ready.');
  });

  benchmarkButton.addEventListener('click', async () => {
    const snapshot = actor.getSnapshot();
    const functions = snapshot.context.result?.kind === 'ok' ? snapshot.context.result.functions : [];
    const file = goBenchmarkFile(snapshot.context.source, snapshot.context.flags, functions);
    const copied = await copyText(file);
    const view = element('details', { class: 'soh-pg__benchmark' }, [element('summary', {}, ['main_test.go']), element('pre', { tabindex: '0' }, [file])]);
    notices.querySelectorAll('[data-role="benchmark-notice"]').forEach((old) => old.remove());
    notice(copied ? 'Copied main_test.go: save it next to your program and run go test -bench . -benchmem.' : 'main_test.go (copy it from below):', 'info', view).dataset.role =
      'benchmark-notice';
  });

  // Ctrl+Enter analyses now, also from inside Monaco (capture phase runs before it).
  host.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        actor.send({ type: 'ANALYZE' });
      }
    },
    true,
  );

  if (options.focus) editor.focus();
  host.dataset.ready = 'true';

  /** Swaps the plain editor for Monaco, keeping the text, marks, cursor and focus. */
  const upgradeToMonaco = async () => {
    const { createMonacoEditor } = await import('./monaco-editor.ts');
    const hadFocus = editorHost.contains(document.activeElement);
    const cursor = editor.cursor();
    const text = editor.getText();
    editor.dispose();
    editor = createMonacoEditor(editorHost, { text, label, tabMovesFocus, announceTabMode });
    editor.onChange(onEdit);
    editor.mark(marksOf(actor.getSnapshot().context.result));
    if (hadFocus) editor.reveal(cursor);
    host.dataset.editor = 'monaco';
  };
  // If Monaco cannot load, the plain editor simply stays.
  if (!prefersPlainEditor()) void upgradeToMonaco().catch(() => {});
  return () => editor.getText();
}
