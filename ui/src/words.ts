// Generated from src-tauri/core/src/words.rs — do not edit. Regenerate with
// `UPDATE_BINDINGS=1 cargo test --test bindings` (from src-tauri).
import type { BackupKind, Band, Checklist, ClientStatus, ComplaintTag, ContractKind, Direction, EndReason, InvoiceStatus, KpiStatus, MonthFrom, OpportunityKind, OpportunityStage, Script, Segment, Stage, StakeholderRole, SurveyKind, TimelineKind, TouchpointKind, UnusedHours, WorthCounts } from "./bindings";

export const STATUS_WORDS: Record<ClientStatus, string> = {
  "prospect": "Prospect",
  "onboarding": "Onboarding",
  "active": "Active",
  "paused": "Paused",
  "ended": "Ended",
};

export const STATUS_HINTS: Record<ClientStatus, string> = {
  "prospect": "Talking, not signed yet",
  "onboarding": "Signed; agreeing the goal and the first results",
  "active": "Work under way",
  "paused": "Work on hold, relationship kept",
  "ended": "The engagement has ended",
};

export const END_REASON_WORDS: Record<EndReason, string> = {
  "results": "Results fell short",
  "price": "Price",
  "budget_cut": "Their budget was cut",
  "in_house": "Taken in-house",
  "other_studio": "Moved to another studio",
  "relationship": "The relationship",
  "project_ended": "The project ended",
  "other": "Another reason",
};

export const END_REASON_HINTS: Record<EndReason, string> = {
  "results": "The results we were hired for did not come, or not fast enough",
  "price": "They found the work too expensive for what it gave",
  "budget_cut": "Their budget went, whatever the results",
  "in_house": "They hired someone to do it themselves",
  "other_studio": "They went to another studio or agency",
  "relationship": "Trust or communication broke down",
  "project_ended": "The work was done as agreed",
  "other": "Say more in the notes",
};

export const LIFECYCLE_WORDS: Record<Stage, string> = {
  "prospect": "Prospect",
  "onboarding": "Onboarding",
  "first_value": "First value",
  "adoption": "Adoption",
  "renewal_window": "Renewal window",
  "advocate": "Advocate",
  "ended": "Ended",
};

export const LIFECYCLE_HINTS: Record<Stage, string> = {
  "prospect": "Not signed yet",
  "onboarding": "Signed, working toward the first result",
  "first_value": "The first result came in the last 90 days: make it a habit",
  "adoption": "In the work, results coming",
  "renewal_window": "Close to the last day to give notice (90 days before it, or as set in Settings → Weekly review): they are deciding",
  "advocate": "Introduced a client, gave a testimonial or would recommend you, in the last year",
  "ended": "The work has ended",
};

export const BAND_WORDS: Record<Band, string> = {
  "green": "Green",
  "amber": "Amber",
  "red": "Red",
  "unknown": "Not enough data",
};

export const BAND_HINTS: Record<Band, string> = {
  "green": "Thriving: a good moment to ask for a referral or propose more work.",
  "amber": "Warning signs: check in this week.",
  "red": "Real risk of losing them: plan a recovery call.",
  "unknown": "Not enough records yet to judge.",
};

export const SEGMENT_WORDS: Record<Segment, string> = {
  "champion": "Champion",
  "steady": "Steady",
  "at_risk": "At risk",
  "drain": "Drain",
};

export const KPI_STATUS_WORDS: Record<KpiStatus, string> = {
  "on_track": "On track",
  "slipping": "Slipping",
  "off_track": "Off track",
  "no_data": "No figure yet",
};

export const SCRIPT_WORDS: Record<Script, string> = {
  "value_check_in": "Value check-in",
  "early_warning": "Early-warning note",
  "qbr_agenda": "QBR agenda",
  "renewal": "Renewal note",
  "referral_ask": "Referral and testimonial ask",
  "nps_follow_up": "Follow-up on a low score",
  "payment_reminder": "Friendly payment reminder",
  "payment_firm": "Firm payment reminder",
  "expansion": "What comes next (more work)",
  "nps_request": "NPS question",
  "csat_request": "How did it go? (CSAT)",
};

export const INVOICE_WORDS: Record<InvoiceStatus, string> = {
  "open": "Open",
  "overdue": "Overdue",
  "paid": "Paid",
  "void": "Void",
};

export const ROLE_WORDS: Record<StakeholderRole, string> = {
  "day_to_day": "Day-to-day contact",
  "champion": "Champion",
  "executive_sponsor": "Executive sponsor",
  "finance": "Finance / CFO",
  "other": "Other",
};

export const TOUCHPOINT_WORDS: Record<TouchpointKind, string> = {
  "call": "Call",
  "meeting": "Meeting",
  "email": "Email",
  "message": "Message",
  "qbr": "Quarterly review (QBR)",
  "other": "Other",
};

export const COMPLAINT_WORDS: Record<ComplaintTag, string> = {
  "billing": "Billing",
  "quality": "Quality",
  "deadline": "Deadline",
  "scope": "Scope",
  "other": "Other",
};

export const SURVEY_WORDS: Record<SurveyKind, string> = {
  "nps": "NPS",
  "csat": "CSAT",
  "ces": "CES",
  "confidence": "Confidence",
};

export const SURVEY_HINTS: Record<SurveyKind, string> = {
  "nps": "would recommend us (0–10)",
  "csat": "satisfied (1–5)",
  "ces": "easy to work with (1–7)",
  "confidence": "confident we will reach your goal (1–10)",
};

export const DIRECTION_WORDS: Record<Direction, string> = {
  "up": "it goes up",
  "down": "it goes down",
};

export const WORTH_COUNTS_WORDS: Record<WorthCounts, string> = {
  "monthly": "every month the improvement lasts (leads, orders a month)",
  "once": "once (a cost saved once, a level reached)",
};

export const CHECKLIST_WORDS: Record<Checklist, string> = {
  "onboarding": "Onboarding checklist",
  "offboarding": "Offboarding checklist",
};

export const MONTH_FROM_WORDS: Record<MonthFrom, string> = {
  "sum": "the days added up (visits, orders, sales)",
  "average": "the average of the days with figures (rates, positions)",
};

export const CONTRACT_WORDS: Record<ContractKind, string> = {
  "retainer": "Monthly retainer",
  "project": "Project (fixed price)",
};

export const UNUSED_HOURS_WORDS: Record<UnusedHours, string> = {
  "not_agreed": "Not agreed (the reports say nothing)",
  "lapse": "They lapse at the end of each month",
  "next_month": "They roll over to the next month",
};

export const OPPORTUNITY_WORDS: Record<OpportunityKind, string> = {
  "upsell": "More of the same work",
  "cross_sell": "Another service",
  "new_project": "A new project",
  "price_increase": "A price review",
  "other": "Other",
};

export const STAGE_WORDS: Record<OpportunityStage, string> = {
  "idea": "Idea",
  "proposed": "Proposed",
  "won": "Won",
  "lost": "Lost",
};

export const TIMELINE_WORDS: Record<TimelineKind, string> = {
  "touchpoint": "Contact",
  "deliverable": "Delivered",
  "invoice": "Invoice",
  "survey": "Survey",
  "complaint": "Issue",
  "milestone": "Milestone",
  "measurement": "KPI",
};

export const BACKUP_WORDS: Record<BackupKind, string> = {
  "daily": "Automatic (daily)",
  "manual": "Made by you",
  "before_restore": "Before a restore",
  "before_update": "Before an update",
};

/** Limits the core enforces, for forms to show before the owner reaches them. */
export const LIMITS = {
  kpisPerClient: 5,
} as const;
