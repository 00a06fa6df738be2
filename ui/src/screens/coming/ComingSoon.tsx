/** An area that is planned but not built yet: says so plainly instead of showing fake data. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <section className="screen" aria-labelledby="coming-title">
      <header className="screen__header">
        <h1 id="coming-title">{title}</h1>
      </header>
      <div className="empty">
        <h2>Coming soon</h2>
        <p>{what}</p>
        <p className="muted">This part of Clientwell is not built yet. Your clients and studio settings already work.</p>
      </div>
    </section>
  );
}
