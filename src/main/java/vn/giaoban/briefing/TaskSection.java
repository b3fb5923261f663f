package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeFigures.DAY;
import static vn.giaoban.briefing.NoticeFigures.month;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.giaoban.briefing.Briefing.Block;
import vn.giaoban.briefing.Briefing.Kind;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Task;

/** Section II: next month's tasks by sector, as the office recorded them, and how last month's stand. */
final class TaskSection {

    private final Catalog catalog;

    TaskSection(Catalog catalog) {
        this.catalog = catalog;
    }

    void write(String office, YearMonth period, LocalDate night, List<Block> blocks) {
        YearMonth next = period.plusMonths(1);
        blocks.add(new Block(Kind.SECTION, "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG " + month(next)));
        List<Task> tasks = catalog.tasks(office, period);
        if (tasks.isEmpty()) {
            blocks.add(new Block(Kind.PARAGRAPH, "Văn phòng chưa cập nhật danh mục nhiệm vụ tháng " + month(next)
                    + "; đề nghị bổ sung trước khi ban hành."));
        } else {
            blocks.add(new Block(Kind.PARAGRAPH, "Trong tháng " + next.getMonthValue()
                    + ", yêu cầu các cơ quan, đơn vị cần tập trung triển khai một số nội dung cụ thể sau đây:"));
            Map<String, List<Task>> bySector = new LinkedHashMap<>();
            tasks.forEach(task -> bySector.computeIfAbsent(task.sector(), k -> new ArrayList<>()).add(task));
            int number = 0;
            for (Map.Entry<String, List<Task>> sector : bySector.entrySet()) {
                List<String> responsible = sector.getValue().stream()
                        .flatMap(task -> Arrays.stream(task.responsible().split(";")))
                        .map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
                blocks.add(new Block(Kind.SUBSECTION, (++number) + ". " + sector.getKey() + " ("
                        + String.join("; ", responsible) + ")"));
                for (Task task : sector.getValue()) {
                    blocks.add(new Block(Kind.ITEM, task.text()
                            + (task.deadline() == null ? "" : " Thời hạn: " + DAY.format(task.deadline()) + ".")));
                }
            }
        }
        List<Task> previous = catalog.tasks(office, period.minusMonths(1));
        if (!previous.isEmpty()) {
            blocks.add(new Block(Kind.SUBSECTION, "Kết quả thực hiện nhiệm vụ tháng " + month(period)
                    + " đã giao"));
            for (Task task : previous) {
                blocks.add(new Block(Kind.ITEM, task.responsible() + ": " + clause(task.text()) + ", "
                        + followUp(task, night)));
            }
        }
    }

    /** The task as recorded, without its closing full stop: the follow-up ends the sentence. */
    private static String clause(String text) {
        String clause = text.strip();
        while (clause.endsWith(".") || clause.endsWith(";")) {
            clause = clause.substring(0, clause.length() - 1).strip();
        }
        return clause;
    }

    /** How a task given last month stands, as the end of its sentence: "..., đã hoàn thành." */
    private static String followUp(Task task, LocalDate night) {
        if (task.status() == Task.TaskStatus.DONE) {
            return "đã hoàn thành.";
        }
        if (task.deadline() != null && task.deadline().isBefore(night)) {
            return "quá hạn (thời hạn " + DAY.format(task.deadline()) + ").";
        }
        return task.status() == Task.TaskStatus.IN_PROGRESS ? "đang thực hiện." : "chưa có báo cáo kết quả.";
    }
}
