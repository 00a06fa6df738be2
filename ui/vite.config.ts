import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app loads the built files from ui/dist (embedded in the binary); `tauri dev` uses the
// dev server on a fixed port.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
  },
});
