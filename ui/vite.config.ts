import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app loads the built files from ui/dist (embedded in the binary); `tauri dev` uses the
// dev server on a fixed port.
// `--mode screens` builds screens.html instead: the UI over recorded command answers, for the
// browser screenshot test (tests/ui_screens.rs), into dist-screens/ (never shipped).
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build:
    mode === "screens"
      ? { target: "es2022", outDir: "dist-screens", emptyOutDir: true, rollupOptions: { input: "screens.html" } }
      : { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
  },
}));
