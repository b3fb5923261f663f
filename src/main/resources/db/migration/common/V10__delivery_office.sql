-- Every office its own notice (issue 14): a delivery is one office's, sent to that office's own addresses
-- (offices.csv), and an office that asks for a bundle is also mailed one ZIP of its communes' notices.
-- The queue's rules hold per (period, office, kind): one delivery waits at a time, a newer one supersedes it,
-- and a notice whose content key equals the last one sent or waiting is not queued again.
ALTER TABLE delivery ADD COLUMN office VARCHAR(20);
-- NOTICE: the office's PDF (and DOCX); BUNDLE: a ZIP of the notices of the offices below it
ALTER TABLE delivery ADD COLUMN kind VARCHAR(10) DEFAULT 'NOTICE' NOT NULL;
-- a delivery still waiting went to the one list of giaoban.delivery.recipients, which is no more: the next
-- night queues each office's notice for its own addresses
UPDATE delivery SET status = 'SUPERSEDED', queued_period = NULL WHERE status = 'PENDING';
ALTER TABLE delivery DROP CONSTRAINT delivery_one_queued_per_period;
ALTER TABLE delivery DROP COLUMN queued_period;
-- 'yyyy-MM/<office>/<kind>' while the row is PENDING, NULL otherwise: at most one delivery of an office's
-- notice (or bundle) of a period waits to be sent
ALTER TABLE delivery ADD COLUMN queued VARCHAR(60);
ALTER TABLE delivery ADD CONSTRAINT delivery_one_queued_per_office UNIQUE (queued);
CREATE INDEX delivery_office ON delivery (period, office, kind, id);

-- The notice last written for each office and period (vn.giaoban.briefing): where its files are and what it
-- says. An office's bundle is made of the rows of the offices below it, and its content key of theirs, so the
-- bundle is mailed again only when one of those notices says something new.
CREATE TABLE briefing_output (
    period      CHAR(7)       NOT NULL,   -- yyyy-MM
    office      VARCHAR(20)   NOT NULL,   -- the office's unit code (offices.csv)
    pdf_path    VARCHAR(1000) NOT NULL,   -- absolute: reports/<yyyy-MM>/<office>/briefing-<yyyy-MM>.pdf
    docx_path   VARCHAR(1000) NOT NULL,
    annex_path  VARCHAR(1000) NOT NULL,
    content_key VARCHAR(128)  NOT NULL,
    written_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (period, office)
);
