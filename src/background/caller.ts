/** Who sent a message: our own pages, or another extension (which never sees or uses anything saved). */
export interface Caller {
  external: boolean;
}
