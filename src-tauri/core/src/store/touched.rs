//! Which clients a transaction wrote to, so the book in memory re-reads exactly those and no
//! caller has to say which. Derived from the schema: at open, every table that leads to a
//! client through its foreign keys (directly, or through one parent such as an invoice line's
//! invoice) gets temporary triggers that note the client of each row inserted, changed or
//! deleted — cascades included. A client's own row also notes the clients its referrals name
//! (they show its name). Tables that lead to no client (settings, the studio, review ticks)
//! note nothing, so writing them keeps the book in memory.
//!
//! Temporary triggers live on this connection only: the book file is untouched, and another
//! program or an older version of the app opening it sees the same schema as before.

use rusqlite::Connection;

use crate::error::Result;

/// The row alias a trigger reads a row through.
const ROW_ALIASES: [(&str, &str, &[&str]); 3] = [("insert", "INSERT", &["NEW"]), ("delete", "DELETE", &["OLD"]), ("update", "UPDATE", &["OLD", "NEW"])];

/// A foreign key: `column` of the table points at `parent`.
struct Link {
    column: String,
    parent: String,
}

fn links(conn: &Connection, table: &str) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?;
    let rows = stmt.query_map([table], |r| Ok(Link { column: r.get(0)?, parent: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The SQL expressions, over the row alias `{row}`, that give the clients a row of `table` belongs
/// to. Empty: the table leads to no client.
pub(crate) fn client_paths(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let to_client = |links: &[Link]| links.iter().filter(|l| l.parent == "client").map(|l| l.column.clone()).collect::<Vec<_>>();
    if table == "client" {
        let mut paths = vec!["{row}.id".to_owned()];
        // A table with two links to clients (a referral) shows each client's name on the other.
        for other in tables(conn)? {
            let columns = to_client(&links(conn, &other)?);
            for (i, here) in columns.iter().enumerate() {
                for (j, there) in columns.iter().enumerate() {
                    if i != j {
                        paths.push(format!("(SELECT {} FROM {} WHERE {} = {{row}}.id)", quote(there), quote(&other), quote(here)));
                    }
                }
            }
        }
        return Ok(paths);
    }
    let own = links(conn, table)?;
    let direct = to_client(&own);
    if !direct.is_empty() {
        return Ok(direct.iter().map(|c| format!("{{row}}.{}", quote(c))).collect());
    }
    let mut paths = Vec::new();
    for link in own {
        for up in to_client(&links(conn, &link.parent)?) {
            paths.push(format!("(SELECT {} FROM {} WHERE id = {{row}}.{})", quote(&up), quote(&link.parent), quote(&link.column)));
        }
    }
    Ok(paths)
}

/// Creates the temporary table and triggers on `conn` (once per connection, after migrating).
/// The table has no unique key on purpose: a trigger's `OR IGNORE` gives way to the conflict
/// rule of the statement that fired it (an upsert), so repeats are kept and read once.
pub(crate) fn install(conn: &Connection) -> Result<()> {
    let mut sql = String::from("CREATE TEMP TABLE IF NOT EXISTS touched_client (client_id INTEGER NOT NULL);\n");
    for table in tables(conn)? {
        let paths = client_paths(conn, &table)?;
        if paths.is_empty() {
            continue;
        }
        for (name, event, aliases) in ROW_ALIASES {
            let body: String = aliases
                .iter()
                .flat_map(|alias| paths.iter().map(move |p| p.replace("{row}", alias)))
                .map(|expr| format!("INSERT INTO temp.touched_client (client_id) SELECT {expr} WHERE {expr} IS NOT NULL;"))
                .collect();
            sql.push_str(&format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS {} AFTER {event} ON main.{} BEGIN {body} END;\n",
                quote(&format!("touched_{table}_{name}")),
                quote(&table)
            ));
        }
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Drops the triggers `install` made. A restored backup in an older format lacks the newer
/// tables; a trigger left on one of them makes SQLite refuse the migration's table rebuilds.
pub(crate) fn uninstall(conn: &Connection) -> Result<()> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND substr(name, 1, 8) = 'touched_'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let sql: String = names.iter().map(|n| format!("DROP TRIGGER IF EXISTS temp.{};\n", quote(n))).collect();
    conn.execute_batch(&sql)?;
    Ok(())
}

/// The clients written so far in the transaction on `conn`, emptied for the next one. Called
/// just before the commit: a rollback takes the notes back with the writes.
pub(crate) fn take(conn: &Connection) -> Result<Vec<i64>> {
    let ids = conn.prepare_cached("SELECT DISTINCT client_id FROM temp.touched_client ORDER BY client_id")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    if !ids.is_empty() {
        conn.execute("DELETE FROM temp.touched_client", [])?;
    }
    Ok(ids)
}
