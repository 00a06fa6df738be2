//! The `setting` table: the owner's settings (display, health, metrics) and message templates,
//! each stored as JSON under its key, Clientwell's defaults until changed.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};

use super::{now_stamp, Store};
use crate::book::templates::{default_template, Script, Template, TemplateInput};
use crate::error::{Error, Result};
use crate::health::HealthSettings;
use crate::metrics::{MetricsSettings, MetricsSettingsInput};

const HEALTH_SETTINGS: &str = "health";
const METRICS_SETTINGS: &str = "metrics";
const TEMPLATES: &str = "templates";
const PLAYBOOK: &str = "playbook";

impl Store {
    /// A setting stored as JSON, or its default until the owner changes it.
    fn setting<T: serde::de::DeserializeOwned + Default>(&self, key: &str) -> Result<T> {
        let stored: Option<String> = self.read().prepare_cached("SELECT value FROM setting WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?;
        match stored {
            None => Ok(T::default()),
            Some(json) => serde_json::from_str(&json).map_err(|e| Error::storage(format!("The book's {key} settings could not be read ({e}); they were left as they are."))),
        }
    }

    fn save_setting<T: serde::Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value).map_err(|e| Error::internal(format!("Could not store the settings: {e}")))?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![key, json, now_stamp()],
            )?;
            Ok(())
        })
    }

    /// How the screens show dates and numbers (the computer's own format until changed).
    pub fn display_settings(&self) -> Result<crate::book::display::DisplaySettings> {
        self.setting("display")
    }

    pub fn save_display_settings(&mut self, input: crate::book::display::DisplaySettings) -> Result<crate::book::display::DisplaySettings> {
        let settings = input.validate()?;
        self.save_setting("display", &settings)?;
        Ok(settings)
    }

    /// The playbook's judgement calls (first result, NPS cadence, renewal lead), practice's
    /// defaults until the owner changes them.
    pub fn playbook_settings(&self) -> Result<crate::book::playbook::PlaybookSettings> {
        self.setting(PLAYBOOK)
    }

    pub fn save_playbook_settings(&mut self, settings: crate::book::playbook::PlaybookSettings) -> Result<crate::book::playbook::PlaybookSettings> {
        let settings = settings.validate()?;
        self.save_setting(PLAYBOOK, &settings)?;
        Ok(settings)
    }

    /// The health settings, DOMAIN.md's defaults until the owner changes them.
    pub fn health_settings(&self) -> Result<HealthSettings> {
        self.setting(HEALTH_SETTINGS)
    }

    pub fn save_health_settings(&mut self, settings: HealthSettings) -> Result<HealthSettings> {
        let settings = settings.validate()?;
        self.save_setting(HEALTH_SETTINGS, &settings)?;
        Ok(settings)
    }

    /// Every message template: the owner's where they wrote one, Clientwell's otherwise.
    pub fn templates(&self) -> Result<Vec<Template>> {
        let custom: BTreeMap<Script, Template> = self.setting(TEMPLATES)?;
        Ok(Script::ALL.iter().map(|s| custom.get(s).cloned().unwrap_or_else(|| default_template(*s))).collect())
    }

    pub fn template(&self, script: Script) -> Result<Template> {
        let custom: BTreeMap<Script, Template> = self.setting(TEMPLATES)?;
        Ok(custom.get(&script).cloned().unwrap_or_else(|| default_template(script)))
    }

    pub fn save_template(&mut self, script: Script, input: &TemplateInput) -> Result<Template> {
        let (subject, body) = input.validate()?;
        let mut custom: BTreeMap<Script, Template> = self.setting(TEMPLATES)?;
        let template = Template { script, label: script.label().to_owned(), subject, body, custom: true };
        custom.insert(script, template.clone());
        self.save_setting(TEMPLATES, &custom)?;
        Ok(template)
    }

    /// Goes back to Clientwell's own wording.
    pub fn reset_template(&mut self, script: Script) -> Result<Template> {
        let mut custom: BTreeMap<Script, Template> = self.setting(TEMPLATES)?;
        custom.remove(&script);
        self.save_setting(TEMPLATES, &custom)?;
        Ok(default_template(script))
    }

    pub fn metrics_settings(&self) -> Result<MetricsSettings> {
        self.setting(METRICS_SETTINGS)
    }

    pub fn save_metrics_settings(&mut self, input: &MetricsSettingsInput) -> Result<MetricsSettings> {
        let settings = input.validate(self.minor_digits()?)?;
        self.save_setting(METRICS_SETTINGS, &settings)?;
        Ok(settings)
    }
}
