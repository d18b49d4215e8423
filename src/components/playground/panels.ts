/**
 * The panels beside the editor: the exact gc output, the allocation sites with their
 * explanations, the per-function summary, and the stack/heap picture. They only draw what the
 * editor machine holds; the reader's choices (flags, selected function) go back as events.
 */
import type { AllocationSite, AnalysisFlags, AnalysisResult, Diagnostic, FunctionSummary, Position } from '../../sim/api.ts';
import { siteSummary } from './code-editor.ts';
import { copyText, element } from './dom.ts';
import { flagsToString } from './gc-lines.ts';
import { badgesFromLines } from './static-annotations.ts';
import { drawFramePicture, framePicture } from './picture.ts';
import { plainFlowStep } from './flow-words.ts';

/** What the panels draw. */
export interface PanelInput {
  /** The machine's state name. */
  state: string;
  /** The latest answer, if any. */
  result: AnalysisResult | undefined;
  /** The flags of the latest request. */
  flags: AnalysisFlags;
  /** Printed in front of each compiler line. */
  fileName: string;
  /** What the real compiler printed for this exact text and these flags, when recorded. */
  recorded: { goVersion: string; lines: string[] } | undefined;
}

/** Hooks the panels call back into. */
export interface PanelActions {
  /** Moves the editor's cursor to a position. */
  reveal(position: Position): void;
  /** Says something to screen-reader users and shows it briefly. */
  announce(message: string): void;
}

/** The panels' DOM and how to redraw it. */
export interface Panels {
  /** The container to place in the page. */
  root: HTMLElement;
  /** Redraws from the machine's state. */
  render(input: PanelInput): void;
}

/** `1 thing`, `2 things`. */
function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

/** A gc diagnostic line. */
function diagnosticLine(fileName: string, diagnostic: Diagnostic): string {
  return `${fileName}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}`;
}

/** A button that moves the editor's cursor to a position. */
function positionButton(position: Position, actions: PanelActions): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'soh-pg__position' }, [
    element('span', { class: 'soh-sr-only' }, ['Go to line ']),
    `${position.line}:${position.column}`,
  ]);
  button.addEventListener('click', () => actions.reveal(position));
  return button;
}

let panelCount = 0;

