/**
 * Loads a lesson's quiz file and checks every answer against the real compiler's recorded
 * output. Used by the Quiz component (so a quiz that disagrees with the compiler fails the
 * build) and by test/lessons/ (so it fails the tests first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { quizSchema, type Quiz, type QuizItem } from './quiz-schema.ts';
import type { EscapeFlags } from '../../data/oracle/snapshots.ts';
import { parseOutputLine, readFreshSnapshot, repositoryRoot, runFor, type OutputLine } from './snapshot.ts';

/** Reads and validates a quiz file (repo-relative path); throws with every schema problem listed. */
export function loadQuiz(quizFile: string, root: string = repositoryRoot): Quiz {
  const path = join(root, quizFile);
  if (!existsSync(path)) throw new Error(`${quizFile}: no such quiz file`);
  const parsed = quizSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${quizFile} is not a valid quiz:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/**
 * The messages the compiler printed about `snippet` (repo-relative) itself with `flags`;
 * messages about code of imported packages (inlined from the standard library) are left out.
 */
function messagesOf(snippet: string, flags: EscapeFlags, root: string): OutputLine[] {
  const run = runFor(readFreshSnapshot(snippet, root), flags);
  const fileName = basename(snippet);
  return run.lines.map(parseOutputLine).filter((line): line is OutputLine => line !== undefined && line.file === fileName);
}

/** Whether `message` says that `subject` is on the heap. */
export function saysHeap(message: string, subject: string): boolean {
  return message === `moved to heap: ${subject}` || message.startsWith(`${subject} escapes to heap`);
}

/**
 * Problems with one item's answer, judged by the oracle's snapshot of its snippet; empty when
 * the answer agrees with the compiler. `folder` is the quiz's repo-relative folder.
 */
export function checkQuizItem(item: QuizItem, folder: string, root: string = repositoryRoot): string[] {
  const snippet = `${folder}/${item.snippet}`;
  const messages = messagesOf(snippet, item.flags, root);
  const heapAt = (line: number, subject: string) =>
    messages.some((output) => output.line === line && saysHeap(output.message, subject));
  const problems: string[] = [];
  const where = `${item.id} (${item.snippet}, -gcflags='${item.flags}')`;
  switch (item.kind) {
    case 'predict': {
      const actual = heapAt(item.line, item.subject) ? 'heap' : 'stack';
      if (actual !== item.answer) problems.push(`${where}: answer says ${item.answer}, the compiler puts ${item.subject} at line ${item.line} on the ${actual}`);
      break;
    }
    case 'output':
      item.choices.forEach((choice, index) => {
        const printed = messages.some((output) => output.line === item.line && output.message === choice);
        if (index === item.answer && !printed) problems.push(`${where}: the compiler does not print "${choice}" for line ${item.line}`);
        if (index !== item.answer && printed) problems.push(`${where}: wrong choice "${choice}" is what the compiler prints for line ${item.line}`);
      });
      break;
    case 'spot':
      item.choices.forEach((choice, index) => {
        const heap = heapAt(choice.line, choice.subject);
        if (index === item.answer && !heap) problems.push(`${where}: ${choice.subject} at line ${choice.line} is not on the heap`);
        if (index !== item.answer && heap) problems.push(`${where}: wrong choice ${choice.subject} at line ${choice.line} is on the heap too`);
      });
      break;
    case 'fix': {
      if (!heapAt(item.line, item.subject)) problems.push(`${where}: ${item.subject} at line ${item.line} is not on the heap, so there is nothing to fix`);
      const fixed = messagesOf(`${folder}/${item.solution}`, item.flags, root);
      const stillHeap = fixed.filter((output) => saysHeap(output.message, item.subject));
      if (stillHeap.length > 0) problems.push(`${where}: in ${item.solution} the compiler still says ${stillHeap.map((output) => output.text).join('; ')}`);
      break;
    }
  }
  return problems;
}

/** Problems with every answer of a quiz file; empty when all agree with the compiler. */
export function checkQuiz(quizFile: string, root: string = repositoryRoot): string[] {
  const quiz = loadQuiz(quizFile, root);
  return quiz.items.flatMap((item) => checkQuizItem(item, dirname(quizFile), root));
}
