//! Who an email address belongs to in the book, for files that name people rather than clients
//! (calendars, survey responses): one of a client's people by their address, else the client
//! whose people alone use that address's domain. Public mail domains say nothing about a client.

use std::collections::HashMap;

use crate::book::records::ClientData;

/// Mail providers anyone can have an address at: their domain says nothing about a client.
const PUBLIC_DOMAINS: [&str; 14] = [
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com", "mac.com", "aol.com",
    "proton.me", "protonmail.com", "gmx.de",
];

/// Who an address belongs to: the client, and the person's name when they are one of its people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub client: String,
    pub person: Option<String>,
}

pub struct People {
    by_email: HashMap<String, Known>,
    /// None: two clients' people use the domain, so it names neither.
    by_domain: HashMap<String, Option<String>>,
}

impl People {
    pub fn of(book: &[ClientData]) -> People {
        let mut by_email = HashMap::new();
        let mut by_domain: HashMap<String, Option<String>> = HashMap::new();
        for d in book {
            for s in d.stakeholders.iter().filter(|s| !s.email.trim().is_empty()) {
                let email = s.email.trim().to_lowercase();
                by_email.insert(email.clone(), Known { client: d.client.name.clone(), person: Some(s.name.clone()) });
                if let Some((_, domain)) = email.rsplit_once('@') {
                    if !PUBLIC_DOMAINS.contains(&domain) {
                        let entry = by_domain.entry(domain.to_owned()).or_insert_with(|| Some(d.client.name.clone()));
                        if entry.as_deref() != Some(d.client.name.as_str()) {
                            *entry = None;
                        }
                    }
                }
            }
        }
        People { by_email, by_domain }
    }

    /// The person (or, by domain, the client) an address belongs to; any case.
    pub fn find(&self, email: &str) -> Option<Known> {
        let email = email.trim().to_lowercase();
        if let Some(k) = self.by_email.get(&email) {
            return Some(k.clone());
        }
        self.by_work_domain(&email).map(|(client, _)| Known { client, person: None })
    }

    /// The client whose people alone use `email`'s web domain (never a public mail domain), with
    /// that domain: for a file that names a client the book does not know.
    pub fn by_work_domain(&self, email: &str) -> Option<(String, String)> {
        let email = email.trim().to_lowercase();
        let domain = email.rsplit_once('@')?.1.to_owned();
        let client = self.by_domain.get(&domain)?.clone()?;
        Some((client, domain))
    }
}
