/** A message across the top of a form or screen; errors are announced to screen readers. */
export function Banner({ tone, children }: { tone: "error" | "success" | "info"; children: string }) {
  return (
    <div className={`banner banner--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
