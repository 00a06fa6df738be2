fn main() {
    // Finds ../tauri.conf.json at the package root (the repository root).
    tauri_build::build()
}
