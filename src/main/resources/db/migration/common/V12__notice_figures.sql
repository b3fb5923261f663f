-- Every figure of a notice traceable to its sources (issue 13): the figures of section I and of the annex
-- tables, each with how it was formed, its parts and the cells it was read from, recorded by the composition
-- that wrote the notice (vn.giaoban.briefing.NoticeTraces). One trace per office and period, replaced each night
-- the notice is written again.
CREATE TABLE notice_trace (
    office_code VARCHAR(20) NOT NULL,
    period      CHAR(7)     NOT NULL,
    night       DATE        NOT NULL,
    PRIMARY KEY (office_code, period)
);

-- Section I's items cut into plain text and figures: joined in seq order, a paragraph is the printed one.
CREATE TABLE notice_segment (
    office_code VARCHAR(20)   NOT NULL,
    period      CHAR(7)       NOT NULL,
    seq         INTEGER       NOT NULL,
    section     VARCHAR(10)   NOT NULL,   -- I.1, I.2
    paragraph   INTEGER       NOT NULL,   -- from 1 within its section
    text        VARCHAR(20000) NOT NULL, -- a reporting paragraph names every unit that has not reported
    figure_id   VARCHAR(60),              -- NULL for plain text
    PRIMARY KEY (office_code, period, seq)
);

-- A figure and, under it (parent_id), its parts: a sum's, a ratio's numerator and denominator, ...
CREATE TABLE notice_figure (
    office_code VARCHAR(20)    NOT NULL,
    period      CHAR(7)        NOT NULL,
    seq         INTEGER        NOT NULL,  -- the notice's order, each figure followed by its parts
    figure_id   VARCHAR(60)    NOT NULL,  -- so-12, so-12-1: an HTML anchor
    parent_id   VARCHAR(60),
    place       VARCHAR(1000)  NOT NULL,  -- Mục I.1, đoạn 3 / Biểu 2, hàng ..., cột ...
    label       VARCHAR(1000)  NOT NULL,
    shown       VARCHAR(200)   NOT NULL,
    num_value   NUMERIC(30, 10),
    derivation  VARCHAR(20)    NOT NULL,
    how         VARCHAR(20000),
    PRIMARY KEY (office_code, period, figure_id)
);

-- The cells a figure was read from: the file as the unit named it, sheet, cell, version, night received.
CREATE TABLE notice_figure_source (
    office_code    VARCHAR(20)   NOT NULL,
    period         CHAR(7)       NOT NULL,
    seq            INTEGER       NOT NULL,
    figure_id      VARCHAR(60)   NOT NULL,
    unit_code      VARCHAR(20),
    unit_name      VARCHAR(200),
    file_name      VARCHAR(500),
    sheet          VARCHAR(100),
    cell           VARCHAR(20),
    version        INTEGER,
    received_night DATE,
    value_read     VARCHAR(2000),
    note           VARCHAR(500),
    PRIMARY KEY (office_code, period, seq)
);
