-- v2: everything recorded about a client, from onboarding to renewal.
-- Money is INTEGER minor units (cents); dates are TEXT YYYY-MM-DD; hours are INTEGER hundredths.

ALTER TABLE client ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 365);
ALTER TABLE client ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE client ADD COLUMN plan_recap TEXT NOT NULL DEFAULT '';
-- Month (1-12) the client's fiscal year starts; QBR quarters follow it.
ALTER TABLE client ADD COLUMN fiscal_year_start INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_start BETWEEN 1 AND 12);

CREATE TABLE stakeholder (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    role        TEXT NOT NULL CHECK (role IN ('day_to_day', 'champion', 'executive_sponsor', 'finance', 'other')),
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX stakeholder_client ON stakeholder (client_id);
-- At most one primary contact per client.
CREATE UNIQUE INDEX stakeholder_one_primary ON stakeholder (client_id) WHERE is_primary = 1;

-- Every change of primary contact, with its date: an early churn signal.
CREATE TABLE primary_contact_change (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    stakeholder_id  INTEGER REFERENCES stakeholder (id) ON DELETE SET NULL,
    name            TEXT NOT NULL,
    changed_on      TEXT NOT NULL
) STRICT;
CREATE INDEX primary_contact_change_client ON primary_contact_change (client_id, changed_on);

CREATE TABLE contract (
    id                  INTEGER PRIMARY KEY,
    client_id           INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('retainer', 'project')),
    service_line        TEXT NOT NULL DEFAULT '',
    monthly_cents       INTEGER NOT NULL DEFAULT 0 CHECK (monthly_cents >= 0),
    fixed_cents         INTEGER NOT NULL DEFAULT 0 CHECK (fixed_cents >= 0),
    start_date          TEXT NOT NULL,
    end_date            TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    renewal_date        TEXT,
    notice_days         INTEGER NOT NULL DEFAULT 0 CHECK (notice_days >= 0),
    included_hundredths INTEGER NOT NULL DEFAULT 0 CHECK (included_hundredths >= 0),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX contract_client ON contract (client_id, start_date);

CREATE TABLE kpi (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    name              TEXT NOT NULL CHECK (length(name) > 0),
    unit              TEXT NOT NULL DEFAULT '',
    direction         TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    baseline          REAL NOT NULL,
    target            REAL NOT NULL,
    baseline_date     TEXT NOT NULL,
    target_date       TEXT NOT NULL CHECK (target_date > baseline_date),
    cents_per_unit    INTEGER CHECK (cents_per_unit IS NULL OR cents_per_unit >= 0),
    position          INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX kpi_client ON kpi (client_id, position);

CREATE TABLE kpi_measurement (
    id          INTEGER PRIMARY KEY,
    kpi_id      INTEGER NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL,
    value       REAL NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (kpi_id, measured_on)
) STRICT;

CREATE TABLE milestone (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(title) > 0),
    due_on      TEXT NOT NULL,
    done_on     TEXT,
    first_value INTEGER NOT NULL DEFAULT 0 CHECK (first_value IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX milestone_client ON milestone (client_id, due_on);
CREATE UNIQUE INDEX milestone_one_first_value ON milestone (client_id) WHERE first_value = 1;

CREATE TABLE touchpoint (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'message', 'qbr', 'other')),
    happened_on     TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    client_replied  INTEGER NOT NULL DEFAULT 0 CHECK (client_replied IN (0, 1)),
    attended        INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    rescheduled     INTEGER NOT NULL DEFAULT 0 CHECK (rescheduled IN (0, 1)),
    no_show         INTEGER NOT NULL DEFAULT 0 CHECK (no_show IN (0, 1)),
    reply_days      INTEGER CHECK (reply_days IS NULL OR reply_days >= 0),
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX touchpoint_client ON touchpoint (client_id, happened_on);

CREATE TABLE deliverable (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(title) > 0),
    delivered_on TEXT NOT NULL,
    kpi_id       INTEGER REFERENCES kpi (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX deliverable_client ON deliverable (client_id, delivered_on);

CREATE TABLE invoice (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    number      TEXT NOT NULL CHECK (length(number) > 0),
    issued_on   TEXT NOT NULL,
    due_on      TEXT NOT NULL CHECK (due_on >= issued_on),
    paid_on     TEXT CHECK (paid_on IS NULL OR paid_on >= issued_on),
    void        INTEGER NOT NULL DEFAULT 0 CHECK (void IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX invoice_number ON invoice (number COLLATE NOCASE);
CREATE INDEX invoice_client ON invoice (client_id, issued_on);
CREATE INDEX invoice_due ON invoice (due_on);

CREATE TABLE invoice_line (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    description     TEXT NOT NULL CHECK (length(description) > 0),
    amount_cents    INTEGER NOT NULL,
    kpi_id          INTEGER REFERENCES kpi (id) ON DELETE SET NULL,
    deliverable_id  INTEGER REFERENCES deliverable (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id, position);

CREATE TABLE complaint (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    opened_on   TEXT NOT NULL,
    closed_on   TEXT CHECK (closed_on IS NULL OR closed_on >= opened_on),
    tag         TEXT NOT NULL CHECK (tag IN ('billing', 'quality', 'deadline', 'scope', 'other')),
    summary     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX complaint_client ON complaint (client_id, opened_on);

CREATE TABLE survey_answer (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    stakeholder_id  INTEGER REFERENCES stakeholder (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
    score           INTEGER NOT NULL,
    answered_on     TEXT NOT NULL,
    comment         TEXT NOT NULL DEFAULT '',
    followed_up_on  TEXT,
    created_at      TEXT NOT NULL,
    CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5)
        OR (kind = 'ces' AND score BETWEEN 1 AND 7))
) STRICT;
CREATE INDEX survey_answer_client ON survey_answer (client_id, answered_on);

-- Hours used per client per month, against the contract's included hours.
CREATE TABLE hours_used (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    hundredths  INTEGER NOT NULL CHECK (hundredths >= 0),
    UNIQUE (client_id, month)
) STRICT;

CREATE TABLE checklist_template (
    id        INTEGER PRIMARY KEY,
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL CHECK (length(title) > 0)
) STRICT;
INSERT INTO checklist_template (position, title) VALUES
    (1, 'Kick-off call held'),
    (2, 'Goal agreed in the client''s words'),
    (3, 'KPIs with baseline and target recorded'),
    (4, 'Access to analytics and tools received'),
    (5, 'Check-in cadence agreed'),
    (6, 'First quick win planned');

CREATE TABLE checklist_item (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL CHECK (length(title) > 0),
    done_on     TEXT
) STRICT;
CREATE INDEX checklist_item_client ON checklist_item (client_id, position);

CREATE TABLE opportunity (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('upsell', 'cross_sell', 'new_project', 'price_increase', 'other')),
    title       TEXT NOT NULL CHECK (length(title) > 0),
    value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
    stage       TEXT NOT NULL CHECK (stage IN ('idea', 'proposed', 'won', 'lost')),
    opened_on   TEXT NOT NULL,
    closed_on   TEXT,
    show_client INTEGER NOT NULL DEFAULT 0 CHECK (show_client IN (0, 1)),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX opportunity_client ON opportunity (client_id);

-- A referral: `from_client_id` sent us `to_client_id`.
CREATE TABLE referral (
    id              INTEGER PRIMARY KEY,
    from_client_id  INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    to_client_id    INTEGER NOT NULL UNIQUE REFERENCES client (id) ON DELETE CASCADE,
    referred_on     TEXT NOT NULL,
    CHECK (from_client_id != to_client_id)
) STRICT;

CREATE TABLE testimonial (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    asked_on    TEXT NOT NULL,
    received_on TEXT,
    quote       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX testimonial_client ON testimonial (client_id);
