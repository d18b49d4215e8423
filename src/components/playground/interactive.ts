/**
 * The interactive playground, loaded on demand by `<soh-playground>`.
 */

/** Options for mounting the editor. */
export interface MountOptions {
  /** Move keyboard focus into the editor once it is ready. */
  focus: boolean;
}

/** Replaces a playground's static view with the editor. */
export async function mountPlayground(element: HTMLElement, options: MountOptions): Promise<void> {
  void element;
  void options;
}
