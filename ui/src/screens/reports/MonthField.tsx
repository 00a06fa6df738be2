/** The month a list of reports is for. */
export function MonthField({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  return (
    <label className="field field--inline">
      <span>Month</span>
      <input type="month" value={month} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </label>
  );
}
