/** Vite's `?inline` CSS import: the stylesheet as a string (the pack preview puts it in a shadow root). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
