package vn.giaoban.submission;

/** How much a finding matters to the value it is about. */
public enum Severity {
    /** the value was not taken */
    ERROR,
    /** the value was taken, but a person should look at it */
    WARNING,
    /** for the record: a row that is not part of the form, a guess that was made */
    INFO
}
