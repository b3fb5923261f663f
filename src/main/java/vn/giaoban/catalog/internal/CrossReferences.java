package vn.giaoban.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Delegation;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Succession;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;

/** Cross-references between the files: codes unique, every reference resolves. */
record CrossReferences(Catalog catalog, CatalogProblems problems) {

    void validate() {
        for (Unit unit : catalog.units()) {
            if (unit.parentCode() != null && catalog.parent(unit).isEmpty()) {
                problems.add("units.csv", 0, unit.code(), "đơn vị cấp trên " + unit.parentCode()
                        + " không có trong danh mục (hoặc không còn hiệu lực trong thời gian của đơn vị)");
            }
            successions(unit);
        }
        overlaps();
        Set<String> indicatorCodes = new HashSet<>();
        catalog.indicators().forEach(indicator -> indicatorCodes.add(indicator.code()));
        Map<String, String> carriedBy = new HashMap<>();
        for (Form form : catalog.forms()) {
            for (String code : form.indicatorCodes()) {
                if (!indicatorCodes.contains(code)) {
                    problems.add("forms.csv", 0, form.code(), "chỉ tiêu " + code + " không có trong indicators.csv");
                }
                String other = carriedBy.putIfAbsent(code, form.code());
                if (other != null && !other.equals(form.code())) {
                    problems.add("forms.csv", 0, form.code(), "chỉ tiêu " + code + " đã thuộc biểu mẫu " + other);
                }
            }
            for (String submitter : form.submitters()) {
                if (submitter.startsWith("kind:")) {
                    try {
                        UnitKind.valueOf(submitter.substring(5).toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problems.add("forms.csv", 0, form.code(), "loại đơn vị không hợp lệ " + submitter);
                    }
                } else if (catalog.unitsWithCode(submitter).isEmpty()) {
                    problems.add("forms.csv", 0, form.code(), "đơn vị gửi báo cáo " + submitter + " không có trong units.csv");
                }
            }
        }
        catalog.delegations().forEach(this::delegation);
        for (Target target : catalog.targets()) {
            if (!indicatorCodes.contains(target.indicator())) {
                problems.add("targets.csv", 0, target.code(), "chỉ tiêu " + target.indicator() + " không có trong indicators.csv");
            }
            if (catalog.unitsWithCode(target.unitCode()).isEmpty()) {
                problems.add("targets.csv", 0, target.code(), "đơn vị " + target.unitCode() + " không có trong units.csv");
            }
        }
    }

    /** The sender and the form exist, and each subject is a unit's code or a kind of unit. */
    private void delegation(Delegation delegation) {
        String entry = delegation.senderCode() + " " + delegation.formCode();
        if (catalog.unitsWithCode(delegation.senderCode()).isEmpty()) {
            problems.add("delegations.csv", 0, entry, "đơn vị gửi " + delegation.senderCode() + " không có trong units.csv");
        }
        if (catalog.form(delegation.formCode()).isEmpty()) {
            problems.add("delegations.csv", 0, entry, "biểu mẫu " + delegation.formCode() + " không có trong forms.csv");
        }
        if (delegation.subjects().isEmpty()) {
            problems.add("delegations.csv", 0, entry, "cột subjects không được để trống");
        }
        for (String subject : delegation.subjects()) {
            if (subject.startsWith("kind:")) {
                try {
                    UnitKind.valueOf(subject.substring(5).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("delegations.csv", 0, entry, "loại đơn vị không hợp lệ " + subject);
                }
            } else if (catalog.unitsWithCode(subject).isEmpty()) {
                problems.add("delegations.csv", 0, entry, "đơn vị " + subject + " không có trong units.csv");
            }
        }
    }

    /**
     * A successor exists and begins the day after its predecessor ends; the shares of one
     * predecessor add up to all of it when all are known, and leave room for the unknown ones.
     */
    private void successions(Unit unit) {
        if (unit.successors().isEmpty()) {
            return;
        }
        String entry = unit.key();
        if (unit.validTo() == null) {
            problems.add("units.csv", 0, entry, "có đơn vị kế thừa nhưng chưa ghi ngày hết hiệu lực (valid_to)");
        }
        BigDecimal known = BigDecimal.ZERO;
        boolean unknown = false;
        Set<String> seen = new HashSet<>();
        for (Succession succession : unit.successors()) {
            if (!seen.add(succession.successorKey())) {
                problems.add("units.csv", 0, entry, "đơn vị kế thừa " + succession.successorKey() + " ghi hai lần");
            }
            Optional<Unit> successor = catalog.unitByKey(succession.successorKey());
            if (successor.isEmpty()) {
                problems.add("units.csv", 0, entry, "đơn vị kế thừa " + succession.successorKey()
                        + " không có trong danh mục");
            } else if (unit.validTo() != null && !unit.validTo().plusDays(1).equals(successor.get().validFrom())) {
                problems.add("units.csv", 0, entry, "đơn vị kế thừa " + succession.successorKey()
                        + " phải có hiệu lực từ ngày " + unit.validTo().plusDays(1)
                        + ", ngay sau ngày hết hiệu lực của đơn vị này");
            }
            if (succession.shareKnown()) {
                known = known.add(succession.share());
            } else {
                unknown = true;
            }
        }
        if (!unknown && known.compareTo(BigDecimal.ONE) != 0) {
            problems.add("units.csv", 0, entry, "tổng tỷ lệ chuyển sang các đơn vị kế thừa là "
                    + known.stripTrailingZeros().toPlainString() + ", phải bằng 1");
        } else if (unknown && known.compareTo(BigDecimal.ONE) >= 0) {
            problems.add("units.csv", 0, entry, "tổng tỷ lệ đã biết là " + known.stripTrailingZeros().toPlainString()
                    + " nên không còn phần nào cho đơn vị kế thừa chưa ghi tỷ lệ (tổng phải nhỏ hơn 1)");
        }
    }

    /** One code names one unit on any day: the periods of the units that carried it do not overlap. */
    private void overlaps() {
        Map<String, List<Unit>> byCode = new HashMap<>();
        catalog.units().forEach(unit -> byCode.computeIfAbsent(unit.code(), c -> new ArrayList<>()).add(unit));
        for (List<Unit> units : byCode.values()) {
            for (int i = 0; i < units.size(); i++) {
                for (int j = i + 1; j < units.size(); j++) {
                    Unit a = units.get(i);
                    Unit b = units.get(j);
                    if (!a.key().equals(b.key()) && overlap(a, b)) {
                        problems.add("units.csv", 0, a.code(), "thời gian hiệu lực của " + a.name() + " (" + a.key()
                                + ") và " + b.name() + " (" + b.key() + ") chồng lên nhau: một mã chỉ thuộc một"
                                + " đơn vị trong cùng một ngày");
                    }
                }
            }
        }
    }

    private static boolean overlap(Unit a, Unit b) {
        LocalDate min = LocalDate.MIN;
        LocalDate max = LocalDate.MAX;
        LocalDate aFrom = a.validFrom() == null ? min : a.validFrom();
        LocalDate aTo = a.validTo() == null ? max : a.validTo();
        LocalDate bFrom = b.validFrom() == null ? min : b.validFrom();
        LocalDate bTo = b.validTo() == null ? max : b.validTo();
        return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
    }
}
