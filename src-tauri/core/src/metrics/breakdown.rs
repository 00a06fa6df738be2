//! The same metrics per group of clients: by segment, by service line and by tenure.

use std::collections::BTreeMap;

use serde::Serialize;
use specta::Type;

use super::{portfolio_of, started_on, Period, Share};
use crate::book::contract::ContractKind;
use crate::book::records::ClientData;
use crate::health::segment::Segment;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Group {
    /// "Segment", "Service" or "Client for".
    pub dimension: String,
    pub group: String,
    /// Clients active at the period's end.
    pub clients: u32,
    pub mrr_end_cents: i64,
    pub logo_retention: Share,
    #[specta(type = Option<f64>)]
    pub nrr: Option<f64>,
    /// NPS and CSAT of the group's answers in the period.
    pub nps: super::Nps,
    pub csat: Share,
    /// The clients behind the figures, to click through to.
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Member {
    pub client_id: i64,
    pub client: String,
}

/// The service line of the client's largest retainer (or first contract).
fn service_line(data: &ClientData) -> String {
    let main = data.contracts.iter().max_by_key(|c| (c.kind == ContractKind::Retainer, c.monthly_cents, std::cmp::Reverse(c.id)));
    match main.map(|c| c.service_line.trim()) {
        Some(line) if !line.is_empty() => line.to_owned(),
        _ => "No service line".to_owned(),
    }
}

fn tenure(data: &ClientData, p: &Period) -> &'static str {
    match (p.start - started_on(data)).num_days() {
        ..=182 => "Under 6 months",
        183..=365 => "6–12 months",
        366..=730 => "1–2 years",
        _ => "Over 2 years",
    }
}

pub fn breakdowns(book: &[&ClientData], p: &Period, as_of: chrono::NaiveDate, grace_days: i64, cac: i64, segment_of: &dyn Fn(&ClientData) -> Segment) -> Vec<Group> {
    let mut groups: BTreeMap<(u8, String, String), Vec<&ClientData>> = BTreeMap::new();
    for &data in book {
        groups.entry((0, "Segment".into(), segment_of(data).label().into())).or_default().push(data);
        groups.entry((1, "Service".into(), service_line(data))).or_default().push(data);
        groups.entry((2, "Client for".into(), tenure(data, p).into())).or_default().push(data);
    }
    groups
        .into_iter()
        .map(|((_, dimension, group), members)| {
            let m = portfolio_of(&members, p, as_of, grace_days, cac);
            let members = members.iter().map(|c| Member { client_id: c.client.id, client: c.client.name.clone() }).collect();
            Group { dimension, group, clients: m.end_clients, mrr_end_cents: m.mrr_end_cents, logo_retention: m.logo_retention, nrr: m.nrr, nps: m.nps, csat: m.csat, members }
        })
        .filter(|g| g.clients > 0 || g.logo_retention.whole > 0)
        .collect()
}
