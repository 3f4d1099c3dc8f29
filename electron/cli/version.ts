import pkg from '../../package.json';

/** The app's version, from package.json (inlined into the bundled CLI at build time). */
export const VERSION: string = pkg.version;
