-- Every record of every list version (a petition, a household), as read: the office can look up the rows
-- behind a list's counts, and a change in how a list aggregates can be replayed without the file.
-- fields: the record as a JSON object keyed by the list form's column codes, values as read and typed
-- (dates ISO yyyy-MM-dd, numbers plain, text NFC), e.g. {"NGAY_NHAN":"2022-10-05","TINH_TRANG":"Đã giải quyết"}.
-- A list being read writes its records in batches before its submission is stored; a killed read leaves the
-- submission RECEIVED and its partial records are deleted when it is read again.
CREATE TABLE list_record (
    submission_id  BIGINT         NOT NULL,
    sheet_row      INTEGER        NOT NULL,  -- the row in the file (1-based, as Excel numbers it)
    fields         VARCHAR(32000) NOT NULL,
    PRIMARY KEY (submission_id, sheet_row)
);
