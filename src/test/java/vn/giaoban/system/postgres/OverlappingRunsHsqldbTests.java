package vn.giaoban.system.postgres;

import java.util.List;

/** {@link OverlappingRunsScenario} on the embedded HSQLDB default, with the unit tests ({@code ./mvnw test}). */
class OverlappingRunsHsqldbTests extends OverlappingRunsScenario {

    @Override
    List<String> database() {
        return List.of();
    }
}
