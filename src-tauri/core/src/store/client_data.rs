//! Loading one client's whole record set (`book::records::ClientData`).

use super::Store;
use crate::book::records::{ClientData, ReadStamp};
use crate::error::Result;

impl Store {
    /// Every record of one client: the aggregate health, metrics, the page and the reports read.
    pub fn client_data(&self, client_id: i64) -> Result<ClientData> {
        Ok(ClientData {
            stamp: ReadStamp::next(),
            client: self.client(client_id)?,
            kpis: self.kpis(client_id)?,
            measurements: self.measurements(client_id)?,
            milestones: self.milestones(client_id)?,
            stakeholders: self.stakeholders(client_id)?,
            primary_contact_changes: self.primary_contact_changes(client_id)?,
            contracts: self.contracts(client_id)?,
            invoices: self.invoices(client_id)?,
            touchpoints: self.touchpoints(client_id)?,
            deliverables: self.deliverables(client_id)?,
            complaints: self.complaints(client_id)?,
            survey_answers: self.survey_answers(client_id)?,
            opportunities: self.opportunities(client_id)?,
            risks: self.risks(client_id)?,
            hours_used: self.hours_used(client_id)?,
            overrides: self.health_overrides(client_id)?,
            referrals: self.referrals(client_id)?,
            testimonials: self.testimonials(client_id)?,
            ending: self.ending(client_id)?,
            asks: self.asks(client_id)?,
            kpi_notes: self.kpi_notes(client_id)?,
            documents: self.document_states(client_id)?,
        })
    }
}
