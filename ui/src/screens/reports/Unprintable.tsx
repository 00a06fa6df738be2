/** Text the report's font cannot draw prints as "?" in the PDF: the owner is told which before saving. */
export function Unprintable({ texts }: { texts: string[] }) {
  if (texts.length === 0) return null;
  return (
    <div className="banner banner--info" role="status">
      <p>Some text uses characters the report’s font cannot print (such as emoji, Arabic, Hebrew or Chinese); in the PDF they show as “?”:</p>
      <ul>
        {texts.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <p className="small">Change the wording on the client’s page, or save the PDF as it is.</p>
    </div>
  );
}