/** Creates the panels. */
export function createPanels(actions: PanelActions): Panels {
  panelCount += 1;
  const prefix = `soh-panel-${panelCount}`;
  let selectedFunction: string | undefined;
  let lastInput: PanelInput | undefined;

  const section = (title: string, id: string, ...content: HTMLElement[]) =>
    element('section', { class: 'soh-pg__panel', 'aria-labelledby': `${prefix}-${id}` }, [element('h3', { id: `${prefix}-${id}`, class: 'soh-pg__panel-title' }, [title]), ...content]);

  // The exact compiler output.
  const command = element('code', { class: 'soh-pg__command-text' });
  const outputSource = element('span', { 'data-role': 'output-source' });
  const copyOutput = element('button', { type: 'button', class: 'soh-pg__button' }, ['Copy output']);
  const output = element('pre', { class: 'soh-pg__lines', tabindex: '0', 'data-role': 'gc-output', 'aria-label': 'Compiler output' });
  copyOutput.addEventListener('click', async () => {
    actions.announce((await copyText(output.textContent ?? '')) ? 'Compiler output copied.' : 'The browser did not allow copying; select the text instead.');
  });

  const sitesList = element('ul', { class: 'soh-pg__sites', 'data-role': 'sites' });
  const summaryBody = element('tbody');
  const summaryTable = element('table', { class: 'soh-pg__summary', 'data-role': 'summary' }, [
    element('caption', { class: 'soh-sr-only' }, ['Heap allocations per call, by function']),
    element('thead', {}, [
      element('tr', {}, [
        element('th', { scope: 'col' }, ['Function']),
        element('th', { scope: 'col' }, ['Heap allocations per call']),
        element('th', { scope: 'col' }, ['Bytes per call']),
      ]),
    ]),
    summaryBody,
  ]);
  const summaryNote = element('p', { class: 'soh-pg__note' });
  const pictureHolder = element('figure', { class: 'soh-pg__picture', 'data-role': 'picture' });
  const sitesNote = element('p', { class: 'soh-pg__note' });

  const summarySection = section('Allocations per call', 'summary', summaryNote, summaryTable);
  const pictureSection = section('Stack and heap', 'picture', pictureHolder);
  const root = element('div', { class: 'soh-pg__panels' }, [
    section('What gc prints', 'output', element('p', { class: 'soh-pg__command' }, [command, ' ', outputSource, ' ', copyOutput]), output),
    section('Allocation sites', 'sites', sitesNote, sitesList),
    summarySection,
    pictureSection,
  ]);

  const drawSites = (sites: AllocationSite[]) => {
    sitesList.replaceChildren(
      ...sites.map((site, index) => {
        const explanationId = `${prefix}-why-${index}`;
        const toggle = element('button', { type: 'button', class: 'soh-pg__why', 'aria-expanded': 'false', 'aria-controls': explanationId }, [
          site.placement === 'heap' ? 'Why the heap?' : 'Why the stack?',
        ]);
        const steps =
          site.reason.length === 0
            ? [element('li', {}, [site.placement === 'stack' ? 'Nothing that outlives the call refers to it.' : site.message])]
            : site.reason.map((step) => {
                const plain = plainFlowStep(step.text);
                return element('li', {}, [
                  positionButton(step, actions),
                  ' ',
                  plain ?? step.text,
                  ...(plain === undefined ? [] : [' ', element('code', { class: 'soh-pg__gc-step' }, [step.text])]),
                ]);
              });
        const explanation = element('div', { id: explanationId, class: 'soh-pg__explanation', hidden: true }, [
          element('p', {}, [siteSummary(site)]),
          element('ol', {}, steps),
        ]);
        toggle.addEventListener('click', () => {
          const open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          explanation.hidden = !open;
        });
        return element('li', { class: 'soh-pg__site' }, [
          element('span', { class: `soh-badge soh-badge--${site.placement}` }, [site.placement]),
          ' ',
          element('code', {}, [site.what]),
          ' at ',
          positionButton(site, actions),
          ' ',
          toggle,
          explanation,
        ]);
      }),
    );
  };

  const drawSummary = (result: Extract<AnalysisResult, { kind: 'ok' }>) => {
    const functions = result.functions;
    if (selectedFunction === undefined || !functions.some((summary) => summary.name === selectedFunction)) {
      selectedFunction = (functions.find((summary) => summary.heapAllocationsPerCall > 0) ?? functions[0])?.name;
    }
    summaryBody.replaceChildren(
      ...functions.map((summary) => {
        const select = element('button', { type: 'button', class: 'soh-pg__function', 'aria-pressed': String(summary.name === selectedFunction) }, [summary.name]);
        select.addEventListener('click', () => {
          selectedFunction = summary.name;
          if (lastInput !== undefined) render(lastInput);
        });
        const lowerBound = summary.exact ? '' : ' or more';
        return element('tr', {}, [
          element('th', { scope: 'row' }, [select]),
          element('td', {}, [`${summary.heapAllocationsPerCall}${lowerBound}`]),
          element('td', {}, [`${summary.heapBytesPerCall} B${lowerBound}`]),
        ]);
      }),
    );
    summaryNote.textContent =
      functions.length === 0 ? 'No functions.' : 'Bytes are after size-class rounding. Choose a function to draw its frame.';
    const chosen: FunctionSummary | undefined = functions.find((summary) => summary.name === selectedFunction);
    if (chosen === undefined) {
      pictureHolder.replaceChildren(element('figcaption', {}, ['No function to draw.']));
      return;
    }
    const picture = framePicture(result.sites, functions, chosen);
    const notes = picture.staticData.map((slot) => `${slot.label} (${slot.position}) escapes but needs no allocation.`);
    pictureHolder.replaceChildren(
      drawFramePicture(picture),
      element('figcaption', {}, [`${chosen.name}: ${count(picture.frame.length, 'tracked value')} in the frame, ${count(picture.heap.length, 'heap object')} per call. ${notes.join(' ')}`]),
    );
  };

  /** Shows one note instead of the simulator's views, and the recorded verdicts when there are some. */
  const withoutPrediction = (why: string, recorded: PanelInput['recorded']) => {
    summarySection.hidden = true;
    pictureSection.hidden = true;
    if (recorded === undefined) {
      sitesNote.textContent = why;
      sitesList.replaceChildren();
      return;
    }
    sitesNote.textContent = `${why} The real compiler's verdicts for the unedited snippet (${recorded.goVersion}):`;
    sitesList.replaceChildren(
      ...badgesFromLines(recorded.lines).map((badge) =>
        element('li', { class: 'soh-pg__site' }, [
          element('span', { class: `soh-badge soh-badge--${badge.placement}` }, [badge.placement]),
          ' ',
          element('code', {}, [badge.what]),
          ' at ',
          positionButton(badge, actions),
          ` — ${badge.message}`,
        ]),
      ),
    );
  };

  function render(input: PanelInput): void {
    lastInput = input;
    command.textContent = `go build -gcflags="${flagsToString(input.flags)}" ${input.fileName}`;
    const { result, recorded } = input;
    if (recorded !== undefined) {
      output.textContent = recorded.lines.length === 0 ? '(gc prints nothing)' : recorded.lines.join('\n');
      outputSource.textContent = `· what the real compiler printed (${recorded.goVersion})`;
    } else if (result === undefined) {
      output.textContent = 'Analysing…';
      outputSource.textContent = '';
    } else if (result.kind === 'ok') {
      output.textContent = result.lines.length === 0 ? '(gc prints nothing)' : result.lines.join('\n');
      outputSource.textContent = `· predicted by the simulator (${result.goVersion} model)`;
    } else {
      output.textContent = result.diagnostics.map((diagnostic) => diagnosticLine(input.fileName, diagnostic)).join('\n');
      outputSource.textContent = result.kind === 'compileError' ? `· compile error (${result.goVersion} model)` : `· not modeled (${result.goVersion} model)`;
    }
    if (result === undefined) {
      withoutPrediction('Analysing…', recorded);
      return;
    }
    if (result.kind === 'ok') {
      summarySection.hidden = false;
      pictureSection.hidden = false;
      sitesNote.textContent = result.sites.length === 0 ? 'No allocation sites.' : `${count(result.sites.length, 'site')}, modelled on ${result.goVersion}.`;
      drawSites(result.sites);
      drawSummary(result);
      return;
    }
    if (result.kind === 'compileError') {
      withoutPrediction('The program does not compile; fix the error to see where values live.', recorded);
      return;
    }
    const what = result.diagnostics.map((diagnostic) => `${diagnostic.message.replace(/^not modeled: /, '')} (line ${diagnostic.line}:${diagnostic.column})`).join('; ');
    withoutPrediction(
      `Not modeled: ${what}. The simulator shows no prediction rather than a guess; go build -gcflags=-m on your machine gives the answer.`,
      recorded,
    );
  }

  return { root, render };
}
