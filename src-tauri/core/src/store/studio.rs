//! The `studio` table: at most one row.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{now_stamp, Store};
use base64::Engine as _;

use crate::book::branding::{check_logo, Branding, BrandingInput, DEFAULT_ACCENT};
use crate::book::{PaperSize, Studio, StudioInput};
use crate::error::{Error, Result};

impl Store {
    /// The studio, or None while the book has not been set up yet.
    pub fn studio(&self) -> Result<Option<Studio>> {
        let row = self
            .read()
            .prepare_cached("SELECT name, currency, paper_size FROM studio WHERE id = 1")?
            .query_row([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
            .optional()?;
        row.map(|(name, currency, paper)| {
            let paper_size = PaperSize::from_stored(&paper)
                .ok_or_else(|| Error::storage(format!("The book holds an unknown paper size '{paper}'.")))?;
            Ok(Studio { name, currency, paper_size })
        })
        .transpose()
    }

    /// Creates the studio on first use, or updates it.
    pub fn save_studio(&mut self, input: &StudioInput) -> Result<Studio> {
        let studio = input.validate()?;
        let now = now_stamp();
        self.write(|tx| upsert(tx, &studio, &now))?;
        Ok(studio)
    }

    /// The studio, or a clear error telling the owner to set it up first.
    pub fn require_studio(&self) -> Result<Studio> {
        self.studio()?.ok_or_else(|| Error::not_found("The studio is not set up yet: add its name and currency first."))
    }
}

pub(crate) fn upsert(tx: &Transaction<'_>, studio: &Studio, now: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO studio (id, name, currency, paper_size, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (id) DO UPDATE SET
           name = excluded.name, currency = excluded.currency,
           paper_size = excluded.paper_size, updated_at = excluded.updated_at",
    )?
    .execute(params![studio.name, studio.currency, studio.paper_size.as_str(), now])?;
    Ok(())
}

impl Store {
    /// Decimals of the studio's currency (2 until a studio is set up).
    pub fn minor_digits(&self) -> Result<u8> {
        Ok(self.studio()?.map_or(2, |s| crate::book::currency::minor_digits(&s.currency)))
    }
}

impl Store {
    /// The studio's accent colour and logo (as a data URL for previews).
    pub fn branding(&self) -> Result<Branding> {
        let (accent, logo) = self.branding_raw()?;
        let logo_data_url = logo.map(|bytes| {
            let mime = check_logo(&bytes).map_or("image/png", |(kind, _, _)| kind.mime());
            format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
        });
        Ok(Branding { accent, logo_data_url })
    }

    /// The accent and the logo's bytes, for documents.
    pub fn branding_raw(&self) -> Result<(String, Option<Vec<u8>>)> {
        let row = self
            .read()
            .prepare_cached("SELECT accent, logo FROM studio WHERE id = 1")?
            .query_row([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<Vec<u8>>>(1)?)))
            .optional()?;
        Ok(row.unwrap_or_else(|| (DEFAULT_ACCENT.to_owned(), None)))
    }

    pub fn save_accent(&mut self, input: &BrandingInput) -> Result<Branding> {
        let accent = input.validate()?;
        self.require_studio()?;
        self.write(|tx| Ok(tx.execute("UPDATE studio SET accent = ?1, updated_at = ?2 WHERE id = 1", params![accent, now_stamp()])?))?;
        self.branding()
    }

    /// Stores a logo after checking it is a PNG or JPEG of sensible size.
    pub fn save_logo(&mut self, bytes: &[u8]) -> Result<Branding> {
        check_logo(bytes)?;
        self.require_studio()?;
        self.write(|tx| Ok(tx.execute("UPDATE studio SET logo = ?1, updated_at = ?2 WHERE id = 1", params![bytes, now_stamp()])?))?;
        self.branding()
    }

    pub fn clear_logo(&mut self) -> Result<Branding> {
        self.write(|tx| Ok(tx.execute("UPDATE studio SET logo = NULL, updated_at = ?1 WHERE id = 1", params![now_stamp()])?))?;
        self.branding()
    }
}
