//! The words the demo book is made of.

use crate::book::ending::EndReason;
use crate::book::kpi::WorthCounts;

/// Client names, the goal each agreed in their own words, and the KPIs (indices into `KPIS`)
/// that measure that goal, headline first.
pub const CLIENTS: &[(&str, &str, &[usize])] = &[
    ("Harbour Bakery", "More weekday pre-orders from office workers nearby", &[1, 3]),
    ("Lumen Dental Group", "Fill the new Saturday clinic with new patients", &[0, 2]),
    ("Northfield Cycles", "Sell more bikes online instead of only in the shop", &[1, 3]),
    ("Atelier Brûlé", "Get booked for weddings six months ahead", &[0, 3]),
    ("Greenway Solar", "More qualified leads from homeowners, fewer tyre-kickers", &[0, 2]),
    ("Cobalt Accounting", "A faster month-end close for our own clients to see", &[6, 0]),
    ("Maple & Rye Café", "Be the place people book for small events", &[4, 7]),
    ("Finch Legal", "Be known as the go-to firm for start-up contracts", &[0, 5]),
    ("Tidewater Yoga", "Keep members past their first three months", &[4, 2]),
    ("Orbit Logistics", "Cut the cost of each driver we hire", &[2, 0]),
    ("Salt & Pine Hotel", "More direct bookings, fewer paid to booking sites", &[7, 4]),
    ("Kestrel Architecture", "Win two public-sector projects a year", &[0, 3]),
    ("Nova Skin Clinic", "Double repeat bookings from existing clients", &[4, 7]),
    ("Riverbend Brewery", "Get our beer into fifty more bars", &[0, 1]),
    ("Quill Publishing", "Grow the newsletter to 20,000 readers", &[5, 3]),
    ("Ember Fitness", "Lower the cost of each new member signup", &[2, 0]),
    ("Café São Jorge", "Sell our roasted beans to offices", &[1, 0]),
    ("Müller & Søn Joinery", "Get kitchen projects from homeowners, not only trade", &[0, 2]),
];

/// A KPI template: name, unit, direction up?, baseline, target, and the worth a client would agree
/// for one more unit (in cents, counted each month for a flow or once for a level) — only for
/// what a CFO can price (a lead, a weekly order, a booking, a subscriber); the others stay "not
/// yet measured", as most KPIs are before the owner agrees a worth.
pub type KpiTemplate = (&'static str, &'static str, bool, f64, f64, Option<(i64, WorthCounts)>);

pub const KPIS: &[KpiTemplate] = &[
    ("Qualified leads a month", "leads", true, 20.0, 40.0, Some((400_00, WorthCounts::Monthly))),
    ("Online orders a week", "orders", true, 60.0, 120.0, Some((65_00, WorthCounts::Monthly))),
    ("Cost per new customer", "€", false, 80.0, 50.0, None),
    ("Website conversion rate", "%", true, 1.2, 2.4, None),
    ("Repeat bookings a month", "bookings", true, 45.0, 90.0, Some((90_00, WorthCounts::Monthly))),
    ("Newsletter subscribers", "readers", true, 6000.0, 20000.0, Some((1_50, WorthCounts::Once))),
    ("Days to close the month", "days", false, 12.0, 5.0, None),
    ("Direct bookings share", "%", true, 35.0, 55.0, None),
];

pub const DELIVERABLES: &[&str] = &[
    "Landing page redesign",
    "Monthly ad campaign",
    "SEO content: four articles",
    "Email nurture sequence",
    "Social media calendar",
    "Conversion audit",
    "Product photography",
    "Booking flow improvements",
    "Brand refresh guidelines",
    "Analytics dashboard",
];

/// The first two are done early on; the others are the next one due, written as work to do.
pub const MILESTONES: &[&str] = &["Tracking and baseline agreed", "Quick win live", "Launch the campaign", "Relaunch the site", "Hold the quarterly review"];

pub const PEOPLE: &[&str] = &[
    "Ana Ribeiro", "Ben Carter", "Chloé Martin", "Dev Patel", "Elif Yılmaz", "Femi Adeyemi", "Greta Lindqvist", "Hugo Baptiste",
    "Ines García", "Jonas Weber", "Keiko Tanaka", "Liam O'Brien", "Maja Kowalska", "Noah Fischer", "Olivia Brown", "Pía Núñez",
];

pub const TOUCHPOINT_SUMMARIES: &[&str] = &[
    "Value check-in: progress against the goal, next steps agreed",
    "Reviewed last month's numbers together",
    "Sent the monthly results summary",
    "Planned next month's focus",
    "Quick call about the campaign results",
];

pub const COMPLAINTS: &[(&str, &str)] = &[
    ("deadline", "The spring campaign went out a week late"),
    ("quality", "Typos in the newsletter sent to customers"),
    ("billing", "Invoice did not match the agreed retainer"),
    ("scope", "Asked for extra pages not in the plan"),
];

pub const OWNERS: &[&str] = &["Mia (founder)", "Sam", "Priya"];

/// Why the demo's lost clients left, with the owner's exit notes.
pub const ENDINGS: [(EndReason, &str); 3] = [
    (EndReason::BudgetCut, "Their new CFO froze every outside spend for the year. Parted on good terms: ask again next spring."),
    (EndReason::Results, "Leads stayed flat for two quarters; they felt we were reporting activity, not results."),
    (EndReason::InHouse, "Hired a marketing coordinator and took the day-to-day in-house."),
];
