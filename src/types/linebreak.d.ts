declare module 'linebreak' {
  /** Unicode line breaking (UAX #14), as ICU and LibreOffice apply it. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
