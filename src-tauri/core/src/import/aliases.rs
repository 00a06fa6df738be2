//! The other names a client goes by in other tools' files: confirmed by the owner in a preview,
//! kept in `client_alias`, and read like the client's own name by every later import.

use std::collections::HashMap;

use rusqlite::{params, Transaction};
use serde::Deserialize;
use specta::Type;

use super::rows::ClientSuggestion;
use super::RowError;
use crate::book::text::{company_key, name_key};
use crate::error::{Error, Result};

/// "This name in the file is this client", as the owner said it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct ClientAlias {
    pub written: String,
    pub client_id: i64,
}

type Names = HashMap<String, (i64, String)>;

/// Every name a row may use for a client (its own, the remembered others, the ones the owner
/// confirmed for this file), and the clients by `company_key` for suggestions.
pub fn client_names(tx: &Transaction<'_>, confirmed: &[ClientAlias]) -> Result<(Names, Names)> {
    let mut stmt = tx.prepare("SELECT id, name FROM client")?;
    let own = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let by_id: HashMap<i64, String> = own.iter().cloned().collect();
    let mut names: Names = own.iter().map(|(id, name)| (name_key(name), (*id, name.clone()))).collect();
    // A key two clients share suggests neither: which one is meant cannot be told.
    let mut similar: Names = HashMap::new();
    let mut shared = std::collections::HashSet::new();
    for (id, name) in &own {
        if similar.insert(company_key(name), (*id, name.clone())).is_some() {
            shared.insert(company_key(name));
        }
    }
    similar.retain(|key, _| !shared.contains(key));
    let mut stmt = tx.prepare("SELECT key, client_id FROM client_alias")?;
    let kept = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    for (key, id) in kept {
        if let Some(name) = by_id.get(&id) {
            names.entry(key).or_insert((id, name.clone()));
        }
    }
    for alias in confirmed {
        let name = by_id.get(&alias.client_id).ok_or_else(|| Error::not_found(format!("There is no client number {} for '{}'.", alias.client_id, alias.written)))?;
        match names.get(&name_key(&alias.written)) {
            Some((other, taken)) if *other != alias.client_id => {
                return Err(Error::validation("aliases", format!("'{}' is already {taken}'s name; it cannot be {name}'s too.", alias.written)));
            }
            _ => {
                names.insert(name_key(&alias.written), (alias.client_id, name.clone()));
            }
        }
    }
    Ok((names, similar))
}

/// The suggestions, each with the rows whose client it names.
pub fn with_rows(mut suggestions: Vec<ClientSuggestion>, errors: &[RowError]) -> Vec<ClientSuggestion> {
    for s in &mut suggestions {
        let said = format!("There is no client called '{}'", s.written);
        s.rows = errors.iter().filter(|e| e.column.as_deref() == Some("client") && e.message.starts_with(&said)).take(20).map(|e| u32::try_from(e.row).unwrap_or(u32::MAX)).collect();
    }
    suggestions
}

/// Keeps the confirmed names, inside the import's transaction. A client's own name is not kept
/// again, and a name kept before moves to the client the owner now chose.
pub fn remember(tx: &Transaction<'_>, confirmed: &[ClientAlias], now: &str) -> Result<()> {
    for alias in confirmed {
        let key = name_key(&alias.written);
        let own: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM client WHERE name_key = ?1)", [&key], |r| r.get(0))?;
        if !own {
            tx.prepare_cached(
                "INSERT INTO client_alias (key, client_id, written, saved_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET client_id = excluded.client_id, written = excluded.written, saved_at = excluded.saved_at",
            )?
            .execute(params![key, alias.client_id, alias.written.trim(), now])?;
        }
    }
    Ok(())
}
