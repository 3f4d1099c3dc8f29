/**
 * The one locale every figure is written in — on screen, in the PDF, in the deck and in the workbook's text —
 * so a number reads the same in the app and in the board pack on every machine.
 */
export const FIGURE_LOCALE = 'en-US';
