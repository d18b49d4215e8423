/** Which editor a reader gets: Monaco on desktop, the plain textarea on touch and narrow screens. */

/** Whether to use the plain textarea rather than Monaco. */
export function prefersPlainEditor(): boolean {
  return matchMedia('(pointer: coarse)').matches || window.innerWidth < 700;
}
