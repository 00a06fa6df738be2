import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { open } from "@tauri-apps/plugin-dialog";
import { commands, type Branding } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import { keys } from "../../queries";

/** The accent colour and logo on every report, with a preview of the report's header. */
export function BrandingCard({ studioName }: { studioName: string }) {
  const queryClient = useQueryClient();
  const branding = useQuery({ queryKey: keys.branding(), queryFn: () => call(commands.branding()) });
  const [accent, setAccent] = useState("");
  useEffect(() => {
    if (branding.data) setAccent(branding.data.accent);
  }, [branding.data]);
  const update = (b: Branding | null) => b && queryClient.setQueryData(["branding"], b);
  const saveAccent = useMutation({ mutationFn: () => call(commands.saveAccent({ accent })), onSuccess: update });
  const chooseLogo = useMutation({
    mutationFn: async () => {
      const path = await open({ title: "Choose your logo", filters: [{ name: "Logo (PNG or JPEG)", extensions: ["png", "jpg", "jpeg"] }] });
      return typeof path === "string" ? call(commands.saveLogo(path)) : null;
    },
    onSuccess: update,
  });
  const clearLogo = useMutation({ mutationFn: () => call(commands.clearLogo()), onSuccess: update });

  if (branding.isPending) return <div className="card">Loading your branding…</div>;
  if (branding.isError) return <Banner tone="error">{asAppError(branding.error).message}</Banner>;
  const b = branding.data;
  const logoError = fieldError(chooseLogo.error, "logo") ?? (chooseLogo.error ? asAppError(chooseLogo.error).message : undefined);
  return (
    <div className="card" aria-labelledby="branding-title">
      <h2 id="branding-title">Your reports’ look</h2>
      <p className="muted small">The accent colour and logo appear at the top of every monthly summary and QBR you send.</p>
      <div className="brand-preview" style={{ borderTopColor: b.accent }} aria-label="Preview of a report header">
        {b.logo_data_url && <img src={b.logo_data_url} alt="Your logo" className="brand-preview__logo" />}
        <strong style={{ color: b.accent }}>{studioName}</strong>
      </div>
      <form
        className="form__actions"
        onSubmit={(e) => {
          e.preventDefault();
          saveAccent.mutate();
        }}
      >
        <label className="field field--inline">
          <span>Accent colour</span>
          <input type="color" value={/^#[0-9a-f]{6}$/i.test(accent) ? accent : "#1f6f6b"} onChange={(e) => setAccent(e.target.value)} aria-label="Pick the accent colour" />
          <input value={accent} onChange={(e) => setAccent(e.target.value)} size={8} aria-label="Accent colour code" />
        </label>
        <button className="button button--small" disabled={saveAccent.isPending || accent === b.accent}>
          Save colour
        </button>
        {saveAccent.isSuccess && accent === b.accent && <span className="saved">Saved</span>}
      </form>
      {fieldError(saveAccent.error, "accent") && <p className="field__error">{fieldError(saveAccent.error, "accent")}</p>}
      <div className="form__actions">
        <button className="button button--small" onClick={() => chooseLogo.mutate()} disabled={chooseLogo.isPending}>
          {b.logo_data_url ? "Change logo…" : "Choose logo…"}
        </button>
        {b.logo_data_url && (
          <button className="button button--small" onClick={() => clearLogo.mutate()} disabled={clearLogo.isPending}>
            Remove logo
          </button>
        )}
        <span className="field__hint">PNG or JPEG, up to 2 MB.</span>
      </div>
      {logoError && <p className="field__error">{logoError}</p>}
    </div>
  );
}
