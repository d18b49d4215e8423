import { MODELED_GO_VERSION, type AnalysisRequest, type AnalysisResult } from './api.ts';

/**
 * Analyses one Go file. Until the escape engine is wired in, every request is answered
 * plainly as not modeled: the site never shows a guess.
 */
export async function analyze(request: AnalysisRequest): Promise<AnalysisResult> {
  void request;
  return {
    kind: 'notModeled',
    goVersion: MODELED_GO_VERSION,
    diagnostics: [{ line: 1, column: 1, message: 'not modeled: escape analysis is not available yet' }],
  };
}
