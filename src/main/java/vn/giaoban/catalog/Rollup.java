package vn.giaoban.catalog;

/**
 * How a level's total of an indicator is formed. Levels are not always sums: the district's 243
 * petitions are the district level's own 57 plus the communes' 186.
 */
public enum Rollup {
    /** the level's own figure, reported for it by its department (revenue, crime) */
    OWN,
    /** the level's own figure plus the totals of its communes and towns (petitions) */
    OWN_PLUS_CHILDREN,
    /** no total: the figure only means something for the unit itself (a commune's NTM criteria) */
    NONE
}
