-- v19: a second checklist, for when a client ends (handover, final invoice, the exit talk, a
-- testimonial where it ended well). Every template step and client step so far is onboarding's.
ALTER TABLE checklist_template ADD COLUMN list TEXT NOT NULL DEFAULT 'onboarding'
    CHECK (list IN ('onboarding', 'offboarding'));
ALTER TABLE checklist_item ADD COLUMN list TEXT NOT NULL DEFAULT 'onboarding'
    CHECK (list IN ('onboarding', 'offboarding'));
INSERT INTO checklist_template (position, title, list) VALUES
    (1, 'Files, source files and brand assets handed over', 'offboarding'),
    (2, 'Access to their accounts and tools handed back, ours removed', 'offboarding'),
    (3, 'Final invoice sent', 'offboarding'),
    (4, 'Exit conversation held: what worked, what did not', 'offboarding'),
    (5, 'Testimonial or introduction asked for, where it ended well', 'offboarding');
