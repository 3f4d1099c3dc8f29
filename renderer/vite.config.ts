import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { printPreloads } from './build/printPreloads';

export default defineConfig({
  root: path.resolve(__dirname),
  base: './',
  plugins: [react(), printPreloads()],
  build: {
    outDir: path.resolve(__dirname, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { main: path.resolve(__dirname, 'index.html'), print: path.resolve(__dirname, 'print.html') },
    },
  },
});
