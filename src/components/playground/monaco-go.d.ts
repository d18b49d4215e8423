/** The Go tokenizer module of monaco-editor, which ships no type declarations of its own. */
declare module 'monaco-editor/languages/definitions/go/go' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  /** Brackets, comments and auto-closing pairs for Go. */
  export const conf: languages.LanguageConfiguration;
  /** The Monarch tokenizer for Go. */
  export const language: languages.IMonarchLanguage;
}
