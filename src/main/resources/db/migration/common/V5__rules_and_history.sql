-- The checks between figures (catalog rules.csv), evaluated for each period after consolidation: one row per
-- rule and unit evaluated, whatever its outcome, with the figures it looked at, so that a discrepancy can be
-- explained later from the database alone.
CREATE TABLE rule_result (
    period      CHAR(7)       NOT NULL,
    rule_code   VARCHAR(40)   NOT NULL,
    unit_key    VARCHAR(40)   NOT NULL,   -- the unit whose figures were judged
    severity    VARCHAR(10)   NOT NULL,   -- ERROR (the judged value is left out), WARNING
    outcome     VARCHAR(20)   NOT NULL,   -- PASSED, FAILED, NOT_EVALUATED (an operand is missing)
    subject     VARCHAR(40)   NOT NULL,   -- the indicator the rule judges
    responsible VARCHAR(400)  NOT NULL,   -- keys of the units that can fix it, space-separated (their feedback)
    in_briefing BOOLEAN       NOT NULL,
    message     VARCHAR(2000),            -- Vietnamese, for FAILED and NOT_EVALUATED
    looked_at   VARCHAR(2000) NOT NULL,   -- the figures read, "v(DT_TIEP_NHAN)=186; ..."
    own_figure_missing BOOLEAN NOT NULL,  -- not evaluated for lack of a figure the unit's own report should give
    PRIMARY KEY (period, rule_code, unit_key)
);
